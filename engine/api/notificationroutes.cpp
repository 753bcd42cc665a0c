// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "core/secretbox.h"
#include "notify/notificationsettings.h"
#include "notify/notifier.h"
#include "store/store.h"

#include <QJsonArray>

namespace hub::api {

namespace {

constexpr int kDefaultListSize = 50;
constexpr int kMaxListSize = 500;

// The 400 reply to settings with members that do not exist, naming each of them.
http::Response unknownKeysRejected(const QStringList &unknownKeys)
{
    qCInfo(lcNotify) << "Rejected notification settings with unknown keys" << unknownKeys;
    return badRequest(QStringLiteral("Unknown notification settings %1: %2. Remove or correct "
                                     "%3; GET the settings to see the known keys.")
                          .arg(unknownKeys.size() == 1 ? QStringLiteral("key")
                                                       : QStringLiteral("keys"),
                               unknownKeys.join(QStringLiteral(", ")),
                               unknownKeys.size() == 1 ? QStringLiteral("it")
                                                       : QStringLiteral("them")));
}

http::Response getDistrictSettings(const ApiContext &context)
{
    auto box = SecretBox::openOrCreate(context.dataDir);
    if (!box)
        return storeFailed(box.error());
    auto stored = notify::loadStoredSettings(context.store->connection(), *box,
                                             context.districtId, 0);
    if (!stored)
        return storeFailed(stored.error());
    return http::Response::json(notify::maskedDistrictSettings(stored->settings, stored->secrets));
}

// PUT /api/v1/notifications/settings: the whole settings object; secret fields follow the
// destination rule (a string replaces, {"stored": true} or absent keeps, null or "" removes).
http::Response putDistrictSettings(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    auto box = SecretBox::openOrCreate(context.dataDir);
    if (!box)
        return storeFailed(box.error());
    const QSqlDatabase db = context.store->connection();
    auto stored = notify::loadStoredSettings(db, *box, context.districtId, 0);
    if (!stored)
        return storeFailed(stored.error());

    const notify::ValidatedSettings valid
        = notify::validateDistrictSettings(*body, stored->secrets);
    if (!valid.unknownKeys.isEmpty())
        return unknownKeysRejected(valid.unknownKeys);
    if (!valid.errors.isEmpty())
        return validationFailed(valid.errors);
    if (auto saved = notify::saveStoredSettings(db, *box, context.districtId, 0, valid.settings,
                                                valid.secrets);
        !saved)
        return storeFailed(saved.error());

    const QJsonObject masked = notify::maskedDistrictSettings(valid.settings, valid.secrets);
    writeAudit(context, QStringLiteral("update"), QStringLiteral("notification_settings"), 0,
               notify::maskedDistrictSettings(stored->settings, stored->secrets),
               notify::auditedDistrictSettings(valid.settings, valid.secrets, stored->secrets));
    qCInfo(lcNotify) << "Notification settings of district" << context.districtId << "saved";
    return http::Response::json(masked);
}

Result<bool> integrationExists(const ApiContext &context, qint64 id)
{
    auto found = selectValue(context.store->connection(),
                             QStringLiteral("SELECT id FROM integrations WHERE id = ? AND "
                                            "district_id = ? AND deleted_at IS NULL"),
                             {id, context.districtId});
    if (!found)
        return failure(found.error());
    return !found->isNull();
}

http::Response getIntegrationSettings(const ApiContext &context, qint64 id)
{
    auto exists = integrationExists(context, id);
    if (!exists)
        return storeFailed(exists.error());
    if (!*exists)
        return notFound(QStringLiteral("Integration"), id);
    auto box = SecretBox::openOrCreate(context.dataDir);
    if (!box)
        return storeFailed(box.error());
    auto stored = notify::loadStoredSettings(context.store->connection(), *box,
                                             context.districtId, id);
    if (!stored)
        return storeFailed(stored.error());
    return http::Response::json(stored->settings.isEmpty()
                                    ? QJsonObject{{QStringLiteral("inherit"), true}}
                                    : stored->settings);
}

http::Response putIntegrationSettings(const ApiContext &context, const http::Request &request,
                                      qint64 id)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    auto exists = integrationExists(context, id);
    if (!exists)
        return storeFailed(exists.error());
    if (!*exists)
        return notFound(QStringLiteral("Integration"), id);
    const notify::ValidatedSettings valid = notify::validateIntegrationSettings(*body);
    if (!valid.unknownKeys.isEmpty())
        return unknownKeysRejected(valid.unknownKeys);
    if (!valid.errors.isEmpty())
        return validationFailed(valid.errors);
    auto box = SecretBox::openOrCreate(context.dataDir);
    if (!box)
        return storeFailed(box.error());
    const QSqlDatabase db = context.store->connection();
    auto before = notify::loadStoredSettings(db, *box, context.districtId, id);
    if (!before)
        return storeFailed(before.error());
    if (auto saved = notify::saveStoredSettings(db, *box, context.districtId, id, valid.settings, {});
        !saved)
        return storeFailed(saved.error());
    writeAudit(context, QStringLiteral("update"), QStringLiteral("integration_notifications"), id,
               before->settings, valid.settings);
    return http::Response::json(valid.settings);
}

// POST /api/v1/notifications/test: queues one test notification per enabled channel and
// returns 202 with their ids. GET /api/v1/notifications shows how each delivery went.
http::Response sendTest(const ApiContext &context, const http::Request &request)
{
    QString channel;
    if (!request.body().trimmed().isEmpty()) {
        auto body = parseObject(request.body());
        if (!body)
            return badRequest(body.error());
        channel = body->value(QStringLiteral("channel")).toString();
        if (body->contains(QStringLiteral("channel")) && channel != QLatin1String("email")
            && channel != QLatin1String("webhook"))
            return validationFailed(QJsonObject{
                {QStringLiteral("channel"), QStringLiteral("Use email or webhook.")}});
    }
    auto box = SecretBox::openOrCreate(context.dataDir);
    if (!box)
        return storeFailed(box.error());
    auto queued = notify::Notifier::queueTest(context.store->connection(), *box,
                                              context.districtId, channel);
    if (!queued)
        return http::Response::error(409, QStringLiteral("no_channel"), queued.error());
    if (context.notificationsQueued)
        context.notificationsQueued();
    QJsonArray ids;
    for (qint64 id : std::as_const(*queued))
        ids.append(id);
    qCInfo(lcNotify) << "Test notifications queued for district" << context.districtId << ids;
    return http::Response::json(QJsonObject{{QStringLiteral("notifications"), ids}}, 202);
}

// GET /api/v1/notifications?limit=N: the district's newest notifications first.
http::Response list(const ApiContext &context, const http::Request &request)
{
    if (auto unknown = rejectUnknownParameters(request, {QStringLiteral("limit")}))
        return *unknown;
    const QString limitText = request.query().queryItemValue(QStringLiteral("limit"));
    bool ok = true;
    const int limit = limitText.isEmpty() ? kDefaultListSize : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > kMaxListSize)
        return validationFailed(QJsonObject{
            {QStringLiteral("limit"),
             QStringLiteral("Enter a number from 1 to %1.").arg(kMaxListSize)}});
    auto rows = execute(context.store->connection(),
                        QStringLiteral("SELECT id, event, event_key, channel, integration_id, "
                                       "run_id, status, attempts, error, created_at, sent_at "
                                       "FROM notifications WHERE district_id = ? "
                                       "ORDER BY id DESC LIMIT ?"),
                        {context.districtId, limit});
    if (!rows)
        return storeFailed(rows.error());
    QJsonArray notifications;
    while (rows->next()) {
        notifications.append(QJsonObject{
            {QStringLiteral("id"), rows->value(0).toLongLong()},
            {QStringLiteral("event"), rows->value(1).toString()},
            {QStringLiteral("eventKey"), rows->value(2).toString()},
            {QStringLiteral("channel"), rows->value(3).toString()},
            {QStringLiteral("integrationId"), jsonValue(rows->value(4))},
            {QStringLiteral("runId"), jsonValue(rows->value(5))},
            {QStringLiteral("status"), rows->value(6).toString()},
            {QStringLiteral("attempts"), rows->value(7).toInt()},
            {QStringLiteral("error"), jsonValue(rows->value(8))},
            {QStringLiteral("createdAt"), rows->value(9).toString()},
            {QStringLiteral("sentAt"), jsonValue(rows->value(10))},
        });
    }
    return http::Response::json(QJsonObject{{QStringLiteral("notifications"), notifications}});
}

} // namespace

void registerNotificationRoutes(http::Router &router, const ApiContext &context)
{
    const QString settings = QStringLiteral("/api/v1/notifications/settings");
    router.addRoute("GET", settings, http::Access::View,
                    [base = context](const http::Request &request) {
                        return getDistrictSettings(base.forRequest(request));
                    });
    router.addRoute("PUT", settings, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return putDistrictSettings(base.forRequest(request), request);
                    });
    const QString integration = QStringLiteral("/api/v1/integrations/{id}/notifications");
    router.addRoute("GET", integration, http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("integration"), [&](qint64 id) {
                            return getIntegrationSettings(context, id);
                        });
                    });
    router.addRoute("PUT", integration, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("integration"), [&](qint64 id) {
                            return putIntegrationSettings(context, request, id);
                        });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/notifications/test"), http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return sendTest(base.forRequest(request), request);
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/notifications"), http::Access::View,
                    [base = context](const http::Request &request) {
                        return list(base.forRequest(request), request);
                    });
}

} // namespace hub::api
