// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// hubd: the Hubdesk engine. Serves the admin API, runs integrations and stores the district's
// data. "hubd user" manages the accounts that sign in, "hubd generate-district" writes a
// synthetic district as a OneRoster bundle, and "hubd backup" and "hubd restore" copy the store
// out and back.

#include "accounts/usercommand.h"
#include "core/configfile.h"
#include "core/logging.h"
#include "demo/districtgenerator.h"
#include "engine.h"
#include "store/backup.h"
#include "store/store.h"
#include "store/storecopy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>
#include <QUrl>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    // write() is async-signal-safe; the event loop reads the byte and quits.
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[0], &byte, 1);
        qCInfo(lcHttp) << "Received a termination signal; stopping";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

// Reads the admin token from HUBD_ADMIN_TOKEN. Without it, a random token is written to
// admin-token in the data folder, readable by the owner only, and never printed.
hub::Result<QByteArray> adminToken(const QString &dataDir)
{
    const QByteArray fromEnvironment = qgetenv("HUBD_ADMIN_TOKEN");
    if (!fromEnvironment.isEmpty()) {
        if (fromEnvironment.size() < 16)
            return hub::failure(QStringLiteral("HUBD_ADMIN_TOKEN must have at least 16 characters."));
        return fromEnvironment;
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("admin-token"));
    QFile file(path);
    if (file.exists() && file.open(QIODevice::ReadOnly))
        return file.readAll().trimmed();
    QByteArray token(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(token.data()), token.size() / 4);
    token = token.toHex();
    QDir().mkpath(dataDir);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || file.write(token) != token.size())
        return hub::failure(QStringLiteral("Cannot write the admin token to %1: %2")
                                .arg(path, file.errorString()));
    qCInfo(lcHttp) << "HUBD_ADMIN_TOKEN is not set; wrote a new admin token to" << path;
    return token;
}

// A --database value must be a PostgreSQL URL without a password, because the command line is
// visible to every user of the machine.
hub::Result<void> checkDatabaseUrl(const QString &value)
{
    if (!hub::isPostgresUrl(value))
        return hub::failure(QStringLiteral("--database must be a URL postgresql://user@host:port/"
                                           "database; \"%1\" is not.")
                                .arg(value));
    const QUrl url(value);
    if (!url.password().isEmpty())
        return hub::failure(QStringLiteral("--database must not contain a password; use "
                                           "--database-password-file or PGPASSWORD."));
    if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
        return hub::failure(QStringLiteral("--database must name a host and a database, such as "
                                           "postgresql://hubd@127.0.0.1:5432/hubd."));
    return {};
}

// Reads the first line of a password file.
hub::Result<QString> readPasswordFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return hub::failure(QStringLiteral("Cannot read the database password file %1: %2")
                                .arg(path, file.errorString()));
    const QString password = QString::fromUtf8(file.readLine()).trimmed();
    if (password.isEmpty())
        return hub::failure(QStringLiteral("The database password file %1 is empty.").arg(path));
    return password;
}

int generateDistrict(const QStringList &arguments)
{
    // The help shows the generator's own defaults, so the two cannot drift apart.
    const hub::demo::DistrictOptions defaults;
    const auto withDefault = [](const QString &description, qint64 value) {
        return QStringLiteral("%1 Default: %2.").arg(description).arg(value);
    };
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Usage: hubd generate-district --out DIR [options]\n"
                       "Writes a synthetic school district as a OneRoster 1.1 CSV bundle."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Folder to write the bundle to. Required."),
                                 QStringLiteral("dir"));
    const QCommandLineOption schools(
        QStringLiteral("schools"),
        withDefault(QStringLiteral("Number of schools."), defaults.schools), QStringLiteral("n"),
        QString::number(defaults.schools));
    const QCommandLineOption students(
        QStringLiteral("students-per-school"),
        withDefault(QStringLiteral("Students in each school."), defaults.studentsPerSchool),
        QStringLiteral("n"), QString::number(defaults.studentsPerSchool));
    const QCommandLineOption teachers(
        QStringLiteral("teachers-per-school"),
        withDefault(QStringLiteral("Teachers in each school."), defaults.teachersPerSchool),
        QStringLiteral("n"), QString::number(defaults.teachersPerSchool));
    const QCommandLineOption year(
        QStringLiteral("school-year"),
        withDefault(QStringLiteral("Ending calendar year of the school year."),
                    defaults.schoolYear),
        QStringLiteral("year"), QString::number(defaults.schoolYear));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        withDefault(QStringLiteral("Random seed; the same seed gives the same files."),
                    defaults.seed),
        QStringLiteral("n"), QString::number(defaults.seed));
    const QCommandLineOption results(
        QStringLiteral("assessment-results"),
        QStringLiteral("CSV file to write i-Ready Diagnostic results to, with the columns "
                       "studentSourcedId, schoolYear, assessment, subject, testDate, "
                       "scaleScore and performanceLevel. Keep it outside --out: the results "
                       "are not a OneRoster file, so a bundle load warns about them. Default: "
                       "none."),
        QStringLiteral("file"));
    parser.addOptions({out, schools, students, teachers, year, seed, results});
    parser.process(arguments);

    if (!parser.isSet(out)) {
        QTextStream(stderr) << "hubd generate-district: --out is required.\n";
        return 2;
    }
    // Every number must parse as a whole; "abc" must not become 0 and then a confusing error.
    QStringList invalid;
    const auto number = [&](const QCommandLineOption &option) {
        bool ok = false;
        const uint value = parser.value(option).toUInt(&ok);
        if (!ok)
            invalid.append(QStringLiteral("--%1 \"%2\"").arg(option.names().constFirst(),
                                                             parser.value(option)));
        return value;
    };
    hub::demo::DistrictOptions options;
    options.schools = int(number(schools));
    options.studentsPerSchool = int(number(students));
    options.teachersPerSchool = int(number(teachers));
    options.schoolYear = int(number(year));
    options.seed = number(seed);
    if (!invalid.isEmpty()) {
        QTextStream(stderr) << "hubd generate-district: not a whole number: "
                            << invalid.join(QStringLiteral(", ")) << "\n";
        return 2;
    }
    if (options.schoolYear < 2000 || options.schoolYear > 2100) {
        QTextStream(stderr) << "hubd generate-district: --school-year must be from 2000 to 2100.\n";
        return 2;
    }
    hub::demo::DistrictGenerator generator(options);
    if (auto valid = generator.validate(); !valid) {
        QTextStream(stderr) << "hubd generate-district: " << valid.error() << "\n";
        return 2;
    }
    auto report = generator.writeBundle(parser.value(out), nullptr, parser.value(results));
    if (!report) {
        QTextStream(stderr) << "hubd generate-district: " << report.error() << "\n";
        return 1;
    }
    QTextStream output(stdout);
    for (const auto &file : report->files)
        output << file.fileName << ": " << file.rows << " rows\n";
    return 0;
}

// The keys of the configuration file that --config names; each one is also an option.
const QStringList kConfigKeys
    = {QStringLiteral("listen"),          QStringLiteral("data-dir"),
       QStringLiteral("time-zone"),       QStringLiteral("workers"),
       QStringLiteral("tls-cert"),        QStringLiteral("tls-key"),
       QStringLiteral("max-connections"), QStringLiteral("max-upload-mib"),
       QStringLiteral("request-threads"), QStringLiteral("oneroster-cache-mb")};

// The value of option: from the command line when given there, else from the configuration
// file, else the option's default.
QString optionValue(const QCommandLineParser &parser, const QCommandLineOption &option,
                    const hub::ConfigFile &config)
{
    const QString key = option.names().constFirst();
    if (!parser.isSet(option) && config.contains(key))
        return config.value(key);
    return parser.value(option);
}

// Where the value of option comes from, to start an error message: "--workers" for the command
// line and the default, "/etc/hubd/hubd.conf:4: workers" for a line of the configuration file.
QString optionSource(const QCommandLineParser &parser, const QCommandLineOption &option,
                     const hub::ConfigFile &config)
{
    const QString key = option.names().constFirst();
    if (!parser.isSet(option) && config.contains(key))
        return config.location(key) + QStringLiteral(": ") + key;
    return QStringLiteral("--") + key;
}

QCommandLineOption configOption()
{
    return QCommandLineOption(QStringLiteral("config"),
                              QStringLiteral("Read options from FILE, \"key = value\" lines with "
                                             "the keys %1; options on the command line win.")
                                  .arg(kConfigKeys.join(QStringLiteral(", "))),
                              QStringLiteral("file"));
}

// The data folder of a backup or restore: --data-dir, else data-dir in --config.
hub::Result<QString> commandDataDir(const QCommandLineParser &parser,
                                    const QCommandLineOption &dataDir,
                                    const QCommandLineOption &config)
{
    hub::ConfigFile values;
    if (parser.isSet(config)) {
        auto read = hub::readConfigFile(parser.value(config), kConfigKeys);
        if (!read)
            return hub::failure(read.error());
        values = *read;
    }
    const QString dir = optionValue(parser, dataDir, values);
    if (dir.isEmpty())
        return hub::failure(QStringLiteral("--data-dir or --config is required."));
    return QDir(dir).absolutePath();
}

int backupCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Usage: hubd backup --data-dir DIR --out FILE\n"
                       "Copies the store (DIR/hub.sqlite) to FILE, a new SQLite file readable by "
                       "its owner only. The copy is consistent while hubd runs. Keep a copy of "
                       "DIR/secret.key apart from it: destination secrets need that key."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data folder of the engine."),
                                     QStringLiteral("dir"));
    const QCommandLineOption config = configOption();
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("File to write; it must not exist yet."),
                                 QStringLiteral("file"));
    parser.addOptions({dataDir, config, out});
    parser.process(arguments);

    auto dir = commandDataDir(parser, dataDir, config);
    if (!dir || !parser.isSet(out)) {
        QTextStream(stderr) << "hubd backup: " << (dir ? QStringLiteral("--out is required.") : dir.error())
                            << "\n";
        return 2;
    }
    auto info = hub::backup::backupStore(QDir(*dir).filePath(QStringLiteral("hub.sqlite")),
                                         QDir(parser.value(out)).absolutePath());
    if (!info) {
        QTextStream(stderr) << "hubd backup: " << info.error() << "\n";
        return 1;
    }
    QTextStream(stdout) << "Wrote " << parser.value(out) << ": schema version "
                        << info->schemaVersion << ", " << info->bytes << " bytes\n";
    return 0;
}

int restoreCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Usage: hubd restore --data-dir DIR --from FILE\n"
                       "Replaces the store in DIR with a backup that \"hubd backup\" wrote. Stop "
                       "hubd first. The replaced store stays beside it as "
                       "hub.sqlite.replaced-TIME."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data folder of the engine."),
                                     QStringLiteral("dir"));
    const QCommandLineOption config = configOption();
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Backup file to restore."), QStringLiteral("file"));
    parser.addOptions({dataDir, config, from});
    parser.process(arguments);

    auto dir = commandDataDir(parser, dataDir, config);
    if (!dir || !parser.isSet(from)) {
        QTextStream(stderr) << "hubd restore: "
                            << (dir ? QStringLiteral("--from is required.") : dir.error()) << "\n";
        return 2;
    }
    auto replaced = hub::backup::restoreStore(parser.value(from), *dir,
                                              hub::backup::latestSchemaVersion());
    if (!replaced) {
        QTextStream(stderr) << "hubd restore: " << replaced.error() << "\n";
        return 1;
    }
    QTextStream output(stdout);
    output << "Restored " << parser.value(from) << " into " << *dir << "\n";
    if (!replaced->isEmpty())
        output << "The previous store is in " << *replaced << "\n";
    return 0;
}

// hubd migrate-store --from FILE --to URL: copies a SQLite store into an empty PostgreSQL
// database and checks every table by row count and checksum.
int migrateStore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Usage: hubd migrate-store --from FILE --to postgresql://user@host:port/db\n"
                       "Copies every table of a SQLite store (hub.sqlite, with no hubd running on "
                       "it) into an empty PostgreSQL database, then compares each table's row "
                       "count and checksum. Exits 0 only when every table matches. The SQLite "
                       "store is opened read-only and must be at this hubd's schema version."));
    parser.addHelpOption();
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("The SQLite store file."),
                                  QStringLiteral("file"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("The PostgreSQL URL, without a password."),
                                QStringLiteral("url"));
    const QCommandLineOption passwordFile(
        QStringLiteral("database-password-file"),
        QStringLiteral("File whose first line is the PostgreSQL password. Without it, libpq reads "
                       "PGPASSWORD or ~/.pgpass."),
        QStringLiteral("file"));
    parser.addOptions({from, to, passwordFile});
    parser.process(arguments);

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.isSet(from) || !parser.isSet(to)) {
        err << "hubd migrate-store: --from and --to are required.\n";
        return 2;
    }
    if (!QFileInfo(parser.value(from)).isFile()) {
        err << "hubd migrate-store: the SQLite store " << parser.value(from) << " does not exist.\n";
        return 2;
    }
    if (auto checked = checkDatabaseUrl(parser.value(to)); !checked) {
        err << "hubd migrate-store: " << checked.error() << "\n";
        return 2;
    }
    QString password;
    if (parser.isSet(passwordFile)) {
        auto read = readPasswordFile(parser.value(passwordFile));
        if (!read) {
            err << "hubd migrate-store: " << read.error() << "\n";
            return 2;
        }
        password = *read;
    }

    // The source may be the only copy of the district's data, so it is never written to.
    hub::Store source(parser.value(from));
    if (auto opened = source.openReadOnly(); !opened) {
        err << "hubd migrate-store: " << opened.error() << "\n";
        return 1;
    }
    hub::Store target(parser.value(to), password);
    if (auto opened = target.open(); !opened) {
        err << "hubd migrate-store: " << opened.error() << "\n";
        return 1;
    }
    auto copied = hub::copyStore(source, target);
    if (!copied) {
        err << "hubd migrate-store: " << copied.error() << "\n";
        return 1;
    }
    auto compared = hub::compareStores(source, target);
    if (!compared) {
        err << "hubd migrate-store: " << compared.error() << "\n";
        return 1;
    }
    int mismatches = 0;
    for (const hub::TableComparison &table : std::as_const(*compared)) {
        out << table.table << ": " << table.sourceRows << " rows, checksum " << table.sourceChecksum;
        if (table.matches()) {
            out << ", matches\n";
        } else {
            ++mismatches;
            out << "; target has " << table.targetRows << " rows, checksum " << table.targetChecksum
                << ", DIFFERS\n";
        }
    }
    if (mismatches > 0) {
        err << "hubd migrate-store: " << mismatches << " tables differ after the copy.\n";
        return 1;
    }
    out << "Copied " << compared->size() << " tables; every row count and checksum matches.\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Everything hubd creates contains student data or secrets: the store, uploads, the secret
    // key, backups and output folders. Only the service's own user may read them (files 0600,
    // folders 0700), whatever umask the process was started with.
    ::umask(S_IRWXG | S_IRWXO);

    // Timestamped log lines with level and category, unless QT_MESSAGE_PATTERN sets another pattern.
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral(
            "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
            "%{if-warning}warning%{endif}%{if-critical}critical%{endif}%{if-fatal}fatal%{endif} "
            "%{category}: %{message}"));

    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hubdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("hubd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBDESK_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    const QHash<QString, int (*)(const QStringList &)> subcommands = {
        {QStringLiteral("generate-district"), &generateDistrict},
        {QStringLiteral("backup"), &backupCommand},
        {QStringLiteral("restore"), &restoreCommand}};
    if (arguments.size() > 1 && subcommands.contains(arguments.at(1))) {
        QStringList rest = arguments;
        rest.removeAt(1);
        return subcommands.value(arguments.at(1))(rest);
    }
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("migrate-store")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        return migrateStore(rest);
    }
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("user")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        return hub::accounts::runUserCommand(rest, defaultDataDir());
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The Hubdesk engine: stores the district's data, runs its integrations and "
                       "serves the admin API under /api/v1.\n"
                       "The admin token (at least 16 characters) comes from the environment "
                       "variable HUBD_ADMIN_TOKEN; "
                       "without it hubd writes a random token to DIR/admin-token.\n"
                       "Subcommands: hubd user --help, hubd generate-district --help, "
                       "hubd backup --help, hubd restore --help, hubd migrate-store --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on; port 0 picks a "
                                                   "free port. Addresses outside 127.0.0.0/8 and "
                                                   "::1 need --tls-cert and --tls-key. Default "
                                                   "127.0.0.1:8470."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8470"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Folder for the store (hub.sqlite), uploads and "
                                                    "output files. Default: %1.")
                                         .arg(defaultDataDir()),
                                     QStringLiteral("dir"), defaultDataDir());
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Load the demo district into an empty store, with "
                                                 "demo outbound integrations to a folder."));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Number of runs executed at the same time "
                                                    "(default 2)."),
                                     QStringLiteral("n"), QStringLiteral("2"));
    const QString cores = QString::number(QThread::idealThreadCount());
    const QCommandLineOption requestThreads(
        QStringLiteral("request-threads"),
        QStringLiteral("Number of threads that serve OneRoster reads at the same time (default: "
                       "the number of cores, %1 here); 0 serves them on the thread that serves "
                       "every other request.")
            .arg(cores),
        QStringLiteral("n"), cores);
    const QCommandLineOption oneRosterCache(
        QStringLiteral("oneroster-cache-mb"),
        QStringLiteral("Memory in MiB for whole OneRoster responses that vendors read again "
                       "(default 256); 0 turns the cache off. A cached response is served only "
                       "while the store has had no commit since it was made. 256 MiB holds "
                       "every 100-record users and enrollments page of a district of about "
                       "75,000 students with six classes each, about 3.5 KB per student."),
        QStringLiteral("n"), QStringLiteral("256"));
    const QCommandLineOption overlapLoads(
        QStringLiteral("overlap-bundle-loads"),
        QStringLiteral("On SQLite, validate a OneRoster bundle on a second core while its load "
                       "stores the rows validated so far. Loads end sooner, but other writes "
                       "(uploads, approvals, settings) of every district wait for the whole run "
                       "instead of its load alone, and fail after a few seconds."));
    const QCommandLineOption timeZone(QStringLiteral("time-zone"),
                                      QStringLiteral("IANA time zone of a new district "
                                                     "(default America/Detroit)."),
                                      QStringLiteral("zone"), QStringLiteral("America/Detroit"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Log debug messages of every hub.* category."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate (then its chain) to serve "
                                                    "HTTPS with; needs --tls-key."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("Unencrypted PEM private key of --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("Maximum open HTTP connections; more are rejected (default 256)."),
        QStringLiteral("n"), QStringLiteral("256"));
    const QCommandLineOption maxUpload(QStringLiteral("max-upload-mib"),
                                       QStringLiteral("Largest file upload in MiB (default 512); "
                                                      "other requests take 1 MiB at most."),
                                       QStringLiteral("n"), QStringLiteral("512"));
    const QCommandLineOption config = configOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("The store: a PostgreSQL URL postgresql://user@host:port/database, without "
                       "a password. Default: DIR/hub.sqlite."),
        QStringLiteral("url"));
    const QCommandLineOption passwordFile(
        QStringLiteral("database-password-file"),
        QStringLiteral("File whose first line is the PostgreSQL password. Without it, libpq reads "
                       "PGPASSWORD or ~/.pgpass."),
        QStringLiteral("file"));
    const QCommandLineOption runLease(
        QStringLiteral("run-lease"),
        QStringLiteral("Seconds a worker's claim on a run lasts without renewal (default 60). A "
                       "run whose node died fails this long after its last renewal."),
        QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOptions({listen, dataDir, demo, workers, requestThreads, oneRosterCache,
                       overlapLoads, timeZone, verbose, tlsCert, tlsKey, maxConnections,
                       maxUpload, config, database, passwordFile, runLease});
    parser.process(app);

    if (parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("hub.*.debug=true"));

    hub::ConfigFile configValues;
    if (parser.isSet(config)) {
        auto read = hub::readConfigFile(parser.value(config), kConfigKeys);
        if (!read) {
            QTextStream(stderr) << "hubd: " << read.error() << "\n";
            return 2;
        }
        configValues = *read;
    }

    const QString listenValue = optionValue(parser, listen, configValues);
    const qsizetype colon = listenValue.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listenValue.mid(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress address(colon > 0 ? listenValue.left(colon) : QString());
    // A value from the configuration file is named by its file and line.
    const auto invalid = [&](const QCommandLineOption &option, const QString &problem) {
        QTextStream(stderr) << "hubd: " << optionSource(parser, option, configValues) << ' '
                            << problem << "\n";
        return 2;
    };
    if (colon <= 0 || !portOk || port > 65535 || address.isNull())
        return invalid(listen, QStringLiteral("must be HOST:PORT with an IP address, such as "
                                              "127.0.0.1:0; \"%1\" is not.")
                                   .arg(listenValue));
    bool workersOk = false;
    const int workerCount = optionValue(parser, workers, configValues).toInt(&workersOk);
    if (!workersOk || workerCount < 1 || workerCount > 64)
        return invalid(workers, QStringLiteral("must be a whole number from 1 to 64."));
    bool requestThreadsOk = false;
    const int requestThreadCount
        = optionValue(parser, requestThreads, configValues).toInt(&requestThreadsOk);
    if (!requestThreadsOk || requestThreadCount < 0 || requestThreadCount > 64)
        return invalid(requestThreads, QStringLiteral("must be a whole number from 0 to 64."));
    bool cacheOk = false;
    const qint64 cacheMib = optionValue(parser, oneRosterCache, configValues).toLongLong(&cacheOk);
    if (!cacheOk || cacheMib < 0 || cacheMib > 1048576)
        return invalid(oneRosterCache,
                       QStringLiteral("must be a whole number of MiB from 0 to 1048576."));

    bool connectionsOk = false;
    const int connectionLimit = optionValue(parser, maxConnections, configValues).toInt(&connectionsOk);
    if (!connectionsOk || connectionLimit < 1 || connectionLimit > 100000)
        return invalid(maxConnections, QStringLiteral("must be a whole number from 1 to 100000."));
    bool uploadOk = false;
    const qint64 uploadMib = optionValue(parser, maxUpload, configValues).toLongLong(&uploadOk);
    if (!uploadOk || uploadMib < 1 || uploadMib > 16384)
        return invalid(maxUpload, QStringLiteral("must be a whole number from 1 to 16384."));
    const QString zoneValue = optionValue(parser, timeZone, configValues);
    if (!QTimeZone::isTimeZoneIdAvailable(zoneValue.toUtf8()))
        return invalid(timeZone, QStringLiteral("\"%1\" is not a known time zone; use an IANA "
                                                "zone such as America/Detroit.")
                                     .arg(zoneValue));
    const QString dataDirValue = optionValue(parser, dataDir, configValues);
    if (dataDirValue.isEmpty())
        return invalid(dataDir, QStringLiteral("is empty; give the data folder."));
    const QString tlsCertFile = optionValue(parser, tlsCert, configValues);
    const QString tlsKeyFile = optionValue(parser, tlsKey, configValues);
    if (tlsCertFile.isEmpty() != tlsKeyFile.isEmpty())
        return invalid(tlsCertFile.isEmpty() ? tlsKey : tlsCert,
                       QStringLiteral("is set, but HTTPS needs both --tls-cert and --tls-key."));
    for (const auto &[option, file] : {std::pair(&tlsCert, tlsCertFile), std::pair(&tlsKey, tlsKeyFile)}) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable())
            return invalid(*option, QStringLiteral("names %1, which does not exist or which this "
                                                   "user may not read.")
                                        .arg(file));
    }
    // Plain HTTP would send the admin token and district records in clear text over the
    // network, so hubd serves it on loopback addresses only (127.0.0.0/8 and ::1). The check
    // runs before the engine starts, so a rejected address is never bound.
    if (!address.isLoopback() && tlsCertFile.isEmpty())
        return invalid(listen, QStringLiteral("is %1, which is not a loopback address, and hubd "
                                              "serves plain HTTP only on 127.0.0.0/8 and ::1. "
                                              "Give --tls-cert and --tls-key to serve HTTPS on "
                                              "%1, or listen on 127.0.0.1.")
                                   .arg(address.toString()));
    bool leaseOk = false;
    const int leaseSeconds = parser.value(runLease).toInt(&leaseOk);
    if (!leaseOk || leaseSeconds < 4 || leaseSeconds > 3600) {
        QTextStream(stderr) << "hubd: --run-lease must be a whole number of seconds from 4 to 3600.\n";
        return 2;
    }

    hub::EngineOptions options;
    options.httpLimits.maxConnections = connectionLimit;
    options.maxUploadBytes = uploadMib * 1024 * 1024;
    options.tlsCertificateFile = tlsCertFile;
    options.tlsKeyFile = tlsKeyFile;
    options.address = address;
    options.runLeaseSeconds = leaseSeconds;
    options.port = quint16(port);
    options.dataDir = QDir(dataDirValue).absolutePath();
    options.demo = parser.isSet(demo);
    options.workers = workerCount;
    options.requestThreads = requestThreadCount;
    options.oneRosterCacheBytes = cacheMib * 1024 * 1024;
    options.overlapBundleLoads = parser.isSet(overlapLoads);
    options.timeZone = zoneValue;
    if (parser.isSet(database)) {
        auto checked = checkDatabaseUrl(parser.value(database));
        if (!checked) {
            QTextStream(stderr) << "hubd: " << checked.error() << "\n";
            return 2;
        }
        options.database = parser.value(database);
    }
    if (parser.isSet(passwordFile)) {
        auto password = readPasswordFile(parser.value(passwordFile));
        if (!password) {
            QTextStream(stderr) << "hubd: " << password.error() << "\n";
            return 2;
        }
        options.databasePassword = *password;
    }

    auto token = adminToken(options.dataDir);
    if (!token) {
        QTextStream(stderr) << "hubd: " << token.error() << "\n";
        return 1;
    }
    options.adminToken = *token;

    installSignalHandlers(app);
    hub::Engine engine(options);
    auto started = engine.start();
    if (!started) {
        QTextStream(stderr) << "hubd: " << started.error() << "\n";
        return 1;
    }
    QTextStream(stdout) << "hubd listening on " << engine.baseUrl().toString() << Qt::endl;

    const int code = app.exec();
    engine.stop();
    qCInfo(lcHttp) << "hubd stopped";
    return code;
}
