// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runrecorder.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QThread>

#include <algorithm>

namespace hub::runs {

namespace {

// How often finishRun() tries to record the run's end, and the wait before the second try;
// each further try waits longer by the same step.
constexpr int kFinishAttempts = 3;
constexpr unsigned long kFinishRetryMs = 200;

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

void reportStoreError(qint64 runId, const QString &error)
{
    qCWarning(lcRuns) << "Run" << runId << "cannot record its progress:" << error;
}

// The runs that recorders of this process record, with the number of recorders of each, and
// those of them whose cancel requestCancel() asked for.
struct ActiveRuns
{
    QMutex mutex;
    QHash<qint64, int> recorders;
    QSet<qint64> cancelRequested;
};

ActiveRuns &activeRuns()
{
    static ActiveRuns runs;
    return runs;
}

} // namespace

RunRecorder::RunRecorder(QSqlDatabase db, qint64 runId)
    : m_db(std::move(db))
    , m_runId(runId)
{
    {
        ActiveRuns &runs = activeRuns();
        const QMutexLocker lock(&runs.mutex);
        ++runs.recorders[m_runId];
    }
    // A run that resumes after a hold keeps the phases of its first attempt.
    auto last = selectValue(m_db,
                            QStringLiteral("SELECT coalesce(max(position), 0) FROM run_phases "
                                           "WHERE run_id = ?"),
                            {m_runId});
    if (last)
        m_phasePosition = last->toInt();
    else
        reportStoreError(m_runId, last.error());
}

void RunRecorder::startPhase(const QString &name, const QDateTime &startedAt)
{
    if (m_phaseId != 0)
        finishPhase(RunStatus::Succeeded);
    ++m_phasePosition;
    auto inserted = execute(m_db,
                            QStringLiteral("INSERT INTO run_phases(run_id, position, name, status, "
                                           "started_at) VALUES (?, ?, ?, ?, ?)"),
                            {m_runId, m_phasePosition, name, int(RunStatus::Running),
                             startedAt.isValid() ? toIsoUtc(startedAt) : nowIsoUtc()});
    if (!inserted) {
        reportStoreError(m_runId, inserted.error());
        return;
    }
    m_phaseId = inserted->lastInsertId().toLongLong();
    qCInfo(lcRuns) << "Run" << m_runId << "phase" << name << "started";
}

void RunRecorder::finishPhase(RunStatus status, const PhaseCounts &counts,
                              const QDateTime &endedAt)
{
    if (m_phaseId == 0)
        return;
    auto updated = execute(m_db,
                           QStringLiteral("UPDATE run_phases SET status = ?, ended_at = ?, "
                                          "rows_read = ?, rows_written = ?, rows_rejected = ?, "
                                          "bytes = ?, requests = ?, pages = ?, retries = ? "
                                          "WHERE id = ?"),
                           {int(status), endedAt.isValid() ? toIsoUtc(endedAt) : nowIsoUtc(),
                            counts.rowsRead, counts.rowsWritten,
                            counts.rowsRejected, counts.bytes, counts.requests, counts.pages,
                            counts.retries, m_phaseId});
    if (!updated)
        reportStoreError(m_runId, updated.error());
    m_phaseId = m_overlappingPhaseId;
    m_overlappingPhaseId = 0;
}

void RunRecorder::startOverlappingPhase(const QString &name)
{
    if (m_phaseId == 0) {
        startPhase(name);
        return;
    }
    if (m_overlappingPhaseId != 0)
        discardOverlappingPhase();
    auto inserted = execute(m_db,
                            QStringLiteral("INSERT INTO run_phases(run_id, position, name, status, "
                                           "started_at) VALUES (?, ?, ?, ?, ?)"),
                            {m_runId, m_phasePosition + 1, name, int(RunStatus::Running),
                             nowIsoUtc()});
    if (!inserted) {
        reportStoreError(m_runId, inserted.error());
        return;
    }
    ++m_phasePosition;
    m_overlappingPhaseId = inserted->lastInsertId().toLongLong();
    qCInfo(lcRuns) << "Run" << m_runId << "phase" << name << "started beside the running phase";
}

void RunRecorder::discardOverlappingPhase()
{
    if (m_overlappingPhaseId == 0)
        return;
    auto deleted = execute(m_db, QStringLiteral("DELETE FROM run_phases WHERE id = ?"),
                           {m_overlappingPhaseId});
    if (!deleted)
        reportStoreError(m_runId, deleted.error());
    else
        --m_phasePosition;
    m_overlappingPhaseId = 0;
}

void RunRecorder::setPhaseTarget(const QString &target)
{
    if (m_phaseId == 0)
        return;
    auto updated = execute(m_db, QStringLiteral("UPDATE run_phases SET target = ? WHERE id = ?"),
                           {target, m_phaseId});
    if (!updated)
        reportStoreError(m_runId, updated.error());
}

void RunRecorder::setShownPaths(QList<std::pair<QString, QString>> replacements)
{
    std::sort(replacements.begin(), replacements.end(),
              [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    m_shownPaths = std::move(replacements);
}

QString RunRecorder::shown(QString text) const
{
    for (const auto &[path, replacement] : m_shownPaths) {
        if (!path.isEmpty())
            text.replace(path, replacement);
    }
    return text;
}

void RunRecorder::log(LogLevel level, const QString &logged)
{
    const QString message = shown(logged);
    if (level == LogLevel::Warning)
        ++m_warnings;
    switch (level) {
    case LogLevel::Info:
        qCInfo(lcRuns).noquote() << "Run" << m_runId << message;
        break;
    case LogLevel::Warning:
        qCWarning(lcRuns).noquote() << "Run" << m_runId << message;
        break;
    case LogLevel::Error:
        qCWarning(lcRuns).noquote() << "Run" << m_runId << "error:" << message;
        break;
    }
    auto inserted
        = execute(m_db,
                  QStringLiteral("INSERT INTO run_logs(run_id, phase_id, logged_at, level, "
                                 "message) VALUES (?, ?, ?, ?, ?)"),
                  {m_runId, m_phaseId == 0 ? QVariant() : QVariant(m_phaseId), nowIsoUtc(),
                   levelName(level), message});
    if (!inserted)
        reportStoreError(m_runId, inserted.error());
}

RunRecorder::~RunRecorder()
{
    ActiveRuns &runs = activeRuns();
    const QMutexLocker lock(&runs.mutex);
    if (--runs.recorders[m_runId] > 0)
        return;
    runs.recorders.remove(m_runId);
    runs.cancelRequested.remove(m_runId);
}

bool RunRecorder::requestCancel(qint64 runId)
{
    ActiveRuns &runs = activeRuns();
    const QMutexLocker lock(&runs.mutex);
    if (!runs.recorders.contains(runId))
        return false;
    runs.cancelRequested.insert(runId);
    return true;
}

bool RunRecorder::cancelRequested() const
{
    {
        ActiveRuns &runs = activeRuns();
        const QMutexLocker lock(&runs.mutex);
        if (runs.cancelRequested.contains(m_runId))
            return true;
    }
    auto requested = selectValue(
        m_db, QStringLiteral("SELECT cancel_requested FROM runs WHERE id = ?"), {m_runId});
    if (!requested) {
        reportStoreError(m_runId, requested.error());
        return false;
    }
    return requested->toBool();
}

void RunRecorder::holdPhase()
{
    if (m_phaseId == 0)
        return;
    auto updated = execute(m_db, QStringLiteral("UPDATE run_phases SET status = ? WHERE id = ?"),
                           {int(RunStatus::Queued), m_phaseId});
    if (!updated)
        reportStoreError(m_runId, updated.error());
    m_phaseId = 0;
}

void RunRecorder::finishRun(RunStatus status, const QString &finished)
{
    const QString message = shown(finished);
    // The second call ends a phase that overlapped the first.
    for (int phase = 0; phase < 2 && m_phaseId != 0; ++phase)
        finishPhase(status == RunStatus::SucceededWithWarnings ? RunStatus::Succeeded : status);
    // Without this update the run would stay running, so a refused update (PostgreSQL may
    // abort it as the loser of a deadlock) is tried again a few times.
    const QString endedAt = nowIsoUtc();
    for (int attempt = 1; attempt <= kFinishAttempts; ++attempt) {
        auto updated = execute(m_db,
                               QStringLiteral("UPDATE runs SET status = ?, ended_at = ?, "
                                              "message = ?, lease_expires_at = NULL WHERE id = ?"),
                               {int(status), endedAt, message, m_runId});
        if (updated) {
            qCInfo(lcRuns).noquote() << "Run" << m_runId << "finished as"
                                     << runStatusText(int(status)) + QLatin1Char(':') << message;
            return;
        }
        reportStoreError(m_runId, updated.error());
        if (attempt < kFinishAttempts) {
            qCInfo(lcRuns) << "Run" << m_runId << "tries again to record its end, attempt"
                           << attempt + 1 << "of" << kFinishAttempts;
            QThread::msleep(kFinishRetryMs * attempt);
        }
    }
    qCWarning(lcRuns) << "Run" << m_runId << "could not record its end after" << kFinishAttempts
                      << "attempts";
}

} // namespace hub::runs
