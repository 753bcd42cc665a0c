// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apiclient.h"

#include "core/logging.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace hub::connectors {

namespace {

void waitMs(qint64 milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(milliseconds), &loop, &QEventLoop::quit);
    loop.exec();
}

// A token is renewed this long before the expiry the provider gave, so that it does not expire
// between the check and the provider's own check.
constexpr qint64 kTokenRenewMarginMs = 30000;

QString displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

} // namespace

ApiClient::ApiClient(ApiAuth auth, ApiRetryLimits limits)
    : m_auth(std::move(auth))
    , m_limits(limits)
    , m_transfer(limits.timeoutMs)
{}

qint64 ApiClient::retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : seconds * 1000;
    // An HTTP-date (RFC 9110 section 5.6.7), such as "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(trimmed).chopped(4),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid() || !trimmed.endsWith("GMT"))
        return -1;
    date.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(date));
}

void ApiClient::log(bool warning, const QString &message) const
{
    if (warning)
        qCWarning(lcConnectors).noquote() << message;
    else
        qCInfo(lcConnectors).noquote() << message;
    if (m_log)
        m_log(warning, message);
}

void ApiClient::sign(QNetworkRequest &request) const
{
    switch (m_auth.kind) {
    case ApiAuth::Kind::None:
        break;
    case ApiAuth::Kind::OAuth2ClientCredentials:
        request.setRawHeader("Authorization", "Bearer " + m_token);
        break;
    case ApiAuth::Kind::ApiKeyHeader:
        request.setRawHeader(m_auth.headerName.toLatin1(), m_auth.apiKey.toUtf8());
        break;
    case ApiAuth::Kind::Basic:
        request.setRawHeader("Authorization",
                             "Basic "
                                 + QByteArray(m_auth.username.toUtf8() + ':'
                                              + m_auth.password.toUtf8())
                                       .toBase64());
        break;
    }
}

Result<void> ApiClient::authenticate()
{
    if (m_auth.kind != ApiAuth::Kind::OAuth2ClientCredentials)
        return {};
    return fetchToken();
}

Result<void> ApiClient::fetchToken()
{
    QNetworkRequest request(m_auth.tokenUrl);
    // RFC 6749 section 2.3.1: the client id and secret are form-encoded before Basic encoding.
    const QByteArray credentials = QByteArray(QUrl::toPercentEncoding(m_auth.clientId) + ':'
                                              + QUrl::toPercentEncoding(m_auth.clientSecret));
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    if (!m_auth.scope.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), m_auth.scope);
    const QByteArray body = form.toString(QUrl::FullyEncoded).toUtf8();

    destinations::HttpExchange exchange;
    for (int attempt = 1;; ++attempt) {
        ++m_stats.requests;
        exchange = m_transfer.send(request, "POST", body);
        if (exchange.succeeded() || !exchange.isTransient() || attempt >= m_limits.maxAttempts)
            break;
        ++m_stats.retries;
        log(true, QStringLiteral("The token request to %1 failed with %2; retrying.")
                      .arg(displayUrl(m_auth.tokenUrl), exchange.describe()));
        waitMs(m_limits.initialDelayMs);
    }
    if (!exchange.succeeded()) {
        const QString hint = exchange.status == 400 || exchange.status == 401
                                 ? QStringLiteral(" Check the client id and secret.")
                                 : QString();
        return failure(QStringLiteral("The token request to %1 failed: %2.%3")
                           .arg(displayUrl(m_auth.tokenUrl), exchange.describe(), hint));
    }
    const QJsonObject token = QJsonDocument::fromJson(exchange.body).object();
    m_token = token.value(QStringLiteral("access_token")).toString().toUtf8();
    if (m_token.isEmpty())
        return failure(QStringLiteral("The token endpoint %1 returned no access_token.")
                           .arg(displayUrl(m_auth.tokenUrl)));
    // Some providers (PowerSchool among them) send expires_in as a string.
    const QJsonValue expiresValue = token.value(QStringLiteral("expires_in"));
    bool parsed = expiresValue.isDouble();
    qint64 expiresIn = expiresValue.toInteger();
    if (expiresValue.isString())
        expiresIn = expiresValue.toString().toLongLong(&parsed);
    if (!parsed)
        expiresIn = 3600;
    m_tokenExpiry.setRemainingTime(std::max<qint64>(0, expiresIn * 1000 - kTokenRenewMarginMs));
    log(false, QStringLiteral("Received an access token from %1 that expires in %2 s.")
                   .arg(displayUrl(m_auth.tokenUrl))
                   .arg(expiresIn));
    return {};
}

Result<destinations::HttpExchange> ApiClient::send(const QByteArray &verb, const QUrl &url,
                                                   const QByteArray &body,
                                                   const QByteArray &contentType)
{
    bool renewedAfter401 = false;
    destinations::HttpExchange exchange;
    for (int attempt = 1;; ++attempt) {
        const bool oauth = m_auth.kind == ApiAuth::Kind::OAuth2ClientCredentials;
        if (oauth && (m_token.isEmpty() || m_tokenExpiry.hasExpired())) {
            if (auto token = fetchToken(); !token)
                return failure(token.error());
        }
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json");
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QVariant(contentType));
        sign(request);
        ++m_stats.requests;
        exchange = m_transfer.send(request, verb, body);
        m_stats.bytes += exchange.body.size();
        if (exchange.succeeded())
            return exchange;

        // A token that the provider revoked or let expire early gets one renewal per request.
        if (oauth && exchange.status == 401 && !renewedAfter401) {
            renewedAfter401 = true;
            m_token.clear();
            log(true, QStringLiteral("%1 returned 401; requesting a new access token.")
                          .arg(displayUrl(url)));
            --attempt;
            continue;
        }
        if (!exchange.isTransient() || attempt >= m_limits.maxAttempts)
            break;

        qint64 delay = m_limits.initialDelayMs;
        for (int i = 1; i < attempt && delay < m_limits.maxDelayMs; ++i)
            delay *= 2;
        delay = std::min<qint64>(delay, m_limits.maxDelayMs);
        delay = delay / 2 + QRandomGenerator::global()->bounded(delay / 2 + 1);
        const qint64 requested
            = retryAfterMs(exchange.header("retry-after"), QDateTime::currentDateTimeUtc());
        if (requested > m_limits.maxRetryAfterMs)
            return failure(QStringLiteral("%1 %2 returned %3 and asked to wait %4 s (Retry-After), "
                                          "longer than the %5 s the connector waits.")
                               .arg(QString::fromLatin1(verb), displayUrl(url), exchange.describe())
                               .arg(requested / 1000)
                               .arg(m_limits.maxRetryAfterMs / 1000));
        if (requested >= 0)
            delay = requested;
        if (m_cancelCheck && m_cancelCheck()) {
            m_cancelled = true;
            return failure(QStringLiteral("Cancelled by request before retrying %1.")
                               .arg(displayUrl(url)));
        }
        ++m_stats.retries;
        log(true, QStringLiteral("%1 %2 failed with %3 (attempt %4 of %5); retrying in %6 ms%7.")
                      .arg(QString::fromLatin1(verb), displayUrl(url), exchange.describe())
                      .arg(attempt)
                      .arg(m_limits.maxAttempts)
                      .arg(delay)
                      .arg(requested >= 0 ? QStringLiteral(" as Retry-After asks") : QString()));
        waitMs(delay);
    }
    QString detail = QString::fromUtf8(exchange.body.left(300)).simplified();
    return failure(QStringLiteral("%1 %2 failed: %3%4%5")
                       .arg(QString::fromLatin1(verb), displayUrl(url), exchange.describe(),
                            exchange.isTransient()
                                ? QStringLiteral(" after %1 attempts").arg(m_limits.maxAttempts)
                                : QString(),
                            detail.isEmpty() ? QStringLiteral(".")
                                             : QStringLiteral(": %1").arg(detail)));
}

} // namespace hub::connectors
