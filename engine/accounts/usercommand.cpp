// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "usercommand.h"

#include "accounts/accounts.h"
#include "accounts/passwords.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

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

Result<std::unique_ptr<Store>> openStore(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return failure(QStringLiteral("Cannot create the data folder %1.").arg(dataDir));
    auto store = std::make_unique<Store>(QDir(dataDir).filePath(QStringLiteral("hub.sqlite")));
    if (auto opened = store->open(); !opened)
        return failure(opened.error());
    return store;
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

int addUser(const QCommandLineParser &parser, const QString &name, const QString &dataDir,
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

    auto store = openStore(dataDir);
    if (!store) {
        err << "hubd user add: " << store.error() << "\n";
        return 1;
    }
    const QSqlDatabase db = (*store)->connection();
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
    return 0;
}

int changePassword(const QCommandLineParser &parser, const QString &name, const QString &dataDir,
                   QTextStream &err)
{
    auto store = openStore(dataDir);
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
    return 0;
}

int listUsers(const QString &dataDir, QTextStream &err)
{
    auto store = openStore(dataDir);
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
                       "  hubd user passwd NAME [options]\n"
                       "  hubd user list [options]\n"
                       "Manages the accounts that sign in to the admin API. The password is "
                       "read from --password-file, or from standard input (prompted twice on "
                       "a terminal); it is never taken from the command line."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("add, passwd or list."));
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
    });
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    const QString dataDir = QDir(parser.value(QStringLiteral("data-dir"))).absolutePath();
    if (command == QLatin1String("list") && positional.size() == 1)
        return listUsers(dataDir, err);
    if (command == QLatin1String("add") && positional.size() == 2)
        return addUser(parser, positional.at(1), dataDir, err);
    if (command == QLatin1String("passwd") && positional.size() == 2)
        return changePassword(parser, positional.at(1), dataDir, err);
    err << "hubd user: expected \"add NAME\", \"passwd NAME\" or \"list\"; see hubd user --help.\n";
    return 2;
}

} // namespace hub::accounts
