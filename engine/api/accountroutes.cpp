// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The users of the request's district (district administrators) and the districts themselves
// (statewide administrators).

#include "accounts/accounts.h"
#include "accounts/passwords.h"
#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QJsonArray>
#include <QTimeZone>

namespace hub::api {

namespace {

// The account's record with its role in the request's district.
Result<QJsonObject> findUser(const ApiContext &context, qint64 accountId)
{
    auto query = execute(context.store->connection(),
                         QStringLiteral("SELECT a.id, a.name, a.display_name, m.role, a.disabled, "
                                        "a.locked_until FROM accounts a "
                                        "JOIN account_memberships m ON m.account_id = a.id "
                                        "WHERE a.id = ? AND m.district_id = ?"),
                         {accountId, context.districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    const QDateTime lockedUntil = fromIsoUtc(query->value(5).toString());
    const bool locked = lockedUntil.isValid() && lockedUntil > context.now();
    return QJsonObject{
        {QStringLiteral("id"), query->value(0).toLongLong()},
        {QStringLiteral("name"), query->value(1).toString()},
        {QStringLiteral("displayName"), query->value(2).toString()},
        {QStringLiteral("role"), query->value(3).toString()},
        {QStringLiteral("disabled"), query->value(4).toInt() != 0},
        {QStringLiteral("lockedUntil"), locked ? QJsonValue(toIsoUtc(lockedUntil)) : QJsonValue()},
    };
}

http::Response listUsers(const ApiContext &context)
{
    auto ids = execute(context.store->connection(),
                       QStringLiteral("SELECT m.account_id FROM account_memberships m "
                                      "JOIN accounts a ON a.id = m.account_id "
                                      "WHERE m.district_id = ? ORDER BY a.name"),
                       {context.districtId});
    if (!ids)
        return storeFailed(ids.error());
    QList<qint64> accountIds;
    while (ids->next())
        accountIds.append(ids->value(0).toLongLong());
    QJsonArray users;
    for (const qint64 id : std::as_const(accountIds)) {
        auto user = findUser(context, id);
        if (!user)
            return storeFailed(user.error());
        users.append(*user);
    }
    return http::Response::json(QJsonObject{{QStringLiteral("users"), users}});
}

// Checks the fields of a user body; creating requires name, password and role.
QJsonObject validateUser(const QJsonObject &body, bool creating)
{
    QJsonObject errors;
    const auto checkString = [&](const QString &field) {
        const QJsonValue value = body.value(field);
        if (!value.isUndefined() && !value.isString())
            errors.insert(field, QStringLiteral("Must be a string."));
    };
    for (const QString &field : {QStringLiteral("name"), QStringLiteral("displayName"),
                                 QStringLiteral("password"), QStringLiteral("role")})
        checkString(field);
    if (creating) {
        const QString problem = accounts::accountNameProblem(body.value(QStringLiteral("name")).toString());
        if (!problem.isEmpty() && !errors.contains(QStringLiteral("name")))
            errors.insert(QStringLiteral("name"), problem);
    } else if (body.contains(QStringLiteral("name"))) {
        errors.insert(QStringLiteral("name"), QStringLiteral("A user name cannot change."));
    }
    if ((creating || body.contains(QStringLiteral("password")))
        && !errors.contains(QStringLiteral("password"))) {
        const QString problem = accounts::passwordProblem(body.value(QStringLiteral("password")).toString());
        if (!problem.isEmpty())
            errors.insert(QStringLiteral("password"), problem);
    }
    if ((creating || body.contains(QStringLiteral("role"))) && !errors.contains(QStringLiteral("role"))
        && !accounts::roleFromName(body.value(QStringLiteral("role")).toString()))
        errors.insert(QStringLiteral("role"),
                      QStringLiteral("Choose viewer, operator or administrator."));
    if (body.value(QStringLiteral("displayName")).toString().size() > 200)
        errors.insert(QStringLiteral("displayName"), QStringLiteral("Use at most 200 characters."));
    else if (const QString problem
             = nameTextProblem(body.value(QStringLiteral("displayName")).toString());
             !problem.isEmpty())
        errors.insert(QStringLiteral("displayName"), problem);
    const QJsonValue disabled = body.value(QStringLiteral("disabled"));
    if (!disabled.isUndefined() && !disabled.isBool())
        errors.insert(QStringLiteral("disabled"), QStringLiteral("Must be true or false."));
    return errors;
}

http::Response createUser(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    QJsonObject errors = validateUser(*body, true);
    const QSqlDatabase db = context.store->connection();
    const QString name = body->value(QStringLiteral("name")).toString();
    if (!errors.contains(QStringLiteral("name"))) {
        auto existing = accounts::findAccount(db, name);
        if (!existing)
            return storeFailed(existing.error());
        if (*existing)
            errors.insert(QStringLiteral("name"),
                          QStringLiteral("A user named \"%1\" already exists; a statewide "
                                         "administrator can give that user a role in this "
                                         "district.")
                              .arg(name));
    }
    if (!errors.isEmpty())
        return validationFailed(errors);

    accounts::NewAccount account;
    account.name = name;
    account.displayName = body->value(QStringLiteral("displayName")).toString();
    account.password = body->value(QStringLiteral("password")).toString();
    account.districtId = context.districtId;
    account.role = *accounts::roleFromName(body->value(QStringLiteral("role")).toString());
    auto id = accounts::createAccount(db, account, context.now());
    if (!id)
        return storeFailed(id.error());
    auto created = findUser(context, *id);
    if (!created)
        return storeFailed(created.error());
    writeAudit(context, QStringLiteral("create"), QStringLiteral("user"), *id, {}, *created);
    return http::Response::json(*created, 201);
}

// Whether the account also belongs to a district other than the request's.
Result<bool> belongsElsewhere(const ApiContext &context, qint64 accountId)
{
    auto other = selectValue(context.store->connection(),
                             QStringLiteral("SELECT count(*) FROM account_memberships "
                                            "WHERE account_id = ? AND district_id <> ?"),
                             {accountId, context.districtId});
    if (!other)
        return failure(other.error());
    return other->toLongLong() > 0;
}

http::Response updateUser(const ApiContext &context, const http::Request &request, qint64 id)
{
    auto before = findUser(context, id);
    if (!before)
        return storeFailed(before.error());
    if (before->isEmpty())
        return notFound(QStringLiteral("User"), id);
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    if (const QJsonObject errors = validateUser(*body, false); !errors.isEmpty())
        return validationFailed(errors);

    const bool self = id == request.principal().accountId;
    const bool demotes = body->contains(QStringLiteral("role"))
                         && body->value(QStringLiteral("role")).toString()
                                != QLatin1String("administrator");
    if (self && (demotes || body->value(QStringLiteral("disabled")).toBool()))
        return http::Response::error(409, QStringLiteral("own_account"),
                                     QStringLiteral("You cannot lower your own role or disable "
                                                    "your own account; ask another "
                                                    "administrator."));
    // The name, password and disabled flag belong to the account in every district, so only a
    // statewide administrator may change them for an account that other districts share.
    const bool changesAccount = body->contains(QStringLiteral("displayName"))
                                || body->contains(QStringLiteral("password"))
                                || body->contains(QStringLiteral("disabled"));
    if (changesAccount && !request.principal().allows(http::Access::Statewide)) {
        auto shared = belongsElsewhere(context, id);
        if (!shared)
            return storeFailed(shared.error());
        if (*shared)
            return http::Response::error(403, QStringLiteral("forbidden"),
                                         QStringLiteral("User %1 also belongs to another "
                                                        "district; a statewide administrator "
                                                        "must change the account.")
                                             .arg(id));
    }

    const QSqlDatabase db = context.store->connection();
    const QString now = toIsoUtc(context.now());
    if (body->contains(QStringLiteral("role"))) {
        auto updated = execute(db,
                               QStringLiteral("UPDATE account_memberships SET role = ? "
                                              "WHERE account_id = ? AND district_id = ?"),
                               {body->value(QStringLiteral("role")).toString(), id,
                                context.districtId});
        if (!updated)
            return storeFailed(updated.error());
    }
    if (body->contains(QStringLiteral("displayName"))) {
        auto updated = execute(db,
                               QStringLiteral("UPDATE accounts SET display_name = ?, "
                                              "updated_at = ? WHERE id = ?"),
                               {accounts::nonNull(body->value(QStringLiteral("displayName"))
                                                      .toString()
                                                      .trimmed()),
                                now, id});
        if (!updated)
            return storeFailed(updated.error());
    }
    if (body->contains(QStringLiteral("disabled"))) {
        const bool disabled = body->value(QStringLiteral("disabled")).toBool();
        auto updated = execute(db,
                               QStringLiteral("UPDATE accounts SET disabled = ?, updated_at = ? "
                                              "WHERE id = ?"),
                               {disabled ? 1 : 0, now, id});
        if (!updated)
            return storeFailed(updated.error());
        if (disabled) {
            if (auto revoked = accounts::revokeSessions(db, id); !revoked)
                return storeFailed(revoked.error());
        }
    }
    if (body->contains(QStringLiteral("password"))) {
        auto changed = accounts::setPassword(db, id, body->value(QStringLiteral("password")).toString(),
                                             context.now());
        if (!changed)
            return storeFailed(changed.error());
    }

    auto after = findUser(context, id);
    if (!after)
        return storeFailed(after.error());
    QJsonObject audited = *after;
    if (body->contains(QStringLiteral("password")))
        audited.insert(QStringLiteral("passwordChanged"), true);
    writeAudit(context, QStringLiteral("update"), QStringLiteral("user"), id, *before, audited);
    return http::Response::json(*after);
}

http::Response removeUser(const ApiContext &context, const http::Request &request, qint64 id)
{
    auto before = findUser(context, id);
    if (!before)
        return storeFailed(before.error());
    if (before->isEmpty())
        return notFound(QStringLiteral("User"), id);
    if (id == request.principal().accountId)
        return http::Response::error(409, QStringLiteral("own_account"),
                                     QStringLiteral("You cannot remove your own account; ask "
                                                    "another administrator."));

    const QSqlDatabase db = context.store->connection();
    Transaction transaction(db);
    auto removed = execute(db,
                           QStringLiteral("DELETE FROM account_memberships "
                                          "WHERE account_id = ? AND district_id = ?"),
                           {id, context.districtId});
    if (!removed)
        return storeFailed(removed.error());
    // An account left without a district and without the statewide role can do nothing.
    auto orphan = execute(db,
                          QStringLiteral("DELETE FROM accounts WHERE id = ? AND statewide = 0 "
                                         "AND NOT EXISTS (SELECT 1 FROM account_memberships "
                                         "WHERE account_id = ?)"),
                          {id, id});
    if (!orphan)
        return storeFailed(orphan.error());
    if (auto committed = transaction.commit(); !committed)
        return storeFailed(committed.error());
    writeAudit(context, QStringLiteral("delete"), QStringLiteral("user"), id, *before, {});
    return http::Response::noContent();
}

// The account's districts with its role in each, inactive districts included.
Result<QJsonArray> listMemberships(const ApiContext &context, qint64 accountId)
{
    auto query = execute(context.store->connection(),
                         QStringLiteral("SELECT d.id, d.name, d.active, m.role "
                                        "FROM account_memberships m "
                                        "JOIN districts d ON d.id = m.district_id "
                                        "WHERE m.account_id = ? ORDER BY d.id"),
                         {accountId});
    if (!query)
        return failure(query.error());
    QJsonArray districts;
    while (query->next())
        districts.append(QJsonObject{
            {QStringLiteral("districtId"), query->value(0).toLongLong()},
            {QStringLiteral("districtName"), query->value(1).toString()},
            {QStringLiteral("active"), query->value(2).toInt() != 0},
            {QStringLiteral("role"), query->value(3).toString()},
        });
    return districts;
}

// GET /api/v1/users/{id}/districts: every district of an account, for statewide administrators.
http::Response getMemberships(const ApiContext &context, qint64 accountId)
{
    auto account = accounts::findAccount(context.store->connection(), accountId);
    if (!account)
        return storeFailed(account.error());
    if (!*account)
        return notFound(QStringLiteral("User"), accountId);
    auto districts = listMemberships(context, accountId);
    if (!districts)
        return storeFailed(districts.error());
    return http::Response::json(QJsonObject{
        {QStringLiteral("id"), accountId},
        {QStringLiteral("name"), (*account)->name},
        {QStringLiteral("statewide"), (*account)->statewide},
        {QStringLiteral("districts"), *districts},
    });
}

http::Response membershipRejected(const accounts::MembershipRejection &rejection)
{
    using Reason = accounts::MembershipRejection::Reason;
    switch (rejection.reason) {
    case Reason::UnknownDistrict:
    case Reason::NotMember:
        return http::Response::error(404, QStringLiteral("not_found"), rejection.message);
    case Reason::StatewideAccount:
        return http::Response::error(409, QStringLiteral("statewide_account"), rejection.message);
    case Reason::LastMembership:
        return http::Response::error(409, QStringLiteral("last_district"), rejection.message);
    }
    return http::Response::error(409, QStringLiteral("conflict"), rejection.message);
}

// PUT (grant) or DELETE (revoke) /api/v1/users/{id}/districts/{district}: adds an existing
// account to a district with a role, changes its role there, or takes the district away. The
// audit log of that district records "create", "update" or "delete" of the user, as for the
// district's own user routes.
http::Response changeMembership(ApiContext context, const http::Request &request,
                                qint64 accountId, bool granting)
{
    const qint64 districtId = request.idParameter(QStringLiteral("district"));
    if (districtId == 0)
        return badRequest(QStringLiteral("The district id must be a positive integer."));
    std::optional<accounts::Role> role;
    if (granting) {
        auto body = parseObject(request.body());
        if (!body)
            return badRequest(body.error());
        role = accounts::roleFromName(body->value(QStringLiteral("role")).toString());
        if (!role)
            return validationFailed(
                {{QStringLiteral("role"),
                  QStringLiteral("Choose viewer, operator or administrator.")}});
    }
    const QSqlDatabase db = context.store->connection();
    auto account = accounts::findAccount(db, accountId);
    if (!account)
        return storeFailed(account.error());
    if (!*account)
        return notFound(QStringLiteral("User"), accountId);
    auto changed = granting ? accounts::grantRole(db, **account, districtId, *role)
                            : accounts::revokeRole(db, **account, districtId);
    if (!changed)
        return storeFailed(changed.error());
    if (changed->rejection)
        return membershipRejected(*changed->rejection);

    context.districtId = districtId;
    const QString previousRole = changed->previousRole;
    QJsonObject before;
    if (!previousRole.isEmpty()) {
        before = QJsonObject{{QStringLiteral("id"), accountId},
                             {QStringLiteral("name"), (*account)->name},
                             {QStringLiteral("displayName"), (*account)->displayName},
                             {QStringLiteral("role"), previousRole}};
    }
    if (!granting) {
        writeAudit(context, QStringLiteral("delete"), QStringLiteral("user"), accountId, before,
                   {});
        return http::Response::noContent();
    }
    auto after = findUser(context, accountId);
    if (!after)
        return storeFailed(after.error());
    writeAudit(context, previousRole.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
               QStringLiteral("user"), accountId, before, *after);
    return http::Response::json(*after, previousRole.isEmpty() ? 201 : 200);
}

Result<QJsonObject> findDistrict(const ApiContext &context, qint64 id)
{
    auto query = execute(context.store->connection(),
                         QStringLiteral("SELECT id, name, time_zone, active, created_at "
                                        "FROM districts WHERE id = ?"),
                         {id});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    return QJsonObject{
        {QStringLiteral("id"), query->value(0).toLongLong()},
        {QStringLiteral("name"), query->value(1).toString()},
        {QStringLiteral("timeZone"), query->value(2).toString()},
        {QStringLiteral("active"), query->value(3).toInt() != 0},
        {QStringLiteral("createdAt"), query->value(4).toString()},
    };
}

http::Response listDistricts(const ApiContext &context)
{
    auto query = execute(context.store->connection(),
                         QStringLiteral("SELECT id FROM districts ORDER BY id"));
    if (!query)
        return storeFailed(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    QJsonArray districts;
    for (const qint64 id : std::as_const(ids)) {
        auto district = findDistrict(context, id);
        if (!district)
            return storeFailed(district.error());
        districts.append(*district);
    }
    return http::Response::json(QJsonObject{{QStringLiteral("districts"), districts}});
}

QJsonObject validateDistrict(const ApiContext &context, const QJsonObject &body, bool creating,
                             qint64 selfId)
{
    QJsonObject errors;
    const QJsonValue name = body.value(QStringLiteral("name"));
    if (creating || !name.isUndefined()) {
        const QString trimmed = name.toString().trimmed();
        if (!name.isString() || trimmed.isEmpty()) {
            errors.insert(QStringLiteral("name"), QStringLiteral("Enter a name."));
        } else if (trimmed.size() > 200) {
            errors.insert(QStringLiteral("name"), QStringLiteral("Use at most 200 characters."));
        } else if (const QString problem = nameTextProblem(trimmed); !problem.isEmpty()) {
            errors.insert(QStringLiteral("name"), problem);
        } else {
            auto clash = selectValue(context.store->connection(),
                                     QStringLiteral("SELECT id FROM districts WHERE name = ? "
                                                    "AND id <> ?"),
                                     {trimmed, selfId});
            if (clash && !clash->isNull())
                errors.insert(QStringLiteral("name"),
                              QStringLiteral("Another district is already named \"%1\".")
                                  .arg(trimmed));
        }
    }
    const QJsonValue zone = body.value(QStringLiteral("timeZone"));
    if (creating || !zone.isUndefined()) {
        if (!zone.isString() || !QTimeZone::isTimeZoneIdAvailable(zone.toString().toUtf8()))
            errors.insert(QStringLiteral("timeZone"),
                          QStringLiteral("Use an IANA time zone such as America/Detroit."));
    }
    const QJsonValue active = body.value(QStringLiteral("active"));
    if (!active.isUndefined() && !active.isBool())
        errors.insert(QStringLiteral("active"), QStringLiteral("Must be true or false."));
    return errors;
}

http::Response saveDistrict(ApiContext context, const http::Request &request, qint64 id)
{
    QJsonObject before;
    if (id != 0) {
        auto existing = findDistrict(context, id);
        if (!existing)
            return storeFailed(existing.error());
        if (existing->isEmpty())
            return notFound(QStringLiteral("District"), id);
        before = *existing;
    }
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    if (const QJsonObject errors = validateDistrict(context, *body, id == 0, id); !errors.isEmpty())
        return validationFailed(errors);

    const QSqlDatabase db = context.store->connection();
    const QString name = body->value(QStringLiteral("name")).toString().trimmed();
    const QString zone = body->value(QStringLiteral("timeZone")).toString();
    if (id == 0) {
        auto inserted = execute(db,
                                QStringLiteral("INSERT INTO districts(name, time_zone, active, "
                                               "created_at) VALUES (?, ?, ?, ?)"),
                                {name, zone,
                                 body->value(QStringLiteral("active")).toBool(true) ? 1 : 0,
                                 toIsoUtc(context.now())});
        if (!inserted)
            return storeFailed(inserted.error());
        id = inserted->lastInsertId().toLongLong();
    } else {
        const QJsonValue active = body->value(QStringLiteral("active"));
        const QVariant newName = name.isEmpty() ? QVariant() : QVariant(name);
        const QVariant newZone = zone.isEmpty() ? QVariant() : QVariant(zone);
        const QVariant newActive = active.isBool() ? QVariant(active.toBool() ? 1 : 0) : QVariant();
        auto updated = execute(
            db,
            QStringLiteral("UPDATE districts SET name = coalesce(?, name), "
                           "time_zone = coalesce(?, time_zone), active = coalesce(?, active) "
                           "WHERE id = ?"),
            {newName, newZone, newActive, id});
        if (!updated)
            return storeFailed(updated.error());
    }

    auto after = findDistrict(context, id);
    if (!after)
        return storeFailed(after.error());
    context.districtId = id;
    writeAudit(context, before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
               QStringLiteral("district"), id, before, *after);
    return http::Response::json(*after, before.isEmpty() ? 201 : 200);
}

} // namespace

void registerUserRoutes(http::Router &router, const ApiContext &context)
{
    const QString collection = QStringLiteral("/api/v1/users");
    const QString item = QStringLiteral("/api/v1/users/{id}");
    const auto withId = [](const http::Request &request, auto handler) {
        return withPathId(request, QStringLiteral("user"), handler);
    };

    router.addRoute("GET", collection, http::Access::Administer,
                    [base = context](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        return listUsers(base.forRequest(request));
                    });
    router.addRoute("POST", collection, http::Access::Administer,
                    [base = context](const http::Request &request) {
                        return createUser(base.forRequest(request), request);
                    });
    router.addRoute("GET", item, http::Access::Administer,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            auto user = findUser(context, id);
                            if (!user)
                                return storeFailed(user.error());
                            if (user->isEmpty())
                                return notFound(QStringLiteral("User"), id);
                            return http::Response::json(*user);
                        });
                    });
    router.addRoute("PUT", item, http::Access::Administer,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return updateUser(context, request, id);
                        });
                    });
    router.addRoute("DELETE", item, http::Access::Administer,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return removeUser(context, request, id);
                        });
                    });

    // An account's districts, which only a statewide administrator may list and change.
    const QString memberships = QStringLiteral("/api/v1/users/{id}/districts");
    const QString membership = QStringLiteral("/api/v1/users/{id}/districts/{district}");
    router.addRoute("GET", memberships, http::Access::Statewide,
                    [base = context, withId](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        const ApiContext context = base.forRequest(request);
                        return withId(request,
                                      [&](qint64 id) { return getMemberships(context, id); });
                    });
    router.addRoute("PUT", membership, http::Access::Statewide,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return changeMembership(context, request, id, true);
                        });
                    });
    router.addRoute("DELETE", membership, http::Access::Statewide,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return changeMembership(context, request, id, false);
                        });
                    });
}

void registerDistrictRoutes(http::Router &router, const ApiContext &context)
{
    const QString collection = QStringLiteral("/api/v1/districts");
    const QString item = QStringLiteral("/api/v1/districts/{id}");
    const auto withId = [](const http::Request &request, auto handler) {
        return withPathId(request, QStringLiteral("district"), handler);
    };

    router.addRoute("GET", collection, http::Access::Statewide,
                    [base = context](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        return listDistricts(base.forRequest(request));
                    });
    router.addRoute("POST", collection, http::Access::Statewide,
                    [base = context](const http::Request &request) {
                        return saveDistrict(base.forRequest(request), request, 0);
                    });
    router.addRoute("GET", item, http::Access::Statewide,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            auto district = findDistrict(context, id);
                            if (!district)
                                return storeFailed(district.error());
                            if (district->isEmpty())
                                return notFound(QStringLiteral("District"), id);
                            return http::Response::json(*district);
                        });
                    });
    router.addRoute("PUT", item, http::Access::Statewide,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) {
                            return saveDistrict(context, request, id);
                        });
                    });
}

} // namespace hub::api
