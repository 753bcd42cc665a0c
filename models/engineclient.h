// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace hubdesk {

// The outcome of one admin API request.
struct ApiResult
{
    // 0 when no HTTP response arrived (connection refused, timeout, aborted).
    int httpStatus = 0;
    QJsonDocument body;
    // A translated sentence for the user; empty on success.
    QString errorMessage;
    // For 422 responses: field name -> message, as the engine returned them.
    QJsonObject fieldErrors;
    // The response body as received; for downloads, the file.
    QByteArray data;
    // True when the engine could not be reached: the connection was refused, closed or timed
    // out, or the host or network failed. False for a cancelled request and for a TLS error.
    bool connectionFailed = false;

    bool ok() const { return httpStatus >= 200 && httpStatus < 300; }
};

// The certificates of a CA file, or the reason it cannot be used.
struct CaFile
{
    QList<QSslCertificate> certificates;
    QString error;
};

// One request to the engine. The job owns its reply, aborts it when destroyed, and deletes
// itself after emitting finished() once.
class ApiJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)

public:
    explicit ApiJob(QNetworkReply *reply, QObject *parent = nullptr);
    ~ApiJob() override;

    void abort();
    // Marks a job whose successful response is a file, not JSON (EngineClient::download()).
    void setExpectsFile(bool expectsFile) { m_expectsFile = expectsFile; }

signals:
    void finished(const hubdesk::ApiResult &result);
    // Bytes of the request body sent so far, as QNetworkReply::uploadProgress() reports them.
    void uploadProgress(qint64 sentBytes, qint64 totalBytes);

private:
    void onReplyFinished();

    QNetworkReply *m_reply = nullptr;
    // The certificate problems of a failed TLS handshake; they are reported, never ignored.
    QList<QSslError> m_sslErrors;
    bool m_expectsFile = false;
};

// The console's connection to one engine, local or remote, over the admin API. Every request
// carries the bearer token. The QNetworkAccessManager is shared and not owned.
class EngineClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineClient)

public:
    enum class ConnectionState { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(ConnectionState)

    explicit EngineClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token);
    // Trusts these CA certificates as well as the system's, for an engine whose certificate a
    // district's own certificate authority issued.
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    // Reads the PEM certificates of a CA file.
    static CaFile readCaFile(const QString &path);
    // The engine's scheme, host and port, such as "https://hub.example.org:8470", under which
    // the console remembers the engine's CA file.
    static QString engineKey(const QUrl &engine);
    // The district every request acts on, sent as X-Hub-District; 0 sends no header, so the
    // engine uses the caller's first district.
    void setDistrict(qint64 districtId);
    qint64 district() const { return m_districtId; }

    ConnectionState connectionState() const { return m_state; }
    // The district's IANA time zone from the last health check (America/Detroit until then).
    QByteArray districtTimeZone() const { return m_timeZone; }
    QString districtName() const { return m_districtName; }

    // Calls GET /api/v1/health and updates the connection state, district name and zone.
    ApiJob *checkHealth();

    // Generic requests; path starts with /api/v1/.
    ApiJob *get(const QString &path, const QUrlQuery &query = {});
    ApiJob *post(const QString &path, const QJsonObject &body = {});
    ApiJob *put(const QString &path, const QJsonObject &body);
    ApiJob *deleteResource(const QString &path);
    ApiJob *upload(const QString &path, const QByteArray &data, const QString &fileName);
    // Sends data as an application/octet-stream body, such as a chunk of a chunked upload.
    ApiJob *sendBytes(const QByteArray &method, const QString &path, const QUrlQuery &query,
                      const QByteArray &data);
    // GET of a file; the job's result carries it in ApiResult::data.
    ApiJob *download(const QString &path, const QUrlQuery &query = {});

    // Signs in with a user name and password (POST /api/v1/session); the body holds
    // accessToken, expiresAt and refreshToken. Sends no bearer token.
    ApiJob *signIn(const QString &user, const QString &password);
    // Exchanges a refresh token for new tokens (POST /api/v1/session/refresh).
    ApiJob *refreshSession(const QByteArray &refreshToken);
    // The signed-in user, the request's district and every district the user may choose.
    ApiJob *fetchSession();
    // Revokes the current access token's session (DELETE /api/v1/session).
    ApiJob *signOut();

    // Convenience calls for the routes the console uses.
    ApiJob *fetchProducts();
    ApiJob *fetchIntegrations(const QString &type = {});
    ApiJob *fetchIntegration(qint64 id);
    // Creates the integration when id is 0, updates it otherwise.
    ApiJob *saveIntegration(qint64 id, const QJsonObject &integration);
    ApiJob *fetchDestinations();
    ApiJob *fetchDestination(qint64 id);
    // Creates the destination when id is 0, updates it otherwise.
    ApiJob *saveDestination(qint64 id, const QJsonObject &destination);
    // Requests a connection test of the saved destination (POST
    // /api/v1/destinations/{id}/test). The response body is {"ok", "message"}.
    ApiJob *testDestination(qint64 id);
    ApiJob *runNow(qint64 integrationId);
    // Runs that started on or before date in the district's zone, newest first, without the
    // total. "more" in the response is true when another page follows.
    ApiJob *fetchRuns(const QDate &date, int limit, int offset);
    ApiJob *fetchRun(qint64 runId);
    // Lists the next count run times of a draft schedule (POST /api/v1/schedules/preview).
    ApiJob *previewSchedule(const QJsonObject &schedule, int count);
    // Runs a draft outbound integration's report and returns its first 100 rows and the total
    // (POST /api/v1/integrations/preview); creates no run.
    ApiJob *previewIntegration(const QJsonObject &draft);

signals:
    void connectionStateChanged(hubdesk::EngineClient::ConnectionState state);

private:
    ApiJob *send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                 const QByteArray &body, const QByteArray &contentType);
    void setConnectionState(ConnectionState state);
    // Moves from Connected to Failed when a request cannot reach the engine, and back when a
    // later request gets an HTTP response.
    void updateConnectionState(const ApiResult &result);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    QSslConfiguration m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    qint64 m_districtId = 0;
    ConnectionState m_state = ConnectionState::Disconnected;
    QByteArray m_timeZone = QByteArrayLiteral("America/Detroit");
    QString m_districtName;
};

} // namespace hubdesk

Q_DECLARE_METATYPE(hubdesk::ApiResult)
