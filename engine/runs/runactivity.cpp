// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runactivity.h"

#include "core/timeutil.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <algorithm>

namespace hub::runs {

namespace {

bool succeeded(int status)
{
    return status == int(RunStatus::Succeeded) || status == int(RunStatus::SucceededWithWarnings);
}

} // namespace

std::optional<double> medianSuccessSeconds(const QList<FinishedRun> &runs)
{
    QList<qint64> durations;
    for (const FinishedRun &run : runs) {
        if (succeeded(run.status))
            durations.append(run.durationSeconds);
    }
    if (durations.size() < kMinRunsForMedian)
        return std::nullopt;
    std::sort(durations.begin(), durations.end());
    const qsizetype middle = durations.size() / 2;
    if (durations.size() % 2 == 1)
        return double(durations.at(middle));
    return (durations.at(middle - 1) + durations.at(middle)) / 2.0;
}

Activity summarizeActivity(const QList<FinishedRun> &runs, const QDate &from, const QDate &to,
                           const QTimeZone &zone)
{
    Activity activity;
    activity.from = from;
    activity.to = to;
    activity.runs = runs;
    activity.medianSeconds = medianSuccessSeconds(runs);
    if (activity.medianSeconds)
        activity.longThresholdSeconds = *activity.medianSeconds * kLongRunFactor;

    for (QDate day = from; day <= to; day = day.addDays(1))
        activity.days.append(ActivityDay{day});
    for (const FinishedRun &run : runs) {
        const qint64 offset = from.daysTo(run.startedAt.toTimeZone(zone).date());
        if (offset < 0 || offset >= activity.days.size())
            continue;
        ActivityDay &day = activity.days[offset];
        if (succeeded(run.status))
            ++day.succeeded;
        else if (run.status == int(RunStatus::Failed))
            ++day.failed;
        else
            ++day.cancelled;
    }
    return activity;
}

Result<QList<FinishedRun>> loadFinishedRuns(const QSqlDatabase &db, qint64 districtId,
                                            qint64 integrationId, const QDateTime &fromUtc,
                                            const QDateTime &toUtc)
{
    auto query = execute(db,
                         QStringLiteral("SELECT id, started_at, ended_at, status FROM runs "
                                        "WHERE integration_id = ? AND district_id = ? "
                                        "AND started_at >= ? AND started_at < ? "
                                        "AND ended_at IS NOT NULL AND status IN (?, ?, ?, ?) "
                                        "ORDER BY started_at, id"),
                         {integrationId, districtId, toIsoUtc(fromUtc), toIsoUtc(toUtc),
                          int(RunStatus::Succeeded), int(RunStatus::SucceededWithWarnings),
                          int(RunStatus::Cancelled), int(RunStatus::Failed)});
    if (!query)
        return failure(query.error());
    QList<FinishedRun> runs;
    while (query->next()) {
        const QDateTime start = fromIsoUtc(query->value(1).toString());
        const QDateTime end = fromIsoUtc(query->value(2).toString());
        // Whole seconds, as the runbook shows durations.
        runs.append(FinishedRun{query->value(0).toLongLong(), start,
                                qMax<qint64>(0, start.msecsTo(end) / 1000),
                                query->value(3).toInt()});
    }
    return runs;
}

} // namespace hub::runs
