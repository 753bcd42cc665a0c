// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "runs/runstatus.h"

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

    qint64 runId() const { return m_runId; }

    // Starts a phase with status Running; later log lines belong to it.
    void startPhase(const QString &name);
    void finishPhase(RunStatus status, const PhaseCounts &counts = {});
    // Leaves the running phase queued, without an end time, for a run that waits on hold.
    void holdPhase();
    // Records what the running phase wrote at a destination: a remote path or blob name.
    void setPhaseTarget(const QString &target);
    void log(LogLevel level, const QString &message);

    // Ends the run. A running phase ends with the same status. The update of the run is tried
    // up to three times, since a run whose end is not recorded would stay running.
    void finishRun(RunStatus status, const QString &message);

    // Returns whether a cancel was requested (POST /api/v1/runs/{id}/cancel). The executor checks
    // at safe points: between phases, between destinations and every few thousand rows.
    bool cancelRequested() const;

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
    int m_phasePosition = 0;
    qint64 m_warnings = 0;
    QList<std::pair<QString, QString>> m_shownPaths;
};

} // namespace hub::runs
