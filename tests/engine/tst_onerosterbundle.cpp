// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "../testdata.h"
#include "core/timeutil.h"
#include "inbound/onerosterbundle.h"
#include "inbound/onerosterwriter.h"
#include "store/postgrescopy.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

using hub::inbound::ArchiveLimits;
using hub::inbound::Issue;
using hub::inbound::OneRosterBundle;
using hub::inbound::PhaseCounts;

using FileMap = QMap<QString, QByteArray>;

namespace {

constexpr qint64 districtId = 1;

// A small valid OneRoster 1.1 bundle; each crafted case changes one piece of it.
FileMap validBundle()
{
    FileMap files;
    files.insert(QStringLiteral("manifest.csv"), "propertyName,value\r\n"
                                                 "manifest.version,1.0\r\n"
                                                 "oneroster.version,1.1\r\n"
                                                 "file.academicSessions,bulk\r\n"
                                                 "file.orgs,bulk\r\n"
                                                 "file.courses,bulk\r\n"
                                                 "file.classes,bulk\r\n"
                                                 "file.users,bulk\r\n"
                                                 "file.enrollments,bulk\r\n"
                                                 "file.demographics,absent\r\n");
    files.insert(QStringLiteral("orgs.csv"),
                 "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                 "org-d,active,2024-01-02T03:04:05.000Z,District,district,D1,\r\n"
                 "org-s,active,2024-01-02T03:04:05.000Z,School,school,S1,org-d\r\n");
    files.insert(QStringLiteral("academicSessions.csv"),
                 "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
                 "parentSourcedId,schoolYear\r\n"
                 "as-y,active,2024-01-02T03:04:05.000Z,2024,schoolYear,2023-07-01,2024-06-30,,"
                 "2024\r\n"
                 "as-t,active,2024-01-02T03:04:05.000Z,Fall,term,2023-09-01,2023-12-20,as-y,"
                 "2024\r\n");
    files.insert(
        QStringLiteral("courses.csv"),
        "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
        "orgSourcedId,subjects,subjectCodes\r\n"
        "crs-1,active,2024-01-02T03:04:05.000Z,as-y,Algebra,ALG,\"09,10\",org-s,Math,\r\n");
    files.insert(
        QStringLiteral("classes.csv"),
        "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
        "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\r\n"
        "cls-1,active,2024-01-02T03:04:05.000Z,Algebra 1,09,crs-1,ALG-1,scheduled,Room 1,"
        "org-s,as-t,Math,,1\r\n");
    files.insert(QStringLiteral("users.csv"),
                 "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                 "userIds,givenName,familyName,middleName,identifier,email,sms,phone,"
                 "agentSourcedIds,grades,password\r\n"
                 "usr-t,active,2024-01-02T03:04:05.000Z,true,org-s,teacher,tina,,Tina,Teach,,T1,"
                 "t@example.org,,,,,\r\n"
                 "usr-s,active,2024-01-02T03:04:05.000Z,true,\"org-s,org-d\",student,sam,"
                 "{LDAP:1},Sam,Study,,S1,,,,,09,secret\r\n");
    files.insert(QStringLiteral("enrollments.csv"),
                 "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
                 "role,primary,beginDate,endDate\r\n"
                 "enr-t,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-t,teacher,true,2023-09-01,"
                 "2023-12-20\r\n"
                 "enr-s,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,false,,\r\n");
    return files;
}

void writeFiles(const QString &folder, const FileMap &files)
{
    QDir().mkpath(folder);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QFile file(QDir(folder).filePath(it.key()));
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
        file.write(it.value());
    }
}

struct ZipEntry
{
    QByteArray name;
    QByteArray data;
    bool symlink = false;
};

// Writes a zip with libarchive, so hostile names and sizes need no external tool.
bool writeZip(const QString &path, const QList<ZipEntry> &entries)
{
    archive *zip = archive_write_new();
    archive_write_set_format_zip(zip);
    if (archive_write_open_filename(zip, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        archive_write_free(zip);
        return false;
    }
    for (const ZipEntry &item : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, item.name.constData());
        if (item.symlink) {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, item.data.constData());
            archive_entry_set_size(entry, 0);
        } else {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, item.data.size());
        }
        archive_entry_set_perm(entry, 0644);
        archive_write_header(zip, entry);
        if (!item.symlink)
            archive_write_data(zip, item.data.constData(), size_t(item.data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(zip);
    archive_write_free(zip);
    return true;
}

QList<ZipEntry> zipEntriesOf(const FileMap &files)
{
    QList<ZipEntry> entries;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        entries.append(ZipEntry{it.key().toUtf8(), it.value()});
    return entries;
}

QStringList issueTexts(const QList<Issue> &issues, Issue::Severity severity)
{
    QStringList texts;
    for (const Issue &issue : issues) {
        if (issue.severity == severity)
            texts.append(issue.toString());
    }
    return texts;
}

// Every file under a folder, relative to it, to prove that nothing was written.
QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDir dir(folder);
    const QFileInfoList entries
        = dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        files.append(entry.fileName());
        if (entry.isDir()) {
            const QStringList inner = filesUnder(entry.absoluteFilePath());
            for (const QString &name : inner)
                files.append(entry.fileName() + QLatin1Char('/') + name);
        }
    }
    files.sort();
    return files;
}

const QStringList rosterTables
    = {QStringLiteral("orgs"),        QStringLiteral("academic_sessions"),
       QStringLiteral("courses"),     QStringLiteral("classes"),
       QStringLiteral("users"),       QStringLiteral("user_roles"),
       QStringLiteral("enrollments"), QStringLiteral("demographics")};

} // namespace

class TestOneRosterBundle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsCatalystV11Folder();
    void loadsCatalystV11Zip();
    void loadsOatSaV11();
    void rejectsCatalystV12Full();
    void rejectedLoadKeepsStoredRows();
    void loadsCatalystV12Delta();
    void appliesDeltaChanges();
    void deltaRowsNeedStatusAndDate();
    void rejectsCollidingRoleIds();
    void keepsOneRoleForRepeatedOrg();
    void rejectsDeltaRoleOfStoredPair_data();
    void rejectsDeltaRoleOfStoredPair();
    void rejectsStoredIdInOtherCase_data();
    void rejectsStoredIdInOtherCase();
    void namesReferenceInOtherCase_data();
    void namesReferenceInOtherCase();

    void loadsCraftedBundle();
    void warnsOfUnknownFile();
    void namesRejectedReferencedRow();
    void marksMissingRecordsToBeDeleted();
    void reloadKeepsDatesOfUnchangedRecords();
    void roleChangeGivesUserNewDate();
    void changedRecordNeverGoesBack();
    void storeFailureRollsBackLoad();
    void postgresCopyKeepsValues();
    void postgresCopyNamesFailedRow();
    void postgresLoadAnalyzesTables();
    void loadsRolesFileOfV12();
    void readsRestNamesOfV12();
    void reportsCraftedErrors_data();
    void reportsCraftedErrors();
    void toleratesCraftedQuirks_data();
    void toleratesCraftedQuirks();
    void rejectsLongValues_data();
    void rejectsLongValues();
    void acceptsMultibyteValueAtLimit();
    void skipsLengthOfPassword_data();
    void skipsLengthOfPassword();
    void dropsPasswordOfOtherVersion();
    void storesLoadTimeForEmptyDate();
    void findsDuplicatesFarApart();
    void resolvesLaterParents();
    void countsRetirementsBeforeLoad();
    void loadsRowsAsValidated();
    void rejectsUnknownDistrict();
    void loadKeepsForeignKeysOn();
    void rejectsLoadWithoutValidate();
    void rejectsOpenFailures_data();
    void rejectsOpenFailures();

    void rejectsHostileZip_data();
    void rejectsHostileZip();
    void opensZipWithTopFolder();
    void writerNamesTheRowThatFails_data();
    void writerNamesTheRowThatFails();
    void cleanRowsMatchTextRows_data();
    void cleanRowsMatchTextRows();
    void cleanRowsMatchTextRowsOfBundles_data();
    void cleanRowsMatchTextRowsOfBundles();

private:
    QSqlDatabase db() const { return m_store->connection(); }
    qint64 count(const QString &table, qint64 district = districtId) const;
    QVariant field(const QString &table, const QString &sourcedId, const QString &column) const;
    QString snapshot() const;
    QStringList storedRows(qint64 district) const;
    void compareCleanAndTextRows(const FileMap &storedFirst, const FileMap &files, bool loads,
                                 QStringList &stored, qint64 &cleanRows);
    QString newFolder();
    QList<Issue> openAndValidate(const QString &path, std::unique_ptr<OneRosterBundle> &bundle);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::Store> m_store;
    int m_folders = 0;
};

void TestOneRosterBundle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database = hubtest::testDatabase(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    m_store = std::make_unique<hub::Store>(database);
    auto opened = m_store->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    for (const qint64 id : {districtId, districtId + 1}) {
        auto inserted = hub::execute(db(),
                                     QStringLiteral("INSERT INTO districts (id, name, created_at) "
                                                    "VALUES (?, ?, ?)"),
                                     {id, QStringLiteral("District %1").arg(id), hub::nowIsoUtc()});
        QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    }
}

void TestOneRosterBundle::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestOneRosterBundle::count(const QString &table, qint64 district) const
{
    auto value = hub::selectValue(
        db(), QStringLiteral("SELECT COUNT(*) FROM %1 WHERE district_id = ?").arg(table),
        {district});
    return value ? value->toLongLong() : -1;
}

QVariant TestOneRosterBundle::field(const QString &table, const QString &sourcedId,
                                    const QString &column) const
{
    auto value = hub::selectValue(db(),
                                  QStringLiteral("SELECT %1 FROM %2 WHERE district_id = ? AND "
                                                 "sourced_id = ?")
                                      .arg(column, table),
                                  {districtId, sourcedId});
    return value ? *value : QVariant(QStringLiteral("<query failed>"));
}

// Every stored roster row as text, to compare the store before and after a rejected load.
QString TestOneRosterBundle::snapshot() const
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

QString TestOneRosterBundle::newFolder()
{
    return m_dir->filePath(QStringLiteral("folder%1").arg(++m_folders));
}

QList<Issue> TestOneRosterBundle::openAndValidate(const QString &path,
                                                  std::unique_ptr<OneRosterBundle> &bundle)
{
    auto opened = OneRosterBundle::open(path, newFolder());
    if (!opened) {
        qWarning("open() failed: %s", qPrintable(opened.error()));
        return {};
    }
    bundle = std::make_unique<OneRosterBundle>(std::move(opened).value());
    return bundle->validate(db(), districtId);
}

// ---- Real sample bundles -------------------------------------------------------------------

void TestOneRosterBundle::loadsCatalystV11Folder()
{
    HUB_REQUIRE_SAMPLE(folder, "catalyst-moodle-v1p1-full");
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(bundle->version(), QStringLiteral("1.1"));
    QCOMPARE(bundle->receiveCounts().rowsRead, 6);
    QCOMPARE(bundle->receiveCounts().bytes, 641 + 554 + 945 + 413 + 174 + 1304);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());

    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QVERIFY2(
        warnings.contains(QStringLiteral(
            "orgs.csv line 2, column parentSourcedId, value \"org-sch-222-3456\": No record of "
            "orgs.csv has this sourcedId; the reference is stored as given.")),
        qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY(warnings.contains(QStringLiteral(
        "academicSessions.csv line 3, column parentSourcedId, value \"as-syr-222-2023\": No record "
        "of academicSessions.csv has this sourcedId; the reference is stored as given.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "academicSessions.csv line 4, column status, value \"inactive\": status inactive is "
        "OneRoster 1.0; stored as tobedeleted.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "academicSessions.csv line 4, column dateLastModified, value \"2023-05-01\": "
        "dateLastModified is a date without a time; stored as midnight UTC.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "classes.csv line 2, column classType, value \"Scheduled\": classType differs in case "
        "from scheduled; stored as scheduled.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "classes.csv line 2, column courseSourcedId, value \"crs-222-2023-456-12345\": The bundle "
        "has no courses.csv and the district has no stored record with this sourcedId; the "
        "reference is stored as given.")));
    // Bulk files may leave status and dateLastModified empty; that is no finding.
    QVERIFY(warnings.filter(QStringLiteral("users.csv line 3, column status")).isEmpty());
    QVERIFY(warnings.filter(QStringLiteral("users.csv line 3, column dateLastModified")).isEmpty());
    QVERIFY(warnings.contains(QStringLiteral(
        "users.csv line 1, column password: The hub does not load this column. The uploaded "
        "file is deleted after the load, or kept 14 days if the load fails.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "enrollments.csv line 3, column role, value \"student\": User usr-222-987654 has the "
        "role teacher in the bundle, not student.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "enrollments.csv line 6, column role, value \"student\": User usr-222-987654 has the "
        "role teacher in the bundle, not student.")));

    QCOMPARE(bundle->validateCounts().rowsRead, 1 + 5 + 2 + 6 + 6);
    QCOMPARE(bundle->validateCounts().rowsRejected, 0);
    QCOMPARE(bundle->validateCounts().rowsWritten, 20);

    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsWritten, 20 + 6);
    QCOMPARE(count(QStringLiteral("orgs")), 1);
    QCOMPARE(count(QStringLiteral("academic_sessions")), 5);
    QCOMPARE(count(QStringLiteral("classes")), 2);
    QCOMPARE(count(QStringLiteral("users")), 6);
    QCOMPARE(count(QStringLiteral("enrollments")), 6);
    QCOMPARE(count(QStringLiteral("user_roles")), 6);
    QCOMPARE(count(QStringLiteral("courses")), 0);
    QCOMPARE(count(QStringLiteral("users"), districtId + 1), 0);

    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-sch-222-456"),
                   QStringLiteral("parent_sourced_id")),
             QVariant(QStringLiteral("org-sch-222-3456")));
    QCOMPARE(field(QStringLiteral("academic_sessions"), QStringLiteral("as-grp-222-2345"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    QCOMPARE(field(QStringLiteral("academic_sessions"), QStringLiteral("as-grp-222-2345"),
                   QStringLiteral("date_last_modified")),
             QVariant(QStringLiteral("2023-05-01T00:00:00.000Z")));
    QCOMPARE(field(QStringLiteral("academic_sessions"), QStringLiteral("as-trm-222-1234"),
                   QStringLiteral("school_year")),
             QVariant(2023));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("cls-222-123456"),
                   QStringLiteral("class_type")),
             QVariant(QStringLiteral("scheduled")));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("cls-222-123456"),
                   QStringLiteral("grades")),
             QVariant(QStringLiteral("[\"09\",\"10\",\"11\"]")));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("cls-222-123456"),
                   QStringLiteral("subjects")),
             QVariant(QStringLiteral("[\"Science\",\"Physics\",\"Biology\"]")));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("cls-222-123456"),
                   QStringLiteral("subject_codes")),
             QVariant(QStringLiteral("[\"PHY123\",\"ASV120\"]")));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("cls-222-123478"),
                   QStringLiteral("term_sourced_ids")),
             QVariant(QStringLiteral("[\"as-trm-222-1234\",\"as-trm-222-1235\"]")));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("cls-222-123478"),
                   QStringLiteral("periods")),
             QVariant(QStringLiteral("[\"1\",\"2\",\"3\"]")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-222-1234561"),
                   QStringLiteral("user_ids")),
             QVariant(QStringLiteral("[\"{LDAP:12}\",\"{LTI:15}\",\"{Fed:23}\"]")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-222-66778899"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-222-66778899"),
                   QStringLiteral("agent_sourced_ids")),
             QVariant(QStringLiteral("[\"usr-222-123456\"]")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-222-123456"),
                   QStringLiteral("enabled_user")),
             QVariant(1));
    QVERIFY(field(QStringLiteral("users"), QStringLiteral("usr-222-123456"),
                  QStringLiteral("extensions"))
                .isNull());
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-222-987654:org-sch-222-456"),
                   QStringLiteral("role")),
             QVariant(QStringLiteral("teacher")));
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-222-987654:org-sch-222-456"),
                   QStringLiteral("role_type")),
             QVariant(QStringLiteral("primary")));
    QCOMPARE(field(QStringLiteral("enrollments"), QStringLiteral("enr-s-222-12345-987654"),
                   QStringLiteral("is_primary")),
             QVariant(0));
    QCOMPARE(field(QStringLiteral("enrollments"), QStringLiteral("enr-s-222-12345-987654"),
                   QStringLiteral("begin_date")),
             QVariant(QStringLiteral("2022-03-15")));
}

void TestOneRosterBundle::loadsCatalystV11Zip()
{
    HUB_REQUIRE_SAMPLE(zip, "catalyst-moodle-v1p1-full/Test_full_data_set.zip");
    const QString workDir = newFolder();
    auto opened = OneRosterBundle::open(zip, workDir);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(opened->version(), QStringLiteral("1.1"));
    QCOMPARE(opened->folder(), QDir(workDir).absolutePath());
    QCOMPARE(opened->receiveCounts().rowsRead, 6);
    QCOMPARE(opened->receiveCounts().bytes, 641 + 554 + 945 + 413 + 174 + 1304);

    const QList<Issue> issues = opened->validate(db(), districtId);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    auto loaded = opened->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsWritten, 26);
    QCOMPARE(count(QStringLiteral("users")), 6);
    QCOMPARE(count(QStringLiteral("enrollments")), 6);
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-222-567891"),
                   QStringLiteral("given_name")),
             QVariant(QStringLiteral("Anna")));
}

void TestOneRosterBundle::loadsOatSaV11()
{
    HUB_REQUIRE_SAMPLE(folder, "oat-sa-v1p1");
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(bundle->version(), QStringLiteral("1.1"));
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());

    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QVERIFY2(warnings.contains(QStringLiteral(
                 "academicSessions.csv line 1, column schoolYear: The column is missing; each "
                 "school year is derived from endDate.")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY(warnings.contains(QStringLiteral(
        "classes.csv line 1, column grade: grade is a legacy column name; read as grades.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "courses.csv line 1, column schoolYearId: schoolYearId is a legacy column name; read as "
        "schoolYearSourcedId.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "users.csv line 1, column userId: userId is a legacy column name; read as userIds.")));
    QVERIFY(warnings.contains(
        QStringLiteral("users.csv line 1, column agents: agents is a legacy column name; read as "
                       "agentSourcedIds.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "demographics.csv line 1, column userSourcedId: userSourcedId is a legacy column name; "
        "read as sourcedId.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "orgs.csv line 2, column dateLastModified, value \"2017-05-06 08:01:05\": "
        "dateLastModified has a space instead of T between date and time; read as UTC.")));
    QVERIFY(warnings.contains(QStringLiteral(
        "classes.csv line 2, column termSourcedIds, value \"1\": No record of "
        "academicSessions.csv has this sourcedId; the reference is stored as given.")));
    QVERIFY(warnings.contains(
        QStringLiteral("classes.csv line 2, column courseSourcedId: courseSourcedId is empty, "
                       "although OneRoster requires it.")));

    QCOMPARE(bundle->validateCounts().rowsRead, 2 + 3 + 2 + 3);
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsWritten, 2 + 3 + 2 + 2 + 3);
    QCOMPARE(count(QStringLiteral("orgs")), 2);
    QCOMPARE(count(QStringLiteral("classes")), 3);
    QCOMPARE(count(QStringLiteral("users")), 2);
    QCOMPARE(count(QStringLiteral("user_roles")), 2);
    QCOMPARE(count(QStringLiteral("enrollments")), 3);
    QCOMPARE(count(QStringLiteral("academic_sessions")), 0);
    QCOMPARE(count(QStringLiteral("courses")), 0);
    QCOMPARE(count(QStringLiteral("demographics")), 0);

    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("12345"),
                   QStringLiteral("date_last_modified")),
             QVariant(QStringLiteral("2017-05-06T08:01:05.000Z")));
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("12345"), QStringLiteral("extensions")),
             QVariant(QStringLiteral("{\"metadata.boarding\":\"FALSE\",\"metadata.classification\":"
                                     "\"Classification 1\",\"metadata.gender\":\"mixed\"}")));
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("54321"), QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("class1"), QStringLiteral("grades")),
             QVariant(QStringLiteral("[\"2\"]")));
    QVERIFY(field(QStringLiteral("classes"), QStringLiteral("class1"),
                  QStringLiteral("course_sourced_id"))
                .isNull());
    QCOMPARE(field(QStringLiteral("classes"), QStringLiteral("class1"),
                   QStringLiteral("term_sourced_ids")),
             QVariant(QStringLiteral("[\"1\"]")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("user1"), QStringLiteral("user_ids")),
             QVariant(QStringLiteral("[\"abc\"]")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("user1"), QStringLiteral("extensions")),
             QVariant(QStringLiteral("{\"ext_tao_userFatherName\":\"metadata.value2\","
                                     "\"ext_tao_userMotherName\":\"metadata.value1\"}")));
    QCOMPARE(
        field(QStringLiteral("user_roles"), QStringLiteral("user2:54321"), QStringLiteral("role")),
        QVariant(QStringLiteral("student")));
    QVERIFY(
        field(QStringLiteral("enrollments"), QStringLiteral("enrol1"), QStringLiteral("is_primary"))
            .isNull());
    QCOMPARE(field(QStringLiteral("enrollments"), QStringLiteral("enrol1"),
                   QStringLiteral("user_sourced_id")),
             QVariant(QStringLiteral("user1")));
}

void TestOneRosterBundle::rejectsCatalystV12Full()
{
    HUB_REQUIRE_SAMPLE(folder, "catalyst-moodle-v1p2-full");
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(bundle->version(), QStringLiteral("1.2"));

    const QStringList errors = issueTexts(issues, Issue::Severity::Error);
    QVERIFY2(errors.contains(QStringLiteral(
                 "users.csv line 2, column dateLastModified, value \"1/05/2023\": Invalid "
                 "dateLastModified; expected an ISO 8601 UTC date and time such as "
                 "2023-05-01T18:25:43.511Z. Day and month are never guessed.")),
             qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(errors.contains(
        QStringLiteral("users.csv line 7, column dateLastModified, value \"15/06/2023\": Invalid "
                       "dateLastModified; expected an ISO 8601 UTC date and time such as "
                       "2023-05-01T18:25:43.511Z. Day and month are never guessed.")));
    // Misspelled optional headers are read as the column they resemble, with a Warning.
    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QVERIFY(warnings.contains(
        QStringLiteral("users.csv line 1, column prefferedGivenName: Unknown column, read as "
                       "preferredGivenName. Correct the header of users.csv to "
                       "preferredGivenName.")));
    QVERIFY(warnings.contains(
        QStringLiteral("users.csv line 1, column prefferedMiddleName: Unknown column, read as "
                       "preferredMiddleName. Correct the header of users.csv to "
                       "preferredMiddleName.")));
    QVERIFY(warnings.contains(
        QStringLiteral("users.csv line 1, column prefferedFamilyName: Unknown column, read as "
                       "preferredFamilyName. Correct the header of users.csv to "
                       "preferredFamilyName.")));
    QVERIFY(warnings.contains(
        QStringLiteral("roles.csv line 1, column dataLastModified: Unknown column, read as "
                       "dateLastModified. Correct the header of roles.csv to dateLastModified.")));
    // Only the day-first dates of lines 2 and 4 to 7 remain errors.
    QCOMPARE(errors.filter(QStringLiteral("column dateLastModified")).size(), 5);
    QCOMPARE(errors.size(), 5);

    QVERIFY2(warnings.contains(QStringLiteral(
                 "userprofiles.csv: manifest.csv declares file.userProfiles with an empty value, "
                 "so the file is ignored.")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY(bundle->errorCount() > 0);

    const QString before = snapshot();
    auto loaded = bundle->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error(), QStringLiteral("Validation found %1 errors, so nothing was loaded. "
                                            "Fix the bundle and send it again.")
                                 .arg(bundle->errorCount()));
    QCOMPARE(snapshot(), before);
}

void TestOneRosterBundle::rejectedLoadKeepsStoredRows()
{
    HUB_REQUIRE_SAMPLE(goodFolder, "catalyst-moodle-v1p1-full");
    HUB_REQUIRE_SAMPLE(badFolder, "catalyst-moodle-v1p2-full");

    std::unique_ptr<OneRosterBundle> good;
    openAndValidate(goodFolder, good);
    QVERIFY(good);
    auto loaded = good->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    const QString before = snapshot();

    std::unique_ptr<OneRosterBundle> bad;
    openAndValidate(badFolder, bad);
    QVERIFY(bad);
    QVERIFY(bad->errorCount() > 0);
    QVERIFY(!bad->load(db(), districtId).ok());

    QCOMPARE(count(QStringLiteral("users")), 6);
    QCOMPARE(count(QStringLiteral("user_roles")), 6);
    QCOMPARE(count(QStringLiteral("enrollments")), 6);
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-222-123456"),
                   QStringLiteral("date_last_modified")),
             QVariant(QStringLiteral("2023-05-01T00:00:00.000Z")));
    QVERIFY(field(QStringLiteral("users"), QStringLiteral("usr-222-1234561"),
                  QStringLiteral("preferred_given_name"))
                .isNull());
    QCOMPARE(snapshot(), before);
}

void TestOneRosterBundle::loadsCatalystV12Delta()
{
    HUB_REQUIRE_SAMPLE(folder, "catalyst-moodle-v1p2-delta");
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(bundle->version(), QStringLiteral("1.2"));
    QCOMPARE(bundle->manifestModes().value(QStringLiteral("users")), QStringLiteral("delta"));
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QVERIFY2(warnings.contains(QStringLiteral("userProfiles.csv: The hub does not store "
                                              "userProfiles.csv; the file is ignored.")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    QCOMPARE(bundle->validateCounts().rowsRead, 8);

    // A stored user that the delta does not list stays as it was.
    QVERIFY(hub::execute(db(),
                         QStringLiteral("INSERT INTO users (district_id, sourced_id, status, "
                                        "date_last_modified, username, given_name, family_name) "
                                        "VALUES (?, 'USER_9', 'active', "
                                        "'2023-01-01T00:00:00.000Z', 'u9', 'Una', 'Nine')"),
                         {districtId})
                .ok());
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsWritten, 8);
    for (const QString &table : rosterTables)
        QCOMPARE(count(table), table == QLatin1String("users") ? 2 : 1);
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("USER_9"), QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("USER_0"), QStringLiteral("given_name")),
             QVariant(QStringLiteral("Bruce")));
    QCOMPARE(
        field(QStringLiteral("users"), QStringLiteral("USER_0"), QStringLiteral("enabled_user")),
        QVariant(1));
    QCOMPARE(field(QStringLiteral("courses"), QStringLiteral("COURSE_001"),
                   QStringLiteral("subject_codes")),
             QVariant(QStringLiteral("[\"0101\"]")));
}

void TestOneRosterBundle::appliesDeltaChanges()
{
    const QString first = newFolder();
    writeFiles(first, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());

    // The delta renames one user and moves it to a new school, retires the other's enrollment
    // and adds the school. The rows it does not list stay active, but the user's row lists all
    // of its orgs, so its role at the old school is retired.
    FileMap files;
    files.insert(QStringLiteral("manifest.csv"), "propertyName,value\r\n"
                                                 "oneroster.version,1.1\r\n"
                                                 "file.orgs,delta\r\n"
                                                 "file.users,delta\r\n"
                                                 "file.enrollments,delta\r\n");
    files.insert(QStringLiteral("orgs.csv"),
                 "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                 "org-2,active,2024-02-01T00:00:00.000Z,School 2,school,S2,org-d\r\n");
    files.insert(QStringLiteral("users.csv"),
                 "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                 "userIds,givenName,familyName\r\n"
                 "usr-t,active,2024-02-01T00:00:00.000Z,true,org-2,teacher,tina,,Tina,Newname\r\n");
    files.insert(QStringLiteral("enrollments.csv"),
                 "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
                 "role\r\n"
                 "enr-s,tobedeleted,2024-02-01T00:00:00.000Z,cls-1,org-s,usr-s,student\r\n");
    const QString second = newFolder();
    writeFiles(second, files);
    const QList<Issue> issues = openAndValidate(second, bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const QString startedAt = hub::nowIsoUtc();
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    // org-2, usr-t, its role at org-2, enr-s and the retired role at org-s.
    QCOMPARE(loaded->rowsMarked, 1);
    QCOMPARE(loaded->rowsWritten, 5);

    QCOMPARE(count(QStringLiteral("orgs")), 3);
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-d"), QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-t"), QStringLiteral("family_name")),
             QVariant(QStringLiteral("Newname")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(
        field(QStringLiteral("user_roles"), QStringLiteral("usr-t:org-2"), QStringLiteral("role")),
        QVariant(QStringLiteral("teacher")));
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-t:org-s"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:org-s"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(
        field(QStringLiteral("enrollments"), QStringLiteral("enr-s"), QStringLiteral("status")),
        QVariant(QStringLiteral("tobedeleted")));
    // The changed records are dated when the hub changed them, not with the file's date.
    for (const auto &[table, id] :
         {std::pair{QStringLiteral("enrollments"), QStringLiteral("enr-s")},
          std::pair{QStringLiteral("users"), QStringLiteral("usr-t")},
          std::pair{QStringLiteral("orgs"), QStringLiteral("org-2")}}) {
        const QString date = field(table, id, QStringLiteral("date_last_modified")).toString();
        QVERIFY2(date >= startedAt, qPrintable(id + QLatin1Char(' ') + date));
    }
    QCOMPARE(
        field(QStringLiteral("enrollments"), QStringLiteral("enr-t"), QStringLiteral("status")),
        QVariant(QStringLiteral("active")));
}

void TestOneRosterBundle::deltaRowsNeedStatusAndDate()
{
    FileMap files;
    files.insert(QStringLiteral("manifest.csv"),
                 "propertyName,value\r\noneroster.version,1.1\r\nfile.orgs,delta\r\n");
    files.insert(QStringLiteral("orgs.csv"),
                 "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                 "org-a,,2024-02-01T00:00:00.000Z,A,school,,\r\n"
                 "org-b,active,,B,school,,\r\n");
    const QString folder = newFolder();
    writeFiles(folder, files);
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error),
             (QStringList{QStringLiteral("orgs.csv line 2, column status: status is empty, but "
                                         "every row of a delta file needs it. Enter active or "
                                         "tobedeleted."),
                          QStringLiteral("orgs.csv line 3, column dateLastModified: "
                                         "dateLastModified is empty, but every row of a delta "
                                         "file needs it. Enter the time of the change, such as "
                                         "2023-05-01T18:25:43.511Z.")}));
    QCOMPARE(issues.first().rule, QStringLiteral("delta-status"));
    const QString before = snapshot();
    QVERIFY(!bundle->load(db(), districtId).ok());
    QCOMPARE(snapshot(), before);
}

// users.csv of OneRoster 1.1 gives each user one role per org, with the sourcedId user:org. User
// usr-s with org z:org-s and user usr-s:z with org org-s both give usr-s:z:org-s.
void TestOneRosterBundle::rejectsCollidingRoleIds()
{
    const QString first = newFolder();
    writeFiles(first, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const QString before = snapshot();

    FileMap files = validBundle();
    files[QStringLiteral("orgs.csv")].append(
        "z:org-s,active,2024-01-02T03:04:05.000Z,Annex,school,S2,org-d\r\n");
    QByteArray &users = files[QStringLiteral("users.csv")];
    QVERIFY(users.contains("\"org-s,org-d\""));
    users.replace("\"org-s,org-d\"", "\"org-s,z:org-s\"");
    users.append("usr-s:z,active,2024-01-02T03:04:05.000Z,true,org-s,student,sue,,Sue,Study,,S2,"
                 ",,,,09,\r\n");
    const QString second = newFolder();
    writeFiles(second, files);
    const QList<Issue> issues = openAndValidate(second, bundle);
    QVERIFY(bundle);

    QList<Issue> errors;
    std::copy_if(issues.cbegin(), issues.cend(), std::back_inserter(errors),
                 [](const Issue &issue) { return issue.severity == Issue::Severity::Error; });
    QCOMPARE(errors.size(), 1);
    const Issue &error = errors.constFirst();
    QCOMPARE(error.file, QStringLiteral("users.csv"));
    QCOMPARE(error.line, 4);
    QCOMPARE(error.rule, QStringLiteral("role-id-collision"));
    QCOMPARE(error.column, QStringLiteral("orgSourcedIds"));
    QCOMPARE(error.value, QStringLiteral("org-s"));
    QCOMPARE(error.message,
             QStringLiteral("The role sourcedId usr-s:z:org-s, which the hub forms as user:org, "
                            "comes from user usr-s:z and org org-s on this line and from user "
                            "usr-s and org z:org-s on line 3. Only one of the two roles could be "
                            "stored. Change one of these user or org sourcedIds, for example by "
                            "removing a colon, so that the pairs give different role "
                            "sourcedIds."));
    QCOMPARE(bundle->errorCount(), 1);

    auto loaded = bundle->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QCOMPARE(snapshot(), before);
}

// A user that lists one org twice has one role there, and that is no finding.
void TestOneRosterBundle::keepsOneRoleForRepeatedOrg()
{
    FileMap files = validBundle();
    QByteArray &users = files[QStringLiteral("users.csv")];
    QVERIFY(users.contains("true,org-s,teacher,"));
    users.replace("true,org-s,teacher,", "true,\"org-s,org-s\",teacher,");
    const QString folder = newFolder();
    writeFiles(folder, files);
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    QCOMPARE(issues.size(), 1); // the dropped password column
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(count(QStringLiteral("user_roles")), 3);
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-t:org-s"),
                   QStringLiteral("user_sourced_id")),
             QVariant(QStringLiteral("usr-t")));
}

void TestOneRosterBundle::rejectsDeltaRoleOfStoredPair_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<bool>("rejected");

    QTest::newRow("other user, same role id")
        << QByteArray("usr-s:z,active,2024-02-01T00:00:00.000Z,true,org-s,student,sue,,Sue,"
                      "Study\r\n")
        << true;
    QTest::newRow("stored user and org again")
        << QByteArray("usr-s,active,2024-02-01T00:00:00.000Z,true,\"org-s,z:org-s\",student,"
                      "sam,,Sam,Newname\r\n")
        << false;
}

// A delta users.csv adds roles to the stored ones, so a role sourcedId of another stored user
// and org is an Error too.
void TestOneRosterBundle::rejectsDeltaRoleOfStoredPair()
{
    QFETCH(QByteArray, row);
    QFETCH(bool, rejected);

    FileMap files = validBundle();
    files[QStringLiteral("orgs.csv")].append(
        "z:org-s,active,2024-01-02T03:04:05.000Z,Annex,school,S2,org-d\r\n");
    files[QStringLiteral("users.csv")].replace("\"org-s,org-d\"", "\"org-s,z:org-s\"");
    const QString first = newFolder();
    writeFiles(first, files);
    std::unique_ptr<OneRosterBundle> bundle;
    QCOMPARE(issueTexts(openAndValidate(first, bundle), Issue::Severity::Error), QStringList());
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:z:org-s"),
                   QStringLiteral("user_sourced_id")),
             QVariant(QStringLiteral("usr-s")));
    const QString before = snapshot();

    FileMap delta;
    delta.insert(QStringLiteral("manifest.csv"),
                 "propertyName,value\r\noneroster.version,1.1\r\nfile.users,delta\r\n");
    delta.insert(QStringLiteral("users.csv"),
                 "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                 "userIds,givenName,familyName\r\n"
                 + row);
    const QString second = newFolder();
    writeFiles(second, delta);
    const QList<Issue> issues = openAndValidate(second, bundle);
    QVERIFY(bundle);

    if (!rejected) {
        QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
        auto loaded = bundle->load(db(), districtId);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:z:org-s"),
                       QStringLiteral("user_sourced_id")),
                 QVariant(QStringLiteral("usr-s")));
        return;
    }
    QList<Issue> errors;
    std::copy_if(issues.cbegin(), issues.cend(), std::back_inserter(errors),
                 [](const Issue &issue) { return issue.severity == Issue::Severity::Error; });
    QCOMPARE(errors.size(), 1);
    const Issue &error = errors.constFirst();
    QCOMPARE(error.file, QStringLiteral("users.csv"));
    QCOMPARE(error.line, 2);
    QCOMPARE(error.rule, QStringLiteral("role-id-collision"));
    QCOMPARE(error.column, QStringLiteral("orgSourcedIds"));
    QCOMPARE(error.value, QStringLiteral("org-s"));
    QCOMPARE(error.message,
             QStringLiteral("The role sourcedId usr-s:z:org-s, which the hub forms as user:org, "
                            "comes from user usr-s:z and org org-s on this line, but the district "
                            "has it stored for user usr-s and org z:org-s. Loading the row would "
                            "take that role from user usr-s. Change one of these user or org "
                            "sourcedIds, for example by removing a colon, so that the pairs give "
                            "different role sourcedIds."));
    QVERIFY(!bundle->load(db(), districtId).ok());
    QCOMPARE(snapshot(), before);
}

void TestOneRosterBundle::rejectsStoredIdInOtherCase_data()
{
    QTest::addColumn<QByteArray>("manifest");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("data");
    // The expected finding as line|value|stored id, or empty for none.
    QTest::addColumn<QString>("expected");

    const QByteArray deltaUsers = "propertyName,value\r\noneroster.version,1.1\r\n"
                                  "file.users,delta\r\n";
    const QByteArray usersHeader = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,"
                                   "role,username,userIds,givenName,familyName\r\n";
    QTest::newRow("delta user, other case")
        << deltaUsers << QStringLiteral("users.csv")
        << usersHeader + "USR-S,active,2024-02-01T00:00:00.000Z,true,org-s,student,casey,,"
                         "Casey,Study\r\n"
        << QStringLiteral("2|USR-S|usr-s");
    QTest::newRow("delta user, same id")
        << deltaUsers << QStringLiteral("users.csv")
        << usersHeader + "usr-s,active,2024-02-01T00:00:00.000Z,true,org-s,student,casey,,"
                         "Casey,Study\r\n"
        << QString();
    QTest::newRow("delta org, other case, second row")
        << QByteArray("propertyName,value\r\noneroster.version,1.1\r\nfile.orgs,delta\r\n")
        << QStringLiteral("orgs.csv")
        << QByteArray("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                      "org-2,active,2024-02-01T00:00:00.000Z,School 2,school,S2,org-d\r\n"
                      "Org-S,active,2024-02-01T00:00:00.000Z,School,school,S1,org-d\r\n")
        << QStringLiteral("3|Org-S|org-s");
    // A bulk file replaces the stored records, but the one it retires would stay next to the
    // new one, so ids that differ only in case are rejected there too.
    QTest::newRow("bulk user, other case") << QByteArray() << QStringLiteral("users.csv")
                                           << QByteArray() << QStringLiteral("3|USR-S|usr-s");

    // Enrollments keep hashes of their sourcedIds instead of the ids, and are checked as well.
    const QByteArray deltaEnrollments = "propertyName,value\r\noneroster.version,1.1\r\n"
                                        "file.enrollments,delta\r\n";
    const QByteArray enrollmentsHeader = "sourcedId,status,dateLastModified,classSourcedId,"
                                         "schoolSourcedId,userSourcedId,role,primary,beginDate,"
                                         "endDate\r\n";
    QTest::newRow("delta enrollment, other case")
        << deltaEnrollments << QStringLiteral("enrollments.csv")
        << enrollmentsHeader + "ENR-S,active,2024-02-01T00:00:00.000Z,cls-1,org-s,usr-s,student,"
                               "false,,\r\n"
        << QStringLiteral("2|ENR-S|enr-s");
    QTest::newRow("delta enrollment, other case, second row")
        << deltaEnrollments << QStringLiteral("enrollments.csv")
        << enrollmentsHeader + "enr-x,active,2024-02-01T00:00:00.000Z,cls-1,org-s,usr-s,student,"
                               "false,,\r\n"
                               "Enr-T,active,2024-02-01T00:00:00.000Z,cls-1,org-s,usr-t,teacher,"
                               "true,,\r\n"
        << QStringLiteral("3|Enr-T|enr-t");
    QTest::newRow("delta enrollment, same id")
        << deltaEnrollments << QStringLiteral("enrollments.csv")
        << enrollmentsHeader + "enr-s,active,2024-02-01T00:00:00.000Z,cls-1,org-s,usr-s,student,"
                               "false,2024-01-08,\r\n"
        << QString();
    QTest::newRow("bulk enrollment, other case")
        << QByteArray("bulk") << QStringLiteral("enrollments.csv")
        << enrollmentsHeader + "enr-t,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-t,teacher,"
                               "true,2023-09-01,2023-12-20\r\n"
                               "eNr-S,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,"
                               "false,,\r\n"
        << QStringLiteral("3|eNr-S|enr-s");
}

// A sourcedId that differs only in case from a stored one would make two records that systems
// which ignore case merge.
void TestOneRosterBundle::rejectsStoredIdInOtherCase()
{
    QFETCH(QByteArray, manifest);
    QFETCH(QString, file);
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);

    const QString first = newFolder();
    writeFiles(first, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const QString before = snapshot();

    FileMap files;
    if (manifest.isEmpty()) {
        files = validBundle();
        files[QStringLiteral("users.csv")].replace("usr-s,", "USR-S,");
        files[QStringLiteral("enrollments.csv")].replace(",usr-s,", ",USR-S,");
    } else if (manifest == "bulk") {
        files = validBundle();
        files.insert(file, data);
    } else {
        files.insert(QStringLiteral("manifest.csv"), manifest);
        files.insert(file, data);
    }
    const QString second = newFolder();
    writeFiles(second, files);
    const QList<Issue> issues = openAndValidate(second, bundle);
    QVERIFY(bundle);

    QList<Issue> errors;
    std::copy_if(issues.cbegin(), issues.cend(), std::back_inserter(errors),
                 [](const Issue &issue) { return issue.severity == Issue::Severity::Error; });
    if (expected.isEmpty()) {
        QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
        auto loaded = bundle->load(db(), districtId);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        if (file == QLatin1String("enrollments.csv")) {
            QCOMPARE(count(QStringLiteral("enrollments")), 2);
            QCOMPARE(field(QStringLiteral("enrollments"), QStringLiteral("enr-s"),
                           QStringLiteral("begin_date")),
                     QVariant(QStringLiteral("2024-01-08")));
            return;
        }
        QCOMPARE(count(QStringLiteral("users")), 2);
        QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-s"),
                       QStringLiteral("given_name")),
                 QVariant(QStringLiteral("Casey")));
        return;
    }

    const QStringList parts = expected.split(QLatin1Char('|'));
    QCOMPARE(errors.size(), 1);
    const Issue &error = errors.constFirst();
    QCOMPARE(error.file, file);
    QCOMPARE(error.line, parts.at(0).toLongLong());
    QCOMPARE(error.rule, QStringLiteral("duplicate-id"));
    QCOMPARE(error.column, QStringLiteral("sourcedId"));
    QCOMPARE(error.value, parts.at(1));
    QCOMPARE(error.message,
             QStringLiteral("The district has the stored sourcedId %1, which differs only in "
                            "case, and systems that ignore case would merge the two records. Use "
                            "%1 exactly to update the stored record, or give this record a "
                            "sourcedId that differs in more than case.")
                 .arg(parts.at(2)));
    QCOMPARE(bundle->validateCounts().rowsRejected, qint64(1));
    QVERIFY(!bundle->load(db(), districtId).ok());
    QCOMPARE(snapshot(), before);
}

void TestOneRosterBundle::namesReferenceInOtherCase_data()
{
    QTest::addColumn<bool>("delta");
    QTest::addColumn<QString>("message");

    QTest::newRow("record in the bundle")
        << false
        << QStringLiteral("No record of users.csv has this sourcedId; the reference is stored as "
                          "given. users.csv has the sourcedId usr-s, which differs only in case; "
                          "write the reference as usr-s if it means that record.");
    QTest::newRow("stored record")
        << true
        << QStringLiteral("The bundle has no users.csv and the district has no stored record "
                          "with this sourcedId; the reference is stored as given. The district "
                          "has the stored sourcedId usr-s, which differs only in case; write the "
                          "reference as usr-s if it means that record.");
}

// A reference that matches a record only when case is ignored is a Warning that names the record.
void TestOneRosterBundle::namesReferenceInOtherCase()
{
    QFETCH(bool, delta);
    QFETCH(QString, message);

    FileMap files;
    if (delta) {
        const QString first = newFolder();
        writeFiles(first, validBundle());
        std::unique_ptr<OneRosterBundle> bundle;
        openAndValidate(first, bundle);
        QVERIFY(bundle);
        QVERIFY(bundle->load(db(), districtId).ok());
        files.insert(QStringLiteral("manifest.csv"),
                     "propertyName,value\r\noneroster.version,1.1\r\nfile.enrollments,delta\r\n");
        files.insert(QStringLiteral("enrollments.csv"),
                     "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                     "userSourcedId,role\r\n"
                     "enr-s,active,2024-02-01T00:00:00.000Z,cls-1,org-s,USR-S,student\r\n");
    } else {
        files = validBundle();
        QByteArray &enrollments = files[QStringLiteral("enrollments.csv")];
        QVERIFY(enrollments.contains(",usr-s,"));
        enrollments.replace(",usr-s,", ",USR-S,");
    }
    const QString folder = newFolder();
    writeFiles(folder, files);
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const auto reference = std::find_if(issues.cbegin(), issues.cend(), [](const Issue &issue) {
        return issue.rule == QLatin1String("unknown-reference");
    });
    QVERIFY(reference != issues.cend());
    QCOMPARE(reference->severity, Issue::Severity::Warning);
    QCOMPARE(reference->file, QStringLiteral("enrollments.csv"));
    QCOMPARE(reference->line, delta ? 2 : 3);
    QCOMPARE(reference->value, QStringLiteral("USR-S"));
    QCOMPARE(reference->message, message);
}

// ---- Crafted bundles -----------------------------------------------------------------------

void TestOneRosterBundle::loadsCraftedBundle()
{
    const QString folder = newFolder();
    writeFiles(folder, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    QCOMPARE(issueTexts(issues, Issue::Severity::Warning),
             QStringList{QStringLiteral("users.csv line 1, column password: The hub does not load "
                                        "this column. The uploaded file is deleted after the "
                                        "load, or kept 14 days if the load fails.")});
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsRead, 13);
    QCOMPARE(loaded->rowsWritten, 13);
    QCOMPARE(count(QStringLiteral("user_roles")), 3);
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:org-d"),
                   QStringLiteral("user_sourced_id")),
             QVariant(QStringLiteral("usr-s")));
    QCOMPARE(field(QStringLiteral("courses"), QStringLiteral("crs-1"), QStringLiteral("grades")),
             QVariant(QStringLiteral("[\"09\",\"10\"]")));
    QVERIFY(
        field(QStringLiteral("courses"), QStringLiteral("crs-1"), QStringLiteral("subject_codes"))
            .isNull());
    QCOMPARE(
        field(QStringLiteral("enrollments"), QStringLiteral("enr-t"), QStringLiteral("is_primary")),
        QVariant(1));
}

void TestOneRosterBundle::warnsOfUnknownFile()
{
    const QString folder = newFolder();
    FileMap files = validBundle();
    files.insert(QStringLiteral("assessmentResults.csv"),
                 "studentSourcedId,schoolYear,assessment\r\nusr-s,2024,i-Ready Diagnostic\r\n");
    writeFiles(folder, files);
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const auto unknown = std::find_if(issues.cbegin(), issues.cend(), [](const Issue &issue) {
        return issue.rule == QLatin1String("unknown-file");
    });
    QVERIFY(unknown != issues.cend());
    QCOMPARE(unknown->severity, Issue::Severity::Warning);
    QCOMPARE(unknown->file, QStringLiteral("assessmentResults.csv"));
    QCOMPARE(unknown->message,
             QStringLiteral("The file is not part of OneRoster 1.1; it is ignored."));
    QVERIFY(bundle->load(db(), districtId).ok());
}

void TestOneRosterBundle::namesRejectedReferencedRow()
{
    // usr-s on line 3 of users.csv has an invalid enabledUser, and usr-x is in no file.
    FileMap files = validBundle();
    files[QStringLiteral("users.csv")].replace(",true,\"org-s,org-d\",student,",
                                               ",maybe,\"org-s,org-d\",student,");
    files[QStringLiteral("enrollments.csv")].append(
        "enr-x,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-x,student,false,,\r\n");
    const QString folder = newFolder();
    writeFiles(folder, files);
    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);

    QCOMPARE(issueTexts(issues, Issue::Severity::Error),
             QStringList{QStringLiteral("users.csv line 3, column enabledUser, value \"maybe\": "
                                        "Invalid enabledUser; expected true or false.")});
    QStringList references;
    for (const Issue &issue : issues) {
        if (issue.rule == QLatin1String("unknown-reference"))
            references.append(issue.toString());
    }
    QCOMPARE(references.size(), 2);
    QCOMPARE(references.at(0),
             QStringLiteral("enrollments.csv line 3, column userSourcedId, value \"usr-s\": "
                            "users.csv has this sourcedId on line 3, but that row has an error, "
                            "so its record is not loaded. Correct that row."));
    QCOMPARE(references.at(1),
             QStringLiteral("enrollments.csv line 4, column userSourcedId, value \"usr-x\": "
                            "No record of users.csv has this sourcedId; the reference is stored "
                            "as given."));
}

void TestOneRosterBundle::marksMissingRecordsToBeDeleted()
{
    const QString first = newFolder();
    writeFiles(first, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());

    // The second bundle drops org-d and usr-s, and leaves courses out.
    FileMap files = validBundle();
    files[QStringLiteral("orgs.csv")].replace(
        "org-d,active,2024-01-02T03:04:05.000Z,District,district,D1,\r\n", "");
    files[QStringLiteral("users.csv")].truncate(
        files.value(QStringLiteral("users.csv")).indexOf("usr-s,"));
    files[QStringLiteral("enrollments.csv")].truncate(
        files.value(QStringLiteral("enrollments.csv")).indexOf("enr-s,"));
    files[QStringLiteral("manifest.csv")].replace("file.courses,bulk", "file.courses,absent");
    files.remove(QStringLiteral("courses.csv"));
    const QString second = newFolder();
    writeFiles(second, files);

    const QString startedAt = hub::nowIsoUtc();
    openAndValidate(second, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    // The 7 rows that the files keep repeat stored records unchanged and are not written.
    // Marked: org-d, usr-s, its two user roles and enr-s.
    QCOMPARE(loaded->rowsRead, 7);
    QCOMPARE(loaded->rowsWritten, 5);
    QCOMPARE(loaded->rowsMarked, 5);

    QCOMPARE(count(QStringLiteral("orgs")), 2);
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-d"), QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    QVERIFY(
        field(QStringLiteral("orgs"), QStringLiteral("org-d"), QStringLiteral("date_last_modified"))
            .toString()
        >= startedAt);
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-s"), QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:org-s"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    QCOMPARE(
        field(QStringLiteral("enrollments"), QStringLiteral("enr-s"), QStringLiteral("status")),
        QVariant(QStringLiteral("tobedeleted")));
    // Courses were absent from the manifest, so the stored course stays as it was.
    QCOMPARE(field(QStringLiteral("courses"), QStringLiteral("crs-1"), QStringLiteral("status")),
             QVariant(QStringLiteral("active")));
}

// A bulk file that repeats a record unchanged leaves it alone, so its dateLastModified stays the
// time of its last change. A record that changed takes the load time.
void TestOneRosterBundle::reloadKeepsDatesOfUnchangedRecords()
{
    // The first load: enrollments without dateLastModified, stored with the load time.
    FileMap files = validBundle();
    files[QStringLiteral("enrollments.csv")].replace(",2024-01-02T03:04:05.000Z,", ",,");
    const QString first = newFolder();
    writeFiles(first, files);
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const auto dateOf = [this](const QString &table, const QString &id) {
        return field(table, id, QStringLiteral("date_last_modified")).toString();
    };
    const QString firstLoad = dateOf(QStringLiteral("enrollments"), QStringLiteral("enr-t"));
    QVERIFY2(firstLoad > QLatin1String("2026"), qPrintable(firstLoad));
    QCOMPARE(dateOf(QStringLiteral("enrollments"), QStringLiteral("enr-s")), firstLoad);
    QTest::qWait(5);

    // The same files again, but enr-s ends on another day and usr-t has a later date of its own
    // and nothing else new.
    files[QStringLiteral("enrollments.csv")].replace("student,false,,", "student,false,,2024-06-01");
    files[QStringLiteral("users.csv")].replace("usr-t,active,2024-01-02T03:04:05.000Z",
                                               "usr-t,active,2024-03-04T05:06:07.000Z");
    const QString second = newFolder();
    writeFiles(second, files);
    openAndValidate(second, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    const QString startedAt = hub::nowIsoUtc();
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));

    QCOMPARE(dateOf(QStringLiteral("enrollments"), QStringLiteral("enr-t")), firstLoad);
    const QString changed = dateOf(QStringLiteral("enrollments"), QStringLiteral("enr-s"));
    QVERIFY2(changed >= startedAt, qPrintable(changed));
    QCOMPARE(field(QStringLiteral("enrollments"), QStringLiteral("enr-s"),
                   QStringLiteral("end_date")),
             QVariant(QStringLiteral("2024-06-01")));
    // A new date alone is no change.
    QCOMPARE(dateOf(QStringLiteral("users"), QStringLiteral("usr-t")),
             QStringLiteral("2024-01-02T03:04:05.000Z"));
    QCOMPARE(dateOf(QStringLiteral("users"), QStringLiteral("usr-s")),
             QStringLiteral("2024-01-02T03:04:05.000Z"));
    QCOMPARE(dateOf(QStringLiteral("orgs"), QStringLiteral("org-s")),
             QStringLiteral("2024-01-02T03:04:05.000Z"));
    // Every row was read; only enr-s was written.
    QCOMPARE(loaded->rowsRead, 13);
    QCOMPARE(loaded->rowsWritten, 1);

    // The same files a third time change nothing and write nothing.
    const QString third = newFolder();
    writeFiles(third, files);
    openAndValidate(third, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsRead, 13);
    QCOMPARE(loaded->rowsWritten, 0);
    QCOMPARE(dateOf(QStringLiteral("enrollments"), QStringLiteral("enr-s")), changed);
}

// A record that a reload changes takes the load time, never the file's older date, so vendors
// that sync the records changed since their last sync get it.
void TestOneRosterBundle::changedRecordNeverGoesBack()
{
    FileMap files = validBundle();
    const QString first = newFolder();
    writeFiles(first, files);
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const auto dateOf = [this](const QString &table, const QString &id) {
        return field(table, id, QStringLiteral("date_last_modified")).toString();
    };

    // usr-s gets a new name with an older date, and enr-s leaves the file.
    files[QStringLiteral("users.csv")].replace(
        "usr-s,active,2024-01-02T03:04:05.000Z,true,\"org-s,org-d\",student,sam,{LDAP:1},Sam,",
        "usr-s,active,2023-05-06T07:08:09.000Z,true,\"org-s,org-d\",student,sam,{LDAP:1},Samuel,");
    FileMap withoutEnrollment = files;
    withoutEnrollment[QStringLiteral("enrollments.csv")].truncate(
        files.value(QStringLiteral("enrollments.csv")).indexOf("enr-s,"));
    const QString second = newFolder();
    writeFiles(second, withoutEnrollment);
    openAndValidate(second, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    const QString secondStart = hub::nowIsoUtc();
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("given_name")),
             QVariant(QStringLiteral("Samuel")));
    const QString renamed = dateOf(QStringLiteral("users"), QStringLiteral("usr-s"));
    QVERIFY2(renamed >= secondStart, qPrintable(renamed));
    QCOMPARE(
        field(QStringLiteral("enrollments"), QStringLiteral("enr-s"), QStringLiteral("status")),
        QVariant(QStringLiteral("tobedeleted")));
    QTest::qWait(5);

    // enr-s comes back with the date it had before it was marked tobedeleted.
    const QString third = newFolder();
    writeFiles(third, files);
    openAndValidate(third, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    const QString thirdStart = hub::nowIsoUtc();
    loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(
        field(QStringLiteral("enrollments"), QStringLiteral("enr-s"), QStringLiteral("status")),
        QVariant(QStringLiteral("active")));
    const QString back = dateOf(QStringLiteral("enrollments"), QStringLiteral("enr-s"));
    QVERIFY2(back >= thirdStart, qPrintable(back));
    QCOMPARE(dateOf(QStringLiteral("users"), QStringLiteral("usr-s")), renamed);
}

// OneRoster 1.1 shows a user's role and orgs in the user record, so a reload that changes only
// the role or the orgs in users.csv gives the user the load time as dateLastModified.
void TestOneRosterBundle::roleChangeGivesUserNewDate()
{
    FileMap files = validBundle();
    const QString first = newFolder();
    writeFiles(first, files);
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const auto dateOf = [this](const QString &id) {
        return field(QStringLiteral("users"), id, QStringLiteral("date_last_modified")).toString();
    };
    const QString fileDate = QStringLiteral("2024-01-02T03:04:05.000Z");
    QCOMPARE(dateOf(QStringLiteral("usr-t")), fileDate);
    QCOMPARE(dateOf(QStringLiteral("usr-s")), fileDate);

    // usr-t becomes an administrator; the row keeps its dateLastModified.
    files[QStringLiteral("users.csv")].replace(",org-s,teacher,tina,",
                                               ",org-s,administrator,tina,");
    const QString second = newFolder();
    writeFiles(second, files);
    openAndValidate(second, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    const QString secondStart = hub::nowIsoUtc();
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    // The role and its user.
    QCOMPARE(loaded->rowsWritten, 2);
    QCOMPARE(
        field(QStringLiteral("user_roles"), QStringLiteral("usr-t:org-s"), QStringLiteral("role")),
        QVariant(QStringLiteral("administrator")));
    const QString changed = dateOf(QStringLiteral("usr-t"));
    QVERIFY2(changed >= secondStart, qPrintable(changed));
    QCOMPARE(dateOf(QStringLiteral("usr-s")), fileDate);
    QTest::qWait(5);

    // usr-s leaves org-d, whose role is marked tobedeleted.
    files[QStringLiteral("users.csv")].replace("\"org-s,org-d\"", "org-s");
    const QString third = newFolder();
    writeFiles(third, files);
    openAndValidate(third, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    const QString thirdStart = hub::nowIsoUtc();
    loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsMarked, 1);
    QCOMPARE(loaded->rowsWritten, 2);
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:org-d"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    const QString left = dateOf(QStringLiteral("usr-s"));
    QVERIFY2(left >= thirdStart, qPrintable(left));
    QCOMPARE(dateOf(QStringLiteral("usr-t")), changed);
}

// A row that the store rejects after validation passed fails the load, and every table keeps
// what it held before, also the tables loaded before the failing one.
void TestOneRosterBundle::storeFailureRollsBackLoad()
{
    const QString first = newFolder();
    writeFiles(first, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const QString before = snapshot();

    // The store rejects the user usr-t, as a failing disk or a constraint would.
    const QStringList rejectUser
        = hubtest::onPostgres()
              ? QStringList{QStringLiteral(
                                "CREATE FUNCTION reject_user() RETURNS trigger LANGUAGE plpgsql AS "
                                "$$ BEGIN IF NEW.sourced_id = 'usr-t' THEN RAISE EXCEPTION "
                                "'user usr-t rejected'; END IF; RETURN NEW; END; $$"),
                            QStringLiteral("CREATE TRIGGER reject_user BEFORE INSERT OR UPDATE ON "
                                           "users FOR EACH ROW EXECUTE FUNCTION reject_user()")}
              : QStringList{QStringLiteral("CREATE TRIGGER reject_user_update BEFORE UPDATE ON "
                                           "users WHEN NEW.sourced_id = 'usr-t' BEGIN SELECT "
                                           "RAISE(ABORT, 'user usr-t rejected'); END")};
    for (const QString &statement : rejectUser) {
        auto created = hub::execute(db(), statement);
        QVERIFY2(created.ok(), qPrintable(created.error()));
    }

    // The second bundle changes an org, which loads before the users, and the user usr-t: a
    // user that it repeats unchanged would not be written at all.
    FileMap files = validBundle();
    files[QStringLiteral("orgs.csv")].replace(",District,", ",Renamed District,");
    files[QStringLiteral("users.csv")].replace(",tina,,Tina,", ",tina,,Tine,");
    const QString second = newFolder();
    writeFiles(second, files);
    openAndValidate(second, bundle);
    QCOMPARE(bundle->errorCount(), 0);
    auto loaded = bundle->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().contains(QStringLiteral("user usr-t rejected")), qPrintable(loaded.error()));
    QVERIFY2(loaded.error().contains(QStringLiteral("users")), qPrintable(loaded.error()));
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-d"), QStringLiteral("name")),
             QVariant(QStringLiteral("District")));
    QCOMPARE(snapshot(), before);

    // The connection is usable again after the failed load.
    QVERIFY(hub::execute(db(), QStringLiteral("SELECT 1")).ok());
}

void TestOneRosterBundle::postgresCopyKeepsValues()
{
    if (!hubtest::onPostgres())
        QSKIP("COPY is PostgreSQL's bulk load; SQLite loads row by row.");
    QVERIFY(hub::execute(db(), QStringLiteral("CREATE TABLE copied (n BIGINT, t TEXT)")).ok());
    const QStringList texts{QStringLiteral("tab\there"), QStringLiteral("line\nbreak\r\n"),
                            QStringLiteral("back\\slash \\N"), QStringLiteral("\\N"),
                            QString::fromUtf8("Ni\xc3\xb1o \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a"),
                            QString()};
    {
        hub::Transaction transaction(db());
        hub::PostgresCopy copy(db(), QStringLiteral("copied"), {QStringLiteral("n"), QStringLiteral("t")});
        auto started = copy.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QVariant text = texts.at(i).isNull() ? QVariant() : QVariant(texts.at(i));
            QVERIFY(copy.addRow({QVariant(i + 1), text}).ok());
        }
        // Enough rows to send several chunks.
        for (int i = 0; i < 20000; ++i)
            QVERIFY(copy.addRow({QVariant(1000 + i), QVariant(QStringLiteral("filler row %1").arg(i))}).ok());
        auto finished = copy.finish();
        QVERIFY2(finished.ok(), qPrintable(finished.error()));
        QCOMPARE(*finished, qint64(texts.size() + 20000));
        QVERIFY(transaction.commit().ok());
    }
    for (qsizetype i = 0; i < texts.size(); ++i) {
        auto stored = hub::selectValue(db(), QStringLiteral("SELECT t FROM copied WHERE n = ?"), {i + 1});
        QVERIFY(stored.ok());
        QCOMPARE(stored->isNull(), texts.at(i).isNull());
        QCOMPARE(stored->toString(), texts.at(i));
    }
    QCOMPARE(hub::selectValue(db(), QStringLiteral("SELECT count(*) FROM copied"))->toLongLong(),
             qint64(texts.size() + 20000));
}

void TestOneRosterBundle::postgresLoadAnalyzesTables()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: SQLite keeps no planner statistics until ANALYZE runs.");
    HUB_REQUIRE_SAMPLE(folder, "catalyst-moodle-v1p1-full");
    const auto statistics = [this](const QString &table) {
        return hub::selectValue(db(),
                                QStringLiteral("SELECT count(*) FROM pg_stats WHERE "
                                               "schemaname = current_schema() AND tablename = ?"),
                                {table})
            ->toLongLong();
    };
    QCOMPARE(statistics(QStringLiteral("enrollments")), qint64(0));

    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(folder, bundle);
    QVERIFY(bundle);
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));

    // ANALYZE wrote statistics for the columns of every loaded table.
    QVERIFY(statistics(QStringLiteral("enrollments")) > 0);
    QVERIFY(statistics(QStringLiteral("users")) > 0);
    QVERIFY(statistics(QStringLiteral("orgs")) > 0);
}

void TestOneRosterBundle::postgresCopyNamesFailedRow()
{
    if (!hubtest::onPostgres())
        QSKIP("COPY is PostgreSQL's bulk load; SQLite loads row by row.");
    QVERIFY(hub::execute(db(), QStringLiteral("CREATE TABLE copied (n BIGINT, t TEXT)")).ok());
    QVERIFY(hub::execute(db(), QStringLiteral("INSERT INTO copied VALUES (0, 'kept')")).ok());
    {
        hub::Transaction transaction(db());
        QVERIFY(hub::execute(db(), QStringLiteral("INSERT INTO copied VALUES (-1, 'rolled back')")).ok());
        hub::PostgresCopy copy(db(), QStringLiteral("copied"), {QStringLiteral("n"), QStringLiteral("t")});
        QVERIFY(copy.start().ok());
        QVERIFY(copy.addRow({1, QStringLiteral("one")}).ok());
        QVERIFY(copy.addRow({2, QStringLiteral("two")}).ok());
        QVERIFY(copy.addRow({QStringLiteral("three"), QStringLiteral("not a number")}).ok());
        QVERIFY(copy.addRow({4, QStringLiteral("four")}).ok());
        auto finished = copy.finish();
        QVERIFY(!finished.ok());
        QVERIFY2(finished.error().startsWith(QStringLiteral("The copy into copied failed: ")),
                 qPrintable(finished.error()));
        QVERIFY2(finished.error().contains(QStringLiteral("\"three\"")), qPrintable(finished.error()));
        QCOMPARE(copy.failedRow(), qint64(3));
        // The failed copy aborted the transaction, so its other insert is gone as well.
        auto aborted = hub::execute(db(), QStringLiteral("SELECT count(*) FROM copied"));
        QVERIFY(!aborted.ok());
        QVERIFY2(aborted.error().contains(QStringLiteral("aborted")), qPrintable(aborted.error()));
    }
    QCOMPARE(hub::selectValue(db(), QStringLiteral("SELECT count(*) FROM copied"))->toLongLong(), qint64(1));

    // A copy on a connection that is not PostgreSQL's fails at start.
    QSqlDatabase sqlite = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy-sqlite"));
    sqlite.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(sqlite.open());
    {
        hub::PostgresCopy copy(sqlite, QStringLiteral("copied"), {QStringLiteral("n")});
        auto started = copy.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error(), QStringLiteral("Cannot copy into copied: the connection is not an "
                                                 "open PostgreSQL connection."));
    }
    sqlite.close();
    sqlite = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("copy-sqlite"));
}

void TestOneRosterBundle::loadsRolesFileOfV12()
{
    FileMap files = validBundle();
    files[QStringLiteral("manifest.csv")].replace("oneroster.version,1.1", "oneroster.version,1.2");
    files[QStringLiteral("manifest.csv")].append("file.roles,bulk\r\nfile.userProfiles,absent\r\n");
    files.insert(QStringLiteral("users.csv"),
                 "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
                 "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
                 "userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,"
                 "primaryOrgSourcedId,pronouns\r\n"
                 "usr-t,active,2024-01-02T03:04:05.000Z,true,tina,,Tina,Teach,,T1,,,,,,,,Tee,,,"
                 "org-s,she/her\r\n"
                 "usr-s,active,2024-01-02T03:04:05.000Z,false,sam,,Sam,Study,,S1,,,,,09,,,,,,"
                 "org-s,\r\n");
    files.insert(
        QStringLiteral("roles.csv"),
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
        "orgSourcedId,userProfileSourcedId\r\n"
        "rol-1,active,2024-01-02T03:04:05.000Z,usr-t,primary,teacher,2023-09-01,,org-s,\r\n"
        "rol-2,active,2024-01-02T03:04:05.000Z,usr-s,primary,student,,,org-s,\r\n"
        "rol-3,active,2024-01-02T03:04:05.000Z,usr-t,secondary,siteAdministrator,,,org-d,"
        "\r\n");
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(count(QStringLiteral("user_roles")), 3);
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("rol-3"), QStringLiteral("role")),
             QVariant(QStringLiteral("siteAdministrator")));
    QCOMPARE(
        field(QStringLiteral("user_roles"), QStringLiteral("rol-3"), QStringLiteral("role_type")),
        QVariant(QStringLiteral("secondary")));
    QCOMPARE(
        field(QStringLiteral("user_roles"), QStringLiteral("rol-1"), QStringLiteral("begin_date")),
        QVariant(QStringLiteral("2023-09-01")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-t"),
                   QStringLiteral("preferred_given_name")),
             QVariant(QStringLiteral("Tee")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-t"), QStringLiteral("pronouns")),
             QVariant(QStringLiteral("she/her")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-t"),
                   QStringLiteral("primary_org_sourced_id")),
             QVariant(QStringLiteral("org-s")));
    QCOMPARE(
        field(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("enabled_user")),
        QVariant(0));
}

void TestOneRosterBundle::readsRestNamesOfV12()
{
    FileMap files = validBundle();
    files[QStringLiteral("manifest.csv")].replace("oneroster.version,1.1", "oneroster.version,1.2");
    files[QStringLiteral("manifest.csv")].replace("file.users,bulk", "file.users,delta");
    files[QStringLiteral("manifest.csv")].replace("file.enrollments,bulk",
                                                  "file.enrollments,absent");
    files.remove(QStringLiteral("enrollments.csv"));
    files.insert(QStringLiteral("users.csv"),
                 "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,"
                 "preferredFirstName,preferredMiddleName,preferredLastName\r\n"
                 "usr-t,active,2024-01-02T03:04:05.000Z,true,tina,Tina,Teach,Tee,M,Tea\r\n");
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QVERIFY2(warnings.contains(QStringLiteral("users.csv line 1, column preferredFirstName: "
                                              "preferredFirstName is a legacy column name; read "
                                              "as preferredGivenName.")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY(bundle->load(db(), districtId).ok());
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-t"),
                   QStringLiteral("preferred_given_name")),
             QVariant(QStringLiteral("Tee")));
    QCOMPARE(field(QStringLiteral("users"), QStringLiteral("usr-t"),
                   QStringLiteral("preferred_family_name")),
             QVariant(QStringLiteral("Tea")));
}

void TestOneRosterBundle::reportsCraftedErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expectedError");

    const QString orgs = QStringLiteral("orgs.csv");
    const QString sessions = QStringLiteral("academicSessions.csv");
    const QString classes = QStringLiteral("classes.csv");
    const QString users = QStringLiteral("users.csv");
    const QString enrollments = QStringLiteral("enrollments.csv");
    const QString manifest = QStringLiteral("manifest.csv");

    QTest::newRow("day-first date")
        << sessions << QByteArray("Fall,term,2023-09-01") << QByteArray("Fall,term,1/09/2023")
        << QStringLiteral("academicSessions.csv line 3, column startDate, value \"1/09/2023\": "
                          "Invalid startDate; expected an ISO 8601 date YYYY-MM-DD. Day and month "
                          "are never guessed.");
    QTest::newRow("impossible date")
        << enrollments << QByteArray("2023-12-20") << QByteArray("2023-02-30")
        << QStringLiteral("enrollments.csv line 2, column endDate, value \"2023-02-30\": Invalid "
                          "endDate; expected an ISO 8601 date YYYY-MM-DD. Day and month are never "
                          "guessed.");
    QTest::newRow("day-first date and time")
        << users << QByteArray("usr-s,active,2024-01-02T03:04:05.000Z")
        << QByteArray("usr-s,active,15/06/2023")
        << QStringLiteral("users.csv line 3, column dateLastModified, value \"15/06/2023\": "
                          "Invalid dateLastModified; expected an ISO 8601 UTC date and time such "
                          "as 2023-05-01T18:25:43.511Z. Day and month are never guessed.");
    QTest::newRow("missing required column")
        << orgs << QByteArray("dateLastModified,name,") << QByteArray("dateLastModified,nombre,")
        << QStringLiteral("orgs.csv line 1, column name: The required column is missing from the "
                          "header of orgs.csv.");
    QTest::newRow("misspelled required column")
        << users << QByteArray(",familyName,") << QByteArray(",familyNmae,")
        << QStringLiteral("users.csv line 1, column familyNmae: Unknown column; did you mean "
                          "familyName? Fix the header of users.csv.");
    QTest::newRow("duplicate header column")
        << classes << QByteArray(",location,") << QByteArray(",title,")
        << QStringLiteral("classes.csv line 1, column title: The column title appears twice in "
                          "the header.");
    QTest::newRow("wrong schema")
        << users << QByteArray("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,")
        << QByteArray("sourcedId,status,dateLastModified,userSourcedId,roleType,role,")
        << QStringLiteral("users.csv line 1, column enabledUser: The required column is missing "
                          "from the header of users.csv.");
    QTest::newRow("duplicate sourcedId")
        << orgs << QByteArray("org-s,active") << QByteArray("org-d,active")
        << QStringLiteral("orgs.csv line 3, column sourcedId, value \"org-d\": Duplicate "
                          "sourcedId; line 2 has it too.");
    QTest::newRow("bad enum") << classes << QByteArray("ALG-1,scheduled")
                              << QByteArray("ALG-1,lecture")
                              << QStringLiteral("classes.csv line 2, column classType, value "
                                                "\"lecture\": Invalid classType; expected one of "
                                                "homeroom, scheduled.");
    QTest::newRow("bad user role")
        << users << QByteArray("org-s,teacher,") << QByteArray("org-s,principal,")
        << QStringLiteral("users.csv line 2, column role, value \"principal\": Invalid role; "
                          "expected one of administrator, aide, guardian, parent, proctor, "
                          "relative, student, teacher.");
    QTest::newRow("bad status") << orgs << QByteArray("org-s,active") << QByteArray("org-s,deleted")
                                << QStringLiteral("orgs.csv line 3, column status, value "
                                                  "\"deleted\": Invalid status; expected active "
                                                  "or tobedeleted.");
    QTest::newRow("bad boolean") << users << QByteArray("000Z,true,org-s,teacher")
                                 << QByteArray("000Z,yes,org-s,teacher")
                                 << QStringLiteral("users.csv line 2, column enabledUser, value "
                                                   "\"yes\": Invalid enabledUser; expected true "
                                                   "or false.");
    QTest::newRow("bad year") << sessions << QByteArray("2023-12-20,as-y,2024")
                              << QByteArray("2023-12-20,as-y,24")
                              << QStringLiteral("academicSessions.csv line 3, column schoolYear, "
                                                "value \"24\": Invalid schoolYear; expected a "
                                                "four-digit year such as 2024.");
    QTest::newRow("bad date and time")
        << orgs << QByteArray("org-s,active,2024-01-02T03:04:05.000Z")
        << QByteArray("org-s,active,yesterday")
        << QStringLiteral("orgs.csv line 3, column dateLastModified, value \"yesterday\": Invalid "
                          "dateLastModified; expected an ISO 8601 UTC date and time such as "
                          "2023-05-01T18:25:43.511Z. Day and month are never guessed.");
    QTest::newRow("empty required value")
        << users << QByteArray("tina,,Tina,") << QByteArray("tina,,,")
        << QStringLiteral("users.csv line 2, column givenName: givenName is required "
                          "but empty.");
    QTest::newRow("empty required list")
        << classes << QByteArray("org-s,as-t,") << QByteArray("org-s,\" , \",")
        << QStringLiteral("classes.csv line 2, column termSourcedIds, value \",\": termSourcedIds "
                          "is required but lists no value.");
    QTest::newRow("extra value in row")
        << orgs << QByteArray("S1,org-d") << QByteArray("S1,org-d,extra")
        << QStringLiteral("orgs.csv line 3: The row has 8 values but the header has 7 columns.");
    QTest::newRow("missing value in row")
        << orgs << QByteArray("S1,org-d") << QByteArray("S1")
        << QStringLiteral("orgs.csv line 3: The row has 6 values but the header has 7 columns.");
    QTest::newRow("unterminated quote")
        << classes << QByteArray("Algebra 1,") << QByteArray("\"Algebra 1,")
        << QStringLiteral("classes.csv line 2: Line 2 starts a quoted field that is never "
                          "closed.");
    QTest::newRow("invalid utf-8")
        << orgs << QByteArray("School")
        << QByteArray("\xC9"
                      "cole")
        << QStringLiteral("orgs.csv line 3: Line 3 is not valid UTF-8 (byte "
                          "0xc9). Save the file as UTF-8.");
    QTest::newRow("bulk file missing")
        << manifest << QByteArray("file.demographics,absent")
        << QByteArray("file.demographics,bulk")
        << QStringLiteral("demographics.csv: manifest.csv declares file.demographics as bulk but "
                          "the bundle has no demographics.csv. Add the file or declare it "
                          "absent.");
    QTest::newRow("sourcedId differing only in case")
        << orgs << QByteArray("org-s,active") << QByteArray("ORG-D,active")
        << QStringLiteral("orgs.csv line 3, column sourcedId, value \"ORG-D\": The sourcedId "
                          "differs only in case from org-d on line 2, and systems that ignore "
                          "case would merge the two records. Give each record a sourcedId that "
                          "differs in more than case.");
    QTest::newRow("org parent cycle")
        << orgs << QByteArray("District,district,D1,") << QByteArray("District,district,D1,org-s")
        << QStringLiteral("orgs.csv line 2, column parentSourcedId, value \"org-s\": The parents "
                          "form a cycle (org-d -> org-s -> org-d). Give one of these records a "
                          "parent outside the cycle, or none.");
    QTest::newRow("session is its own parent")
        << sessions << QByteArray("2024-06-30,,") << QByteArray("2024-06-30,as-y,")
        << QStringLiteral("academicSessions.csv line 2, column parentSourcedId, value \"as-y\": "
                          "The parents form a cycle (as-y -> as-y). Give one of these records a "
                          "parent outside the cycle, or none.");
    QTest::newRow("line too long")
        << classes << QByteArray("Room 1") << QByteArray(1024 * 1024 + 1, 'x')
        << QStringLiteral("classes.csv line 2: Line 2 starts a record longer than 1048576 "
                          "bytes, the most the hub reads. Check for a quote that is never closed, "
                          "or split the long value.");
    QTest::newRow("quote inside unquoted field")
        << classes << QByteArray("Room 1") << QByteArray("Room \"1\"")
        << QStringLiteral("classes.csv line 2: Line 2 has a quote inside an unquoted field. "
                          "Quote the whole field and double the quote.");
    QTest::newRow("empty bulk file")
        << orgs << QByteArray() << QByteArray()
        << QStringLiteral("orgs.csv: The file is empty, but a bulk file needs at least its header "
                          "line.");
}

void TestOneRosterBundle::reportsCraftedErrors()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expectedError);

    // Store the valid bundle first, so that a rejected load has rows to leave alone.
    const QString validFolder = newFolder();
    writeFiles(validFolder, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(validFolder, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const QString before = snapshot();

    FileMap files = validBundle();
    if (from.isEmpty())
        files[file].clear();
    else {
        QVERIFY2(files.value(file).contains(from), from.constData());
        files[file].replace(from, to);
    }
    const QString folder = newFolder();
    writeFiles(folder, files);

    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    const QStringList errors = issueTexts(issues, Issue::Severity::Error);
    QVERIFY2(errors.contains(expectedError), qPrintable(errors.join(QLatin1Char('\n'))));

    auto loaded = bundle->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().startsWith(QStringLiteral("Validation found ")));
    QCOMPARE(snapshot(), before);
    QCOMPARE(count(QStringLiteral("users")), 2);
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-s"), QStringLiteral("name")),
             QVariant(QStringLiteral("School")));
}

void TestOneRosterBundle::toleratesCraftedQuirks_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expectedWarning");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("sourcedId");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("expectedValue");

    const QString orgs = QStringLiteral("orgs.csv");
    const QString classes = QStringLiteral("classes.csv");
    const QString users = QStringLiteral("users.csv");
    const QString enrollments = QStringLiteral("enrollments.csv");

    QTest::newRow("inactive status")
        << orgs << QByteArray("org-s,active") << QByteArray("org-s,inactive")
        << QStringLiteral("orgs.csv line 3, column status, value \"inactive\": status inactive is "
                          "OneRoster 1.0; stored as tobedeleted.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("status")
        << QVariant(QStringLiteral("tobedeleted"));
    QTest::newRow("misspelled optional column")
        << orgs << QByteArray(",identifier,") << QByteArray(",identifer,")
        << QStringLiteral("orgs.csv line 1, column identifer: Unknown column, read as identifier. "
                          "Correct the header of orgs.csv to identifier.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("identifier")
        << QVariant(QStringLiteral("S1"));
    QTest::newRow("status in wrong case")
        << orgs << QByteArray("org-s,active") << QByteArray("org-s,Active")
        << QStringLiteral("orgs.csv line 3, column status, value \"Active\": status differs in "
                          "case; stored as active.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("status")
        << QVariant(QStringLiteral("active"));
    QTest::newRow("enum in wrong case")
        << classes << QByteArray("ALG-1,scheduled") << QByteArray("ALG-1,Scheduled")
        << QStringLiteral("classes.csv line 2, column classType, value \"Scheduled\": classType "
                          "differs in case from scheduled; stored as scheduled.")
        << QStringLiteral("classes") << QStringLiteral("cls-1") << QStringLiteral("class_type")
        << QVariant(QStringLiteral("scheduled"));
    QTest::newRow("date without time")
        << orgs << QByteArray("org-s,active,2024-01-02T03:04:05.000Z")
        << QByteArray("org-s,active,2024-01-02")
        << QStringLiteral("orgs.csv line 3, column dateLastModified, value \"2024-01-02\": "
                          "dateLastModified is a date without a time; stored as midnight UTC.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("date_last_modified")
        << QVariant(QStringLiteral("2024-01-02T00:00:00.000Z"));
    QTest::newRow("space instead of T")
        << orgs << QByteArray("org-s,active,2024-01-02T03:04:05.000Z")
        << QByteArray("org-s,active,\"2017-05-06 08:01:05\"")
        << QStringLiteral(
               "orgs.csv line 3, column dateLastModified, value \"2017-05-06 08:01:05\": "
               "dateLastModified has a space instead of T between date and time; read "
               "as UTC.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("date_last_modified")
        << QVariant(QStringLiteral("2017-05-06T08:01:05.000Z"));
    QTest::newRow("time without zone")
        << orgs << QByteArray("org-s,active,2024-01-02T03:04:05.000Z")
        << QByteArray("org-s,active,2024-01-02T03:04:05")
        << QStringLiteral(
               "orgs.csv line 3, column dateLastModified, value \"2024-01-02T03:04:05\": "
               "dateLastModified has no time zone; read as UTC.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("date_last_modified")
        << QVariant(QStringLiteral("2024-01-02T03:04:05.000Z"));
    QTest::newRow("time with offset")
        << orgs << QByteArray("org-s,active,2024-01-02T03:04:05.000Z")
        << QByteArray("org-s,active,2024-01-02T03:04:05.25+02:00") << QString()
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("date_last_modified")
        << QVariant(QStringLiteral("2024-01-02T01:04:05.250Z"));
    QTest::newRow("empty status") << orgs << QByteArray("org-s,active") << QByteArray("org-s,")
                                  << QString() << QStringLiteral("orgs") << QStringLiteral("org-s")
                                  << QStringLiteral("status") << QVariant(QStringLiteral("active"));
    QTest::newRow("unknown parent org")
        << orgs << QByteArray("S1,org-d") << QByteArray("S1,org-x")
        << QStringLiteral("orgs.csv line 3, column parentSourcedId, value \"org-x\": No record of "
                          "orgs.csv has this sourcedId; the reference is stored as given.")
        << QStringLiteral("orgs") << QStringLiteral("org-s") << QStringLiteral("parent_sourced_id")
        << QVariant(QStringLiteral("org-x"));
    QTest::newRow("enrollment role differs")
        << enrollments << QByteArray("usr-s,student") << QByteArray("usr-s,teacher")
        << QStringLiteral("enrollments.csv line 3, column role, value \"teacher\": User usr-s has "
                          "the role student in the bundle, not teacher.")
        << QStringLiteral("enrollments") << QStringLiteral("enr-s") << QStringLiteral("role")
        << QVariant(QStringLiteral("teacher"));
    QTest::newRow("legacy column name")
        << classes << QByteArray(",title,grades,") << QByteArray(",title,grade,")
        << QStringLiteral("classes.csv line 1, column grade: grade is a legacy column name; read "
                          "as grades.")
        << QStringLiteral("classes") << QStringLiteral("cls-1") << QStringLiteral("grades")
        << QVariant(QStringLiteral("[\"09\"]"));
    QTest::newRow("column name in wrong case")
        << users << QByteArray(",username,") << QByteArray(",userName,")
        << QStringLiteral("users.csv line 1, column userName: The column name differs in case "
                          "from username; read as username.")
        << QStringLiteral("users") << QStringLiteral("usr-t") << QStringLiteral("username")
        << QVariant(QStringLiteral("tina"));
    QTest::newRow("unknown column")
        << orgs << QByteArray("parentSourcedId\r\n") << QByteArray("parentSourcedId,mascot\r\n")
        << QStringLiteral("orgs.csv line 1, column mascot: The column is not defined by "
                          "OneRoster, so its values are kept in extensions.")
        << QStringLiteral("orgs") << QStringLiteral("org-d") << QStringLiteral("extensions")
        << QVariant();
    QTest::newRow("extension column")
        << classes << QByteArray("periods\r\n") << QByteArray("periods,ext_vendor_room\r\n")
        << QString() << QStringLiteral("classes") << QStringLiteral("cls-1")
        << QStringLiteral("extensions") << QVariant();
    QTest::newRow("metadata column")
        << orgs << QByteArray("parentSourcedId\r\n")
        << QByteArray("parentSourcedId,metadata.size\r\n") << QString() << QStringLiteral("orgs")
        << QStringLiteral("org-d") << QStringLiteral("extensions") << QVariant();
}

void TestOneRosterBundle::toleratesCraftedQuirks()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expectedWarning);
    QFETCH(QString, table);
    QFETCH(QString, sourcedId);
    QFETCH(QString, column);
    QFETCH(QVariant, expectedValue);

    FileMap files = validBundle();
    QVERIFY2(files.value(file).contains(from), from.constData());
    files[file].replace(from, to);
    // An added column gets a value in the row of org-d or cls-1 and stays empty elsewhere.
    if (to.endsWith(",mascot\r\n") || to.endsWith(",metadata.size\r\n")) {
        files[file].replace(",D1,\r\n", ",D1,,lion\r\n");
        files[file].replace("S1,org-d\r\n", "S1,org-d,\r\n");
        expectedValue = QVariant(to.contains("mascot") ? QStringLiteral("{\"mascot\":\"lion\"}")
                                                       : QStringLiteral("{\"metadata.size\":"
                                                                        "\"lion\"}"));
    }
    if (to.endsWith(",ext_vendor_room\r\n")) {
        files[file].replace("Math,,1\r\n", "Math,,1,R-12\r\n");
        expectedValue = QVariant(QStringLiteral("{\"ext_vendor_room\":\"R-12\"}"));
    }
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QStringList expectedWarnings = {QStringLiteral("users.csv line 1, column password: The hub "
                                                   "does not load this column. The uploaded file "
                                                   "is deleted after the load, or kept 14 days "
                                                   "if the load fails.")};
    if (!expectedWarning.isEmpty())
        expectedWarnings.append(expectedWarning);
    expectedWarnings.sort();
    QStringList sortedWarnings = warnings;
    sortedWarnings.sort();
    QCOMPARE(sortedWarnings, expectedWarnings);

    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(field(table, sourcedId, column), expectedValue);
}

void TestOneRosterBundle::rejectsLongValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("shownValue");
    QTest::addColumn<QString>("message");

    const QString users = QStringLiteral("users.csv");
    const QString enrollments = QStringLiteral("enrollments.csv");
    const QByteArray emoji = "\xF0\x9F\x98\x80"; // U+1F600, two UTF-16 units, four bytes
    const QString emojiText = QString::fromUtf8(emoji);

    QTest::newRow("givenName of 100000 characters")
        << users << QByteArray("tina,,Tina,") << "tina,,T" + QByteArray(99999, 'i') + ","
        << qint64(2) << QStringLiteral("givenName")
        << QStringLiteral("T") + QString(39, QLatin1Char('i')) + QStringLiteral("...")
        << QStringLiteral("The value has 100000 characters; the limit is 1024. Shorten it in "
                          "the source system.");
    QTest::newRow("sourcedId of 256 characters")
        << enrollments << QByteArray("enr-s,") << QByteArray(256, 'e') + "," << qint64(3)
        << QStringLiteral("sourcedId") << QString(40, QLatin1Char('e')) + QStringLiteral("...")
        << QStringLiteral("The value has 256 characters; the limit is 255. Shorten it in the "
                          "source system.");
    QTest::newRow("reference of 300 characters")
        << enrollments << QByteArray("org-s,usr-s,student")
        << "org-s,usr-" + QByteArray(296, 's') + ",student" << qint64(3)
        << QStringLiteral("userSourcedId")
        << QStringLiteral("usr-") + QString(36, QLatin1Char('s')) + QStringLiteral("...")
        << QStringLiteral("The value has 300 characters; the limit is 255. Shorten it in the "
                          "source system.");
    QTest::newRow("list item of 256 characters")
        << users << QByteArray("\"org-s,org-d\"") << "\"org-s, " + QByteArray(256, 'o') + "\""
        << qint64(3) << QStringLiteral("orgSourcedIds")
        << QString(40, QLatin1Char('o')) + QStringLiteral("...")
        << QStringLiteral("An item of the list has 256 characters; the limit is 255. Shorten it "
                          "in the source system.");
    QTest::newRow("emoji givenName of 1025 characters")
        << users << QByteArray("tina,,Tina,") << "tina,,Ti" + emoji.repeated(1023) + ","
        << qint64(2) << QStringLiteral("givenName")
        << QStringLiteral("Ti") + emojiText.repeated(38) + QStringLiteral("...")
        << QStringLiteral("The value has 1025 characters; the limit is 1024. Shorten it in the "
                          "source system.");
    QTest::newRow("extension value of 10001 characters")
        << QStringLiteral("orgs.csv") << QByteArray("parentSourcedId\r\n")
        << QByteArray("parentSourcedId,mascot\r\n") << qint64(2) << QStringLiteral("mascot")
        << QString(40, QLatin1Char('m')) + QStringLiteral("...")
        << QStringLiteral("The value has 10001 characters; the limit is 10000. Shorten it in "
                          "the source system.");
}

// A value over its limit is an Error that shows the value shortened, and the store keeps the
// records of the bundle that was loaded before.
void TestOneRosterBundle::rejectsLongValues()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(qint64, line);
    QFETCH(QString, column);
    QFETCH(QString, shownValue);
    QFETCH(QString, message);

    const QString validFolder = newFolder();
    writeFiles(validFolder, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(validFolder, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());
    const QString before = snapshot();

    FileMap files = validBundle();
    QVERIFY2(files.value(file).contains(from), from.constData());
    files[file].replace(from, to);
    if (column == QLatin1String("mascot")) {
        const QByteArray row = ",D1,," + QByteArray(10001, 'm') + "\r\n";
        files[file].replace(",D1,\r\n", row);
        files[file].replace("S1,org-d\r\n", "S1,org-d,\r\n");
    }
    const QString folder = newFolder();
    writeFiles(folder, files);

    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QList<Issue> lengthIssues;
    for (const Issue &issue : issues) {
        if (issue.rule == QLatin1String("field-length"))
            lengthIssues.append(issue);
    }
    QCOMPARE(lengthIssues.size(), 1);
    const Issue &issue = lengthIssues.first();
    QCOMPARE(issue.severity, Issue::Severity::Error);
    QCOMPARE(issue.file, file);
    QCOMPARE(issue.line, line);
    QCOMPARE(issue.column, column);
    QCOMPARE(issue.value, shownValue);
    QCOMPARE(issue.message, message);
    QCOMPARE(bundle->errorCount(), 1);
    QCOMPARE(bundle->validateCounts().rowsRejected, 1);

    auto loaded = bundle->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().startsWith(QStringLiteral("Validation found 1 errors")));
    QCOMPARE(snapshot(), before);
}

void TestOneRosterBundle::acceptsMultibyteValueAtLimit()
{
    // 1024 code points are 2048 UTF-16 units and 4096 bytes, so only code points pass.
    const QByteArray emoji = "\xF0\x9F\x98\x80";
    FileMap files = validBundle();
    const QByteArray userRow = "tina,,Ti" + emoji.repeated(1022) + ",";
    files[QStringLiteral("users.csv")].replace("tina,,Tina,", userRow);
    const QByteArray enrollmentRow = "\xC3\xA9" + QByteArray(254, 'e') + ",";
    files[QStringLiteral("enrollments.csv")].replace("enr-s,", enrollmentRow);
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    const QString givenName
        = field(QStringLiteral("users"), QStringLiteral("usr-t"), QStringLiteral("given_name"))
              .toString();
    QCOMPARE(givenName.size(), 2 + 2 * 1022);
    QCOMPARE(givenName, QStringLiteral("Ti") + QString::fromUtf8(emoji).repeated(1022));
    QCOMPARE(count(QStringLiteral("enrollments")), 2);
    const QString enrollmentId = QStringLiteral("é") + QString(254, QLatin1Char('e'));
    QCOMPARE(field(QStringLiteral("enrollments"), enrollmentId, QStringLiteral("role")),
             QVariant(QStringLiteral("student")));
}

// The password column is never stored, so its length is no finding and its value never
// reaches the report.
void TestOneRosterBundle::skipsLengthOfPassword_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("long") << QByteArray("p4ss" + QByteArray(2000, 'w'));
    QTest::newRow("NUL character") << QByteArray("p4ss\0word", 9);
}

void TestOneRosterBundle::skipsLengthOfPassword()
{
    QFETCH(QByteArray, password);
    FileMap files = validBundle();
    const QByteArray row = ",09," + password + "\r\n";
    files[QStringLiteral("users.csv")].replace(",09,secret\r\n", row);
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    for (const Issue &issue : issues)
        QVERIFY2(!issue.toString().contains(QStringLiteral("p4ss")), qPrintable(issue.toString()));
}

// OneRoster 1.0 has no password column, but a 1.0 bundle may carry one. Its values must not be
// kept in extensions as the values of other unknown columns are.
void TestOneRosterBundle::dropsPasswordOfOtherVersion()
{
    FileMap files = validBundle();
    files[QStringLiteral("manifest.csv")].replace("oneroster.version,1.1", "oneroster.version,1.0");
    files[QStringLiteral("users.csv")].replace(",grades,password\r\n", ",grades,Password\r\n");
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    const QStringList warnings = issueTexts(issues, Issue::Severity::Warning);
    QCOMPARE(warnings
                 .filter(QStringLiteral("users.csv line 1, column Password: The hub does not load "
                                        "this column."))
                 .size(),
             1);
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    const QString extensions
        = field(QStringLiteral("users"), QStringLiteral("usr-s"), QStringLiteral("extensions"))
              .toString();
    QVERIFY2(extensions.contains(QStringLiteral("\"grades\":\"09\"")), qPrintable(extensions));
    QVERIFY2(!extensions.contains(QStringLiteral("secret")), qPrintable(extensions));
}

void TestOneRosterBundle::storesLoadTimeForEmptyDate()
{
    FileMap files = validBundle();
    files[QStringLiteral("orgs.csv")].replace("org-s,active,2024-01-02T03:04:05.000Z",
                                              "org-s,active,");
    const QString folder = newFolder();
    writeFiles(folder, files);
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(bundle->errorCount(), 0);

    const QString before = hub::nowIsoUtc();
    QVERIFY(bundle->load(db(), districtId).ok());
    const QString after = hub::nowIsoUtc();
    const QString stored = field(QStringLiteral("orgs"), QStringLiteral("org-s"),
                                 QStringLiteral("date_last_modified"))
                               .toString();
    QVERIFY2(stored >= before, qPrintable(stored));
    QVERIFY2(stored <= after, qPrintable(stored));
}

// Enrollments keep only hashes of their ids while a file is read, so duplicates far apart in a
// large file are found once it is read, and reported among the row findings by line.
void TestOneRosterBundle::findsDuplicatesFarApart()
{
    FileMap files = validBundle();
    QByteArray enrollments = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                             "userSourcedId,role,primary,beginDate,endDate\r\n";
    constexpr int rows = 60000;
    for (int i = 1; i <= rows; ++i)
        enrollments += QStringLiteral("enr-%1,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,"
                                      "student,false,,\r\n")
                           .arg(i, 6, 10, QLatin1Char('0'))
                           .toUtf8();
    // Line 60002: the id of line 3 again. Line 60003: the id of line 4 in upper case, with a
    // bad date as well. Line 60004: a teacher role that usr-s does not have, after both.
    enrollments += "enr-000002,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,"
                   "false,,\r\n"
                   "ENR-000003,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,"
                   "false,,2023-02-30\r\n"
                   "enr-x,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,teacher,false,,\r\n";
    files[QStringLiteral("enrollments.csv")] = enrollments;
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    const QStringList errors = issueTexts(issues, Issue::Severity::Error);
    QCOMPARE(errors,
             (QStringList{QStringLiteral("enrollments.csv line 60002, column sourcedId, value "
                                         "\"enr-000002\": Duplicate sourcedId; line 3 has it "
                                         "too."),
                          QStringLiteral("enrollments.csv line 60003, column endDate, value "
                                         "\"2023-02-30\": Invalid endDate; expected an ISO 8601 "
                                         "date YYYY-MM-DD. Day and month are never guessed."),
                          QStringLiteral("enrollments.csv line 60003, column sourcedId, value "
                                         "\"ENR-000003\": The sourcedId differs only in case from "
                                         "enr-000003 on line 4, and systems that ignore case "
                                         "would merge the two records. Give each record a "
                                         "sourcedId that differs in more than case.")}));
    QCOMPARE(bundle->errorCount(), 3);
    QCOMPARE(bundle->validateCounts().rowsRead, qint64(2 + 2 + 1 + 1 + 2 + rows + 3));
    QCOMPARE(bundle->validateCounts().rowsRejected, qint64(2));
    QVERIFY(issueTexts(issues, Issue::Severity::Warning)
                .contains(QStringLiteral("enrollments.csv line 60004, column role, value "
                                         "\"teacher\": User usr-s has the role student in the "
                                         "bundle, not teacher.")));
    // The duplicate findings stand among the row findings in line order.
    qsizetype previous = 0;
    for (const Issue &issue : issues) {
        if (issue.file != QLatin1String("enrollments.csv") || issue.rule == QLatin1String("role-mismatch"))
            continue;
        QVERIFY2(issue.line >= previous, qPrintable(issue.toString()));
        previous = issue.line;
    }
    QVERIFY(!bundle->load(db(), districtId).ok());
    QCOMPARE(count(QStringLiteral("enrollments")), 0);
}

// A parent listed after its child resolves the reference once the file is read. A parent that
// never comes is reported once, on the first row that names it.
void TestOneRosterBundle::resolvesLaterParents()
{
    FileMap files = validBundle();
    files[QStringLiteral("orgs.csv")]
        = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
          "org-s,active,2024-01-02T03:04:05.000Z,School,school,S1,org-d\r\n"
          "org-x,active,2024-01-02T03:04:05.000Z,Annex,school,S2,org-gone\r\n"
          "org-y,active,2024-01-02T03:04:05.000Z,Annex 2,school,S3,org-gone\r\n"
          "org-d,active,2024-01-02T03:04:05.000Z,District,district,D1,\r\n";
    const QString folder = newFolder();
    writeFiles(folder, files);

    std::unique_ptr<OneRosterBundle> bundle;
    const QList<Issue> issues = openAndValidate(folder, bundle);
    QVERIFY(bundle);
    QCOMPARE(bundle->errorCount(), 0);
    QStringList references;
    for (const Issue &issue : issues) {
        if (issue.rule == QLatin1String("unknown-reference"))
            references.append(issue.toString());
    }
    QCOMPARE(references,
             QStringList{QStringLiteral("orgs.csv line 3, column parentSourcedId, value "
                                        "\"org-gone\": No record of orgs.csv has this sourcedId; "
                                        "the reference is stored as given.")});
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-s"),
                   QStringLiteral("parent_sourced_id")),
             QVariant(QStringLiteral("org-d")));
}

// The guard's counts come from the ids that validation kept: exactly for users, as hashes for
// enrollments and the user roles that users.csv implies.
void TestOneRosterBundle::countsRetirementsBeforeLoad()
{
    const QString first = newFolder();
    writeFiles(first, validBundle());
    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(first, bundle);
    QVERIFY(bundle);
    QVERIFY(bundle->load(db(), districtId).ok());

    FileMap files = validBundle();
    files[QStringLiteral("users.csv")].truncate(
        files.value(QStringLiteral("users.csv")).indexOf("usr-s,"));
    files[QStringLiteral("enrollments.csv")].truncate(
        files.value(QStringLiteral("enrollments.csv")).indexOf("enr-s,"));
    const QString second = newFolder();
    writeFiles(second, files);
    openAndValidate(second, bundle);
    QCOMPARE(bundle->errorCount(), 0);

    auto retirements = bundle->retirements(db(), districtId);
    QVERIFY2(retirements.ok(), qPrintable(retirements.error()));
    QMap<QString, QPair<qint64, qint64>> counts;
    for (const hub::inbound::Retirement &retirement : *retirements)
        counts.insert(retirement.table, {retirement.stored, retirement.retiring});
    QCOMPARE(counts.value(QStringLiteral("users")), (QPair<qint64, qint64>(2, 1)));
    QCOMPARE(counts.value(QStringLiteral("user_roles")), (QPair<qint64, qint64>(3, 2)));
    QCOMPARE(counts.value(QStringLiteral("enrollments")), (QPair<qint64, qint64>(2, 1)));
    QCOMPARE(counts.value(QStringLiteral("orgs")), (QPair<qint64, qint64>(2, 0)));

    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    // The 9 rows that the files keep repeat stored records unchanged and are not written.
    // Marked: usr-s, its two user roles and enr-s.
    QCOMPARE(loaded->rowsRead, 9);
    QCOMPARE(loaded->rowsWritten, 4);
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-s:org-d"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("tobedeleted")));
    QCOMPARE(field(QStringLiteral("user_roles"), QStringLiteral("usr-t:org-s"),
                   QStringLiteral("status")),
             QVariant(QStringLiteral("active")));

    // load() freed the sourcedIds, so neither counts nor a second load can follow.
    auto afterLoad = bundle->retirements(db(), districtId);
    QVERIFY(!afterLoad.ok());
    QCOMPARE(afterLoad.error(), QStringLiteral("The bundle was loaded already, so its sourcedIds "
                                               "are gone. Count the retirements before load()."));
    auto again = bundle->load(db(), districtId);
    QVERIFY(!again.ok());
    QCOMPARE(again.error(), QStringLiteral("The bundle was loaded already. Validate it again "
                                           "before another load."));
}

// load() stores the rows that validate() accepted, from its own temporary files, so a bundle
// file that changes in between changes nothing. The files are deleted with the bundle.
void TestOneRosterBundle::loadsRowsAsValidated()
{
    const QString folder = newFolder();
    writeFiles(folder, validBundle());
    const QString workDir = newFolder();
    auto opened = OneRosterBundle::open(folder, workDir);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    auto bundle = std::make_unique<OneRosterBundle>(std::move(opened).value());
    bundle->validate(db(), districtId);
    QCOMPARE(bundle->errorCount(), 0);
    const QDir validated(QDir(workDir).filePath(QStringLiteral("validated")));
    QVERIFY(validated.exists());

    QFile orgs(QDir(folder).filePath(QStringLiteral("orgs.csv")));
    QVERIFY(orgs.open(QIODevice::WriteOnly | QIODevice::Truncate));
    orgs.write("not,a,valid\r\nfile\r\n");
    orgs.close();

    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(field(QStringLiteral("orgs"), QStringLiteral("org-d"), QStringLiteral("name")),
             QVariant(QStringLiteral("District")));
    QCOMPARE(count(QStringLiteral("user_roles")), 3);
    bundle.reset();
    QCOMPARE(validated.entryList(QDir::Files), QStringList());
}

void TestOneRosterBundle::rejectsUnknownDistrict()
{
    const QString folder = newFolder();
    writeFiles(folder, validBundle());
    auto opened = OneRosterBundle::open(folder, newFolder());
    QVERIFY(opened.ok());
    const QList<Issue> issues = opened->validate(db(), 99);
    QVERIFY(issueTexts(issues, Issue::Severity::Error)
                .contains(QStringLiteral("District 99 was not found.")));
    auto loaded = opened->load(db(), 99);
    QVERIFY(!loaded.ok());
    QCOMPARE(snapshot(), QString());
}

void TestOneRosterBundle::loadKeepsForeignKeysOn()
{
    const auto foreignKeys = [this] {
        auto value = hub::selectValue(db(), QStringLiteral("PRAGMA foreign_keys"));
        return value ? value->toInt() : -1;
    };
    const qint64 removed = districtId + 1;
    const QString folder = newFolder();
    writeFiles(folder, validBundle());
    auto opened = OneRosterBundle::open(folder, newFolder());
    QVERIFY(opened.ok());
    opened->validate(db(), removed);
    QCOMPARE(opened->errorCount(), 0);

    // The district goes between validation and load, so the load must not store its rows.
    auto deleted
        = hub::execute(db(), QStringLiteral("DELETE FROM districts WHERE id = ?"), {removed});
    QVERIFY2(deleted.ok(), qPrintable(deleted.error()));
    auto loaded = opened->load(db(), removed);
    QVERIFY(!loaded.ok());
    QCOMPARE(snapshot(), QString());
    if (!hubtest::onPostgres())
        QCOMPARE(foreignKeys(), 1);

    std::unique_ptr<OneRosterBundle> bundle;
    openAndValidate(folder, bundle);
    QVERIFY(bundle);
    auto stored = bundle->load(db(), districtId);
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    if (!hubtest::onPostgres())
        QCOMPARE(foreignKeys(), 1);
}

void TestOneRosterBundle::rejectsLoadWithoutValidate()
{
    const QString folder = newFolder();
    writeFiles(folder, validBundle());
    auto opened = OneRosterBundle::open(folder, newFolder());
    QVERIFY(opened.ok());
    auto loaded = opened->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error(), QStringLiteral("The bundle was not validated for district 1. Call "
                                            "validate() before load()."));

    opened->validate(db(), districtId + 1);
    loaded = opened->load(db(), districtId);
    QVERIFY(!loaded.ok());
    QCOMPARE(count(QStringLiteral("orgs")), 0);
}

void TestOneRosterBundle::rejectsOpenFailures_data()
{
    QTest::addColumn<QByteArray>("manifest");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("missing manifest")
        << QByteArray()
        << QStringLiteral("has no manifest.csv, but a OneRoster CSV bundle must "
                          "declare its version and files in it.");
    QTest::newRow("unknown version")
        << QByteArray("propertyName,value\noneroster.version,2.0\n")
        << QStringLiteral("manifest.csv has oneroster.version \"2.0\", but the hub reads "
                          "OneRoster 1.0, 1.1 and 1.2.");
    QTest::newRow("missing version")
        << QByteArray("propertyName,value\nfile.orgs,bulk\n")
        << QStringLiteral("manifest.csv has oneroster.version \"\", but the hub reads OneRoster "
                          "1.0, 1.1 and 1.2.");
    QTest::newRow("unknown mode")
        << QByteArray("propertyName,value\noneroster.version,1.1\nfile.orgs,full\n")
        << QStringLiteral("manifest.csv gives file.orgs the invalid mode \"full\". Use bulk, "
                          "delta or absent.");
    QTest::newRow("manifest line without value")
        << QByteArray("propertyName,value\noneroster.version\n")
        << QStringLiteral("manifest.csv line 2 has no value, but each line must be "
                          "propertyName,value.");
    QTest::newRow("malformed manifest")
        << QByteArray("propertyName,value\n\"oneroster.version,1.1\n")
        << QStringLiteral("manifest.csv is not valid CSV: Line 2 starts a quoted field that is "
                          "never closed.");
}

void TestOneRosterBundle::rejectsOpenFailures()
{
    QFETCH(QByteArray, manifest);
    QFETCH(QString, expectedError);

    FileMap files = validBundle();
    if (manifest.isEmpty())
        files.remove(QStringLiteral("manifest.csv"));
    else
        files.insert(QStringLiteral("manifest.csv"), manifest);
    const QString folder = newFolder();
    writeFiles(folder, files);
    auto opened = OneRosterBundle::open(folder, newFolder());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().endsWith(expectedError), qPrintable(opened.error()));
}

// ---- Zip safety ----------------------------------------------------------------------------

void TestOneRosterBundle::rejectsHostileZip_data()
{
    QTest::addColumn<QList<ZipEntry>>("entries");
    QTest::addColumn<QString>("expectedError");

    QList<ZipEntry> parent = zipEntriesOf(validBundle());
    parent.append(ZipEntry{"../evil.csv", "sourcedId\nx\n"});
    QTest::newRow("parent path") << parent
                                 << QStringLiteral("The zip entry \"../evil.csv\" points outside "
                                                   "the extraction folder, so the bundle was "
                                                   "rejected.");

    QList<ZipEntry> nested = zipEntriesOf(validBundle());
    nested.append(ZipEntry{"bundle/../../evil.csv", "x"});
    QTest::newRow("nested parent path")
        << nested
        << QStringLiteral("The zip entry \"bundle/../../evil.csv\" points outside the extraction "
                          "folder, so the bundle was rejected.");

    QTest::newRow("absolute path") << QList<ZipEntry>{{"/tmp/evil.csv", "x"}}
                                   << QStringLiteral("The zip entry \"/tmp/evil.csv\" is an "
                                                     "absolute or Windows path, but entries must "
                                                     "be relative paths inside the zip.");
    QTest::newRow("symbolic link")
        << QList<ZipEntry>{{"orgs.csv", "/etc/passwd", true}}
        << QStringLiteral("The zip entry \"orgs.csv\" is not a regular file or folder (for "
                          "example a symbolic link).");

    QList<ZipEntry> many;
    for (int i = 0; i < 1001; ++i)
        many.append(ZipEntry{QByteArray("file") + QByteArray::number(i) + ".csv", "a\n"});
    QTest::newRow("too many entries")
        << many
        << QStringLiteral("has more than 1000 entries, but a OneRoster bundle has a few "
                          "dozen files at most.");

    QList<ZipEntry> bomb = zipEntriesOf(validBundle());
    bomb.append(ZipEntry{"users_padding.csv", QByteArray(16 * 1024 * 1024, 'a')});
    QTest::newRow("huge compression ratio")
        << bomb
        << QStringLiteral("times its size, so the bundle was rejected as a possible zip "
                          "bomb.");

    QTest::newRow("not a zip")
        << QList<ZipEntry>{}
        << QStringLiteral("bundle.zip is not a zip file. The OneRoster bundle integration takes "
                          "a zip of the bundle's CSV files or one OneRoster XML file.");
}

void TestOneRosterBundle::rejectsHostileZip()
{
    QFETCH(QList<ZipEntry>, entries);
    QFETCH(QString, expectedError);

    const QString zipFolder = newFolder();
    QDir().mkpath(zipFolder);
    const QString zipPath = QDir(zipFolder).filePath(QStringLiteral("bundle.zip"));
    if (entries.isEmpty()) {
        QFile garbage(zipPath);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("this is not a zip file");
    } else {
        QVERIFY(writeZip(zipPath, entries));
    }

    // The work folder sits two levels down, so an escape of one or two levels would land in a
    // folder that the test can inspect.
    const QString outer = newFolder();
    const QString workDir = QDir(outer).filePath(QStringLiteral("inner/work"));
    QDir().mkpath(workDir);
    auto opened = OneRosterBundle::open(zipPath, workDir);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(expectedError), qPrintable(opened.error()));
    QCOMPARE(filesUnder(outer),
             (QStringList{QStringLiteral("inner"), QStringLiteral("inner/work")}));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/evil.csv")));
}

void TestOneRosterBundle::opensZipWithTopFolder()
{
    QList<ZipEntry> entries;
    const FileMap files = validBundle();
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        entries.append(ZipEntry{"export/" + it.key().toUtf8(), it.value()});
    const QString zipFolder = newFolder();
    QDir().mkpath(zipFolder);
    const QString zipPath = QDir(zipFolder).filePath(QStringLiteral("export.zip"));
    QVERIFY(writeZip(zipPath, entries));

    const QString workDir = newFolder();
    auto opened = OneRosterBundle::open(zipPath, workDir);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QCOMPARE(opened->folder(), QDir(workDir).filePath(QStringLiteral("export")));
    QCOMPARE(opened->receiveCounts().rowsRead, 7);
    const QList<Issue> issues = opened->validate(db(), districtId);
    QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
    QVERIFY(opened->load(db(), districtId).ok());
    QCOMPARE(count(QStringLiteral("users")), 2);
}

void TestOneRosterBundle::writerNamesTheRowThatFails_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("badRow");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    // Batches of many rows go in one statement, and the rows after the last full batch one at a
    // time, so the faults sit in a first batch, a later one and the rest.
    QTest::newRow("repeated key, first batch") << 150 << 20 << "repeat" << "UNIQUE constraint";
    QTest::newRow("repeated key, later batch") << 150 << 101 << "repeat" << "UNIQUE constraint";
    QTest::newRow("repeated key, last rows") << 150 << 140 << "repeat" << "UNIQUE constraint";
    QTest::newRow("missing name") << 150 << 70 << "null" << "NOT NULL constraint";
}

void TestOneRosterBundle::writerNamesTheRowThatFails()
{
    QFETCH(int, rows);
    QFETCH(int, badRow);
    QFETCH(QString, fault);
    QFETCH(QString, message);
    if (hub::dialectOf(db()) == hub::Dialect::Postgres)
        QSKIP("The PostgreSQL writer stores the rows with COPY and names a failed row by "
              "failedRow().");
    using hub::inbound::detail::SpillRow;
    using hub::inbound::detail::SpillValue;
    using hub::inbound::detail::TableWriter;
    TableWriter::Target target;
    target.table = QStringLiteral("orgs");
    target.columns = {QStringLiteral("sourced_id"), QStringLiteral("status"),
                      QStringLiteral("date_last_modified"), QStringLiteral("name"),
                      QStringLiteral("type")};
    target.fileName = QStringLiteral("orgs.csv");
    target.loadTime = hub::nowIsoUtc();
    target.districtId = districtId;

    QString error;
    {
        hub::Transaction transaction(db());
        QVERIFY(transaction.begun());
        auto writer = TableWriter::create(db(), target);
        QVERIFY(writer);
        QVERIFY(writer->begin());
        QList<QByteArray> texts;
        for (int i = 1; i <= rows && error.isEmpty(); ++i) {
            const int key = fault == QLatin1String("repeat") && i == badRow ? 5 : i;
            texts = {QByteArray("org-") + QByteArray::number(key), QByteArray("active"),
                     QByteArray("Org ") + QByteArray::number(i), QByteArray("school")};
            SpillRow row;
            row.line = i + 1;
            const auto text = [](const QByteArray &value) {
                SpillValue converted;
                converted.type = SpillValue::Text;
                converted.text = value;
                return converted;
            };
            row.values = {text(texts.at(0)), text(texts.at(1)), SpillValue(),
                          fault == QLatin1String("null") && i == badRow ? SpillValue()
                                                                         : text(texts.at(2)),
                          text(texts.at(3))};
            if (auto written = writer->write(row); !written)
                error = written.error();
        }
        if (error.isEmpty()) {
            auto finished = writer->finish();
            QVERIFY(!finished);
            error = finished.error();
        }
    }
    QVERIFY2(error.contains(QStringLiteral("(line %1)").arg(badRow + 1)), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    // The transaction was rolled back: nothing was stored.
    QCOMPARE(count(QStringLiteral("orgs")), 0);
}

void TestOneRosterBundle::cleanRowsMatchTextRows_data()
{
    QTest::addColumn<bool>("loads");
    QTest::addColumn<QByteArray>("userRows");
    QTest::addColumn<QByteArray>("classRows");
    QTest::addColumn<QByteArray>("enrollmentRows");
    QTest::addColumn<QByteArray>("demographicRows");

    // A title of 700 characters in 1,400 bytes is within the limit of 1,024 characters.
    const QByteArray longTitle = QString(700, QChar(0xE9)).toUtf8();
    const QByteArray tooLongTitle = QString(1100, QChar(0xE9)).toUtf8();

    // Rows that load, some with Warnings, beside rows that validation takes from their bytes.
    QTest::newRow("quirks that load")
        << true
        << QByteArray("usr-a,active,2024-01-02T03:04:05.000Z,true,\"org-s,org-d,org-s\",student,"
                      "ann,,Ann,A,,A1,,,,usr-s,09,\r\n"
                      "usr-b,active,2024-01-02T03:04:05.000Z,TRUE,org-s,Student,bob,,Bob,B,,B1,,,,"
                      ",,pw\r\n"
                      "usr-c,active,2024-01-02T03:04:05.000Z,false,org-d,administrator,cy,,Cy,C,,"
                      "C1,c@example.org,,,usr-a,\"09,10\",\r\n"
                      "usr-d,active,2024-01-02T03:04:05.000Z,true,org-s,guardian,dee,,Dee,D,,D1,,"
                      ",,usr-e,,\r\n"
                      "usr-e,tobedeleted,2024-01-02T03:04:05Z,true,\"org-s, org-d\",student,eve,,"
                      "Eve,E,,E1,,,,,,\r\n"
                      "usr-\u00f1,active,2024-01-02T03:04:05.000Z,true,org-s,student,nino,,"
                      "Ni\u00f1o,Nguy\u1ec5n,,N1,,,,,,\r\n")
        << QByteArray("cls-2,active,2024-01-02T03:04:05Z,Geometry,\"09,10\",crs-1,GEO-1,"
                      "scheduled,Room 2,org-s,as-t,Math,,1\r\n"
                      "cls-3,Active,2024-01-02 03:04:05,\u00c1lgebra,\"09, 10\",crs-1,ALG-3,"
                      "Scheduled,,org-s,\"as-t,as-y\",\"Math,Art\",,\"1,2\"\r\n"
                      "cls-4,inactive,2024-01-02,Art,11,crs-1, ART ,homeroom,\tRoom 4,org-s,"
                      "as-t,,,\r\n"
                      "cls-5,,,Music,ext:all,crs-1,MUS-1,ext:lab,\"Room \"\"5\"\"\",org-s,as-t,,,\r\n"
                      "cls-6,active,2024-01-02T03:04:05+02:00,Drama,12,crs-1,DRA,scheduled,,"
                      "org-s,as-t,,,\r\n"
                      "cls-7,active,2024-01-02T03:04:05.000Z,Fran\u00e7ais 7,07,crs-1,FR-7,"
                      "scheduled,Salle 7,org-s,as-t,\"English Language Arts,Social Studies\",,1\r\n"
                      "cls-8,active,2024-01-02T03:04:05.000Z,Art\u00a0,08,crs-1,ART-8,scheduled,,"
                      "org-s,as-t,\"Math ,Art\",,\r\n"
                      "cls-9,active,2024-01-02T03:04:05.000Z,\u3000Drama,09,crs-1,DRA-9,scheduled,"
                      "Room \U0001F3A8,org-s,as-t,,,\r\n"
                      "cls-10,active,2024-01-02T03:04:05.000Z,"
                      + longTitle
                      + ",10,crs-1,LNG,scheduled,Room\x7f,org-s,as-t,,,\r\n"
                        "cls-11,active,2024-01-02T03:04:05.000Z,Art \U0001F3A8,11,crs-1,ART-11,"
                        "scheduled,,org-s,as-t,,,\r\n")
        << QByteArray("enr-3,active,2024-01-02T03:04:05.000Z,cls-2,org-s,usr-s,student,TRUE,"
                      "2023-09-01,\r\n"
                      "enr-4,,,cls-3,org-s,usr-t,Teacher,false,,\r\n"
                      "enr-5,active,2024-01-02T03:04:05.123Z, cls-4 ,org-s,usr-s,student,,,\r\n"
                      "enr-6,active,2024-01-02T03:04:05.000Z,cls-5,org-s,usr-s,ext:guest,"
                      "False,2023-09-01,2024-06-30\r\n"
                      "enr-7,tobedeleted,2024-01-02T03:04:05.000Z,cls-6,org-s,usr-t,teacher,"
                      "true,,\r\n"
                      "enr-8,active,2024-02-29T23:59:59.999Z,cls-2,org-s,usr-t,teacher,true,"
                      "2024-02-29,\r\n"
                      "enr-9,active,2024-01-02T03:04:05.000Z,cls-7,org-s,usr-\u00f1,student,true,"
                      ",\r\n")
        << QByteArray("usr-t,active,2024-01-02T03:04:05.000Z,1980-05-06,female,false,false,"
                      "false,false,true,false,false,US,NH,Concord,\r\n"
                      "usr-s,active,2024-01-02T03:04:05.000Z,2009-12-31,Male,FALSE,TRUE,false,"
                      ",false,,true,,,S\u00e3o Paulo,resident\r\n");

    // Each row has a fault that stops the load; the two ways must report the same findings.
    QTest::newRow("faults")
        << false
        << QByteArray("usr-f,active,2024-01-02T03:04:05.000Z,true,org-x,student,fay,,Fay,F,,F1,,"
                      ",,,,\r\n"
                      "usr-g,active,2024-01-02T03:04:05.000Z,true,,student,gus,,Gus,G,,G1,,,,,,\r\n"
                      "usr-h,active,2024-01-02T03:04:05.000Z,maybe,org-s,pupil,hal,,Hal,H,,H1,,,,"
                      ",,\r\n"
                      "USR-T,active,2024-01-02T03:04:05.000Z,true,org-s,teacher,tia,,Tia,T,,T2,,,"
                      ",,,\r\n")
        << QByteArray("cls-2,active,2024-01-02T03:04:05.000Z,Geometry,09,crs-9,GEO,scheduled,,"
                      "org-s,as-t,,,\r\n"
                      "cls-3,active,2024-01-02T03:04:05.000Z,,09,crs-1,ALG,scheduled,,org-s,"
                      "as-t,,,\r\n"
                      "cls-4,active,2024-13-02T03:04:05.000Z,Art,09,crs-1,ART,lecture,,org-s,"
                      "as-t,,,\r\n"
                      "CLS-1,active,2024-01-02T03:04:05.000Z,Art,09,crs-1,ART,scheduled,,org-s,"
                      "\"as-t,,as-x\",,,\r\n"
                      "cls-5,active,2024-01-02T03:04:05.000Z,Music,09,crs-1,MUS,scheduled,,"
                      "org-s,as-t,,,\r\n"
                      "cls-5,active,2024-01-02T03:04:05.000Z,Music,09,crs-1,MUS,scheduled,,"
                      "org-s,as-t,,,\r\n"
                      "cls-6,active,2024-01-02T03:04:05.000Z,"
                      + tooLongTitle + ",09,crs-1,LNG,scheduled,,org-s,as-t,,,\r\n")
        << QByteArray("enr-3,active,2024-01-02T03:04:05.000Z,cls-2,org-s,usr-t,student,yes,"
                      "01/09/2023,\r\n"
                      "enr-4,active,2024-01-02T03:04:05.000Z,cls-9,org-s,usr-x,teacher,true,"
                      "2023-02-30,\r\n"
                      "enr-5,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,true,,"
                      "\r\n"
                      "enr-5,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,true,,"
                      "\r\n"
                      "enr-6,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,principal,true,,"
                      "\r\n"
                      "enr-7,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,true,"
                      "2023-09-01\r\n"
                      "enr-8,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,true,,,"
                      "extra\r\n"
                      "enr-9,active,2024-01-02T24:00:00.000Z,cls-1,org-s,usr-s,student,true,,"
                      "\r\n"
                      "enr-10,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,true,"
                      "2023-9-01,\r\n")
        << QByteArray("usr-t,active,2024-01-02T03:04:05.000Z,06/05/1980,other,false,false,"
                      "false,false,true,false,false,,,,\r\n"
                      "usr-x,active,2024-01-02T03:04:05.000Z,1980-05-06,female,no,false,false,"
                      "false,true,false,false,,,,\r\n");
}

// Validation stores most rows straight from their bytes and reads the others as text. Both ways
// must report the same findings and store the same values, so the same bundle is validated
// and loaded both ways, into two districts, and compared.
void TestOneRosterBundle::cleanRowsMatchTextRows()
{
    QFETCH(bool, loads);
    QFETCH(QByteArray, userRows);
    QFETCH(QByteArray, classRows);
    QFETCH(QByteArray, enrollmentRows);
    QFETCH(QByteArray, demographicRows);
    FileMap files = validBundle();
    files[QStringLiteral("manifest.csv")].replace("file.demographics,absent",
                                                  "file.demographics,bulk");
    files[QStringLiteral("users.csv")] += userRows;
    files[QStringLiteral("classes.csv")] += classRows;
    files[QStringLiteral("enrollments.csv")] += enrollmentRows;
    files.insert(QStringLiteral("demographics.csv"),
                 "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,"
                 "asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,"
                 "demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,"
                 "stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus\r\n"
                 + demographicRows);

    QStringList stored;
    qint64 cleanRows = 0;
    compareCleanAndTextRows({}, files, loads, stored, cleanRows);
    if (QTest::currentTestFailed())
        return;
    // The byte path took some rows: the valid bundle's enrollments, at least.
    QVERIFY2(cleanRows >= 2, qPrintable(QString::number(cleanRows)));
    if (!loads)
        return;
    QCOMPARE(stored.filter(QRegularExpression(QStringLiteral("^enrollments\\|"))).size(), 9);
    QCOMPARE(stored.filter(QRegularExpression(QStringLiteral("^demographics\\|"))).size(), 2);
    QCOMPARE(stored.filter(QRegularExpression(QStringLiteral("^user_roles\\|"))).size(), 11);
    QCOMPARE(stored.filter(QRegularExpression(QStringLiteral("^classes\\|"))).size(), 11);
}

// CSV rows, with {active} written out as an active status and a dateLastModified.
static QByteArray rows(QByteArray text)
{
    return text.replace("{active}", "active,2024-01-02T03:04:05.000Z");
}

static FileMap withRows(FileMap files, const QString &name, const QByteArray &text)
{
    files[name] += rows(text);
    return files;
}

void TestOneRosterBundle::cleanRowsMatchTextRowsOfBundles_data()
{
    QTest::addColumn<FileMap>("storedFirst");
    QTest::addColumn<FileMap>("files");
    QTest::addColumn<bool>("loads");
    QTest::addColumn<int>("storedRows");

    const QString classes = QStringLiteral("classes.csv");
    const QString users = QStringLiteral("users.csv");
    const QString enrollments = QStringLiteral("enrollments.csv");

    // Spaces that QString::trimmed() removes, and characters that it keeps, at the ends of
    // values. U+FEFF is no space, but QString::fromUtf8() drops it at the start of a field.
    FileMap ends = withRows(validBundle(), classes,
                            "cls-a1,{active},Art\u0085,09,crs-1,A1,scheduled,Room\u00a0,org-s,"
                            "as-t,,,\r\n"
                            "cls-a2,{active},\u2000Art\u200a,09,crs-1,\u2001A2\u2009,scheduled,"
                            "\u3000,org-s,as-t,,,\r\n"
                            "cls-a3,{active},\u1680Art\u202f,09,crs-1,\u205fA3\u2028,scheduled,"
                            "\u2029Room,org-s,as-t,,,\r\n"
                            "cls-a4,{active},\ufeffArt,09,crs-1,A4\ufeff,scheduled,"
                            "\u200bRoom\u200b,org-s,as-t,,,\r\n"
                            "cls-a5,{active},e\u0301te\u0301 \U0001D11E,09,crs-1,\u0301A5,"
                            "scheduled,\U0001F3A8,org-s,as-t,,,\r\n"
                            "\u00a0cls-a6,{active},Art,09,crs-1,A6,scheduled,,org-s,as-t,,,\r\n"
                            "\ufeffcls-a7,{active},Art,09,crs-1,A7,scheduled,,org-s,as-t,,,\r\n"
                            "cls-a8,{active},Art,09,crs-1,\ufeff\ufeffA8,scheduled,,org-s,"
                            "as-t,,,\r\n");
    ends = withRows(ends, enrollments,
                    "enr-a6,{active},cls-a6,org-s,usr-s,student,true,,\r\n"
                    "enr-a7,{active},cls-a7,org-s,usr-s,student,true,,\r\n");
    QTest::newRow("spaces at the ends") << FileMap() << ends << true << 23;

    // Values at the limits of 255 characters for ids and 1,024 for text, in ASCII and in
    // characters of two and four UTF-8 bytes, and with combining marks.
    const QByteArray id255 = "cls-" + QByteArray(251, 'x');
    const QByteArray ascii1024(1024, 't');
    const QByteArray accented1024 = QString(1024, QChar(0xE9)).toUtf8();
    const QByteArray emoji1024
        = QString::fromUcs4(QList<char32_t>(1024, U'\U0001F3A8').constData(), 1024).toUtf8();
    const QByteArray marks1024
        = QString(512, QChar(u'e')).replace(QLatin1String("e"), QStringLiteral("e\u0301")).toUtf8();
    const QByteArray orgs255 = "org-s," + QByteArray(249, ' ') + "org-d";
    FileMap lengths = withRows(validBundle(), classes,
                               id255 + ",{active},Art,09,crs-1,L1,scheduled,,org-s,as-t,,,\r\n");
    lengths
        = withRows(lengths, classes,
                   "cls-l2,{active}," + ascii1024 + ",09,crs-1,L2,scheduled,,org-s,as-t,,,\r\n");
    lengths = withRows(lengths, classes,
                       "cls-l3,{active}," + accented1024 + ",09,crs-1,L3,scheduled," + emoji1024
                           + ",org-s,as-t,,,\r\n");
    lengths
        = withRows(lengths, classes,
                   "cls-l4,{active}," + marks1024 + ",09,crs-1,L4,scheduled,,org-s,as-t,,,\r\n");
    lengths = withRows(lengths, users,
                       "usr-l1,{active},true,\"" + orgs255 + "\",student,l1,,L,L,,L1,,,,,,\r\n");
    lengths = withRows(lengths, enrollments,
                       "enr-l1,{active}," + id255 + ",org-s,usr-s,student,true,,\r\n");
    QTest::newRow("values at the length limits") << FileMap() << lengths << true << 21;

    FileMap overLimits = withRows(validBundle(), classes,
                                  "cls-" + QByteArray(252, 'x')
                                      + ",{active},Art,09,crs-1,O1,scheduled,,org-s,as-t,,,\r\n");
    overLimits
        = withRows(overLimits, classes,
                   "cls-o2,{active}," + ascii1024 + "t,09,crs-1,O2,scheduled,,org-s,as-t,,,\r\n");
    overLimits = withRows(overLimits, classes,
                          "cls-o3,{active}," + accented1024
                              + "\u00e9,09,crs-1,O3,scheduled,,org-s,as-t,,,\r\n");
    overLimits = withRows(overLimits, classes,
                          "cls-o4,{active},Art,09,crs-1,O4,scheduled," + emoji1024
                              + "\U0001F3A8,org-s,as-t,,,\r\n");
    overLimits
        = withRows(overLimits, classes,
                   "cls-o5,{active}," + marks1024 + "e,09,crs-1,O5,scheduled,,org-s,as-t,,,\r\n");
    QTest::newRow("values over the length limits") << FileMap() << overLimits << false << 0;

    // Lists with spaces, empty items, repeated items and items that JSON escapes.
    FileMap lists = withRows(validBundle(), classes,
                             "cls-t1,{active},Art,\"09,,10\",crs-1,T1,scheduled,,org-s,as-t,"
                             "\",,\",,\"1,1\"\r\n"
                             "cls-t2,{active},Art,\" 09 , 10 \",crs-1,T2,scheduled,,org-s,"
                             "\"as-t,as-t\",\"Social Studies,Art\",,\r\n"
                             "cls-t3,{active},Art,\"09,10 \",crs-1,T3,scheduled,,org-s,"
                             "\"as-t, as-y\",\"Math,\",\",x\",\r\n"
                             "cls-t4,{active},Art,K\u00e9,crs-1,T4,scheduled,,org-s,as-t,"
                             "\"a\"\"b,c\\\\d\",\"x/y\",\"1\u00a0,2\"\r\n"
                             "cls-t5,{active},Art,\",\",crs-1,T5,scheduled,,org-s,as-t,"
                             "\"Math  Art\",\" \",\",,,\"\r\n");
    lists = withRows(lists, users,
                     "usr-t1,{active},true,\"org-d,org-s,org-d\",teacher,t1,\"{a:1},{b:2}\","
                     "T,T,,T1,,,,\"usr-t,usr-s,usr-t\",\"09, 10\",\r\n"
                     "usr-t2,{active},true,\"org-s,\",student,t2,,T,T,,T2,,,,,,\r\n"
                     "usr-t3,{active},true,\",org-s,,org-d,\",student,t3,,T,T,,T3,,,,,,\r\n");
    QTest::newRow("lists") << FileMap() << lists << true << 26;

    // Enumeration values, booleans, dates and times in forms that load, some with Warnings.
    FileMap forms = withRows(validBundle(), classes,
                             "cls-f1,active,2024-01-02T03:04:05.1Z,Art,09,crs-1,F1,ext:lab,,org-s,"
                             "as-t,,,\r\n"
                             "cls-f2,active,2024-01-02T03:04:05.12Z,Art,09,crs-1,F2,ext:,,org-s,"
                             "as-t,,,\r\n"
                             "cls-f3,active,2024-01-02T03:04:05.1234Z,Art,09,crs-1,F3,HOMEROOM,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f4,active,2024-01-02T03:04:05.123456789Z,Art,09,crs-1,F4,"
                             "homeroom,,org-s,as-t,,,\r\n"
                             "cls-f5,active,2024-01-02T03:04:05+00:00,Art,09,crs-1,F5,scheduled,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f6,active,2024-12-31T23:30:00.000-01:00,Art,09,crs-1,F6,"
                             "scheduled,,org-s,as-t,,,\r\n"
                             "cls-f7,active,2024-01-02T03:04:05,Art,09,crs-1,F7,scheduled,,org-s,"
                             "as-t,,,\r\n"
                             "cls-f8,active,2024-01-02T03:04:05.000,Art,09,crs-1,F8,scheduled,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f9,active,0999-12-31T23:59:59Z,Art,09,crs-1,F9,scheduled,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f10,active,9999-12-31T23:59:59.999Z,Art,09,crs-1,F10,scheduled,"
                             ",org-s,as-t,,,\r\n"
                             "cls-f11,active,0001-01-01T00:00:00Z,Art,09,crs-1,F11,scheduled,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f12,ACTIVE,2024-02-29T00:00:00Z,Art,09,crs-1,F12,Scheduled,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f13,Inactive,2024-02-29 00:00:00Z,Art,09,crs-1,F13,scheduled,,"
                             "org-s,as-t,,,\r\n"
                             "cls-f14,tobedeleted,2024-02-29,Art,09,crs-1,F14,sch\u0065duled,,"
                             "org-s,as-t,,,\r\n");
    forms = withRows(forms, enrollments,
                     "enr-f1,{active},cls-f1,org-s,usr-s,student,True,2024-02-29,"
                     "9999-12-31\r\n"
                     "enr-f2,{active},cls-f2,org-s,usr-s,STUDENT,tRUE,0001-01-01,\r\n"
                     "enr-f3,{active},cls-f3,org-s,usr-t,ext:observer,FALSE,,\r\n"
                     "enr-f4,{active},cls-f4,org-s,usr-t,teacher,fal\u017fe,,\r\n");
    QTest::newRow("enumerations, booleans and dates") << FileMap() << forms << true << 31;

    // Values that each stop the load.
    FileMap faults
        = withRows(validBundle(), classes,
                   "cls-x1,active,2024-02-30T00:00:00Z,Art,09,crs-1,X1,scheduled,,"
                   "org-s,as-t,,,\r\n"
                   "cls-x2,active,0000-01-01T00:00:00Z,Art,09,crs-1,X2,scheduled,,"
                   "org-s,as-t,,,\r\n"
                   "cls-x3,active,2024-01-02T24:00:00Z,Art,09,crs-1,X3,scheduled,,"
                   "org-s,as-t,,,\r\n"
                   "cls-x4,active,2024-01-02T23:59:60Z,Art,09,crs-1,X4,scheduled,,"
                   "org-s,as-t,,,\r\n"
                   "cls-x5,active,2024-01-02T03:04:05.1234567890Z,Art,09,crs-1,X5,"
                   "scheduled,,org-s,as-t,,,\r\n"
                   "cls-x6,active,2024-01-02t03:04:05z,Art,09,crs-1,X6,scheduled,,"
                   "org-s,as-t,,,\r\n"
                   "cls-x7,{active},\ufeff,09,crs-1,X7,scheduled,,org-s,as-t,,,\r\n"
                   "cls-x8,{active},Art,09,crs-1,X8,scheduled,,org-s,\",,\",,,\r\n"
                   "cls-x9,{active},Art,09,crs-1,X9,EXT:lab,,org-s,\" , \",,,\r\n"
                   "cls-x10,{active},Art,09,crs-1,X10,ext,,org-s,as-t,,,\r\n"
                   "cls-x11,{active},Art,09,crs-1,X11,scheduled,,org-s,as-t,,\r\n"
                   "cls-x12,{active},Art,09,crs-1,X12,scheduled,,org-s,as-t,,,,\r\n"
                   "cls-\u00c9,{active},Art,09,crs-1,X13,scheduled,,org-s,as-t,,,\r\n"
                   "cls-\u00e9,{active},Art,09,crs-1,X14,scheduled,,org-s,as-t,,,\r\n"
                   "cls-x15,{active},Art,09,crs-1,X15,scheduled,,org-s,as-t,,,\r\n"
                   "CLS-X15,{active},Art,09,crs-1,X16,scheduled,,org-s,as-t,,,\r\n"
                   "cls-x17,active,2024-01-02T03:04:05+24:00,Art,09,crs-1,X17,scheduled,,"
                   "org-s,as-t,,,\r\n");
    faults = withRows(faults, enrollments,
                      "enr-x1,{active},cls-1,org-s,usr-s,student,true,0000-01-01,\r\n"
                      "enr-x2,{active},cls-1,org-s,usr-s,student,true,2023-02-29,\r\n"
                      "enr-x3,{active},cls-1,org-s,usr-s,student,yes,,\r\n"
                      "enr-x4,{active},cls-1,org-s,usr-s,student,true,2024-01-02T00:00:00Z,\r\n"
                      "ENR-T,{active},cls-1,org-s,usr-t,teacher,true,,\r\n"
                      "enr-\u00c9,{active},cls-1,org-s,usr-s,student,true,,\r\n"
                      "enr-\u00e9,{active},cls-1,org-s,usr-s,student,true,,\r\n"
                      "enr-x5,{active},cls-1,org-s,usr-s,teacher,true,,\r\n");
    QTest::newRow("faults") << FileMap() << faults << false << 0;

    // Users that name agents of later rows, list one org twice, or share a role id through a
    // colon in their sourcedIds.
    FileMap agents = withRows(validBundle(), users,
                              "usr-p1,{active},true,org-s,parent,p1,,P,P,,P1,,,,usr-p2,,\r\n"
                              "usr-p2,{active},true,\"org-s,org-s\",student,p2,,P,P,,P2,,,,"
                              "\"usr-p1,usr-p2\",,\r\n"
                              "usr-p3,{active},true,org-s,guardian,p3,,P,P,,P3,,,,usr-p3,,\r\n"
                              "usr-p4:org,{active},true,org-s,student,p4,,P,P,,P4,,,,,,\r\n"
                              "usr-p4,{active},true,org:org-s,student,p5,,P,P,,P5,,,,,,\r\n");
    agents = withRows(agents, QStringLiteral("orgs.csv"),
                      "org:org-s,{active},Colon,school,C1,org-d\r\n");
    QTest::newRow("agents and roles") << FileMap() << agents << false << 0;
    agents[users].replace("usr-p4:org,", "usr-p6,");
    QTest::newRow("agents and repeated orgs") << FileMap() << agents << true << 24;

    // OneRoster 1.0: the columns that 1.1 added, such as enabledUser, are kept in extensions.
    FileMap v10 = validBundle();
    v10[QStringLiteral("manifest.csv")].replace("oneroster.version,1.1", "oneroster.version,1.0");
    v10 = withRows(v10, users,
                   "usr-v1,{active},,org-s,aide,v1,,V,V,,V1,,,,,,\r\n"
                   "usr-v2,{active},true,org-s,proctor,v2,,V,V,,V2,,,,,,\r\n");
    v10 = withRows(v10, enrollments,
                   "enr-v1,{active},cls-1,org-s,usr-v1,aide,true,,\r\n"
                   "enr-v2,{active},cls-1,org-s,usr-s,student,,,\r\n");
    QTest::newRow("OneRoster 1.0") << FileMap() << v10 << true << 19;

    // OneRoster 1.2: roles.csv, no derived roles, and the 1.1 columns of users.csv are
    // extensions.
    FileMap v12 = validBundle();
    v12[QStringLiteral("manifest.csv")].replace("oneroster.version,1.1", "oneroster.version,1.2");
    v12[QStringLiteral("manifest.csv")].append("file.roles,bulk\r\nfile.userProfiles,absent\r\n");
    v12.insert(
        users,
        rows("sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
             "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
             "userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,"
             "primaryOrgSourcedId,pronouns,orgSourcedIds,role\r\n"
             "usr-t,{active},true,tina,,Tina,Teach,,T1,,,,,,,,Tee,,,org-s,she/her,,\r\n"
             "usr-s,{active},false,sam,,Sam,Study,,S1,,,,,09,,,,,,org-s,,,\r\n"
             "usr-u,{active},TRUE,una,,Una,U,,U1,,,,,,pw,M1,,,,org-d,,org-s,student\r\n"
             "usr-w,{active},true,wes,,Wes,W,,W1,,,,,,,,,,,org-x,,,\r\n"));
    v12.insert(
        QStringLiteral("roles.csv"),
        rows("sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
             "orgSourcedId,userProfileSourcedId\r\n"
             "rol-1,{active},usr-t,primary,teacher,2023-09-01,,org-s,\r\n"
             "rol-2,{active},usr-s,primary,student,,,org-s,\r\n"
             "rol-3,{active},usr-t,secondary,siteAdministrator,,,org-d,prof-1\r\n"
             "rol-4,{active},usr-u,Primary,Student,,,org-s,\r\n"
             "rol-5,{active},usr-u,ext:shared,ext:mentor,2024-02-29,2023-02-29,org-s,\r\n"
             "ROL-1,{active},usr-w,primary,student,,,org-s,\r\n"
             "rol-6,{active},usr-x,primary,student,,,org-s,\r\n"));
    v12 = withRows(v12, enrollments,
                   "enr-v1,{active},cls-1,org-s,usr-u,student,true,,\r\n"
                   "enr-v2,{active},cls-1,org-s,usr-u,teacher,true,,\r\n");
    QTest::newRow("OneRoster 1.2 faults") << FileMap() << v12 << false << 0;
    v12[QStringLiteral("roles.csv")].replace("2023-02-29", "2024-06-30");
    v12[QStringLiteral("roles.csv")].replace("ROL-1,", "rol-7,");
    v12[QStringLiteral("roles.csv")].replace("usr-x,primary", "usr-w,primary");
    v12[users].replace(",org-x,", ",org-s,");
    QTest::newRow("OneRoster 1.2") << FileMap() << v12 << true << 21;

    // Delta files over the stored valid bundle: retired records, and records that name stored
    // ones.
    const auto headerOf = [](const QString &name) {
        const QByteArray text = validBundle().value(name);
        return text.first(text.indexOf('\n') + 1);
    };
    FileMap delta;
    delta.insert(QStringLiteral("manifest.csv"), "propertyName,value\r\n"
                                                 "oneroster.version,1.1\r\n"
                                                 "file.classes,delta\r\n"
                                                 "file.users,delta\r\n"
                                                 "file.enrollments,delta\r\n");
    delta.insert(
        classes,
        headerOf(classes)
            + rows("cls-1,tobedeleted,2024-01-02T03:04:05.000Z,Algebra 1,09,crs-1,ALG-1,scheduled,,"
                   "org-s,as-t,,,\r\n"
                   "cls-d2,{active},Art,09,crs-1,D2,scheduled,,org-s,as-t,,,\r\n"));
    delta.insert(
        users,
        headerOf(users)
            + rows("usr-t,tobedeleted,2024-01-02T03:04:05.000Z,true,\"org-s,org-d\",teacher,tina,,"
                   "Tina,Teach,,T1,,,,,,\r\n"
                   "usr-d1,{active},true,org-s,student,d1,,D,D,,D1,,,,usr-s,,\r\n"
                   "usr-d2,active,2024-01-02T03:04:05Z,true,org-d,teacher,d2,,D,D,,D2,,,,,,\r\n"));
    delta.insert(
        enrollments,
        headerOf(enrollments)
            + rows(
                "enr-s,tobedeleted,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,false,,\r\n"
                "enr-d1,{active},cls-d2,org-s,usr-d1,student,true,,\r\n"
                "enr-d2,{active},cls-1,org-s,usr-s,student,true,,\r\n"));
    QTest::newRow("delta") << validBundle() << delta << true << 21;
    FileMap deltaFaults = delta;
    deltaFaults
        = withRows(deltaFaults, users,
                   "usr-d3,,2024-01-02T03:04:05.000Z,true,org-s,student,d3,,D,D,,D3,,,,,,\r\n"
                   "usr-d4,active,,true,org-s,student,d4,,D,D,,D4,,,,,,\r\n"
                   "USR-S,{active},true,org-s,student,s,,S,S,,S2,,,,,,\r\n"
                   "usr-d5,Tobedeleted,2024-01-02T03:04:05.000Z,true,org-s,student,d5,,D,D,,D5,"
                   ",,,,,\r\n");
    deltaFaults
        = withRows(deltaFaults, enrollments, "ENR-T,{active},cls-1,org-s,usr-t,teacher,true,,\r\n");
    QTest::newRow("delta faults") << validBundle() << deltaFaults << false << 0;

    // A stored user usr-c with the org x:org-s has the role usr-c:x:org-s. A delta user usr-c:x
    // with the org org-s would take that role over, and one with the org org-d would not.
    FileMap colonStored = withRows(validBundle(), QStringLiteral("orgs.csv"),
                                   "x:org-s,{active},Colon,school,X1,org-d\r\n");
    colonStored
        = withRows(colonStored, users, "usr-c,{active},true,x:org-s,teacher,c,,C,C,,C1,,,,,,\r\n");
    FileMap colonDelta;
    colonDelta.insert(QStringLiteral("manifest.csv"), "propertyName,value\r\n"
                                                      "oneroster.version,1.1\r\n"
                                                      "file.users,delta\r\n");
    colonDelta.insert(users,
                      headerOf(users)
                          + rows("usr-c:x,{active},true,org-d,student,cx,,C,X,,C2,,,,,,\r\n"
                                 "usr-c,{active},true,x:org-s,teacher,c,,C,C,,C1,,,,,,\r\n"));
    QTest::newRow("delta with colons") << colonStored << colonDelta << true << 18;
    colonDelta[users].replace("usr-c:x,active,2024-01-02T03:04:05.000Z,true,org-d",
                              "usr-c:x,active,2024-01-02T03:04:05.000Z,true,org-s");
    QTest::newRow("delta with colliding colons") << colonStored << colonDelta << false << 0;

    // OneRoster 1.2 demographics, with the values of sex that 1.2 added.
    FileMap demographics = validBundle();
    demographics[QStringLiteral("manifest.csv")].replace("oneroster.version,1.1",
                                                         "oneroster.version,1.2");
    demographics[QStringLiteral("manifest.csv")].replace("file.demographics,absent",
                                                         "file.demographics,bulk");
    demographics.insert(QStringLiteral("demographics.csv"),
                        rows("sourcedId,status,dateLastModified,birthDate,sex\r\n"
                             "usr-t,{active},1980-05-06,other\r\n"
                             "usr-s,{active},2009-12-31,Unspecified\r\n"));
    QTest::newRow("OneRoster 1.2 demographics") << FileMap() << demographics << true << 12;

    // orgs.csv without a parentSourcedId column, and courses with references, lists and values in
    // other case.
    FileMap orgsAndCourses = validBundle();
    orgsAndCourses.insert(QStringLiteral("orgs.csv"),
                          rows("sourcedId,status,dateLastModified,name,type,identifier\r\n"
                               "org-d,{active},District,district,D1\r\n"
                               "org-s,{active},School,school,S1\r\n"
                               "org-n,{active},\u00c9cole \u00e9l\u00e9mentaire,School,N1\r\n"
                               "org-x,{active},Lab,ext:lab,\r\n"
                               "org-y,{active},Dept,department,\u00a0Y1\r\n"));
    orgsAndCourses
        = withRows(orgsAndCourses, QStringLiteral("courses.csv"),
                   "crs-2,{active},as-y,Art,ART,\"09,10,11,12\",org-n,\"Art,Music\",\"A1,A2\"\r\n"
                   "crs-3,{active},,Drama,DRA,,org-x,,\r\n"
                   "crs-4,{active},as-t,Music,MUS,KG,org-y,,\r\n"
                   "crs-5,{active},as-y,Math,MTH,,org-z,,\r\n");
    QTest::newRow("orgs and courses") << FileMap() << orgsAndCourses << true << 20;

    // Headers in other case, misspelled, unknown or of extensions, and the password column.
    FileMap headers = validBundle();
    headers.insert(
        users,
        rows("SourcedId,status,DateLastModified,enabledUser,orgSourcedIds,role,username,"
             "userIds,givenName,familyName,middlename,identifer,email,sms,phone,agents,"
             "grades,password,metadata.district.id,ext_nick,nickname,\r\n"
             "usr-t,{active},true,org-s,teacher,tina,,Tina,Teach,,T1,,,,,,,,,,\r\n"
             "usr-s,{active},true,\"org-s,org-d\",student,sam,,Sam,Study,,S1,,,,,09,p4ss,M-1,,,\r\n"
             "usr-h1,{active},true,org-s,student,h1,,H,H,Mid,H1,,,,,,,,Nick,,\r\n"
             "usr-h2,{active},true,org-s,student,h2,,H,H,,H2,,,,,,,,,Nick,\r\n"
             "usr-h3,{active},true,org-s,student,h3,,H,H,,H3,,,,,,,,,,x\r\n"
             "usr-h4,{active},true,org-s,student,h4,,H,H,,H4,,,,,,p4ss\u00a0,,,,\r\n"
             "usr-h5,{active},true,org-s,student,h5,,H,H,,H5,,,,,,,,,\r\n"
             "usr-h6,{active},true,org-s,student,h6,,H,H,,H6,,,,usr-h1,,\" p4ss \",,,,\r\n"));
    QTest::newRow("headers") << FileMap() << headers << true << 25;
}

// The same comparison for whole bundles: other versions, delta files over stored records, and
// headers that differ from the standard ones.
void TestOneRosterBundle::cleanRowsMatchTextRowsOfBundles()
{
    QFETCH(FileMap, storedFirst);
    QFETCH(FileMap, files);
    QFETCH(bool, loads);
    QFETCH(int, storedRows);

    QStringList stored;
    qint64 cleanRows = 0;
    compareCleanAndTextRows(storedFirst, files, loads, stored, cleanRows);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(cleanRows >= 1, qPrintable(QString::number(cleanRows)));
    if (loads)
        QCOMPARE(stored.size(), storedRows);
}

// Loads storedFirst, when it is not empty, into districts 1 and 2. Then validates files with the
// byte path on for district 1 and off for district 2, and compares the findings. When the bundle
// loads, it loads it both ways and compares the stored rows, which it returns in stored.
// cleanRows returns the number of rows that the byte path took.
void TestOneRosterBundle::compareCleanAndTextRows(const FileMap &storedFirst, const FileMap &files,
                                                  bool loads, QStringList &stored,
                                                  qint64 &cleanRows)
{
    const qint64 districts[2] = {districtId + 1, districtId};
    if (!storedFirst.isEmpty()) {
        const QString folder = newFolder();
        writeFiles(folder, storedFirst);
        for (const qint64 district : districts) {
            auto bundle = OneRosterBundle::open(folder, newFolder());
            QVERIFY2(bundle.ok(), qPrintable(bundle.error()));
            const QList<Issue> issues = bundle->validate(db(), district);
            QCOMPARE(issueTexts(issues, Issue::Severity::Error), QStringList());
            auto loaded = bundle->load(db(), district);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        }
    }

    const QString folder = newFolder();
    writeFiles(folder, files);
    QStringList findings[2];
    qint64 counts[2] = {0, 0};
    for (const bool clean : {true, false}) {
        auto bundle = OneRosterBundle::open(folder, newFolder());
        QVERIFY2(bundle.ok(), qPrintable(bundle.error()));
        bundle->setReadsCleanRows(clean);
        const qint64 district = districts[clean];
        for (const Issue &issue : bundle->validate(db(), district))
            findings[clean].append(issue.toString());
        counts[clean] = bundle->cleanRowCount();
        QCOMPARE(bundle->errorCount() == 0, loads);
        if (loads) {
            auto loaded = bundle->load(db(), district);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        }
    }
    QCOMPARE(findings[true], findings[false]);
    QVERIFY(!findings[true].isEmpty());
    QCOMPARE(counts[false], 0);
    cleanRows = counts[true];
    if (!loads)
        return;
    stored = storedRows(districtId);
    QCOMPARE(stored, storedRows(districtId + 1));
}

// Every stored roster row of a district as text, without the district id. The load time replaces
// empty dates, so it is shown as <load time>.
QStringList TestOneRosterBundle::storedRows(qint64 district) const
{
    const QString today = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd"));
    QStringList rows;
    for (const QString &table : rosterTables) {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("SELECT * FROM %1 WHERE district_id = ? ORDER BY sourced_id")
                          .arg(table));
        query.addBindValue(district);
        if (!query.exec())
            continue;
        while (query.next()) {
            QString text = table;
            for (int i = 1; i < query.record().count(); ++i) {
                const QString value = query.value(i).toString();
                text += QLatin1Char('|')
                        + (value.startsWith(today) ? QStringLiteral("<load time>") : value);
            }
            rows.append(text);
        }
    }
    return rows;
}

QTEST_GUILESS_MAIN(TestOneRosterBundle)
#include "tst_onerosterbundle.moc"
