// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace hub::http {

// A fixed set of threads that run request handlers, fed from one queue so that a free thread
// takes the oldest job. The threads live as long as the pool. Each calls threadFinished just
// before it ends, so that it can close what it opened, such as its store connection.
class RequestPool
{
public:
    RequestPool(int threads, std::function<void()> threadFinished);
    // Drops the jobs that no thread has taken and waits for the running ones.
    ~RequestPool();
    Q_DISABLE_COPY_MOVE(RequestPool)

    int threadCount() const { return int(m_threads.size()); }
    // Queues a job for the next free thread.
    void post(std::function<void()> job);
    // Jobs queued and not taken by a thread yet.
    qsizetype queuedJobs() const;

private:
    void serve();

    std::function<void()> m_threadFinished;
    mutable QMutex m_mutex;
    QWaitCondition m_jobQueued;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace hub::http
