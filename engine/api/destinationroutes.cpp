// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "core/secretbox.h"
#include "core/timeutil.h"
#include "destinations/destination.h"
#include "destinations/destinationsecrets.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hub::api {

namespace {

const QString kSelect = QStringLiteral("SELECT id, name, kind, settings, created_at, updated_at, "
                                       "secrets FROM destinations");

// A destination as the API returns it. Secret values never leave the engine: each stored
// secret appears as {"stored": true}.
QJsonObject destinationJson(const QSqlQuery &query, const QJsonObject &secrets)
{
    const QString kind = query.value(2).toString();
    const QJsonObject settings = QJsonDocument::fromJson(query.value(3).toByteArray()).object();
    return QJsonObject{
        {QStringLiteral("id"), query.value(0).toLongLong()},
        {QStringLiteral("name"), query.value(1).toString()},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("settings"), destinations::maskedSettings(kind, settings, secrets)},
        {QStringLiteral("createdAt"), query.value(4).toString()},
        {QStringLiteral("updatedAt"), query.value(5).toString()},
    };
}

// The stored record: its API form and its decrypted secrets, for the routes that need both.
struct StoredDestination
{
    QJsonObject json;
    QJsonObject secrets;
};

Result<SecretBox> secretBox(const ApiContext &context)
{
    return SecretBox::openOrCreate(context.dataDir);
}

Result<QJsonObject> decryptSecrets(const ApiContext &context, const QByteArray &sealed)
{
    if (sealed.isEmpty())
        return QJsonObject();
    auto box = secretBox(context);
    if (!box)
        return failure(box.error());
    return destinations::openSecrets(*box, sealed);
}

Result<StoredDestination> findStoredDestination(const ApiContext &context, qint64 id)
{
    auto query = execute(context.store->connection(),
                         kSelect + QStringLiteral(" WHERE id = ? AND district_id = ?"),
                         {id, context.districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return StoredDestination();
    auto secrets = decryptSecrets(context, query->value(6).toByteArray());
    if (!secrets)
        return failure(secrets.error());
    return StoredDestination{destinationJson(*query, *secrets), *secrets};
}

Result<QJsonObject> findDestination(const ApiContext &context, qint64 id)
{
    auto stored = findStoredDestination(context, id);
    if (!stored)
        return failure(stored.error());
    return stored->json;
}

// Validates a destination body and returns field errors; an empty object means valid.
QJsonObject validateDestination(const ApiContext &context, const QJsonObject &body,
                                const QJsonObject &secrets, qint64 selfId)
{
    QJsonObject errors;
    const QString name = body.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty()) {
        errors.insert(QStringLiteral("name"), QStringLiteral("Enter a name."));
    } else if (name.size() > 200) {
        errors.insert(QStringLiteral("name"), QStringLiteral("Use at most 200 characters."));
    } else if (const QString problem = nameTextProblem(name); !problem.isEmpty()) {
        errors.insert(QStringLiteral("name"), problem);
    } else {
        auto clash = selectValue(context.store->connection(),
                                 QStringLiteral("SELECT id FROM destinations WHERE district_id = ? "
                                                "AND name = ? AND id <> ?"),
                                 {context.districtId, name, selfId});
        if (clash && !clash->isNull())
            errors.insert(QStringLiteral("name"),
                          QStringLiteral("Another destination is already named \"%1\".").arg(name));
    }

    const QString kind = body.value(QStringLiteral("kind")).toString();
    const QJsonObject settings = body.value(QStringLiteral("settings")).toObject();
    if (destinations::destinationKinds().contains(kind)) {
        const QJsonObject settingErrors
            = destinations::validateDestination(kind, settings, secrets);
        for (auto it = settingErrors.begin(); it != settingErrors.end(); ++it)
            errors.insert(it.key(), it.value());
    } else if (kind.isEmpty()) {
        errors.insert(QStringLiteral("kind"), QStringLiteral("Choose the kind of destination."));
    } else {
        errors.insert(QStringLiteral("kind"),
                      QStringLiteral("\"%1\" is not a supported destination kind; use %2.")
                          .arg(kind, destinations::destinationKinds().join(QStringLiteral(", "))));
    }
    return errors;
}

http::Response list(const ApiContext &context)
{
    auto query = execute(context.store->connection(),
                         kSelect + QStringLiteral(" WHERE district_id = ? ORDER BY name"),
                         {context.districtId});
    if (!query)
        return storeFailed(query.error());
    QJsonArray destinations;
    while (query->next()) {
        auto secrets = decryptSecrets(context, query->value(6).toByteArray());
        if (!secrets)
            return storeFailed(secrets.error());
        destinations.append(destinationJson(*query, *secrets));
    }
    return http::Response::json(QJsonObject{{QStringLiteral("destinations"), destinations}});
}

http::Response get(const ApiContext &context, qint64 id)
{
    auto destination = findDestination(context, id);
    if (!destination)
        return storeFailed(destination.error());
    if (destination->isEmpty())
        return notFound(QStringLiteral("Destination"), id);
    return http::Response::json(*destination);
}

http::Response save(const ApiContext &context, const http::Request &request, qint64 id)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());

    QJsonObject before;
    QJsonObject storedSecrets;
    if (id != 0) {
        auto existing = findStoredDestination(context, id);
        if (!existing)
            return storeFailed(existing.error());
        if (existing->json.isEmpty())
            return notFound(QStringLiteral("Destination"), id);
        before = existing->json;
        storedSecrets = existing->secrets;
    }

    // Secrets arrive among the settings; they are split off here, kept when the request sends
    // {"stored": true} or leaves them out, and stored only in encrypted form.
    const QString kind = body->value(QStringLiteral("kind")).toString();
    const destinations::SplitSettings split = destinations::splitSettings(
        kind, body->value(QStringLiteral("settings")).toObject(), storedSecrets);
    QJsonObject checked = *body;
    checked.insert(QStringLiteral("settings"), split.settings);
    const QJsonObject errors = validateDestination(context, checked, split.secrets, id);
    if (!errors.isEmpty())
        return validationFailed(errors);

    auto box = secretBox(context);
    if (!box)
        return storeFailed(box.error());
    const QByteArray sealed = destinations::sealSecrets(*box, split.secrets);
    const QVariant secrets = sealed.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(sealed));
    const QString name = body->value(QStringLiteral("name")).toString().trimmed();
    const QString settings
        = QString::fromUtf8(QJsonDocument(split.settings).toJson(QJsonDocument::Compact));
    const QString now = nowIsoUtc();
    const QSqlDatabase db = context.store->connection();

    if (id == 0) {
        auto inserted = execute(db,
                                QStringLiteral("INSERT INTO destinations(district_id, name, kind, "
                                               "settings, secrets, created_at, updated_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                {context.districtId, name, kind, settings, secrets, now, now});
        if (!inserted)
            return storeFailed(inserted.error());
        id = inserted->lastInsertId().toLongLong();
    } else {
        auto updated = execute(db,
                               QStringLiteral("UPDATE destinations SET name = ?, kind = ?, "
                                              "settings = ?, secrets = ?, updated_at = ? "
                                              "WHERE id = ?"),
                               {name, kind, settings, secrets, now, id});
        if (!updated)
            return storeFailed(updated.error());
    }

    auto after = findDestination(context, id);
    if (!after)
        return storeFailed(after.error());
    // A replaced secret reads {"stored": true} before and after, so the audit copy marks it.
    QJsonObject audited = *after;
    QJsonObject auditedSettings = audited.value(QStringLiteral("settings")).toObject();
    for (auto it = split.secrets.constBegin(); it != split.secrets.constEnd(); ++it) {
        if (storedSecrets.contains(it.key()) && storedSecrets.value(it.key()) != it.value())
            auditedSettings.insert(it.key(), QJsonObject{{QStringLiteral("stored"), true},
                                                         {QStringLiteral("replaced"), true}});
    }
    audited.insert(QStringLiteral("settings"), auditedSettings);
    writeAudit(context, before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
               QStringLiteral("destination"), id, before, audited);
    return http::Response::json(*after, before.isEmpty() ? 201 : 200);
}

http::Response remove(const ApiContext &context, qint64 id)
{
    auto existing = findDestination(context, id);
    if (!existing)
        return storeFailed(existing.error());
    if (existing->isEmpty())
        return notFound(QStringLiteral("Destination"), id);

    const QSqlDatabase db = context.store->connection();
    auto users = execute(db,
                         QStringLiteral("SELECT integration_id FROM integration_destinations "
                                        "WHERE destination_id = ? ORDER BY integration_id"),
                         {id});
    if (!users)
        return storeFailed(users.error());
    QStringList userIds;
    while (users->next())
        userIds.append(users->value(0).toString());
    if (!userIds.isEmpty())
        return http::Response::error(
            409, QStringLiteral("in_use"),
            QStringLiteral("Destination %1 is used by %2 %3; remove it there first.")
                .arg(id)
                .arg(userIds.size() == 1 ? QStringLiteral("integration")
                                         : QStringLiteral("integrations"),
                     userIds.join(QStringLiteral(", "))));

    auto deleted = execute(db, QStringLiteral("DELETE FROM destinations WHERE id = ?"), {id});
    if (!deleted)
        return storeFailed(deleted.error());
    writeAudit(context, QStringLiteral("delete"), QStringLiteral("destination"), id, *existing, {});
    return http::Response::noContent();
}

// Runs on the HTTP thread and blocks it for at most the destination's time-out; Test Connection
// is a rare, user-triggered action, so the server does not hand it to a worker.
http::Response testConnection(const ApiContext &context, qint64 id)
{
    auto stored = findStoredDestination(context, id);
    if (!stored)
        return storeFailed(stored.error());
    if (stored->json.isEmpty())
        return notFound(QStringLiteral("Destination"), id);

    const QString kind = stored->json.value(QStringLiteral("kind")).toString();
    auto settings
        = selectValue(context.store->connection(),
                      QStringLiteral("SELECT settings FROM destinations WHERE id = ?"), {id});
    if (!settings)
        return storeFailed(settings.error());
    const QJsonObject settingsObject = QJsonDocument::fromJson(settings->toByteArray()).object();
    auto destination = destinations::createDestination(kind, settingsObject, stored->secrets);
    if (!destination)
        return badRequest(destination.error());

    qCInfo(lcDestinations) << "Testing the connection of destination" << id << "of kind" << kind;
    const destinations::Attempt tested = (*destination)->testConnection();
    if (!tested.ok())
        qCWarning(lcDestinations).noquote()
            << QStringLiteral("Test Connection of destination %1 failed: %2")
                   .arg(id)
                   .arg(tested.message);
    QString message = tested.message;
    if (tested.ok() && kind == QLatin1String("folder"))
        message = QStringLiteral("The folder %1 is writable.")
                      .arg(settingsObject.value(QStringLiteral("path")).toString());
    return http::Response::json(QJsonObject{
        {QStringLiteral("ok"), tested.ok()},
        {QStringLiteral("message"), message},
    });
}

} // namespace

void registerDestinationRoutes(http::Router &router, const ApiContext &context)
{
    const QString collection = QStringLiteral("/api/v1/destinations");
    const QString item = QStringLiteral("/api/v1/destinations/{id}");
    const auto withId = [](const http::Request &request, auto handler) {
        return withPathId(request, QStringLiteral("destination"), handler);
    };

    router.addRoute("GET", collection, http::Access::View,
                    [base = context](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        const ApiContext context = base.forRequest(request);
                        return list(context);
                    });
    router.addRoute("POST", collection, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return save(context, request, 0);
                    });
    router.addRoute("GET", item, http::Access::View,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) { return get(context, id); });
                    });
    router.addRoute("PUT", item, http::Access::Configure,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request,
                                      [&](qint64 id) { return save(context, request, id); });
                    });
    router.addRoute("DELETE", item, http::Access::Configure,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) { return remove(context, id); });
                    });
    router.addRoute(
        "POST", QStringLiteral("/api/v1/destinations/{id}/test"), http::Access::Configure,
        [base = context, withId](const http::Request &request) {
            const ApiContext context = base.forRequest(request);
            return withId(request, [&](qint64 id) { return testConnection(context, id); });
        });
}

} // namespace hub::api
