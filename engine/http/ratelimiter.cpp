// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "ratelimiter.h"

#include <QElapsedTimer>

#include <cmath>

namespace hub::http {

namespace {

// Above this many peers, buckets that have refilled are dropped, so that a scan from many
// addresses cannot grow the table without bound.
constexpr qsizetype sweepThreshold = 4096;

QString peerKey(const QHostAddress &peer)
{
    // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d; it is the same peer.
    bool isIpv4 = false;
    const quint32 ipv4 = peer.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4).toString() : peer.toString();
}

} // namespace

RateLimiter::RateLimiter(Policy policy, std::function<qint64()> clockMs)
    : m_policy(policy)
    , m_clockMs(std::move(clockMs))
{
    if (!m_clockMs) {
        m_clockMs = [timer = std::make_shared<QElapsedTimer>()] {
            if (!timer->isValid())
                timer->start();
            return timer->elapsed();
        };
    }
    m_policy.burst = qMax(1, m_policy.burst);
    if (m_policy.refillPerSecond <= 0)
        m_policy.refillPerSecond = 1.0;
}

int RateLimiter::take(const QHostAddress &peer)
{
    const QString key = peerKey(peer);
    QMutexLocker locker(&m_mutex);
    const qint64 nowMs = m_clockMs();
    if (m_buckets.size() > sweepThreshold)
        forgetFullBuckets(nowMs);

    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_policy.burst), nowMs});

    Bucket &bucket = *it;
    const double elapsedSeconds = double(nowMs - bucket.updatedMs) / 1000.0;
    bucket.tokens
        = qMin(double(m_policy.burst), bucket.tokens + elapsedSeconds * m_policy.refillPerSecond);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    const double secondsToToken = (1.0 - bucket.tokens) / m_policy.refillPerSecond;
    return qMax(1, int(std::ceil(secondsToToken)));
}

qsizetype RateLimiter::trackedPeers() const
{
    QMutexLocker locker(&m_mutex);
    return m_buckets.size();
}

void RateLimiter::forgetFullBuckets(qint64 nowMs)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double elapsedSeconds = double(nowMs - it->updatedMs) / 1000.0;
        if (it->tokens + elapsedSeconds * m_policy.refillPerSecond >= m_policy.burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace hub::http
