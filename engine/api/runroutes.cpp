// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/inboundupload.h"
#include "api/jsonutil.h"
#include "api/runjson.h"
#include "core/jsontext.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "runs/runfiles.h"
#include "runs/runqueue.h"
#include "runs/runrecorder.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimeZone>

namespace hub::api {

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
constexpr int kMaxChanges = 500;
constexpr qint64 kMaxDownloadBytes = qint64(256) * 1024 * 1024;

Result<QString> districtTimeZone(const ApiContext &context)
{
    auto zone = selectValue(context.store->connection(),
                            QStringLiteral("SELECT time_zone FROM districts WHERE id = ?"),
                            {context.districtId});
    if (!zone)
        return failure(zone.error());
    return zone->toString();
}

// The highest change version among the district's runs. The engine-wide counter would show a
// district how often other districts' runs change. Any later change of the district's runs
// takes a higher version from that counter, so a client that asks for changes since this
// version misses none. The runs_change_version index makes it one index lookup.
Result<qint64> districtChangeVersion(const QSqlDatabase &db, qint64 districtId)
{
    auto version = selectValue(db,
                               QStringLiteral("SELECT coalesce(max(change_version), 0) FROM runs "
                                              "WHERE district_id = ?"),
                               {districtId});
    if (!version)
        return failure(version.error());
    return version->toLongLong();
}

// A run filter built from query parameters: the WHERE clause, its bindings and the errors.
struct RunFilter
{
    QString where;
    QVariantList bindings;
    QJsonObject errors;
    // The type filter reads integrations i; the count joins it only then, so that it can count
    // from the runs_start index alone.
    bool readsIntegration = false;
};

QDate parseDay(const QUrlQuery &query, const QString &name, RunFilter &filter)
{
    const QString text = query.queryItemValue(name);
    if (text.isEmpty())
        return {};
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        filter.errors.insert(
            name, QStringLiteral("Enter the date as YYYY-MM-DD; \"%1\" is not one.").arg(text));
    return date;
}

// Filters on the start of each run (its queue time while it has not started), with day bounds
// taken in the district's zone so days of 23 or 25 hours come out right:
// date=D lists runs on or before D; from=D1&to=D2 lists runs from D1 through D2.
RunFilter buildFilter(const ApiContext &context, const QUrlQuery &query, const QTimeZone &zone)
{
    RunFilter filter;
    filter.where = QStringLiteral(" WHERE r.district_id = ?");
    filter.bindings.append(context.districtId);
    const QString start = QStringLiteral("coalesce(r.started_at, r.queued_at)");

    const QDate date = parseDay(query, QStringLiteral("date"), filter);
    const QDate from = parseDay(query, QStringLiteral("from"), filter);
    const QDate to = parseDay(query, QStringLiteral("to"), filter);
    if (date.isValid() && (from.isValid() || to.isValid()))
        filter.errors.insert(QStringLiteral("date"),
                             QStringLiteral("Use either date or from and to, not both."));
    if (from.isValid() && to.isValid() && to < from)
        filter.errors.insert(QStringLiteral("to"),
                             QStringLiteral("The end date is before the start date."));
    const QDate last = date.isValid() ? date : to;
    if (last.isValid()) {
        filter.where += QStringLiteral(" AND ") + start + QStringLiteral(" < ?");
        filter.bindings.append(toIsoUtc(last.addDays(1).startOfDay(zone)));
    }
    if (from.isValid()) {
        filter.where += QStringLiteral(" AND ") + start + QStringLiteral(" >= ?");
        filter.bindings.append(toIsoUtc(from.startOfDay(zone)));
    }

    const QString integrationText = query.queryItemValue(QStringLiteral("integrationId"));
    if (!integrationText.isEmpty()) {
        bool ok = false;
        const qint64 integrationId = integrationText.toLongLong(&ok);
        if (!ok || integrationId <= 0)
            filter.errors.insert(QStringLiteral("integrationId"),
                                 QStringLiteral("Must be a positive integer."));
        filter.where += QStringLiteral(" AND r.integration_id = ?");
        filter.bindings.append(integrationId);
    }

    // maxId pins a listing to the runs that existed when its first page was read, so later pages
    // neither repeat nor skip runs while new ones arrive.
    const QString maxIdText = query.queryItemValue(QStringLiteral("maxId"));
    if (!maxIdText.isEmpty()) {
        bool ok = false;
        const qint64 maxId = maxIdText.toLongLong(&ok);
        if (!ok || maxId < 0)
            filter.errors.insert(QStringLiteral("maxId"),
                                 QStringLiteral("Must be 0 or a positive integer."));
        filter.where += QStringLiteral(" AND r.id <= ?");
        filter.bindings.append(maxId);
    }

    const QString type = query.queryItemValue(QStringLiteral("type"));
    if (!type.isEmpty()) {
        static const QStringList types = {QStringLiteral("outbound"), QStringLiteral("inbound"),
                                          QStringLiteral("api"), QStringLiteral("oneroster")};
        if (!types.contains(type))
            filter.errors.insert(
                QStringLiteral("type"),
                QStringLiteral("Use one of %1.").arg(types.join(QStringLiteral(", "))));
        filter.where += QStringLiteral(" AND i.integration_type = ?");
        filter.readsIntegration = true;
        filter.bindings.append(type);
    }

    // status may list several codes: status=9,3
    const QString statusText = query.queryItemValue(QStringLiteral("status"));
    if (!statusText.isEmpty()) {
        static const QList<int> statuses = {0, 1, 2, 3, 8, 9};
        QStringList placeholders;
        const QStringList parts = statusText.split(QLatin1Char(','));
        for (const QString &part : parts) {
            bool ok = false;
            const int status = part.trimmed().toInt(&ok);
            if (!ok || !statuses.contains(status)) {
                filter.errors.insert(QStringLiteral("status"),
                                     QStringLiteral("Use the status codes 0, 1, 2, 3, 8 and 9, "
                                                    "separated by commas."));
                break;
            }
            placeholders.append(QStringLiteral("?"));
            filter.bindings.append(status);
        }
        filter.where
            += QStringLiteral(" AND r.status IN (%1)").arg(placeholders.join(QStringLiteral(", ")));
    }

    const QString trigger = query.queryItemValue(QStringLiteral("trigger"));
    if (!trigger.isEmpty()) {
        static const QStringList triggers = {QStringLiteral("schedule"), QStringLiteral("manual"),
                                             QStringLiteral("catch-up"), QStringLiteral("retry")};
        if (!triggers.contains(trigger))
            filter.errors.insert(
                QStringLiteral("trigger"),
                QStringLiteral("Use one of %1.").arg(triggers.join(QStringLiteral(", "))));
        filter.where += QStringLiteral(" AND r.trigger = ?");
        filter.bindings.append(trigger);
    }
    return filter;
}

QString orderBy(const QUrlQuery &query, QJsonObject &errors, bool postgres)
{
    const QHash<QString, QString> columns = {
        {QStringLiteral("start"), QStringLiteral("coalesce(r.started_at, r.queued_at)")},
        {QStringLiteral("end"), QStringLiteral("r.ended_at")},
        {QStringLiteral("duration"),
         postgres ? QStringLiteral("(CAST(r.ended_at AS TIMESTAMPTZ) - CAST(r.started_at AS TIMESTAMPTZ))")
                  : QStringLiteral("(julianday(r.ended_at) - julianday(r.started_at))")},
        {QStringLiteral("status"), QStringLiteral("r.status")},
        {QStringLiteral("id"), QStringLiteral("r.id")},
    };
    const QString sort = query.queryItemValue(QStringLiteral("sort"));
    const QString order = query.queryItemValue(QStringLiteral("order"));
    if (!sort.isEmpty() && !columns.contains(sort))
        errors.insert(
            QStringLiteral("sort"),
            QStringLiteral("Sort by start, end, duration, status or id; \"%1\" is not one.")
                .arg(sort));
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
        errors.insert(QStringLiteral("order"), QStringLiteral("Use asc or desc."));
    const QString direction
        = order == QLatin1String("asc") ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString key = columns.contains(sort) ? sort : QStringLiteral("start");
    const QString column = columns.value(key);
    // The id breaks ties, so pages neither repeat nor skip runs with equal sort values.
    // Start, status and id are never NULL, because queued_at is NOT NULL. PostgreSQL sorts DESC
    // as NULLS FIRST, so it reads the runs_start index backwards for a descending start only
    // without NULLS LAST. With the clause, the first page of 1,000,000 runs took about 1 s (a
    // full scan and sort) instead of 0.2 ms, so PostgreSQL gets it only for nullable columns.
    const bool nullable = key == QLatin1String("end") || key == QLatin1String("duration");
    const QString nulls = postgres && !nullable ? QString() : QStringLiteral(" NULLS LAST");
    return QStringLiteral(" ORDER BY %1 %2%3, r.id %2").arg(column, direction, nulls);
}

// GET /api/v1/runs: filters as in buildFilter(), plus sort, order, limit, offset and count.
http::Response list(const ApiContext &context, const http::Request &request)
{
    if (auto unknown = rejectUnknownParameters(
            request, {QStringLiteral("date"), QStringLiteral("from"), QStringLiteral("to"),
                      QStringLiteral("integrationId"), QStringLiteral("maxId"),
                      QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("trigger"),
                      QStringLiteral("sort"), QStringLiteral("order"), QStringLiteral("limit"),
                      QStringLiteral("offset"), QStringLiteral("count")}))
        return *unknown;
    const QUrlQuery query = request.query();
    auto zoneName = districtTimeZone(context);
    if (!zoneName)
        return storeFailed(zoneName.error());

    RunFilter filter = buildFilter(context, query, QTimeZone(zoneName->toUtf8()));
    const QString order = orderBy(query, filter.errors, context.store->isPostgres());

    bool limitOk = true;
    bool offsetOk = true;
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const QString offsetText = query.queryItemValue(QStringLiteral("offset"));
    const int limit = limitText.isEmpty() ? kDefaultPageSize : limitText.toInt(&limitOk);
    const qint64 offset = offsetText.isEmpty() ? 0 : offsetText.toLongLong(&offsetOk);
    if (!limitOk || limit < 1 || limit > kMaxPageSize)
        filter.errors.insert(QStringLiteral("limit"),
                             QStringLiteral("Enter a page size from 1 to %1; \"%2\" is not one.")
                                 .arg(kMaxPageSize)
                                 .arg(limitText));
    if (!offsetOk || offset < 0)
        filter.errors.insert(
            QStringLiteral("offset"),
            QStringLiteral("Enter an offset of 0 or more; \"%1\" is not one.").arg(offsetText));
    // Counting every run on or before a date reads the whole index range, a million entries
    // on a long history, so a client that only pages on can leave the total out with
    // count=false and read "more" instead.
    const QString countText = query.queryItemValue(QStringLiteral("count"));
    if (!countText.isEmpty() && countText != QLatin1String("true")
        && countText != QLatin1String("false"))
        filter.errors.insert(QStringLiteral("count"), QStringLiteral("Use true or false."));
    const bool withTotal = countText != QLatin1String("false");
    if (!filter.errors.isEmpty())
        return validationFailed(filter.errors);

    const QSqlDatabase db = context.store->connection();
    QVariant total;
    if (withTotal) {
        const QString joins
            = filter.readsIntegration
                  ? QStringLiteral(" FROM runs r JOIN integrations i ON i.id = r.integration_id")
                  : QStringLiteral(" FROM runs r");
        auto counted = selectValue(db, QStringLiteral("SELECT count(*)") + joins + filter.where,
                                   filter.bindings);
        if (!counted)
            return storeFailed(counted.error());
        total = *counted;
    }
    auto version = districtChangeVersion(db, context.districtId);
    if (!version)
        return storeFailed(version.error());
    // The district's own highest run id, so that it reveals nothing about other districts'
    // runs. The index runs_district_id makes it one index lookup.
    auto maxId = selectValue(
        db, QStringLiteral("SELECT coalesce(max(id), 0) FROM runs WHERE district_id = ?"),
        {context.districtId});
    if (!maxId)
        return storeFailed(maxId.error());

    // One row past the page shows whether another page follows.
    auto rows
        = execute(db, runSelectSql() + filter.where + order + QStringLiteral(" LIMIT ? OFFSET ?"),
                  filter.bindings + QVariantList{limit + 1, offset});
    if (!rows)
        return storeFailed(rows.error());
    // The page is written as JSON text directly: building a QJsonObject for each run and
    // serialising the document took more time than the query (runbook-bench.sh).
    QByteArray body = "{\"runs\":[";
    // A run takes about 600 bytes of JSON.
    body.reserve(qsizetype(limit) * 700);
    int count = 0;
    bool more = false;
    while (rows->next()) {
        if (count == limit) {
            more = true;
            break;
        }
        if (count > 0)
            body += ',';
        appendRunJson(body, *rows);
        ++count;
    }
    body += "],\"more\":";
    body += more ? "true" : "false";
    body += ",\"limit\":" + QByteArray::number(limit);
    body += ",\"offset\":" + QByteArray::number(offset);
    body += ",\"timeZone\":";
    appendJsonString(body, *zoneName);
    body += ",\"version\":" + QByteArray::number(*version);
    body += ",\"maxId\":" + QByteArray::number(maxId->toLongLong());
    if (withTotal)
        body += ",\"total\":" + QByteArray::number(total.toLongLong());
    body += '}';

    http::Response response;
    response.body = std::move(body);
    return response;
}

// GET /api/v1/runs/changes?since=N: runs inserted or changed after version N, oldest change
// first, at most kMaxChanges. When "more" is true, further changes wait and the client should
// ask again at once.
http::Response changes(const ApiContext &context, const http::Request &request)
{
    if (auto unknown = rejectUnknownParameters(request, {QStringLiteral("since")}))
        return *unknown;
    const QString sinceText = request.query().queryItemValue(QStringLiteral("since"));
    bool ok = false;
    const qint64 since = sinceText.toLongLong(&ok);
    if (!ok || since < 0)
        return validationFailed(QJsonObject{
            {QStringLiteral("since"),
             QStringLiteral("Enter the version from an earlier runs response, 0 or more.")}});

    const QSqlDatabase db = context.store->connection();
    auto version = districtChangeVersion(db, context.districtId);
    if (!version)
        return storeFailed(version.error());
    auto rows = execute(db,
                        runSelectSql()
                            + QStringLiteral(" WHERE r.district_id = ? AND r.change_version > ? "
                                             "ORDER BY r.change_version LIMIT ?"),
                        {context.districtId, since, kMaxChanges + 1});
    if (!rows)
        return storeFailed(rows.error());
    QJsonArray runs;
    qint64 last = since;
    bool more = false;
    while (rows->next()) {
        if (runs.size() == kMaxChanges) {
            more = true;
            break;
        }
        const QJsonObject run = runJson(*rows);
        last = run.value(QStringLiteral("changeVersion")).toInteger();
        runs.append(run);
    }
    return http::Response::json(QJsonObject{
        {QStringLiteral("runs"), runs},
        {QStringLiteral("version"), more ? last : *version},
        {QStringLiteral("more"), more},
    });
}

http::Response get(const ApiContext &context, qint64 id)
{
    auto detail = runDetail(context.store->connection(), context.districtId, id);
    if (!detail)
        return storeFailed(detail.error());
    if (detail->isEmpty())
        return notFound(QStringLiteral("Run"), id);
    return http::Response::json(*detail);
}

// POST /api/v1/runs/{id}/cancel: a queued run ends at once with status 3; a running run is
// asked to stop, and its worker ends it with status 3 at the next safe point.
http::Response cancel(const ApiContext &context, qint64 id)
{
    const QSqlDatabase db = context.store->connection();
    auto run = findRun(db, context.districtId, id);
    if (!run)
        return storeFailed(run.error());
    if (run->isEmpty())
        return notFound(QStringLiteral("Run"), id);

    // A run of this engine learns of the request at once. A load that holds the store's write
    // lock then rolls back and frees it, so the updates below do not time out waiting for it.
    const bool signalled
        = run->value(QStringLiteral("status")).toInt() == int(RunStatus::Running)
          && runs::RunRecorder::requestCancel(id);

    const QString now = nowIsoUtc();
    // A held run has been received and validated already, so "before it started" would be false.
    const bool held = run->value(QStringLiteral("hold")).toString() == QLatin1String("held");
    const QString queuedMessage
        = held ? QStringLiteral("Cancelled while held for approval; nothing was loaded.")
               : QStringLiteral("Cancelled before it started.");
    // A cancelled run no longer waits for approval, so its hold is cleared as reject() does.
    auto queued = execute(db,
                          QStringLiteral("UPDATE runs SET status = ?, ended_at = ?, message = ?, "
                                         "hold = NULL WHERE id = ? AND status = ?"),
                          {int(RunStatus::Cancelled), now, queuedMessage, id,
                           int(RunStatus::Queued)});
    if (!queued)
        return storeFailed(queued.error());
    if (queued->numRowsAffected() == 0) {
        auto running = execute(db,
                               QStringLiteral("UPDATE runs SET cancel_requested = 1 WHERE id = ? "
                                              "AND status = ?"),
                               {id, int(RunStatus::Running)});
        if (!running)
            return storeFailed(running.error());
        bool stoppedBySignal = false;
        if (running->numRowsAffected() == 0 && signalled) {
            // The run may have ended as cancelled on the signal before this update.
            auto status = selectValue(db, QStringLiteral("SELECT status FROM runs WHERE id = ?"),
                                      {id});
            if (!status)
                return storeFailed(status.error());
            stoppedBySignal = status->toInt() == int(RunStatus::Cancelled);
        }
        if (running->numRowsAffected() == 0 && !stoppedBySignal)
            return http::Response::error(
                409, QStringLiteral("run_finished"),
                QStringLiteral("Run %1 has already finished (%2); only queued or running runs can "
                               "be cancelled.")
                    .arg(id)
                    .arg(run->value(QStringLiteral("statusText")).toString()));
        qCInfo(lcRuns) << "Cancel requested for running run" << id;
    } else {
        if (held)
            (void)execute(db,
                          QStringLiteral("UPDATE run_phases SET status = ?, ended_at = ? WHERE "
                                         "run_id = ? AND name = 'Approval' AND status = ?"),
                          {int(RunStatus::Cancelled), now, id, int(RunStatus::Queued)});
        (void)execute(db,
                      QStringLiteral("INSERT INTO run_logs(run_id, logged_at, level, message) "
                                     "VALUES (?, ?, 'info', ?)"),
                      {id, now, queuedMessage});
        qCInfo(lcRuns) << "Cancelled queued run" << id;
    }
    writeAudit(context, QStringLiteral("cancel"), QStringLiteral("run"), id, {}, {});
    auto after = findRun(db, context.districtId, id);
    if (!after)
        return storeFailed(after.error());
    return http::Response::json(*after, 202);
}

// POST /api/v1/runs/{id}/retry: queues a new run of the same integration, school year and
// uploaded file, with trigger "retry" and a link to the failed or cancelled run. A run is
// retried once: a second request gets 409 with the id of the existing retry, whether it is
// still queued or running or has finished (a failed retry can be retried in its turn).
http::Response retry(const ApiContext &context, qint64 id)
{
    const QSqlDatabase db = context.store->connection();
    // The transaction makes the check for an existing retry and the insert one step. On
    // PostgreSQL the original run's row lock also serialises requests from several nodes.
    Transaction transaction(db);
    const QString lock = context.store->isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    auto original = execute(db,
                            QStringLiteral("SELECT integration_id, status, school_year, input_file "
                                           "FROM runs WHERE id = ? AND district_id = ?")
                                + lock,
                            {id, context.districtId});
    if (!original)
        return storeFailed(original.error());
    if (!original->next())
        return notFound(QStringLiteral("Run"), id);
    const int status = original->value(1).toInt();
    if (status != int(RunStatus::Failed) && status != int(RunStatus::Cancelled))
        return http::Response::error(
            409, QStringLiteral("not_retryable"),
            QStringLiteral("Run %1 is %2; only failed or cancelled runs can be retried. Use Run "
                           "Now to run the integration again.")
                .arg(id)
                .arg(runStatusText(status)));

    const qint64 integrationId = original->value(0).toLongLong();
    const QVariant schoolYear = original->value(2);
    const QString inputFile = original->value(3).toString();
    original->finish();
    auto active = selectValue(db, QStringLiteral("SELECT active FROM integrations WHERE id = ?"),
                              {integrationId});
    if (!active)
        return storeFailed(active.error());
    if (auto inactive = rejectInactive(
            QJsonObject{{QStringLiteral("active"), active->toInt() != 0}}, integrationId))
        return *inactive;
    if (!inputFile.isEmpty() && !QFileInfo::exists(inputFile))
        return http::Response::error(
            409, QStringLiteral("input_deleted"),
            QStringLiteral("Run %1 cannot be retried because its uploaded file was deleted; "
                           "uploaded files of runs that did not load are kept %2 days. Upload "
                           "the file again.")
                .arg(id)
                .arg(runs::kUnloadedInputRetentionDays));

    auto existing = execute(db,
                            QStringLiteral("SELECT id, status FROM runs WHERE retry_of = ? AND "
                                           "district_id = ? ORDER BY id LIMIT 1"),
                            {id, context.districtId});
    if (!existing)
        return storeFailed(existing.error());
    if (existing->next()) {
        const qint64 retryId = existing->value(0).toLongLong();
        const int retryStatus = existing->value(1).toInt();
        const bool pending = retryStatus == int(RunStatus::Queued)
                             || retryStatus == int(RunStatus::Running);
        qCInfo(lcRuns) << "Rejected a second retry of run" << id << "; run" << retryId
                       << "is its retry";
        const QString message
            = pending ? QStringLiteral("Run %1 is already being retried as run %2; wait for it "
                                       "to finish.")
                            .arg(id)
                            .arg(retryId)
                      : QStringLiteral("Run %1 was already retried as run %2, which ended %3. "
                                       "Retry run %2 or use Run Now instead.")
                            .arg(id)
                            .arg(retryId)
                            .arg(runStatusText(retryStatus));
        return http::Response::json(
            QJsonObject{{QStringLiteral("error"), pending ? QStringLiteral("retry_pending")
                                                          : QStringLiteral("already_retried")},
                        {QStringLiteral("message"), message},
                        {QStringLiteral("retryRunId"), retryId},
                        {QStringLiteral("retryStatus"), retryStatus}},
            409);
    }

    runs::RunRequest retryRequest;
    retryRequest.integrationId = integrationId;
    retryRequest.trigger = QStringLiteral("retry");
    retryRequest.retryOf = id;
    if (!schoolYear.isNull())
        retryRequest.schoolYear = schoolYear.toInt();
    retryRequest.inputFile = inputFile;

    auto runId = runs::queue::enqueue(db, retryRequest);
    if (!runId)
        return storeFailed(runId.error());
    if (auto committed = transaction.commit(); !committed)
        return storeFailed(committed.error());
    qCInfo(lcRuns) << "Queued run" << *runId << "as a retry of run" << id;
    if (context.wakeWorkers)
        context.wakeWorkers();
    auto run = findRun(db, context.districtId, *runId);
    if (!run)
        return storeFailed(run.error());
    return http::Response::json(*run, 202);
}

// Reads a run that must be held for approval; returns the error response otherwise.
std::optional<http::Response> checkHeld(const ApiContext &context, qint64 id)
{
    auto held = execute(context.store->connection(),
                        QStringLiteral("SELECT status, hold FROM runs WHERE id = ? AND "
                                       "district_id = ?"),
                        {id, context.districtId});
    if (!held)
        return storeFailed(held.error());
    if (!held->next())
        return notFound(QStringLiteral("Run"), id);
    if (held->value(1).toString() != QLatin1String("held")
        || held->value(0).toInt() != int(RunStatus::Queued))
        return http::Response::error(409, QStringLiteral("not_held"),
                                     QStringLiteral("Run %1 is not held for approval; only a held "
                                                    "load can be approved or rejected.")
                                         .arg(id));
    return std::nullopt;
}

void logRunLine(const QSqlDatabase &db, qint64 runId, const QString &level, const QString &text)
{
    (void)execute(db,
                  QStringLiteral("INSERT INTO run_logs(run_id, logged_at, level, message) "
                                 "VALUES (?, ?, ?, ?)"),
                  {runId, nowIsoUtc(), level, text});
}

// POST /api/v1/runs/{id}/approve: lets a held load go on. A worker validates the file again
// and loads it without holding it a second time.
http::Response approve(const ApiContext &context, qint64 id)
{
    if (auto refused = checkHeld(context, id))
        return *refused;
    const QSqlDatabase db = context.store->connection();
    const QString now = nowIsoUtc();
    auto approved
        = execute(db,
                  QStringLiteral("UPDATE runs SET hold = 'approved', message = ? "
                                 "WHERE id = ? AND hold = 'held' AND status = ?"),
                  {QStringLiteral("Approved by %1; waiting for a worker.").arg(context.actor), id,
                   int(RunStatus::Queued)});
    if (!approved)
        return storeFailed(approved.error());
    (void)execute(db,
                  QStringLiteral("UPDATE run_phases SET status = ?, ended_at = ? WHERE run_id = ? "
                                 "AND name = 'Approval' AND status = ?"),
                  {int(RunStatus::Succeeded), now, id, int(RunStatus::Queued)});
    logRunLine(db, id, QStringLiteral("info"),
               QStringLiteral("Load approved by %1.").arg(context.actor));
    writeAudit(context, QStringLiteral("approve"), QStringLiteral("run"), id,
               {{QStringLiteral("hold"), QStringLiteral("held")}},
               {{QStringLiteral("hold"), QStringLiteral("approved")}});
    qCInfo(lcRuns) << "Run" << id << "approved by" << context.actor;
    if (context.wakeWorkers)
        context.wakeWorkers();
    auto run = findRun(db, context.districtId, id);
    if (!run)
        return storeFailed(run.error());
    return http::Response::json(*run, 202);
}

// POST /api/v1/runs/{id}/reject: cancels a held load; nothing is loaded.
http::Response reject(const ApiContext &context, qint64 id)
{
    if (auto refused = checkHeld(context, id))
        return *refused;
    const QSqlDatabase db = context.store->connection();
    const QString now = nowIsoUtc();
    const QString message
        = QStringLiteral("Load rejected by %1; nothing was loaded.").arg(context.actor);
    auto rejected = execute(db,
                            QStringLiteral("UPDATE runs SET status = ?, ended_at = ?, message = ?, "
                                           "hold = NULL WHERE id = ? AND hold = 'held' AND "
                                           "status = ?"),
                            {int(RunStatus::Cancelled), now, message, id, int(RunStatus::Queued)});
    if (!rejected)
        return storeFailed(rejected.error());
    (void)execute(db,
                  QStringLiteral("UPDATE run_phases SET status = ?, ended_at = ? WHERE run_id = ? "
                                 "AND name = 'Approval' AND status = ?"),
                  {int(RunStatus::Cancelled), now, id, int(RunStatus::Queued)});
    logRunLine(db, id, QStringLiteral("info"), message);
    writeAudit(context, QStringLiteral("reject"), QStringLiteral("run"), id,
               {{QStringLiteral("hold"), QStringLiteral("held")}},
               {{QStringLiteral("hold"), QStringLiteral("rejected")}});
    qCInfo(lcRuns) << "Run" << id << "rejected by" << context.actor;
    auto run = findRun(db, context.districtId, id);
    if (!run)
        return storeFailed(run.error());
    return http::Response::json(*run);
}

// The files of a run in the request's district; nullopt when there is no such run.
Result<std::optional<QList<runs::RunFile>>> filesOfRun(const ApiContext &context, qint64 id)
{
    auto input = execute(context.store->connection(),
                         QStringLiteral("SELECT coalesce(input_file, '') FROM runs "
                                        "WHERE id = ? AND district_id = ?"),
                         {id, context.districtId});
    if (!input)
        return failure(input.error());
    if (!input->next())
        return std::optional<QList<runs::RunFile>>();
    return std::optional(runs::listRunFiles(context.dataDir, id, input->value(0).toString()));
}

// GET /api/v1/runs/{id}/files: the output file, uploaded file and validation report of a run.
// Viewers cannot download the uploaded file, so it is not listed for them.
http::Response listFiles(const ApiContext &context, const http::Request &request, qint64 id)
{
    const bool listsInput = request.principal().allows(http::Access::Operate);
    auto files = filesOfRun(context, id);
    if (!files)
        return storeFailed(files.error());
    if (!files->has_value())
        return notFound(QStringLiteral("Run"), id);
    QJsonArray list;
    for (const runs::RunFile &file : std::as_const(**files)) {
        if (file.kind == QLatin1String("input") && !listsInput)
            continue;
        list.append(QJsonObject{{QStringLiteral("name"), file.name},
                                {QStringLiteral("kind"), file.kind},
                                {QStringLiteral("bytes"), file.bytes}});
    }
    // An inbound run's findings are stored rows, served as CSV by the validation route.
    auto type = selectValue(context.store->connection(),
                            QStringLiteral("SELECT i.integration_type FROM runs r JOIN integrations i "
                                           "ON i.id = r.integration_id WHERE r.id = ? "
                                           "AND r.district_id = ?"),
                            {id, context.districtId});
    if (!type)
        return storeFailed(type.error());
    if (type->toString() == QLatin1String("inbound"))
        list.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("run-%1-validation.csv").arg(id)},
            {QStringLiteral("kind"), QStringLiteral("validation-report")},
            {QStringLiteral("url"), QStringLiteral("/api/v1/runs/%1/validation.csv").arg(id)}});
    return http::Response::json(QJsonObject{{QStringLiteral("files"), list}});
}

QByteArray contentTypeOf(const QString &name)
{
    if (name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return "text/csv; charset=utf-8";
    if (name.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive))
        return "application/xml";
    if (name.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        return "application/zip";
    return "application/octet-stream";
}

// GET /api/v1/runs/{id}/files/{name}: one file that listFiles() names, as an attachment.
http::Response downloadFile(const ApiContext &context, const http::Request &request, qint64 id)
{
    const QString name = request.pathParameter(QStringLiteral("name"));
    auto files = filesOfRun(context, id);
    if (!files)
        return storeFailed(files.error());
    if (!files->has_value())
        return notFound(QStringLiteral("Run"), id);
    // Only listed names are served, so a name can never reach outside the run's files.
    const auto found = std::find_if((*files)->begin(), (*files)->end(),
                                    [&](const runs::RunFile &file) { return file.name == name; });
    if (found == (*files)->end())
        return http::Response::error(
            404, QStringLiteral("not_found"),
            QStringLiteral("Run %1 has no file named \"%2\".").arg(id).arg(name));
    // The uploaded file may hold columns that the hub does not load, such as passwords, so
    // viewers, who see only what the hub stores, cannot download it.
    if (found->kind == QLatin1String("input") && !request.principal().allows(http::Access::Operate))
        return http::Response::error(403, QStringLiteral("forbidden"),
                                     QStringLiteral("Downloading the uploaded file of run %1 "
                                                    "needs the operator role or higher.")
                                         .arg(id));
    // NOTE: the HTTP layer sends bodies from memory, so large files are refused, not streamed.
    if (found->bytes > kMaxDownloadBytes)
        return http::Response::error(
            413, QStringLiteral("file_too_large"),
            QStringLiteral("%1 has %2 bytes; files over %3 bytes cannot be downloaded through the "
                           "API. Copy it from the engine's data folder.")
                .arg(name)
                .arg(found->bytes)
                .arg(kMaxDownloadBytes));
    QFile file(found->path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcApi) << "Cannot read" << found->path << "of run" << id << file.errorString();
        return http::Response::error(500, QStringLiteral("read_failed"),
                                     QStringLiteral("The engine cannot read %1: %2")
                                         .arg(name, file.errorString()));
    }
    http::Response response;
    response.contentType = contentTypeOf(name);
    response.body = file.readAll();
    QByteArray safeName = name.toUtf8();
    safeName.replace('"', '_');
    response.headers.append({"Content-Disposition", "attachment; filename=\"" + safeName + '"'});
    return response;
}

} // namespace

void registerRunRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/runs"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return list(context, request);
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/runs/changes"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return changes(context, request);
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/runs/{id}"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return get(context, id); });
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/runs/{id}/files"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        return withPathId(request, QStringLiteral("run"), [&](qint64 id) {
                            return listFiles(context, request, id);
                        });
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/runs/{id}/files/{name}"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"), [&](qint64 id) {
                            return downloadFile(context, request, id);
                        });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/runs/{id}/cancel"), http::Access::Operate,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return cancel(context, id); });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/runs/{id}/approve"), http::Access::Operate,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return approve(context, id); });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/runs/{id}/reject"), http::Access::Operate,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return reject(context, id); });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/runs/{id}/retry"), http::Access::Operate,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return retry(context, id); });
                    });
}

} // namespace hub::api
