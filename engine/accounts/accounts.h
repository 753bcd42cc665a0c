// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "http/router.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace hub::accounts {

// A person's role in one district. Each role allows everything the ones before it allow.
enum class Role {
    Viewer,        // read configuration, runs and data
    Operator,      // also run, cancel, retry and upload
    Administrator, // also change configuration and secrets, and manage the district's users
};

std::optional<Role> roleFromName(const QString &name);
QString roleName(Role role);
// The access level a role grants in its district.
http::Access accessForRole(Role role);

// An account as the store holds it, without its password hash.
struct Account
{
    qint64 id = 0;
    QString name;
    QString displayName;
    bool disabled = false;
    bool statewide = false;
    int failedSignIns = 0;
    QDateTime lockedUntil; // invalid when the account is not locked
};

// A district an account may act on, with the account's role there.
struct Membership
{
    qint64 districtId = 0;
    QString districtName;
    QString timeZone;
    QString role; // viewer, operator or administrator; "statewide" for statewide accounts
};

struct NewAccount
{
    QString name;
    QString displayName;
    QString password;
    bool statewide = false;
    qint64 districtId = 0; // ignored for statewide accounts
    Role role = Role::Viewer;
};

// The text, or an empty but non-null string for a null one, for NOT NULL text columns.
QString nonNull(const QString &text);

// Returns why a name cannot be an account name, or an empty string.
QString accountNameProblem(const QString &name);

// Creates an account with its password hash and, unless it is statewide, its membership.
Result<qint64> createAccount(const QSqlDatabase &db, const NewAccount &account,
                             const QDateTime &now);
// Sets a new password, clears failed sign-ins and the lock, and revokes every session.
Result<void> setPassword(const QSqlDatabase &db, qint64 accountId, const QString &password,
                         const QDateTime &now);
Result<std::optional<Account>> findAccount(const QSqlDatabase &db, const QString &name);
Result<std::optional<Account>> findAccount(const QSqlDatabase &db, qint64 id);
Result<QList<Account>> listAccounts(const QSqlDatabase &db);
// The active districts an account may act on, by district id. A statewide account gets every
// active district.
Result<QList<Membership>> membershipsOf(const QSqlDatabase &db, const Account &account);
// Revokes every session of the account.
Result<void> revokeSessions(const QSqlDatabase &db, qint64 accountId);

// A membership change that grantRole() or revokeRole() rejected, with a message that names the
// user and the district.
struct MembershipRejection
{
    enum class Reason {
        UnknownDistrict,  // no district has the id
        StatewideAccount, // a statewide account has every district and no memberships
        NotMember,        // revoking a district where the account has no role
        LastMembership,   // revoking the only district of a non-statewide account
    };
    Reason reason = Reason::UnknownDistrict;
    QString message;
};

// The outcome of grantRole() or revokeRole(): the account's role in the district before the
// change (empty when it had none), or the reason the change was rejected.
struct MembershipChange
{
    QString previousRole;
    std::optional<MembershipRejection> rejection;
};

// Gives a non-statewide account the role in the district: adds the district to the account, or
// changes the role when the account already has one there. The district may be inactive.
Result<MembershipChange> grantRole(const QSqlDatabase &db, const Account &account,
                                   qint64 districtId, Role role);
// Removes the account's role in the district, unless it is the account's last district, because
// an account without a district cannot sign in. DELETE /api/v1/users/{id} removes such an
// account with its last district.
Result<MembershipChange> revokeRole(const QSqlDatabase &db, const Account &account,
                                    qint64 districtId);

} // namespace hub::accounts
