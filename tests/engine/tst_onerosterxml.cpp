// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// OneRoster XML files: converted into a bundle folder and then validated and loaded like CSV,
// with the XML limits and the findings mapped back to the XML file's lines and attributes.

#include "../testdata.h"
#include "core/timeutil.h"
#include "inbound/csvreader.h"
#include "inbound/onerosterbundle.h"
#include "inbound/onerosterxml.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamWriter>

#include <memory>

using hub::inbound::Issue;
using hub::inbound::OneRosterBundle;
using hub::inbound::OneRosterXml;
using hub::inbound::XmlLimits;

namespace {

constexpr qint64 csvDistrict = 1;
constexpr qint64 xmlDistrict = 2;

const QStringList rosterTables
    = {QStringLiteral("orgs"),        QStringLiteral("academic_sessions"),
       QStringLiteral("courses"),     QStringLiteral("classes"),
       QStringLiteral("users"),       QStringLiteral("user_roles"),
       QStringLiteral("enrollments"), QStringLiteral("demographics")};

// The record element of each section of the layout.
const QMap<QString, QString> recordNames{
    {QStringLiteral("orgs"), QStringLiteral("org")},
    {QStringLiteral("academicSessions"), QStringLiteral("academicSession")},
    {QStringLiteral("courses"), QStringLiteral("course")},
    {QStringLiteral("classes"), QStringLiteral("class")},
    {QStringLiteral("users"), QStringLiteral("user")},
    {QStringLiteral("roles"), QStringLiteral("role")},
    {QStringLiteral("enrollments"), QStringLiteral("enrollment")},
    {QStringLiteral("demographics"), QStringLiteral("demographic")},
};

// A small valid OneRoster 1.1 roster, one record per line so each record's line is known:
// orgs on lines 4-5, academicSessions 8-9, courses 12, classes 15, users 18-19, enrollments
// 22-23.
QByteArray validXml()
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<oneRoster version="1.1">
  <orgs mode="bulk">
    <org sourcedId="org-d" status="active" dateLastModified="2024-01-02T03:04:05.000Z" name="District" type="district" identifier="D1"/>
    <org sourcedId="org-s" status="active" dateLastModified="2024-01-02T03:04:05.000Z" name="School &amp; Annex" type="school" identifier="S1" parentSourcedId="org-d"/>
  </orgs>
  <academicSessions>
    <academicSession sourcedId="as-y" status="active" dateLastModified="2024-01-02T03:04:05.000Z" title="2024" type="schoolYear" startDate="2023-07-01" endDate="2024-06-30" schoolYear="2024"/>
    <academicSession sourcedId="as-t" status="active" dateLastModified="2024-01-02T03:04:05.000Z" title="Fall" type="term" startDate="2023-09-01" endDate="2023-12-20" parentSourcedId="as-y" schoolYear="2024"/>
  </academicSessions>
  <courses>
    <course sourcedId="crs-1" status="active" dateLastModified="2024-01-02T03:04:05.000Z" schoolYearSourcedId="as-y" title="Algebra, Part 1" courseCode="ALG" grades="09,10" orgSourcedId="org-s" subjects="Math"/>
  </courses>
  <classes>
    <class sourcedId="cls-1" status="active" dateLastModified="2024-01-02T03:04:05.000Z" title="Algebra 1" grades="09" courseSourcedId="crs-1" classCode="ALG-1" classType="scheduled" location="Room &quot;1&quot;" schoolSourcedId="org-s" termSourcedIds="as-t" subjects="Math" periods="1"/>
  </classes>
  <users>
    <user sourcedId="usr-t" status="active" dateLastModified="2024-01-02T03:04:05.000Z" enabledUser="true" orgSourcedIds="org-s" role="teacher" username="tina" givenName="Tina" familyName="Teach" identifier="T1" email="t@example.org"/>
    <user sourcedId="usr-s" status="active" dateLastModified="2024-01-02T03:04:05.000Z" enabledUser="true" orgSourcedIds="org-s,org-d" role="student" username="sam" userIds="{LDAP:1}" givenName="S&#233;amus" familyName="Study&#10;Hall" identifier="S1" grades="09"/>
  </users>
  <enrollments mode="bulk">
    <enrollment sourcedId="enr-t" status="active" dateLastModified="2024-01-02T03:04:05.000Z" classSourcedId="cls-1" schoolSourcedId="org-s" userSourcedId="usr-t" role="teacher" primary="true" beginDate="2023-09-01" endDate="2023-12-20"/>
    <enrollment sourcedId="enr-s" status="active" dateLastModified="2024-01-02T03:04:05.000Z" classSourcedId="cls-1" schoolSourcedId="org-s" userSourcedId="usr-s" role="student" primary="false"/>
  </enrollments>
</oneRoster>
)";
}

// The CSV bundle with the same records as validXml().
QMap<QString, QByteArray> validCsvBundle()
{
    return {
        {QStringLiteral("manifest.csv"),
         "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
         "file.orgs,bulk\r\nfile.academicSessions,bulk\r\nfile.courses,bulk\r\n"
         "file.classes,bulk\r\nfile.users,bulk\r\nfile.enrollments,bulk\r\n"},
        {QStringLiteral("orgs.csv"),
         "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
         "org-d,active,2024-01-02T03:04:05.000Z,District,district,D1,\r\n"
         "org-s,active,2024-01-02T03:04:05.000Z,School & Annex,school,S1,org-d\r\n"},
        {QStringLiteral("academicSessions.csv"),
         "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,"
         "schoolYear\r\n"
         "as-y,active,2024-01-02T03:04:05.000Z,2024,schoolYear,2023-07-01,2024-06-30,,2024\r\n"
         "as-t,active,2024-01-02T03:04:05.000Z,Fall,term,2023-09-01,2023-12-20,as-y,2024\r\n"},
        {QStringLiteral("courses.csv"),
         "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
         "orgSourcedId,subjects\r\n"
         "crs-1,active,2024-01-02T03:04:05.000Z,as-y,\"Algebra, Part 1\",ALG,\"09,10\",org-s,"
         "Math\r\n"},
        {QStringLiteral("classes.csv"),
         "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
         "location,schoolSourcedId,termSourcedIds,subjects,periods\r\n"
         "cls-1,active,2024-01-02T03:04:05.000Z,Algebra 1,09,crs-1,ALG-1,scheduled,"
         "\"Room \"\"1\"\"\",org-s,as-t,Math,1\r\n"},
        {QStringLiteral("users.csv"),
         "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
         "givenName,familyName,identifier,email,grades\r\n"
         "usr-t,active,2024-01-02T03:04:05.000Z,true,org-s,teacher,tina,,Tina,Teach,T1,"
         "t@example.org,\r\n"
         "usr-s,active,2024-01-02T03:04:05.000Z,true,\"org-s,org-d\",student,sam,{LDAP:1},"
         "S\xC3\xA9" "amus,\"Study\nHall\",S1,,09\r\n"},
        {QStringLiteral("enrollments.csv"),
         "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
         "primary,beginDate,endDate\r\n"
         "enr-t,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-t,teacher,true,2023-09-01,"
         "2023-12-20\r\n"
         "enr-s,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,false,,\r\n"},
    };
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// Writes an XML roster with the rows of a CSV bundle folder: one record per row, an attribute
// per column, the manifest's bulk and delta files as sections. Returns an empty string on
// success, or what failed.
QString xmlFromCsvFolder(const QString &folder, const QString &target)
{
    QFile manifestFile(QDir(folder).filePath(QStringLiteral("manifest.csv")));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return manifestFile.errorString();
    auto manifest = hub::inbound::CsvReader::readAll(&manifestFile);
    if (!manifest)
        return manifest.error();
    QString version;
    QList<std::pair<QString, QString>> sections;
    for (const hub::inbound::CsvRecord &record : std::as_const(*manifest)) {
        const QString key = record.fields.value(0).trimmed();
        const QString value = record.fields.value(1).trimmed();
        if (key == QLatin1String("oneroster.version"))
            version = value;
        const QString fileKey = key.mid(5);
        if (key.startsWith(QLatin1String("file.")) && recordNames.contains(fileKey)
            && (value == QLatin1String("bulk") || value == QLatin1String("delta")))
            sections.append({fileKey, value});
    }

    QFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("oneRoster"));
    writer.writeAttribute(QStringLiteral("version"), version);
    for (const auto &[key, mode] : sections) {
        // Bundles differ in the case of file names.
        QString name;
        for (const QString &entry : QDir(folder).entryList({QStringLiteral("*.csv")})) {
            if (entry.compare(key + QLatin1String(".csv"), Qt::CaseInsensitive) == 0)
                name = entry;
        }
        QFile csv(QDir(folder).filePath(name));
        if (!csv.open(QIODevice::ReadOnly))
            return QStringLiteral("%1: %2").arg(name, csv.errorString());
        auto records = hub::inbound::CsvReader::readAll(&csv);
        if (!records)
            return records.error();
        writer.writeStartElement(key);
        writer.writeAttribute(QStringLiteral("mode"), mode);
        const QStringList header = records->value(0).fields;
        for (qsizetype row = 1; row < records->size(); ++row) {
            writer.writeStartElement(recordNames.value(key));
            const QStringList fields = records->at(row).fields;
            for (qsizetype i = 0; i < header.size(); ++i)
                writer.writeAttribute(header.at(i).trimmed(), fields.value(i));
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return {};
}

// The findings as file|line|column|severity|rule, for comparing whole reports.
QStringList rows(const QList<Issue> &issues)
{
    QStringList texts;
    for (const Issue &issue : issues) {
        texts.append(QStringLiteral("%1|%2|%3|%4|%5")
                         .arg(issue.file)
                         .arg(issue.line)
                         .arg(issue.column,
                              issue.severity == Issue::Severity::Error ? QStringLiteral("error")
                                                                       : QStringLiteral("warning"),
                              issue.rule));
    }
    return texts;
}

// The findings about data rows (line 2 on) as file|line|column|severity|rule|value, file names in
// lower case because bundles differ in case.
QStringList rowFindings(const QList<Issue> &issues)
{
    QStringList texts;
    for (const Issue &issue : issues) {
        if (issue.line < 2)
            continue;
        texts.append(QStringLiteral("%1|%2|%3|%4|%5|%6")
                         .arg(issue.file.toLower())
                         .arg(issue.line)
                         .arg(issue.column,
                              issue.severity == Issue::Severity::Error ? QStringLiteral("error")
                                                                       : QStringLiteral("warning"),
                              issue.rule, issue.value));
    }
    return texts;
}

} // namespace

class tst_OneRosterXml final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsSameAsCsv();
    void loadsSampleBundleAsXml_data();
    void loadsSampleBundleAsXml();
    void detectsXml();
    void reportsValueFaults_data();
    void reportsValueFaults();
    void namesRejectedRecordLine();
    void rejectsUnsafeXml_data();
    void rejectsUnsafeXml();
    void rejectsOversizeFile();
    void skipsUnknownSection();
    void rejectsCollidingRoleIds();

private:
    QSqlDatabase db() const { return m_store->connection(); }
    qint64 count(const QString &table, qint64 district) const;
    QString snapshot() const;
    QString newFolder();
    QString writeXml(const QByteArray &xml);
    // Converts, opens and validates an XML file for district; bundle is set when the
    // conversion and open() succeed. unmapped receives the findings about the CSV files that
    // the XML became, before mapIssues().
    QList<Issue> validateXml(const QString &path, qint64 district,
                             std::unique_ptr<OneRosterBundle> &bundle,
                             QList<Issue> *unmapped = nullptr);
    QList<Issue> validateCsv(const QString &folder, qint64 district,
                             std::unique_ptr<OneRosterBundle> &bundle);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::Store> m_store;
    int m_folders = 0;
};

void tst_OneRosterXml::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database = hubtest::testDatabase(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    m_store = std::make_unique<hub::Store>(database);
    auto opened = m_store->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    for (const qint64 id : {csvDistrict, xmlDistrict}) {
        auto inserted = hub::execute(db(),
                                     QStringLiteral("INSERT INTO districts (id, name, created_at) "
                                                    "VALUES (?, ?, ?)"),
                                     {id, QStringLiteral("District %1").arg(id), hub::nowIsoUtc()});
        QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    }
}

void tst_OneRosterXml::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 tst_OneRosterXml::count(const QString &table, qint64 district) const
{
    auto value = hub::selectValue(
        db(), QStringLiteral("SELECT COUNT(*) FROM %1 WHERE district_id = ?").arg(table),
        {district});
    return value ? value->toLongLong() : -1;
}

// Every stored roster row as text, to compare the store before and after a rejected load.
QString tst_OneRosterXml::snapshot() const
{
    QString text;
    for (const QString &table : rosterTables) {
        QSqlQuery query(db());
        query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY district_id, sourced_id").arg(table));
        while (query.next()) {
            text += table;
            for (int i = 0; i < query.record().count(); ++i)
                text += QLatin1Char('|') + query.value(i).toString();
            text += QLatin1Char('\n');
        }
    }
    return text;
}

QString tst_OneRosterXml::newFolder()
{
    return m_dir->filePath(QStringLiteral("folder%1").arg(++m_folders));
}

QString tst_OneRosterXml::writeXml(const QByteArray &xml)
{
    const QString path = m_dir->filePath(QStringLiteral("roster%1.xml").arg(++m_folders));
    return writeFile(path, xml) ? path : QString();
}

QList<Issue> tst_OneRosterXml::validateXml(const QString &path, qint64 district,
                                           std::unique_ptr<OneRosterBundle> &bundle,
                                           QList<Issue> *unmapped)
{
    const OneRosterXml xml = OneRosterXml::convert(path, newFolder(), QStringLiteral("roster.xml"));
    if (!xml.ok())
        return xml.warnings() + xml.errors();
    auto opened = OneRosterBundle::open(xml.folder(), newFolder());
    if (!opened) {
        qWarning("open() failed: %s", qPrintable(opened.error()));
        return {};
    }
    bundle = std::make_unique<OneRosterBundle>(std::move(opened).value());
    const QList<Issue> issues = bundle->validate(db(), district);
    if (unmapped)
        *unmapped = issues;
    return xml.warnings() + xml.mapIssues(issues);
}

QList<Issue> tst_OneRosterXml::validateCsv(const QString &folder, qint64 district,
                                           std::unique_ptr<OneRosterBundle> &bundle)
{
    auto opened = OneRosterBundle::open(folder, newFolder());
    if (!opened) {
        qWarning("open() failed: %s", qPrintable(opened.error()));
        return {};
    }
    bundle = std::make_unique<OneRosterBundle>(std::move(opened).value());
    return bundle->validate(db(), district);
}

void tst_OneRosterXml::loadsSameAsCsv()
{
    const QString csvFolder = newFolder();
    QVERIFY(QDir().mkpath(csvFolder));
    const auto files = validCsvBundle();
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QVERIFY(writeFile(QDir(csvFolder).filePath(it.key()), it.value()));
    std::unique_ptr<OneRosterBundle> csvBundle;
    const QList<Issue> csvIssues = validateCsv(csvFolder, csvDistrict, csvBundle);
    QVERIFY(csvBundle);
    QCOMPARE(rows(csvIssues), QStringList());
    auto csvLoaded = csvBundle->load(db(), csvDistrict);
    QVERIFY2(csvLoaded.ok(), qPrintable(csvLoaded.error()));

    const QString xmlPath = writeXml(validXml());
    std::unique_ptr<OneRosterBundle> xmlBundle;
    const QList<Issue> xmlIssues = validateXml(xmlPath, xmlDistrict, xmlBundle);
    QVERIFY2(xmlBundle, qPrintable(rows(xmlIssues).join(QLatin1Char('\n'))));
    QCOMPARE(rows(xmlIssues), QStringList());
    auto xmlLoaded = xmlBundle->load(db(), xmlDistrict);
    QVERIFY2(xmlLoaded.ok(), qPrintable(xmlLoaded.error()));

    QCOMPARE(xmlLoaded->rowsRead, csvLoaded->rowsRead);
    QCOMPARE(xmlLoaded->rowsWritten, csvLoaded->rowsWritten);
    QCOMPARE(xmlLoaded->rowsRead, 13);
    for (const QString &table : rosterTables)
        QCOMPARE(count(table, xmlDistrict), count(table, csvDistrict));

    // Escaped characters, commas, quotes and a line break arrive as written.
    const auto value = [&](const QString &table, const QString &id, const QString &column) {
        return hub::selectValue(db(),
                                QStringLiteral("SELECT %1 FROM %2 WHERE district_id = ? AND "
                                               "sourced_id = ?")
                                    .arg(column, table),
                                {xmlDistrict, id})
            ->toString();
    };
    QCOMPARE(value(QStringLiteral("orgs"), QStringLiteral("org-s"), QStringLiteral("name")),
             QStringLiteral("School & Annex"));
    QCOMPARE(value(QStringLiteral("courses"), QStringLiteral("crs-1"), QStringLiteral("title")),
             QStringLiteral("Algebra, Part 1"));
    QCOMPARE(value(QStringLiteral("classes"), QStringLiteral("cls-1"), QStringLiteral("location")),
             QStringLiteral("Room \"1\""));
    QCOMPARE(value(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("given_name")),
             QStringLiteral("S\u00e9amus"));
    QCOMPARE(value(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("family_name")),
             QStringLiteral("Study\nHall"));
    QCOMPARE(value(QStringLiteral("courses"), QStringLiteral("crs-1"), QStringLiteral("grades")),
             QStringLiteral("[\"09\",\"10\"]"));
}

void tst_OneRosterXml::loadsSampleBundleAsXml_data()
{
    QTest::addColumn<QString>("sample");
    QTest::newRow("catalyst 1.1 full") << QStringLiteral("catalyst-moodle-v1p1-full");
    QTest::newRow("catalyst 1.2 delta") << QStringLiteral("catalyst-moodle-v1p2-delta");
    QTest::newRow("oat-sa 1.1") << QStringLiteral("oat-sa-v1p1");
}

void tst_OneRosterXml::loadsSampleBundleAsXml()
{
    QFETCH(QString, sample);
    const QString folder = hubtest::samplePath(sample);
    if (folder.isEmpty())
        QSKIP(qPrintable(QStringLiteral("Sample data %1 not found under %2; set "
                                        "HUBDESK_TEST_DATA_DIR to the folder of sample files.")
                             .arg(sample, hubtest::sampleDataDir())));
    const QString xmlPath = m_dir->filePath(QStringLiteral("sample.xml"));
    const QString written = xmlFromCsvFolder(folder, xmlPath);
    QVERIFY2(written.isEmpty(), qPrintable(written));

    std::unique_ptr<OneRosterBundle> csvBundle;
    const QList<Issue> csvIssues = validateCsv(folder, csvDistrict, csvBundle);
    QVERIFY(csvBundle);
    std::unique_ptr<OneRosterBundle> xmlBundle;
    QList<Issue> unmapped;
    const QList<Issue> xmlIssues = validateXml(xmlPath, xmlDistrict, xmlBundle, &unmapped);
    QVERIFY2(xmlBundle, qPrintable(rows(xmlIssues).join(QLatin1Char('\n'))));

    // The same findings about rows. Header findings may differ: a CSV header without rows and
    // a file that the hub does not store have no counterpart in XML.
    QCOMPARE(rowFindings(unmapped), rowFindings(csvIssues));
    for (const Issue &issue : xmlIssues) {
        QCOMPARE(issue.file, QStringLiteral("roster.xml"));
        QVERIFY(issue.line > 0);
    }
    QCOMPARE(xmlBundle->validateCounts().rowsRead, csvBundle->validateCounts().rowsRead);
    QCOMPARE(xmlBundle->validateCounts().rowsWritten, csvBundle->validateCounts().rowsWritten);
    QCOMPARE(xmlBundle->errorCount(), csvBundle->errorCount());
    if (csvBundle->errorCount() > 0)
        return;

    auto csvLoaded = csvBundle->load(db(), csvDistrict);
    QVERIFY2(csvLoaded.ok(), qPrintable(csvLoaded.error()));
    auto xmlLoaded = xmlBundle->load(db(), xmlDistrict);
    QVERIFY2(xmlLoaded.ok(), qPrintable(xmlLoaded.error()));
    QCOMPARE(xmlLoaded->rowsRead, csvLoaded->rowsRead);
    QVERIFY(xmlLoaded->rowsRead > 0);
    for (const QString &table : rosterTables)
        QCOMPARE(count(table, xmlDistrict), count(table, csvDistrict));
}

void tst_OneRosterXml::detectsXml()
{
    QVERIFY(hub::inbound::looksLikeXml(writeXml("\xEF\xBB\xBF\r\n  <oneRoster/>")));
    QVERIFY(hub::inbound::looksLikeXml(writeXml("<?xml version=\"1.0\"?><oneRoster/>")));
    QVERIFY(!hub::inbound::looksLikeXml(writeXml("PK\x03\x04")));
    QVERIFY(!hub::inbound::looksLikeXml(writeXml("sourcedId,status\r\n")));
    QVERIFY(!hub::inbound::looksLikeXml(writeXml("")));
    QVERIFY(!hub::inbound::looksLikeXml(m_dir->filePath(QStringLiteral("missing.xml"))));
}

void tst_OneRosterXml::reportsValueFaults_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("value");

    // Each row changes one attribute of validXml(); lines are those of validXml().
    QTest::newRow("day-first date")
        << QByteArray(R"(sourcedId="org-d" status="active" dateLastModified="2024-01-02T03:04:05.000Z")")
        << QByteArray(R"(sourcedId="org-d" status="active" dateLastModified="02/01/2024")")
        << QStringLiteral("roster.xml|4|org/@dateLastModified|error|date-format")
        << QStringLiteral("02/01/2024");
    QTest::newRow("duplicate id, other case")
        << QByteArray(R"(sourcedId="usr-s")") << QByteArray(R"(sourcedId="USR-T")")
        << QStringLiteral("roster.xml|19|user/@sourcedId|error|duplicate-id")
        << QStringLiteral("USR-T");
    QTest::newRow("missing required attribute")
        << QByteArray(R"(username="tina" )") << QByteArray()
        << QStringLiteral("roster.xml|18|user/@username|error|required") << QString();
    QTest::newRow("bad enum")
        << QByteArray(R"(classType="scheduled")") << QByteArray(R"(classType="lecture")")
        << QStringLiteral("roster.xml|15|class/@classType|error|enum")
        << QStringLiteral("lecture");
    QTest::newRow("unknown reference")
        << QByteArray(R"(termSourcedIds="as-t")") << QByteArray(R"(termSourcedIds="as-x")")
        << QStringLiteral("roster.xml|15|class/@termSourcedIds|warning|unknown-reference")
        << QStringLiteral("as-x");
    QTest::newRow("givenName over its limit")
        << QByteArray(R"(givenName="Tina")") << "givenName=\"" + QByteArray(2000, 'T') + "\""
        << QStringLiteral("roster.xml|18|user/@givenName|error|field-length")
        << QString(40, QLatin1Char('T')) + QStringLiteral("...");
    QTest::newRow("reference over its limit")
        << QByteArray(R"(userSourcedId="usr-s")")
        << "userSourcedId=\"usr-" + QByteArray(252, 's') + "\""
        << QStringLiteral("roster.xml|23|enrollment/@userSourcedId|error|field-length")
        << QStringLiteral("usr-") + QString(36, QLatin1Char('s')) + QStringLiteral("...");
}

void tst_OneRosterXml::reportsValueFaults()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    QFETCH(QString, value);

    // The store contains a loaded roster first, so "unchanged" compares real rows.
    std::unique_ptr<OneRosterBundle> first;
    QVERIFY(validateXml(writeXml(validXml()), xmlDistrict, first).isEmpty());
    QVERIFY(first);
    QVERIFY(first->load(db(), xmlDistrict).ok());
    const QString before = snapshot();

    QByteArray xml = validXml();
    QVERIFY(xml.contains(from));
    xml.replace(xml.indexOf(from), from.size(), to);
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = validateXml(writeXml(xml), xmlDistrict, bundle);
    QVERIFY(bundle);
    QVERIFY2(rows(issues).contains(expected), qPrintable(rows(issues).join(QLatin1Char('\n'))));
    for (const Issue &issue : issues) {
        if (rows({issue}).constFirst() == expected)
            QCOMPARE(issue.value, value);
        // No message names the CSV file that the XML became.
        QVERIFY2(!issue.message.contains(QLatin1String(".csv")), qPrintable(issue.message));
    }

    if (bundle->errorCount() > 0) {
        auto loaded = bundle->load(db(), xmlDistrict);
        QVERIFY(!loaded.ok());
        QCOMPARE(snapshot(), before);
    } else {
        // A reference to a record that neither the file nor the store has is a Warning: the
        // load goes on, which is what the CSV path does too.
        QVERIFY(bundle->load(db(), xmlDistrict).ok());
    }
}

void tst_OneRosterXml::rejectsUnsafeXml_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("messageStart");

    QTest::newRow("billion laughs")
        << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE oneRoster [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<oneRoster version="1.1"><orgs><org sourcedId="&lol9;" name="x" type="district"/></orgs></oneRoster>
)") << QStringLiteral("roster.xml|13||error|xml-dtd")
        << QStringLiteral("The file has a document type declaration (DTD) at line 13");
    QTest::newRow("external entity")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE oneRoster SYSTEM \"file:///etc/passwd\">\n"
                      "<oneRoster version=\"1.1\"/>\n")
        << QStringLiteral("roster.xml|2||error|xml-dtd")
        << QStringLiteral("The file has a document type declaration (DTD) at line 2");
    QTest::newRow("undeclared entity")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs><org sourcedId=\"&lol;\"/></orgs>\n"
                      "</oneRoster>\n")
        << QStringLiteral("roster.xml|2||error|xml-syntax")
        << QStringLiteral("The file is not well-formed XML: ");

    QByteArray deep = "<oneRoster version=\"1.1\">\n<vendorData>";
    for (int i = 0; i < 40; ++i)
        deep += "<a>";
    QTest::newRow("too deep") << deep << QStringLiteral("roster.xml|2|a|error|xml-depth")
                              << QStringLiteral("Elements are nested 17 deep at line 2");

    QTest::newRow("oversize attribute")
        << ("<oneRoster version=\"1.1\">\n<orgs>\n<org sourcedId=\"org-1\" name=\""
            + QByteArray(70 * 1024, 'x') + "\" type=\"district\"/>\n</orgs></oneRoster>\n")
        << QStringLiteral("roster.xml|3|org/@name|error|xml-text-length")
        << QStringLiteral("The attribute name of the element that ends at line 3");
    QTest::newRow("oversize tag")
        << ("<oneRoster version=\"1.1\">\n<orgs>\n<org sourcedId=\"org-1\" name=\""
            + QByteArray(2 * 1024 * 1024, 'x'))
        << QStringLiteral("roster.xml|3|org|error|xml-token-length")
        << QStringLiteral("A tag, text or comment that starts near line 3");
    QTest::newRow("malformed")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs>\n<org sourcedId=\"o\">\n</orgs>\n")
        << QStringLiteral("roster.xml|4||error|xml-syntax")
        << QStringLiteral("The file is not well-formed XML: ");
    QTest::newRow("truncated")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs>\n<org sourcedId=\"o\"/>\n")
        << QStringLiteral("roster.xml|4||error|xml-syntax")
        << QStringLiteral("The file is not well-formed XML: ");
    QTest::newRow("wrong root")
        << QByteArray("<roster version=\"1.1\"/>\n")
        << QStringLiteral("roster.xml|1|roster|error|xml-layout")
        << QStringLiteral("The root element is <roster>");
    QTest::newRow("unknown version")
        << QByteArray("<oneRoster version=\"2.0\"/>\n")
        << QStringLiteral("roster.xml|1|oneRoster/@version|error|xml-layout")
        << QStringLiteral("<oneRoster> has version \"2.0\"");
    QTest::newRow("bad mode")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs mode=\"full\"/>\n</oneRoster>\n")
        << QStringLiteral("roster.xml|2|orgs/@mode|error|xml-layout")
        << QStringLiteral("<orgs> has mode \"full\"");
    QTest::newRow("section twice")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs/>\n<orgs/>\n</oneRoster>\n")
        << QStringLiteral("roster.xml|3|orgs|error|xml-layout")
        << QStringLiteral("<orgs> appears a second time at line 3");
    QTest::newRow("wrong record element")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs>\n<user sourcedId=\"u\"/>\n</orgs>\n"
                      "</oneRoster>\n")
        << QStringLiteral("roster.xml|3|orgs/user|error|xml-layout")
        << QStringLiteral("<user> at line 3 is in <orgs>");
    QTest::newRow("child element in record")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs>\n<org sourcedId=\"o\">\n"
                      "<name>X</name>\n</org>\n</orgs>\n</oneRoster>\n")
        << QStringLiteral("roster.xml|4|org/name|error|xml-layout")
        << QStringLiteral("<name> at line 4 is inside a record");
    QTest::newRow("text in section")
        << QByteArray("<oneRoster version=\"1.1\">\n<orgs>\nDistrict\n</orgs>\n</oneRoster>\n")
        << QStringLiteral("roster.xml|4|orgs|error|xml-layout")
        << QStringLiteral("Text that ends at line 4, column 2 is outside any attribute.");
}

void tst_OneRosterXml::rejectsUnsafeXml()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expected);
    QFETCH(QString, messageStart);

    std::unique_ptr<OneRosterBundle> first;
    QVERIFY(validateXml(writeXml(validXml()), xmlDistrict, first).isEmpty());
    QVERIFY(first->load(db(), xmlDistrict).ok());
    const QString before = snapshot();

    const QString folder = newFolder();
    const OneRosterXml converted
        = OneRosterXml::convert(writeXml(xml), folder, QStringLiteral("roster.xml"));
    QVERIFY(!converted.ok());
    QCOMPARE(converted.errors().size(), 1);
    QCOMPARE(rows(converted.errors()), QStringList{expected});
    QVERIFY2(converted.errors().constFirst().message.startsWith(messageStart),
             qPrintable(converted.errors().constFirst().message));
    // Nothing was converted, so there is no bundle to open, and the store is as it was.
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("manifest.csv"))));
    QCOMPARE(snapshot(), before);
}

void tst_OneRosterXml::rejectsOversizeFile()
{
    XmlLimits limits;
    limits.maxFileBytes = 1000;
    const QByteArray xml = validXml();
    QVERIFY(xml.size() > 1000);
    const OneRosterXml converted
        = OneRosterXml::convert(writeXml(xml), newFolder(), QStringLiteral("roster.xml"), limits);
    QCOMPARE(rows(converted.errors()), QStringList{QStringLiteral("roster.xml|0||error|xml-file-size")});
    QCOMPARE(converted.errors().constFirst().message,
             QStringLiteral("The file has %1 bytes, more than the limit of 1000 bytes for one XML "
                            "file. Split it into several uploads.")
                 .arg(xml.size()));
}

void tst_OneRosterXml::namesRejectedRecordLine()
{
    // usr-s, on line 19 of validXml(), gets an invalid enabledUser. enr-s on line 23 refers
    // to it.
    QByteArray xml = validXml();
    const QByteArray from = R"(enabledUser="true" orgSourcedIds="org-s,org-d")";
    QVERIFY(xml.contains(from));
    xml.replace(from, R"(enabledUser="maybe" orgSourcedIds="org-s,org-d")");
    std::unique_ptr<OneRosterBundle> bundle;
    QList<Issue> unmapped;
    const QList<Issue> issues = validateXml(writeXml(xml), xmlDistrict, bundle, &unmapped);
    QVERIFY(bundle);

    QCOMPARE(rows(issues),
             (QStringList{QStringLiteral("roster.xml|19|user/@enabledUser|error|boolean"),
                          QStringLiteral("roster.xml|23|enrollment/@userSourcedId|warning|"
                                         "unknown-reference")}));
    // The CSV finding names line 3 of users.csv, and the XML finding the user's XML line.
    QCOMPARE(unmapped.at(1).message,
             QStringLiteral("users.csv has this sourcedId on line 3, but that row has an error, "
                            "so its record is not loaded. Correct that row."));
    QCOMPARE(issues.at(1).message,
             QStringLiteral("<users> has this sourcedId on line 19, but that row has an error, "
                            "so its record is not loaded. Correct that row."));
}

void tst_OneRosterXml::skipsUnknownSection()
{
    QByteArray xml = validXml();
    xml.replace("  <orgs mode=\"bulk\">",
                "  <vendorData><note>kept out</note></vendorData><orgs mode=\"bulk\">");
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = validateXml(writeXml(xml), xmlDistrict, bundle);
    QVERIFY(bundle);
    QCOMPARE(rows(issues),
             QStringList{QStringLiteral("roster.xml|3|vendorData|warning|unknown-element")});
    auto loaded = bundle->load(db(), xmlDistrict);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(count(QStringLiteral("orgs"), xmlDistrict), 2);
}

// User usr-s with org z:org-s and user usr-s:z with org org-s both give the role sourcedId
// usr-s:z:org-s. The finding names the XML lines of both users.
void tst_OneRosterXml::rejectsCollidingRoleIds()
{
    std::unique_ptr<OneRosterBundle> first;
    QVERIFY(validateXml(writeXml(validXml()), xmlDistrict, first).isEmpty());
    QVERIFY(first);
    QVERIFY(first->load(db(), xmlDistrict).ok());
    const QString before = snapshot();

    // The new org goes on line 6, so usr-s is on line 20 and the new user on line 21.
    QByteArray xml = validXml();
    const QByteArray orgsEnd = "  </orgs>\n";
    const QByteArray usersEnd = "  </users>\n";
    const QByteArray usrSOrgs = R"(orgSourcedIds="org-s,org-d")";
    QVERIFY(xml.contains(orgsEnd));
    QVERIFY(xml.contains(usersEnd));
    QVERIFY(xml.contains(usrSOrgs));
    const QByteArray newOrg
        = R"(    <org sourcedId="z:org-s" status="active" dateLastModified="2024-01-02T03:04:05.000Z" name="Annex" type="school" identifier="S2" parentSourcedId="org-d"/>
)";
    const QByteArray newUser
        = R"(    <user sourcedId="usr-s:z" status="active" dateLastModified="2024-01-02T03:04:05.000Z" enabledUser="true" orgSourcedIds="org-s" role="student" username="sue" givenName="Sue" familyName="Study" identifier="S2"/>
)";
    xml.insert(xml.indexOf(orgsEnd), newOrg);
    xml.replace(usrSOrgs, R"(orgSourcedIds="org-s,z:org-s")");
    xml.insert(xml.indexOf(usersEnd), newUser);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = validateXml(writeXml(xml), xmlDistrict, bundle);
    QVERIFY(bundle);
    QCOMPARE(rowFindings(issues),
             QStringList{QStringLiteral(
                 "roster.xml|21|user/@orgSourcedIds|error|role-id-collision|org-s")});
    QCOMPARE(issues.constFirst().message,
             QStringLiteral("The role sourcedId usr-s:z:org-s, which the hub forms as user:org, "
                            "comes from user usr-s:z and org org-s on this line and from user "
                            "usr-s and org z:org-s on line 20. Only one of the two roles could "
                            "be stored. Change one of these user or org sourcedIds, for example "
                            "by removing a colon, so that the pairs give different role "
                            "sourcedIds."));
    QVERIFY(!bundle->load(db(), xmlDistrict).ok());
    QCOMPARE(snapshot(), before);
}

QTEST_GUILESS_MAIN(tst_OneRosterXml)
#include "tst_onerosterxml.moc"
