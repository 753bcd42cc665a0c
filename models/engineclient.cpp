// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "engineclient.h"

#include "clientlogging.h"

#include <QFile>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace hubdesk {

Q_LOGGING_CATEGORY(lcClient, "hubdesk.client", QtWarningMsg)

namespace {

// A request with no network activity for this long fails with TimeoutError.
constexpr int kTransferTimeoutMs = 60 * 1000;

// Whether error means that the engine could not be reached, rather than that the request was
// cancelled or the engine's certificate was rejected.
bool isConnectionError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

// A sentence for the user per network error, for replies that carry no HTTP status.
QString networkErrorMessage(QNetworkReply::NetworkError error, const QUrl &url)
{
    const QString host = url.authority();
    switch (error) {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::ConnectionRefusedError:
        return EngineClient::tr(
                   "The engine at %1 refused the connection. Check that it is running and "
                   "that the address is right.")
            .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return EngineClient::tr(
                   "The engine at %1 closed the connection before it answered. Check that "
                   "it is still running, then try again.")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return EngineClient::tr("The host name of %1 was not found. Check the engine address.")
            .arg(host);
    case QNetworkReply::TimeoutError:
        return EngineClient::tr("The engine at %1 did not answer in time. Try again; if it keeps "
                                "happening, check the engine log.")
            .arg(host);
    case QNetworkReply::OperationCanceledError:
        return EngineClient::tr("The request was cancelled.");
    case QNetworkReply::SslHandshakeFailedError:
        return EngineClient::tr(
                   "The secure connection to %1 failed. Check the engine's certificate.")
            .arg(host);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return EngineClient::tr(
            "The network connection was lost. Check the network, then try again.");
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return EngineClient::tr("The system does not allow network requests in the background.");
    case QNetworkReply::TooManyRedirectsError:
        return EngineClient::tr("The engine at %1 redirected the request too many times. Check the "
                                "engine address.")
            .arg(host);
    case QNetworkReply::InsecureRedirectError:
        return EngineClient::tr(
                   "The engine at %1 redirected a secure request to an insecure address; "
                   "the request was stopped.")
            .arg(host);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        return EngineClient::tr(
                   "The proxy server failed to reach the engine at %1. Check the proxy "
                   "settings.")
            .arg(host);
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return EngineClient::tr("The proxy server requires a sign-in. Check the proxy settings.");
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::AuthenticationRequiredError:
        return EngineClient::tr("The engine at %1 denied access.").arg(host);
    case QNetworkReply::ContentNotFoundError:
        return EngineClient::tr("The engine at %1 has no resource at %2.").arg(host, url.path());
    case QNetworkReply::ContentReSendError:
        return EngineClient::tr("The request to %1 could not be sent again. Try again.").arg(host);
    case QNetworkReply::ContentConflictError:
        return EngineClient::tr("The engine at %1 reported a conflict with the current state.")
            .arg(host);
    case QNetworkReply::ContentGoneError:
        return EngineClient::tr("The resource %1 no longer exists on the engine.").arg(url.path());
    case QNetworkReply::ProtocolUnknownError:
        return EngineClient::tr("The address %1 does not use http or https.")
            .arg(url.toDisplayString());
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProtocolFailure:
        return EngineClient::tr(
                   "The answer from %1 was not valid HTTP. Check that the address belongs "
                   "to a Hubdesk engine.")
            .arg(host);
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return EngineClient::tr(
                   "The engine at %1 failed to process the request. See the engine log.")
            .arg(host);
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::UnknownContentError:
        break;
    }
    return EngineClient::tr("The request to %1 failed with network error %2.")
        .arg(host, QString::number(int(error)));
}

// A sentence for the user about a certificate that failed verification, with the fix. The
// request has already failed, because certificate errors are never ignored. withCaFile is true
// when the user chose a CA file, so the message names that file as the cause.
QString sslErrorMessage(const QList<QSslError> &errors, const QUrl &url, bool withCaFile)
{
    const QString host = url.host();
    for (const QSslError &error : errors) {
        const QSslCertificate certificate = error.certificate();
        switch (error.error()) {
        case QSslError::HostNameMismatch: {
            QStringList names = certificate.subjectAlternativeNames().values(QSsl::DnsEntry);
            names += certificate.subjectAlternativeNames().values(QSsl::IpAddressEntry);
            if (names.isEmpty())
                names = certificate.subjectInfo(QSslCertificate::CommonName);
            return EngineClient::tr(
                       "The certificate of the engine at %1 is for %2, not for %1. Connect with "
                       "a name that the certificate lists, or ask the engine's administrator for "
                       "a certificate that includes %1.")
                .arg(host, names.join(QStringLiteral(", ")));
        }
        case QSslError::CertificateExpired:
            return EngineClient::tr("The certificate of the engine at %1 expired on %2. Ask the "
                                    "engine's administrator to renew it.")
                .arg(host, certificate.expiryDate().toString(Qt::ISODate));
        case QSslError::CertificateNotYetValid:
            return EngineClient::tr("The certificate of the engine at %1 is not valid before %2. "
                                    "Check the date and time of this computer.")
                .arg(host, certificate.effectiveDate().toString(Qt::ISODate));
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::InvalidCaCertificate: {
            const QString issuer
                = certificate.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
            if (withCaFile)
                return EngineClient::tr(
                           "The chosen CA file does not vouch for the certificate of the engine "
                           "at %1 (issued by %2). Choose the CA file of the authority that "
                           "issued it, or ask the engine's administrator which file to use.")
                    .arg(host, issuer.isEmpty() ? EngineClient::tr("an unknown issuer") : issuer);
            return EngineClient::tr(
                       "This computer does not trust the certificate of the engine at %1 (issued "
                       "by %2). If the district has its own certificate authority, choose its CA "
                       "file in the sign-in dialog, or start hubdesk with --ca-file FILE. "
                       "Otherwise ask the engine's administrator for a certificate from a trusted "
                       "authority.")
                .arg(host, issuer.isEmpty() ? EngineClient::tr("an unknown issuer") : issuer);
        }
        default:
            break;
        }
    }
    const QString details
        = errors.isEmpty() ? EngineClient::tr("no details") : errors.constFirst().errorString();
    return EngineClient::tr("The secure connection to the engine at %1 failed: %2. Check the "
                            "engine's certificate.")
        .arg(host, details);
}

// Whether an engine message is written for API clients. Such messages name admin API routes,
// such as "Your role does not allow POST /api/v1/oneroster/applications.", which mean nothing
// to a district coordinator.
bool namesApiRoute(const QString &engineMessage)
{
    return engineMessage.contains(QLatin1String("/api/"));
}

// Returns a sentence for the user per HTTP error status and engine error code. The engine's own
// message is kept where it is written for people and replaced by the console's words where it
// names routes. ApiJob logs the status and the engine's message.
QString httpErrorMessage(int status, const QString &code, const QString &engineMessage)
{
    const bool forPeople = !engineMessage.isEmpty() && !namesApiRoute(engineMessage);
    if (status == 401)
        return EngineClient::tr("The engine no longer accepts this connection's token. Sign in "
                                "again, or reconnect to the engine.");
    if (status == 403)
        return forPeople ? engineMessage
                         : EngineClient::tr("Your role does not allow this action. Ask a "
                                            "district administrator.");
    if (status == 404)
        return forPeople ? EngineClient::tr("%1 It may have been deleted; refresh the page.")
                               .arg(engineMessage)
                         : EngineClient::tr("The engine does not offer this action. It may be "
                                            "an older version than this console.");
    if (status == 409 && code == QLatin1String("file_required"))
        return EngineClient::tr("This integration is inbound, so it runs when a file is uploaded "
                                "to it. Use Upload File… on the Integrations page.");
    if (status == 409 && code == QLatin1String("too_many_uploads"))
        return EngineClient::tr("The district has as many unfinished uploads as the engine "
                                "allows. Wait until one of them ends or expires, or ask an "
                                "administrator to delete one.");
    if (status == 409)
        return forPeople ? engineMessage
                         : EngineClient::tr("The engine cannot do this in the current state. "
                                            "Refresh the page and try again.");
    if (status == 422)
        return EngineClient::tr("%1 Correct the marked fields and try again.")
            .arg(forPeople ? engineMessage : EngineClient::tr("Some values are invalid."));
    if (status == 429)
        return EngineClient::tr("The engine received too many requests from this computer. "
                                "Wait a moment and try again.");
    if (status >= 500)
        return forPeople ? EngineClient::tr("The engine failed to process the request: %1 See "
                                            "the engine log for details.")
                               .arg(engineMessage)
                         : EngineClient::tr("The engine failed to process the request. See the "
                                            "engine log for details.");
    return forPeople ? EngineClient::tr("The engine rejected the request: %1").arg(engineMessage)
                     : EngineClient::tr("The engine rejected the request. The console and the "
                                        "engine may be of different versions.");
}

} // namespace

ApiJob::ApiJob(QNetworkReply *reply, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &ApiJob::uploadProgress);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    // The reply is a child of the QNetworkAccessManager, which may be destroyed first.
    connect(m_reply, &QObject::destroyed, this, [this] { m_reply = nullptr; });
}

ApiJob::~ApiJob()
{
    if (!m_reply)
        return;
    // Disconnect first, because abort() may emit finished() at once and this job must not report.
    disconnect(m_reply, nullptr, this, nullptr);
    m_reply->abort();
    // Deleted later because the job may be destroyed while the reply emits a signal.
    m_reply->deleteLater();
    m_reply = nullptr;
}

void ApiJob::abort()
{
    // The reply then emits finished() with OperationCanceledError, and the job reports that.
    if (m_reply && m_reply->isRunning())
        m_reply->abort();
}

void ApiJob::onReplyFinished()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    ApiResult result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    const QUrl url = reply->url();
    result.data = data;

    QJsonParseError parseError;
    const bool isFile = m_expectsFile && result.ok();
    if (!data.isEmpty() && !isFile)
        result.body = QJsonDocument::fromJson(data, &parseError);
    const QJsonObject object = result.body.object();
    QString engineDetail;

    if (result.httpStatus == 0 && !m_sslErrors.isEmpty()) {
        // A chosen CA file adds its certificates to the system's.
        const bool withCaFile = reply->sslConfiguration().caCertificates().size()
            > QSslConfiguration::defaultConfiguration().caCertificates().size();
        result.errorMessage = sslErrorMessage(m_sslErrors, url, withCaFile);
    } else if (result.httpStatus == 0) {
        result.connectionFailed = isConnectionError(reply->error());
        result.errorMessage = networkErrorMessage(reply->error(), url);
        if (result.errorMessage.isEmpty())
            result.errorMessage
                = EngineClient::tr("The engine at %1 sent no HTTP status.").arg(url.authority());
    } else if (!result.ok()) {
        const QString engineMessage = object.value(QStringLiteral("message")).toString();
        const QString code = object.value(QStringLiteral("error")).toString();
        result.errorMessage = httpErrorMessage(result.httpStatus, code, engineMessage);
        result.fieldErrors = object.value(QStringLiteral("fields")).toObject();
        // The sentence for the user may leave out the engine's message, so the log records it.
        engineDetail = code + QLatin1Char(' ') + engineMessage;
    } else if (!data.isEmpty() && !isFile && result.body.isNull()) {
        result.errorMessage = EngineClient::tr("The engine's answer to %1 is not valid JSON: %2")
                                  .arg(url.path(), parseError.errorString());
        // A success status with an unreadable body is still a failure for the caller.
        result.httpStatus = 0;
    }

    if (result.ok())
        qCDebug(lcClient) << url.path() << result.httpStatus;
    else
        qCWarning(lcClient).noquote() << url.path() << "failed:" << result.httpStatus
                                      << reply->error() << engineDetail << result.errorMessage;

    emit finished(result);
    deleteLater();
}

EngineClient::EngineClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void EngineClient::setBaseUrl(const QUrl &baseUrl)
{
    if (m_baseUrl == baseUrl)
        return;
    m_baseUrl = baseUrl;
    setConnectionState(ConnectionState::Disconnected);
}

void EngineClient::setToken(const QByteArray &token)
{
    m_token = token;
}

void EngineClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    m_sslConfiguration.addCaCertificates(certificates);
    // A cached connection keeps the TLS configuration that it was opened with, so a retry after
    // choosing a CA file would fail again without this.
    m_network->clearConnectionCache();
}

QString EngineClient::engineKey(const QUrl &engine)
{
    const int defaultPort = engine.scheme() == QLatin1String("http") ? 80 : 443;
    return QStringLiteral("%1://%2:%3")
        .arg(engine.scheme(), engine.host().toLower())
        .arg(engine.port(defaultPort));
}

CaFile EngineClient::readCaFile(const QString &path)
{
    CaFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error
            = tr("Cannot read the CA file %1: %2. Check the path.").arg(path, file.errorString());
        return result;
    }
    result.certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (result.certificates.isEmpty())
        result.error = tr("The CA file %1 contains no PEM certificate (a block that begins with "
                          "\"-----BEGIN CERTIFICATE-----\").")
                           .arg(path);
    return result;
}

void EngineClient::setDistrict(qint64 districtId)
{
    m_districtId = districtId;
}

ApiJob *EngineClient::signIn(const QString &user, const QString &password)
{
    const QByteArray token = std::exchange(m_token, QByteArray());
    ApiJob *job = post(QStringLiteral("/api/v1/session"),
                       QJsonObject{{QStringLiteral("user"), user},
                                   {QStringLiteral("password"), password}});
    m_token = token;
    return job;
}

ApiJob *EngineClient::refreshSession(const QByteArray &refreshToken)
{
    const QByteArray token = std::exchange(m_token, QByteArray());
    ApiJob *job = post(QStringLiteral("/api/v1/session/refresh"),
                       QJsonObject{{QStringLiteral("refreshToken"),
                                    QString::fromLatin1(refreshToken)}});
    m_token = token;
    return job;
}

ApiJob *EngineClient::fetchSession()
{
    return get(QStringLiteral("/api/v1/session"));
}

ApiJob *EngineClient::signOut()
{
    return deleteResource(QStringLiteral("/api/v1/session"));
}

ApiJob *EngineClient::checkHealth()
{
    if (m_state != ConnectionState::Connected)
        setConnectionState(ConnectionState::Connecting);

    ApiJob *job = get(QStringLiteral("/api/v1/health"));
    // Connected before the caller's own connection, so the state is updated when it runs.
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        const QJsonObject district
            = result.body.object().value(QStringLiteral("district")).toObject();
        if (!result.ok()) {
            setConnectionState(ConnectionState::Failed);
            return;
        }
        m_districtName = district.value(QStringLiteral("name")).toString();
        const QString zone = district.value(QStringLiteral("timeZone")).toString();
        if (!zone.isEmpty())
            m_timeZone = zone.toUtf8();
        setConnectionState(ConnectionState::Connected);
    });
    return job;
}

ApiJob *EngineClient::get(const QString &path, const QUrlQuery &query)
{
    return send(QByteArrayLiteral("GET"), path, query, {}, {});
}

ApiJob *EngineClient::post(const QString &path, const QJsonObject &body)
{
    return send(QByteArrayLiteral("POST"), path, {},
                QJsonDocument(body).toJson(QJsonDocument::Compact),
                QByteArrayLiteral("application/json"));
}

ApiJob *EngineClient::put(const QString &path, const QJsonObject &body)
{
    return send(QByteArrayLiteral("PUT"), path, {},
                QJsonDocument(body).toJson(QJsonDocument::Compact),
                QByteArrayLiteral("application/json"));
}

ApiJob *EngineClient::deleteResource(const QString &path)
{
    return send(QByteArrayLiteral("DELETE"), path, {}, {}, {});
}

ApiJob *EngineClient::upload(const QString &path, const QByteArray &data, const QString &fileName)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fileName"), fileName);
    return send(QByteArrayLiteral("POST"), path, query, data,
                QByteArrayLiteral("application/octet-stream"));
}

ApiJob *EngineClient::sendBytes(const QByteArray &method, const QString &path,
                                const QUrlQuery &query, const QByteArray &data)
{
    return send(method, path, query, data, QByteArrayLiteral("application/octet-stream"));
}

ApiJob *EngineClient::fetchProducts()
{
    return get(QStringLiteral("/api/v1/catalog/products"));
}

ApiJob *EngineClient::fetchIntegrations(const QString &type)
{
    QUrlQuery query;
    if (!type.isEmpty())
        query.addQueryItem(QStringLiteral("type"), type);
    return get(QStringLiteral("/api/v1/integrations"), query);
}

ApiJob *EngineClient::fetchIntegration(qint64 id)
{
    return get(QStringLiteral("/api/v1/integrations/%1").arg(id));
}

ApiJob *EngineClient::saveIntegration(qint64 id, const QJsonObject &integration)
{
    if (id == 0)
        return post(QStringLiteral("/api/v1/integrations"), integration);
    return put(QStringLiteral("/api/v1/integrations/%1").arg(id), integration);
}

ApiJob *EngineClient::fetchDestinations()
{
    return get(QStringLiteral("/api/v1/destinations"));
}

ApiJob *EngineClient::fetchDestination(qint64 id)
{
    return get(QStringLiteral("/api/v1/destinations/%1").arg(id));
}

ApiJob *EngineClient::saveDestination(qint64 id, const QJsonObject &destination)
{
    if (id == 0)
        return post(QStringLiteral("/api/v1/destinations"), destination);
    return put(QStringLiteral("/api/v1/destinations/%1").arg(id), destination);
}

ApiJob *EngineClient::testDestination(qint64 id)
{
    return post(QStringLiteral("/api/v1/destinations/%1/test").arg(id));
}

ApiJob *EngineClient::runNow(qint64 integrationId)
{
    return post(QStringLiteral("/api/v1/integrations/%1/runs").arg(integrationId));
}

ApiJob *EngineClient::fetchRuns(const QDate &date, int limit, int offset)
{
    QUrlQuery query;
    if (date.isValid())
        query.addQueryItem(QStringLiteral("date"), date.toString(QStringLiteral("yyyy-MM-dd")));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("count"), QStringLiteral("false"));
    return get(QStringLiteral("/api/v1/runs"), query);
}

ApiJob *EngineClient::fetchRun(qint64 runId)
{
    return get(QStringLiteral("/api/v1/runs/%1").arg(runId));
}

ApiJob *EngineClient::previewSchedule(const QJsonObject &schedule, int count)
{
    return post(QStringLiteral("/api/v1/schedules/preview"),
                QJsonObject{{QStringLiteral("schedule"), schedule},
                            {QStringLiteral("count"), count}});
}

ApiJob *EngineClient::previewIntegration(const QJsonObject &draft)
{
    return post(QStringLiteral("/api/v1/integrations/preview"), draft);
}

ApiJob *EngineClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                           const QByteArray &body, const QByteArray &contentType)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    url.setQuery(query);

    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token);
    if (m_districtId > 0)
        request.setRawHeader(QByteArrayLiteral("X-Hub-District"), QByteArray::number(m_districtId));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setSslConfiguration(m_sslConfiguration);

    qCDebug(lcClient) << method << url.path() << body.size() << "bytes";
    QNetworkReply *reply = nullptr;
    if (method == "GET")
        reply = m_network->get(request);
    else if (method == "DELETE")
        reply = m_network->deleteResource(request);
    else
        reply = m_network->sendCustomRequest(request, method, body);
    auto job = new ApiJob(reply, this);
    // Connected before the caller's own connection, so the state is updated when it runs.
    connect(job, &ApiJob::finished, this, &EngineClient::updateConnectionState);
    return job;
}

ApiJob *EngineClient::download(const QString &path, const QUrlQuery &query)
{
    ApiJob *job = send("GET", path, query, {}, {});
    job->setExpectsFile(true);
    return job;
}

void EngineClient::updateConnectionState(const ApiResult &result)
{
    // Connecting and Disconnected belong to the health check and to signing in.
    if (result.connectionFailed && m_state == ConnectionState::Connected)
        setConnectionState(ConnectionState::Failed);
    else if (result.httpStatus != 0 && m_state == ConnectionState::Failed)
        setConnectionState(ConnectionState::Connected);
}

void EngineClient::setConnectionState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcClient) << "Engine" << m_baseUrl.toDisplayString() << "is now" << state;
    emit connectionStateChanged(state);
}

} // namespace hubdesk
