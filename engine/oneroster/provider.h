// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"
#include "oneroster/activity.h"
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
#include <QTimer>

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
// documents run on the HTTP server's thread.
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

    // Writes the counted activity to the store; called every minute and on destruction.
    void flushActivity();
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
    // Makes cached responses stale when the calling thread's connection reads another store
    // version than it read last.
    void noteStoreVersion(ThreadState &thread, const QByteArray &storeVersion);
    http::Response serve(const http::Request &request, const Caller &caller, Version version,
                         ThreadState &thread, const ServiceHandler &handler);
    ThreadState &threadState() const;

    ProviderOptions m_options;
    // The token check, which also reads the store version when the response cache is on.
    QString m_tokenSql;
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
    QTimer m_flushTimer;
};

// Route groups, one file each.
void registerRosteringRoutes(Provider &provider, http::Router &router, Version version);
void registerGradebookRoutes(Provider &provider, http::Router &router, Version version);
void registerResourceRoutes(Provider &provider, http::Router &router, Version version);

// The root of a service, such as /ims/oneroster/v1p1 or /ims/oneroster/rostering/v1p2.
QString serviceRoot(Version version, const QString &service);

} // namespace hub::oneroster
