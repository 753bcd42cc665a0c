// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <vector>

namespace hub {
class Store;
}

namespace hub::runs {

// Worker threads that claim queued runs and execute them. Workers sleep until wake() is called
// or a poll interval passes. A timer on the owning thread renews the leases of the runs that
// the workers are executing and fails runs whose lease has expired.
class WorkerPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerPool)

public:
    // leaseSeconds is how long a claim lasts without renewal; the pool renews its leases four
    // times per lease.
    WorkerPool(const Store &store, QString dataDir, int workerCount,
               int leaseSeconds = kDefaultLeaseSeconds, QObject *parent = nullptr);
    ~WorkerPool() override;

    void start();
    // Stops claiming new runs and waits for running ones to finish.
    void stop();
    // Wakes idle workers, for example after a run was queued.
    void wake();
    // Renews the leases of the runs this node executes and fails runs whose lease expired,
    // emitting runFinished() for each. The pool's timer calls it four times per lease.
    void maintainLeases();

    QString nodeId() const { return m_nodeId; }
    // Names this node's workers; call before start(). The engine keeps one id per data folder,
    // so that after a restart it knows which running runs were its own.
    void setNodeId(const QString &nodeId) { m_nodeId = nodeId; }
    // Lets the workers validate a OneRoster bundle while its load runs (see
    // RunExecutor::setOverlapBundleLoads); call before start().
    void setOverlapBundleLoads(bool overlap) { m_overlapBundleLoads = overlap; }

    static constexpr int kDefaultLeaseSeconds = 60;
    int leaseSeconds() const { return m_leaseSeconds; }

signals:
    // Emitted after a run ended: from a worker thread when the worker ran it, and from the
    // owning thread when the pool failed it because its lease expired.
    void runFinished(qint64 runId);

private:
    void workerLoop(int index);

    const Store &m_store;
    QString m_dataDir;
    int m_workerCount;
    int m_leaseSeconds;
    QString m_nodeId;
    bool m_overlapBundleLoads = false;
    std::vector<std::unique_ptr<QThread>> m_threads;
    QMutex m_mutex;
    QWaitCondition m_wakeCondition;
    // The runs that the workers are executing now; guarded by m_mutex.
    QList<qint64> m_executing;
    std::atomic_bool m_stopping = false;
    QTimer m_leaseTimer;
};

} // namespace hub::runs
