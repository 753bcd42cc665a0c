// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// hub-export-bench: helpers for export-bench.sh that need the engine's code.
//
//   hub-export-bench load --data-dir DIR --bundle FOLDER [--database URL] [--sequential]
//       Creates DIR/hub.sqlite, or the store of a postgresql:// URL, with one district (unless
//       it exists) and loads a OneRoster bundle into it through the inbound loader, as an
//       inbound run would: on SQLite a second thread validates the files while the load
//       stores the rows validated so far, unless --sequential is given.
//   hub-export-bench sql --output KEY --district ID --school-year YEAR
//       Prints the SQL of an outbound report with its bindings written in, for sqlite3.
//   hub-export-bench export --data-dir DIR --output KEY --district ID --school-year YEAR
//       Times the export in this process: the bare cursor, then the CSV export to a file.

#include "core/timeutil.h"
#include "inbound/onerosterbundle.h"
#include "outbound/reportexport.h"
#include "outbound/reports.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTextStream>

#include <optional>

namespace {

hub::Result<qint64> ensureDistrict(const QSqlDatabase &db)
{
    auto existing = hub::selectValue(db, QStringLiteral("SELECT min(id) FROM districts"));
    if (!existing)
        return hub::failure(existing.error());
    if (!existing->isNull())
        return existing->toLongLong();
    auto inserted = hub::execute(db,
                                 QStringLiteral("INSERT INTO districts(name, created_at) VALUES "
                                                "('Benchmark District', ?)"),
                                 {hub::nowIsoUtc()});
    if (!inserted)
        return hub::failure(inserted.error());
    return inserted->lastInsertId().toLongLong();
}

int load(const QString &dataDir, const QString &bundlePath, const QString &database,
         bool sequential)
{
    QTextStream err(stderr);
    QDir().mkpath(dataDir);
    hub::Store store(database.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("hub.sqlite"))
                                        : database);
    // As in the engine, the write-ahead log is copied into the database file on a thread of its
    // own, so the load's commit returns before that copy. The copy still ends before the process
    // does, when the store closes.
    store.setBackgroundCheckpoints(true);
    if (auto opened = store.open(); !opened) {
        err << "Cannot open the store: " << opened.error() << "\n";
        return 1;
    }
    const QSqlDatabase db = store.connection();
    auto districtId = ensureDistrict(db);
    if (!districtId) {
        err << "Cannot create the district: " << districtId.error() << "\n";
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    auto bundle = hub::inbound::OneRosterBundle::open(
        bundlePath, QDir(dataDir).filePath(QStringLiteral("work")));
    if (!bundle) {
        err << "Cannot open the bundle: " << bundle.error() << "\n";
        return 1;
    }
    const auto reportErrors = [&](const QList<hub::inbound::Issue> &issues) {
        err << "The bundle has " << bundle->errorCount()
            << " errors; the first: " << (issues.isEmpty() ? QString() : issues.first().toString())
            << "\n";
        return 1;
    };
    std::optional<hub::inbound::PhaseCounts> loaded;
    if (sequential || !hub::inbound::OneRosterBundle::canOverlapLoad(db)) {
        const auto issues = bundle->validate(db, *districtId);
        if (bundle->errorCount() > 0)
            return reportErrors(issues);
        auto stored = bundle->load(db, *districtId);
        if (!stored) {
            err << "Cannot load the bundle: " << stored.error() << "\n";
            return 1;
        }
        loaded = *stored;
    } else {
        // The run executor's path on SQLite: validation runs beside the load.
        const auto outcome = bundle->validateAndLoad(
            db, *districtId, [] { return false; },
            [](const QList<hub::inbound::Retirement> &) { return true; });
        if (bundle->errorCount() > 0)
            return reportErrors(outcome.issues);
        if (!outcome.loaded) {
            err << "Cannot load the bundle: " << outcome.error << "\n";
            return 1;
        }
        loaded = *outcome.loaded;
    }
    QTextStream(stdout) << "Loaded " << loaded->rowsWritten << " rows into district " << *districtId
                        << " in " << timer.elapsed() << " ms\n";
    return 0;
}

int printSql(const QString &outputKey, qint64 districtId, int schoolYear)
{
    const auto report = hub::outbound::reportForOutput(outputKey);
    if (!report) {
        QTextStream(stderr) << "Unknown output " << outputKey << "\n";
        return 2;
    }
    QTextStream(stdout) << hub::outbound::reportSqlWithBindings(*report, districtId, schoolYear)
                        << ";\n";
    return 0;
}

int timeExport(const QString &dataDir, const QString &outputKey, qint64 districtId, int schoolYear)
{
    QTextStream out(stdout);
    const auto report = hub::outbound::reportForOutput(outputKey);
    hub::Store store(QDir(dataDir).filePath(QStringLiteral("hub.sqlite")));
    if (!report || !store.open()) {
        QTextStream(stderr) << "Unknown output or no store\n";
        return 2;
    }
    const QSqlDatabase db = store.connection();

    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(report->sql);
    for (const QVariant &value : report->bindings(districtId, schoolYear))
        query.addBindValue(value);
    query.exec();
    qint64 rows = 0;
    while (query.next()) {
        for (int i = 0; i < report->columns.size(); ++i)
            query.value(i);
        ++rows;
    }
    query.finish();
    out << "cursor with values: " << rows << " rows in " << timer.restart() << " ms\n";

    hub::outbound::ExportRequest request;
    request.report = *report;
    request.districtId = districtId;
    request.schoolYear = schoolYear;
    request.queryTimeoutSeconds = 3600;
    QFile file(QDir(dataDir).filePath(QStringLiteral("export-bench.csv")));
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    auto exported = hub::outbound::exportReport(db, request, &file);
    file.close();
    out << "exportReport: " << (exported ? exported->rows : -1) << " rows in " << timer.restart()
        << " ms\n";
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Helpers for tests/benchmarks/export-bench.sh: load a bundle, print SQL."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("load or sql"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("hubd's data folder."), QStringLiteral("dir"));
    const QCommandLineOption bundle(QStringLiteral("bundle"),
                                    QStringLiteral("OneRoster bundle folder to load."),
                                    QStringLiteral("folder"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("Output key, such as milearn-sections."),
                                    QStringLiteral("key"));
    const QCommandLineOption district(QStringLiteral("district"), QStringLiteral("District id."),
                                      QStringLiteral("id"), QStringLiteral("1"));
    const QCommandLineOption year(QStringLiteral("school-year"),
                                  QStringLiteral("Ending calendar year of the school year."),
                                  QStringLiteral("year"), QStringLiteral("2027"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("PostgreSQL URL of the store to load into "
                                                     "instead of DIR/hub.sqlite."),
                                      QStringLiteral("url"));
    const QCommandLineOption sequentialOption(
        QStringLiteral("sequential"),
        QStringLiteral("Validate the whole bundle before the load starts, as on PostgreSQL, "
                       "instead of validating each next file during the load."));
    parser.addOptions({dataDir, bundle, output, district, year, database, sequentialOption});
    parser.process(app);

    const QString command = parser.positionalArguments().value(0);
    if (command == QLatin1String("load") && parser.isSet(dataDir) && parser.isSet(bundle))
        return load(parser.value(dataDir), parser.value(bundle), parser.value(database),
                    parser.isSet(sequentialOption));
    if (command == QLatin1String("sql") && parser.isSet(output))
        return printSql(parser.value(output), parser.value(district).toLongLong(),
                        parser.value(year).toInt());
    if (command == QLatin1String("export") && parser.isSet(dataDir) && parser.isSet(output))
        return timeExport(parser.value(dataDir), parser.value(output),
                          parser.value(district).toLongLong(), parser.value(year).toInt());
    parser.showHelp(2);
}
