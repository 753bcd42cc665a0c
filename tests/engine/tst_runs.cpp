// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "testdatabase.h"

#include "core/timeutil.h"
#include "engine.h"
#include "outbound/reports.h"
#include "runs/runexecutor.h"
#include "runs/runqueue.h"
#include "runs/workerpool.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <latch>

using hubtest::ApiReply;

class tst_Runs final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void queryTimeoutFailsRun();
    void brokenQueryFailsRun();
    void unwritableDestinationFailsRun();
    void inactiveDestinationIsSkipped();
    void cancelStopsRunningExport();
    void runAtNextCycleQueuesOnce();
    void runsOfOneIntegrationNeverOverlap();
    void expiredLeaseFailsRun();
    void expiredLeaseRetriesOnce();
    void expiredInboundRunRetriesFile();
    void workerLossRetriesFollowPolicy();
    void workerLossRetriesRejectInvalid_data();
    void workerLossRetriesRejectInvalid();
    void renewalSkipsRunsNoWorkerExecutes();
    void unrecordedEndFailsRun();
    void restartFailsInterruptedRun();
    void emptyReportWarnsAndDelivers();
    void emptyReportSkipDeliversNothing();
    void emptyReportFailEndsRunFailed();
    void emptyReportFailKeepsRowsDelivered();
    void emptyReportChoiceIsStored();
    void emptyReportRejectInvalid_data();
    void emptyReportRejectInvalid();
    void slowWritePastTimeoutFailsRun();
    void changeSummaryComparesRuns();
    void outputOptionsShapeFile();
    void outputOptionsRejectInvalid();
    void previewCreatesNoRun();
    void previewReportsInvalidFields();
    void previewTimeoutIsFieldError();

private:
    void startEngine();
    qint64 addOutput(const QString &key, const QString &sql, const QString &postgresSql = {});
    qint64 createIntegration(qint64 outputId, int timeoutSeconds, qint64 destinationId, bool active,
                             const QJsonObject &extra = {});
    qint64 productId();
    qint64 outputIdOf(const QString &outputKey);
    QStringList outboxFiles() const;
    qint64 createFolderDestination(const QString &name, const QString &path);
    QJsonObject runAndWait(qint64 integrationId);
    qint64 claimAndExpire(qint64 runId, const QString &worker);
    QList<qint64> retriesOf(qint64 runId);
    QStringList logMessages(const QJsonObject &run) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    QString m_database;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "runs-test-token-0123456789";
};

void tst_Runs::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    m_database = hubtest::testDatabase(QDir(m_dataDir->path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!m_database.isEmpty());
}

void tst_Runs::cleanup()
{
    m_api.reset();
    m_engine.reset();
    m_dataDir.reset();
}

void tst_Runs::startEngine()
{
    hub::EngineOptions options;
    options.dataDir = m_dataDir->path();
    options.database = m_database;
    options.adminToken = m_token;
    options.demo = true;
    options.schedulerIntervalMs = 3600 * 1000;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);
}

qint64 tst_Runs::addOutput(const QString &key, const QString &sql, const QString &postgresSql)
{
    hub::outbound::registerReport(hub::outbound::Report{key, QStringLiteral("Test"),
                                                        {QStringLiteral("Value")}, sql, postgresSql});
    auto inserted = hub::execute(m_engine->store().connection(),
                                 QStringLiteral("INSERT INTO product_outputs(product_id, output_key, "
                                                "name, output_type) SELECT id, ?, ?, 'Test' FROM "
                                                "products WHERE product_key = 'milearn'"),
                                 {key, key});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

qint64 tst_Runs::createFolderDestination(const QString &name, const QString &path)
{
    const ApiReply reply = m_api->post(
        QStringLiteral("/api/v1/destinations"),
        QJsonObject{{QStringLiteral("name"), name},
                    {QStringLiteral("kind"), QStringLiteral("folder")},
                    {QStringLiteral("settings"), QJsonObject{{QStringLiteral("path"), path}}}});
    return reply.status == 201 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
}

qint64 tst_Runs::productId()
{
    auto product
        = hub::selectValue(m_engine->store().connection(),
                           QStringLiteral("SELECT id FROM products WHERE product_key = 'milearn'"));
    return product ? product->toLongLong() : 0;
}

qint64 tst_Runs::outputIdOf(const QString &outputKey)
{
    auto output = hub::selectValue(
        m_engine->store().connection(),
        QStringLiteral("SELECT id FROM product_outputs WHERE output_key = ?"), {outputKey});
    return output ? output->toLongLong() : 0;
}

// Every file in the demo folder destination, hidden and temporary files included.
QStringList tst_Runs::outboxFiles() const
{
    QStringList files;
    QDirIterator it(QDir(m_dataDir->path()).filePath(QStringLiteral("outbound")),
                    QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

qint64 tst_Runs::createIntegration(qint64 outputId, int timeoutSeconds, qint64 destinationId,
                                   bool active, const QJsonObject &extra)
{
    QJsonObject body{{QStringLiteral("productId"), productId()},
                     {QStringLiteral("outputId"), outputId},
                     {QStringLiteral("queryTimeoutSeconds"), timeoutSeconds},
                     {QStringLiteral("destinations"),
                      QJsonArray{QJsonObject{{QStringLiteral("destinationId"), destinationId},
                                             {QStringLiteral("active"), active}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations"), body);
    if (reply.status != 201)
        qWarning("%s", reply.body.constData());
    return reply.status == 201 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
}

QJsonObject tst_Runs::runAndWait(qint64 integrationId)
{
    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(integrationId));
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    QJsonObject run;
    for (int attempt = 0; attempt < 600; ++attempt) {
        run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId)).json;
        const int status = run.value(QStringLiteral("status")).toInt(-1);
        if (status != 1 && status != 2)
            break;
        QTest::qWait(100);
    }
    return run;
}

QStringList tst_Runs::logMessages(const QJsonObject &run) const
{
    QStringList messages;
    const QJsonArray log = run.value(QStringLiteral("log")).toArray();
    for (const QJsonValue &line : log)
        messages.append(line[QStringLiteral("level")].toString() + QStringLiteral(": ")
                        + line[QStringLiteral("message")].toString());
    return messages;
}

void tst_Runs::queryTimeoutFailsRun()
{
    startEngine();
    const qint64 outputId = addOutput(
        QStringLiteral("slow-count"),
        QStringLiteral("WITH params AS (SELECT ? AS district_id, ? AS school_year), "
                       "RECURSIVE_COUNTER AS (SELECT 1) SELECT count(*) FROM params, "
                       "(WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter "
                       "WHERE n < 10000000000) SELECT n FROM counter)"),
        QStringLiteral("WITH params AS (SELECT CAST(? AS BIGINT) AS district_id, "
                       "CAST(? AS BIGINT) AS school_year) SELECT count(*) FROM params, "
                       "(WITH RECURSIVE counter(n) AS (SELECT CAST(1 AS BIGINT) UNION ALL "
                       "SELECT n + 1 FROM counter WHERE n < 10000000000) SELECT n FROM counter) c"));
    const QString outbox = QDir(m_dataDir->path()).filePath(QStringLiteral("outbound"));
    const qint64 integrationId = createIntegration(outputId, 1, 1, true);
    QVERIFY(integrationId > 0);

    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("The query timed out after 1 s (the integration's query timeout)."));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 1);
    QCOMPARE(phases.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Query"));
    QCOMPARE(phases.at(0)[QStringLiteral("status")].toInt(), 9);
    QVERIFY(QDir(outbox).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(!QFileInfo::exists(QDir(m_dataDir->path()).filePath(
        QStringLiteral("work/run-%1").arg(run.value(QStringLiteral("id")).toInteger()))));
}

void tst_Runs::brokenQueryFailsRun()
{
    startEngine();
    const qint64 outputId = addOutput(QStringLiteral("broken"),
                                      QStringLiteral("SELECT no_such_column FROM classes WHERE "
                                                     "district_id = ? AND ? > 0"));
    const qint64 integrationId = createIntegration(outputId, 30, 1, true);
    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY2(run.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("The query failed: ")),
             qPrintable(run.value(QStringLiteral("message")).toString()));
    QVERIFY(run.value(QStringLiteral("message")).toString().contains(QStringLiteral("no_such_column")));
}

void tst_Runs::unwritableDestinationFailsRun()
{
    startEngine();
    // A path below a regular file can never become a folder.
    const QString blocker = QDir(m_dataDir->path()).filePath(QStringLiteral("plain-file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const qint64 destinationId = createFolderDestination(QStringLiteral("Broken Share"),
                                                         blocker + QStringLiteral("/drop"));
    QVERIFY(destinationId > 0);
    auto sections = hub::selectValue(m_engine->store().connection(),
                                     QStringLiteral("SELECT id FROM product_outputs WHERE "
                                                    "output_key = 'milearn-sections'"));
    const qint64 integrationId = createIntegration(sections->toLongLong(), 60, destinationId, true);

    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("1 of 1 active destinations failed: Broken Share."));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 3);
    QCOMPARE(phases.at(2)[QStringLiteral("name")].toString(), QStringLiteral("Deliver to Broken Share"));
    QCOMPARE(phases.at(2)[QStringLiteral("status")].toInt(), 9);
    const QString errors = logMessages(run).filter(QStringLiteral("error:")).join(QLatin1Char('\n'));
    QVERIFY2(errors.contains(QStringLiteral("Destination 1 (Broken Share): Cannot create the folder")),
             qPrintable(errors));
}

void tst_Runs::inactiveDestinationIsSkipped()
{
    startEngine();
    auto sections = hub::selectValue(m_engine->store().connection(),
                                     QStringLiteral("SELECT id FROM product_outputs WHERE "
                                                    "output_key = 'milearn-sections'"));
    const qint64 integrationId = createIntegration(sections->toLongLong(), 60, 1, false);
    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QVERIFY(run.value(QStringLiteral("message")).toString().endsWith(QStringLiteral("no active destination.")));
    QVERIFY(logMessages(run).contains(
        QStringLiteral("info: Destination 1 (Demo Outbound Folder) is Inactive; skipped.")));
    QVERIFY(QDir(QDir(m_dataDir->path()).filePath(QStringLiteral("outbound")))
                .entryList(QDir::Files).isEmpty());
}

void tst_Runs::cancelStopsRunningExport()
{
    startEngine();
    // Fifty million rows take far longer to write than the test waits, so the run is still in
    // its Query phase when the cancel arrives.
    const qint64 outputId = addOutput(
        QStringLiteral("long-export"),
        QStringLiteral("WITH RECURSIVE counter(n) AS (SELECT ? * 0 + ? * 0 + 1 UNION ALL "
                       "SELECT n + 1 FROM counter WHERE n < 50000000) SELECT n FROM counter"));
    const qint64 integrationId = createIntegration(outputId, 600, 1, true);
    QVERIFY(integrationId > 0);

    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(integrationId));
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(runId);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->get(path).json.value(QStringLiteral("status")).toInt(), 1, 20000);

    const ApiReply cancelled = m_api->post(path + QStringLiteral("/cancel"));
    QCOMPARE(cancelled.status, 202);
    QCOMPARE(cancelled.json.value(QStringLiteral("cancelRequested")).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->get(path).json.value(QStringLiteral("status")).toInt(), 3, 20000);

    const QJsonObject run = m_api->get(path).json;
    QVERIFY2(run.value(QStringLiteral("message")).toString().startsWith(
                 QStringLiteral("Cancelled by request after ")),
             qPrintable(run.value(QStringLiteral("message")).toString()));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 1);
    QCOMPARE(phases.at(0)[QStringLiteral("status")].toInt(), 3);
    QVERIFY(QDir(QDir(m_dataDir->path()).filePath(QStringLiteral("outbound")))
                .entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(!QFileInfo::exists(QDir(m_dataDir->path()).filePath(QStringLiteral("work/run-%1").arg(runId))));
}

void tst_Runs::runAtNextCycleQueuesOnce()
{
    startEngine();
    const QSqlDatabase db = m_engine->store().connection();
    QVERIFY(hub::execute(db, QStringLiteral("UPDATE integrations SET run_at_next_cycle = 1 WHERE id = 1")).ok());
    m_engine->schedulerTick();
    m_engine->schedulerTick();
    auto runs = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM runs WHERE integration_id = 1"));
    QCOMPARE(runs->toInt(), 1);
    auto flag = hub::selectValue(db, QStringLiteral("SELECT run_at_next_cycle FROM integrations WHERE id = 1"));
    QCOMPARE(flag->toInt(), 0);
}

void tst_Runs::runsOfOneIntegrationNeverOverlap()
{
    startEngine();
    m_engine->workers().stop();
    const QSqlDatabase db = m_engine->store().connection();
    hub::runs::RunRequest request;
    request.integrationId = 1;
    auto first = hub::runs::queue::enqueue(db, request);
    auto second = hub::runs::queue::enqueue(db, request);
    request.integrationId = 2;
    auto other = hub::runs::queue::enqueue(db, request);
    QVERIFY(first && second && other);

    auto claimA = hub::runs::queue::claimNext(db, QStringLiteral("test/worker-1"), 60);
    auto claimB = hub::runs::queue::claimNext(db, QStringLiteral("test/worker-2"), 60);
    auto claimC = hub::runs::queue::claimNext(db, QStringLiteral("test/worker-3"), 60);
    QVERIFY(claimA && claimB && claimC);
    QCOMPARE(claimA->value_or(0), *first);
    // The second run of integration 1 must wait; the run of integration 2 goes ahead of it.
    QCOMPARE(claimB->value_or(0), *other);
    QVERIFY(!claimC->has_value());
}

void tst_Runs::expiredLeaseFailsRun()
{
    startEngine();
    m_engine->workers().stop();
    const QSqlDatabase db = m_engine->store().connection();
    hub::runs::RunRequest request;
    request.integrationId = 1;
    auto runId = hub::runs::queue::enqueue(db, request);
    auto claimed = hub::runs::queue::claimNext(db, QStringLiteral("gone/worker-1"), 60);
    QCOMPARE(claimed->value_or(0), *runId);

    auto none = hub::runs::queue::failExpiredLeases(db);
    QCOMPARE(*none, QList<qint64>());
    const QString expiry = hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(-5));
    QVERIFY(hub::execute(db, QStringLiteral("UPDATE runs SET lease_expires_at = ? WHERE id = ?"),
                         {expiry, *runId}).ok());
    auto failed = hub::runs::queue::failExpiredLeases(db);
    QCOMPARE(*failed, QList<qint64>{*runId});
    const ApiReply run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*runId));
    QCOMPARE(run.json.value(QStringLiteral("status")).toInt(), 9);
    const QList<qint64> retries = retriesOf(*runId);
    QCOMPARE(retries.size(), 1);
    const QString message = QStringLiteral("Node gone stopped before the run finished (worker "
                                           "gone/worker-1), so the run's lease expired at %1. "
                                           "Queued run %2 as automatic retry 1 of 1.")
                                .arg(expiry)
                                .arg(retries.first());
    QCOMPARE(run.json.value(QStringLiteral("message")).toString(), message);
    QVERIFY(logMessages(run.json).contains(QStringLiteral("error: ") + message));
}

// Claims the run for worker, moves its lease into the past and returns the run's id, or 0 when
// another run was claimed.
qint64 tst_Runs::claimAndExpire(qint64 runId, const QString &worker)
{
    const QSqlDatabase db = m_engine->store().connection();
    auto claimed = hub::runs::queue::claimNext(db, worker, 60);
    if (!claimed || claimed->value_or(0) != runId)
        return 0;
    auto expired = hub::execute(db, QStringLiteral("UPDATE runs SET lease_expires_at = ? WHERE id = ?"),
                                {hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(-5)), runId});
    return expired ? runId : 0;
}

QList<qint64> tst_Runs::retriesOf(qint64 runId)
{
    QList<qint64> ids;
    auto query = hub::execute(m_engine->store().connection(),
                              QStringLiteral("SELECT id FROM runs WHERE retry_of = ? ORDER BY id"),
                              {runId});
    while (query && query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

void tst_Runs::expiredLeaseRetriesOnce()
{
    startEngine();
    m_engine->workers().stop();
    const QSqlDatabase db = m_engine->store().connection();
    hub::runs::RunRequest request;
    request.integrationId = 1;
    request.schoolYear = 2027;
    auto runId = hub::runs::queue::enqueue(db, request);
    QVERIFY(runId);
    QCOMPARE(claimAndExpire(*runId, QStringLiteral("node-a/worker-2")), *runId);

    // Several nodes find the same expired lease at the same moment, each on its own connection.
    constexpr int kCheckers = 4;
    std::latch ready(kCheckers);
    std::atomic_int failedTotal = 0;
    std::atomic_int errors = 0;
    std::vector<std::unique_ptr<QThread>> checkers;
    for (int i = 0; i < kCheckers; ++i) {
        checkers.emplace_back(QThread::create([&] {
            const QSqlDatabase connection = m_engine->store().connection();
            ready.arrive_and_wait();
            auto failed = hub::runs::queue::failExpiredLeases(connection);
            if (failed)
                failedTotal += int(failed->size());
            else
                ++errors;
            m_engine->store().releaseThreadConnection();
        }));
        checkers.back()->start();
    }
    for (const auto &checker : checkers)
        QVERIFY(checker->wait(60000));
    QCOMPARE(errors.load(), 0);
    QCOMPARE(failedTotal.load(), 1);

    const QList<qint64> retries = retriesOf(*runId);
    QCOMPARE(retries.size(), 1);
    const ApiReply retry = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(retries.first()));
    QCOMPARE(retry.json.value(QStringLiteral("status")).toInt(), 2);
    QCOMPARE(retry.json.value(QStringLiteral("trigger")).toString(), QStringLiteral("retry"));
    QCOMPARE(retry.json.value(QStringLiteral("schoolYear")).toInt(), 2027);
    auto attempt = hub::selectValue(db, QStringLiteral("SELECT worker_loss_retry FROM runs WHERE id = ?"),
                                    {retries.first()});
    QCOMPARE(attempt->toInt(), 1);
    const ApiReply failed = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*runId));
    QCOMPARE(failed.json.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY2(failed.json.value(QStringLiteral("message")).toString().startsWith(
                 QStringLiteral("Node node-a stopped before the run finished (worker node-a/worker-2)")),
             qPrintable(failed.json.value(QStringLiteral("message")).toString()));

    // The retry loses its worker too: the default policy allows one retry, so none follows.
    QCOMPARE(claimAndExpire(retries.first(), QStringLiteral("node-b/worker-1")), retries.first());
    auto second = hub::runs::queue::failExpiredLeases(db);
    QCOMPARE(*second, QList<qint64>{retries.first()});
    QVERIFY(retriesOf(retries.first()).isEmpty());
    const ApiReply last = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(retries.first()));
    QCOMPARE(last.json.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY2(last.json.value(QStringLiteral("message")).toString().endsWith(
                 QStringLiteral("It was not retried because it was already automatic retry 1 of 1.")),
             qPrintable(last.json.value(QStringLiteral("message")).toString()));
    auto queued = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM runs WHERE status = 2"));
    QCOMPARE(queued->toInt(), 0);
}

// An inbound load whose worker stopped is retried with the same uploaded file, because a load
// that did not finish stored nothing and the file of a run that did not load is kept.
void tst_Runs::expiredInboundRunRetriesFile()
{
    startEngine();
    m_engine->workers().stop();
    const QSqlDatabase db = m_engine->store().connection();
    // The demo's OneRoster bundle integration.
    constexpr qint64 inboundIntegration = 3;
    const QString file = QDir(m_dataDir->path()).filePath(QStringLiteral("roster.zip"));
    hub::runs::RunRequest request;
    request.integrationId = inboundIntegration;
    request.inputFile = file;
    auto runId = hub::runs::queue::enqueue(db, request);
    QVERIFY(runId);
    QCOMPARE(claimAndExpire(*runId, QStringLiteral("node-a/worker-1")), *runId);

    auto failed = hub::runs::queue::failExpiredLeases(db);
    QVERIFY(failed.ok());
    QCOMPARE(*failed, QList<qint64>{*runId});
    const QList<qint64> retries = retriesOf(*runId);
    QCOMPARE(retries.size(), 1);
    auto retried = hub::execute(db,
                                QStringLiteral("SELECT input_file, trigger, status FROM runs "
                                               "WHERE id = ?"),
                                {retries.first()});
    QVERIFY(retried.ok());
    QVERIFY(retried->next());
    QCOMPARE(retried->value(0).toString(), file);
    QCOMPARE(retried->value(1).toString(), QStringLiteral("retry"));
    QCOMPARE(retried->value(2).toInt(), 2);
}

void tst_Runs::workerLossRetriesFollowPolicy()
{
    startEngine();
    m_engine->workers().stop();
    const qint64 outputId = outputIdOf(QStringLiteral("milearn-sections"));
    const qint64 never = createIntegration(outputId, 300, 1, true,
                                           {{QStringLiteral("workerLossRetries"), 0}});
    const qint64 twice = createIntegration(outputId, 300, 1, true,
                                           {{QStringLiteral("workerLossRetries"), 2}});
    QVERIFY(never > 0 && twice > 0);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/%1").arg(never))
                 .json.value(QStringLiteral("workerLossRetries")).toInt(-1), 0);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1"))
                 .json.value(QStringLiteral("workerLossRetries")).toInt(-1), 1);

    // An update without the field keeps the stored value.
    const QJsonObject body{{QStringLiteral("productId"), productId()},
                           {QStringLiteral("outputId"), outputId},
                           {QStringLiteral("notes"), QStringLiteral("changed")},
                           {QStringLiteral("destinations"),
                            QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1}}}}};
    const ApiReply updated = m_api->put(QStringLiteral("/api/v1/integrations/%1").arg(twice), body);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("workerLossRetries")).toInt(-1), 2);

    const QSqlDatabase db = m_engine->store().connection();
    hub::runs::RunRequest request;
    request.integrationId = never;
    auto lone = hub::runs::queue::enqueue(db, request);
    QCOMPARE(claimAndExpire(*lone, QStringLiteral("node-a/worker-1")), *lone);
    QCOMPARE(*hub::runs::queue::failExpiredLeases(db), QList<qint64>{*lone});
    QVERIFY(retriesOf(*lone).isEmpty());
    QVERIFY2(m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*lone)).json.value(QStringLiteral("message"))
                 .toString().endsWith(QStringLiteral("It was not retried because the integration "
                                                     "allows no automatic retries after a node stops.")),
             "the run of an integration without retries was not failed with the policy named");

    // Two retries in a row, then the chain stops.
    request.integrationId = twice;
    auto runId = hub::runs::queue::enqueue(db, request);
    QList<qint64> chain{*runId};
    for (int step = 0; step < 3; ++step) {
        QCOMPARE(claimAndExpire(chain.last(), QStringLiteral("node-c/worker-1")), chain.last());
        QCOMPARE(*hub::runs::queue::failExpiredLeases(db), QList<qint64>{chain.last()});
        const QList<qint64> retries = retriesOf(chain.last());
        QCOMPARE(retries.size(), step < 2 ? 1 : 0);
        if (!retries.isEmpty())
            chain.append(retries.first());
    }
    QCOMPARE(chain.size(), 3);
    auto attempts = hub::execute(db, QStringLiteral("SELECT worker_loss_retry, status FROM runs "
                                                    "WHERE integration_id = ? ORDER BY id"),
                                 {twice});
    QList<int> numbers;
    while (attempts->next()) {
        numbers.append(attempts->value(0).toInt());
        QCOMPARE(attempts->value(1).toInt(), 9);
    }
    QCOMPARE(numbers, (QList<int>{0, 1, 2}));
}

void tst_Runs::workerLossRetriesRejectInvalid_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("negative") << QJsonValue(-1);
    QTest::newRow("above maximum") << QJsonValue(11);
    QTest::newRow("fraction") << QJsonValue(1.5);
    QTest::newRow("text") << QJsonValue(QStringLiteral("2"));
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
}

void tst_Runs::workerLossRetriesRejectInvalid()
{
    QFETCH(QJsonValue, value);
    startEngine();
    QJsonObject body{{QStringLiteral("productId"), productId()},
                     {QStringLiteral("outputId"), outputIdOf(QStringLiteral("milearn-sections"))},
                     {QStringLiteral("workerLossRetries"), value}};
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations"), body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json[QStringLiteral("fields")][QStringLiteral("workerLossRetries")].toString(),
             QStringLiteral("Enter a whole number of retries from 0 to 10."));
}

void tst_Runs::renewalSkipsRunsNoWorkerExecutes()
{
    startEngine();
    m_engine->workers().stop();
    const QSqlDatabase db = m_engine->store().connection();
    hub::runs::RunRequest request;
    request.integrationId = 1;
    auto executing = hub::runs::queue::enqueue(db, request);
    request.integrationId = 2;
    auto forgotten = hub::runs::queue::enqueue(db, request);
    QVERIFY(executing && forgotten);
    QCOMPARE(hub::runs::queue::claimNext(db, QStringLiteral("node-x/worker-1"), 60)->value_or(0), *executing);
    QCOMPARE(hub::runs::queue::claimNext(db, QStringLiteral("node-x/worker-2"), 60)->value_or(0), *forgotten);
    const QString past = hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(-5));
    QVERIFY(hub::execute(db, QStringLiteral("UPDATE runs SET lease_expires_at = ?"), {past}).ok());

    // Only the run a worker still executes is renewed; the other one's lease runs out.
    auto renewed = hub::runs::queue::renewLeases(db, QStringLiteral("node-x"), {*executing, *forgotten + 1000}, 60);
    QVERIFY2(renewed.ok(), qPrintable(renewed.error()));
    QCOMPARE(*renewed, 1);
    auto none = hub::runs::queue::renewLeases(db, QStringLiteral("node-x"), {}, 60);
    QCOMPARE(*none, 0);
    auto failed = hub::runs::queue::failExpiredLeases(db);
    QCOMPARE(*failed, QList<qint64>{*forgotten});
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*forgotten)).json.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*executing)).json.value(QStringLiteral("status")).toInt(), 1);
}

void tst_Runs::unrecordedEndFailsRun()
{
    startEngine();
    m_engine->workers().stop();
    const QSqlDatabase db = m_engine->store().connection();
    hub::runs::RunRequest request;
    request.integrationId = 1;
    auto runId = hub::runs::queue::enqueue(db, request);
    QCOMPARE(hub::runs::queue::claimNext(db, QStringLiteral("node-x/worker-1"), 60)->value_or(0), *runId);

    // Another worker's name does not match, so its check leaves the run alone.
    auto other = hub::runs::queue::failUnfinished(db, *runId, QStringLiteral("node-y/worker-1"), QStringLiteral("lost"));
    QVERIFY2(other.ok(), qPrintable(other.error()));
    QVERIFY(!*other);
    auto failed = hub::runs::queue::failUnfinished(db, *runId, QStringLiteral("node-x/worker-1"), QStringLiteral("lost"));
    QVERIFY2(failed.ok(), qPrintable(failed.error()));
    QVERIFY(*failed);
    // A run that ended is not touched again.
    auto again = hub::runs::queue::failUnfinished(db, *runId, QStringLiteral("node-x/worker-1"), QStringLiteral("lost"));
    QVERIFY(!*again);
    const ApiReply run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*runId));
    QCOMPARE(run.json.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.json.value(QStringLiteral("message")).toString(), QStringLiteral("lost"));
    QVERIFY(logMessages(run.json).contains(QStringLiteral("error: lost")));
}

void tst_Runs::restartFailsInterruptedRun()
{
    startEngine();
    m_engine->workers().stop();
    qint64 runId = 0;
    {
        const QSqlDatabase db = m_engine->store().connection();
        hub::runs::RunRequest request;
        request.integrationId = 1;
        runId = *hub::runs::queue::enqueue(db, request);
        // A worker of this node: on PostgreSQL a restarted node fails only its own runs.
        const QString worker = m_engine->workers().nodeId() + QStringLiteral("/worker-1");
        auto claimed = hub::runs::queue::claimNext(db, worker, 3600);
        QCOMPARE(claimed->value_or(0), runId);
    }
    m_api.reset();
    m_engine.reset();
    // The interrupted run's work files stay behind when an engine dies.
    const QString leftover = QDir(m_dataDir->path()).filePath(QStringLiteral("work/run-%1").arg(runId));
    QVERIFY(QDir().mkpath(leftover));

    startEngine();
    QVERIFY(!QFileInfo::exists(leftover));
    const ApiReply run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId));
    QCOMPARE(run.json.value(QStringLiteral("status")).toInt(), 9);
    auto districts = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT count(*) FROM districts"));
    QCOMPARE(districts->toInt(), 1);
    auto integrations = hub::selectValue(m_engine->store().connection(),
                                         QStringLiteral("SELECT count(*) FROM integrations"));
    QCOMPARE(integrations->toInt(), 3);
}

void tst_Runs::emptyReportWarnsAndDelivers()
{
    startEngine();
    const qint64 outputId = addOutput(QStringLiteral("empty-report"),
                                      QStringLiteral("SELECT 'x' WHERE ? < 0 AND ? < 0"));
    const qint64 integrationId = createIntegration(outputId, 30, 1, true);
    QVERIFY(integrationId > 0);

    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    // The integration has no school year, so the run used the current one.
    const int schoolYear = hub::runs::currentSchoolYear(
        m_engine->store().connection(), m_engine->districtId(), QStringLiteral("America/Detroit"));
    QVERIFY2(logMessages(run).contains(
                 QStringLiteral("warning: The report has no rows for school year %1; an empty "
                                "file was delivered.")
                     .arg(schoolYear)),
             qPrintable(logMessages(run).join(QLatin1Char('\n'))));
    QCOMPARE(run.value(QStringLiteral("rowCount")).toInt(-1), 0);

    const QStringList files = outboxFiles();
    QCOMPARE(files.size(), 1);
    QFile delivered(files.first());
    QVERIFY(delivered.open(QIODevice::ReadOnly));
    QCOMPARE(delivered.readAll(), QByteArray("Value\r\n"));
}

void tst_Runs::emptyReportSkipDeliversNothing()
{
    startEngine();
    const qint64 outputId = addOutput(QStringLiteral("empty-report"),
                                      QStringLiteral("SELECT 'x' WHERE ? < 0 AND ? < 0"));
    const qint64 integrationId = createIntegration(
        outputId, 30, 1, true, {{QStringLiteral("emptyReport"), QStringLiteral("skip")}});
    QVERIFY(integrationId > 0);

    const QJsonObject run = runAndWait(integrationId);
    const int schoolYear = hub::runs::currentSchoolYear(
        m_engine->store().connection(), m_engine->districtId(), QStringLiteral("America/Detroit"));
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(run.value(QStringLiteral("message")).toString(),
             QStringLiteral("No rows for school year %1, so nothing was delivered.").arg(schoolYear));
    QVERIFY2(logMessages(run).contains(
                 QStringLiteral("warning: The report has no rows for school year %1. Nothing was "
                                "delivered, because the integration skips empty reports.")
                     .arg(schoolYear)),
             qPrintable(logMessages(run).join(QLatin1Char('\n'))));
    // Only the Query phase ran; no file was formatted or delivered.
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 1);
    QCOMPARE(phases.at(0)[QStringLiteral("name")].toString(), QStringLiteral("Query"));
    QCOMPARE(phases.at(0)[QStringLiteral("status")].toInt(), 0);
    QVERIFY(run.value(QStringLiteral("rowCount")).isNull());
    QCOMPARE(outboxFiles(), QStringList());
    QVERIFY(!QFileInfo::exists(QDir(m_dataDir->path()).filePath(
        QStringLiteral("work/run-%1").arg(run.value(QStringLiteral("id")).toInteger()))));
}

void tst_Runs::emptyReportFailEndsRunFailed()
{
    startEngine();
    const qint64 outputId = addOutput(QStringLiteral("empty-report"),
                                      QStringLiteral("SELECT 'x' WHERE ? < 0 AND ? < 0"));
    const qint64 integrationId
        = createIntegration(outputId, 30, 1, true,
                            {{QStringLiteral("emptyReport"), QStringLiteral("fail")},
                             {QStringLiteral("schoolYear"), 2031}});
    QVERIFY(integrationId > 0);

    const QJsonObject run = runAndWait(integrationId);
    const QString expected
        = QStringLiteral("The report has no rows for school year 2031, so nothing was delivered. "
                         "Check that the school year has data, or change what the integration "
                         "does with an empty report.");
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.value(QStringLiteral("message")).toString(), expected);
    QVERIFY2(logMessages(run).contains(QStringLiteral("error: ") + expected),
             qPrintable(logMessages(run).join(QLatin1Char('\n'))));
    QCOMPARE(run.value(QStringLiteral("phases")).toArray().size(), 1);
    QCOMPARE(outboxFiles(), QStringList());
}

void tst_Runs::emptyReportFailKeepsRowsDelivered()
{
    startEngine();
    const qint64 outputId
        = addOutput(QStringLiteral("one-row"), QStringLiteral("SELECT 'x' WHERE ? > 0 AND ? > 0"));
    const qint64 integrationId = createIntegration(
        outputId, 30, 1, true, {{QStringLiteral("emptyReport"), QStringLiteral("fail")}});
    QVERIFY(integrationId > 0);

    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(run.value(QStringLiteral("rowCount")).toInt(-1), 1);
    const QStringList files = outboxFiles();
    QCOMPARE(files.size(), 1);
    QFile delivered(files.first());
    QVERIFY(delivered.open(QIODevice::ReadOnly));
    QCOMPARE(delivered.readAll(), QByteArray("Value\r\nx\r\n"));
}

void tst_Runs::emptyReportChoiceIsStored()
{
    startEngine();
    const qint64 outputId = outputIdOf(QStringLiteral("milearn-sections"));
    const qint64 integrationId = createIntegration(outputId, 300, 1, true);
    QVERIFY(integrationId > 0);
    const QString path = QStringLiteral("/api/v1/integrations/%1").arg(integrationId);
    QCOMPARE(m_api->get(path).json.value(QStringLiteral("emptyReport")).toString(),
             QStringLiteral("deliver"));
    // Integrations saved before the choice existed keep delivering.
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1"))
                 .json.value(QStringLiteral("emptyReport"))
                 .toString(),
             QStringLiteral("deliver"));

    QJsonObject body = m_api->get(path).json;
    body.insert(QStringLiteral("emptyReport"), QStringLiteral("fail"));
    const ApiReply updated = m_api->put(path, body);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("emptyReport")).toString(), QStringLiteral("fail"));

    // An update without the field keeps the stored choice.
    body.remove(QStringLiteral("emptyReport"));
    body.insert(QStringLiteral("notes"), QStringLiteral("Sent to the state on Mondays."));
    const ApiReply withoutField = m_api->put(path, body);
    QCOMPARE(withoutField.status, 200);
    QCOMPARE(withoutField.json.value(QStringLiteral("emptyReport")).toString(), QStringLiteral("fail"));
    QCOMPARE(m_api->get(path).json.value(QStringLiteral("emptyReport")).toString(),
             QStringLiteral("fail"));
}

void tst_Runs::emptyReportRejectInvalid_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    const QString asText = QStringLiteral("Choose deliver, skip or fail, as text.");
    QTest::newRow("unknown word")
        << QJsonValue(QStringLiteral("ignore"))
        << QStringLiteral("\"ignore\" is not a choice. Choose deliver, skip or fail.");
    QTest::newRow("wrong case")
        << QJsonValue(QStringLiteral("Skip"))
        << QStringLiteral("\"Skip\" is not a choice. Choose deliver, skip or fail.");
    QTest::newRow("empty text")
        << QJsonValue(QString())
        << QStringLiteral("\"\" is not a choice. Choose deliver, skip or fail.");
    QTest::newRow("number") << QJsonValue(1) << asText;
    QTest::newRow("flag") << QJsonValue(true) << asText;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << asText;
}

void tst_Runs::emptyReportRejectInvalid()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    startEngine();
    QJsonObject body{{QStringLiteral("productId"), productId()},
                     {QStringLiteral("outputId"), outputIdOf(QStringLiteral("milearn-sections"))},
                     {QStringLiteral("destinations"),
                      QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1}}}},
                     {QStringLiteral("emptyReport"), value}};
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations"), body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json[QStringLiteral("fields")][QStringLiteral("emptyReport")].toString(),
             message);
    QCOMPARE(reply.json[QStringLiteral("fields")].toObject().size(), 1);
}

void tst_Runs::slowWritePastTimeoutFailsRun()
{
    startEngine();
    // Each row takes SQLite a few milliseconds in one function call, so the statement runs
    // only a handful of instructions per row and SQLite's progress handler seldom fires. The
    // rows keep flowing to the file until the check after a written row sees the deadline.
    const qint64 outputId = addOutput(
        QStringLiteral("slow-rows"),
        QStringLiteral("WITH RECURSIVE counter(n) AS (SELECT ? * 0 + ? * 0 + 1 UNION ALL "
                       "SELECT n + 1 FROM counter WHERE n < 100000) "
                       "SELECT length(hex(randomblob(2000000))) || hex(randomblob(2000)) "
                       "FROM counter"),
        QStringLiteral("WITH RECURSIVE counter(n) AS (SELECT ? * 0 + ? * 0 + 1 UNION ALL "
                       "SELECT n + 1 FROM counter WHERE n < 100000) "
                       "SELECT length(repeat(md5(random()::text), 250000)) "
                       "|| repeat(md5(random()::text), 125) FROM counter"));
    const qint64 integrationId = createIntegration(outputId, 1, 1, true);
    QVERIFY(integrationId > 0);

    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    const QString message = run.value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(QStringLiteral("The query timed out after 1 s (the integration's "
                                               "query timeout)")),
             qPrintable(message));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 1);
    QCOMPARE(phases.at(0)[QStringLiteral("status")].toInt(), 9);
    QVERIFY2(phases.at(0)[QStringLiteral("rowsRead")].toInteger() > 0,
             "no row was written before the deadline, so the test did not exercise streaming");
    QVERIFY(run.value(QStringLiteral("rowCount")).isNull());

    // Nothing partial anywhere: not at the destination, not in the work folder, no row hashes.
    QVERIFY2(outboxFiles().isEmpty(), qPrintable(outboxFiles().join(QLatin1Char('\n'))));
    const qint64 runId = run.value(QStringLiteral("id")).toInteger();
    QVERIFY(!QFileInfo::exists(
        QDir(m_dataDir->path()).filePath(QStringLiteral("work/run-%1").arg(runId))));
    QVERIFY(!QFileInfo::exists(QDir(m_dataDir->path())
                                   .filePath(QStringLiteral("row-hashes/integration-%1/run-%2.u64")
                                                 .arg(integrationId)
                                                 .arg(runId))));
}

void tst_Runs::changeSummaryComparesRuns()
{
    startEngine();
    const QSqlDatabase db = m_engine->store().connection();
    QVERIFY(hub::execute(db, QStringLiteral("CREATE TABLE test_rows(v TEXT)")).ok());
    for (int i = 1; i <= 150; ++i)
        QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO test_rows(v) VALUES (?)"),
                             {QStringLiteral("row-%1").arg(i, 3, 10, QLatin1Char('0'))})
                    .ok());
    const qint64 outputId = addOutput(QStringLiteral("changing"),
                                      QStringLiteral("SELECT v FROM test_rows WHERE ? > 0 AND "
                                                     "? > 0 ORDER BY v"));
    const qint64 integrationId = createIntegration(outputId, 30, 1, true);
    QVERIFY(integrationId > 0);

    const QJsonObject first = runAndWait(integrationId);
    const qint64 firstId = first.value(QStringLiteral("id")).toInteger();
    QCOMPARE(first.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(first.value(QStringLiteral("rowCount")).toInt(), 150);
    QVERIFY(first.value(QStringLiteral("previousRunId")).isNull());
    QVERIFY(first.value(QStringLiteral("rowsAdded")).isNull());
    QVERIFY(first.value(QStringLiteral("rowsRemoved")).isNull());
    const QStringList firstFiles = outboxFiles().filter(QStringLiteral("_run%1.").arg(firstId));
    QCOMPARE(firstFiles.size(), 1);
    QFile delivered(firstFiles.first());
    QVERIFY(delivered.open(QIODevice::ReadOnly));
    QCOMPARE(
        first.value(QStringLiteral("digest")).toString(),
        QString::fromLatin1(
            QCryptographicHash::hash(delivered.readAll(), QCryptographicHash::Sha256).toHex()));

    // 100 rows leave and 10 arrive: 60 rows, fewer than half of 150.
    QVERIFY(hub::execute(db, QStringLiteral("DELETE FROM test_rows WHERE v <= 'row-100'")).ok());
    for (int i = 151; i <= 160; ++i)
        QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO test_rows(v) VALUES (?)"),
                             {QStringLiteral("row-%1").arg(i)})
                    .ok());
    const QJsonObject second = runAndWait(integrationId);
    const qint64 secondId = second.value(QStringLiteral("id")).toInteger();
    QCOMPARE(second.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(second.value(QStringLiteral("rowCount")).toInt(), 60);
    QCOMPARE(second.value(QStringLiteral("previousRunId")).toInteger(), firstId);
    QCOMPARE(second.value(QStringLiteral("rowsAdded")).toInt(), 10);
    QCOMPARE(second.value(QStringLiteral("rowsRemoved")).toInt(), 100);
    const QStringList log = logMessages(second);
    QVERIFY2(
        log.contains(QStringLiteral("info: Rows compared with run %1: +10 / -100.").arg(firstId)),
        qPrintable(log.join(QLatin1Char('\n'))));
    QVERIFY(log.contains(
        QStringLiteral("warning: Rows fell from 150 to 60 since run %1.").arg(firstId)));

    // Only the newest successful run keeps its row hashes.
    const QDir hashes(
        QDir(m_dataDir->path())
            .filePath(QStringLiteral("row-hashes/integration-%1").arg(integrationId)));
    QCOMPARE(hashes.entryList(QDir::Files),
             QStringList{QStringLiteral("run-%1.u64").arg(secondId)});
    QCOMPARE(QFileInfo(hashes.filePath(QStringLiteral("run-%1.u64").arg(secondId))).size(), 60 * 8);
}

void tst_Runs::outputOptionsShapeFile()
{
    startEngine();
    const qint64 outputId = addOutput(QStringLiteral("formula"),
                                      QStringLiteral("SELECT '=cmd|''/c calc''!A0' WHERE ? > 0 "
                                                     "AND ? > 0"));
    const QJsonObject options{{QStringLiteral("delimiter"), QStringLiteral("semicolon")},
                              {QStringLiteral("quoting"), QStringLiteral("all")},
                              {QStringLiteral("lineEnding"), QStringLiteral("LF")},
                              {QStringLiteral("byteOrderMark"), true}};
    const qint64 integrationId
        = createIntegration(outputId, 30, 1, true, {{QStringLiteral("outputOptions"), options}});
    QVERIFY(integrationId > 0);

    const QJsonObject stored
        = m_api->get(QStringLiteral("/api/v1/integrations/%1").arg(integrationId))
              .json.value(QStringLiteral("outputOptions"))
              .toObject();
    QCOMPARE(stored.value(QStringLiteral("delimiter")).toString(), QStringLiteral("semicolon"));
    QCOMPARE(stored.value(QStringLiteral("quoting")).toString(), QStringLiteral("all"));
    QCOMPARE(stored.value(QStringLiteral("lineEnding")).toString(), QStringLiteral("LF"));
    QCOMPARE(stored.value(QStringLiteral("byteOrderMark")).toBool(), true);
    QCOMPARE(stored.value(QStringLiteral("header")).toBool(), true);
    QCOMPARE(stored.value(QStringLiteral("formulaProtection")).toBool(), true);

    const QJsonObject run = runAndWait(integrationId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    const QStringList files = outboxFiles();
    QCOMPARE(files.size(), 1);
    QFile delivered(files.first());
    QVERIFY(delivered.open(QIODevice::ReadOnly));
    QCOMPARE(delivered.readAll(), QByteArray("\xEF\xBB\xBF\"Value\"\n\"'=cmd|'/c calc'!A0\"\n"));
}

void tst_Runs::outputOptionsRejectInvalid()
{
    startEngine();
    const QJsonObject options{{QStringLiteral("delimiter"), QStringLiteral("colon")},
                              {QStringLiteral("quoting"), QStringLiteral("some")},
                              {QStringLiteral("lineEnding"), QStringLiteral("CR")},
                              {QStringLiteral("header"), QStringLiteral("yes")},
                              {QStringLiteral("escape"), QStringLiteral("\\")}};
    const ApiReply reply = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), productId()},
                    {QStringLiteral("outputId"), outputIdOf(QStringLiteral("milearn-sections"))},
                    {QStringLiteral("destinations"),
                     QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1}}}},
                    {QStringLiteral("outputOptions"), options}});
    QCOMPARE(reply.status, 422);
    const QJsonObject fields = reply.json.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("outputOptions.delimiter")).toString(),
             QStringLiteral("Choose comma, semicolon, tab or pipe; \"colon\" is not a delimiter."));
    QVERIFY(fields.contains(QStringLiteral("outputOptions.quoting")));
    QVERIFY(fields.contains(QStringLiteral("outputOptions.lineEnding")));
    QCOMPARE(fields.value(QStringLiteral("outputOptions.header")).toString(),
             QStringLiteral("Use true or false."));
    QVERIFY(fields.contains(QStringLiteral("outputOptions.escape")));
    QCOMPARE(fields.size(), 5);
}

void tst_Runs::previewCreatesNoRun()
{
    startEngine();
    const QSqlDatabase db = m_engine->store().connection();
    auto schoolYear = hub::selectValue(db, QStringLiteral("SELECT max(school_year) FROM "
                                                          "academic_sessions"));
    QVERIFY(schoolYear && !schoolYear->isNull());
    auto runsBefore = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM runs"));
    const QStringList outboxBefore = outboxFiles();

    const auto report = hub::outbound::reportForOutput(QStringLiteral("milearn-authorizations"));
    QVERIFY(report.has_value());
    auto query = hub::execute(db, QStringLiteral("SELECT count(*) FROM (%1) report")
                                  .arg(report->sqlFor(hubtest::onPostgres())),
                              report->bindings(m_engine->districtId(), schoolYear->toInt()));
    QVERIFY(query && query->next());
    const qint64 expectedRows = query->value(0).toLongLong();
    query->finish();
    QVERIFY2(expectedRows > 100, "the demo district should have more than one page of rows");

    const ApiReply reply
        = m_api->post(QStringLiteral("/api/v1/integrations/preview"),
                      QJsonObject{{QStringLiteral("productId"), productId()},
                                  {QStringLiteral("outputId"),
                                   outputIdOf(QStringLiteral("milearn-authorizations"))},
                                  {QStringLiteral("schoolYear"), schoolYear->toInt()},
                                  {QStringLiteral("queryTimeoutSeconds"), 60},
                                  {QStringLiteral("outputOptions"), QJsonObject{}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("columns")).toArray().size(), report->columns.size());
    QCOMPARE(reply.json.value(QStringLiteral("columns")).toArray().at(1).toString(),
             QStringLiteral("UserId"));
    const QJsonArray rows = reply.json.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 100);
    QCOMPARE(rows.at(0).toArray().size(), report->columns.size());
    QCOMPARE(rows.at(0).toArray().at(0).toString(), QString::number(schoolYear->toInt()));
    QCOMPARE(reply.json.value(QStringLiteral("totalRows")).toInteger(), expectedRows);
    QCOMPARE(reply.json.value(QStringLiteral("schoolYear")).toInt(), schoolYear->toInt());
    QVERIFY(reply.json.value(QStringLiteral("elapsedMs")).toInteger() >= 0);

    // A draft without a school year previews the current one.
    const ApiReply current = m_api->post(
        QStringLiteral("/api/v1/integrations/preview"),
        QJsonObject{{QStringLiteral("productId"), productId()},
                    {QStringLiteral("outputId"), outputIdOf(QStringLiteral("milearn-sections"))},
                    {QStringLiteral("schoolYear"), QJsonValue()}});
    QCOMPARE(current.status, 200);
    QCOMPARE(current.json.value(QStringLiteral("schoolYear")).toInt(),
             hub::runs::currentSchoolYear(db, m_engine->districtId(),
                                          QStringLiteral("America/Detroit")));

    auto runsAfter = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM runs"));
    QCOMPARE(runsAfter->toInt(), runsBefore->toInt());
    QCOMPARE(outboxFiles(), outboxBefore);
}

void tst_Runs::previewReportsInvalidFields()
{
    startEngine();
    const ApiReply reply = m_api->post(
        QStringLiteral("/api/v1/integrations/preview"),
        QJsonObject{{QStringLiteral("productId"), productId()},
                    {QStringLiteral("outputId"), 99999},
                    {QStringLiteral("schoolYear"), 1990},
                    {QStringLiteral("queryTimeoutSeconds"), 0},
                    {QStringLiteral("outputOptions"),
                     QJsonObject{{QStringLiteral("delimiter"), QStringLiteral("space")}}}});
    QCOMPARE(reply.status, 422);
    const QJsonObject fields = reply.json.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("outputId")).toString(),
             QStringLiteral("Choose the output to preview."));
    QVERIFY(fields.contains(QStringLiteral("schoolYear")));
    QVERIFY(fields.contains(QStringLiteral("queryTimeoutSeconds")));
    QVERIFY(fields.contains(QStringLiteral("outputOptions.delimiter")));
}

void tst_Runs::previewTimeoutIsFieldError()
{
    startEngine();
    const qint64 outputId = addOutput(
        QStringLiteral("slow-preview"),
        QStringLiteral("WITH RECURSIVE counter(n) AS (SELECT ? * 0 + ? * 0 + 1 UNION ALL "
                       "SELECT n + 1 FROM counter WHERE n < 10000000000) SELECT count(*) FROM "
                       "counter"),
        QStringLiteral("WITH RECURSIVE counter(n) AS (SELECT ? * 0 + ? * 0 + CAST(1 AS BIGINT) "
                       "UNION ALL SELECT n + 1 FROM counter WHERE n < 10000000000) "
                       "SELECT count(*) FROM counter"));
    auto runsBefore = hub::selectValue(m_engine->store().connection(),
                                       QStringLiteral("SELECT count(*) FROM runs"));
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations/preview"),
                                       QJsonObject{{QStringLiteral("productId"), productId()},
                                                   {QStringLiteral("outputId"), outputId},
                                                   {QStringLiteral("queryTimeoutSeconds"), 1}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json.value(QStringLiteral("fields"))[QStringLiteral("queryTimeoutSeconds")]
                 .toString(),
             QStringLiteral("The query timed out after 1 s (the integration's query timeout). "
                            "Raise the query timeout and preview again."));
    auto runsAfter = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT count(*) FROM runs"));
    QCOMPARE(runsAfter->toInt(), runsBefore->toInt());
}

QTEST_GUILESS_MAIN(tst_Runs)
#include "tst_runs.moc"
