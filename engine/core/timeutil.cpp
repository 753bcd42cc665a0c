// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "timeutil.h"

#include <QTimeZone>

namespace hub {

QString toIsoUtc(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
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
