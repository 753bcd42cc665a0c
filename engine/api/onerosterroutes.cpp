// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "oneroster/credentials.h"
#include "oneroster/scopes.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hub::api {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, vendor, school_year, scopes, active, client_id, created_at, updated_at, "
    "secret_changed_at FROM oneroster_applications");

const QString kEntity = QStringLiteral("oneroster_application");

// An application as the API returns it. The secret's hash never leaves the engine.
QJsonObject applicationJson(const QSqlQuery &query)
{
    return QJsonObject{
        {QStringLiteral("id"), query.value(0).toLongLong()},
        {QStringLiteral("name"), query.value(1).toString()},
        {QStringLiteral("vendor"), query.value(2).toString()},
        {QStringLiteral("schoolYear"),
         query.value(3).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(query.value(3).toInt())},
        {QStringLiteral("scopes"), QJsonDocument::fromJson(query.value(4).toByteArray()).array()},
        {QStringLiteral("active"), query.value(5).toInt() == 1},
        {QStringLiteral("clientId"), query.value(6).toString()},
        {QStringLiteral("createdAt"), query.value(7).toString()},
        {QStringLiteral("updatedAt"), query.value(8).toString()},
        {QStringLiteral("secretChangedAt"), query.value(9).toString()},
    };
}

Result<QJsonObject> findApplication(const ApiContext &context, qint64 id)
{
    auto query = execute(context.store->connection(),
                         kSelect + QStringLiteral(" WHERE id = ? AND district_id = ?"),
                         {id, context.districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    return applicationJson(*query);
}

struct ApplicationInput
{
    QString name;
    QString vendor;
    QVariant schoolYear;
    QStringList scopes;
    bool active = true;
};

// Validates an application body, fills input and returns the field errors, which are empty
// when the body is valid.
QJsonObject validateApplication(const QJsonObject &body, ApplicationInput *input)
{
    QJsonObject errors;
    // A misspelled key such as "scope" would otherwise register an application without scopes.
    // The keys that GET and POST return are accepted too and ignored, so that a client may send
    // back what it read.
    static const QStringList settable = {QStringLiteral("name"), QStringLiteral("vendor"),
                                         QStringLiteral("schoolYear"), QStringLiteral("scopes"),
                                         QStringLiteral("active")};
    static const QStringList readOnly
        = {QStringLiteral("id"),        QStringLiteral("clientId"),
           QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
           QStringLiteral("secretChangedAt"), QStringLiteral("clientSecret")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!settable.contains(it.key()) && !readOnly.contains(it.key()))
            errors.insert(it.key(), QStringLiteral("Unknown field; an application has name, "
                                                   "vendor, schoolYear, scopes and active."));
    }
    input->name = body.value(QStringLiteral("name")).toString().trimmed();
    if (input->name.isEmpty())
        errors.insert(QStringLiteral("name"), QStringLiteral("Enter the application's name."));
    else if (input->name.size() > 200)
        errors.insert(QStringLiteral("name"), QStringLiteral("Use at most 200 characters."));
    else if (const QString problem = nameTextProblem(input->name); !problem.isEmpty())
        errors.insert(QStringLiteral("name"), problem);

    const QJsonValue vendor = body.value(QStringLiteral("vendor"));
    if (!vendor.isUndefined() && !vendor.isNull() && !vendor.isString())
        errors.insert(QStringLiteral("vendor"), QStringLiteral("The vendor must be text."));
    input->vendor = vendor.isString() ? vendor.toString().trimmed() : QString();
    if (input->vendor.isNull())
        input->vendor = QStringLiteral(""); // the column is NOT NULL, and a null QString binds as NULL
    if (input->vendor.size() > 200)
        errors.insert(QStringLiteral("vendor"), QStringLiteral("Use at most 200 characters."));
    else if (const QString problem = nameTextProblem(input->vendor); !problem.isEmpty())
        errors.insert(QStringLiteral("vendor"), problem);

    const QJsonValue year = body.value(QStringLiteral("schoolYear"));
    if (year.isUndefined() || year.isNull()) {
        input->schoolYear = QVariant();
    } else if (!year.isDouble() || year.toDouble() != double(year.toInt()) || year.toInt() < 2000
               || year.toInt() > 2100) {
        // The same range as an integration's school year.
        errors.insert(QStringLiteral("schoolYear"),
                      QStringLiteral("Enter a school year from 2000 to 2100 as its ending year, "
                                     "such as 2027, or null for every year."));
    } else {
        input->schoolYear = year.toInt();
    }

    const QJsonValue scopes = body.value(QStringLiteral("scopes"));
    if (!scopes.isUndefined() && !scopes.isArray()) {
        errors.insert(QStringLiteral("scopes"),
                      QStringLiteral("Scopes must be an array of short names such as "
                                     "roster-core.readonly."));
    } else {
        const QJsonArray items = scopes.toArray();
        for (const QJsonValue &item : items) {
            const auto name = oneroster::shortScopeName(item.toString());
            if (!name) {
                errors.insert(QStringLiteral("scopes"),
                              QStringLiteral("\"%1\" is not a OneRoster scope; use %2.")
                                  .arg(item.toString(),
                                       oneroster::scopeNames().join(QStringLiteral(", "))));
                break;
            }
            if (!input->scopes.contains(*name))
                input->scopes.append(*name);
        }
    }

    const QJsonValue active = body.value(QStringLiteral("active"));
    if (!active.isUndefined() && !active.isBool())
        errors.insert(QStringLiteral("active"), QStringLiteral("Active must be true or false."));
    input->active = active.isUndefined() ? true : active.toBool();
    return errors;
}

// 409 when another application of the district has the name (compared without regard to ASCII
// case), because the vendor and the district tell applications apart by name. excludeId is the
// application being renamed, or 0 for a new one.
std::optional<http::Response> duplicateName(const ApiContext &context, const QString &name,
                                            qint64 excludeId)
{
    auto existing = selectValue(context.store->connection(),
                                QStringLiteral("SELECT id FROM oneroster_applications WHERE "
                                               "district_id = ? AND lower(name) = lower(?) AND "
                                               "id <> ?"),
                                {context.districtId, name, excludeId});
    if (!existing)
        return storeFailed(existing.error());
    if (existing->isNull())
        return std::nullopt;
    const QString message = QStringLiteral("Another application is already named \"%1\". "
                                           "Choose a different name.")
                                .arg(name);
    qCInfo(lcOneRoster) << "Rejected the application name" << name << "in district"
                        << context.districtId << "because application" << existing->toLongLong()
                        << "has it";
    return http::Response::json(
        QJsonObject{
            {QStringLiteral("error"), QStringLiteral("duplicate_name")},
            {QStringLiteral("message"), message},
            {QStringLiteral("fields"), QJsonObject{{QStringLiteral("name"), message}}},
        },
        409);
}

QString scopesText(QStringList scopes)
{
    std::sort(scopes.begin(), scopes.end());
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(scopes)).toJson(QJsonDocument::Compact));
}

http::Response list(const ApiContext &context)
{
    auto query = execute(context.store->connection(),
                         kSelect + QStringLiteral(" WHERE district_id = ? ORDER BY name, id"),
                         {context.districtId});
    if (!query)
        return storeFailed(query.error());
    QJsonArray applications;
    while (query->next())
        applications.append(applicationJson(*query));
    return http::Response::json(QJsonObject{{QStringLiteral("applications"), applications},
                                            {QStringLiteral("scopes"),
                                             QJsonArray::fromStringList(oneroster::scopeNames())}});
}

http::Response get(const ApiContext &context, qint64 id)
{
    auto application = findApplication(context, id);
    if (!application)
        return storeFailed(application.error());
    if (application->isEmpty())
        return notFound(QStringLiteral("OneRoster application"), id);
    return http::Response::json(*application);
}

http::Response create(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    ApplicationInput input;
    const QJsonObject errors = validateApplication(*body, &input);
    if (!errors.isEmpty())
        return validationFailed(errors);
    if (auto duplicate = duplicateName(context, input.name, 0))
        return *duplicate;

    const QByteArray clientId = oneroster::newClientId();
    const QByteArray secret = oneroster::newClientSecret();
    const QString now = nowIsoUtc();
    auto inserted = execute(context.store->connection(),
                            QStringLiteral("INSERT INTO oneroster_applications(district_id, name, "
                                           "vendor, school_year, scopes, active, client_id, "
                                           "secret_hash, created_at, updated_at, "
                                           "secret_changed_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            {context.districtId, input.name, input.vendor, input.schoolYear,
                             scopesText(input.scopes), input.active ? 1 : 0,
                             QString::fromLatin1(clientId),
                             oneroster::hashClientSecret(secret), now, now, now});
    if (!inserted)
        return storeFailed(inserted.error());
    const qint64 id = inserted->lastInsertId().toLongLong();
    auto application = findApplication(context, id);
    if (!application)
        return storeFailed(application.error());
    writeAudit(context, QStringLiteral("create"), kEntity, id, {}, *application);
    qCInfo(lcOneRoster) << "Registered OneRoster application" << id << "with client id"
                        << clientId << "in district" << context.districtId;

    // The secret appears in this response only, because the store keeps only its hash.
    QJsonObject reply = *application;
    reply.insert(QStringLiteral("clientSecret"), QString::fromLatin1(secret));
    return http::Response::json(reply, 201);
}

http::Response update(const ApiContext &context, const http::Request &request, qint64 id)
{
    auto before = findApplication(context, id);
    if (!before)
        return storeFailed(before.error());
    if (before->isEmpty())
        return notFound(QStringLiteral("OneRoster application"), id);
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    ApplicationInput input;
    const QJsonObject errors = validateApplication(*body, &input);
    if (!errors.isEmpty())
        return validationFailed(errors);
    if (auto duplicate = duplicateName(context, input.name, id))
        return *duplicate;

    const QSqlDatabase db = context.store->connection();
    Transaction transaction(db);
    auto updated = execute(db,
                           QStringLiteral("UPDATE oneroster_applications SET name = ?, vendor = ?, "
                                          "school_year = ?, scopes = ?, active = ?, "
                                          "updated_at = ? WHERE id = ? AND district_id = ?"),
                           {input.name, input.vendor, input.schoolYear, scopesText(input.scopes),
                            input.active ? 1 : 0, nowIsoUtc(), id, context.districtId});
    if (!updated)
        return storeFailed(updated.error());
    // Deactivation revokes the application's tokens, so that activating it again does not bring
    // back tokens issued before; the vendor requests new ones.
    const bool deactivated = before->value(QStringLiteral("active")).toBool() && !input.active;
    if (deactivated) {
        auto revoked = execute(db,
                               QStringLiteral("DELETE FROM oneroster_tokens WHERE application_id = ?"),
                               {id});
        if (!revoked)
            return storeFailed(revoked.error());
        // The counter also revokes the tokens not stored yet (see Provider).
        auto counted = execute(db,
                               QStringLiteral("UPDATE oneroster_applications SET "
                                              "token_revocations = token_revocations + 1 "
                                              "WHERE id = ?"),
                               {id});
        if (!counted)
            return storeFailed(counted.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return storeFailed(committed.error());
    if (deactivated)
        qCInfo(lcOneRoster) << "Deactivated OneRoster application" << id
                            << "and revoked its access tokens";
    auto after = findApplication(context, id);
    if (!after)
        return storeFailed(after.error());
    writeAudit(context, QStringLiteral("update"), kEntity, id, *before, *after);
    return http::Response::json(*after);
}

http::Response resetSecret(const ApiContext &context, qint64 id)
{
    auto before = findApplication(context, id);
    if (!before)
        return storeFailed(before.error());
    if (before->isEmpty())
        return notFound(QStringLiteral("OneRoster application"), id);

    const QByteArray secret = oneroster::newClientSecret();
    const QSqlDatabase db = context.store->connection();
    Transaction transaction(db);
    const QString now = nowIsoUtc();
    auto updated = execute(db,
                           QStringLiteral("UPDATE oneroster_applications SET secret_hash = ?, "
                                          "secret_changed_at = ?, updated_at = ?, "
                                          "token_revocations = token_revocations + 1 "
                                          "WHERE id = ? AND district_id = ?"),
                           {oneroster::hashClientSecret(secret), now, now, id, context.districtId});
    if (!updated)
        return storeFailed(updated.error());
    // Tokens issued with the old secret stop working with it.
    auto revoked = execute(db, QStringLiteral("DELETE FROM oneroster_tokens WHERE application_id = ?"),
                           {id});
    if (!revoked)
        return storeFailed(revoked.error());
    if (auto committed = transaction.commit(); !committed)
        return storeFailed(committed.error());
    auto after = findApplication(context, id);
    if (!after)
        return storeFailed(after.error());
    writeAudit(context, QStringLiteral("reset_secret"), kEntity, id, *before, *after);
    qCInfo(lcOneRoster) << "Reset the client secret of OneRoster application" << id;

    QJsonObject reply = *after;
    reply.insert(QStringLiteral("clientSecret"), QString::fromLatin1(secret));
    return http::Response::json(reply);
}

http::Response remove(const ApiContext &context, qint64 id)
{
    auto before = findApplication(context, id);
    if (!before)
        return storeFailed(before.error());
    if (before->isEmpty())
        return notFound(QStringLiteral("OneRoster application"), id);
    auto removed = execute(context.store->connection(),
                           QStringLiteral("DELETE FROM oneroster_applications WHERE id = ? AND "
                                          "district_id = ?"),
                           {id, context.districtId});
    if (!removed)
        return storeFailed(removed.error());
    writeAudit(context, QStringLiteral("delete"), kEntity, id, *before, {});
    qCInfo(lcOneRoster) << "Deleted OneRoster application" << id;
    return http::Response::noContent();
}

http::Response activity(const ApiContext &context, const http::Request &request)
{
    if (auto unknown
        = rejectUnknownParameters(request, {QStringLiteral("from"), QStringLiteral("to")}))
        return *unknown;
    const QUrlQuery query = request.query();
    const QString from = query.queryItemValue(QStringLiteral("from"));
    const QString to = query.queryItemValue(QStringLiteral("to"));
    const QDateTime fromTime = fromIsoUtc(from);
    const QDateTime toTime = fromIsoUtc(to);
    if (!from.isEmpty() && !fromTime.isValid())
        return badRequest(QStringLiteral("from must be an ISO 8601 UTC time such as "
                                         "2026-12-04T00:00:00Z."));
    if (!to.isEmpty() && !toTime.isValid())
        return badRequest(QStringLiteral("to must be an ISO 8601 UTC time such as "
                                         "2026-12-05T00:00:00Z."));
    // Bounds that every stored hour falls between; an empty QString would bind as NULL.
    const QString lower = fromTime.isValid() ? toIsoUtc(fromTime) : QStringLiteral("0000");
    const QString upper = toTime.isValid() ? toIsoUtc(toTime) : QStringLiteral("9999");
    auto rows = execute(context.store->connection(),
                        QStringLiteral("SELECT a.application_id, p.name, a.hour_start, a.requests, "
                                       "a.errors, a.bytes FROM oneroster_activity a "
                                       "JOIN oneroster_applications p ON p.id = a.application_id "
                                       "WHERE a.district_id = ? AND a.hour_start >= ? AND "
                                       "a.hour_start < ? ORDER BY a.hour_start, p.name"),
                        {context.districtId, lower, upper});
    if (!rows)
        return storeFailed(rows.error());
    QJsonArray lines;
    while (rows->next()) {
        lines.append(QJsonObject{{QStringLiteral("applicationId"), rows->value(0).toLongLong()},
                                 {QStringLiteral("application"), rows->value(1).toString()},
                                 {QStringLiteral("hourStart"), rows->value(2).toString()},
                                 {QStringLiteral("requests"), rows->value(3).toLongLong()},
                                 {QStringLiteral("errors"), rows->value(4).toLongLong()},
                                 {QStringLiteral("bytes"), rows->value(5).toLongLong()}});
    }
    return http::Response::json(QJsonObject{{QStringLiteral("activity"), lines}});
}

} // namespace

void registerOneRosterRoutes(http::Router &router, const ApiContext &context)
{
    const QString base = QStringLiteral("/api/v1/oneroster/applications");
    router.addRoute("GET", base, http::Access::View,
                    [base = context](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        return list(base.forRequest(request));
                    });
    router.addRoute("POST", base, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return create(base.forRequest(request), request);
                    });
    router.addRoute("GET", base + QStringLiteral("/{id}"), http::Access::View,
                    [base = context](const http::Request &request) {
                        return withPathId(request, QStringLiteral("application"), [&](qint64 id) {
                            return get(base.forRequest(request), id);
                        });
                    });
    router.addRoute("PUT", base + QStringLiteral("/{id}"), http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return withPathId(request, QStringLiteral("application"), [&](qint64 id) {
                            return update(base.forRequest(request), request, id);
                        });
                    });
    router.addRoute("DELETE", base + QStringLiteral("/{id}"), http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return withPathId(request, QStringLiteral("application"), [&](qint64 id) {
                            return remove(base.forRequest(request), id);
                        });
                    });
    router.addRoute("POST", base + QStringLiteral("/{id}/secret"), http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return withPathId(request, QStringLiteral("application"), [&](qint64 id) {
                            return resetSecret(base.forRequest(request), id);
                        });
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/oneroster/activity"), http::Access::View,
                    [base = context](const http::Request &request) {
                        return activity(base.forRequest(request), request);
                    });
}

} // namespace hub::api
