// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDateTime>
#include <QString>

namespace hub {

// Formats a UTC instant the way the store and the API keep it: 2026-12-04T15:54:03.120Z.
QString toIsoUtc(const QDateTime &dateTime);
QString nowIsoUtc();
QDateTime fromIsoUtc(const QString &text);

// The school year (its ending calendar year, as OneRoster writes it) that contains the date,
// for districts whose year starts on July 1.
int schoolYearForDate(const QDate &date);

} // namespace hub
