// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "usercommand.h"

#include "accounts/accounts.h"
#include "accounts/passwords.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace hub::accounts {

namespace {

QString stripLineEnd(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// Reads one line from the terminal without echoing it.
QString promptHidden(const char *prompt)
{
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    termios saved{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    QFile input;
    QByteArray line;
    if (input.open(stdin, QIODevice::ReadOnly))
        line = input.readLine(4096);
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    return stripLineEnd(line);
}

// The new password from the file, from a terminal prompt (typed twice), or from the first
// line of standard input.
Result<QString> readPassword(const QString &passwordFile)
{
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("Cannot read the password file %1: %2")
                               .arg(passwordFile, file.errorString()));
        return stripLineEnd(file.readLine(4096));
    }
    if (::isatty(STDIN_FILENO)) {
        const QString first = promptHidden("New password: ");
        const QString second = promptHidden("Repeat the password: ");
        if (first != second)
            return failure(QStringLiteral("The two passwords differ; nothing was changed."));
        return first;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read the password from standard input."));
    return stripLineEnd(input.readLine(4096));
}

// The store that the command changes: hub.sqlite in the data folder, or the PostgreSQL database
// of --database, as the engine uses them.
struct StoreLocation
{
    QString dataDir;
    QString database; // a postgresql:// URL without a password, or empty for SQLite
    QString password; // the PostgreSQL password; empty leaves it to libpq (PGPASSWORD)
};

Result<std::unique_ptr<Store>> openStore(const StoreLocation &location)
{
    std::unique_ptr<Store> store;
    if (location.database.isEmpty()) {
        if (!QDir().mkpath(location.dataDir))
            return failure(QStringLiteral("Cannot create the data folder %1.").arg(location.dataDir));
        store = std::make_unique<Store>(QDir(location.dataDir).filePath(QStringLiteral("hub.sqlite")));
    } else {
        store = std::make_unique<Store>(location.database, location.password);
    }
    if (auto opened = store->open(); !opened)
        return failure(opened.error());
    return store;
}

// The store of --data-dir, or of --database with the password of --database-password-file.
Result<StoreLocation> storeLocation(const QCommandLineParser &parser)
{
    StoreLocation location;
    location.dataDir = QDir(parser.value(QStringLiteral("data-dir"))).absolutePath();
    if (!parser.isSet(QStringLiteral("database"))) {
        if (parser.isSet(QStringLiteral("database-password-file")))
            return failure(QStringLiteral("--database-password-file needs --database."));
        return location;
    }
    location.database = parser.value(QStringLiteral("database"));
    if (!isPostgresUrl(location.database))
        return failure(QStringLiteral("--database must be a URL postgresql://user@host:port/"
                                      "database; \"%1\" is not.")
                           .arg(location.database));
    if (parser.isSet(QStringLiteral("database-password-file"))) {
        const QString path = parser.value(QStringLiteral("database-password-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("Cannot read the database password file %1: %2")
                               .arg(path, file.errorString()));
        location.password = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (location.password.isEmpty())
            return failure(QStringLiteral("The database password file %1 is empty.").arg(path));
    }
    return location;
}

QString districtIds(const QSqlDatabase &db)
{
    auto query = execute(db, QStringLiteral("SELECT id, name FROM districts ORDER BY id"));
    QStringList ids;
    while (query && query->next())
        ids.append(QStringLiteral("%1 (%2)").arg(query->value(0).toString(),
                                                 query->value(1).toString()));
    return ids.isEmpty() ? QStringLiteral("none yet; start hubd once to create the first one, "
                                          "or use --statewide")
                         : ids.join(QStringLiteral(", "));
}

// The audit log's actor for this command: "command line" and the operating system account
// that ran it.
QString commandActor()
{
    const passwd *entry = ::getpwuid(::geteuid());
    if (!entry || !entry->pw_name)
        return QStringLiteral("command line");
    return QStringLiteral("command line (%1)").arg(QString::fromLocal8Bit(entry->pw_name));
}

// Writes one audit log row about the account for each district in districts. A null district
// writes a row without one. before and after never contain the password.
Result<void> writeAuditRows(const QSqlDatabase &db, qint64 accountId, const QString &action,
                            const QList<QVariant> &districts, const QJsonObject &before,
                            const QJsonObject &after)
{
    const auto toText = [](const QJsonObject &object) {
        return object.isEmpty() ? QVariant()
                                : QVariant(QString::fromUtf8(
                                      QJsonDocument(object).toJson(QJsonDocument::Compact)));
    };
    const QString now = nowIsoUtc();
    for (const QVariant &district : districts) {
        auto written = execute(db,
                               QStringLiteral("INSERT INTO audit_log(district_id, logged_at, "
                                              "actor, action, entity, entity_id, before_json, "
                                              "after_json) VALUES (?, ?, ?, ?, 'user', ?, ?, ?)"),
                               {district, now, commandActor(), action, accountId,
                                toText(before), toText(after)});
        if (!written)
            return failure(written.error());
    }
    return {};
}

// Records a change of an account in the audit log, once for each district the account belongs
// to, so that each district's administrators see it, or once without a district for a
// statewide account. before and after never contain the password.
Result<void> writeAudit(const QSqlDatabase &db, const QString &name, const QString &action,
                        const QJsonObject &before, const QJsonObject &after)
{
    auto account = findAccount(db, name);
    if (!account)
        return failure(account.error());
    if (!*account)
        return failure(QStringLiteral("no user is named \"%1\".").arg(name));
    QList<QVariant> districts;
    if ((*account)->statewide) {
        districts.append(QVariant());
    } else {
        auto memberships = membershipsOf(db, **account);
        if (!memberships)
            return failure(memberships.error());
        for (const Membership &membership : std::as_const(*memberships))
            districts.append(membership.districtId);
    }
    return writeAuditRows(db, (*account)->id, action, districts, before, after);
}

int addUser(const QCommandLineParser &parser, const QString &name, const StoreLocation &location,
            QTextStream &err)
{
    const bool statewide = parser.isSet(QStringLiteral("statewide"));
    const QString roleText = parser.value(QStringLiteral("role"));
    const QString districtText = parser.value(QStringLiteral("district"));
    if (statewide == !districtText.isEmpty()) {
        err << "hubd user add: give either --district ID or --statewide.\n";
        return 2;
    }
    NewAccount account;
    account.name = name;
    account.displayName = parser.value(QStringLiteral("display-name"));
    account.statewide = statewide;
    if (statewide) {
        if (!roleText.isEmpty() && roleText != QLatin1String("administrator")) {
            err << "hubd user add: a statewide account is an administrator; drop --role or use "
                   "--role administrator.\n";
            return 2;
        }
    } else {
        const std::optional<Role> role = roleFromName(roleText);
        if (!role) {
            err << "hubd user add: --role must be viewer, operator or administrator.\n";
            return 2;
        }
        bool ok = false;
        account.districtId = districtText.toLongLong(&ok);
        if (!ok || account.districtId <= 0) {
            err << "hubd user add: --district must be a positive district id.\n";
            return 2;
        }
        account.role = *role;
    }
    if (const QString problem = accountNameProblem(name); !problem.isEmpty()) {
        err << "hubd user add: " << problem << "\n";
        return 2;
    }

    auto store = openStore(location);
    if (!store) {
        err << "hubd user add: " << store.error() << "\n";
        return 1;
    }
    const QSqlDatabase db = (*store)->connection();
    auto existing = findAccount(db, name);
    if (!existing) {
        err << "hubd user add: " << existing.error() << "\n";
        return 1;
    }
    if (*existing) {
        err << "hubd user add: a user named \"" << name << "\" already exists; give it a role in "
            << "another district with hubd user grant " << name << " --district ID --role ROLE.\n";
        return 1;
    }
    if (!statewide) {
        auto exists = selectValue(db, QStringLiteral("SELECT id FROM districts WHERE id = ?"),
                                  {account.districtId});
        if (!exists || exists->isNull()) {
            err << "hubd user add: district " << account.districtId
                << " does not exist; districts: " << districtIds(db) << ".\n";
            return 1;
        }
    }
    auto password = readPassword(parser.value(QStringLiteral("password-file")));
    if (!password) {
        err << "hubd user add: " << password.error() << "\n";
        return 1;
    }
    account.password = *password;
    auto created = createAccount(db, account, QDateTime::currentDateTimeUtc());
    if (!created) {
        err << "hubd user add: " << created.error() << "\n";
        return 1;
    }
    QTextStream(stdout) << "Created user " << name << " (id " << *created << ").\n";
    const QJsonObject after{
        {QStringLiteral("id"), *created},
        {QStringLiteral("name"), name},
        {QStringLiteral("displayName"), account.displayName},
        {QStringLiteral("role"), statewide ? QStringLiteral("statewide") : roleText},
    };
    if (auto audited = writeAudit(db, name, QStringLiteral("create"), {}, after); !audited) {
        err << "hubd user add: the user was created, but the audit log entry was not written: "
            << audited.error() << "\n";
        return 1;
    }
    return 0;
}

int changePassword(const QCommandLineParser &parser, const QString &name, const StoreLocation &location,
                   QTextStream &err)
{
    auto store = openStore(location);
    if (!store) {
        err << "hubd user passwd: " << store.error() << "\n";
        return 1;
    }
    const QSqlDatabase db = (*store)->connection();
    auto account = findAccount(db, name);
    if (!account) {
        err << "hubd user passwd: " << account.error() << "\n";
        return 1;
    }
    if (!*account) {
        err << "hubd user passwd: no user is named \"" << name << "\".\n";
        return 1;
    }
    auto password = readPassword(parser.value(QStringLiteral("password-file")));
    if (!password) {
        err << "hubd user passwd: " << password.error() << "\n";
        return 1;
    }
    auto changed = setPassword(db, (*account)->id, *password, QDateTime::currentDateTimeUtc());
    if (!changed) {
        err << "hubd user passwd: " << changed.error() << "\n";
        return 1;
    }
    QTextStream(stdout) << "Changed the password of " << name
                        << "; its sessions are signed out and its lock is cleared.\n";
    const QJsonObject before{{QStringLiteral("id"), (*account)->id},
                             {QStringLiteral("name"), name}};
    QJsonObject after = before;
    after.insert(QStringLiteral("passwordChanged"), true);
    if (auto audited = writeAudit(db, name, QStringLiteral("update"), before, after); !audited) {
        err << "hubd user passwd: the password was changed, but the audit log entry was not "
               "written: "
            << audited.error() << "\n";
        return 1;
    }
    return 0;
}

int listUsers(const StoreLocation &location, QTextStream &err)
{
    auto store = openStore(location);
    if (!store) {
        err << "hubd user list: " << store.error() << "\n";
        return 1;
    }
    const QSqlDatabase db = (*store)->connection();
    auto accounts = listAccounts(db);
    if (!accounts) {
        err << "hubd user list: " << accounts.error() << "\n";
        return 1;
    }
    QTextStream out(stdout);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Account &account : std::as_const(*accounts)) {
        QStringList roles;
        if (account.statewide) {
            roles.append(QStringLiteral("statewide administrator"));
        } else {
            auto query = execute(db,
                                 QStringLiteral("SELECT district_id, role FROM account_memberships "
                                                "WHERE account_id = ? ORDER BY district_id"),
                                 {account.id});
            while (query && query->next())
                roles.append(QStringLiteral("%1 in district %2")
                                 .arg(query->value(1).toString(), query->value(0).toString()));
        }
        QStringList flags;
        if (account.disabled)
            flags.append(QStringLiteral("disabled"));
        if (account.lockedUntil.isValid() && account.lockedUntil > now)
            flags.append(QStringLiteral("locked until %1")
                             .arg(account.lockedUntil.toString(Qt::ISODate)));
        out << account.name << "\t" << account.displayName << "\t"
            << (roles.isEmpty() ? QStringLiteral("no district") : roles.join(QStringLiteral(", ")))
            << (flags.isEmpty() ? QString() : QLatin1Char('\t') + flags.join(QStringLiteral(", ")))
            << "\n";
    }
    return 0;
}

// The positive district id of --district, or 0 after printing a usage error.
qint64 districtOption(const QCommandLineParser &parser, const QString &command, QTextStream &err)
{
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("district")).toLongLong(&ok);
    if (!ok || id <= 0) {
        err << "hubd user " << command << ": --district must be a positive district id.\n";
        return 0;
    }
    return id;
}

// Gives (grant) or takes away (revoke) a user's role in one district. The change goes to that
// district's audit log as the admin API records it: "create" when the user joins the district,
// "update" when the role changes and "delete" when the user leaves it.
int changeMembership(const QCommandLineParser &parser, const QString &command,
                     const QString &name, const StoreLocation &location, QTextStream &err)
{
    const bool granting = command == QLatin1String("grant");
    const qint64 districtId = districtOption(parser, command, err);
    if (districtId == 0)
        return 2;
    std::optional<Role> role;
    if (granting) {
        role = roleFromName(parser.value(QStringLiteral("role")));
        if (!role) {
            err << "hubd user grant: --role must be viewer, operator or administrator.\n";
            return 2;
        }
    } else if (parser.isSet(QStringLiteral("role"))) {
        err << "hubd user revoke: --role does not apply; revoke takes away every role the user "
               "has in the district.\n";
        return 2;
    }

    auto store = openStore(location);
    if (!store) {
        err << "hubd user " << command << ": " << store.error() << "\n";
        return 1;
    }
    const QSqlDatabase db = (*store)->connection();
    auto account = findAccount(db, name);
    if (!account) {
        err << "hubd user " << command << ": " << account.error() << "\n";
        return 1;
    }
    if (!*account) {
        err << "hubd user " << command << ": no user is named \"" << name
            << "\"; create it with hubd user add.\n";
        return 1;
    }
    auto changed = granting ? grantRole(db, **account, districtId, *role)
                            : revokeRole(db, **account, districtId);
    if (!changed) {
        err << "hubd user " << command << ": " << changed.error() << "\n";
        return 1;
    }
    if (changed->rejection) {
        err << "hubd user " << command << ": " << changed->rejection->message;
        if (changed->rejection->reason == MembershipRejection::Reason::UnknownDistrict)
            err << " Districts: " << districtIds(db) << ".";
        err << "\n";
        return 1;
    }

    const QString previousRole = changed->previousRole;
    const QJsonObject identity{{QStringLiteral("id"), (*account)->id},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("displayName"), (*account)->displayName}};
    QJsonObject before;
    QJsonObject after;
    QString action;
    QTextStream out(stdout);
    if (granting) {
        if (!previousRole.isEmpty()) {
            before = identity;
            before.insert(QStringLiteral("role"), previousRole);
        }
        after = identity;
        after.insert(QStringLiteral("role"), roleName(*role));
        action = previousRole.isEmpty() ? QStringLiteral("create") : QStringLiteral("update");
        out << "User " << name << " is now " << roleName(*role) << " in district " << districtId;
        if (!previousRole.isEmpty())
            out << " (was " << previousRole << ")";
        out << ".\n";
    } else {
        before = identity;
        before.insert(QStringLiteral("role"), previousRole);
        action = QStringLiteral("delete");
        out << "User " << name << " no longer has a role in district " << districtId << " (was "
            << previousRole << ").\n";
    }
    if (auto audited = writeAuditRows(db, (*account)->id, action, {districtId}, before, after);
        !audited) {
        err << "hubd user " << command << ": the role was changed, but the audit log entry was "
               "not written: "
            << audited.error() << "\n";
        return 1;
    }
    return 0;
}

} // namespace

int runUserCommand(const QStringList &arguments, const QString &defaultDataDir)
{
    // The command prints its own result; the store's start-up lines would hide it.
    QLoggingCategory::setFilterRules(QStringLiteral("hub.*.info=false"));
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Usage:\n"
                       "  hubd user add NAME --role ROLE --district ID [options]\n"
                       "  hubd user add NAME --statewide [options]\n"
                       "  hubd user grant NAME --role ROLE --district ID [options]\n"
                       "  hubd user revoke NAME --district ID [options]\n"
                       "  hubd user passwd NAME [options]\n"
                       "  hubd user list [options]\n"
                       "Manages the accounts that sign in to the admin API. The password is "
                       "read from --password-file, or from standard input (prompted twice on "
                       "a terminal); it is never taken from the command line. grant gives an "
                       "existing user a role in one more district, or changes the role there; "
                       "revoke takes the district away again."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("add, grant, revoke, passwd or list."));
    parser.addOptions({
        {QStringLiteral("role"), QStringLiteral("viewer, operator or administrator."),
         QStringLiteral("role")},
        {QStringLiteral("district"), QStringLiteral("Id of the district the role applies to."),
         QStringLiteral("id")},
        {QStringLiteral("statewide"),
         QStringLiteral("Make a statewide administrator, who manages every district.")},
        {QStringLiteral("display-name"), QStringLiteral("Full name shown in hubdesk."),
         QStringLiteral("text")},
        {QStringLiteral("password-file"),
         QStringLiteral("Read the password from the first line of this file."),
         QStringLiteral("file")},
        {QStringLiteral("data-dir"), QStringLiteral("hubd's data folder. Default: %1.").arg(defaultDataDir),
         QStringLiteral("dir"), defaultDataDir},
        {QStringLiteral("database"),
         QStringLiteral("The engine's PostgreSQL store, postgresql://user@host:port/database, "
                        "without a password. Default: hub.sqlite in the data folder."),
         QStringLiteral("url")},
        {QStringLiteral("database-password-file"),
         QStringLiteral("Read the PostgreSQL password from the first line of this file; "
                        "without it, libpq reads PGPASSWORD or ~/.pgpass."),
         QStringLiteral("file")},
    });
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    auto location = storeLocation(parser);
    if (!location) {
        err << "hubd user: " << location.error() << "\n";
        return 2;
    }
    if (command == QLatin1String("list") && positional.size() == 1)
        return listUsers(*location, err);
    if (command == QLatin1String("add") && positional.size() == 2)
        return addUser(parser, positional.at(1), *location, err);
    if (command == QLatin1String("passwd") && positional.size() == 2)
        return changePassword(parser, positional.at(1), *location, err);
    if ((command == QLatin1String("grant") || command == QLatin1String("revoke"))
        && positional.size() == 2)
        return changeMembership(parser, command, positional.at(1), *location, err);
    err << "hubd user: expected \"add NAME\", \"grant NAME\", \"revoke NAME\", \"passwd NAME\" "
           "or \"list\"; see hubd user --help.\n";
    return 2;
}

} // namespace hub::accounts
