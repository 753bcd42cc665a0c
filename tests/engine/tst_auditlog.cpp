// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The audit log through the admin API of an in-process engine with two districts. Every
// configuration route writes an entry with secrets masked, and sign-ins are recorded. The
// listing and the CSV export are checked with their filters, paging and district scope.

#include "apitestclient.h"
#include "testdatabase.h"

#include "accounts/accounts.h"
#include "accounts/usercommand.h"
#include "api/adminapi.h"
#include "core/timeutil.h"
#include "engine.h"
#include "http/router.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <pwd.h>
#include <unistd.h>

using hubtest::ApiReply;
using hubtest::ApiTestClient;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");
const QByteArray kAdminToken = "audit-test-admin-token-0123456789";
const QString kBearerToken = QStringLiteral("destination-bearer-token-1");
const QString kNewBearerToken = QStringLiteral("destination-bearer-token-2");
const QString kUserPassword = QStringLiteral("audited user password 1");
const QString kChangedUserPassword = QStringLiteral("audited user password 2");
// Rows the engine may put in one CSV export; tests insert more to reach the limit.
constexpr qint64 kMaxExportRows = 25;

} // namespace

class tst_AuditLog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void maskSecretsReplacesSecretFields();
    void everyConfigurationRouteIsAudited();
    void failedSignInsAreRecorded();
    void userCommandIsAudited();
    void districtSeesOwnEntriesOnly();
    void statewideSeesEveryEntry();
    void filtersSelectEntries_data();
    void filtersSelectEntries();
    void loggedValuesAreFilters();
    void invalidFiltersAreRejected_data();
    void invalidFiltersAreRejected();
    void pagesDoNotOverlap();
    void dayBoundsFollowDistrictZone();
    void csvExportHasEveryColumn();
    void acceptHeaderSelectsCsv();
    void csvExportProtectsFormulas();
    void largeExportNeedsPages();

private:
    qint64 createAccount(const QString &name, const QString &role, qint64 district);
    QByteArray signIn(const QString &name);
    ApiTestClient &client(const QByteArray &token, const QByteArray &district = {});
    QJsonObject latestEntry();
    void insertEntry(qint64 district, const QString &loggedAt, const QString &actor);
    qint64 insertHeldRun(qint64 integration);

    QTemporaryDir m_dataDir;
    QDateTime m_now = QDateTime(QDate(2026, 12, 4), QTime(15, 0), QTimeZone::utc());
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<ApiTestClient> m_client;
    qint64 m_districtOne = 0;
    qint64 m_districtTwo = 0;
    QByteArray m_adminToken;     // one-admin, administrator of district one
    QByteArray m_operatorToken;  // one-operator
    QByteArray m_twoAdminToken;  // two-admin, administrator of district two
    QByteArray m_statewideToken; // state
};

void tst_AuditLog::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    QVERIFY(m_dataDir.isValid());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = hubtest::testDatabase(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = kAdminToken;
    options.workers = 1;
    options.clock = [this] { return m_now; };
    options.maxAuditExportRows = kMaxExportRows;
    // Many sign-ins come from 127.0.0.1 here; tst_signinrate tests the per-address limit.
    options.signInRate = {1000, 100.0};
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_client = std::make_unique<ApiTestClient>(m_engine->baseUrl(), QByteArray());

    m_districtOne = m_engine->districtId();
    const ApiReply second = client(kAdminToken).post(
        QStringLiteral("/api/v1/districts"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Second District")},
                    {QStringLiteral("timeZone"), QStringLiteral("America/Los_Angeles")}});
    QCOMPARE(second.status, 201);
    m_districtTwo = second.json.value(QStringLiteral("id")).toInteger();

    QVERIFY(createAccount(QStringLiteral("one-admin"), QStringLiteral("administrator"), m_districtOne) > 0);
    QVERIFY(createAccount(QStringLiteral("one-operator"), QStringLiteral("operator"), m_districtOne) > 0);
    QVERIFY(createAccount(QStringLiteral("two-admin"), QStringLiteral("administrator"), m_districtTwo) > 0);
    QVERIFY(createAccount(QStringLiteral("state"), QStringLiteral("statewide"), 0) > 0);
    m_adminToken = signIn(QStringLiteral("one-admin"));
    m_operatorToken = signIn(QStringLiteral("one-operator"));
    m_twoAdminToken = signIn(QStringLiteral("two-admin"));
    m_statewideToken = signIn(QStringLiteral("state"));
    QVERIFY(!m_adminToken.isEmpty());
    QVERIFY(!m_twoAdminToken.isEmpty());
    QVERIFY(!m_statewideToken.isEmpty());

    // District two gets a record of its own, so that leaks would show its name.
    const ApiReply blackout = client(m_twoAdminToken).post(
        QStringLiteral("/api/v1/blackouts"),
        QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2027-03-01")},
                    {QStringLiteral("endsOn"), QStringLiteral("2027-03-01")},
                    {QStringLiteral("reason"), QStringLiteral("Two spring break")}});
    QCOMPARE(blackout.status, 201);
}

void tst_AuditLog::cleanupTestCase()
{
    m_client.reset();
    m_engine.reset();
}

qint64 tst_AuditLog::createAccount(const QString &name, const QString &role, qint64 district)
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

QByteArray tst_AuditLog::signIn(const QString &name)
{
    const ApiReply reply = client({}).post(QStringLiteral("/api/v1/session"),
                                           QJsonObject{{QStringLiteral("user"), name},
                                                       {QStringLiteral("password"), kPassword}});
    if (reply.status != 200)
        qWarning() << "Sign-in of" << name << "failed:" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("accessToken")).toString().toLatin1();
}

ApiTestClient &tst_AuditLog::client(const QByteArray &token, const QByteArray &district)
{
    m_client->setToken(token);
    m_client->setDistrict(district);
    m_client->setAccept({});
    return *m_client;
}

// The newest entry of the whole log, read with the statewide administrator's token.
void tst_AuditLog::userCommandIsAudited()
{
    HUB_SQLITE_ONLY("hubd user opens the SQLite store in the data folder");
    const QString cliPassword = QStringLiteral("command line password 1");
    const QString passwordFile = QDir(m_dataDir.path()).filePath(QStringLiteral("cli-password"));
    const auto writePassword = [&](const QString &password) {
        QFile file(passwordFile);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
               && file.write(password.toUtf8() + '\n') > 0;
    };
    const QSqlDatabase db = m_engine->store().connection();
    const auto latestCommandEntry = [&](const QString &action) {
        auto query = hub::execute(
            db, QStringLiteral("SELECT district_id, actor, entity_id, before_json, after_json "
                               "FROM audit_log WHERE entity = 'user' AND action = ? "
                               "AND actor LIKE 'command line%' ORDER BY id DESC LIMIT 1"),
            {action});
        QVariantList row;
        if (query && query->next()) {
            for (int column = 0; column < 5; ++column)
                row.append(query->value(column));
        }
        return row;
    };
    const passwd *osUser = ::getpwuid(::geteuid());
    QVERIFY(osUser);
    const QString actor
        = QStringLiteral("command line (%1)").arg(QString::fromLocal8Bit(osUser->pw_name));

    QVERIFY(writePassword(cliPassword));
    QCOMPARE(hub::accounts::runUserCommand(
                 {QStringLiteral("hubd"), QStringLiteral("add"), QStringLiteral("cli-user"),
                  QStringLiteral("--role"), QStringLiteral("operator"), QStringLiteral("--district"),
                  QString::number(m_districtOne), QStringLiteral("--password-file"), passwordFile},
                 m_dataDir.path()),
             0);
    const QVariantList created = latestCommandEntry(QStringLiteral("create"));
    QCOMPARE(created.size(), 5);
    QCOMPARE(created.at(0).toLongLong(), m_districtOne);
    QCOMPARE(created.at(1).toString(), actor);
    const qint64 userId = created.at(2).toLongLong();
    QVERIFY(userId > 0);
    QVERIFY(created.at(3).isNull());
    const QJsonObject createdAfter
        = QJsonDocument::fromJson(created.at(4).toString().toUtf8()).object();
    QCOMPARE(createdAfter.value(QStringLiteral("name")).toString(), QStringLiteral("cli-user"));
    QCOMPARE(createdAfter.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QVERIFY(!created.at(4).toString().contains(cliPassword));

    const QString newPassword = QStringLiteral("command line password 2");
    QVERIFY(writePassword(newPassword));
    QCOMPARE(hub::accounts::runUserCommand({QStringLiteral("hubd"), QStringLiteral("passwd"),
                                            QStringLiteral("cli-user"),
                                            QStringLiteral("--password-file"), passwordFile},
                                           m_dataDir.path()),
             0);
    const QVariantList changed = latestCommandEntry(QStringLiteral("update"));
    QCOMPARE(changed.size(), 5);
    QCOMPARE(changed.at(0).toLongLong(), m_districtOne);
    QCOMPARE(changed.at(1).toString(), actor);
    QCOMPARE(changed.at(2).toLongLong(), userId);
    const QJsonObject changedAfter
        = QJsonDocument::fromJson(changed.at(4).toString().toUtf8()).object();
    QCOMPARE(changedAfter.value(QStringLiteral("passwordChanged")).toBool(), true);
    QCOMPARE(changedAfter.value(QStringLiteral("name")).toString(), QStringLiteral("cli-user"));
    QVERIFY(!changed.at(3).toString().contains(newPassword));
    QVERIFY(!changed.at(4).toString().contains(newPassword));

    // A statewide account's entry has no district.
    QCOMPARE(hub::accounts::runUserCommand({QStringLiteral("hubd"), QStringLiteral("add"),
                                            QStringLiteral("cli-state"),
                                            QStringLiteral("--statewide"),
                                            QStringLiteral("--password-file"), passwordFile},
                                           m_dataDir.path()),
             0);
    const QVariantList statewide = latestCommandEntry(QStringLiteral("create"));
    QCOMPARE(statewide.size(), 5);
    QVERIFY(statewide.at(0).isNull());
    QCOMPARE(QJsonDocument::fromJson(statewide.at(4).toString().toUtf8())
                 .object()
                 .value(QStringLiteral("role"))
                 .toString(),
             QStringLiteral("statewide"));

    // An audit entry that cannot be written makes the command fail.
    QVERIFY(hub::execute(db, QStringLiteral("CREATE TRIGGER audit_rejects_command BEFORE INSERT "
                                            "ON audit_log WHEN NEW.actor LIKE 'command line%' "
                                            "BEGIN SELECT RAISE(ABORT, 'audit log is read-only'); "
                                            "END"))
                .ok());
    const int failed = hub::accounts::runUserCommand(
        {QStringLiteral("hubd"), QStringLiteral("passwd"), QStringLiteral("cli-user"),
         QStringLiteral("--password-file"), passwordFile},
        m_dataDir.path());
    QVERIFY(hub::execute(db, QStringLiteral("DROP TRIGGER audit_rejects_command")).ok());
    QCOMPARE(failed, 1);
}

QJsonObject tst_AuditLog::latestEntry()
{
    const ApiReply reply = client(m_statewideToken).get(QStringLiteral("/api/v1/audit?limit=1"));
    return reply.json.value(QStringLiteral("entries")).toArray().first().toObject();
}

void tst_AuditLog::insertEntry(qint64 district, const QString &loggedAt, const QString &actor)
{
    auto inserted = hub::execute(m_engine->store().connection(),
                                 QStringLiteral("INSERT INTO audit_log(district_id, logged_at, "
                                                "actor, action, entity, entity_id) "
                                                "VALUES (?, ?, ?, 'update', 'integration', 1)"),
                                 {district, loggedAt, actor});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
}

// A queued run of district one that waits for approval, as an inbound load with many
// retirements leaves it.
qint64 tst_AuditLog::insertHeldRun(qint64 integration)
{
    auto inserted = hub::execute(m_engine->store().connection(),
                                 QStringLiteral("INSERT INTO runs(district_id, integration_id, "
                                                "trigger, status, queued_at, hold) "
                                                "VALUES (?, ?, 'manual', 2, ?, 'held')"),
                                 {m_districtOne, integration, hub::toIsoUtc(m_now)});
    if (!inserted) {
        qWarning() << "Cannot insert a held run:" << inserted.error();
        return 0;
    }
    return inserted->lastInsertId().toLongLong();
}

void tst_AuditLog::maskSecretsReplacesSecretFields()
{
    const QJsonObject masked = hub::api::maskSecrets(QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Vendor")},
        {QStringLiteral("password"), QStringLiteral("p1")},
        {QStringLiteral("secretChangedAt"), QStringLiteral("2026-12-04T15:00:00.000Z")},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("sasToken"), QStringLiteral("p2")},
                     {QStringLiteral("privateKeyPassphrase"), QStringLiteral("p3")},
                     {QStringLiteral("accountKey"), QJsonObject{{QStringLiteral("stored"), true}}},
                     {QStringLiteral("url"), QStringLiteral("https://127.0.0.1/in")}}},
        {QStringLiteral("items"),
         QJsonArray{QJsonObject{{QStringLiteral("clientSecret"), QStringLiteral("p4")}}}},
        {QStringLiteral("webhook"), QJsonObject{{QStringLiteral("signingKey"), QStringLiteral("p5")}}},
    });
    QCOMPARE(masked.value(QStringLiteral("name")).toString(), QStringLiteral("Vendor"));
    QCOMPARE(masked.value(QStringLiteral("password")).toString(), QStringLiteral("(masked)"));
    QCOMPARE(masked.value(QStringLiteral("secretChangedAt")).toString(),
             QStringLiteral("2026-12-04T15:00:00.000Z"));
    const QJsonObject settings = masked.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("sasToken")).toString(), QStringLiteral("(masked)"));
    QCOMPARE(settings.value(QStringLiteral("privateKeyPassphrase")).toString(),
             QStringLiteral("(masked)"));
    QCOMPARE(settings.value(QStringLiteral("accountKey")).toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}}));
    QCOMPARE(settings.value(QStringLiteral("url")).toString(), QStringLiteral("https://127.0.0.1/in"));
    QCOMPARE(masked.value(QStringLiteral("items"))[0][QStringLiteral("clientSecret")].toString(),
             QStringLiteral("(masked)"));
    QCOMPARE(masked.value(QStringLiteral("webhook"))[QStringLiteral("signingKey")].toString(),
             QStringLiteral("(masked)"));
}

void tst_AuditLog::everyConfigurationRouteIsAudited()
{
    QSet<QString> audited; // "METHOD pattern" of each route that the steps below reach
    QStringList secrets = {kBearerToken, kNewBearerToken, kUserPassword, kChangedUserPassword};

    // Sends one request and checks the newest entry: its action, entity, id, actor and district
    // (-1 for the id of the record that the request creates).
    const auto step = [&](const QByteArray &token, const QByteArray &method, const QString &pattern,
                          qint64 id, const QJsonObject &body, int status, const QString &action,
                          const QString &entity, qint64 district) -> ApiReply {
        QString path = pattern;
        path.replace(QStringLiteral("{id}"), QString::number(id));
        path.replace(QStringLiteral("{district}"), QString::number(district));
        const ApiReply reply = client(token).send(
            method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        const QString name = QString::fromLatin1(method) + QLatin1Char(' ') + pattern;
        if (reply.status != status) {
            qWarning() << name << reply.status << reply.body;
            return reply;
        }
        const QJsonObject entry = latestEntry();
        const qint64 entityId = id != 0 ? id : reply.json.value(QStringLiteral("id")).toInteger();
        if (entry.value(QStringLiteral("action")).toString() == action
            && entry.value(QStringLiteral("entity")).toString() == entity
            && entry.value(QStringLiteral("entityId")).toInteger() == entityId
            && entry.value(QStringLiteral("districtId")).toInteger()
                   == (district < 0 ? entityId : district)
            && !entry.value(QStringLiteral("actor")).toString().isEmpty())
            audited.insert(name);
        else
            qWarning() << name << "wrote" << entry;
        return reply;
    };
    const qint64 one = m_districtOne;
    const QByteArray &admin = m_adminToken;

    const QJsonObject folder{{QStringLiteral("name"), QStringLiteral("Audit Folder")},
                             {QStringLiteral("kind"), QStringLiteral("folder")},
                             {QStringLiteral("settings"),
                              QJsonObject{{QStringLiteral("path"),
                                           QDir(m_dataDir.path()).filePath(QStringLiteral("out"))}}}};
    const qint64 folderId = step(admin, "POST", QStringLiteral("/api/v1/destinations"), 0, folder,
                                 201, QStringLiteral("create"), QStringLiteral("destination"), one)
                                .json.value(QStringLiteral("id")).toInteger();
    QJsonObject https{{QStringLiteral("name"), QStringLiteral("Audit Vendor")},
                      {QStringLiteral("kind"), QStringLiteral("https")},
                      {QStringLiteral("settings"),
                       QJsonObject{{QStringLiteral("url"), QStringLiteral("https://127.0.0.1/in")},
                                   {QStringLiteral("authentication"), QStringLiteral("bearer")},
                                   {QStringLiteral("bearerToken"), kBearerToken}}}};
    const qint64 httpsId = step(admin, "POST", QStringLiteral("/api/v1/destinations"), 0, https,
                                201, QStringLiteral("create"), QStringLiteral("destination"), one)
                               .json.value(QStringLiteral("id")).toInteger();
    https.insert(QStringLiteral("settings"),
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("https://127.0.0.1/in")},
                             {QStringLiteral("authentication"), QStringLiteral("bearer")},
                             {QStringLiteral("bearerToken"), kNewBearerToken}});
    step(admin, "PUT", QStringLiteral("/api/v1/destinations/{id}"), httpsId, https, 200,
         QStringLiteral("update"), QStringLiteral("destination"), one);
    QCOMPARE(latestEntry().value(QStringLiteral("before"))[QStringLiteral("settings")]
                 [QStringLiteral("bearerToken")].toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}}));
    QCOMPARE(latestEntry().value(QStringLiteral("after"))[QStringLiteral("settings")]
                 [QStringLiteral("bearerToken")].toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}, {QStringLiteral("replaced"), true}}));
    step(admin, "DELETE", QStringLiteral("/api/v1/destinations/{id}"), httpsId, {}, 204,
         QStringLiteral("delete"), QStringLiteral("destination"), one);

    qint64 productId = 0;
    qint64 outputId = 0;
    const QJsonArray products = client(admin)
                                    .get(QStringLiteral("/api/v1/catalog/products"))
                                    .json.value(QStringLiteral("products"))
                                    .toArray();
    for (const QJsonValue &product : products) {
        const QJsonArray outputs = product[QStringLiteral("outputs")].toArray();
        for (const QJsonValue &output : outputs) {
            if (output[QStringLiteral("key")].toString() == QLatin1String("milearn-sections")) {
                productId = product[QStringLiteral("id")].toInteger();
                outputId = output[QStringLiteral("id")].toInteger();
            }
        }
    }
    QVERIFY(outputId > 0);
    QJsonObject integration{
        {QStringLiteral("productId"), productId},
        {QStringLiteral("outputId"), outputId},
        {QStringLiteral("format"), QStringLiteral("csv")},
        {QStringLiteral("active"), false},
        {QStringLiteral("destinations"),
         QJsonArray{QJsonObject{{QStringLiteral("destinationId"), folderId},
                                {QStringLiteral("active"), true}}}}};
    const qint64 integrationId
        = step(admin, "POST", QStringLiteral("/api/v1/integrations"), 0, integration, 201,
               QStringLiteral("create"), QStringLiteral("integration"), one)
              .json.value(QStringLiteral("id")).toInteger();
    integration.insert(QStringLiteral("notes"), QStringLiteral("Changed for the audit"));
    step(admin, "PUT", QStringLiteral("/api/v1/integrations/{id}"), integrationId, integration,
         200, QStringLiteral("update"), QStringLiteral("integration"), one);

    // An API integration's connector settings, with a client secret that stays sealed.
    qint64 powerschoolId = 0;
    for (const QJsonValue &product : products) {
        if (product[QStringLiteral("key")].toString() == QLatin1String("powerschool"))
            powerschoolId = product[QStringLiteral("id")].toInteger();
    }
    QVERIFY(powerschoolId > 0);
    const qint64 pullId = step(admin, "POST", QStringLiteral("/api/v1/integrations"), 0,
                               {{QStringLiteral("productId"), powerschoolId}}, 201,
                               QStringLiteral("create"), QStringLiteral("integration"), one)
                              .json.value(QStringLiteral("id")).toInteger();
    const QString clientSecret = QStringLiteral("audit connector client secret 1");
    secrets << clientSecret;
    step(admin, "PUT", QStringLiteral("/api/v1/integrations/{id}/connector"), pullId,
         {{QStringLiteral("settings"),
           QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/ims/oneroster/v1p1")},
                       {QStringLiteral("tokenUrl"), QStringLiteral("http://127.0.0.1:9/oauth/token")},
                       {QStringLiteral("clientId"), QStringLiteral("audit-client")},
                       {QStringLiteral("clientSecret"), clientSecret}}}},
         200, QStringLiteral("update"), QStringLiteral("integration_connector"), one);

    // A chunked upload to an inbound integration: its start, completion and deletion.
    qint64 inboundProductId = 0;
    for (const QJsonValue &product : products) {
        if (product[QStringLiteral("integrationType")].toString() == QLatin1String("inbound"))
            inboundProductId = product[QStringLiteral("id")].toInteger();
    }
    QVERIFY(inboundProductId > 0);
    const qint64 inboundId = step(admin, "POST", QStringLiteral("/api/v1/integrations"), 0,
                                  {{QStringLiteral("productId"), inboundProductId}}, 201,
                                  QStringLiteral("create"), QStringLiteral("integration"), one)
                                 .json.value(QStringLiteral("id")).toInteger();
    const QJsonObject upload{{QStringLiteral("fileName"), QStringLiteral("audit.csv")},
                             {QStringLiteral("size"), 4}};
    const QString uploadId = step(m_operatorToken, "POST",
                                  QStringLiteral("/api/v1/integrations/{id}/uploads"), inboundId,
                                  upload, 201, QStringLiteral("upload_start"),
                                  QStringLiteral("integration"), one)
                                 .json.value(QStringLiteral("id")).toString();
    QCOMPARE(latestEntry().value(QStringLiteral("after"))[QStringLiteral("uploadId")].toString(),
             uploadId);
    const QString uploadPath
        = QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(inboundId).arg(uploadId);
    QCOMPARE(client(m_operatorToken)
                 .send("PUT", uploadPath + QStringLiteral("?offset=0"), "a\nb\n",
                       "application/octet-stream")
                 .status,
             200);
    QCOMPARE(client(m_operatorToken).post(uploadPath + QStringLiteral("/complete")).status, 202);
    QCOMPARE(latestEntry().value(QStringLiteral("action")).toString(),
             QStringLiteral("upload_complete"));
    QCOMPARE(latestEntry().value(QStringLiteral("entityId")).toInteger(), inboundId);
    QCOMPARE(latestEntry().value(QStringLiteral("actor")).toString(),
             QStringLiteral("one-operator"));
    QVERIFY(latestEntry().value(QStringLiteral("after"))[QStringLiteral("runId")].toInteger() > 0);
    audited.insert(QStringLiteral("POST /api/v1/integrations/{id}/uploads/{upload}/complete"));
    const QString cancelledId = client(m_operatorToken)
                                    .post(QStringLiteral("/api/v1/integrations/%1/uploads")
                                              .arg(inboundId),
                                          upload)
                                    .json.value(QStringLiteral("id")).toString();
    QCOMPARE(client(m_operatorToken)
                 .remove(QStringLiteral("/api/v1/integrations/%1/uploads/%2")
                             .arg(inboundId)
                             .arg(cancelledId))
                 .status,
             204);
    QCOMPARE(latestEntry().value(QStringLiteral("action")).toString(),
             QStringLiteral("upload_delete"));
    QCOMPARE(latestEntry().value(QStringLiteral("before"))[QStringLiteral("uploadId")].toString(),
             cancelledId);
    audited.insert(QStringLiteral("DELETE /api/v1/integrations/{id}/uploads/{upload}"));

    // A file uploaded in one request gets the same entry as a completed chunked upload.
    const ApiReply single
        = client(m_operatorToken)
              .send("POST",
                    QStringLiteral("/api/v1/integrations/%1/files?fileName=single.csv")
                        .arg(inboundId),
                    "a\nb\n", "text/csv");
    QCOMPARE(single.status, 202);
    const QJsonObject singleEntry = latestEntry();
    QCOMPARE(singleEntry.value(QStringLiteral("action")).toString(),
             QStringLiteral("upload_complete"));
    QCOMPARE(singleEntry.value(QStringLiteral("entity")).toString(), QStringLiteral("integration"));
    QCOMPARE(singleEntry.value(QStringLiteral("entityId")).toInteger(), inboundId);
    QCOMPARE(singleEntry.value(QStringLiteral("actor")).toString(), QStringLiteral("one-operator"));
    const QJsonObject singleAfter = singleEntry.value(QStringLiteral("after")).toObject();
    QCOMPARE(singleAfter.value(QStringLiteral("fileName")).toString(),
             QStringLiteral("single.csv"));
    QCOMPARE(singleAfter.value(QStringLiteral("size")).toInteger(), 4);
    QCOMPARE(singleAfter.value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash("a\nb\n", QCryptographicHash::Sha256).toHex()));
    QCOMPARE(singleAfter.value(QStringLiteral("runId")).toInteger(),
             single.json.value(QStringLiteral("id")).toInteger());
    audited.insert(QStringLiteral("POST /api/v1/integrations/{id}/files"));

    const QString smtpPassword = QStringLiteral("audit smtp password 1");
    const QString signingKey = QStringLiteral("audit webhook signing key 1");
    secrets << smtpPassword << signingKey;
    step(admin, "PUT", QStringLiteral("/api/v1/notifications/settings"), 0,
         {{QStringLiteral("email"),
           QJsonObject{{QStringLiteral("enabled"), false},
                       {QStringLiteral("recipients"),
                        QJsonArray{QStringLiteral("coordinator@one.example.org")}},
                       {QStringLiteral("password"), smtpPassword}}},
          {QStringLiteral("webhook"),
           QJsonObject{{QStringLiteral("enabled"), false},
                       {QStringLiteral("url"), QStringLiteral("https://one.example.org/hook")},
                       {QStringLiteral("signingKey"), signingKey}}}},
         200, QStringLiteral("update"), QStringLiteral("notification_settings"), one);
    QCOMPARE(latestEntry().value(QStringLiteral("after"))[QStringLiteral("email")]
                 [QStringLiteral("password")].toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}}));
    // A replaced signing key shows as replaced, and the kept password as stored, in neither
    // case with its value.
    const QString newSigningKey = QStringLiteral("audit webhook signing key 2");
    secrets << newSigningKey;
    step(admin, "PUT", QStringLiteral("/api/v1/notifications/settings"), 0,
         {{QStringLiteral("email"),
           QJsonObject{{QStringLiteral("enabled"), false},
                       {QStringLiteral("recipients"),
                        QJsonArray{QStringLiteral("coordinator@one.example.org")}},
                       {QStringLiteral("password"), QJsonObject{{QStringLiteral("stored"), true}}}}},
          {QStringLiteral("webhook"),
           QJsonObject{{QStringLiteral("enabled"), false},
                       {QStringLiteral("url"), QStringLiteral("https://one.example.org/hook")},
                       {QStringLiteral("signingKey"), newSigningKey}}}},
         200, QStringLiteral("update"), QStringLiteral("notification_settings"), one);
    const QJsonObject keyEntry = latestEntry();
    QCOMPARE(keyEntry.value(QStringLiteral("before"))[QStringLiteral("webhook")]
                 [QStringLiteral("signingKey")].toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}}));
    QCOMPARE(keyEntry.value(QStringLiteral("after"))[QStringLiteral("webhook")]
                 [QStringLiteral("signingKey")].toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}, {QStringLiteral("replaced"), true}}));
    QCOMPARE(keyEntry.value(QStringLiteral("after"))[QStringLiteral("email")]
                 [QStringLiteral("password")].toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}}));
    step(admin, "PUT", QStringLiteral("/api/v1/integrations/{id}/notifications"), integrationId,
         {{QStringLiteral("inherit"), false},
          {QStringLiteral("recipients"), QJsonArray{QStringLiteral("teacher@one.example.org")}}},
         200, QStringLiteral("update"), QStringLiteral("integration_notifications"), one);

    const qint64 blackoutId
        = step(admin, "POST", QStringLiteral("/api/v1/blackouts"), 0,
               {{QStringLiteral("startsOn"), QStringLiteral("2027-04-01")},
                {QStringLiteral("endsOn"), QStringLiteral("2027-04-02")},
                {QStringLiteral("reason"), QStringLiteral("Audit")}},
               201, QStringLiteral("create"), QStringLiteral("blackout"), one)
              .json.value(QStringLiteral("id")).toInteger();
    step(admin, "DELETE", QStringLiteral("/api/v1/blackouts/{id}"), blackoutId, {}, 204,
         QStringLiteral("delete"), QStringLiteral("blackout"), one);

    const qint64 specId
        = step(admin, "POST", QStringLiteral("/api/v1/file-specs"), 0,
               {{QStringLiteral("basedOn"), QStringLiteral("contoso-daily-attendance")},
                {QStringLiteral("key"), QStringLiteral("audit-attendance")}},
               201, QStringLiteral("create"), QStringLiteral("file_spec"), one)
              .json.value(QStringLiteral("id")).toInteger();
    step(admin, "PUT", QStringLiteral("/api/v1/file-specs/{id}"), specId,
         {{QStringLiteral("name"), QStringLiteral("Audited attendance")}}, 200,
         QStringLiteral("update"), QStringLiteral("file_spec"), one);
    step(admin, "DELETE", QStringLiteral("/api/v1/file-specs/{id}"), specId, {}, 204,
         QStringLiteral("delete"), QStringLiteral("file_spec"), one);
    // The deleted specification is kept in the entry's before.
    QCOMPARE(latestEntry().value(QStringLiteral("before"))[QStringLiteral("name")].toString(),
             QStringLiteral("Audited attendance"));

    const QString applications = QStringLiteral("/api/v1/oneroster/applications");
    const ApiReply application
        = step(admin, "POST", applications, 0,
               {{QStringLiteral("name"), QStringLiteral("Audit Reader")},
                {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}}},
               201, QStringLiteral("create"), QStringLiteral("oneroster_application"), one);
    const qint64 applicationId = application.json.value(QStringLiteral("id")).toInteger();
    secrets.append(application.json.value(QStringLiteral("clientSecret")).toString());
    step(admin, "PUT", applications + QStringLiteral("/{id}"), applicationId,
         {{QStringLiteral("name"), QStringLiteral("Audit Reader 2")},
          {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
          {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}}},
         200, QStringLiteral("update"), QStringLiteral("oneroster_application"), one);
    secrets.append(step(admin, "POST", applications + QStringLiteral("/{id}/secret"), applicationId,
                        {}, 200, QStringLiteral("reset_secret"),
                        QStringLiteral("oneroster_application"), one)
                       .json.value(QStringLiteral("clientSecret"))
                       .toString());
    step(admin, "DELETE", applications + QStringLiteral("/{id}"), applicationId, {}, 204,
         QStringLiteral("delete"), QStringLiteral("oneroster_application"), one);

    const qint64 userId = step(admin, "POST", QStringLiteral("/api/v1/users"), 0,
                               {{QStringLiteral("name"), QStringLiteral("audited-clerk")},
                                {QStringLiteral("password"), kUserPassword},
                                {QStringLiteral("role"), QStringLiteral("viewer")}},
                               201, QStringLiteral("create"), QStringLiteral("user"), one)
                              .json.value(QStringLiteral("id")).toInteger();
    step(admin, "PUT", QStringLiteral("/api/v1/users/{id}"), userId,
         {{QStringLiteral("password"), kChangedUserPassword}}, 200, QStringLiteral("update"),
         QStringLiteral("user"), one);
    QCOMPARE(latestEntry().value(QStringLiteral("after"))[QStringLiteral("passwordChanged")].toBool(),
             true);
    step(admin, "DELETE", QStringLiteral("/api/v1/users/{id}"), userId, {}, 204,
         QStringLiteral("delete"), QStringLiteral("user"), one);

    const qint64 districtId = step(m_statewideToken, "POST", QStringLiteral("/api/v1/districts"), 0,
                                   {{QStringLiteral("name"), QStringLiteral("Audit District")},
                                    {QStringLiteral("timeZone"), QStringLiteral("America/Chicago")}},
                                   201, QStringLiteral("create"), QStringLiteral("district"), -1)
                                  .json.value(QStringLiteral("id")).toInteger();
    // A district's own entries belong to it, so its administrators see them.
    QCOMPARE(latestEntry().value(QStringLiteral("districtId")).toInteger(), districtId);
    step(m_statewideToken, "PUT", QStringLiteral("/api/v1/districts/{id}"), districtId,
         {{QStringLiteral("name"), QStringLiteral("Audit District 2")}}, 200,
         QStringLiteral("update"), QStringLiteral("district"), districtId);
    // A district given to an account, or taken away, shows in that district's entries.
    const qint64 teacherId = step(admin, "POST", QStringLiteral("/api/v1/users"), 0,
                                  {{QStringLiteral("name"), QStringLiteral("audited-teacher")},
                                   {QStringLiteral("password"), kUserPassword},
                                   {QStringLiteral("role"), QStringLiteral("viewer")}},
                                  201, QStringLiteral("create"), QStringLiteral("user"), one)
                                 .json.value(QStringLiteral("id")).toInteger();
    step(m_statewideToken, "PUT", QStringLiteral("/api/v1/users/{id}/districts/{district}"),
         teacherId, {{QStringLiteral("role"), QStringLiteral("operator")}}, 201,
         QStringLiteral("create"), QStringLiteral("user"), districtId);
    QCOMPARE(latestEntry().value(QStringLiteral("after"))[QStringLiteral("role")].toString(),
             QStringLiteral("operator"));
    step(m_statewideToken, "DELETE", QStringLiteral("/api/v1/users/{id}/districts/{district}"),
         teacherId, {}, 204, QStringLiteral("delete"), QStringLiteral("user"), districtId);
    QCOMPARE(latestEntry().value(QStringLiteral("before"))[QStringLiteral("role")].toString(),
             QStringLiteral("operator"));

    // Held loads are approved and rejected by operators.
    step(m_operatorToken, "POST", QStringLiteral("/api/v1/runs/{id}/reject"),
         insertHeldRun(integrationId), {}, 200, QStringLiteral("reject"), QStringLiteral("run"), one);
    QCOMPARE(latestEntry().value(QStringLiteral("after"))[QStringLiteral("hold")].toString(),
             QStringLiteral("rejected"));
    step(m_operatorToken, "POST", QStringLiteral("/api/v1/runs/{id}/approve"),
         insertHeldRun(integrationId), {}, 202, QStringLiteral("approve"), QStringLiteral("run"),
         one);
    QCOMPARE(latestEntry().value(QStringLiteral("actor")).toString(), QStringLiteral("one-operator"));

    // The integration goes first, because a destination in use cannot be deleted.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const ApiReply deleted = client(admin).remove(
            QStringLiteral("/api/v1/integrations/%1").arg(integrationId));
        if (deleted.status != 409)
            break;
        QTest::qWait(100); // the approved run is still running
    }
    QCOMPARE(latestEntry().value(QStringLiteral("entity")).toString(), QStringLiteral("integration"));
    QCOMPARE(latestEntry().value(QStringLiteral("action")).toString(), QStringLiteral("delete"));
    audited.insert(QStringLiteral("DELETE /api/v1/integrations/{id}"));
    step(admin, "DELETE", QStringLiteral("/api/v1/destinations/{id}"), folderId, {}, 204,
         QStringLiteral("delete"), QStringLiteral("destination"), one);

    // Every route that changes configuration, users, districts or held loads was reached.
    hub::http::Router router;
    hub::api::ApiContext context;
    context.store = &m_engine->store();
    hub::api::registerAdminApi(router, context);
    const QSet<QString> changesNothing = {
        QStringLiteral("POST /api/v1/destinations/{id}/test"),
        QStringLiteral("POST /api/v1/integrations/{id}/connector/test"),
        QStringLiteral("POST /api/v1/integrations/{id}/runs"),
        // A chunk adds bytes to an upload, whose start, completion and deletion are audited.
        QStringLiteral("PUT /api/v1/integrations/{id}/uploads/{upload}"),
        QStringLiteral("POST /api/v1/runs/{id}/cancel"),
        QStringLiteral("POST /api/v1/runs/{id}/retry"),
        QStringLiteral("POST /api/v1/integrations/preview"),
        QStringLiteral("POST /api/v1/schedules/preview"),
        QStringLiteral("POST /api/v1/notifications/test"),
        QStringLiteral("DELETE /api/v1/session"),
    };
    for (const auto &route : router.routes()) {
        if (route.method == "GET" || route.access == hub::http::Access::Public)
            continue;
        const QString name = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
        if (changesNothing.contains(name))
            continue;
        QVERIFY2(audited.contains(name), qPrintable(name + QLatin1String(" was not audited")));
    }

    // No secret that the steps sent or received is in the log.
    auto rows = hub::execute(m_engine->store().connection(),
                             QStringLiteral("SELECT coalesce(before_json, '') || "
                                            "coalesce(after_json, '') FROM audit_log"));
    QVERIFY(rows.ok());
    int checked = 0;
    while (rows->next()) {
        const QString text = rows->value(0).toString();
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(secret.isEmpty() || !text.contains(secret), qPrintable(text));
        ++checked;
    }
    QVERIFY(checked > 20);
}

void tst_AuditLog::failedSignInsAreRecorded()
{
    const QString wrong = QStringLiteral("wrong password 7");
    const QString typedAsName = QStringLiteral("ghost-user");
    ApiReply reply = client({}).post(QStringLiteral("/api/v1/session"),
                                     QJsonObject{{QStringLiteral("user"), QStringLiteral("one-admin")},
                                                 {QStringLiteral("password"), wrong}});
    QCOMPARE(reply.status, 401);
    QJsonObject entry = latestEntry();
    QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("sign-in"));
    QCOMPARE(entry.value(QStringLiteral("actor")).toString(), QStringLiteral("one-admin"));
    QVERIFY(entry.value(QStringLiteral("districtId")).isNull());
    QJsonObject after = entry.value(QStringLiteral("after")).toObject();
    QCOMPARE(after.value(QStringLiteral("outcome")).toString(), QStringLiteral("invalid credentials"));
    QCOMPARE(after.value(QStringLiteral("user")).toString(), QStringLiteral("one-admin"));
    QCOMPARE(after.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));

    reply = client({}).post(QStringLiteral("/api/v1/session"),
                            QJsonObject{{QStringLiteral("user"), typedAsName},
                                        {QStringLiteral("password"), wrong}});
    QCOMPARE(reply.status, 401);
    entry = latestEntry();
    QCOMPARE(entry.value(QStringLiteral("actor")).toString(), QStringLiteral("unknown user"));
    after = entry.value(QStringLiteral("after")).toObject();
    QVERIFY(!after.contains(QStringLiteral("user")));
    QCOMPARE(after.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));

    // Neither the password tried nor a name that matches no account is in any entry.
    const ApiReply all = client(m_statewideToken).get(QStringLiteral("/api/v1/audit?limit=500"));
    QCOMPARE(all.status, 200);
    QVERIFY(!all.body.contains(wrong.toUtf8()));
    QVERIFY(!all.body.contains(kPassword.toUtf8()));
    QVERIFY(!all.body.contains(typedAsName.toUtf8()));
}

void tst_AuditLog::districtSeesOwnEntriesOnly()
{
    const ApiReply reply = client(m_adminToken).get(QStringLiteral("/api/v1/audit?limit=500"));
    QCOMPARE(reply.status, 200);
    QVERIFY2(!reply.body.contains("Two") && !reply.body.contains("two-admin")
                 && !reply.body.contains("Second District"),
             reply.body.constData());
    // Sign-ins with unknown names belong to no district.
    QVERIFY(!reply.body.contains("ghost-user"));
    const QJsonArray entries = reply.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(reply.json.value(QStringLiteral("total")).toInteger(), entries.size());
    QSet<QString> signIns;
    for (const QJsonValue &entry : entries) {
        if (entry[QStringLiteral("districtId")].isNull()) {
            QCOMPARE(entry[QStringLiteral("action")].toString(), QStringLiteral("sign-in"));
            signIns.insert(entry[QStringLiteral("actor")].toString());
        } else {
            QCOMPARE(entry[QStringLiteral("districtId")].toInteger(), m_districtOne);
        }
    }
    // The district's own accounts' sign-ins are there, the statewide account's are not.
    QCOMPARE(signIns, (QSet<QString>{QStringLiteral("one-admin"), QStringLiteral("one-operator")}));

    // District two's administrator sees district two's blackout and none of district one.
    const ApiReply two = client(m_twoAdminToken).get(QStringLiteral("/api/v1/audit?limit=500"));
    QCOMPARE(two.status, 200);
    QVERIFY(two.body.contains("Two spring break"));
    QVERIFY(!two.body.contains("one-admin"));
    QVERIFY(!two.body.contains("Audit Folder"));
    // The district header cannot widen the scope.
    QCOMPARE(client(m_adminToken, QByteArray::number(m_districtTwo))
                 .get(QStringLiteral("/api/v1/audit"))
                 .status,
             403);
    // Operators and viewers have no audit log.
    QCOMPARE(client(m_operatorToken).get(QStringLiteral("/api/v1/audit")).status, 403);
    QCOMPARE(client(m_operatorToken).get(QStringLiteral("/api/v1/audit.csv")).status, 403);
}

void tst_AuditLog::statewideSeesEveryEntry()
{
    const ApiReply reply = client(m_statewideToken).get(QStringLiteral("/api/v1/audit?limit=500"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains("Two spring break"));
    QVERIFY(reply.body.contains("Audit Folder"));
    QVERIFY(reply.body.contains("\"actor\":\"unknown user\""));
    QVERIFY(reply.body.contains("\"actor\":\"two-admin\""));
    auto count = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM audit_log"));
    QVERIFY(count.ok());
    QCOMPARE(reply.json.value(QStringLiteral("total")).toInteger(), count->toLongLong());
    const QJsonArray entries = reply.json.value(QStringLiteral("entries")).toArray();
    bool namesDistrict = false;
    for (const QJsonValue &entry : entries) {
        if (entry[QStringLiteral("districtId")].toInteger() == m_districtTwo)
            namesDistrict = entry[QStringLiteral("district")].toString() == QLatin1String("Second District");
    }
    QVERIFY(namesDistrict);
}

void tst_AuditLog::filtersSelectEntries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("actor") << QStringLiteral("actor=one-operator") << QStringLiteral("actor")
                           << QStringLiteral("one-operator");
    QTest::newRow("entity") << QStringLiteral("entity=destination") << QStringLiteral("entity")
                            << QStringLiteral("destination");
    QTest::newRow("action") << QStringLiteral("action=delete") << QStringLiteral("action")
                            << QStringLiteral("delete");
    QTest::newRow("actor with space") << QStringLiteral("actor=local%20administrator")
                                      << QStringLiteral("actor")
                                      << QStringLiteral("local administrator");
}

void tst_AuditLog::filtersSelectEntries()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(QString, value);
    const ApiReply reply
        = client(m_statewideToken).get(QStringLiteral("/api/v1/audit?limit=500&") + query);
    QCOMPARE(reply.status, 200);
    const QJsonArray entries = reply.json.value(QStringLiteral("entries")).toArray();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(reply.json.value(QStringLiteral("total")).toInteger(), entries.size());
    for (const QJsonValue &entry : entries)
        QCOMPARE(entry[field].toString(), value);

    // Filters combine with AND.
    const ApiReply both = client(m_statewideToken)
                              .get(QStringLiteral("/api/v1/audit?entity=destination&action=delete"));
    QCOMPARE(both.json.value(QStringLiteral("total")).toInteger(), 2);
    const ApiReply none = client(m_statewideToken).get(QStringLiteral("/api/v1/audit?actor=nobody"));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json.value(QStringLiteral("total")).toInteger(), 0);
}

// Every action and entity that the earlier tests logged is accepted as a filter value.
void tst_AuditLog::loggedValuesAreFilters()
{
    for (const QString &field : {QStringLiteral("action"), QStringLiteral("entity")}) {
        auto rows = hub::execute(m_engine->store().connection(),
                                 QStringLiteral("SELECT DISTINCT %1 FROM audit_log").arg(field));
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        int checked = 0;
        while (rows->next()) {
            const QString value = rows->value(0).toString();
            const ApiReply reply
                = client(m_statewideToken)
                      .get(QStringLiteral("/api/v1/audit?%1=%2").arg(field, value));
            QVERIFY2(reply.status == 200, qPrintable(field + QLatin1Char('=') + value));
            QVERIFY(reply.json.value(QStringLiteral("total")).toInteger() > 0);
            ++checked;
        }
        QVERIFY(checked > 3);
    }
}

void tst_AuditLog::invalidFiltersAreRejected_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("from not a date") << QStringLiteral("from=2026-13-01") << QStringLiteral("from");
    QTest::newRow("to in US order") << QStringLiteral("to=12/04/2026") << QStringLiteral("to");
    QTest::newRow("to before from") << QStringLiteral("from=2026-12-04&to=2026-12-03")
                                    << QStringLiteral("to");
    QTest::newRow("limit zero") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::newRow("limit too large") << QStringLiteral("limit=501") << QStringLiteral("limit");
    QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit");
    QTest::newRow("negative offset") << QStringLiteral("offset=-1") << QStringLiteral("offset");
    QTest::newRow("long actor") << QStringLiteral("actor=") + QString(201, QLatin1Char('a'))
                                << QStringLiteral("actor");
    QTest::newRow("unknown action")
        << QStringLiteral("action=nonsense") << QStringLiteral("action");
    QTest::newRow("action in other case")
        << QStringLiteral("action=Update") << QStringLiteral("action");
    QTest::newRow("unknown entity") << QStringLiteral("entity=widget") << QStringLiteral("entity");
}

void tst_AuditLog::invalidFiltersAreRejected()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const ApiReply reply = client(m_adminToken).get(QStringLiteral("/api/v1/audit?") + query);
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json.value(QStringLiteral("fields")).toObject().contains(field),
             reply.body.constData());
    const ApiReply csv = client(m_adminToken).get(QStringLiteral("/api/v1/audit.csv?") + query);
    QCOMPARE(csv.status, 422);
}

void tst_AuditLog::pagesDoNotOverlap()
{
    ApiTestClient &api = client(m_statewideToken);
    const ApiReply first = api.get(QStringLiteral("/api/v1/audit?limit=3"));
    const ApiReply second = api.get(QStringLiteral("/api/v1/audit?limit=3&offset=3"));
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(first.json.value(QStringLiteral("limit")).toInt(), 3);
    QCOMPARE(second.json.value(QStringLiteral("offset")).toInteger(), 3);
    QCOMPARE(first.json.value(QStringLiteral("total")), second.json.value(QStringLiteral("total")));
    QList<qint64> ids;
    for (const ApiReply *page : {&first, &second}) {
        const QJsonArray entries = page->json.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        for (const QJsonValue &entry : entries)
            ids.append(entry[QStringLiteral("id")].toInteger());
    }
    // Newest first, with no id twice.
    for (qsizetype i = 1; i < ids.size(); ++i)
        QVERIFY(ids.at(i) < ids.at(i - 1));
    QCOMPARE(api.get(QStringLiteral("/api/v1/audit?offset=100000"))
                 .json.value(QStringLiteral("entries"))
                 .toArray()
                 .size(),
             0);
}

void tst_AuditLog::dayBoundsFollowDistrictZone()
{
    // 1 November 2026 in Detroit lasts 25 hours, from 04:00 UTC that day to 05:00 UTC the next,
    // because daylight saving time ends at 2:00.
    const QString actor = QStringLiteral("zone-check");
    insertEntry(m_districtOne, QStringLiteral("2026-11-01T03:59:59.000Z"), actor); // Oct 31
    insertEntry(m_districtOne, QStringLiteral("2026-11-01T04:00:00.000Z"), actor); // 00:00 EDT
    insertEntry(m_districtOne, QStringLiteral("2026-11-02T04:30:00.000Z"), actor); // 23:30 EST
    insertEntry(m_districtOne, QStringLiteral("2026-11-02T05:00:00.000Z"), actor); // Nov 2
    const ApiReply reply = client(m_adminToken)
                               .get(QStringLiteral("/api/v1/audit?actor=zone-check"
                                                   "&from=2026-11-01&to=2026-11-01"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Detroit"));
    const QJsonArray entries = reply.json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0)[QStringLiteral("loggedAt")].toString(),
             QStringLiteral("2026-11-02T04:30:00.000Z"));
    QCOMPARE(entries.at(1)[QStringLiteral("loggedAt")].toString(),
             QStringLiteral("2026-11-01T04:00:00.000Z"));

    // From alone and to alone are open at the other end.
    QCOMPARE(client(m_adminToken)
                 .get(QStringLiteral("/api/v1/audit?actor=zone-check&from=2026-11-02"))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             1);
    QCOMPARE(client(m_adminToken)
                 .get(QStringLiteral("/api/v1/audit?actor=zone-check&to=2026-10-31"))
                 .json.value(QStringLiteral("total"))
                 .toInt(),
             1);
}

void tst_AuditLog::csvExportHasEveryColumn()
{
    const ApiReply reply
        = client(m_adminToken).get(QStringLiteral("/api/v1/audit.csv?actor=zone-check"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
    QVERIFY(reply.header("Content-Disposition").contains("audit-log.csv"));
    QCOMPARE(reply.header("X-Total-Count"), QByteArray("4"));
    const QList<QByteArray> lines = reply.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0).trimmed(),
             QByteArray("id,logged_at_utc,logged_at_local,district_id,district,actor,action,"
                        "entity,entity_id,before,after"));
    // Newest first, with the local time in the district's zone.
    QVERIFY2(lines.at(1).contains(",2026-11-02T05:00:00.000Z,2026-11-02 00:00:00 EST,"),
             lines.at(1).constData());
    QVERIFY2(lines.at(4).contains(",2026-11-01T03:59:59.000Z,2026-10-31 23:59:59 EDT,"),
             lines.at(4).constData());
    QVERIFY(lines.at(1).contains(",zone-check,update,integration,1,"));

    // JSON with commas and quotes is quoted as one field.
    const ApiReply created = client(m_adminToken)
                                 .get(QStringLiteral("/api/v1/audit.csv?entity=blackout&action=create"));
    QCOMPARE(created.status, 200);
    QVERIFY2(created.body.contains(",\"{\"\""), created.body.constData());
    QVERIFY2(created.body.contains("\"\"endsOn\"\":\"\"2027-04-02\"\""), created.body.constData());
}

void tst_AuditLog::acceptHeaderSelectsCsv()
{
    ApiTestClient &api = client(m_adminToken);
    api.setAccept("text/csv");
    const ApiReply viaAccept = api.get(QStringLiteral("/api/v1/audit?actor=zone-check"));
    api.setAccept({});
    const ApiReply viaPath = api.get(QStringLiteral("/api/v1/audit.csv?actor=zone-check"));
    QCOMPARE(viaAccept.status, 200);
    QCOMPARE(viaAccept.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
    QCOMPARE(viaAccept.body, viaPath.body);
    api.setAccept("application/json");
    QCOMPARE(api.get(QStringLiteral("/api/v1/audit?actor=zone-check")).header("Content-Type"),
             QByteArray("application/json"));
}

void tst_AuditLog::csvExportProtectsFormulas()
{
    insertEntry(m_districtOne, QStringLiteral("2026-12-01T12:00:00.000Z"),
                QStringLiteral("=HYPERLINK(\"http://127.0.0.1\")"));
    const ApiReply reply = client(m_adminToken)
                               .get(QStringLiteral("/api/v1/audit.csv?actor=%3DHYPERLINK(%22http"
                                                   "://127.0.0.1%22)"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Total-Count"), QByteArray("1"));
    QVERIFY2(reply.body.contains(",\"'=HYPERLINK(\"\"http://127.0.0.1\"\")\","),
             reply.body.constData());
}

void tst_AuditLog::largeExportNeedsPages()
{
    for (qint64 i = 0; i <= kMaxExportRows; ++i)
        insertEntry(m_districtOne, QStringLiteral("2026-12-02T12:00:00.000Z"), QStringLiteral("bulk"));
    ApiReply reply = client(m_adminToken).get(QStringLiteral("/api/v1/audit.csv?actor=bulk"));
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("export_too_large"));
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("26")));

    reply = client(m_adminToken).get(QStringLiteral("/api/v1/audit.csv?actor=bulk&limit=10"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Total-Count"), QByteArray("26"));
    QCOMPARE(reply.body.trimmed().split('\n').size(), 11);
    reply = client(m_adminToken).get(QStringLiteral("/api/v1/audit.csv?actor=bulk&offset=1"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body.trimmed().split('\n').size(), 26);
    reply = client(m_adminToken)
                .get(QStringLiteral("/api/v1/audit.csv?actor=bulk&limit=%1").arg(kMaxExportRows + 1));
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("limit")));
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
