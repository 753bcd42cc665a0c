// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "httptransfer.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace hub::destinations {

QByteArray HttpExchange::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpExchange::isTransient() const
{
    if (status == 408 || status == 429 || status >= 500)
        return true;
    if (status != 0)
        return false;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

QString HttpExchange::describe() const
{
    if (!sslErrors.isEmpty()) {
        QStringList texts;
        for (const QSslError &sslError : sslErrors)
            texts.append(sslError.errorString());
        return QStringLiteral("the server certificate was rejected (%1)")
            .arg(texts.join(QStringLiteral("; ")));
    }
    if (status != 0) {
        QString text = QStringLiteral("HTTP %1").arg(status);
        const QByteArray code = header("x-ms-error-code");
        if (!code.isEmpty())
            text += QStringLiteral(" %1").arg(QString::fromLatin1(code));
        return text;
    }
    if (error == QNetworkReply::OperationCanceledError)
        return QStringLiteral("the request timed out");
    return errorText;
}

HttpTransfer::HttpTransfer(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpExchange HttpTransfer::send(const QNetworkRequest &request, const QByteArray &verb,
                                QIODevice *body)
{
    QNetworkRequest timed(request);
    timed.setTransferTimeout(m_timeoutMs);
    return wait(m_network.sendCustomRequest(timed, verb, body));
}

HttpExchange HttpTransfer::send(const QNetworkRequest &request, const QByteArray &verb,
                                const QByteArray &body)
{
    QNetworkRequest timed(request);
    timed.setTransferTimeout(m_timeoutMs);
    return wait(m_network.sendCustomRequest(timed, verb, body));
}

HttpExchange HttpTransfer::wait(QNetworkReply *rawReply)
{
    std::unique_ptr<QNetworkReply> reply(rawReply);
    HttpExchange exchange;
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&exchange](const QList<QSslError> &errors) { exchange.sslErrors = errors; });

    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        // The transfer timeout covers a stalled transfer; this bound covers everything else.
        QTimer::singleShot(m_timeoutMs * 2 + 1000, &loop, [&loop, &reply] {
            reply->abort();
            loop.quit();
        });
        loop.exec();
    }

    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.error = reply->error();
    exchange.errorText = reply->errorString();
    exchange.headers = reply->rawHeaderPairs();
    exchange.body = reply->readAll();
    return exchange;
}

Attempt attemptFromFailure(const HttpExchange &exchange, const QString &prefix)
{
    const QString message = QStringLiteral("%1: %2.").arg(prefix, exchange.describe());
    return exchange.isTransient() ? Attempt::transient(message) : Attempt::permanent(message);
}

} // namespace hub::destinations
