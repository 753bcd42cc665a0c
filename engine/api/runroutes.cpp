// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "api/runjson.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QJsonArray>
#include <QTimeZone>

namespace hub::api {

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;

Result<QString> districtTimeZone(const ApiContext &context)
{
    auto zone = selectValue(context.store->connection(),
                            QStringLiteral("SELECT time_zone FROM districts WHERE id = ?"),
                            {context.districtId});
    if (!zone)
        return failure(zone.error());
    return zone->toString();
}

// GET /api/v1/runs?date=YYYY-MM-DD&integrationId=&status=&limit=&offset=
// Lists runs that started (or, while queued, were queued) on or before the date in the
// district's time zone, newest first.
http::Response list(const ApiContext &context, const http::Request &request)
{
    const QUrlQuery query = request.query();
    QJsonObject errors;

    auto zoneName = districtTimeZone(context);
    if (!zoneName)
        return storeFailed(zoneName.error());
    const QTimeZone zone(zoneName->toUtf8());

    QString where = QStringLiteral(" WHERE r.district_id = ?");
    QVariantList bindings{context.districtId};

    const QString dateText = query.queryItemValue(QStringLiteral("date"));
    if (!dateText.isEmpty()) {
        const QDate date = QDate::fromString(dateText, QStringLiteral("yyyy-MM-dd"));
        if (!date.isValid()) {
            errors.insert(QStringLiteral("date"),
                          QStringLiteral("Enter the date as YYYY-MM-DD; \"%1\" is not one.").arg(dateText));
        } else {
            // The first instant of the next day in the district's zone is the exclusive bound,
            // which stays right on days of 23 or 25 hours.
            const QDateTime nextDay = date.addDays(1).startOfDay(zone);
            where += QStringLiteral(" AND coalesce(r.started_at, r.queued_at) < ?");
            bindings.append(toIsoUtc(nextDay));
        }
    }

    const QString integrationText = query.queryItemValue(QStringLiteral("integrationId"));
    if (!integrationText.isEmpty()) {
        bool ok = false;
        const qint64 integrationId = integrationText.toLongLong(&ok);
        if (!ok || integrationId <= 0)
            errors.insert(QStringLiteral("integrationId"), QStringLiteral("Must be a positive integer."));
        where += QStringLiteral(" AND r.integration_id = ?");
        bindings.append(integrationId);
    }

    const QString statusText = query.queryItemValue(QStringLiteral("status"));
    if (!statusText.isEmpty()) {
        bool ok = false;
        const int status = statusText.toInt(&ok);
        static const QList<int> statuses = {0, 1, 2, 3, 8, 9};
        if (!ok || !statuses.contains(status))
            errors.insert(QStringLiteral("status"),
                          QStringLiteral("Use one of the status codes 0, 1, 2, 3, 8 and 9."));
        where += QStringLiteral(" AND r.status = ?");
        bindings.append(status);
    }

    bool limitOk = true;
    bool offsetOk = true;
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const QString offsetText = query.queryItemValue(QStringLiteral("offset"));
    const int limit = limitText.isEmpty() ? kDefaultPageSize : limitText.toInt(&limitOk);
    const qint64 offset = offsetText.isEmpty() ? 0 : offsetText.toLongLong(&offsetOk);
    if (!limitOk || limit < 1 || limit > kMaxPageSize)
        errors.insert(QStringLiteral("limit"),
                      QStringLiteral("Enter a page size from 1 to %1.").arg(kMaxPageSize));
    if (!offsetOk || offset < 0)
        errors.insert(QStringLiteral("offset"), QStringLiteral("Enter an offset of 0 or more."));

    if (!errors.isEmpty())
        return validationFailed(errors);

    const QSqlDatabase db = context.store->connection();
    auto total = selectValue(db, QStringLiteral("SELECT count(*) FROM runs r") + where, bindings);
    if (!total)
        return storeFailed(total.error());

    auto rows = execute(db,
                        runSelectSql() + where
                            + QStringLiteral(" ORDER BY coalesce(r.started_at, r.queued_at) DESC, "
                                             "r.id DESC LIMIT ? OFFSET ?"),
                        bindings + QVariantList{limit, offset});
    if (!rows)
        return storeFailed(rows.error());
    QJsonArray runs;
    while (rows->next())
        runs.append(runJson(*rows));

    return http::Response::json(QJsonObject{
        {QStringLiteral("runs"), runs},
        {QStringLiteral("total"), total->toLongLong()},
        {QStringLiteral("limit"), limit},
        {QStringLiteral("offset"), offset},
        {QStringLiteral("timeZone"), *zoneName},
    });
}

http::Response get(const ApiContext &context, const http::Request &request)
{
    const qint64 id = request.idParameter(QStringLiteral("id"));
    if (id == 0)
        return badRequest(QStringLiteral("The run id must be a positive integer."));
    auto detail = runDetail(context.store->connection(), context.districtId, id);
    if (!detail)
        return storeFailed(detail.error());
    if (detail->isEmpty())
        return notFound(QStringLiteral("Run"), id);
    return http::Response::json(*detail);
}

} // namespace

void registerRunRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/runs"),
                    [context](const http::Request &request) { return list(context, request); });
    router.addRoute("GET", QStringLiteral("/api/v1/runs/{id}"),
                    [context](const http::Request &request) { return get(context, request); });
}

} // namespace hub::api
