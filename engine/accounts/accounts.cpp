// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "accounts.h"

#include "accounts/passwords.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QRegularExpression>

namespace hub::accounts {

namespace {

const QString kSelectAccount
    = QStringLiteral("SELECT id, name, display_name, disabled, statewide, failed_sign_ins, "
                     "locked_until FROM accounts");

Account accountFromRow(const QSqlQuery &query)
{
    Account account;
    account.id = query.value(0).toLongLong();
    account.name = query.value(1).toString();
    account.displayName = query.value(2).toString();
    account.disabled = query.value(3).toInt() != 0;
    account.statewide = query.value(4).toInt() != 0;
    account.failedSignIns = query.value(5).toInt();
    account.lockedUntil = fromIsoUtc(query.value(6).toString());
    return account;
}

Result<std::optional<Account>> selectOne(const QSqlDatabase &db, const QString &where,
                                         const QVariant &value)
{
    auto query = execute(db, kSelectAccount + where, {value});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return std::optional<Account>();
    return std::optional<Account>(accountFromRow(*query));
}

} // namespace

QString nonNull(const QString &text)
{
    // QtSql binds a null QString as SQL NULL.
    return text.isNull() ? QStringLiteral("") : text;
}

std::optional<Role> roleFromName(const QString &name)
{
    if (name == QLatin1String("viewer"))
        return Role::Viewer;
    if (name == QLatin1String("operator"))
        return Role::Operator;
    if (name == QLatin1String("administrator"))
        return Role::Administrator;
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return {};
}

http::Access accessForRole(Role role)
{
    switch (role) {
    case Role::Viewer:
        return http::Access::View;
    case Role::Operator:
        return http::Access::Operate;
    case Role::Administrator:
        return http::Access::Administer;
    }
    return http::Access::Public;
}

QString accountNameProblem(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$"));
    if (name.isEmpty())
        return QStringLiteral("Enter a user name.");
    if (!pattern.match(name).hasMatch())
        return QStringLiteral("Use 1 to 100 letters, digits, dots, dashes, underscores or @, "
                              "starting with a letter or digit.");
    return {};
}

Result<qint64> createAccount(const QSqlDatabase &db, const NewAccount &account,
                             const QDateTime &now)
{
    if (const QString problem = accountNameProblem(account.name); !problem.isEmpty())
        return failure(problem);
    if (const QString problem = passwordProblem(account.password); !problem.isEmpty())
        return failure(problem);
    auto existing = findAccount(db, account.name);
    if (!existing)
        return failure(existing.error());
    if (*existing)
        return failure(QStringLiteral("A user named \"%1\" already exists.").arg(account.name));
    if (!account.statewide) {
        auto district = selectValue(db, QStringLiteral("SELECT id FROM districts WHERE id = ?"),
                                    {account.districtId});
        if (!district)
            return failure(district.error());
        if (district->isNull())
            return failure(QStringLiteral("District %1 does not exist.").arg(account.districtId));
    }
    auto hash = hashPassword(account.password);
    if (!hash)
        return failure(hash.error());

    Transaction transaction(db);
    const QString stamp = toIsoUtc(now);
    auto inserted = execute(db,
                            QStringLiteral("INSERT INTO accounts(name, display_name, password_hash, "
                                           "statewide, created_at, updated_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?)"),
                            {account.name, nonNull(account.displayName.trimmed()),
                             QString::fromLatin1(*hash), account.statewide ? 1 : 0, stamp, stamp});
    if (!inserted)
        return failure(inserted.error());
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (!account.statewide) {
        auto member = execute(db,
                              QStringLiteral("INSERT INTO account_memberships(account_id, "
                                             "district_id, role) VALUES (?, ?, ?)"),
                              {id, account.districtId, roleName(account.role)});
        if (!member)
            return failure(member.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    qCInfo(lcAccounts) << "Created account" << id << account.name
                       << (account.statewide ? QStringLiteral("statewide")
                                             : QStringLiteral("in district %1 as %2")
                                                   .arg(account.districtId)
                                                   .arg(roleName(account.role)));
    return id;
}

Result<void> setPassword(const QSqlDatabase &db, qint64 accountId, const QString &password,
                         const QDateTime &now)
{
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return failure(problem);
    auto hash = hashPassword(password);
    if (!hash)
        return failure(hash.error());
    auto updated = execute(db,
                           QStringLiteral("UPDATE accounts SET password_hash = ?, "
                                          "failed_sign_ins = 0, last_failed_at = NULL, "
                                          "locked_until = NULL, updated_at = ? WHERE id = ?"),
                           {QString::fromLatin1(*hash), toIsoUtc(now), accountId});
    if (!updated)
        return failure(updated.error());
    if (updated->numRowsAffected() == 0)
        return failure(QStringLiteral("Account %1 does not exist.").arg(accountId));
    qCInfo(lcAccounts) << "Changed the password of account" << accountId;
    return revokeSessions(db, accountId);
}

Result<std::optional<Account>> findAccount(const QSqlDatabase &db, const QString &name)
{
    return selectOne(db, QStringLiteral(" WHERE name = ?"), name);
}

Result<std::optional<Account>> findAccount(const QSqlDatabase &db, qint64 id)
{
    return selectOne(db, QStringLiteral(" WHERE id = ?"), id);
}

Result<QList<Account>> listAccounts(const QSqlDatabase &db)
{
    auto query = execute(db, kSelectAccount + QStringLiteral(" ORDER BY name"));
    if (!query)
        return failure(query.error());
    QList<Account> accounts;
    while (query->next())
        accounts.append(accountFromRow(*query));
    return accounts;
}

Result<QList<Membership>> membershipsOf(const QSqlDatabase &db, const Account &account)
{
    auto query = account.statewide
                     ? execute(db, QStringLiteral("SELECT id, name, time_zone, 'statewide' "
                                                  "FROM districts WHERE active = 1 ORDER BY id"))
                     : execute(db,
                               QStringLiteral("SELECT d.id, d.name, d.time_zone, m.role "
                                              "FROM account_memberships m "
                                              "JOIN districts d ON d.id = m.district_id "
                                              "WHERE m.account_id = ? AND d.active = 1 "
                                              "ORDER BY d.id"),
                               {account.id});
    if (!query)
        return failure(query.error());
    QList<Membership> memberships;
    while (query->next())
        memberships.append(Membership{query->value(0).toLongLong(), query->value(1).toString(),
                                      query->value(2).toString(), query->value(3).toString()});
    return memberships;
}

Result<void> revokeSessions(const QSqlDatabase &db, qint64 accountId)
{
    auto revoked = execute(db,
                           QStringLiteral("UPDATE account_sessions SET revoked = 1 "
                                          "WHERE account_id = ? AND revoked = 0"),
                           {accountId});
    if (!revoked)
        return failure(revoked.error());
    if (revoked->numRowsAffected() > 0)
        qCInfo(lcAccounts) << "Revoked" << revoked->numRowsAffected() << "sessions of account"
                           << accountId;
    return {};
}

namespace {

MembershipChange rejected(MembershipRejection::Reason reason, const QString &message)
{
    return MembershipChange{QString(), MembershipRejection{reason, message}};
}

// The account's role in the district, or an empty string when it has none there.
Result<QString> roleIn(const QSqlDatabase &db, qint64 accountId, qint64 districtId)
{
    auto role = selectValue(db,
                            QStringLiteral("SELECT role FROM account_memberships "
                                           "WHERE account_id = ? AND district_id = ?"),
                            {accountId, districtId});
    if (!role)
        return failure(role.error());
    return role->isNull() ? QString() : role->toString();
}

Result<bool> districtExists(const QSqlDatabase &db, qint64 districtId)
{
    auto district = selectValue(db, QStringLiteral("SELECT id FROM districts WHERE id = ?"),
                                {districtId});
    if (!district)
        return failure(district.error());
    return !district->isNull();
}

} // namespace

Result<MembershipChange> grantRole(const QSqlDatabase &db, const Account &account,
                                   qint64 districtId, Role role)
{
    if (account.statewide)
        return rejected(MembershipRejection::Reason::StatewideAccount,
                        QStringLiteral("User \"%1\" is a statewide administrator and already "
                                       "administers district %2.")
                            .arg(account.name)
                            .arg(districtId));
    auto exists = districtExists(db, districtId);
    if (!exists)
        return failure(exists.error());
    if (!*exists)
        return rejected(MembershipRejection::Reason::UnknownDistrict,
                        QStringLiteral("District %1 does not exist, so user \"%2\" cannot get "
                                       "a role there.")
                            .arg(districtId)
                            .arg(account.name));

    Transaction transaction(db);
    auto previous = roleIn(db, account.id, districtId);
    if (!previous)
        return failure(previous.error());
    auto written = previous->isEmpty()
                       ? execute(db,
                                 QStringLiteral("INSERT INTO account_memberships(account_id, "
                                                "district_id, role) VALUES (?, ?, ?)"),
                                 {account.id, districtId, roleName(role)})
                       : execute(db,
                                 QStringLiteral("UPDATE account_memberships SET role = ? "
                                                "WHERE account_id = ? AND district_id = ?"),
                                 {roleName(role), account.id, districtId});
    if (!written)
        return failure(written.error());
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    qCInfo(lcAccounts) << "Gave account" << account.id << account.name << "the role"
                       << roleName(role) << "in district" << districtId << "(before:"
                       << (previous->isEmpty() ? QStringLiteral("none") : *previous) << ")";
    return MembershipChange{*previous, std::nullopt};
}

Result<MembershipChange> revokeRole(const QSqlDatabase &db, const Account &account,
                                    qint64 districtId)
{
    if (account.statewide)
        return rejected(MembershipRejection::Reason::StatewideAccount,
                        QStringLiteral("User \"%1\" is a statewide administrator, who has every "
                                       "district; district %2 cannot be taken away.")
                            .arg(account.name)
                            .arg(districtId));
    auto exists = districtExists(db, districtId);
    if (!exists)
        return failure(exists.error());
    if (!*exists)
        return rejected(MembershipRejection::Reason::UnknownDistrict,
                        QStringLiteral("District %1 does not exist, so user \"%2\" has no role "
                                       "there.")
                            .arg(districtId)
                            .arg(account.name));

    Transaction transaction(db);
    auto previous = roleIn(db, account.id, districtId);
    if (!previous)
        return failure(previous.error());
    if (previous->isEmpty())
        return rejected(MembershipRejection::Reason::NotMember,
                        QStringLiteral("User \"%1\" has no role in district %2.")
                            .arg(account.name)
                            .arg(districtId));
    auto others = selectValue(db,
                              QStringLiteral("SELECT count(*) FROM account_memberships "
                                             "WHERE account_id = ? AND district_id <> ?"),
                              {account.id, districtId});
    if (!others)
        return failure(others.error());
    if (others->toLongLong() == 0)
        return rejected(MembershipRejection::Reason::LastMembership,
                        QStringLiteral("District %1 is the only district of user \"%2\"; give "
                                       "the user another district first, or remove the user.")
                            .arg(districtId)
                            .arg(account.name));
    auto removed = execute(db,
                           QStringLiteral("DELETE FROM account_memberships "
                                          "WHERE account_id = ? AND district_id = ?"),
                           {account.id, districtId});
    if (!removed)
        return failure(removed.error());
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    qCInfo(lcAccounts) << "Removed the role" << *previous << "of account" << account.id
                       << account.name << "in district" << districtId;
    return MembershipChange{*previous, std::nullopt};
}

} // namespace hub::accounts
