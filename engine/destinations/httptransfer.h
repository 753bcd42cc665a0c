// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "destinations/retrypolicy.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace hub::destinations {

// The result of one HTTP request: the status code, or the network error when there was none.
struct HttpExchange
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QList<QSslError> sslErrors;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const;
    bool succeeded() const
    {
        return error == QNetworkReply::NoError && status >= 200 && status < 300;
    }
    // True for time-outs, refused or reset connections, HTTP 408, 429 and 5xx.
    bool isTransient() const;
    // A one-line description of the failure for a run log, such as "HTTP 503 Service
    // Unavailable" or "connection refused".
    QString describe() const;
};

// Sends HTTP requests one at a time and waits for each with a local event loop, for code that
// runs on a worker thread. The network access manager belongs to the thread that creates the
// transfer. Server certificates are always verified; an SSL error fails the request.
class HttpTransfer
{
public:
    explicit HttpTransfer(int timeoutMs);

    QNetworkAccessManager &network() { return m_network; }

    HttpExchange send(const QNetworkRequest &request, const QByteArray &verb,
                      QIODevice *body = nullptr);
    HttpExchange send(const QNetworkRequest &request, const QByteArray &verb,
                      const QByteArray &body);

private:
    HttpExchange wait(QNetworkReply *reply);

    QNetworkAccessManager m_network;
    int m_timeoutMs;
};

// Turns a failed exchange into an attempt outcome: transient or permanent, with the message.
Attempt attemptFromFailure(const HttpExchange &exchange, const QString &prefix);

} // namespace hub::destinations
