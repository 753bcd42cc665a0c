// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QTimeZone>

#include <optional>

namespace hub::runs {

// A run is unusually long when it takes more than this many times the median duration of the
// integration's successful runs.
constexpr double kLongRunFactor = 3.0;
// The median needs at least this many successful runs before any run counts as long.
constexpr int kMinRunsForMedian = 3;

// One run that has ended: succeeded, succeeded with warnings, cancelled or failed.
struct FinishedRun
{
    qint64 id = 0;
    QDateTime startedAt;
    qint64 durationSeconds = 0;
    int status = 0;
};

// The runs of one integration that ended on one day in the district's zone, by outcome.
struct ActivityDay
{
    QDate date;
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
};

// An integration's activity over a span of days: every finished run with its duration, the
// median of the successful runs' durations and the threshold above which a run is long, and
// the runs per day.
struct Activity
{
    QDate from;
    QDate to;
    QList<FinishedRun> runs;
    // Empty while fewer than kMinRunsForMedian runs succeeded.
    std::optional<double> medianSeconds;
    std::optional<double> longThresholdSeconds;
    // One entry per day from `from` through `to`, days without runs included.
    QList<ActivityDay> days;

    bool isLong(const FinishedRun &run) const
    {
        return longThresholdSeconds && double(run.durationSeconds) > *longThresholdSeconds;
    }
};

// The median of the durations of the runs that succeeded (status 0 or 8), or nothing when
// fewer than kMinRunsForMedian did.
std::optional<double> medianSuccessSeconds(const QList<FinishedRun> &runs);

// Summarizes runs that started from the start of `from` through the end of `to` in zone.
Activity summarizeActivity(const QList<FinishedRun> &runs, const QDate &from, const QDate &to,
                           const QTimeZone &zone);

// Reads the finished runs of an integration that started in [fromUtc, toUtc), oldest first.
Result<QList<FinishedRun>> loadFinishedRuns(const QSqlDatabase &db, qint64 districtId,
                                            qint64 integrationId, const QDateTime &fromUtc,
                                            const QDateTime &toUtc);

} // namespace hub::runs
