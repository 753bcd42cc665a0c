// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace hub::http {

// What a route demands of its caller, from least to most. A caller holds one level per
// district and may use every route at or below it: a viewer has View, an operator Operate, a
// district administrator Administer, and a statewide administrator Statewide.
enum class Access {
    Public,     // no admin credentials; the route authenticates its caller itself, if at all
    View,       // read the district's configuration, runs and data
    Operate,    // run, cancel, retry, upload files, approve held loads
    Configure,  // change integrations, destinations, schedules, applications and secrets
    Administer, // manage the district's user accounts
    Statewide,  // create, rename and deactivate districts
};

// Who sent a request and for which district, as the HTTP server established it.
struct Principal
{
    QString actor;         // written to the audit log: a user name or "local administrator"
    qint64 districtId = 0; // the district every query of the request is scoped to
    Access level = Access::Public;

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
class Router
{
public:
    void addRoute(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    Response dispatch(const QHttpServerRequest &request,
                      const Principal *principal = nullptr) const;

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access = Access::View;
        Handler handler;
    };
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

QByteArray methodName(QHttpServerRequest::Method method);

// 401 with a WWW-Authenticate challenge for the admin API.
Response unauthorized();

} // namespace hub::http
