// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runqueue.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <QSqlError>

namespace hub::runs::queue {

namespace {

// The first key of the advisory locks that serialise claims of one integration.
constexpr int kClaimLockClass = 0x68756272;
// The first key of the advisory locks that serialise Run Now requests of one integration.
constexpr int kManualRunLockClass = 0x6875626d;

QString leaseExpiry(int leaseSeconds)
{
    return toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(leaseSeconds));
}

Result<qint64> insertRun(const QSqlDatabase &db, const RunRequest &request, RunStatus status,
                         const QString &message)
{
    const QString queuedAt = request.queuedAt.isValid() ? toIsoUtc(request.queuedAt) : nowIsoUtc();
    const bool ended = status != RunStatus::Queued;
    auto inserted = execute(
        db,
        QStringLiteral(
            "INSERT INTO runs(district_id, integration_id, trigger, status, school_year, "
            "input_file, retry_of, queued_at, scheduled_for, ended_at, message, "
            "worker_loss_retry) "
            "SELECT district_id, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM integrations "
            "WHERE id = ? AND deleted_at IS NULL"),
        {request.trigger, int(status),
         request.schoolYear ? QVariant(*request.schoolYear) : QVariant(),
         request.inputFile.isEmpty() ? QVariant() : QVariant(request.inputFile),
         request.retryOf ? QVariant(request.retryOf) : QVariant(), queuedAt,
         request.scheduledFor.isValid() ? QVariant(toIsoUtc(request.scheduledFor)) : QVariant(),
         ended ? QVariant(queuedAt) : QVariant(),
         message.isEmpty() ? QVariant() : QVariant(message), request.workerLossRetry,
         request.integrationId});
    if (!inserted)
        return failure(inserted.error());
    if (inserted->numRowsAffected() != 1)
        return failure(QStringLiteral("Integration %1 not found.").arg(request.integrationId));
    return inserted->lastInsertId().toLongLong();
}

// Several nodes claim from one PostgreSQL database. The oldest claimable run is locked with
// FOR UPDATE SKIP LOCKED, so nodes never wait for each other's candidate. A transaction-level
// advisory lock on the integration then serialises claims of one integration, and a fresh
// check after it sees a claim that another node committed meanwhile, so two runs of one
// integration never overlap.
Result<std::optional<qint64>> claimNextPostgres(const QSqlDatabase &db, const QString &worker,
                                                int leaseSeconds)
{
    constexpr int kAttempts = 4;
    QStringList contended;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        Transaction transaction(db);
        if (!transaction.begun())
            return failure(QStringLiteral("Cannot begin the claim: %1").arg(db.lastError().text()));
        const QString exclude = contended.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" AND r.integration_id NOT IN (%1)")
                                          .arg(contended.join(QLatin1Char(',')));
        auto candidate = execute(
            db,
            QStringLiteral("SELECT r.id, r.integration_id FROM runs r WHERE r.status = ? AND "
                           "coalesce(r.hold, '') <> 'held' AND NOT EXISTS (SELECT 1 FROM runs o "
                           "WHERE o.integration_id = r.integration_id AND o.status = ?)%1 "
                           "ORDER BY r.id LIMIT 1 FOR UPDATE OF r SKIP LOCKED")
                .arg(exclude),
            {int(RunStatus::Queued), int(RunStatus::Running)});
        if (!candidate)
            return failure(candidate.error());
        if (!candidate->next())
            return std::optional<qint64>();
        const qint64 runId = candidate->value(0).toLongLong();
        const qint64 integrationId = candidate->value(1).toLongLong();
        candidate->finish();

        auto locked = selectValue(db, QStringLiteral("SELECT pg_try_advisory_xact_lock(?, ?)"),
                                  {kClaimLockClass, int(integrationId)});
        if (!locked)
            return failure(locked.error());
        auto busy = selectValue(db,
                                QStringLiteral("SELECT count(*) FROM runs WHERE integration_id = ? "
                                               "AND status = ?"),
                                {integrationId, int(RunStatus::Running)});
        if (!busy)
            return failure(busy.error());
        if (!locked->toBool() || busy->toLongLong() > 0) {
            qCDebug(lcRuns) << worker << "skips integration" << integrationId
                            << "that another worker is claiming or running";
            contended.append(QString::number(integrationId));
            continue;
        }
        auto claimed = execute(db,
                               QStringLiteral("UPDATE runs SET status = ?, "
                                              "started_at = coalesce(started_at, ?), "
                                              "worker = ?, lease_expires_at = ? WHERE id = ?"),
                               {int(RunStatus::Running), nowIsoUtc(), worker,
                                leaseExpiry(leaseSeconds), runId});
        if (!claimed)
            return failure(claimed.error());
        if (auto committed = transaction.commit(); !committed)
            return failure(committed.error());
        qCInfo(lcRuns) << "Worker" << worker << "claimed run" << runId;
        return std::optional<qint64>(runId);
    }
    return std::optional<qint64>();
}

// A running run whose lease expired, with what failExpiredRun() needs to fail and retry it.
struct ExpiredRun
{
    qint64 id = 0;
    qint64 integrationId = 0;
    QString worker;
    // Empty when the engine released the lease at start-up.
    QString leaseExpiresAt;
    QVariant schoolYear;
    QString inputFile;
    int workerLossRetry = 0;
    int allowedRetries = 0;
    bool integrationDeleted = false;
};

QString lostWorkerMessage(const ExpiredRun &run)
{
    // Workers are named NODE/worker-N (WorkerPool).
    const QString worker = run.worker.isEmpty() ? QStringLiteral("unknown") : run.worker;
    const QString node = worker.section(QLatin1Char('/'), 0, 0);
    if (run.leaseExpiresAt.isEmpty())
        return QStringLiteral("Node %1 stopped before the run finished (worker %2), and the "
                              "run was failed when that node started again.")
            .arg(node, worker);
    return QStringLiteral("Node %1 stopped before the run finished (worker %2), so the run's "
                          "lease expired at %3.")
        .arg(node, worker, run.leaseExpiresAt);
}

// Fails the run and queues its retry in one transaction. The update succeeds for one caller
// only, because it requires the run to be running, and on PostgreSQL a second caller waits for
// the first one's row lock and then finds the run failed. Returns false when another caller
// failed the run first.
Result<bool> failExpiredRun(const QSqlDatabase &db, const ExpiredRun &run)
{
    Transaction transaction(db);
    if (!transaction.begun())
        return failure(QStringLiteral("Cannot begin failing run %1: %2")
                           .arg(run.id)
                           .arg(db.lastError().text()));
    const QString now = nowIsoUtc();
    QString message = lostWorkerMessage(run);
    auto failed = execute(db,
                          QStringLiteral("UPDATE runs SET status = ?, ended_at = ?, message = ?, "
                                         "lease_expires_at = NULL WHERE id = ? AND status = ?"),
                          {int(RunStatus::Failed), now, message, run.id, int(RunStatus::Running)});
    if (!failed)
        return failure(failed.error());
    if (failed->numRowsAffected() != 1)
        return false;
    auto phases = execute(db,
                          QStringLiteral("UPDATE run_phases SET status = ?, ended_at = ? "
                                         "WHERE run_id = ? AND status = ?"),
                          {int(RunStatus::Failed), now, run.id, int(RunStatus::Running)});
    if (!phases)
        return failure(phases.error());

    qint64 retryId = 0;
    if (run.integrationDeleted) {
        message += QStringLiteral(" It was not retried because its integration was deleted.");
    } else if (run.workerLossRetry >= run.allowedRetries) {
        message += run.allowedRetries == 0
                       ? QStringLiteral(" It was not retried because the integration allows no "
                                        "automatic retries after a node stops.")
                       : QStringLiteral(" It was not retried because it was already automatic "
                                        "retry %1 of %2.")
                             .arg(run.workerLossRetry)
                             .arg(run.allowedRetries);
    } else {
        RunRequest retry;
        retry.integrationId = run.integrationId;
        retry.trigger = QStringLiteral("retry");
        retry.retryOf = run.id;
        if (!run.schoolYear.isNull())
            retry.schoolYear = run.schoolYear.toInt();
        retry.inputFile = run.inputFile;
        retry.workerLossRetry = run.workerLossRetry + 1;
        auto queued = enqueue(db, retry);
        if (!queued)
            return failure(queued.error());
        retryId = *queued;
        message += QStringLiteral(" Queued run %1 as automatic retry %2 of %3.")
                       .arg(retryId)
                       .arg(retry.workerLossRetry)
                       .arg(run.allowedRetries);
    }

    auto recorded = execute(db, QStringLiteral("UPDATE runs SET message = ? WHERE id = ?"),
                            {message, run.id});
    if (!recorded)
        return failure(recorded.error());
    auto logged = execute(db,
                          QStringLiteral("INSERT INTO run_logs(run_id, logged_at, level, message) "
                                         "VALUES (?, ?, 'error', ?)"),
                          {run.id, now, message});
    if (!logged)
        return failure(logged.error());
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    qCWarning(lcRuns).noquote() << "Run" << run.id << "failed:" << message;
    return true;
}

} // namespace

Result<qint64> enqueue(const QSqlDatabase &db, const RunRequest &request)
{
    auto runId = insertRun(db, request, RunStatus::Queued, {});
    if (!runId)
        return runId;
    if (dialectOf(db) == Dialect::Postgres) {
        // Wakes the workers of every node at commit; a lost notification costs one poll.
        if (auto notified = execute(db, QStringLiteral("NOTIFY %1").arg(QLatin1String(kRunsQueuedChannel)));
            !notified)
            qCWarning(lcRuns) << "Cannot notify the nodes of run" << *runId << notified.error();
    }
    qCInfo(lcRuns) << "Queued run" << *runId << "of integration" << request.integrationId
                   << "trigger" << request.trigger;
    return runId;
}

Result<ManualRun> enqueueManual(const QSqlDatabase &db, const RunRequest &request)
{
    Transaction transaction(db);
    if (!transaction.begun())
        return failure(QStringLiteral("Cannot begin queuing a run of integration %1: %2")
                           .arg(request.integrationId)
                           .arg(transaction.beginError()));
    if (dialectOf(db) == Dialect::Postgres) {
        auto locked = selectValue(db, QStringLiteral("SELECT pg_advisory_xact_lock(?, ?)"),
                                  {kManualRunLockClass, int(request.integrationId)});
        if (!locked)
            return failure(locked.error());
    }

    // A NULL school year compares equal only with IS NULL, so the condition depends on it.
    QString sql = QStringLiteral("SELECT id FROM runs WHERE integration_id = ? AND status = ? "
                                 "AND coalesce(hold, '') <> 'held' AND input_file IS NULL AND ");
    QVariantList bindings{request.integrationId, int(RunStatus::Queued)};
    if (request.schoolYear) {
        sql += QStringLiteral("school_year = ?");
        bindings.append(*request.schoolYear);
    } else {
        sql += QStringLiteral("school_year IS NULL");
    }
    auto queued = selectValue(db, sql + QStringLiteral(" ORDER BY id LIMIT 1"), bindings);
    if (!queued)
        return failure(queued.error());
    if (!queued->isNull()) {
        const qint64 runId = queued->toLongLong();
        qCInfo(lcRuns) << "Run now of integration" << request.integrationId << "keeps queued run"
                       << runId;
        return ManualRun{runId, true};
    }

    auto runId = enqueue(db, request);
    if (!runId)
        return failure(runId.error());
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    return ManualRun{*runId, false};
}

Result<qint64> recordCancelled(const QSqlDatabase &db, const RunRequest &request,
                               const QString &message)
{
    auto runId = insertRun(db, request, RunStatus::Cancelled, message);
    if (!runId)
        return runId;
    qCInfo(lcRuns) << "Recorded cancelled run" << *runId << "of integration"
                   << request.integrationId << "trigger" << request.trigger << message;
    return runId;
}

Result<std::optional<qint64>> claimNext(const QSqlDatabase &db, const QString &worker,
                                        int leaseSeconds)
{
    if (dialectOf(db) == Dialect::Postgres)
        return claimNextPostgres(db, worker, leaseSeconds);

    // One statement, so the check for a running run of the same integration and the claim are
    // atomic under SQLite's single writer.
    auto claimed = execute(
        db,
        QStringLiteral(
            "UPDATE runs SET status = ?, started_at = coalesce(started_at, ?), worker = ?, "
            "lease_expires_at = ? WHERE id = (SELECT r.id FROM runs r WHERE r.status = ? "
            "AND coalesce(r.hold, '') <> 'held' AND NOT EXISTS "
            "(SELECT 1 FROM runs o WHERE o.integration_id = r.integration_id "
            "AND o.status = ?) ORDER BY r.id LIMIT 1) AND status = ? RETURNING id"),
        {int(RunStatus::Running), nowIsoUtc(), worker, leaseExpiry(leaseSeconds),
         int(RunStatus::Queued), int(RunStatus::Running), int(RunStatus::Queued)});
    if (!claimed)
        return failure(claimed.error());
    if (!claimed->next())
        return std::optional<qint64>();
    const qint64 runId = claimed->value(0).toLongLong();
    claimed->finish();
    qCInfo(lcRuns) << "Worker" << worker << "claimed run" << runId;
    return std::optional<qint64>(runId);
}

Result<int> renewLeases(const QSqlDatabase &db, const QString &nodeId,
                        const QList<qint64> &runIds, int leaseSeconds)
{
    // One statement per run. A write to a run locks its row and then, through the change
    // version trigger, the single counter row until it commits. One statement over several
    // runs would keep the counter locked while it waits for the next run's row. A worker that
    // finishes that run has locked the row and waits for the counter, so PostgreSQL aborts one
    // of them as a deadlock.
    const QString expiry = leaseExpiry(leaseSeconds);
    int renewedCount = 0;
    for (qint64 runId : runIds) {
        auto renewed = execute(db,
                               QStringLiteral("UPDATE runs SET lease_expires_at = ? WHERE id = ? "
                                              "AND status = ? AND substr(worker, 1, length(?)) = ?"),
                               {expiry, runId, int(RunStatus::Running), nodeId, nodeId});
        if (!renewed)
            return failure(renewed.error());
        renewedCount += renewed->numRowsAffected();
    }
    return renewedCount;
}

Result<bool> failUnfinished(const QSqlDatabase &db, qint64 runId, const QString &worker,
                            const QString &message)
{
    const QString now = nowIsoUtc();
    auto failed = execute(db,
                          QStringLiteral("UPDATE runs SET status = ?, ended_at = ?, message = ?, "
                                         "lease_expires_at = NULL WHERE id = ? AND status = ? "
                                         "AND worker = ?"),
                          {int(RunStatus::Failed), now, message, runId, int(RunStatus::Running),
                           worker});
    if (!failed)
        return failure(failed.error());
    if (failed->numRowsAffected() != 1)
        return false;
    (void)execute(db,
                  QStringLiteral("UPDATE run_phases SET status = ?, ended_at = ? WHERE run_id = ? "
                                 "AND status = ?"),
                  {int(RunStatus::Failed), now, runId, int(RunStatus::Running)});
    (void)execute(db,
                  QStringLiteral("INSERT INTO run_logs(run_id, logged_at, level, message) "
                                 "VALUES (?, ?, 'error', ?)"),
                  {runId, now, message});
    qCWarning(lcRuns).noquote() << "Run" << runId << "failed:" << message;
    return true;
}

Result<QList<qint64>> failExpiredLeases(const QSqlDatabase &db)
{
    auto expired = execute(
        db,
        QStringLiteral("SELECT r.id, r.integration_id, coalesce(r.worker, ''), "
                       "coalesce(r.lease_expires_at, ''), r.school_year, r.input_file, "
                       "r.worker_loss_retry, i.worker_loss_retries, i.deleted_at "
                       "FROM runs r JOIN integrations i ON i.id = r.integration_id "
                       "WHERE r.status = ? AND (r.lease_expires_at IS NULL "
                       "OR r.lease_expires_at < ?) ORDER BY r.id"),
        {int(RunStatus::Running), nowIsoUtc()});
    if (!expired)
        return failure(expired.error());
    QList<ExpiredRun> runs;
    while (expired->next()) {
        ExpiredRun run;
        run.id = expired->value(0).toLongLong();
        run.integrationId = expired->value(1).toLongLong();
        run.worker = expired->value(2).toString();
        run.leaseExpiresAt = expired->value(3).toString();
        run.schoolYear = expired->value(4);
        run.inputFile = expired->value(5).toString();
        run.workerLossRetry = expired->value(6).toInt();
        run.allowedRetries = expired->value(7).toInt();
        run.integrationDeleted = !expired->value(8).isNull();
        runs.append(run);
    }
    expired->finish();

    QList<qint64> failedIds;
    for (const ExpiredRun &run : std::as_const(runs)) {
        auto failed = failExpiredRun(db, run);
        if (!failed)
            return failure(failed.error());
        if (*failed)
            failedIds.append(run.id);
    }
    return failedIds;
}

Result<void> holdRun(const QSqlDatabase &db, qint64 runId, const QString &reason,
                     const QString &message)
{
    auto held
        = execute(db,
                  QStringLiteral("UPDATE runs SET status = ?, hold = 'held', hold_reason = ?, "
                                 "message = ?, worker = NULL, lease_expires_at = NULL "
                                 "WHERE id = ? AND status = ?"),
                  {int(RunStatus::Queued), reason, message, runId, int(RunStatus::Running)});
    if (!held)
        return failure(held.error());
    if (held->numRowsAffected() != 1)
        return failure(
            QStringLiteral("Run %1 is no longer running, so it was not held.").arg(runId));
    qCInfo(lcRuns) << "Held run" << runId << "for approval:" << message;
    return {};
}

} // namespace hub::runs::queue
