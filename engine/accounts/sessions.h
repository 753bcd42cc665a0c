// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "accounts/accounts.h"
#include "core/result.h"
#include "http/httpserver.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace hub::accounts {

// Token lifetimes and the waits and lock that follow failed sign-ins.
struct SessionPolicy
{
    qint64 accessSeconds = 60 * 60;
    qint64 refreshSeconds = 14 * 24 * 60 * 60;
    // Failed sign-ins in a row that get no wait. After more, each next attempt must
    // wait 2^(failures - freeFailures) seconds, at most maxDelaySeconds, after the last one.
    int freeFailures = 3;
    qint64 maxDelaySeconds = 60;
    // Failed sign-ins in a row that lock the account for lockSeconds.
    int lockAfterFailures = 10;
    qint64 lockSeconds = 15 * 60;
};

struct Tokens
{
    QByteArray accessToken;
    QDateTime expiresAt;
    QByteArray refreshToken;
    QDateTime refreshExpiresAt;
};

struct SignIn
{
    enum class Status {
        SignedIn,
        InvalidCredentials, // unknown user, wrong password or disabled account
        Throttled,          // too soon after the last failure; retry after retryAfterSeconds
        Locked,             // locked after too many failures; retry after retryAfterSeconds
        NoDistrict,         // the password is right but the account may act on no district
    };
    Status status = Status::InvalidCredentials;
    qint64 accountId = 0; // 0 when the user name is unknown
    qint64 retryAfterSeconds = 0;
    Tokens tokens;
};

// Checks a user name and password and opens a session, counting failures as the policy sets.
Result<SignIn> signIn(const QSqlDatabase &db, const QString &name, const QString &password,
                      const QDateTime &now, const SessionPolicy &policy);

// Exchanges a refresh token for new access and refresh tokens of the same session; the old
// ones stop working. Returns nothing for an unknown, expired or revoked refresh token.
Result<std::optional<Tokens>> refreshSession(const QSqlDatabase &db, const QByteArray &refreshToken,
                                             const QDateTime &now, const SessionPolicy &policy);

// Revokes the session of an access token; returns whether there was one to revoke.
Result<bool> revokeSession(const QSqlDatabase &db, const QByteArray &accessToken);

// The live session of an access token, with its account.
struct Session
{
    qint64 id = 0;
    Account account;
    QDateTime expiresAt;
};
Result<std::optional<Session>> findSession(const QSqlDatabase &db, const QByteArray &accessToken,
                                           const QDateTime &now);

// Turns an access token into a principal for the district that the request names (0 for the
// account's first district). Unknown, expired and revoked tokens give 401; a district that
// the account may not act on gives 403.
http::Authentication authenticate(const QSqlDatabase &db, const QByteArray &accessToken,
                                  qint64 requestedDistrictId, const QDateTime &now);

// Whether a district exists and is active.
bool districtIsActive(const QSqlDatabase &db, qint64 districtId);

} // namespace hub::accounts
