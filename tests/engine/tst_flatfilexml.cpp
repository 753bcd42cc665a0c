// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Assessment results and attendance files as XML: converted into CSV and then validated and
// loaded like CSV, with the XML limits and the findings naming the XML file and record lines.

#include "../testdata.h"
#include "core/timeutil.h"
#include "inbound/csvreader.h"
#include "inbound/filespec.h"
#include "inbound/flatfile.h"
#include "inbound/flatfilexml.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamWriter>

#include <algorithm>
#include <memory>

using hub::inbound::FileSpec;
using hub::inbound::FlatFile;
using hub::inbound::FlatFileXml;
using hub::inbound::Issue;
using hub::inbound::XmlLimits;

namespace {

constexpr qint64 csvDistrict = 1;
constexpr qint64 xmlDistrict = 2;

const FileSpec &builtIn(const QString &key)
{
    for (const FileSpec &spec : hub::inbound::builtInFileSpecs()) {
        if (spec.key == key)
            return spec;
    }
    qFatal("No built-in file specification %s", qPrintable(key));
}

// The stored columns of each table that a file fills, in a fixed order.
QString storedColumns(const QString &table)
{
    if (table == QLatin1String("attendance"))
        return QStringLiteral("student_sourced_id, school_sourced_id, class_sourced_id, "
                              "attendance_date, code, minutes, extensions");
    return QStringLiteral("student_sourced_id, school_year, assessment, subject, test_date, "
                          "completion_date, duration_minutes, scale_score, performance_level, "
                          "extensions");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// Writes the rows of a CSV file as an XML file of the layout: one <record> per row and one
// <value> per non-empty field, in reverse order in every second record, as an exporter may
// order them. Returns an empty string on success, or what failed.
QString xmlFromCsv(const QString &csvPath, const QString &xmlPath)
{
    QFile csv(csvPath);
    if (!csv.open(QIODevice::ReadOnly))
        return csv.errorString();
    auto records = hub::inbound::CsvReader::readAll(&csv);
    if (!records)
        return records.error();
    QFile out(xmlPath);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();

    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("records"));
    const QStringList header = records->value(0).fields;
    for (qsizetype row = 1; row < records->size(); ++row) {
        const QStringList fields = records->at(row).fields;
        QList<qsizetype> order;
        for (qsizetype i = 0; i < header.size(); ++i)
            order.append(i);
        if (row % 2 == 0)
            std::reverse(order.begin(), order.end());
        writer.writeStartElement(QStringLiteral("record"));
        for (const qsizetype i : std::as_const(order)) {
            if (fields.value(i).isEmpty())
                continue;
            writer.writeStartElement(QStringLiteral("value"));
            writer.writeAttribute(QStringLiteral("column"), header.at(i).trimmed());
            writer.writeCharacters(fields.value(i));
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return writer.hasError() ? out.errorString() : QString();
}

// The findings as file|line|column|severity|rule|value, for comparing whole reports.
QStringList rows(const QList<Issue> &issues)
{
    QStringList texts;
    for (const Issue &issue : issues) {
        texts.append(QStringLiteral("%1|%2|%3|%4|%5|%6")
                         .arg(issue.file)
                         .arg(issue.line)
                         .arg(issue.column,
                              issue.severity == Issue::Severity::Error ? QStringLiteral("error")
                                                                       : QStringLiteral("warning"),
                              issue.rule, issue.value));
    }
    return texts;
}

// The findings without file and line, which differ between a CSV file and its XML form.
QStringList rowsWithoutPlace(const QList<Issue> &issues)
{
    QStringList texts;
    for (const Issue &issue : issues) {
        texts.append(QStringLiteral("%1|%2|%3|%4")
                         .arg(issue.column,
                              issue.severity == Issue::Severity::Error ? QStringLiteral("error")
                                                                       : QStringLiteral("warning"),
                              issue.rule, issue.value));
    }
    return texts;
}

// A small attendance file of the layout, one element per line so each record's line is known:
// records start on lines 3 and 17.
QByteArray attendanceXml()
{
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<records>
  <record>
    <value column="id">7</value>
    <value column="student_id">st1</value>
    <value column="school_year">2021</value>
    <value column="school_id">sch0</value>
    <value column="attendance_date">1/9/2019</value>
    <value column="all_day">No</value>
    <value column="Period">1</value>
    <value column="section_id">sec1</value>
    <value column="AttendanceCode">p</value>
    <value column="PresenceFlag">1</value>
    <value column="attendance_status">Present &amp; on time</value>
    <value column="attendance_sequence">0</value>
  </record>
  <record>
    <value column="id">8</value>
    <value column="student_id">st2</value>
    <value column="attendance_date">
      2/9/2019
    </value>
    <value column="section_id">sec1</value>
    <value column="AttendanceCode"><![CDATA[A]]></value>
    <value column="attendance_status">Absent, excused</value>
  </record>
</records>
)";
}

} // namespace

class tst_FlatFileXml final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsSampleAsXml_data();
    void loadsSampleAsXml();
    void detectsSpecFromColumns();
    void loadsHandmadeFile();
    void reportsValueFaults_data();
    void reportsValueFaults();
    void keepsUnknownColumn();
    void rejectsUnsafeXml_data();
    void rejectsUnsafeXml();
    void rejectsOversizeFile();
    void rejectsTooManyColumns();
    void skipsUnknownElement();

private:
    QSqlDatabase db() const { return m_store->connection(); }
    qint64 count(const QString &table, qint64 district) const;
    QString stored(const QString &table, qint64 district) const;
    QString snapshot() const;
    QString newPath(const QString &suffix);
    QString writeXml(const QByteArray &xml);
    // Converts an XML file and validates it for district with spec; file is set when the
    // conversion succeeds.
    QList<Issue> validateXml(const QString &path, const FileSpec &spec, qint64 district,
                             std::unique_ptr<FlatFile> &file);
    // Loads attendanceXml() for the XML district, so "unchanged" compares real rows.
    void loadFirstFile();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::Store> m_store;
    int m_files = 0;
};

void tst_FlatFileXml::init()
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

void tst_FlatFileXml::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 tst_FlatFileXml::count(const QString &table, qint64 district) const
{
    auto value = hub::selectValue(
        db(), QStringLiteral("SELECT count(*) FROM %1 WHERE district_id = ?").arg(table),
        {district});
    return value ? value->toLongLong() : -1;
}

// Every stored row of one district in table, without ids, sorted, as text.
QString tst_FlatFileXml::stored(const QString &table, qint64 district) const
{
    const QString columns = storedColumns(table);
    auto query = hub::execute(
        db(),
        QStringLiteral("SELECT %1 FROM %2 WHERE district_id = ? ORDER BY %1").arg(columns, table),
        {district});
    if (!query)
        return query.error();
    QString text;
    while (query->next()) {
        for (int i = 0; i < query->record().count(); ++i)
            text += query->value(i).toString() + QLatin1Char('|');
        text += QLatin1Char('\n');
    }
    return text;
}

// Every stored row of both tables, ids included, to compare the store before and after a
// rejected load.
QString tst_FlatFileXml::snapshot() const
{
    QString text;
    for (const QString &table :
         {QStringLiteral("attendance"), QStringLiteral("assessment_results")}) {
        QSqlQuery query(db());
        query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        while (query.next()) {
            text += table;
            for (int i = 0; i < query.record().count(); ++i)
                text += QLatin1Char('|') + query.value(i).toString();
            text += QLatin1Char('\n');
        }
    }
    return text;
}

QString tst_FlatFileXml::newPath(const QString &suffix)
{
    return m_dir->filePath(QStringLiteral("file%1.%2").arg(++m_files).arg(suffix));
}

QString tst_FlatFileXml::writeXml(const QByteArray &xml)
{
    const QString path = newPath(QStringLiteral("xml"));
    return writeFile(path, xml) ? path : QString();
}

QList<Issue> tst_FlatFileXml::validateXml(const QString &path, const FileSpec &spec,
                                          qint64 district, std::unique_ptr<FlatFile> &file)
{
    const FlatFileXml xml
        = FlatFileXml::convert(path, newPath(QStringLiteral("csv")), QStringLiteral("drop.xml"));
    if (!xml.ok())
        return xml.warnings() + xml.errors();
    file = std::make_unique<FlatFile>(xml, spec);
    return xml.warnings() + file->validate(db(), district);
}

void tst_FlatFileXml::loadFirstFile()
{
    std::unique_ptr<FlatFile> first;
    const QList<Issue> issues
        = validateXml(writeXml(attendanceXml()),
                      builtIn(QStringLiteral("contoso-daily-attendance")), xmlDistrict, first);
    QVERIFY2(first, qPrintable(rows(issues).join(QLatin1Char('\n'))));
    QCOMPARE(first->errorCount(), 0);
    auto loaded = first->load(db(), xmlDistrict);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(count(QStringLiteral("attendance"), xmlDistrict), 2);
}

void tst_FlatFileXml::loadsSampleAsXml_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("rows");
    QTest::newRow("i-Ready ELA") << "oea-iready-diagnostic/diagnostic_results_ela.csv"
                                 << "iready-diagnostic-ela" << 1022;
    QTest::newRow("i-Ready Math") << "oea-iready-diagnostic/diagnostic_results_math.csv"
                                  << "iready-diagnostic-math" << 1002;
    QTest::newRow("attendance day 1") << "oea-contoso-sis-attendance/day1/studentattendance.csv"
                                      << "contoso-daily-attendance" << 1461;
    QTest::newRow("attendance day 2") << "oea-contoso-sis-attendance/day2/studentattendance.csv"
                                      << "contoso-daily-attendance" << 1467;
}

void tst_FlatFileXml::loadsSampleAsXml()
{
    QFETCH(QString, sample);
    QFETCH(QString, spec);
    QFETCH(int, rows);
    const QString csvPath = hubtest::samplePath(sample);
    if (csvPath.isEmpty())
        QSKIP(qPrintable(QStringLiteral("Sample data %1 not found under %2; set "
                                        "HUBDESK_TEST_DATA_DIR to the folder of sample files.")
                             .arg(sample, hubtest::sampleDataDir())));
    const QString xmlPath = newPath(QStringLiteral("xml"));
    const QString written = xmlFromCsv(csvPath, xmlPath);
    QVERIFY2(written.isEmpty(), qPrintable(written));

    FlatFile csv(csvPath, builtIn(spec));
    const QList<Issue> csvIssues = csv.validate(db(), csvDistrict);
    std::unique_ptr<FlatFile> xml;
    const QList<Issue> xmlIssues = validateXml(xmlPath, builtIn(spec), xmlDistrict, xml);
    QVERIFY2(xml, qPrintable(::rows(xmlIssues).join(QLatin1Char('\n'))));

    // The same findings, about the XML file and its lines.
    QCOMPARE(rowsWithoutPlace(xmlIssues), rowsWithoutPlace(csvIssues));
    for (const Issue &issue : xmlIssues)
        QCOMPARE(issue.file, QStringLiteral("drop.xml"));
    QCOMPARE(xml->errorCount(), 0);
    QCOMPARE(xml->validateCounts().rowsRead, csv.validateCounts().rowsRead);
    QCOMPARE(xml->validateCounts().rowsWritten, csv.validateCounts().rowsWritten);
    QCOMPARE(xml->validateCounts().rowsRejected, 0);
    QCOMPARE(xml->validateCounts().bytes, QFileInfo(xmlPath).size());

    auto csvLoaded = csv.load(db(), csvDistrict);
    QVERIFY2(csvLoaded.ok(), qPrintable(csvLoaded.error()));
    auto xmlLoaded = xml->load(db(), xmlDistrict);
    QVERIFY2(xmlLoaded.ok(), qPrintable(xmlLoaded.error()));
    QCOMPARE(xmlLoaded->rowsWritten, csvLoaded->rowsWritten);
    const QString table = builtIn(spec).table;
    QCOMPARE(count(table, xmlDistrict), rows);
    QCOMPARE(count(table, csvDistrict), rows);
    const QString fromXml = stored(table, xmlDistrict);
    QCOMPARE(fromXml.count(QLatin1Char('\n')), rows);
    QCOMPARE(fromXml, stored(table, csvDistrict));
}

void tst_FlatFileXml::detectsSpecFromColumns()
{
    HUB_REQUIRE_SAMPLE(ela, "oea-iready-diagnostic/diagnostic_results_ela.csv");
    HUB_REQUIRE_SAMPLE(math, "oea-iready-diagnostic/diagnostic_results_math.csv");
    QList<FileSpec> assessments;
    for (const FileSpec &spec : hub::inbound::builtInFileSpecs()) {
        if (spec.product == QLatin1String("assessment-results"))
            assessments.append(spec);
    }
    for (const auto &[sample, key] : {std::pair{ela, QStringLiteral("iready-diagnostic-ela")},
                                      std::pair{math, QStringLiteral("iready-diagnostic-math")}}) {
        const QString xmlPath = newPath(QStringLiteral("xml"));
        QCOMPARE(xmlFromCsv(sample, xmlPath), QString());
        QVERIFY(hub::inbound::looksLikeXml(xmlPath));
        const FlatFileXml xml = FlatFileXml::convert(xmlPath, newPath(QStringLiteral("csv")),
                                                     QStringLiteral("a.xml"));
        QVERIFY(xml.ok());
        auto detected = FlatFile::detectSpec(xml.csvPath(), assessments);
        QVERIFY2(detected.ok(), qPrintable(detected.error()));
        QCOMPARE(detected->key, key);
    }

    const QString attendance = writeXml(attendanceXml());
    const FlatFileXml xml
        = FlatFileXml::convert(attendance, newPath(QStringLiteral("csv")), QStringLiteral("a.xml"));
    QVERIFY(xml.ok());
    auto none = FlatFile::detectSpec(xml.csvPath(), assessments);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().startsWith(
                 QStringLiteral("The file's columns match no file specification of this "
                                "integration. The closest, ")),
             qPrintable(none.error()));
}

void tst_FlatFileXml::loadsHandmadeFile()
{
    std::unique_ptr<FlatFile> file;
    const QList<Issue> issues
        = validateXml(writeXml(attendanceXml()),
                      builtIn(QStringLiteral("contoso-daily-attendance")), xmlDistrict, file);
    QVERIFY(file);
    QCOMPARE(rows(issues), QStringList{QStringLiteral("drop.xml|0||warning|unknown-reference|")});
    QCOMPARE(file->validateCounts().rowsRead, 2);
    QVERIFY(file->load(db(), xmlDistrict).ok());

    // Escaped characters, CDATA, a comma and indented text arrive as written; the enum is
    // normalised as in CSV, and left-out values are empty.
    auto row = hub::execute(db(),
                            QStringLiteral("SELECT attendance_date, code, school_sourced_id, "
                                           "extensions FROM attendance WHERE district_id = ? "
                                           "ORDER BY student_sourced_id"),
                            {xmlDistrict});
    QVERIFY(row.ok());
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("2019-09-01"));
    QCOMPARE(row->value(1).toString(), QStringLiteral("P"));
    QCOMPARE(row->value(2).toString(), QStringLiteral("sch0"));
    QVERIFY2(row->value(3).toString().contains(
                 QStringLiteral("\"attendance_status\":\"Present & on time\"")),
             qPrintable(row->value(3).toString()));
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("2019-09-02"));
    QCOMPARE(row->value(1).toString(), QStringLiteral("A"));
    QVERIFY(row->value(2).isNull());
    QVERIFY(row->value(3).toString().contains(
        QStringLiteral("\"attendance_status\":\"Absent, excused\"")));
    QVERIFY(!row->value(3).toString().contains(QStringLiteral("Period")));
    QVERIFY(!row->next());
}

void tst_FlatFileXml::reportsValueFaults_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("message");

    // Each row changes every occurrence of one text of attendanceXml(); the lines are those of
    // its records.
    QTest::newRow("month-first date")
        << QByteArray("2/9/2019") << QByteArray("2019-09-02")
        << QStringLiteral("drop.xml|17|attendance_date|error|date-format|2019-09-02")
        << QStringLiteral("Invalid attendance_date; expected a date in the format d/M/yyyy, such "
                          "as 30/9/2024. Day and month are never guessed.");
    QTest::newRow("unknown code") << QByteArray("<![CDATA[A]]>") << QByteArray("Q")
                                  << QStringLiteral("drop.xml|17|AttendanceCode|error|enum|Q")
                                  << QStringLiteral(
                                         "Invalid AttendanceCode; expected one of P, A, T, E.");
    QTest::newRow("period not a number")
        << QByteArray(R"(<value column="Period">1</value>)")
        << QByteArray(R"(<value column="Period">first</value>)")
        << QStringLiteral("drop.xml|3|Period|error|integer|first")
        << QStringLiteral("Invalid Period; expected a whole number.");
    QTest::newRow("empty required value")
        << QByteArray(R"(<value column="student_id">st2</value>)")
        << QByteArray(R"(<value column="student_id"/>)")
        << QStringLiteral("drop.xml|17|student_id|error|required|")
        << QStringLiteral("student_id is required but empty.");
    QTest::newRow("missing required column")
        << QByteArray(R"(column="AttendanceCode")") << QByteArray(R"(column="Code")")
        << QStringLiteral("drop.xml|2|AttendanceCode|error|missing-column|")
        << QStringLiteral("No record of drop.xml has a <value> for this required column.");
    QTest::newRow("duplicate key")
        << QByteArray(R"(<value column="student_id">st2</value>)")
        << QByteArray(R"(<value column="student_id">st1</value>)")
        << QStringLiteral("drop.xml|17|student_id, section_id, attendance_date|error|"
                          "duplicate-key|st1, sec1, 1/9/2019")
        << QStringLiteral("Line 3 has the same student_id, section_id, attendance_date with "
                          "other values. Remove one of the rows or correct its key.");
}

void tst_FlatFileXml::reportsValueFaults()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    QFETCH(QString, message);

    loadFirstFile();
    const QString before = snapshot();

    QByteArray xml = attendanceXml();
    QVERIFY(xml.contains(from));
    xml.replace(from, to);
    // The duplicate key needs the second record on the first one's day.
    if (QByteArray(QTest::currentDataTag()) == "duplicate key")
        xml.replace("\n      2/9/2019\n    ", "1/9/2019");
    std::unique_ptr<FlatFile> file;
    const QList<Issue> issues = validateXml(
        writeXml(xml), builtIn(QStringLiteral("contoso-daily-attendance")), xmlDistrict, file);
    QVERIFY(file);
    QList<Issue> errors;
    for (const Issue &issue : issues) {
        if (issue.severity == Issue::Severity::Error)
            errors.append(issue);
    }
    QCOMPARE(rows(errors), QStringList{expected});
    QCOMPARE(errors.constFirst().message, message);
    QCOMPARE(file->errorCount(), 1);

    auto loaded = file->load(db(), xmlDistrict);
    QVERIFY(!loaded.ok());
    QCOMPARE(snapshot(), before);
}

void tst_FlatFileXml::keepsUnknownColumn()
{
    // An unknown column is a Warning, as in CSV: the load goes on and keeps its values in
    // extensions, and the rows stored before stay as they were.
    loadFirstFile();
    const QString before = snapshot();
    QByteArray xml = attendanceXml();
    xml.replace("<value column=\"id\">8</value>",
                "<value column=\"id\">8</value>\n<value column=\"Remarks\">late bus</value>");
    xml.replace("st2", "st3");
    std::unique_ptr<FlatFile> file;
    const QList<Issue> issues = validateXml(
        writeXml(xml), builtIn(QStringLiteral("contoso-daily-attendance")), xmlDistrict, file);
    QVERIFY(file);
    QCOMPARE(rows(issues),
             (QStringList{QStringLiteral("drop.xml|2|Remarks|warning|unknown-column|"),
                          QStringLiteral("drop.xml|0||warning|unknown-reference|")}));
    QCOMPARE(issues.constFirst().message,
             QStringLiteral("Contoso SIS daily attendance does not declare this column, so its "
                            "values are kept in extensions."));
    QVERIFY(file->load(db(), xmlDistrict).ok());
    QCOMPARE(count(QStringLiteral("attendance"), xmlDistrict), 3);
    auto extensions = hub::selectValue(db(),
                                       QStringLiteral("SELECT extensions FROM attendance WHERE "
                                                      "district_id = ? AND "
                                                      "student_sourced_id = 'st3'"),
                                       {xmlDistrict});
    QVERIFY(extensions.ok());
    QVERIFY2(extensions->toString().contains(QStringLiteral("\"Remarks\":\"late bus\"")),
             qPrintable(extensions->toString()));
    const QString after = snapshot();
    for (const QString &line : before.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(after.contains(line), qPrintable(line));
}

void tst_FlatFileXml::rejectsUnsafeXml_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("messageStart");

    const QByteArray record = "<record><value column=\"student_id\">st1</value></record>\n";
    QTest::newRow("entity expansion")
        << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE records [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<records><record><value column="student_id">&lol2;</value></record></records>
)") << QStringLiteral("drop.xml|6||error|xml-dtd|")
        << QStringLiteral("The file has a document type declaration (DTD) at line 6");
    QTest::newRow("external entity")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE records SYSTEM \"file:///etc/passwd\">\n"
                      "<records/>\n")
        << QStringLiteral("drop.xml|2||error|xml-dtd|")
        << QStringLiteral("The file has a document type declaration (DTD) at line 2");
    QTest::newRow("undeclared entity")
        << QByteArray("<records>\n<record><value column=\"student_id\">&nbsp;</value></record>\n"
                      "</records>\n")
        << QStringLiteral("drop.xml|2||error|xml-syntax|")
        << QStringLiteral("The file is not well-formed XML: ");
    QTest::newRow("malformed") << QByteArray(
        "<records>\n<record>\n<value column=\"student_id\">st1</record>\n")
                               << QStringLiteral("drop.xml|3||error|xml-syntax|")
                               << QStringLiteral("The file is not well-formed XML: ");
    QTest::newRow("truncated") << "<records>\n" + record
                               << QStringLiteral("drop.xml|3||error|xml-syntax|")
                               << QStringLiteral("The file is not well-formed XML: ");

    QByteArray deep = "<records>\n" + record + "<notes>";
    for (int i = 0; i < 40; ++i)
        deep += "<a>";
    QTest::newRow("too deep") << deep << QStringLiteral("drop.xml|3|a|error|xml-depth|")
                              << QStringLiteral("Elements are nested 17 deep at line 3");
    QTest::newRow("value too long")
        << "<records>\n<record>\n<value column=\"student_id\">" + QByteArray(70 * 1024, 'x')
               + "</value>\n</record>\n</records>\n"
        << QStringLiteral("drop.xml|3|student_id|error|xml-text-length|")
        << QStringLiteral("The text that ends at line 3");
    QTest::newRow("value split by comments too long")
        << "<records>\n<record>\n<value column=\"student_id\">" + QByteArray(40 * 1024, 'x')
               + "<!-- -->" + QByteArray(40 * 1024, 'y') + "</value>\n</record>\n</records>\n"
        << QStringLiteral("drop.xml|3|student_id|error|xml-text-length|")
        << QStringLiteral("The value of student_id that ends at line 3");
    QTest::newRow("attribute too long")
        << "<records>\n<record>\n<value column=\"" + QByteArray(70 * 1024, 'c')
               + "\">1</value>\n</record>\n</records>\n"
        << QStringLiteral("drop.xml|3|value/@column|error|xml-text-length|")
        << QStringLiteral("The attribute column of the element that ends at line 3");
    QTest::newRow("tag too long") << "<records>\n<record>\n<value column=\""
                                         + QByteArray(2 * 1024 * 1024, 'c')
                                  << QStringLiteral("drop.xml|3|value|error|xml-token-length|")
                                  << QStringLiteral(
                                         "A tag, text or comment that starts near line 3");
    QByteArray longRecord = "<records>\n<record>\n";
    for (int i = 0; i < 20; ++i)
        longRecord += "<value column=\"c" + QByteArray::number(i) + "\">"
                      + QByteArray(60 * 1024, 'v') + "</value>\n";
    longRecord += "</record>\n</records>\n";
    QTest::newRow("record too long")
        << longRecord << QStringLiteral("drop.xml|20|c17|error|xml-record-length|")
        << QStringLiteral("The values of the record that starts at line 2 take more than "
                          "1048576 bytes together");

    QTest::newRow("wrong root") << QByteArray("<roster>\n" + record + "</roster>\n")
                                << QStringLiteral("drop.xml|1|roster|error|xml-layout|")
                                << QStringLiteral("The root element is <roster>");
    QTest::newRow("no records") << QByteArray("<records>\n<!-- none today -->\n</records>\n")
                                << QStringLiteral("drop.xml|4|records|error|empty-file|")
                                << QStringLiteral("The file has no <record> element");
    QTest::newRow("value without column")
        << QByteArray("<records>\n<record>\n<value>st1</value>\n</record>\n</records>\n")
        << QStringLiteral("drop.xml|3|value/@column|error|xml-layout|")
        << QStringLiteral("<value> at line 3 has no column name.");
    QTest::newRow("column twice in a record")
        << QByteArray("<records>\n<record>\n<value column=\"student_id\">st1</value>\n"
                      "<value column=\" student_id \">st2</value>\n</record>\n</records>\n")
        << QStringLiteral("drop.xml|4|student_id|error|xml-layout|")
        << QStringLiteral("The record that starts at line 2 has a second value for student_id "
                          "at line 4.");
    QTest::newRow("attribute values")
        << QByteArray("<records>\n<record student_id=\"st1\">\n<field name=\"x\"/>\n</record>\n"
                      "</records>\n")
        << QStringLiteral("drop.xml|3|record/field|error|xml-layout|")
        << QStringLiteral("<field> at line 3 is in <record>, which holds <value> elements only");
    QTest::newRow("element in value")
        << QByteArray("<records>\n<record>\n<value column=\"student_id\"><b>st1</b></value>\n"
                      "</record>\n</records>\n")
        << QStringLiteral("drop.xml|3|value/b|error|xml-layout|")
        << QStringLiteral("<b> at line 3 is inside <value>, which holds text only.");
    QTest::newRow("text in record")
        << QByteArray("<records>\n<record>\nst1\n</record>\n</records>\n")
        << QStringLiteral("drop.xml|4|record|error|xml-layout|")
        << QStringLiteral("Text that ends at line 4, column 2 is outside any <value>.");
}

void tst_FlatFileXml::rejectsUnsafeXml()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expected);
    QFETCH(QString, messageStart);

    loadFirstFile();
    const QString before = snapshot();

    const QString csvPath = newPath(QStringLiteral("csv"));
    const FlatFileXml converted
        = FlatFileXml::convert(writeXml(xml), csvPath, QStringLiteral("drop.xml"));
    QVERIFY(!converted.ok());
    QCOMPARE(converted.errors().size(), 1);
    QCOMPARE(rows(converted.errors()), QStringList{expected});
    QVERIFY2(converted.errors().constFirst().message.startsWith(messageStart),
             qPrintable(converted.errors().constFirst().message));
    // Nothing was converted, so there is nothing to validate, and the store is as it was.
    QVERIFY(!QFileInfo::exists(csvPath));
    QCOMPARE(snapshot(), before);
}

void tst_FlatFileXml::rejectsOversizeFile()
{
    XmlLimits limits;
    limits.maxFileBytes = 500;
    const QByteArray xml = attendanceXml();
    QVERIFY(xml.size() > 500);
    const QString csvPath = newPath(QStringLiteral("csv"));
    const FlatFileXml converted
        = FlatFileXml::convert(writeXml(xml), csvPath, QStringLiteral("drop.xml"), limits);
    QCOMPARE(rows(converted.errors()),
             QStringList{QStringLiteral("drop.xml|0||error|xml-file-size|")});
    QCOMPARE(converted.errors().constFirst().message,
             QStringLiteral("The file has %1 bytes, more than the limit of 500 bytes for one XML "
                            "file. Split it into several uploads.")
                 .arg(xml.size()));
    QVERIFY(!QFileInfo::exists(csvPath));
}

void tst_FlatFileXml::rejectsTooManyColumns()
{
    QByteArray xml = "<records>\n<record>\n";
    for (int i = 0; i <= FlatFileXml::kMaxColumns; ++i)
        xml += "<value column=\"c" + QByteArray::number(i) + "\">1</value>\n";
    xml += "</record>\n</records>\n";
    const QString csvPath = newPath(QStringLiteral("csv"));
    const FlatFileXml converted
        = FlatFileXml::convert(writeXml(xml), csvPath, QStringLiteral("drop.xml"));
    QCOMPARE(rows(converted.errors()),
             QStringList{QStringLiteral("drop.xml|1003|c1000|error|xml-columns|")});
    QCOMPARE(converted.errors().constFirst().message,
             QStringLiteral("The column c1000 at line 1003 is one too many: a file may name at "
                            "most 1000 columns, of at most 1048576 bytes together. Leave out the "
                            "columns that the file specification does not read."));
    QVERIFY(!QFileInfo::exists(csvPath));
}

void tst_FlatFileXml::skipsUnknownElement()
{
    QByteArray xml = attendanceXml();
    xml.replace("<records>\n",
                "<records>\n<exportInfo><created>2019-09-02</created></exportInfo>\n");
    std::unique_ptr<FlatFile> file;
    const QList<Issue> issues = validateXml(
        writeXml(xml), builtIn(QStringLiteral("contoso-daily-attendance")), xmlDistrict, file);
    QVERIFY(file);
    QCOMPARE(rows(issues),
             (QStringList{QStringLiteral("drop.xml|3|exportInfo|warning|unknown-element|"),
                          QStringLiteral("drop.xml|0||warning|unknown-reference|")}));
    auto loaded = file->load(db(), xmlDistrict);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(count(QStringLiteral("attendance"), xmlDistrict), 2);
}

QTEST_GUILESS_MAIN(tst_FlatFileXml)
#include "tst_flatfilexml.moc"
