// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace hub::http {

// The engine's HTTP server. Requests under /api/v1 must carry the admin bearer token; the
// router decides the rest. Handlers run on the thread that owns the server.
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(QByteArray adminToken, QObject *parent = nullptr);

    Router &router() { return m_router; }

    // Listens on the address and port (0 picks a free port) and returns the port, or 0.
    quint16 start(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    bool isAuthorized(const QHttpServerRequest &request) const;
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const Response &response);

    QByteArray m_adminToken;
    Router m_router;
};

} // namespace hub::http
