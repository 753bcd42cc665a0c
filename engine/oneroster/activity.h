// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QPair>
#include <QSqlDatabase>

namespace hub::oneroster {

// Counts OneRoster requests per application and UTC hour in memory and adds them to the
// oneroster_activity table on flush, so the runbook gets one line per application per hour
// and a request costs no write. Thread-safe: request threads record while another thread
// flushes.
class ActivityCounter
{
public:
    void record(qint64 applicationId, qint64 districtId, const QDateTime &at, bool failed,
                qint64 bytes);
    // Adds the pending counts to the store and forgets them; on failure they are kept.
    Result<void> flush(const QSqlDatabase &db);
    bool isEmpty() const;

private:
    struct Counts
    {
        qint64 districtId = 0;
        qint64 requests = 0;
        qint64 errors = 0;
        qint64 bytes = 0;
    };
    // The application id and the start of the hour in milliseconds since the epoch.
    using Key = QPair<qint64, qint64>;
    // Adds counts taken out for a flush that failed back to the pending ones.
    void restore(const QHash<Key, Counts> &counts);

    mutable QMutex m_mutex;
    QHash<Key, Counts> m_pending;
};

} // namespace hub::oneroster
