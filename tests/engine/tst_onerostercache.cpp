// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "testdatabase.h"

#include "demo/demodistrict.h"
#include "engine.h"
#include "oneroster/credentials.h"
#include "oneroster/provider.h"
#include "oneroster/responsecache.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using hub::oneroster::ResponseCache;
using hubtest::ApiReply;

namespace {

const QString kV1p1 = QStringLiteral("/ims/oneroster/v1p1");
const QString kGradebook12 = QStringLiteral("/ims/oneroster/gradebook/v1p2");
// Reads of one URL that a test makes at most while it waits for cache hits. Commits elsewhere,
// such as another suite's on a shared PostgreSQL server, may turn any read into a miss.
constexpr int kMaxReads = 100;

// A started engine with a generated district, its admin client and a token with every scope.
struct Node
{
    QTemporaryDir dataDir;
    QString database;
    std::unique_ptr<hub::Engine> engine;
    std::unique_ptr<hubtest::ApiTestClient> admin;
    QByteArray token;
};

hub::http::Response responseWithBody(const QByteArray &body)
{
    hub::http::Response response;
    response.body = body;
    return response;
}

} // namespace

class tst_OneRosterCache final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void identicalReadIsServedFromCache();
    void commitOnAnotherConnectionIsSeen();
    void writeOnServingConnectionIsSeen();
    void gradebookWritesAreSeen();
    void districtsNeverShareEntries();
    void scopesAndSchoolYearNeverShareEntries();
    void originIsPartOfEntry();
    void headAndGetAreSeparateEntries();
    void revokedAccessIsRejectedWhenCached();
    void cachedReadsAreCounted();
    void cacheOffStoresNothing();

    void budgetEvictsLeastRecentlyUsed();
    void otherGenerationIsDropped();
    void oversizedResponseIsNotStored();
    void replacedEntryKeepsOneCopy();

private:
    struct Application
    {
        qint64 id = 0;
        QByteArray token;
    };

    // Starts an engine on a new store with a generated district of one school.
    std::unique_ptr<Node> startNode(int requestThreads, qint64 cacheBytes);
    Application createApplication(Node &node, const QJsonArray &scopes,
                                  const QJsonValue &schoolYear = QJsonValue::Null);
    Application insertApplication(Node &node, qint64 districtId, const QStringList &scopes);
    QByteArray requestToken(Node &node, const QString &clientId, const QString &secret);
    ApiReply read(const Node &node, const QByteArray &token, const QString &pathAndQuery,
                  const QByteArray &method = "GET");
    ApiReply send(const Node &node, const QByteArray &token, const QByteArray &method,
                  const QString &path, const QJsonObject &body);
    ResponseCache::Statistics statistics(Node &node) { return node.engine->oneRoster().responseCacheStatistics(); }
    // Reads the URL until a read is a cache hit, up to kMaxReads times, and returns that read
    // with the one before it.
    std::optional<std::pair<ApiReply, ApiReply>> readUntilHit(Node &node, const QByteArray &token,
                                                             const QString &pathAndQuery);
    // Sends a request with this Host header over a raw socket and returns the response's head
    // and body, or an empty array when it did not arrive within 10 seconds.
    QByteArray rawRead(const Node &node, const QByteArray &token, const QByteArray &method,
                       const QString &path, const QByteArray &host);

    std::unique_ptr<Node> m_node;
    qint64 m_otherDistrict = 0;
    int m_applicationCount = 0;
    const QByteArray m_adminToken = "oneroster-cache-test-admin-token-0123456789";
};

std::unique_ptr<Node> tst_OneRosterCache::startNode(int requestThreads, qint64 cacheBytes)
{
    auto node = std::make_unique<Node>();
    if (!node->dataDir.isValid())
        return {};
    node->database = hubtest::testDatabase(node->dataDir.filePath(QStringLiteral("hub.sqlite")));
    if (node->database.isEmpty())
        return {};
    hub::EngineOptions options;
    options.dataDir = node->dataDir.path();
    options.database = node->database;
    options.adminToken = m_adminToken;
    options.workers = 1;
    options.requestThreads = requestThreads;
    options.oneRosterCacheBytes = cacheBytes;
    node->engine = std::make_unique<hub::Engine>(options);
    auto started = node->engine->start();
    if (!started) {
        qWarning() << "Cannot start the engine:" << started.error();
        return {};
    }
    node->admin = std::make_unique<hubtest::ApiTestClient>(node->engine->baseUrl(), m_adminToken);

    hub::demo::DistrictOptions district;
    district.schools = 1;
    district.studentsPerSchool = 30;
    district.teachersPerSchool = 2;
    auto loaded = hub::demo::loadDistrict(node->engine->store().connection(),
                                          node->engine->districtId(),
                                          node->dataDir.filePath(QStringLiteral("district")),
                                          district);
    if (!loaded) {
        qWarning() << "Cannot load the district:" << loaded.error();
        return {};
    }
    node->token = createApplication(*node, QJsonArray::fromStringList(hub::oneroster::scopeNames()))
                      .token;
    if (node->token.isEmpty())
        return {};
    return node;
}

tst_OneRosterCache::Application tst_OneRosterCache::createApplication(Node &node,
                                                                      const QJsonArray &scopes,
                                                                      const QJsonValue &schoolYear)
{
    const ApiReply created = node.admin->post(
        QStringLiteral("/api/v1/oneroster/applications"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Cached App %1").arg(++m_applicationCount)},
                    {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                    {QStringLiteral("schoolYear"), schoolYear},
                    {QStringLiteral("scopes"), scopes}});
    if (created.status != 201) {
        qWarning() << "Cannot create an application:" << created.body;
        return {};
    }
    return Application{created.json[QStringLiteral("id")].toInteger(),
                       requestToken(node, created.json[QStringLiteral("clientId")].toString(),
                                    created.json[QStringLiteral("clientSecret")].toString())};
}

tst_OneRosterCache::Application tst_OneRosterCache::insertApplication(Node &node, qint64 districtId,
                                                                      const QStringList &scopes)
{
    const QByteArray clientId = hub::oneroster::newClientId();
    const QByteArray secret = hub::oneroster::newClientSecret();
    QSqlQuery insert(node.engine->store().connection());
    insert.prepare(QStringLiteral("INSERT INTO oneroster_applications(district_id, name, scopes, "
                                  "client_id, secret_hash, created_at, updated_at, "
                                  "secret_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(districtId);
    insert.addBindValue(QStringLiteral("Inserted App %1").arg(++m_applicationCount));
    insert.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(scopes)).toJson(QJsonDocument::Compact)));
    insert.addBindValue(QString::fromLatin1(clientId));
    insert.addBindValue(hub::oneroster::hashClientSecret(secret));
    const QString now = QStringLiteral("2026-01-01T00:00:00.000Z");
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec()) {
        qWarning() << "Cannot insert an application";
        return {};
    }
    return Application{insert.lastInsertId().toLongLong(),
                       requestToken(node, QString::fromLatin1(clientId), QString::fromLatin1(secret))};
}

QByteArray tst_OneRosterCache::requestToken(Node &node, const QString &clientId,
                                            const QString &secret)
{
    hubtest::ApiTestClient client(node.engine->baseUrl(), QByteArray());
    client.setAuthorization("Basic "
                            + QByteArray(QUrl::toPercentEncoding(clientId) + ':'
                                         + QUrl::toPercentEncoding(secret))
                                  .toBase64());
    const ApiReply reply = client.send("POST", QStringLiteral("/oauth/token"),
                                       "grant_type=client_credentials",
                                       "application/x-www-form-urlencoded");
    return reply.json[QStringLiteral("access_token")].toString().toLatin1();
}

ApiReply tst_OneRosterCache::read(const Node &node, const QByteArray &token,
                                  const QString &pathAndQuery, const QByteArray &method)
{
    hubtest::ApiTestClient client(node.engine->baseUrl(), token);
    return client.send(method, pathAndQuery);
}

ApiReply tst_OneRosterCache::send(const Node &node, const QByteArray &token,
                                  const QByteArray &method, const QString &path,
                                  const QJsonObject &body)
{
    hubtest::ApiTestClient client(node.engine->baseUrl(), token);
    return client.send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

std::optional<std::pair<ApiReply, ApiReply>>
tst_OneRosterCache::readUntilHit(Node &node, const QByteArray &token, const QString &pathAndQuery)
{
    ApiReply previous = read(node, token, pathAndQuery);
    for (int attempt = 1; attempt < kMaxReads; ++attempt) {
        const quint64 hits = statistics(node).hits;
        ApiReply next = read(node, token, pathAndQuery);
        if (statistics(node).hits == hits + 1)
            return std::make_pair(previous, next);
        previous = next;
    }
    return std::nullopt;
}

QByteArray tst_OneRosterCache::rawRead(const Node &node, const QByteArray &token,
                                       const QByteArray &method, const QString &path,
                                       const QByteArray &host)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, node.engine->baseUrl().port());
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + host
                 + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    QByteArray response;
    const auto complete = [&response, &method] {
        const qsizetype headEnd = response.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        if (method == "HEAD")
            return true;
        const QByteArray head = response.left(headEnd).toLower();
        const qsizetype length = head.indexOf("content-length: ");
        if (length < 0)
            return false;
        const qsizetype lineEnd = head.indexOf("\r\n", length);
        const qint64 bodySize
            = head.mid(length + 16, lineEnd < 0 ? -1 : lineEnd - length - 16).trimmed().toLongLong();
        return response.size() >= headEnd + 4 + bodySize;
    };
    connect(&socket, &QTcpSocket::readyRead, this, [&] { response += socket.readAll(); });
    if (!QTest::qWaitFor(complete, 10000))
        return {};
    return response;
}

void tst_OneRosterCache::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    m_node = startNode(2, 64 * 1024 * 1024);
    QVERIFY(m_node);

    // A second district with overlapping sourced ids, and an academic session of another
    // school year, so that the district and the school year of a caller change what it reads.
    const QSqlDatabase db = m_node->engine->store().connection();
    QSqlQuery insert(db);
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO districts(name, created_at) VALUES "
                                       "('Other District', '2026-01-01T00:00:00.000Z')")));
    m_otherDistrict = insert.lastInsertId().toLongLong();
    hub::demo::DistrictOptions other;
    other.districtName = QStringLiteral("Other District");
    other.schools = 1;
    other.studentsPerSchool = 12;
    other.teachersPerSchool = 1;
    other.seed = 7;
    auto loaded = hub::demo::loadDistrict(db, m_otherDistrict,
                                          m_node->dataDir.filePath(QStringLiteral("other")), other);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(insert.exec(QStringLiteral(
        "INSERT INTO academic_sessions(district_id, sourced_id, title, type, start_date, end_date, "
        "school_year) VALUES (%1, 'sy-2026', '2025-2026', 'schoolYear', '2025-07-01', "
        "'2026-06-30', 2026)")
                            .arg(m_node->engine->districtId())));
}

void tst_OneRosterCache::cleanupTestCase()
{
    m_node.reset();
}

void tst_OneRosterCache::identicalReadIsServedFromCache()
{
    const QString path = kV1p1 + QStringLiteral("/users?limit=7&offset=3");
    const auto reads = readUntilHit(*m_node, m_node->token, path);
    QVERIFY(reads);
    const auto &[first, second] = *reads;
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json[QStringLiteral("users")].toArray().size(), 7);
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.header("X-Total-Count"), first.header("X-Total-Count"));
    QCOMPARE(second.header("Link"), first.header("Link"));
    QCOMPARE(second.header("Content-Type"), first.header("Content-Type"));
    QVERIFY(statistics(*m_node).entries > 0);
    QVERIFY(statistics(*m_node).bytes >= second.body.size());

    // A single object is cached as well, and an error is not.
    QVERIFY(readUntilHit(*m_node, m_node->token, kV1p1 + QStringLiteral("/orgs/school-001")));
    const quint64 hits = statistics(*m_node).hits;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(read(*m_node, m_node->token, kV1p1 + QStringLiteral("/orgs/none")).status, 404);
    QCOMPARE(statistics(*m_node).hits, hits);
}

void tst_OneRosterCache::commitOnAnotherConnectionIsSeen()
{
    const QString page = kV1p1 + QStringLiteral("/users?limit=5");
    const auto before = readUntilHit(*m_node, m_node->token, page);
    QVERIFY(before);
    const QJsonObject firstUser = before->second.json[QStringLiteral("users")][0].toObject();
    const QString userId = firstUser[QStringLiteral("sourcedId")].toString();
    QVERIFY(!userId.isEmpty());
    const QString single = kV1p1 + QStringLiteral("/users/") + userId;
    QVERIFY(readUntilHit(*m_node, m_node->token, single));
    const qint64 total = before->second.header("X-Total-Count").toLongLong();
    QVERIFY(total > 0);

    // The store opened a second time, as another process would open it.
    hub::Store other(m_node->database);
    auto opened = other.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QSqlQuery update(other.connection());
    update.prepare(QStringLiteral("UPDATE users SET given_name = ? WHERE district_id = ? AND "
                                  "sourced_id = ?"));
    update.addBindValue(QStringLiteral("Renamed"));
    update.addBindValue(m_node->engine->districtId());
    update.addBindValue(userId);
    QVERIFY(update.exec());
    QCOMPARE(update.numRowsAffected(), 1);

    const ApiReply user = read(*m_node, m_node->token, single);
    QCOMPARE(user.status, 200);
    QCOMPARE(user.json[QStringLiteral("user")][QStringLiteral("givenName")].toString(),
             QStringLiteral("Renamed"));
    const ApiReply users = read(*m_node, m_node->token, page);
    QCOMPARE(users.status, 200);
    QCOMPARE(users.json[QStringLiteral("users")][0][QStringLiteral("sourcedId")].toString(), userId);
    QCOMPARE(users.json[QStringLiteral("users")][0][QStringLiteral("givenName")].toString(),
             QStringLiteral("Renamed"));

    // The total count, which the page cache keeps too, follows a new row at once.
    QSqlQuery insert(other.connection());
    insert.prepare(QStringLiteral("INSERT INTO users(district_id, sourced_id, given_name) "
                                  "VALUES (?, '000-new-user', 'Newcomer')"));
    insert.addBindValue(m_node->engine->districtId());
    QVERIFY(insert.exec());
    const ApiReply grown = read(*m_node, m_node->token, page);
    QCOMPARE(grown.status, 200);
    QCOMPARE(grown.header("X-Total-Count").toLongLong(), total + 1);
    QCOMPARE(grown.json[QStringLiteral("users")][0][QStringLiteral("sourcedId")].toString(),
             QStringLiteral("000-new-user"));

    QSqlQuery remove(other.connection());
    remove.prepare(QStringLiteral("DELETE FROM users WHERE district_id = ? AND "
                                  "sourced_id = '000-new-user'"));
    remove.addBindValue(m_node->engine->districtId());
    QVERIFY(remove.exec());
    const ApiReply shrunk = read(*m_node, m_node->token, page);
    QCOMPARE(shrunk.header("X-Total-Count").toLongLong(), total);
    QCOMPARE(shrunk.json[QStringLiteral("users")][0][QStringLiteral("sourcedId")].toString(), userId);
}

void tst_OneRosterCache::writeOnServingConnectionIsSeen()
{
    // Without request threads, reads run on the thread whose connection this test writes with,
    // and a connection's data_version does not change for its own commits.
    auto node = startNode(0, 8 * 1024 * 1024);
    QVERIFY(node);
    const QString path = kV1p1 + QStringLiteral("/orgs/school-001");
    const auto before = readUntilHit(*node, node->token, path);
    QVERIFY(before);
    QVERIFY(before->second.json[QStringLiteral("org")][QStringLiteral("name")].toString()
            != QStringLiteral("Renamed School"));

    QSqlQuery update(node->engine->store().connection());
    update.prepare(QStringLiteral("UPDATE orgs SET name = 'Renamed School' WHERE district_id = ? "
                                  "AND sourced_id = 'school-001'"));
    update.addBindValue(node->engine->districtId());
    QVERIFY(update.exec());
    QCOMPARE(update.numRowsAffected(), 1);
    const ApiReply after = read(*node, node->token, path);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json[QStringLiteral("org")][QStringLiteral("name")].toString(),
             QStringLiteral("Renamed School"));
}

void tst_OneRosterCache::gradebookWritesAreSeen()
{
    const QString item = kGradebook12 + QStringLiteral("/categories/cat-cached");
    const QString list = kGradebook12 + QStringLiteral("/categories?filter=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("sourcedId='cat-cached'")));
    const auto category = [](const char *title) {
        return QJsonObject{{QStringLiteral("category"),
                            QJsonObject{{QStringLiteral("title"), QLatin1String(title)},
                                        {QStringLiteral("status"), QStringLiteral("active")}}}};
    };
    QCOMPARE(send(*m_node, m_node->token, "PUT", item, category("Quizzes")).status, 201);
    const auto stored = readUntilHit(*m_node, m_node->token, item);
    QVERIFY(stored);
    QCOMPARE(stored->second.json[QStringLiteral("category")][QStringLiteral("title")].toString(),
             QStringLiteral("Quizzes"));
    const auto listed = readUntilHit(*m_node, m_node->token, list);
    QVERIFY(listed);
    QCOMPARE(listed->second.header("X-Total-Count").toLongLong(), 1);

    QCOMPARE(send(*m_node, m_node->token, "PUT", item, category("Tests")).status, 200);
    const ApiReply changed = read(*m_node, m_node->token, item);
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json[QStringLiteral("category")][QStringLiteral("title")].toString(),
             QStringLiteral("Tests"));
    const ApiReply changedList = read(*m_node, m_node->token, list);
    QCOMPARE(changedList.json[QStringLiteral("categories")][0][QStringLiteral("title")].toString(),
             QStringLiteral("Tests"));

    QCOMPARE(send(*m_node, m_node->token, "DELETE", item, {}).status, 204);
    QCOMPARE(read(*m_node, m_node->token, item).status, 404);
    const ApiReply emptied = read(*m_node, m_node->token, list);
    QCOMPARE(emptied.status, 200);
    QCOMPARE(emptied.header("X-Total-Count").toLongLong(), 0);
    QCOMPARE(emptied.json[QStringLiteral("categories")].toArray().size(), 0);
}

void tst_OneRosterCache::districtsNeverShareEntries()
{
    const Application other = insertApplication(*m_node, m_otherDistrict, hub::oneroster::scopeNames());
    QVERIFY(!other.token.isEmpty());
    const QString path = kV1p1 + QStringLiteral("/students?limit=100");
    const auto own = readUntilHit(*m_node, m_node->token, path);
    QVERIFY(own);
    const auto foreign = readUntilHit(*m_node, other.token, path);
    QVERIFY(foreign);
    QCOMPARE(own->second.header("X-Total-Count").toLongLong(), 30);
    QCOMPARE(foreign->second.header("X-Total-Count").toLongLong(), 12);
    QCOMPARE(foreign->second.json[QStringLiteral("users")].toArray().size(), 12);
    // Each district's entry is still its own after the other one was read.
    QCOMPARE(read(*m_node, m_node->token, path).header("X-Total-Count").toLongLong(), 30);
    QCOMPARE(read(*m_node, other.token, path).header("X-Total-Count").toLongLong(), 12);
}

void tst_OneRosterCache::scopesAndSchoolYearNeverShareEntries()
{
    const QString sessions = kV1p1 + QStringLiteral("/academicSessions");
    const Application everyYear = createApplication(*m_node, {QStringLiteral("roster-core.readonly")});
    const Application oneYear = createApplication(*m_node, {QStringLiteral("roster-core.readonly")}, 2027);
    const Application wider = createApplication(
        *m_node, {QStringLiteral("roster-core.readonly"), QStringLiteral("resource.readonly")});
    QVERIFY(!everyYear.token.isEmpty());
    QVERIFY(!oneYear.token.isEmpty());
    QVERIFY(!wider.token.isEmpty());

    const auto all = readUntilHit(*m_node, everyYear.token, sessions);
    QVERIFY(all);
    const auto year = readUntilHit(*m_node, oneYear.token, sessions);
    QVERIFY(year);
    const qint64 allCount = all->second.header("X-Total-Count").toLongLong();
    QCOMPARE(year->second.header("X-Total-Count").toLongLong(), allCount - 1);
    QCOMPARE(read(*m_node, everyYear.token, sessions).header("X-Total-Count").toLongLong(), allCount);

    // Two applications of one district and school year share the entry of equal scopes only.
    const Application same = createApplication(*m_node, {QStringLiteral("roster-core.readonly")});
    QVERIFY(readUntilHit(*m_node, everyYear.token, sessions));
    quint64 hits = statistics(*m_node).hits;
    QCOMPARE(read(*m_node, same.token, sessions).body, all->second.body);
    // On PostgreSQL another suite's commit may turn the read into a miss.
    if (!hubtest::onPostgres())
        QCOMPARE(statistics(*m_node).hits, hits + 1);
    QVERIFY(readUntilHit(*m_node, everyYear.token, sessions));
    hits = statistics(*m_node).hits;
    const ApiReply widerRead = read(*m_node, wider.token, sessions);
    QCOMPARE(widerRead.status, 200);
    QCOMPARE(statistics(*m_node).hits, hits);
}

void tst_OneRosterCache::originIsPartOfEntry()
{
    // A school's parent is a reference with an href, which starts with the request's origin.
    const QString path = kV1p1 + QStringLiteral("/schools?limit=1");
    const QByteArray first = rawRead(*m_node, m_node->token, "GET", path, "hub-a.example:8443");
    const QByteArray second = rawRead(*m_node, m_node->token, "GET", path, "hub-b.example");
    const QByteArray firstAgain = rawRead(*m_node, m_node->token, "GET", path, "hub-a.example:8443");
    QVERIFY2(first.startsWith("HTTP/1.1 200"), first.constData());
    QVERIFY2(first.contains("\"href\":\"http://hub-a.example:8443/ims/oneroster/v1p1/"),
             first.constData());
    QVERIFY2(!first.contains("hub-b.example"), first.constData());
    QVERIFY2(second.contains("\"href\":\"http://hub-b.example/ims/oneroster/v1p1/"),
             second.constData());
    QVERIFY2(!second.contains("hub-a.example"), second.constData());
    QCOMPARE(firstAgain, first);
}

void tst_OneRosterCache::headAndGetAreSeparateEntries()
{
    const QString path = kV1p1 + QStringLiteral("/courses?limit=2");
    const auto reads = readUntilHit(*m_node, m_node->token, path);
    QVERIFY(reads);
    QCOMPARE(reads->second.json[QStringLiteral("courses")].toArray().size(), 2);
    const quint64 hits = statistics(*m_node).hits;
    const QByteArray host = m_node->engine->baseUrl().authority().toUtf8();
    const QByteArray head = rawRead(*m_node, m_node->token, "HEAD", path, host);
    QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
    QVERIFY2(head.endsWith("\r\n\r\n"), head.constData());
    const QByteArray length
        = "\r\nContent-Length: " + QByteArray::number(reads->second.body.size()) + "\r\n";
    QVERIFY2(head.contains(length), head.constData());
    const QByteArray total = "\r\nX-Total-Count: " + reads->second.header("X-Total-Count") + "\r\n";
    QVERIFY2(head.contains(total), head.constData());
    if (!hubtest::onPostgres())
        QCOMPARE(statistics(*m_node).hits, hits);
}

void tst_OneRosterCache::revokedAccessIsRejectedWhenCached()
{
    const QString path = kV1p1 + QStringLiteral("/users?limit=3");
    const QString base = QStringLiteral("/api/v1/oneroster/applications/%1");

    // A deactivated application.
    const Application deactivated = createApplication(*m_node, {QStringLiteral("roster-core.readonly")});
    QVERIFY(readUntilHit(*m_node, deactivated.token, path));
    const ApiReply updated = m_node->admin->put(
        base.arg(deactivated.id),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Deactivated App")},
                    {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                    {QStringLiteral("schoolYear"), QJsonValue::Null},
                    {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}},
                    {QStringLiteral("active"), false}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(read(*m_node, deactivated.token, path).status, 401);

    // A token revoked by a new secret.
    const Application reset = createApplication(*m_node, {QStringLiteral("roster-core.readonly")});
    QVERIFY(readUntilHit(*m_node, reset.token, path));
    QCOMPARE(m_node->admin->post(base.arg(reset.id) + QStringLiteral("/secret")).status, 200);
    QCOMPARE(read(*m_node, reset.token, path).status, 401);

    // A scope that the district removed.
    const Application narrowed = createApplication(*m_node, {QStringLiteral("roster-core.readonly")});
    QVERIFY(readUntilHit(*m_node, narrowed.token, path));
    const ApiReply rescoped = m_node->admin->put(
        base.arg(narrowed.id),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Narrowed App")},
                    {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                    {QStringLiteral("schoolYear"), QJsonValue::Null},
                    {QStringLiteral("scopes"), QJsonArray{QStringLiteral("gradebook.readonly")}},
                    {QStringLiteral("active"), true}});
    QCOMPARE(rescoped.status, 200);
    QCOMPARE(read(*m_node, narrowed.token, path).status, 403);

    // A token that never existed, on the cached URL.
    QCOMPARE(read(*m_node, "not-a-token", path).status, 401);
}

void tst_OneRosterCache::cachedReadsAreCounted()
{
    const Application app = createApplication(*m_node, {QStringLiteral("roster-core.readonly")});
    const QString path = kV1p1 + QStringLiteral("/schools");
    // Reads until two reads were hits, up to kMaxReads times.
    const quint64 hitsBefore = statistics(*m_node).hits;
    qint64 reads = 0;
    qint64 bodySize = -1;
    while (reads < kMaxReads && statistics(*m_node).hits < hitsBefore + 2) {
        const ApiReply reply = read(*m_node, app.token, path);
        QCOMPARE(reply.status, 200);
        QVERIFY(bodySize < 0 || reply.body.size() == bodySize);
        bodySize = reply.body.size();
        ++reads;
    }
    QCOMPARE(statistics(*m_node).hits, hitsBefore + 2);
    m_node->engine->oneRoster().flushActivity();

    const ApiReply activity = m_node->admin->get(QStringLiteral("/api/v1/oneroster/activity"));
    QCOMPARE(activity.status, 200);
    qint64 requests = 0;
    qint64 bytes = 0;
    for (const QJsonValue &line : activity.json[QStringLiteral("activity")].toArray()) {
        if (line[QStringLiteral("applicationId")].toInteger() == app.id) {
            requests += line[QStringLiteral("requests")].toInteger();
            bytes += line[QStringLiteral("bytes")].toInteger();
        }
    }
    QCOMPARE(requests, reads);
    QCOMPARE(bytes, reads * bodySize);
}

void tst_OneRosterCache::cacheOffStoresNothing()
{
    auto node = startNode(2, 0);
    QVERIFY(node);
    const QString path = kV1p1 + QStringLiteral("/users?limit=4");
    const ApiReply first = read(*node, node->token, path);
    const ApiReply second = read(*node, node->token, path);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.body, first.body);
    const ResponseCache::Statistics statistics = node->engine->oneRoster().responseCacheStatistics();
    QCOMPARE(statistics.hits, quint64(0));
    QCOMPARE(statistics.entries, qint64(0));
    QCOMPARE(statistics.bytes, qint64(0));
}

void tst_OneRosterCache::budgetEvictsLeastRecentlyUsed()
{
    // One shard, so that every key competes for the same budget: room for two entries of
    // 2,000 body bytes and their overhead, not three.
    ResponseCache cache(5000, 1);
    const QByteArray body(2000, 'x');
    cache.insert("a", 1, responseWithBody(body));
    cache.insert("b", 1, responseWithBody(body));
    QVERIFY(cache.find("a", 1)); // "a" is now used more recently than "b".
    cache.insert("c", 1, responseWithBody(body));

    QVERIFY(cache.find("a", 1));
    QVERIFY(!cache.find("b", 1));
    QVERIFY(cache.find("c", 1));
    const ResponseCache::Statistics statistics = cache.statistics();
    QCOMPARE(statistics.entries, qint64(2));
    QVERIFY(statistics.bytes <= 5000);
    QVERIFY(statistics.bytes >= 4000);
    QCOMPARE(statistics.hits, quint64(3));
    QCOMPARE(statistics.misses, quint64(1));
}

void tst_OneRosterCache::otherGenerationIsDropped()
{
    ResponseCache cache(1024 * 1024);
    hub::http::Response response = responseWithBody("{\"users\":[]}");
    response.headers.append(qMakePair(QByteArray("X-Total-Count"), QByteArray("0")));
    cache.insert("users", 4, response);
    const auto found = cache.find("users", 4);
    QVERIFY(found);
    QCOMPARE(found->body, response.body);
    QCOMPARE(found->headers, response.headers);
    QCOMPARE(found->status, 200);

    QVERIFY(!cache.find("users", 5));
    QCOMPARE(cache.statistics().entries, qint64(0));
    // The entry is gone, so the old generation does not find it either.
    QVERIFY(!cache.find("users", 4));
    QCOMPARE(cache.statistics().bytes, qint64(0));
}

void tst_OneRosterCache::oversizedResponseIsNotStored()
{
    ResponseCache cache(8 * 4096, 8);
    cache.insert("large", 1, responseWithBody(QByteArray(5000, 'x')));
    QVERIFY(!cache.find("large", 1));
    QCOMPARE(cache.statistics().entries, qint64(0));
    cache.insert("small", 1, responseWithBody(QByteArray(1000, 'x')));
    QVERIFY(cache.find("small", 1));

    ResponseCache off(0);
    QVERIFY(!off.isEnabled());
    off.insert("small", 1, responseWithBody(QByteArray(10, 'x')));
    QVERIFY(!off.find("small", 1));
    QCOMPARE(off.statistics().entries, qint64(0));
}

void tst_OneRosterCache::replacedEntryKeepsOneCopy()
{
    ResponseCache cache(1024 * 1024, 1);
    cache.insert("page", 1, responseWithBody(QByteArray(1000, 'a')));
    const qint64 bytes = cache.statistics().bytes;
    cache.insert("page", 2, responseWithBody(QByteArray(1000, 'b')));
    QCOMPARE(cache.statistics().entries, qint64(1));
    QCOMPARE(cache.statistics().bytes, bytes);
    const auto found = cache.find("page", 2);
    QVERIFY(found);
    QCOMPARE(found->body, QByteArray(1000, 'b'));
}

QTEST_MAIN(tst_OneRosterCache)
#include "tst_onerostercache.moc"
