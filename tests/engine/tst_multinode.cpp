// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Three hubd processes on one PostgreSQL database. Every queued run executes exactly once. The
// runs of a node killed with SIGKILL fail when their lease expires and are retried once on
// another node, while the other nodes go on. When the scheduler's node dies, a standby node
// takes over the scheduler without losing or doubling a scheduled occurrence.

#include "apitestclient.h"
#include "testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <memory>

namespace {

constexpr int kLeaseSeconds = 6;
constexpr int kIntegrations = 50;
constexpr int kRunsPerIntegration = 10;
constexpr char kAdminToken[] = "multinode-test-token-0123456789";

struct Node
{
    QString name;
    std::unique_ptr<QTemporaryDir> dataDir;
    std::unique_ptr<QProcess> process;
    QString nodeId;
    QUrl baseUrl;
    QString log;

    void readLog() { log += QString::fromUtf8(process->readAll()); }
};

} // namespace

class tst_MultiNode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyRunExecutesOnce();
    void killedNodeRunsFailAndRetry();
    void schedulerTakeoverKeepsOccurrences();

private:
    bool startNode(Node &node, bool demo);
    QVariant scalar(const QString &sql);
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs);
    Node *leader();
    QString describeUnfinishedRuns();

    QString m_url;
    QSqlDatabase m_db;
    std::vector<std::unique_ptr<Node>> m_nodes;
    QList<qint64> m_integrations;
};

bool tst_MultiNode::startNode(Node &node, bool demo)
{
    node.dataDir = std::make_unique<QTemporaryDir>();
    if (!m_nodes.empty()) {
        // Every node needs the key that seals destination secrets.
        const QString key = QDir(m_nodes.front()->dataDir->path()).filePath(QStringLiteral("secret.key"));
        QFile::copy(key, QDir(node.dataDir->path()).filePath(QStringLiteral("secret.key")));
    }
    node.process = std::make_unique<QProcess>();
    node.process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QString::fromLatin1(kAdminToken));
    node.process->setProcessEnvironment(environment);
    QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--data-dir"), node.dataDir->path(),
                          QStringLiteral("--database"), m_url,
                          QStringLiteral("--workers"), QStringLiteral("2"),
                          QStringLiteral("--run-lease"), QString::number(kLeaseSeconds)};
    if (demo)
        arguments.append(QStringLiteral("--demo"));
    node.process->start(QStringLiteral(HUBD_PATH), arguments);
    if (!node.process->waitForStarted(10000))
        return false;
    static const QRegularExpression nodeId(QStringLiteral("workers on \"?(node-[0-9a-f]+)"));
    static const QRegularExpression listening(QStringLiteral("hubd listening on (\\S+)"));
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < 60000 && node.process->state() == QProcess::Running) {
        node.process->waitForReadyRead(200);
        node.readLog();
        if (node.log.contains(QStringLiteral("hubd listening on"))) {
            node.nodeId = nodeId.match(node.log).captured(1);
            node.baseUrl = QUrl(listening.match(node.log).captured(1));
            return !node.nodeId.isEmpty();
        }
    }
    qWarning("%s did not start: %s", qPrintable(node.name), qPrintable(node.log));
    return false;
}

QVariant tst_MultiNode::scalar(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.value(0);
}

bool tst_MultiNode::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < timeoutMs) {
        for (const auto &node : m_nodes) {
            if (node->process->state() == QProcess::Running)
                node->readLog();
        }
        if (condition())
            return true;
        QTest::qWait(200);
    }
    return false;
}

Node *tst_MultiNode::leader()
{
    for (const auto &node : m_nodes) {
        node->readLog();
        if (node->process->state() == QProcess::Running
            && node->log.contains(QStringLiteral("took the scheduler lock")))
            return node.get();
    }
    return nullptr;
}

// Describes the runs still queued or running for a failure message: each run's worker, last
// phase and the log tail of the node that claimed it.
QString tst_MultiNode::describeUnfinishedRuns()
{
    QSqlQuery runs(m_db);
    if (!runs.exec(QStringLiteral(
            "SELECT r.id, r.status, coalesce(r.worker, ''), coalesce((SELECT p.name || ' (status ' "
            "|| p.status || ')' FROM run_phases p WHERE p.run_id = r.id ORDER BY p.position DESC "
            "LIMIT 1), 'no phase') FROM runs r WHERE r.status IN (1, 2) ORDER BY r.id LIMIT 5")))
        return runs.lastError().text();
    QString text;
    while (runs.next()) {
        const QString worker = runs.value(2).toString();
        text += QStringLiteral("\nrun %1 status %2 worker %3, last phase %4")
                    .arg(runs.value(0).toString(), runs.value(1).toString(),
                         worker.isEmpty() ? QStringLiteral("none") : worker,
                         runs.value(3).toString());
        for (const auto &node : m_nodes) {
            if (worker.isEmpty() || !worker.startsWith(node->nodeId + QLatin1Char('/')))
                continue;
            // The node's lines about this run, then the last lines it wrote.
            const QRegularExpression runText(QStringLiteral("\\b[Rr]un %1\\b").arg(runs.value(0).toString()));
            const QStringList lines = node->log.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QStringList about;
            for (const QString &line : lines) {
                if (line.contains(runText))
                    about.append(line);
            }
            text += QStringLiteral("\nnode %1 about this run:\n%2\nlast lines of node %1:\n%3")
                        .arg(node->name, about.mid(qMax(0, about.size() - 12)).join(QLatin1Char('\n')),
                             lines.mid(qMax(0, lines.size() - 12)).join(QLatin1Char('\n')));
        }
    }
    return text;
}

void tst_MultiNode::initTestCase()
{
    if (hubtest::postgresFixtureUrl().isEmpty())
        QSKIP("HUBDESK_PG_URL is not set: start tests/fixtures/postgres.sh and source the "
              "postgres.env it writes (packaging/run-tests.sh does both).");
    QString error;
    m_url = hubtest::createPostgresDatabase(&error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const QUrl url(m_url);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("multinode"));
    m_db.setHostName(url.host());
    m_db.setPort(url.port());
    m_db.setUserName(url.userName());
    m_db.setDatabaseName(url.path().mid(1));
    QVERIFY2(m_db.open(), qPrintable(m_db.lastError().text()));

    // The first node creates the schema and the demo district; the others join it.
    for (const char *name : {"A", "B", "C"}) {
        auto node = std::make_unique<Node>();
        node->name = QString::fromLatin1(name);
        QVERIFY2(startNode(*node, m_nodes.empty()), qPrintable(node->log));
        m_nodes.push_back(std::move(node));
    }

    // Fifty copies of the demo's sections integration, so that fifty runs may run at once.
    const qint64 demo = scalar(QStringLiteral("SELECT min(id) FROM integrations WHERE output_id IS NOT NULL")).toLongLong();
    const qint64 destination = scalar(QStringLiteral("SELECT destination_id FROM integration_destinations WHERE integration_id = %1").arg(demo)).toLongLong();
    QVERIFY(demo > 0 && destination > 0);
    for (int i = 0; i < kIntegrations; ++i) {
        const qint64 id = scalar(QStringLiteral(
            "INSERT INTO integrations(district_id, product_id, output_id, integration_type, notes, "
            "query_timeout_seconds, format, created_at, updated_at) SELECT district_id, product_id, "
            "output_id, integration_type, notes, query_timeout_seconds, format, created_at, "
            "updated_at FROM integrations WHERE id = %1 RETURNING id").arg(demo)).toLongLong();
        QVERIFY(id > 0);
        QSqlQuery link(m_db);
        QVERIFY(link.exec(QStringLiteral("INSERT INTO integration_destinations(integration_id, "
                                         "position, destination_id, active) VALUES (%1, 1, %2, 1)")
                              .arg(id)
                              .arg(destination)));
        m_integrations.append(id);
    }
}

void tst_MultiNode::cleanupTestCase()
{
    for (const auto &node : m_nodes) {
        if (node->process && node->process->state() == QProcess::Running) {
            node->process->terminate();
            if (!node->process->waitForFinished(30000))
                node->process->kill();
        }
    }
    m_db.close();
}

void tst_MultiNode::everyRunExecutesOnce()
{
    QStringList ids;
    for (qint64 id : std::as_const(m_integrations))
        ids.append(QString::number(id));
    QSqlQuery queue(m_db);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY2(queue.exec(QStringLiteral(
                 "INSERT INTO runs(district_id, integration_id, trigger, status, queued_at) "
                 "SELECT i.district_id, i.id, 'manual', 2, '2026-12-04T00:00:00.000Z' "
                 "FROM integrations i CROSS JOIN generate_series(1, %1) WHERE i.id IN (%2)")
                 .arg(kRunsPerIntegration)
                 .arg(ids.join(QLatin1Char(',')))),
             qPrintable(queue.lastError().text()));
    QCOMPARE(queue.numRowsAffected(), kIntegrations * kRunsPerIntegration);
    QVERIFY(queue.exec(QStringLiteral("NOTIFY hub_runs_queued")));

    if (!waitUntil([&] { return scalar(QStringLiteral("SELECT count(*) FROM runs WHERE status IN (1, 2)")).toLongLong() == 0; },
                   240000))
        QFAIL(qPrintable(QStringLiteral("the queued runs did not finish within 240 s:")
                         + describeUnfinishedRuns()));
    const double minutes = elapsed.elapsed() / 60000.0;
    qInfo("500 runs on 3 nodes in %.1f s: %.0f runs per minute", minutes * 60,
          kIntegrations * kRunsPerIntegration / minutes);

    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM runs WHERE status IN (0, 8)")).toLongLong(),
             qint64(kIntegrations * kRunsPerIntegration));
    // A second execution of a run would record its phases twice.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM (SELECT run_id, name FROM run_phases "
                                   "GROUP BY run_id, name HAVING count(*) > 1) twice")).toLongLong(),
             qint64(0));
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT run_id) FROM run_phases")).toLongLong(),
             qint64(kIntegrations * kRunsPerIntegration));
    // Every node took part, and no two runs of one integration overlapped.
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT split_part(worker, '/', 1)) FROM runs")).toLongLong(),
             qint64(3));
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM runs a JOIN runs b ON a.integration_id = b.integration_id "
                 "AND a.id < b.id AND a.started_at < b.ended_at AND b.started_at < a.ended_at")).toLongLong(),
             qint64(0));
}

void tst_MultiNode::killedNodeRunsFailAndRetry()
{
    // A lock on the classes table holds every report query, so runs stay running on all nodes.
    QSqlQuery blocker(m_db);
    QVERIFY(blocker.exec(QStringLiteral("BEGIN")));
    QVERIFY(blocker.exec(QStringLiteral("LOCK TABLE classes IN ACCESS EXCLUSIVE MODE")));
    QSqlDatabase queueDb = QSqlDatabase::cloneDatabase(m_db, QStringLiteral("multinode-queue"));
    QVERIFY(queueDb.open());
    {
        QSqlQuery queue(queueDb);
        QVERIFY(queue.exec(QStringLiteral(
            "INSERT INTO runs(district_id, integration_id, trigger, status, queued_at) "
            "SELECT district_id, id, 'manual', 2, '2026-12-04T01:00:00.000Z' FROM integrations "
            "WHERE id IN (%1, %2, %3, %4, %5, %6)")
                               .arg(m_integrations[0]).arg(m_integrations[1]).arg(m_integrations[2])
                               .arg(m_integrations[3]).arg(m_integrations[4]).arg(m_integrations[5])));
        QVERIFY(queue.exec(QStringLiteral("NOTIFY hub_runs_queued")));
    }
    const bool allRunning = waitUntil([&] {
        QSqlQuery count(queueDb);
        return count.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status = 1")) && count.next()
               && count.value(0).toInt() == 6;
    }, 20000);

    // The victim is a node that holds at least one of them.
    Node *victim = nullptr;
    QStringList victimRuns;
    for (const auto &node : m_nodes) {
        QSqlQuery held(queueDb);
        QVERIFY(held.exec(QStringLiteral("SELECT id FROM runs WHERE status = 1 AND worker LIKE '%1/%'")
                              .arg(node->nodeId)));
        QStringList runs;
        while (held.next())
            runs.append(held.value(0).toString());
        if (!runs.isEmpty() && (!victim || node.get() != leader())) {
            victim = node.get();
            victimRuns = runs;
        }
    }
    if (!victim || !allRunning) {
        QVERIFY(blocker.exec(QStringLiteral("ROLLBACK")));
        QVERIFY2(allRunning, "six runs did not start on the three nodes within 20 s");
        QVERIFY(victim);
    }
    ::kill(pid_t(victim->process->processId()), SIGKILL);
    QVERIFY(victim->process->waitForFinished(10000));
    QVERIFY(blocker.exec(QStringLiteral("COMMIT")));

    // The killed node's runs fail after their lease, and their retries run on the other nodes.
    QVERIFY2(waitUntil([&] {
        QSqlQuery count(queueDb);
        return count.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status IN (1, 2)")) && count.next()
               && count.value(0).toInt() == 0;
    }, (kLeaseSeconds + 60) * 1000),
             "the killed node's runs were not failed and retried after their lease");
    QSqlQuery outcome(queueDb);
    QVERIFY(outcome.exec(QStringLiteral("SELECT id, status, coalesce(message, '') FROM runs "
                                        "WHERE queued_at = '2026-12-04T01:00:00.000Z'")));
    int failed = 0;
    while (outcome.next()) {
        const QString id = outcome.value(0).toString();
        const QString message = outcome.value(2).toString();
        if (victimRuns.contains(id)) {
            QCOMPARE(outcome.value(1).toInt(), 9);
            QVERIFY2(message.startsWith(QStringLiteral("Node %1 stopped before the run finished")
                                            .arg(victim->nodeId)),
                     qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("lease expired")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("as automatic retry 1 of 1")), qPrintable(message));
            ++failed;
        } else {
            QVERIFY2(outcome.value(1).toInt() == 0 || outcome.value(1).toInt() == 8,
                     qPrintable(QStringLiteral("run %1 ended with %2: %3")
                                    .arg(id, outcome.value(1).toString(), message)));
        }
    }
    QCOMPARE(failed, victimRuns.size());

    // Each of them has exactly one retry, which ran once on a surviving node and succeeded.
    for (const QString &id : std::as_const(victimRuns)) {
        QSqlQuery retry(queueDb);
        QVERIFY(retry.exec(QStringLiteral("SELECT id, status, worker, trigger, worker_loss_retry, "
                                          "(SELECT count(*) FROM run_phases p WHERE p.run_id = r.id "
                                          "AND p.name = 'Query') FROM runs r WHERE retry_of = %1")
                               .arg(id)));
        QVERIFY2(retry.next(), qPrintable(QStringLiteral("run %1 has no retry").arg(id)));
        const QString worker = retry.value(2).toString();
        QVERIFY2(retry.value(1).toInt() == 0 || retry.value(1).toInt() == 8,
                 qPrintable(QStringLiteral("retry %1 of run %2 ended with status %3")
                                .arg(retry.value(0).toString(), id, retry.value(1).toString())));
        QVERIFY2(!worker.startsWith(victim->nodeId + QLatin1Char('/')), qPrintable(worker));
        QVERIFY2(!worker.isEmpty(), "the retry has no worker");
        QCOMPARE(retry.value(3).toString(), QStringLiteral("retry"));
        QCOMPARE(retry.value(4).toInt(), 1);
        QCOMPARE(retry.value(5).toInt(), 1);
        QVERIFY2(!retry.next(), qPrintable(QStringLiteral("run %1 was retried twice").arg(id)));
    }
    queueDb.close();
}

// The scheduler's node dies a few seconds before a schedule that fires every minute is due
// again. A standby node takes over within the run lease (standby nodes check four times per
// lease), and each occurrence in the window has exactly one run.
void tst_MultiNode::schedulerTakeoverKeepsOccurrences()
{
    int running = 0;
    for (const auto &node : m_nodes)
        running += node->process->state() == QProcess::Running ? 1 : 0;
    if (running < 2) {
        auto node = std::make_unique<Node>();
        node->name = QStringLiteral("D");
        QVERIFY2(startNode(*node, false), qPrintable(node->log));
        m_nodes.push_back(std::move(node));
    }
    Node *holder = leader();
    QVERIFY2(holder, "no node logged that it took the scheduler lock");

    // Every minute of the day in the district's zone. The holder's admin API applies it at once
    // and follows it from now, so the first occurrence is the next minute.
    const qint64 integration = m_integrations.first();
    const qint64 destination = scalar(QStringLiteral("SELECT destination_id FROM integration_destinations "
                                                     "WHERE integration_id = %1").arg(integration)).toLongLong();
    const QTimeZone zone(scalar(QStringLiteral("SELECT d.time_zone FROM districts d JOIN integrations i "
                                               "ON i.district_id = d.id WHERE i.id = %1")
                                    .arg(integration)).toString().toUtf8());
    QVERIFY(zone.isValid());
    const QJsonObject schedule{
        {QStringLiteral("type"), QStringLiteral("daily")},
        {QStringLiteral("startDate"),
         QDateTime::currentDateTimeUtc().toTimeZone(zone).date().addDays(-1).toString(Qt::ISODate)},
        {QStringLiteral("startTime"), QStringLiteral("00:00")},
        {QStringLiteral("repeatEvery"), 1},
        {QStringLiteral("active"), true},
        {QStringLiteral("advanced"), QJsonObject{{QStringLiteral("enabled"), true},
                                                 {QStringLiteral("everyMinutes"), 1},
                                                 {QStringLiteral("durationMinutes"), 1439}}}};
    const QJsonObject body{
        {QStringLiteral("productId"), scalar(QStringLiteral("SELECT product_id FROM integrations WHERE id = %1").arg(integration)).toLongLong()},
        {QStringLiteral("outputId"), scalar(QStringLiteral("SELECT output_id FROM integrations WHERE id = %1").arg(integration)).toLongLong()},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("destinations"), QJsonArray{QJsonObject{{QStringLiteral("destinationId"), destination}}}}};
    hubtest::ApiTestClient api(holder->baseUrl, QByteArray(kAdminToken));
    const hubtest::ApiReply updated = api.put(QStringLiteral("/api/v1/integrations/%1").arg(integration), body);
    QVERIFY2(updated.status == 200, updated.body.constData());
    const QString scheduledRuns = QStringLiteral("SELECT count(*) FROM runs WHERE integration_id = %1 "
                                                 "AND scheduled_for IS NOT NULL").arg(integration);

    // The holder queues the first occurrence, then dies 3 s before the second is due.
    QVERIFY2(waitUntil([&] { return scalar(scheduledRuns).toLongLong() >= 1; }, 90000),
             "the scheduler queued no run within 90 s");
    const QDateTime first = QDateTime::fromString(
        scalar(QStringLiteral("SELECT min(scheduled_for) FROM runs WHERE integration_id = %1").arg(integration)).toString(),
        Qt::ISODateWithMs);
    QVERIFY(first.isValid());
    const QDateTime killAt = first.addSecs(57);
    QVERIFY2(QDateTime::currentDateTimeUtc() < killAt,
             "the first scheduled run was queued too late to kill its node before the second");
    QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(killAt)));
    QCOMPARE(scalar(scheduledRuns).toLongLong(), qint64(1));
    ::kill(pid_t(holder->process->processId()), SIGKILL);
    QVERIFY(holder->process->waitForFinished(10000));
    QElapsedTimer elapsed;
    elapsed.start();

    Node *successor = nullptr;
    QVERIFY2(waitUntil([&] { return (successor = leader()) != nullptr; }, 20000),
             "no standby node took over the scheduler within 20 s");
    const qint64 takeoverMs = elapsed.elapsed();
    qInfo("Node %s took over the scheduler %lld ms after node %s was killed",
          qPrintable(successor->name), takeoverMs, qPrintable(holder->name));
    QVERIFY2(takeoverMs < kLeaseSeconds * 1000,
             qPrintable(QStringLiteral("the takeover took %1 ms, more than the %2 s lease")
                            .arg(takeoverMs)
                            .arg(kLeaseSeconds)));

    // The second occurrence falls to the new holder, and so does the third.
    QVERIFY2(waitUntil([&] { return scalar(scheduledRuns).toLongLong() >= 3
                                    && scalar(QStringLiteral("SELECT count(*) FROM runs WHERE "
                                                             "integration_id = %1 AND status IN (1, 2)")
                                                  .arg(integration)).toLongLong() == 0; },
                       150000),
             qPrintable(QStringLiteral("the scheduler queued %1 runs in 150 s after the takeover")
                            .arg(scalar(scheduledRuns).toLongLong())));
    QVERIFY(scalar(QStringLiteral("UPDATE integrations SET schedule = NULL WHERE id = %1 RETURNING id")
                       .arg(integration)).isValid());

    QSqlQuery occurrences(m_db);
    QVERIFY(occurrences.exec(QStringLiteral("SELECT scheduled_for, trigger, status, coalesce(message, '') "
                                            "FROM runs WHERE integration_id = %1 AND scheduled_for IS NOT NULL "
                                            "AND scheduled_for <= '%2' ORDER BY scheduled_for, id")
                                 .arg(integration)
                                 .arg(first.addSecs(120).toString(Qt::ISODateWithMs))));
    QStringList times;
    while (occurrences.next()) {
        times.append(occurrences.value(0).toString());
        QCOMPARE(occurrences.value(1).toString(), QStringLiteral("schedule"));
        QVERIFY2(occurrences.value(2).toInt() == 0 || occurrences.value(2).toInt() == 8,
                 qPrintable(QStringLiteral("the run for %1 ended with status %2: %3")
                                .arg(occurrences.value(0).toString(), occurrences.value(2).toString(),
                                     occurrences.value(3).toString())));
    }
    const QStringList expected{first.toString(Qt::ISODateWithMs),
                               first.addSecs(60).toString(Qt::ISODateWithMs),
                               first.addSecs(120).toString(Qt::ISODateWithMs)};
    QCOMPARE(times, expected);
}

QTEST_GUILESS_MAIN(tst_MultiNode)
#include "tst_multinode.moc"
