// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "router.h"

#include "core/logging.h"
#include "core/nulcharacter.h"

#include <QJsonObject>

namespace hub::http {

namespace {

bool matchSegments(const QStringList &pattern, const QStringList &path,
                   QHash<QString, QString> *parameters)
{
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &expected = pattern.at(i);
        if (expected.startsWith(QLatin1Char('{')) && expected.endsWith(QLatin1Char('}'))) {
            if (path.at(i).isEmpty())
                return false;
            parameters->insert(expected.mid(1, expected.size() - 2), path.at(i));
        } else if (expected != path.at(i)) {
            return false;
        }
    }
    return true;
}

// A 400 response when a query parameter contains a NUL character, which the store cannot hold
// on PostgreSQL, so every backend rejects it alike. Path parameters need no check, because the
// path keeps %00 encoded.
std::optional<Response> rejectNulParameters(const IncomingRequest &request)
{
    const QList<QPair<QString, QString>> items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!containsNul(name) && !containsNul(value))
            continue;
        const QString field = QStringLiteral("query parameter %1")
                                  .arg(QString(name).replace(QChar(0), QLatin1String("\\u0000")));
        qCInfo(lcHttp) << "Rejected a request to" << request.url.path() << "because its" << field
                       << "contains a NUL character";
        return Response::error(400, QStringLiteral("bad_request"), nulCharacterMessage(field));
    }
    return std::nullopt;
}

QStringList splitPath(const QString &path)
{
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    if (segments.size() > 1 && segments.last().isEmpty())
        segments.removeLast();
    return segments;
}

} // namespace

IncomingRequest IncomingRequest::copyOf(const QHttpServerRequest &request)
{
    IncomingRequest copy;
    copy.method = request.method();
    copy.url = request.url();
    // Qt 6.4 gives a URL whose Host header has no port the port 0, which would then appear in
    // every link built from it. Without a port the scheme's default applies.
    if (copy.url.port() == 0)
        copy.url.setPort(-1);
    copy.query = request.query();
    copy.headers = request.headers();
    copy.body = request.body();
    copy.peerAddress = request.remoteAddress();
    return copy;
}

QByteArray IncomingRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray IncomingRequest::routeMethod() const
{
    return method == QHttpServerRequest::Method::Head ? QByteArray("GET") : methodName(method);
}

Request::Request(const IncomingRequest &request, QHash<QString, QString> pathParameters,
                 Principal principal)
    : m_request(request)
    , m_method(methodName(request.method))
    , m_pathParameters(std::move(pathParameters))
    , m_principal(std::move(principal))
{}

qint64 Request::idParameter(const QString &name) const
{
    // Digits only: toLongLong() would also take signs, spaces and a trailing NUL.
    const QString text = m_pathParameters.value(name);
    constexpr qsizetype maxDigits = 18;
    if (text.isEmpty() || text.size() > maxDigits)
        return 0;
    for (const QChar character : text) {
        if (character < QLatin1Char('0') || character > QLatin1Char('9'))
            return 0;
    }
    const qint64 id = text.toLongLong();
    return id > 0 ? id : 0;
}

Response Response::json(const QJsonDocument &document, int status)
{
    Response response;
    response.status = status;
    response.body = document.toJson(QJsonDocument::Compact);
    return response;
}

Response Response::json(const QJsonObject &object, int status)
{
    return json(QJsonDocument(object), status);
}

Response Response::error(int status, const QString &code, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}},
                status);
}

Response Response::noContent()
{
    Response response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

void Router::addRoute(const QByteArray &method, const QString &pattern, Access access,
                      Handler handler)
{
    m_routes.append(Route{method, pattern, splitPath(pattern), access, std::move(handler)});
}

void Router::setBodyLimit(const QByteArray &method, const QString &pattern, qint64 bytes)
{
    for (Route &route : m_routes) {
        if (route.method == method && route.pattern == pattern)
            route.bodyLimit = bytes;
    }
}

void Router::setConcurrent(const QByteArray &method, const QString &pattern)
{
    for (Route &route : m_routes) {
        if (route.method == method && route.pattern == pattern)
            route.concurrent = true;
    }
}

qint64 Router::bodyLimit(const QByteArray &method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    for (const Route &route : m_routes) {
        QHash<QString, QString> parameters;
        if (route.method == method && matchSegments(route.segments, segments, &parameters))
            return route.bodyLimit;
    }
    return -1;
}

void Router::limitRate(const QString &pattern, RateLimiter::Policy policy,
                       std::function<qint64()> clockMs)
{
    m_rateLimits.append(
        RateLimit{splitPath(pattern), std::make_shared<RateLimiter>(policy, std::move(clockMs))});
}

void Router::limitRate(const QByteArray &method, const QString &pattern,
                       std::shared_ptr<RateLimiter> limiter)
{
    m_rateLimits.append(RateLimit{splitPath(pattern), std::move(limiter), method});
}

std::optional<Response> Router::checkRate(const QByteArray &method, const QStringList &path,
                                          const IncomingRequest &request) const
{
    for (const RateLimit &limit : m_rateLimits) {
        if (!limit.method.isEmpty() && limit.method != method)
            continue;
        QHash<QString, QString> parameters;
        if (!matchSegments(limit.segments, path, &parameters))
            continue;
        const int retryAfter = limit.limiter->take(request.peerAddress);
        if (retryAfter == 0)
            continue;
        qCInfo(lcHttp).noquote() << "Rate limit reached by" << request.peerAddress.toString()
                                 << "on" << request.url.path() << "; retry after" << retryAfter
                                 << "s";
        Response response
            = Response::error(429, QStringLiteral("too_many_requests"),
                              QStringLiteral("Too many requests to %1; try again in %2 s.")
                                  .arg(request.url.path())
                                  .arg(retryAfter));
        response.headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfter)));
        return response;
    }
    return std::nullopt;
}

Response unauthorized(const QString &message)
{
    Response response = Response::error(401, QStringLiteral("unauthorized"),
                                        message.isEmpty()
                                            ? QStringLiteral("A valid bearer token is required.")
                                            : message);
    response.headers.append(
        qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"hubd\"")));
    return response;
}

bool Router::isPublic(const IncomingRequest &request) const
{
    const QStringList path = splitPath(request.url.path());
    const QByteArray method = request.routeMethod();
    for (const Route &route : m_routes) {
        QHash<QString, QString> parameters;
        if (route.method == method && matchSegments(route.segments, path, &parameters))
            return route.access == Access::Public;
    }
    return false;
}

Response Router::dispatch(const IncomingRequest &request, const Principal *principal) const
{
    auto matched = match(request);
    if (auto *response = std::get_if<Response>(&matched))
        return std::move(*response);
    return invoke(std::get<Match>(matched), request, principal);
}

std::variant<Router::Match, Response> Router::match(const IncomingRequest &request) const
{
    Match found;
    found.pathSegments = splitPath(request.url.path());
    const QByteArray method = request.routeMethod();
    QList<QByteArray> allowed;

    for (const Route &route : m_routes) {
        if (!matchSegments(route.segments, found.pathSegments, &found.pathParameters)) {
            found.pathParameters.clear();
            continue;
        }
        if (route.method != method) {
            if (!allowed.contains(route.method))
                allowed.append(route.method);
            found.pathParameters.clear();
            continue;
        }
        found.route = &route;
        return found;
    }

    if (!allowed.isEmpty()) {
        if (allowed.contains("GET"))
            allowed.insert(allowed.indexOf("GET") + 1, "HEAD");
        Response response = Response::error(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 is not allowed on %2; allowed: %3.")
                .arg(QString::fromLatin1(methodName(request.method)), request.url.path(),
                     QString::fromLatin1(allowed.join(", "))));
        response.headers.append(qMakePair(QByteArray("Allow"), allowed.join(", ")));
        return response;
    }
    return Response::error(404, QStringLiteral("not_found"),
                           QStringLiteral("No resource at %1.").arg(request.url.path()));
}

Response Router::invoke(const Match &match, const IncomingRequest &request,
                        const Principal *principal) const
{
    const Route &route = *match.route;
    if (std::optional<Response> limited = checkRate(route.method, match.pathSegments, request))
        return *limited;
    if (route.access != Access::Public) {
        if (!principal)
            return unauthorized();
        if (!principal->allows(route.access))
            return Response::error(
                403, QStringLiteral("forbidden"),
                QStringLiteral("Your role does not allow %1 %2.")
                    .arg(QString::fromLatin1(methodName(request.method)), request.url.path()));
    }
    if (std::optional<Response> rejected = rejectNulParameters(request))
        return *rejected;
    return route.handler(
        Request(request, match.pathParameters, principal ? *principal : Principal{}));
}

QList<QPair<QByteArray, QByteArray>> securityHeaders(bool tls)
{
    QList<QPair<QByteArray, QByteArray>> headers = {
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
        {"Referrer-Policy", "no-referrer"},
    };
    if (tls)
        headers.append(
            qMakePair(QByteArray("Strict-Transport-Security"), QByteArray("max-age=31536000")));
    return headers;
}

namespace {

// The reason phrases that Qt HttpServer 6.4's responder writes, so that the server's responses
// keep their bytes: the IANA registry's phrases, but RFC 2616's for 413, 414 and 416.
// tst_httphardening compares them with Qt's status lines.
struct ReasonPhrase
{
    int status;
    const char *phrase;
};
constexpr ReasonPhrase kReasonPhrases[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Request Entity Too Large"},
    {414, "Request-URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Requested Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
};

QByteArray reasonPhrase(int status)
{
    for (const ReasonPhrase &known : kReasonPhrases) {
        if (known.status == status)
            return QByteArray::fromRawData(known.phrase, qsizetype(qstrlen(known.phrase)));
    }
    return {};
}

// The headers after Content-Type that every response carries: Cache-Control and the security
// headers.
QByteArray commonHeaders(bool tls)
{
    QByteArray headers = "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : securityHeaders(tls))
        headers += name + ": " + value + "\r\n";
    return headers;
}

} // namespace

QByteArray serializeResponse(Response response, bool head, bool tls)
{
    static const QByteArray plainCommon = commonHeaders(false);
    static const QByteArray tlsCommon = commonHeaders(true);
    const QByteArray &common = tls ? tlsCommon : plainCommon;
    const QByteArray phrase = reasonPhrase(response.status);
    const QByteArray length = QByteArray::number(response.body.size());
    qsizetype size = 80 + phrase.size() + response.contentType.size() + common.size()
                     + length.size();
    for (const auto &[name, value] : response.headers)
        size += name.size() + value.size() + 4;

    QByteArray bytes;
    bytes.reserve(size);
    bytes += "HTTP/1.1 ";
    bytes += QByteArray::number(response.status);
    if (!phrase.isEmpty()) {
        bytes += ' ';
        bytes += phrase;
    }
    bytes += "\r\n";
    if (!response.contentType.isEmpty()) {
        bytes += "Content-Type: ";
        bytes += response.contentType;
        bytes += "\r\n";
    }
    bytes += common;
    for (const auto &[name, value] : response.headers) {
        bytes += name;
        bytes += ": ";
        bytes += value;
        bytes += "\r\n";
    }
    bytes += "Content-Length: ";
    bytes += length;
    bytes += "\r\n\r\n";
    if (head || response.body.isEmpty())
        return bytes;
    // The head goes in front of the body. A body written with room before it (as
    // JsonBuffer::reserveFront() leaves) takes it without being copied.
    response.body.prepend(bytes);
    return std::move(response.body);
}

QByteArray closingErrorResponse(int status, const QString &message, bool tls,
                                const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    struct Kind
    {
        int status;
        const char *reason;
        const char *code;
    };
    static const Kind kinds[] = {
        {400, "Bad Request", "bad_request"},
        {408, "Request Timeout", "request_timeout"},
        {413, "Content Too Large", "body_too_large"},
        {414, "URI Too Long", "uri_too_long"},
        {431, "Request Header Fields Too Large", "headers_too_large"},
        {501, "Not Implemented", "not_implemented"},
        {503, "Service Unavailable", "unavailable"},
        {505, "HTTP Version Not Supported", "version_not_supported"},
    };
    Kind kind = {status, "Error", "error"};
    for (const Kind &known : kinds) {
        if (known.status == status)
            kind = known;
    }
    const QByteArray body = Response::error(status, QString::fromLatin1(kind.code), message).body;
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + kind.reason + "\r\n";
    response += "Content-Type: application/json\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Connection: close\r\nCache-Control: no-store\r\n";
    for (const auto &[name, value] : securityHeaders(tls) + extraHeaders)
        response += name + ": " + value + "\r\n";
    return response + "\r\n" + body;
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace hub::http
