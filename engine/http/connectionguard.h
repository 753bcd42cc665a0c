// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/limits.h"
#include "http/requestscanner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace hub::http {

// Watches one connection on behalf of the HTTP server. Its slot on readyRead runs before Qt's,
// reads the new bytes without taking them, and follows the requests with a RequestScanner. A
// request over a limit, a malformed one or one that arrives too slowly gets an error response
// and the connection closes, before Qt buffers the rest. A second slot, after Qt's, learns how
// much Qt read, and hands Qt a pipelined request that is already waiting.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    // The body limit of the route that method and request target reach.
    using BodyLimit = std::function<qint64(const QByteArray &method, const QByteArray &target)>;

    // Becomes a child of the socket. Call it before the server connects to the socket.
    ConnectionGuard(QTcpSocket *socket, QObject *server, const Limits &limits, BodyLimit bodyLimit);

    // Call it once the server has connected to the socket's readyRead.
    void attachAfterServer();
    bool attachedAfterServer() const { return m_attachedAfterServer; }

private:
    void beforeServerReads();
    void afterServerReads();
    void scan(QByteArrayView fresh, qsizetype *scanned);
    void reject(int status, const QString &message);
    void drain();
    void armTimer();
    void timedOut();
    QString peer() const;

    QTcpSocket *m_socket;
    QObject *m_server;
    Limits m_limits;
    BodyLimit m_bodyLimit;
    RequestScanner m_scanner;
    QTimer m_timer;
    QElapsedTimer m_requestClock;  // since the first byte of the current request
    QElapsedTimer m_bodyClock;     // since the head of the current request ended
    QElapsedTimer m_lastByteClock; // since the last byte arrived
    QElapsedTimer m_lingerClock;   // since the error response of a rejected request
    qint64 m_bodyBytes = 0;
    // Bytes at the front of the socket's unread data that the scanner has seen but Qt has not
    // read yet, and how much was unread when the current readyRead began.
    qint64 m_scanned = 0;
    qint64 m_unreadBefore = 0;
    bool m_completedThisRound = false;
    bool m_attachedAfterServer = false;
    bool m_rejected = false;
    qint64 m_discarded = 0;
    qint64 m_pendingAtIdleCheck = -1;
};

} // namespace hub::http
