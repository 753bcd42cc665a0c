// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"
#include "oneroster/activity.h"
#include "oneroster/backgroundwriter.h"
#include "oneroster/collection.h"
#include "oneroster/discovery.h"
#include "oneroster/failurelimiter.h"
#include "oneroster/responsecache.h"
#include "oneroster/scopes.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>
#include <memory>
#include <variant>

namespace hub {
class Store;
}

namespace hub::oneroster {

struct ProviderOptions
{
    const Store *store = nullptr;
    // Returns the current UTC time; the system clock when empty.
    std::function<QDateTime()> clock;
    int tokenLifetimeSeconds = 3600;
    // Failed token requests allowed per peer address and per client id in one window. The
    // address limit stops guessing. The client ceiling is ten times higher, so an address that
    // has a client id cannot lock the vendor out, and only guesses from many addresses reach it.
    int maxFailuresPerAddress = 10;
    int maxFailuresPerClient = 100;
    int failureWindowSeconds = 300;
    // The byte budget of the cache of whole GET responses; 0 turns the cache off.
    qint64 responseCacheBytes = 0;
    // On SQLite, the issued tokens that may wait for the write lock at once. The token endpoint
    // returns 503 while this many wait.
    int maxPendingTokens = 10000;
};

// The application behind a valid access token.
struct Caller
{
    qint64 applicationId = 0;
    qint64 districtId = 0;
    int schoolYear = 0; // 0 for every school year
    QSet<QString> scopes;
};

// A OneRoster request after authentication: who sent it and how to read its data.
struct ServiceRequest
{
    const http::Request &http;
    const Caller &caller;
    ReadContext read;
};

using ServiceHandler = std::function<http::Response(ServiceRequest &)>;

// The OneRoster provider: the OAuth 2 token endpoint at /oauth/token and the 1.1 and 1.2
// services under /ims/oneroster. Its routes are Access::Public on the engine's router, because
// they authenticate vendor applications by their own bearer tokens, which are unrelated to
// admin tokens. The GET routes of the services are concurrent: the HTTP server may run them on
// its request threads, several at once. The token endpoint, the writes and the discovery
// documents run on the HTTP server's thread. A BackgroundWriter on the thread
// "hub-oneroster-writer" writes the activity counts and, on SQLite, the new tokens. Token
// requests and the activity flush then never wait on the HTTP thread for a long load's write lock.
class Provider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Provider)

public:
    explicit Provider(ProviderOptions options, QObject *parent = nullptr);
    ~Provider() override;

    // Registers the token endpoint and every OneRoster route; the provider must outlive the
    // router.
    void registerRoutes(http::Router &router);

    // Adds a route of a OneRoster service that needs any one of the scopes (short names).
    void addServiceRoute(http::Router &router, const QByteArray &method, Version version,
                         const QString &pattern, const QStringList &scopes,
                         ServiceHandler handler);

    // Writes the counted activity to the store on the writer thread and waits until it is
    // written or has failed. The writer also writes it every minute and on destruction.
    void flushActivity();
    // Asks the writer thread to write the counted activity, without waiting.
    void startActivityFlush();
    // Holds back the writer's token inserts and activity writes while paused, so that a test
    // can keep tokens pending. Returns once the writer has taken the change.
    void setWriterPaused(bool paused);
    // The issued tokens whose rows are not committed yet; always 0 on PostgreSQL.
    int pendingTokenCount() const { return m_pendingTokens ? m_pendingTokens->size() : 0; }
    // Drops the statements prepared on the calling thread and the store version it read. A
    // request thread calls it before it closes its store connection and ends.
    void releaseThreadStatements();
    // Forgets cached page positions and totals and makes every cached response stale, after
    // data changed.
    void dataChanged() { m_cache.clear(); }
    // The hits, misses and size of the response cache.
    ResponseCache::Statistics responseCacheStatistics() const { return m_responses.statistics(); }
    QDateTime now() const { return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc(); }
    const Store &store() const { return *m_options.store; }

private:
    // The provider's state for one thread's own store connection.
    struct ThreadState
    {
        StatementCache statements;
        // The store version that the connection read last (see noteStoreVersion()), empty
        // before its first request.
        QByteArray storeVersion;
    };

    http::Response issueToken(const http::Request &request);
    // Checks the bearer token. With the response cache on, it also reads the store version in
    // the same statement and stores it in storeVersion.
    std::variant<Caller, http::Response> authenticate(const http::Request &request,
                                                      Version version, ThreadState &thread,
                                                      QByteArray *storeVersion) const;
    // Checks a token whose row is not committed yet against its application as stored now.
    std::variant<Caller, http::Response> authenticatePending(const PendingToken &token,
                                                             Version version,
                                                             ThreadState &thread,
                                                             QByteArray *storeVersion) const;
    // Hands a new token to the writer thread, or returns 503 when too many wait already.
    std::optional<http::Response> storeTokenLater(const PendingToken &token);
    // Stores a new token before the response, as several PostgreSQL nodes need it.
    std::optional<http::Response> storeTokenNow(const PendingToken &token);
    // Makes cached responses stale when the calling thread's connection reads another store
    // version than it read last.
    void noteStoreVersion(ThreadState &thread, const QByteArray &storeVersion);
    http::Response serve(const http::Request &request, const Caller &caller, Version version,
                         ThreadState &thread, const ServiceHandler &handler);
    ThreadState &threadState() const;

    ProviderOptions m_options;
    // The token check, which also reads the store version when the response cache is on.
    QString m_tokenSql;
    // The check of a pending token on SQLite: its application, and the store version as in
    // m_tokenSql.
    QString m_pendingTokenSql;
    FailureLimiter m_clientFailures;
    FailureLimiter m_addressFailures;
    PageCache m_cache;
    ResponseCache m_responses;
    // The statements that requests run and the store version last read, per thread, because
    // each thread has its own store connection.
    mutable QMutex m_threadsMutex;
    mutable QHash<const QThread *, std::shared_ptr<ThreadState>> m_threads;
    ActivityCounter m_activity;
    QList<DocumentedRoute> m_documented;
    // Null on PostgreSQL, where tokens are stored before the response.
    std::unique_ptr<PendingTokens> m_pendingTokens;
    QThread m_writerThread;
    // Lives on m_writerThread; deleted after that thread ends.
    BackgroundWriter *m_writer = nullptr;
};

// Route groups, one file each.
void registerRosteringRoutes(Provider &provider, http::Router &router, Version version);
void registerGradebookRoutes(Provider &provider, http::Router &router, Version version);
void registerResourceRoutes(Provider &provider, http::Router &router, Version version);

// The root of a service, such as /ims/oneroster/v1p1 or /ims/oneroster/rostering/v1p2.
QString serviceRoot(Version version, const QString &service);

} // namespace hub::oneroster
