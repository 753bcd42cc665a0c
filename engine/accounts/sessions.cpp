// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "sessions.h"

#include "accounts/passwords.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <algorithm>

namespace hub::accounts {

namespace {

// A hash to verify against when the user name is unknown or the account disabled, so that
// such an attempt takes as long as a wrong password and does not reveal which names exist.
const QByteArray &decoyHash()
{
    static const QByteArray hash = [] {
        auto made = hashPassword(QString::fromLatin1(randomToken()));
        return made ? *made : QByteArray();
    }();
    return hash;
}

qint64 secondsUntil(const QDateTime &now, const QDateTime &later)
{
    return std::max<qint64>(1, (now.msecsTo(later) + 999) / 1000);
}

// The wait a failure count imposes before the next attempt, in seconds.
qint64 delayAfter(int failures, const SessionPolicy &policy)
{
    if (failures < policy.freeFailures)
        return 0;
    const int exponent = std::min(failures - policy.freeFailures, 30);
    return std::min<qint64>(qint64(1) << exponent, policy.maxDelaySeconds);
}

Result<Tokens> openSession(const QSqlDatabase &db, qint64 accountId, const QDateTime &now,
                           const SessionPolicy &policy)
{
    Tokens tokens{randomToken(), now.addSecs(policy.accessSeconds), randomToken(),
                  now.addSecs(policy.refreshSeconds)};
    auto inserted = execute(db,
                            QStringLiteral("INSERT INTO account_sessions(account_id, token_hash, "
                                           "refresh_token_hash, created_at, expires_at, "
                                           "refresh_expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                            {accountId, tokenDigest(tokens.accessToken),
                             tokenDigest(tokens.refreshToken), toIsoUtc(now),
                             toIsoUtc(tokens.expiresAt), toIsoUtc(tokens.refreshExpiresAt)});
    if (!inserted)
        return failure(inserted.error());
    qCInfo(lcAccounts) << "Opened session" << inserted->lastInsertId().toLongLong()
                       << "for account" << accountId;
    return tokens;
}

Result<SignIn> recordFailure(const QSqlDatabase &db, const Account &account, const QDateTime &now,
                             const SessionPolicy &policy)
{
    const int failures = account.failedSignIns + 1;
    SignIn result;
    result.accountId = account.id;
    if (failures >= policy.lockAfterFailures) {
        const QDateTime until = now.addSecs(policy.lockSeconds);
        auto locked = execute(db,
                              QStringLiteral("UPDATE accounts SET failed_sign_ins = 0, "
                                             "last_failed_at = ?, locked_until = ? WHERE id = ?"),
                              {toIsoUtc(now), toIsoUtc(until), account.id});
        if (!locked)
            return failure(locked.error());
        qCWarning(lcAccounts) << "Locked account" << account.id << "until" << toIsoUtc(until)
                              << "after" << failures << "failed sign-ins";
        result.status = SignIn::Status::Locked;
        result.retryAfterSeconds = policy.lockSeconds;
        return result;
    }
    auto counted = execute(db,
                           QStringLiteral("UPDATE accounts SET failed_sign_ins = ?, "
                                          "last_failed_at = ? WHERE id = ?"),
                           {failures, toIsoUtc(now), account.id});
    if (!counted)
        return failure(counted.error());
    qCInfo(lcAccounts) << "Failed sign-in" << failures << "in a row for account" << account.id;
    result.status = SignIn::Status::InvalidCredentials;
    return result;
}

} // namespace

Result<SignIn> signIn(const QSqlDatabase &db, const QString &name, const QString &password,
                      const QDateTime &now, const SessionPolicy &policy)
{
    auto found = findAccount(db, name);
    if (!found)
        return failure(found.error());
    if (!*found || (*found)->disabled) {
        verifyPassword(password, decoyHash());
        SignIn result;
        result.accountId = *found ? (*found)->id : 0;
        return result;
    }
    const Account &account = **found;

    SignIn result;
    result.accountId = account.id;
    if (account.lockedUntil.isValid() && account.lockedUntil > now) {
        result.status = SignIn::Status::Locked;
        result.retryAfterSeconds = secondsUntil(now, account.lockedUntil);
        return result;
    }
    const qint64 delay = delayAfter(account.failedSignIns, policy);
    if (delay > 0) {
        auto last = selectValue(db, QStringLiteral("SELECT last_failed_at FROM accounts WHERE id = ?"),
                                {account.id});
        if (!last)
            return failure(last.error());
        const QDateTime allowedAt = fromIsoUtc(last->toString()).addSecs(delay);
        if (allowedAt.isValid() && allowedAt > now) {
            result.status = SignIn::Status::Throttled;
            result.retryAfterSeconds = secondsUntil(now, allowedAt);
            return result;
        }
    }

    auto hash = selectValue(db, QStringLiteral("SELECT password_hash FROM accounts WHERE id = ?"),
                            {account.id});
    if (!hash)
        return failure(hash.error());
    if (!verifyPassword(password, hash->toByteArray()))
        return recordFailure(db, account, now, policy);

    auto reset = execute(db,
                         QStringLiteral("UPDATE accounts SET failed_sign_ins = 0, "
                                        "last_failed_at = NULL, locked_until = NULL WHERE id = ?"),
                         {account.id});
    if (!reset)
        return failure(reset.error());
    auto memberships = membershipsOf(db, account);
    if (!memberships)
        return failure(memberships.error());
    if (memberships->isEmpty()) {
        result.status = SignIn::Status::NoDistrict;
        return result;
    }
    auto tokens = openSession(db, account.id, now, policy);
    if (!tokens)
        return failure(tokens.error());
    result.status = SignIn::Status::SignedIn;
    result.tokens = *tokens;
    return result;
}

Result<std::optional<Tokens>> refreshSession(const QSqlDatabase &db, const QByteArray &refreshToken,
                                             const QDateTime &now, const SessionPolicy &policy)
{
    auto query = execute(db,
                         QStringLiteral("SELECT s.id, s.refresh_expires_at, s.revoked, a.disabled "
                                        "FROM account_sessions s "
                                        "JOIN accounts a ON a.id = s.account_id "
                                        "WHERE s.refresh_token_hash = ?"),
                         {tokenDigest(refreshToken)});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return std::optional<Tokens>();
    const qint64 sessionId = query->value(0).toLongLong();
    if (query->value(2).toInt() != 0 || query->value(3).toInt() != 0
        || fromIsoUtc(query->value(1).toString()) <= now) {
        qCInfo(lcAccounts) << "Rejected a refresh of session" << sessionId
                           << "that is revoked or expired";
        return std::optional<Tokens>();
    }

    const Tokens tokens{randomToken(), now.addSecs(policy.accessSeconds), randomToken(),
                        now.addSecs(policy.refreshSeconds)};
    auto updated = execute(db,
                           QStringLiteral("UPDATE account_sessions SET token_hash = ?, "
                                          "refresh_token_hash = ?, expires_at = ?, "
                                          "refresh_expires_at = ? WHERE id = ?"),
                           {tokenDigest(tokens.accessToken), tokenDigest(tokens.refreshToken),
                            toIsoUtc(tokens.expiresAt), toIsoUtc(tokens.refreshExpiresAt),
                            sessionId});
    if (!updated)
        return failure(updated.error());
    qCInfo(lcAccounts) << "Refreshed session" << sessionId;
    return std::optional<Tokens>(tokens);
}

Result<bool> revokeSession(const QSqlDatabase &db, const QByteArray &accessToken)
{
    auto revoked = execute(db,
                           QStringLiteral("UPDATE account_sessions SET revoked = 1 "
                                          "WHERE token_hash = ? AND revoked = 0"),
                           {tokenDigest(accessToken)});
    if (!revoked)
        return failure(revoked.error());
    return revoked->numRowsAffected() > 0;
}

Result<std::optional<Session>> findSession(const QSqlDatabase &db, const QByteArray &accessToken,
                                           const QDateTime &now)
{
    auto query = execute(db,
                         QStringLiteral("SELECT id, account_id, expires_at FROM account_sessions "
                                        "WHERE token_hash = ? AND revoked = 0"),
                         {tokenDigest(accessToken)});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return std::optional<Session>();
    Session session;
    session.id = query->value(0).toLongLong();
    session.expiresAt = fromIsoUtc(query->value(2).toString());
    if (!session.expiresAt.isValid() || session.expiresAt <= now)
        return std::optional<Session>();
    auto account = findAccount(db, query->value(1).toLongLong());
    if (!account)
        return failure(account.error());
    if (!*account || (*account)->disabled)
        return std::optional<Session>();
    session.account = **account;
    return std::optional<Session>(session);
}

http::Authentication authenticate(const QSqlDatabase &db, const QByteArray &accessToken,
                                  qint64 requestedDistrictId, const QDateTime &now)
{
    auto session = findSession(db, accessToken, now);
    if (!session) {
        qCWarning(lcAccounts) << "Cannot look up a session:" << session.error();
        return {std::nullopt, 503, QStringLiteral("The engine cannot check the token right now; "
                                                  "try again.")};
    }
    if (!*session)
        return {std::nullopt, 401,
                QStringLiteral("The token is unknown, expired or revoked; sign in again.")};
    const Account &account = (*session)->account;
    auto memberships = membershipsOf(db, account);
    if (!memberships) {
        qCWarning(lcAccounts) << "Cannot read the districts of account" << account.id
                              << memberships.error();
        return {std::nullopt, 503, QStringLiteral("The engine cannot check the token right now; "
                                                  "try again.")};
    }
    if (memberships->isEmpty())
        return {std::nullopt, 403, QStringLiteral("Your account has no role in an active district.")};

    const Membership *chosen = &memberships->constFirst();
    if (requestedDistrictId != 0) {
        const auto match = std::find_if(memberships->cbegin(), memberships->cend(),
                                        [&](const Membership &membership) {
                                            return membership.districtId == requestedDistrictId;
                                        });
        if (match == memberships->cend())
            return {std::nullopt, 403,
                    QStringLiteral("Your account has no role in district %1.")
                        .arg(requestedDistrictId)};
        chosen = &*match;
    }
    http::Principal principal;
    principal.actor = account.name;
    principal.districtId = chosen->districtId;
    principal.accountId = account.id;
    if (account.statewide)
        principal.level = http::Access::Statewide;
    else
        principal.level = accessForRole(roleFromName(chosen->role).value_or(Role::Viewer));
    return http::Authentication::accepted(principal);
}

bool districtIsActive(const QSqlDatabase &db, qint64 districtId)
{
    auto active = selectValue(db, QStringLiteral("SELECT active FROM districts WHERE id = ?"),
                              {districtId});
    return active && !active->isNull() && active->toInt() == 1;
}

} // namespace hub::accounts
