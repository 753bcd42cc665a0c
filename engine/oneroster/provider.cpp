// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "provider.h"

#include "core/logging.h"
#include "core/nulcharacter.h"
#include "core/timeutil.h"
#include "oneroster/credentials.h"
#include "oneroster/statusinfo.h"
#include "store/store.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace hub::oneroster {

namespace {

constexpr int kFlushIntervalMs = 60000;

// An RFC 6749 section 5.2 error body.
http::Response oauthError(int status, const QString &code, const QString &description)
{
    http::Response response = http::Response::json(
        QJsonObject{{QStringLiteral("error"), code},
                    {QStringLiteral("error_description"), description}},
        status);
    response.headers.append(qMakePair(QByteArray("Pragma"), QByteArray("no-cache")));
    if (status == 401)
        response.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"oneroster\"")));
    return response;
}

struct BasicCredentials
{
    QString clientId;
    QByteArray secret;
};

// Reads RFC 6749 section 2.3.1 client authentication: HTTP Basic with the form-encoded client
// id and secret.
std::optional<BasicCredentials> basicCredentials(const http::Request &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    const QByteArray prefix = "basic ";
    if (authorization.size() <= prefix.size() || authorization.left(prefix.size()).toLower() != prefix)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(prefix.size()).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray pair = decoded.decoded;
    const qsizetype colon = pair.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    const auto formDecoded = [](QByteArray text) {
        text.replace('+', ' ');
        return QUrl::fromPercentEncoding(text);
    };
    // No client id contains a NUL character, and PostgreSQL cannot compare one to text.
    const QString clientId = formDecoded(pair.left(colon));
    if (containsNul(clientId))
        return std::nullopt;
    return BasicCredentials{clientId, formDecoded(pair.mid(colon + 1)).toUtf8()};
}

QSet<QString> scopeSet(QByteArrayView json)
{
    QSet<QString> scopes;
    const QJsonArray array = QJsonDocument::fromJson(json.toByteArray()).array();
    for (const QJsonValue &value : array)
        scopes.insert(value.toString());
    return scopes;
}

QString scopeJson(const QSet<QString> &scopes)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(sortedScopes(scopes))).toJson(QJsonDocument::Compact));
}

// Returns the caller of a token from a row whose first four columns are the application's id,
// district id, school year and granted scopes. issued is the JSON array of the token's scopes.
Caller callerFromRow(RowValues &row, const QByteArray &issued)
{
    Caller caller;
    caller.applicationId = row.integer(0);
    caller.districtId = row.integer(1);
    caller.schoolYear = row.isNull(2) ? 0 : int(row.integer(2));
    // Scopes the district removed since the token was issued no longer count.
    const QByteArray granted = row.text(3).toByteArray();
    caller.scopes = scopeSet(granted);
    if (issued != granted)
        caller.scopes &= scopeSet(issued);
    return caller;
}

http::Response unknownToken(Version version)
{
    return statusInfo(version, 401, CodeMinor::Unauthorized,
                      QStringLiteral("The access token is unknown, expired or belongs to an "
                                     "inactive application; request a new one."));
}

http::Response tokenCheckFailed(Version version, const QString &error)
{
    qCWarning(lcOneRoster) << "Cannot check an access token:" << error;
    return statusInfo(version, isBusyError(error) ? 503 : 500,
                      isBusyError(error) ? CodeMinor::ServerBusy : CodeMinor::InternalServerError,
                      QStringLiteral("The engine could not check the access token."));
}

QByteArray bearerToken(const http::Request &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    const QByteArray prefix = "bearer ";
    if (authorization.size() <= prefix.size() || authorization.left(prefix.size()).toLower() != prefix)
        return {};
    return authorization.mid(prefix.size()).trimmed();
}

QString originOf(const http::Request &request)
{
    const QUrl url = request.url();
    // QUrl writes an IPv6 host in brackets, as a URL needs it.
    QUrl origin;
    origin.setScheme(url.scheme().isEmpty() ? QStringLiteral("http") : url.scheme());
    origin.setHost(url.host());
    if (url.port() > 0)
        origin.setPort(url.port());
    return origin.toString(QUrl::FullyEncoded);
}

// Returns the key under which a peer's failed token requests count: its IPv4 address (also when
// it arrives IPv4-mapped) or the /64 prefix of its IPv6 address. One host usually owns a whole
// /64, so it could otherwise change addresses after each block.
QString failureAddressKey(const QHostAddress &peer)
{
    bool isIpv4 = false;
    const quint32 ipv4 = peer.toIPv4Address(&isIpv4);
    if (isIpv4)
        return QHostAddress(ipv4).toString();
    if (peer.protocol() != QAbstractSocket::IPv6Protocol)
        return peer.toString();
    Q_IPV6ADDR bytes = peer.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

} // namespace

QString serviceRoot(Version version, const QString &service)
{
    if (version == Version::V1p1)
        return QStringLiteral("/ims/oneroster/v1p1");
    return QStringLiteral("/ims/oneroster/%1/v1p2").arg(service);
}

Provider::Provider(ProviderOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clientFailures(m_options.maxFailuresPerClient, m_options.failureWindowSeconds)
    , m_addressFailures(m_options.maxFailuresPerAddress, m_options.failureWindowSeconds)
    , m_responses(m_options.responseCacheBytes)
{
    if (m_responses.isEnabled())
        qCInfo(lcOneRoster).nospace()
            << "OneRoster response cache on, with a budget of "
            << double(m_responses.budgetBytes()) / (1024 * 1024) << " MiB";
    else
        qCInfo(lcOneRoster) << "OneRoster response cache off";
    m_tokenSql = QStringLiteral("SELECT a.id, a.district_id, a.school_year, a.scopes, k.scopes");
    // With the response cache on, the token check also reads the store version, which changes
    // whenever data that a response shows may have changed. SQLite: data_version changes when
    // another connection, in any process, commits
    // (https://www.sqlite.org/pragma.html#pragma_data_version), and total_changes() counts the
    // rows that this connection changed. PostgreSQL: two equal snapshots (xmin, xmax and the
    // transactions in progress) see the same committed transactions.
    // NOTE: on PostgreSQL a commit in any database of the server changes the snapshot, so
    // other databases' writes also make cached responses stale.
    if (m_responses.isEnabled())
        m_tokenSql += m_options.store->isPostgres()
                          ? QStringLiteral(", pg_current_snapshot()::text")
                          : QStringLiteral(", (SELECT data_version FROM pragma_data_version) || "
                                           "':' || total_changes()");
    m_tokenSql += QStringLiteral(" FROM oneroster_tokens k JOIN oneroster_applications a "
                                 "ON a.id = k.application_id "
                                 "WHERE k.token_hash = ? AND k.expires_at > ? AND a.active = 1");

    // PostgreSQL does not block inserts while a load runs, and several nodes must see a new
    // token at once, so there the token endpoint stores tokens itself.
    if (!m_options.store->isPostgres()) {
        m_pendingTokens = std::make_unique<PendingTokens>(m_options.maxPendingTokens);
        m_pendingTokenSql = QStringLiteral("SELECT a.id, a.district_id, a.school_year, a.scopes, "
                                           "a.active, a.secret_hash, a.token_revocations");
        if (m_responses.isEnabled())
            m_pendingTokenSql += QStringLiteral(", (SELECT data_version FROM pragma_data_version) "
                                                "|| ':' || total_changes()");
        m_pendingTokenSql += QStringLiteral(" FROM oneroster_applications a WHERE a.id = ?");
    }
    m_writer = new BackgroundWriter(*m_options.store, m_activity, m_pendingTokens.get(),
                                    kFlushIntervalMs);
    m_writer->moveToThread(&m_writerThread);
    m_writerThread.setObjectName(QStringLiteral("hub-oneroster-writer"));
    m_writerThread.start();
    QMetaObject::invokeMethod(m_writer, &BackgroundWriter::start, Qt::QueuedConnection);
}

Provider::~Provider()
{
    // The engine destroys the provider after its HTTP server, so no request records activity
    // or issues a token after the writer's last attempt. The writer closes its store connection
    // on its own thread, before the engine closes the store.
    QMetaObject::invokeMethod(m_writer, &BackgroundWriter::shutdown, Qt::BlockingQueuedConnection);
    m_writerThread.quit();
    m_writerThread.wait();
    delete m_writer;
}

Provider::ThreadState &Provider::threadState() const
{
    QMutexLocker locker(&m_threadsMutex);
    std::shared_ptr<ThreadState> &state = m_threads[QThread::currentThread()];
    if (!state)
        state = std::make_shared<ThreadState>();
    return *state;
}

void Provider::releaseThreadStatements()
{
    std::shared_ptr<ThreadState> state;
    {
        QMutexLocker locker(&m_threadsMutex);
        state = m_threads.take(QThread::currentThread());
    }
}

void Provider::flushActivity()
{
    QMetaObject::invokeMethod(m_writer, &BackgroundWriter::flushActivity,
                              Qt::BlockingQueuedConnection);
}

void Provider::startActivityFlush()
{
    QMetaObject::invokeMethod(m_writer, &BackgroundWriter::flushActivity, Qt::QueuedConnection);
}

void Provider::setWriterPaused(bool paused)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, paused] { writer->setPaused(paused); },
        Qt::BlockingQueuedConnection);
}

void Provider::registerRoutes(http::Router &router)
{
    router.addRoute("POST", QStringLiteral("/oauth/token"), http::Access::Public,
                    [this](const http::Request &request) { return issueToken(request); });
    // Every token request from a peer, good or bad, takes from one bucket. A vendor needs a
    // token an hour, so this only slows a peer that guesses; failed attempts are limited
    // further per client id in issueToken().
    router.limitRate(QStringLiteral("/oauth/token"), http::RateLimiter::Policy{50, 10.0});
    for (const Version version : {Version::V1p1, Version::V1p2}) {
        registerRosteringRoutes(*this, router, version);
        registerGradebookRoutes(*this, router, version);
        registerResourceRoutes(*this, router, version);
    }

    // Each service describes itself in an OpenAPI 3 document that needs no token.
    const struct
    {
        Version version;
        const char *service;
        const char *title;
    } services[] = {
        {Version::V1p1, "rostering", "OneRoster 1.1 Rostering, Gradebook and Resources Services"},
        {Version::V1p2, "rostering", "OneRoster 1.2 Rostering Service"},
        {Version::V1p2, "gradebook", "OneRoster 1.2 Gradebook Service"},
        {Version::V1p2, "resources", "OneRoster 1.2 Resources Service"},
    };
    for (const auto &service : services) {
        const QString root = serviceRoot(service.version, QLatin1String(service.service));
        const QString title = QLatin1String(service.title);
        const QString version = service.version == Version::V1p1 ? QStringLiteral("1.1")
                                                                 : QStringLiteral("1.2");
        router.addRoute("GET", root + QStringLiteral("/discovery"), http::Access::Public,
                        [this, root, title, version](const http::Request &request) {
                            QList<DocumentedRoute> routes;
                            for (const DocumentedRoute &route : std::as_const(m_documented)) {
                                if (route.pattern.startsWith(root + QLatin1Char('/')))
                                    routes.append(route);
                            }
                            return http::Response::json(discoveryDocument(
                                title, version, originOf(request), root, routes));
                        });
    }
}

void Provider::addServiceRoute(http::Router &router, const QByteArray &method, Version version,
                               const QString &pattern, const QStringList &scopes,
                               ServiceHandler handler)
{
    QStringList scopeUris;
    for (const QString &scope : scopes)
        scopeUris.append(scopeUri(version, scope));
    m_documented.append(DocumentedRoute{method, pattern, scopeUris});

    // Reads share nothing but thread-safe parts (the page cache, the activity counter and the
    // statements of their own thread), so the server may run them on its request threads.
    const bool concurrent = method == "GET";
    router.addRoute(method, pattern, http::Access::Public,
                    [this, version, scopes, handler = std::move(handler)](
                        const http::Request &request) {
                        ThreadState &thread = threadState();
                        QByteArray storeVersion;
                        auto authenticated = authenticate(request, version, thread, &storeVersion);
                        if (auto *response = std::get_if<http::Response>(&authenticated))
                            return *response;
                        const Caller &caller = std::get<Caller>(authenticated);
                        if (m_responses.isEnabled())
                            noteStoreVersion(thread, storeVersion);

                        http::Response response;
                        const bool allowed = std::any_of(scopes.cbegin(), scopes.cend(),
                                                         [&caller](const QString &scope) {
                                                             return caller.scopes.contains(scope);
                                                         });
                        if (!allowed) {
                            QStringList uris;
                            for (const QString &scope : scopes)
                                uris.append(scopeUri(version, scope));
                            response = statusInfo(version, 403, CodeMinor::Forbidden,
                                                  QStringLiteral("The access token lacks the "
                                                                 "scope this endpoint needs: %1.")
                                                      .arg(uris.join(QStringLiteral(" or "))));
                        } else {
                            response = serve(request, caller, version, thread, handler);
                        }
                        m_activity.record(caller.applicationId, caller.districtId, now(),
                                          response.status >= 400, response.body.size());
                        return response;
                    });
    if (concurrent)
        router.setConcurrent(method, pattern);
}

void Provider::noteStoreVersion(ThreadState &thread, const QByteArray &storeVersion)
{
    if (storeVersion.isEmpty() || storeVersion != thread.storeVersion) {
        m_cache.clear();
        thread.storeVersion = storeVersion;
    }
}

http::Response Provider::serve(const http::Request &request, const Caller &caller,
                               Version version, ThreadState &thread,
                               const ServiceHandler &handler)
{
    // Why a cached response is never stale: a response is stored with the generation read
    // here, before any query of the handler ran, and is returned only while the generation is
    // unchanged. Take a commit that ends before this request's token check. The first token
    // check on this thread's connection after that commit was either the connection's first
    // or read another store version than the check before it (see noteStoreVersion()). So it
    // advanced the generation after the commit, and earlier on this thread than this line.
    // A response whose queries could miss the commit read its generation before the commit,
    // so it is not returned. Each query starts its own read transaction, because the statement
    // caches reset their statements, so no query reads a snapshot older than its generation.
    const quint64 generation = m_cache.generation();
    const QByteArray method = request.method();
    const bool cacheable = m_responses.isEnabled() && (method == "GET" || method == "HEAD");
    QByteArray key;
    if (cacheable) {
        // Everything that a read's response depends on: the caller's district, school year and
        // scopes, the method, and the URL, which contains the origin of the hrefs, the path and
        // the query. No handler reads the time, another header or the caller's application.
        key = QByteArray::number(caller.districtId) + '\n' + QByteArray::number(caller.schoolYear)
              + '\n' + sortedScopes(caller.scopes).join(QLatin1Char(' ')).toUtf8() + '\n'
              + method + '\n' + request.url().toEncoded();
        if (auto cached = m_responses.find(key, generation))
            return *std::move(cached);
    }

    ServiceRequest serviceRequest{request, caller,
                                  ReadContext{m_options.store->connection(), version,
                                              DataScope{caller.districtId, caller.schoolYear},
                                              originOf(request), &m_cache, generation, now(),
                                              &thread.statements}};
    http::Response response = handler(serviceRequest);
    if (cacheable && response.status == 200 && generation == m_cache.generation())
        m_responses.insert(key, generation, response);
    return response;
}

std::variant<Caller, http::Response> Provider::authenticate(const http::Request &request,
                                                            Version version,
                                                            ThreadState &thread,
                                                            QByteArray *storeVersion) const
{
    const QByteArray token = bearerToken(request);
    if (token.isEmpty())
        return statusInfo(version, 401, CodeMinor::Unauthorized,
                          QStringLiteral("An OAuth 2 bearer token from /oauth/token is "
                                         "required."));
    // The token is checked against the store on every request, so that a revoked or expired
    // token, or a deactivated application, is rejected at once. A token whose row the writer
    // thread has not committed yet is in the pending map. The writer removes it from the map
    // only after the commit, so looking in the map first finds every token in one of the two.
    const QString tokenHash = accessTokenHash(token);
    if (m_pendingTokens) {
        if (const auto pending = m_pendingTokens->find(tokenHash))
            return authenticatePending(*pending, version, thread, storeVersion);
    }
    ReadContext context;
    context.db = m_options.store->connection();
    context.statements = &thread.statements;
    std::optional<Caller> caller;
    const bool readsVersion = m_responses.isEnabled();
    auto read = forEachRow(context, m_tokenSql, {tokenHash, toIsoUtc(now())},
                           [&caller, storeVersion, readsVersion](RowValues &row) {
                               const QByteArray issued = row.text(4).toByteArray();
                               caller = callerFromRow(row, issued);
                               if (readsVersion)
                                   *storeVersion = row.text(5).toByteArray();
                           });
    if (!read)
        return tokenCheckFailed(version, read.error());
    if (!caller)
        return unknownToken(version);
    return *caller;
}

std::variant<Caller, http::Response> Provider::authenticatePending(const PendingToken &token,
                                                                   Version version,
                                                                   ThreadState &thread,
                                                                   QByteArray *storeVersion) const
{
    if (token.expiresAt <= now())
        return unknownToken(version);
    // The application is read as it is now, so a deactivation, a secret reset or a removed
    // scope counts at once, as for a stored token. Reads do not wait for a load's write lock.
    ReadContext context;
    context.db = m_options.store->connection();
    context.statements = &thread.statements;
    std::optional<Caller> caller;
    const bool readsVersion = m_responses.isEnabled();
    const QByteArray issued = token.scopes.toUtf8();
    auto read = forEachRow(context, m_pendingTokenSql, {token.applicationId},
                           [&caller, &token, &issued, storeVersion, readsVersion](RowValues &row) {
                               const bool active = row.integer(4) == 1;
                               const QString secretHash = QString::fromUtf8(row.text(5));
                               const qint64 revocations = row.integer(6);
                               if (!applicationAcceptsToken(token, active, secretHash, revocations))
                                   return;
                               if (readsVersion)
                                   *storeVersion = row.text(7).toByteArray();
                               caller = callerFromRow(row, issued);
                           });
    if (!read)
        return tokenCheckFailed(version, read.error());
    if (!caller)
        return unknownToken(version);
    return *caller;
}

http::Response Provider::issueToken(const http::Request &request)
{
    const QDateTime current = now();
    const QString address = failureAddressKey(request.peerAddress());
    if (const int wait = m_addressFailures.blockedSeconds(address, current); wait > 0) {
        qCWarning(lcOneRoster) << "Token request from" << address << "blocked for" << wait
                               << "s after repeated failures";
        http::Response response = oauthError(429, QStringLiteral("temporarily_unavailable"),
                                             QStringLiteral("Too many failed token requests "
                                                            "from this address; try again in "
                                                            "%1 seconds.")
                                                 .arg(wait));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
        return response;
    }

    const QByteArray contentType = request.header("content-type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Send the parameters as "
                                         "application/x-www-form-urlencoded."));
    QByteArray body = request.body();
    body.replace('+', ' ');
    const QUrlQuery form(QString::fromUtf8(body));
    const QString grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    if (grantType.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("grant_type is missing; use client_credentials."));
    if (grantType != QLatin1String("client_credentials"))
        return oauthError(400, QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("Only the client_credentials grant is supported."));

    const auto credentials = basicCredentials(request);
    if (!credentials) {
        m_addressFailures.recordFailure(address, current);
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("Authenticate with HTTP Basic: the client id and "
                                         "secret that the district gave you."));
    }
    if (const int wait = m_clientFailures.blockedSeconds(credentials->clientId, current); wait > 0) {
        qCWarning(lcOneRoster) << "Token request for client" << credentials->clientId
                               << "blocked for" << wait << "s after repeated failures";
        http::Response response = oauthError(429, QStringLiteral("temporarily_unavailable"),
                                             QStringLiteral("Too many failed token requests for "
                                                            "this client; try again in %1 "
                                                            "seconds.")
                                                 .arg(wait));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
        return response;
    }

    const QSqlDatabase db = m_options.store->connection();
    auto application = execute(db,
                               QStringLiteral("SELECT id, district_id, secret_hash, scopes, active, "
                                              "token_revocations "
                                              "FROM oneroster_applications WHERE client_id = ?"),
                               {credentials->clientId});
    if (!application) {
        qCWarning(lcOneRoster) << "Cannot read application" << credentials->clientId
                               << application.error();
        return oauthError(500, QStringLiteral("server_error"),
                          QStringLiteral("The engine could not read its store."));
    }
    const bool found = application->next();
    if (!found || !verifyClientSecret(credentials->secret, application->value(2).toString())
        || application->value(4).toInt() != 1) {
        m_clientFailures.recordFailure(credentials->clientId, current);
        m_addressFailures.recordFailure(address, current);
        qCInfo(lcOneRoster) << "Rejected a token request for client" << credentials->clientId
                            << "from" << address
                            << (found ? "(wrong secret or inactive)" : "(unknown client)");
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("The client id or secret is wrong, or the application "
                                         "is inactive."));
    }
    const qint64 applicationId = application->value(0).toLongLong();
    const qint64 districtId = application->value(1).toLongLong();
    const QSet<QString> granted = scopeSet(application->value(3).toString().toUtf8());

    // The scope parameter lists 1.1 or 1.2 scope URIs; the token gets those the district
    // granted. Without the parameter it gets every granted scope, and the response lists each
    // as the URI of every version that defines it, because the client may use either version.
    QSet<QString> scopes;
    QStringList answered;
    const QString requested = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
    if (requested.trimmed().isEmpty()) {
        scopes = granted;
        for (const QString &scope : sortedScopes(granted)) {
            for (const Version version : {Version::V1p1, Version::V1p2}) {
                if (versionDefinesScope(version, scope))
                    answered.append(scopeUri(version, scope));
            }
        }
    } else {
        const QStringList items = requested.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &item : items) {
            const auto name = shortScopeName(item);
            if (name && granted.contains(*name) && !scopes.contains(*name)) {
                scopes.insert(*name);
                answered.append(item);
            }
        }
    }
    if (scopes.isEmpty())
        return oauthError(400, QStringLiteral("invalid_scope"),
                          granted.isEmpty()
                              ? QStringLiteral("The district granted this application no scope, "
                                               "so it gets no data.")
                              : QStringLiteral("None of the requested scopes is granted to this "
                                               "application."));

    const QByteArray token = newAccessToken();
    PendingToken issued;
    issued.tokenHash = accessTokenHash(token);
    issued.applicationId = applicationId;
    issued.districtId = districtId;
    issued.scopes = scopeJson(scopes);
    issued.issuedAt = current;
    issued.expiresAt = current.addSecs(m_options.tokenLifetimeSeconds);
    issued.secretDigest = secretDigest(application->value(2).toString());
    issued.revocations = application->value(5).toLongLong();
    const std::optional<http::Response> notStored = m_pendingTokens ? storeTokenLater(issued)
                                                                    : storeTokenNow(issued);
    if (notStored)
        return *notStored;
    m_clientFailures.clear(credentials->clientId);
    qCInfo(lcOneRoster) << "Issued a token to application" << applicationId << "of district"
                        << districtId << "with scopes" << sortedScopes(scopes).join(QLatin1Char(' '));

    http::Response response = http::Response::json(QJsonObject{
        {QStringLiteral("access_token"), QString::fromLatin1(token)},
        {QStringLiteral("token_type"), QStringLiteral("bearer")},
        {QStringLiteral("expires_in"), m_options.tokenLifetimeSeconds},
        {QStringLiteral("scope"), answered.join(QLatin1Char(' '))},
    });
    response.headers.append(qMakePair(QByteArray("Pragma"), QByteArray("no-cache")));
    return response;
}

std::optional<http::Response> Provider::storeTokenLater(const PendingToken &token)
{
    if (!m_pendingTokens->insert(token)) {
        qCWarning(lcOneRoster).nospace()
            << "Cannot issue a token to application " << token.applicationId << ": "
            << m_pendingTokens->capacity()
            << " issued tokens already wait for the store's write lock";
        http::Response response = oauthError(503, QStringLiteral("temporarily_unavailable"),
                                             QStringLiteral("Too many new tokens wait to be "
                                                            "stored; try again in 5 seconds."));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
        return response;
    }
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, token] { writer->storeToken(token); },
        Qt::QueuedConnection);
    return std::nullopt;
}

std::optional<http::Response> Provider::storeTokenNow(const PendingToken &token)
{
    const QSqlDatabase db = m_options.store->connection();
    // Expired tokens of the application go when it gets a new one.
    auto purged = execute(db,
                          QStringLiteral("DELETE FROM oneroster_tokens WHERE application_id = ? "
                                         "AND expires_at <= ?"),
                          {token.applicationId, toIsoUtc(token.issuedAt)});
    if (!purged)
        qCWarning(lcOneRoster) << "Cannot remove expired tokens of application"
                               << token.applicationId << purged.error();
    auto stored = execute(db,
                          QStringLiteral("INSERT INTO oneroster_tokens(token_hash, application_id, "
                                         "district_id, scopes, issued_at, expires_at) "
                                         "VALUES (?, ?, ?, ?, ?, ?)"),
                          {token.tokenHash, token.applicationId, token.districtId, token.scopes,
                           toIsoUtc(token.issuedAt), toIsoUtc(token.expiresAt)});
    if (!stored) {
        qCWarning(lcOneRoster) << "Cannot store a token for application" << token.applicationId
                               << stored.error();
        return oauthError(isBusyError(stored.error()) ? 503 : 500,
                          QStringLiteral("temporarily_unavailable"),
                          QStringLiteral("The engine could not store the token; try again."));
    }
    return std::nullopt;
}

} // namespace hub::oneroster
