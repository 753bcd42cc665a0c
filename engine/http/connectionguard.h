// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/limits.h"
#include "http/requestscanner.h"

#include <QElapsedTimer>
#include <QMap>
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
//
// The guard also keeps the responses of the connection in request order. The server reserves a
// place when Qt hands it a request and completes it when the response is ready, which may be
// later, after a request thread served it. A response leaves once every earlier one has left.
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

    // Reserves the place of the next response and returns its number.
    quint64 reserveResponse();
    // Sends the response with this number, after every earlier one. A response for a
    // connection that is closing or closed is dropped.
    void completeResponse(quint64 number, QByteArray bytes);
    // Responses reserved and not sent yet.
    int pendingResponses() const { return int(m_nextReserved - m_nextToSend); }
    // Sends an error response after the pending ones and closes the connection, for a request
    // that the server will not serve. Qt reads nothing more from the connection.
    void reject(int status, const QString &message);

    // Qt reads a pipelined request that is already waiting only while fewer responses than this
    // are pending. The other requests wait in the socket until earlier responses have left.
    static constexpr int maxPipelinedResponses = 16;

private:
    void beforeServerReads();
    void afterServerReads();
    void scan(QByteArrayView fresh, qsizetype *scanned);
    void sendReady();
    void startLinger();
    void offerWaitingRequest();
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
    // Responses by number: the next to reserve, the next to send, and those that are ready but
    // wait for an earlier one. The error response of a rejected request leaves after every
    // response reserved before the rejection.
    quint64 m_nextReserved = 0;
    quint64 m_nextToSend = 0;
    QMap<quint64, QByteArray> m_ready;
    QByteArray m_closingResponse;
    bool m_closingSent = false;
    // A pipelined request waits in the socket because too many responses were pending.
    bool m_requestWaiting = false;
};

} // namespace hub::http
