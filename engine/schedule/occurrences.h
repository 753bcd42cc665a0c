// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "schedule/schedule.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace hub::schedule {

// One time a schedule fires.
struct Occurrence
{
    // The instant, in UTC.
    QDateTime at;
    // True when a daylight-saving change moved the run off the wall-clock time the schedule
    // names for it. That is a start time inside a spring-forward gap, or the first repetition
    // (hourly or within the day) after a change, whose wall-clock step differs from the elapsed
    // step.
    bool shifted = false;
    // The reason the time is special, for the schedule form, or empty for an ordinary run. A
    // start time that occurs twice on a fall-back day gets a note but is not shifted.
    QString note;
};

// Computes the next `count` occurrences strictly after `after` (any time spec; compared as an
// instant) in the zone, in increasing order without duplicates. Returns fewer when the
// schedule ends. The active flag is ignored here because the scheduler decides what an
// inactive schedule does.
//
// Daylight-saving rules:
// - The day's first run is at startTime on the run date. A startTime that does not exist
//   (spring-forward gap) runs at the first valid instant after the gap, which is the
//   transition itself (02:30 on 2026-03-08 in America/Detroit runs at 03:00 EDT).
// - A startTime that occurs twice (fall-back overlap) runs once, at its first occurrence.
// - Repetitions within the day follow elapsed time from the day's first run: run k is at
//   first + k * everyMinutes for every k with k * everyMinutes <= durationMinutes, so a
//   duration is elapsed time and the end is included. They continue through a repeated hour.
// - Hourly schedules step in elapsed hours from the first run on the start date.
// - Monthly on a day that a month lacks (the 31st in April) skips that month. The next run gets
//   a note that names the skipped months. "last" is the month's last day.
QList<Occurrence> nextOccurrences(const Schedule &schedule, const QTimeZone &zone,
                                  const QDateTime &after, int count);

// Resolves a local wall-clock time on a date in the zone with the rules above: a time in a
// spring-forward gap becomes the transition instant, a time that occurs twice its first
// occurrence.
Occurrence resolveLocalTime(const QDate &date, const QTime &time, const QTimeZone &zone);

namespace detail {

// Resolves the start time of a run date as resolveLocalTime() does. When repeatsWithinDay is
// true, a start time that occurs twice gets a note about the start alone, because the
// repetitions of the day also run in the repeated hour.
Occurrence resolveStartTime(const QDate &date, const QTime &time, const QTimeZone &zone,
                            bool repeatsWithinDay);

} // namespace detail

} // namespace hub::schedule
