// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"

#include "core/timeutil.h"
#include "engine.h"
#include "outbound/reports.h"
#include "runs/runqueue.h"
#include "runs/workerpool.h"
#include "store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

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
    void restartFailsInterruptedRun();

private:
    void startEngine();
    qint64 addOutput(const QString &key, const QString &sql);
    qint64 createIntegration(qint64 outputId, int timeoutSeconds, qint64 destinationId, bool active);
    qint64 createFolderDestination(const QString &name, const QString &path);
    QJsonObject runAndWait(qint64 integrationId);
    QStringList logMessages(const QJsonObject &run) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "runs-test-token-0123456789";
};

void tst_Runs::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
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
    options.adminToken = m_token;
    options.demo = true;
    options.schedulerIntervalMs = 3600 * 1000;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);
}

qint64 tst_Runs::addOutput(const QString &key, const QString &sql)
{
    hub::outbound::registerReport(
        hub::outbound::Report{key, QStringLiteral("Test"), {QStringLiteral("Value")}, sql});
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

qint64 tst_Runs::createIntegration(qint64 outputId, int timeoutSeconds, qint64 destinationId,
                                   bool active)
{
    auto product = hub::selectValue(m_engine->store().connection(),
                                    QStringLiteral("SELECT id FROM products WHERE product_key = 'milearn'"));
    const ApiReply reply = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), product->toLongLong()},
                    {QStringLiteral("outputId"), outputId},
                    {QStringLiteral("queryTimeoutSeconds"), timeoutSeconds},
                    {QStringLiteral("destinations"),
                     QJsonArray{QJsonObject{{QStringLiteral("destinationId"), destinationId},
                                            {QStringLiteral("active"), active}}}}});
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
                       "WHERE n < 10000000000) SELECT n FROM counter)"));
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
    QCOMPARE(*none, 0);
    QVERIFY(hub::execute(db, QStringLiteral("UPDATE runs SET lease_expires_at = ? WHERE id = ?"),
                         {hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(-5)), *runId}).ok());
    auto failed = hub::runs::queue::failExpiredLeases(db);
    QCOMPARE(*failed, 1);
    const ApiReply run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(*runId));
    QCOMPARE(run.json.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(run.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("The worker stopped before the run finished (its lease expired)."));
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
        auto claimed = hub::runs::queue::claimNext(db, QStringLiteral("old/worker-1"), 3600);
        QCOMPARE(claimed->value_or(0), runId);
    }
    m_api.reset();
    m_engine.reset();

    startEngine();
    const ApiReply run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId));
    QCOMPARE(run.json.value(QStringLiteral("status")).toInt(), 9);
    auto districts = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT count(*) FROM districts"));
    QCOMPARE(districts->toInt(), 1);
    auto integrations = hub::selectValue(m_engine->store().connection(),
                                         QStringLiteral("SELECT count(*) FROM integrations"));
    QCOMPARE(integrations->toInt(), 3);
}

QTEST_GUILESS_MAIN(tst_Runs)
#include "tst_runs.moc"
