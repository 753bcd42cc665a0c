// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Sign-in, token refresh, sign-out and "who am I" for people with an account.

#include "accounts/accounts.h"
#include "accounts/sessions.h"
#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "core/messagetext.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QJsonArray>

namespace hub::api {

namespace {

// Longer user names are cut in the audit log; account names are far shorter.
constexpr qsizetype kMaxAuditedNameLength = 200;

QJsonObject tokensJson(const accounts::Tokens &tokens, const QDateTime &now)
{
    return QJsonObject{
        {QStringLiteral("accessToken"), QString::fromLatin1(tokens.accessToken)},
        {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
        {QStringLiteral("expiresAt"), toIsoUtc(tokens.expiresAt)},
        {QStringLiteral("expiresIn"), now.secsTo(tokens.expiresAt)},
        {QStringLiteral("refreshToken"), QString::fromLatin1(tokens.refreshToken)},
        {QStringLiteral("refreshExpiresAt"), toIsoUtc(tokens.refreshExpiresAt)},
    };
}

QJsonObject membershipJson(const accounts::Membership &membership)
{
    return QJsonObject{{QStringLiteral("id"), membership.districtId},
                       {QStringLiteral("name"), membership.districtName},
                       {QStringLiteral("timeZone"), membership.timeZone},
                       {QStringLiteral("role"), membership.role}};
}

http::Response tooManyAttempts(const accounts::SignIn &signIn)
{
    const bool locked = signIn.status == accounts::SignIn::Status::Locked;
    const qint64 minutes = (signIn.retryAfterSeconds + 59) / 60;
    http::Response response = http::Response::error(
        429, locked ? QStringLiteral("account_locked") : QStringLiteral("too_many_attempts"),
        locked ? QStringLiteral("The account is locked after too many failed sign-ins; try again "
                                "in %1 or ask an administrator to set a new password.")
                     .arg(countOf(minutes, QStringLiteral("minute"), QStringLiteral("minutes")))
               : QStringLiteral("Too many failed sign-ins; wait %1 and try again.")
                     .arg(countOf(signIn.retryAfterSeconds, QStringLiteral("second"),
                                  QStringLiteral("seconds"))));
    response.headers.append(
        qMakePair(QByteArray("Retry-After"), QByteArray::number(signIn.retryAfterSeconds)));
    return response;
}

// Writes a sign-in attempt to the audit log with the peer address, never the password. The
// user name is kept only when it names an account: a name that matches none is often a
// password typed into the wrong field. The row has no district, because an account may
// belong to several. The audit listing shows it to the administrators of each district of the
// account.
void auditSignIn(ApiContext context, const http::Request &request,
                 const accounts::SignIn &signIn, const QString &name, const QString &outcome)
{
    context.districtId = 0;
    const bool known = signIn.accountId != 0;
    context.actor = known ? name : QStringLiteral("unknown user");
    QJsonObject after{{QStringLiteral("outcome"), outcome},
                      {QStringLiteral("address"), request.peerAddress().toString()}};
    if (known)
        after.insert(QStringLiteral("user"), name.left(kMaxAuditedNameLength));
    writeAudit(context, QStringLiteral("sign-in"), QStringLiteral("session"), signIn.accountId,
               {}, after);
}

http::Response signIn(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    QJsonObject errors;
    const QJsonValue user = body->value(QStringLiteral("user"));
    const QJsonValue password = body->value(QStringLiteral("password"));
    if (!user.isString() || user.toString().isEmpty())
        errors.insert(QStringLiteral("user"), QStringLiteral("Enter your user name."));
    if (!password.isString() || password.toString().isEmpty())
        errors.insert(QStringLiteral("password"), QStringLiteral("Enter your password."));
    if (!errors.isEmpty())
        return validationFailed(errors);

    const QDateTime now = context.now();
    const QString name = user.toString();
    auto result = accounts::signIn(context.store->connection(), name, password.toString(), now,
                                   context.sessionPolicy);
    if (!result)
        return storeFailed(result.error());

    using Status = accounts::SignIn::Status;
    switch (result->status) {
    case Status::SignedIn:
        break;
    case Status::InvalidCredentials:
        auditSignIn(context, request, *result, name, QStringLiteral("invalid credentials"));
        return http::Response::error(401, QStringLiteral("invalid_credentials"),
                                     QStringLiteral("The user name or password is wrong."));
    case Status::Throttled:
    case Status::Locked:
        auditSignIn(context, request, *result, name,
                    result->status == Status::Locked ? QStringLiteral("locked")
                                                     : QStringLiteral("throttled"));
        return tooManyAttempts(*result);
    case Status::NoDistrict:
        auditSignIn(context, request, *result, name, QStringLiteral("no district"));
        return http::Response::error(403, QStringLiteral("no_district"),
                                     QStringLiteral("Your account has no role in an active "
                                                    "district; ask an administrator."));
    }
    auditSignIn(context, request, *result, name, QStringLiteral("signed in"));
    return http::Response::json(tokensJson(result->tokens, now));
}

http::Response refresh(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    const QJsonValue token = body->value(QStringLiteral("refreshToken"));
    if (!token.isString() || token.toString().isEmpty())
        return validationFailed(
            {{QStringLiteral("refreshToken"), QStringLiteral("Send the refresh token.")}});
    const QDateTime now = context.now();
    auto tokens = accounts::refreshSession(context.store->connection(),
                                           token.toString().toLatin1(), now,
                                           context.sessionPolicy);
    if (!tokens)
        return storeFailed(tokens.error());
    if (!*tokens)
        return http::unauthorized(
            QStringLiteral("The refresh token is unknown, expired or revoked; sign in again."));
    return http::Response::json(tokensJson(**tokens, now));
}

QByteArray bearerToken(const http::Request &request)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype space = authorization.indexOf(' ');
    return space < 0 ? QByteArray() : authorization.mid(space + 1).trimmed();
}

http::Response signOut(const ApiContext &context, const http::Request &request)
{
    if (request.principal().accountId == 0)
        return badRequest(QStringLiteral("The admin token has no session to sign out of."));
    auto revoked = accounts::revokeSession(context.store->connection(), bearerToken(request));
    if (!revoked)
        return storeFailed(revoked.error());
    qCInfo(lcAccounts) << "Account" << request.principal().accountId << "signed out";
    return http::Response::noContent();
}

http::Response whoAmI(const ApiContext &context, const http::Request &request)
{
    const QSqlDatabase db = context.store->connection();
    accounts::Account account;
    QJsonValue expiresAt = QJsonValue::Null;
    if (request.principal().accountId == 0) {
        account.name = request.principal().actor;
        account.statewide = true;
    } else {
        auto session = accounts::findSession(db, bearerToken(request), context.now());
        if (!session)
            return storeFailed(session.error());
        if (!*session)
            return http::unauthorized();
        account = (*session)->account;
        expiresAt = toIsoUtc((*session)->expiresAt);
    }
    auto memberships = accounts::membershipsOf(db, account);
    if (!memberships)
        return storeFailed(memberships.error());

    QJsonArray districts;
    QJsonObject current;
    for (const accounts::Membership &membership : std::as_const(*memberships)) {
        districts.append(membershipJson(membership));
        if (membership.districtId == context.districtId)
            current = membershipJson(membership);
    }
    return http::Response::json(QJsonObject{
        {QStringLiteral("user"), account.name},
        {QStringLiteral("displayName"), account.displayName},
        {QStringLiteral("statewide"), account.statewide},
        {QStringLiteral("district"), current},
        {QStringLiteral("districts"), districts},
        {QStringLiteral("expiresAt"), expiresAt},
    });
}

} // namespace

void registerSessionRoutes(http::Router &router, const ApiContext &context)
{
    const QString session = QStringLiteral("/api/v1/session");
    // Sign-in and refresh authenticate the caller from the request body. Beside the waits and
    // lock per account, one token bucket per peer address covers both routes, so that many user
    // names or refresh tokens cannot be tried quickly from one address.
    router.addRoute("POST", session, http::Access::Public,
                    [base = context](const http::Request &request) {
                        return signIn(base, request);
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/session/refresh"), http::Access::Public,
                    [base = context](const http::Request &request) {
                        return refresh(base, request);
                    });
    const auto limiter = std::make_shared<http::RateLimiter>(context.signInRate,
                                                             context.rateClockMs);
    router.limitRate("POST", session, limiter);
    router.limitRate("POST", QStringLiteral("/api/v1/session/refresh"), limiter);
    router.addRoute("GET", session, http::Access::View,
                    [base = context](const http::Request &request) {
                        return whoAmI(base.forRequest(request), request);
                    });
    router.addRoute("DELETE", session, http::Access::View,
                    [base = context](const http::Request &request) {
                        return signOut(base.forRequest(request), request);
                    });
}

} // namespace hub::api
