// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace hub::runs {

struct RunRequest
{
    qint64 integrationId = 0;
    QString trigger = QStringLiteral("manual");
    std::optional<int> schoolYear;
    QString inputFile;
    qint64 retryOf = 0;
    // The occurrence (UTC) that a scheduled or catch-up run represents.
    QDateTime scheduledFor;
    // When the run was queued; the current time when invalid. The scheduler passes its clock.
    QDateTime queuedAt;
    // 0, or n for the nth automatic retry of a run whose worker stopped (runs.worker_loss_retry).
    int workerLossRetry = 0;
};

// The queue of runs is the runs table itself: status 2 rows wait, and a worker claims one by
// setting it to running with a lease that must be renewed. A claim skips integrations that
// already have a running run, so two runs of one integration never overlap.
namespace queue {

// The PostgreSQL channel on which enqueue() tells every node that a run was queued.
inline constexpr char kRunsQueuedChannel[] = "hub_runs_queued";

// Inserts a queued run and returns its id.
Result<qint64> enqueue(const QSqlDatabase &db, const RunRequest &request);

// The run that carries out a Run Now request, and whether it was queued before the request.
struct ManualRun
{
    qint64 runId = 0;
    bool alreadyQueued = false;
};

// Queues a manual run without an input file. When the integration already has a queued run for
// the same school year that no worker has started and that is not held for approval, it returns
// that run instead, because a second run would do the same. The check and the insert commit
// together, under SQLite's write lock or, on PostgreSQL, under a transaction-level advisory
// lock on the integration, so parallel requests on any node queue one run.
Result<ManualRun> enqueueManual(const QSqlDatabase &db, const RunRequest &request);

// Records a run that was never started, with status cancelled and the reason as its message,
// so the runbook shows a scheduled time that was skipped or held. Returns its id.
Result<qint64> recordCancelled(const QSqlDatabase &db, const RunRequest &request,
                               const QString &message);

// Claims the oldest queued run that may start now, or returns no id when none may. On
// PostgreSQL several nodes may claim at once; each run is claimed by one worker only.
Result<std::optional<qint64>> claimNext(const QSqlDatabase &db, const QString &worker,
                                        int leaseSeconds);

// Extends the leases of the given runs while a worker of this node still holds them. Only the
// runs a worker is executing now are renewed: a run that the node no longer executes keeps
// its old lease, so it expires and fails instead of staying running for as long as the node
// lives.
Result<int> renewLeases(const QSqlDatabase &db, const QString &nodeId,
                        const QList<qint64> &runIds, int leaseSeconds);

// Fails the run if it is still running under `worker`: the executor returned without
// recording its end, for example because the store rejected the final update. Returns
// whether a running run was failed.
Result<bool> failUnfinished(const QSqlDatabase &db, qint64 runId, const QString &worker,
                            const QString &message);

// Fails running runs whose lease has expired, because their worker died or the engine was
// stopped before they finished. The message names the worker's node. Each failed run is
// queued again as a "retry" run while its chain of such retries is shorter than the
// integration's worker_loss_retries. The failure and its retry commit together, and only
// the caller whose update moved the run out of running queues the retry, so a run is retried
// once even when several nodes find the same expired lease. Returns the ids of the runs that
// this call failed, so that each failure is notified once.
Result<QList<qint64>> failExpiredLeases(const QSqlDatabase &db);

// Puts a running run back in the queue on hold (runs.hold = 'held'): no worker claims it until
// someone approves it, which sets hold to 'approved', or rejects it, which cancels it. The
// reason is the guard's text that an approval covers (runs.hold_reason), and the message
// explains why the run waits and what to do.
Result<void> holdRun(const QSqlDatabase &db, qint64 runId, const QString &reason,
                     const QString &message);

} // namespace queue
} // namespace hub::runs
