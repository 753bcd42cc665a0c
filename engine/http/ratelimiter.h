// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <functional>

namespace hub::http {

// A token bucket per peer address. Each request takes a token; tokens come back at a steady
// rate up to the burst size. Routes that check secrets (sign-in, the OAuth token endpoint) use
// one so that guessing costs time. Thread-safe.
class RateLimiter
{
public:
    struct Policy
    {
        int burst = 10;               // requests a peer may send at once
        double refillPerSecond = 1.0; // tokens a peer gets back each second
    };

    // clockMs returns a monotonic time in milliseconds; a steady clock when empty.
    explicit RateLimiter(Policy policy, std::function<qint64()> clockMs = {});

    // Takes a token for the peer. Returns 0 when the request may go on, otherwise the whole
    // seconds until a token is back, for a Retry-After header.
    int take(const QHostAddress &peer);

    qsizetype trackedPeers() const;

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    void forgetFullBuckets(qint64 nowMs);

    Policy m_policy;
    std::function<qint64()> m_clockMs;
    mutable QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace hub::http
