// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "schedule/blackouts.h"
#include "schedule/occurrences.h"
#include "schedule/scheduler.h"
#include "schedule/schedule.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace hub::api {

namespace {

constexpr int kDefaultCount = 5;
constexpr int kMaxCount = 50;
constexpr int kMaxReasonLength = 200;
constexpr int kMaxBlackoutDays = 366;

const QString kCountMessage = QStringLiteral("Enter a whole number of runs from 1 to 50.");

Result<QString> districtTimeZone(const ApiContext &context)
{
    auto zone = selectValue(context.store->connection(),
                            QStringLiteral("SELECT time_zone FROM districts WHERE id = ?"),
                            {context.districtId});
    if (!zone)
        return failure(zone.error());
    return zone->isNull() ? QStringLiteral("America/Detroit") : zone->toString();
}

// Lists the occurrences as the API returns them, with local times and the blackout window
// that contains each one's date.
Result<QJsonObject> occurrencesJson(const ApiContext &context, const QJsonObject &scheduleObject,
                                    const QDateTime &after, int count)
{
    auto schedule = schedule::parseSchedule(scheduleObject);
    if (!schedule)
        return failure(schedule.error());
    auto zoneId = districtTimeZone(context);
    if (!zoneId)
        return failure(zoneId.error());
    const QTimeZone zone(zoneId->toUtf8());
    if (!zone.isValid())
        return failure(QStringLiteral("The district's time zone \"%1\" is not a known IANA zone.")
                           .arg(*zoneId));
    auto blackouts = schedule::loadBlackouts(context.store->connection(), context.districtId);
    if (!blackouts)
        return failure(blackouts.error());

    QJsonArray occurrences;
    const QList<schedule::Occurrence> next
        = schedule::nextOccurrences(*schedule, zone, after, count);
    for (const schedule::Occurrence &occurrence : next) {
        const QDateTime local = occurrence.at.toTimeZone(zone);
        const schedule::BlackoutWindow *window = schedule::blackoutOn(*blackouts, local.date());
        occurrences.append(QJsonObject{
            {QStringLiteral("at"), toIsoUtc(occurrence.at)},
            {QStringLiteral("local"), local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))},
            {QStringLiteral("abbreviation"), zone.abbreviation(occurrence.at)},
            {QStringLiteral("shifted"), occurrence.shifted},
            {QStringLiteral("note"), occurrence.note},
            {QStringLiteral("heldBy"), window ? QJsonValue(window->reason) : QJsonValue()},
        });
    }
    return QJsonObject{{QStringLiteral("timeZone"), *zoneId},
                       {QStringLiteral("occurrences"), occurrences}};
}

// Reads a run count from 1 to 50; absent means 5.
std::optional<int> parseCount(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return kDefaultCount;
    if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
        return std::nullopt;
    const qint64 count = value.toInteger();
    if (count < 1 || count > kMaxCount)
        return std::nullopt;
    return int(count);
}

http::Response nextOfIntegration(const ApiContext &context, const http::Request &request, qint64 id)
{
    const QUrlQuery query = request.query();
    QJsonValue countValue;
    if (query.hasQueryItem(QStringLiteral("count"))) {
        bool isNumber = false;
        const int number = query.queryItemValue(QStringLiteral("count")).toInt(&isNumber);
        countValue = isNumber ? QJsonValue(number) : QJsonValue(QStringLiteral("invalid"));
    }
    const std::optional<int> count = parseCount(countValue);
    if (!count)
        return validationFailed(QJsonObject{{QStringLiteral("count"), kCountMessage}});

    const QSqlDatabase db = context.store->connection();
    auto integration = execute(db,
                               QStringLiteral("SELECT i.schedule, i.active, i.integration_type, "
                                              "(SELECT count(*) FROM integration_destinations l "
                                              " WHERE l.integration_id = i.id), "
                                              "(SELECT count(*) FROM integration_destinations l "
                                              " WHERE l.integration_id = i.id AND l.active = 1) "
                                              "FROM integrations i WHERE i.id = ? AND "
                                              "i.district_id = ?"),
                               {id, context.districtId});
    if (!integration)
        return storeFailed(integration.error());
    if (!integration->next())
        return notFound(QStringLiteral("Integration"), id);
    const QJsonDocument scheduleDocument
        = QJsonDocument::fromJson(integration->value(0).toByteArray());
    const bool integrationActive = integration->value(1).toBool();
    const bool schedulable = schedule::runsOnSchedule(integration->value(2).toString());
    const bool destinationActive
        = integration->value(3).toInt() == 0 || integration->value(4).toInt() > 0;
    integration->finish();

    QJsonObject body;
    QString reason;
    if (!scheduleDocument.isObject()) {
        auto zone = districtTimeZone(context);
        if (!zone)
            return storeFailed(zone.error());
        body = QJsonObject{{QStringLiteral("timeZone"), *zone},
                           {QStringLiteral("occurrences"), QJsonArray()}};
        reason = QStringLiteral("The integration has no schedule.");
    } else {
        auto listed = occurrencesJson(context, scheduleDocument.object(), context.now(), *count);
        if (!listed)
            return storeFailed(listed.error());
        body = *listed;
        if (!schedulable)
            reason = QStringLiteral("Only outbound and API integrations run on a schedule.");
        else if (!integrationActive)
            reason = QStringLiteral("The integration is inactive.");
        else if (!scheduleDocument.object().value(QStringLiteral("active")).toBool(true))
            reason = QStringLiteral("The schedule is inactive.");
        else if (!destinationActive)
            reason = QStringLiteral("Every destination of the integration is inactive.");
    }
    body.insert(QStringLiteral("scheduled"), reason.isEmpty());
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return http::Response::json(body);
}

http::Response preview(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());

    const QJsonValue scheduleValue = body->value(QStringLiteral("schedule"));
    QJsonObject errors;
    if (!scheduleValue.isObject())
        errors.insert(QStringLiteral("schedule"), QStringLiteral("Send the schedule to preview "
                                                                 "as an object."));
    else
        errors = schedule::validateSchedule(scheduleValue);
    const std::optional<int> count = parseCount(body->value(QStringLiteral("count")));
    if (!count)
        errors.insert(QStringLiteral("count"), kCountMessage);
    QDateTime after = context.now();
    const QJsonValue afterValue = body->value(QStringLiteral("after"));
    if (!afterValue.isUndefined() && !afterValue.isNull()) {
        const QDateTime parsed = QDateTime::fromString(afterValue.toString(), Qt::ISODateWithMs);
        if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
            errors.insert(QStringLiteral("after"),
                          QStringLiteral("Enter an instant with its offset, such as "
                                         "2026-11-01T00:00:00Z, or leave it out for now."));
        else if (parsed.toUTC().date() < schedule::kEarliestScheduleDate
                 || parsed.toUTC().date() > schedule::kLatestScheduleDate)
            errors.insert(QStringLiteral("after"),
                          QStringLiteral("Enter an instant from %1 to %2.")
                              .arg(schedule::kEarliestScheduleDate.toString(Qt::ISODate),
                                   schedule::kLatestScheduleDate.toString(Qt::ISODate)));
        after = parsed;
    }
    if (!errors.isEmpty())
        return validationFailed(errors);

    auto listed = occurrencesJson(context, scheduleValue.toObject(), after, *count);
    if (!listed)
        return storeFailed(listed.error());
    return http::Response::json(*listed);
}

QJsonObject blackoutJson(const QSqlQuery &query)
{
    return QJsonObject{
        {QStringLiteral("id"), query.value(0).toLongLong()},
        {QStringLiteral("startsOn"), query.value(1).toString()},
        {QStringLiteral("endsOn"), query.value(2).toString()},
        {QStringLiteral("reason"), query.value(3).toString()},
        {QStringLiteral("createdAt"), query.value(4).toString()},
    };
}

const QString kBlackoutSelect
    = QStringLiteral("SELECT id, starts_on, ends_on, reason, created_at FROM blackout_windows ");

Result<QJsonObject> findBlackout(const ApiContext &context, qint64 id)
{
    auto query = execute(context.store->connection(),
                         kBlackoutSelect + QStringLiteral("WHERE id = ? AND district_id = ?"),
                         {id, context.districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    return blackoutJson(*query);
}

http::Response listBlackouts(const ApiContext &context)
{
    auto query
        = execute(context.store->connection(),
                  kBlackoutSelect + QStringLiteral("WHERE district_id = ? ORDER BY starts_on, id"),
                  {context.districtId});
    if (!query)
        return storeFailed(query.error());
    QJsonArray blackouts;
    while (query->next())
        blackouts.append(blackoutJson(*query));
    return http::Response::json(QJsonObject{{QStringLiteral("blackouts"), blackouts}});
}

http::Response createBlackout(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());

    QJsonObject errors;
    const QDate startsOn
        = QDate::fromString(body->value(QStringLiteral("startsOn")).toString(), Qt::ISODate);
    const QDate endsOn
        = QDate::fromString(body->value(QStringLiteral("endsOn")).toString(), Qt::ISODate);
    const QString reason = body->value(QStringLiteral("reason")).toString().trimmed();
    if (!startsOn.isValid())
        errors.insert(QStringLiteral("startsOn"),
                      QStringLiteral("Enter the first held date as YYYY-MM-DD."));
    if (!endsOn.isValid())
        errors.insert(QStringLiteral("endsOn"),
                      QStringLiteral("Enter the last held date as YYYY-MM-DD."));
    else if (startsOn.isValid() && endsOn < startsOn)
        errors.insert(QStringLiteral("endsOn"),
                      QStringLiteral("The last date is before the first date."));
    else if (startsOn.isValid() && startsOn.daysTo(endsOn) >= kMaxBlackoutDays)
        errors.insert(QStringLiteral("endsOn"),
                      QStringLiteral("A blackout window lasts at most %1 days; split a longer "
                                     "one.")
                          .arg(kMaxBlackoutDays));
    if (reason.isEmpty() || reason.size() > kMaxReasonLength)
        errors.insert(QStringLiteral("reason"),
                      QStringLiteral("Enter a reason of 1 to %1 characters; the runbook shows it "
                                     "on each held run.")
                          .arg(kMaxReasonLength));
    if (!errors.isEmpty())
        return validationFailed(errors);

    auto inserted = execute(context.store->connection(),
                            QStringLiteral("INSERT INTO blackout_windows(district_id, starts_on, "
                                           "ends_on, reason, created_at) VALUES (?, ?, ?, ?, ?)"),
                            {context.districtId, startsOn.toString(Qt::ISODate),
                             endsOn.toString(Qt::ISODate), reason, nowIsoUtc()});
    if (!inserted)
        return storeFailed(inserted.error());
    const qint64 id = inserted->lastInsertId().toLongLong();
    auto created = findBlackout(context, id);
    if (!created)
        return storeFailed(created.error());
    writeAudit(context, QStringLiteral("create"), QStringLiteral("blackout"), id, {}, *created);
    qCInfo(lcScheduler) << "Added blackout window" << id << "from" << startsOn << "to" << endsOn;
    if (context.scheduleChanged)
        context.scheduleChanged();
    return http::Response::json(*created, 201);
}

http::Response deleteBlackout(const ApiContext &context, qint64 id)
{
    auto existing = findBlackout(context, id);
    if (!existing)
        return storeFailed(existing.error());
    if (existing->isEmpty())
        return notFound(QStringLiteral("Blackout window"), id);
    auto deleted = execute(context.store->connection(),
                           QStringLiteral("DELETE FROM blackout_windows WHERE id = ?"), {id});
    if (!deleted)
        return storeFailed(deleted.error());
    writeAudit(context, QStringLiteral("delete"), QStringLiteral("blackout"), id, *existing, {});
    qCInfo(lcScheduler) << "Deleted blackout window" << id;
    if (context.scheduleChanged)
        context.scheduleChanged();
    return http::Response::noContent();
}

} // namespace

void registerScheduleRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/integrations/{id}/schedule/next"),
                    http::Access::View, [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("integration"), [&](qint64 id) {
                            return nextOfIntegration(context, request, id);
                        });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/schedules/preview"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return preview(context, request);
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/blackouts"), http::Access::View,
                    [base = context](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        const ApiContext context = base.forRequest(request);
                        return listBlackouts(context);
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/blackouts"), http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return createBlackout(context, request);
                    });
    router.addRoute("DELETE", QStringLiteral("/api/v1/blackouts/{id}"), http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("blackout window"),
                                          [&](qint64 id) { return deleteBlackout(context, id); });
                    });
}

} // namespace hub::api
