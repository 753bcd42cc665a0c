// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QTime>

#include <optional>

namespace hub::schedule {

enum class ScheduleType { Once, Hourly, Daily, Weekly, Monthly };

// An integration's schedule as the admin API stores it in integrations.schedule. Times are
// local wall-clock times in the district's IANA zone, never UTC offsets.
struct Schedule
{
    ScheduleType type = ScheduleType::Daily;
    QDate startDate;
    QTime startTime;
    // Units of the type: hours, days, weeks or months. Ignored by "once".
    int repeatEvery = 1;
    // ISO days of the week, Monday = 1, sorted and without duplicates (weekly only).
    QList<int> daysOfWeek;
    // Day of the month from 1 to 31 (monthly only); months without that day are skipped.
    int dayOfMonth = 1;
    bool lastDayOfMonth = false;
    // Repeat every advancedEveryMinutes for advancedDurationMinutes of elapsed time after the
    // day's first run (daily, weekly, monthly and once).
    bool advancedEnabled = false;
    int advancedEveryMinutes = 0;
    int advancedDurationMinutes = 0;
    std::optional<QDate> endDate;
    bool active = true;
    // When true, runs missed while the engine was stopped are dropped instead of caught up.
    bool skipCatchUp = false;

    bool isDayBased() const { return type != ScheduleType::Hourly; }
};

// The range of start and end dates that a schedule accepts. The upper bound keeps every
// occurrence within four-digit years, which ISO 8601 text needs, even 50 runs that are 999
// months apart.
inline const QDate kEarliestScheduleDate{1970, 1, 1};
inline const QDate kLatestScheduleDate{2199, 12, 31};

// Checks a schedule object from a request and returns one message per invalid field, keyed
// "schedule.<field>" ("schedule" itself when the value is not an object). Null or absent is
// valid: the integration then has no schedule.
QJsonObject validateSchedule(const QJsonValue &value);

// Reads a schedule that validateSchedule() accepted.
Result<Schedule> parseSchedule(const QJsonObject &object);

} // namespace hub::schedule
