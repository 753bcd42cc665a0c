// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "occurrences.h"

#include <QLocale>

#include <algorithm>
#include <optional>

namespace hub::schedule {

namespace {

constexpr qint64 kSecondsPerDay = 24 * 60 * 60;
// Periods (weeks or months) searched for the next run date. A monthly schedule on the 29th
// every 24 months can need 48 periods to reach a leap-year February; 60 covers it, and a
// combination that never matches (the 31st every 12 months from April) stops here.
constexpr int kMaxPeriodsSearched = 60;
// Days before the local date of `after` whose runs may still lie after it: a day's
// repetitions last up to 1440 minutes, which can reach into the next day and, on a
// spring-forward day, an hour beyond.
constexpr int kLookBackDays = 2;

QString abbreviationAt(const QTimeZone &zone, const QDateTime &instant)
{
    return zone.abbreviation(instant);
}

QString transitionNote(const QTimeZone &zone, const QDateTime &previous, const QDateTime &current,
                       const QString &stepping)
{
    return QStringLiteral("Clocks changed from %1 to %2 before this run; %3.")
        .arg(abbreviationAt(zone, previous), abbreviationAt(zone, current), stepping);
}

int monthIndex(const QDate &date)
{
    return date.year() * 12 + date.month() - 1;
}

QDate firstOfMonthIndex(int index)
{
    return QDate(index / 12, index % 12 + 1, 1);
}

QDate mondayOf(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

qint64 ceilDiv(qint64 numerator, qint64 denominator)
{
    return numerator <= 0 ? 0 : (numerator + denominator - 1) / denominator;
}

// The first run date of a day-based schedule on or after `from`, or none.
std::optional<QDate> nextRunDate(const Schedule &schedule, QDate from)
{
    if (from < schedule.startDate)
        from = schedule.startDate;
    const int every = qMax(1, schedule.repeatEvery);

    switch (schedule.type) {
    case ScheduleType::Once:
        return from == schedule.startDate ? std::optional<QDate>(from) : std::nullopt;
    case ScheduleType::Hourly:
        return std::nullopt;
    case ScheduleType::Daily: {
        const qint64 steps = ceilDiv(schedule.startDate.daysTo(from), every);
        return schedule.startDate.addDays(steps * every);
    }
    case ScheduleType::Weekly: {
        // Weeks count from the Monday of the start date's week (ISO weeks).
        const QDate firstMonday = mondayOf(schedule.startDate);
        qint64 week = firstMonday.daysTo(mondayOf(from)) / 7;
        if (week % every != 0)
            week += every - week % every;
        for (int period = 0; period < kMaxPeriodsSearched; ++period, week += every) {
            const QDate monday = firstMonday.addDays(week * 7);
            for (int day : schedule.daysOfWeek) {
                const QDate candidate = monday.addDays(day - 1);
                if (candidate >= from)
                    return candidate;
            }
        }
        return std::nullopt;
    }
    case ScheduleType::Monthly: {
        const int firstMonth = monthIndex(schedule.startDate);
        int month = firstMonth + int(ceilDiv(monthIndex(from) - firstMonth, every)) * every;
        for (int period = 0; period < kMaxPeriodsSearched; ++period, month += every) {
            const QDate first = firstOfMonthIndex(month);
            if (!first.isValid())
                return std::nullopt;
            const int day = schedule.lastDayOfMonth ? first.daysInMonth() : schedule.dayOfMonth;
            if (day > first.daysInMonth())
                continue;
            const QDate candidate(first.year(), first.month(), day);
            if (candidate >= from)
                return candidate;
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

// A note on a monthly run date that comes after months of the schedule's cadence that lack its
// day of the month (the 31st after June), or an empty string.
QString skippedMonthsNote(const Schedule &schedule, const QDate &runDate)
{
    if (schedule.type != ScheduleType::Monthly || schedule.lastDayOfMonth)
        return {};
    const int every = qMax(1, schedule.repeatEvery);
    const int firstMonth = monthIndex(schedule.startDate);
    QStringList skipped;
    int month = monthIndex(runDate) - every;
    for (int period = 0; period < kMaxPeriodsSearched && month >= firstMonth;
         ++period, month -= every) {
        const QDate first = firstOfMonthIndex(month);
        if (!first.isValid() || first.daysInMonth() >= schedule.dayOfMonth)
            break;
        skipped.prepend(QLocale::c().toString(first, QStringLiteral("MMMM yyyy")));
    }
    if (skipped.isEmpty())
        return {};
    const QString months = skipped.size() == 1
                               ? skipped.first()
                               : skipped.mid(0, skipped.size() - 1).join(QStringLiteral(", "))
                                     + QStringLiteral(" and ") + skipped.last();
    const QString reason = skipped.size() == 1 ? QStringLiteral("it has no day %1")
                                               : QStringLiteral("those months have no day %1");
    return QStringLiteral("No run in %1 because %2. To run every month, choose the last day "
                          "(\"last\") instead.")
        .arg(months, reason.arg(schedule.dayOfMonth));
}

// The runs of one run date: the first at startTime, then the repetitions within the day.
QList<Occurrence> daySeries(const Schedule &schedule, const QDate &date, const QTimeZone &zone)
{
    const bool repeats = schedule.advancedEnabled && schedule.advancedEveryMinutes >= 1
                         && schedule.advancedDurationMinutes >= schedule.advancedEveryMinutes;
    QList<Occurrence> series{detail::resolveStartTime(date, schedule.startTime, zone, repeats)};
    if (!repeats)
        return series;

    const QDateTime first = series.first().at;
    const int every = schedule.advancedEveryMinutes;
    for (int minutes = every; minutes <= schedule.advancedDurationMinutes; minutes += every) {
        Occurrence occurrence;
        occurrence.at = first.addSecs(qint64(minutes) * 60);
        const QDateTime &previous = series.last().at;
        if (zone.offsetFromUtc(previous) != zone.offsetFromUtc(occurrence.at)) {
            occurrence.shifted = true;
            occurrence.note = transitionNote(zone, previous, occurrence.at,
                                             QStringLiteral("repetitions follow elapsed time"));
        }
        series.append(occurrence);
    }
    return series;
}

QList<Occurrence> nextDayBased(const Schedule &schedule, const QTimeZone &zone,
                               const QDateTime &after, int count)
{
    QList<Occurrence> result;
    QList<Occurrence> pending;
    const auto byInstant = [](const Occurrence &a, const Occurrence &b) {
        return a.at < b.at;
    };

    // Runs of earlier dates that are before `limit` can no longer be preceded by runs of later
    // dates, so they are final.
    const auto release = [&](const std::optional<QDateTime> &limit) {
        std::stable_sort(pending.begin(), pending.end(), byInstant);
        qsizetype released = 0;
        for (; released < pending.size(); ++released) {
            const Occurrence &occurrence = pending.at(released);
            if (limit && occurrence.at >= *limit)
                break;
            if (occurrence.at <= after)
                continue;
            if (!result.isEmpty() && occurrence.at <= result.last().at)
                continue;
            result.append(occurrence);
        }
        pending.remove(0, released);
    };

    QDate date = after.toTimeZone(zone).date().addDays(-kLookBackDays);
    // Each run date adds at least one run after `after` once the look-back dates are done, so
    // this bound is reached only when repetitions of one date repeat the next date's runs.
    const int maxRunDates = 2 * count + kLookBackDays + 4;
    for (int runDates = 0; runDates < maxRunDates && result.size() < count; ++runDates) {
        const std::optional<QDate> runDate = nextRunDate(schedule, date);
        if (!runDate || (schedule.endDate && *runDate > *schedule.endDate))
            break;
        QList<Occurrence> series = daySeries(schedule, *runDate, zone);
        if (const QString skipped = skippedMonthsNote(schedule, *runDate); !skipped.isEmpty()) {
            QString &note = series.first().note;
            note = note.isEmpty() ? skipped : note + QLatin1Char(' ') + skipped;
        }
        release(series.first().at);
        pending.append(series);
        date = runDate->addDays(1);
    }
    release(std::nullopt);
    if (result.size() > count)
        result.resize(count);
    return result;
}

QList<Occurrence> nextHourly(const Schedule &schedule, const QTimeZone &zone,
                             const QDateTime &after, int count)
{
    const Occurrence anchor = resolveLocalTime(schedule.startDate, schedule.startTime, zone);
    const qint64 step = qint64(qMax(1, schedule.repeatEvery)) * 3600;
    qint64 index = 0;
    if (after >= anchor.at)
        index = anchor.at.secsTo(after) / step + 1;

    QList<Occurrence> result;
    for (; result.size() < count; ++index) {
        Occurrence occurrence;
        occurrence.at = anchor.at.addSecs(index * step);
        if (schedule.endDate && occurrence.at.toTimeZone(zone).date() > *schedule.endDate)
            break;
        if (index == 0) {
            occurrence = anchor;
        } else {
            const QDateTime previous = occurrence.at.addSecs(-step);
            if (zone.offsetFromUtc(previous) != zone.offsetFromUtc(occurrence.at)) {
                occurrence.shifted = true;
                occurrence.note = transitionNote(zone, previous, occurrence.at,
                                                 QStringLiteral("hourly runs follow elapsed "
                                                                "hours"));
            }
        }
        result.append(occurrence);
    }
    return result;
}

} // namespace

Occurrence resolveLocalTime(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    return detail::resolveStartTime(date, time, zone, false);
}

namespace detail {

Occurrence resolveStartTime(const QDate &date, const QTime &time, const QTimeZone &zone,
                            bool repeatsWithinDay)
{
    // The wall-clock time written as if it were UTC; subtracting an offset gives an instant.
    const QDateTime wallClock(date, time, Qt::UTC);
    // The offsets in effect a day before and a day after cover a single transition near the
    // wall-clock time.
    // NOTE: a zone that changed its offset twice within two days would resolve against the
    // wrong pair of offsets.
    const int offsetBefore = zone.offsetFromUtc(wallClock.addSecs(-kSecondsPerDay));
    const int offsetAfter = zone.offsetFromUtc(wallClock.addSecs(kSecondsPerDay));

    QList<QDateTime> candidates;
    for (int offset : {offsetBefore, offsetAfter}) {
        const QDateTime instant = wallClock.addSecs(-offset);
        if (zone.offsetFromUtc(instant) == offset && !candidates.contains(instant))
            candidates.append(instant);
    }
    std::sort(candidates.begin(), candidates.end());

    const QString wallText = time.toString(QStringLiteral("HH:mm"));
    const QString dateText = date.toString(Qt::ISODate);
    Occurrence occurrence;
    if (candidates.size() == 1) {
        occurrence.at = candidates.first();
    } else if (candidates.size() > 1) {
        occurrence.at = candidates.first();
        // With repetitions the later wall-clock hour still gets runs, so the note speaks of the
        // start time alone.
        const QString note
            = repeatsWithinDay
                  ? QStringLiteral("The start time %1 occurs twice on %2 because clocks move back "
                                   "to %3. The day starts at %1 %4, and its repetitions follow "
                                   "elapsed time through the repeated hour.")
                  : QStringLiteral("%1 occurs twice on %2 because clocks move back to %3; runs "
                                   "once, at the first (%1 %4).");
        occurrence.note = note.arg(wallText, dateText, abbreviationAt(zone, candidates.last()),
                                   abbreviationAt(zone, candidates.first()));
    } else {
        // A gap: the wall-clock time lies after the transition by the old offset and before it
        // by the new one, so the transition is the first instant after it.
        const QTimeZone::OffsetData transition
            = zone.nextTransition(wallClock.addSecs(-offsetAfter - 1));
        occurrence.at = transition.atUtc.toUTC();
        occurrence.shifted = true;
        const QDateTime local = transition.atUtc.toTimeZone(zone);
        occurrence.note = QStringLiteral("%1 does not exist on %2 because clocks move forward to "
                                         "%3; runs at %4 %3, the first time after the change.")
                              .arg(wallText, dateText, abbreviationAt(zone, transition.atUtc),
                                   local.time().toString(QStringLiteral("HH:mm")));
    }
    return occurrence;
}

} // namespace detail

QList<Occurrence> nextOccurrences(const Schedule &schedule, const QTimeZone &zone,
                                  const QDateTime &after, int count)
{
    if (count < 1 || !zone.isValid() || !schedule.startDate.isValid()
        || !schedule.startTime.isValid())
        return {};
    const QDateTime afterUtc = after.toUTC();
    if (schedule.type == ScheduleType::Hourly)
        return nextHourly(schedule, zone, afterUtc, count);
    return nextDayBased(schedule, zone, afterUtc, count);
}

} // namespace hub::schedule
