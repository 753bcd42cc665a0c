// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "backgroundwriter.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "oneroster/activity.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QSet>

#include <algorithm>

namespace hub::oneroster {

namespace {

constexpr int kFirstRetryMs = 1000;
constexpr int kMaxRetryMs = 60000;

// Lists the applications of tokens for a log line, such as "application 4" or
// "applications 4, 7".
QString applicationList(const QList<PendingToken> &tokens)
{
    QList<qint64> ids;
    for (const PendingToken &token : tokens) {
        if (!ids.contains(token.applicationId))
            ids.append(token.applicationId);
    }
    std::sort(ids.begin(), ids.end());
    QStringList text;
    for (const qint64 id : std::as_const(ids))
        text.append(QString::number(id));
    return (ids.size() == 1 ? QStringLiteral("application ") : QStringLiteral("applications "))
           + text.join(QLatin1String(", "));
}

// Returns "1 access token" or "N access tokens".
QString tokenCount(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 access token")
                      : QStringLiteral("%1 access tokens").arg(count);
}

} // namespace

QByteArray secretDigest(const QString &secretHash)
{
    return QCryptographicHash::hash(secretHash.toUtf8(), QCryptographicHash::Sha256);
}

bool applicationAcceptsToken(const PendingToken &token, bool active, const QString &secretHash,
                             qint64 revocations)
{
    return active && revocations == token.revocations
           && secretDigest(secretHash) == token.secretDigest;
}

bool PendingTokens::insert(const PendingToken &token)
{
    QMutexLocker locker(&m_mutex);
    if (m_tokens.size() >= m_capacity)
        return false;
    m_tokens.insert(token.tokenHash, token);
    return true;
}

std::optional<PendingToken> PendingTokens::find(const QString &tokenHash) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_tokens.constFind(tokenHash);
    if (it == m_tokens.cend())
        return std::nullopt;
    return *it;
}

void PendingTokens::remove(const QList<QString> &tokenHashes)
{
    QMutexLocker locker(&m_mutex);
    for (const QString &hash : tokenHashes)
        m_tokens.remove(hash);
}

int PendingTokens::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_tokens.size());
}

BackgroundWriter::BackgroundWriter(const Store &store, ActivityCounter &activity,
                                   PendingTokens *pending, int activityIntervalMs)
    : m_store(store)
    , m_activity(activity)
    , m_pending(pending)
    , m_activityIntervalMs(activityIntervalMs)
{
    // The timers are children, so they move to the writer's thread with it.
    m_tokenTimer.setParent(this);
    m_activityTimer.setParent(this);
    m_tokenTimer.setSingleShot(true);
    m_activityTimer.setSingleShot(true);
    connect(&m_tokenTimer, &QTimer::timeout, this, &BackgroundWriter::writeTokens);
    connect(&m_activityTimer, &QTimer::timeout, this, &BackgroundWriter::writeActivity);
}

void BackgroundWriter::start()
{
    m_activityTimer.start(m_activityIntervalMs);
}

void BackgroundWriter::storeToken(const PendingToken &token)
{
    m_queue.append(token);
    // A write that waits for its retry delay takes the new token along.
    if (!m_tokenTimer.isActive())
        scheduleTokenWrite(0);
}

void BackgroundWriter::flushActivity()
{
    writeActivity();
}

void BackgroundWriter::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        return;
    if (!m_queue.isEmpty() && !m_tokenTimer.isActive())
        scheduleTokenWrite(0);
}

void BackgroundWriter::shutdown()
{
    m_tokenTimer.stop();
    m_activityTimer.stop();
    m_paused = false;
    if (!m_queue.isEmpty()) {
        const TokenBatch batch = writeTokenBatch();
        if (batch.error.isEmpty()) {
            m_pending->remove(batch.done);
        } else {
            qCWarning(lcOneRoster).noquote()
                << QStringLiteral("Cannot store %1 of %2 before the engine stops, so those "
                                  "tokens no longer work and vendors must request new ones: %3")
                       .arg(tokenCount(m_queue.size()), applicationList(m_queue), batch.error);
        }
        m_queue.clear();
    }
    if (!m_activity.isEmpty()) {
        if (auto flushed = m_activity.flush(m_store.connection()); !flushed)
            qCWarning(lcOneRoster) << "Cannot write the OneRoster activity before the engine "
                                      "stops; the counts since the last write are lost:"
                                   << flushed.error();
    }
    m_store.releaseThreadConnection();
}

void BackgroundWriter::scheduleTokenWrite(int delayMs)
{
    m_tokenTimer.start(delayMs);
}

void BackgroundWriter::writeTokens()
{
    if (m_paused || m_queue.isEmpty())
        return;
    const TokenBatch batch = writeTokenBatch();
    if (!batch.error.isEmpty()) {
        m_tokenRetryMs = nextDelayMs(m_tokenRetryMs);
        qCWarning(lcOneRoster).noquote()
            << QStringLiteral("Cannot store %1 of %2; retrying in %3 s: %4")
                   .arg(tokenCount(m_queue.size()), applicationList(m_queue))
                   .arg(m_tokenRetryMs / 1000)
                   .arg(batch.error);
        scheduleTokenWrite(m_tokenRetryMs);
        return;
    }
    if (m_tokenRetryMs > 0)
        qCInfo(lcOneRoster).noquote() << "Stored" << tokenCount(m_queue.size()) << "after a retry";
    m_tokenRetryMs = 0;
    // Every queued token was in the batch, because the queue changes only on this thread.
    m_queue.clear();
    // The tokens leave the map only after their rows are committed, and the token check looks
    // in the map before the store, so a token is always found in one of them.
    m_pending->remove(batch.done);
}

BackgroundWriter::TokenBatch BackgroundWriter::writeTokenBatch()
{
    TokenBatch batch;
    const QSqlDatabase db = m_store.connection();
    Transaction transaction(db);
    if (!transaction.begun()) {
        batch.error = transaction.beginError();
        return batch;
    }
    // The application is read under the write lock, so a deactivation or secret reset either
    // commits before this read and drops the token here, or after this commit and deletes its
    // row.
    QSet<qint64> purged;
    for (const PendingToken &token : std::as_const(m_queue)) {
        batch.done.append(token.tokenHash);
        auto application = execute(db,
                                   QStringLiteral("SELECT active, secret_hash, token_revocations "
                                                  "FROM oneroster_applications WHERE id = ?"),
                                   {token.applicationId});
        if (!application) {
            batch.error = application.error();
            return batch;
        }
        if (!application->next()
            || !applicationAcceptsToken(token, application->value(0).toInt() == 1,
                                        application->value(1).toString(),
                                        application->value(2).toLongLong())) {
            qCInfo(lcOneRoster) << "Dropped an access token of application"
                                << token.applicationId
                                << "before it was stored, because the application was deleted, "
                                   "deactivated or given a new secret";
            continue;
        }
        // Expired tokens of the application go when it gets a new one: those that had expired
        // when this token was issued.
        if (!purged.contains(token.applicationId)) {
            auto deleted = execute(db,
                                   QStringLiteral("DELETE FROM oneroster_tokens WHERE "
                                                  "application_id = ? AND expires_at <= ?"),
                                   {token.applicationId, toIsoUtc(token.issuedAt)});
            if (!deleted) {
                batch.error = deleted.error();
                return batch;
            }
            purged.insert(token.applicationId);
        }
        auto inserted = execute(db,
                                QStringLiteral("INSERT INTO oneroster_tokens(token_hash, "
                                               "application_id, district_id, scopes, issued_at, "
                                               "expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                                {token.tokenHash, token.applicationId, token.districtId,
                                 token.scopes, toIsoUtc(token.issuedAt),
                                 toIsoUtc(token.expiresAt)});
        if (!inserted) {
            batch.error = inserted.error();
            return batch;
        }
    }
    if (auto committed = transaction.commit(); !committed)
        batch.error = committed.error();
    return batch;
}

void BackgroundWriter::writeActivity()
{
    if (m_paused) {
        m_activityTimer.start(m_activityIntervalMs);
        return;
    }
    if (m_activity.isEmpty()) {
        m_activityRetryMs = 0;
        m_activityTimer.start(m_activityIntervalMs);
        return;
    }
    if (auto flushed = m_activity.flush(m_store.connection()); !flushed) {
        // The counts stay in memory and go with the next attempt.
        m_activityRetryMs = nextDelayMs(m_activityRetryMs);
        qCWarning(lcOneRoster).noquote()
            << QStringLiteral("Cannot write the OneRoster activity; retrying in %1 s: %2")
                   .arg(m_activityRetryMs / 1000)
                   .arg(flushed.error());
        m_activityTimer.start(std::min(m_activityRetryMs, m_activityIntervalMs));
        return;
    }
    if (m_activityRetryMs > 0)
        qCInfo(lcOneRoster) << "Wrote the OneRoster activity after a retry";
    m_activityRetryMs = 0;
    m_activityTimer.start(m_activityIntervalMs);
}

int BackgroundWriter::nextDelayMs(int delayMs)
{
    return delayMs == 0 ? kFirstRetryMs : std::min(delayMs * 2, kMaxRetryMs);
}

} // namespace hub::oneroster
