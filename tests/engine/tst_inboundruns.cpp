// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Inbound runs through the admin API: the stored validation report and its CSV export, and the
// hold on loads that would retire many records.

#include "../apitestclient.h"
#include "../testdata.h"
#include "../testdatabase.h"

#include "accounts/accounts.h"
#include "core/timeutil.h"
#include "engine.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <archive.h>
#include <archive_entry.h>

using hubtest::ApiReply;
using FileMap = QMap<QString, QByteArray>;

namespace {

// The demo's inbound OneRoster bundle integration.
constexpr qint64 inboundIntegration = 3;

QByteArray zipBytes(const FileMap &files)
{
    QByteArray bytes(1024 * 1024, '\0');
    size_t used = 0;
    archive *zip = archive_write_new();
    archive_write_set_format_zip(zip);
    archive_write_open_memory(zip, bytes.data(), size_t(bytes.size()), &used);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, it.key().toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, it.value().size());
        archive_write_header(zip, entry);
        archive_write_data(zip, it.value().constData(), size_t(it.value().size()));
        archive_entry_free(entry);
    }
    archive_write_close(zip);
    archive_write_free(zip);
    bytes.truncate(qsizetype(used));
    return bytes;
}

// The worker deletes a loaded file just after it records the run's end, so a test that saw the
// end waits a bounded time for the file to go.
bool waitUntilDeleted(const QString &path)
{
    for (int attempt = 0; attempt < 50 && QFileInfo::exists(path); ++attempt)
        QTest::qWait(100);
    return !QFileInfo::exists(path);
}

FileMap orgsBundle(const QByteArray &orgRows)
{
    return FileMap{
        {QStringLiteral("manifest.csv"), "propertyName,value\r\n"
                                         "manifest.version,1.0\r\n"
                                         "oneroster.version,1.1\r\n"
                                         "file.orgs,bulk\r\n"},
        {QStringLiteral("orgs.csv"),
         "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n" + orgRows},
    };
}

} // namespace

class tst_InboundRuns final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void rejectedUploadHasReport();
    void reportFiltersAndPages();
    void reportAsCsv();
    void reportQueryValidation_data();
    void reportQueryValidation();
    void reportOfUnknownRunIsNotFound();
    void warningsDoNotStopLoad();
    void massChangeIsHeldUntilApproved();
    void rejectedLoadChangesNothing();
    void heldReasonNamesRecordKinds();
    void holdLimitIsPerIntegration();
    void onlyHeldRunsAreApproved();
    void approvedLoadCountsAgain();
    void newerLoadHoldsApprovalAgain();
    void loadsAttendanceFile();
    void runLogCountsLeftOutFindings();
    void headerOnlyFileWarns();
    void headerOnlyBundleWarns();
    void copiesFileSpecWithNewMapping();
    void countsOnlyRowsMarkedDeleted();
    void storeFailureFailsLoadPhase();
    void errorBeforeStoreFailureIsReported();
    void reportNamesUploadedFile_data();
    void reportNamesUploadedFile();
    void wrongKindOfFileIsNamed_data();
    void wrongKindOfFileIsNamed();
    void nulCharacterInBundleIsReported();
    void nulCharacterInFlatFileIsReported();
    void xmlAttendanceLoads();
    void xmlRosterLoads();
    void xmlRosterReportsLines();
    void xmlWithDtdIsRejected();
    void xmlBulkLoadWaitsForApproval();
    void loadedUploadIsDeleted();
    void uploadDownloadNeedsOperator();
    void failedUploadIsKeptThenSwept();
    void strayUploadIsSweptWhenOld();
    void sharedUploadWaitsForQueuedRun();
    void loadRefreshesOneRosterCounts();
    void changedLimitDecidesHold();

private:
    QByteArray signInAs(const QString &role);
    QString inputFileOf(qint64 runId);
    bool listsInputFile(qint64 runId);
    qint64 upload(const FileMap &files, const QString &name = QStringLiteral("bundle.zip"));
    qint64 uploadZip(const QByteArray &zip, const QString &name);
    qint64 uploadXml(const QByteArray &xml);
    qint64 activeRosterRows();
    // Adds an inbound integration of the attendance product and returns its id, or 0.
    qint64 createAttendanceIntegration();
    QJsonObject waitForRun(qint64 runId);
    qint64 attendanceIntegration();
    qint64 uploadFlatFile(qint64 integrationId, const QString &name, const QByteArray &bytes);
    QJsonObject waitForHold(qint64 runId);
    qint64 activeOrgs();
    QString rejectOrgBad();
    void acceptOrgBad();
    FileMap orgsAndManyUsers(const QByteArray &orgRows);
    // Sets the inbound integration's deleteLimitPercent through the admin API; returns the
    // HTTP status.
    int setDeleteLimit(int percent);

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    qint64 m_attendanceIntegration = 0;
    qint64 m_rejectedRun = 0;
    const QByteArray m_token = "inbound-runs-test-token-0123456789";
};

void tst_InboundRuns::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database
        = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = database;
    options.adminToken = m_token;
    options.demo = true;
    options.workers = 1;
    // The _overlap variant runs every case with validation overlapping the load.
    options.overlapBundleLoads = qEnvironmentVariableIntValue("HUBDESK_TEST_OVERLAP_LOADS") == 1;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    // Two errors in orgs.csv (a day-first date and a duplicate id) and one warning (an
    // unknown column), so the report has rows of both severities.
    FileMap files = orgsBundle("org-d,active,2024-01-02T03:04:05Z,District,district,D1,\r\n"
                               "org-s,active,02/01/2024,School,school,S1,org-d\r\n"
                               "org-d,active,2024-01-02T03:04:05Z,Again,district,D2,\r\n");
    files[QStringLiteral("orgs.csv")].replace("parentSourcedId\r\n", "parentSourcedId,color\r\n");
    files[QStringLiteral("orgs.csv")].replace(",\r\n", ",,blue\r\n");
    files[QStringLiteral("orgs.csv")].replace(",org-d\r\n", ",org-d,blue\r\n");
    m_rejectedRun = upload(files);
    QVERIFY(m_rejectedRun > 0);
    const QJsonObject run = waitForRun(m_rejectedRun);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
}

void tst_InboundRuns::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

qint64 tst_InboundRuns::upload(const FileMap &files, const QString &name)
{
    return uploadZip(zipBytes(files), name);
}

qint64 tst_InboundRuns::uploadZip(const QByteArray &zip, const QString &name)
{
    const ApiReply reply = m_api->send("POST",
                                       QStringLiteral("/api/v1/integrations/%1/files?fileName=%2")
                                           .arg(inboundIntegration)
                                           .arg(name),
                                       zip, "application/zip");
    if (reply.status != 202) {
        qWarning("Upload failed: %d %s", reply.status, reply.body.constData());
        return 0;
    }
    return reply.json.value(QStringLiteral("id")).toInteger();
}

QJsonObject tst_InboundRuns::waitForRun(qint64 runId)
{
    QJsonObject run;
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(runId);
    for (int attempt = 0; attempt < 300; ++attempt) {
        run = m_api->get(path).json;
        const int status = run.value(QStringLiteral("status")).toInt(-1);
        if (status != 1 && status != 2)
            return run;
        QTest::qWait(100);
    }
    return run;
}

void tst_InboundRuns::rejectedUploadHasReport()
{
    const ApiReply reply
        = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(m_rejectedRun));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("errors")).toInt(), 2);
    QCOMPARE(reply.json.value(QStringLiteral("warnings")).toInt(), 1);
    QCOMPARE(reply.json.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(reply.json.value(QStringLiteral("files")).toArray(),
             QJsonArray{QStringLiteral("orgs.csv")});

    const QJsonArray issues = reply.json.value(QStringLiteral("issues")).toArray();
    QCOMPARE(issues.size(), 3);
    const QJsonObject unknown = issues.at(0).toObject();
    QCOMPARE(unknown.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
    QCOMPARE(unknown.value(QStringLiteral("rule")).toString(), QStringLiteral("unknown-column"));
    QCOMPARE(unknown.value(QStringLiteral("line")).toInt(), 1);
    QCOMPARE(unknown.value(QStringLiteral("column")).toString(), QStringLiteral("color"));

    const QJsonObject date = issues.at(1).toObject();
    QCOMPARE(date.value(QStringLiteral("position")).toInt(), 2);
    QCOMPARE(date.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(date.value(QStringLiteral("rule")).toString(), QStringLiteral("date-format"));
    QCOMPARE(date.value(QStringLiteral("file")).toString(), QStringLiteral("orgs.csv"));
    QCOMPARE(date.value(QStringLiteral("line")).toInt(), 3);
    QCOMPARE(date.value(QStringLiteral("column")).toString(), QStringLiteral("dateLastModified"));
    QCOMPARE(date.value(QStringLiteral("value")).toString(), QStringLiteral("02/01/2024"));
    QVERIFY2(date.value(QStringLiteral("message")).toString().contains(QStringLiteral("ISO 8601")),
             qPrintable(date.value(QStringLiteral("message")).toString()));

    const QJsonObject duplicate = issues.at(2).toObject();
    QCOMPARE(duplicate.value(QStringLiteral("rule")).toString(), QStringLiteral("duplicate-id"));
    QCOMPARE(duplicate.value(QStringLiteral("line")).toInt(), 4);
    QCOMPARE(duplicate.value(QStringLiteral("value")).toString(), QStringLiteral("org-d"));

    // Nothing of the rejected bundle reached the store.
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM orgs WHERE sourced_id "
                                                  "IN ('org-d', 'org-s')"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->toInt(), 0);
}

void tst_InboundRuns::reportFiltersAndPages()
{
    const QString base = QStringLiteral("/api/v1/runs/%1/validation").arg(m_rejectedRun);
    const ApiReply errors = m_api->get(base + QStringLiteral("?severity=error"));
    QCOMPARE(errors.status, 200);
    QCOMPARE(errors.json.value(QStringLiteral("total")).toInt(), 2);
    // The counts of the whole report stay, so a filter control can show them.
    QCOMPARE(errors.json.value(QStringLiteral("warnings")).toInt(), 1);
    for (const QJsonValue &issue : errors.json.value(QStringLiteral("issues")).toArray())
        QCOMPARE(issue[QStringLiteral("severity")].toString(), QStringLiteral("error"));

    const ApiReply page = m_api->get(base + QStringLiteral("?severity=error&limit=1&offset=1"));
    QCOMPARE(page.json.value(QStringLiteral("issues")).toArray().size(), 1);
    QCOMPARE(page.json.value(QStringLiteral("issues"))[0][QStringLiteral("rule")].toString(),
             QStringLiteral("duplicate-id"));

    const ApiReply orgs = m_api->get(base + QStringLiteral("?file=orgs.csv"));
    QCOMPARE(orgs.json.value(QStringLiteral("total")).toInt(), 3);
    const ApiReply users = m_api->get(base + QStringLiteral("?file=users.csv"));
    QCOMPARE(users.json.value(QStringLiteral("total")).toInt(), 0);
}

void tst_InboundRuns::reportAsCsv()
{
    const ApiReply reply = m_api->get(
        QStringLiteral("/api/v1/runs/%1/validation.csv?severity=error").arg(m_rejectedRun));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Content-Type").startsWith("text/csv"));
    QVERIFY(reply.header("Content-Disposition").contains("validation.csv"));
    const QList<QByteArray> lines = reply.body.split('\n');
    QCOMPARE(lines.size(), 4); // header, two rows, and the empty text after the last CRLF
    QCOMPARE(lines.at(0), QByteArray("severity,rule,file,line,column,value,message\r"));
    QVERIFY2(lines.at(1).startsWith("error,date-format,orgs.csv,3,dateLastModified,02/01/2024,"),
             lines.at(1).constData());
    QVERIFY2(lines.at(2).startsWith("error,duplicate-id,orgs.csv,4,sourcedId,org-d,"),
             lines.at(2).constData());
}

void tst_InboundRuns::reportQueryValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown severity") << "severity=fatal"
                                      << "severity";
    QTest::newRow("limit zero") << "limit=0"
                                << "limit";
    QTest::newRow("limit too big") << "limit=1001"
                                   << "limit";
    QTest::newRow("negative offset") << "offset=-3"
                                     << "offset";
}

void tst_InboundRuns::reportQueryValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const ApiReply reply
        = m_api->get(QStringLiteral("/api/v1/runs/%1/validation?%2").arg(m_rejectedRun).arg(query));
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json.value(QStringLiteral("fields")).toObject().contains(field),
             reply.body.constData());
}

void tst_InboundRuns::reportOfUnknownRunIsNotFound()
{
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/99999/validation")).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/99999/validation.csv")).status, 404);
}

void tst_InboundRuns::warningsDoNotStopLoad()
{
    // A delta file adds to the stored orgs, so nothing is retired and nothing held.
    FileMap files = orgsBundle("org-w,active,2024-01-02T03:04:05Z,District W,DISTRICT,W1,\r\n");
    files[QStringLiteral("manifest.csv")].replace("file.orgs,bulk", "file.orgs,delta");
    const qint64 runId = upload(files);
    QVERIFY(runId > 0);
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);

    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(reply.json.value(QStringLiteral("errors")).toInt(), 0);
    QCOMPARE(reply.json.value(QStringLiteral("warnings")).toInt(), 1);
    QCOMPARE(reply.json.value(QStringLiteral("issues"))[0][QStringLiteral("rule")].toString(),
             QStringLiteral("enum-case"));
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT type FROM orgs WHERE sourced_id = ?"),
                                   {QStringLiteral("org-w")});
    QVERIFY(stored.ok());
    QCOMPARE(stored->toString(), QStringLiteral("district"));
}

qint64 tst_InboundRuns::activeOrgs()
{
    auto count = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM orgs WHERE district_id = 1 "
                                                 "AND status = 'active'"));
    return count ? count->toLongLong() : -1;
}

int tst_InboundRuns::setDeleteLimit(int percent)
{
    const QString path = QStringLiteral("/api/v1/integrations/%1").arg(inboundIntegration);
    QJsonObject integration = m_api->get(path).json;
    integration.insert(QStringLiteral("deleteLimitPercent"), percent);
    return m_api->put(path, integration).status;
}

QJsonObject tst_InboundRuns::waitForHold(qint64 runId)
{
    QJsonObject run;
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(runId);
    for (int attempt = 0; attempt < 300; ++attempt) {
        run = m_api->get(path).json;
        const int status = run.value(QStringLiteral("status")).toInt(-1);
        if (run.value(QStringLiteral("hold")).toString() == QLatin1String("held")
            || (status != 1 && status != 2))
            return run;
        QTest::qWait(100);
    }
    return run;
}

void tst_InboundRuns::massChangeIsHeldUntilApproved()
{
    const qint64 before = activeOrgs();
    QVERIFY(before > 1);
    const qint64 runId
        = upload(orgsBundle("org-n,active,2024-01-02T03:04:05Z,New District,district,N1,\r\n"));
    QVERIFY(runId > 0);
    const QJsonObject held = waitForHold(runId);
    QCOMPARE(held.value(QStringLiteral("status")).toInt(), 2);
    QCOMPARE(held.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QCOMPARE(held.value(QStringLiteral("statusText")).toString(),
             QStringLiteral("Held for approval"));
    QCOMPARE(held.value(QStringLiteral("message")).toString(),
             QStringLiteral("Held for approval: the load would leave more than 10% of the "
                            "district's stored records marked to be deleted (tobedeleted): "
                            "orgs %1 of %1. Check that the file is complete, then approve or "
                            "reject the load.")
                 .arg(before));
    const QJsonArray phases = held.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 3);
    QCOMPARE(phases.at(2)[QStringLiteral("name")].toString(), QStringLiteral("Approval"));
    QCOMPARE(phases.at(2)[QStringLiteral("status")].toInt(), 2);
    // A held run stays in the queue, and nothing was stored.
    QTest::qWait(300);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId))
                 .json.value(QStringLiteral("status"))
                 .toInt(),
             2);
    QCOMPARE(activeOrgs(), before);
    // The sweep keeps the file of a held run, however old, because approval loads it.
    const QString input = inputFileOf(runId);
    m_engine->removeExpiredFiles();
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));

    const QString startedAt = held.value(QStringLiteral("startedAt")).toString();
    QVERIFY(!startedAt.isEmpty());
    QTest::qWait(1100);
    const ApiReply approved = m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(runId));
    QCOMPARE(approved.status, 202);
    QCOMPARE(approved.json.value(QStringLiteral("hold")).toString(), QStringLiteral("approved"));
    const QJsonObject done = waitForRun(runId);
    QCOMPARE(done.value(QStringLiteral("status")).toInt(), 0);
    // The run keeps the start it had before its hold, and its duration covers the wait.
    QCOMPARE(done.value(QStringLiteral("startedAt")).toString(), startedAt);
    QVERIFY(done.value(QStringLiteral("durationSeconds")).toInt() >= 1);
    QCOMPARE(activeOrgs(), 1);
    QStringList names;
    for (const QJsonValue &phase : done.value(QStringLiteral("phases")).toArray())
        names.append(phase[QStringLiteral("name")].toString());
    QCOMPARE(names, (QStringList{QStringLiteral("Receive"), QStringLiteral("Validate"),
                                 QStringLiteral("Approval"), QStringLiteral("Receive"),
                                 QStringLiteral("Validate"), QStringLiteral("Load")}));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(runId)).status, 409);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(runId)).status, 409);
    QVERIFY2(waitUntilDeleted(input), qPrintable(input));
}

void tst_InboundRuns::rejectedLoadChangesNothing()
{
    // org-n is the one active org now; a bulk file without it would retire all of them.
    const qint64 runId = upload(orgsBundle("org-m,active,2024-01-02T03:04:05Z,M,district,M1,\r\n"));
    QVERIFY(runId > 0);
    QCOMPARE(waitForHold(runId).value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    const qint64 before = activeOrgs();

    const ApiReply rejected = m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(runId));
    QCOMPARE(rejected.status, 200);
    QCOMPARE(rejected.json.value(QStringLiteral("status")).toInt(), 3);
    QVERIFY(rejected.json.value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("Load rejected by ")));
    QTest::qWait(300);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId))
                 .json.value(QStringLiteral("status"))
                 .toInt(),
             3);
    QCOMPARE(activeOrgs(), before);
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM orgs WHERE sourced_id = "
                                                  "'org-m'"));
    QCOMPARE(stored->toInt(), 0);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(runId)).status, 409);
}

void tst_InboundRuns::heldReasonNamesRecordKinds()
{
    auto sessions = hub::selectValue(m_engine->store().connection(),
                                     QStringLiteral("SELECT count(*) FROM academic_sessions WHERE "
                                                    "district_id = 1 AND status = 'active'"));
    QVERIFY(sessions.ok());
    QVERIFY(sessions->toLongLong() > 0);

    // A bulk academicSessions file without rows would retire every stored session. The delta
    // orgs file gives the bundle a data row, so the run reaches the approval hold.
    FileMap files = orgsBundle("org-k,active,2024-01-02T03:04:05Z,K,district,K1,\r\n");
    files[QStringLiteral("manifest.csv")].replace("file.orgs,bulk", "file.orgs,delta");
    files[QStringLiteral("manifest.csv")] += "file.academicSessions,bulk\r\n";
    files[QStringLiteral("academicSessions.csv")]
        = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,"
          "schoolYear\r\n";
    const qint64 runId = upload(files);
    QVERIFY(runId > 0);
    const QJsonObject held = waitForHold(runId);
    QCOMPARE(held.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QCOMPARE(held.value(QStringLiteral("message")).toString(),
             QStringLiteral("Held for approval: the load would leave more than 10% of the "
                            "district's stored records marked to be deleted (tobedeleted): "
                            "academic sessions %1 of %1. Check that the file is complete, then "
                            "approve or reject the load.")
                 .arg(sessions->toLongLong()));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(runId)).status, 200);
}

void tst_InboundRuns::holdLimitIsPerIntegration()
{
    auto raised = hub::execute(m_engine->store().connection(),
                               QStringLiteral("UPDATE integrations SET delete_limit_percent = 100 "
                                              "WHERE id = ?"),
                               {inboundIntegration});
    QVERIFY(raised.ok());
    const qint64 runId = upload(orgsBundle("org-k,active,2024-01-02T03:04:05Z,K,district,K1,\r\n"));
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QVERIFY(run.value(QStringLiteral("hold")).isNull());
    QCOMPARE(activeOrgs(), 1);
    auto reset = hub::execute(m_engine->store().connection(),
                              QStringLiteral("UPDATE integrations SET delete_limit_percent = NULL "
                                             "WHERE id = ?"),
                              {inboundIntegration});
    QVERIFY(reset.ok());
}

void tst_InboundRuns::onlyHeldRunsAreApproved()
{
    const ApiReply approve
        = m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(m_rejectedRun));
    QCOMPARE(approve.status, 409);
    QCOMPARE(approve.json.value(QStringLiteral("error")).toString(), QStringLiteral("not_held"));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/99999/approve")).status, 404);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/99999/reject")).status, 404);
}

void tst_InboundRuns::approvedLoadCountsAgain()
{
    // Two bulk files wait for approval at once. Loading the second one changes the stored orgs,
    // so the first one's approval, given for the old counts, must not load it.
    QCOMPARE(activeOrgs(), 1);
    const qint64 oldRun
        = upload(orgsBundle("org-o,active,2024-01-02T03:04:05Z,Old,district,O1,\r\n"));
    QVERIFY(oldRun > 0);
    const QJsonObject oldHeld = waitForHold(oldRun);
    QCOMPARE(oldHeld.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QVERIFY2(oldHeld.value(QStringLiteral("message")).toString().contains(
                 QStringLiteral("(tobedeleted): orgs 1 of 1.")),
             qPrintable(oldHeld.value(QStringLiteral("message")).toString()));

    const qint64 newRun
        = upload(orgsBundle("org-p,active,2024-01-02T03:04:05Z,P,district,P1,\r\n"
                            "org-q,active,2024-01-02T03:04:05Z,Q,district,Q1,\r\n"
                            "org-r,active,2024-01-02T03:04:05Z,R,district,R1,\r\n"));
    QVERIFY(newRun > 0);
    QCOMPARE(waitForHold(newRun).value(QStringLiteral("hold")).toString(),
             QStringLiteral("held"));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(newRun)).status, 202);
    QCOMPARE(waitForRun(newRun).value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(activeOrgs(), 3);

    const ApiReply approved = m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(oldRun));
    QCOMPARE(approved.status, 202);
    const QJsonObject heldAgain = waitForHold(oldRun);
    QCOMPARE(heldAgain.value(QStringLiteral("status")).toInt(), 2);
    QCOMPARE(heldAgain.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QCOMPARE(heldAgain.value(QStringLiteral("message")).toString(),
             QStringLiteral("Run %1 of this integration loaded a newer file after this load was "
                            "held. Held for approval: the load would leave more than 10% of the "
                            "district's stored records marked to be deleted (tobedeleted): orgs 3 "
                            "of 3. Check that the file is complete, then approve or reject the "
                            "load. Approving this "
                            "load again loads its older file over the newer data; reject it "
                            "unless that is intended.")
                 .arg(newRun));
    QCOMPARE(activeOrgs(), 3);
    auto oldOrg = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM orgs WHERE sourced_id = "
                                                  "'org-o'"));
    QVERIFY(oldOrg.ok());
    QCOMPARE(oldOrg->toInt(), 0);

    // An approval of the new counts loads the file.
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(oldRun)).status, 202);
    QCOMPARE(waitForRun(oldRun).value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(activeOrgs(), 1);
}

void tst_InboundRuns::newerLoadHoldsApprovalAgain()
{
    // A partial bulk file waits for approval; then the complete file loads. The counts of the
    // old file are the same as when it was held, but approving it would roll the store back.
    QByteArray orgs;
    auto listed = hub::execute(m_engine->store().connection(),
                               QStringLiteral("SELECT sourced_id, name FROM orgs WHERE "
                                              "district_id = 1 AND status = 'active' ORDER BY "
                                              "sourced_id"));
    QVERIFY(listed.ok());
    while (listed->next())
        orgs += listed->value(0).toString().toUtf8() + ",active,2024-01-02T03:04:05Z,"
                + listed->value(1).toString().toUtf8() + ",district,X,\r\n";
    for (int i = 1; i <= 4; ++i)
        orgs += "org-whole-" + QByteArray::number(i) + ",active,2024-01-02T03:04:05Z,Whole "
                + QByteArray::number(i) + ",district,W" + QByteArray::number(i) + ",\r\n";
    QCOMPARE(waitForRun(upload(orgsBundle(orgs))).value(QStringLiteral("status")).toInt(), 0);
    const qint64 complete = activeOrgs();
    QVERIFY(complete >= 5);
    const qint64 partialRun
        = upload(orgsBundle("org-partial,active,2024-01-02T03:04:05Z,Partial,district,P,\r\n"));
    QCOMPARE(waitForHold(partialRun).value(QStringLiteral("hold")).toString(),
             QStringLiteral("held"));
    const QString heldMessage = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(partialRun))
                                    .json.value(QStringLiteral("message"))
                                    .toString();
    const qint64 completeRun = upload(orgsBundle(orgs));
    QCOMPARE(waitForRun(completeRun).value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(activeOrgs(), complete);

    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(partialRun)).status, 202);
    const QJsonObject heldAgain = waitForHold(partialRun);
    QCOMPARE(heldAgain.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QVERIFY2(heldAgain.value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QStringLiteral("Run %1 of this integration loaded a newer file after "
                                            "this load was held. ")
                                 .arg(completeRun)),
             qPrintable(heldAgain.value(QStringLiteral("message")).toString()));
    QVERIFY(heldAgain.value(QStringLiteral("message")).toString().contains(heldMessage));
    QCOMPARE(activeOrgs(), complete);

    // Rejecting it leaves the newer data as it is.
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(partialRun)).status, 200);
    QCOMPARE(activeOrgs(), complete);
}

void tst_InboundRuns::loadsAttendanceFile()
{
    HUB_REQUIRE_SAMPLE(path, "oea-contoso-sis-attendance/day2/studentattendance.csv");
    qint64 productId = 0;
    const QJsonArray products = m_api->get(QStringLiteral("/api/v1/catalog/products"))
                                    .json.value(QStringLiteral("products"))
                                    .toArray();
    for (const QJsonValue &product : products) {
        if (product[QStringLiteral("key")].toString() == QLatin1String("attendance"))
            productId = product[QStringLiteral("id")].toInteger();
    }
    QVERIFY(productId > 0);
    const ApiReply created = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), productId},
                    {QStringLiteral("notes"), QStringLiteral("Daily attendance drop")}});
    QVERIFY2(created.status == 201, created.body.constData());
    const qint64 integrationId = created.json.value(QStringLiteral("id")).toInteger();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ApiReply reply = m_api->send(
        "POST",
        QStringLiteral("/api/v1/integrations/%1/files?fileName=attendance.csv").arg(integrationId),
        file.readAll(), "text/csv");
    QCOMPARE(reply.status, 202);
    const qint64 runId = reply.json.value(QStringLiteral("id")).toInteger();
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("1467 rows loaded into attendance."));
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM attendance WHERE "
                                                  "district_id = 1"));
    QCOMPARE(stored->toInt(), 1467);
    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(report.json.value(QStringLiteral("warnings")).toInt(), 1);
    QCOMPARE(report.json.value(QStringLiteral("issues"))[0][QStringLiteral("rule")].toString(),
             QStringLiteral("unknown-reference"));

    // A file that matches no specification of the product is rejected with one report row.
    const ApiReply other = m_api->send(
        "POST",
        QStringLiteral("/api/v1/integrations/%1/files?fileName=students.csv").arg(integrationId),
        "SIS ID,First Name\r\nst1,Al\r\n", "text/csv");
    const qint64 otherRun = other.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(waitForRun(otherRun).value(QStringLiteral("status")).toInt(), 9);
    const ApiReply rejected
        = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(otherRun));
    QCOMPARE(rejected.json.value(QStringLiteral("errors")).toInt(), 1);
    QCOMPARE(rejected.json.value(QStringLiteral("issues"))[0][QStringLiteral("rule")].toString(),
             QStringLiteral("receive"));
    QVERIFY(rejected.json.value(QStringLiteral("issues"))[0][QStringLiteral("message")]
                .toString()
                .startsWith(QStringLiteral("The file's columns match no file specification")));
}

// Adds an attendance integration on first use and returns its id, or 0 when that fails.
qint64 tst_InboundRuns::attendanceIntegration()
{
    if (m_attendanceIntegration != 0)
        return m_attendanceIntegration;
    qint64 productId = 0;
    const QJsonArray products = m_api->get(QStringLiteral("/api/v1/catalog/products"))
                                    .json.value(QStringLiteral("products"))
                                    .toArray();
    for (const QJsonValue &product : products) {
        if (product[QStringLiteral("key")].toString() == QLatin1String("attendance"))
            productId = product[QStringLiteral("id")].toInteger();
    }
    const ApiReply created = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), productId},
                    {QStringLiteral("notes"), QStringLiteral("Attendance checks")}});
    if (created.status == 201)
        m_attendanceIntegration = created.json.value(QStringLiteral("id")).toInteger();
    return m_attendanceIntegration;
}

// Uploads a CSV file to an integration and returns the run id, or 0 when the upload fails.
qint64 tst_InboundRuns::uploadFlatFile(qint64 integrationId, const QString &name,
                                       const QByteArray &bytes)
{
    const ApiReply reply = m_api->send(
        "POST", QStringLiteral("/api/v1/integrations/%1/files?fileName=%2").arg(integrationId).arg(name),
        bytes, "text/csv");
    if (reply.status != 202)
        return 0;
    return reply.json.value(QStringLiteral("id")).toInteger();
}

void tst_InboundRuns::runLogCountsLeftOutFindings()
{
    const qint64 integrationId = attendanceIntegration();
    QVERIFY(integrationId > 0);

    // 10,600 copies of one row: 10,599 "row repeats" warnings and one unknown student, more
    // than the validation report lists (10,000) and far more than the run log shows (500).
    QByteArray csv = "id,student_id,school_year,school_id,attendance_date,all_day,Period,"
                     "section_id,AttendanceCode,PresenceFlag,attendance_status,attendance_type,"
                     "attendance_sequence\r\n";
    for (int i = 0; i < 10600; ++i)
        csv += "1462,st-none,2021,sch0,28/05/2020,No,1,sec31,P,1,Present,"
               "ClassSectionAttendance,0\r\n";
    const qint64 runId = uploadFlatFile(integrationId, QStringLiteral("repeats.csv"), csv);
    QVERIFY(runId > 0);
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 8);

    const QJsonArray log = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId))
                               .json.value(QStringLiteral("log"))
                               .toArray();
    qsizetype findings = 0;
    qsizetype lastFinding = -1;
    for (qsizetype i = 0; i < log.size(); ++i) {
        const QString message = log.at(i)[QStringLiteral("message")].toString();
        if (message.contains(QLatin1String("repeats line"))
            || message.contains(QLatin1String("student"))) {
            ++findings;
            lastFinding = i;
        }
    }
    QCOMPARE(findings, 500);
    QVERIFY(lastFinding + 1 < log.size());
    const QJsonValue countLine = log.at(lastFinding + 1);
    QCOMPARE(countLine[QStringLiteral("message")].toString(),
             QStringLiteral("The run log shows the first 500 findings and leaves out 10100 more "
                            "findings. The validation report lists the findings."));
    QCOMPARE(countLine[QStringLiteral("level")].toString(), QStringLiteral("warning"));
}

void tst_InboundRuns::headerOnlyFileWarns()
{
    const qint64 integrationId = attendanceIntegration();
    QVERIFY(integrationId > 0);
    const qint64 runId = uploadFlatFile(
        integrationId, QStringLiteral("header-only.csv"),
        "id,student_id,school_year,school_id,attendance_date,all_day,Period,section_id,"
        "AttendanceCode,PresenceFlag,attendance_status,attendance_type,attendance_sequence\r\n");
    QVERIFY(runId > 0);

    const QJsonObject run = waitForRun(runId);
    const QString message = QStringLiteral("The file has no data rows; nothing was loaded. Check "
                                           "that the export wrote its rows.");
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(run.value(QStringLiteral("message")).toString(), message);
    const QJsonArray log = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId))
                               .json.value(QStringLiteral("log"))
                               .toArray();
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.last()[QStringLiteral("message")].toString(), message);
    QCOMPARE(log.last()[QStringLiteral("level")].toString(), QStringLiteral("warning"));
}

void tst_InboundRuns::headerOnlyBundleWarns()
{
    const qint64 before = activeOrgs();
    QVERIFY(before > 0);
    const qint64 runId = upload(orgsBundle(QByteArray()));
    QVERIFY(runId > 0);

    const QJsonObject run = waitForRun(runId);
    const QString message = QStringLiteral("No file of the bundle has data rows; nothing was "
                                           "loaded. Check that the export wrote its rows.");
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(run.value(QStringLiteral("message")).toString(), message);
    QCOMPARE(run.value(QStringLiteral("hold")).toString(), QString());
    const QJsonArray log = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId))
                               .json.value(QStringLiteral("log"))
                               .toArray();
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.last()[QStringLiteral("message")].toString(), message);
    QCOMPARE(activeOrgs(), before);
}

void tst_InboundRuns::copiesFileSpecWithNewMapping()
{
    const ApiReply listed = m_api->get(QStringLiteral("/api/v1/file-specs"));
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.json.value(QStringLiteral("fileSpecs")).toArray().size(), 3);
    // The choices an editor offers: each table's store columns and the accepted date formats.
    const QJsonArray tables = listed.json.value(QStringLiteral("storeTables")).toArray();
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables.at(1)[QStringLiteral("name")].toString(), QStringLiteral("attendance"));
    QCOMPARE(tables.at(1)[QStringLiteral("columns")].toArray(),
             (QJsonArray{QStringLiteral("student_sourced_id"), QStringLiteral("school_sourced_id"),
                         QStringLiteral("class_sourced_id"), QStringLiteral("attendance_date"),
                         QStringLiteral("code"), QStringLiteral("minutes")}));
    QCOMPARE(tables.at(1)[QStringLiteral("required")].toArray(),
             (QJsonArray{QStringLiteral("student_sourced_id"), QStringLiteral("attendance_date"),
                         QStringLiteral("code")}));
    QCOMPARE(tables.at(0)[QStringLiteral("keyed")].toArray(),
             (QJsonArray{QStringLiteral("completion_date"), QStringLiteral("duration_minutes")}));
    const QJsonArray formats = listed.json.value(QStringLiteral("dateFormats")).toArray();
    QCOMPARE(formats.size(), 7);
    QVERIFY(formats.contains(QStringLiteral("d/M/yyyy")));
    QVERIFY(formats.contains(QStringLiteral("yyyyMMdd")));

    QJsonObject contoso;
    for (const QJsonValue &spec : listed.json.value(QStringLiteral("fileSpecs")).toArray()) {
        if (spec[QStringLiteral("key")].toString() == QLatin1String("contoso-daily-attendance"))
            contoso = spec.toObject();
    }
    QVERIFY(contoso.value(QStringLiteral("builtIn")).toBool());
    QJsonArray columns = contoso.value(QStringLiteral("columns")).toArray();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        QJsonObject column = columns.at(i).toObject();
        if (column.value(QStringLiteral("name")).toString() == QLatin1String("Period"))
            column.insert(QStringLiteral("target"), QStringLiteral("minutes"));
        columns[i] = column;
    }
    const ApiReply created = m_api->post(
        QStringLiteral("/api/v1/file-specs"),
        QJsonObject{{QStringLiteral("basedOn"), QStringLiteral("contoso-daily-attendance")},
                    {QStringLiteral("key"), QStringLiteral("contoso-periods")},
                    {QStringLiteral("name"), QStringLiteral("Contoso with periods")},
                    {QStringLiteral("columns"), columns}});
    QVERIFY2(created.status == 201, created.body.constData());
    QCOMPARE(created.json.value(QStringLiteral("basedOn")).toString(),
             QStringLiteral("contoso-daily-attendance"));
    QCOMPARE(created.json.value(QStringLiteral("builtIn")).toBool(), false);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();

    const ApiReply taken = m_api->post(
        QStringLiteral("/api/v1/file-specs"),
        QJsonObject{{QStringLiteral("basedOn"), QStringLiteral("contoso-periods")},
                    {QStringLiteral("key"), QStringLiteral("iready-diagnostic-ela")}});
    QCOMPARE(taken.status, 422);
    QVERIFY(taken.json.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("key")));
    const ApiReply unknownBase
        = m_api->post(QStringLiteral("/api/v1/file-specs"),
                      QJsonObject{{QStringLiteral("basedOn"), QStringLiteral("nothing")},
                                  {QStringLiteral("key"), QStringLiteral("x")}});
    QCOMPARE(unknownBase.status, 422);
    const ApiReply invalid = m_api->put(
        QStringLiteral("/api/v1/file-specs/%1").arg(id),
        QJsonObject{{QStringLiteral("naturalKey"), QJsonArray{QStringLiteral("nope")}}});
    QCOMPARE(invalid.status, 422);
    QCOMPARE(invalid.json.value(QStringLiteral("fields")).toObject(),
             (QJsonObject{{QStringLiteral("naturalKey[0]"),
                           QStringLiteral("nope is not a declared column.")}}));

    // An error inside a column names the column's index and the field.
    QJsonArray badFormat = columns;
    qsizetype dateIndex = -1;
    for (qsizetype i = 0; i < badFormat.size(); ++i) {
        QJsonObject column = badFormat.at(i).toObject();
        if (column.value(QStringLiteral("type")).toString() == QLatin1String("date")) {
            column.insert(QStringLiteral("format"), QStringLiteral("dd-MMM-yy"));
            badFormat[i] = column;
            dateIndex = i;
            break;
        }
    }
    QVERIFY(dateIndex >= 0);
    const ApiReply format = m_api->put(QStringLiteral("/api/v1/file-specs/%1").arg(id),
                                       QJsonObject{{QStringLiteral("columns"), badFormat}});
    QCOMPARE(format.status, 422);
    const QJsonObject formatFields = format.json.value(QStringLiteral("fields")).toObject();
    const QString formatField = QStringLiteral("columns[%1].format").arg(dateIndex);
    QVERIFY2(formatFields.contains(formatField), format.body.constData());
    QVERIFY2(formatFields.value(formatField).toString().contains(QStringLiteral("dd-MMM-yy")),
             format.body.constData());
    QVERIFY(!formatFields.contains(QStringLiteral("definition")));
    const ApiReply renamed
        = m_api->put(QStringLiteral("/api/v1/file-specs/%1").arg(id),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Contoso periods")}});
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.json.value(QStringLiteral("name")).toString(),
             QStringLiteral("Contoso periods"));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/file-specs"))
                 .json.value(QStringLiteral("fileSpecs"))
                 .toArray()
                 .size(),
             4);

    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/file-specs/%1").arg(id)).status, 204);
    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/file-specs/%1").arg(id)).status, 404);
}

// The district's active rows in the tables that the catalyst 1.1 bundle replaces: its bulk
// files and the user_roles rows that its users.csv implies.
qint64 tst_InboundRuns::activeRosterRows()
{
    qint64 total = 0;
    for (const char *table :
         {"orgs", "academic_sessions", "classes", "users", "user_roles", "enrollments"}) {
        auto count = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT count(*) FROM %1 WHERE district_id "
                                                     "= 1 AND status <> 'tobedeleted'")
                                          .arg(QLatin1String(table)));
        if (!count)
            return -1;
        total += count->toLongLong();
    }
    return total;
}

void tst_InboundRuns::countsOnlyRowsMarkedDeleted()
{
    HUB_REQUIRE_SAMPLE(path, "catalyst-moodle-v1p1-full/Test_full_data_set.zip");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray zip = file.readAll();

    // The first load replaces the demo's records, whose sourcedIds differ from the bundle's, so
    // it retires every active row and waits for approval.
    const qint64 activeBefore = activeRosterRows();
    QVERIFY(activeBefore > 0);
    const qint64 firstRun = uploadZip(zip, QStringLiteral("Test_full_data_set.zip"));
    QVERIFY(firstRun > 0);
    QCOMPARE(waitForHold(firstRun).value(QStringLiteral("hold")).toString(),
             QStringLiteral("held"));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(firstRun)).status, 202);
    const QJsonObject first = waitForRun(firstRun);
    QCOMPARE(first.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(first.value(QStringLiteral("message")).toString(),
             QStringLiteral("20 rows loaded; %1 stored rows missing from the bulk files were "
                            "marked tobedeleted.")
                 .arg(activeBefore));
    const qint64 activeAfter = activeRosterRows();
    QVERIFY(activeAfter > 0);

    // The same bundle again leaves every stored row as it is.
    const qint64 secondRun = uploadZip(zip, QStringLiteral("Test_full_data_set.zip"));
    QVERIFY(secondRun > 0);
    const QJsonObject second = waitForRun(secondRun);
    QCOMPARE(second.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(second.value(QStringLiteral("message")).toString(),
             QStringLiteral("20 rows loaded; 0 stored rows missing from the bulk files were "
                            "marked tobedeleted."));
    QCOMPARE(activeRosterRows(), activeAfter);
}

// Makes the store reject the org org-bad, as a failing disk or a constraint would. Returns
// an empty string, or the error of the statement that failed.
QString tst_InboundRuns::rejectOrgBad()
{
    const QStringList statements
        = hubtest::onPostgres()
              ? QStringList{QStringLiteral(
                                "CREATE FUNCTION reject_org() RETURNS trigger LANGUAGE plpgsql AS "
                                "$$ BEGIN IF NEW.sourced_id = 'org-bad' THEN RAISE EXCEPTION "
                                "'org org-bad rejected'; END IF; RETURN NEW; END; $$"),
                            QStringLiteral("CREATE TRIGGER reject_org BEFORE INSERT ON orgs FOR "
                                           "EACH ROW EXECUTE FUNCTION reject_org()")}
              : QStringList{QStringLiteral("CREATE TRIGGER reject_org BEFORE INSERT ON orgs WHEN "
                                           "NEW.sourced_id = 'org-bad' BEGIN SELECT "
                                           "RAISE(ABORT, 'org org-bad rejected'); END")};
    for (const QString &statement : statements) {
        auto created = hub::execute(m_engine->store().connection(), statement);
        if (!created)
            return created.error();
    }
    return {};
}

void tst_InboundRuns::acceptOrgBad()
{
    (void)hub::execute(m_engine->store().connection(),
                       hubtest::onPostgres() ? QStringLiteral("DROP FUNCTION reject_org() CASCADE")
                                             : QStringLiteral("DROP TRIGGER reject_org"));
}

// A delta bundle of the given orgs rows and a users.csv of 10,000 students, which keeps
// validation busy while an overlapped load writes the orgs.
FileMap tst_InboundRuns::orgsAndManyUsers(const QByteArray &orgRows)
{
    FileMap files = orgsBundle(orgRows);
    files[QStringLiteral("manifest.csv")].replace("file.orgs,bulk",
                                                  "file.orgs,delta\r\nfile.users,delta");
    QByteArray users = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                       "userIds,givenName,familyName,middleName,identifier,email,sms,phone,"
                       "agentSourcedIds,grades,password\r\n";
    for (int i = 0; i < 10000; ++i)
        users += "usr-load-" + QByteArray::number(i)
                 + ",active,2024-01-02T03:04:05Z,true,org-ok,student,load" + QByteArray::number(i)
                 + ",,Given,Family,,,,,,,09,\r\n";
    files.insert(QStringLiteral("users.csv"), users);
    return files;
}

// The store rejects a row that validation accepted. The run fails in its Load phase with the
// store's error and leaves the stored orgs and users as they were. With validation overlapping
// the load, the failed write stops validation of the long users.csv.
void tst_InboundRuns::storeFailureFailsLoadPhase()
{
    const QString rejecting = rejectOrgBad();
    QVERIFY2(rejecting.isEmpty(), qPrintable(rejecting));
    const auto accept = qScopeGuard([this] { acceptOrgBad(); });
    const qint64 orgsBefore = activeOrgs();
    QVERIFY(orgsBefore > 0);

    const qint64 runId
        = upload(orgsAndManyUsers("org-ok,active,2024-01-02T03:04:05Z,Kept,school,K1,\r\n"
                                  "org-bad,active,2024-01-02T03:04:05Z,Rejected,school,R1,\r\n"));
    QVERIFY(runId > 0);
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    const QString message = run.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QLatin1String("org org-bad rejected")), qPrintable(message));

    QStringList names;
    for (const QJsonValue &phase : run.value(QStringLiteral("phases")).toArray())
        names.append(phase[QStringLiteral("name")].toString());
    QCOMPARE(names, (QStringList{QStringLiteral("Receive"), QStringLiteral("Validate"),
                                 QStringLiteral("Load")}));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    // Validation either ended before the failed write or was stopped by it.
    const int validateStatus = phases.at(1)[QStringLiteral("status")].toInt();
    QVERIFY2(validateStatus == 0 || validateStatus == 3,
             qPrintable(QString::number(validateStatus)));
    QCOMPARE(phases.at(2)[QStringLiteral("status")].toInt(), 9);
    QVERIFY(!phases.at(2)[QStringLiteral("endedAt")].toString().isEmpty());

    QCOMPARE(activeOrgs(), orgsBefore);
    for (const QString &table : {QStringLiteral("orgs"), QStringLiteral("users")}) {
        auto stored = hub::selectValue(m_engine->store().connection(),
                                       QStringLiteral("SELECT count(*) FROM %1 WHERE sourced_id "
                                                      "IN ('org-ok', 'usr-load-0')")
                                           .arg(table));
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored->toInt(), 0);
    }
}

// An Error in the row before the one that the store rejects. However the overlapped load and
// validation meet, the run is rejected for the Error, which the report lists.
void tst_InboundRuns::errorBeforeStoreFailureIsReported()
{
    const QString rejecting = rejectOrgBad();
    QVERIFY2(rejecting.isEmpty(), qPrintable(rejecting));
    const auto accept = qScopeGuard([this] { acceptOrgBad(); });

    const qint64 runId
        = upload(orgsAndManyUsers("org-ok,active,2024-01-02T03:04:05Z,Kept,school,K1,\r\n"
                                  "org-odd,active,2024-01-02T03:04:05Z,Odd,notatype,O1,\r\n"
                                  "org-bad,active,2024-01-02T03:04:05Z,Rejected,school,R1,\r\n"));
    QVERIFY(runId > 0);
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("The bundle was rejected with 1 error; nothing was loaded."));

    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("errors")).toInt(), 1);
    const QJsonObject issue = reply.json.value(QStringLiteral("issues"))[0].toObject();
    QCOMPARE(issue.value(QStringLiteral("line")).toInt(), 3);
    QCOMPARE(issue.value(QStringLiteral("column")).toString(), QStringLiteral("type"));
    QCOMPARE(issue.value(QStringLiteral("value")).toString(), QStringLiteral("notatype"));
}

void tst_InboundRuns::reportNamesUploadedFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a zip") << QByteArray("not a zip at all")
                               << QStringLiteral("Roster (Fall 2026).zip");
    QTest::newRow("zip without manifest")
        << zipBytes({{QStringLiteral("orgs.csv"), "sourcedId\r\n"}})
        << QStringLiteral("The bundle Roster (Fall 2026).zip has no manifest.csv");
}

void tst_InboundRuns::reportNamesUploadedFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString name = QStringLiteral("Roster (Fall 2026).zip");
    const ApiReply reply = m_api->send("POST",
                                       QStringLiteral("/api/v1/integrations/%1/files?fileName=%2")
                                           .arg(inboundIntegration)
                                           .arg(QString::fromLatin1(QUrl::toPercentEncoding(name))),
                                       content, "application/zip");
    QCOMPARE(reply.status, 202);
    const qint64 runId = reply.json.value(QStringLiteral("id")).toInteger();
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);

    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(report.json.value(QStringLiteral("issues"))[0][QStringLiteral("file")].toString(),
             name);
    QVERIFY2(report.json.value(QStringLiteral("issues"))[0][QStringLiteral("message")]
                 .toString()
                 .contains(message),
             report.body.constData());
    QCOMPARE(run.value(QStringLiteral("log"))[0][QStringLiteral("message")].toString(),
             QStringLiteral("Reading %1.").arg(name));

    // No server path anywhere: not the data folder, not the stored upload.
    const QByteArray shown = QJsonDocument(run).toJson() + report.body;
    const QString dataDir = QFileInfo(m_dataDir.path()).absoluteFilePath();
    QVERIFY2(!shown.contains(dataDir.toUtf8()), shown.constData());
    QVERIFY2(!shown.contains("integration-3"), shown.constData());
    QVERIFY2(!shown.contains("/work/run-"), shown.constData());
}

void tst_InboundRuns::wrongKindOfFileIsNamed_data()
{
    QTest::addColumn<bool>("toBundle");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");

    const QByteArray bundle = zipBytes(orgsBundle(QByteArray()));
    const QString flatFileMessage = QStringLiteral(
        "%1 is a zip file, but this integration takes one CSV or XML file. Extract the file from "
        "the zip and upload it.");
    QTest::newRow("zip to flat file") << false << QStringLiteral("roster.zip") << bundle
                                      << flatFileMessage.arg(QStringLiteral("roster.zip"));
    QTest::newRow("zip named csv to flat file")
        << false << QStringLiteral("attendance.csv") << bundle
        << flatFileMessage.arg(QStringLiteral("attendance.csv"));
    QTest::newRow("csv to bundle")
        << true << QStringLiteral("users.csv")
        << QByteArray("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role\r\n")
        << QStringLiteral("users.csv is not a zip file. The OneRoster bundle integration takes "
                          "a zip of the bundle's CSV files or one OneRoster XML file.");
}

void tst_InboundRuns::wrongKindOfFileIsNamed()
{
    QFETCH(bool, toBundle);
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);

    const qint64 integrationId = toBundle ? inboundIntegration : attendanceIntegration();
    QVERIFY(integrationId > 0);
    const qint64 runId = uploadFlatFile(integrationId, name, content);
    QVERIFY(runId > 0);

    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.value(QStringLiteral("message")).toString(), message);
    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(report.json.value(QStringLiteral("issues"))[0][QStringLiteral("file")].toString(),
             name);
    QCOMPARE(report.json.value(QStringLiteral("issues"))[0][QStringLiteral("message")].toString(),
             message);
}

void tst_InboundRuns::nulCharacterInBundleIsReported()
{
    const QByteArray row = QByteArray("org-n,active,2024-01-02T03:04:05Z,North") + '\0'
                           + QByteArray("side,district,N1,\r\n");
    const qint64 runId = upload(orgsBundle(row));
    QVERIFY(runId > 0);
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 9);
    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(report.status, 200);
    const QJsonArray issues = report.json.value(QStringLiteral("issues")).toArray();
    QCOMPARE(issues.size(), 1);
    const QJsonObject issue = issues.at(0).toObject();
    QCOMPARE(issue.value(QStringLiteral("rule")).toString(), QStringLiteral("nul-character"));
    QCOMPARE(issue.value(QStringLiteral("file")).toString(), QStringLiteral("orgs.csv"));
    QCOMPARE(issue.value(QStringLiteral("line")).toInt(), 2);
    QCOMPARE(issue.value(QStringLiteral("column")).toString(), QStringLiteral("name"));
    QCOMPARE(issue.value(QStringLiteral("value")).toString(), QStringLiteral("North\\u0000side"));
}

void tst_InboundRuns::nulCharacterInFlatFileIsReported()
{
    const qint64 integrationId = createAttendanceIntegration();
    QVERIFY(integrationId > 0);

    const QByteArray file
        = "id,student_id,school_year,school_id,attendance_date,all_day,Period,section_id,"
          "AttendanceCode,PresenceFlag,attendance_status,attendance_type,attendance_sequence\r\n"
          "1,st1,2021,sch0,2020-05-28,No,1,sec31,P,1,Pre"
          + QByteArray(1, '\0') + QByteArray("sent,ClassSectionAttendance,0\r\n");
    const ApiReply reply = m_api->send(
        "POST",
        QStringLiteral("/api/v1/integrations/%1/files?fileName=attendance.csv").arg(integrationId),
        file, "text/csv");
    QCOMPARE(reply.status, 202);
    const qint64 runId = reply.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 9);
    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(report.status, 200);
    const QJsonArray issues = report.json.value(QStringLiteral("issues")).toArray();
    QVERIFY2(!issues.isEmpty(), report.body.constData());
    bool found = false;
    for (const QJsonValue &issue : issues) {
        if (issue[QStringLiteral("rule")].toString() != QLatin1String("nul-character"))
            continue;
        found = true;
        QCOMPARE(issue[QStringLiteral("line")].toInt(), 2);
        QCOMPARE(issue[QStringLiteral("column")].toString(), QStringLiteral("attendance_status"));
        QCOMPARE(issue[QStringLiteral("value")].toString(), QStringLiteral("Pre\\u0000sent"));
    }
    QVERIFY2(found, report.body.constData());
}

void tst_InboundRuns::xmlAttendanceLoads()
{
    const qint64 integrationId = createAttendanceIntegration();
    QVERIFY(integrationId > 0);
    const auto send = [&](const QByteArray &xml) {
        const ApiReply reply
            = m_api->send("POST",
                          QStringLiteral("/api/v1/integrations/%1/files?fileName=attendance.xml")
                              .arg(integrationId),
                          xml, "application/xml");
        return reply.status == 202 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
    };
    const auto storedRows = [&] {
        return hub::selectValue(m_engine->store().connection(),
                                QStringLiteral("SELECT count(*) FROM attendance WHERE "
                                               "student_sourced_id LIKE 'xml-%'"))
            ->toInt();
    };
    const auto record = [](const QByteArray &student, const QByteArray &date) -> QByteArray {
        return "<record>\n<value column=\"id\">1</value>\n<value column=\"student_id\">" + student
               + "</value>\n<value column=\"attendance_date\">" + date
               + "</value>\n<value column=\"section_id\">sec1</value>\n"
                 "<value column=\"AttendanceCode\">A</value>\n</record>\n";
    };

    // A day-first file with one month-first date is rejected with the record's line.
    const qint64 rejected
        = send("<?xml version=\"1.0\"?>\n<records>\n" + record("xml-1", "1/9/2019")
               + record("xml-2", "2019-09-02") + "</records>\n");
    QVERIFY(rejected > 0);
    QCOMPARE(waitForRun(rejected).value(QStringLiteral("status")).toInt(), 9);
    QVERIFY(!QFileInfo::exists(m_dataDir.filePath(QStringLiteral("work/run-%1").arg(rejected))));
    ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(rejected));
    QCOMPARE(report.json.value(QStringLiteral("errors")).toInt(), 1);
    QJsonArray issues = report.json.value(QStringLiteral("issues")).toArray();
    QJsonObject error;
    for (const QJsonValue &issue : std::as_const(issues)) {
        if (issue[QStringLiteral("severity")].toString() == QLatin1String("error"))
            error = issue.toObject();
    }
    QCOMPARE(error.value(QStringLiteral("file")).toString(), QStringLiteral("attendance.xml"));
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), 10);
    QCOMPARE(error.value(QStringLiteral("column")).toString(), QStringLiteral("attendance_date"));
    QCOMPARE(error.value(QStringLiteral("value")).toString(), QStringLiteral("2019-09-02"));
    QCOMPARE(error.value(QStringLiteral("rule")).toString(), QStringLiteral("date-format"));
    QCOMPARE(storedRows(), 0);

    // Malformed XML stops the run before validation, with one report row.
    const qint64 malformed = send("<records>\n" + record("xml-1", "1/9/2019") + "<record>\n");
    QVERIFY(malformed > 0);
    const QJsonObject failed = waitForRun(malformed);
    QCOMPARE(failed.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY2(failed.value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QStringLiteral("attendance.xml line 10: The file is not well-formed "
                                            "XML: ")),
             qPrintable(failed.value(QStringLiteral("message")).toString()));
    report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(malformed));
    issues = report.json.value(QStringLiteral("issues")).toArray();
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.at(0)[QStringLiteral("rule")].toString(), QStringLiteral("xml-syntax"));
    QCOMPARE(storedRows(), 0);

    // The corrected file loads both records.
    const qint64 loaded = send("<records>\n" + record("xml-1", "1/9/2019")
                               + record("xml-2", "2/9/2019") + "</records>\n");
    QVERIFY(loaded > 0);
    const QJsonObject run = waitForRun(loaded);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("2 rows loaded into attendance."));
    QCOMPARE(storedRows(), 2);
    QVERIFY(!QFileInfo::exists(m_dataDir.filePath(QStringLiteral("work/run-%1").arg(loaded))));
}

qint64 tst_InboundRuns::createAttendanceIntegration()
{
    qint64 productId = 0;
    const QJsonArray products = m_api->get(QStringLiteral("/api/v1/catalog/products"))
                                    .json.value(QStringLiteral("products"))
                                    .toArray();
    for (const QJsonValue &product : products) {
        if (product[QStringLiteral("key")].toString() == QLatin1String("attendance"))
            productId = product[QStringLiteral("id")].toInteger();
    }
    if (productId == 0)
        return 0;
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/integrations"),
                                         QJsonObject{{QStringLiteral("productId"), productId}});
    return created.status == 201 ? created.json.value(QStringLiteral("id")).toInteger() : 0;
}

qint64 tst_InboundRuns::uploadXml(const QByteArray &xml)
{
    const ApiReply reply = m_api->send(
        "POST",
        QStringLiteral("/api/v1/integrations/%1/files?fileName=roster.xml").arg(inboundIntegration),
        xml, "application/xml");
    if (reply.status != 202) {
        qWarning("Upload failed: %d %s", reply.status, reply.body.constData());
        return 0;
    }
    return reply.json.value(QStringLiteral("id")).toInteger();
}

void tst_InboundRuns::xmlRosterLoads()
{
    // A delta section adds to the stored orgs, so nothing is retired and nothing held.
    const QByteArray xml
        = "<?xml version=\"1.0\"?>\n<oneRoster version=\"1.1\">\n<orgs mode=\"delta\">\n"
          "<org sourcedId=\"org-x1\" status=\"active\" dateLastModified=\"2024-01-02T03:04:05Z\" "
          "name=\"Xavier &amp; Annex\" type=\"school\" identifier=\"X1\"/>\n</orgs>\n</oneRoster>\n";
    const qint64 runId = uploadXml(xml);
    QVERIFY(runId > 0);
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    // Receive counts the uploaded XML file; Validate counts its records.
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Receive"));
    QCOMPARE(phases.at(0)[QStringLiteral("rowsRead")].toInteger(), 1);
    QCOMPARE(phases.at(0)[QStringLiteral("bytes")].toInteger(), xml.size());
    QCOMPARE(phases.at(1)[QStringLiteral("rowsRead")].toInteger(), 1);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("1 row loaded from delta files; stored records that the files do "
                            "not list are unchanged."));
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT name FROM orgs WHERE sourced_id = ?"),
                                   {QStringLiteral("org-x1")});
    QVERIFY(stored.ok());
    QCOMPARE(stored->toString(), QStringLiteral("Xavier & Annex"));
}

void tst_InboundRuns::xmlRosterReportsLines()
{
    const qint64 runId = uploadXml(
        "<oneRoster version=\"1.1\">\n<orgs mode=\"delta\">\n"
        "<org sourcedId=\"org-x2\" status=\"active\" dateLastModified=\"02/01/2024\" "
        "name=\"X Two\" type=\"school\"/>\n</orgs>\n</oneRoster>\n");
    QVERIFY(runId > 0);
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 9);
    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    QCOMPARE(report.json.value(QStringLiteral("files")).toArray(),
             QJsonArray{QStringLiteral("roster.xml")});
    const QJsonArray issues = report.json.value(QStringLiteral("issues")).toArray();
    QCOMPARE(issues.size(), 1);
    const QJsonObject issue = issues.at(0).toObject();
    QCOMPARE(issue.value(QStringLiteral("rule")).toString(), QStringLiteral("date-format"));
    QCOMPARE(issue.value(QStringLiteral("file")).toString(), QStringLiteral("roster.xml"));
    QCOMPARE(issue.value(QStringLiteral("line")).toInt(), 3);
    QCOMPARE(issue.value(QStringLiteral("column")).toString(),
             QStringLiteral("org/@dateLastModified"));
    QCOMPARE(issue.value(QStringLiteral("value")).toString(), QStringLiteral("02/01/2024"));
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM orgs WHERE sourced_id = ?"),
                                   {QStringLiteral("org-x2")});
    QVERIFY(stored.ok());
    QCOMPARE(stored->toInt(), 0);
}

void tst_InboundRuns::xmlWithDtdIsRejected()
{
    const qint64 before = activeOrgs();
    const qint64 runId = uploadXml("<?xml version=\"1.0\"?>\n"
                                   "<!DOCTYPE oneRoster [<!ENTITY a \"aaaaaaaaaa\">]>\n"
                                   "<oneRoster version=\"1.1\"><orgs mode=\"delta\">"
                                   "<org sourcedId=\"&a;\"/></orgs></oneRoster>\n");
    QVERIFY(runId > 0);
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY2(run.value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QStringLiteral("roster.xml line 2: The file has a document type "
                                            "declaration (DTD) at line 2, column ")),
             qPrintable(run.value(QStringLiteral("message")).toString()));
    const ApiReply report = m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId));
    const QJsonArray issues = report.json.value(QStringLiteral("issues")).toArray();
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.at(0)[QStringLiteral("rule")].toString(), QStringLiteral("xml-dtd"));
    QCOMPARE(issues.at(0)[QStringLiteral("line")].toInt(), 2);
    QCOMPARE(activeOrgs(), before);
}

void tst_InboundRuns::xmlBulkLoadWaitsForApproval()
{
    // A bulk section with one new org would retire every stored org, so the load is held, and
    // the approved run reads the XML file again before it loads.
    const qint64 before = activeOrgs();
    QVERIFY(before > 0);
    const qint64 runId = uploadXml(
        "<oneRoster version=\"1.1\">\n<orgs mode=\"bulk\">\n"
        "<org sourcedId=\"org-xb\" status=\"active\" dateLastModified=\"2024-01-02T03:04:05Z\" "
        "name=\"XML District\" type=\"district\" identifier=\"XB\"/>\n</orgs>\n</oneRoster>\n");
    QVERIFY(runId > 0);
    const QJsonObject held = waitForHold(runId);
    QCOMPARE(held.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QVERIFY2(held.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("(tobedeleted): orgs %1 of %1.").arg(before)),
             qPrintable(held.value(QStringLiteral("message")).toString()));
    QCOMPARE(activeOrgs(), before);

    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(runId)).status, 202);
    const QJsonObject done = waitForRun(runId);
    QCOMPARE(done.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(activeOrgs(), 1);
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT name FROM orgs WHERE sourced_id = ? "
                                                  "AND status = 'active'"),
                                   {QStringLiteral("org-xb")});
    QVERIFY(stored.ok());
    QCOMPARE(stored->toString(), QStringLiteral("XML District"));
}


QByteArray tst_InboundRuns::signInAs(const QString &role)
{
    hub::accounts::NewAccount account;
    account.name = QStringLiteral("files-") + role;
    account.password = QStringLiteral("correct horse battery staple 42");
    account.districtId = m_engine->districtId();
    account.role = hub::accounts::roleFromName(role).value_or(hub::accounts::Role::Viewer);
    auto created = hub::accounts::createAccount(m_engine->store().connection(), account,
                                                QDateTime::currentDateTimeUtc());
    if (!created)
        qWarning() << "Cannot create account" << account.name << created.error();
    hubtest::ApiTestClient client(m_engine->baseUrl(), {});
    const ApiReply reply = client.post(QStringLiteral("/api/v1/session"),
                                       QJsonObject{{QStringLiteral("user"), account.name},
                                                   {QStringLiteral("password"), account.password}});
    if (reply.status != 200)
        qWarning() << "Sign-in of" << account.name << "failed:" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("accessToken")).toString().toLatin1();
}

QString tst_InboundRuns::inputFileOf(qint64 runId)
{
    auto path
        = hub::selectValue(m_engine->store().connection(),
                           QStringLiteral("SELECT input_file FROM runs WHERE id = ?"), {runId});
    return path ? path->toString() : QString();
}

bool tst_InboundRuns::listsInputFile(qint64 runId)
{
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/runs/%1/files").arg(runId));
    for (const QJsonValue &file : reply.json.value(QStringLiteral("files")).toArray()) {
        if (file[QStringLiteral("kind")].toString() == QLatin1String("input"))
            return true;
    }
    return false;
}

void tst_InboundRuns::loadedUploadIsDeleted()
{
    // The uploaded file may hold columns that the hub does not load, so no copy stays.
    FileMap files = orgsBundle("org-l,active,2024-01-02T03:04:05Z,District L,district,L1,\r\n");
    files[QStringLiteral("manifest.csv")].replace("file.orgs,bulk", "file.orgs,delta");
    const qint64 runId = upload(files, QStringLiteral("loaded.zip"));
    QVERIFY(runId > 0);
    const QString input = inputFileOf(runId);
    QVERIFY(!input.isEmpty());
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QVERIFY2(waitUntilDeleted(input), qPrintable(input));
    QVERIFY2(!QFileInfo::exists(QFileInfo(input).path()), qPrintable(input));
    QVERIFY(!listsInputFile(runId));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1/files/loaded.zip").arg(runId)).status, 404);
}

void tst_InboundRuns::uploadDownloadNeedsOperator()
{
    // The rejected run of initTestCase failed, so its uploaded file is kept.
    QVERIFY(listsInputFile(m_rejectedRun));
    const QString path = QStringLiteral("/api/v1/runs/%1/files/bundle.zip").arg(m_rejectedRun);
    const ApiReply admin = m_api->get(path);
    QCOMPARE(admin.status, 200);
    QVERIFY(admin.body.startsWith("PK"));

    hubtest::ApiTestClient viewer(m_engine->baseUrl(), signInAs(QStringLiteral("viewer")));
    const ApiReply denied = viewer.get(path);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.json.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(denied.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Downloading the uploaded file of run %1 needs the operator role or "
                            "higher.")
                 .arg(m_rejectedRun));
    QVERIFY(!denied.body.contains("PK"));
    const ApiReply listed = viewer.get(QStringLiteral("/api/v1/runs/%1/files").arg(m_rejectedRun));
    QCOMPARE(listed.status, 200);
    QStringList kinds;
    for (const QJsonValue &file : listed.json.value(QStringLiteral("files")).toArray())
        kinds.append(file[QStringLiteral("kind")].toString());
    QCOMPARE(kinds, QStringList{QStringLiteral("validation-report")});
    // Viewers still download the validation report, which contains no rows of the file.
    QCOMPARE(viewer.get(QStringLiteral("/api/v1/runs/%1/validation.csv").arg(m_rejectedRun)).status,
             200);

    hubtest::ApiTestClient operatorClient(m_engine->baseUrl(),
                                          signInAs(QStringLiteral("operator")));
    const ApiReply allowed = operatorClient.get(path);
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.body, admin.body);
}

void tst_InboundRuns::failedUploadIsKeptThenSwept()
{
    const qint64 runId = upload(orgsBundle("org-f,active,02/01/2024,F,district,F1,\r\n"),
                                QStringLiteral("failed.zip"));
    QVERIFY(runId > 0);
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 9);
    const QString input = inputFileOf(runId);
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));

    // Within the retention period the file stays, and a retry reads it again.
    m_engine->removeExpiredFiles();
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));
    const ApiReply retried = m_api->post(QStringLiteral("/api/v1/runs/%1/retry").arg(runId));
    QCOMPARE(retried.status, 202);
    const qint64 retryId = retried.json.value(QStringLiteral("id")).toInteger();
    const QJsonObject retry = waitForRun(retryId);
    QCOMPARE(retry.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(inputFileOf(retryId), input);
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));

    // Only the latest end counts: one run ended long ago, the retry just now.
    auto aged = hub::execute(m_engine->store().connection(),
                             QStringLiteral("UPDATE runs SET ended_at = ? WHERE id = ?"),
                             {hub::toIsoUtc(QDateTime::currentDateTimeUtc().addDays(-15)), runId});
    QVERIFY2(aged.ok(), qPrintable(aged.error()));
    m_engine->removeExpiredFiles();
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));

    aged = hub::execute(m_engine->store().connection(),
                        QStringLiteral("UPDATE runs SET ended_at = ? WHERE id = ?"),
                        {hub::toIsoUtc(QDateTime::currentDateTimeUtc().addDays(-15)), retryId});
    QVERIFY2(aged.ok(), qPrintable(aged.error()));
    m_engine->removeExpiredFiles();
    QVERIFY2(!QFileInfo::exists(input), qPrintable(input));
    QVERIFY2(!QFileInfo::exists(QFileInfo(input).path()), qPrintable(input));
    QVERIFY(!listsInputFile(retryId));

    const ApiReply swept = m_api->post(QStringLiteral("/api/v1/runs/%1/retry").arg(retryId));
    QCOMPARE(swept.status, 409);
    QCOMPARE(swept.json.value(QStringLiteral("error")).toString(), QStringLiteral("input_deleted"));
    QCOMPARE(swept.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Run %1 cannot be retried because its uploaded file was deleted; "
                            "uploaded files of runs that did not load are kept 14 days. Upload "
                            "the file again.")
                 .arg(retryId));
    // The validation report outlives the file.
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1/validation").arg(runId)).status, 200);
}

void tst_InboundRuns::strayUploadIsSweptWhenOld()
{
    // Files that no run names, such as those of an engine stopped while queueing the run.
    const QDir uploads(
        m_dataDir.filePath(QStringLiteral("inbound/integration-%1").arg(inboundIntegration)));
    const QString oldFolder = uploads.filePath(QStringLiteral("20000101-000000-000"));
    const QString newFolder = uploads.filePath(QStringLiteral("20000101-000000-001"));
    QVERIFY(QDir().mkpath(oldFolder));
    QVERIFY(QDir().mkpath(newFolder));
    QFile oldFile(QDir(oldFolder).filePath(QStringLiteral("stray.zip")));
    QVERIFY(oldFile.open(QIODevice::WriteOnly));
    oldFile.write("old");
    QVERIFY(oldFile.flush());
    QVERIFY(oldFile.setFileTime(QDateTime::currentDateTimeUtc().addDays(-15),
                                QFileDevice::FileModificationTime));
    oldFile.close();
    QFile newFile(QDir(newFolder).filePath(QStringLiteral("stray.zip")));
    QVERIFY(newFile.open(QIODevice::WriteOnly));
    newFile.write("new");
    newFile.close();

    m_engine->removeExpiredFiles();
    QVERIFY(!QFileInfo::exists(oldFile.fileName()));
    QVERIFY(!QFileInfo::exists(oldFolder));
    QVERIFY(QFileInfo::exists(newFile.fileName()));
    QVERIFY(QFile::remove(newFile.fileName()));
    QVERIFY(QDir().rmdir(newFolder));
}

void tst_InboundRuns::sharedUploadWaitsForQueuedRun()
{
    // A file that one run loaded stays while another run of it waits, in any row order.
    const QSqlDatabase db = m_engine->store().connection();
    auto loadedRun = hub::selectValue(db, QStringLiteral("SELECT min(id) FROM runs WHERE "
                                                         "status = 0 AND input_file IS NOT NULL"));
    QVERIFY2(loadedRun.ok(), qPrintable(loadedRun.error()));
    QVERIFY(!loadedRun->isNull());
    const qint64 heldRun
        = upload(orgsBundle("org-q,active,2024-01-02T03:04:05Z,Q,district,Q1,\r\n"),
                 QStringLiteral("shared.zip"));
    QVERIFY(heldRun > 0);
    QCOMPARE(waitForHold(heldRun).value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    const QString input = inputFileOf(heldRun);
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));

    for (const qint64 runId : {loadedRun->toLongLong(), heldRun}) {
        auto shared = hub::execute(
            db, QStringLiteral("UPDATE runs SET input_file = ? WHERE id = ?"), {input, runId});
        QVERIFY2(shared.ok(), qPrintable(shared.error()));
    }
    m_engine->removeExpiredFiles();
    QVERIFY2(QFileInfo::exists(input), qPrintable(input));

    // Once the held run is rejected, the file that another run loaded goes.
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(heldRun)).status, 200);
    m_engine->removeExpiredFiles();
    QVERIFY2(!QFileInfo::exists(input), qPrintable(input));
}

// A vendor that reads a collection right after a load gets the loaded records in its count,
// although the engine keeps collection counts for a while between requests.
void tst_InboundRuns::loadRefreshesOneRosterCounts()
{
    const ApiReply application = m_api->post(
        QStringLiteral("/api/v1/oneroster/applications"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Count Reader")},
                    {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                    {QStringLiteral("schoolYear"), QJsonValue::Null},
                    {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}}});
    QCOMPARE(application.status, 201);
    const QByteArray credentials
        = application.json.value(QStringLiteral("clientId")).toString().toUtf8() + ':'
          + application.json.value(QStringLiteral("clientSecret")).toString().toUtf8();
    hubtest::ApiTestClient client(m_engine->baseUrl(), {});
    client.setAuthorization("Basic " + credentials.toBase64());
    const ApiReply token = client.send("POST", QStringLiteral("/oauth/token"),
                                       "grant_type=client_credentials",
                                       "application/x-www-form-urlencoded");
    QCOMPARE(token.status, 200);
    hubtest::ApiTestClient vendor(
        m_engine->baseUrl(), token.json.value(QStringLiteral("access_token")).toString().toLatin1());

    const ApiReply before = vendor.get(QStringLiteral("/ims/oneroster/v1p1/orgs?limit=1"));
    QCOMPARE(before.status, 200);
    bool isNumber = false;
    const qint64 countBefore = before.header("X-Total-Count").toLongLong(&isNumber);
    QVERIFY(isNumber);
    QVERIFY(countBefore > 0);

    const FileMap files{
        {QStringLiteral("manifest.csv"), "propertyName,value\r\n"
                                         "manifest.version,1.0\r\n"
                                         "oneroster.version,1.1\r\n"
                                         "file.orgs,delta\r\n"},
        {QStringLiteral("orgs.csv"),
         "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
         "org-count-1,active,2024-01-02T03:04:05Z,Count One,district,C1,\r\n"
         "org-count-2,active,2024-01-02T03:04:05Z,Count Two,district,C2,\r\n"},
    };
    const qint64 runId = upload(files);
    QVERIFY(runId > 0);
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(
        vendor.get(QStringLiteral("/ims/oneroster/v1p1/orgs?limit=1")).header("X-Total-Count"),
        QByteArray::number(countBefore + 2), 5000);
}

// The limit set through the admin API decides whether a load that retires 2 of 10 stored orgs
// (20%) is held: 10 holds it and 50 lets it load. 0 holds a load that retires a single org.
void tst_InboundRuns::changedLimitDecidesHold()
{
    const auto orgRows = [](int count) {
        QByteArray rows;
        for (int i = 0; i < count; ++i)
            rows += "org-limit-" + QByteArray::number(i) + ",active,2024-01-02T03:04:05Z,Limit "
                    + QByteArray::number(i) + ",district,L" + QByteArray::number(i) + ",\r\n";
        return rows;
    };

    // 100 turns the guard off, so ten orgs replace whatever the district had.
    QCOMPARE(setDeleteLimit(100), 200);
    QCOMPARE(waitForRun(upload(orgsBundle(orgRows(10)))).value(QStringLiteral("status")).toInt(),
             0);
    QCOMPARE(activeOrgs(), 10);

    QCOMPARE(setDeleteLimit(0), 200);
    const qint64 oneOfTen = upload(orgsBundle(orgRows(9)));
    QVERIFY(oneOfTen > 0);
    const QJsonObject heldAtZero = waitForHold(oneOfTen);
    QCOMPARE(heldAtZero.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QVERIFY2(heldAtZero.value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QStringLiteral("Held for approval: the load would leave more than "
                                            "0% of the district's stored records marked to be "
                                            "deleted (tobedeleted): orgs 1 of 10.")),
             qPrintable(heldAtZero.value(QStringLiteral("message")).toString()));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(oneOfTen)).status, 200);

    QCOMPARE(setDeleteLimit(10), 200);
    const qint64 heldRun = upload(orgsBundle(orgRows(8)));
    QVERIFY(heldRun > 0);
    const QJsonObject held = waitForHold(heldRun);
    QCOMPARE(held.value(QStringLiteral("hold")).toString(), QStringLiteral("held"));
    QVERIFY2(held.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("more than 10% of the district's stored records "
                                          "marked to be deleted (tobedeleted): orgs 2 of 10.")),
             qPrintable(held.value(QStringLiteral("message")).toString()));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/reject").arg(heldRun)).status, 200);
    QCOMPARE(activeOrgs(), 10);

    QCOMPARE(setDeleteLimit(50), 200);
    const qint64 loadedRun = upload(orgsBundle(orgRows(8)));
    QVERIFY(loadedRun > 0);
    const QJsonObject loaded = waitForRun(loadedRun);
    QCOMPARE(loaded.value(QStringLiteral("status")).toInt(), 0);
    QVERIFY(loaded.value(QStringLiteral("hold")).isNull());
    QCOMPARE(activeOrgs(), 8);

    QCOMPARE(setDeleteLimit(10), 200);
}

QTEST_GUILESS_MAIN(tst_InboundRuns)
#include "tst_inboundruns.moc"
