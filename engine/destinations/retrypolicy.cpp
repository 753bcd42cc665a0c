// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "retrypolicy.h"

#include "core/messagetext.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace hub::destinations {

namespace {

struct Limit
{
    const char *name;
    int RetryPolicy::*member;
    int minimum;
    int maximum;
};

// Bounds keep a misconfigured destination from retrying for hours or hammering a server.
const Limit kLimits[] = {
    {"maxAttempts", &RetryPolicy::maxAttempts, 1, 10},
    {"initialDelayMs", &RetryPolicy::initialDelayMs, 10, 600000},
    {"maxDelayMs", &RetryPolicy::maxDelayMs, 10, 3600000},
    {"maxElapsedMs", &RetryPolicy::maxElapsedMs, 1000, 4 * 3600000},
};

void waitMs(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

Attempt Attempt::succeeded(QString remoteName, qint64 bytes, QString message)
{
    return Attempt{Status::Succeeded, std::move(message), std::move(remoteName), bytes};
}

Attempt Attempt::transient(QString message)
{
    return Attempt{Status::TransientFailure, std::move(message), {}, 0};
}

Attempt Attempt::permanent(QString message)
{
    return Attempt{Status::PermanentFailure, std::move(message), {}, 0};
}

RetryPolicy RetryPolicy::fromSettings(const QJsonObject &settings)
{
    RetryPolicy policy;
    const QJsonObject retry = settings.value(QStringLiteral("retry")).toObject();
    for (const Limit &limit : kLimits) {
        const QJsonValue value = retry.value(QLatin1String(limit.name));
        if (value.isDouble())
            policy.*limit.member = std::clamp(value.toInt(), limit.minimum, limit.maximum);
    }
    return policy;
}

QJsonObject RetryPolicy::validateSettings(const QJsonObject &settings)
{
    QJsonObject errors;
    const QJsonValue retryValue = settings.value(QStringLiteral("retry"));
    if (retryValue.isUndefined() || retryValue.isNull())
        return errors;
    if (!retryValue.isObject()) {
        errors.insert(QStringLiteral("settings.retry"),
                      QStringLiteral("Give the retry settings as an object."));
        return errors;
    }
    const QJsonObject retry = retryValue.toObject();
    for (const Limit &limit : kLimits) {
        const QJsonValue value = retry.value(QLatin1String(limit.name));
        if (value.isUndefined())
            continue;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < limit.minimum
            || number > limit.maximum) {
            errors.insert(QStringLiteral("settings.retry.") + QLatin1String(limit.name),
                          QStringLiteral("Enter a whole number from %1 to %2.")
                              .arg(limit.minimum)
                              .arg(limit.maximum));
        }
    }
    return errors;
}

int RetryPolicy::delayAfterFailure(int failedAttempts) const
{
    qint64 delay = initialDelayMs;
    for (int i = 1; i < failedAttempts && delay < maxDelayMs; ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, maxDelayMs);
    const qint64 half = delay / 2;
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

Attempt runWithRetries(const RetryPolicy &policy, const std::function<Attempt(int)> &attemptOnce,
                       const AttemptLog &log)
{
    QElapsedTimer elapsed;
    elapsed.start();
    Attempt outcome;
    for (int attempt = 1;; ++attempt) {
        if (attempt > 1)
            log(false, QStringLiteral("Attempt %1 of %2.").arg(attempt).arg(policy.maxAttempts));
        outcome = attemptOnce(attempt);
        if (outcome.status != Attempt::Status::TransientFailure)
            return outcome;

        if (attempt >= policy.maxAttempts) {
            outcome.message
                = QStringLiteral("%1 Gave up after %2 attempts.").arg(asSentence(outcome.message)).arg(attempt);
            return outcome;
        }
        const int delay = policy.delayAfterFailure(attempt);
        if (elapsed.elapsed() + delay > policy.maxElapsedMs) {
            outcome.message = QStringLiteral("%1 Gave up after %2 attempts in %3 s (the retry "
                                             "time limit is %4 s).")
                                  .arg(asSentence(outcome.message))
                                  .arg(attempt)
                                  .arg(elapsed.elapsed() / 1000)
                                  .arg(policy.maxElapsedMs / 1000);
            return outcome;
        }
        log(false, QStringLiteral("Attempt %1 failed: %2 Retrying in %3 ms.")
                       .arg(attempt)
                       .arg(asSentence(outcome.message))
                       .arg(delay));
        waitMs(delay);
    }
}

} // namespace hub::destinations
