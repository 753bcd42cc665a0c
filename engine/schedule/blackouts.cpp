// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "blackouts.h"

#include "store/store.h"

namespace hub::schedule {

Result<QList<BlackoutWindow>> loadBlackouts(const QSqlDatabase &db, qint64 districtId)
{
    auto query = execute(db,
                         QStringLiteral("SELECT id, starts_on, ends_on, reason FROM "
                                        "blackout_windows WHERE district_id = ? "
                                        "ORDER BY starts_on, id"),
                         {districtId});
    if (!query)
        return failure(query.error());
    QList<BlackoutWindow> windows;
    while (query->next()) {
        windows.append(BlackoutWindow{query->value(0).toLongLong(),
                                      QDate::fromString(query->value(1).toString(), Qt::ISODate),
                                      QDate::fromString(query->value(2).toString(), Qt::ISODate),
                                      query->value(3).toString()});
    }
    return windows;
}

const BlackoutWindow *blackoutOn(const QList<BlackoutWindow> &windows, const QDate &date)
{
    for (const BlackoutWindow &window : windows) {
        if (window.contains(date))
            return &window;
    }
    return nullptr;
}

} // namespace hub::schedule
