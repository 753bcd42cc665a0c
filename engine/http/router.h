// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/ratelimiter.h"

#include <QByteArray>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

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

// A request as handlers see it: the method, path parameters, body and caller.
class Request
{
public:
    Request(const QHttpServerRequest &request, QHash<QString, QString> pathParameters,
            Principal principal = {});

    QByteArray method() const { return m_method; }
    QString path() const { return m_request.url().path(); }
    QUrlQuery query() const { return m_request.query(); }
    // The value of a request header; the name is matched without regard to case.
    QByteArray header(const QByteArray &name) const;
    QByteArray body() const { return m_request.body(); }
    QString pathParameter(const QString &name) const { return m_pathParameters.value(name); }
    // The path parameter as a positive integer id, or 0 when it is not one.
    qint64 idParameter(const QString &name) const;
    const Principal &principal() const { return m_principal; }
    qint64 districtId() const { return m_principal.districtId; }
    const QHttpServerRequest &raw() const { return m_request; }
    QHostAddress peerAddress() const { return m_request.remoteAddress(); }

private:
    const QHttpServerRequest &m_request;
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
class Router
{
public:
    void addRoute(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    Response dispatch(const QHttpServerRequest &request,
                      const Principal *principal = nullptr) const;

    // The largest request body of the route with this method and pattern, added before.
    void setBodyLimit(const QByteArray &method, const QString &pattern, qint64 bytes);
    // The body limit of the route that the method and path reach, or -1 for the default.
    qint64 bodyLimit(const QByteArray &method, const QString &path) const;

    // Every method on paths that match the pattern shares one token bucket per peer.
    void limitRate(const QString &pattern, RateLimiter::Policy policy,
                   std::function<qint64()> clockMs = {});
    // Requests with this method on paths that match the pattern take tokens from the limiter,
    // which other method and pattern pairs may share.
    void limitRate(const QByteArray &method, const QString &pattern,
                   std::shared_ptr<RateLimiter> limiter);

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access = Access::View;
        Handler handler;
        qint64 bodyLimit = -1;
    };
    const QList<Route> &routes() const { return m_routes; }
    // Whether the request's method and path match an Access::Public route.
    bool isPublic(const QHttpServerRequest &request) const;

private:
    struct RateLimit
    {
        QStringList segments;
        std::shared_ptr<RateLimiter> limiter;
        QByteArray method; // empty for every method
    };

    std::optional<Response> checkRate(const QByteArray &method, const QStringList &path,
                                      const QHttpServerRequest &request) const;

    QList<Route> m_routes;
    QList<RateLimit> m_rateLimits;
};

QByteArray methodName(QHttpServerRequest::Method method);

// 401 with a WWW-Authenticate challenge for the admin API, and the message when one is given.
Response unauthorized(const QString &message = {});

// Headers on every response: no sniffing, no framing, no referrer; over TLS also HSTS.
QList<QPair<QByteArray, QByteArray>> securityHeaders(bool tls);

// A complete HTTP/1.1 error response with a JSON body that closes the connection, for errors
// found before a request reaches the router.
QByteArray closingErrorResponse(int status, const QString &message, bool tls,
                                const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

} // namespace hub::http
