// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "timeformat.h"

#include <QLocale>

namespace hubdesk {

namespace {

// English (and the C locale of a bare system) keeps the United States form that district staff
// know from their other systems. Other languages use their locale's short date, its digits and
// its 12- or 24-hour clock, with seconds.
QString localeDateTime(const QDateTime &local, const QLocale &locale)
{
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QLocale::c().toString(local, QStringLiteral("MM/dd/yyyy hh:mm:ss AP"));
    const bool twelveHour = locale.timeFormat(QLocale::ShortFormat).contains(QLatin1Char('a'),
                                                                             Qt::CaseInsensitive);
    const QString time = locale.toString(local.time(), twelveHour ? QStringLiteral("h:mm:ss AP")
                                                                  : QStringLiteral("HH:mm:ss"));
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + time;
}

} // namespace

QString formatDistrictTime(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid())
        return {};
    const QTimeZone effectiveZone = zone.isValid() ? zone : QTimeZone::utc();
    const QDateTime local = utc.toTimeZone(effectiveZone);

    // The abbreviation belongs to the instant, so the repeated hour of a fall-back day reads
    // EDT the first time and EST the second time.
    const QString abbreviation = effectiveZone.abbreviation(utc);
    const QString text = localeDateTime(local, QLocale());
    return abbreviation.isEmpty() ? text : text + QLatin1Char(' ') + abbreviation;
}

QString dateEditFormat(const QLocale &locale)
{
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("MM/dd/yyyy");
    // A two-digit year in an editable field is ambiguous about the century, so "yy" becomes
    // "yyyy". A format that already has four year digits keeps them.
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QString timeEditFormat(const QLocale &locale)
{
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("hh:mm AP");
    const bool twelveHour = locale.timeFormat(QLocale::ShortFormat).contains(QLatin1Char('a'),
                                                                             Qt::CaseInsensitive);
    return twelveHour ? QStringLiteral("h:mm AP") : QStringLiteral("HH:mm");
}

QDateTime parseEngineTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        return {};
    // The engine always writes UTC; text without an offset is read as UTC, not local time.
    if (dateTime.timeSpec() == Qt::LocalTime)
        dateTime.setTimeZone(QTimeZone::utc());
    return dateTime.toUTC();
}

QString formatDuration(qint64 seconds)
{
    const qint64 total = qMax<qint64>(0, seconds);
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 remainder = total % 60;
    return QStringLiteral("%1:%2:%3")
        .arg(hours, 2, 10, QLatin1Char('0'))
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(remainder, 2, 10, QLatin1Char('0'));
}

} // namespace hubdesk
