// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "api/runjson.h"
#include "core/timeutil.h"
#include "runs/runactivity.h"
#include "store/store.h"

#include <QJsonArray>
#include <QTimeZone>

namespace hub::api {

namespace {

constexpr int kDefaultDays = 90;
constexpr int kMaxDays = 366;

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject activityJson(const runs::Activity &activity)
{
    QJsonArray runs;
    int longRuns = 0;
    for (const runs::FinishedRun &run : activity.runs) {
        const bool isLong = activity.isLong(run);
        longRuns += isLong ? 1 : 0;
        runs.append(QJsonObject{
            {QStringLiteral("id"), run.id},
            {QStringLiteral("startedAt"), toIsoUtc(run.startedAt)},
            {QStringLiteral("durationSeconds"), run.durationSeconds},
            {QStringLiteral("status"), run.status},
            {QStringLiteral("long"), isLong},
        });
    }
    QJsonArray days;
    for (const runs::ActivityDay &day : activity.days) {
        days.append(QJsonObject{
            {QStringLiteral("date"), day.date.toString(Qt::ISODate)},
            {QStringLiteral("succeeded"), day.succeeded},
            {QStringLiteral("failed"), day.failed},
            {QStringLiteral("cancelled"), day.cancelled},
        });
    }
    return QJsonObject{
        {QStringLiteral("from"), activity.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), activity.to.toString(Qt::ISODate)},
        {QStringLiteral("medianSeconds"), optionalNumber(activity.medianSeconds)},
        {QStringLiteral("longRunFactor"), runs::kLongRunFactor},
        {QStringLiteral("longThresholdSeconds"), optionalNumber(activity.longThresholdSeconds)},
        {QStringLiteral("longRunCount"), longRuns},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("daily"), days},
    };
}

// GET /api/v1/integrations/{id}/activity?days=90&to=YYYY-MM-DD: the integration's finished
// runs over `days` days that end with `to` (today in the district's zone by default), their
// median duration, the runs that took more than kLongRunFactor times the median, and the
// successes and failures per day.
http::Response activity(const ApiContext &context, const http::Request &request, qint64 id)
{
    if (auto unknown
        = rejectUnknownParameters(request, {QStringLiteral("days"), QStringLiteral("to")}))
        return *unknown;
    const QUrlQuery query = request.query();
    QJsonObject errors;
    int days = kDefaultDays;
    const QString daysText = query.queryItemValue(QStringLiteral("days"));
    if (!daysText.isEmpty()) {
        bool ok = false;
        days = daysText.toInt(&ok);
        if (!ok || days < 1 || days > kMaxDays)
            errors.insert(QStringLiteral("days"),
                          QStringLiteral("Enter a number of days from 1 to %1.").arg(kMaxDays));
    }
    const QString toText = query.queryItemValue(QStringLiteral("to"));
    QDate to = QDate::fromString(toText, QStringLiteral("yyyy-MM-dd"));
    if (!toText.isEmpty() && !to.isValid())
        errors.insert(QStringLiteral("to"),
                      QStringLiteral("Enter the date as YYYY-MM-DD; \"%1\" is not one.").arg(toText));
    if (!errors.isEmpty())
        return validationFailed(errors);

    const QSqlDatabase db = context.store->connection();
    auto integration = execute(db,
                               QStringLiteral("SELECT ") + integrationDisplayNameSql()
                                   + QStringLiteral(", d.time_zone FROM integrations i "
                                                    "JOIN products p ON p.id = i.product_id "
                                                    "LEFT JOIN product_outputs o ON o.id = i.output_id "
                                                    "JOIN districts d ON d.id = i.district_id "
                                                    "WHERE i.id = ? AND i.district_id = ?"),
                               {id, context.districtId});
    if (!integration)
        return storeFailed(integration.error());
    if (!integration->next())
        return notFound(QStringLiteral("Integration"), id);
    const QString name = integration->value(0).toString();
    const QString zoneName = integration->value(1).toString();
    integration->finish();

    const QTimeZone zone(zoneName.toUtf8());
    if (!to.isValid())
        to = context.now().toTimeZone(zone).date();
    const QDate from = to.addDays(1 - days);
    auto finished = runs::loadFinishedRuns(db, context.districtId, id,
                                           from.startOfDay(zone).toUTC(),
                                           to.addDays(1).startOfDay(zone).toUTC());
    if (!finished)
        return storeFailed(finished.error());

    QJsonObject body = activityJson(runs::summarizeActivity(*finished, from, to, zone));
    body.insert(QStringLiteral("integrationId"), id);
    body.insert(QStringLiteral("integrationName"), name);
    body.insert(QStringLiteral("timeZone"), zoneName);
    body.insert(QStringLiteral("days"), days);
    return http::Response::json(body);
}

} // namespace

void registerActivityRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/integrations/{id}/activity"),
                    http::Access::View, [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("integration"),
                                          [&](qint64 id) { return activity(context, request, id); });
                    });
}

} // namespace hub::api
