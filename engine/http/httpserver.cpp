// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "httpserver.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QTcpSocket>

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

} // namespace

HttpServer::HttpServer(QByteArray adminToken, qint64 adminDistrictId, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_adminToken(std::move(adminToken))
    , m_adminDistrictId(adminDistrictId)
{}

quint16 HttpServer::start(const QHostAddress &address, quint16 port)
{
    const quint16 bound = listen(address, port);
    if (bound == 0)
        qCWarning(lcHttp) << "Cannot listen on" << address.toString() << port;
    else
        qCInfo(lcHttp) << "Listening on" << address.toString() << bound;
    return bound;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();

    Response response;
    const QString path = request.url().path();
    if (path.startsWith(QLatin1String("/api/"))) {
        const std::optional<Principal> principal = authenticate(request);
        response = principal ? m_router.dispatch(request, &*principal) : unauthorized();
    } else {
        response = m_router.dispatch(request);
    }

    write(request, socket, response);
    qCDebug(lcHttp).nospace() << methodName(request.method()) << " " << path << " "
                              << response.status << " " << timer.elapsed() << " ms";
    if (response.status >= 500)
        qCWarning(lcHttp) << "Request" << methodName(request.method()) << path << "failed with"
                          << response.status << response.body.left(500);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    write(request, socket,
          Response::error(404, QStringLiteral("not_found"),
                          QStringLiteral("No resource at %1.").arg(request.url().path())));
}

std::optional<Principal> HttpServer::authenticate(const QHttpServerRequest &request) const
{
    QByteArray authorization;
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare("authorization", Qt::CaseInsensitive) == 0)
            authorization = value;
    }
    // The scheme name is case-insensitive (RFC 9110, section 11.1); the token is not.
    const QByteArray prefix = "bearer ";
    if (authorization.size() <= prefix.size()
        || authorization.left(prefix.size()).toLower() != prefix)
        return std::nullopt;
    const QByteArray token = authorization.mid(prefix.size()).trimmed();
    if (!m_adminToken.isEmpty() && constantTimeEquals(token, m_adminToken))
        return Principal{QStringLiteral("local administrator"), m_adminDistrictId,
                         Access::Statewide};
    if (m_authenticator)
        return m_authenticator(token);
    return std::nullopt;
}

void HttpServer::write(const QHttpServerRequest &request, QTcpSocket *socket,
                       const Response &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

} // namespace hub::http
