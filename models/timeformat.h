// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace hubdesk {

// Formats a UTC instant in the district's zone with the zone's abbreviation, such as
// "12/04/2026 02:00:13 AM EST" in English. Other languages follow the default QLocale's date,
// digits and clock; the zone stays the district's. An invalid instant gives an empty string.
QString formatDistrictTime(const QDateTime &utc, const QTimeZone &zone);
// The QDateEdit display format in the same day, month and year order as formatDistrictTime():
// "MM/dd/yyyy" in English, otherwise the locale's short date with a four-digit year, such as
// "d/M/yyyy" in Spanish.
QString dateEditFormat(const QLocale &locale = QLocale());
// The QTimeEdit display format of the console's clock, as formatDistrictTime() shows it without
// seconds: "hh:mm AP" (02:00 AM) in English, otherwise "h:mm AP" or "HH:mm" as the locale's
// short time uses a 12- or 24-hour clock.
QString timeEditFormat(const QLocale &locale = QLocale());
// Parses the engine's ISO 8601 UTC text (2026-12-04T07:00:13.120Z).
QDateTime parseEngineTime(const QString &text);
// Formats whole seconds as HH:MM:SS (hours may exceed 24); negative values give 00:00:00.
QString formatDuration(qint64 seconds);

} // namespace hubdesk
