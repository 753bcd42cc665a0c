// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Three hubd processes on one PostgreSQL database: every queued run executes exactly once, the
// runs of a node killed with SIGKILL fail when their lease expires while the other nodes go on,
// and a standby node takes over the scheduler when its holder dies.

#include "testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

constexpr int kLeaseSeconds = 6;
constexpr int kIntegrations = 50;
constexpr int kRunsPerIntegration = 10;

struct Node
{
    QString name;
    std::unique_ptr<QTemporaryDir> dataDir;
    std::unique_ptr<QProcess> process;
    QString nodeId;
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
    void killedNodeRunsFailAfterLease();
    void standbyTakesOverScheduler();

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
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QStringLiteral("multinode-test-token-0123456789"));
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
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < 60000 && node.process->state() == QProcess::Running) {
        node.process->waitForReadyRead(200);
        node.readLog();
        if (node.log.contains(QStringLiteral("hubd listening on"))) {
            node.nodeId = nodeId.match(node.log).captured(1);
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

void tst_MultiNode::killedNodeRunsFailAfterLease()
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

    QVERIFY2(waitUntil([&] {
        QSqlQuery count(queueDb);
        return count.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status IN (1, 2)")) && count.next()
               && count.value(0).toInt() == 0;
    }, (kLeaseSeconds + 20) * 1000),
             "the killed node's runs were not failed after their lease");
    QSqlQuery outcome(queueDb);
    QVERIFY(outcome.exec(QStringLiteral("SELECT id, status, coalesce(message, '') FROM runs "
                                        "WHERE queued_at = '2026-12-04T01:00:00.000Z'")));
    int failed = 0;
    while (outcome.next()) {
        const QString id = outcome.value(0).toString();
        if (victimRuns.contains(id)) {
            QCOMPARE(outcome.value(1).toInt(), 9);
            QVERIFY2(outcome.value(2).toString().contains(QStringLiteral("lease expired")),
                     qPrintable(outcome.value(2).toString()));
            ++failed;
        } else {
            QVERIFY2(outcome.value(1).toInt() == 0 || outcome.value(1).toInt() == 8,
                     qPrintable(QStringLiteral("run %1 ended with %2: %3")
                                    .arg(id, outcome.value(1).toString(), outcome.value(2).toString())));
        }
    }
    QCOMPARE(failed, victimRuns.size());
    queueDb.close();
}

void tst_MultiNode::standbyTakesOverScheduler()
{
    Node *holder = leader();
    QVERIFY2(holder, "no node logged that it took the scheduler lock");
    ::kill(pid_t(holder->process->processId()), SIGKILL);
    QVERIFY(holder->process->waitForFinished(10000));
    QElapsedTimer elapsed;
    elapsed.start();
    // Standby nodes try every 5 s; PostgreSQL frees the lock when the dead node's socket closes.
    QVERIFY2(waitUntil([&] { return leader() != nullptr; }, 20000),
             "no standby node took over the scheduler within 20 s");
    qInfo("Node %s took over the scheduler %lld ms after node %s was killed",
          qPrintable(leader()->name), elapsed.elapsed(), qPrintable(holder->name));
}

QTEST_GUILESS_MAIN(tst_MultiNode)
#include "tst_multinode.moc"
