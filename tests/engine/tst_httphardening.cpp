// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The HTTP layer against hostile and broken clients, over raw sockets: oversized bodies and
// headers, slow clients, idle connections, garbage, pipelining and rate limits. Each case
// checks the status or the closed connection, and that the server still serves others. The
// server has two request threads, and the /slow and /gate routes run on them.

#include "api/adminapi.h"
#include "http/httpserver.h"
#include "http/ratelimiter.h"
#include "http/requestscanner.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using hub::http::Access;
using hub::http::HttpServer;
using hub::http::Request;
using hub::http::RequestScanner;
using hub::http::Response;

namespace {

// What a raw client got back: the bytes, and whether the server closed the connection.
struct Exchange
{
    QByteArray bytes;
    bool closed = false;

    int status() const
    {
        static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.1 (\\d{3}) "));
        const auto match = statusLine.match(QString::fromLatin1(bytes));
        return match.hasMatch() ? match.captured(1).toInt() : 0;
    }
    int responseCount() const { return int(bytes.count("HTTP/1.1 ")); }
};

// Serves GET /status/NNN with Qt's own responder: the status line and an empty body.
class QtResponderServer final : public QAbstractHttpServer
{
public:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const int status = request.url().path().section(QLatin1Char('/'), 2, 2).toInt();
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        responder.writeHeader("Content-Length", "0");
        responder.writeBody(QByteArray());
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}
};

} // namespace

class tst_HttpHardening final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void scannerFramesRequests_data();
    void scannerFramesRequests();
    void oversizedBodyRejectedEarly();
    void uploadRouteTakesItsOwnLimit();
    void chunkedBodiesAreMeasured();
    void oversizedHeadersRejected();
    void garbageIsRejected_data();
    void garbageIsRejected();
    void oneByteASecondTimesOut();
    void slowBodyTimesOut();
    void idleConnectionsAreCappedAndClosed();
    void pipelinedRequestsAreAnsweredInOrder();
    void pipelinedOversizedRequestAfterAGoodOne();
    void rateLimitAnswers429WithRetryAfter();
    void rateLimiterForgetsRefilledPeers();
    void responsesCarrySecurityHeaders();
    void wrongMethodGets405WithAllowOnEveryAdminRoute();
    void headAnswersLikeGetWithoutBody();
    void headFollowsGetRouteRules();

    void concurrentRoutesRunOnRequestThreads();
    void pipelinedRequestIsReadWhileFirstIsServed();
    void responsesLeaveInRequestOrder();
    void oversizedRequestWaitsForEarlierResponse();
    void slowResponseOutlastsIdleTimeout();
    void closedConnectionGetsNoResponse();
    void pendingResponseLimitClosesConnection();
    void statusLinesMatchQtResponder();

private:
    // Sends bytes on a new connection and collects the reply until the server closes or
    // expectedResponses responses have arrived.
    Exchange exchange(const QByteArray &request, int expectedResponses = 1,
                      bool waitForClose = true, quint16 port = 0);
    bool servesOthers();

    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    int m_echoCalls = 0;
    qint64 m_clockMs = 0;
    // Counted by the handlers on the request threads.
    std::atomic<int> m_slowDone = 0;
    std::atomic<int> m_offServerThread = 0;
    QSemaphore m_secondStarted;
    QSemaphore m_gate;
};

void tst_HttpHardening::init()
{
    hub::http::Limits limits;
    limits.maxConnections = 8;
    limits.maxHeadBytes = 1024;
    limits.maxBodyBytes = 1024;
    limits.idleTimeoutMs = 1500;
    limits.headTimeoutMs = 1500;
    limits.bodyIdleTimeoutMs = 3000;
    limits.minBodyBytesPerSecond = 1000;
    limits.bodyGraceMs = 500;
    limits.maxPendingResponses = 24;

    m_echoCalls = 0;
    m_clockMs = 0;
    m_slowDone = 0;
    m_offServerThread = 0;
    m_secondStarted.acquire(m_secondStarted.available());
    m_gate.acquire(m_gate.available());
    m_server = std::make_unique<HttpServer>(QByteArray("test-admin-token-0123456789"));
    m_server->setLimits(limits);
    m_server->setRequestThreads(2);
    hub::http::Router &router = m_server->router();
    router.addRoute("GET", QStringLiteral("/hello"), Access::Public, [](const Request &) {
        return Response::json(QJsonObject{{QStringLiteral("hello"), 1}});
    });
    router.addRoute(
        "POST", QStringLiteral("/echo"), Access::Public, [this](const Request &request) {
            ++m_echoCalls;
            return Response::json(QJsonObject{{QStringLiteral("size"), request.body().size()}});
        });
    router.addRoute("POST", QStringLiteral("/upload"), Access::Public, [](const Request &request) {
        return Response::json(QJsonObject{{QStringLiteral("size"), request.body().size()}});
    });
    router.setBodyLimit("POST", QStringLiteral("/upload"), 64 * 1024);
    router.addRoute("POST", QStringLiteral("/sign-in"), Access::Public, [](const Request &) {
        return Response::json(QJsonObject{{QStringLiteral("ok"), true}});
    });
    router.limitRate(QStringLiteral("/sign-in"), {2, 1.0}, [this] { return m_clockMs; });

    // Routes for the request threads. /slow sleeps for ms milliseconds and returns its id.
    QThread *serverThread = QThread::currentThread();
    router.addRoute(
        "GET", QStringLiteral("/slow"), Access::Public,
        [this, serverThread](const Request &request) {
            if (QThread::currentThread() != serverThread)
                ++m_offServerThread;
            QThread::msleep(request.query().queryItemValue(QStringLiteral("ms")).toULong());
            ++m_slowDone;
            return Response::json(
                QJsonObject{{QStringLiteral("id"),
                             request.query().queryItemValue(QStringLiteral("id")).toInt()}});
        });
    router.setConcurrent("GET", QStringLiteral("/slow"));
    // /first waits until /second has started, which it can only do when the server read the
    // second request while the first was being served.
    router.addRoute("GET", QStringLiteral("/first"), Access::Public, [this](const Request &) {
        const bool overlapped = m_secondStarted.tryAcquire(1, 5000);
        return Response::json(QJsonObject{{QStringLiteral("overlapped"), overlapped}});
    });
    router.setConcurrent("GET", QStringLiteral("/first"));
    router.addRoute("GET", QStringLiteral("/second"), Access::Public, [this](const Request &) {
        m_secondStarted.release();
        return Response::json(QJsonObject{{QStringLiteral("second"), 1}});
    });
    router.setConcurrent("GET", QStringLiteral("/second"));
    // /gate keeps its request thread waiting until the test opens the gate, or 10 s at most.
    router.addRoute("GET", QStringLiteral("/gate"), Access::Public, [this](const Request &) {
        const bool opened = m_gate.tryAcquire(1, 10000);
        return Response::json(QJsonObject{{QStringLiteral("opened"), opened}});
    });
    router.setConcurrent("GET", QStringLiteral("/gate"));

    m_port = m_server->start(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void tst_HttpHardening::cleanup()
{
    // Handlers still waiting at the gate finish before the server's request threads stop.
    m_gate.release(1000);
    m_secondStarted.release(10);
    m_server.reset();
}

Exchange tst_HttpHardening::exchange(const QByteArray &request, int expectedResponses,
                                     bool waitForClose, quint16 port)
{
    // The server runs on this thread, so the client waits with the event loop running.
    QTcpSocket socket;
    Exchange result;
    connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] { result.bytes += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port != 0 ? port : m_port);
    const auto answered = [&] {
        return result.responseCount() >= expectedResponses && result.bytes.endsWith('}');
    };
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 8000 && socket.state() != QAbstractSocket::UnconnectedState
           && !answered())
        QTest::qWait(5);
    // A rejected request closes the connection shortly after its response.
    clock.restart();
    while (waitForClose && clock.elapsed() < 3000
           && socket.state() != QAbstractSocket::UnconnectedState)
        QTest::qWait(5);
    result.closed = socket.state() == QAbstractSocket::UnconnectedState;
    return result;
}

bool tst_HttpHardening::servesOthers()
{
    const Exchange reply = exchange("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1, false);
    return reply.status() == 200 && reply.bytes.endsWith("{\"hello\":1}");
}

void tst_HttpHardening::scannerFramesRequests_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("status");

    QTest::newRow("get") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << 1 << 0;
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.0\nHost: a\n\n") << 1 << 0;
    QTest::newRow("body and pipelined get")
        << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\n\r\n") << 2
        << 0;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")
                             << 1 << 0;
    QTest::newRow("chunk without CRLF")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX") << 0 << 400;
    QTest::newRow("chunk size not hex")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 0 << 400;
    QTest::newRow("trailer") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: y\r\n\r\n")
                             << 0 << 400;
    QTest::newRow("head too long")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(300, 'a')) << 0 << 431;
    QTest::newRow("request line too long")
        << QByteArray("GET /" + QByteArray(300, 'a')) << 0 << 414;
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 0 << 400;
    QTest::newRow("length with sign")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\n") << 0 << 400;
    QTest::newRow("bare CR in header")
        << QByteArray("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n") << 0 << 400;
    QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 0
                               << 400;
    QTest::newRow("space before colon")
        << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 0 << 400;
    QTest::newRow("control character in target")
        << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n") << 0 << 400;
}

void tst_HttpHardening::scannerFramesRequests()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, requests);
    QFETCH(int, status);

    // Byte by byte, so that every state meets a boundary.
    RequestScanner scanner(256);
    int complete = 0;
    int failed = 0;
    for (qsizetype i = 0; i < bytes.size() && failed == 0; ++i) {
        QByteArrayView rest = QByteArrayView(bytes).sliced(i, 1);
        for (;;) {
            const RequestScanner::Step step = scanner.feed(rest);
            rest = rest.sliced(step.consumed);
            if (step.event == RequestScanner::Event::RequestComplete)
                ++complete;
            if (step.event == RequestScanner::Event::HeadComplete)
                scanner.setBodyLimit(100);
            if (step.event == RequestScanner::Event::Failed) {
                failed = scanner.failure().status;
                break;
            }
            if (step.event == RequestScanner::Event::NeedMore && rest.isEmpty())
                break;
        }
    }
    // A request without a body completes on the next feed.
    if (failed == 0 && scanner.feed({}).event == RequestScanner::Event::RequestComplete)
        ++complete;
    QCOMPARE(failed, status);
    QCOMPARE(complete, requests);
}

void tst_HttpHardening::oversizedBodyRejectedEarly()
{
    // Only the head is sent: the refusal must come before any of the 100 MB body.
    const Exchange reply = exchange("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Content-Type: application/json\r\n"
                                    "Content-Length: 100000000\r\n\r\n");
    QCOMPARE(reply.status(), 413);
    QVERIFY(reply.bytes.contains("Connection: close"));
    QVERIFY(reply.bytes.contains("\"error\":\"body_too_large\""));
    QVERIFY(reply.closed);
    QCOMPARE(m_echoCalls, 0);
    QVERIFY(servesOthers());

    // At the limit is fine.
    const Exchange atLimit = exchange("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                      "Content-Length: 1024\r\n\r\n"
                                          + QByteArray(1024, 'x'),
                                      1, false);
    QCOMPARE(atLimit.status(), 200);
    QVERIFY(atLimit.bytes.endsWith("{\"size\":1024}"));
}

void tst_HttpHardening::uploadRouteTakesItsOwnLimit()
{
    const QByteArray file(40 * 1024, 'f');
    const Exchange accepted = exchange("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                       "Content-Length: "
                                           + QByteArray::number(file.size()) + "\r\n\r\n" + file,
                                       1, false);
    QCOMPARE(accepted.status(), 200);
    QVERIFY(accepted.bytes.endsWith("{\"size\":40960}"));

    const Exchange rejected = exchange("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                       "Content-Length: 65537\r\n\r\n");
    QCOMPARE(rejected.status(), 413);
    QVERIFY(rejected.closed);

    // The same 40 KiB on a JSON route is too much.
    const Exchange json = exchange("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                                   + QByteArray::number(file.size()) + "\r\n\r\n");
    QCOMPARE(json.status(), 413);
}

void tst_HttpHardening::chunkedBodiesAreMeasured()
{
    const Exchange small = exchange("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n"
                                    "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
                                    1, false);
    QCOMPARE(small.status(), 200);
    QVERIFY2(small.bytes.endsWith("{\"size\":11}"), small.bytes.constData());

    // 2 KiB in chunks of 256 bytes against a 1 KiB limit; the chunks stop coming at the limit.
    QByteArray chunks;
    for (int i = 0; i < 8; ++i)
        chunks += "100\r\n" + QByteArray(256, 'c') + "\r\n";
    const Exchange large = exchange("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n"
                                    + chunks + "0\r\n\r\n");
    QCOMPARE(large.status(), 413);
    QVERIFY(large.closed);
    QCOMPARE(m_echoCalls, 1);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::oversizedHeadersRejected()
{
    QByteArray headers;
    for (int i = 0; i < 40; ++i)
        headers += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(40, 'h') + "\r\n";
    const Exchange reply
        = exchange("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");
    QCOMPARE(reply.status(), 431);
    QVERIFY(reply.closed);

    const Exchange longLine = exchange("GET /" + QByteArray(2000, 'p') + " HTTP/1.1\r\n\r\n");
    QCOMPARE(longLine.status(), 414);
    QVERIFY(longLine.closed);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::garbageIsRejected_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("words") << QByteArray("HELLO THERE\r\n\r\n") << 400;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n", 13)
                            << 400;
    QTest::newRow("http/2 version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("unknown method") << QByteArray("BREW /pot HTTP/1.1\r\n\r\n") << 501;
    QTest::newRow("header without colon")
        << QByteArray("GET /hello HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n") << 400;
    QTest::newRow("length and chunked") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 3\r\n"
                                                      "Transfer-Encoding: chunked\r\n\r\n")
                                        << 400;
    QTest::newRow("two lengths") << QByteArray(
        "POST /echo HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
                                 << 400;
    QTest::newRow("gzip transfer coding")
        << QByteArray("POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501;
    QTest::newRow("folded header")
        << QByteArray("GET /hello HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n") << 400;
    QTest::newRow("target without slash") << QByteArray("GET hello HTTP/1.1\r\n\r\n") << 400;
}

void tst_HttpHardening::garbageIsRejected()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    const Exchange reply = exchange(request);
    QCOMPARE(reply.status(), status);
    QVERIFY(reply.closed);
    QCOMPARE(m_echoCalls, 0);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::oneByteASecondTimesOut()
{
    // A slowloris client: a valid head, one byte a second. The head must be in within 1.5 s.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_port);
    QTRY_COMPARE(slow.state(), QAbstractSocket::ConnectedState);
    const QByteArray head = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    qsizetype sent = 0;
    QTimer drip;
    drip.setInterval(1000);
    connect(&drip, &QTimer::timeout, &slow, [&] {
        if (slow.state() == QAbstractSocket::ConnectedState)
            slow.write(head.mid(sent++ % head.size(), 1));
    });
    slow.write(head.left(1));
    ++sent;
    drip.start();

    // Others are served while it drips.
    QVERIFY(servesOthers());

    QByteArray received;
    connect(&slow, &QTcpSocket::readyRead, &slow, [&] { received += slow.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 6000);
    QVERIFY2(received.startsWith("HTTP/1.1 408 "), received.constData());
    QVERIFY(sent <= 4);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::slowBodyTimesOut()
{
    // The head is fine, the body comes at 5 bytes a second against a minimum of 1000.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_port);
    QTRY_COMPARE(slow.state(), QAbstractSocket::ConnectedState);
    slow.write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n");
    QTimer drip;
    drip.setInterval(200);
    connect(&drip, &QTimer::timeout, &slow, [&] {
        if (slow.state() == QAbstractSocket::ConnectedState)
            slow.write("x");
    });
    drip.start();

    QByteArray received;
    connect(&slow, &QTcpSocket::readyRead, &slow, [&] { received += slow.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 6000);
    QVERIFY2(received.startsWith("HTTP/1.1 408 "), received.constData());
    QCOMPARE(m_echoCalls, 0);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::idleConnectionsAreCappedAndClosed()
{
    // Seven idle connections leave room for one more client.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 7; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, m_port);
        QTRY_COMPARE(idle.back()->state(), QAbstractSocket::ConnectedState);
    }
    QTRY_COMPARE(m_server->openConnections(), 7);
    QVERIFY(servesOthers());
    QTRY_COMPARE(m_server->openConnections(), 7);

    // The eighth fills the limit. The ninth gets 503, and a warning names the limit.
    idle.push_back(std::make_unique<QTcpSocket>());
    idle.back()->connectToHost(QHostAddress::LocalHost, m_port);
    QTRY_COMPARE(idle.back()->state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE(m_server->openConnections(), 8);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Rejected 1 connection, .*8 "
                                                           "connections are open, the limit")));
    const Exchange rejected = exchange("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(rejected.status(), 503);
    QVERIFY(rejected.bytes.contains("Retry-After: 1"));
    QVERIFY(rejected.closed);

    // The idle timeout closes them all, and then clients are served again.
    for (const auto &socket : idle)
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE(m_server->openConnections(), 0);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::pipelinedRequestsAreAnsweredInOrder()
{
    const QByteArray one = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const QByteArray two = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\nab";
    const QByteArray three
        = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc";
    const Exchange reply = exchange(one + two + three, 3, false);
    QCOMPARE(reply.responseCount(), 3);
    const qsizetype first = reply.bytes.indexOf("{\"hello\":1}");
    const qsizetype second = reply.bytes.indexOf("{\"size\":2}");
    const qsizetype third = reply.bytes.indexOf("{\"size\":3}");
    QVERIFY(first > 0);
    QVERIFY(second > first);
    QVERIFY(third > second);
    QCOMPARE(m_echoCalls, 2);
}

void tst_HttpHardening::pipelinedOversizedRequestAfterAGoodOne()
{
    // The server responds to the good request before it rejects the oversized one.
    const Exchange reply = exchange("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                    "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Content-Length: 5000\r\n\r\n",
                                    2);
    QCOMPARE(reply.responseCount(), 2);
    QVERIFY(reply.bytes.startsWith("HTTP/1.1 200 "));
    QVERIFY(reply.bytes.contains("HTTP/1.1 413 "));
    QVERIFY(reply.closed);
}

void tst_HttpHardening::rateLimitAnswers429WithRetryAfter()
{
    const QByteArray signIn = "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                              "\r\n{}";
    QCOMPARE(exchange(signIn, 1, false).status(), 200);
    QCOMPARE(exchange(signIn, 1, false).status(), 200);
    const Exchange limited = exchange(signIn, 1, false);
    QCOMPARE(limited.status(), 429);
    QVERIFY(limited.bytes.contains("Retry-After: 1"));
    QVERIFY(limited.bytes.contains("\"error\":\"too_many_requests\""));

    // Other paths are not limited, and a second later one token is back.
    QVERIFY(servesOthers());
    m_clockMs += 1000;
    QCOMPARE(exchange(signIn, 1, false).status(), 200);
    QCOMPARE(exchange(signIn, 1, false).status(), 429);
}

void tst_HttpHardening::rateLimiterForgetsRefilledPeers()
{
    qint64 nowMs = 0;
    hub::http::RateLimiter limiter({2, 1.0}, [&nowMs] { return nowMs; });

    // An IPv4 peer on a dual-stack socket is the same peer as its plain address.
    QCOMPARE(limiter.take(QHostAddress(QStringLiteral("192.0.2.7"))), 0);
    QCOMPARE(limiter.take(QHostAddress(QStringLiteral("::ffff:192.0.2.7"))), 0);
    QCOMPARE(limiter.take(QHostAddress(QStringLiteral("192.0.2.7"))), 1);

    // A scan from many addresses does not grow the table once their buckets have refilled.
    for (quint32 i = 0; i < 5000; ++i)
        QCOMPARE(limiter.take(QHostAddress(0x0a000000 + i)), 0);
    QCOMPARE(limiter.trackedPeers(), 5001);
    nowMs += 5000;
    QCOMPARE(limiter.take(QHostAddress(QStringLiteral("198.51.100.1"))), 0);
    QCOMPARE(limiter.trackedPeers(), 1);
}

void tst_HttpHardening::responsesCarrySecurityHeaders()
{
    const Exchange reply = exchange("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1, false);
    QCOMPARE(reply.status(), 200);
    QVERIFY(reply.bytes.contains("X-Content-Type-Options: nosniff"));
    QVERIFY(reply.bytes.contains("X-Frame-Options: DENY"));
    QVERIFY(reply.bytes.contains("Content-Security-Policy: default-src 'none'"));
    // Plain HTTP must not claim HSTS.
    QVERIFY(!reply.bytes.contains("Strict-Transport-Security"));
}

void tst_HttpHardening::wrongMethodGets405WithAllowOnEveryAdminRoute()
{
    // The real admin routes. A wrong method gets 405 before any handler touches the store.
    HttpServer server(QByteArray("test-admin-token-0123456789"));
    hub::api::ApiContext context;
    hub::api::registerAdminApi(server.router(), context);
    const quint16 port = server.start(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);

    // Each concrete path, with {id} as 1, and the methods of every pattern that matches it.
    const auto matches = [](const QString &pattern, const QString &path) {
        const QStringList patternSegments = pattern.split(QLatin1Char('/'));
        const QStringList pathSegments = path.split(QLatin1Char('/'));
        if (patternSegments.size() != pathSegments.size())
            return false;
        for (qsizetype i = 0; i < patternSegments.size(); ++i) {
            if (!patternSegments.at(i).startsWith(QLatin1Char('{'))
                && patternSegments.at(i) != pathSegments.at(i))
                return false;
        }
        return true;
    };
    QMap<QString, QList<QByteArray>> methodsByPath;
    for (const auto &route : server.router().routes()) {
        QString path = route.pattern;
        path.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("1"));
        methodsByPath.insert(path, {});
    }
    for (auto it = methodsByPath.begin(); it != methodsByPath.end(); ++it) {
        for (const auto &route : server.router().routes()) {
            if (matches(route.pattern, it.key()) && !it.value().contains(route.method))
                it.value().append(route.method);
        }
    }
    QVERIFY(methodsByPath.size() > 10);

    const QList<QByteArray> methods = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    int checked = 0;
    for (auto it = methodsByPath.cbegin(); it != methodsByPath.cend(); ++it) {
        const QString &path = it.key();
        for (const QByteArray &method : methods) {
            if (it.value().contains(method))
                continue;
            const QByteArray reply = exchange(method + ' ' + path.toUtf8()
                                                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                    "Authorization: Bearer "
                                                    "test-admin-token-0123456789\r\n"
                                                    "Content-Length: 0\r\n\r\n",
                                              1, false, port)
                                         .bytes;
            const QByteArray requestLine = method + ' ' + path.toUtf8();
            QVERIFY2(reply.startsWith("HTTP/1.1 405 "), requestLine.constData());
            const QRegularExpression allowHeader(QStringLiteral("\r\nAllow: ([^\r]*)\r\n"));
            const auto match = allowHeader.match(QString::fromLatin1(reply));
            QVERIFY2(match.hasMatch(), requestLine.constData());
            QStringList allowed = match.captured(1).split(QStringLiteral(", "));
            QStringList expected;
            for (const QByteArray &registered : it.value())
                expected.append(QString::fromLatin1(registered));
            // A path with GET also answers HEAD.
            if (it.value().contains("GET"))
                expected.append(QStringLiteral("HEAD"));
            allowed.sort();
            expected.sort();
            QCOMPARE(allowed, expected);
            ++checked;
        }
    }
    QVERIFY(checked > 30);
}

void tst_HttpHardening::headAnswersLikeGetWithoutBody()
{
    // HEAD and then GET on one connection: if HEAD sent a body, the second response would be
    // read from the wrong place, and the body would appear twice.
    const Exchange reply = exchange("HEAD /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                    "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                                    2, false);
    QCOMPARE(reply.responseCount(), 2);
    QCOMPARE(reply.status(), 200);
    QCOMPARE(reply.bytes.count("Content-Length: 11\r\n"), 2);
    QCOMPARE(reply.bytes.count("Content-Type: application/json\r\n"), 2);
    QCOMPARE(reply.bytes.count("{\"hello\":1}"), 1);
    QVERIFY(reply.bytes.endsWith("{\"hello\":1}"));
    const qsizetype second = reply.bytes.indexOf("HTTP/1.1 ", 1);
    QVERIFY(reply.bytes.left(second).endsWith("\r\n\r\n"));
}

void tst_HttpHardening::headFollowsGetRouteRules()
{
    // A path without GET gets 405 for HEAD too, and its Allow header names no HEAD.
    Exchange reply = exchange("HEAD /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(reply.status(), 405);
    QVERIFY2(reply.bytes.contains("\r\nAllow: POST\r\n"), reply.bytes.constData());
    QVERIFY(!reply.bytes.contains("\"error\""));

    // A path with GET lists HEAD among the allowed methods.
    reply = exchange("DELETE /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(reply.status(), 405);
    QVERIFY2(reply.bytes.contains("\r\nAllow: GET, HEAD\r\n"), reply.bytes.constData());

    // An admin route asks HEAD for the same credentials as GET, and answers an unknown path
    // with 404, each without a body.
    hub::api::ApiContext context;
    hub::api::registerAdminApi(m_server->router(), context);
    reply = exchange("HEAD /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Connection: close\r\n\r\n");
    QCOMPARE(reply.status(), 401);
    QVERIFY(reply.bytes.contains("WWW-Authenticate: Bearer"));
    QVERIFY(reply.bytes.endsWith("\r\n\r\n"));
    reply = exchange("HEAD /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Authorization: Bearer test-admin-token-0123456789\r\n"
                     "Connection: close\r\n\r\n");
    QCOMPARE(reply.status(), 200);
    QVERIFY(reply.bytes.endsWith("\r\n\r\n"));
    const QRegularExpression length(QStringLiteral("\r\nContent-Length: (\\d+)\r\n"));
    QVERIFY(length.match(QString::fromLatin1(reply.bytes)).captured(1).toInt() > 1000);
    reply = exchange("HEAD /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QCOMPARE(reply.status(), 404);
    QVERIFY(reply.bytes.endsWith("\r\n\r\n"));
}

void tst_HttpHardening::concurrentRoutesRunOnRequestThreads()
{
    const Exchange reply
        = exchange("GET /slow?ms=0&id=7 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1, false);
    QCOMPARE(reply.status(), 200);
    QVERIFY(reply.bytes.endsWith("{\"id\":7}"));
    QCOMPARE(m_offServerThread.load(), 1);
    // Other routes still run on the server's thread, and it serves them meanwhile.
    QVERIFY(servesOthers());
}

void tst_HttpHardening::pipelinedRequestIsReadWhileFirstIsServed()
{
    // Qt HttpServer 6.4 keeps one request object per connection and parses the next pipelined
    // request into it as soon as handleRequest() returns. The first handler returns true only
    // if the second one started while it waited, so the server copied the first request and
    // read the second while the first was still being served.
    const Exchange reply = exchange("GET /first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                    "GET /second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                                    2, false);
    QCOMPARE(reply.responseCount(), 2);
    const qsizetype first = reply.bytes.indexOf("{\"overlapped\":true}");
    const qsizetype second = reply.bytes.indexOf("{\"second\":1}");
    QVERIFY2(first > 0, reply.bytes.constData());
    QVERIFY(second > first);
}

void tst_HttpHardening::responsesLeaveInRequestOrder()
{
    // The first request takes longest and the fourth is served on the server's thread, yet the
    // responses leave in the order of the requests. HEAD gets headers without a body.
    QByteArray requests;
    for (const char *target : {"/slow?ms=400&id=1", "/slow?ms=0&id=2", "/slow?ms=150&id=3"})
        requests += QByteArray("GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    requests += "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    requests += "HEAD /slow?ms=0&id=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    requests += "GET /slow?ms=0&id=6 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const Exchange reply = exchange(requests, 6, false);
    QCOMPARE(reply.responseCount(), 6);

    QList<qsizetype> positions;
    for (const QByteArray &body :
         {QByteArray("{\"id\":1}"), QByteArray("{\"id\":2}"), QByteArray("{\"id\":3}"),
          QByteArray("{\"hello\":1}"), QByteArray("{\"id\":6}")})
        positions.append(reply.bytes.indexOf(body));
    QVERIFY2(positions.first() > 0, reply.bytes.constData());
    for (qsizetype i = 1; i < positions.size(); ++i)
        QVERIFY2(positions.at(i) > positions.at(i - 1), reply.bytes.constData());
    QVERIFY(!reply.bytes.contains("{\"id\":5}"));
    // The HEAD response sits between {"hello":1} and {"id":6} with the length of its GET body.
    const QByteArray between = reply.bytes.mid(positions.at(3), positions.at(4) - positions.at(3));
    QVERIFY(between.contains("HTTP/1.1 200 OK\r\n"));
    QVERIFY(between.contains("Content-Length: 8\r\n"));
    QCOMPARE(m_slowDone.load(), 5);
}

void tst_HttpHardening::oversizedRequestWaitsForEarlierResponse()
{
    // The 413 of the second request leaves after the first request's response, then the
    // connection closes.
    const Exchange reply = exchange("GET /slow?ms=300&id=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                    "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Content-Length: 5000\r\n\r\n",
                                    2);
    QCOMPARE(reply.responseCount(), 2);
    QVERIFY(reply.bytes.startsWith("HTTP/1.1 200 "));
    const qsizetype first = reply.bytes.indexOf("{\"id\":1}");
    const qsizetype rejection = reply.bytes.indexOf("HTTP/1.1 413 ");
    QVERIFY(first > 0);
    QVERIFY(rejection > first);
    QVERIFY(reply.closed);
    QCOMPARE(m_echoCalls, 0);
}

void tst_HttpHardening::slowResponseOutlastsIdleTimeout()
{
    // The idle timeout is 1.5 s, but a connection whose request is being served is not idle.
    const Exchange reply
        = exchange("GET /slow?ms=2500&id=9 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1, false);
    QCOMPARE(reply.status(), 200);
    QVERIFY(reply.bytes.endsWith("{\"id\":9}"));
    QVERIFY(!reply.closed);
}

void tst_HttpHardening::closedConnectionGetsNoResponse()
{
    // The client leaves while its request is served. The response is dropped, the server keeps
    // serving, and the connection is no longer counted.
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /slow?ms=300&id=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(socket.waitForBytesWritten(5000));
        QTRY_COMPARE(m_server->openConnections(), 1);
        socket.abort();
    }
    QTRY_COMPARE(m_slowDone.load(), 1);
    QTRY_COMPARE(m_server->openConnections(), 0);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::pendingResponseLimitClosesConnection()
{
    // Both request threads wait at the gate, so no response leaves. Requests that arrive one by
    // one are read at once. The 25th passes the limit of 24 pending responses, so it gets 503
    // after the 24 others, and the connection closes.
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    for (int i = 0; i < 30 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        socket.write("GET /gate HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        socket.flush();
        QTest::qWait(20);
    }
    QCOMPARE(received.size(), 0);
    m_gate.release(24);
    QTRY_VERIFY_WITH_TIMEOUT(received.count("HTTP/1.1 ") == 25, 10000);
    QCOMPARE(received.count("{\"opened\":true}"), 24);
    const qsizetype rejection = received.indexOf("HTTP/1.1 503 ");
    QVERIFY(rejection > received.lastIndexOf("{\"opened\":true}"));
    QVERIFY(received.contains("requests waiting for their responses"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(servesOthers());
}

void tst_HttpHardening::statusLinesMatchQtResponder()
{
    // The server writes its status lines itself. They must be the ones Qt's responder writes,
    // for every status in the server's table of reason phrases.
    QtResponderServer qtServer;
    auto *listener = new QTcpServer(&qtServer);
    QVERIFY(listener->listen(QHostAddress::LocalHost, 0));
    qtServer.bind(listener);
    const int statuses[]
        = {100, 101, 200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 307,
           308, 400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414,
           415, 416, 417, 422, 423, 426, 428, 429, 431, 500, 501, 502, 503, 504, 505};
    for (const int status : statuses) {
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, listener->serverPort());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write(QByteArray("GET /status/") + QByteArray::number(status)
                     + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_VERIFY(received.contains("\r\n\r\n"));
        const QByteArray qtLine = received.left(received.indexOf("\r\n"));
        Response response;
        response.status = status;
        const QByteArray ours = hub::http::serializeResponse(response, false, false);
        QCOMPARE(ours.left(ours.indexOf("\r\n")), qtLine);
    }
}

QTEST_GUILESS_MAIN(tst_HttpHardening)

#include "tst_httphardening.moc"
