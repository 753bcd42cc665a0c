// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace hubtest {

struct FakeRequest
{
    QByteArray method;
    QUrl url;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QString query(const QString &name) const
    {
        return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
    }
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static FakeResponse json(const QJsonDocument &document, int status = 200)
    {
        return FakeResponse{status, document.toJson(QJsonDocument::Compact),
                            {{"Content-Type", "application/json"}}};
    }
};

// A small HTTP/1.1 server on 127.0.0.1 for connector tests: each request goes to handler on the
// test's thread, and every response closes its connection. Requests are kept for assertions.
class FakeHttpServer final : public QTcpServer
{
public:
    std::function<FakeResponse(const FakeRequest &)> handler;
    QList<FakeRequest> requests;

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            FakeRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            request.method = first.value(0);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            request.url = QUrl(QStringLiteral("http://")
                               + QString::fromLatin1(request.headers.value("host"))
                               + QString::fromLatin1(first.value(1)));
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->clear();
            requests.append(request);
            const FakeResponse response = handler ? handler(request) : FakeResponse{404, {}, {}};
            QByteArray reply = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
            for (const auto &[name, value] : response.headers)
                reply += name + ": " + value + "\r\n";
            reply += "Content-Length: " + QByteArray::number(response.body.size())
                     + "\r\nConnection: close\r\n\r\n" + response.body;
            socket->write(reply);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

} // namespace hubtest
