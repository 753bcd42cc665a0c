// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runexecutor.h"

#include "connectors/connector.h"
#include "core/logging.h"
#include "core/messagetext.h"
#include "core/secretbox.h"
#include "core/timeutil.h"
#include "destinations/destination.h"
#include "destinations/destinationsecrets.h"
#include "destinations/filenametemplate.h"
#include "inbound/filespec.h"
#include "inbound/flatfile.h"
#include "inbound/flatfilexml.h"
#include "inbound/onerosterbundle.h"
#include "inbound/onerosterxml.h"
#include "inbound/ziparchive.h"
#include "outbound/reportexport.h"
#include "outbound/reports.h"
#include "runs/rowhashes.h"
#include "runs/runfiles.h"
#include "runs/runqueue.h"
#include "runs/runrecorder.h"
#include "runs/validationreport.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlRecord>
#include <QTimeZone>

#include <optional>

namespace hub::runs {

struct RunContext
{
    qint64 runId = 0;
    qint64 districtId = 0;
    qint64 integrationId = 0;
    QString integrationType;
    QString productKey;
    QString outputKey;
    QString outputName;
    QString format;
    outbound::OutputOptions outputOptions;
    int queryTimeoutSeconds = 300;
    int schoolYear = 0;
    QString inputFile;
    QString timeZone;
    QDateTime startedAt;
    // 'held', 'approved' or empty; see runs.hold.
    QString hold;
    // The mass-change guard's reason stored when the run was held; see runs.hold_reason.
    QString holdReason;
    int deleteLimitPercent = kDefaultDeleteLimitPercent;
    // The key of the file specification the integration names; empty to detect it.
    QString fileSpec;
    // Handling of an outbound report with no rows: 'deliver', 'skip' or 'fail'.
    QString emptyReport = QStringLiteral("deliver");
};

struct DestinationTarget
{
    qint64 id = 0;
    int position = 0;
    bool active = true;
    QString name;
    QString kind;
    QJsonObject settings;
    QByteArray sealedSecrets;
};

namespace {

Result<RunContext> loadContext(const QSqlDatabase &db, qint64 runId)
{
    auto query
        = execute(db,
                  QStringLiteral(
                      "SELECT r.district_id, r.integration_id, i.integration_type, p.product_key, "
                      "o.output_key, o.name, i.format, i.query_timeout_seconds, "
                      "coalesce(r.school_year, i.school_year), r.input_file, d.time_zone, "
                      "r.started_at, i.output_options, r.hold, i.delete_limit_percent, i.file_spec, "
                      "r.hold_reason, i.empty_report "
                      "FROM runs r JOIN integrations i ON i.id = r.integration_id "
                      "JOIN products p ON p.id = i.product_id "
                      "LEFT JOIN product_outputs o ON o.id = i.output_id "
                      "JOIN districts d ON d.id = r.district_id WHERE r.id = ?"),
                  {runId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return failure(QStringLiteral("Run %1 or its integration no longer exists.").arg(runId));

    RunContext context;
    context.runId = runId;
    context.districtId = query->value(0).toLongLong();
    context.integrationId = query->value(1).toLongLong();
    context.integrationType = query->value(2).toString();
    context.productKey = query->value(3).toString();
    context.outputKey = query->value(4).toString();
    context.outputName = query->value(5).toString();
    context.format = query->value(6).toString();
    context.queryTimeoutSeconds = query->value(7).toInt();
    const QVariant schoolYear = query->value(8);
    context.inputFile = query->value(9).toString();
    context.timeZone = query->value(10).toString();
    context.startedAt = QDateTime::fromString(query->value(11).toString(), Qt::ISODate);
    if (!context.startedAt.isValid())
        context.startedAt = QDateTime::currentDateTimeUtc();
    context.outputOptions = outbound::OutputOptions::fromStoredJson(query->value(12).toByteArray());
    context.hold = query->value(13).toString();
    if (!query->value(14).isNull())
        context.deleteLimitPercent = query->value(14).toInt();
    context.fileSpec = query->value(15).toString();
    context.holdReason = query->value(16).toString();
    context.emptyReport = query->value(17).toString();
    query->finish();
    context.schoolYear = schoolYear.isNull()
                             ? currentSchoolYear(db, context.districtId, context.timeZone)
                             : schoolYear.toInt();
    return context;
}

Result<QList<DestinationTarget>> loadDestinations(const QSqlDatabase &db, qint64 integrationId)
{
    auto query = execute(db,
                         QStringLiteral("SELECT d.id, l.position, l.active, d.name, d.kind, "
                                        "d.settings, d.secrets FROM integration_destinations l "
                                        "JOIN destinations d ON d.id = l.destination_id "
                                        "WHERE l.integration_id = ? ORDER BY l.position"),
                         {integrationId});
    if (!query)
        return failure(query.error());
    QList<DestinationTarget> targets;
    while (query->next()) {
        targets.append(DestinationTarget{
            query->value(0).toLongLong(), query->value(1).toInt(), query->value(2).toBool(),
            query->value(3).toString(), query->value(4).toString(),
            QJsonDocument::fromJson(query->value(5).toByteArray()).object(),
            query->value(6).toByteArray()});
    }
    return targets;
}

// Returns the bundle's name for the records of a store table, such as "academic sessions" for
// academic_sessions and "roles" for user_roles.
QString recordKindName(const QString &table)
{
    if (table == QLatin1String("user_roles"))
        return QStringLiteral("roles");
    QString name = table;
    return name.replace(QLatin1Char('_'), QLatin1Char(' '));
}

// Says why a load must wait for approval: the share of some table's stored records that it
// would mark tobedeleted is above the limit. Empty when the load may go on.
QString massChangeReason(const QList<inbound::Retirement> &retirements, int limitPercent)
{
    QStringList over;
    for (const inbound::Retirement &retirement : retirements) {
        if (retirement.stored == 0 || retirement.retiring * 100 <= limitPercent * retirement.stored)
            continue;
        over.append(QStringLiteral("%1 %2 of %3")
                        .arg(recordKindName(retirement.table))
                        .arg(retirement.retiring)
                        .arg(retirement.stored));
    }
    if (over.isEmpty())
        return {};
    return QStringLiteral("Held for approval: the load would leave more than %1% of the "
                          "district's stored records marked to be deleted (tobedeleted): %2. "
                          "Check that the file is complete, then approve or reject the load.")
        .arg(limitPercent)
        .arg(over.join(QLatin1String(", ")));
}

// Returns "1 destination" or the count with "destinations".
QString destinationCount(qint64 count)
{
    return countOf(count, QStringLiteral("destination"), QStringLiteral("destinations"));
}

// Names the output after the report, the school year, the run's start in the district's time
// zone (as the runbook shows it) and the run id. The run id keeps the name unique when clocks
// are set back at the end of daylight saving time.
QString outputFileName(const RunContext &context, const QString &stem)
{
    const QTimeZone zone(context.timeZone.toUtf8());
    const QDateTime started = zone.isValid() ? context.startedAt.toTimeZone(zone)
                                             : context.startedAt.toUTC();
    const QString stamp = started.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString extension
        = context.format == QLatin1String("xml") ? QStringLiteral("xml") : QStringLiteral("csv");
    return QStringLiteral("%1_%2_%3_run%4.%5")
        .arg(stem)
        .arg(context.schoolYear)
        .arg(stamp)
        .arg(context.runId)
        .arg(extension);
}

} // namespace

// The name a user uploaded the file under. Uploads are stored under that name in a folder of
// their own; older uploads carry a "yyyyMMdd-HHmmss-zzz-" prefix, which is dropped.
QString uploadedName(const QString &inputFile)
{
    const QString name = QFileInfo(inputFile).fileName();
    static const QRegularExpression stamped(QStringLiteral("^\\d{8}-\\d{6}-\\d{3}-(.+)$"));
    const QRegularExpressionMatch match = stamped.match(name);
    return match.hasMatch() ? match.captured(1) : name;
}

// Deletes the uploaded file of an inbound run that loaded it, because the file may hold columns
// that the hub does not load, such as OneRoster 1.1 passwords. A run that did not load keeps
// its file for kUnloadedInputRetentionDays, so that it can be inspected and retried.
void removeLoadedInput(const QSqlDatabase &db, const QString &dataDir, const RunContext &context)
{
    auto status
        = selectValue(db, QStringLiteral("SELECT status FROM runs WHERE id = ?"), {context.runId});
    if (!status) {
        qCWarning(lcRuns) << "Cannot read the status of run" << context.runId << status.error();
        return;
    }
    const auto ended = RunStatus(status->toInt());
    if (ended != RunStatus::Succeeded && ended != RunStatus::SucceededWithWarnings)
        return;
    // Another queued or running run of the same file would still need it.
    auto pending = selectValue(
        db,
        QStringLiteral("SELECT count(*) FROM runs WHERE input_file = ? "
                       "AND id <> ? AND status IN (?, ?)"),
        {context.inputFile, context.runId, int(RunStatus::Queued), int(RunStatus::Running)});
    if (!pending) {
        qCWarning(lcRuns) << "Cannot check the other runs of the uploaded file of run"
                          << context.runId << pending.error();
        return;
    }
    if (pending->toLongLong() > 0)
        return;
    removeUploadedInput(dataDir, context.inputFile);
    qCInfo(lcRuns) << "Deleted the uploaded file of run" << context.runId << "after its load";
}

// Makes the run log, run message and validation report of an inbound run show no server path.
// The upload appears under the name it was uploaded with, and a file of the extracted bundle by
// its name inside the bundle. Any other path in the data folder reads "the engine's data folder".
void hideServerPaths(RunRecorder &recorder, const RunContext &context, const QString &dataDir,
                     const QString &workDir)
{
    const QString name = uploadedName(context.inputFile);
    // Only absolute paths are replaced: a relative data folder such as "data" would also match
    // words in messages.
    const auto absolute = [](const QString &path) {
        return QFileInfo(path).absoluteFilePath();
    };
    QList<std::pair<QString, QString>> paths{
        {absolute(context.inputFile), name},
        {absolute(dataDir), QStringLiteral("the engine's data folder")},
    };
    if (QDir::isAbsolutePath(context.inputFile))
        paths.append({context.inputFile, name});
    if (!workDir.isEmpty()) {
        paths.append({absolute(workDir) + QLatin1Char('/'), QString()});
        paths.append({absolute(workDir), QStringLiteral("the bundle")});
    }
    recorder.setShownPaths(paths);
}

// The issues as the run's report shows them, without server paths.
QList<inbound::Issue> shownIssues(QList<inbound::Issue> issues, const RunRecorder &recorder)
{
    for (inbound::Issue &issue : issues) {
        issue.file = recorder.shown(issue.file);
        issue.message = recorder.shown(issue.message);
    }
    return issues;
}

// Logs the first findings of a validation to the run log. When more are left out, the last line
// counts them, adding unlisted: the findings that the validation report counted but did not list.
void logFindings(RunRecorder &recorder, const QList<inbound::Issue> &issues, qint64 unlisted)
{
    constexpr qsizetype maxLoggedFindings = 500;
    const qsizetype logged = qMin(issues.size(), maxLoggedFindings);
    for (qsizetype i = 0; i < logged; ++i) {
        const bool isError = issues.at(i).severity == inbound::Issue::Severity::Error;
        recorder.log(isError ? LogLevel::Error : LogLevel::Warning, issues.at(i).toString());
    }
    if (logged == issues.size())
        return;

    // The report's closing "N more findings are not listed" entry is a count, not a finding.
    qint64 leftOut = unlisted;
    for (qsizetype i = logged; i < issues.size(); ++i) {
        if (issues.at(i).rule != QLatin1String("unlisted-findings"))
            ++leftOut;
    }
    recorder.log(LogLevel::Warning,
                 QStringLiteral("The run log shows the first %1 findings and leaves out %2. The "
                                "validation report lists the findings.")
                     .arg(logged)
                     .arg(countOf(leftOut, QStringLiteral("more finding"),
                                  QStringLiteral("more findings"))));
}

int currentSchoolYear(const QSqlDatabase &db, qint64 districtId, const QString &timeZone)
{
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(QByteArrayLiteral("America/Detroit"));
    const QString today
        = QDateTime::currentDateTime().toTimeZone(zone).date().toString(Qt::ISODate);
    auto year = selectValue(db,
                            QStringLiteral("SELECT school_year FROM academic_sessions "
                                           "WHERE district_id = ? AND type = 'schoolYear' "
                                           "AND status = 'active' AND start_date <= ? "
                                           "AND end_date >= ? ORDER BY start_date DESC LIMIT 1"),
                            {districtId, today, today});
    if (year && !year->isNull())
        return year->toInt();
    return schoolYearForDate(QDate::fromString(today, Qt::ISODate));
}

RunExecutor::RunExecutor(const Store &store, QString dataDir)
    : m_store(store)
    , m_dataDir(std::move(dataDir))
{}

void RunExecutor::execute(qint64 runId)
{
    const QSqlDatabase db = m_store.connection();
    RunRecorder recorder(db, runId);

    auto context = loadContext(db, runId);
    if (!context) {
        recorder.log(LogLevel::Error, context.error());
        recorder.finishRun(RunStatus::Failed, context.error());
        return;
    }

    if (context->integrationType == QLatin1String("outbound")) {
        executeOutbound(db, recorder, *context);
    } else if (context->integrationType == QLatin1String("inbound")) {
        executeInbound(db, recorder, *context);
        removeLoadedInput(db, m_dataDir, *context);
    } else if (context->integrationType == QLatin1String("api")) {
        executeApi(db, recorder, *context);
    } else {
        const QString message = QStringLiteral("Runs of %1 integrations are not supported yet.")
                                    .arg(context->integrationType);
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
    }
}

void RunExecutor::executeOutbound(const QSqlDatabase &db, RunRecorder &recorder,
                                  const RunContext &context)
{
    const auto report = outbound::reportForOutput(context.outputKey);
    if (!report) {
        const QString message
            = QStringLiteral("The output %1 has no report.").arg(context.outputKey);
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
        return;
    }

    const QString workDir
        = QDir(m_dataDir).filePath(QStringLiteral("work/run-%1").arg(context.runId));
    QDir().mkpath(workDir);
    const QString fileName = outputFileName(context, report->fileStem);
    const QString spoolPath = QDir(workDir).filePath(fileName);
    const QString hashPath = RowHashes::path(m_dataDir, context.integrationId, context.runId);
    // A run that does not succeed leaves no row hashes, so the next run compares with the last
    // successful one.
    const auto removeWork = [&] {
        QDir(workDir).removeRecursively();
        QFile::remove(hashPath);
    };
    // Ends the run with status 3 when a cancel was requested; nothing has been delivered yet to
    // the destinations that follow.
    const auto stopIfCancelled = [&](const QString &where) {
        if (!recorder.cancelRequested())
            return false;
        removeWork();
        const QString message = QStringLiteral("Cancelled by request %1.").arg(where);
        recorder.log(LogLevel::Info, message);
        recorder.finishRun(RunStatus::Cancelled, message);
        return true;
    };

    recorder.startPhase(QStringLiteral("Query"));
    recorder.log(LogLevel::Info,
                 QStringLiteral("Running %1 for school year %2 with a query timeout of %3 s.")
                     .arg(context.outputName)
                     .arg(context.schoolYear)
                     .arg(context.queryTimeoutSeconds));

    QFile spool(spoolPath);
    if (!spool.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString message
            = QStringLiteral("Cannot create %1: %2").arg(spoolPath, spool.errorString());
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
        return;
    }

    const outbound::ExportRequest request{
        *report,        context.districtId,    context.schoolYear,         context.outputName,
        context.format, context.outputOptions, context.queryTimeoutSeconds};
    RowHashes hashes;
    // TODO: a statement that computes long before its first row (a sort or an aggregate) checks
    // for a cancel only once rows flow. The query timeout still bounds it.
    constexpr qint64 cancelCheckRows = 5000;
    auto exported = outbound::exportReport(db, request, &spool, [&](quint64 rowHash, qint64 row) {
        hashes.add(rowHash);
        return row % cancelCheckRows != 0 || !recorder.cancelRequested();
    });
    const bool flushed = spool.flush();
    spool.close();
    PhaseCounts queryCounts;
    queryCounts.rowsRead = hashes.size();
    if (exported && exported->cancelled) {
        recorder.finishPhase(RunStatus::Cancelled, queryCounts);
        stopIfCancelled(QStringLiteral("after %1 of the query")
                            .arg(countOf(queryCounts.rowsRead, QStringLiteral("row"),
                                         QStringLiteral("rows"))));
        return;
    }
    if (exported && !flushed)
        exported
            = failure(QStringLiteral("Cannot write %1: %2").arg(spoolPath, spool.errorString()));
    if (!exported) {
        removeWork();
        recorder.log(LogLevel::Error, exported.error());
        recorder.finishPhase(RunStatus::Failed, queryCounts);
        recorder.finishRun(RunStatus::Failed, exported.error());
        return;
    }
    recorder.log(LogLevel::Info,
                 QStringLiteral("%1 read.").arg(countOf(queryCounts.rowsRead, QStringLiteral("row"),
                                                        QStringLiteral("rows"))));
    recorder.finishPhase(RunStatus::Succeeded, queryCounts);
    if (stopIfCancelled(QStringLiteral("before the Format phase")))
        return;
    if (exported->rows == 0 && context.emptyReport != QLatin1String("deliver")) {
        removeWork();
        finishEmptyReport(recorder, context);
        return;
    }

    recorder.startPhase(QStringLiteral("Format"));
    logFormatWarnings(recorder, context, *exported);
    const QString digest = QString::fromLatin1(exported->digest);
    PhaseCounts formatCounts{queryCounts.rowsRead, queryCounts.rowsRead, 0,
                             QFileInfo(spoolPath).size()};
    recorder.log(LogLevel::Info, QStringLiteral("Wrote %1 (%2 bytes, SHA-256 %3).")
                                     .arg(fileName)
                                     .arg(formatCounts.bytes)
                                     .arg(digest));
    recordChanges(db, recorder, context, hashes, digest);
    recorder.finishPhase(RunStatus::Succeeded, formatCounts);
    (void)hub::execute(db, QStringLiteral("UPDATE runs SET output_file = ? WHERE id = ?"),
                       {fileName, context.runId});

    auto destinations = loadDestinations(db, context.integrationId);
    if (!destinations) {
        recorder.log(LogLevel::Error, destinations.error());
        recorder.finishRun(RunStatus::Failed, destinations.error());
        removeWork();
        return;
    }
    int delivered = 0;
    QStringList failedNames;
    for (const DestinationTarget &target : std::as_const(*destinations)) {
        const QString label
            = QStringLiteral("Destination %1 (%2)").arg(target.position).arg(target.name);
        if (!target.active) {
            recorder.log(LogLevel::Info, QStringLiteral("%1 is Inactive; skipped.").arg(label));
            continue;
        }
        if (stopIfCancelled(QStringLiteral("before delivery to %1; %2 had the file")
                                .arg(target.name, destinationCount(delivered))))
            return;
        recorder.startPhase(QStringLiteral("Deliver to %1").arg(target.name));
        const DeliveryOutcome outcome = deliverTo(recorder, context, target, spoolPath, fileName);
        if (outcome.cancelled) {
            recorder.finishPhase(RunStatus::Cancelled);
            stopIfCancelled(QStringLiteral("during delivery to %1; %2 had the file")
                                .arg(target.name, destinationCount(delivered)));
            return;
        }
        if (!outcome.ok) {
            failedNames.append(target.name);
            recorder.finishPhase(RunStatus::Failed);
            continue;
        }
        ++delivered;
        recorder.finishPhase(RunStatus::Succeeded,
                             PhaseCounts{0, formatCounts.rowsWritten, 0, outcome.bytes});
    }
    if (auto kept = keepRunFile(m_dataDir, context.runId, spoolPath, fileName); !kept)
        recorder.log(LogLevel::Warning, kept.error());
    pruneRunFiles(db, m_dataDir, context.integrationId);
    QDir(workDir).removeRecursively();

    if (!failedNames.isEmpty()) {
        QFile::remove(hashPath);
        recorder.finishRun(RunStatus::Failed,
                           QStringLiteral("%1 of %2 active destinations failed: %3.")
                               .arg(failedNames.size())
                               .arg(failedNames.size() + delivered)
                               .arg(failedNames.join(QStringLiteral(", "))));
        return;
    }
    // This run is now the one that the next run compares with.
    RowHashes::removeOthers(m_dataDir, context.integrationId, context.runId);
    if (delivered == 0) {
        recorder.log(LogLevel::Warning,
                     QStringLiteral("No active destination; the file was not delivered."));
        recorder.finishRun(RunStatus::SucceededWithWarnings,
                           QStringLiteral("%1 written; no active destination.")
                               .arg(countOf(formatCounts.rowsWritten, QStringLiteral("row"),
                                            QStringLiteral("rows"))));
        return;
    }
    const RunStatus status
        = recorder.hasWarnings() ? RunStatus::SucceededWithWarnings : RunStatus::Succeeded;
    recorder.finishRun(status, QStringLiteral("%1 delivered to %2.")
                                   .arg(countOf(formatCounts.rowsWritten, QStringLiteral("row"),
                                                QStringLiteral("rows")),
                                        destinationCount(delivered)));
}

void RunExecutor::logFormatWarnings(RunRecorder &recorder, const RunContext &context,
                                    const outbound::ExportSummary &summary)
{
    if (summary.replacedCharacters > 0) {
        recorder.log(LogLevel::Warning,
                     QStringLiteral("%1 control characters were replaced with U+FFFD; the first "
                                    "was in column %2 of data row %3.")
                         .arg(summary.replacedCharacters)
                         .arg(summary.firstReplacementColumn)
                         .arg(summary.firstReplacementRow));
    }
    if (summary.rows == 0) {
        recorder.log(LogLevel::Warning,
                     QStringLiteral("The report has no rows for school year %1; an empty file "
                                    "was delivered.")
                         .arg(context.schoolYear));
    }
}

void RunExecutor::finishEmptyReport(RunRecorder &recorder, const RunContext &context)
{
    if (context.emptyReport == QLatin1String("fail")) {
        const QString message
            = QStringLiteral("The report has no rows for school year %1, so nothing was "
                             "delivered. Check that the school year has data, or change what "
                             "the integration does with an empty report.")
                  .arg(context.schoolYear);
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
        return;
    }
    recorder.log(LogLevel::Warning,
                 QStringLiteral("The report has no rows for school year %1. Nothing was "
                                "delivered, because the integration skips empty reports.")
                     .arg(context.schoolYear));
    recorder.finishRun(RunStatus::SucceededWithWarnings,
                       QStringLiteral("No rows for school year %1, so nothing was delivered.")
                           .arg(context.schoolYear));
}

void RunExecutor::recordChanges(const QSqlDatabase &db, RunRecorder &recorder,
                                const RunContext &context, RowHashes &hashes, const QString &digest)
{
    const QString path = RowHashes::path(m_dataDir, context.integrationId, context.runId);
    if (auto written = hashes.write(path); !written)
        recorder.log(LogLevel::Warning, QStringLiteral("The row hashes were not saved, so the next "
                                                       "run cannot count changed rows: %1")
                                            .arg(written.error()));

    QVariant previousId;
    QVariant added;
    QVariant removed;
    auto previous = hub::execute(db,
                                 QStringLiteral("SELECT id, row_count FROM runs WHERE "
                                                "integration_id = ? AND id < ? AND status IN "
                                                "(0, 8) AND row_count IS NOT NULL ORDER BY id "
                                                "DESC LIMIT 1"),
                                 {context.integrationId, context.runId});
    if (previous && previous->next()) {
        previousId = previous->value(0);
        const qint64 previousRows = previous->value(1).toLongLong();
        previous->finish();
        const QString previousPath
            = RowHashes::path(m_dataDir, context.integrationId, previousId.toLongLong());
        auto changes
            = QFileInfo::exists(previousPath)
                  ? hashes.compareWith(previousPath)
                  : Result<RowHashes::Changes>(failure(
                      QStringLiteral("run %1 kept no row hashes").arg(previousId.toLongLong())));
        if (changes) {
            added = changes->added;
            removed = changes->removed;
            recorder.log(LogLevel::Info, QStringLiteral("Rows compared with run %1: +%2 / -%3.")
                                             .arg(previousId.toLongLong())
                                             .arg(changes->added)
                                             .arg(changes->removed));
        } else {
            recorder.log(LogLevel::Info,
                         QStringLiteral("Rows added and removed since run %1 are not counted: %2.")
                             .arg(previousId.toLongLong())
                             .arg(changes.error()));
        }
        if (hashes.size() * 2 < previousRows) {
            recorder.log(LogLevel::Warning, QStringLiteral("Rows fell from %1 to %2 since run %3.")
                                                .arg(previousRows)
                                                .arg(hashes.size())
                                                .arg(previousId.toLongLong()));
        }
    } else if (!previous) {
        recorder.log(LogLevel::Warning, previous.error());
    } else {
        recorder.log(LogLevel::Info, QStringLiteral("No earlier successful run to compare rows "
                                                    "with."));
    }

    auto updated = hub::execute(db,
                                QStringLiteral("UPDATE runs SET row_count = ?, output_digest = ?, "
                                               "rows_added = ?, rows_removed = ?, "
                                               "previous_run_id = ? WHERE id = ?"),
                                {hashes.size(), digest.isEmpty() ? QVariant() : QVariant(digest),
                                 added, removed, previousId, context.runId});
    if (!updated)
        recorder.log(LogLevel::Warning, updated.error());
}

RunExecutor::DeliveryOutcome RunExecutor::deliverTo(RunRecorder &recorder,
                                                    const RunContext &context,
                                                    const DestinationTarget &target,
                                                    const QString &spoolPath,
                                                    const QString &fileName)
{
    const destinations::DeliveryIds ids{context.runId, target.id};
    const auto fail = [&](const QString &message) {
        recorder.log(LogLevel::Error, QStringLiteral("Destination %1 (%2): %3")
                                          .arg(target.position)
                                          .arg(target.name, message));
        qCWarning(lcDestinations).noquote() << QStringLiteral("Run %1 destination %2: %3")
                                                   .arg(context.runId)
                                                   .arg(target.id)
                                                   .arg(message);
        return DeliveryOutcome{};
    };

    destinations::TemplateValues values;
    values.output = fileName;
    values.schoolYear = context.schoolYear;
    values.startedAt = context.startedAt;
    values.timeZone = context.timeZone;
    values.runId = context.runId;
    values.integrationId = context.integrationId;
    auto remotePath = destinations::FileNameTemplate::expand(
        destinations::fileNameTemplate(target.settings), values);
    if (!remotePath)
        return fail(remotePath.error());

    QJsonObject secrets;
    if (!target.sealedSecrets.isEmpty()) {
        auto box = SecretBox::openOrCreate(m_dataDir);
        if (!box)
            return fail(box.error());
        auto opened = destinations::openSecrets(*box, target.sealedSecrets);
        if (!opened)
            return fail(opened.error());
        secrets = *opened;
    }
    auto destination = destinations::createDestination(target.kind, target.settings, secrets);
    if (!destination)
        return fail(destination.error());

    const destinations::RetryPolicy policy
        = destinations::RetryPolicy::fromSettings(target.settings);
    recorder.log(LogLevel::Info, QStringLiteral("Delivering %1 to %2 destination %3 as %4 (at most "
                                                "%5 attempts).")
                                     .arg(fileName, target.kind, target.name, *remotePath)
                                     .arg(policy.maxAttempts));
    qCInfo(lcDestinations).noquote() << QStringLiteral("Run %1 destination %2: delivery started")
                                            .arg(context.runId)
                                            .arg(target.id);
    const auto attemptLog = [&](bool isError, const QString &message) {
        recorder.log(isError ? LogLevel::Error : LogLevel::Warning, message);
        qCWarning(lcDestinations).noquote() << QStringLiteral("Run %1 destination %2: %3")
                                                   .arg(context.runId)
                                                   .arg(target.id)
                                                   .arg(message);
    };
    // A cancel request stops the retries before the next attempt; an attempt in flight runs to
    // its own time-out.
    bool cancelled = false;
    const destinations::Attempt outcome = destinations::runWithRetries(
        policy,
        [&](int attempt) {
            if (attempt > 1 && recorder.cancelRequested()) {
                cancelled = true;
                return destinations::Attempt::permanent(
                    QStringLiteral("Cancelled by request before attempt %1.").arg(attempt));
            }
            return (*destination)->deliver(spoolPath, *remotePath, ids);
        },
        attemptLog);
    if (cancelled) {
        recorder.log(LogLevel::Info, outcome.message);
        return DeliveryOutcome{false, 0, true};
    }
    if (!outcome.ok())
        return fail(outcome.message);

    if (!outcome.message.isEmpty())
        recorder.log(LogLevel::Info, outcome.message);
    recorder.setPhaseTarget(outcome.remoteName);
    recorder.log(LogLevel::Info, QStringLiteral("Wrote %1 (%2 bytes) to %3.")
                                     .arg(outcome.remoteName)
                                     .arg(outcome.bytes)
                                     .arg(target.name));
    qCInfo(lcDestinations).noquote() << QStringLiteral("Run %1 destination %2: wrote %3 (%4 bytes)")
                                            .arg(context.runId)
                                            .arg(target.id)
                                            .arg(outcome.remoteName)
                                            .arg(outcome.bytes);
    return DeliveryOutcome{true, outcome.bytes};
}

// The specifications an inbound integration may read its files with: the one it names, or else
// the district's and the built-in specifications of its product.
static Result<QList<inbound::FileSpec>> candidateSpecs(const QSqlDatabase &db,
                                                       const RunContext &context)
{
    auto stored = execute(db,
                          QStringLiteral("SELECT definition FROM file_specs WHERE district_id = ? "
                                         "ORDER BY id"),
                          {context.districtId});
    if (!stored)
        return failure(stored.error());
    QList<inbound::FileSpec> all;
    while (stored->next()) {
        auto spec = inbound::FileSpec::fromJson(
            QJsonDocument::fromJson(stored->value(0).toByteArray()).object());
        if (spec)
            all.append(*spec);
    }
    all += inbound::builtInFileSpecs();

    QList<inbound::FileSpec> candidates;
    for (const inbound::FileSpec &spec : std::as_const(all)) {
        if (!context.fileSpec.isEmpty() && spec.key == context.fileSpec)
            return QList<inbound::FileSpec>{spec};
        if (context.fileSpec.isEmpty() && spec.product == context.productKey)
            candidates.append(spec);
    }
    if (!context.fileSpec.isEmpty())
        return failure(QStringLiteral("The file specification %1 of this integration was not "
                                      "found. Choose another in the integration.")
                           .arg(context.fileSpec));
    return candidates;
}

// Logs the records of a converted XML file and returns true, or fails the run with the
// converter's findings as the validation report and returns false. The last finding is the
// Error that stopped the conversion.
template<typename XmlConverter>
static bool acceptConvertedXml(const QSqlDatabase &db, RunRecorder &recorder, qint64 runId,
                               const XmlConverter &xml)
{
    if (xml.ok()) {
        recorder.log(LogLevel::Info,
                     QStringLiteral("Read %1 records from the XML file.").arg(xml.recordCount()));
        return true;
    }
    const QList<inbound::Issue> issues = shownIssues(xml.warnings() + xml.errors(), recorder);
    if (auto stored = storeValidationIssues(db, runId, issues); !stored)
        recorder.log(
            LogLevel::Warning,
            QStringLiteral("The validation report could not be stored: %1").arg(stored.error()));
    const QString message = issues.constLast().toString();
    recorder.log(LogLevel::Error, message);
    recorder.finishRun(RunStatus::Failed, message);
    return false;
}

void RunExecutor::executeFlatFile(const QSqlDatabase &db, RunRecorder &recorder,
                                  const RunContext &context)
{
    const auto toCounts = [](const inbound::PhaseCounts &counts) {
        return PhaseCounts{counts.rowsRead, counts.rowsWritten, counts.rowsRejected, counts.bytes};
    };
    const QString workDir
        = QDir(m_dataDir).filePath(QStringLiteral("work/run-%1").arg(context.runId));
    const auto removeWork = [&] {
        QDir(workDir).removeRecursively();
    };
    hideServerPaths(recorder, context, m_dataDir, workDir);
    const auto fail = [&](const QString &message) {
        removeWork();
        inbound::Issue issue;
        issue.rule = QStringLiteral("receive");
        issue.file = uploadedName(context.inputFile);
        issue.message = message;
        if (auto stored = storeValidationIssues(db, context.runId, shownIssues({issue}, recorder));
            !stored)
            recorder.log(LogLevel::Warning,
                         QStringLiteral("The validation report could not be stored: %1")
                             .arg(stored.error()));
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
    };

    recorder.startPhase(QStringLiteral("Receive"));
    recorder.log(LogLevel::Info,
                 QStringLiteral("Reading %1.").arg(uploadedName(context.inputFile)));
    if (inbound::looksLikeZip(context.inputFile))
        return fail(QStringLiteral("%1 is a zip file, but this integration takes one CSV or XML "
                                   "file. Extract the file from the zip and upload it.")
                        .arg(uploadedName(context.inputFile)));
    auto candidates = candidateSpecs(db, context);
    if (!candidates)
        return fail(candidates.error());

    // An XML file becomes a CSV file first, so it is validated and loaded as CSV is.
    std::optional<inbound::FlatFileXml> xml;
    if (inbound::looksLikeXml(context.inputFile)) {
        xml = inbound::FlatFileXml::convert(context.inputFile,
                                            QDir(workDir).filePath(QStringLiteral("records.csv")),
                                            uploadedName(context.inputFile));
        if (!acceptConvertedXml(db, recorder, context.runId, *xml)) {
            removeWork();
            return;
        }
    }
    auto spec
        = inbound::FlatFile::detectSpec(xml ? xml->csvPath() : context.inputFile, *candidates);
    if (!spec)
        return fail(spec.error());
    recorder.log(
        LogLevel::Info,
        QStringLiteral("Read with the file specification %1 (%2).").arg(spec->name, spec->key));
    recorder.finishPhase(RunStatus::Succeeded,
                         PhaseCounts{1, 0, 0, QFileInfo(context.inputFile).size()});

    recorder.startPhase(QStringLiteral("Validate"));
    inbound::FlatFile file
        = xml ? inbound::FlatFile(*xml, *spec) : inbound::FlatFile(context.inputFile, *spec);
    QList<inbound::Issue> found = file.validate(db, context.districtId);
    removeWork();
    if (xml)
        found = xml->warnings() + found;
    const QList<inbound::Issue> issues = shownIssues(found, recorder);
    if (auto stored = storeValidationIssues(db, context.runId, issues); !stored)
        recorder.log(
            LogLevel::Warning,
            QStringLiteral("The validation report could not be stored: %1").arg(stored.error()));
    logFindings(recorder, issues, file.unlistedCount());
    if (file.errorCount() > 0) {
        recorder.finishPhase(RunStatus::Failed, toCounts(file.validateCounts()));
        recorder.finishRun(RunStatus::Failed,
                           QStringLiteral("The file was rejected with %1; nothing was loaded. "
                                          "See the validation report.")
                               .arg(countOf(file.errorCount(), QStringLiteral("error"),
                                            QStringLiteral("errors"))));
        return;
    }
    recorder.finishPhase(RunStatus::Succeeded, toCounts(file.validateCounts()));

    // An export that lost its rows would otherwise end as a plain success.
    if (file.validateCounts().rowsRead == 0) {
        const QString message = QStringLiteral("The file has no data rows; nothing was loaded. "
                                               "Check that the export wrote its rows.");
        recorder.log(LogLevel::Warning, message);
        recorder.finishRun(RunStatus::SucceededWithWarnings, message);
        return;
    }

    if (recorder.cancelRequested()) {
        recorder.finishRun(RunStatus::Cancelled,
                           QStringLiteral("Cancelled by request before the Load phase; nothing "
                                          "was loaded."));
        return;
    }
    recorder.startPhase(QStringLiteral("Load"));
    auto loaded = file.load(db, context.districtId);
    if (!loaded) {
        recorder.log(LogLevel::Error, loaded.error());
        recorder.finishRun(RunStatus::Failed, loaded.error());
        return;
    }
    recorder.finishPhase(RunStatus::Succeeded, toCounts(*loaded));
    recorder.finishRun(
        recorder.hasWarnings() ? RunStatus::SucceededWithWarnings : RunStatus::Succeeded,
        QStringLiteral("%1 loaded into %2.")
            .arg(countOf(loaded->rowsWritten, QStringLiteral("row"), QStringLiteral("rows")),
                 spec->table));
}

void RunExecutor::executeInbound(const QSqlDatabase &db, RunRecorder &recorder,
                                 const RunContext &context)
{
    if (context.productKey != QLatin1String("oneroster-bundle") && !context.inputFile.isEmpty()) {
        executeFlatFile(db, recorder, context);
        return;
    }
    if (context.inputFile.isEmpty()) {
        const QString message = QStringLiteral("No file was uploaded for this run.");
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
        return;
    }

    const QString workDir
        = QDir(m_dataDir).filePath(QStringLiteral("work/run-%1").arg(context.runId));
    const auto removeWork = [&] {
        QDir(workDir).removeRecursively();
    };
    const auto toCounts = [](const inbound::PhaseCounts &counts) {
        return PhaseCounts{counts.rowsRead, counts.rowsWritten, counts.rowsRejected, counts.bytes};
    };

    hideServerPaths(recorder, context, m_dataDir, workDir);
    recorder.startPhase(QStringLiteral("Receive"));
    recorder.log(LogLevel::Info,
                 QStringLiteral("Reading %1.").arg(uploadedName(context.inputFile)));

    // An XML roster becomes a bundle folder first, so it is validated and loaded as CSV is.
    QString bundlePath = context.inputFile;
    std::optional<inbound::OneRosterXml> xml;
    if (inbound::looksLikeXml(context.inputFile)) {
        xml = inbound::OneRosterXml::convert(context.inputFile,
                                             QDir(workDir).filePath(QStringLiteral("xml")),
                                             uploadedName(context.inputFile));
        if (!acceptConvertedXml(db, recorder, context.runId, *xml)) {
            removeWork();
            return;
        }
        bundlePath = xml->folder();
    }
    auto bundle = inbound::OneRosterBundle::open(bundlePath, workDir);
    if (!bundle) {
        removeWork();
        // The report names the upload, so a rejected file always has at least one row.
        inbound::Issue issue;
        issue.rule = QStringLiteral("receive");
        issue.file = uploadedName(context.inputFile);
        issue.message = bundle.error();
        if (auto stored = storeValidationIssues(db, context.runId, shownIssues({issue}, recorder));
            !stored)
            recorder.log(LogLevel::Warning,
                         QStringLiteral("The validation report could not be stored: %1")
                             .arg(stored.error()));
        recorder.log(LogLevel::Error, bundle.error());
        recorder.finishRun(RunStatus::Failed, bundle.error());
        return;
    }
    recorder.log(LogLevel::Info, QStringLiteral("OneRoster %1 bundle.").arg(bundle->version()));
    // The Receive phase counts the uploaded file, not the CSV files an XML roster became.
    recorder.finishPhase(RunStatus::Succeeded,
                         xml ? PhaseCounts{1, 0, 0, QFileInfo(context.inputFile).size()}
                             : toCounts(bundle->receiveCounts()));

    if (recorder.cancelRequested()) {
        removeWork();
        recorder.finishRun(RunStatus::Cancelled,
                           QStringLiteral("Cancelled by request before the Validate phase."));
        return;
    }
    recorder.startPhase(QStringLiteral("Validate"));
    const InboundBundle received{*bundle, xml ? &*xml : nullptr, removeWork};
    if (m_overlapBundleLoads && inbound::OneRosterBundle::canOverlapLoad(db)) {
        validateWhileLoading(db, recorder, context, received);
        return;
    }
    // NOTE: PostgreSQL always validates the whole bundle before its load starts. Whether
    // overlapping validation with its COPY load pays was not measured.
    validateThenLoad(db, recorder, context, received);
}

namespace {

PhaseCounts toCounts(const inbound::PhaseCounts &counts)
{
    return PhaseCounts{counts.rowsRead, counts.rowsWritten, counts.rowsRejected, counts.bytes};
}

// The decision of the mass-change guard for a load.
struct MassChangeCheck
{
    // The reason the load waits for approval; empty when it may go on.
    QString reason;
    // A newer run of the integration that loaded while this one was held, or 0.
    qint64 newerRun = 0;
    bool approved = false;
    // Whether the run is held (again) for approval.
    bool hold = false;
};

// Applies the mass-change guard to the retirements of a load. The guard counts again when an
// approved load runs, because other loads may have changed the stored records since the run
// was held. An approval covers only the counts it was given: different counts above the limit
// hold the run again. Counts now within the limit let it load, as they would for a run that
// was never held.
Result<MassChangeCheck> checkMassChange(const QSqlDatabase &db, const RunContext &context,
                                        const QList<inbound::Retirement> &retirements)
{
    MassChangeCheck check;
    check.approved = context.hold == QLatin1String("approved");
    check.reason = massChangeReason(retirements, context.deleteLimitPercent);
    // A newer file of the same integration that loaded while this one waited makes this one
    // old data, and approving it would roll the store back. So it is held again with that
    // reason, and only an approval given after that loads it.
    if (check.approved) {
        auto newer = selectValue(db,
                                 QStringLiteral("SELECT max(id) FROM runs WHERE "
                                                "integration_id = ? AND id > ? AND status IN "
                                                "(?, ?)"),
                                 {context.integrationId, context.runId,
                                  int(RunStatus::Succeeded), int(RunStatus::SucceededWithWarnings)});
        if (!newer)
            return hub::failure(newer.error());
        check.newerRun = newer->isNull() ? 0 : newer->toLongLong();
        if (check.newerRun > 0)
            check.reason = QStringLiteral("Run %1 of this integration loaded a newer file after "
                                          "this load was held.%2")
                               .arg(check.newerRun)
                               .arg(check.reason.isEmpty() ? QString()
                                                           : QLatin1Char(' ') + check.reason);
    }
    check.hold = !check.reason.isEmpty() && (!check.approved || check.reason != context.holdReason);
    return check;
}

// Holds the run for approval with the guard's reason, in a queued Approval phase.
void holdForApproval(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context,
                     const MassChangeCheck &check)
{
    QString message = check.reason;
    if (check.approved && check.newerRun > 0)
        message = QStringLiteral("%1 Approving this load again loads its older file over the "
                                 "newer data; reject it unless that is intended.")
                      .arg(check.reason);
    else if (check.approved)
        message = QStringLiteral("The district's stored records changed after this load "
                                 "was approved, so it is held again with new counts. %1")
                      .arg(check.reason);
    recorder.startPhase(QStringLiteral("Approval"));
    recorder.log(LogLevel::Warning, message);
    recorder.holdPhase();
    if (auto held = queue::holdRun(db, context.runId, check.reason, message); !held) {
        recorder.log(LogLevel::Error, held.error());
        recorder.finishRun(RunStatus::Failed, held.error());
    }
}

// Stores the validation report of a bundle and logs its first findings.
void reportFindings(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context,
                    const inbound::OneRosterBundle &bundle, const inbound::OneRosterXml *xml,
                    const QList<inbound::Issue> &validated)
{
    const QList<inbound::Issue> issues
        = shownIssues(xml ? xml->warnings() + xml->mapIssues(validated) : validated, recorder);
    if (auto stored = storeValidationIssues(db, context.runId, issues); !stored)
        recorder.log(
            LogLevel::Warning,
            QStringLiteral("The validation report could not be stored: %1").arg(stored.error()));
    // The bundle lists a bounded number of findings, while errorCount() counts every error.
    logFindings(recorder, issues, bundle.unlistedCount());
}

// Ends the run as failed when validation found an Error. Returns whether it did.
bool rejectForErrors(RunRecorder &recorder, const inbound::OneRosterBundle &bundle,
                     const std::function<void()> &removeWork)
{
    const qint64 errors = bundle.errorCount();
    if (errors == 0)
        return false;
    removeWork();
    const QString message = QStringLiteral("The bundle was rejected with %1; nothing was "
                                           "loaded.")
                                .arg(countOf(errors, QStringLiteral("error"),
                                             QStringLiteral("errors")));
    recorder.finishPhase(RunStatus::Failed, toCounts(bundle.validateCounts()));
    recorder.finishRun(RunStatus::Failed, message);
    return true;
}

// A bundle whose every file is header-only is more likely a broken export than an empty
// district, and a bulk load of it would mark every stored record to be deleted.
void finishHeaderOnly(RunRecorder &recorder)
{
    const QString message = QStringLiteral("No file of the bundle has data rows; nothing "
                                           "was loaded. Check that the export wrote its "
                                           "rows.");
    recorder.log(LogLevel::Warning, message);
    recorder.finishRun(RunStatus::SucceededWithWarnings, message);
}

// Ends a run whose bundle was stored.
void finishLoaded(RunRecorder &recorder, const inbound::OneRosterBundle &bundle,
                  const inbound::PhaseCounts &loaded)
{
    const RunStatus status
        = recorder.hasWarnings() ? RunStatus::SucceededWithWarnings : RunStatus::Succeeded;
    // load() counts in rowsRead the rows it stored, which for OneRoster 1.0 and 1.1 includes
    // the user_roles rows derived from users.csv. The message names the bundle's own rows.
    const qint64 bundleRows = bundle.validateCounts().rowsWritten;
    const qint64 markedDeleted = loaded.rowsMarked;
    const QString rowsLoaded = countOf(bundleRows, QStringLiteral("row"), QStringLiteral("rows"));
    // Only bulk files mark the stored records that they do not list. Delta files leave those
    // records as they are, and count their own tobedeleted rows among the rows loaded. The one
    // exception: a OneRoster 1.1 user row lists all of the user's orgs, so a delta retires the
    // user's roles at the orgs that the row no longer lists.
    const QList<QString> modes = bundle.manifestModes().values();
    if (!modes.contains(QStringLiteral("bulk"))) {
        const QString retiredRoles
            = markedDeleted == 0
                  ? QString()
                  : QStringLiteral(" %1 of the listed users at orgs that their rows no longer "
                                   "list %2 marked tobedeleted.")
                        .arg(
                            countOf(markedDeleted, QStringLiteral("role"), QStringLiteral("roles")),
                            markedDeleted == 1 ? QStringLiteral("was") : QStringLiteral("were"));
        recorder.finishRun(status, QStringLiteral("%1 loaded from delta files; stored records "
                                                  "that the files do not list are unchanged.%2")
                                       .arg(rowsLoaded, retiredRoles));
        return;
    }
    recorder.finishRun(status,
                       QStringLiteral("%1 loaded; %2 missing from the bulk files %3 marked "
                                      "tobedeleted.")
                           .arg(rowsLoaded,
                                countOf(markedDeleted, QStringLiteral("stored row"),
                                        QStringLiteral("stored rows")),
                                markedDeleted == 1 ? QStringLiteral("was")
                                                   : QStringLiteral("were")));
}

} // namespace

void RunExecutor::validateThenLoad(const QSqlDatabase &db, RunRecorder &recorder,
                                   const RunContext &context, const InboundBundle &received)
{
    inbound::OneRosterBundle &bundle = received.bundle;
    const auto &removeWork = received.removeWork;
    // A cancel request stops validation between files and every few thousand rows, so a large
    // bundle ends as cancelled without reaching the approval hold or the Load phase.
    const QList<inbound::Issue> validated
        = bundle.validate(db, context.districtId, [&] { return recorder.cancelRequested(); });
    if (bundle.wasStopped() || recorder.cancelRequested()) {
        removeWork();
        recorder.finishPhase(RunStatus::Cancelled, toCounts(bundle.validateCounts()));
        recorder.finishRun(RunStatus::Cancelled,
                           QStringLiteral("Cancelled by request during the Validate phase; "
                                          "nothing was loaded."));
        return;
    }
    reportFindings(db, recorder, context, bundle, received.xml, validated);
    if (rejectForErrors(recorder, bundle, removeWork))
        return;
    recorder.finishPhase(RunStatus::Succeeded, toCounts(bundle.validateCounts()));

    if (bundle.validateCounts().rowsRead == 0) {
        removeWork();
        finishHeaderOnly(recorder);
        return;
    }

    if (recorder.cancelRequested()) {
        removeWork();
        recorder.finishRun(RunStatus::Cancelled,
                           QStringLiteral("Cancelled by request before the Load phase; nothing "
                                          "was loaded."));
        return;
    }

    auto retirements = bundle.retirements(db, context.districtId);
    auto check = retirements ? checkMassChange(db, context, *retirements)
                             : Result<MassChangeCheck>(hub::failure(retirements.error()));
    if (!check) {
        removeWork();
        recorder.log(LogLevel::Error, check.error());
        recorder.finishRun(RunStatus::Failed, check.error());
        return;
    }
    if (check->hold) {
        removeWork();
        holdForApproval(db, recorder, context, *check);
        return;
    }

    recorder.startPhase(QStringLiteral("Load"));
    auto loaded = bundle.load(db, context.districtId);
    removeWork();
    if (!loaded) {
        recorder.log(LogLevel::Error, loaded.error());
        recorder.finishRun(RunStatus::Failed, loaded.error());
        return;
    }
    recorder.finishPhase(RunStatus::Succeeded, toCounts(*loaded));
    finishLoaded(recorder, bundle, *loaded);
}

void RunExecutor::validateWhileLoading(const QSqlDatabase &db, RunRecorder &recorder,
                                       const RunContext &context, const InboundBundle &received)
{
    inbound::OneRosterBundle &bundle = received.bundle;
    const auto &removeWork = received.removeWork;
    bool headerOnly = false;
    bool cancelled = false;
    std::optional<Result<MassChangeCheck>> check;
    // Runs inside the load transaction, after every file was validated without an Error and
    // every row was written. A declined commit rolls the load back, and the checks below end
    // the run as the sequential path would have before its load.
    const auto decideCommit = [&](const QList<inbound::Retirement> &retirements) {
        if (bundle.validateCounts().rowsRead == 0) {
            headerOnly = true;
            return false;
        }
        if (recorder.cancelRequested()) {
            cancelled = true;
            return false;
        }
        check = checkMassChange(db, context, retirements);
        return *check && !(*check)->hold;
    };
    // The run's cancel request reaches the loading thread, which stops the validating thread.
    // The recorder shares the load's connection, so it writes nothing while the load
    // transaction is open. The Load phase row is written just before the transaction begins.
    bool loadPhaseStarted = false;
    const auto loadStarting = [&] {
        recorder.startOverlappingPhase(QStringLiteral("Load"));
        loadPhaseStarted = true;
    };
    const inbound::OverlappedLoad outcome = bundle.validateAndLoad(
        db, context.districtId, [&] { return recorder.cancelRequested(); }, decideCommit,
        loadStarting);

    // The phases overlap: Validate runs from its start until the last file was validated, and
    // Load from just before the load transaction began, once the first file was validated,
    // until the commit. A load that was rolled back before the outcome of validation and of
    // the mass-change guard allowed it leaves no Load phase, as in validateThenLoad().
    if (!outcome.validationFinished) {
        removeWork();
        if (outcome.loadFailed && loadPhaseStarted) {
            // A failed write stopped validation where it was. An Error found before it is what
            // the file must fix first. Without one, the Load phase carries the store's error, as
            // it does when validation had ended first.
            reportFindings(db, recorder, context, bundle, received.xml, outcome.issues);
            if (bundle.errorCount() > 0) {
                recorder.discardOverlappingPhase();
                recorder.log(LogLevel::Warning,
                             QStringLiteral("Validation stopped early because the load failed, "
                                            "so later rows were not checked: %1")
                                 .arg(outcome.error));
                rejectForErrors(recorder, bundle, [] {});
                return;
            }
            recorder.log(LogLevel::Info, QStringLiteral("Validation stopped because the load "
                                                        "failed; nothing was loaded."));
            recorder.finishPhase(RunStatus::Cancelled, toCounts(bundle.validateCounts()),
                                 outcome.validateEnded);
            recorder.log(LogLevel::Error, outcome.error);
            recorder.finishPhase(RunStatus::Failed, {}, outcome.loadEnded);
            recorder.finishRun(RunStatus::Failed, outcome.error);
            return;
        }
        recorder.discardOverlappingPhase();
        if (bundle.wasStopped()) {
            recorder.finishPhase(RunStatus::Cancelled, toCounts(bundle.validateCounts()));
            recorder.finishRun(RunStatus::Cancelled,
                               QStringLiteral("Cancelled by request during the Validate phase; "
                                              "nothing was loaded."));
            return;
        }
        recorder.log(LogLevel::Error, outcome.error);
        recorder.finishPhase(RunStatus::Failed, toCounts(bundle.validateCounts()));
        recorder.finishRun(RunStatus::Failed, outcome.error);
        return;
    }
    removeWork();
    reportFindings(db, recorder, context, bundle, received.xml, outcome.issues);
    const bool loadUndone = bundle.errorCount() > 0 || headerOnly
                            || (check && (!*check || (*check)->hold));
    if (loadUndone)
        recorder.discardOverlappingPhase();
    if (rejectForErrors(recorder, bundle, [] {}))
        return;
    // Makes the Load phase the running phase.
    recorder.finishPhase(RunStatus::Succeeded, toCounts(bundle.validateCounts()),
                         outcome.validateEnded);
    if (headerOnly) {
        finishHeaderOnly(recorder);
        return;
    }
    if (check && !*check) {
        recorder.log(LogLevel::Error, check->error());
        recorder.finishRun(RunStatus::Failed, check->error());
        return;
    }
    if (check && (*check)->hold) {
        holdForApproval(db, recorder, context, **check);
        return;
    }
    if (!loadPhaseStarted)
        recorder.startPhase(QStringLiteral("Load"));
    if (cancelled || bundle.wasStopped()) {
        recorder.finishPhase(RunStatus::Cancelled, {}, outcome.loadEnded);
        recorder.finishRun(RunStatus::Cancelled,
                           QStringLiteral("Cancelled by request during the Load phase; nothing "
                                          "was loaded."));
        return;
    }
    if (!outcome.loaded) {
        recorder.log(LogLevel::Error, outcome.error);
        recorder.finishPhase(RunStatus::Failed, {}, outcome.loadEnded);
        recorder.finishRun(RunStatus::Failed, outcome.error);
        return;
    }
    recorder.finishPhase(RunStatus::Succeeded, toCounts(*outcome.loaded), outcome.loadEnded);
    finishLoaded(recorder, bundle, *outcome.loaded);
}

void RunExecutor::executeApi(const QSqlDatabase &db, RunRecorder &recorder,
                             const RunContext &context)
{
    const auto fail = [&](const QString &message) {
        recorder.log(LogLevel::Error, message);
        recorder.finishRun(RunStatus::Failed, message);
        qCWarning(lcConnectors).noquote()
            << QStringLiteral("Run %1 of integration %2 failed: %3")
                   .arg(context.runId)
                   .arg(context.integrationId)
                   .arg(message);
    };
    const std::optional<connectors::ConnectorDescription> description
        = connectors::descriptionForProduct(context.productKey);
    if (!description)
        return fail(QStringLiteral("The product %1 has no connector description.")
                        .arg(context.productKey));

    auto stored = hub::execute(db,
                          QStringLiteral("SELECT connector_settings, connector_secrets FROM "
                                         "integrations WHERE id = ?"),
                          {context.integrationId});
    if (!stored || !stored->next())
        return fail(stored ? QStringLiteral("Integration %1 was not found.")
                                 .arg(context.integrationId)
                           : stored.error());
    const QJsonObject settings = QJsonDocument::fromJson(stored->value(0).toByteArray()).object();
    const QByteArray sealed = stored->value(1).toByteArray();
    stored->finish();
    QJsonObject secrets;
    if (!sealed.isEmpty()) {
        auto box = SecretBox::openOrCreate(m_dataDir);
        if (!box)
            return fail(box.error());
        auto opened = destinations::openSecrets(*box, sealed);
        if (!opened)
            return fail(opened.error());
        secrets = *opened;
    }
    const QJsonObject errors = connectors::validateSettings(*description, settings, secrets);
    if (!errors.isEmpty()) {
        QStringList fields;
        for (auto it = errors.begin(); it != errors.end(); ++it)
            fields.append(QStringLiteral("%1: %2").arg(it.key(), it.value().toString()));
        return fail(QStringLiteral("The connector settings are incomplete; complete them in the "
                                   "integration. %1")
                        .arg(fields.join(QLatin1Char(' '))));
    }
    auto connector = connectors::createConnector(
        *description, connectors::effectiveSettings(*description, settings, secrets));
    if (!connector)
        return fail(connector.error());

    auto watermark = selectValue(db,
                                 QStringLiteral("SELECT sync_watermark FROM runs WHERE "
                                                "integration_id = ? AND id < ? AND status IN "
                                                "(0, 8) AND sync_watermark IS NOT NULL ORDER BY "
                                                "id DESC LIMIT 1"),
                                 {context.integrationId, context.runId});
    const QString workDir
        = QDir(m_dataDir).filePath(QStringLiteral("work/run-%1").arg(context.runId));
    QDir(workDir).removeRecursively();
    QDir().mkpath(workDir);
    connectors::RunEnvironment environment;
    environment.db = db;
    environment.districtId = context.districtId;
    environment.integrationId = context.integrationId;
    environment.runId = context.runId;
    environment.schoolYear = context.schoolYear;
    environment.workDir = workDir;
    environment.recorder = &recorder;
    environment.lastWatermark = watermark && !watermark->isNull() ? watermark->toString()
                                                                  : QString();

    qCInfo(lcConnectors).noquote() << QStringLiteral("Run %1: %2 connector of integration %3 "
                                                     "started")
                                          .arg(context.runId)
                                          .arg(description->name)
                                          .arg(context.integrationId);
    auto outcome = (*connector)->run(environment);
    QDir(workDir).removeRecursively();
    if (!outcome) {
        // The connector logged the failure in its phase already.
        const bool cancelled = recorder.cancelRequested();
        recorder.finishRun(cancelled ? RunStatus::Cancelled : RunStatus::Failed, outcome.error());
        qCWarning(lcConnectors).noquote()
            << QStringLiteral("Run %1 of integration %2 %3: %4")
                   .arg(context.runId)
                   .arg(context.integrationId)
                   .arg(cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"))
                   .arg(outcome.error());
        return;
    }
    if (outcome->cancelled) {
        recorder.log(LogLevel::Info, outcome->message);
        recorder.finishRun(RunStatus::Cancelled, outcome->message);
        return;
    }
    if (!outcome->watermark.isEmpty())
        (void)hub::execute(db, QStringLiteral("UPDATE runs SET sync_watermark = ? WHERE id = ?"),
                           {outcome->watermark, context.runId});
    qCInfo(lcConnectors).noquote() << QStringLiteral("Run %1: %2").arg(context.runId).arg(outcome->message);
    recorder.finishRun(recorder.hasWarnings() ? RunStatus::SucceededWithWarnings
                                              : RunStatus::Succeeded,
                       outcome->message);
}

} // namespace hub::runs
