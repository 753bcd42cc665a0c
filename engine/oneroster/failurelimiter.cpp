// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "failurelimiter.h"

namespace hub::oneroster {

namespace {

// Past this many keys, expired entries are dropped, so that random client ids sent by an
// attacker cannot grow the table without bound.
constexpr qsizetype kPruneThreshold = 10000;

} // namespace

FailureLimiter::FailureLimiter(int maxFailures, int windowSeconds)
    : m_maxFailures(maxFailures)
    , m_windowSeconds(windowSeconds)
{}

int FailureLimiter::blockedSeconds(const QString &key, const QDateTime &now) const
{
    QMutexLocker locker(&m_mutex);
    const auto entry = m_entries.constFind(key);
    if (entry == m_entries.cend() || entry->failures < m_maxFailures)
        return 0;
    const qint64 remaining = now.secsTo(entry->windowStart.addSecs(m_windowSeconds));
    return remaining > 0 ? static_cast<int>(remaining) : 0;
}

void FailureLimiter::recordFailure(const QString &key, const QDateTime &now)
{
    QMutexLocker locker(&m_mutex);
    if (m_entries.size() > kPruneThreshold)
        pruneExpired(now);
    Entry &entry = m_entries[key];
    if (!entry.windowStart.isValid() || entry.windowStart.secsTo(now) >= m_windowSeconds) {
        entry.windowStart = now;
        entry.failures = 0;
    }
    ++entry.failures;
}

void FailureLimiter::clear(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    m_entries.remove(key);
}

void FailureLimiter::pruneExpired(const QDateTime &now)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->windowStart.secsTo(now) >= m_windowSeconds)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace hub::oneroster
