// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Accounts, sessions, roles and districts through the admin API of an in-process engine with
// two districts that both have destinations, integrations, runs and blackout windows.

#include "apitestclient.h"
#include "testdatabase.h"

#include "accounts/accounts.h"
#include "accounts/passwords.h"
#include "api/adminapi.h"
#include "core/timeutil.h"
#include "engine.h"
#include "http/router.h"
#include "store/store.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using hubtest::ApiReply;
using hubtest::ApiTestClient;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");
const QByteArray kAdminToken = "accounts-test-admin-token-0123456789";

// Ids of one district's records, for the crossing attempts.
struct DistrictRecords
{
    qint64 district = 0;
    qint64 destination = 0;
    qint64 integration = 0;
    qint64 apiIntegration = 0; // a PowerSchool OneRoster pull with a sealed client secret
    qint64 run = 0;
    qint64 blackout = 0;
    qint64 administrator = 0; // the account id of the district's administrator
};

} // namespace

class tst_Accounts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void passwordHashIsArgon2id();
    void signInReturnsTokens();
    void wrongPasswordIsRejected_data();
    void wrongPasswordIsRejected();
    void signInBodyIsValidated_data();
    void signInBodyIsValidated();
    void failuresSlowDownThenLock();
    void expiredTokenIsRejected();
    void refreshRotatesTokens();
    void signOutRevokesSession();
    void forgedTokensAreRejected_data();
    void forgedTokensAreRejected();
    void disabledAccountIsSignedOut();
    void districtHeaderSelectsDistrict();
    void everyRouteChecksEveryRole_data();
    void everyRouteChecksEveryRole();
    void otherDistrictIdsGiveNotFound_data();
    void otherDistrictIdsGiveNotFound();
    void listsShowOwnDistrictOnly();
    void notificationSettingsStayInDistrict();
    void filtersCannotReachOtherDistrict();
    void runVersionIgnoresOtherDistrict();
    void runListMaxIdIsDistrictOwn();
    void bodiesCannotReachOtherDistrict();
    void connectorsStayInDistrict();
    void districtAdministratorManagesUsers();
    void sharedAccountNeedsStatewide();
    void statewideGrantsAndRevokesDistricts();
    void membershipChangesAreRejected();
    void ownAccountCannotBeLowered();
    void districtLifecycle();
    void districtValidation_data();
    void districtValidation();
    void deactivatedDistrictIsClosed();
    void districtTimeZoneIsUsed();
    void auditNamesTheUser();

private:
    qint64 createAccount(const QString &name, const QString &role, qint64 district);
    QByteArray signIn(const QString &name);
    void renewTokens();
    ApiReply signInReply(const QString &name, const QString &password);
    DistrictRecords seedDistrict(qint64 district, const QString &prefix);
    ApiTestClient &client(const QByteArray &token, const QByteArray &district = {});

    QTemporaryDir m_dataDir;
    QDateTime m_now = QDateTime(QDate(2026, 12, 4), QTime(15, 0), QTimeZone::utc());
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<ApiTestClient> m_admin;
    std::unique_ptr<ApiTestClient> m_client;
    QHash<QString, QByteArray> m_tokens; // by role: viewer, operator, administrator, statewide
    DistrictRecords m_one;
    DistrictRecords m_two;
};

void tst_Accounts::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database
        = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = database;
    options.adminToken = kAdminToken;
    options.demo = true;
    options.workers = 1;
    options.clock = [this] { return m_now; };
    // The tests sign in many times from 127.0.0.1; tst_signinrate tests the per-address limit.
    options.signInRate = {1000, 100.0};
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_admin = std::make_unique<ApiTestClient>(m_engine->baseUrl(), kAdminToken);
    m_client = std::make_unique<ApiTestClient>(m_engine->baseUrl(), QByteArray());

    const ApiReply second = m_admin->post(
        QStringLiteral("/api/v1/districts"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Second District")},
                    {QStringLiteral("timeZone"), QStringLiteral("America/Los_Angeles")}});
    QCOMPARE(second.status, 201);
    m_one = seedDistrict(m_engine->districtId(), QStringLiteral("One"));
    m_two = seedDistrict(second.json.value(QStringLiteral("id")).toInteger(), QStringLiteral("Two"));
    QVERIFY(m_one.run > 0);
    QVERIFY(m_two.run > 0);
    QVERIFY(m_one.apiIntegration > 0);
    QVERIFY(m_two.apiIntegration > 0);

    for (const QString &role : {QStringLiteral("viewer"), QStringLiteral("operator"),
                                QStringLiteral("administrator")})
        createAccount(QStringLiteral("one-") + role, role, m_one.district);
    createAccount(QStringLiteral("state"), QStringLiteral("statewide"), 0);
    m_one.administrator = createAccount(QStringLiteral("one-admin"), QStringLiteral("administrator"),
                                        m_one.district);
    m_two.administrator = createAccount(QStringLiteral("two-admin"), QStringLiteral("administrator"),
                                        m_two.district);
    for (const QString &role : {QStringLiteral("viewer"), QStringLiteral("operator"),
                                QStringLiteral("administrator")})
        m_tokens.insert(role, signIn(QStringLiteral("one-") + role));
    m_tokens.insert(QStringLiteral("statewide"), signIn(QStringLiteral("state")));
}

void tst_Accounts::cleanupTestCase()
{
    m_client.reset();
    m_admin.reset();
    m_engine.reset();
}

qint64 tst_Accounts::createAccount(const QString &name, const QString &role, qint64 district)
{
    hub::accounts::NewAccount account;
    account.name = name;
    account.password = kPassword;
    account.statewide = role == QLatin1String("statewide");
    account.districtId = district;
    account.role = hub::accounts::roleFromName(role).value_or(hub::accounts::Role::Viewer);
    auto id = hub::accounts::createAccount(m_engine->store().connection(), account, m_now);
    if (!id)
        qWarning() << "Cannot create account" << name << id.error();
    return id ? *id : 0;
}

ApiReply tst_Accounts::signInReply(const QString &name, const QString &password)
{
    m_client->setToken({});
    m_client->setDistrict({});
    return m_client->post(QStringLiteral("/api/v1/session"),
                          QJsonObject{{QStringLiteral("user"), name},
                                      {QStringLiteral("password"), password}});
}

QByteArray tst_Accounts::signIn(const QString &name)
{
    const ApiReply reply = signInReply(name, kPassword);
    if (reply.status != 200)
        qWarning() << "Sign-in of" << name << "failed:" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("accessToken")).toString().toLatin1();
}

ApiTestClient &tst_Accounts::client(const QByteArray &token, const QByteArray &district)
{
    m_client->setToken(token);
    m_client->setDistrict(district);
    return *m_client;
}

DistrictRecords tst_Accounts::seedDistrict(qint64 district, const QString &prefix)
{
    DistrictRecords records;
    records.district = district;
    ApiTestClient &api = client(kAdminToken, QByteArray::number(district));
    const QString folder = QDir(m_dataDir.path()).filePath(prefix);
    const ApiReply destination = api.post(
        QStringLiteral("/api/v1/destinations"),
        QJsonObject{{QStringLiteral("name"), QString(prefix + QStringLiteral(" Folder"))},
                    {QStringLiteral("kind"), QStringLiteral("folder")},
                    {QStringLiteral("settings"), QJsonObject{{QStringLiteral("path"), folder}}}});
    records.destination = destination.json.value(QStringLiteral("id")).toInteger();

    const ApiReply products = api.get(QStringLiteral("/api/v1/catalog/products"));
    qint64 productId = 0;
    qint64 outputId = 0;
    const QJsonArray productList = products.json.value(QStringLiteral("products")).toArray();
    for (const QJsonValue &product : productList) {
        const QJsonArray outputs = product[QStringLiteral("outputs")].toArray();
        for (const QJsonValue &output : outputs) {
            if (output[QStringLiteral("key")].toString() == QLatin1String("milearn-sections")) {
                productId = product[QStringLiteral("id")].toInteger();
                outputId = output[QStringLiteral("id")].toInteger();
            }
        }
    }
    const ApiReply integration = api.post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), productId},
                    {QStringLiteral("outputId"), outputId},
                    {QStringLiteral("notes"), QString(prefix + QStringLiteral(" secret notes"))},
                    {QStringLiteral("format"), QStringLiteral("csv")},
                    {QStringLiteral("destinations"),
                     QJsonArray{QJsonObject{{QStringLiteral("destinationId"), records.destination},
                                            {QStringLiteral("active"), true}}}}});
    records.integration = integration.json.value(QStringLiteral("id")).toInteger();
    if (integration.status != 201)
        qWarning() << "Cannot create the integration of" << prefix << integration.body;

    qint64 powerschool = 0;
    for (const QJsonValue &product : productList) {
        if (product[QStringLiteral("key")].toString() == QLatin1String("powerschool"))
            powerschool = product[QStringLiteral("id")].toInteger();
    }
    const ApiReply apiIntegration = api.post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), powerschool},
                    {QStringLiteral("notes"), QString(prefix + QStringLiteral(" SIS pull"))}});
    records.apiIntegration = apiIntegration.json.value(QStringLiteral("id")).toInteger();
    const ApiReply connector = api.put(
        QStringLiteral("/api/v1/integrations/%1/connector").arg(records.apiIntegration),
        QJsonObject{{QStringLiteral("settings"),
                     // Port 9 of this machine has no server, so a run fails at once.
                     QJsonObject{{QStringLiteral("baseUrl"),
                                  QStringLiteral("http://127.0.0.1:9/ims/oneroster/v1p1")},
                                 {QStringLiteral("tokenUrl"),
                                  QStringLiteral("http://127.0.0.1:9/oauth/token")},
                                 {QStringLiteral("maxAttempts"), 1},
                                 {QStringLiteral("clientId"), QString(prefix + QStringLiteral("-client"))},
                                 {QStringLiteral("clientSecret"),
                                  QString(prefix + QStringLiteral("-connector-secret"))}}}});
    if (connector.status != 200)
        qWarning() << "Cannot set the connector of" << prefix << connector.body;

    const ApiReply run = api.post(QStringLiteral("/api/v1/integrations/%1/runs").arg(records.integration));
    records.run = run.json.value(QStringLiteral("id")).toInteger();
    for (int attempt = 0; attempt < 300; ++attempt) {
        const int status = api.get(QStringLiteral("/api/v1/runs/%1").arg(records.run))
                               .json.value(QStringLiteral("status"))
                               .toInt(-1);
        if (status != 1 && status != 2)
            break;
        QTest::qWait(100);
    }

    const ApiReply blackout = api.post(
        QStringLiteral("/api/v1/blackouts"),
        QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2027-03-01")},
                    {QStringLiteral("endsOn"), QStringLiteral("2027-03-02")},
                    {QStringLiteral("reason"), QString(prefix + QStringLiteral(" testing"))}});
    records.blackout = blackout.json.value(QStringLiteral("id")).toInteger();

    // Notification settings that name the district, with both channels off so nothing is sent.
    const QString address = prefix + QStringLiteral("@example.org");
    const ApiReply settings = api.put(
        QStringLiteral("/api/v1/notifications/settings"),
        QJsonObject{{QStringLiteral("email"),
                     QJsonObject{{QStringLiteral("enabled"), false},
                                 {QStringLiteral("host"), QString(prefix + QStringLiteral(".example.org"))},
                                 {QStringLiteral("from"), address},
                                 {QStringLiteral("recipients"), QJsonArray{address}},
                                 {QStringLiteral("username"), prefix},
                                 {QStringLiteral("password"), QString(prefix + QStringLiteral(" password"))}}},
                    {QStringLiteral("webhook"),
                     QJsonObject{{QStringLiteral("enabled"), false},
                                 {QStringLiteral("url"), QString(QStringLiteral("https://example.org/") + prefix)},
                                 {QStringLiteral("signingKey"), QString(prefix + QStringLiteral(" key"))}}}});
    if (settings.status != 200)
        qWarning() << "Cannot save the notification settings of" << prefix << settings.body;
    const ApiReply integrationSettings = api.put(
        QStringLiteral("/api/v1/integrations/%1/notifications").arg(records.integration),
        QJsonObject{{QStringLiteral("inherit"), false},
                    {QStringLiteral("recipients"), QJsonArray{address}}});
    if (integrationSettings.status != 200)
        qWarning() << "Cannot save the integration notifications of" << prefix
                   << integrationSettings.body;
    return records;
}

void tst_Accounts::passwordHashIsArgon2id()
{
    auto hash = hub::accounts::hashPassword(kPassword);
    QVERIFY(hash.ok());
    QVERIFY2(hash->startsWith("$argon2id$"), hash->constData());
    QVERIFY(hub::accounts::verifyPassword(kPassword, *hash));
    QVERIFY(!hub::accounts::verifyPassword(kPassword + QLatin1Char('x'), *hash));

    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT password_hash FROM accounts WHERE name = ?"),
                                   {QStringLiteral("state")});
    QVERIFY(stored.ok());
    QVERIFY(stored->toString().startsWith(QLatin1String("$argon2id$")));
    QVERIFY(!stored->toString().contains(kPassword));
    QCOMPARE(hub::accounts::passwordProblem(QStringLiteral("short")),
             QStringLiteral("Use a password of at least 12 characters."));
}

void tst_Accounts::signInReturnsTokens()
{
    const ApiReply reply = signInReply(QStringLiteral("one-operator"), kPassword);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(reply.json.value(QStringLiteral("expiresIn")).toInteger(), 3600);
    QCOMPARE(reply.json.value(QStringLiteral("expiresAt")).toString(),
             QStringLiteral("2026-12-04T16:00:00.000Z"));
    const QByteArray token = reply.json.value(QStringLiteral("accessToken")).toString().toLatin1();
    QCOMPARE(token.size(), 64);
    QVERIFY(!reply.json.value(QStringLiteral("refreshToken")).toString().isEmpty());

    // Only digests of the tokens are stored.
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT count(*) FROM account_sessions "
                                                  "WHERE token_hash = ?"),
                                   {QString::fromLatin1(token)});
    QCOMPARE(stored->toInt(), 0);

    const ApiReply me = client(token).get(QStringLiteral("/api/v1/session"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QStringLiteral("user")).toString(), QStringLiteral("one-operator"));
    QCOMPARE(me.json.value(QStringLiteral("statewide")).toBool(), false);
    const QJsonObject district = me.json.value(QStringLiteral("district")).toObject();
    QCOMPARE(district.value(QStringLiteral("id")).toInteger(), m_one.district);
    QCOMPARE(district.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(me.json.value(QStringLiteral("districts")).toArray().size(), 1);
}

void tst_Accounts::wrongPasswordIsRejected_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QStringLiteral("one-viewer") << QStringLiteral("not the password");
    QTest::newRow("unknown user") << QStringLiteral("nobody") << kPassword;
    QTest::newRow("case of the name") << QStringLiteral("ONE-VIEWER") << kPassword;
}

void tst_Accounts::wrongPasswordIsRejected()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    const ApiReply reply = signInReply(user, password);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_credentials"));
    // Unknown names and wrong passwords get the same message.
    QCOMPARE(reply.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("The user name or password is wrong."));
    // One failure leaves the account usable.
    QCOMPARE(signInReply(QStringLiteral("one-viewer"), kPassword).status, 200);
}

void tst_Accounts::signInBodyIsValidated_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("not json") << QByteArray("user=a&password=b") << 400;
    QTest::newRow("array") << QByteArray("[]") << 400;
    QTest::newRow("no password") << QByteArray(R"({"user":"one-viewer"})") << 422;
    QTest::newRow("password number") << QByteArray(R"({"user":"one-viewer","password":12})") << 422;
    QTest::newRow("empty user") << QByteArray(R"({"user":"","password":"x"})") << 422;
}

void tst_Accounts::signInBodyIsValidated()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const ApiReply reply = client({}).send("POST", QStringLiteral("/api/v1/session"), body,
                                           "application/json", false);
    QCOMPARE(reply.status, status);
}

void tst_Accounts::failuresSlowDownThenLock()
{
    const QString name = QStringLiteral("locked-out");
    QVERIFY(createAccount(name, QStringLiteral("viewer"), m_one.district) > 0);
    const QString wrong = QStringLiteral("wrong password 000");

    // The first three failures get 401 without a wait.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(signInReply(name, wrong).status, 401);

    // Then each attempt waits 1, 2, 4 ... seconds after the last failure, even with the
    // right password.
    ApiReply reply = signInReply(name, kPassword);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("too_many_attempts"));
    QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
    qint64 wait = 1;
    for (int failures = 3; failures < 9; ++failures) {
        m_now = m_now.addSecs(wait);
        QCOMPARE(signInReply(name, wrong).status, 401);
        wait = std::min<qint64>(qint64(1) << (failures + 1 - 3), 60);
        reply = signInReply(name, wrong);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("Retry-After"), QByteArray::number(wait));
    }

    // The tenth failure locks the account for 15 minutes; the right password does not help.
    m_now = m_now.addSecs(wait);
    reply = signInReply(name, wrong);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("account_locked"));
    QCOMPARE(reply.header("Retry-After"), QByteArray("900"));
    m_now = m_now.addSecs(899);
    reply = signInReply(name, kPassword);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.header("Retry-After"), QByteArray("1"));

    m_now = m_now.addSecs(1);
    QCOMPARE(signInReply(name, kPassword).status, 200);
    // A success clears the count, so three more failures get 401 without a wait.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(signInReply(name, wrong).status, 401);
}

void tst_Accounts::expiredTokenIsRejected()
{
    const QByteArray token = signIn(QStringLiteral("one-viewer"));
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/integrations")).status, 200);
    m_now = m_now.addSecs(3599);
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/integrations")).status, 200);
    m_now = m_now.addSecs(1);
    const ApiReply expired = client(token).get(QStringLiteral("/api/v1/integrations"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.header("WWW-Authenticate"), QByteArray("Bearer realm=\"hubd\""));
    QCOMPARE(expired.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("The token is unknown, expired or revoked; sign in again."));

    renewTokens();
}

// Signs the role matrix's accounts in again, after a test moved the clock past their expiry.
void tst_Accounts::renewTokens()
{
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        const QString name = it.key() == QLatin1String("statewide") ? QStringLiteral("state")
                                                                   : QStringLiteral("one-") + it.key();
        it.value() = signIn(name);
    }
}

void tst_Accounts::refreshRotatesTokens()
{
    const ApiReply signedIn = signInReply(QStringLiteral("one-viewer"), kPassword);
    const QByteArray access = signedIn.json.value(QStringLiteral("accessToken")).toString().toLatin1();
    const QString refreshToken = signedIn.json.value(QStringLiteral("refreshToken")).toString();
    m_now = m_now.addSecs(4000);
    QCOMPARE(client(access).get(QStringLiteral("/api/v1/session")).status, 401);

    const ApiReply refreshed = client({}).post(QStringLiteral("/api/v1/session/refresh"),
                                               {{QStringLiteral("refreshToken"), refreshToken}});
    QCOMPARE(refreshed.status, 200);
    const QByteArray newAccess = refreshed.json.value(QStringLiteral("accessToken")).toString().toLatin1();
    QVERIFY(newAccess != access);
    QCOMPARE(client(newAccess).get(QStringLiteral("/api/v1/session")).status, 200);

    // The old refresh token was used up.
    const ApiReply again = client({}).post(QStringLiteral("/api/v1/session/refresh"),
                                           {{QStringLiteral("refreshToken"), refreshToken}});
    QCOMPARE(again.status, 401);

    // A refresh token expires too.
    const QString newRefresh = refreshed.json.value(QStringLiteral("refreshToken")).toString();
    m_now = m_now.addDays(15);
    QCOMPARE(client({}).post(QStringLiteral("/api/v1/session/refresh"),
                             {{QStringLiteral("refreshToken"), newRefresh}})
                 .status,
             401);
    QCOMPARE(client({}).post(QStringLiteral("/api/v1/session/refresh"), {}).status, 422);
    renewTokens();
}

void tst_Accounts::signOutRevokesSession()
{
    const ApiReply signedIn = signInReply(QStringLiteral("one-viewer"), kPassword);
    const QByteArray access = signedIn.json.value(QStringLiteral("accessToken")).toString().toLatin1();
    const QString refreshToken = signedIn.json.value(QStringLiteral("refreshToken")).toString();
    QCOMPARE(client(access).remove(QStringLiteral("/api/v1/session")).status, 204);
    QCOMPARE(client(access).get(QStringLiteral("/api/v1/session")).status, 401);
    QCOMPARE(client({}).post(QStringLiteral("/api/v1/session/refresh"),
                             {{QStringLiteral("refreshToken"), refreshToken}})
                 .status,
             401);
    // The admin token has no session to end.
    QCOMPARE(client(kAdminToken).remove(QStringLiteral("/api/v1/session")).status, 400);
    QCOMPARE(client(kAdminToken).get(QStringLiteral("/api/v1/health")).status, 200);
}

void tst_Accounts::forgedTokensAreRejected_data()
{
    QTest::addColumn<QByteArray>("token");
    const QByteArray real = m_tokens.value(QStringLiteral("administrator"));
    QByteArray flipped = real;
    flipped[0] = flipped.at(0) == 'a' ? 'b' : 'a';
    QTest::newRow("one character changed") << flipped;
    QTest::newRow("truncated") << real.left(63);
    QTest::newRow("extended") << real + "0";
    QTest::newRow("its digest") << hub::accounts::tokenDigest(real).toLatin1();
    QTest::newRow("random") << hub::accounts::randomToken();
}

void tst_Accounts::forgedTokensAreRejected()
{
    QFETCH(QByteArray, token);
    const ApiReply reply = client(token).get(QStringLiteral("/api/v1/integrations"));
    QCOMPARE(reply.status, 401);
    QVERIFY(!reply.body.contains("One"));
}

void tst_Accounts::disabledAccountIsSignedOut()
{
    const qint64 id = createAccount(QStringLiteral("leaver"), QStringLiteral("operator"), m_one.district);
    const QByteArray token = signIn(QStringLiteral("leaver"));
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/runs")).status, 200);

    const ApiReply disabled = client(m_tokens.value(QStringLiteral("administrator")))
                                  .put(QStringLiteral("/api/v1/users/%1").arg(id),
                                       {{QStringLiteral("disabled"), true}});
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.json.value(QStringLiteral("disabled")).toBool(), true);
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/runs")).status, 401);
    QCOMPARE(signInReply(QStringLiteral("leaver"), kPassword).status, 401);

    QCOMPARE(client(m_tokens.value(QStringLiteral("administrator")))
                 .put(QStringLiteral("/api/v1/users/%1").arg(id), {{QStringLiteral("disabled"), false}})
                 .status,
             200);
    QCOMPARE(signInReply(QStringLiteral("leaver"), kPassword).status, 200);
}

void tst_Accounts::districtHeaderSelectsDistrict()
{
    const qint64 id = createAccount(QStringLiteral("both"), QStringLiteral("viewer"), m_one.district);
    auto added = hub::execute(m_engine->store().connection(),
                              QStringLiteral("INSERT INTO account_memberships(account_id, "
                                             "district_id, role) VALUES (?, ?, 'operator')"),
                              {id, m_two.district});
    QVERIFY(added.ok());
    const QByteArray token = signIn(QStringLiteral("both"));

    // Without the header the first district applies, with the role there.
    ApiReply me = client(token).get(QStringLiteral("/api/v1/session"));
    QCOMPARE(me.json.value(QStringLiteral("district"))[QStringLiteral("id")].toInteger(), m_one.district);
    QCOMPARE(me.json.value(QStringLiteral("districts")).toArray().size(), 2);
    QCOMPARE(client(token).post(QStringLiteral("/api/v1/runs/%1/retry").arg(m_one.run)).status, 403);

    me = client(token, QByteArray::number(m_two.district)).get(QStringLiteral("/api/v1/session"));
    QCOMPARE(me.json.value(QStringLiteral("district"))[QStringLiteral("role")].toString(),
             QStringLiteral("operator"));
    const ApiReply runs = client(token, QByteArray::number(m_two.district)).get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(runs.status, 200);
    QVERIFY(runs.body.contains("Two Folder"));
    QVERIFY(!runs.body.contains("One Folder"));

    const ApiReply stranger = client(m_tokens.value(QStringLiteral("administrator")),
                                     QByteArray::number(m_two.district))
                                  .get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(stranger.status, 403);
    QVERIFY(!stranger.body.contains("Two"));
    QCOMPARE(client(token, "abc").get(QStringLiteral("/api/v1/runs")).status, 400);
    QCOMPARE(client(token, "-1").get(QStringLiteral("/api/v1/runs")).status, 400);
    QCOMPARE(client(token, "999").get(QStringLiteral("/api/v1/runs")).status, 403);
    // The admin token may pick any existing district, and no other.
    QCOMPARE(client(kAdminToken, QByteArray::number(m_two.district)).get(QStringLiteral("/api/v1/runs")).status, 200);
    QCOMPARE(client(kAdminToken, "999").get(QStringLiteral("/api/v1/runs")).status, 403);
}

void tst_Accounts::everyRouteChecksEveryRole_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("required");

    hub::http::Router router;
    hub::api::ApiContext context;
    context.store = &m_engine->store();
    hub::api::registerAdminApi(router, context);
    const QHash<QString, hub::http::Access> levels{
        {QStringLiteral("viewer"), hub::http::Access::View},
        {QStringLiteral("operator"), hub::http::Access::Operate},
        {QStringLiteral("administrator"), hub::http::Access::Administer},
        {QStringLiteral("statewide"), hub::http::Access::Statewide},
    };
    for (const auto &route : router.routes()) {
        if (route.access == hub::http::Access::Public)
            continue;
        // An id that no district has, so an allowed call changes nothing.
        QString path = route.pattern;
        path.replace(QStringLiteral("{id}"), QStringLiteral("987654"));
        for (auto level = levels.cbegin(); level != levels.cend(); ++level) {
            const QString name = QString::fromLatin1(route.method) + QLatin1Char(' ')
                                 + route.pattern + QLatin1String(" as ") + level.key();
            QTest::newRow(qPrintable(name)) << route.method << path << level.key()
                                            << int(route.access);
        }
    }
}

void tst_Accounts::everyRouteChecksEveryRole()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, role);
    QFETCH(int, required);

    const QHash<QString, int> levels{
        {QStringLiteral("viewer"), int(hub::http::Access::View)},
        {QStringLiteral("operator"), int(hub::http::Access::Operate)},
        {QStringLiteral("administrator"), int(hub::http::Access::Administer)},
        {QStringLiteral("statewide"), int(hub::http::Access::Statewide)},
    };
    // Signing out ends the session, so that route gets a session of its own.
    const bool signOut = method == "DELETE" && path == QLatin1String("/api/v1/session");
    const QByteArray token = signOut ? signIn(role == QLatin1String("statewide")
                                                  ? QStringLiteral("state")
                                                  : QStringLiteral("one-") + role)
                                     : m_tokens.value(role);
    const ApiReply reply = client(token).send(method, path, method == "GET" || method == "DELETE"
                                                                ? QByteArray()
                                                                : QByteArray("{}"));
    if (levels.value(role) < required) {
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
    } else {
        QVERIFY2(reply.status != 403 && reply.status != 401 && reply.status < 500,
                 qPrintable(QStringLiteral("%1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))));
    }
}

void tst_Accounts::otherDistrictIdsGiveNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    hub::http::Router router;
    hub::api::ApiContext context;
    context.store = &m_engine->store();
    hub::api::registerAdminApi(router, context);
    const QHash<QString, qint64> ids{
        {QStringLiteral("integrations"), m_two.integration},
        {QStringLiteral("destinations"), m_two.destination},
        {QStringLiteral("runs"), m_two.run},
        {QStringLiteral("blackouts"), m_two.blackout},
        {QStringLiteral("users"), m_two.administrator},
        {QStringLiteral("districts"), m_two.district},
    };
    for (const auto &route : router.routes()) {
        if (!route.pattern.contains(QLatin1String("{id}")))
            continue;
        const QString collection = route.segments.value(2);
        // TODO: seed district two's file specifications; until then their routes get an id
        // that no district has.
        // An integration's connector routes get district two's API integration.
        const qint64 id = route.pattern.contains(QLatin1String("/connector"))
                              ? m_two.apiIntegration
                              : ids.value(collection, 987654);
        QString path = route.pattern;
        path.replace(QStringLiteral("{id}"), QString::number(id));
        QTest::newRow(qPrintable(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern))
            << route.method << path;
    }
}

void tst_Accounts::otherDistrictIdsGiveNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    // District one's administrator tries district two's ids, through every route with an id.
    const ApiReply reply = client(m_tokens.value(QStringLiteral("administrator")))
                               .send(method, path, method == "GET" || method == "DELETE"
                                                       ? QByteArray()
                                                       : QByteArray("{}"));
    QVERIFY2(reply.status == 404 || reply.status == 403,
             qPrintable(QStringLiteral("%1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))));
    QVERIFY2(!reply.body.contains("Two"), reply.body.constData());
}

void tst_Accounts::listsShowOwnDistrictOnly()
{
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    const QStringList lists{QStringLiteral("/api/v1/integrations"),
                            QStringLiteral("/api/v1/destinations"),
                            QStringLiteral("/api/v1/runs"),
                            QStringLiteral("/api/v1/runs/changes?since=0"),
                            QStringLiteral("/api/v1/blackouts"),
                            QStringLiteral("/api/v1/users"),
                            QStringLiteral("/api/v1/health"),
                            QStringLiteral("/api/v1/session"),
                            QStringLiteral("/api/v1/notifications"),
                            QStringLiteral("/api/v1/notifications/settings"),
                            QStringLiteral("/api/v1/integrations/%1/notifications").arg(m_one.integration),
                            QStringLiteral("/api/v1/integrations/%1/activity?to=2026-12-04").arg(m_one.integration),
                            QStringLiteral("/api/v1/runs/%1/files").arg(m_one.run),
                            QStringLiteral("/api/v1/audit?limit=500"),
                            QStringLiteral("/api/v1/audit.csv")};
    for (const QString &path : lists) {
        const ApiReply reply = api.get(path);
        QVERIFY2(reply.status == 200, qPrintable(path));
        QVERIFY2(!reply.body.contains("Two") && !reply.body.contains("two-admin"),
                 qPrintable(path + QLatin1String(": ") + QString::fromUtf8(reply.body)));
    }
    const ApiReply own = api.get(QStringLiteral("/api/v1/integrations"));
    QVERIFY(own.body.contains("One secret notes"));
}

void tst_Accounts::notificationSettingsStayInDistrict()
{
    const QJsonObject settings{
        {QStringLiteral("email"),
         QJsonObject{{QStringLiteral("enabled"), false},
                     {QStringLiteral("recipients"), QJsonArray{QStringLiteral("coordinator@one.example.org")}},
                     {QStringLiteral("password"), QStringLiteral("one smtp password")}}},
        {QStringLiteral("webhook"),
         QJsonObject{{QStringLiteral("enabled"), false},
                     {QStringLiteral("url"), QStringLiteral("https://one.example.org/hook")},
                     {QStringLiteral("signingKey"), QStringLiteral("one signing key")}}}};
    ApiTestClient &one = client(m_tokens.value(QStringLiteral("administrator")));
    const ApiReply saved = one.put(QStringLiteral("/api/v1/notifications/settings"), settings);
    QCOMPARE(saved.status, 200);
    QVERIFY2(!saved.body.contains("one smtp password"), saved.body.constData());
    QVERIFY2(!saved.body.contains("one signing key"), saved.body.constData());

    const ApiReply read = one.get(QStringLiteral("/api/v1/notifications/settings"));
    QCOMPARE(read.status, 200);
    QVERIFY2(read.body.contains("coordinator@one.example.org"), read.body.constData());
    QVERIFY2(!read.body.contains("one smtp password"), read.body.constData());

    // District two's administrator reads district two's settings, never district one's.
    ApiTestClient &two = client(signIn(QStringLiteral("two-admin")));
    const ApiReply other = two.get(QStringLiteral("/api/v1/notifications/settings"));
    QCOMPARE(other.status, 200);
    QVERIFY2(other.body.contains("Two@example.org"), other.body.constData());
    QVERIFY2(!other.body.contains("one.example.org"), other.body.constData());
    const ApiReply otherTest = two.post(QStringLiteral("/api/v1/notifications/test"));
    QCOMPARE(otherTest.status, 409);
}

void tst_Accounts::filtersCannotReachOtherDistrict()
{
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    const QStringList filters{
        QStringLiteral("/api/v1/runs?integrationId=%1").arg(m_two.integration),
        QStringLiteral("/api/v1/runs?maxId=%1").arg(m_two.run),
        QStringLiteral("/api/v1/runs?integrationId=%1&status=0").arg(m_two.integration),
        QStringLiteral("/api/v1/runs?from=2020-01-01&to=2030-12-31&integrationId=%1").arg(m_two.integration),
        QStringLiteral("/api/v1/runs/changes?since=0&integrationId=%1").arg(m_two.integration),
        QStringLiteral("/api/v1/audit?entity=integration&actor=local%20administrator"),
        QStringLiteral("/api/v1/audit?actor=two-admin"),
        QStringLiteral("/api/v1/audit.csv?entity=district"),
        QStringLiteral("/api/v1/audit?from=2020-01-01&to=2030-12-31&limit=500"),
    };
    for (const QString &path : filters) {
        const ApiReply reply = api.get(path);
        // 400 is a route that does not take the parameter, such as runs/changes.
        QVERIFY2(reply.status == 200 || reply.status == 400 || reply.status == 404
                     || reply.status == 422,
                 qPrintable(path));
        QVERIFY2(!reply.body.contains("Two"), qPrintable(path + QLatin1String(": ")
                                                         + QString::fromUtf8(reply.body)));
        // Audit entries have ids of their own, so only run listings are checked for the run id.
        if (path.startsWith(QLatin1String("/api/v1/runs")))
            QVERIFY2(!reply.body.contains(QByteArray(QByteArray("\"id\":") + QByteArray::number(m_two.run) + ',')),
                     qPrintable(path));
    }
}

void tst_Accounts::runVersionIgnoresOtherDistrict()
{
    // Runs that are still queued or running would change district one's version on their own.
    const auto pendingRuns = [this] {
        auto pending = hub::selectValue(m_engine->store().connection(),
                                        QStringLiteral("SELECT count(*) FROM runs WHERE status "
                                                       "IN (1, 2)"));
        return pending ? pending->toLongLong() : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(pendingRuns(), 0, 30000);

    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    const ApiReply before = api.get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(before.status, 200);
    const qint64 version = before.json.value(QStringLiteral("version")).toInteger();
    QVERIFY(version > 0);

    // A change to district two's run takes the next engine-wide version.
    auto changed = hub::execute(m_engine->store().connection(),
                                QStringLiteral("UPDATE runs SET message = 'Changed in district two' "
                                               "WHERE id = ?"),
                                {m_two.run});
    QVERIFY2(changed.ok(), qPrintable(changed.error()));
    QCOMPARE(changed->numRowsAffected(), 1);

    const ApiReply after = api.get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json.value(QStringLiteral("version")).toInteger(), version);
    const ApiReply changes
        = api.get(QStringLiteral("/api/v1/runs/changes?since=%1").arg(version));
    QCOMPARE(changes.status, 200);
    QCOMPARE(changes.json.value(QStringLiteral("version")).toInteger(), version);
    QVERIFY(changes.json.value(QStringLiteral("runs")).toArray().isEmpty());
}

void tst_Accounts::runListMaxIdIsDistrictOwn()
{
    // District two's run is the engine's newest, so an engine-wide maxId would show it.
    const QSqlDatabase db = m_engine->store().connection();
    const QString now = hub::nowIsoUtc();
    auto inserted = hub::execute(db,
                                 QStringLiteral("INSERT INTO runs(district_id, integration_id, "
                                                "trigger, status, queued_at, started_at, "
                                                "ended_at) SELECT district_id, id, 'manual', 0, "
                                                "?, ?, ? FROM integrations WHERE id = ?"),
                                 {now, now, now, m_two.integration});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    const qint64 newest = inserted->lastInsertId().toLongLong();
    QVERIFY(newest > m_two.run);
    const auto highestOf = [&db](qint64 districtId) {
        auto highest = hub::selectValue(
            db, QStringLiteral("SELECT max(id) FROM runs WHERE district_id = ?"), {districtId});
        return highest ? highest->toLongLong() : -1;
    };
    QVERIFY(highestOf(m_one.district) < newest);

    const ApiReply one = client(m_tokens.value(QStringLiteral("administrator")))
                             .get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(QStringLiteral("maxId")).toInteger(), highestOf(m_one.district));
    const ApiReply two
        = client(signIn(QStringLiteral("two-admin"))).get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(two.status, 200);
    QCOMPARE(two.json.value(QStringLiteral("maxId")).toInteger(), newest);

    // Migration 0016 adds the index that makes the district's maximum one lookup.
    const QString indexQuery
        = m_engine->store().isPostgres()
              ? QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = 'runs' AND "
                               "indexname = 'runs_district_id'")
              : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                               "tbl_name = 'runs' AND name = 'runs_district_id'");
    auto index = hub::selectValue(db, indexQuery);
    QVERIFY2(index.ok(), qPrintable(index.error()));
    QCOMPARE(index->toInt(), 1);
    if (!m_engine->store().isPostgres()) {
        auto plan = hub::execute(db,
                                 QStringLiteral("EXPLAIN QUERY PLAN SELECT coalesce(max(id), "
                                                "0) FROM runs WHERE district_id = ?"),
                                 {m_one.district});
        QVERIFY(plan.ok());
        QString details;
        while (plan->next())
            details += plan->value(3).toString() + QLatin1Char('\n');
        QVERIFY2(details.contains(QStringLiteral("USING COVERING INDEX runs_district_id")),
                 qPrintable(details));
    }
}

void tst_Accounts::bodiesCannotReachOtherDistrict()
{
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    const ApiReply integration = api.get(QStringLiteral("/api/v1/integrations/%1").arg(m_one.integration));
    QCOMPARE(integration.status, 200);

    // An integration of district one cannot send to district two's destination.
    QJsonObject body = integration.json;
    body.insert(QStringLiteral("destinations"),
                QJsonArray{QJsonObject{{QStringLiteral("destinationId"), m_two.destination},
                                       {QStringLiteral("active"), true}}});
    ApiReply reply = api.put(QStringLiteral("/api/v1/integrations/%1").arg(m_one.integration), body);
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields")).toObject().contains(
        QStringLiteral("destinations[0].destinationId")));
    reply = api.post(QStringLiteral("/api/v1/integrations"), body);
    QCOMPARE(reply.status, 422);
    QVERIFY(!reply.body.contains("Two"));

    // A user created by district one's administrator belongs to district one only.
    reply = api.post(QStringLiteral("/api/v1/users"),
                     {{QStringLiteral("name"), QStringLiteral("new-one")},
                      {QStringLiteral("password"), kPassword},
                      {QStringLiteral("role"), QStringLiteral("viewer")},
                      {QStringLiteral("districtId"), m_two.district}});
    QCOMPARE(reply.status, 201);
    const QByteArray token = signIn(QStringLiteral("new-one"));
    QCOMPARE(client(token, QByteArray::number(m_two.district)).get(QStringLiteral("/api/v1/runs")).status, 403);
    // An existing account of district two cannot be pulled into district one by name.
    reply = client(m_tokens.value(QStringLiteral("administrator")))
                .post(QStringLiteral("/api/v1/users"),
                      {{QStringLiteral("name"), QStringLiteral("two-admin")},
                       {QStringLiteral("password"), kPassword},
                       {QStringLiteral("role"), QStringLiteral("administrator")}});
    QCOMPARE(reply.status, 422);
}

void tst_Accounts::connectorsStayInDistrict()
{
    const QString own = QStringLiteral("/api/v1/integrations/%1/connector").arg(m_one.apiIntegration);
    const QString other = QStringLiteral("/api/v1/integrations/%1/connector").arg(m_two.apiIntegration);

    // A viewer reads the connector of its district without its secret, and changes nothing.
    ApiTestClient &viewer = client(m_tokens.value(QStringLiteral("viewer")));
    ApiReply reply = viewer.get(own);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("settings")).toObject().value(QStringLiteral("clientId")).toString(),
             QStringLiteral("One-client"));
    QVERIFY(!reply.body.contains("connector-secret"));
    QCOMPARE(viewer.put(own, QJsonObject{{QStringLiteral("settings"), QJsonObject()}}).status, 403);
    QCOMPARE(viewer.post(own + QStringLiteral("/test")).status, 403);
    // An operator runs the pull but neither tests nor changes its connection.
    ApiTestClient &operatorClient = client(m_tokens.value(QStringLiteral("operator")));
    QCOMPARE(operatorClient.post(own + QStringLiteral("/test")).status, 403);
    QCOMPARE(operatorClient.put(own, QJsonObject{{QStringLiteral("settings"), QJsonObject()}}).status, 403);
    const ApiReply queued
        = operatorClient.post(QStringLiteral("/api/v1/integrations/%1/runs").arg(m_one.apiIntegration));
    QCOMPARE(queued.status, 202);
    QCOMPARE(client(m_tokens.value(QStringLiteral("viewer")))
                 .post(QStringLiteral("/api/v1/integrations/%1/runs").arg(m_one.apiIntegration))
                 .status,
             403);

    // District one's administrator cannot read, change or test district two's connector.
    ApiTestClient &administrator = client(m_tokens.value(QStringLiteral("administrator")));
    reply = administrator.get(other);
    QCOMPARE(reply.status, 404);
    QVERIFY(!reply.body.contains("Two"));
    reply = administrator.put(other, QJsonObject{{QStringLiteral("settings"),
                                                  QJsonObject{{QStringLiteral("clientId"), QStringLiteral("taken")}}}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(administrator.post(other + QStringLiteral("/test")).status, 404);
    QCOMPARE(administrator.post(QStringLiteral("/api/v1/integrations/%1/runs").arg(m_two.apiIntegration)).status,
             404);
    // Its district header cannot pick district two either.
    QCOMPARE(client(m_tokens.value(QStringLiteral("administrator")), QByteArray::number(m_two.district))
                 .get(other)
                 .status,
             403);
    auto clientId = hub::selectValue(m_engine->store().connection(),
                                     QStringLiteral("SELECT connector_settings FROM integrations WHERE id = ?"),
                                     {m_two.apiIntegration});
    QVERIFY(clientId);
    QVERIFY(clientId->toString().contains(QStringLiteral("Two-client")));
}

void tst_Accounts::districtAdministratorManagesUsers()
{
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    ApiReply reply = api.post(QStringLiteral("/api/v1/users"),
                              {{QStringLiteral("name"), QStringLiteral("clerk")},
                               {QStringLiteral("displayName"), QStringLiteral("Data Clerk")},
                               {QStringLiteral("password"), kPassword},
                               {QStringLiteral("role"), QStringLiteral("viewer")}});
    QCOMPARE(reply.status, 201);
    const qint64 id = reply.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(reply.json.value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
    QVERIFY(!reply.body.contains("password"));
    QVERIFY(!reply.body.contains("argon2"));

    reply = api.put(QStringLiteral("/api/v1/users/%1").arg(id), {{QStringLiteral("role"), QStringLiteral("operator")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(reply.json.value(QStringLiteral("displayName")).toString(), QStringLiteral("Data Clerk"));

    const QByteArray token = signIn(QStringLiteral("clerk"));
    reply = client(m_tokens.value(QStringLiteral("administrator"))).put(QStringLiteral("/api/v1/users/%1").arg(id),
                    {{QStringLiteral("password"), QStringLiteral("a brand new password")}});
    QCOMPARE(reply.status, 200);
    // A new password signs out the account's sessions.
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/session")).status, 401);
    QCOMPARE(signInReply(QStringLiteral("clerk"), QStringLiteral("a brand new password")).status, 200);

    ApiTestClient &again = client(m_tokens.value(QStringLiteral("administrator")));
    const QJsonArray users = again.get(QStringLiteral("/api/v1/users")).json.value(QStringLiteral("users")).toArray();
    QStringList names;
    for (const QJsonValue &user : users)
        names.append(user[QStringLiteral("name")].toString());
    QVERIFY(names.contains(QStringLiteral("clerk")));
    QVERIFY(!names.contains(QStringLiteral("two-admin")));
    QVERIFY(!names.contains(QStringLiteral("state")));

    QCOMPARE(again.remove(QStringLiteral("/api/v1/users/%1").arg(id)).status, 204);
    QCOMPARE(again.get(QStringLiteral("/api/v1/users/%1").arg(id)).status, 404);
    QCOMPARE(signInReply(QStringLiteral("clerk"), QStringLiteral("a brand new password")).status, 401);
}

void tst_Accounts::sharedAccountNeedsStatewide()
{
    const qint64 id = createAccount(QStringLiteral("shared"), QStringLiteral("viewer"), m_one.district);
    QVERIFY(hub::execute(m_engine->store().connection(),
                         QStringLiteral("INSERT INTO account_memberships(account_id, district_id, "
                                        "role) VALUES (?, ?, 'viewer')"),
                         {id, m_two.district})
                .ok());
    const QString path = QStringLiteral("/api/v1/users/%1").arg(id);
    ApiReply reply = client(m_tokens.value(QStringLiteral("administrator")))
                         .put(path, {{QStringLiteral("disabled"), true}});
    QCOMPARE(reply.status, 403);
    // The role in the administrator's own district may change.
    reply = client(m_tokens.value(QStringLiteral("administrator")))
                .put(path, {{QStringLiteral("role"), QStringLiteral("operator")}});
    QCOMPARE(reply.status, 200);
    reply = client(m_tokens.value(QStringLiteral("statewide")), QByteArray::number(m_one.district))
                .put(path, {{QStringLiteral("displayName"), QStringLiteral("Shared Person")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("displayName")).toString(), QStringLiteral("Shared Person"));
}

void tst_Accounts::statewideGrantsAndRevokesDistricts()
{
    const qint64 id = createAccount(QStringLiteral("multi"), QStringLiteral("viewer"), m_one.district);
    QVERIFY(id > 0);
    const QString path = QStringLiteral("/api/v1/users/%1/districts/%2").arg(id).arg(m_two.district);
    const QJsonObject asOperator{{QStringLiteral("role"), QStringLiteral("operator")}};

    // A district administrator cannot add districts to an account.
    ApiReply reply = client(m_tokens.value(QStringLiteral("administrator"))).put(path, asOperator);
    QCOMPARE(reply.status, 403);

    ApiTestClient &api = client(m_tokens.value(QStringLiteral("statewide")));
    reply = api.put(path, asOperator);
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.json.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(reply.json.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    reply = api.put(path, {{QStringLiteral("role"), QStringLiteral("administrator")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("role")).toString(), QStringLiteral("administrator"));

    reply = api.get(QStringLiteral("/api/v1/users/%1/districts").arg(id));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("name")).toString(), QStringLiteral("multi"));
    const QJsonArray districts = reply.json.value(QStringLiteral("districts")).toArray();
    QCOMPARE(districts.size(), 2);
    QCOMPARE(districts.at(0)[QStringLiteral("districtId")].toInteger(), m_one.district);
    QCOMPARE(districts.at(0)[QStringLiteral("role")].toString(), QStringLiteral("viewer"));
    QCOMPARE(districts.at(1)[QStringLiteral("districtId")].toInteger(), m_two.district);
    QCOMPARE(districts.at(1)[QStringLiteral("role")].toString(), QStringLiteral("administrator"));

    // The account signs in with both districts and acts in the second one with its role there.
    const QByteArray token = signIn(QStringLiteral("multi"));
    QVERIFY(!token.isEmpty());
    reply = client(token).get(QStringLiteral("/api/v1/session"));
    QCOMPARE(reply.json.value(QStringLiteral("districts")).toArray().size(), 2);
    reply = client(token, QByteArray::number(m_two.district)).get(QStringLiteral("/api/v1/users"));
    QCOMPARE(reply.status, 200);
    reply = client(token, QByteArray::number(m_one.district)).get(QStringLiteral("/api/v1/users"));
    QCOMPARE(reply.status, 403);

    // The second district's audit log records the new member, then the changed role.
    const QSqlDatabase db = m_engine->store().connection();
    auto audit = hub::execute(db,
                              QStringLiteral("SELECT action, actor, before_json, after_json "
                                             "FROM audit_log WHERE entity = 'user' "
                                             "AND entity_id = ? AND district_id = ? ORDER BY id"),
                              {id, m_two.district});
    QVERIFY(audit.ok());
    QVERIFY(audit->next());
    QCOMPARE(audit->value(0).toString(), QStringLiteral("create"));
    QCOMPARE(audit->value(1).toString(), QStringLiteral("state"));
    QVERIFY(audit->value(2).isNull());
    QVERIFY(audit->value(3).toString().contains(QStringLiteral("\"operator\"")));
    QVERIFY(audit->next());
    QCOMPARE(audit->value(0).toString(), QStringLiteral("update"));
    QVERIFY(audit->value(2).toString().contains(QStringLiteral("\"operator\"")));
    QVERIFY(audit->value(3).toString().contains(QStringLiteral("\"administrator\"")));
    QVERIFY(!audit->next());

    ApiTestClient &statewide = client(m_tokens.value(QStringLiteral("statewide")));
    reply = statewide.remove(path);
    QCOMPARE(reply.status, 204);
    reply = client(token, QByteArray::number(m_two.district)).get(QStringLiteral("/api/v1/users"));
    QCOMPARE(reply.status, 403);
    auto removed = hub::selectValue(db,
                                    QStringLiteral("SELECT action FROM audit_log WHERE entity = "
                                                   "'user' AND entity_id = ? AND district_id = ? "
                                                   "ORDER BY id DESC LIMIT 1"),
                                    {id, m_two.district});
    QVERIFY(removed.ok());
    QCOMPARE(removed->toString(), QStringLiteral("delete"));
    reply = client(m_tokens.value(QStringLiteral("statewide")))
                .get(QStringLiteral("/api/v1/users/%1/districts").arg(id));
    QCOMPARE(reply.json.value(QStringLiteral("districts")).toArray().size(), 1);
}

void tst_Accounts::membershipChangesAreRejected()
{
    const qint64 id = createAccount(QStringLiteral("single"), QStringLiteral("operator"), m_one.district);
    QVERIFY(id > 0);
    auto state = hub::accounts::findAccount(m_engine->store().connection(), QStringLiteral("state"));
    QVERIFY(state.ok() && *state);
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("statewide")));
    const QString path = QStringLiteral("/api/v1/users/%1/districts/%2");
    const QJsonObject asViewer{{QStringLiteral("role"), QStringLiteral("viewer")}};

    ApiReply reply = api.put(path.arg(id).arg(m_two.district), {{QStringLiteral("role"), QStringLiteral("owner")}});
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("role")));
    reply = api.put(path.arg(id).arg(m_two.district), QJsonObject());
    QCOMPARE(reply.status, 422);

    reply = api.put(path.arg(id).arg(987654), asViewer);
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("987654")));
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("\"single\"")));
    reply = api.put(path.arg(987654).arg(m_two.district), asViewer);
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("987654")));
    reply = api.send("PUT", QStringLiteral("/api/v1/users/%1/districts/two").arg(id), "{\"role\": \"viewer\"}");
    QCOMPARE(reply.status, 400);

    reply = api.put(path.arg((*state)->id).arg(m_one.district), asViewer);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("statewide_account"));
    reply = api.remove(path.arg((*state)->id).arg(m_one.district));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("statewide_account"));

    reply = api.remove(path.arg(id).arg(m_two.district));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("User \"single\" has no role in district %1.").arg(m_two.district));
    reply = api.remove(path.arg(id).arg(m_one.district));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("last_district"));
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("\"single\"")));
    reply = api.get(QStringLiteral("/api/v1/users/%1/districts").arg(id));
    QCOMPARE(reply.json.value(QStringLiteral("districts")).toArray().size(), 1);
    reply = api.get(QStringLiteral("/api/v1/users/987654/districts"));
    QCOMPARE(reply.status, 404);

    // Creating a user whose name exists elsewhere points to the statewide route.
    reply = client(m_tokens.value(QStringLiteral("statewide")), QByteArray::number(m_two.district))
                .post(QStringLiteral("/api/v1/users"),
                      {{QStringLiteral("name"), QStringLiteral("single")},
                       {QStringLiteral("password"), kPassword},
                       {QStringLiteral("role"), QStringLiteral("viewer")}});
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields"))[QStringLiteral("name")].toString().contains(
        QStringLiteral("statewide administrator")));
}

void tst_Accounts::ownAccountCannotBeLowered()
{
    auto self = hub::accounts::findAccount(m_engine->store().connection(), QStringLiteral("one-administrator"));
    QVERIFY(self.ok() && *self);
    const QString path = QStringLiteral("/api/v1/users/%1").arg((*self)->id);
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    QCOMPARE(api.put(path, {{QStringLiteral("role"), QStringLiteral("viewer")}}).status, 409);
    QCOMPARE(api.put(path, {{QStringLiteral("disabled"), true}}).status, 409);
    QCOMPARE(api.remove(path).status, 409);
    QCOMPARE(api.put(path, {{QStringLiteral("name"), QStringLiteral("renamed")}}).status, 422);
    QCOMPARE(api.put(path, {{QStringLiteral("role"), QStringLiteral("owner")}}).status, 422);
    QCOMPARE(api.put(path, {{QStringLiteral("password"), QStringLiteral("short")}}).status, 422);
}

void tst_Accounts::districtLifecycle()
{
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("statewide")));
    ApiReply reply = api.post(QStringLiteral("/api/v1/districts"),
                              {{QStringLiteral("name"), QStringLiteral("Third District")},
                               {QStringLiteral("timeZone"), QStringLiteral("America/Chicago")}});
    QCOMPARE(reply.status, 201);
    const qint64 id = reply.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(reply.json.value(QStringLiteral("active")).toBool(), true);

    reply = api.put(QStringLiteral("/api/v1/districts/%1").arg(id),
                    {{QStringLiteral("name"), QStringLiteral("Third Public Schools")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("name")).toString(), QStringLiteral("Third Public Schools"));
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Chicago"));

    reply = api.put(QStringLiteral("/api/v1/districts/%1").arg(id),
                    {{QStringLiteral("timeZone"), QStringLiteral("America/Denver")}});
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Denver"));

    const QJsonArray districts = api.get(QStringLiteral("/api/v1/districts")).json.value(QStringLiteral("districts")).toArray();
    QCOMPARE(districts.size(), 3);
    QCOMPARE(api.get(QStringLiteral("/api/v1/districts/%1").arg(id)).status, 200);

    // The statewide administrator acts on the new district through the header.
    reply = client(m_tokens.value(QStringLiteral("statewide")), QByteArray::number(id))
                .get(QStringLiteral("/api/v1/health"));
    QCOMPARE(reply.json.value(QStringLiteral("district"))[QStringLiteral("name")].toString(),
             QStringLiteral("Third Public Schools"));
}

void tst_Accounts::districtValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no name") << QJsonObject{{QStringLiteral("timeZone"), QStringLiteral("America/Detroit")}}
                             << QStringLiteral("name");
    QTest::newRow("taken name") << QJsonObject{{QStringLiteral("name"), QStringLiteral("Second District")},
                                               {QStringLiteral("timeZone"), QStringLiteral("America/Detroit")}}
                                << QStringLiteral("name");
    QTest::newRow("offset zone") << QJsonObject{{QStringLiteral("name"), QStringLiteral("X")},
                                                {QStringLiteral("timeZone"), QStringLiteral("UTC-05:00x")}}
                                 << QStringLiteral("timeZone");
    QTest::newRow("active text") << QJsonObject{{QStringLiteral("name"), QStringLiteral("Y")},
                                                {QStringLiteral("timeZone"), QStringLiteral("America/Detroit")},
                                                {QStringLiteral("active"), QStringLiteral("yes")}}
                                 << QStringLiteral("active");
}

void tst_Accounts::districtValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const ApiReply reply = client(m_tokens.value(QStringLiteral("statewide")))
                               .post(QStringLiteral("/api/v1/districts"), body);
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json.value(QStringLiteral("fields")).toObject().contains(field), reply.body.constData());
}

void tst_Accounts::deactivatedDistrictIsClosed()
{
    ApiTestClient &state = client(m_tokens.value(QStringLiteral("statewide")));
    ApiReply reply = state.post(QStringLiteral("/api/v1/districts"),
                                {{QStringLiteral("name"), QStringLiteral("Closing District")},
                                 {QStringLiteral("timeZone"), QStringLiteral("America/Detroit")}});
    const qint64 id = reply.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(createAccount(QStringLiteral("closing-admin"), QStringLiteral("administrator"), id) > 0);
    const QByteArray token = signIn(QStringLiteral("closing-admin"));
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/runs")).status, 200);

    reply = client(m_tokens.value(QStringLiteral("statewide")))
                .put(QStringLiteral("/api/v1/districts/%1").arg(id), {{QStringLiteral("active"), false}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("active")).toBool(), false);
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/runs")).status, 403);
    const ApiReply signedIn = signInReply(QStringLiteral("closing-admin"), kPassword);
    QCOMPARE(signedIn.status, 403);
    QCOMPARE(signedIn.json.value(QStringLiteral("error")).toString(), QStringLiteral("no_district"));
    QCOMPARE(client(kAdminToken, QByteArray::number(id)).get(QStringLiteral("/api/v1/runs")).status, 403);
}

void tst_Accounts::districtTimeZoneIsUsed()
{
    ApiTestClient &api = client(kAdminToken, QByteArray::number(m_two.district));
    ApiReply reply = api.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(reply.json.value(QStringLiteral("district"))[QStringLiteral("timeZone")].toString(),
             QStringLiteral("America/Los_Angeles"));
    reply = api.get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Los_Angeles"));
    reply = client(kAdminToken).get(QStringLiteral("/api/v1/runs"));
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Detroit"));
}

void tst_Accounts::auditNamesTheUser()
{
    ApiTestClient &api = client(m_tokens.value(QStringLiteral("administrator")));
    const ApiReply created = api.post(
        QStringLiteral("/api/v1/blackouts"),
        QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2027-04-01")},
                    {QStringLiteral("endsOn"), QStringLiteral("2027-04-01")},
                    {QStringLiteral("reason"), QStringLiteral("Audited")}});
    QCOMPARE(created.status, 201);
    const QSqlDatabase db = m_engine->store().connection();
    auto row = hub::execute(db, QStringLiteral("SELECT actor, district_id FROM audit_log "
                                               "WHERE entity = 'blackout' AND entity_id = ?"),
                            {created.json.value(QStringLiteral("id")).toInteger()});
    QVERIFY(row.ok() && row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("one-administrator"));
    QCOMPARE(row->value(1).toLongLong(), m_one.district);

    auto signIns = hub::execute(db, QStringLiteral("SELECT actor, after_json FROM audit_log "
                                                   "WHERE action = 'sign-in' ORDER BY id"));
    QVERIFY(signIns.ok());
    QSet<QString> outcomes;
    while (signIns->next()) {
        QVERIFY(!signIns->value(1).toString().contains(kPassword));
        outcomes.insert(signIns->value(0).toString() + QLatin1Char(' ')
                        + QJsonDocument::fromJson(signIns->value(1).toByteArray())
                              .object()
                              .value(QStringLiteral("outcome"))
                              .toString());
    }
    QVERIFY(outcomes.contains(QStringLiteral("one-viewer signed in")));
    QVERIFY(outcomes.contains(QStringLiteral("one-viewer invalid credentials")));
    QVERIFY(outcomes.contains(QStringLiteral("unknown user invalid credentials")));
    QVERIFY(outcomes.contains(QStringLiteral("locked-out locked")));
    QVERIFY(outcomes.contains(QStringLiteral("locked-out throttled")));
}

QTEST_GUILESS_MAIN(tst_Accounts)
#include "tst_accounts.moc"
