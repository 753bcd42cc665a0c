// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "connectionguard.h"

#include "core/logging.h"
#include "http/router.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace hub::http {

namespace {

// After rejecting a request, the guard reads and drops what the client still sends for a short
// while before it closes. Closing with unread data sends a TCP reset, which can destroy the
// error response on its way to the client.
constexpr int lingerMs = 2000;
constexpr int lingerQuietMs = 250;
constexpr qint64 maxLingerBytes = 1024 * 1024;

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, QObject *server, const Limits &limits,
                                 BodyLimit bodyLimit)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_limits(limits)
    , m_bodyLimit(std::move(bodyLimit))
    , m_scanner(limits.maxHeadBytes)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServerReads);
    m_lastByteClock.start();
    armTimer();
}

void ConnectionGuard::attachAfterServer()
{
    if (m_attachedAfterServer)
        return;
    m_attachedAfterServer = true;
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterServerReads);
    // Bytes that arrived before the server listened, such as right after a TLS handshake.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(
            this, [this] { emit m_socket->readyRead(); }, Qt::QueuedConnection);
}

void ConnectionGuard::beforeServerReads()
{
    if (m_rejected) {
        drain();
        return;
    }
    const qint64 unread = m_socket->bytesAvailable();
    m_unreadBefore = unread;
    if (unread <= m_scanned)
        return;

    const QByteArray buffered = m_socket->peek(unread);
    qsizetype scanned = 0;
    m_lastByteClock.restart();
    scan(QByteArrayView(buffered).sliced(m_scanned), &scanned);
    if (m_rejected)
        return;
    m_scanned += scanned;
    armTimer();
}

void ConnectionGuard::scan(QByteArrayView fresh, qsizetype *scanned)
{
    qsizetype offset = 0;
    if (m_scanner.atRequestStart() && !fresh.isEmpty())
        m_requestClock.start();
    for (;;) {
        const bool inBody = !m_scanner.inHead();
        const RequestScanner::Step step = m_scanner.feed(fresh.sliced(offset));
        offset += step.consumed;
        if (inBody)
            m_bodyBytes += step.consumed;

        switch (step.event) {
        case RequestScanner::Event::NeedMore:
            *scanned = offset;
            return;
        case RequestScanner::Event::HeadComplete: {
            const RequestScanner::Head &head = m_scanner.head();
            const qint64 limit = m_bodyLimit(head.method, head.target);
            if (!head.chunked && head.contentLength > limit) {
                reject(413, QStringLiteral("The request body of %1 bytes is larger than the %2 "
                                           "bytes that %3 accepts.")
                                .arg(head.contentLength)
                                .arg(limit)
                                .arg(QString::fromLatin1(head.method)));
                return;
            }
            m_scanner.setBodyLimit(limit);
            m_bodyClock.start();
            m_bodyBytes = 0;
            continue;
        }
        case RequestScanner::Event::RequestComplete:
            // Qt reads one request per readyRead; the next is scanned after Qt has read this one.
            m_completedThisRound = true;
            *scanned = offset;
            return;
        case RequestScanner::Event::Failed:
            reject(m_scanner.failure().status, m_scanner.failure().message);
            return;
        }
    }
}

void ConnectionGuard::afterServerReads()
{
    if (m_rejected)
        return;
    const qint64 unread = m_socket->bytesAvailable();
    m_scanned -= m_unreadBefore - unread;
    m_unreadBefore = unread;
    if (m_scanned < 0) {
        // Qt read bytes that the scanner has not seen, so the two disagree about where a
        // request ends; the connection cannot be trusted any longer.
        qCWarning(lcHttp) << "Closing the connection from" << peer()
                          << "because its requests could not be followed";
        m_socket->abort();
        return;
    }
    if (m_completedThisRound) {
        m_completedThisRound = false;
        // Qt waits for new bytes before it reads a pipelined request that is already here.
        if (unread > 0) {
            if (pendingResponses() >= maxPipelinedResponses)
                m_requestWaiting = true;
            else
                offerWaitingRequest();
        }
    }
    armTimer();
}

void ConnectionGuard::offerWaitingRequest()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_rejected && m_socket->bytesAvailable() > 0)
                emit m_socket->readyRead();
        },
        Qt::QueuedConnection);
}

quint64 ConnectionGuard::reserveResponse()
{
    return m_nextReserved++;
}

void ConnectionGuard::completeResponse(quint64 number, QByteArray bytes)
{
    if (number < m_nextToSend || number >= m_nextReserved || m_ready.contains(number)) {
        qCWarning(lcHttp) << "Dropped response" << number << "to" << peer()
                          << "because it was not reserved or was completed before";
        return;
    }
    m_ready.insert(number, std::move(bytes));
    sendReady();
}

void ConnectionGuard::sendReady()
{
    const bool open = m_socket->state() == QAbstractSocket::ConnectedState;
    while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextToSend) {
        const QByteArray bytes = m_ready.take(m_nextToSend);
        ++m_nextToSend;
        if (open && !m_closingSent)
            m_socket->write(bytes);
    }
    if (m_rejected) {
        if (!m_closingSent && pendingResponses() == 0) {
            if (open)
                m_socket->write(m_closingResponse);
            startLinger();
        }
        return;
    }
    if (m_requestWaiting && pendingResponses() < maxPipelinedResponses) {
        m_requestWaiting = false;
        offerWaitingRequest();
    }
    // The idle time of a connection starts when its last response has left.
    if (pendingResponses() == 0)
        armTimer();
}

void ConnectionGuard::reject(int status, const QString &message)
{
    if (m_rejected)
        return;
    m_rejected = true;
    m_timer.stop();
    // Qt must not read the rest: its slot goes, and the guard drops what arrives.
    disconnect(m_socket, &QTcpSocket::readyRead, m_server, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->readAll();

    qCInfo(lcHttp).noquote() << "Rejected a request from" << peer() << "with" << status << "and"
                             << "closed the connection:" << message;
    const bool tls = qobject_cast<QSslSocket *>(m_socket) != nullptr;
    m_closingResponse = closingErrorResponse(status, message, tls);
    if (pendingResponses() > 0) {
        // The responses to earlier requests leave first; sendReady() sends this one after them.
        m_timer.start(m_limits.idleTimeoutMs);
        return;
    }
    m_socket->write(m_closingResponse);
    startLinger();
}

void ConnectionGuard::startLinger()
{
    m_closingSent = true;
    m_lingerClock.start();
    m_timer.start(lingerQuietMs);
}

void ConnectionGuard::drain()
{
    m_discarded += m_socket->readAll().size();
    if (m_discarded > maxLingerBytes || (m_closingSent && m_lingerClock.elapsed() >= lingerMs)) {
        m_socket->disconnectFromHost();
        return;
    }
    if (m_closingSent)
        m_timer.start(lingerQuietMs);
}

void ConnectionGuard::armTimer()
{
    if (m_rejected)
        return;
    if (m_scanner.atRequestStart() && m_scanned == 0) {
        m_pendingAtIdleCheck = -1;
        m_timer.start(m_limits.idleTimeoutMs);
        return;
    }
    if (m_scanner.inHead()) {
        m_timer.start(qMax<qint64>(0, m_limits.headTimeoutMs - m_requestClock.elapsed()));
        return;
    }
    // In a body: wait for the next byte, or until the average rate would fall below the minimum.
    const qint64 idleLeft = m_limits.bodyIdleTimeoutMs - m_lastByteClock.elapsed();
    const qint64 allowedMs = m_limits.bodyGraceMs
                             + m_bodyBytes * 1000 / qMax<qint64>(1, m_limits.minBodyBytesPerSecond);
    const qint64 rateLeft = allowedMs - m_bodyClock.elapsed();
    m_timer.start(int(qBound<qint64>(0, qMin(idleLeft, rateLeft), qint64(INT_MAX))));
}

void ConnectionGuard::timedOut()
{
    if (m_rejected) {
        if (!m_closingSent) {
            // Earlier responses are still being served; the error response follows them.
            m_timer.start(m_limits.idleTimeoutMs);
            return;
        }
        // The client has been quiet for a moment: the response has had its chance.
        m_socket->disconnectFromHost();
        return;
    }
    if (m_scanner.atRequestStart() && m_scanned == 0) {
        // A connection whose request is being served is not idle.
        if (pendingResponses() > 0) {
            m_timer.start(m_limits.idleTimeoutMs);
            return;
        }
        // A response that a slow reader is still taking keeps the connection open while it
        // moves.
        const qint64 pending = m_socket->bytesToWrite();
        if (pending > 0 && (m_pendingAtIdleCheck < 0 || pending < m_pendingAtIdleCheck)) {
            m_pendingAtIdleCheck = pending;
            m_timer.start(m_limits.idleTimeoutMs);
            return;
        }
        qCDebug(lcHttp) << "Closing the idle connection from" << peer();
        m_socket->disconnectFromHost();
        return;
    }
    if (m_scanner.inHead()) {
        reject(408, QStringLiteral("The request head did not arrive within %1 ms.")
                        .arg(m_limits.headTimeoutMs));
        return;
    }
    const qint64 idle = m_lastByteClock.elapsed();
    if (idle >= m_limits.bodyIdleTimeoutMs) {
        reject(408, QStringLiteral("No byte of the request body arrived for %1 ms.").arg(idle));
        return;
    }
    const qint64 elapsed = m_bodyClock.elapsed();
    if (elapsed > m_limits.bodyGraceMs
        && m_bodyBytes * 1000 / qMax<qint64>(1, elapsed) < m_limits.minBodyBytesPerSecond) {
        reject(408, QStringLiteral("The request body arrived slower than %1 bytes a second.")
                        .arg(m_limits.minBodyBytesPerSecond));
        return;
    }
    armTimer();
}

QString ConnectionGuard::peer() const
{
    return QStringLiteral("%1:%2")
        .arg(m_socket->peerAddress().toString())
        .arg(m_socket->peerPort());
}

} // namespace hub::http
