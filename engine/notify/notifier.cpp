// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "notifier.h"

#include "api/runjson.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "notify/notificationsettings.h"
#include "notify/smtpclient.h"
#include "runs/runactivity.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QTimeZone>
#include <QUuid>

namespace hub::notify {

namespace {

constexpr int kSummaryCheckMs = 60 * 1000;
constexpr int kWebhookTimeoutMs = 30 * 1000;
constexpr int kMedianWindowDays = 90;
constexpr int kLogLinesInMessage = 5;

const QString kEmail = QStringLiteral("email");
const QString kWebhook = QStringLiteral("webhook");

QString formatDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString formatTime(const QString &isoUtc, const QTimeZone &zone)
{
    if (isoUtc.isEmpty())
        return QStringLiteral("-");
    const QDateTime local = fromIsoUtc(isoUtc).toTimeZone(zone);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zone.abbreviation(local);
}

struct District
{
    QString name;
    QTimeZone zone;
};

District loadDistrict(const QSqlDatabase &db, qint64 districtId)
{
    auto query = execute(db, QStringLiteral("SELECT name, time_zone FROM districts WHERE id = ?"),
                         {districtId});
    if (!query || !query->next())
        return {QString(), QTimeZone::utc()};
    return {query->value(0).toString(), QTimeZone(query->value(1).toString().toUtf8())};
}

// Retry chains longer than this are not followed; a deeper failed retry notifies again.
constexpr int kMaxRetryChain = 100;

// Whether the run retries, directly or through earlier retries, a run that has a failure
// notification. A store error counts as no, so a failure is notified rather than missed.
bool retriesNotifiedFailure(const QSqlDatabase &db, qint64 runId)
{
    qint64 current = runId;
    for (int step = 0; step < kMaxRetryChain; ++step) {
        auto retryOf
            = selectValue(db, QStringLiteral("SELECT retry_of FROM runs WHERE id = ?"), {current});
        if (!retryOf) {
            qCWarning(lcNotify) << "Cannot read the retry link of run" << current
                                << retryOf.error();
            return false;
        }
        if (retryOf->isNull())
            return false;
        current = retryOf->toLongLong();
        auto notified = selectValue(db,
                                    QStringLiteral("SELECT count(*) FROM notifications "
                                                   "WHERE event = 'failure' AND run_id = ?"),
                                    {current});
        if (!notified) {
            qCWarning(lcNotify) << "Cannot read the notifications of run" << current
                                << notified.error();
            return false;
        }
        if (notified->toLongLong() > 0)
            return true;
    }
    return false;
}

bool succeeded(int status)
{
    return status == int(RunStatus::Succeeded) || status == int(RunStatus::SucceededWithWarnings);
}

} // namespace

struct Notifier::Pending
{
    qint64 id = 0;
    qint64 districtId = 0;
    QString event;
    QString eventKey;
    QString channel;
    qint64 integrationId = 0;
    qint64 runId = 0;
    int attempts = 0;
};

Notifier::Notifier(const Store &store, QString dataDir, std::function<QDateTime()> clock,
                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock))
{
    auto box = SecretBox::openOrCreate(dataDir);
    if (box)
        m_box = *box;
    else
        qCWarning(lcNotify) << "Cannot open the secret key; notifications are off:" << box.error();
    m_summaryTimer.setInterval(kSummaryCheckMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, &Notifier::checkDailySummary);
}

Notifier::~Notifier() = default;

void Notifier::start()
{
    m_stopped = false;
    m_summaryTimer.start();
    qCInfo(lcNotify) << "Started notifications";
    checkDailySummary();
    deliverPending();
}

void Notifier::stop()
{
    m_stopped = true;
    m_summaryTimer.stop();
    qCInfo(lcNotify) << "Stopped notifications;" << m_inFlight.size() << "were being sent";
}

void Notifier::runFinished(qint64 runId)
{
    if (!m_box || m_stopped)
        return;
    const QSqlDatabase db = m_store.connection();
    auto run = execute(db,
                       QStringLiteral("SELECT district_id, integration_id, status, started_at, "
                                      "ended_at FROM runs WHERE id = ?"),
                       {runId});
    if (!run || !run->next()) {
        qCWarning(lcNotify) << "Cannot read run" << runId << (run ? QString() : run.error());
        return;
    }
    const qint64 districtId = run->value(0).toLongLong();
    const qint64 integrationId = run->value(1).toLongLong();
    const int status = run->value(2).toInt();
    const QDateTime started = fromIsoUtc(run->value(3).toString());
    const QDateTime ended = fromIsoUtc(run->value(4).toString());
    run->finish();
    if (!succeeded(status) && status != int(RunStatus::Failed))
        return;

    auto settings = loadEffectiveSettings(db, *m_box, districtId, integrationId);
    if (!settings) {
        qCWarning(lcNotify) << "Cannot read the notification settings for run" << runId
                            << settings.error();
        return;
    }
    if (!settings->emailEnabled && !settings->webhookEnabled)
        return;

    // The failure streak that a successful run ends: consecutive failed runs before it,
    // cancelled runs skipped. Its first run names the failure, and the recovery notification
    // is keyed on it, so the first success after the streak notifies once.
    auto previous = execute(db,
                            QStringLiteral("SELECT id, status FROM runs WHERE integration_id = ? "
                                           "AND id < ? AND status IN (?, ?, ?) "
                                           "ORDER BY id DESC LIMIT 200"),
                            {integrationId, runId, int(RunStatus::Succeeded),
                             int(RunStatus::SucceededWithWarnings), int(RunStatus::Failed)});
    if (!previous) {
        qCWarning(lcNotify) << "Cannot read the runs before run" << runId << previous.error();
        return;
    }
    qint64 streakStart = 0;
    while (previous->next() && previous->value(1).toInt() == int(RunStatus::Failed))
        streakStart = previous->value(0).toLongLong();
    previous->finish();

    if (status == int(RunStatus::Failed)) {
        if (settings->onFailure && !retriesNotifiedFailure(db, runId))
            claimEvent(db, districtId, QStringLiteral("failure"), QString::number(runId),
                       integrationId, runId, *settings);
    } else {
        if (streakStart != 0 && settings->onRecovery)
            claimEvent(db, districtId, QStringLiteral("recovery"), QString::number(streakStart),
                       integrationId, runId, *settings);
        if (settings->onLongRun && started.isValid() && ended.isValid()) {
            auto history = runs::loadFinishedRuns(db, districtId, integrationId,
                                                  started.addDays(-kMedianWindowDays), started);
            const auto median = history ? runs::medianSuccessSeconds(*history) : std::nullopt;
            const qint64 seconds = started.msecsTo(ended) / 1000;
            if (median && double(seconds) > *median * runs::kLongRunFactor)
                claimEvent(db, districtId, QStringLiteral("long-run"), QString::number(runId),
                           integrationId, runId, *settings);
        }
    }
    deliverPending();
}

void Notifier::claimEvent(const QSqlDatabase &db, qint64 districtId, const QString &event,
                          const QString &key, qint64 integrationId, qint64 runId,
                          const EffectiveSettings &settings, bool emailOnly)
{
    QStringList channels;
    if (settings.emailEnabled)
        channels.append(kEmail);
    if (settings.webhookEnabled && !emailOnly)
        channels.append(kWebhook);
    for (const QString &channel : std::as_const(channels)) {
        auto claimed = execute(db,
                               QStringLiteral("INSERT INTO notifications(district_id, event, "
                                              "event_key, channel, integration_id, run_id, status, "
                                              "created_at) VALUES (?, ?, ?, ?, ?, ?, 'sending', ?) "
                                              "ON CONFLICT (district_id, event, event_key, channel) "
                                              "DO NOTHING"),
                               {districtId, event, key, channel,
                                integrationId > 0 ? QVariant(integrationId) : QVariant(),
                                runId > 0 ? QVariant(runId) : QVariant(), nowIsoUtc()});
        if (!claimed)
            qCWarning(lcNotify) << "Cannot record the" << event << "notification of" << key
                                << claimed.error();
        else if (claimed->numRowsAffected() == 1)
            qCInfo(lcNotify) << "Queued the" << event << channel << "notification for" << key;
    }
}

Result<QList<qint64>> Notifier::queueTest(const QSqlDatabase &db, const SecretBox &box,
                                          qint64 districtId, const QString &channel)
{
    auto settings = loadEffectiveSettings(db, box, districtId, 0);
    if (!settings)
        return failure(settings.error());
    QStringList channels;
    if (settings->emailEnabled && (channel.isEmpty() || channel == kEmail))
        channels.append(kEmail);
    if (settings->webhookEnabled && (channel.isEmpty() || channel == kWebhook))
        channels.append(kWebhook);
    if (channels.isEmpty())
        return failure(channel.isEmpty()
                           ? QStringLiteral("Turn on email or the webhook and save first.")
                           : QStringLiteral("Turn on %1 notifications and save first.").arg(channel));
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<qint64> ids;
    for (const QString &name : std::as_const(channels)) {
        auto inserted = execute(db,
                                QStringLiteral("INSERT INTO notifications(district_id, event, "
                                               "event_key, channel, status, created_at) "
                                               "VALUES (?, 'test', ?, ?, 'sending', ?)"),
                                {districtId, key, name, nowIsoUtc()});
        if (!inserted)
            return failure(inserted.error());
        ids.append(inserted->lastInsertId().toLongLong());
    }
    return ids;
}

void Notifier::checkDailySummary()
{
    if (!m_box || m_stopped)
        return;
    const QSqlDatabase db = m_store.connection();
    auto districts = execute(db, QStringLiteral("SELECT id, time_zone FROM districts WHERE active = 1"));
    if (!districts) {
        qCWarning(lcNotify) << "Cannot read the districts:" << districts.error();
        return;
    }
    QList<QPair<qint64, QTimeZone>> list;
    while (districts->next())
        list.append({districts->value(0).toLongLong(),
                     QTimeZone(districts->value(1).toString().toUtf8())});
    districts->finish();
    for (const auto &[districtId, zone] : std::as_const(list)) {
        auto settings = loadEffectiveSettings(db, *m_box, districtId, 0);
        if (!settings || !settings->dailySummary || !settings->emailEnabled)
            continue;
        const QDateTime local = now().toTimeZone(zone);
        if (local.time() < settings->dailySummaryTime)
            continue;
        // The key is the day the summary describes: yesterday in the district's zone.
        claimEvent(db, districtId, QStringLiteral("daily-summary"),
                   local.date().addDays(-1).toString(Qt::ISODate), 0, 0, *settings, true);
    }
    deliverPending();
}

void Notifier::deliverPending()
{
    if (m_stopped)
        return;
    auto pending = execute(m_store.connection(),
                           QStringLiteral("SELECT id FROM notifications WHERE status = 'sending' "
                                          "ORDER BY id"));
    if (!pending) {
        qCWarning(lcNotify) << "Cannot read the notifications to send:" << pending.error();
        return;
    }
    QList<qint64> ids;
    while (pending->next())
        ids.append(pending->value(0).toLongLong());
    pending->finish();
    for (qint64 id : std::as_const(ids)) {
        if (!m_inFlight.contains(id))
            deliver(id);
    }
}

void Notifier::deliver(qint64 notificationId)
{
    if (!m_box || m_stopped)
        return;
    const QSqlDatabase db = m_store.connection();
    auto row = execute(db,
                       QStringLiteral("SELECT district_id, event, event_key, channel, "
                                      "coalesce(integration_id, 0), coalesce(run_id, 0), attempts "
                                      "FROM notifications WHERE id = ? AND status = 'sending'"),
                       {notificationId});
    if (!row || !row->next())
        return;
    Pending pending{notificationId,           row->value(0).toLongLong(), row->value(1).toString(),
                    row->value(2).toString(), row->value(3).toString(),   row->value(4).toLongLong(),
                    row->value(5).toLongLong(), row->value(6).toInt()};
    row->finish();

    // Several nodes may share the store, so only the node whose update takes the lease sends.
    const QDateTime claimedAt = now();
    auto claimed = execute(db,
                           QStringLiteral("UPDATE notifications SET attempts = attempts + 1, "
                                          "lease_until = ? WHERE id = ? AND status = 'sending' "
                                          "AND (lease_until IS NULL OR lease_until < ?)"),
                           {toIsoUtc(claimedAt.addSecs(kLeaseSeconds)), notificationId,
                            toIsoUtc(claimedAt)});
    if (!claimed) {
        qCWarning(lcNotify) << "Cannot claim notification" << notificationId << claimed.error();
        return;
    }
    if (claimed->numRowsAffected() != 1)
        return;
    m_inFlight.insert(notificationId);

    auto settings = loadEffectiveSettings(db, *m_box, pending.districtId, pending.integrationId);
    if (!settings)
        return deliveryDone(notificationId, settings.error());
    auto content = compose(db, pending);
    if (!content)
        return deliveryDone(notificationId, content.error());
    qCInfo(lcNotify) << "Sending notification" << notificationId << pending.event << "by"
                     << pending.channel << "attempt" << pending.attempts + 1;
    if (pending.channel == kEmail) {
        if (!settings->emailEnabled)
            return deliveryDone(notificationId, QStringLiteral("Email notifications are off."));
        sendEmail(notificationId, *settings, *content);
    } else {
        if (!settings->webhookEnabled)
            return deliveryDone(notificationId, QStringLiteral("The webhook is off."));
        sendWebhook(notificationId, *settings, *content);
    }
}

Result<Notifier::Content> Notifier::compose(const QSqlDatabase &db, const Pending &pending)
{
    const District district = loadDistrict(db, pending.districtId);
    Content content;
    content.payload = QJsonObject{
        {QStringLiteral("event"), pending.event},
        {QStringLiteral("notificationId"), pending.id},
        {QStringLiteral("district"), QJsonObject{{QStringLiteral("id"), pending.districtId},
                                                 {QStringLiteral("name"), district.name}}},
        {QStringLiteral("sentAt"), nowIsoUtc()},
    };

    if (pending.event == QLatin1String("test")) {
        content.subject = QStringLiteral("Hubdesk test notification for %1").arg(district.name);
        content.text = QStringLiteral("This is a test notification from the Hubdesk engine of "
                                      "%1. Run notifications will arrive this way.")
                           .arg(district.name);
        return content;
    }

    if (pending.event == QLatin1String("daily-summary")) {
        const QDate day = QDate::fromString(pending.eventKey, Qt::ISODate);
        auto counts = execute(db,
                              QStringLiteral("SELECT status, count(*) FROM runs WHERE "
                                             "district_id = ? AND started_at >= ? AND "
                                             "started_at < ? GROUP BY status ORDER BY status"),
                              {pending.districtId, toIsoUtc(day.startOfDay(district.zone)),
                               toIsoUtc(day.addDays(1).startOfDay(district.zone))});
        if (!counts)
            return failure(counts.error());
        QStringList lines;
        QJsonObject byStatus;
        while (counts->next()) {
            const int status = counts->value(0).toInt();
            lines.append(QStringLiteral("%1 %2: %3")
                             .arg(status)
                             .arg(runStatusText(status))
                             .arg(counts->value(1).toLongLong()));
            byStatus.insert(QString::number(status), counts->value(1).toLongLong());
        }
        content.subject = QStringLiteral("Hubdesk runs on %1 for %2").arg(pending.eventKey, district.name);
        content.text = lines.isEmpty()
                           ? QStringLiteral("No runs started on %1.").arg(pending.eventKey)
                           : QStringLiteral("Runs that started on %1, by status:\n\n%2")
                                 .arg(pending.eventKey, lines.join(QLatin1Char('\n')));
        content.payload.insert(QStringLiteral("date"), pending.eventKey);
        content.payload.insert(QStringLiteral("runsByStatus"), byStatus);
        return content;
    }

    auto run = api::runDetail(db, pending.districtId, pending.runId);
    if (!run)
        return failure(run.error());
    if (run->isEmpty())
        return failure(QStringLiteral("Run %1 no longer exists.").arg(pending.runId));
    const QString name = run->value(QStringLiteral("integrationName")).toString();
    const qint64 seconds = run->value(QStringLiteral("durationSeconds")).toInteger();
    QStringList facts = {
        QStringLiteral("Integration: %1").arg(name),
        QStringLiteral("Integration Instance Id: %1").arg(pending.runId),
        QStringLiteral("Status: %1 %2")
            .arg(run->value(QStringLiteral("status")).toInt())
            .arg(run->value(QStringLiteral("statusText")).toString()),
        QStringLiteral("Trigger: %1").arg(run->value(QStringLiteral("trigger")).toString()),
        QStringLiteral("Start: %1").arg(formatTime(run->value(QStringLiteral("startedAt")).toString(), district.zone)),
        QStringLiteral("End: %1").arg(formatTime(run->value(QStringLiteral("endedAt")).toString(), district.zone)),
        QStringLiteral("Duration: %1").arg(formatDuration(seconds)),
    };
    const QString message = run->value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        facts.append(QStringLiteral("Message: %1").arg(message));

    if (pending.event == QLatin1String("failure")) {
        content.subject = QStringLiteral("Failed: %1 (run %2)").arg(name).arg(pending.runId);
        QStringList errors;
        const QJsonArray log = run->value(QStringLiteral("log")).toArray();
        for (const QJsonValue &line : log) {
            if (line[QStringLiteral("level")].toString() == QLatin1String("error"))
                errors.append(line[QStringLiteral("message")].toString());
        }
        if (!errors.isEmpty())
            facts.append(QStringLiteral("\nLast errors:\n") + errors.mid(qMax(0, errors.size() - kLogLinesInMessage)).join(QLatin1Char('\n')));
    } else if (pending.event == QLatin1String("recovery")) {
        content.subject = QStringLiteral("Succeeded again: %1 (run %2)").arg(name).arg(pending.runId);
        facts.prepend(QStringLiteral("The integration succeeded after failing since run %1.\n")
                          .arg(pending.eventKey));
        content.payload.insert(QStringLiteral("failedSinceRunId"), pending.eventKey.toLongLong());
    } else {
        const QDateTime started = fromIsoUtc(run->value(QStringLiteral("startedAt")).toString());
        auto history = runs::loadFinishedRuns(db, pending.districtId, pending.integrationId,
                                              started.addDays(-kMedianWindowDays), started);
        const auto median = history ? runs::medianSuccessSeconds(*history) : std::nullopt;
        content.subject = QStringLiteral("Took unusually long: %1 (run %2)").arg(name).arg(pending.runId);
        if (median) {
            facts.prepend(QStringLiteral("The run took %1, %2 times the median of %3 over the "
                                         "last %4 days.\n")
                              .arg(formatDuration(seconds))
                              .arg(double(seconds) / *median, 0, 'f', 1)
                              .arg(formatDuration(qint64(*median)))
                              .arg(kMedianWindowDays));
            content.payload.insert(QStringLiteral("medianSeconds"), *median);
        }
    }
    content.text = facts.join(QLatin1Char('\n'));
    run->remove(QStringLiteral("log"));
    run->remove(QStringLiteral("phases"));
    content.payload.insert(QStringLiteral("integration"),
                           QJsonObject{{QStringLiteral("id"), pending.integrationId},
                                       {QStringLiteral("name"), name}});
    content.payload.insert(QStringLiteral("run"), *run);
    content.payload.insert(QStringLiteral("summary"), content.subject);
    return content;
}

void Notifier::sendEmail(qint64 notificationId, const EffectiveSettings &settings,
                         const Content &content)
{
    auto client = new SmtpClient(settings.smtp, this);
    connect(client, &SmtpClient::finished, this, [this, client, notificationId](const QString &error) {
        client->deleteLater();
        deliveryDone(notificationId, error);
    });
    client->send(EmailMessage{settings.from, settings.recipients, content.subject, content.text});
}

void Notifier::sendWebhook(qint64 notificationId, const EffectiveSettings &settings,
                           const Content &content)
{
    const QByteArray body = QJsonDocument(content.payload).toJson(QJsonDocument::Compact);
    QNetworkRequest request(settings.webhookUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kWebhookTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("X-Hubdesk-Event", content.payload.value(QStringLiteral("event")).toString().toUtf8());
    // Receivers drop repeats by this id: a delivery that timed out may have arrived.
    request.setRawHeader("X-Hubdesk-Delivery", QByteArray::number(notificationId));
    if (!settings.webhookSigningKey.isEmpty())
        request.setRawHeader("X-Hubdesk-Signature",
                             "sha256="
                                 + QMessageAuthenticationCode::hash(body, settings.webhookSigningKey,
                                                                    QCryptographicHash::Sha256)
                                       .toHex());
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, notificationId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
            return deliveryDone(notificationId, {});
        deliveryDone(notificationId,
                     status > 0 ? QStringLiteral("The webhook answered HTTP %1.").arg(status)
                                : QStringLiteral("The webhook request failed: %1")
                                      .arg(reply->errorString()));
    });
}

void Notifier::deliveryDone(qint64 notificationId, const QString &error)
{
    const QSqlDatabase db = m_store.connection();
    auto attempts = selectValue(db, QStringLiteral("SELECT attempts FROM notifications WHERE id = ?"),
                                {notificationId});
    const int attempt = attempts ? attempts->toInt() : kMaxAttempts;
    if (error.isEmpty()) {
        (void)execute(db,
                      QStringLiteral("UPDATE notifications SET status = 'sent', sent_at = ?, "
                                     "error = NULL, lease_until = NULL WHERE id = ?"),
                      {nowIsoUtc(), notificationId});
        qCInfo(lcNotify) << "Sent notification" << notificationId;
        m_inFlight.remove(notificationId);
        emit notificationFinished(notificationId, true);
        return;
    }
    if (attempt < kMaxAttempts && !m_stopped) {
        (void)execute(db,
                      QStringLiteral("UPDATE notifications SET error = ?, lease_until = NULL "
                                     "WHERE id = ?"),
                      {error, notificationId});
        const int delay = m_retryDelayMs * (1 << (attempt - 1));
        qCWarning(lcNotify) << "Notification" << notificationId << "attempt" << attempt
                            << "failed; retrying in" << delay << "ms:" << error;
        QTimer::singleShot(delay, this, [this, notificationId] {
            m_inFlight.remove(notificationId);
            deliver(notificationId);
        });
        return;
    }
    (void)execute(db,
                  QStringLiteral("UPDATE notifications SET status = 'failed', error = ?, "
                                 "lease_until = NULL WHERE id = ?"),
                  {error, notificationId});
    qCWarning(lcNotify) << "Notification" << notificationId << "failed after" << attempt
                        << "attempts:" << error;
    m_inFlight.remove(notificationId);
    emit notificationFinished(notificationId, false);
}

} // namespace hub::notify
