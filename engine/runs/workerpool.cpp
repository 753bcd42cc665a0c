// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "workerpool.h"

#include "core/logging.h"
#include "runs/runexecutor.h"
#include "runs/runqueue.h"
#include "store/store.h"

#include <QUuid>

namespace hub::runs {

namespace {

// How long an idle worker sleeps before it looks at the queue again without being woken.
constexpr unsigned long kPollMilliseconds = 2000;

} // namespace

WorkerPool::WorkerPool(const Store &store, QString dataDir, int workerCount, int leaseSeconds,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dataDir(std::move(dataDir))
    , m_workerCount(qMax(1, workerCount))
    , m_leaseSeconds(qMax(4, leaseSeconds))
    , m_nodeId(QStringLiteral("node-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12)))
{
    m_leaseTimer.setInterval(m_leaseSeconds * 1000 / 4);
    connect(&m_leaseTimer, &QTimer::timeout, this, &WorkerPool::maintainLeases);
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::start()
{
    m_stopping = false;
    for (int i = 0; i < m_workerCount; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this, i] { workerLoop(i); }));
        thread->setObjectName(QStringLiteral("hub-worker-%1").arg(i + 1));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    m_leaseTimer.start();
    qCInfo(lcRuns) << "Started" << m_workerCount << "workers on" << m_nodeId;
}

void WorkerPool::stop()
{
    if (m_threads.empty())
        return;
    m_stopping = true;
    m_leaseTimer.stop();
    wake();
    for (const auto &thread : m_threads)
        thread->wait();
    m_threads.clear();
    qCInfo(lcRuns) << "Stopped the workers of" << m_nodeId;
}

void WorkerPool::wake()
{
    QMutexLocker locker(&m_mutex);
    m_wakeCondition.wakeAll();
}

void WorkerPool::workerLoop(int index)
{
    const QString worker = QStringLiteral("%1/worker-%2").arg(m_nodeId).arg(index + 1);
    RunExecutor executor(m_store, m_dataDir);
    executor.setOverlapBundleLoads(m_overlapBundleLoads);

    while (!m_stopping) {
        auto claimed = queue::claimNext(m_store.connection(), worker, m_leaseSeconds);
        if (!claimed)
            qCWarning(lcRuns) << worker << "cannot claim a run:" << claimed.error();
        if (claimed && claimed->has_value()) {
            const qint64 runId = **claimed;
            {
                QMutexLocker locker(&m_mutex);
                m_executing.append(runId);
            }
            executor.execute(runId);
            // A run whose end the store did not take stays running until something fails it.
            // Once it leaves m_executing its lease is no longer renewed, so it expires even when
            // this update fails as well.
            auto unfinished = queue::failUnfinished(
                m_store.connection(), runId, worker,
                QStringLiteral("Recording the run's result failed. See the hubd log of worker "
                               "%1.")
                    .arg(worker));
            if (!unfinished)
                qCWarning(lcRuns) << worker << "cannot check that run" << runId
                                  << "was recorded as ended:" << unfinished.error();
            {
                QMutexLocker locker(&m_mutex);
                m_executing.removeOne(runId);
            }
            emit runFinished(runId);
            continue;
        }
        QMutexLocker locker(&m_mutex);
        if (!m_stopping)
            m_wakeCondition.wait(&m_mutex, kPollMilliseconds);
    }
    m_store.releaseThreadConnection();
}

void WorkerPool::maintainLeases()
{
    const QSqlDatabase db = m_store.connection();
    QList<qint64> executing;
    {
        QMutexLocker locker(&m_mutex);
        executing = m_executing;
    }
    if (auto renewed = queue::renewLeases(db, m_nodeId, executing, m_leaseSeconds); !renewed)
        qCWarning(lcRuns) << "Cannot renew run leases:" << renewed.error();
    auto failed = queue::failExpiredLeases(db);
    if (!failed) {
        qCWarning(lcRuns) << "Cannot check run leases:" << failed.error();
        return;
    }
    if (failed->isEmpty())
        return;
    for (const qint64 runId : std::as_const(*failed))
        emit runFinished(runId);
    wake(); // The failed runs may have queued retries.
}

} // namespace hub::runs
