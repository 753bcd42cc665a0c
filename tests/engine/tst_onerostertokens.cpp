// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Token issuance and activity counting while another connection holds SQLite's write lock, as
// a long inbound load does, and the synchronous token insert on PostgreSQL.

#include "apitestclient.h"
#include "testdatabase.h"

#include "demo/demodistrict.h"
#include "engine.h"
#include "oneroster/credentials.h"
#include "oneroster/provider.h"
#include "store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;

namespace {

const QString kV1p1 = QStringLiteral("/ims/oneroster/v1p1");
const QString kLockConnection = QStringLiteral("tokens-write-lock");

// The maximum number of pending tokens of the suite's engine, small enough to fill.
constexpr int kMaxPendingTokens = 3;

// Collects every log message, from any thread, while it exists.
class LogCapture
{
public:
    LogCapture()
    {
        s_capture = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_capture = nullptr;
    }
    Q_DISABLE_COPY_MOVE(LogCapture)

    QStringList messages() const
    {
        QMutexLocker locker(&m_mutex);
        return m_messages;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        LogCapture *capture = s_capture;
        if (!capture)
            return;
        {
            QMutexLocker locker(&capture->m_mutex);
            capture->m_messages.append(message);
        }
        if (capture->m_previous)
            capture->m_previous(type, context, message);
    }

    static inline LogCapture *s_capture = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_messages;
};

} // namespace

class tst_OneRosterTokens final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void tokenIssuedWhileStoreLocked();
    void pendingTokenRejectedAfterSecretReset();
    void pendingTokenRejectedAfterDeactivation();
    void pendingTokenLosesRemovedScope();
    void pendingTokenOfDeletedApplication();
    void fullPendingMapAnswers503();
    void activityWrittenAfterLockReleased();
    void failedWritesAreRetried();
    void tokenStoredBeforeResponseOnPostgres();
    void shutdownStoresPendingWrites();
    void shutdownLogsWritesThatFail();

private:
    struct Application
    {
        qint64 id = 0;
        QString clientId;
        QString secret;
    };

    bool startEngine(const QString &database);
    Application createApplication(const QStringList &scopes);
    ApiReply requestToken(const Application &application);
    QByteArray tokenOf(const Application &application);
    ApiReply read(const QByteArray &token, const QString &path);
    bool updateApplication(const Application &application, const QStringList &scopes, bool active);
    // Takes SQLite's write lock on the engine's store from a connection of the test's own.
    bool lockStore();
    void unlockStore();
    qint64 storedTokenCount(qint64 applicationId);
    qint64 activityRequests(qint64 applicationId);
    // Makes every insert into table fail until dropRejectTrigger(), by a trigger.
    bool addRejectTrigger(const QString &table);
    bool dropRejectTrigger(const QString &table);

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_admin;
    int m_applicationCount = 0;
    const QByteArray m_adminToken = "oneroster-tokens-test-admin-token-0123456789";
};

void tst_OneRosterTokens::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database
        = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    QVERIFY(startEngine(database));

    hub::demo::DistrictOptions district;
    district.schools = 1;
    district.studentsPerSchool = 20;
    district.teachersPerSchool = 2;
    auto loaded = hub::demo::loadDistrict(m_engine->store().connection(), m_engine->districtId(),
                                          m_dataDir.filePath(QStringLiteral("district")),
                                          district);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
}

bool tst_OneRosterTokens::startEngine(const QString &database)
{
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = database;
    options.adminToken = m_adminToken;
    options.workers = 1;
    options.oneRosterMaxPendingTokens = kMaxPendingTokens;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    if (!started) {
        qWarning() << "Cannot start the engine:" << started.error();
        return false;
    }
    m_admin = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_adminToken);
    return true;
}

void tst_OneRosterTokens::cleanupTestCase()
{
    m_admin.reset();
    m_engine.reset();
}

void tst_OneRosterTokens::cleanup()
{
    // A failed test may leave the lock held or the writer paused.
    unlockStore();
    if (m_engine)
        m_engine->oneRoster().setWriterPaused(false);
}

tst_OneRosterTokens::Application tst_OneRosterTokens::createApplication(const QStringList &scopes)
{
    const ApiReply reply = m_admin->post(
        QStringLiteral("/api/v1/oneroster/applications"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Token App %1").arg(++m_applicationCount)},
                    {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}});
    if (reply.status != 201)
        qWarning() << "Cannot create an application:" << reply.body;
    return Application{reply.json[QStringLiteral("id")].toInteger(),
                       reply.json[QStringLiteral("clientId")].toString(),
                       reply.json[QStringLiteral("clientSecret")].toString()};
}

ApiReply tst_OneRosterTokens::requestToken(const Application &application)
{
    hubtest::ApiTestClient client(m_engine->baseUrl(), {});
    client.setAuthorization("Basic "
                            + QByteArray(QUrl::toPercentEncoding(application.clientId) + ':'
                                         + QUrl::toPercentEncoding(application.secret))
                                  .toBase64());
    return client.send("POST", QStringLiteral("/oauth/token"), "grant_type=client_credentials",
                       "application/x-www-form-urlencoded");
}

QByteArray tst_OneRosterTokens::tokenOf(const Application &application)
{
    const ApiReply reply = requestToken(application);
    if (reply.status != 200)
        qWarning() << "Cannot get a token:" << reply.status << reply.body;
    return reply.json[QStringLiteral("access_token")].toString().toLatin1();
}

ApiReply tst_OneRosterTokens::read(const QByteArray &token, const QString &path)
{
    hubtest::ApiTestClient client(m_engine->baseUrl(), token);
    return client.get(path);
}

bool tst_OneRosterTokens::updateApplication(const Application &application,
                                            const QStringList &scopes, bool active)
{
    const ApiReply reply = m_admin->put(
        QStringLiteral("/api/v1/oneroster/applications/%1").arg(application.id),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Changed App %1").arg(application.id)},
                    {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                    {QStringLiteral("active"), active}});
    if (reply.status != 200)
        qWarning() << "Cannot update application" << application.id << reply.body;
    return reply.status == 200;
}

bool tst_OneRosterTokens::lockStore()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kLockConnection);
    db.setDatabaseName(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    if (!db.open())
        return false;
    QSqlQuery lock(db);
    if (!lock.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qWarning() << "Cannot take the write lock:" << lock.lastError().text();
        return false;
    }
    return true;
}

void tst_OneRosterTokens::unlockStore()
{
    if (!QSqlDatabase::contains(kLockConnection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(kLockConnection, false);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        db.close();
    }
    QSqlDatabase::removeDatabase(kLockConnection);
}

qint64 tst_OneRosterTokens::storedTokenCount(qint64 applicationId)
{
    // The engine's connection on this thread. In WAL mode, reads do not wait for the write lock.
    QSqlQuery query(m_engine->store().connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM oneroster_tokens WHERE application_id = ?"));
    query.addBindValue(applicationId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 tst_OneRosterTokens::activityRequests(qint64 applicationId)
{
    QSqlQuery query(m_engine->store().connection());
    query.prepare(QStringLiteral("SELECT coalesce(sum(requests), 0) FROM oneroster_activity "
                                 "WHERE application_id = ?"));
    query.addBindValue(applicationId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool tst_OneRosterTokens::addRejectTrigger(const QString &table)
{
    QSqlQuery query(m_engine->store().connection());
    if (query.exec(QStringLiteral("CREATE TRIGGER reject_%1 BEFORE INSERT ON %1 BEGIN "
                                  "SELECT RAISE(ABORT, 'rejected by the test'); END")
                       .arg(table)))
        return true;
    qWarning() << "Cannot create the trigger:" << query.lastError().text();
    return false;
}

bool tst_OneRosterTokens::dropRejectTrigger(const QString &table)
{
    QSqlQuery query(m_engine->store().connection());
    return query.exec(QStringLiteral("DROP TRIGGER IF EXISTS reject_%1").arg(table));
}

void tst_OneRosterTokens::tokenIssuedWhileStoreLocked()
{
    HUB_SQLITE_ONLY("the test holds SQLite's write lock on the file");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    QVERIFY(app.id > 0);
    QVERIFY(lockStore());

    const ApiReply issued = requestToken(app);
    QCOMPARE(issued.status, 200);
    const QByteArray token = issued.json[QStringLiteral("access_token")].toString().toLatin1();
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_engine->oneRoster().pendingTokenCount(), 1);
    QCOMPARE(storedTokenCount(app.id), 0);

    // The token reads data while its row waits for the lock.
    const ApiReply orgs = read(token, kV1p1 + QStringLiteral("/orgs"));
    QCOMPARE(orgs.status, 200);
    QVERIFY(!orgs.json[QStringLiteral("orgs")].toArray().isEmpty());
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/categories")).status, 403);
    QCOMPARE(read("not-a-token", kV1p1 + QStringLiteral("/orgs")).status, 401);

    unlockStore();
    QTRY_COMPARE_WITH_TIMEOUT(storedTokenCount(app.id), 1, 40000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 10000);
    // Now the token is found by its stored row.
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);
}

void tst_OneRosterTokens::pendingTokenRejectedAfterSecretReset()
{
    HUB_SQLITE_ONLY("tokens are pending only on SQLite");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    m_engine->oneRoster().setWriterPaused(true);
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_engine->oneRoster().pendingTokenCount(), 1);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);

    const ApiReply reset = m_admin->post(
        QStringLiteral("/api/v1/oneroster/applications/%1/secret").arg(app.id));
    QCOMPARE(reset.status, 200);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 401);

    // The writer drops the token instead of storing it.
    m_engine->oneRoster().setWriterPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 40000);
    QCOMPARE(storedTokenCount(app.id), 0);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 401);
}

void tst_OneRosterTokens::pendingTokenRejectedAfterDeactivation()
{
    HUB_SQLITE_ONLY("tokens are pending only on SQLite");
    const QStringList scopes{QStringLiteral("roster-core.readonly")};
    const Application app = createApplication(scopes);
    m_engine->oneRoster().setWriterPaused(true);
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);

    QVERIFY(updateApplication(app, scopes, false));
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 401);
    // Activated again, with the same secret, the application still rejects the token, as it
    // rejects a stored one.
    QVERIFY(updateApplication(app, scopes, true));
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 401);

    m_engine->oneRoster().setWriterPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 40000);
    QCOMPARE(storedTokenCount(app.id), 0);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 401);
}

void tst_OneRosterTokens::pendingTokenLosesRemovedScope()
{
    HUB_SQLITE_ONLY("tokens are pending only on SQLite");
    const Application app = createApplication(
        {QStringLiteral("roster-core.readonly"), QStringLiteral("roster.readonly")});
    m_engine->oneRoster().setWriterPaused(true);
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    const ApiReply classes = read(token, kV1p1 + QStringLiteral("/classes?limit=1"));
    QCOMPARE(classes.status, 200);
    const QString classId
        = classes.json[QStringLiteral("classes")].toArray().at(0)[QStringLiteral("sourcedId")].toString();
    QVERIFY(!classId.isEmpty());
    const QString students = kV1p1 + QStringLiteral("/classes/%1/students").arg(classId);
    QCOMPARE(read(token, students).status, 200);

    QVERIFY(updateApplication(app, {QStringLiteral("roster-core.readonly")}, true));
    QCOMPARE(read(token, students).status, 403);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/classes")).status, 200);

    // Stored, the token keeps the scopes it was issued with, and the removed one stays out.
    m_engine->oneRoster().setWriterPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(storedTokenCount(app.id), 1, 40000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 10000);
    QCOMPARE(read(token, students).status, 403);
    QVERIFY(updateApplication(app, {QStringLiteral("roster-core.readonly"), QStringLiteral("roster.readonly")}, true));
    QCOMPARE(read(token, students).status, 200);
}

void tst_OneRosterTokens::pendingTokenOfDeletedApplication()
{
    HUB_SQLITE_ONLY("tokens are pending only on SQLite");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    m_engine->oneRoster().setWriterPaused(true);
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_admin->send("DELETE", QStringLiteral("/api/v1/oneroster/applications/%1").arg(app.id)).status,
             204);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 401);

    m_engine->oneRoster().setWriterPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 40000);
    QCOMPARE(storedTokenCount(app.id), 0);
}

void tst_OneRosterTokens::fullPendingMapAnswers503()
{
    HUB_SQLITE_ONLY("tokens are pending only on SQLite");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    m_engine->oneRoster().setWriterPaused(true);
    QList<QByteArray> tokens;
    for (int i = 0; i < kMaxPendingTokens; ++i) {
        const ApiReply issued = requestToken(app);
        QCOMPARE(issued.status, 200);
        tokens.append(issued.json[QStringLiteral("access_token")].toString().toLatin1());
    }
    QCOMPARE(m_engine->oneRoster().pendingTokenCount(), kMaxPendingTokens);

    const ApiReply rejected = requestToken(app);
    QCOMPARE(rejected.status, 503);
    QCOMPARE(rejected.json[QStringLiteral("error")].toString(), QStringLiteral("temporarily_unavailable"));
    QCOMPARE(rejected.header("Retry-After"), QByteArray("5"));
    QCOMPARE(m_engine->oneRoster().pendingTokenCount(), kMaxPendingTokens);
    for (const QByteArray &token : std::as_const(tokens))
        QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);

    m_engine->oneRoster().setWriterPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 40000);
    QCOMPARE(storedTokenCount(app.id), kMaxPendingTokens);
    QCOMPARE(requestToken(app).status, 200);
    for (const QByteArray &token : std::as_const(tokens))
        QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);
}

void tst_OneRosterTokens::activityWrittenAfterLockReleased()
{
    HUB_SQLITE_ONLY("the test holds SQLite's write lock on the file");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(storedTokenCount(app.id), 1, 40000);
    QVERIFY(lockStore());

    for (int i = 0; i < 3; ++i)
        QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);
    // The writer thread now waits for the lock, and the HTTP thread goes on serving requests.
    m_engine->oneRoster().startActivityFlush();
    for (int i = 0; i < 2; ++i)
        QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);
    QCOMPARE(m_admin->get(QStringLiteral("/api/v1/oneroster/applications")).status, 200);
    QCOMPARE(m_admin->get(QStringLiteral("/api/v1/oneroster/activity")).status, 200);
    QCOMPARE(activityRequests(app.id), 0);

    unlockStore();
    // The flush that waited for the lock writes at least the first three requests.
    QTRY_VERIFY_WITH_TIMEOUT(activityRequests(app.id) >= 3, 40000);
    m_engine->oneRoster().flushActivity();
    QCOMPARE(activityRequests(app.id), 5);
}

void tst_OneRosterTokens::failedWritesAreRetried()
{
    HUB_SQLITE_ONLY("the test makes the writes fail with a SQLite trigger");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    const LogCapture log;
    QVERIFY(addRejectTrigger(QStringLiteral("oneroster_tokens")));
    QVERIFY(addRejectTrigger(QStringLiteral("oneroster_activity")));

    const ApiReply issued = requestToken(app);
    QCOMPARE(issued.status, 200);
    const QByteArray token = issued.json[QStringLiteral("access_token")].toString().toLatin1();
    const QString failure = QStringLiteral("Cannot store 1 access token of application %1; "
                                           "retrying in 1 s")
                                .arg(app.id);
    QTRY_VERIFY_WITH_TIMEOUT(log.messages().join(QLatin1Char('\n')).contains(failure), 10000);
    // The token works while its insert waits for the retry.
    QCOMPARE(m_engine->oneRoster().pendingTokenCount(), 1);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);

    m_engine->oneRoster().flushActivity();
    QVERIFY(log.messages().join(QLatin1Char('\n')).contains(
        QStringLiteral("Cannot write the OneRoster activity; retrying in 1 s")));
    QCOMPARE(activityRequests(app.id), 0);

    QVERIFY(dropRejectTrigger(QStringLiteral("oneroster_tokens")));
    QVERIFY(dropRejectTrigger(QStringLiteral("oneroster_activity")));
    QTRY_COMPARE_WITH_TIMEOUT(storedTokenCount(app.id), 1, 70000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->oneRoster().pendingTokenCount(), 0, 10000);
    // The counts of the failed write are kept for the retry.
    QTRY_COMPARE_WITH_TIMEOUT(activityRequests(app.id), 1, 70000);

    // Neither the token nor its hash appears in the log.
    const QString hash = hub::oneroster::accessTokenHash(token);
    for (const QString &message : log.messages()) {
        QVERIFY2(!message.contains(QString::fromLatin1(token)), qPrintable(message));
        QVERIFY2(!message.contains(hash), qPrintable(message));
    }
}

void tst_OneRosterTokens::tokenStoredBeforeResponseOnPostgres()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: SQLite stores tokens after the response");
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_engine->oneRoster().pendingTokenCount(), 0);
    QCOMPARE(storedTokenCount(app.id), 1);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);
}

void tst_OneRosterTokens::shutdownStoresPendingWrites()
{
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    m_engine->oneRoster().setWriterPaused(true);
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    for (int i = 0; i < 2; ++i)
        QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);

    // Stopping the engine writes what the paused writer held back, then closes the store.
    m_admin.reset();
    const QString database = m_engine->store().path();
    m_engine.reset();
    hub::Store store(database);
    QVERIFY(store.open().ok());
    auto tokens = hub::selectValue(store.connection(),
                                   QStringLiteral("SELECT count(*) FROM oneroster_tokens "
                                                  "WHERE application_id = ?"),
                                   {app.id});
    QVERIFY2(tokens.ok(), qPrintable(tokens.error()));
    QCOMPARE(tokens->toLongLong(), 1);
    auto requests = hub::selectValue(store.connection(),
                                     QStringLiteral("SELECT sum(requests) FROM oneroster_activity "
                                                    "WHERE application_id = ?"),
                                     {app.id});
    QVERIFY2(requests.ok(), qPrintable(requests.error()));
    QCOMPARE(requests->toLongLong(), 2);
    store.releaseThreadConnection();
}

void tst_OneRosterTokens::shutdownLogsWritesThatFail()
{
    HUB_SQLITE_ONLY("the test makes the writes fail with a SQLite trigger");
    QVERIFY(startEngine(m_dataDir.filePath(QStringLiteral("hub.sqlite"))));
    const Application app = createApplication({QStringLiteral("roster-core.readonly")});
    QVERIFY(addRejectTrigger(QStringLiteral("oneroster_tokens")));
    QVERIFY(addRejectTrigger(QStringLiteral("oneroster_activity")));
    m_engine->oneRoster().setWriterPaused(true);
    const QByteArray token = tokenOf(app);
    QVERIFY(!token.isEmpty());
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);

    const LogCapture log;
    m_admin.reset();
    m_engine.reset();
    const QString messages = log.messages().join(QLatin1Char('\n'));
    QVERIFY2(messages.contains(QStringLiteral("Cannot store 1 access token of application %1 "
                                              "before the engine stops")
                                   .arg(app.id)),
             qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("Cannot write the OneRoster activity before the "
                                              "engine stops")),
             qPrintable(messages));

    hub::Store store(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(store.open().ok());
    auto tokens = hub::selectValue(store.connection(),
                                   QStringLiteral("SELECT count(*) FROM oneroster_tokens "
                                                  "WHERE application_id = ?"),
                                   {app.id});
    QVERIFY2(tokens.ok(), qPrintable(tokens.error()));
    QCOMPARE(tokens->toLongLong(), 0);
    store.releaseThreadConnection();
}

QTEST_MAIN(tst_OneRosterTokens)
#include "tst_onerostertokens.moc"
