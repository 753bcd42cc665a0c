// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Runbook queries and run control over the admin API: filters against a fixture with known
// counts, paging while runs arrive, the change feed, cancel and retry.

#include "apitestclient.h"
#include "testdatabase.h"

#include "core/timeutil.h"
#include "engine.h"
#include "runs/runexecutor.h"
#include "runs/runqueue.h"
#include "runs/runrecorder.h"
#include "runs/workerpool.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QMutex>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <latch>

using hubtest::ApiReply;

class tst_RunControl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void filtersMatchFixture_data();
    void filtersMatchFixture();
    void sortByDuration();
    void countFalseLeavesTotalOut();
    void pageRunsMatchRunDetail();
    void pagingWhileRunsArrive();
    void changeFeedListsChangedRuns();
    void cancelQueuedRun();
    void cancelFinishedRunConflicts();
    void cancelDuringValidateStopsRun();
    void cancelReachesRunWhileStoreLocked();
    void cancelHeldRunNamesHold();
    void retryLinksFailedRun();
    void retryOfSuccessConflicts();
    void retryOnceEvenAfterRetryEnds();
    void inactiveIntegrationDoesNotRun();
    void runNowKeepsQueuedRun();
    void parallelRunNowQueuesOnce();

private:
    qint64 insertRun(qint64 integrationId, int status, const QString &trigger,
                     const QString &startedAt, int durationSeconds);
    QSet<qint64> idsOf(const ApiReply &reply) const;
    // The queued runs of the integration, oldest first.
    QList<qint64> queuedRuns(qint64 integrationId) const;
    // Cancels the integration's queued and running runs, as a clean start for Run Now.
    bool cancelActiveRuns(qint64 integrationId) const;

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "run-control-token-0123456789";
};

qint64 tst_RunControl::insertRun(qint64 integrationId, int status, const QString &trigger,
                                 const QString &startedAt, int durationSeconds)
{
    const QDateTime start = hub::fromIsoUtc(startedAt);
    auto inserted = hub::execute(
        m_engine->store().connection(),
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "started_at, ended_at, message) VALUES (1, ?, ?, ?, ?, ?, ?, 'fixture')"),
        {integrationId, trigger, status, startedAt, startedAt,
         status == 2 ? QVariant() : QVariant(hub::toIsoUtc(start.addSecs(durationSeconds)))});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

QSet<qint64> tst_RunControl::idsOf(const ApiReply &reply) const
{
    QSet<qint64> ids;
    const QJsonArray runs = reply.json.value(QStringLiteral("runs")).toArray();
    for (const QJsonValue &run : runs)
        ids.insert(run[QStringLiteral("id")].toInteger());
    return ids;
}

QList<qint64> tst_RunControl::queuedRuns(qint64 integrationId) const
{
    QList<qint64> ids;
    auto queued = hub::execute(m_engine->store().connection(),
                               QStringLiteral("SELECT id FROM runs WHERE integration_id = ? AND "
                                              "status = 2 ORDER BY id"),
                               {integrationId});
    while (queued && queued->next())
        ids.append(queued->value(0).toLongLong());
    return ids;
}

bool tst_RunControl::cancelActiveRuns(qint64 integrationId) const
{
    return hub::execute(m_engine->store().connection(),
                        QStringLiteral("UPDATE runs SET status = 3, ended_at = queued_at, "
                                       "lease_expires_at = NULL WHERE integration_id = ? AND "
                                       "status IN (1, 2)"),
                        {integrationId})
        .ok();
}

void tst_RunControl::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = hubtest::testDatabase(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = m_token;
    options.demo = true;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    // The fixture's runs must keep their statuses, so no worker may pick them up.
    m_engine->workers().stop();
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    // Integration 1 and 2 are outbound, 3 is inbound. Times are UTC; America/Detroit is UTC-5
    // in November after the 1st and UTC-4 before.
    QVERIFY(insertRun(1, 0, QStringLiteral("schedule"), QStringLiteral("2026-10-31T06:00:00.000Z"), 60));  // Oct 31 02:00 EDT
    QVERIFY(insertRun(1, 9, QStringLiteral("schedule"), QStringLiteral("2026-11-01T05:30:00.000Z"), 600)); // Nov 1 01:30 EDT
    QVERIFY(insertRun(1, 0, QStringLiteral("retry"), QStringLiteral("2026-11-01T06:30:00.000Z"), 120));   // Nov 1 01:30 EST
    QVERIFY(insertRun(2, 8, QStringLiteral("manual"), QStringLiteral("2026-11-02T04:59:00.000Z"), 30));   // Nov 1 23:59 EST
    QVERIFY(insertRun(2, 9, QStringLiteral("catch-up"), QStringLiteral("2026-11-02T05:00:00.000Z"), 5));  // Nov 2 00:00 EST
    QVERIFY(insertRun(3, 3, QStringLiteral("manual"), QStringLiteral("2026-11-03T15:00:00.000Z"), 1));
    QVERIFY(insertRun(3, 0, QStringLiteral("manual"), QStringLiteral("2026-11-04T15:00:00.000Z"), 3600));
}

void tst_RunControl::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

void tst_RunControl::filtersMatchFixture_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("total");

    QTest::newRow("everything") << "" << 7;
    QTest::newRow("on or before Oct 31") << "date=2026-10-31" << 1;
    // November 1 has 25 hours in Detroit; both 01:30 runs and the 23:59 run belong to it.
    QTest::newRow("on or before Nov 1") << "date=2026-11-01" << 4;
    QTest::newRow("range Nov 1 only") << "from=2026-11-01&to=2026-11-01" << 3;
    QTest::newRow("range Nov 2 to Nov 3") << "from=2026-11-02&to=2026-11-03" << 2;
    QTest::newRow("from Nov 3") << "from=2026-11-03" << 2;
    QTest::newRow("failed") << "status=9" << 2;
    QTest::newRow("failed or cancelled") << "status=9,3" << 3;
    QTest::newRow("integration 1") << "integrationId=1" << 3;
    QTest::newRow("inbound") << "type=inbound" << 2;
    QTest::newRow("outbound failed") << "type=outbound&status=9" << 2;
    QTest::newRow("trigger schedule") << "trigger=schedule" << 2;
    QTest::newRow("trigger catch-up") << "trigger=catch-up" << 1;
    QTest::newRow("retry on Nov 1") << "trigger=retry&from=2026-11-01&to=2026-11-01" << 1;
    QTest::newRow("nothing matches") << "integrationId=2&trigger=retry" << 0;
}

void tst_RunControl::filtersMatchFixture()
{
    QFETCH(QString, query);
    QFETCH(int, total);
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/runs?limit=500&") + query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("total")).toInt(), total);
    QCOMPARE(reply.json.value(QStringLiteral("runs")).toArray().size(), total);
}

void tst_RunControl::sortByDuration()
{
    const ApiReply longest = m_api->get(QStringLiteral("/api/v1/runs?sort=duration&order=desc&limit=2"));
    QCOMPARE(longest.status, 200);
    const QJsonArray runs = longest.json.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.at(0)[QStringLiteral("durationSeconds")].toInt(), 3600);
    QCOMPARE(runs.at(1)[QStringLiteral("durationSeconds")].toInt(), 600);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs?sort=name")).status, 422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs?order=up")).status, 422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs?date=2026-11-01&from=2026-10-01")).status, 422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs?from=2026-11-05&to=2026-11-01")).status, 422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs?trigger=cron")).status, 422);
}

void tst_RunControl::countFalseLeavesTotalOut()
{
    const ApiReply counted = m_api->get(QStringLiteral("/api/v1/runs?limit=1"));
    QCOMPARE(counted.status, 200);
    const qint64 total = counted.json.value(QStringLiteral("total")).toInteger();
    QVERIFY(total >= 2);
    QCOMPARE(counted.json.value(QStringLiteral("more")).toBool(), true);

    // One run short of the total leaves one more; the whole total leaves none.
    const ApiReply shorter
        = m_api->get(QStringLiteral("/api/v1/runs?count=false&limit=%1").arg(total - 1));
    QCOMPARE(shorter.status, 200);
    QVERIFY(!shorter.json.contains(QStringLiteral("total")));
    QCOMPARE(shorter.json.value(QStringLiteral("runs")).toArray().size(), total - 1);
    QCOMPARE(shorter.json.value(QStringLiteral("more")).toBool(), true);
    const ApiReply all = m_api->get(QStringLiteral("/api/v1/runs?count=false&limit=%1").arg(total));
    QCOMPARE(all.json.value(QStringLiteral("runs")).toArray().size(), total);
    QCOMPARE(all.json.value(QStringLiteral("more")).toBool(), false);
    const ApiReply last = m_api->get(
        QStringLiteral("/api/v1/runs?count=false&limit=1&offset=%1").arg(total - 1));
    QCOMPARE(last.json.value(QStringLiteral("runs")).toArray().size(), 1);
    QCOMPARE(last.json.value(QStringLiteral("more")).toBool(), false);

    const ApiReply invalid = m_api->get(QStringLiteral("/api/v1/runs?count=maybe"));
    QCOMPARE(invalid.status, 422);
    QVERIFY(invalid.json.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("count")));
}

void tst_RunControl::pageRunsMatchRunDetail()
{
    // The page writes its JSON text itself; GET /api/v1/runs/{id} builds the same run as a
    // QJsonObject. A message with characters that JSON escapes tests the writer's strings.
    const QString message = QStringLiteral("Row 3: \"quoted\" \\ path\nline two\ttab \u00fc\u20ac \u0001");
    QVERIFY(hub::execute(m_engine->store().connection(),
                         QStringLiteral("UPDATE runs SET message = ? WHERE id = 2"), {message}));

    const ApiReply page = m_api->get(QStringLiteral("/api/v1/runs?limit=500&count=false"));
    QCOMPARE(page.status, 200);
    const QJsonArray runs = page.json.value(QStringLiteral("runs")).toArray();
    QVERIFY(runs.size() >= 7);
    bool sawMessage = false;
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const qint64 id = run.value(QStringLiteral("id")).toInteger();
        const ApiReply detail = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(id));
        QCOMPARE(detail.status, 200);
        QJsonObject expected = detail.json;
        expected.remove(QStringLiteral("phases"));
        expected.remove(QStringLiteral("log"));
        QCOMPARE(run, expected);
        sawMessage = sawMessage || run.value(QStringLiteral("message")).toString() == message;
    }
    QVERIFY(sawMessage);
}

void tst_RunControl::pagingWhileRunsArrive()
{
    const ApiReply first = m_api->get(QStringLiteral("/api/v1/runs?limit=3"));
    const qint64 maxId = first.json.value(QStringLiteral("maxId")).toInteger();
    const int total = first.json.value(QStringLiteral("total")).toInt();
    QSet<qint64> seen = idsOf(first);
    QCOMPARE(seen.size(), 3);

    // Two newer runs arrive between pages; with maxId they shift nothing.
    QVERIFY(insertRun(1, 0, QStringLiteral("manual"), hub::nowIsoUtc(), 1));
    QVERIFY(insertRun(2, 0, QStringLiteral("manual"), hub::nowIsoUtc(), 1));

    for (int offset = 3; offset < total; offset += 3) {
        const ApiReply page = m_api->get(
            QStringLiteral("/api/v1/runs?limit=3&offset=%1&maxId=%2").arg(offset).arg(maxId));
        const QSet<qint64> ids = idsOf(page);
        QVERIFY2(!seen.intersects(ids), "a run appeared on two pages");
        seen.unite(ids);
    }
    QCOMPARE(seen.size(), total);
}

void tst_RunControl::changeFeedListsChangedRuns()
{
    const qint64 version = m_api->get(QStringLiteral("/api/v1/runs?limit=1"))
                               .json.value(QStringLiteral("version")).toInteger();
    QVERIFY(version > 0);
    const ApiReply nothing = m_api->get(QStringLiteral("/api/v1/runs/changes?since=%1").arg(version));
    QCOMPARE(nothing.status, 200);
    QCOMPARE(nothing.json.value(QStringLiteral("runs")).toArray().size(), 0);
    QCOMPARE(nothing.json.value(QStringLiteral("version")).toInteger(), version);

    const qint64 changed = insertRun(2, 2, QStringLiteral("manual"), hub::nowIsoUtc(), 0);
    QVERIFY(hub::execute(m_engine->store().connection(),
                         QStringLiteral("UPDATE runs SET message = 'touched' WHERE id = 1")).ok());

    const ApiReply feed = m_api->get(QStringLiteral("/api/v1/runs/changes?since=%1").arg(version));
    const QJsonArray runs = feed.json.value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0)[QStringLiteral("id")].toInteger(), changed);
    QCOMPARE(runs.at(1)[QStringLiteral("id")].toInteger(), 1);
    QCOMPARE(feed.json.value(QStringLiteral("version")).toInteger(), version + 2);
    QCOMPARE(feed.json.value(QStringLiteral("more")).toBool(), false);

    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/changes")).status, 422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/changes?since=-1")).status, 422);
}

void tst_RunControl::cancelQueuedRun()
{
    const qint64 runId = insertRun(1, 2, QStringLiteral("manual"), hub::nowIsoUtc(), 0);
    const ApiReply cancelled = m_api->post(QStringLiteral("/api/v1/runs/%1/cancel").arg(runId));
    QCOMPARE(cancelled.status, 202);
    QCOMPARE(cancelled.json.value(QStringLiteral("status")).toInt(), 3);
    QCOMPARE(cancelled.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Cancelled before it started."));
    // A cancelled run is never claimed.
    auto claimed = hub::runs::queue::claimNext(m_engine->store().connection(),
                                               QStringLiteral("test/worker"), 60);
    QVERIFY(claimed.ok());
    QVERIFY(!claimed->has_value() || **claimed != runId);
}

void tst_RunControl::cancelFinishedRunConflicts()
{
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/runs/1/cancel"));
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("already finished")));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/99999/cancel")).status, 404);
}

void tst_RunControl::cancelDuringValidateStopsRun()
{
    HUB_SQLITE_ONLY("a SQLite trigger sets the cancel flag when the Validate phase starts");
    // A bulk orgs file without the demo's orgs would retire them all, so without the cancel the
    // run would end held for approval.
    const QDir dir(m_dataDir.filePath(QStringLiteral("cancel-bundle")));
    QVERIFY(QDir().mkpath(dir.path()));
    const QList<QPair<QString, QByteArray>> files{
        {QStringLiteral("manifest.csv"),
         "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
         "file.orgs,bulk\r\n"},
        {QStringLiteral("orgs.csv"),
         "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
         "org-c,active,2024-01-02T03:04:05Z,C,district,C1,\r\n"},
    };
    for (const auto &[name, bytes] : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    const QSqlDatabase db = m_engine->store().connection();
    const QString now = hub::nowIsoUtc();
    auto inserted = hub::execute(
        db,
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "started_at, input_file, message) VALUES (1, 3, 'manual', 1, ?, ?, ?, '')"),
        {now, now, dir.path()});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    const qint64 runId = inserted->lastInsertId().toLongLong();
    // The request arrives while the Validate phase runs, as a POST .../cancel would.
    auto trigger = hub::execute(
        db, QStringLiteral("CREATE TRIGGER cancel_in_validate AFTER INSERT ON run_phases "
                           "WHEN NEW.name = 'Validate' BEGIN UPDATE runs SET cancel_requested = 1 "
                           "WHERE id = NEW.run_id; END"));
    QVERIFY2(trigger.ok(), qPrintable(trigger.error()));
    hub::runs::RunExecutor(m_engine->store(), m_dataDir.path()).execute(runId);
    QVERIFY(hub::execute(db, QStringLiteral("DROP TRIGGER cancel_in_validate")).ok());

    const ApiReply run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId));
    QCOMPARE(run.status, 200);
    QCOMPARE(run.json.value(QStringLiteral("status")).toInt(), 3);
    QCOMPARE(run.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Cancelled by request during the Validate phase; nothing was "
                            "loaded."));
    QVERIFY(run.json.value(QStringLiteral("hold")).isNull());
    const QJsonArray phases = run.json.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 2);
    QCOMPARE(phases.at(1)[QStringLiteral("name")].toString(), QStringLiteral("Validate"));
    QCOMPARE(phases.at(1)[QStringLiteral("status")].toInt(), 3);
    // Validation stopped before orgs.csv, the bundle's only file.
    QCOMPARE(phases.at(1)[QStringLiteral("rowsRead")].toInteger(), 0);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/cancel").arg(runId)).status, 409);
}

void tst_RunControl::cancelReachesRunWhileStoreLocked()
{
    HUB_SQLITE_ONLY("a second SQLite connection holds the store's write lock");
    const qint64 runId = insertRun(3, 1, QStringLiteral("manual"), hub::nowIsoUtc(), 0);
    QVERIFY(runId > 0);
    QVERIFY(!hub::runs::RunRecorder::requestCancel(runId));
    auto recorder = std::make_unique<hub::runs::RunRecorder>(m_engine->store().connection(),
                                                             runId);
    QVERIFY(!recorder->cancelRequested());

    // Another connection holds the write lock through the request, as a load would, so the
    // request cannot store the cancel and fails with 503 after its busy timeout.
    const QString lockName = QStringLiteral("cancel-lock");
    {
        QSqlDatabase lock = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lockName);
        lock.setDatabaseName(m_engine->store().path());
        QVERIFY(lock.open());
        QVERIFY(QSqlQuery(lock).exec(QStringLiteral("BEGIN IMMEDIATE")));
        const ApiReply busy = m_api->post(QStringLiteral("/api/v1/runs/%1/cancel").arg(runId));
        QCOMPARE(busy.status, 503);
        // The run learned of the request all the same, although the store does not hold it.
        QVERIFY(recorder->cancelRequested());
        QSqlQuery flag(lock);
        QVERIFY(flag.exec(QStringLiteral("SELECT cancel_requested FROM runs WHERE id = %1")
                              .arg(runId)));
        QVERIFY(flag.next());
        QCOMPARE(flag.value(0).toInt(), 0);
        flag.finish();
        QVERIFY(QSqlQuery(lock).exec(QStringLiteral("ROLLBACK")));
        lock.close();
    }
    QSqlDatabase::removeDatabase(lockName);

    const ApiReply cancelled = m_api->post(QStringLiteral("/api/v1/runs/%1/cancel").arg(runId));
    QCOMPARE(cancelled.status, 202);
    QVERIFY(cancelled.json.value(QStringLiteral("cancelRequested")).toBool());

    // Once no recorder records the run, the signal has nowhere to go.
    recorder.reset();
    QVERIFY(!hub::runs::RunRecorder::requestCancel(runId));
    QVERIFY(cancelActiveRuns(3));
}

void tst_RunControl::cancelHeldRunNamesHold()
{
    auto inserted = hub::execute(
        m_engine->store().connection(),
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "hold, message) VALUES (1, 3, 'manual', 2, ?, 'held', 'Held for approval')"),
        {hub::nowIsoUtc()});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    const qint64 runId = inserted->lastInsertId().toLongLong();
    const ApiReply cancelled = m_api->post(QStringLiteral("/api/v1/runs/%1/cancel").arg(runId));
    QCOMPARE(cancelled.status, 202);
    QCOMPARE(cancelled.json.value(QStringLiteral("status")).toInt(), 3);
    QCOMPARE(cancelled.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Cancelled while held for approval; nothing was loaded."));
    // A cancelled run no longer waits for approval, so it must not read as held.
    QVERIFY2(cancelled.json.value(QStringLiteral("hold")).isNull(),
             qPrintable(cancelled.json.value(QStringLiteral("hold")).toString()));
    const ApiReply stored = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId));
    QCOMPARE(stored.status, 200);
    QVERIFY(stored.json.value(QStringLiteral("hold")).isNull());
    QCOMPARE(stored.json.value(QStringLiteral("statusText")).toString(),
             QStringLiteral("Cancelled"));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/approve").arg(runId)).status, 409);
}

void tst_RunControl::retryLinksFailedRun()
{
    const ApiReply retried = m_api->post(QStringLiteral("/api/v1/runs/2/retry"));
    QCOMPARE(retried.status, 202);
    QCOMPARE(retried.json.value(QStringLiteral("trigger")).toString(), QStringLiteral("retry"));
    QCOMPARE(retried.json.value(QStringLiteral("retryOf")).toInteger(), 2);
    QCOMPARE(retried.json.value(QStringLiteral("integrationId")).toInteger(), 1);
    QCOMPARE(retried.json.value(QStringLiteral("status")).toInt(), 2);

    // The workers are stopped, so the retry stays queued and a second one is refused.
    const ApiReply again = m_api->post(QStringLiteral("/api/v1/runs/2/retry"));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json.value(QStringLiteral("error")).toString(), QStringLiteral("retry_pending"));
    QCOMPARE(again.json.value(QStringLiteral("retryRunId")).toInteger(),
             retried.json.value(QStringLiteral("id")).toInteger());
}

void tst_RunControl::retryOfSuccessConflicts()
{
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/runs/1/retry"));
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("Run Now")));
}

void tst_RunControl::retryOnceEvenAfterRetryEnds()
{
    // Run 5 is the failed catch-up run of integration 2.
    const ApiReply first = m_api->post(QStringLiteral("/api/v1/runs/5/retry"));
    QCOMPARE(first.status, 202);
    const qint64 retryId = first.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(retryId > 5);

    ApiReply again = m_api->post(QStringLiteral("/api/v1/runs/5/retry"));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json.value(QStringLiteral("error")).toString(), QStringLiteral("retry_pending"));
    QCOMPARE(again.json.value(QStringLiteral("retryRunId")).toInteger(), retryId);

    // The retry fails as well. Run 5 still has its retry, so a third request is rejected too.
    QVERIFY(hub::execute(m_engine->store().connection(),
                         QStringLiteral("UPDATE runs SET status = 9, started_at = queued_at, "
                                        "ended_at = queued_at WHERE id = ?"),
                         {retryId}));
    again = m_api->post(QStringLiteral("/api/v1/runs/5/retry"));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json.value(QStringLiteral("error")).toString(), QStringLiteral("already_retried"));
    QCOMPARE(again.json.value(QStringLiteral("retryRunId")).toInteger(), retryId);
    QCOMPARE(again.json.value(QStringLiteral("retryStatus")).toInt(), 9);
    QVERIFY2(again.json.value(QStringLiteral("message")).toString().contains(QString::number(retryId)),
             again.body.constData());

    // The failed retry is a run of its own and can be retried once in its turn.
    const ApiReply chained = m_api->post(QStringLiteral("/api/v1/runs/%1/retry").arg(retryId));
    QCOMPARE(chained.status, 202);
    QCOMPARE(chained.json.value(QStringLiteral("retryOf")).toInteger(), retryId);
    const ApiReply runs = m_api->get(QStringLiteral("/api/v1/runs?trigger=retry&integrationId=2"));
    QCOMPARE(runs.status, 200);
    QCOMPARE(runs.json.value(QStringLiteral("total")).toInteger(), 2);
}

void tst_RunControl::inactiveIntegrationDoesNotRun()
{
    // Inactive stops Run Now, retries and uploads, not only the schedule: a coordinator sets it
    // to stop a report while its data is wrong.
    const QSqlDatabase db = m_engine->store().connection();
    QVERIFY(hub::execute(db, QStringLiteral("UPDATE integrations SET active = ? WHERE id IN (1, 3)"),
                         {false})
                .ok());
    const qint64 failed = insertRun(1, 9, QStringLiteral("manual"), hub::nowIsoUtc(), 1);
    QVERIFY(failed > 0);
    auto runCount = [&db] {
        auto count = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM runs"));
        return count ? count->toLongLong() : -1;
    };
    const qint64 before = runCount();

    const ApiReply runNow = m_api->post(QStringLiteral("/api/v1/integrations/1/runs"));
    QCOMPARE(runNow.status, 409);
    QCOMPARE(runNow.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("integration_inactive"));
    QCOMPARE(runNow.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Integration 1 is Inactive, so it does not run; set its status to "
                            "Active to run it."));
    const ApiReply retry = m_api->post(QStringLiteral("/api/v1/runs/%1/retry").arg(failed));
    QCOMPARE(retry.status, 409);
    QCOMPARE(retry.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("integration_inactive"));
    const ApiReply file = m_api->send("POST",
                                      QStringLiteral("/api/v1/integrations/3/files?fileName=a.csv"),
                                      "a,b\r\n1,2\r\n", "text/csv");
    QCOMPARE(file.status, 409);
    QCOMPARE(file.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("integration_inactive"));
    const ApiReply upload = m_api->post(QStringLiteral("/api/v1/integrations/3/uploads"),
                                        QJsonObject{{QStringLiteral("fileName"), QStringLiteral("a.zip")},
                                                    {QStringLiteral("size"), 10}});
    QCOMPARE(upload.status, 409);
    QCOMPARE(runCount(), before);

    QVERIFY(hub::execute(db, QStringLiteral("UPDATE integrations SET active = ? WHERE id IN (1, 3)"),
                         {true})
                .ok());
    // Earlier tests leave runs of integration 1 queued, and Run Now would return one of them.
    QVERIFY(cancelActiveRuns(1));
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/integrations/1/runs")).status, 202);
}

void tst_RunControl::runNowKeepsQueuedRun()
{
    // The workers are stopped, so a queued run stays queued.
    QVERIFY(cancelActiveRuns(1));
    const QString path = QStringLiteral("/api/v1/integrations/1/runs");
    const ApiReply first = m_api->post(path);
    QCOMPARE(first.status, 202);
    const qint64 queued = first.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(queued > 0);
    QCOMPARE(first.json.value(QStringLiteral("status")).toInt(), 2);

    // Pressing Run Now again returns the waiting run and adds none.
    for (int press = 0; press < 2; ++press) {
        const ApiReply again = m_api->post(path);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("id")).toInteger(), queued);
        QCOMPARE(again.json.value(QStringLiteral("status")).toInt(), 2);
        QCOMPARE(again.json.value(QStringLiteral("trigger")).toString(), QStringLiteral("manual"));
    }
    QCOMPARE(queuedRuns(1), QList<qint64>{queued});

    // A run for another school year is another run.
    const QJsonObject year{{QStringLiteral("schoolYear"), 2027}};
    const ApiReply otherYear = m_api->post(path, year);
    QCOMPARE(otherYear.status, 202);
    const qint64 otherYearRun = otherYear.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(otherYearRun > queued);
    const ApiReply otherYearAgain = m_api->post(path, year);
    QCOMPARE(otherYearAgain.status, 200);
    QCOMPARE(otherYearAgain.json.value(QStringLiteral("id")).toInteger(), otherYearRun);
    QCOMPARE(queuedRuns(1), (QList<qint64>{queued, otherYearRun}));

    // Once the run has started, Run Now queues the next one, which waits for it to end.
    QVERIFY(hub::execute(
        m_engine->store().connection(),
        QStringLiteral("UPDATE runs SET status = 1, started_at = ?, worker = "
                       "'test/worker-1', lease_expires_at = ? WHERE id = ?"),
        {hub::nowIsoUtc(), hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(3600)), queued}));
    const ApiReply next = m_api->post(path);
    QCOMPARE(next.status, 202);
    const qint64 nextRun = next.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(nextRun > otherYearRun);
    QCOMPARE(m_api->post(path).json.value(QStringLiteral("id")).toInteger(), nextRun);
    QCOMPARE(queuedRuns(1), (QList<qint64>{otherYearRun, nextRun}));
    QVERIFY(cancelActiveRuns(1));
}

void tst_RunControl::parallelRunNowQueuesOnce()
{
    QVERIFY(cancelActiveRuns(1));
    // Several requests arrive at the same moment, each on its own connection, as on several
    // nodes that share a PostgreSQL store.
    constexpr int kRequests = 4;
    std::latch ready(kRequests);
    QMutex mutex;
    QList<hub::runs::queue::ManualRun> results;
    QStringList errors;
    std::vector<std::unique_ptr<QThread>> requests;
    for (int i = 0; i < kRequests; ++i) {
        requests.emplace_back(QThread::create([&] {
            const QSqlDatabase connection = m_engine->store().connection();
            hub::runs::RunRequest request;
            request.integrationId = 1;
            ready.arrive_and_wait();
            auto queued = hub::runs::queue::enqueueManual(connection, request);
            {
                QMutexLocker locker(&mutex);
                if (queued)
                    results.append(*queued);
                else
                    errors.append(queued.error());
            }
            m_engine->store().releaseThreadConnection();
        }));
        requests.back()->start();
    }
    for (const auto &request : requests)
        QVERIFY(request->wait(60000));

    QCOMPARE(errors, QStringList());
    QCOMPARE(results.size(), kRequests);
    const QList<qint64> queued = queuedRuns(1);
    QCOMPARE(queued.size(), 1);
    int added = 0;
    for (const hub::runs::queue::ManualRun &result : std::as_const(results)) {
        QCOMPARE(result.runId, queued.first());
        added += result.alreadyQueued ? 0 : 1;
    }
    QCOMPARE(added, 1);
    QVERIFY(cancelActiveRuns(1));
}

QTEST_GUILESS_MAIN(tst_RunControl)
#include "tst_runcontrol.moc"
