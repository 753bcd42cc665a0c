// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Integration Activity series: durations, median, long runs and runs per day, computed by
// the engine from a fixture of runs with known times.

#include "apitestclient.h"
#include "testdatabase.h"

#include "core/timeutil.h"
#include "engine.h"
#include "runs/runactivity.h"
#include "runs/workerpool.h"
#include "store/store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;

class tst_Activity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void medianNeedsThreeSuccesses();
    void medianOfEvenCountIsMean();
    void seriesMatchFixture();
    void dailyCountsMatchFixture();
    void activityValidation_data();
    void activityValidation();
    void unknownIntegrationIsNotFound();

private:
    qint64 insertRun(qint64 integrationId, int status, const QString &startedAt,
                     int durationSeconds);

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "activity-token-0123456789";
};

qint64 tst_Activity::insertRun(qint64 integrationId, int status, const QString &startedAt,
                               int durationSeconds)
{
    const QDateTime start = hub::fromIsoUtc(startedAt);
    const bool finished = status != 1 && status != 2;
    auto inserted = hub::execute(
        m_engine->store().connection(),
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "started_at, ended_at) VALUES (1, ?, 'schedule', ?, ?, ?, ?)"),
        {integrationId, status, startedAt, startedAt,
         finished ? QVariant(hub::toIsoUtc(start.addSecs(durationSeconds))) : QVariant()});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

void tst_Activity::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database
        = hubtest::testDatabase(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = m_token;
    options.demo = true;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_engine->workers().stop();
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    // Integration 1, America/Detroit (UTC-5 from November 1, 06:00 UTC). The window is
    // November 1 to 10; 07:00 UTC is 02:00 EST on the same day.
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-10-31T07:00:00.000Z"), 1000)); // before
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-11-02T07:00:00.000Z"), 60));
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-11-03T07:00:00.000Z"), 120));
    QVERIFY(insertRun(1, 9, QStringLiteral("2026-11-04T07:00:00.000Z"), 10));
    QVERIFY(insertRun(1, 8, QStringLiteral("2026-11-05T07:00:00.000Z"), 90));
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-11-06T07:00:00.000Z"), 600)); // long
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-11-07T07:00:00.000Z"), 100));
    QVERIFY(insertRun(1, 3, QStringLiteral("2026-11-08T07:00:00.000Z"), 5));
    QVERIFY(insertRun(1, 9, QStringLiteral("2026-11-08T08:00:00.000Z"), 20));
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-11-10T04:30:00.000Z"), 80)); // Nov 9, 23:30 EST
    QVERIFY(insertRun(1, 0, QStringLiteral("2026-11-11T07:00:00.000Z"), 1000)); // after
    QVERIFY(insertRun(1, 1, QStringLiteral("2026-11-10T07:00:00.000Z"), 0)); // still running
    QVERIFY(insertRun(2, 0, QStringLiteral("2026-11-05T07:00:00.000Z"), 5000)); // other one
}

void tst_Activity::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

void tst_Activity::medianNeedsThreeSuccesses()
{
    using hub::runs::FinishedRun;
    const QList<FinishedRun> two = {{1, {}, 10, 0}, {2, {}, 20, 8}, {3, {}, 500, 9}};
    QVERIFY(!hub::runs::medianSuccessSeconds(two).has_value());
    const QList<FinishedRun> three = {{1, {}, 10, 0}, {2, {}, 20, 8}, {3, {}, 30, 0}};
    QCOMPARE(hub::runs::medianSuccessSeconds(three).value_or(-1), 20.0);
}

void tst_Activity::medianOfEvenCountIsMean()
{
    using hub::runs::FinishedRun;
    const QList<FinishedRun> runs = {{1, {}, 40, 0}, {2, {}, 10, 0}, {3, {}, 30, 0}, {4, {}, 20, 0}};
    QCOMPARE(hub::runs::medianSuccessSeconds(runs).value_or(-1), 25.0);
}

void tst_Activity::seriesMatchFixture()
{
    const ApiReply reply
        = m_api->get(QStringLiteral("/api/v1/integrations/1/activity?days=10&to=2026-11-10"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-01"));
    QCOMPARE(reply.json.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-10"));
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(),
             QStringLiteral("America/Detroit"));

    // Successes: 60, 120, 90, 600, 100, 80; the median is (90 + 100) / 2.
    QCOMPARE(reply.json.value(QStringLiteral("medianSeconds")).toDouble(), 95.0);
    QCOMPARE(reply.json.value(QStringLiteral("longRunFactor")).toDouble(), 3.0);
    QCOMPARE(reply.json.value(QStringLiteral("longThresholdSeconds")).toDouble(), 285.0);
    QCOMPARE(reply.json.value(QStringLiteral("longRunCount")).toInt(), 1);

    const QJsonArray runs = reply.json.value(QStringLiteral("runs")).toArray();
    QList<int> durations;
    QList<int> longDurations;
    for (const QJsonValue &run : runs) {
        durations.append(run[QStringLiteral("durationSeconds")].toInt());
        if (run[QStringLiteral("long")].toBool())
            longDurations.append(run[QStringLiteral("durationSeconds")].toInt());
    }
    QCOMPARE(durations, (QList<int>{60, 120, 10, 90, 600, 100, 5, 20, 80}));
    QCOMPARE(longDurations, QList<int>{600});
    QCOMPARE(runs.at(3)[QStringLiteral("status")].toInt(), 8);
    QCOMPARE(runs.at(0)[QStringLiteral("startedAt")].toString(),
             QStringLiteral("2026-11-02T07:00:00.000Z"));
}

void tst_Activity::dailyCountsMatchFixture()
{
    const ApiReply reply
        = m_api->get(QStringLiteral("/api/v1/integrations/1/activity?days=10&to=2026-11-10"));
    QCOMPARE(reply.status, 200);
    const QJsonArray daily = reply.json.value(QStringLiteral("daily")).toArray();
    QCOMPARE(daily.size(), 10);

    QStringList rows;
    for (const QJsonValue &day : daily) {
        rows.append(QStringLiteral("%1 %2/%3/%4")
                        .arg(day[QStringLiteral("date")].toString())
                        .arg(day[QStringLiteral("succeeded")].toInt())
                        .arg(day[QStringLiteral("failed")].toInt())
                        .arg(day[QStringLiteral("cancelled")].toInt()));
    }
    const QStringList expected = {
        QStringLiteral("2026-11-01 0/0/0"), QStringLiteral("2026-11-02 1/0/0"),
        QStringLiteral("2026-11-03 1/0/0"), QStringLiteral("2026-11-04 0/1/0"),
        QStringLiteral("2026-11-05 1/0/0"), QStringLiteral("2026-11-06 1/0/0"),
        QStringLiteral("2026-11-07 1/0/0"), QStringLiteral("2026-11-08 0/1/1"),
        QStringLiteral("2026-11-09 1/0/0"), QStringLiteral("2026-11-10 0/0/0"),
    };
    QCOMPARE(rows, expected);
}

void tst_Activity::activityValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");

    QTest::newRow("zero days") << "days=0" << "days";
    QTest::newRow("too many days") << "days=367" << "days";
    QTest::newRow("days not a number") << "days=ninety" << "days";
    QTest::newRow("bad date") << "to=11/10/2026" << "to";
}

void tst_Activity::activityValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/integrations/1/activity?") + query);
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields")).toObject().contains(field));
}

void tst_Activity::unknownIntegrationIsNotFound()
{
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/999/activity")).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/x/activity")).status, 400);
}

QTEST_GUILESS_MAIN(tst_Activity)
#include "tst_activity.moc"
