// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "smtpclient.h"

#include <QDateTime>
#include <QLocale>
#include <QSysInfo>
#include <QUuid>

#include <algorithm>

namespace hub::notify {

namespace {

// A server reply longer than this is not SMTP.
constexpr qsizetype kMaxReplyBytes = 64 * 1024;
constexpr qsizetype kBase64LineLength = 76;

bool isAscii(const QByteArray &data)
{
    return std::all_of(data.begin(), data.end(), [](char c) { return uchar(c) < 0x80; });
}

// Strips characters that would end a header or an SMTP command early.
QString singleLine(const QString &text)
{
    QString line = text;
    line.replace(QLatin1Char('\r'), QLatin1Char(' '));
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

bool isPlainAddress(const QString &address)
{
    return !address.isEmpty() && address.contains(QLatin1Char('@'))
           && !address.contains(QLatin1Char('<')) && !address.contains(QLatin1Char('>'))
           && !address.contains(QLatin1Char('\r')) && !address.contains(QLatin1Char('\n'))
           && !address.contains(QLatin1Char(' '));
}

QByteArray encodedHeader(const QString &text)
{
    const QByteArray utf8 = singleLine(text).toUtf8();
    if (isAscii(utf8))
        return utf8;
    return "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

QByteArray crlfLines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QByteArray data = normalized.toUtf8();
    data.replace("\n", "\r\n");
    if (!data.endsWith("\r\n"))
        data += "\r\n";
    return data;
}

QByteArray ehloName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() || host.contains(QLatin1Char(' ')) ? QByteArrayLiteral("localhost")
                                                             : host.toUtf8();
}

} // namespace

SmtpClient::SmtpClient(SmtpSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_socket(new QSslSocket(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("The SMTP server %1:%2 did not answer within %3 seconds.")
                 .arg(m_settings.host)
                 .arg(m_settings.port)
                 .arg(m_settings.timeoutMs / 1000));
    });
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_step == Step::StartTls)
            sendCommand("EHLO " + ehloName(), Step::EhloAfterTls);
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] {
        if (m_step != Step::Done && m_step != Step::Quit)
            fail(QStringLiteral("The connection to the SMTP server %1:%2 failed: %3")
                     .arg(m_settings.host)
                     .arg(m_settings.port)
                     .arg(m_socket->errorString()));
    });
}

SmtpClient::~SmtpClient()
{
    m_socket->abort();
}

void SmtpClient::send(const EmailMessage &message)
{
    m_message = message;
    if (m_settings.host.isEmpty())
        return fail(QStringLiteral("No SMTP server is set."));
    if (!isPlainAddress(message.from))
        return fail(QStringLiteral("The sender address \"%1\" is not valid.").arg(message.from));
    if (message.to.isEmpty())
        return fail(QStringLiteral("The message has no recipient."));
    for (const QString &recipient : message.to) {
        if (!isPlainAddress(recipient))
            return fail(QStringLiteral("The recipient address \"%1\" is not valid.").arg(recipient));
    }
    if (m_settings.security == SmtpSettings::Security::None && !m_settings.username.isEmpty())
        return fail(QStringLiteral("Credentials are sent only over an encrypted connection; "
                                   "choose STARTTLS or TLS."));

    m_step = Step::Greeting;
    m_timeout.start(m_settings.timeoutMs);
    if (m_settings.security == SmtpSettings::Security::Tls)
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    else
        m_socket->connectToHost(m_settings.host, m_settings.port);
}

void SmtpClient::onReadyRead()
{
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > kMaxReplyBytes)
        return fail(QStringLiteral("The SMTP server sent a reply longer than %1 bytes.")
                        .arg(kMaxReplyBytes));
    qsizetype end;
    while (!m_finished && (end = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(end).trimmed();
        m_buffer.remove(0, end + 1);
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        if (!ok || line.size() < 3)
            return fail(QStringLiteral("The SMTP server sent a malformed reply: %1")
                            .arg(QString::fromUtf8(line.left(80))));
        m_replyLines.append(QString::fromUtf8(line.mid(4)));
        // "250-..." continues a multi-line reply; "250 ..." ends it.
        if (line.size() > 3 && line.at(3) == '-')
            continue;
        const QStringList lines = m_replyLines;
        m_replyLines.clear();
        onReply(code, lines);
    }
}

void SmtpClient::onReply(int code, const QStringList &lines)
{
    const auto expect = [&](std::initializer_list<int> codes, const QString &what) {
        if (std::find(codes.begin(), codes.end(), code) != codes.end())
            return true;
        fail(QStringLiteral("The SMTP server rejected %1: %2 %3")
                 .arg(what)
                 .arg(code)
                 .arg(lines.join(QLatin1Char(' '))));
        return false;
    };

    switch (m_step) {
    case Step::Greeting:
        if (expect({220}, QStringLiteral("the connection")))
            sendCommand("EHLO " + ehloName(), Step::Ehlo);
        break;
    case Step::Ehlo:
        if (expect({250}, QStringLiteral("EHLO")))
            afterEhlo(lines);
        break;
    case Step::StartTls:
        // The encrypted() signal sends EHLO again once the handshake is done.
        if (expect({220}, QStringLiteral("STARTTLS")))
            m_socket->startClientEncryption();
        break;
    case Step::EhloAfterTls:
        if (expect({250}, QStringLiteral("EHLO"))) {
            m_extensions = lines.mid(1);
            authenticate();
        }
        break;
    case Step::AuthPlain:
    case Step::AuthLoginPassword:
        if (code == 235)
            sendMailFrom();
        else
            fail(QStringLiteral("The SMTP server rejected the user name or password: %1 %2")
                     .arg(code)
                     .arg(lines.join(QLatin1Char(' '))));
        break;
    case Step::AuthLogin:
        if (expect({334}, QStringLiteral("AUTH LOGIN")))
            sendCommand(m_settings.username.toUtf8().toBase64(), Step::AuthLoginUser);
        break;
    case Step::AuthLoginUser:
        if (expect({334}, QStringLiteral("the user name")))
            sendCommand(m_settings.password.toUtf8().toBase64(), Step::AuthLoginPassword);
        break;
    case Step::MailFrom:
        if (expect({250}, QStringLiteral("the sender"))) {
            m_recipientIndex = 0;
            sendCommand("RCPT TO:<" + m_message.to.first().toUtf8() + ">", Step::RcptTo);
        }
        break;
    case Step::RcptTo:
        if (!expect({250, 251}, QStringLiteral("the recipient %1").arg(m_message.to.value(m_recipientIndex))))
            break;
        if (++m_recipientIndex < m_message.to.size())
            sendCommand("RCPT TO:<" + m_message.to.at(m_recipientIndex).toUtf8() + ">",
                        Step::RcptTo);
        else
            sendCommand("DATA", Step::Data);
        break;
    case Step::Data:
        if (expect({354}, QStringLiteral("DATA"))) {
            const bool eightBit = m_extensions.contains(QStringLiteral("8BITMIME"), Qt::CaseInsensitive);
            m_step = Step::Body;
            m_socket->write(dotStuff(formatMessage(m_message, eightBit)) + ".\r\n");
        }
        break;
    case Step::Body:
        if (expect({250}, QStringLiteral("the message"))) {
            sendCommand("QUIT", Step::Quit);
            finish({});
        }
        break;
    case Step::Quit:
        m_step = Step::Done;
        m_socket->disconnectFromHost();
        break;
    case Step::Done:
        break;
    }
}

void SmtpClient::afterEhlo(const QStringList &lines)
{
    // The first line is the server's name; the others are its extensions.
    m_extensions = lines.mid(1);
    if (m_settings.security == SmtpSettings::Security::StartTls && !m_socket->isEncrypted()) {
        if (!m_extensions.contains(QStringLiteral("STARTTLS"), Qt::CaseInsensitive))
            return fail(QStringLiteral("The SMTP server %1 does not offer STARTTLS; choose TLS or "
                                       "another port.")
                            .arg(m_settings.host));
        sendCommand("STARTTLS", Step::StartTls);
        return;
    }
    authenticate();
}

void SmtpClient::authenticate()
{
    if (m_settings.username.isEmpty())
        return sendMailFrom();
    QStringList mechanisms;
    for (const QString &extension : std::as_const(m_extensions)) {
        if (extension.startsWith(QLatin1String("AUTH "), Qt::CaseInsensitive))
            mechanisms = extension.mid(5).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        const QByteArray credentials
            = '\0' + m_settings.username.toUtf8() + '\0' + m_settings.password.toUtf8();
        sendCommand("AUTH PLAIN " + credentials.toBase64(), Step::AuthPlain);
    } else if (mechanisms.contains(QLatin1String("LOGIN"))) {
        sendCommand("AUTH LOGIN", Step::AuthLogin);
    } else {
        fail(QStringLiteral("The SMTP server %1 offers neither AUTH PLAIN nor AUTH LOGIN.")
                 .arg(m_settings.host));
    }
}

void SmtpClient::sendMailFrom()
{
    const bool eightBit = m_extensions.contains(QStringLiteral("8BITMIME"), Qt::CaseInsensitive);
    sendCommand("MAIL FROM:<" + m_message.from.toUtf8() + ">"
                    + (eightBit ? QByteArrayLiteral(" BODY=8BITMIME") : QByteArray()),
                Step::MailFrom);
}

void SmtpClient::sendCommand(const QByteArray &command, Step next)
{
    m_step = next;
    m_socket->write(command + "\r\n");
}

void SmtpClient::fail(const QString &error)
{
    m_step = Step::Done;
    m_socket->abort();
    finish(error);
}

void SmtpClient::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    emit finished(error);
}

QByteArray SmtpClient::formatMessage(const EmailMessage &message, bool eightBit)
{
    const QByteArray body = crlfLines(message.body);
    QByteArray encoding = "7bit";
    QByteArray encodedBody = body;
    if (!isAscii(body)) {
        if (eightBit) {
            encoding = "8bit";
        } else {
            encoding = "base64";
            const QByteArray base64 = body.toBase64();
            encodedBody.clear();
            for (qsizetype i = 0; i < base64.size(); i += kBase64LineLength)
                encodedBody += base64.mid(i, kBase64LineLength) + "\r\n";
        }
    }
    QStringList recipients;
    for (const QString &recipient : message.to)
        recipients.append(singleLine(recipient));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray data;
    data += "Date: "
            + QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1()
            + " +0000\r\n";
    data += "From: " + singleLine(message.from).toUtf8() + "\r\n";
    data += "To: " + recipients.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    data += "Subject: " + encodedHeader(message.subject) + "\r\n";
    data += "Message-ID: <" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "@hubd>\r\n";
    data += "MIME-Version: 1.0\r\n";
    data += "Content-Type: text/plain; charset=UTF-8\r\n";
    data += "Content-Transfer-Encoding: " + encoding + "\r\n";
    data += "\r\n";
    data += encodedBody;
    return data;
}

QByteArray SmtpClient::dotStuff(const QByteArray &data)
{
    QByteArray stuffed;
    stuffed.reserve(data.size() + 16);
    bool lineStart = true;
    for (const char c : data) {
        if (lineStart && c == '.')
            stuffed += '.';
        stuffed += c;
        lineStart = c == '\n';
    }
    return stuffed;
}

} // namespace hub::notify
