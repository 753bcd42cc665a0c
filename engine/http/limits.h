// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QtGlobal>

namespace hub::http {

// Limits that the HTTP server enforces on each client before it rejects a request or closes the
// connection. Qt HttpServer 6.4 has no limits of its own and buffers whole requests, so these
// apply on the socket, before Qt reads the bytes.
struct Limits
{
    // Open connections, counting TLS handshakes; more are rejected (503 over plain HTTP).
    int maxConnections = 256;
    // The request line and headers together (414 or 431 above it).
    qsizetype maxHeadBytes = 16 * 1024;
    // The body of a route without a limit of its own (413 above it).
    qint64 maxBodyBytes = 1024 * 1024;
    // A kept-alive connection with no request in progress is closed after this.
    int idleTimeoutMs = 60 * 1000;
    // From the first byte of a request to the end of its head, and for a TLS handshake (408).
    int headTimeoutMs = 10 * 1000;
    // A body that pauses this long is abandoned (408).
    int bodyIdleTimeoutMs = 30 * 1000;
    // After bodyGraceMs, a body must arrive at this average rate at least (408).
    qint64 minBodyBytesPerSecond = 16 * 1024;
    int bodyGraceMs = 10 * 1000;
    // Responses that one connection may wait for. A client that pipelines more requests
    // without reading the responses gets 503 and is disconnected.
    int maxPendingResponses = 256;
};

} // namespace hub::http
