// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/limits.h"
#include "http/router.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

namespace hub::http {

class ConnectionGuard;
class RequestPool;

// The outcome of authenticating a request: a principal, or the status and message that reject
// the request (401 for an unknown token, 403 for a district the caller may not act on).
struct Authentication
{
    std::optional<Principal> principal;
    int status = 401;
    QString message;

    static Authentication accepted(Principal principal) { return {std::move(principal), 200, {}}; }
};

// The request header that names the district a request acts on, by id. Without it a request
// acts on the caller's default district.
inline constexpr char kDistrictHeader[] = "X-Hub-District";

// The engine's HTTP server. Requests under /api/ must carry a bearer token that an
// authenticator turns into a principal; the router checks the route's access level against it.
// Access::Public routes and paths outside /api/ are reached without a principal. Handlers run
// on the thread that owns the server, except those of concurrent routes outside /api/, which
// run on a pool of request threads when the server has one. Responses on a connection leave in
// the order of its requests. Every connection has a ConnectionGuard that enforces the Limits
// before Qt reads a request; with a TLS configuration the server speaks HTTPS only.
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    // Turns a bearer token and the district id of the X-Hub-District header (0 when absent)
    // into a principal.
    using Authenticator
        = std::function<Authentication(const QByteArray &token, qint64 requestedDistrictId)>;
    // Returns whether a district exists and is active.
    using DistrictCheck = std::function<bool(qint64 districtId)>;

    // The admin token stands for a statewide administrator acting on adminDistrictId, or on
    // the district that X-Hub-District names when the district check accepts it.
    explicit HttpServer(QByteArray adminToken, qint64 adminDistrictId = 0,
                        QObject *parent = nullptr);
    // Stops the request threads before the routes and their handlers go.
    ~HttpServer() override;

    Router &router() { return m_router; }

    // Consulted for bearer tokens other than the admin token.
    void setAuthenticator(Authenticator authenticator)
    {
        m_authenticator = std::move(authenticator);
    }
    void setDistrictCheck(DistrictCheck check) { m_districtCheck = std::move(check); }

    // Call these before start().
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool usesTls() const { return !m_tls.isNull(); }
    // Serves concurrent routes on this many request threads; 0 serves them on the server's
    // thread. Each thread calls threadFinished as it ends.
    void setRequestThreads(int count, std::function<void()> threadFinished = {})
    {
        m_requestThreads = count;
        m_requestThreadFinished = std::move(threadFinished);
    }
    int requestThreads() const { return m_requestThreads; }

    // Listens on the address and port (0 picks a free port) and returns the port, or 0.
    quint16 start(const QHostAddress &address, quint16 port);

    int openConnections() const { return m_openConnections; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    template<typename Base>
    friend class GuardedServer;

    // Called for each accepted socket; false when the connection was rejected.
    bool admit(qintptr descriptor);
    // Counts the socket as open until it is destroyed.
    void track(QTcpSocket *socket);
    void guard(QTcpSocket *socket);
    void attachHandedOver();
    // A response as it leaves: its number on the connection, its bytes, and what the log needs.
    struct Outgoing
    {
        quint64 number = 0;
        QByteArray bytes;
        int status = 0;
        QByteArray failureBody; // the start of the body of a 5xx response
    };
    static Outgoing serialize(quint64 number, Response response,
                              const IncomingRequest &request, bool tls);

    Authentication authenticate(const IncomingRequest &request) const;
    // Serves a request on the server's thread, where every route but the concurrent ones runs.
    Response respond(const IncomingRequest &request) const;
    // Sends a response after the earlier ones of its connection, and logs it.
    void deliver(QTcpSocket *socket, ConnectionGuard *guard, const IncomingRequest &request,
                 Outgoing outgoing, qint64 elapsedMs);
    // A response that a request thread served, waiting for the server's thread.
    struct Served
    {
        std::shared_ptr<const IncomingRequest> request;
        QPointer<ConnectionGuard> guard;
        QPointer<QTcpSocket> socket;
        Outgoing outgoing;
        QElapsedTimer timer;
    };
    // Delivers the responses that the request threads served.
    void deliverServed();

    QByteArray m_adminToken;
    qint64 m_adminDistrictId = 0;
    Authenticator m_authenticator;
    DistrictCheck m_districtCheck;
    Router m_router;
    Limits m_limits;
    QSslConfiguration m_tls;
    int m_openConnections = 0;
    int m_rejectedSinceLog = 0;
    QElapsedTimer m_rejectionLogClock;
    QList<QPointer<ConnectionGuard>> m_awaitingHandover;
    int m_requestThreads = 0;
    std::function<void()> m_requestThreadFinished;
    std::unique_ptr<RequestPool> m_pool;
    QMutex m_servedMutex;
    QList<Served> m_served;
};

} // namespace hub::http
