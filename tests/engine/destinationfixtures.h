// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// Test servers and helpers for destination tests: an HTTPS server with a certificate made at
// test time, a TCP proxy that can start late (a server that is down, then up), and the
// locations of the Azurite and sshd fixtures that tests/fixtures/*.sh start.

#include "destinations/retrypolicy.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <memory>

namespace hubtest {

inline QString fixtureValue(const char *name)
{
    return qEnvironmentVariable(name);
}

// Runs work on a new thread, as a run worker would, while this thread keeps serving the test's
// servers. poll, when given, runs about every 10 ms until the work ends. Gives up after 120 s.
inline hub::destinations::Attempt
runInThread(const std::function<hub::destinations::Attempt()> &work,
            const std::function<void()> &poll = {})
{
    hub::destinations::Attempt result = hub::destinations::Attempt::permanent(
        QStringLiteral("The delivery thread did not finish within 120 s."));
    std::unique_ptr<QThread> thread(QThread::create([&result, &work] { result = work(); }));
    thread->start();
    const QDeadlineTimer deadline(120000);
    while (!thread->wait(QDeadlineTimer(10)) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (poll)
            poll();
    }
    if (!thread->isFinished()) {
        thread->terminate();
        thread->wait();
    }
    return result;
}

// A self-signed certificate for 127.0.0.1, made with the openssl command.
struct TestCertificate
{
    QString certificateFile;
    QString keyFile;
    QSslCertificate certificate;
    QSslKey key;
};

inline bool makeCertificate(const QTemporaryDir &dir, TestCertificate &out)
{
    out.certificateFile = dir.filePath(QStringLiteral("server.crt"));
    out.keyFile = dir.filePath(QStringLiteral("server.key"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   out.keyFile, QStringLiteral("-out"), out.certificateFile,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        return false;
    QFile certificate(out.certificateFile);
    QFile key(out.keyFile);
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return false;
    out.certificate = QSslCertificate(certificate.readAll(), QSsl::Pem);
    out.key = QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem);
    return !out.certificate.isNull() && !out.key.isNull();
}

// One request that the HTTPS test server received.
struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// A minimal HTTPS/1.1 server on 127.0.0.1: one request per connection, replied to with the next
// status from statuses (200 once they run out).
class TlsTestServer final : public QTcpServer
{
public:
    explicit TlsTestServer(TestCertificate certificate)
        : m_certificate(std::move(certificate))
    {}

    QList<int> statuses;
    QList<ReceivedRequest> received;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate.certificate);
        socket->setPrivateKey(m_certificate.key);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            ReceivedRequest request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.append(
                        {lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            const qint64 length = request.header("Content-Length").toLongLong();
            if (buffer->size() - headerEnd - 4 < length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            received.append(request);
            const int status = statuses.isEmpty() ? 200 : statuses.takeFirst();
            socket->write("HTTP/1.1 " + QByteArray::number(status)
                          + " Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    TestCertificate m_certificate;
};

// Forwards TCP connections from 127.0.0.1:port() to an upstream port. The port is reserved at
// construction but nothing listens on it until start(), so the proxy plays a server that is
// down and comes up later. It keeps the first line of every client chunk it forwards, which
// shows HTTP request lines.
class TcpProxy final : public QObject
{
public:
    explicit TcpProxy(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    quint16 port() const { return m_port; }
    bool start() { return m_server.listen(QHostAddress::LocalHost, m_port); }
    QList<QByteArray> requestLines;

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
            connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream] {
                const QByteArray data = client->readAll();
                const QByteArray firstLine = data.left(data.indexOf('\n')).trimmed();
                if (firstLine.contains(" HTTP/1."))
                    requestLines.append(firstLine);
                upstream->write(data);
            });
            connect(upstream, &QTcpSocket::readyRead, client,
                    [client, upstream] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
    quint16 m_port = 0;
    quint16 m_upstreamPort = 0;
};

} // namespace hubtest
