// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// OneRoster reads served by several request threads at once. The suite records every response
// of an engine that serves all requests on one thread, then restarts the engine on the same
// store with four request threads and sends the same requests from many connections at once,
// pipelined. Every response must equal the recorded one byte for byte, in request order, and
// two districts' applications must each get their own district's data.

#include "apitestclient.h"
#include "testdatabase.h"

#include "core/timeutil.h"
#include "demo/demodistrict.h"
#include "engine.h"
#include "oneroster/credentials.h"
#include "oneroster/scopes.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

// One request of the suite. The Host header is fixed, so that hrefs and Link headers do not
// depend on the engine's port, which changes when the engine restarts.
struct RawRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray token; // empty for none

    QByteArray bytes() const
    {
        QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: hub.test\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        return request + "\r\n";
    }
    QByteArray name() const { return method + ' ' + target + " as " + token.left(8); }
};

int statusOf(const QByteArray &response)
{
    return response.mid(9, 3).toInt();
}

// Takes the complete responses from the front of buffer, one per request in order. A HEAD
// response has no body, whatever its Content-Length.
void takeResponses(QByteArray &buffer, const QList<RawRequest> &requests, QList<QByteArray> &out)
{
    while (out.size() < requests.size()) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (requests.at(out.size()).method == "HEAD")
            length = 0;
        const qsizetype total = headEnd + 4 + length;
        if (buffer.size() < total)
            return;
        out.append(buffer.left(total));
        buffer.remove(0, total);
    }
}

} // namespace

class tst_OneRosterConcurrency final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void serialRequestsMatchSingleThread();
    void pipelinedRequestsMatchInOrder();
    void concurrentConnectionsMatch();
    void districtsStayApartUnderConcurrency();
    void statusCodesHoldUnderConcurrency();

private:
    struct Credentials
    {
        QString clientId;
        QString secret;
    };

    // Starts an engine on the suite's store with this many request threads.
    bool startEngine(int requestThreads);
    Credentials insertApplication(qint64 districtId, const QStringList &scopes);
    QByteArray tokenFor(const Credentials &credentials);
    // Sends the requests of each list on a connection of its own, all connections at once,
    // and returns the responses of each. Pipelined requests are written at once. Otherwise
    // each request waits for the response to the one before.
    QList<QList<QByteArray>> exchange(const QList<QList<RawRequest>> &connections, bool pipelined);
    // Compares the responses with the single-threaded ones, request by request.
    void compareWithExpected(const QList<RawRequest> &requests, const QList<QByteArray> &responses);
    QList<RawRequest> shuffled(quint32 seed) const;

    QTemporaryDir m_dataDir;
    QString m_database;
    std::unique_ptr<hub::Engine> m_engine;
    qint64 m_otherDistrict = 0;
    QList<RawRequest> m_requests;
    // The single-threaded engine's response to each request, by its bytes.
    QHash<QByteArray, QByteArray> m_expected;
    const QByteArray m_adminToken = "oneroster-concurrency-admin-token-0123456789";
};

bool tst_OneRosterConcurrency::startEngine(int requestThreads)
{
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = m_database;
    options.adminToken = m_adminToken;
    options.workers = 1;
    options.requestThreads = requestThreads;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    if (!started)
        qWarning("Cannot start the engine: %s", qPrintable(started.error()));
    return started.ok();
}

tst_OneRosterConcurrency::Credentials
tst_OneRosterConcurrency::insertApplication(qint64 districtId, const QStringList &scopes)
{
    const QByteArray clientId = hub::oneroster::newClientId();
    const QByteArray secret = hub::oneroster::newClientSecret();
    QSqlQuery insert(m_engine->store().connection());
    insert.prepare(QStringLiteral("INSERT INTO oneroster_applications(district_id, name, scopes, "
                                  "client_id, secret_hash, created_at, updated_at, "
                                  "secret_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(districtId);
    insert.addBindValue(QStringLiteral("App %1").arg(QString::fromLatin1(clientId)));
    insert.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(scopes)).toJson(QJsonDocument::Compact)));
    insert.addBindValue(QString::fromLatin1(clientId));
    insert.addBindValue(hub::oneroster::hashClientSecret(secret));
    const QString now = hub::nowIsoUtc();
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec())
        qWarning("Cannot insert an application");
    return Credentials{QString::fromLatin1(clientId), QString::fromLatin1(secret)};
}

QByteArray tst_OneRosterConcurrency::tokenFor(const Credentials &credentials)
{
    const QByteArray pair = credentials.clientId.toUtf8() + ':' + credentials.secret.toUtf8();
    const QByteArray basic = pair.toBase64();
    QNetworkAccessManager network;
    QUrl url = m_engine->baseUrl();
    url.setPath(QStringLiteral("/oauth/token"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization", "Basic " + basic);
    std::unique_ptr<QNetworkReply> reply(network.post(request, "grant_type=client_credentials"));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    return body[QStringLiteral("access_token")].toString().toLatin1();
}

void tst_OneRosterConcurrency::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    m_database = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!m_database.isEmpty());
    QVERIFY(startEngine(0));

    // Two generated districts whose sourced ids overlap, so a read that lost its district
    // would show the other district's records under the same ids. The connection goes before
    // the engine restarts.
    {
        const QSqlDatabase db = m_engine->store().connection();
        hub::demo::DistrictOptions first;
        first.schools = 3;
        first.studentsPerSchool = 60;
        first.teachersPerSchool = 4;
        auto loaded = hub::demo::loadDistrict(db, m_engine->districtId(),
                                              m_dataDir.filePath(QStringLiteral("first")), first);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QSqlQuery insert(db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO districts(name, created_at) VALUES "
                                           "('Other District', '2026-01-01T00:00:00.000Z')")));
        m_otherDistrict = insert.lastInsertId().toLongLong();
        hub::demo::DistrictOptions second;
        second.districtName = QStringLiteral("Other District");
        second.schools = 2;
        second.studentsPerSchool = 45;
        second.teachersPerSchool = 3;
        second.seed = 7;
        loaded = hub::demo::loadDistrict(db, m_otherDistrict,
                                         m_dataDir.filePath(QStringLiteral("second")), second);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    }

    const QByteArray own
        = tokenFor(insertApplication(m_engine->districtId(), hub::oneroster::scopeNames()));
    const QByteArray other
        = tokenFor(insertApplication(m_otherDistrict, hub::oneroster::scopeNames()));
    const QByteArray demographicsOnly = tokenFor(insertApplication(
        m_engine->districtId(), {QStringLiteral("roster-demographics.readonly")}));
    QVERIFY(!own.isEmpty());
    QVERIFY(!other.isEmpty());
    QVERIFY(!demographicsOnly.isEmpty());

    // Every page of the users of both districts, pages of enrollments, both versions, sorts,
    // fields, filters, relationships, single objects and each kind of rejection.
    for (const QByteArray &token : {own, other}) {
        for (int offset = 0; offset < 260; offset += 40)
            m_requests.append(
                {"GET", "/ims/oneroster/v1p1/users?limit=40&offset=" + QByteArray::number(offset),
                 token});
        for (int offset = 0; offset < 600; offset += 150)
            m_requests.append(
                {"GET",
                 "/ims/oneroster/v1p1/enrollments?limit=150&offset=" + QByteArray::number(offset),
                 token});
        m_requests.append({"GET", "/ims/oneroster/rostering/v1p2/users?limit=30&offset=30", token});
        m_requests.append({"GET",
                           "/ims/oneroster/v1p1/users?sort=familyName&orderBy=desc"
                           "&limit=25&offset=25",
                           token});
        m_requests.append(
            {"GET", "/ims/oneroster/v1p1/users?fields=sourcedId,givenName&limit=60", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/users?filter=role%3D'teacher'", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/schools/school-001/students", token});
        m_requests.append(
            {"GET", "/ims/oneroster/rostering/v1p2/schools/school-001/classes", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/orgs", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/orgs/school-001", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/demographics?limit=20", token});
        m_requests.append({"HEAD", "/ims/oneroster/v1p1/users?limit=10", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/users/no-such-user", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/users?limit=0", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/users?filter=shoeSize%3D'9'", token});
        m_requests.append({"GET", "/ims/oneroster/v1p1/users?fields=shoeSize", token});
    }
    m_requests.append({"GET", "/ims/oneroster/v1p1/users", demographicsOnly});
    m_requests.append({"GET", "/ims/oneroster/v1p1/demographics?limit=15", demographicsOnly});
    m_requests.append({"GET", "/ims/oneroster/v1p1/users", {}});
    m_requests.append({"GET", "/ims/oneroster/v1p1/users", "not-a-token"});

    // The single-threaded engine's responses, one request at a time.
    const QList<QByteArray> responses = exchange({m_requests}, false).value(0);
    QCOMPARE(responses.size(), m_requests.size());
    for (qsizetype i = 0; i < m_requests.size(); ++i)
        m_expected.insert(m_requests.at(i).bytes(), responses.at(i));

    m_engine.reset();
    QVERIFY(startEngine(4));
}

void tst_OneRosterConcurrency::cleanupTestCase()
{
    m_engine.reset();
}

QList<QList<QByteArray>>
tst_OneRosterConcurrency::exchange(const QList<QList<RawRequest>> &connections, bool pipelined)
{
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        QList<QByteArray> responses;
        qsizetype sent = 0;
    };
    std::vector<Connection> open(size_t(connections.size()));
    const quint16 port = quint16(m_engine->baseUrl().port());
    for (size_t i = 0; i < open.size(); ++i) {
        Connection &connection = open[i];
        const QList<RawRequest> &requests = connections.at(qsizetype(i));
        connection.socket = std::make_unique<QTcpSocket>();
        QTcpSocket *socket = connection.socket.get();
        connect(socket, &QTcpSocket::connected, socket, [&connection, &requests, pipelined] {
            if (pipelined) {
                QByteArray all;
                for (const RawRequest &request : requests)
                    all += request.bytes();
                connection.socket->write(all);
                connection.sent = requests.size();
            } else if (!requests.isEmpty()) {
                connection.socket->write(requests.first().bytes());
                connection.sent = 1;
            }
        });
        connect(socket, &QTcpSocket::readyRead, socket, [&connection, &requests, pipelined] {
            connection.buffer += connection.socket->readAll();
            takeResponses(connection.buffer, requests, connection.responses);
            if (!pipelined && connection.responses.size() == connection.sent
                && connection.sent < requests.size())
                connection.socket->write(requests.at(connection.sent++).bytes());
        });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }

    // The engine runs on this thread, so the wait keeps the event loop running.
    const auto done = [&] {
        for (size_t i = 0; i < open.size(); ++i) {
            if (open[i].responses.size() < connections.at(qsizetype(i)).size())
                return false;
        }
        return true;
    };
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < 120000)
        QTest::qWait(5);

    QList<QList<QByteArray>> result;
    for (const Connection &connection : open)
        result.append(connection.responses);
    return result;
}

void tst_OneRosterConcurrency::compareWithExpected(const QList<RawRequest> &requests,
                                                   const QList<QByteArray> &responses)
{
    QCOMPARE(responses.size(), requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QByteArray expected = m_expected.value(requests.at(i).bytes());
        QVERIFY2(!expected.isEmpty(), requests.at(i).name().constData());
        const QByteArray context = QByteArray::number(i) + ": " + requests.at(i).name();
        const QByteArray statusMessage = context + " got " + responses.at(i).left(12);
        QVERIFY2(statusOf(responses.at(i)) == statusOf(expected), statusMessage.constData());
        const QByteArray message = context + " got " + responses.at(i).left(600);
        QVERIFY2(responses.at(i) == expected, message.constData());
    }
}

QList<RawRequest> tst_OneRosterConcurrency::shuffled(quint32 seed) const
{
    QList<RawRequest> requests = m_requests;
    QRandomGenerator generator(seed);
    std::shuffle(requests.begin(), requests.end(), generator);
    return requests;
}

void tst_OneRosterConcurrency::serialRequestsMatchSingleThread()
{
    compareWithExpected(m_requests, exchange({m_requests}, false).value(0));
}

void tst_OneRosterConcurrency::pipelinedRequestsMatchInOrder()
{
    // Each request is sent twice in a row, in a shuffled order, on one connection.
    QList<RawRequest> requests;
    for (const RawRequest &request : shuffled(11)) {
        requests.append(request);
        requests.append(request);
    }
    compareWithExpected(requests, exchange({requests}, true).value(0));
}

void tst_OneRosterConcurrency::concurrentConnectionsMatch()
{
    // Eight connections, each with every request in its own order, pipelined. The second
    // round meets the page positions and totals that the first round cached.
    for (int round = 0; round < 2; ++round) {
        QList<QList<RawRequest>> connections;
        for (quint32 seed = 1; seed <= 8; ++seed)
            connections.append(shuffled(seed + 100 * quint32(round)));
        const QList<QList<QByteArray>> responses = exchange(connections, true);
        QCOMPARE(responses.size(), connections.size());
        for (qsizetype i = 0; i < connections.size(); ++i)
            compareWithExpected(connections.at(i), responses.at(i));
    }
}

void tst_OneRosterConcurrency::districtsStayApartUnderConcurrency()
{
    // The same targets for both districts, alternating on each connection. Their responses
    // differ, so a request served with the other district's scope cannot match.
    QList<RawRequest> own;
    QList<RawRequest> other;
    const QByteArray ownToken = m_requests.first().token;
    for (const RawRequest &request : std::as_const(m_requests)) {
        if (request.token == ownToken && statusOf(m_expected.value(request.bytes())) == 200)
            own.append(request);
    }
    for (const RawRequest &request : std::as_const(own)) {
        const auto match = std::find_if(
            m_requests.cbegin(), m_requests.cend(), [&](const RawRequest &candidate) {
                return candidate.target == request.target && candidate.method == request.method
                       && candidate.token != ownToken && !candidate.token.isEmpty();
            });
        QVERIFY(match != m_requests.cend());
        other.append(*match);
    }
    QVERIFY(own.size() > 15);

    QList<RawRequest> alternating;
    for (qsizetype i = 0; i < own.size(); ++i) {
        if (own.at(i).method == "GET")
            QVERIFY2(m_expected.value(own.at(i).bytes()) != m_expected.value(other.at(i).bytes()),
                     own.at(i).target.constData());
        alternating.append(own.at(i));
        alternating.append(other.at(i));
    }
    QList<QList<RawRequest>> connections;
    for (int i = 0; i < 6; ++i) {
        QList<RawRequest> requests = alternating;
        std::rotate(requests.begin(), requests.begin() + i * 2, requests.end());
        connections.append(requests);
    }
    const QList<QList<QByteArray>> responses = exchange(connections, true);
    for (qsizetype i = 0; i < connections.size(); ++i)
        compareWithExpected(connections.at(i), responses.at(i));
}

void tst_OneRosterConcurrency::statusCodesHoldUnderConcurrency()
{
    // Only the rejected requests, many times over on several connections.
    QList<RawRequest> rejected;
    QMap<int, int> expectedCounts;
    for (const RawRequest &request : std::as_const(m_requests)) {
        const int status = statusOf(m_expected.value(request.bytes()));
        if (status >= 400) {
            rejected.append(request);
            ++expectedCounts[status];
        }
    }
    QCOMPARE(expectedCounts.value(400), 6);
    QCOMPARE(expectedCounts.value(401), 2);
    QCOMPARE(expectedCounts.value(403), 1);
    QCOMPARE(expectedCounts.value(404), 2);

    QList<QList<RawRequest>> connections;
    for (int i = 0; i < 6; ++i) {
        QList<RawRequest> requests;
        for (int repeat = 0; repeat < 5; ++repeat)
            requests += rejected;
        std::rotate(requests.begin(), requests.begin() + i, requests.end());
        connections.append(requests);
    }
    const QList<QList<QByteArray>> responses = exchange(connections, true);
    for (qsizetype i = 0; i < connections.size(); ++i) {
        QMap<int, int> counts;
        for (const QByteArray &response : responses.at(i))
            ++counts[statusOf(response)];
        for (auto it = expectedCounts.cbegin(); it != expectedCounts.cend(); ++it)
            QCOMPARE(counts.value(it.key()), it.value() * 5);
        compareWithExpected(connections.at(i), responses.at(i));
    }
}

QTEST_GUILESS_MAIN(tst_OneRosterConcurrency)
#include "tst_onerosterconcurrency.moc"
