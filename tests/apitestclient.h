// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

#include <memory>

namespace hubtest {

struct ApiReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// Sends requests to an engine in the same process over a real QNetworkAccessManager and waits
// for each reply while the event loop runs, so the in-process server can reply.
class ApiTestClient
{
public:
    ApiTestClient(QUrl baseUrl, QByteArray token)
        : m_baseUrl(std::move(baseUrl))
        , m_token(std::move(token))
    {}

    ApiReply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                  const QByteArray &contentType = "application/json", bool withToken = true)
    {
        QUrl url = m_baseUrl;
        const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
        url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
        if (question >= 0)
            url.setQuery(pathAndQuery.mid(question + 1));
        QNetworkRequest request(url);
        if (!m_authorization.isEmpty())
            request.setRawHeader("Authorization", m_authorization);
        else if (withToken)
            request.setRawHeader("Authorization", "Bearer " + m_token);
        if (!m_district.isEmpty())
            request.setRawHeader("X-Hub-District", m_district);
        if (!m_accept.isEmpty())
            request.setRawHeader("Accept", m_accept);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(60000);
        ApiReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.headers = reply->rawHeaderPairs();
        return result;
    }

    ApiReply get(const QString &path) { return send("GET", path); }
    ApiReply post(const QString &path, const QJsonObject &body = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    ApiReply put(const QString &path, const QJsonObject &body)
    {
        return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    ApiReply remove(const QString &path) { return send("DELETE", path); }

    void setToken(const QByteArray &token) { m_token = token; }
    // Sends X-Hub-District with this value on every request; empty sends none.
    void setDistrict(const QByteArray &district) { m_district = district; }
    // Sends this Accept header on every request; empty sends Qt's default.
    void setAccept(const QByteArray &accept) { m_accept = accept; }
    // Sends this Authorization header, such as "Basic ...", in place of the bearer token.
    void setAuthorization(const QByteArray &authorization) { m_authorization = authorization; }

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    QByteArray m_district;
    QByteArray m_accept;
    QByteArray m_authorization;
};

} // namespace hubtest
