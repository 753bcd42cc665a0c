// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runjson.h"

#include "api/jsonutil.h"
#include "core/jsontext.h"
#include "core/timeutil.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

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

namespace {

// Builds the QJsonObject of a run for describeRun().
class ObjectFields
{
public:
    void integer(QLatin1StringView key, qint64 value) { m_object.insert(key, value); }
    void text(QLatin1StringView key, const QString &value) { m_object.insert(key, value); }
    void boolean(QLatin1StringView key, bool value) { m_object.insert(key, value); }
    void nullable(QLatin1StringView key, const QVariant &value)
    {
        m_object.insert(key, jsonValue(value));
    }
    void json(QLatin1StringView key, const QJsonValue &value) { m_object.insert(key, value); }

    QJsonObject object() const { return m_object; }

private:
    QJsonObject m_object;
};

// Writes the JSON object of a run for describeRun() straight into UTF-8 bytes, the same
// values as ObjectFields with the keys in another order.
class ByteFields
{
public:
    explicit ByteFields(QByteArray &out)
        : m_out(out)
    {}

    void integer(QLatin1StringView key, qint64 value)
    {
        appendKey(key);
        m_out += QByteArray::number(value);
    }
    void text(QLatin1StringView key, const QString &value)
    {
        appendKey(key);
        appendJsonString(m_out, value);
    }
    void boolean(QLatin1StringView key, bool value)
    {
        appendKey(key);
        m_out += value ? "true" : "false";
    }
    // The same mapping as jsonValue(), without a QJsonValue for each string.
    void nullable(QLatin1StringView key, const QVariant &value)
    {
        appendKey(key);
        if (value.isNull()) {
            m_out += "null";
            return;
        }
        switch (value.typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::ULongLong:
        case QMetaType::UInt:
            m_out += QByteArray::number(value.toLongLong());
            break;
        case QMetaType::Double:
            appendNumber(value.toDouble());
            break;
        default:
            appendJsonString(m_out, value.toString());
        }
    }
    void json(QLatin1StringView key, const QJsonValue &value)
    {
        appendKey(key);
        if (value.isNull())
            m_out += "null";
        else if (value.isString())
            appendJsonString(m_out, value.toString());
        else if (value.isBool())
            m_out += value.toBool() ? "true" : "false";
        else
            appendNumber(value.toDouble());
    }
    void finish() { m_out += m_first ? "{}" : "}"; }

private:
    // Whole numbers without a fraction, as QJsonDocument writes them.
    void appendNumber(double value)
    {
        if (value == std::floor(value) && std::abs(value) < 1e15)
            m_out += QByteArray::number(qint64(value));
        else
            m_out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    }
    void appendKey(QLatin1StringView key)
    {
        m_out += m_first ? '{' : ',';
        m_first = false;
        m_out += '"';
        m_out += key;
        m_out += "\":";
    }

    QByteArray &m_out;
    bool m_first = true;
};

// Hands each field of the run at the query's current row to fields, so that runJson() and
// appendRunJson() cannot disagree.
template<typename Fields>
void describeRun(const QSqlQuery &query, Fields &fields)
{
    const int status = query.value(4).toInt();
    fields.integer(QLatin1StringView("id"), query.value(0).toLongLong());
    fields.integer(QLatin1StringView("integrationId"), query.value(1).toLongLong());
    fields.text(QLatin1StringView("integrationType"), query.value(2).toString());
    fields.text(QLatin1StringView("trigger"), query.value(3).toString());
    fields.integer(QLatin1StringView("status"), status);
    fields.text(QLatin1StringView("statusText"),
                query.value(22).toString() == QLatin1String("held")
                        && status == int(RunStatus::Queued)
                    ? QStringLiteral("Held for approval")
                    : runStatusText(status));
    fields.nullable(QLatin1StringView("schoolYear"), query.value(5));
    fields.text(QLatin1StringView("queuedAt"), query.value(6).toString());
    fields.nullable(QLatin1StringView("startedAt"), query.value(7));
    fields.nullable(QLatin1StringView("endedAt"), query.value(8));
    fields.json(QLatin1StringView("durationSeconds"),
                durationSeconds(query.value(7), query.value(8)));
    fields.nullable(QLatin1StringView("message"), query.value(9));
    fields.nullable(QLatin1StringView("retryOf"), query.value(10));
    fields.nullable(QLatin1StringView("outputFile"), query.value(11));
    fields.text(QLatin1StringView("integrationName"), query.value(12).toString());
    fields.nullable(QLatin1StringView("currentPhase"), query.value(13));
    fields.nullable(QLatin1StringView("scheduledFor"), query.value(14));
    fields.integer(QLatin1StringView("changeVersion"), query.value(15).toLongLong());
    fields.boolean(QLatin1StringView("cancelRequested"), query.value(16).toBool());
    // The change summary of an outbound run; null until its Format phase ends.
    fields.nullable(QLatin1StringView("rowCount"), query.value(17));
    fields.nullable(QLatin1StringView("digest"), query.value(18));
    fields.nullable(QLatin1StringView("rowsAdded"), query.value(19));
    fields.nullable(QLatin1StringView("rowsRemoved"), query.value(20));
    fields.nullable(QLatin1StringView("previousRunId"), query.value(21));
    // "held" while an inbound load waits for approval, "approved" after it, else null.
    fields.nullable(QLatin1StringView("hold"), query.value(22));
}

} // namespace

QJsonObject runJson(const QSqlQuery &query)
{
    ObjectFields fields;
    describeRun(query, fields);
    return fields.object();
}

void appendRunJson(QByteArray &out, const QSqlQuery &query)
{
    ByteFields fields(out);
    describeRun(query, fields);
    fields.finish();
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
                                         "rows_read, rows_written, rows_rejected, bytes, target, "
                                         "requests, pages, retries FROM run_phases WHERE run_id = ? ORDER BY position"),
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
            {QStringLiteral("requests"), phases->value(11).toLongLong()},
            {QStringLiteral("pages"), phases->value(12).toLongLong()},
            {QStringLiteral("retries"), phases->value(13).toLongLong()},
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
