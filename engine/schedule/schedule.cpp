// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "schedule.h"

#include "core/jsonfields.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace hub::schedule {

namespace {

constexpr int kMaxRepeatEvery = 999;
constexpr int kMinutesPerDay = 24 * 60;

QString outOfRangeMessage(const QString &which)
{
    return QStringLiteral("Enter a %1 date from %2 to %3.")
        .arg(which, kEarliestScheduleDate.toString(Qt::ISODate),
             kLatestScheduleDate.toString(Qt::ISODate));
}

// Returns the message for a date that QDate rejected. Text in the YYYY-MM-DD form names a day
// that the calendar lacks, such as 2027-02-29; other text is in the wrong form.
QString invalidDateMessage(const QString &text, const QString &formMessage)
{
    static const QRegularExpression isoForm(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (isoForm.match(text).hasMatch())
        return QStringLiteral("The date %1 does not exist. Enter a date from the calendar.")
            .arg(text);
    return formMessage;
}

const QStringList &typeNames()
{
    static const QStringList names
        = {QStringLiteral("once"), QStringLiteral("hourly"), QStringLiteral("daily"),
           QStringLiteral("weekly"), QStringLiteral("monthly")};
    return names;
}

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

void validateDaysOfWeek(const QJsonObject &schedule, const QString &type, QJsonObject &errors)
{
    const QJsonValue days = schedule.value(QStringLiteral("daysOfWeek"));
    if (days.isUndefined() || days.isNull())
        return;
    const QString key = QStringLiteral("schedule.daysOfWeek");
    if (!days.isArray()) {
        errors.insert(key, QStringLiteral("Give the days as a list of numbers from 1 (Monday) "
                                          "to 7 (Sunday)."));
        return;
    }
    const QJsonArray array = days.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue day = array.at(i);
        if (!isWholeNumber(day) || day.toInteger() < 1 || day.toInteger() > 7) {
            errors.insert(key, QStringLiteral("Use numbers from 1 (Monday) to 7 (Sunday); item "
                                              "%1 of the list is not one.")
                                   .arg(i + 1));
            return;
        }
    }
    if (array.isEmpty() && type == QLatin1String("weekly"))
        errors.insert(key, QStringLiteral("Choose at least one day of the week."));
}

void validateDayOfMonth(const QJsonObject &schedule, QJsonObject &errors)
{
    const QJsonValue day = schedule.value(QStringLiteral("dayOfMonth"));
    if (day.isUndefined() || day.isNull() || day.toString() == QLatin1String("last"))
        return;
    if (!isWholeNumber(day) || day.toInteger() < 1 || day.toInteger() > 31)
        errors.insert(QStringLiteral("schedule.dayOfMonth"),
                      QStringLiteral("Enter a day of the month from 1 to 31, or \"last\"."));
}

void validateAdvanced(const QJsonObject &schedule, const QString &type, QJsonObject &errors)
{
    const QJsonObject advanced = schedule.value(QStringLiteral("advanced")).toObject();
    if (!advanced.value(QStringLiteral("enabled")).toBool())
        return;
    if (type == QLatin1String("hourly"))
        errors.insert(QStringLiteral("schedule.advanced.enabled"),
                      QStringLiteral("Repeating within the day applies to one-time, daily, "
                                     "weekly and monthly schedules; turn it off for an hourly "
                                     "one."));
    const QJsonValue everyValue = advanced.value(QStringLiteral("everyMinutes"));
    const QJsonValue durationValue = advanced.value(QStringLiteral("durationMinutes"));
    const qint64 every = isWholeNumber(everyValue) ? everyValue.toInteger() : -1;
    const qint64 duration = isWholeNumber(durationValue) ? durationValue.toInteger() : -1;
    if (every < 1 || every > kMinutesPerDay)
        errors.insert(QStringLiteral("schedule.advanced.everyMinutes"),
                      QStringLiteral("Enter a whole number of minutes from 1 to 1440."));
    if (duration < every || duration > kMinutesPerDay)
        errors.insert(QStringLiteral("schedule.advanced.durationMinutes"),
                      QStringLiteral("Enter a duration from the repeat interval up to 1440 "
                                     "minutes."));
}

void validateFlag(const QJsonObject &schedule, const QString &name, QJsonObject &errors)
{
    const QJsonValue flag = schedule.value(name);
    if (!flag.isUndefined() && !flag.isNull() && !flag.isBool())
        errors.insert(QStringLiteral("schedule.") + name, QStringLiteral("Use true or false."));
}

} // namespace

QJsonObject validateSchedule(const QJsonValue &value)
{
    QJsonObject errors;
    if (value.isNull() || value.isUndefined())
        return errors;
    if (!value.isObject()) {
        errors.insert(QStringLiteral("schedule"), QStringLiteral("Must be an object or null."));
        return errors;
    }
    const QJsonObject schedule = value.toObject();
    // A misspelled member such as startTme would otherwise be stored and the intended value lost.
    static const QStringList known
        = {QStringLiteral("type"),       QStringLiteral("startDate"),
           QStringLiteral("startTime"),  QStringLiteral("endDate"),
           QStringLiteral("repeatEvery"), QStringLiteral("daysOfWeek"),
           QStringLiteral("dayOfMonth"), QStringLiteral("advanced"),
           QStringLiteral("active"),     QStringLiteral("skipCatchUp")};
    static const QStringList knownAdvanced = {QStringLiteral("enabled"),
                                              QStringLiteral("everyMinutes"),
                                              QStringLiteral("durationMinutes")};
    rejectUnknownFields(schedule, known, QStringLiteral("schedule."), errors);
    rejectUnknownFields(schedule.value(QStringLiteral("advanced")).toObject(), knownAdvanced,
                        QStringLiteral("schedule.advanced."), errors);
    const QString type = schedule.value(QStringLiteral("type")).toString();
    if (!typeNames().contains(type))
        errors.insert(QStringLiteral("schedule.type"),
                      QStringLiteral("Choose one of %1; \"%2\" is not a schedule type.")
                          .arg(typeNames().join(QStringLiteral(", ")), type));

    const QString startText = schedule.value(QStringLiteral("startDate")).toString();
    const QDate startDate = QDate::fromString(startText, Qt::ISODate);
    if (!startDate.isValid())
        errors.insert(QStringLiteral("schedule.startDate"),
                      invalidDateMessage(startText,
                                         QStringLiteral("Enter a start date as YYYY-MM-DD.")));
    else if (startDate < kEarliestScheduleDate || startDate > kLatestScheduleDate)
        errors.insert(QStringLiteral("schedule.startDate"), outOfRangeMessage(QStringLiteral("start")));
    const QString startTime = schedule.value(QStringLiteral("startTime")).toString();
    if (!QTime::fromString(startTime, QStringLiteral("HH:mm")).isValid())
        errors.insert(QStringLiteral("schedule.startTime"),
                      QStringLiteral("Enter a start time as HH:MM in 24-hour time; \"%1\" is not "
                                     "one.")
                          .arg(startTime));
    // A missing repeatEvery means 1; a present one must be a whole number, not text.
    const QJsonValue repeatValue = schedule.value(QStringLiteral("repeatEvery"));
    const bool repeatGiven = !repeatValue.isUndefined() && !repeatValue.isNull();
    const qint64 repeatEvery = repeatGiven ? (isWholeNumber(repeatValue) ? repeatValue.toInteger() : -1)
                                           : 1;
    if (repeatEvery < 1 || repeatEvery > kMaxRepeatEvery)
        errors.insert(QStringLiteral("schedule.repeatEvery"),
                      QStringLiteral("Enter a whole number from 1 to 999."));
    const QString endText = schedule.value(QStringLiteral("endDate")).toString();
    if (!endText.isEmpty()) {
        const QDate endDate = QDate::fromString(endText, Qt::ISODate);
        if (!endDate.isValid())
            errors.insert(QStringLiteral("schedule.endDate"),
                          invalidDateMessage(endText, QStringLiteral("Enter an end date as "
                                                                     "YYYY-MM-DD or leave it "
                                                                     "empty.")));
        else if (endDate < kEarliestScheduleDate || endDate > kLatestScheduleDate)
            errors.insert(QStringLiteral("schedule.endDate"), outOfRangeMessage(QStringLiteral("end")));
        else if (startDate.isValid() && endDate < startDate)
            errors.insert(QStringLiteral("schedule.endDate"),
                          QStringLiteral("The end date is before the start date."));
    }
    validateDaysOfWeek(schedule, type, errors);
    validateDayOfMonth(schedule, errors);
    validateAdvanced(schedule, type, errors);
    validateFlag(schedule, QStringLiteral("active"), errors);
    validateFlag(schedule, QStringLiteral("skipCatchUp"), errors);
    return errors;
}

Result<Schedule> parseSchedule(const QJsonObject &object)
{
    const QJsonObject errors = validateSchedule(object);
    if (!errors.isEmpty()) {
        const QString field = errors.begin().key();
        return failure(QStringLiteral("The schedule is invalid: %1 %2")
                           .arg(field, errors.begin().value().toString()));
    }

    Schedule schedule;
    schedule.type
        = ScheduleType(typeNames().indexOf(object.value(QStringLiteral("type")).toString()));
    schedule.startDate
        = QDate::fromString(object.value(QStringLiteral("startDate")).toString(), Qt::ISODate);
    schedule.startTime = QTime::fromString(object.value(QStringLiteral("startTime")).toString(),
                                           QStringLiteral("HH:mm"));
    schedule.repeatEvery = object.value(QStringLiteral("repeatEvery")).toInt(1);

    const QJsonArray days = object.value(QStringLiteral("daysOfWeek")).toArray();
    for (const QJsonValue &day : days)
        schedule.daysOfWeek.append(day.toInt());
    // A weekly schedule without days runs on the start date's day of the week.
    if (schedule.daysOfWeek.isEmpty())
        schedule.daysOfWeek.append(schedule.startDate.dayOfWeek());
    std::sort(schedule.daysOfWeek.begin(), schedule.daysOfWeek.end());
    schedule.daysOfWeek.erase(std::unique(schedule.daysOfWeek.begin(), schedule.daysOfWeek.end()),
                              schedule.daysOfWeek.end());

    const QJsonValue dayOfMonth = object.value(QStringLiteral("dayOfMonth"));
    schedule.lastDayOfMonth = dayOfMonth.toString() == QLatin1String("last");
    schedule.dayOfMonth = dayOfMonth.isDouble() ? dayOfMonth.toInt() : schedule.startDate.day();

    const QJsonObject advanced = object.value(QStringLiteral("advanced")).toObject();
    schedule.advancedEnabled = advanced.value(QStringLiteral("enabled")).toBool();
    schedule.advancedEveryMinutes = advanced.value(QStringLiteral("everyMinutes")).toInt();
    schedule.advancedDurationMinutes = advanced.value(QStringLiteral("durationMinutes")).toInt();

    const QString endText = object.value(QStringLiteral("endDate")).toString();
    if (!endText.isEmpty())
        schedule.endDate = QDate::fromString(endText, Qt::ISODate);
    schedule.active = object.value(QStringLiteral("active")).toBool(true);
    schedule.skipCatchUp = object.value(QStringLiteral("skipCatchUp")).toBool(false);
    return schedule;
}

} // namespace hub::schedule
