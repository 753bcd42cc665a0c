// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace hub {
class Store;
}

namespace hub::inbound {
class OneRosterBundle;
class OneRosterXml;
}

namespace hub::outbound {
struct ExportSummary;
}

namespace hub::runs {

class RowHashes;
class RunRecorder;
struct RunContext;
struct DestinationTarget;

// The share of a district's stored records of one kind, in percent, that an inbound load may
// mark tobedeleted before it is held for approval, when integrations.delete_limit_percent is
// NULL.
inline constexpr int kDefaultDeleteLimitPercent = 10;

// Carries out one claimed run on the calling thread: reads the integration, runs its phases and
// records their status, counts and log lines. Every failure ends the run with status 9 and a
// message; nothing escapes to the caller.
class RunExecutor
{
public:
    RunExecutor(const Store &store, QString dataDir);

    void execute(qint64 runId);
    // With overlap on, a OneRoster bundle on SQLite in WAL mode is validated on a second thread
    // while the run's thread stores the rows validated so far, in the one load transaction. The
    // run takes less time, but it holds the store's write lock from the first validated rows to
    // the commit instead of for the load alone. Off by default.
    void setOverlapBundleLoads(bool overlap) { m_overlapBundleLoads = overlap; }

private:
    void executeOutbound(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context);
    void executeFlatFile(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context);
    void executeInbound(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context);
    // A received OneRoster bundle, and what removes the run's work folder.
    struct InboundBundle
    {
        inbound::OneRosterBundle &bundle;
        const inbound::OneRosterXml *xml = nullptr;
        std::function<void()> removeWork;
    };
    // The Validate phase and what follows it, when the bundle is validated before its load.
    void validateThenLoad(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context,
                          const InboundBundle &received);
    // The same, when a second thread validates each next file while the calling thread loads.
    void validateWhileLoading(const QSqlDatabase &db, RunRecorder &recorder,
                              const RunContext &context, const InboundBundle &received);
    // Runs the integration's connector (a pull or a push) with its stored settings and keeps the
    // pull's watermark for the next delta pull.
    void executeApi(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context);
    // Logs replaced control characters and an empty report as warnings of the Format phase.
    void logFormatWarnings(RunRecorder &recorder, const RunContext &context,
                           const outbound::ExportSummary &summary);
    // Ends a run whose report has no rows without delivering anything: status 8 when the
    // integration skips empty reports, status 9 when it fails them. The run keeps no row count,
    // so the next run compares its rows with the last delivered file.
    void finishEmptyReport(RunRecorder &recorder, const RunContext &context);
    // Saves the run's row hashes, compares them with the previous successful run of the
    // integration, logs "+added / -removed" and a warning when rows fell by more than half,
    // and stores row count, digest and changes in the run.
    void recordChanges(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context,
                       RowHashes &hashes, const QString &digest);

    struct DeliveryOutcome
    {
        bool ok = false;
        qint64 bytes = 0;
        // A cancel request stopped the retries; the run ends as cancelled.
        bool cancelled = false;
    };
    // Delivers the spooled file to one destination with retries, logging each attempt, within
    // the phase that the caller started.
    DeliveryOutcome deliverTo(RunRecorder &recorder, const RunContext &context,
                              const DestinationTarget &target, const QString &spoolPath,
                              const QString &fileName);

    const Store &m_store;
    QString m_dataDir;
    bool m_overlapBundleLoads = false;
};

// The district's current school year: the active schoolYear session that contains today in the
// district's time zone, or else the year that July 1 rollover gives.
int currentSchoolYear(const QSqlDatabase &db, qint64 districtId, const QString &timeZone);

} // namespace hub::runs
