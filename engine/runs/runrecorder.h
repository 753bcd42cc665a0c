// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "runs/runstatus.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <utility>

namespace hub::runs {

struct PhaseCounts
{
    qint64 rowsRead = 0;
    qint64 rowsWritten = 0;
    qint64 rowsRejected = 0;
    qint64 bytes = 0;
    // What an API phase did: HTTP requests sent, pages of records, and repeated requests.
    qint64 requests = 0;
    qint64 pages = 0;
    qint64 retries = 0;
};

enum class LogLevel { Info, Warning, Error };

// Writes one run's phases and log lines as they happen, each in its own short transaction, so
// the runbook shows progress while the run goes on. Every line also goes to the hub.runs log
// with the run id.
class RunRecorder
{
public:
    RunRecorder(QSqlDatabase db, qint64 runId);
    ~RunRecorder();
    Q_DISABLE_COPY_MOVE(RunRecorder)

    qint64 runId() const { return m_runId; }

    // Starts a phase with status Running; later log lines belong to it. startedAt, when valid,
    // is recorded as its start instead of the current time.
    void startPhase(const QString &name, const QDateTime &startedAt = {});
    // Ends the running phase. endedAt, when valid, is recorded as its end instead of the
    // current time. A phase started by startOverlappingPhase() then becomes the running phase.
    void finishPhase(RunStatus status, const PhaseCounts &counts = {},
                     const QDateTime &endedAt = {});
    // Starts a phase with status Running while the running phase goes on, as a load that begins
    // while validation still runs. Log lines keep going to the running phase until it ends.
    void startOverlappingPhase(const QString &name);
    // Deletes the phase that startOverlappingPhase() started, for work that was undone, such as
    // a load rolled back before its run was held for approval.
    void discardOverlappingPhase();
    // Leaves the running phase queued, without an end time, for a run that waits on hold.
    void holdPhase();
    // Records what the running phase wrote at a destination: a remote path or blob name.
    void setPhaseTarget(const QString &target);
    void log(LogLevel level, const QString &message);

    // Ends the run. A running phase ends with the same status. The update of the run is tried
    // up to three times, since a run whose end is not recorded would stay running.
    void finishRun(RunStatus status, const QString &message);

    // Returns whether a cancel was requested (POST /api/v1/runs/{id}/cancel), through
    // requestCancel() or in the store. The executor checks at safe points: between phases,
    // between destinations and every few thousand rows.
    bool cancelRequested() const;

    // Asks a run that a recorder of this process records to stop, without writing to the store,
    // because a load transaction may hold its write lock until the run stops. Returns false when
    // no recorder of this process records the run. Thread-safe.
    static bool requestCancel(qint64 runId);

    // Sets the server paths that later log lines and the run message show in other words, each
    // with its replacement, such as an upload's stored path with the name it was uploaded
    // under. Longer paths are replaced first, so a folder never cuts a file's path short.
    void setShownPaths(QList<std::pair<QString, QString>> replacements);
    // The text with every server path set by setShownPaths() replaced.
    QString shown(QString text) const;

    bool hasWarnings() const { return m_warnings > 0; }
    qint64 warningCount() const { return m_warnings; }

private:
    QSqlDatabase m_db;
    qint64 m_runId;
    qint64 m_phaseId = 0;
    // The phase started by startOverlappingPhase(), until the running phase ends.
    qint64 m_overlappingPhaseId = 0;
    int m_phasePosition = 0;
    qint64 m_warnings = 0;
    QList<std::pair<QString, QString>> m_shownPaths;
};

} // namespace hub::runs
