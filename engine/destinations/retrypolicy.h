// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace hub::destinations {

// The outcome of one attempt to reach or write to a destination. A transient failure (time-out,
// connection refused or reset, HTTP 408, 429 or 5xx) is worth another attempt. A permanent one
// (bad credentials, a host key mismatch, a missing container, an expired SAS) is not.
struct Attempt
{
    enum class Status { Succeeded, TransientFailure, PermanentFailure };

    Status status = Status::Succeeded;
    QString message;
    QString remoteName;
    qint64 bytes = 0;

    bool ok() const { return status == Status::Succeeded; }

    static Attempt succeeded(QString remoteName, qint64 bytes, QString message = {});
    static Attempt transient(QString message);
    static Attempt permanent(QString message);
};

// How often and how patiently a delivery is retried, read from a destination's
// settings.retry object. Delays grow exponentially from initialDelayMs up to maxDelayMs, each
// with random jitter between half and all of it, and no new attempt starts once maxElapsedMs
// have passed since the first.
struct RetryPolicy
{
    int maxAttempts = 4;
    int initialDelayMs = 2000;
    int maxDelayMs = 60000;
    int maxElapsedMs = 15 * 60 * 1000;

    static RetryPolicy fromSettings(const QJsonObject &settings);
    // Returns a message per invalid retry setting, keyed "settings.retry.<name>".
    static QJsonObject validateSettings(const QJsonObject &settings);

    // The pause after the given number of failed attempts (1 for the first), jitter included.
    int delayAfterFailure(int failedAttempts) const;
};

// Receives one line per attempt, retry and failure. isError marks the final failure.
using AttemptLog = std::function<void(bool isError, const QString &message)>;

// Calls attemptOnce with attempt numbers 1, 2, ... until it succeeds, fails permanently, or the
// policy's attempts or time run out. Waits between attempts with an event loop, so a caller on
// a thread with queued events (a test's servers, for example) keeps them flowing.
Attempt runWithRetries(const RetryPolicy &policy, const std::function<Attempt(int)> &attemptOnce,
                       const AttemptLog &log);

} // namespace hub::destinations
