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

// A request as handlers see it: the method, path parameters and body.
class Request
{
public:
    Request(const QHttpServerRequest &request, QHash<QString, QString> pathParameters);

    QByteArray method() const { return m_method; }
    QString path() const { return m_request.url().path(); }
    QUrlQuery query() const { return m_request.query(); }
    // The value of a request header; the name is matched without regard to case.
    QByteArray header(const QByteArray &name) const;
    QByteArray body() const { return m_request.body(); }
    QString pathParameter(const QString &name) const { return m_pathParameters.value(name); }
    // The path parameter as a positive integer id, or 0 when it is not one.
    qint64 idParameter(const QString &name) const;

private:
    const QHttpServerRequest &m_request;
    QByteArray m_method;
    QHash<QString, QString> m_pathParameters;
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
// that matches with another method gets 405 with an Allow header, an unknown path 404.
class Router
{
public:
    void addRoute(const QByteArray &method, const QString &pattern, Handler handler);
    Response dispatch(const QHttpServerRequest &request) const;

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

QByteArray methodName(QHttpServerRequest::Method method);

} // namespace hub::http
