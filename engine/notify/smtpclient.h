// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

namespace hub::notify {

struct SmtpSettings
{
    enum class Security { StartTls, Tls, None };

    QString host;
    quint16 port = 587;
    // StartTls upgrades a plain connection (port 587) and fails when the server does not offer
    // STARTTLS; Tls connects encrypted from the start (port 465). With None, no credentials
    // are sent.
    Security security = Security::StartTls;
    QString username;
    QString password;
    int timeoutMs = 30000;
};

struct EmailMessage
{
    QString from;
    QStringList to;
    QString subject;
    // Plain text; line breaks become CRLF.
    QString body;
};

// Sends one message over SMTP (RFC 5321) on the calling thread's event loop: EHLO, STARTTLS
// when asked, AUTH PLAIN or LOGIN when credentials are set, MAIL, RCPT, DATA with
// dot-stuffing, QUIT. Emits finished() once, with an empty error on success. The server's
// certificate is checked against the system's CA certificates (QSslConfiguration's default).
class SmtpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpClient)

public:
    explicit SmtpClient(SmtpSettings settings, QObject *parent = nullptr);
    ~SmtpClient() override;

    void send(const EmailMessage &message);

    // The message as DATA sends it, before dot-stuffing: headers, a blank line and the body,
    // with CRLF line ends. eightBit allows UTF-8 bodies unencoded (the server offered
    // 8BITMIME); otherwise a non-ASCII body is Base64-encoded.
    static QByteArray formatMessage(const EmailMessage &message, bool eightBit);
    // Doubles a leading dot on every line, so no line of the message reads as its end.
    static QByteArray dotStuff(const QByteArray &data);

signals:
    void finished(const QString &error);

private:
    enum class Step {
        Greeting,
        Ehlo,
        StartTls,
        EhloAfterTls,
        AuthPlain,
        AuthLogin,
        AuthLoginUser,
        AuthLoginPassword,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Quit,
        Done,
    };

    void onReadyRead();
    void onReply(int code, const QStringList &lines);
    void afterEhlo(const QStringList &lines);
    void authenticate();
    void sendMailFrom();
    void sendCommand(const QByteArray &command, Step next);
    void fail(const QString &error);
    void finish(const QString &error);

    SmtpSettings m_settings;
    EmailMessage m_message;
    QSslSocket *m_socket;
    QTimer m_timeout;
    QByteArray m_buffer;
    QStringList m_replyLines;
    Step m_step = Step::Greeting;
    QStringList m_extensions;
    int m_recipientIndex = 0;
    bool m_finished = false;
};

} // namespace hub::notify
