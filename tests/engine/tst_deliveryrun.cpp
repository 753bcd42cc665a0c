// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "testdatabase.h"
#include "destinationfixtures.h"

#include "core/secretbox.h"
#include "destinations/azureblobdestination.h"
#include "destinations/destinationsecrets.h"
#include "destinations/httptransfer.h"
#include "engine.h"
#include "store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;

namespace {

// Every message that Qt's logging delivers while a test runs, from any thread.
QMutex g_messagesMutex;
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_messagesMutex);
        g_messages.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

const QString kAzuriteKey = QStringLiteral(
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

// Values that must never appear in a log line, a run log or an API response.
const QStringList kSeededSecrets = {QStringLiteral("sftp-password-Zq81"),
                                    QStringLiteral("key-passphrase-Lm42"),
                                    QStringLiteral("bearer-token-Xw93"),
                                    QStringLiteral("client-key-pass-Pv57"),
                                    QStringLiteral("c2VjcmV0LWFjY291bnQta2V5LUhqMjY="),
                                    QStringLiteral("sig=sas-signature-Rt64"),
                                    QStringLiteral("basic-password-Nk18")};

QJsonObject storedMarker()
{
    return QJsonObject{{QStringLiteral("stored"), true}};
}

} // namespace

class tst_DeliveryRun final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void secretsNeverLeaveEngine();
    void demoHasAzureDestinations();
    void oneDestinationDownFailsRun();
    void cancelStopsRetries();
    void runDeliversToThreeDestinations();

private:
    void startEngine(bool demo);
    qint64 createDestination(const QString &name, const QString &kind, const QJsonObject &settings);
    qint64 createIntegration(const QList<qint64> &destinationIds);
    QJsonObject runAndWait(qint64 integrationId);
    void assertNoSecret(const QString &where, const QString &text);

    // The first column of every row of a query, joined with spaces.
    QString allRows(const QString &sql)
    {
        auto query = hub::execute(m_engine->store().connection(), sql);
        if (!query)
            return query.error();
        QStringList values;
        while (query->next())
            values.append(query->value(0).toString());
        return values.join(QLatin1Char(' '));
    }

    std::unique_ptr<QTemporaryDir> m_dataDir;
    QString m_database;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "delivery-run-test-token-0123456789";
    QTemporaryDir m_certificateDir;
    hubtest::TestCertificate m_certificate;
};

void tst_DeliveryRun::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessage);
    // Info lines are where delivery progress goes, so they are captured and searched too.
    QLoggingCategory::setFilterRules(QStringLiteral("hub.*.info=true"));
    QVERIFY(hubtest::makeCertificate(m_certificateDir, m_certificate));
}

void tst_DeliveryRun::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    m_database = hubtest::testDatabase(QDir(m_dataDir->path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!m_database.isEmpty());
}

void tst_DeliveryRun::cleanup()
{
    m_api.reset();
    m_engine.reset();
    m_dataDir.reset();
}

void tst_DeliveryRun::startEngine(bool demo)
{
    hub::EngineOptions options;
    options.dataDir = m_dataDir->path();
    options.database = m_database;
    options.adminToken = m_token;
    options.demo = demo;
    options.schedulerIntervalMs = 3600 * 1000;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);
}

qint64 tst_DeliveryRun::createDestination(const QString &name, const QString &kind,
                                          const QJsonObject &settings)
{
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/destinations"),
                                       QJsonObject{{QStringLiteral("name"), name},
                                                   {QStringLiteral("kind"), kind},
                                                   {QStringLiteral("settings"), settings}});
    if (reply.status != 201)
        qWarning("%s", reply.body.constData());
    assertNoSecret(QStringLiteral("POST response"), QString::fromUtf8(reply.body));
    return reply.status == 201 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
}

qint64 tst_DeliveryRun::createIntegration(const QList<qint64> &destinationIds)
{
    const QSqlDatabase db = m_engine->store().connection();
    auto product = hub::selectValue(
        db, QStringLiteral("SELECT id FROM products WHERE product_key = 'milearn'"));
    auto output = hub::selectValue(db, QStringLiteral("SELECT id FROM product_outputs WHERE "
                                                      "output_key = 'milearn-sections'"));
    QJsonArray destinations;
    for (const qint64 id : destinationIds)
        destinations.append(
            QJsonObject{{QStringLiteral("destinationId"), id}, {QStringLiteral("active"), true}});
    const ApiReply reply
        = m_api->post(QStringLiteral("/api/v1/integrations"),
                      QJsonObject{{QStringLiteral("productId"), product->toLongLong()},
                                  {QStringLiteral("outputId"), output->toLongLong()},
                                  {QStringLiteral("destinations"), destinations}});
    if (reply.status != 201)
        qWarning("%s", reply.body.constData());
    return reply.status == 201 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
}

QJsonObject tst_DeliveryRun::runAndWait(qint64 integrationId)
{
    const ApiReply queued
        = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(integrationId));
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    if (runId == 0)
        return {};
    // The deliveries run on worker threads while this loop keeps the test's HTTPS server and
    // proxies serving; QTRY_ would not fit a function that returns a value.
    const QDeadlineTimer deadline(120000);
    QJsonObject run;
    while (!deadline.hasExpired()) {
        run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId)).json;
        const int status = run.value(QStringLiteral("status")).toInt(1);
        if (status != 1 && status != 2)
            return run;
        QTest::qWait(50);
    }
    return run;
}

void tst_DeliveryRun::assertNoSecret(const QString &where, const QString &text)
{
    for (const QString &secret : kSeededSecrets) {
        if (text.contains(secret))
            QFAIL(qPrintable(QStringLiteral("%1 contains the secret %2").arg(where, secret)));
    }
}

void tst_DeliveryRun::secretsNeverLeaveEngine()
{
    startEngine(false);
    {
        QMutexLocker locker(&g_messagesMutex);
        g_messages.clear();
    }

    hubtest::TlsTestServer server(m_certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    server.statuses = {503, 401};
    const qint64 https = createDestination(
        QStringLiteral("Vendor HTTPS"), QStringLiteral("https"),
        {{QStringLiteral("url"),
          QStringLiteral("https://127.0.0.1:%1/in").arg(server.serverPort())},
         {QStringLiteral("authentication"), QStringLiteral("bearer")},
         {QStringLiteral("caFile"), m_certificate.certificateFile},
         {QStringLiteral("bearerToken"), kSeededSecrets[2]},
         {QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 3},
                                               {QStringLiteral("initialDelayMs"), 50}}}});
    QVERIFY(https > 0);
    const qint64 sftp = createDestination(
        QStringLiteral("State SFTP"), QStringLiteral("sftp"),
        {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
         {QStringLiteral("port"), 1},
         {QStringLiteral("username"), QStringLiteral("district")},
         {QStringLiteral("authentication"), QStringLiteral("password")},
         {QStringLiteral("hostKey"),
          QString(QStringLiteral("SHA256:") + QString(43, QLatin1Char('B')))},
         {QStringLiteral("password"), kSeededSecrets[0]},
         {QStringLiteral("privateKeyPassphrase"), kSeededSecrets[1]},
         {QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 2},
                                               {QStringLiteral("initialDelayMs"), 50}}}});
    QVERIFY(sftp > 0);
    const qint64 azure = createDestination(
        QStringLiteral("Vendor Blob"), QStringLiteral("azure-blob"),
        {{QStringLiteral("accountUrl"), QStringLiteral("http://127.0.0.1:1/devstoreaccount1")},
         {QStringLiteral("container"), QStringLiteral("drop")},
         {QStringLiteral("authentication"), QStringLiteral("sas")},
         {QStringLiteral("accountKey"), kSeededSecrets[4]},
         {QStringLiteral("sasToken"),
          QString(QStringLiteral("sv=2021-08-06&se=2020-01-01&") + kSeededSecrets[5])}});
    QVERIFY(azure > 0);

    // The API shows that secrets are stored, never what they are.
    const ApiReply shown = m_api->get(QStringLiteral("/api/v1/destinations/%1").arg(sftp));
    const QJsonObject settings = shown.json.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("password")).toObject(), storedMarker());
    QCOMPARE(settings.value(QStringLiteral("privateKeyPassphrase")).toObject(), storedMarker());
    QVERIFY(!settings.contains(QStringLiteral("privateKey")));

    // A PUT that sends {"stored": true} or leaves a secret out keeps it; a new value replaces it.
    QJsonObject changed = settings;
    changed.insert(QStringLiteral("username"), QStringLiteral("district2"));
    changed.remove(QStringLiteral("privateKeyPassphrase"));
    ApiReply updated
        = m_api->put(QStringLiteral("/api/v1/destinations/%1").arg(sftp),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("State SFTP")},
                                 {QStringLiteral("kind"), QStringLiteral("sftp")},
                                 {QStringLiteral("settings"), changed}});
    QCOMPARE(updated.status, 200);
    auto box = hub::SecretBox::openOrCreate(m_dataDir->path());
    QVERIFY(box.ok());
    auto stored = hub::destinations::loadSecrets(m_engine->store().connection(), *box, sftp);
    QVERIFY(stored.ok());
    QCOMPARE(stored->value(QStringLiteral("password")).toString(), kSeededSecrets[0]);
    QCOMPARE(stored->value(QStringLiteral("privateKeyPassphrase")).toString(), kSeededSecrets[1]);

    changed.insert(QStringLiteral("password"), kSeededSecrets[6]);
    updated = m_api->put(QStringLiteral("/api/v1/destinations/%1").arg(sftp),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("State SFTP")},
                                     {QStringLiteral("kind"), QStringLiteral("sftp")},
                                     {QStringLiteral("settings"), changed}});
    QCOMPARE(updated.status, 200);
    stored = hub::destinations::loadSecrets(m_engine->store().connection(), *box, sftp);
    QCOMPARE(stored->value(QStringLiteral("password")).toString(), kSeededSecrets[6]);
    assertNoSecret(QStringLiteral("PUT response"), QString::fromUtf8(updated.body));

    // The database holds only ciphertext.
    assertNoSecret(QStringLiteral("the destinations table"),
                   allRows(QStringLiteral("SELECT coalesce(secrets, '') || settings FROM destinations")));

    // Deliveries and connection tests that fail log their errors, never the secrets.
    for (const qint64 id : {https, sftp, azure})
        assertNoSecret(
            QStringLiteral("Test Connection"),
            QString::fromUtf8(
                m_api->post(QStringLiteral("/api/v1/destinations/%1/test").arg(id)).body));
    const qint64 integration = createIntegration({https, sftp, azure});
    QVERIFY(integration > 0);
    const QJsonObject run = runAndWait(integration);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(server.received.size(), 2);
    QCOMPARE(server.received.first().header("Authorization"),
             "Bearer " + kSeededSecrets[2].toUtf8());

    assertNoSecret(QStringLiteral("the run"), QString::fromUtf8(QJsonDocument(run).toJson()));
    assertNoSecret(QStringLiteral("the destination list"),
                   QString::fromUtf8(m_api->get(QStringLiteral("/api/v1/destinations")).body));
    assertNoSecret(QStringLiteral("the audit table"),
                   allRows(QStringLiteral("SELECT coalesce(before_json, '') || "
                                          "coalesce(after_json, '') FROM audit_log")));
    QMutexLocker locker(&g_messagesMutex);
    QVERIFY(!g_messages.isEmpty());
    for (const QString &message : std::as_const(g_messages))
        assertNoSecret(QStringLiteral("a log line"), message);
}

void tst_DeliveryRun::demoHasAzureDestinations()
{
    startEngine(true);
    const QJsonArray destinations = m_api->get(QStringLiteral("/api/v1/destinations"))
                                        .json.value(QStringLiteral("destinations"))
                                        .toArray();
    QStringList names;
    for (const QJsonValue &value : destinations) {
        const QJsonObject destination = value.toObject();
        names.append(destination.value(QStringLiteral("name")).toString());
        if (destination.value(QStringLiteral("kind")).toString() == QLatin1String("azure-blob")) {
            const QJsonObject settings = destination.value(QStringLiteral("settings")).toObject();
            QCOMPARE(settings.value(QStringLiteral("accountUrl")).toString(),
                     QStringLiteral("http://127.0.0.1:10000/devstoreaccount1"));
            QCOMPARE(settings.value(QStringLiteral("accountKey")).toObject(), storedMarker());
        }
    }
    QVERIFY(names.contains(QStringLiteral("MiLearn Azure Storage - Prod")));
    QVERIFY(names.contains(QStringLiteral("MiLearn Azure Storage - QA")));
    auto attached
        = hub::selectValue(m_engine->store().connection(),
                           QStringLiteral("SELECT count(*) FROM integration_destinations l "
                                          "JOIN destinations d ON d.id = l.destination_id "
                                          "WHERE d.kind = 'azure-blob'"));
    QCOMPARE(attached->toInt(), 0);
}

void tst_DeliveryRun::cancelStopsRetries()
{
    startEngine(false);
    hubtest::TcpProxy down(1); // reserves a port where nothing listens
    // Ten attempts a second apart would take about ten seconds without the cancel.
    const qint64 https = createDestination(
        QStringLiteral("Vendor Down"), QStringLiteral("https"),
        {{QStringLiteral("url"), QStringLiteral("https://127.0.0.1:%1/in").arg(down.port())},
         {QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 10},
                                               {QStringLiteral("initialDelayMs"), 1000},
                                               {QStringLiteral("maxDelayMs"), 1000}}}});
    const qint64 integration = createIntegration({https});
    QVERIFY(integration > 0);

    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(integration));
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(queued.json.value(QStringLiteral("id")).toInteger());
    // Wait until the delivery phase has failed at least once, then cancel.
    QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(m_api->get(path).body).contains(QLatin1String("Attempt 2 of 10")),
                             20000);
    QCOMPARE(m_api->post(path + QStringLiteral("/cancel")).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(m_api->get(path).json.value(QStringLiteral("status")).toInt(), 3, 10000);

    const QJsonObject run = m_api->get(path).json;
    QVERIFY2(run.value(QStringLiteral("message")).toString().startsWith(
                 QStringLiteral("Cancelled by request during delivery to Vendor Down")),
             qPrintable(run.value(QStringLiteral("message")).toString()));
    QVERIFY2(run.value(QStringLiteral("message"))
                 .toString()
                 .contains(QLatin1String("; 0 destinations had the file")),
             qPrintable(run.value(QStringLiteral("message")).toString()));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.last().toObject().value(QStringLiteral("status")).toInt(), 3);
    QVERIFY(!QString::fromUtf8(m_api->get(path).body).contains(QLatin1String("Attempt 10 of 10")));
}

void tst_DeliveryRun::oneDestinationDownFailsRun()
{
    startEngine(false);
    const QString folderPath = QDir(m_dataDir->path()).filePath(QStringLiteral("drop"));
    const qint64 folder = createDestination(QStringLiteral("Local Drop"), QStringLiteral("folder"),
                                            {{QStringLiteral("path"), folderPath}});
    hubtest::TcpProxy down(1); // reserves a port where nothing listens
    const qint64 https = createDestination(
        QStringLiteral("Vendor Down"), QStringLiteral("https"),
        {{QStringLiteral("url"), QStringLiteral("https://127.0.0.1:%1/in").arg(down.port())},
         {QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 2},
                                               {QStringLiteral("initialDelayMs"), 50}}}});
    const qint64 integration = createIntegration({https, folder});
    QVERIFY(integration > 0);
    const QJsonObject run = runAndWait(integration);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY2(run.value(QStringLiteral("message"))
                 .toString()
                 .contains(QLatin1String("1 of 2 active destinations failed: Vendor Down")),
             qPrintable(run.value(QStringLiteral("message")).toString()));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 4);
    QCOMPARE(phases[2].toObject().value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(phases[3].toObject().value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(QDir(folderPath).entryList(QDir::Files).size(), 1);
    QString log;
    for (const QJsonValue &line : run.value(QStringLiteral("log")).toArray())
        log += line.toObject().value(QStringLiteral("message")).toString() + QLatin1Char('\n');
    QVERIFY2(log.contains(QLatin1String("Attempt 2 of 2")), qPrintable(log));
}

void tst_DeliveryRun::runDeliversToThreeDestinations()
{
    const QString azuriteUrl = hubtest::fixtureValue("HUBDESK_AZURITE_URL");
    const QString sftpPort = hubtest::fixtureValue("HUBDESK_SFTP_PORT");
    if (azuriteUrl.isEmpty() || sftpPort.isEmpty())
        QSKIP("Azurite and sshd must run; start them with tests/fixtures/azurite.sh start and "
              "tests/fixtures/sshd.sh start, and set HUBDESK_AZURITE_URL and HUBDESK_SFTP_*.");
    // The demo district gives the report enough rows for a file of several Azure blocks.
    startEngine(true);

    // The container is made with the destination's own signing code, as the tests of the
    // Azure destination do.
    const QString container = QStringLiteral("run-%1").arg(QCoreApplication::applicationPid());
    QFile key(hubtest::fixtureValue("HUBDESK_SFTP_KEY_FILE"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    const qint64 azure = createDestination(
        QStringLiteral("MiLearn Azure"), QStringLiteral("azure-blob"),
        {{QStringLiteral("accountUrl"), azuriteUrl},
         {QStringLiteral("container"), container},
         {QStringLiteral("authentication"), QStringLiteral("sharedKey")},
         {QStringLiteral("accountKey"), kAzuriteKey},
         {QStringLiteral("blockSizeBytes"), 4096},
         {QStringLiteral("pathTemplate"), QStringLiteral("{schoolYear}/{date}/{output}")}});
    QVERIFY(azure > 0);
    const QString remoteFolder
        = QDir(hubtest::fixtureValue("HUBDESK_SFTP_ROOT"))
              .filePath(QStringLiteral("run-%1").arg(QCoreApplication::applicationPid()));
    const qint64 sftp = createDestination(
        QStringLiteral("State SFTP"), QStringLiteral("sftp"),
        {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
         {QStringLiteral("port"), sftpPort.toInt()},
         {QStringLiteral("username"), hubtest::fixtureValue("HUBDESK_SFTP_USER")},
         {QStringLiteral("authentication"), QStringLiteral("privateKey")},
         {QStringLiteral("hostKey"), hubtest::fixtureValue("HUBDESK_SFTP_HOST_KEY")},
         {QStringLiteral("privateKey"), QString::fromLatin1(key.readAll())},
         {QStringLiteral("remoteFolder"), remoteFolder},
         {QStringLiteral("pathTemplate"), QStringLiteral("sections_{runId}.csv")}});
    QVERIFY(sftp > 0);
    const QString folderPath = QDir(m_dataDir->path()).filePath(QStringLiteral("drop"));
    const qint64 folder = createDestination(QStringLiteral("Local Drop"), QStringLiteral("folder"),
                                            {{QStringLiteral("path"), folderPath}});
    QVERIFY(folder > 0);

    const ApiReply containerTest
        = m_api->post(QStringLiteral("/api/v1/destinations/%1/test").arg(azure));
    QCOMPARE(containerTest.json.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(containerTest.json.value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("does not exist")));
    {
        hub::destinations::AzureBlobDestination signer(
            {{QStringLiteral("accountUrl"), azuriteUrl},
             {QStringLiteral("container"), container},
             {QStringLiteral("authentication"), QStringLiteral("sharedKey")}},
            {{QStringLiteral("accountKey"), kAzuriteKey}});
        const QUrl url = signer.requestUrl({}, QStringLiteral("restype=container"));
        const QByteArray date = QLocale::c()
                                    .toString(QDateTime::currentDateTimeUtc(),
                                              QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                    .toLatin1();
        QNetworkRequest request(url);
        request.setRawHeader("x-ms-date", date);
        request.setRawHeader("x-ms-version", "2021-08-06");
        request.setRawHeader(
            "Authorization",
            signer.sharedKeyAuthorization(
                "PUT", url, {{"x-ms-date", date}, {"x-ms-version", "2021-08-06"}}, 0));
        hub::destinations::HttpTransfer http(10000);
        QCOMPARE(http.send(request, "PUT", QByteArray()).status, 201);
    }
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/destinations/%1/test").arg(azure))
                 .json.value(QStringLiteral("ok"))
                 .toBool(),
             true);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/destinations/%1/test").arg(sftp))
                 .json.value(QStringLiteral("ok"))
                 .toBool(),
             true);

    const qint64 integration = createIntegration({azure, sftp, folder});
    QVERIFY(integration > 0);
    const QJsonObject run = runAndWait(integration);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             QJsonDocument(run).toJson().constData());
    const qint64 runId = run.value(QStringLiteral("id")).toInteger();
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 5);
    const qint64 fileBytes = phases[1].toObject().value(QStringLiteral("bytes")).toInteger();
    QVERIFY(fileBytes > 4096);
    const QString outputFile = run.value(QStringLiteral("outputFile")).toString();

    const QStringList expectedNames
        = {QStringLiteral("Deliver to MiLearn Azure"), QStringLiteral("Deliver to State SFTP"),
           QStringLiteral("Deliver to Local Drop")};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject phase = phases[i + 2].toObject();
        QCOMPARE(phase.value(QStringLiteral("name")).toString(), expectedNames[i]);
        QCOMPARE(phase.value(QStringLiteral("status")).toInt(), 0);
        QCOMPARE(phase.value(QStringLiteral("bytes")).toInteger(), fileBytes);
        QVERIFY(!phase.value(QStringLiteral("endedAt")).toString().isEmpty());
    }
    const QString azureTarget = phases[2].toObject().value(QStringLiteral("target")).toString();
    QVERIFY2(azureTarget.endsWith(QLatin1Char('/') + outputFile), qPrintable(azureTarget));
    QCOMPARE(phases[3].toObject().value(QStringLiteral("target")).toString(),
             remoteFolder + QStringLiteral("/sections_%1.csv").arg(runId));
    QCOMPARE(phases[4].toObject().value(QStringLiteral("target")).toString(),
             QDir(folderPath).filePath(outputFile));

    QFile local(QDir(folderPath).filePath(outputFile));
    QVERIFY(local.open(QIODevice::ReadOnly));
    const QByteArray content = local.readAll();
    QFile remote(remoteFolder + QStringLiteral("/sections_%1.csv").arg(runId));
    QVERIFY(remote.open(QIODevice::ReadOnly));
    QCOMPARE(remote.readAll(), content);
}

QTEST_GUILESS_MAIN(tst_DeliveryRun)
#include "tst_deliveryrun.moc"
