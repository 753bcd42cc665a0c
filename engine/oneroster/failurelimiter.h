// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

namespace hub::oneroster {

// Counts failed attempts per key (a client id or a peer address) in a fixed window. A key that
// reached maxFailures is blocked until its window ends. Thread-safe.
class FailureLimiter
{
public:
    FailureLimiter(int maxFailures, int windowSeconds);

    // The seconds until key may try again, or 0 when it is not blocked.
    int blockedSeconds(const QString &key, const QDateTime &now) const;
    void recordFailure(const QString &key, const QDateTime &now);
    void clear(const QString &key);

private:
    struct Entry
    {
        QDateTime windowStart;
        int failures = 0;
    };
    void pruneExpired(const QDateTime &now);

    int m_maxFailures;
    int m_windowSeconds;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace hub::oneroster
