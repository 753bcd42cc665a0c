// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "adminapi.h"

#include "api/jsonutil.h"
#include "catalog/catalog.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace hub::api {

namespace {

http::Response health(const ApiContext &context, const http::Request &)
{
    const QSqlDatabase db = context.store->connection();
    auto district
        = execute(db, QStringLiteral("SELECT id, name, time_zone FROM districts WHERE id = ?"),
                  {context.districtId});
    if (!district)
        return storeFailed(district.error());
    QJsonObject districtJson;
    if (district->next()) {
        districtJson = {{QStringLiteral("id"), district->value(0).toLongLong()},
                        {QStringLiteral("name"), district->value(1).toString()},
                        {QStringLiteral("timeZone"), district->value(2).toString()}};
    }
    return http::Response::json(QJsonObject{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("version"), context.version},
        {QStringLiteral("schemaVersion"), context.store->schemaVersion()},
        {QStringLiteral("district"), districtJson},
    });
}

http::Response openApi(const http::Request &)
{
    QFile file(QStringLiteral(":/hub/openapi.json"));
    if (!file.open(QIODevice::ReadOnly))
        return http::Response::error(500, QStringLiteral("internal"),
                                     QStringLiteral("The OpenAPI document is missing."));
    http::Response response;
    response.body = file.readAll();
    return response;
}

} // namespace

void registerAdminApi(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/health"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return health(context, request);
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/openapi.json"), http::Access::View, openApi);
    registerActivityRoutes(router, context);
    registerCatalogRoutes(router, context);
    registerConnectorRoutes(router, context);
    registerDestinationRoutes(router, context);
    registerFileSpecRoutes(router, context);
    registerIntegrationRoutes(router, context);
    registerUploadRoutes(router, context);
    registerOneRosterRoutes(router, context);
    registerNotificationRoutes(router, context);
    registerPreviewRoutes(router, context);
    registerRunRoutes(router, context);
    registerScheduleRoutes(router, context);
    registerValidationRoutes(router, context);
    registerSessionRoutes(router, context);
    registerUserRoutes(router, context);
    registerDistrictRoutes(router, context);
    registerAuditRoutes(router, context);
}

void registerCatalogRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute(
        "GET", QStringLiteral("/api/v1/catalog/products"), http::Access::View,
        [base = context](const http::Request &request) {
            if (auto unknown = rejectUnknownParameters(request, {}))
                return *unknown;
            const ApiContext context = base.forRequest(request);
            auto products = catalog::listProducts(context.store->connection());
            if (!products)
                return storeFailed(products.error());
            return http::Response::json(QJsonObject{{QStringLiteral("products"), *products}});
        });
}

namespace {

bool isSecretField(const QString &name)
{
    static const QStringList secretNames = {
        QStringLiteral("password"),       QStringLiteral("passphrase"),
        QStringLiteral("privatekey"),     QStringLiteral("clientkey"),
        QStringLiteral("accountkey"),     QStringLiteral("apikey"),
        QStringLiteral("sastoken"),       QStringLiteral("bearertoken"),
        QStringLiteral("accesstoken"),    QStringLiteral("refreshtoken"),
        QStringLiteral("token"),          QStringLiteral("secret"),
        QStringLiteral("clientsecret"),   QStringLiteral("connectionstring"),
        QStringLiteral("signingkey"),
    };
    const QString lower = name.toLower();
    for (const QString &secret : secretNames) {
        if (lower == secret || lower.endsWith(secret))
            return true;
    }
    return false;
}

QJsonValue maskValue(const QJsonValue &value, bool secret)
{
    if (value.isObject())
        return maskSecrets(value.toObject());
    if (value.isArray()) {
        QJsonArray masked;
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            masked.append(maskValue(item, secret));
        return masked;
    }
    if (secret && (value.isString() || value.isDouble()))
        return QStringLiteral("(masked)");
    return value;
}

} // namespace

QJsonObject maskSecrets(const QJsonObject &object)
{
    QJsonObject masked;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        masked.insert(it.key(), maskValue(it.value(), isSecretField(it.key())));
    return masked;
}

void writeAudit(const ApiContext &context, const QString &action, const QString &entity,
                qint64 entityId, const QJsonObject &before, const QJsonObject &after)
{
    const auto toText = [](const QJsonObject &object) {
        return object.isEmpty() ? QVariant()
                                : QVariant(QString::fromUtf8(QJsonDocument(maskSecrets(object))
                                                                 .toJson(QJsonDocument::Compact)));
    };
    auto written
        = execute(context.store->connection(),
                  QStringLiteral("INSERT INTO audit_log(district_id, logged_at, actor, "
                                 "action, entity, entity_id, before_json, after_json) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {context.districtId > 0 ? QVariant(context.districtId) : QVariant(),
                   toIsoUtc(context.now()),
                   context.actor.isEmpty() ? QStringLiteral("local administrator") : context.actor,
                   action, entity, entityId, toText(before), toText(after)});
    if (!written)
        qCWarning(lcApi) << "Cannot write the audit log for" << action << entity << entityId
                         << written.error();
    else
        qCInfo(lcApi) << "Audit:" << action << entity << entityId;
}

} // namespace hub::api
