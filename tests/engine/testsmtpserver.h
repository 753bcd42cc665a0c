// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace hubtest {

// A self-signed certificate for 127.0.0.1 made by the openssl command in folder.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    QString error;

    static TestCertificate create(const QString &folder)
    {
        TestCertificate result;
        const QString keyPath = folder + QStringLiteral("/smtp-key.pem");
        const QString certificatePath = folder + QStringLiteral("/smtp-cert.pem");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       keyPath, QStringLiteral("-out"), certificatePath, QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            result.error = QStringLiteral("openssl failed: ")
                           + QString::fromUtf8(openssl.readAllStandardError());
            return result;
        }
        QFile keyFile(keyPath);
        QFile certificateFile(certificatePath);
        if (!keyFile.open(QIODevice::ReadOnly) || !certificateFile.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("Cannot read the files openssl wrote.");
            return result;
        }
        result.key = QSslKey(&keyFile, QSsl::Rsa);
        result.certificate = QSslCertificate(&certificateFile);
        if (result.key.isNull() || result.certificate.isNull())
            result.error = QStringLiteral("The key or certificate from openssl is not valid.");
        return result;
    }
};

// A small SMTP server on 127.0.0.1 for tests: EHLO, STARTTLS (with the test certificate), AUTH
// PLAIN and LOGIN, MAIL, RCPT, DATA with dot-unstuffing, QUIT. It stores each message it
// accepted and the commands it saw (AUTH lines as "AUTH").
class TestSmtpServer final : public QTcpServer
{
public:
    struct Message
    {
        QString from;
        QStringList to;
        QByteArray data;
        bool encrypted = false;
        QString user;
    };

    bool offerStartTls = true;
    QString username = QStringLiteral("hub");
    QString password = QStringLiteral("s3cret-pass");
    // Offer only this AUTH mechanism when not empty.
    QByteArray onlyMechanism;

    QList<Message> messages;
    QStringList commands;

    explicit TestSmtpServer(const TestCertificate &certificate)
        : m_certificate(certificate)
    {
        listen(QHostAddress::LocalHost, 0);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate.certificate);
        socket->setPrivateKey(m_certificate.key);
        auto state = std::make_shared<Session>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, state] {
            state->buffer += socket->readAll();
            handle(socket, *state);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->write("220 test.local ESMTP ready\r\n");
    }

private:
    struct Session
    {
        QByteArray buffer;
        enum { Command, Data, AuthLoginUser, AuthLoginPassword } mode = Command;
        Message message;
        QString loginUser;
        bool authenticated = false;
    };

    void handle(QSslSocket *socket, Session &session)
    {
        qsizetype end;
        while ((end = session.buffer.indexOf("\r\n")) >= 0) {
            const QByteArray line = session.buffer.left(end);
            session.buffer.remove(0, end + 2);
            if (session.mode == Session::Data) {
                if (line == ".") {
                    session.message.encrypted = socket->isEncrypted();
                    messages.append(session.message);
                    session.message = {};
                    session.mode = Session::Command;
                    socket->write("250 queued\r\n");
                } else {
                    // A leading dot was doubled by the client.
                    session.message.data += (line.startsWith("..") ? line.mid(1) : line) + "\r\n";
                }
                continue;
            }
            if (session.mode == Session::AuthLoginUser) {
                session.loginUser = QString::fromUtf8(QByteArray::fromBase64(line));
                session.mode = Session::AuthLoginPassword;
                socket->write("334 UGFzc3dvcmQ6\r\n");
                continue;
            }
            if (session.mode == Session::AuthLoginPassword) {
                session.mode = Session::Command;
                authenticate(socket, session, session.loginUser,
                             QString::fromUtf8(QByteArray::fromBase64(line)));
                continue;
            }
            command(socket, session, line);
            if (line.toUpper() == "STARTTLS")
                return; // the handshake follows; the buffer is empty
        }
    }

    void command(QSslSocket *socket, Session &session, const QByteArray &line)
    {
        const QByteArray upper = line.toUpper();
        commands.append(upper.startsWith("AUTH") ? QStringLiteral("AUTH") : QString::fromUtf8(line));
        if (upper.startsWith("EHLO")) {
            QByteArray reply = "250-test.local\r\n";
            if (offerStartTls && !socket->isEncrypted())
                reply += "250-STARTTLS\r\n";
            reply += "250-AUTH " + (onlyMechanism.isEmpty() ? QByteArray("PLAIN LOGIN") : onlyMechanism)
                     + "\r\n250 8BITMIME\r\n";
            socket->write(reply);
        } else if (upper == "STARTTLS") {
            socket->write("220 go ahead\r\n");
            socket->startServerEncryption();
        } else if (upper.startsWith("AUTH PLAIN ")) {
            const QList<QByteArray> parts = QByteArray::fromBase64(line.mid(11)).split('\0');
            authenticate(socket, session, QString::fromUtf8(parts.value(1)),
                         QString::fromUtf8(parts.value(2)));
        } else if (upper == "AUTH LOGIN") {
            session.mode = Session::AuthLoginUser;
            socket->write("334 VXNlcm5hbWU6\r\n");
        } else if (upper.startsWith("MAIL FROM:")) {
            if (!username.isEmpty() && !session.authenticated) {
                socket->write("530 authentication required\r\n");
                return;
            }
            session.message.from = QString::fromUtf8(line.mid(10)).section(QLatin1Char(' '), 0, 0);
            socket->write("250 ok\r\n");
        } else if (upper.startsWith("RCPT TO:")) {
            session.message.to.append(QString::fromUtf8(line.mid(8)));
            socket->write("250 ok\r\n");
        } else if (upper == "DATA") {
            session.mode = Session::Data;
            socket->write("354 end with .\r\n");
        } else if (upper == "QUIT") {
            socket->write("221 bye\r\n");
            socket->disconnectFromHost();
        } else {
            socket->write("502 not implemented\r\n");
        }
    }

    void authenticate(QSslSocket *socket, Session &session, const QString &user,
                      const QString &secret)
    {
        if (user == username && secret == password) {
            session.authenticated = true;
            session.message.user = user;
            socket->write("235 authenticated\r\n");
        } else {
            socket->write("535 authentication failed\r\n");
        }
    }

    TestCertificate m_certificate;
};

} // namespace hubtest
