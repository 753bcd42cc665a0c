// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "core/secretbox.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <optional>

namespace hub {
class Store;
}

namespace hub::notify {

struct EffectiveSettings;

// Sends run notifications by email and webhook. The decision to notify is a row in the
// notifications table, inserted once per (event, occurrence, channel) thanks to its unique key,
// so a retried run, a repeated runFinished() or a restart never sends twice. Events:
// - failure: a run failed and is not a retry of a failure that already notified. Each new
//   failed run notifies, also while the integration is failing, because a different file or
//   fault may be behind it; a failed retry, or a retry of that retry, of a notified failure
//   does not notify again;
// - recovery: the first successful run after one or more failed runs, once per failure streak;
// - long-run: a successful run took more than runs::kLongRunFactor times the median of the
//   integration's successful runs in the 90 days before it;
// - daily-summary: the previous day's runs, by email at the district's chosen time;
// - test: queued by the Send Test route.
// Delivery runs on the owning thread's event loop. A failed delivery is tried kMaxAttempts
// times in all and then kept with status failed and the error.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    static constexpr int kMaxAttempts = 3;
    // How long a node may take to send one notification before another node may send it.
    static constexpr int kLeaseSeconds = 600;

    Notifier(const Store &store, QString dataDir, std::function<QDateTime()> clock,
             QObject *parent = nullptr);
    ~Notifier() override;

    // Sends what an earlier process left unsent, once that process's lease on it has expired,
    // and starts the daily summary check.
    void start();
    void stop();
    // The wait before the second attempt; each further attempt waits twice as long.
    void setRetryDelayMs(int milliseconds) { m_retryDelayMs = milliseconds; }

    // Decides which notifications the finished run causes and sends them.
    void runFinished(qint64 runId);
    // Sends every notification with status sending that no node is sending already.
    void deliverPending();
    // Queues the daily summary when its time has come today and it was not sent yet.
    void checkDailySummary();

    // Inserts one test notification per enabled channel of the district, or for `channel` alone
    // when it is not empty, and returns their ids. Fails when no such channel is enabled.
    static Result<QList<qint64>> queueTest(const QSqlDatabase &db, const SecretBox &box,
                                           qint64 districtId, const QString &channel);

signals:
    // A notification reached its final status: sent, or failed after its last attempt.
    void notificationFinished(qint64 notificationId, bool sent);

private:
    struct Pending;
    struct Content
    {
        QString subject;
        QString text;
        QJsonObject payload;
    };

    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    // Inserts the notification rows of one event for each enabled channel.
    void claimEvent(const QSqlDatabase &db, qint64 districtId, const QString &event,
                    const QString &key, qint64 integrationId, qint64 runId,
                    const EffectiveSettings &settings, bool emailOnly = false);
    void deliver(qint64 notificationId);
    Result<Content> compose(const QSqlDatabase &db, const Pending &pending);
    void sendEmail(qint64 notificationId, const EffectiveSettings &settings,
                   const Content &content);
    void sendWebhook(qint64 notificationId, const EffectiveSettings &settings,
                     const Content &content);
    void deliveryDone(qint64 notificationId, const QString &error);

    const Store &m_store;
    std::optional<SecretBox> m_box;
    std::function<QDateTime()> m_clock;
    QNetworkAccessManager m_network;
    QTimer m_summaryTimer;
    QSet<qint64> m_inFlight;
    int m_retryDelayMs = 5000;
    bool m_stopped = false;
};

} // namespace hub::notify
