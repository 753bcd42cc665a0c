// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "activity.h"

#include "core/timeutil.h"
#include "store/store.h"

#include <QTimeZone>

namespace hub::oneroster {

void ActivityCounter::record(qint64 applicationId, qint64 districtId, const QDateTime &at,
                             bool failed, qint64 bytes)
{
    const QDateTime utc = at.toUTC();
    const QDateTime hour(utc.date(), QTime(utc.time().hour(), 0), QTimeZone::utc());
    Counts &counts = m_pending[qMakePair(applicationId, toIsoUtc(hour))];
    counts.districtId = districtId;
    ++counts.requests;
    if (failed)
        ++counts.errors;
    counts.bytes += bytes;
}

Result<void> ActivityCounter::flush(const QSqlDatabase &db)
{
    if (m_pending.isEmpty())
        return {};
    Transaction transaction(db);
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        auto written = execute(
            db,
            QStringLiteral("INSERT INTO oneroster_activity(application_id, district_id, "
                           "hour_start, requests, errors, bytes) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (application_id, hour_start) DO UPDATE SET "
                           "requests = oneroster_activity.requests + excluded.requests, "
                           "errors = oneroster_activity.errors + excluded.errors, "
                           "bytes = oneroster_activity.bytes + excluded.bytes"),
            {it.key().first, it->districtId, it.key().second, it->requests, it->errors,
             it->bytes});
        if (!written) {
            // An application deleted since its requests were counted has no line to add to.
            if (written.error().contains(QLatin1String("FOREIGN KEY")))
                continue;
            return failure(written.error());
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed;
    m_pending.clear();
    return {};
}

} // namespace hub::oneroster
