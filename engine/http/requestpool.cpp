// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "requestpool.h"

#include "core/logging.h"

#include <QThread>

namespace hub::http {

RequestPool::RequestPool(int threads, std::function<void()> threadFinished)
    : m_threadFinished(std::move(threadFinished))
{
    for (int i = 0; i < threads; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this] { serve(); }));
        thread->setObjectName(QStringLiteral("hubd-request-%1").arg(i + 1));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    qCInfo(lcHttp) << "Started" << threads << "request threads";
}

RequestPool::~RequestPool()
{
    qsizetype dropped = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        dropped = qsizetype(m_jobs.size());
        m_jobs.clear();
        m_jobQueued.wakeAll();
    }
    for (const auto &thread : m_threads)
        thread->wait();
    qCInfo(lcHttp) << "Stopped" << m_threads.size() << "request threads;" << dropped
                   << "queued requests were dropped";
}

void RequestPool::post(std::function<void()> job)
{
    QMutexLocker locker(&m_mutex);
    m_jobs.push_back(std::move(job));
    m_jobQueued.wakeOne();
}

qsizetype RequestPool::queuedJobs() const
{
    QMutexLocker locker(&m_mutex);
    return qsizetype(m_jobs.size());
}

void RequestPool::serve()
{
    for (;;) {
        std::function<void()> job;
        {
            QMutexLocker locker(&m_mutex);
            while (m_jobs.empty() && !m_stopping)
                m_jobQueued.wait(&m_mutex);
            if (m_stopping)
                break;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
    if (m_threadFinished)
        m_threadFinished();
}

} // namespace hub::http
