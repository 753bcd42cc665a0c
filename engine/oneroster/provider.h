// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"
#include "oneroster/activity.h"
#include "oneroster/collection.h"
#include "oneroster/discovery.h"
#include "oneroster/failurelimiter.h"
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
    // Drops the statements prepared on the calling thread. A request thread calls it before it
    // closes its store connection and ends.
    void releaseThreadStatements();
    // Forgets cached page positions and totals after data changed.
    void dataChanged() { m_cache.clear(); }
    QDateTime now() const { return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc(); }
    const Store &store() const { return *m_options.store; }

private:
    http::Response issueToken(const http::Request &request);
    std::variant<Caller, http::Response> authenticate(const http::Request &request,
                                                      Version version) const;
    // The statements of the calling thread's store connection.
    StatementCache &threadStatements() const;

    ProviderOptions m_options;
    FailureLimiter m_clientFailures;
    FailureLimiter m_addressFailures;
    PageCache m_cache;
    // The statements that requests run, per thread, because each thread has its own store
    // connection.
    mutable QMutex m_statementsMutex;
    mutable QHash<const QThread *, std::shared_ptr<StatementCache>> m_statements;
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
