// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runwatcher.h"

#include "clientlogging.h"
#include "engineclient.h"
#include "runbookmodel.h"

namespace hubdesk {

namespace {

constexpr int kRunning = 1;
constexpr int kQueued = 2;

// The parts of a run that the status line shows. Other fields, such as the change version,
// change without a new sentence.
bool sameState(const QJsonObject &a, const QJsonObject &b)
{
    for (const char *key : {"status", "hold"}) {
        if (a.value(QLatin1String(key)) != b.value(QLatin1String(key)))
            return false;
    }
    return true;
}

} // namespace

RunWatcher::RunWatcher(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(kIntervalMs);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RunWatcher::fetch);
}

RunWatcher::~RunWatcher()
{
    stop();
}

void RunWatcher::watch(qint64 runId, const QJsonObject &run)
{
    stop();
    m_runId = runId;
    m_run = run;
    if (m_polling)
        fetch();
}

void RunWatcher::stop()
{
    m_timer.stop();
    if (ApiJob *job = m_job) {
        m_job.clear();
        job->disconnect(this);
        job->abort();
    }
    m_runId = 0;
    m_run = {};
}

void RunWatcher::setPolling(bool polling)
{
    if (polling == m_polling)
        return;
    m_polling = polling;
    if (!polling) {
        m_timer.stop();
        return;
    }
    if (m_runId > 0 && !hasEnded() && !m_job)
        fetch();
}

bool RunWatcher::hasEnded() const
{
    if (m_run.isEmpty())
        return false;
    const int status = m_run.value(QStringLiteral("status")).toInt();
    return status != kQueued && status != kRunning;
}

void RunWatcher::fetch()
{
    if (m_runId <= 0 || m_job)
        return;
    m_job = m_client->fetchRun(m_runId);
    connect(m_job, &ApiJob::finished, this, &RunWatcher::onFetched);
}

void RunWatcher::onFetched(const ApiResult &result)
{
    m_job.clear();
    if (result.ok()) {
        QJsonObject run = result.body.object();
        run.remove(QStringLiteral("phases"));
        run.remove(QStringLiteral("log"));
        const bool changed = !sameState(run, m_run);
        m_run = run;
        if (changed)
            emit runChanged(m_run);
    } else if (result.httpStatus >= 400 && result.httpStatus < 500) {
        // A run that is gone, or that this user may no longer read, has nothing more to show.
        qCInfo(lcClient) << "Stopped following run" << m_runId << "after HTTP" << result.httpStatus;
        return;
    } else {
        // The line keeps its last sentence, and the next poll tries again.
        qCInfo(lcClient) << "Cannot read run" << m_runId
                         << "for its status line:" << result.errorMessage;
    }
    if (m_polling && m_runId > 0 && !hasEnded())
        m_timer.start();
}

QString runStateMessage(const QJsonObject &run)
{
    const QString id = QString::number(run.value(QStringLiteral("id")).toInteger());
    const int status = run.value(QStringLiteral("status")).toInt();
    if (RunbookModel::isHeld(run))
        return RunWatcher::tr("Run %1 is held for approval.").arg(id);
    if (status == kQueued)
        return RunWatcher::tr("Run %1 is queued.").arg(id);
    if (status == kRunning)
        return RunWatcher::tr("Run %1 is running.").arg(id);
    return RunWatcher::tr("Run %1 ended: %2.").arg(id, statusLabel(status));
}

QString alreadyQueuedMessage(qint64 runId)
{
    return RunWatcher::tr("Run %1 was already queued, so no other run was added.").arg(runId);
}

} // namespace hubdesk
