// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "httpsdestination.h"

#include "core/logging.h"
#include "destinations/httptransfer.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace hub::destinations {

namespace {

QString setting(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1String(name)).toString().trimmed();
}

QByteArray contentDisposition(const QString &remotePath)
{
    const QString fileName = remotePath.section(QLatin1Char('/'), -1);
    QByteArray fallback;
    for (const QChar c : fileName)
        fallback.append(c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('"')
                                || c == QLatin1Char('\\')
                            ? '_'
                            : char(c.unicode()));
    // RFC 6266: an ASCII fallback plus the exact UTF-8 name in RFC 8187 encoding.
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
           + QUrl::toPercentEncoding(fileName);
}

Result<QSslKey> readClientKey(const QByteArray &pem, const QByteArray &passphrase)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    return failure(QStringLiteral("The client key cannot be read; check the PEM text and its "
                                  "passphrase."));
}

} // namespace

HttpsDestination::HttpsDestination(const QJsonObject &settings, const QJsonObject &secrets)
    : m_settings(settings)
    , m_secrets(secrets)
    , m_timeoutMs(settings.value(QStringLiteral("timeoutSeconds")).toInt(120) * 1000)
{}

QJsonObject HttpsDestination::validateSettings(const QJsonObject &settings,
                                               const QJsonObject &secrets)
{
    QJsonObject errors;
    const QUrl url(setting(settings, "url"), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        errors.insert(QStringLiteral("settings.url"),
                      QStringLiteral("Enter an https:// URL; \"%1\" is not one.")
                          .arg(setting(settings, "url")));
    const QString method = setting(settings, "method");
    if (!method.isEmpty() && method != QLatin1String("POST") && method != QLatin1String("PUT"))
        errors.insert(QStringLiteral("settings.method"), QStringLiteral("Choose POST or PUT."));

    const QString authentication = setting(settings, "authentication");
    if (authentication == QLatin1String("bearer")) {
        if (setting(secrets, "bearerToken").isEmpty())
            errors.insert(QStringLiteral("settings.bearerToken"),
                          QStringLiteral("Enter the token."));
    } else if (authentication == QLatin1String("basic")) {
        if (setting(settings, "username").isEmpty())
            errors.insert(QStringLiteral("settings.username"),
                          QStringLiteral("Enter the user name."));
        if (secrets.value(QStringLiteral("password")).toString().isEmpty())
            errors.insert(QStringLiteral("settings.password"),
                          QStringLiteral("Enter the password."));
    } else if (!authentication.isEmpty() && authentication != QLatin1String("none")) {
        errors.insert(QStringLiteral("settings.authentication"),
                      QStringLiteral("Choose none, bearer or basic."));
    }

    const QString caFile = setting(settings, "caFile");
    if (!caFile.isEmpty() && QSslCertificate::fromPath(caFile, QSsl::Pem).isEmpty())
        errors.insert(QStringLiteral("settings.caFile"),
                      QStringLiteral("No PEM certificate could be read from %1.").arg(caFile));
    const QString certificate = setting(settings, "clientCertificate");
    if (!certificate.isEmpty()) {
        if (QSslCertificate(certificate.toLatin1(), QSsl::Pem).isNull())
            errors.insert(QStringLiteral("settings.clientCertificate"),
                          QStringLiteral("Paste the client certificate as PEM text."));
        if (!readClientKey(
                secrets.value(QStringLiteral("clientKey")).toString().toLatin1(),
                secrets.value(QStringLiteral("clientKeyPassphrase")).toString().toUtf8()))
            errors.insert(QStringLiteral("settings.clientKey"),
                          QStringLiteral("Paste the client certificate's private key as PEM text, "
                                         "with its passphrase if it has one."));
    }
    return errors;
}

Result<QSslConfiguration> HttpsDestination::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    const QString caFile = setting(m_settings, "caFile");
    if (!caFile.isEmpty()) {
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (authorities.isEmpty())
            return failure(QStringLiteral("No CA certificate could be read from %1.").arg(caFile));
        configuration.addCaCertificates(authorities);
    }
    const QString certificate = setting(m_settings, "clientCertificate");
    if (!certificate.isEmpty()) {
        auto key = readClientKey(
            m_secrets.value(QStringLiteral("clientKey")).toString().toLatin1(),
            m_secrets.value(QStringLiteral("clientKeyPassphrase")).toString().toUtf8());
        if (!key)
            return failure(key.error());
        configuration.setLocalCertificate(QSslCertificate(certificate.toLatin1(), QSsl::Pem));
        configuration.setPrivateKey(*key);
    }
    return configuration;
}

Result<QNetworkRequest> HttpsDestination::makeRequest(const QString &remotePath) const
{
    auto ssl = sslConfiguration();
    if (!ssl)
        return failure(ssl.error());
    QNetworkRequest request(QUrl(setting(m_settings, "url")));
    request.setSslConfiguration(*ssl);
    request.setRawHeader("Content-Type", "application/octet-stream");
    if (!remotePath.isEmpty())
        request.setRawHeader("Content-Disposition", contentDisposition(remotePath));

    const QString authentication = setting(m_settings, "authentication");
    if (authentication == QLatin1String("bearer")) {
        request.setRawHeader(
            "Authorization",
            "Bearer " + m_secrets.value(QStringLiteral("bearerToken")).toString().toUtf8());
    } else if (authentication == QLatin1String("basic")) {
        const QByteArray credentials
            = setting(m_settings, "username").toUtf8() + ':'
              + m_secrets.value(QStringLiteral("password")).toString().toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    return request;
}

Attempt HttpsDestination::testConnection()
{
    auto request = makeRequest({});
    if (!request)
        return Attempt::permanent(request.error());
    // HEAD checks the TLS handshake, the certificate and the credentials without sending a file.
    // A server may return 405 for HEAD, which still proves it is reachable and trusted.
    HttpTransfer http(m_timeoutMs);
    const HttpExchange exchange = http.send(*request, "HEAD", QByteArray());
    if (exchange.status == 401 || exchange.status == 403)
        return Attempt::permanent(
            QStringLiteral("The server rejected the credentials (HTTP %1).").arg(exchange.status));
    if (exchange.status == 0 || exchange.status >= 500)
        return attemptFromFailure(
            exchange, QStringLiteral("Cannot reach %1").arg(setting(m_settings, "url")));
    return Attempt::succeeded({}, 0,
                              QStringLiteral("%1 returned HTTP %2 over a verified TLS "
                                             "connection.")
                                  .arg(setting(m_settings, "url"))
                                  .arg(exchange.status));
}

Attempt HttpsDestination::deliver(const QString &sourceFile, const QString &remotePath,
                                  const DeliveryIds &ids)
{
    auto request = makeRequest(remotePath);
    if (!request)
        return Attempt::permanent(request.error());
    QFile file(sourceFile);
    if (!file.open(QIODevice::ReadOnly))
        return Attempt::permanent(
            QStringLiteral("Cannot read %1: %2").arg(sourceFile, file.errorString()));
    request->setHeader(QNetworkRequest::ContentLengthHeader, file.size());

    const QByteArray method
        = setting(m_settings, "method") == QLatin1String("PUT") ? "PUT" : "POST";
    qCInfo(lcDestinations).noquote()
        << QStringLiteral("Run %1 destination %2: %3 %4 bytes to %5 as %6.")
               .arg(ids.runId)
               .arg(ids.destinationId)
               .arg(QString::fromLatin1(method))
               .arg(file.size())
               .arg(setting(m_settings, "url"), remotePath);
    HttpTransfer http(m_timeoutMs);
    const HttpExchange exchange = http.send(*request, method, &file);
    if (!exchange.succeeded())
        return attemptFromFailure(
            exchange, QStringLiteral("%1 to %2 failed")
                          .arg(QString::fromLatin1(method), setting(m_settings, "url")));
    return Attempt::succeeded(remotePath, file.size());
}

} // namespace hub::destinations
