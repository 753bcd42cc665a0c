// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hub::http {

// Follows the framing of the HTTP/1.1 requests that arrive on one connection (RFC 9112) as
// their bytes come in, without keeping bodies. It finds where each request head and body ends,
// checks the request line and the framing headers, and counts head and body sizes, so that a
// request can be rejected before Qt buffers it. It is stricter than Qt's own parser where the
// two could disagree on where a request ends.
class RequestScanner
{
public:
    enum class Event {
        NeedMore,        // every byte was consumed; the request is not complete yet
        HeadComplete,    // the request line and headers are in; see head()
        RequestComplete, // the body is in too; the next byte starts a new request
        Failed,          // the request is malformed or too large; see failure()
    };

    struct Step
    {
        Event event = Event::NeedMore;
        qsizetype consumed = 0;
    };

    struct Head
    {
        QByteArray method;
        QByteArray target;
        qint64 contentLength = 0;
        bool chunked = false;
    };

    struct Failure
    {
        int status = 400;
        QString message;
    };

    explicit RequestScanner(qsizetype maxHeadBytes);

    // Consumes bytes up to the next event and returns it with the number of bytes consumed.
    // After Failed, it consumes nothing more.
    Step feed(QByteArrayView bytes);

    // The largest body the current request may have. Set it after HeadComplete; a chunked body
    // is measured on the wire, with its framing.
    void setBodyLimit(qint64 bytes) { m_bodyLimit = bytes; }

    const Head &head() const { return m_head; }
    const Failure &failure() const { return m_failure; }
    // True between two requests, when no byte of the next one has arrived.
    bool atRequestStart() const { return m_state == State::RequestLine && m_headBytes == 0; }
    bool inHead() const { return m_state == State::RequestLine || m_state == State::Headers; }

private:
    enum class State {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        LastChunkEnd,
        Failed
    };

    Step fail(int status, const QString &message, qsizetype consumed);
    // Appends bytes up to and including a line feed to m_line; returns how many it took and
    // whether the line is complete.
    qsizetype takeLine(QByteArrayView bytes, bool *complete);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    Step finishHead(qsizetype consumed);

    qsizetype m_maxHeadBytes;
    State m_state = State::RequestLine;
    QByteArray m_line;
    bool m_lineEndedWithCrlf = false;
    qsizetype m_headBytes = 0;
    Head m_head;
    Failure m_failure;
    bool m_sawContentLength = false;
    bool m_sawTransferEncoding = false;
    bool m_sawHost = false;
    qint64 m_bodyLimit = 0;
    qint64 m_remaining = 0;
    qint64 m_wireBodyBytes = 0;
};

} // namespace hub::http
