// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// HTTPS in the engine: loading a certificate and key with clear errors, serving requests to a
// client that trusts the test CA, failing for one that does not, and the request limits over
// TLS. The CA and the server certificate are made with openssl for each run.

#include "http/httpserver.h"
#include "http/tls.h"
#include "tlsfixture.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using hub::http::Access;
using hub::http::HttpServer;
using hub::http::Request;
using hub::http::Response;

class tst_Tls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadErrorsNameTheFile_data();
    void loadErrorsNameTheFile();
    void servesClientThatTrustsCa();
    void untrustedClientFailsHandshake();
    void limitsHoldOverTls();
    void silentClientTimesOutInHandshake();

private:
    std::unique_ptr<HttpServer> startServer();
    std::unique_ptr<QNetworkReply> get(QNetworkAccessManager &network, quint16 port,
                                       const QList<QSslCertificate> &caCertificates);

    QTemporaryDir m_dir;
    hubtest::TestPki m_pki;
};

void tst_Tls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend on this system.");
    QVERIFY(m_dir.isValid());
    m_pki = hubtest::makeTestPki(m_dir);
    QVERIFY2(m_pki.error.isEmpty(), qPrintable(m_pki.error));
}

void tst_Tls::loadErrorsNameTheFile_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    const QString missing = m_dir.filePath(QStringLiteral("missing.pem"));

    QTest::newRow("missing certificate")
        << missing << m_pki.serverKeyFile
        << QStringLiteral("Cannot read the TLS certificate %1").arg(missing);
    QTest::newRow("missing key") << m_pki.serverCertificateFile << missing
                                 << QStringLiteral("Cannot read the TLS key %1").arg(missing);
    QTest::newRow("no certificate in file")
        << garbage << m_pki.serverKeyFile
        << QStringLiteral("%1 holds no PEM certificate").arg(garbage);
    QTest::newRow("no key in file")
        << m_pki.serverCertificateFile << garbage
        << QStringLiteral("%1 holds no unencrypted PEM private key").arg(garbage);
    QTest::newRow("key of another certificate")
        << m_pki.serverCertificateFile << m_pki.otherKeyFile
        << QStringLiteral("The private key in %1 does not belong to the certificate in %2")
               .arg(m_pki.otherKeyFile, m_pki.serverCertificateFile);
}

void tst_Tls::loadErrorsNameTheFile()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, expected);

    const auto loaded = hub::http::loadTlsConfiguration(certificate, key);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().startsWith(expected), qPrintable(loaded.error()));
}

std::unique_ptr<HttpServer> tst_Tls::startServer()
{
    auto loaded = hub::http::loadTlsConfiguration(m_pki.serverCertificateFile, m_pki.serverKeyFile);
    if (!loaded)
        return {};
    auto server = std::make_unique<HttpServer>(QByteArray("test-admin-token-0123456789"));
    hub::http::Limits limits;
    limits.maxBodyBytes = 1024;
    server->setLimits(limits);
    server->setTlsConfiguration(*loaded);
    server->router().addRoute("GET", QStringLiteral("/hello"), Access::Public, [](const Request &) {
        return Response::json(QJsonObject{{QStringLiteral("hello"), 1}});
    });
    if (server->start(QHostAddress::LocalHost, 0) == 0)
        return {};
    return server;
}

std::unique_ptr<QNetworkReply> tst_Tls::get(QNetworkAccessManager &network, quint16 port,
                                            const QList<QSslCertificate> &caCertificates)
{
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/hello").arg(port)));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!caCertificates.isEmpty())
        configuration.setCaCertificates(caCertificates);
    request.setSslConfiguration(configuration);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    return reply;
}

void tst_Tls::servesClientThatTrustsCa()
{
    const auto server = startServer();
    QVERIFY(server);
    QVERIFY(server->usesTls());

    QNetworkAccessManager network;
    const auto reply = get(network, server->serverPorts().constFirst(), {m_pki.caCertificate});
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), QByteArray("{\"hello\":1}"));
    QCOMPARE(reply->rawHeader("Strict-Transport-Security"), QByteArray("max-age=31536000"));
}

void tst_Tls::untrustedClientFailsHandshake()
{
    const auto server = startServer();
    QVERIFY(server);
    const quint16 port = server->serverPorts().constFirst();

    // Without the test CA the certificate is untrusted, and the client stops.
    QNetworkAccessManager network;
    const auto untrusted = get(network, port, {});
    QCOMPARE(untrusted->error(), QNetworkReply::SslHandshakeFailedError);
    // The failed handshake no longer counts against the connection limit.
    QTRY_COMPARE(server->openConnections(), 0);

    // The server goes on serving clients that trust it.
    QNetworkAccessManager other;
    const auto trusted = get(other, port, {m_pki.caCertificate});
    QCOMPARE(trusted->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void tst_Tls::limitsHoldOverTls()
{
    const auto server = startServer();
    QVERIFY(server);

    QSslSocket socket;
    QSslConfiguration configuration = socket.sslConfiguration();
    configuration.setCaCertificates({m_pki.caCertificate});
    socket.setSslConfiguration(configuration);
    QByteArray received;
    connect(&socket, &QSslSocket::encrypted, &socket, [&] {
        socket.write("POST /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\n");
    });
    connect(&socket, &QSslSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server->serverPorts().constFirst());

    QTRY_VERIFY_WITH_TIMEOUT(received.contains("\r\n\r\n"), 10000);
    QVERIFY2(received.startsWith("HTTP/1.1 413 "), received.constData());
    QVERIFY(received.contains("Strict-Transport-Security: max-age=31536000"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
}

void tst_Tls::silentClientTimesOutInHandshake()
{
    auto loaded = hub::http::loadTlsConfiguration(m_pki.serverCertificateFile, m_pki.serverKeyFile);
    QVERIFY(loaded.ok());
    HttpServer server(QByteArray("test-admin-token-0123456789"));
    hub::http::Limits limits;
    limits.headTimeoutMs = 1500;
    limits.maxConnections = 1;
    server.setLimits(limits);
    server.setTlsConfiguration(*loaded);
    const quint16 port = server.start(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);

    // A client that connects and never starts the handshake takes a place until the timeout.
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(server.openConnections(), 1);

    // It fills the limit of one, so the next client is closed at once.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Rejected 1 connection, the last from")));
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::UnconnectedState, 2000);
    QCOMPARE(server.openConnections(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE(server.openConnections(), 0);
}

QTEST_GUILESS_MAIN(tst_Tls)

#include "tst_tls.moc"
