// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "connectors/connector.h"
#include "core/result.h"
#include "destinations/httptransfer.h"

#include <QDeadlineTimer>
#include <QUrl>

#include <functional>

namespace hub::connectors {

// The authentication that a vendor API expects from its callers.
struct ApiAuth
{
    enum class Kind { None, OAuth2ClientCredentials, ApiKeyHeader, Basic };

    Kind kind = Kind::None;
    // OAuth 2 client credentials (RFC 6749 section 4.4) with HTTP Basic client authentication.
    QUrl tokenUrl;
    QString clientId;
    QString clientSecret;
    QString scope;
    // An API key sent in a request header.
    QString headerName;
    QString apiKey;
    // HTTP Basic authentication.
    QString username;
    QString password;
};

// The limits on repeating a request that failed with 429, 5xx or a network error. Delays
// double from initialDelayMs up to maxDelayMs. A Retry-After header replaces the delay when it
// requests at most maxRetryAfterMs.
struct ApiRetryLimits
{
    int maxAttempts = 5;
    int initialDelayMs = 1000;
    int maxDelayMs = 30000;
    int maxRetryAfterMs = 300000;
    int timeoutMs = 60000;
};

// Sends a connector's HTTP requests one at a time on the calling thread: it signs each request,
// fetches and renews OAuth 2 tokens (again after a 401, once per request), repeats transient
// failures with backoff and counts requests and retries. Secrets never reach the log function.
class ApiClient
{
public:
    // Receives one line per retry, token request and failure; warning marks a retry.
    using LogFunction = std::function<void(bool warning, const QString &message)>;

    ApiClient(ApiAuth auth, ApiRetryLimits limits);

    void setLog(LogFunction log) { m_log = std::move(log); }
    // Called before each retry; returning true stops the request as cancelled.
    void setCancelCheck(std::function<bool()> check) { m_cancelCheck = std::move(check); }

    // Sends the request with authentication and retries. Fails with the URL and the status
    // when the final response is not 2xx.
    Result<destinations::HttpExchange> send(const QByteArray &verb, const QUrl &url,
                                            const QByteArray &body = {},
                                            const QByteArray &contentType = {});
    // Requests a token (OAuth 2) now, so Test Connection can report bad credentials.
    Result<void> authenticate();

    bool cancelled() const { return m_cancelled; }
    const TransferStats &stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }

    // The wait in milliseconds that a Retry-After value (delta-seconds or an HTTP-date)
    // requests, or -1 when the value is neither.
    static qint64 retryAfterMs(const QByteArray &value, const QDateTime &now);

private:
    Result<void> fetchToken();
    void sign(QNetworkRequest &request) const;
    void log(bool warning, const QString &message) const;

    ApiAuth m_auth;
    ApiRetryLimits m_limits;
    destinations::HttpTransfer m_transfer;
    LogFunction m_log;
    std::function<bool()> m_cancelCheck;
    QByteArray m_token;
    QDeadlineTimer m_tokenExpiry;
    TransferStats m_stats;
    bool m_cancelled = false;
};

} // namespace hub::connectors
