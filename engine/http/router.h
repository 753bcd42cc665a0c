// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/ratelimiter.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace hub::http {

// Access level that a route requires of its caller, from least to most. A caller has one level
// per district and may use every route at or below it: a viewer has View, an operator Operate, a
// district administrator Administer, and a statewide administrator Statewide.
enum class Access {
    Public,     // no admin credentials; the route authenticates its caller itself, if at all
    View,       // read the district's configuration, runs and data
    Operate,    // run, cancel, retry, upload files, approve held loads
    Configure,  // change integrations, destinations, schedules, applications and secrets
    Administer, // manage the district's user accounts
    Statewide,  // create, rename and deactivate districts
};

// Sender of a request and the district it acts on, as the HTTP server established them.
struct Principal
{
    QString actor;         // written to the audit log: a user name or "local administrator"
    qint64 districtId = 0; // the district every query of the request is scoped to
    Access level = Access::Public;
    qint64 accountId = 0; // the signed-in account, or 0 for the admin token

    bool allows(Access required) const { return required <= level; }
};

// A request as the server read it, copied out of Qt's request object. Qt keeps one request
// object per connection and parses the next pipelined request into it, so a request that a
// handler serves on another thread must be a copy.
struct IncomingRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    // The URL as Qt builds it: scheme, the Host header's host and port, path and query.
    QUrl url;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peerAddress;

    static IncomingRequest copyOf(const QHttpServerRequest &request);

    // The value of a request header; the name is matched without regard to case.
    QByteArray header(QByteArrayView name) const;
    // The method whose routes serve the request: HEAD is served by the GET route, and the server
    // then sends the headers without the body (RFC 9110, section 9.3.2).
    QByteArray routeMethod() const;
};

// A request as handlers see it: the method, path parameters, body and caller.
class Request
{
public:
    Request(const IncomingRequest &request, QHash<QString, QString> pathParameters,
            Principal principal = {});

    QByteArray method() const { return m_method; }
    QString path() const { return m_request.url.path(); }
    QUrlQuery query() const { return m_request.query; }
    // The value of a request header; the name is matched without regard to case.
    QByteArray header(const QByteArray &name) const { return m_request.header(name); }
    QByteArray body() const { return m_request.body; }
    QString pathParameter(const QString &name) const { return m_pathParameters.value(name); }
    // The path parameter as a positive integer id, or 0 when it is not one.
    qint64 idParameter(const QString &name) const;
    const Principal &principal() const { return m_principal; }
    qint64 districtId() const { return m_principal.districtId; }
    const QUrl &url() const { return m_request.url; }
    QHostAddress peerAddress() const { return m_request.peerAddress; }

private:
    const IncomingRequest &m_request;
    QByteArray m_method;
    QHash<QString, QString> m_pathParameters;
    Principal m_principal;
};

struct Response
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(const QJsonDocument &document, int status = 200);
    static Response json(const QJsonObject &object, int status = 200);
    // A JSON error body: {"error": code, "message": message}.
    static Response error(int status, const QString &code, const QString &message);
    static Response noContent();
};

using Handler = std::function<Response(const Request &)>;

// Matches a method and a path pattern such as /api/v1/integrations/{id} to a handler. A path
// that matches with another method gets 405 with an Allow header, an unknown path 404. A route
// above Access::Public needs a principal: none gives 401, one below the route's level 403.
//
// A route may accept a larger body than the server's default (file uploads), and a path may
// have a rate limit per peer address (429 with Retry-After once a peer has used its tokens).
// Routes are added before the server starts and not changed while it serves, so matching and
// invoking may run on several threads at once.
class Router
{
public:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access = Access::View;
        Handler handler;
        qint64 bodyLimit = -1;
        // The handler is thread-safe, so the server may run it on a request thread.
        bool concurrent = false;
    };

    // The route that a request reaches, with the values of its path parameters.
    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> pathParameters;
        QStringList pathSegments;
    };

    void addRoute(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    Response dispatch(const IncomingRequest &request, const Principal *principal = nullptr) const;

    // The route of the request's method and path, or the 404 or 405 response when there is none.
    std::variant<Match, Response> match(const IncomingRequest &request) const;
    // Checks the matched route's rate limit, access level and query parameters, then runs its
    // handler.
    Response invoke(const Match &match, const IncomingRequest &request,
                    const Principal *principal = nullptr) const;

    // The largest request body of the route with this method and pattern, added before.
    void setBodyLimit(const QByteArray &method, const QString &pattern, qint64 bytes);
    // The body limit of the route that the method and path reach, or -1 for the default.
    qint64 bodyLimit(const QByteArray &method, const QString &path) const;
    // Marks the route with this method and pattern, added before, as one whose handler is
    // thread-safe, so that the server may run it on a request thread.
    void setConcurrent(const QByteArray &method, const QString &pattern);

    // Every method on paths that match the pattern shares one token bucket per peer.
    void limitRate(const QString &pattern, RateLimiter::Policy policy,
                   std::function<qint64()> clockMs = {});
    // Requests with this method on paths that match the pattern take tokens from the limiter,
    // which other method and pattern pairs may share.
    void limitRate(const QByteArray &method, const QString &pattern,
                   std::shared_ptr<RateLimiter> limiter);

    const QList<Route> &routes() const { return m_routes; }
    // Whether the request's method and path match an Access::Public route.
    bool isPublic(const IncomingRequest &request) const;

private:
    struct RateLimit
    {
        QStringList segments;
        std::shared_ptr<RateLimiter> limiter;
        QByteArray method; // empty for every method
    };

    std::optional<Response> checkRate(const QByteArray &method, const QStringList &path,
                                      const IncomingRequest &request) const;

    QList<Route> m_routes;
    QList<RateLimit> m_rateLimits;
};

QByteArray methodName(QHttpServerRequest::Method method);

// 401 with a WWW-Authenticate challenge for the admin API, and the message when one is given.
Response unauthorized(const QString &message = {});

// Headers on every response: no sniffing, no framing, no referrer; over TLS also HSTS.
QList<QPair<QByteArray, QByteArray>> securityHeaders(bool tls);

// The bytes of a response as the server sends them: the status line, Content-Type,
// Cache-Control, the security headers, the response's own headers, Content-Length and the body.
// A response to HEAD carries the length of the body that GET would send, but no body.
QByteArray serializeResponse(Response response, bool head, bool tls);

// A complete HTTP/1.1 error response with a JSON body that closes the connection, for errors
// found before a request reaches the router.
QByteArray closingErrorResponse(int status, const QString &message, bool tls,
                                const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

} // namespace hub::http
