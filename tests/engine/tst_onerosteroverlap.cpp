// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// OneRosterBundle::validateAndLoad(): a second thread validates the files while the calling
// thread writes the validated rows into the load transaction. SQLite only, because only a
// SQLite store in WAL mode takes that path.

#include "core/timeutil.h"
#include "inbound/onerosterbundle.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using hub::inbound::Issue;
using hub::inbound::OneRosterBundle;
using hub::inbound::OverlappedLoad;
using hub::inbound::Retirement;

using FileMap = QMap<QString, QByteArray>;

namespace {

constexpr qint64 districtId = 1;
// How long a gate waits for the other thread before the test gives up; a safety bound, never
// reached when the code works.
constexpr int gateTimeoutMs = 30000;

// A small valid OneRoster 1.1 bundle of every stored file but demographics.
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
    files.insert(QStringLiteral("courses.csv"),
                 "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
                 "orgSourcedId,subjects,subjectCodes\r\n"
                 "crs-1,active,2024-01-02T03:04:05.000Z,as-y,Algebra,ALG,09,org-s,Math,\r\n");
    files.insert(QStringLiteral("classes.csv"),
                 "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
                 "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,"
                 "periods\r\n"
                 "cls-1,active,2024-01-02T03:04:05.000Z,Algebra 1,09,crs-1,ALG-1,scheduled,"
                 "Room 1,org-s,as-t,Math,,1\r\n");
    files.insert(QStringLiteral("users.csv"),
                 "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                 "userIds,givenName,familyName,middleName,identifier,email,sms,phone,"
                 "agentSourcedIds,grades,password\r\n"
                 "usr-t,active,2024-01-02T03:04:05.000Z,true,org-s,teacher,tina,,Tina,Teach,,T1,"
                 "t@example.org,,,,,\r\n"
                 "usr-s,active,2024-01-02T03:04:05.000Z,true,org-s,student,sam,,Sam,Study,,S1,"
                 ",,,,09,\r\n");
    files.insert(QStringLiteral("enrollments.csv"),
                 "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
                 "role,primary,beginDate,endDate\r\n"
                 "enr-t,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-t,teacher,true,"
                 "2023-09-01,2023-12-20\r\n"
                 "enr-s,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,false,,\r\n");
    return files;
}

// The valid bundle with one more user, usr-n, whose row the load writes before enrollments.csv.
FileMap bundleWithNewUser()
{
    FileMap files = validBundle();
    files[QStringLiteral("users.csv")]
        += "usr-n,active,2024-01-02T03:04:05.000Z,true,org-s,student,nina,,Nina,New,,N1,,,,,"
           "10,\r\n";
    return files;
}

// Appends count student enrollments of usr-s to the bundle's enrollments.csv.
void addEnrollments(FileMap &files, int count)
{
    QByteArray &enrollments = files[QStringLiteral("enrollments.csv")];
    for (int i = 0; i < count; ++i)
        enrollments += QByteArray("enr-x") + QByteArray::number(i)
                       + ",active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,false,,\r\n";
}

const QStringList rosterTables
    = {QStringLiteral("orgs"),        QStringLiteral("academic_sessions"),
       QStringLiteral("courses"),     QStringLiteral("classes"),
       QStringLiteral("users"),       QStringLiteral("user_roles"),
       QStringLiteral("enrollments"), QStringLiteral("demographics")};

} // namespace

class TestOneRosterOverlap : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void storesAsSequentialLoadDoes();
    void lateErrorLeavesStoreUnchanged();
    void declinedCommitLeavesStoreUnchanged();
    void cancelDuringOverlapChangesNothing();
    void validateStopsWithinFile();
    void overlapNeedsWalFile();

private:
    QSqlDatabase db() const { return m_store->connection(); }
    qint64 count(const QString &table, qint64 district = districtId) const;
    qint64 countUser(const QString &sourcedId) const;
    QString snapshot() const;
    std::unique_ptr<OneRosterBundle> openBundle(const FileMap &files);
    void loadSequentially(const FileMap &files);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::Store> m_store;
    int m_folders = 0;
};

void TestOneRosterOverlap::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<hub::Store>(m_dir->filePath(QStringLiteral("hub.sqlite")));
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

void TestOneRosterOverlap::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestOneRosterOverlap::count(const QString &table, qint64 district) const
{
    auto value = hub::selectValue(
        db(), QStringLiteral("SELECT COUNT(*) FROM %1 WHERE district_id = ?").arg(table),
        {district});
    return value ? value->toLongLong() : -1;
}

// Counts the user's rows through the load's own connection, so that the count includes the
// rows that the open load transaction wrote.
qint64 TestOneRosterOverlap::countUser(const QString &sourcedId) const
{
    auto value = hub::selectValue(db(),
                                  QStringLiteral("SELECT COUNT(*) FROM users WHERE district_id = "
                                                 "? AND sourced_id = ?"),
                                  {districtId, sourcedId});
    return value ? value->toLongLong() : -1;
}

// Every stored roster row as text, to compare the store before and after a load that stored
// nothing.
QString TestOneRosterOverlap::snapshot() const
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

std::unique_ptr<OneRosterBundle> TestOneRosterOverlap::openBundle(const FileMap &files)
{
    const QString folder = m_dir->filePath(QStringLiteral("bundle%1").arg(++m_folders));
    QDir().mkpath(folder);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QFile file(QDir(folder).filePath(it.key()));
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size())
            return nullptr;
    }
    auto opened = OneRosterBundle::open(folder, folder + QStringLiteral("-work"));
    if (!opened) {
        qWarning("open() failed: %s", qPrintable(opened.error()));
        return nullptr;
    }
    return std::make_unique<OneRosterBundle>(std::move(opened).value());
}

void TestOneRosterOverlap::loadSequentially(const FileMap &files)
{
    const std::unique_ptr<OneRosterBundle> bundle = openBundle(files);
    QVERIFY(bundle);
    bundle->validate(db(), districtId);
    QCOMPARE(bundle->errorCount(), 0);
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
}

void TestOneRosterOverlap::storesAsSequentialLoadDoes()
{
    QVERIFY(OneRosterBundle::canOverlapLoad(db()));
    FileMap files = validBundle();
    addEnrollments(files, 5000);

    const std::unique_ptr<OneRosterBundle> sequential = openBundle(files);
    QVERIFY(sequential);
    sequential->validate(db(), districtId + 1);
    auto sequentialCounts = sequential->load(db(), districtId + 1);
    QVERIFY2(sequentialCounts.ok(), qPrintable(sequentialCounts.error()));

    const std::unique_ptr<OneRosterBundle> bundle = openBundle(files);
    QVERIFY(bundle);
    int decisions = 0;
    const OverlappedLoad outcome = bundle->validateAndLoad(
        db(), districtId, [] { return false; },
        [&](const QList<Retirement> &) {
            ++decisions;
            return true;
        });
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(decisions, 1);
    QVERIFY(outcome.validationFinished);
    QVERIFY(outcome.loaded.has_value());
    QCOMPARE(outcome.loaded->rowsRead, sequentialCounts->rowsRead);
    QCOMPARE(outcome.loaded->rowsWritten, sequentialCounts->rowsWritten);
    QCOMPARE(bundle->validateCounts().rowsRead, sequential->validateCounts().rowsRead);
    QCOMPARE(bundle->errorCount(), 0);
    QVERIFY(!bundle->wasStopped());
    QVERIFY(outcome.loadStarted.isValid());
    QVERIFY(outcome.validateEnded.isValid());
    QVERIFY(outcome.loadEnded >= outcome.validateEnded);
    for (const QString &table : rosterTables)
        QCOMPARE(count(table, districtId), count(table, districtId + 1));
    QCOMPARE(count(QStringLiteral("enrollments")), 5002);

    // One retirement per table, none of them retiring: the district had no records.
    QCOMPARE(outcome.retirements.size(), 7);
    for (const Retirement &retirement : outcome.retirements) {
        QCOMPARE(retirement.stored, 0);
        QCOMPARE(retirement.retiring, 0);
    }

    // The committed bundle is used up.
    QVERIFY(!bundle->load(db(), districtId).ok());
}

void TestOneRosterOverlap::lateErrorLeavesStoreUnchanged()
{
    loadSequentially(validBundle());
    const QString before = snapshot();
    QVERIFY(!before.isEmpty());

    // The error is in the last file, so the earlier files are written by the time it is found.
    FileMap files = bundleWithNewUser();
    files[QStringLiteral("enrollments.csv")]
        += "enr-bad,active,1/05/2023,cls-1,org-s,usr-n,student,false,,\r\n";
    const std::unique_ptr<OneRosterBundle> bundle = openBundle(files);
    QVERIFY(bundle);

    // Validation waits at enrollments.csv until the load transaction contains the new user.
    QSemaphore userWritten;
    std::atomic<bool> gateOpened{false};
    bundle->setBeforeFileHook([&](const QString &fileName) {
        if (fileName == QLatin1String("enrollments.csv"))
            gateOpened = userWritten.tryAcquire(1, gateTimeoutMs);
    });
    bool sawUser = false;
    int decisions = 0;
    const OverlappedLoad outcome = bundle->validateAndLoad(
        db(), districtId,
        [&] {
            if (!sawUser && countUser(QStringLiteral("usr-n")) == 1) {
                sawUser = true;
                userWritten.release();
            }
            return false;
        },
        [&](const QList<Retirement> &) {
            ++decisions;
            return true;
        });
    QVERIFY(gateOpened);
    QVERIFY(sawUser);
    QVERIFY(outcome.validationFinished);
    QCOMPARE(bundle->errorCount(), 1);
    QCOMPARE(decisions, 0);
    QVERIFY(!outcome.loaded.has_value());
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(!bundle->wasStopped());
    QCOMPARE(snapshot(), before);
    QCOMPARE(countUser(QStringLiteral("usr-n")), 0);

    bool listed = false;
    for (const Issue &issue : outcome.issues)
        listed = listed
                 || (issue.severity == Issue::Severity::Error && issue.file == QLatin1String("enrollments.csv"));
    QVERIFY(listed);
    QVERIFY(!bundle->load(db(), districtId).ok());
}

void TestOneRosterOverlap::declinedCommitLeavesStoreUnchanged()
{
    loadSequentially(validBundle());
    const QString before = snapshot();

    // A bulk orgs.csv without org-d retires it: 1 of the 2 stored orgs. The load counts what
    // a bulk enrollments.csv without enr-t retires.
    FileMap files = bundleWithNewUser();
    files[QStringLiteral("orgs.csv")]
        = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
          "org-s,active,2024-01-02T03:04:05.000Z,School,school,S1,\r\n";
    files[QStringLiteral("enrollments.csv")]
        = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
          "role,primary,beginDate,endDate\r\n"
          "enr-s,active,2024-01-02T03:04:05.000Z,cls-1,org-s,usr-s,student,false,,\r\n";
    const std::unique_ptr<OneRosterBundle> bundle = openBundle(files);
    QVERIFY(bundle);
    QList<Retirement> offered;
    bool sawUserBeforeDecision = false;
    const OverlappedLoad outcome = bundle->validateAndLoad(
        db(), districtId, [] { return false; },
        [&](const QList<Retirement> &retirements) {
            offered = retirements;
            // The decision runs inside the open load transaction, after every row was written.
            sawUserBeforeDecision = countUser(QStringLiteral("usr-n")) == 1;
            return false;
        });
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QVERIFY(sawUserBeforeDecision);
    QVERIFY(!outcome.loaded.has_value());
    QCOMPARE(offered.size(), outcome.retirements.size());
    QCOMPARE(offered.size(), 7);
    QCOMPARE(offered.first().table, QStringLiteral("orgs"));
    QCOMPARE(offered.first().stored, 2);
    QCOMPARE(offered.first().retiring, 1);
    QCOMPARE(offered.at(6).table, QStringLiteral("enrollments"));
    QCOMPARE(offered.at(6).stored, 2);
    QCOMPARE(offered.at(6).retiring, 1);
    for (qsizetype i = 1; i < 6; ++i)
        QCOMPARE(offered.at(i).retiring, 0);
    QCOMPARE(snapshot(), before);
    // The counts came from the decision; retirements() cannot count them again.
    QVERIFY(!bundle->retirements(db(), districtId).ok());

    // An approval loads the validated rows that the declined commit kept.
    auto loaded = bundle->load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(countUser(QStringLiteral("usr-n")), 1);
    auto status = hub::selectValue(db(),
                                   QStringLiteral("SELECT status FROM orgs WHERE district_id = ? "
                                                  "AND sourced_id = 'org-d'"),
                                   {districtId});
    QVERIFY(status.ok());
    QCOMPARE(status->toString(), QStringLiteral("tobedeleted"));
}

void TestOneRosterOverlap::cancelDuringOverlapChangesNothing()
{
    loadSequentially(validBundle());
    const QString before = snapshot();

    FileMap files = bundleWithNewUser();
    addEnrollments(files, 20000);
    const std::unique_ptr<OneRosterBundle> bundle = openBundle(files);
    QVERIFY(bundle);

    // The cancel arrives once the load transaction contains the new user. Validation usually
    // waits at enrollments.csv by then, but on a busy machine the loading thread may see the
    // cancel first and stop validation before that file, so the gate need not have opened.
    QSemaphore cancelled;
    std::atomic<bool> gateOpened{false};
    bundle->setBeforeFileHook([&](const QString &fileName) {
        if (fileName == QLatin1String("enrollments.csv"))
            gateOpened = cancelled.tryAcquire(1, gateTimeoutMs);
    });
    bool stopped = false;
    int decisions = 0;
    const OverlappedLoad outcome = bundle->validateAndLoad(
        db(), districtId,
        [&] {
            if (!stopped && countUser(QStringLiteral("usr-n")) == 1) {
                stopped = true;
                cancelled.release();
            }
            return stopped;
        },
        [&](const QList<Retirement> &) {
            ++decisions;
            return true;
        });
    if (!gateOpened)
        qInfo("Validation stopped before enrollments.csv");
    QVERIFY(stopped);
    QVERIFY(bundle->wasStopped());
    QCOMPARE(decisions, 0);
    QVERIFY(!outcome.loaded.has_value());
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(snapshot(), before);
    QVERIFY(!bundle->load(db(), districtId).ok());
}

void TestOneRosterOverlap::validateStopsWithinFile()
{
    FileMap files = validBundle();
    addEnrollments(files, 20000);
    const std::unique_ptr<OneRosterBundle> bundle = openBundle(files);
    QVERIFY(bundle);
    // One check before each of the 6 files, then one every 4096 rows: the 7th call comes at
    // row 4096 of enrollments.csv.
    int calls = 0;
    bundle->validate(db(), districtId, [&] { return ++calls >= 7; });
    QVERIFY(bundle->wasStopped());
    QCOMPARE(calls, 7);
    const qint64 rowsBeforeEnrollments = 2 + 2 + 1 + 1 + 2;
    QCOMPARE(bundle->validateCounts().rowsRead, rowsBeforeEnrollments + 4096);
    QVERIFY(!bundle->load(db(), districtId).ok());
    QCOMPARE(count(QStringLiteral("enrollments")), 0);
}

void TestOneRosterOverlap::overlapNeedsWalFile()
{
    QVERIFY(OneRosterBundle::canOverlapLoad(db()));
    QVERIFY(!OneRosterBundle::canOverlapLoad(QSqlDatabase()));

    const QString name = QStringLiteral("overlap-memory");
    {
        QSqlDatabase memory = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        memory.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(memory.open());
        QVERIFY(!OneRosterBundle::canOverlapLoad(memory));
        memory.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QTEST_GUILESS_MAIN(TestOneRosterOverlap)
#include "tst_onerosteroverlap.moc"
