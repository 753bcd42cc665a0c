// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runjson.h"

#include "api/jsonutil.h"
#include "core/timeutil.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <QJsonArray>

namespace hub::api {

namespace {

QJsonValue durationSeconds(const QVariant &start, const QVariant &end)
{
    if (start.isNull() || end.isNull())
        return QJsonValue::Null;
    const qint64 milliseconds = fromIsoUtc(start.toString()).msecsTo(fromIsoUtc(end.toString()));
    // Whole seconds, so that every display of the duration agrees.
    return qMax<qint64>(0, milliseconds / 1000);
}

} // namespace

QString integrationDisplayNameSql()
{
    return QStringLiteral(
        "p.system_type || ': ' || p.name || ' ' || "
        "(SELECT count(*) FROM integrations s WHERE s.district_id = i.district_id "
        " AND s.product_id = i.product_id AND s.id <= i.id) || "
        "coalesce(': ' || o.name, '') || ' (' || "
        "CASE WHEN i.school_year IS NULL THEN 'current' "
        "ELSE (i.school_year - 1) || '-' || i.school_year END || ')'");
}

QString runSelectSql()
{
    return QStringLiteral(
               "SELECT r.id, r.integration_id, i.integration_type, r.trigger, r.status, "
               "r.school_year, r.queued_at, r.started_at, r.ended_at, r.message, r.retry_of, "
               "r.output_file, ")
           + integrationDisplayNameSql()
           + QStringLiteral(", (SELECT name FROM run_phases ph WHERE ph.run_id = r.id "
                            "ORDER BY ph.position DESC LIMIT 1), r.scheduled_for, "
                            "r.change_version, r.cancel_requested, r.row_count, r.output_digest, "
                            "r.rows_added, r.rows_removed, r.previous_run_id, r.hold "
                            "FROM runs r JOIN integrations i ON i.id = r.integration_id "
                            "JOIN products p ON p.id = i.product_id "
                            "LEFT JOIN product_outputs o ON o.id = i.output_id");
}

QJsonObject runJson(const QSqlQuery &query)
{
    const int status = query.value(4).toInt();
    return QJsonObject{
        {QStringLiteral("id"), query.value(0).toLongLong()},
        {QStringLiteral("integrationId"), query.value(1).toLongLong()},
        {QStringLiteral("integrationType"), query.value(2).toString()},
        {QStringLiteral("trigger"), query.value(3).toString()},
        {QStringLiteral("status"), status},
        {QStringLiteral("statusText"),
         query.value(22).toString() == QLatin1String("held") && status == int(RunStatus::Queued)
             ? QStringLiteral("Held for approval")
             : runStatusText(status)},
        {QStringLiteral("schoolYear"), jsonValue(query.value(5))},
        {QStringLiteral("queuedAt"), query.value(6).toString()},
        {QStringLiteral("startedAt"), jsonValue(query.value(7))},
        {QStringLiteral("endedAt"), jsonValue(query.value(8))},
        {QStringLiteral("durationSeconds"), durationSeconds(query.value(7), query.value(8))},
        {QStringLiteral("message"), jsonValue(query.value(9))},
        {QStringLiteral("retryOf"), jsonValue(query.value(10))},
        {QStringLiteral("outputFile"), jsonValue(query.value(11))},
        {QStringLiteral("integrationName"), query.value(12).toString()},
        {QStringLiteral("currentPhase"), jsonValue(query.value(13))},
        {QStringLiteral("scheduledFor"), jsonValue(query.value(14))},
        {QStringLiteral("changeVersion"), query.value(15).toLongLong()},
        {QStringLiteral("cancelRequested"), query.value(16).toBool()},
        // The change summary of an outbound run; null until its Format phase ends.
        {QStringLiteral("rowCount"), jsonValue(query.value(17))},
        {QStringLiteral("digest"), jsonValue(query.value(18))},
        {QStringLiteral("rowsAdded"), jsonValue(query.value(19))},
        {QStringLiteral("rowsRemoved"), jsonValue(query.value(20))},
        {QStringLiteral("previousRunId"), jsonValue(query.value(21))},
        // "held" while an inbound load waits for approval, "approved" after it, else null.
        {QStringLiteral("hold"), jsonValue(query.value(22))},
    };
}

Result<QJsonObject> findRun(const QSqlDatabase &db, qint64 districtId, qint64 runId)
{
    auto query
        = execute(db, runSelectSql() + QStringLiteral(" WHERE r.id = ? AND r.district_id = ?"),
                  {runId, districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    return runJson(*query);
}

Result<QJsonObject> latestRunOf(const QSqlDatabase &db, qint64 integrationId)
{
    auto query = execute(db,
                         runSelectSql()
                             + QStringLiteral(" WHERE r.integration_id = ? "
                                              "ORDER BY r.id DESC LIMIT 1"),
                         {integrationId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    return runJson(*query);
}

Result<QJsonObject> runDetail(const QSqlDatabase &db, qint64 districtId, qint64 runId)
{
    auto run = findRun(db, districtId, runId);
    if (!run || run->isEmpty())
        return run;

    auto phases = execute(db,
                          QStringLiteral("SELECT id, position, name, status, started_at, ended_at, "
                                         "rows_read, rows_written, rows_rejected, bytes, target "
                                         "FROM run_phases WHERE run_id = ? ORDER BY position"),
                          {runId});
    if (!phases)
        return failure(phases.error());
    QJsonArray phaseArray;
    while (phases->next()) {
        const int status = phases->value(3).toInt();
        phaseArray.append(QJsonObject{
            {QStringLiteral("id"), phases->value(0).toLongLong()},
            {QStringLiteral("position"), phases->value(1).toInt()},
            {QStringLiteral("name"), phases->value(2).toString()},
            {QStringLiteral("status"), status},
            {QStringLiteral("statusText"), runStatusText(status)},
            {QStringLiteral("startedAt"), jsonValue(phases->value(4))},
            {QStringLiteral("endedAt"), jsonValue(phases->value(5))},
            {QStringLiteral("durationSeconds"),
             durationSeconds(phases->value(4), phases->value(5))},
            {QStringLiteral("rowsRead"), phases->value(6).toLongLong()},
            {QStringLiteral("rowsWritten"), phases->value(7).toLongLong()},
            {QStringLiteral("rowsRejected"), phases->value(8).toLongLong()},
            {QStringLiteral("bytes"), phases->value(9).toLongLong()},
            {QStringLiteral("target"), jsonValue(phases->value(10))},
        });
    }

    auto logs = execute(db,
                        QStringLiteral("SELECT logged_at, level, message, phase_id FROM run_logs "
                                       "WHERE run_id = ? ORDER BY id"),
                        {runId});
    if (!logs)
        return failure(logs.error());
    QJsonArray logArray;
    while (logs->next()) {
        logArray.append(QJsonObject{
            {QStringLiteral("at"), logs->value(0).toString()},
            {QStringLiteral("level"), logs->value(1).toString()},
            {QStringLiteral("message"), logs->value(2).toString()},
            {QStringLiteral("phaseId"), jsonValue(logs->value(3))},
        });
    }

    QJsonObject detail = *run;
    detail.insert(QStringLiteral("phases"), phaseArray);
    detail.insert(QStringLiteral("log"), logArray);
    return detail;
}

} // namespace hub::api
