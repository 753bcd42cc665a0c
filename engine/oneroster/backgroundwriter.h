// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace hub {
class Store;
}

namespace hub::oneroster {

class ActivityCounter;

// An access token that was issued but whose oneroster_tokens row is not committed yet.
struct PendingToken
{
    // The hex BLAKE2b-256 of the token (see accessTokenHash()).
    QString tokenHash;
    qint64 applicationId = 0;
    qint64 districtId = 0;
    // The granted short scope names as a JSON array, as oneroster_tokens.scopes stores them.
    QString scopes;
    QDateTime issuedAt;
    QDateTime expiresAt;
    // The SHA-256 of the application's secret_hash when the token was issued. A secret reset
    // changes it.
    QByteArray secretDigest;
    // The application's token_revocations when the token was issued.
    qint64 revocations = 0;
};

// Returns the SHA-256 of a stored secret hash, so that pending tokens keep no copy of it.
QByteArray secretDigest(const QString &secretHash);

// Whether an application, as read now, still accepts a pending token issued to it. It must be
// active, have the same secret and have had no revocation since the token was issued.
bool applicationAcceptsToken(const PendingToken &token, bool active, const QString &secretHash,
                             qint64 revocations);

// The tokens issued but not yet stored, by token hash, up to a capacity. It is thread-safe,
// because the token endpoint adds tokens, request threads look them up and the writer thread
// removes them.
class PendingTokens
{
public:
    explicit PendingTokens(int capacity) : m_capacity(capacity) {}

    // Adds a token, or returns false when the map is full.
    bool insert(const PendingToken &token);
    std::optional<PendingToken> find(const QString &tokenHash) const;
    void remove(const QList<QString> &tokenHashes);
    int size() const;
    int capacity() const { return m_capacity; }

private:
    mutable QMutex m_mutex;
    QHash<QString, PendingToken> m_tokens;
    const int m_capacity;
};

// The OneRoster provider's writes that must not wait on the HTTP thread: the activity counts,
// and on SQLite the new access tokens with the purge of expired ones. It lives on a thread of
// its own with its own store connection, which waits up to 30 s for the write lock (see
// Store::connection()), and retries a failed write with a growing delay. Call its methods
// through queued calls; only the constructor runs on another thread.
class BackgroundWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundWriter)

public:
    // pending is null on PostgreSQL, where the token endpoint stores tokens itself. The store,
    // the counter and the map must outlive the writer.
    BackgroundWriter(const Store &store, ActivityCounter &activity, PendingTokens *pending,
                     int activityIntervalMs);

    // Starts the activity timer; call it on the writer's thread.
    void start();
    // Queues a token that is already in the pending map for storing.
    void storeToken(const PendingToken &token);
    // Adds the counted activity to the store now.
    void flushActivity();
    // Holds back every write while paused, so that a test can keep tokens pending.
    void setPaused(bool paused);
    // Makes one last attempt at the queued tokens and the activity, then closes the thread's
    // store connection. Call it last, before the thread ends.
    void shutdown();

private:
    void scheduleTokenWrite(int delayMs);
    void writeTokens();
    struct TokenBatch
    {
        // The hashes of the tokens that are done: stored, or dropped because their
        // application was deleted or revoked them.
        QList<QString> done;
        // The error of the rolled-back transaction; empty when it committed.
        QString error;
    };
    // Stores the queued tokens in one transaction.
    TokenBatch writeTokenBatch();
    void writeActivity();
    static int nextDelayMs(int delayMs);

    const Store &m_store;
    ActivityCounter &m_activity;
    PendingTokens *m_pending;
    // The tokens to store, in the order of issue.
    QList<PendingToken> m_queue;
    QTimer m_tokenTimer;
    QTimer m_activityTimer;
    const int m_activityIntervalMs;
    // The delay before the next attempt after a failure; 0 after a success.
    int m_tokenRetryMs = 0;
    int m_activityRetryMs = 0;
    bool m_paused = false;
};

} // namespace hub::oneroster
