// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace hub::schedule {

// Dates in the district's zone on which scheduled runs are held; both ends are included.
struct BlackoutWindow
{
    qint64 id = 0;
    QDate startsOn;
    QDate endsOn;
    QString reason;

    bool contains(const QDate &date) const { return date >= startsOn && date <= endsOn; }
};

// The district's blackout windows, earliest first.
Result<QList<BlackoutWindow>> loadBlackouts(const QSqlDatabase &db, qint64 districtId);

// The first window that contains the date, or nullptr.
const BlackoutWindow *blackoutOn(const QList<BlackoutWindow> &windows, const QDate &date);

} // namespace hub::schedule
