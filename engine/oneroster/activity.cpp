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
    constexpr qint64 hourMs = 60 * 60 * 1000;
    const qint64 ms = at.toMSecsSinceEpoch();
    // The hour is formatted when the counts are written, because formatting costs more than
    // the rest of the counting.
    const Key key = qMakePair(applicationId, ms - ((ms % hourMs) + hourMs) % hourMs);
    QMutexLocker locker(&m_mutex);
    Counts &counts = m_pending[key];
    counts.districtId = districtId;
    ++counts.requests;
    if (failed)
        ++counts.errors;
    counts.bytes += bytes;
}

bool ActivityCounter::isEmpty() const
{
    QMutexLocker locker(&m_mutex);
    return m_pending.isEmpty();
}

Result<void> ActivityCounter::flush(const QSqlDatabase &db)
{
    // The counts are taken out, so requests go on counting while they are written.
    QHash<Key, Counts> flushing;
    {
        QMutexLocker locker(&m_mutex);
        flushing.swap(m_pending);
    }
    if (flushing.isEmpty())
        return {};
    Transaction transaction(db);
    for (auto it = flushing.cbegin(); it != flushing.cend(); ++it) {
        auto written = execute(
            db,
            QStringLiteral("INSERT INTO oneroster_activity(application_id, district_id, "
                           "hour_start, requests, errors, bytes) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (application_id, hour_start) DO UPDATE SET "
                           "requests = oneroster_activity.requests + excluded.requests, "
                           "errors = oneroster_activity.errors + excluded.errors, "
                           "bytes = oneroster_activity.bytes + excluded.bytes"),
            {it.key().first, it->districtId,
             toIsoUtc(QDateTime::fromMSecsSinceEpoch(it.key().second, QTimeZone::utc())),
             it->requests, it->errors, it->bytes});
        if (!written) {
            // An application deleted since its requests were counted has no line to add to.
            if (written.error().contains(QLatin1String("FOREIGN KEY")))
                continue;
            restore(flushing);
            return failure(written.error());
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        restore(flushing);
        return committed;
    }
    return {};
}

void ActivityCounter::restore(const QHash<Key, Counts> &counts)
{
    QMutexLocker locker(&m_mutex);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        Counts &pending = m_pending[it.key()];
        pending.districtId = it->districtId;
        pending.requests += it->requests;
        pending.errors += it->errors;
        pending.bytes += it->bytes;
    }
}

} // namespace hub::oneroster
