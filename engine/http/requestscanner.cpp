// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "requestscanner.h"

#include <QList>

#include <limits>

namespace hub::http {

namespace {

// A chunk-size line is a hexadecimal number and perhaps extensions; anything longer is abuse.
constexpr qsizetype maxChunkLineBytes = 1024;

// RFC 9110, section 5.6.2: the characters of a token, such as a method or a field name.
bool isTokenCharacter(char character)
{
    if ((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
        || (character >= '0' && character <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(character);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char character : text) {
        if (!isTokenCharacter(character))
            return false;
    }
    return true;
}

bool hasControlCharacter(QByteArrayView text, bool allowTab)
{
    for (const char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        if ((byte < 0x20 && !(allowTab && byte == '\t')) || byte == 0x7f)
            return true;
    }
    return false;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char character : text) {
        if (character < '0' || character > '9')
            return false;
    }
    return true;
}

} // namespace

RequestScanner::RequestScanner(qsizetype maxHeadBytes)
    : m_maxHeadBytes(maxHeadBytes)
{}

RequestScanner::Step RequestScanner::feed(QByteArrayView bytes)
{
    qsizetype offset = 0;
    for (;;) {
        if (m_state == State::Failed)
            return {Event::Failed, offset};
        if (m_state == State::Body && m_remaining == 0) {
            *this = RequestScanner(m_maxHeadBytes);
            return {Event::RequestComplete, offset};
        }
        if (offset == bytes.size())
            return {Event::NeedMore, offset};

        const QByteArrayView rest = bytes.sliced(offset);
        switch (m_state) {
        case State::RequestLine:
        case State::Headers: {
            // Empty lines before a request line are tolerated (RFC 9112, section 2.2).
            if (m_state == State::RequestLine && m_line.isEmpty()
                && (rest.front() == '\r' || rest.front() == '\n')) {
                ++offset;
                if (++m_headBytes > m_maxHeadBytes)
                    return fail(400, QStringLiteral("Too many empty lines before the request."),
                                offset);
                continue;
            }
            bool complete = false;
            const qsizetype lineBytes = takeLine(rest, &complete);
            offset += lineBytes;
            m_headBytes += lineBytes;
            if (m_headBytes > m_maxHeadBytes) {
                if (m_state == State::RequestLine)
                    return fail(414,
                                QStringLiteral("The request line is longer than %1 bytes.")
                                    .arg(m_maxHeadBytes),
                                offset);
                return fail(431,
                            QStringLiteral("The request line and headers are longer than %1 "
                                           "bytes.")
                                .arg(m_maxHeadBytes),
                            offset);
            }
            if (!complete)
                continue;
            const QByteArray line = m_line;
            m_line.clear();
            if (line.contains('\r'))
                return fail(400, QStringLiteral("A line of the request head has a bare CR."),
                            offset);
            if (m_state == State::RequestLine) {
                if (!parseRequestLine(line))
                    return fail(m_failure.status, m_failure.message, offset);
                m_state = State::Headers;
                continue;
            }
            if (line.isEmpty())
                return finishHead(offset);
            if (!parseHeaderLine(line))
                return fail(m_failure.status, m_failure.message, offset);
            continue;
        }
        case State::Body: {
            const qint64 bodyBytes = qMin<qint64>(m_remaining, rest.size());
            offset += bodyBytes;
            m_remaining -= bodyBytes;
            continue;
        }
        case State::ChunkSize: {
            bool complete = false;
            const qsizetype lineBytes = takeLine(rest, &complete);
            offset += lineBytes;
            m_wireBodyBytes += lineBytes;
            if (m_line.size() > maxChunkLineBytes)
                return fail(400, QStringLiteral("A chunk-size line is too long."), offset);
            if (!complete)
                break;
            QByteArray line = m_line;
            m_line.clear();
            if (!m_lineEndedWithCrlf)
                return fail(400, QStringLiteral("A chunk-size line does not end with CRLF."),
                            offset);
            const qsizetype extension = line.indexOf(';');
            if (extension >= 0)
                line.truncate(extension);
            line = line.trimmed();
            bool ok = false;
            constexpr qsizetype maxHexDigits = 15;
            const qint64 size = line.size() <= maxHexDigits ? line.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0 || line.startsWith('+') || line.startsWith('-'))
                return fail(400, QStringLiteral("A chunk size is not a hexadecimal number."),
                            offset);
            if (size == 0) {
                m_state = State::LastChunkEnd;
                continue;
            }
            m_remaining = size;
            m_wireBodyBytes += size;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 bodyBytes = qMin<qint64>(m_remaining, rest.size());
            offset += bodyBytes;
            m_remaining -= bodyBytes;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            continue;
        }
        case State::ChunkDataEnd:
        case State::LastChunkEnd: {
            // Exactly CRLF: Qt's own parser reads two bytes here whatever they are.
            const char expected = m_line.isEmpty() ? '\r' : '\n';
            if (rest.front() != expected)
                return fail(400,
                            m_state == State::LastChunkEnd
                                ? QStringLiteral("Trailer fields after a chunked body are not "
                                                 "supported.")
                                : QStringLiteral("A chunk does not end with CRLF."),
                            offset);
            ++offset;
            ++m_wireBodyBytes;
            if (expected == '\r') {
                m_line = "\r";
                continue;
            }
            m_line.clear();
            if (m_state == State::LastChunkEnd) {
                *this = RequestScanner(m_maxHeadBytes);
                return {Event::RequestComplete, offset};
            }
            m_state = State::ChunkSize;
            continue;
        }
        case State::Failed:
            break;
        }
        if (m_wireBodyBytes > m_bodyLimit)
            return fail(
                413, QStringLiteral("The request body is larger than %1 bytes.").arg(m_bodyLimit),
                offset);
    }
}

RequestScanner::Step RequestScanner::fail(int status, const QString &message, qsizetype consumed)
{
    m_state = State::Failed;
    m_failure = Failure{status, message};
    return {Event::Failed, consumed};
}

qsizetype RequestScanner::takeLine(QByteArrayView bytes, bool *complete)
{
    const qsizetype newline = bytes.indexOf('\n');
    *complete = newline >= 0;
    const qsizetype length = *complete ? newline + 1 : bytes.size();
    m_line.append(bytes.first(length));
    if (*complete) {
        m_line.chop(1);
        m_lineEndedWithCrlf = m_line.endsWith('\r');
        if (m_lineEndedWithCrlf)
            m_line.chop(1);
    }
    return length;
}

bool RequestScanner::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty()) {
        m_failure = {400, QStringLiteral("The request line is not METHOD TARGET HTTP/1.1.")};
        return false;
    }
    const QByteArray &version = parts.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool wellFormed = version.size() == 8 && version.startsWith("HTTP/")
                                && isDigits(version.sliced(5, 1)) && version.at(6) == '.'
                                && isDigits(version.sliced(7, 1));
        m_failure = wellFormed ? Failure{505, QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are "
                                                             "supported.")}
                               : Failure{400, QStringLiteral("The request line is not METHOD "
                                                             "TARGET HTTP/1.1.")};
        return false;
    }
    static const QList<QByteArray> methods
        = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    const QByteArray &method = parts.at(0);
    if (!methods.contains(method)) {
        m_failure = {501, QStringLiteral("The method %1 is not supported.")
                              .arg(QString::fromLatin1(method.left(32)))};
        return false;
    }
    const QByteArray &target = parts.at(1);
    const bool originForm = target.startsWith('/');
    const bool absoluteForm = target.startsWith("http://") || target.startsWith("https://");
    const bool asteriskForm = method == "OPTIONS" && target == "*";
    if (hasControlCharacter(target, false) || target.contains(' ')
        || !(originForm || absoluteForm || asteriskForm)) {
        m_failure = {400, QStringLiteral("The request target is not a path.")};
        return false;
    }
    m_head.method = method;
    m_head.target = target;
    return true;
}

bool RequestScanner::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        m_failure = {400, QStringLiteral("Folded header lines are not allowed.")};
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon > 0 ? QByteArrayView(line).first(colon) : QByteArrayView();
    if (!isToken(name)) {
        m_failure = {400, QStringLiteral("A header line has no valid field name.")};
        return false;
    }
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (hasControlCharacter(value, true)) {
        m_failure
            = {400, QStringLiteral("The header %1 holds a control character.")
                        .arg(QString::fromLatin1(name.first(qMin<qsizetype>(name.size(), 64))))};
        return false;
    }

    // Content-Length and Transfer-Encoding decide where the body ends. Two parsers may disagree
    // when they are repeated with other values or both present, so such requests are rejected
    // to prevent request smuggling (RFC 9112, section 6.3).
    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
        constexpr qsizetype maxDigits = 18;
        if (m_sawTransferEncoding || !isDigits(value) || value.size() > maxDigits
            || (m_sawContentLength && value.toLongLong() != m_head.contentLength)) {
            m_failure = {400, QStringLiteral("The Content-Length header is invalid.")};
            return false;
        }
        m_sawContentLength = true;
        m_head.contentLength = value.toLongLong();
    } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        if (m_sawContentLength || m_sawTransferEncoding) {
            m_failure = {400, QStringLiteral("The request has both Content-Length and "
                                             "Transfer-Encoding, or Transfer-Encoding twice.")};
            return false;
        }
        if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
            m_failure = {501, QStringLiteral("Only the chunked transfer coding is supported.")};
            return false;
        }
        m_sawTransferEncoding = true;
        m_head.chunked = true;
    } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
        if (m_sawHost) {
            m_failure = {400, QStringLiteral("The request has more than one Host header.")};
            return false;
        }
        m_sawHost = true;
    }
    return true;
}

RequestScanner::Step RequestScanner::finishHead(qsizetype consumed)
{
    m_headBytes = 0;
    m_remaining = m_head.chunked ? 0 : m_head.contentLength;
    m_state = m_head.chunked ? State::ChunkSize : State::Body;
    m_bodyLimit = std::numeric_limits<qint64>::max();
    return {Event::HeadComplete, consumed};
}

} // namespace hub::http
