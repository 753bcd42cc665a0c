// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "timeutil.h"

#include <QTimeZone>

namespace hub {

QString toIsoUtc(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime utc = dateTime.toUTC();
    const QDate date = utc.date();
    // Qt::ISODateWithMs writes other years in other ways; they are rare enough to format slowly.
    if (date.year() < 1 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);

    // The same text as Qt::ISODateWithMs, written without its format parser, because the
    // OneRoster provider formats the time of every request.
    const QTime time = utc.time();
    char text[] = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(0, date.year(), 4);
    put(5, date.month(), 2);
    put(8, date.day(), 2);
    put(11, time.hour(), 2);
    put(14, time.minute(), 2);
    put(17, time.second(), 2);
    put(20, time.msec(), 3);
    return QString::fromLatin1(text, qsizetype(sizeof(text) - 1));
}

QString nowIsoUtc()
{
    return toIsoUtc(QDateTime::currentDateTimeUtc());
}

QDateTime fromIsoUtc(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (dateTime.isValid() && dateTime.timeSpec() == Qt::LocalTime)
        dateTime.setTimeZone(QTimeZone::utc());
    return dateTime.toUTC();
}

int schoolYearForDate(const QDate &date)
{
    return date.month() >= 7 ? date.year() + 1 : date.year();
}

} // namespace hub
