// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "httpserver.h"

#include "core/logging.h"
#include "core/messagetext.h"
#include "http/connectionguard.h"
#include "http/requestpool.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <type_traits>

namespace hub::http {

namespace {

// Compares two byte strings in time that depends on their length only, so that a token cannot
// be guessed byte by byte from response times.
bool constantTimeEquals(const QByteArray &left, const QByteArray &right)
{
    const QByteArray leftHash = QCryptographicHash::hash(left, QCryptographicHash::Sha256);
    const QByteArray rightHash = QCryptographicHash::hash(right, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < leftHash.size(); ++i)
        difference |= static_cast<unsigned char>(leftHash.at(i) ^ rightHash.at(i));
    return difference == 0;
}

// Rejected connections are logged at most this often, with a count, so that a connection flood
// does not flood the log too.
constexpr qint64 rejectionLogIntervalMs = 10 * 1000;

QString errorCode(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("bad_request");
    case 403:
        return QStringLiteral("forbidden");
    default:
        return QStringLiteral("unavailable");
    }
}

} // namespace

// The listening socket. It counts connections against the limit and puts a ConnectionGuard on
// each socket before the HTTP server connects to it. Over TLS, QSslServer does the handshake and
// hands the socket over once it is encrypted.
template<typename Base>
class GuardedServer final : public Base
{
public:
    explicit GuardedServer(HttpServer *owner)
        : Base(owner)
        , m_owner(owner)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!m_owner->admit(descriptor))
            return;
        if constexpr (std::is_same_v<Base, QSslServer>) {
            // QSslServer makes the socket its newest child. It counts from now, because a client
            // may stay silent until the handshake times out; startedEncryptionHandshake gives
            // the socket to HttpServer::guard once the client speaks.
            Base::incomingConnection(descriptor);
            const auto sockets
                = this->template findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly);
            if (!sockets.isEmpty())
                m_owner->track(sockets.constLast());
        } else {
            auto *socket = new QTcpSocket(this);
            if (!socket->setSocketDescriptor(descriptor)) {
                qCWarning(lcHttp) << "Cannot take an accepted connection:" << socket->errorString();
                delete socket;
                return;
            }
            m_owner->track(socket);
            m_owner->guard(socket);
            this->addPendingConnection(socket);
        }
    }

private:
    HttpServer *m_owner;
};

HttpServer::HttpServer(QByteArray adminToken, qint64 adminDistrictId, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_adminToken(std::move(adminToken))
    , m_adminDistrictId(adminDistrictId)
{}

HttpServer::~HttpServer()
{
    // Running handlers finish before the router goes; their responses are not delivered.
    m_pool.reset();
}

quint16 HttpServer::start(const QHostAddress &address, quint16 port)
{
    QTcpServer *server = nullptr;
    if (usesTls()) {
        auto *sslServer = new GuardedServer<QSslServer>(this);
        sslServer->setSslConfiguration(m_tls);
        sslServer->setHandshakeTimeout(m_limits.headTimeoutMs);
        connect(sslServer, &QSslServer::startedEncryptionHandshake, this,
                [this](QSslSocket *socket) { guard(socket); });
        connect(sslServer, &QSslServer::errorOccurred, this,
                [](QSslSocket *socket, QAbstractSocket::SocketError error) {
                    qCInfo(lcHttp)
                        << "A TLS connection failed before its handshake completed:" << error
                        << socket->errorString();
                });
        server = sslServer;
    } else {
        server = new GuardedServer<QTcpServer>(this);
    }
    // QTcpServer stops accepting silently when this many connections wait, TLS handshakes
    // included. Above the limit, admit() closes the connection with a log line instead.
    server->setMaxPendingConnections(qMax(1, m_limits.maxConnections) + 1);

    if (!server->listen(address, port)) {
        qCWarning(lcHttp) << "Cannot listen on" << address.toString() << port << ":"
                          << server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    if (m_requestThreads > 0 && !m_pool)
        m_pool = std::make_unique<RequestPool>(m_requestThreads, m_requestThreadFinished);
    // Connected after bind(), so it runs after the HTTP server has taken the new sockets.
    connect(server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::attachHandedOver);
    qCInfo(lcHttp) << "Listening on" << address.toString() << server->serverPort()
                   << (usesTls() ? "over TLS" : "over plain HTTP") << "with at most"
                   << m_limits.maxConnections << "connections";
    return server->serverPort();
}

bool HttpServer::admit(qintptr descriptor)
{
    if (m_openConnections < m_limits.maxConnections)
        return true;

    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(descriptor);
    ++m_rejectedSinceLog;
    if (!m_rejectionLogClock.isValid() || m_rejectionLogClock.elapsed() >= rejectionLogIntervalMs) {
        qCWarning(lcHttp).noquote()
            << "Rejected"
            << countOf(m_rejectedSinceLog, QStringLiteral("connection"),
                       QStringLiteral("connections"))
                   + QLatin1Char(',')
            << "the last from"
            << socket->peerAddress().toString() << ":" << m_openConnections
            << "connections are open, the limit (hubd --max-connections)";
        m_rejectedSinceLog = 0;
        m_rejectionLogClock.start();
    }
    if (usesTls()) {
        socket->abort();
        socket->deleteLater();
        return false;
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(closingErrorResponse(
        503, QStringLiteral("The engine has too many open connections; try again shortly."), false,
        {{"Retry-After", "1"}}));
    socket->disconnectFromHost();
    return false;
}

void HttpServer::track(QTcpSocket *socket)
{
    // A socket is counted once, until it is destroyed.
    static const char trackedProperty[] = "hubTracked";
    if (socket->property(trackedProperty).toBool())
        return;
    socket->setProperty(trackedProperty, true);
    // A response leaves in more than one write. With Nagle's algorithm the second write waits
    // for the client's ACK of the first, and a client that delays its ACKs holds it back about
    // 40 ms on Linux. Requests on a kept-alive connection took 40 ms longer for that reason.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ++m_openConnections;
    connect(socket, &QObject::destroyed, this, [this] { --m_openConnections; });
}

void HttpServer::guard(QTcpSocket *socket)
{
    auto *guard = new ConnectionGuard(socket, this, m_limits,
                                      [this](const QByteArray &method, const QByteArray &target) {
                                          const QString path = QUrl::fromEncoded(target).path();
                                          const qint64 limit = m_router.bodyLimit(method, path);
                                          return limit >= 0 ? limit : m_limits.maxBodyBytes;
                                      });
    m_awaitingHandover.append(guard);
}

void HttpServer::attachHandedOver()
{
    for (auto it = m_awaitingHandover.begin(); it != m_awaitingHandover.end();) {
        ConnectionGuard *guard = *it;
        auto *tlsSocket = guard ? qobject_cast<QSslSocket *>(guard->parent()) : nullptr;
        if (guard && tlsSocket && !tlsSocket->isEncrypted()) {
            ++it;
            continue;
        }
        if (guard)
            guard->attachAfterServer();
        it = m_awaitingHandover.erase(it);
    }
}

bool HttpServer::handleRequest(const QHttpServerRequest &qtRequest, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    // Qt parses the next request of the connection into qtRequest, possibly while this one is
    // still being served, so the server works on a copy.
    auto request = std::make_shared<const IncomingRequest>(IncomingRequest::copyOf(qtRequest));
    const bool tls = qobject_cast<QSslSocket *>(socket) != nullptr;

    // The guard holds back pipelined requests that wait in the socket while
    // ConnectionGuard::maxPipelinedResponses responses are pending, so only a client that sends
    // many requests in separate packets without reading the responses reaches the limit.
    auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
    if (guard && guard->pendingResponses() >= m_limits.maxPendingResponses) {
        guard->reject(503, QStringLiteral("The connection has %1 requests waiting for their "
                                          "responses; read the responses before sending more.")
                               .arg(guard->pendingResponses()));
        return true;
    }
    const quint64 number = guard ? guard->reserveResponse() : 0;

    if (m_pool && guard && !request->url.path().startsWith(QLatin1String("/api/"))) {
        auto matched = m_router.match(*request);
        const auto *found = std::get_if<Router::Match>(&matched);
        if (found && found->route->concurrent) {
            m_pool->post([this, request, match = *found, guard = QPointer<ConnectionGuard>(guard),
                          socket = QPointer<QTcpSocket>(socket), number, tls, timer] {
                Served served{request, guard, socket,
                              serialize(number, m_router.invoke(match, *request), *request, tls),
                              timer};
                // One queued call delivers every response served until it runs, so that a busy
                // server wakes its thread once for many responses.
                bool first = false;
                {
                    QMutexLocker locker(&m_servedMutex);
                    first = m_served.isEmpty();
                    m_served.append(std::move(served));
                }
                if (first)
                    QMetaObject::invokeMethod(this, &HttpServer::deliverServed,
                                              Qt::QueuedConnection);
            });
            return true;
        }
        Response response
            = found ? m_router.invoke(*found, *request) : std::get<Response>(std::move(matched));
        deliver(socket, guard, *request, serialize(number, std::move(response), *request, tls),
                timer.elapsed());
        return true;
    }

    deliver(socket, guard, *request, serialize(number, respond(*request), *request, tls),
            timer.elapsed());
    return true;
}

Response HttpServer::respond(const IncomingRequest &request) const
{
    if (!request.url.path().startsWith(QLatin1String("/api/")))
        return m_router.dispatch(request);
    const Authentication authentication = authenticate(request);
    if (authentication.principal)
        return m_router.dispatch(request, &*authentication.principal);
    if (m_router.isPublic(request))
        return m_router.dispatch(request);
    if (authentication.status == 401)
        return unauthorized(authentication.message);
    return Response::error(authentication.status, errorCode(authentication.status),
                           authentication.message);
}

HttpServer::Outgoing HttpServer::serialize(quint64 number, Response response,
                                           const IncomingRequest &request, bool tls)
{
    Outgoing outgoing;
    outgoing.number = number;
    outgoing.status = response.status;
    if (response.status >= 500)
        outgoing.failureBody = response.body.left(500);
    outgoing.bytes = serializeResponse(std::move(response),
                                       request.method == QHttpServerRequest::Method::Head, tls);
    return outgoing;
}

void HttpServer::deliverServed()
{
    QList<Served> served;
    {
        QMutexLocker locker(&m_servedMutex);
        served.swap(m_served);
    }
    for (Served &response : served) {
        // The connection may have closed while the request was served.
        if (response.guard && response.socket)
            deliver(response.socket, response.guard, *response.request,
                    std::move(response.outgoing), response.timer.elapsed());
    }
}

void HttpServer::deliver(QTcpSocket *socket, ConnectionGuard *guard, const IncomingRequest &request,
                         Outgoing outgoing, qint64 elapsedMs)
{
    const QString path = request.url.path();
    qCDebug(lcHttp).nospace() << methodName(request.method) << " " << path << " " << outgoing.status
                              << " " << elapsedMs << " ms";
    if (outgoing.status >= 500)
        qCWarning(lcHttp) << "Request" << methodName(request.method) << path << "failed with"
                          << outgoing.status << outgoing.failureBody;
    if (guard)
        guard->completeResponse(outgoing.number, std::move(outgoing.bytes));
    else if (socket->state() == QAbstractSocket::ConnectedState)
        socket->write(outgoing.bytes);
}

void HttpServer::missingHandler(const QHttpServerRequest &qtRequest, QTcpSocket *socket)
{
    // handleRequest() serves every request, so Qt never calls this. It returns 404 all the same.
    const IncomingRequest request = IncomingRequest::copyOf(qtRequest);
    const Response response
        = Response::error(404, QStringLiteral("not_found"),
                          QStringLiteral("No resource at %1.").arg(request.url.path()));
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->write(serializeResponse(response,
                                        request.method == QHttpServerRequest::Method::Head,
                                        qobject_cast<QSslSocket *>(socket) != nullptr));
}

Authentication HttpServer::authenticate(const IncomingRequest &request) const
{
    QByteArray authorization;
    QByteArray districtHeader;
    for (const auto &[key, value] : request.headers) {
        if (key.compare("authorization", Qt::CaseInsensitive) == 0)
            authorization = value;
        else if (key.compare(kDistrictHeader, Qt::CaseInsensitive) == 0)
            districtHeader = value.trimmed();
    }
    // The scheme name is case-insensitive (RFC 9110, section 11.1); the token is not.
    const QByteArray prefix = "bearer ";
    if (authorization.size() <= prefix.size()
        || authorization.left(prefix.size()).toLower() != prefix)
        return {};
    const QByteArray token = authorization.mid(prefix.size()).trimmed();

    qint64 requestedDistrictId = 0;
    if (!districtHeader.isEmpty()) {
        bool ok = false;
        requestedDistrictId = districtHeader.toLongLong(&ok);
        if (!ok || requestedDistrictId <= 0 || districtHeader.size() > 18)
            return {std::nullopt, 400,
                    QStringLiteral("The %1 header must be a positive district id.")
                        .arg(QLatin1String(kDistrictHeader))};
    }

    if (!m_adminToken.isEmpty() && constantTimeEquals(token, m_adminToken)) {
        Principal admin{QStringLiteral("local administrator"), m_adminDistrictId,
                        Access::Statewide};
        if (requestedDistrictId == 0 || requestedDistrictId == m_adminDistrictId)
            return Authentication::accepted(admin);
        if (!m_districtCheck || !m_districtCheck(requestedDistrictId))
            return {std::nullopt, 403,
                    QStringLiteral("District %1 does not exist or is deactivated.")
                        .arg(requestedDistrictId)};
        admin.districtId = requestedDistrictId;
        return Authentication::accepted(admin);
    }
    if (m_authenticator)
        return m_authenticator(token, requestedDistrictId);
    return {};
}

} // namespace hub::http
