// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "connectors/connector.h"
#include "core/logging.h"
#include "core/secretbox.h"
#include "core/timeutil.h"
#include "destinations/destinationsecrets.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hub::api {

namespace {

// An API integration's connector: its description, plain settings and decrypted secrets.
struct StoredConnector
{
    std::optional<connectors::ConnectorDescription> description;
    QJsonObject settings;
    QJsonObject secrets;
};

// Finds the integration in the request's district. An empty description with no error means the
// integration does not exist; an integration that is not an API integration is an error.
Result<StoredConnector> findConnector(const ApiContext &context, qint64 id, bool &found)
{
    found = false;
    auto query = execute(context.store->connection(),
                         QStringLiteral("SELECT i.integration_type, p.product_key, "
                                        "i.connector_settings, i.connector_secrets FROM "
                                        "integrations i JOIN products p ON p.id = i.product_id "
                                        "WHERE i.id = ? AND i.district_id = ? AND "
                                        "i.deleted_at IS NULL"),
                         {id, context.districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return StoredConnector();
    found = true;
    const QString type = query->value(0).toString();
    const QString productKey = query->value(1).toString();
    if (type != QLatin1String("api"))
        return failure(QStringLiteral("Integration %1 is an %2 integration; only API "
                                      "integrations have a connector.")
                           .arg(id)
                           .arg(type));
    StoredConnector stored;
    stored.description = connectors::descriptionForProduct(productKey);
    if (!stored.description)
        return failure(QStringLiteral("The product %1 has no connector description.")
                           .arg(productKey));
    stored.settings = QJsonDocument::fromJson(query->value(2).toByteArray()).object();
    const QByteArray sealed = query->value(3).toByteArray();
    if (!sealed.isEmpty()) {
        auto box = SecretBox::openOrCreate(context.dataDir);
        if (!box)
            return failure(box.error());
        auto opened = destinations::openSecrets(*box, sealed);
        if (!opened)
            return failure(opened.error());
        stored.secrets = *opened;
    }
    return stored;
}

QJsonObject connectorJson(const StoredConnector &stored)
{
    const QJsonObject errors
        = connectors::validateSettings(*stored.description, stored.settings, stored.secrets);
    return QJsonObject{
        {QStringLiteral("description"), stored.description->toJson()},
        {QStringLiteral("settings"),
         connectors::maskedSettings(*stored.description, stored.settings, stored.secrets)},
        {QStringLiteral("complete"), errors.isEmpty()},
        {QStringLiteral("missing"), errors},
    };
}

// Runs the lookup and turns its outcomes into 404 or 409 responses.
template<typename Handler>
http::Response withConnector(const ApiContext &context, qint64 id, Handler handler)
{
    bool found = false;
    auto stored = findConnector(context, id, found);
    if (!found && stored)
        return notFound(QStringLiteral("Integration"), id);
    if (!stored)
        return http::Response::error(found ? 409 : 500,
                                     found ? QStringLiteral("no_connector")
                                           : QStringLiteral("store_failed"),
                                     stored.error());
    return handler(*stored);
}

http::Response listDescriptions()
{
    QJsonArray list;
    const QList<connectors::ConnectorDescription> descriptions = connectors::connectorDescriptions();
    for (const connectors::ConnectorDescription &description : descriptions)
        list.append(description.toJson());
    return http::Response::json(QJsonObject{{QStringLiteral("connectors"), list}});
}

// Reads {"settings": {...}} and merges it with the stored settings and secrets; field errors on
// failure.
Result<connectors::SplitSettings> readSettings(const http::Request &request,
                                               const StoredConnector &stored, QJsonObject &errors)
{
    auto body = parseObject(request.body());
    if (!body)
        return failure(body.error());
    const QJsonValue settings = body->value(QStringLiteral("settings"));
    if (!settings.isObject()) {
        errors.insert(QStringLiteral("settings"),
                      QStringLiteral("Send the connector settings as an object."));
        return connectors::SplitSettings();
    }
    connectors::SplitSettings split
        = connectors::splitSettings(*stored.description, settings.toObject(), stored.settings,
                                    stored.secrets);
    errors = connectors::validateSettings(*stored.description, split.settings, split.secrets);
    // A secret dropped for a new host is reported as such, in place of "Enter the ...".
    for (auto it = split.errors.begin(); it != split.errors.end(); ++it)
        errors.insert(it.key(), it.value());
    return split;
}

http::Response save(const ApiContext &context, const http::Request &request,
                    const StoredConnector &stored, qint64 id)
{
    QJsonObject errors;
    auto split = readSettings(request, stored, errors);
    if (!split)
        return badRequest(split.error());
    if (!errors.isEmpty())
        return validationFailed(errors);

    auto box = SecretBox::openOrCreate(context.dataDir);
    if (!box)
        return storeFailed(box.error());
    const QByteArray sealed = destinations::sealSecrets(*box, split->secrets);
    auto updated = execute(
        context.store->connection(),
        QStringLiteral("UPDATE integrations SET connector_settings = ?, connector_secrets = ?, "
                       "updated_at = ? WHERE id = ?"),
        {QString::fromUtf8(QJsonDocument(split->settings).toJson(QJsonDocument::Compact)),
         sealed.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(sealed)), nowIsoUtc(), id});
    if (!updated)
        return storeFailed(updated.error());

    StoredConnector after = stored;
    after.settings = split->settings;
    after.secrets = split->secrets;
    writeAudit(context, QStringLiteral("update"), QStringLiteral("integration_connector"), id,
               connectors::maskedSettings(*stored.description, stored.settings, stored.secrets),
               connectors::maskedSettings(*after.description, after.settings, after.secrets));
    qCInfo(lcConnectors) << "Connector settings of integration" << id << "saved";
    return http::Response::json(connectorJson(after));
}

// Runs on the HTTP thread and blocks it for at most the connector's time-out and retries, like
// the Test Connection of destinations: a rare, user-triggered action. A body with "settings"
// tests those; without it the stored settings are tested.
http::Response test(const http::Request &request, const StoredConnector &stored, qint64 id)
{
    QJsonObject settings = stored.settings;
    QJsonObject secrets = stored.secrets;
    const auto parsed = parseObject(request.body());
    const bool hasBody = !request.body().trimmed().isEmpty();
    if (hasBody && (!parsed || parsed->contains(QStringLiteral("settings")))) {
        QJsonObject errors;
        auto split = readSettings(request, stored, errors);
        if (!split)
            return badRequest(split.error());
        if (!errors.isEmpty())
            return validationFailed(errors);
        settings = split->settings;
        secrets = split->secrets;
    } else if (const QJsonObject errors
               = connectors::validateSettings(*stored.description, settings, secrets);
               !errors.isEmpty()) {
        return validationFailed(errors);
    }
    auto connector = connectors::createConnector(
        *stored.description, connectors::effectiveSettings(*stored.description, settings, secrets));
    if (!connector)
        return badRequest(connector.error());
    qCInfo(lcConnectors) << "Testing the connection of integration" << id;
    const connectors::TestOutcome outcome = (*connector)->testConnection();
    if (!outcome.ok)
        qCWarning(lcConnectors).noquote()
            << QStringLiteral("Test Connection of integration %1 failed: %2").arg(id).arg(outcome.message);
    return http::Response::json(QJsonObject{{QStringLiteral("ok"), outcome.ok},
                                            {QStringLiteral("message"), outcome.message}});
}

} // namespace

void registerConnectorRoutes(http::Router &router, const ApiContext &context)
{
    const QString item = QStringLiteral("/api/v1/integrations/{id}/connector");
    const auto withId = [](const http::Request &request, auto handler) {
        return withPathId(request, QStringLiteral("integration"), handler);
    };

    router.addRoute("GET", QStringLiteral("/api/v1/connectors"), http::Access::View,
                    [](const http::Request &) { return listDescriptions(); });
    router.addRoute("GET", item, http::Access::View,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return withConnector(context, id, [](const StoredConnector &stored) {
                                return http::Response::json(connectorJson(stored));
                            });
                        });
                    });
    router.addRoute("PUT", item, http::Access::Configure,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return withConnector(context, id, [&](const StoredConnector &stored) {
                                return save(context, request, stored, id);
                            });
                        });
                    });
    router.addRoute("POST", item + QStringLiteral("/test"), http::Access::Configure,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return withConnector(context, id, [&](const StoredConnector &stored) {
                                return test(request, stored, id);
                            });
                        });
                    });
}

} // namespace hub::api
