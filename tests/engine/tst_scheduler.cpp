// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "testdatabase.h"

#include "engine.h"
#include "runs/workerpool.h"
#include "schedule/scheduler.h"
#include "store/store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;

namespace {

struct RunRow
{
    QString trigger;
    int status = -1;
    QString scheduledFor;
    QString message;
};

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

// A daily schedule in the district's zone (America/Detroit), active.
QJsonObject dailyAt(const QString &startTime)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                       {QStringLiteral("startDate"), QStringLiteral("2026-01-01")},
                       {QStringLiteral("startTime"), startTime},
                       {QStringLiteral("repeatEvery"), 1},
                       {QStringLiteral("active"), true}};
}

QJsonObject repeating(QJsonObject schedule, int everyMinutes, int durationMinutes)
{
    schedule.insert(QStringLiteral("advanced"),
                    QJsonObject{{QStringLiteral("enabled"), true},
                                {QStringLiteral("everyMinutes"), everyMinutes},
                                {QStringLiteral("durationMinutes"), durationMinutes}});
    return schedule;
}

} // namespace

// Drives the engine's scheduler with an injected clock. The demo district's integration 1 is
// an outbound integration with one active folder destination. The engine's workers are
// stopped, so queued runs stay queued until a test marks them finished.
class tst_Scheduler final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void queuesLocalTimesAcrossFallBack();
    void queuesLocalTimesAcrossSpringForward();
    void timerWakesAtNextOccurrence();
    void overlappingRunIsSkipped();
    void catchUpAfterDowntime();
    void skipCatchUpQueuesNothing();
    void blackoutHoldsRuns();
    void clockJumpForwardQueuesOneRun();
    void clockJumpBackDoesNotRepeat();
    void inactiveIntegrationQueuesNothing_data();
    void inactiveIntegrationQueuesNothing();
    void changedScheduleStartsAfresh();
    void nextRunsOfSavedSchedule();
    void apiIntegrationRunsOnSchedule();

private:
    void startEngine();
    void setSchedule(qint64 integrationId, const QJsonObject &schedule);
    void tickAt(const QDateTime &now);
    // Moves the clock to each of the scheduler's wake-up times up to `until`. Queued runs are
    // marked finished after each tick so that the next occurrence is not skipped.
    void followTimerUntil(const QDateTime &until);
    void finishQueuedRuns();
    QList<RunRow> runsOf(qint64 integrationId);
    QStringList scheduledTimes(const QList<RunRow> &runs);
    void sql(const QString &statement, const QVariantList &bindings = {});

    std::unique_ptr<QTemporaryDir> m_dataDir;
    QString m_database;
    std::unique_ptr<hub::Engine> m_engine;
    QDateTime m_now;
    const QByteArray m_token = "scheduler-test-token-0123456789";
};

void tst_Scheduler::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    m_database = hubtest::testDatabase(QDir(m_dataDir->path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!m_database.isEmpty());
    m_now = utc("2026-06-01T12:00:00Z");
}

void tst_Scheduler::cleanup()
{
    m_engine.reset();
    m_dataDir.reset();
}

void tst_Scheduler::startEngine()
{
    m_engine.reset();
    hub::EngineOptions options;
    options.dataDir = m_dataDir->path();
    options.database = m_database;
    options.adminToken = m_token;
    options.demo = true;
    options.schedulerIntervalMs = 3600 * 1000;
    options.clock = [this] {
        return m_now;
    };
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    // Queued runs stay queued, so a test decides when a run is still active. A run that
    // start-up queued may already have been claimed.
    m_engine->workers().stop();
}

void tst_Scheduler::sql(const QString &statement, const QVariantList &bindings)
{
    auto done = hub::execute(m_engine->store().connection(), statement, bindings);
    QVERIFY2(done.ok(), qPrintable(done.error()));
}

void tst_Scheduler::setSchedule(qint64 integrationId, const QJsonObject &schedule)
{
    sql(QStringLiteral("UPDATE integrations SET schedule = ? WHERE id = ?"),
        {QString::fromUtf8(QJsonDocument(schedule).toJson(QJsonDocument::Compact)), integrationId});
}

void tst_Scheduler::tickAt(const QDateTime &now)
{
    m_now = now;
    m_engine->schedulerTick();
}

void tst_Scheduler::finishQueuedRuns()
{
    sql(QStringLiteral("UPDATE runs SET status = 0, ended_at = queued_at WHERE status IN (1, 2)"));
}

void tst_Scheduler::followTimerUntil(const QDateTime &until)
{
    // The test clock sleeps at most an hour, so two days need at most 48 steps plus one per
    // occurrence.
    for (int step = 0; step < 500; ++step) {
        const QDateTime wake = m_engine->scheduler().nextWakeAt();
        QVERIFY(wake.isValid());
        QVERIFY(wake > m_now);
        if (wake > until)
            return;
        tickAt(wake);
        finishQueuedRuns();
    }
    QFAIL("The scheduler did not reach the end time in 500 wake-ups.");
}

QList<RunRow> tst_Scheduler::runsOf(qint64 integrationId)
{
    QList<RunRow> rows;
    auto query = hub::execute(m_engine->store().connection(),
                              QStringLiteral("SELECT trigger, status, scheduled_for, message "
                                             "FROM runs WHERE integration_id = ? ORDER BY id"),
                              {integrationId});
    if (!query)
        return rows;
    while (query->next())
        rows.append(RunRow{query->value(0).toString(), query->value(1).toInt(),
                           query->value(2).toString(), query->value(3).toString()});
    return rows;
}

QStringList tst_Scheduler::scheduledTimes(const QList<RunRow> &runs)
{
    QStringList times;
    for (const RunRow &run : runs)
        times.append(run.scheduledFor);
    return times;
}

void tst_Scheduler::queuesLocalTimesAcrossFallBack()
{
    m_now = utc("2026-10-31T16:00:00Z");
    startEngine();
    // Every 30 minutes from 00:30 for 3 hours: 00:30, 01:00 and 01:30 EDT, then 01:00, 01:30,
    // 02:00 and 02:30 EST.
    setSchedule(1, repeating(dailyAt(QStringLiteral("00:30")), 30, 180));
    tickAt(m_now);
    followTimerUntil(utc("2026-11-01T12:00:00Z"));

    const QList<RunRow> runs = runsOf(1);
    QCOMPARE(scheduledTimes(runs), (QStringList{QStringLiteral("2026-11-01T04:30:00.000Z"),
                                                QStringLiteral("2026-11-01T05:00:00.000Z"),
                                                QStringLiteral("2026-11-01T05:30:00.000Z"),
                                                QStringLiteral("2026-11-01T06:00:00.000Z"),
                                                QStringLiteral("2026-11-01T06:30:00.000Z"),
                                                QStringLiteral("2026-11-01T07:00:00.000Z"),
                                                QStringLiteral("2026-11-01T07:30:00.000Z")}));
    for (const RunRow &run : runs) {
        QCOMPARE(run.trigger, QStringLiteral("schedule"));
        QCOMPARE(run.status, 0);
    }
    auto logLine = hub::selectValue(m_engine->store().connection(),
                                    QStringLiteral("SELECT l.message FROM run_logs l JOIN runs r "
                                                   "ON r.id = l.run_id WHERE r.scheduled_for = ?"),
                                    {QStringLiteral("2026-11-01T06:00:00.000Z")});
    QVERIFY(logLine.ok());
    QVERIFY2(logLine->toString().startsWith(
                 QStringLiteral("Queued by the schedule for 2026-11-01 01:00 EST.")),
             qPrintable(logLine->toString()));
}

void tst_Scheduler::queuesLocalTimesAcrossSpringForward()
{
    m_now = utc("2026-03-07T16:00:00Z");
    startEngine();
    // Daily at 02:30 does not exist on 2026-03-08 and runs at 03:00 EDT instead.
    setSchedule(1, dailyAt(QStringLiteral("02:30")));
    tickAt(m_now);
    followTimerUntil(utc("2026-03-09T12:00:00Z"));

    const QList<RunRow> runs = runsOf(1);
    QCOMPARE(scheduledTimes(runs), (QStringList{QStringLiteral("2026-03-08T07:00:00.000Z"),
                                                QStringLiteral("2026-03-09T06:30:00.000Z")}));
    QCOMPARE(runs.at(0).trigger, QStringLiteral("schedule"));
    QCOMPARE(runs.at(1).trigger, QStringLiteral("schedule"));
}

void tst_Scheduler::timerWakesAtNextOccurrence()
{
    m_now = utc("2026-06-01T05:59:30Z");
    startEngine();
    setSchedule(1, dailyAt(QStringLiteral("02:00")));
    tickAt(m_now);
    // 02:00 EDT is 06:00Z, 30 seconds away.
    QCOMPARE(m_engine->scheduler().nextWakeAt(), utc("2026-06-01T06:00:00Z"));

    // The next one is a day away, so the scheduler sleeps for its limit of one hour.
    tickAt(utc("2026-06-01T06:00:00Z"));
    QCOMPARE(runsOf(1).size(), 1);
    QCOMPARE(m_engine->scheduler().nextWakeAt(), utc("2026-06-01T07:00:00Z"));
}

void tst_Scheduler::overlappingRunIsSkipped()
{
    startEngine();
    // 09:00, 09:15 and 09:30 EDT are 13:00Z, 13:15Z and 13:30Z.
    setSchedule(1, repeating(dailyAt(QStringLiteral("09:00")), 15, 30));
    tickAt(utc("2026-06-01T12:00:00Z"));

    tickAt(utc("2026-06-01T13:00:05Z"));
    QList<RunRow> runs = runsOf(1);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).status, 2);
    const qint64 firstRun = hub::selectValue(m_engine->store().connection(),
                                             QStringLiteral("SELECT max(id) FROM runs"))
                                ->toLongLong();

    tickAt(utc("2026-06-01T13:15:05Z"));
    runs = runsOf(1);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(1).status, 3);
    QCOMPARE(runs.at(1).trigger, QStringLiteral("schedule"));
    QCOMPARE(runs.at(1).scheduledFor, QStringLiteral("2026-06-01T13:15:00.000Z"));
    QCOMPARE(runs.at(1).message,
             QStringLiteral("Skipped the run scheduled for 2026-06-01 09:15 EDT because run %1 "
                            "of this integration was still queued.")
                 .arg(firstRun));

    sql(QStringLiteral("UPDATE runs SET status = 1 WHERE id = ?"), {firstRun});
    tickAt(utc("2026-06-01T13:30:05Z"));
    runs = runsOf(1);
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(2).status, 3);
    QVERIFY2(runs.at(2).message.endsWith(QStringLiteral("was still running.")),
             qPrintable(runs.at(2).message));
    auto queued = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM runs WHERE "
                                                  "integration_id = 1 AND status IN (1, 2)"));
    QCOMPARE(queued->toInt(), 1);
}

void tst_Scheduler::catchUpAfterDowntime()
{
    startEngine();
    setSchedule(1, dailyAt(QStringLiteral("02:00")));
    tickAt(m_now);
    QCOMPARE(runsOf(1).size(), 0);

    // Down from 2026-06-01 12:00Z to 2026-06-04 12:00Z: 02:00 EDT on June 2, 3 and 4 passed.
    m_engine.reset();
    m_now = utc("2026-06-04T12:00:00Z");
    startEngine();
    QList<RunRow> runs = runsOf(1);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).trigger, QStringLiteral("catch-up"));
    QCOMPARE(runs.at(0).scheduledFor, QStringLiteral("2026-06-02T06:00:00.000Z"));
    auto logLine = hub::selectValue(m_engine->store().connection(),
                                    QStringLiteral("SELECT message FROM run_logs WHERE run_id = "
                                                   "(SELECT max(id) FROM runs)"));
    QCOMPARE(logLine->toString(),
             QStringLiteral("Catch-up for 3 missed runs from 2026-06-02 02:00 EDT to 2026-06-04 "
                            "02:00 EDT, missed while the engine was stopped or its clock moved."));

    // A second restart at the same time finds nothing new to do.
    m_engine.reset();
    startEngine();
    QCOMPARE(runsOf(1).size(), 1);
}

void tst_Scheduler::skipCatchUpQueuesNothing()
{
    startEngine();
    QJsonObject schedule = dailyAt(QStringLiteral("02:00"));
    schedule.insert(QStringLiteral("skipCatchUp"), true);
    setSchedule(1, schedule);
    tickAt(m_now);

    m_engine.reset();
    m_now = utc("2026-06-04T12:00:00Z");
    startEngine();
    QCOMPARE(runsOf(1).size(), 0);

    // The next occurrence on time runs as usual.
    tickAt(utc("2026-06-05T06:00:10Z"));
    const QList<RunRow> runs = runsOf(1);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).trigger, QStringLiteral("schedule"));
}

void tst_Scheduler::blackoutHoldsRuns()
{
    m_now = utc("2026-12-20T17:00:00Z");
    startEngine();
    hubtest::ApiTestClient api(m_engine->baseUrl(), m_token);
    const ApiReply created
        = api.post(QStringLiteral("/api/v1/blackouts"),
                   QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2026-12-21")},
                               {QStringLiteral("endsOn"), QStringLiteral("2026-12-23")},
                               {QStringLiteral("reason"), QStringLiteral("Winter break")}});
    QCOMPARE(created.status, 201);
    // 09:00, 09:15 and 09:30 EST each day.
    setSchedule(1, repeating(dailyAt(QStringLiteral("09:00")), 15, 30));
    tickAt(m_now);
    followTimerUntil(utc("2026-12-24T16:00:00Z"));

    const QList<RunRow> runs = runsOf(1);
    QCOMPARE(scheduledTimes(runs), (QStringList{QStringLiteral("2026-12-21T14:00:00.000Z"),
                                                QStringLiteral("2026-12-22T14:00:00.000Z"),
                                                QStringLiteral("2026-12-23T14:00:00.000Z"),
                                                QStringLiteral("2026-12-24T14:00:00.000Z"),
                                                QStringLiteral("2026-12-24T14:15:00.000Z"),
                                                QStringLiteral("2026-12-24T14:30:00.000Z")}));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(runs.at(i).status, 3);
        QVERIFY2(runs.at(i).message.startsWith(
                     QStringLiteral("Held by blackout window: Winter break (2026-12-21 to "
                                    "2026-12-23).")),
                 qPrintable(runs.at(i).message));
    }
    for (int i = 3; i < 6; ++i) {
        QCOMPARE(runs.at(i).status, 0);
        QCOMPARE(runs.at(i).trigger, QStringLiteral("schedule"));
    }
}

void tst_Scheduler::clockJumpForwardQueuesOneRun()
{
    startEngine();
    // Every 15 minutes for 4 hours from 00:00: a 9-day jump skips 153 occurrences.
    setSchedule(1, repeating(dailyAt(QStringLiteral("00:00")), 15, 240));
    tickAt(m_now);

    tickAt(utc("2026-06-10T12:00:00Z"));
    tickAt(utc("2026-06-10T12:00:30Z"));
    const QList<RunRow> runs = runsOf(1);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).trigger, QStringLiteral("catch-up"));
    QCOMPARE(runs.at(0).scheduledFor, QStringLiteral("2026-06-02T04:00:00.000Z"));
}

void tst_Scheduler::clockJumpBackDoesNotRepeat()
{
    m_now = utc("2026-06-01T05:00:00Z");
    startEngine();
    setSchedule(1, dailyAt(QStringLiteral("02:00")));
    tickAt(m_now);

    tickAt(utc("2026-06-01T06:00:30Z"));
    QCOMPARE(runsOf(1).size(), 1);
    finishQueuedRuns();

    // The clock is set back 50 minutes and passes 02:00 EDT again.
    tickAt(utc("2026-06-01T05:10:00Z"));
    tickAt(utc("2026-06-01T06:00:30Z"));
    tickAt(utc("2026-06-01T06:05:00Z"));
    QCOMPARE(runsOf(1).size(), 1);

    // The next day runs as usual.
    tickAt(utc("2026-06-02T06:00:10Z"));
    const QList<RunRow> runs = runsOf(1);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(1).trigger, QStringLiteral("schedule"));
    QCOMPARE(runs.at(1).scheduledFor, QStringLiteral("2026-06-02T06:00:00.000Z"));
}

void tst_Scheduler::inactiveIntegrationQueuesNothing_data()
{
    QTest::addColumn<QString>("deactivate");
    QTest::addColumn<QString>("reactivate");

    QTest::newRow("integration inactive") << "UPDATE integrations SET active = 0 WHERE id = 1"
                                          << "UPDATE integrations SET active = 1 WHERE id = 1";
    QTest::newRow("every destination inactive")
        << "UPDATE integration_destinations SET active = 0 WHERE integration_id = 1"
        << "UPDATE integration_destinations SET active = 1 WHERE integration_id = 1";
}

void tst_Scheduler::inactiveIntegrationQueuesNothing()
{
    QFETCH(QString, deactivate);
    QFETCH(QString, reactivate);

    startEngine();
    setSchedule(1, dailyAt(QStringLiteral("02:00")));
    tickAt(m_now);
    sql(deactivate);

    tickAt(utc("2026-06-02T06:00:10Z"));
    tickAt(utc("2026-06-03T06:00:10Z"));
    QCOMPARE(runsOf(1).size(), 0);

    // Reactivated, it does not catch up on the times it passed while inactive.
    sql(reactivate);
    tickAt(utc("2026-06-03T12:00:00Z"));
    QCOMPARE(runsOf(1).size(), 0);
    tickAt(utc("2026-06-04T06:00:10Z"));
    QCOMPARE(runsOf(1).size(), 1);
}

void tst_Scheduler::changedScheduleStartsAfresh()
{
    startEngine();
    setSchedule(1, dailyAt(QStringLiteral("02:00")));
    tickAt(m_now);

    // A schedule saved at 12:00 for 08:00 does not catch up on today's 08:00.
    tickAt(utc("2026-06-01T16:00:00Z"));
    QJsonObject inactive = dailyAt(QStringLiteral("08:00"));
    inactive.insert(QStringLiteral("active"), false);
    setSchedule(1, dailyAt(QStringLiteral("08:00")));
    tickAt(utc("2026-06-01T16:00:00Z"));
    tickAt(utc("2026-06-01T16:30:00Z"));
    QCOMPARE(runsOf(1).size(), 0);

    // An inactive schedule queues nothing.
    setSchedule(1, inactive);
    tickAt(utc("2026-06-01T16:30:00Z"));
    tickAt(utc("2026-06-02T12:00:10Z"));
    QCOMPARE(runsOf(1).size(), 0);
}

void tst_Scheduler::nextRunsOfSavedSchedule()
{
    m_now = utc("2026-10-31T12:00:00Z");
    startEngine();
    hubtest::ApiTestClient api(m_engine->baseUrl(), m_token);
    setSchedule(1, dailyAt(QStringLiteral("01:30")));

    const ApiReply reply = api.get(QStringLiteral("/api/v1/integrations/1/schedule/next?count=3"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(),
             QStringLiteral("America/Detroit"));
    QCOMPARE(reply.json.value(QStringLiteral("scheduled")).toBool(), true);
    const QJsonArray occurrences = reply.json.value(QStringLiteral("occurrences")).toArray();
    QCOMPARE(occurrences.size(), 3);
    QCOMPARE(occurrences.at(0)[QStringLiteral("at")].toString(),
             QStringLiteral("2026-11-01T05:30:00.000Z"));
    QCOMPARE(occurrences.at(0)[QStringLiteral("local")].toString(),
             QStringLiteral("2026-11-01T01:30:00"));
    QCOMPARE(occurrences.at(0)[QStringLiteral("abbreviation")].toString(), QStringLiteral("EDT"));
    QCOMPARE(occurrences.at(0)[QStringLiteral("shifted")].toBool(), false);
    QVERIFY(occurrences.at(0)[QStringLiteral("note")].toString().contains(
        QStringLiteral("occurs twice")));
    QCOMPARE(occurrences.at(1)[QStringLiteral("at")].toString(),
             QStringLiteral("2026-11-02T06:30:00.000Z"));
    QCOMPARE(occurrences.at(1)[QStringLiteral("abbreviation")].toString(), QStringLiteral("EST"));
    QCOMPARE(occurrences.at(1)[QStringLiteral("note")].toString(), QString());

    sql(QStringLiteral("UPDATE integrations SET active = 0 WHERE id = 1"));
    const ApiReply inactive = api.get(QStringLiteral("/api/v1/integrations/1/schedule/next"));
    QCOMPARE(inactive.status, 200);
    QCOMPARE(inactive.json.value(QStringLiteral("scheduled")).toBool(), false);
    QCOMPARE(inactive.json.value(QStringLiteral("reason")).toString(),
             QStringLiteral("The integration is inactive."));
    QCOMPARE(inactive.json.value(QStringLiteral("occurrences")).toArray().size(), 5);

    QCOMPARE(api.get(QStringLiteral("/api/v1/integrations/1/schedule/next?count=0")).status, 422);
    QCOMPARE(api.get(QStringLiteral("/api/v1/integrations/1/schedule/next?count=51")).status, 422);
    QCOMPARE(api.get(QStringLiteral("/api/v1/integrations/1/schedule/next?count=x")).status, 422);
    QCOMPARE(api.get(QStringLiteral("/api/v1/integrations/999/schedule/next")).status, 404);
}

void tst_Scheduler::apiIntegrationRunsOnSchedule()
{
    startEngine();
    hubtest::ApiTestClient api(m_engine->baseUrl(), m_token);
    const auto create = [&](const QString &productKey) -> qint64 {
        auto product = hub::selectValue(m_engine->store().connection(),
                                        QStringLiteral("SELECT id FROM products WHERE "
                                                       "product_key = ?"),
                                        {productKey});
        if (!product || product->isNull())
            return 0;
        const ApiReply reply = api.post(QStringLiteral("/api/v1/integrations"),
                                        QJsonObject{{QStringLiteral("productId"),
                                                     product->toLongLong()}});
        return reply.status == 201 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
    };
    const qint64 apiId = create(QStringLiteral("powerschool"));
    const qint64 inboundId = create(QStringLiteral("oneroster-bundle"));
    QVERIFY(apiId > 0);
    QVERIFY(inboundId > 0);
    setSchedule(apiId, dailyAt(QStringLiteral("02:00")));
    setSchedule(inboundId, dailyAt(QStringLiteral("02:00")));
    tickAt(m_now);

    // 02:00 EDT is 06:00 UTC. The API pull is queued; the inbound integration waits for files.
    tickAt(utc("2026-06-02T06:00:10Z"));
    const QList<RunRow> runs = runsOf(apiId);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).trigger, QStringLiteral("schedule"));
    QCOMPARE(runs.at(0).status, 2);
    QCOMPARE(runs.at(0).scheduledFor, QStringLiteral("2026-06-02T06:00:00.000Z"));
    QCOMPARE(runsOf(inboundId).size(), 0);

    const ApiReply apiNext
        = api.get(QStringLiteral("/api/v1/integrations/%1/schedule/next").arg(apiId));
    QCOMPARE(apiNext.status, 200);
    QCOMPARE(apiNext.json.value(QStringLiteral("scheduled")).toBool(), true);
    const ApiReply inboundNext
        = api.get(QStringLiteral("/api/v1/integrations/%1/schedule/next").arg(inboundId));
    QCOMPARE(inboundNext.status, 200);
    QCOMPARE(inboundNext.json.value(QStringLiteral("scheduled")).toBool(), false);
    QCOMPARE(inboundNext.json.value(QStringLiteral("reason")).toString(),
             QStringLiteral("Only outbound and API integrations run on a schedule."));
}

QTEST_GUILESS_MAIN(tst_Scheduler)

#include "tst_scheduler.moc"
