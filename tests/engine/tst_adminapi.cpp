// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "testdatabase.h"

#include "api/adminapi.h"
#include "core/timeutil.h"
#include "engine.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using hubtest::ApiReply;

class tst_AdminApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void requestWithoutTokenIsRejected_data();
    void requestWithoutTokenIsRejected();
    void healthReportsDistrict();
    void unknownPathIsNotFound();
    void wrongMethodIsNotAllowed();
    void openApiDocumentsEveryRoute();
    void routesDeclareAccessLevels();
    void accessLevelBelowRouteIsForbidden();
    void catalogHoldsEverySystem_data();
    void catalogHoldsEverySystem();

    void destinationLifecycle();
    void destinationValidation_data();
    void destinationValidation();
    void destinationInUseCannotBeDeleted();

    void integrationLifecycle();
    void integrationValidation_data();
    void integrationValidation();
    void integrationReadBackCanBeSaved();
    void integrationBodyMustBeJson();
    void integrationFieldTypesAreStrict_data();
    void integrationFieldTypesAreStrict();
    void integrationProductCannotChange();
    void deletedIntegrationKeepsRuns();
    void busyStoreAnswers503();
    void bearerSchemeIgnoresCase();
    void idWithTrailingBytesIsRejected();
    void longUploadNameIsShortened();
    void integrationChangesAreAudited();
    void deleteLimitRoundTrips();
    void deleteLimitRejectsInvalid_data();
    void deleteLimitRejectsInvalid();
    void deleteLimitOnlyForInbound();

    void manualRunSucceeds();
    void runFilesCanBeDownloaded();
    void runFileNamesAreChecked();
    void runsFilteredByDistrictDate();
    void runsQueryValidation_data();
    void runsQueryValidation();
    void unknownQueryParameterIsRejected_data();
    void unknownQueryParameterIsRejected();
    void inboundRunNeedsFile();
    void uploadToOutboundIsRejected();
    void unknownRunIsNotFound();

    void schedulePreviewListsRuns();
    void schedulePreviewStartsNow();
    void schedulePreviewValidation_data();
    void schedulePreviewValidation();
    void blackoutLifecycle();
    void blackoutValidation_data();
    void blackoutValidation();

private:
    qint64 productIdOf(const QString &key);
    qint64 outputIdOf(const QString &key);
    QJsonObject validIntegration();
    QJsonObject waitForRun(qint64 runId);

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    QJsonArray m_products;
    const QByteArray m_token = "admin-api-test-token-0123456789";
};

void tst_AdminApi::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    QVERIFY(m_dataDir.isValid());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = hubtest::testDatabase(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = m_token;
    options.demo = true;
    options.workers = 2;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    const ApiReply catalog = m_api->get(QStringLiteral("/api/v1/catalog/products"));
    QCOMPARE(catalog.status, 200);
    m_products = catalog.json.value(QStringLiteral("products")).toArray();
}

void tst_AdminApi::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

qint64 tst_AdminApi::productIdOf(const QString &key)
{
    for (const QJsonValue &product : std::as_const(m_products)) {
        if (product[QStringLiteral("key")].toString() == key)
            return product[QStringLiteral("id")].toInteger();
    }
    return 0;
}

qint64 tst_AdminApi::outputIdOf(const QString &key)
{
    for (const QJsonValue &product : std::as_const(m_products)) {
        const QJsonArray outputs = product[QStringLiteral("outputs")].toArray();
        for (const QJsonValue &output : outputs) {
            if (output[QStringLiteral("key")].toString() == key)
                return output[QStringLiteral("id")].toInteger();
        }
    }
    return 0;
}

QJsonObject tst_AdminApi::validIntegration()
{
    return QJsonObject{
        {QStringLiteral("productId"), productIdOf(QStringLiteral("milearn"))},
        {QStringLiteral("outputId"), outputIdOf(QStringLiteral("milearn-authorizations"))},
        {QStringLiteral("schoolYear"), QJsonValue::Null},
        {QStringLiteral("notes"), QStringLiteral("Nightly authorizations for the state platform")},
        {QStringLiteral("queryTimeoutSeconds"), 120},
        {QStringLiteral("format"), QStringLiteral("xml")},
        {QStringLiteral("destinations"),
         QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1},
                                {QStringLiteral("active"), true}}}},
        {QStringLiteral("schedule"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                     {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                     {QStringLiteral("startTime"), QStringLiteral("02:30")},
                     {QStringLiteral("repeatEvery"), 1},
                     {QStringLiteral("active"), true}}},
    };
}

QJsonObject tst_AdminApi::waitForRun(qint64 runId)
{
    QJsonObject run;
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(runId);
    for (int attempt = 0; attempt < 300; ++attempt) {
        run = m_api->get(path).json;
        const int status = run.value(QStringLiteral("status")).toInt(-1);
        if (status != 1 && status != 2)
            return run;
        QTest::qWait(100);
    }
    return run;
}

void tst_AdminApi::requestWithoutTokenIsRejected_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("wrong token") << QByteArray("Bearer not-the-token");
    QTest::newRow("basic scheme") << QByteArray("Basic YWRtaW46YWRtaW4=");
    QTest::newRow("token prefix only") << QByteArray("Bearer admin-api-test-token");
}

void tst_AdminApi::requestWithoutTokenIsRejected()
{
    QFETCH(QByteArray, authorization);
    QNetworkAccessManager network;
    QUrl url = m_engine->baseUrl();
    url.setPath(QStringLiteral("/api/v1/integrations"));
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(reply->rawHeader("WWW-Authenticate"), QByteArray("Bearer realm=\"hubd\""));
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized"));
}

void tst_AdminApi::healthReportsDistrict()
{
    const ApiReply health = m_api->get(QStringLiteral("/api/v1/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    // The schema version is the number of the last migration the engine ships.
    const QStringList migrations = QDir(QStringLiteral(":/hub/migrations"))
                                       .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    QCOMPARE(health.json.value(QStringLiteral("schemaVersion")).toInt(),
             migrations.last().left(4).toInt());
    const QJsonObject district = health.json.value(QStringLiteral("district")).toObject();
    QCOMPARE(district.value(QStringLiteral("name")).toString(), QStringLiteral("Demo Public Schools"));
    QCOMPARE(district.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Detroit"));
}

void tst_AdminApi::unknownPathIsNotFound()
{
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/no-such-thing"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
}

void tst_AdminApi::wrongMethodIsNotAllowed()
{
    const ApiReply reply = m_api->send("PATCH", QStringLiteral("/api/v1/integrations/1"), "{}");
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("Allow"), QByteArray("GET, HEAD, PUT, DELETE"));
}

void tst_AdminApi::openApiDocumentsEveryRoute()
{
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/openapi.json"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));

    QSet<QString> documented;
    const QJsonObject paths = reply.json.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto operation = operations.begin(); operation != operations.end(); ++operation)
            documented.insert(operation.key().toUpper() + QLatin1Char(' ') + path.key());
    }

    hub::http::Router router;
    hub::api::ApiContext context;
    context.store = &m_engine->store();
    hub::api::registerAdminApi(router, context);
    QSet<QString> served;
    for (const auto &route : router.routes())
        served.insert(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern);

    QCOMPARE(QStringList(served.begin(), served.end()).join(QLatin1Char('\n')).size() > 0, true);
    const QSet<QString> undocumented = served - documented;
    const QSet<QString> unserved = documented - served;
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.begin(), undocumented.end()).join(QStringLiteral(", "))));
    QVERIFY2(unserved.isEmpty(), qPrintable(QStringList(unserved.begin(), unserved.end()).join(QStringLiteral(", "))));
}

void tst_AdminApi::routesDeclareAccessLevels()
{
    hub::http::Router router;
    hub::api::ApiContext context;
    context.store = &m_engine->store();
    hub::api::registerAdminApi(router, context);
    for (const auto &route : router.routes()) {
        const QString name = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
        // Only sign-in and refresh authenticate their callers from the body.
        const bool signIn = name == QLatin1String("POST /api/v1/session")
                            || name == QLatin1String("POST /api/v1/session/refresh");
        QVERIFY2((route.access == hub::http::Access::Public) == signIn, qPrintable(name));
        if (signIn)
            continue;
        // The districts of an account span districts, so only statewide administrators see and
        // change them.
        if (route.pattern.startsWith(QLatin1String("/api/v1/users/{id}/districts")))
            QVERIFY2(route.access == hub::http::Access::Statewide, qPrintable(name));
        else if (route.pattern.startsWith(QLatin1String("/api/v1/users"))
                 || route.pattern.startsWith(QLatin1String("/api/v1/audit")))
            QVERIFY2(route.access == hub::http::Access::Administer, qPrintable(name));
        else if (route.pattern.startsWith(QLatin1String("/api/v1/districts")))
            QVERIFY2(route.access == hub::http::Access::Statewide, qPrintable(name));
        else if (route.method == "GET" || name == QLatin1String("DELETE /api/v1/session"))
            QVERIFY2(route.access == hub::http::Access::View, qPrintable(name));
        else
            QVERIFY2(route.access >= hub::http::Access::Operate || name.endsWith(QLatin1String("/preview")),
                     qPrintable(name));
    }
}

void tst_AdminApi::accessLevelBelowRouteIsForbidden()
{
    hub::http::HttpServer server("admin-token-0123456789", 7);
    server.setAuthenticator([](const QByteArray &token, qint64) -> hub::http::Authentication {
        if (token == "viewer-token")
            return {hub::http::Principal{QStringLiteral("viewer"), 9, hub::http::Access::View},
                    200, {}};
        return {};
    });
    const auto echoDistrict = [](const hub::http::Request &request) {
        return hub::http::Response::json(QJsonObject{{QStringLiteral("district"), request.districtId()},
                                                     {QStringLiteral("actor"), request.principal().actor}});
    };
    server.router().addRoute("GET", QStringLiteral("/api/v1/thing"), hub::http::Access::View, echoDistrict);
    server.router().addRoute("PUT", QStringLiteral("/api/v1/thing"), hub::http::Access::Configure, echoDistrict);
    server.router().addRoute("GET", QStringLiteral("/open"), hub::http::Access::Public, echoDistrict);
    const quint16 port = server.start(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));

    hubtest::ApiTestClient viewer(base, "viewer-token");
    ApiReply reply = viewer.get(QStringLiteral("/api/v1/thing"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("district")).toInteger(), 9);
    QCOMPARE(reply.json.value(QStringLiteral("actor")).toString(), QStringLiteral("viewer"));
    reply = viewer.put(QStringLiteral("/api/v1/thing"), {});
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));

    hubtest::ApiTestClient admin(base, "admin-token-0123456789");
    reply = admin.put(QStringLiteral("/api/v1/thing"), {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("district")).toInteger(), 7);

    hubtest::ApiTestClient stranger(base, "unknown-token");
    QCOMPARE(stranger.get(QStringLiteral("/api/v1/thing")).status, 401);
    reply = stranger.get(QStringLiteral("/open"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("district")).toInteger(), 0);
}

void tst_AdminApi::catalogHoldsEverySystem_data()
{
    QTest::addColumn<QString>("integrationType");
    QTest::addColumn<QString>("systemType");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("outputs");

    QTest::newRow("Assessment Importer outbound")
        << "outbound" << "State-Sourced System" << "Assessment Importer"
        << QStringList{QStringLiteral("Request Assessment for Students without Assessments")};
    QTest::newRow("MiLEARN") << "outbound" << "External System" << "MiLEARN"
                             << QStringList{QStringLiteral("MiLEARN-Authorizations Data"),
                                            QStringLiteral("MiLEARN-Sections Data")};
    QTest::newRow("PowerSchool") << "api" << "Student Information System" << "PowerSchool" << QStringList();
    QTest::newRow("EEM") << "api" << "State-Sourced System" << "EEM" << QStringList();
    QTest::newRow("Assessment Importer API") << "api" << "State-Sourced System" << "Assessment Importer" << QStringList();
    QTest::newRow("Delta Math") << "api" << "Assessment System" << "Delta Math" << QStringList();
    QTest::newRow("Read by Grade 3") << "api" << "Educational Analytics" << "Read by Grade 3 Research" << QStringList();
    QTest::newRow("BHWorks") << "api" << "Behavior Tracking System" << "BHWorks" << QStringList();
    QTest::newRow("Extended Benchmark") << "api" << "Educational Analytics" << "Extended Benchmark Studies" << QStringList();
    QTest::newRow("EVAAS") << "api" << "Data Warehouse" << "EVAAS" << QStringList();
    QTest::newRow("OneRoster bundle") << "inbound" << "Student Information System" << "OneRoster Bundle" << QStringList();
    QTest::newRow("assessment results") << "inbound" << "Assessment System" << "Assessment Results" << QStringList();
    QTest::newRow("attendance") << "inbound" << "Student Information System" << "Attendance" << QStringList();
    QTest::newRow("OneRoster API") << "oneroster" << "Vendor Application" << "OneRoster API" << QStringList();
}

void tst_AdminApi::catalogHoldsEverySystem()
{
    QFETCH(QString, integrationType);
    QFETCH(QString, systemType);
    QFETCH(QString, name);
    QFETCH(QStringList, outputs);

    QJsonObject found;
    for (const QJsonValue &product : std::as_const(m_products)) {
        if (product[QStringLiteral("integrationType")].toString() == integrationType
            && product[QStringLiteral("systemType")].toString() == systemType
            && product[QStringLiteral("name")].toString() == name)
            found = product.toObject();
    }
    QVERIFY2(!found.isEmpty(), qPrintable(name));
    QStringList outputNames;
    const QJsonArray outputArray = found.value(QStringLiteral("outputs")).toArray();
    for (const QJsonValue &output : outputArray)
        outputNames.append(output[QStringLiteral("name")].toString());
    QCOMPARE(outputNames, outputs);
}

void tst_AdminApi::destinationLifecycle()
{
    const QString path = QDir(m_dataDir.path()).filePath(QStringLiteral("state-drop"));
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("State Drop Folder")},
                           {QStringLiteral("kind"), QStringLiteral("folder")},
                           {QStringLiteral("settings"), QJsonObject{{QStringLiteral("path"), path}}}};
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/destinations"), body);
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(created.json.value(QStringLiteral("settings"))[QStringLiteral("path")].toString(), path);

    const ApiReply tested = m_api->post(QStringLiteral("/api/v1/destinations/%1/test").arg(id));
    QCOMPARE(tested.status, 200);
    QCOMPARE(tested.json.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(QFileInfo(path).isDir());

    QJsonObject renamed = body;
    renamed.insert(QStringLiteral("name"), QStringLiteral("State Drop"));
    const ApiReply updated = m_api->put(QStringLiteral("/api/v1/destinations/%1").arg(id), renamed);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("name")).toString(), QStringLiteral("State Drop"));

    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/destinations/%1").arg(id)).status, 204);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/destinations/%1").arg(id)).status, 404);
}

void tst_AdminApi::destinationValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    const QJsonObject folder{{QStringLiteral("path"), QStringLiteral("/tmp/hubdesk-test-drop")}};
    QTest::newRow("empty name") << QJsonObject{{QStringLiteral("name"), QStringLiteral(" ")},
                                               {QStringLiteral("kind"), QStringLiteral("folder")},
                                               {QStringLiteral("settings"), folder}}
                                << "name" << "Enter a name";
    QTest::newRow("duplicate name")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Demo Outbound Folder")},
                       {QStringLiteral("kind"), QStringLiteral("folder")},
                       {QStringLiteral("settings"), folder}}
        << "name" << "already named";
    QTest::newRow("relative path")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Relative")},
                       {QStringLiteral("kind"), QStringLiteral("folder")},
                       {QStringLiteral("settings"), QJsonObject{{QStringLiteral("path"), QStringLiteral("out/files")}}}}
        << "settings.path" << "\"out/files\" is relative";
    QTest::newRow("misspelled secret")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Vendor")},
                       {QStringLiteral("kind"), QStringLiteral("https")},
                       {QStringLiteral("settings"),
                        QJsonObject{{QStringLiteral("url"), QStringLiteral("https://127.0.0.1/in")},
                                    {QStringLiteral("authentication"), QStringLiteral("bearer")},
                                    {QStringLiteral("bearerToken"), QStringLiteral("token-1")},
                                    {QStringLiteral("bearer_token"), QStringLiteral("token-2")}}}}
        << "settings.bearer_token" << "no setting \"bearer_token\"";
    QTest::newRow("password in url")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Vendor")},
                       {QStringLiteral("kind"), QStringLiteral("https")},
                       {QStringLiteral("settings"),
                        QJsonObject{{QStringLiteral("url"), QStringLiteral("https://user:secret@127.0.0.1/in")}}}}
        << "settings.url" << "Remove the user name and password from the URL";
    // A line break or a bidirectional override in a name would forge lines in the logs.
    QTest::newRow("line break in name")
        << QJsonObject{{QStringLiteral("name"),
                        QStringLiteral("Evil\n2026-12-04 info Delivered OK")},
                       {QStringLiteral("kind"), QStringLiteral("folder")},
                       {QStringLiteral("settings"), folder}}
        << "name" << "Remove the control character U+000A; a name is one line of plain text.";
    QTest::newRow("right-to-left override in name")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Report\u202Etxt.exe")},
                       {QStringLiteral("kind"), QStringLiteral("folder")},
                       {QStringLiteral("settings"), folder}}
        << "name" << "Remove the control character U+202E;";
    QTest::newRow("unknown kind")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Carrier Pigeon")},
                       {QStringLiteral("kind"), QStringLiteral("pigeon")},
                       {QStringLiteral("settings"), folder}}
        << "kind" << "\"pigeon\" is not a supported destination kind";
}

void tst_AdminApi::destinationValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    const qint64 before = m_api->get(QStringLiteral("/api/v1/destinations")).json
                              .value(QStringLiteral("destinations")).toArray().size();
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/destinations"), body);
    QCOMPARE(reply.status, 422);
    const QString message = reply.json.value(QStringLiteral("fields")).toObject().value(field).toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    const qint64 after = m_api->get(QStringLiteral("/api/v1/destinations")).json
                             .value(QStringLiteral("destinations")).toArray().size();
    QCOMPARE(after, before);
}

void tst_AdminApi::destinationInUseCannotBeDeleted()
{
    const ApiReply reply = m_api->remove(QStringLiteral("/api/v1/destinations/1"));
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("is used by")));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/destinations/1")).status, 200);
}

void tst_AdminApi::integrationLifecycle()
{
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/integrations"), validIntegration());
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(created.json.value(QStringLiteral("displayName")).toString(),
             QStringLiteral("External System: MiLEARN 3: MiLEARN-Authorizations Data (current)"));
    QCOMPARE(created.json.value(QStringLiteral("integrationType")).toString(), QStringLiteral("outbound"));
    QCOMPARE(created.json.value(QStringLiteral("productKey")).toString(), QStringLiteral("milearn"));
    QCOMPARE(created.json.value(QStringLiteral("format")).toString(), QStringLiteral("xml"));
    QCOMPARE(created.json.value(QStringLiteral("queryTimeoutSeconds")).toInt(), 120);
    QCOMPARE(created.json.value(QStringLiteral("vendor")).toString(), QStringLiteral("State of Michigan - MDE"));
    QCOMPARE(created.json.value(QStringLiteral("system")).toString(), QStringLiteral("MILEARN - v1"));
    QCOMPARE(created.json.value(QStringLiteral("schedule"))[QStringLiteral("startTime")].toString(),
             QStringLiteral("02:30"));
    const QJsonArray destinations = created.json.value(QStringLiteral("destinations")).toArray();
    QCOMPARE(destinations.size(), 1);
    QCOMPARE(destinations.at(0)[QStringLiteral("destinationName")].toString(),
             QStringLiteral("Demo Outbound Folder"));

    QJsonObject changed = validIntegration();
    changed.insert(QStringLiteral("schoolYear"), 2026);
    changed.insert(QStringLiteral("destinations"),
                   QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1},
                                          {QStringLiteral("active"), false}}});
    const ApiReply updated = m_api->put(QStringLiteral("/api/v1/integrations/%1").arg(id), changed);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("displayName")).toString(),
             QStringLiteral("External System: MiLEARN 3: MiLEARN-Authorizations Data (2025-2026)"));
    QCOMPARE(updated.json.value(QStringLiteral("destinations"))[0][QStringLiteral("active")].toBool(), false);

    const ApiReply listed = m_api->get(QStringLiteral("/api/v1/integrations?type=outbound"));
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.json.value(QStringLiteral("integrations")).toArray().size(), 3);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations?type=ftp")).status, 400);

    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/integrations/%1").arg(id)).status, 204);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/%1").arg(id)).status, 404);
    QCOMPARE(m_api->put(QStringLiteral("/api/v1/integrations/%1").arg(id), changed).status, 404);
}

void tst_AdminApi::integrationValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("timeout zero") << "queryTimeoutSeconds" << QJsonValue(0) << "queryTimeoutSeconds" << "from 1 to 86400";
    QTest::newRow("timeout too long") << "queryTimeoutSeconds" << QJsonValue(90000) << "queryTimeoutSeconds" << "from 1 to 86400";
    QTest::newRow("timeout text") << "queryTimeoutSeconds" << QJsonValue(QStringLiteral("60")) << "queryTimeoutSeconds" << "whole number";
    QTest::newRow("format pdf") << "format" << QJsonValue(QStringLiteral("pdf")) << "format" << "\"pdf\" is not a format";
    QTest::newRow("unknown product") << "productId" << QJsonValue(9999) << "productId" << "9999 is not one";
    QTest::newRow("output of another product") << "outputId" << QJsonValue(0) << "outputId" << "output of the selected product";
    QTest::newRow("no output") << "outputId" << QJsonValue(QJsonValue::Null) << "outputId" << "Choose the output";
    QTest::newRow("school year 1999") << "schoolYear" << QJsonValue(1999) << "schoolYear" << "from 2000 to 2100";
    QTest::newRow("no destinations") << "destinations" << QJsonValue(QJsonArray()) << "destinations" << "at least one destination";
    QTest::newRow("unknown destination")
        << "destinations" << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 777}}})
        << "destinations[0].destinationId" << "choose a saved destination";
    QTest::newRow("notes too long") << "notes" << QJsonValue(QString(4001, QLatin1Char('x'))) << "notes" << "at most 4000";
    QTest::newRow("schedule time 25:00")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                                {QStringLiteral("startTime"), QStringLiteral("25:00")}})
        << "schedule.startTime" << "\"25:00\" is not one";
    QTest::newRow("schedule type yearly")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("yearly")},
                                                {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")}})
        << "schedule.type" << "\"yearly\" is not a schedule type";
    QTest::newRow("schedule ends before start")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")},
                                                {QStringLiteral("endDate"), QStringLiteral("2026-12-01")}})
        << "schedule.endDate" << "before the start date";
    QTest::newRow("schedule start date day first")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("05/12/2026")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")}})
        << "schedule.startDate" << "YYYY-MM-DD";
    QTest::newRow("schedule start date not in calendar")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("2027-02-29")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")}})
        << "schedule.startDate" << "The date 2027-02-29 does not exist. Enter a date from the calendar.";
    QTest::newRow("schedule end date not in calendar")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("2027-02-01")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")},
                                                {QStringLiteral("endDate"), QStringLiteral("2027-04-31")}})
        << "schedule.endDate" << "The date 2027-04-31 does not exist.";
    QTest::newRow("schedule day of week 8")
        << "schedule"
        << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("weekly")},
                                  {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                  {QStringLiteral("startTime"), QStringLiteral("02:00")},
                                  {QStringLiteral("daysOfWeek"), QJsonArray{1, 8}}})
        << "schedule.daysOfWeek"
        << "item 2 of the list";
    QTest::newRow("unknown field") << "bogusField" << QJsonValue(1) << "bogusField"
                                   << "Unknown field; use one of productId,";
    QTest::newRow("schedule field misspelled")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")},
                                                {QStringLiteral("startTme"), QStringLiteral("05:00")}})
        << "schedule.startTme" << "Unknown field; use one of type, startDate, startTime,";
    QTest::newRow("advanced field misspelled")
        << "schedule" << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                                {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                                {QStringLiteral("startTime"), QStringLiteral("02:00")},
                                                {QStringLiteral("advanced"),
                                                 QJsonObject{{QStringLiteral("everyMinute"), 5}}}})
        << "schedule.advanced.everyMinute" << "Unknown field; use one of enabled,";
    QTest::newRow("destination field misspelled")
        << "destinations" << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1},
                                                               {QStringLiteral("activ"), false}}})
        << "destinations[0].activ" << "Unknown field; use one of destinationId, active,";
}

void tst_AdminApi::integrationValidation()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    QJsonObject body = validIntegration();
    if (key == QLatin1String("outputId") && value.toInt(-1) == 0)
        value = outputIdOf(QStringLiteral("request-assessment"));
    body.insert(key, value);

    const qint64 before = m_api->get(QStringLiteral("/api/v1/integrations")).json
                              .value(QStringLiteral("integrations")).toArray().size();
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/integrations"), body);
    QCOMPARE(created.status, 422);
    QCOMPARE(created.json.value(QStringLiteral("error")).toString(), QStringLiteral("validation_failed"));
    const QJsonObject fields = created.json.value(QStringLiteral("fields")).toObject();
    QVERIFY2(fields.contains(field), qPrintable(QString::fromUtf8(created.body)));
    QVERIFY2(fields.value(field).toString().contains(messagePart),
             qPrintable(fields.value(field).toString()));

    const ApiReply updated = m_api->put(QStringLiteral("/api/v1/integrations/1"), body);
    QCOMPARE(updated.status, 422);
    const qint64 after = m_api->get(QStringLiteral("/api/v1/integrations")).json
                             .value(QStringLiteral("integrations")).toArray().size();
    QCOMPARE(after, before);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1")).json
                 .value(QStringLiteral("outputName")).toString(),
             QStringLiteral("MiLEARN-Sections Data"));
}

void tst_AdminApi::integrationReadBackCanBeSaved()
{
    // A client may send back what GET returned, with a change, read-only fields and all.
    QJsonObject integration = m_api->get(QStringLiteral("/api/v1/integrations/1")).json;
    QVERIFY(integration.contains(QStringLiteral("displayName")));
    QVERIFY(integration.contains(QStringLiteral("lastRun")));
    QVERIFY(integration.contains(QStringLiteral("productKey")));
    integration.insert(QStringLiteral("notes"), QStringLiteral("Sent back as read."));
    const ApiReply updated = m_api->put(QStringLiteral("/api/v1/integrations/1"), integration);
    QCOMPARE(updated.status, 200);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1"))
                 .json.value(QStringLiteral("notes"))
                 .toString(),
             QStringLiteral("Sent back as read."));
}

void tst_AdminApi::integrationBodyMustBeJson()
{
    const ApiReply broken = m_api->send("POST", QStringLiteral("/api/v1/integrations"), "{\"productId\": ");
    QCOMPARE(broken.status, 400);
    QVERIFY(broken.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("not valid JSON")));
    const ApiReply array = m_api->send("POST", QStringLiteral("/api/v1/integrations"), "[1, 2]");
    QCOMPARE(array.status, 400);
    QVERIFY(array.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("JSON object")));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/abc")).status, 400);
}

void tst_AdminApi::integrationChangesAreAudited()
{
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/integrations"), validIntegration());
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/integrations/%1").arg(id)).status, 204);

    auto actions = hub::execute(m_engine->store().connection(),
                                QStringLiteral("SELECT action, before_json IS NULL, after_json IS NULL "
                                               "FROM audit_log WHERE entity = 'integration' AND "
                                               "entity_id = ? ORDER BY id"),
                                {id});
    QVERIFY(actions.ok());
    QVERIFY(actions->next());
    QCOMPARE(actions->value(0).toString(), QStringLiteral("create"));
    QCOMPARE(actions->value(1).toBool(), true);
    QCOMPARE(actions->value(2).toBool(), false);
    QVERIFY(actions->next());
    QCOMPARE(actions->value(0).toString(), QStringLiteral("delete"));
    QCOMPARE(actions->value(1).toBool(), false);
    QCOMPARE(actions->value(2).toBool(), true);
}

void tst_AdminApi::deleteLimitRoundTrips()
{
    const QJsonObject inbound{
        {QStringLiteral("productId"), productIdOf(QStringLiteral("oneroster-bundle"))},
        {QStringLiteral("notes"), QStringLiteral("Nightly roster from the SIS")}};
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/integrations"), inbound);
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    const QString path = QStringLiteral("/api/v1/integrations/%1").arg(id);
    // A new integration stores NULL, which the guard reads as 10.
    QCOMPARE(created.json.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 10);
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT delete_limit_percent FROM integrations "
                                                  "WHERE id = ?"),
                                   {id});
    QVERIFY(stored.ok());
    QVERIFY(stored->isNull());

    QJsonObject changed = inbound;
    changed.insert(QStringLiteral("deleteLimitPercent"), 50);
    const ApiReply updated = m_api->put(path, changed);
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 50);
    QCOMPARE(m_api->get(path).json.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 50);

    // A request without the field keeps the stored limit.
    changed.remove(QStringLiteral("deleteLimitPercent"));
    changed.insert(QStringLiteral("notes"), QStringLiteral("Changed notes only"));
    QCOMPARE(m_api->put(path, changed).status, 200);
    QCOMPARE(m_api->get(path).json.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 50);

    // Both ends of the range are stored.
    for (const int percent : {0, 100}) {
        changed.insert(QStringLiteral("deleteLimitPercent"), percent);
        QCOMPARE(m_api->put(path, changed).status, 200);
        QCOMPARE(m_api->get(path).json.value(QStringLiteral("deleteLimitPercent")).toInt(-1),
                 percent);
    }

    // The audit log records the change from 10 to 50 like any other field.
    auto audited = hub::execute(m_engine->store().connection(),
                                QStringLiteral("SELECT before_json, after_json FROM audit_log "
                                               "WHERE entity = 'integration' AND entity_id = ? "
                                               "AND action = 'update' ORDER BY id"),
                                {id});
    QVERIFY(audited.ok());
    QVERIFY(audited->next());
    const QJsonObject before = QJsonDocument::fromJson(audited->value(0).toByteArray()).object();
    const QJsonObject after = QJsonDocument::fromJson(audited->value(1).toByteArray()).object();
    QCOMPARE(before.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 10);
    QCOMPARE(after.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 50);

    // A new integration may set the limit at once.
    QJsonObject withLimit = inbound;
    withLimit.insert(QStringLiteral("deleteLimitPercent"), 25);
    const ApiReply second = m_api->post(QStringLiteral("/api/v1/integrations"), withLimit);
    QCOMPARE(second.status, 201);
    QCOMPARE(second.json.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 25);

    QCOMPARE(m_api->remove(path).status, 204);
    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/integrations/%1")
                               .arg(second.json.value(QStringLiteral("id")).toInteger()))
                 .status,
             204);
}

void tst_AdminApi::deleteLimitRejectsInvalid_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("negative") << QJsonValue(-1);
    QTest::newRow("above 100") << QJsonValue(101);
    QTest::newRow("fraction") << QJsonValue(12.5);
    QTest::newRow("huge") << QJsonValue(1e12);
    QTest::newRow("text") << QJsonValue(QStringLiteral("50"));
    QTest::newRow("boolean") << QJsonValue(true);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
}

void tst_AdminApi::deleteLimitRejectsInvalid()
{
    QFETCH(QJsonValue, value);
    // The demo's OneRoster bundle integration, whose limit stays as it was.
    const QString path = QStringLiteral("/api/v1/integrations/3");
    QJsonObject integration = m_api->get(path).json;
    QCOMPARE(integration.value(QStringLiteral("integrationType")).toString(),
             QStringLiteral("inbound"));
    const int stored = integration.value(QStringLiteral("deleteLimitPercent")).toInt(-1);
    QVERIFY(stored >= 0);
    integration.insert(QStringLiteral("deleteLimitPercent"), value);

    const ApiReply updated = m_api->put(path, integration);
    QCOMPARE(updated.status, 422);
    QCOMPARE(updated.json[QStringLiteral("fields")][QStringLiteral("deleteLimitPercent")].toString(),
             QStringLiteral("Enter a whole number of percent from 0 to 100."));
    QCOMPARE(m_api->get(path).json.value(QStringLiteral("deleteLimitPercent")).toInt(-1), stored);

    const ApiReply created = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), productIdOf(QStringLiteral("oneroster-bundle"))},
                    {QStringLiteral("deleteLimitPercent"), value}});
    QCOMPARE(created.status, 422);
    QVERIFY(created.json[QStringLiteral("fields")].toObject().contains(
        QStringLiteral("deleteLimitPercent")));
}

void tst_AdminApi::deleteLimitOnlyForInbound()
{
    // GET returns null on other types, and a null sent back is accepted.
    const QString path = QStringLiteral("/api/v1/integrations/1");
    QJsonObject outbound = m_api->get(path).json;
    QCOMPARE(outbound.value(QStringLiteral("integrationType")).toString(),
             QStringLiteral("outbound"));
    QVERIFY(outbound.contains(QStringLiteral("deleteLimitPercent")));
    QVERIFY(outbound.value(QStringLiteral("deleteLimitPercent")).isNull());
    QCOMPARE(m_api->put(path, outbound).status, 200);

    outbound.insert(QStringLiteral("deleteLimitPercent"), 20);
    const ApiReply updated = m_api->put(path, outbound);
    QCOMPARE(updated.status, 422);
    QCOMPARE(updated.json[QStringLiteral("fields")][QStringLiteral("deleteLimitPercent")].toString(),
             QStringLiteral("Only inbound loads are held for approval, so deleteLimitPercent "
                            "applies to inbound integrations only; leave it out or send null "
                            "for this outbound integration."));
    auto stored = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT delete_limit_percent FROM integrations "
                                                  "WHERE id = 1"));
    QVERIFY(stored.ok());
    QVERIFY(stored->isNull());

    QJsonObject created = validIntegration();
    created.insert(QStringLiteral("deleteLimitPercent"), 20);
    const ApiReply rejected = m_api->post(QStringLiteral("/api/v1/integrations"), created);
    QCOMPARE(rejected.status, 422);
    QVERIFY(rejected.json[QStringLiteral("fields")].toObject().contains(
        QStringLiteral("deleteLimitPercent")));
}

void tst_AdminApi::integrationFieldTypesAreStrict_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");

    QTest::newRow("active as text") << "active" << QJsonValue(QStringLiteral("false")) << "active";
    QTest::newRow("active as number") << "active" << QJsonValue(0) << "active";
    QTest::newRow("next cycle as number") << "runAtNextCycle" << QJsonValue(1) << "runAtNextCycle";
    QTest::newRow("notes as number") << "notes" << QJsonValue(123) << "notes";
    QTest::newRow("notes as list") << "notes" << QJsonValue(QJsonArray{QStringLiteral("a")}) << "notes";
    QTest::newRow("format as number") << "format" << QJsonValue(1) << "format";
    QTest::newRow("product as text") << "productId" << QJsonValue(QStringLiteral("2")) << "productId";
    QTest::newRow("timeout fraction") << "queryTimeoutSeconds" << QJsonValue(1.5) << "queryTimeoutSeconds";
    QTest::newRow("destinations as object") << "destinations" << QJsonValue(QJsonObject()) << "destinations";
    QTest::newRow("destination active as text")
        << "destinations"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1},
                                             {QStringLiteral("active"), QStringLiteral("no")}}})
        << "destinations[0].active";
    QTest::newRow("destination twice")
        << "destinations"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("destinationId"), 1}},
                                 QJsonObject{{QStringLiteral("destinationId"), 1}}})
        << "destinations[1].destinationId";
    const auto schedule = [](const QJsonValue &repeatEvery) {
        return QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                                      {QStringLiteral("startDate"), QStringLiteral("2026-12-05")},
                                      {QStringLiteral("startTime"), QStringLiteral("02:00")},
                                      {QStringLiteral("repeatEvery"), repeatEvery}});
    };
    QTest::newRow("repeat as text") << "schedule" << schedule(QStringLiteral("abc")) << "schedule.repeatEvery";
    QTest::newRow("repeat as numeric text") << "schedule" << schedule(QStringLiteral("2")) << "schedule.repeatEvery";
    QTest::newRow("repeat as list") << "schedule" << schedule(QJsonArray()) << "schedule.repeatEvery";
    QTest::newRow("repeat 1000") << "schedule" << schedule(1000) << "schedule.repeatEvery";
}

void tst_AdminApi::integrationFieldTypesAreStrict()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);

    QJsonObject body = validIntegration();
    body.insert(key, value);
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations"), body);
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json.value(QStringLiteral("fields")).toObject().contains(field),
             reply.body.constData());
}

void tst_AdminApi::integrationProductCannotChange()
{
    QJsonObject body = validIntegration();
    body.insert(QStringLiteral("productId"), productIdOf(QStringLiteral("oneroster-bundle")));
    body.remove(QStringLiteral("outputId"));
    const ApiReply reply = m_api->put(QStringLiteral("/api/v1/integrations/1"), body);
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields"))[QStringLiteral("productId")].toString()
                .contains(QStringLiteral("cannot change")));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1")).json
                 .value(QStringLiteral("integrationType")).toString(),
             QStringLiteral("outbound"));
}

void tst_AdminApi::deletedIntegrationKeepsRuns()
{
    const ApiReply created = m_api->post(QStringLiteral("/api/v1/integrations"), validIntegration());
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    const QString name = created.json.value(QStringLiteral("displayName")).toString();
    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(id));
    QCOMPARE(queued.status, 202);
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 0);

    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/integrations/%1").arg(id)).status, 204);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/%1").arg(id)).status, 404);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(id)).status, 404);

    const ApiReply history = m_api->get(QStringLiteral("/api/v1/runs?integrationId=%1").arg(id));
    QCOMPARE(history.json.value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(history.json.value(QStringLiteral("runs"))[0][QStringLiteral("integrationName")].toString(), name);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/runs/%1/retry").arg(runId)).status, 409);
    // The destination is free again: only the deleted integration used it besides the demo.
    auto links = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM integration_destinations "
                                                 "WHERE integration_id = ?"),
                                  {id});
    QCOMPARE(links->toInt(), 0);
}

void tst_AdminApi::busyStoreAnswers503()
{
    HUB_SQLITE_ONLY("the test holds SQLite's write lock on the file");
    // Another connection holds the write lock, as a long inbound load does.
    QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
    blocker.setDatabaseName(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(blocker.open());
    QSqlQuery lock(blocker);
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    const ApiReply busy = m_api->post(QStringLiteral("/api/v1/integrations/1/runs"));
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.header("Retry-After"), QByteArray("5"));
    QCOMPARE(busy.json.value(QStringLiteral("error")).toString(), QStringLiteral("store_busy"));
    // Reads go on while the lock is held.
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1")).status, 200);

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    lock = QSqlQuery();
    blocker.close();
    blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("blocker"));
    const ApiReply after = m_api->post(QStringLiteral("/api/v1/integrations/1/runs"));
    QCOMPARE(after.status, 202);
    waitForRun(after.json.value(QStringLiteral("id")).toInteger());
}

void tst_AdminApi::bearerSchemeIgnoresCase()
{
    QNetworkAccessManager network;
    QUrl url = m_engine->baseUrl();
    url.setPath(QStringLiteral("/api/v1/health"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "bEARER " + m_token);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void tst_AdminApi::idWithTrailingBytesIsRejected()
{
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/1%00")).status, 400);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/+1")).status, 400);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/01")).status, 200);
}

void tst_AdminApi::longUploadNameIsShortened()
{
    const QString name = QString(300, QLatin1Char('n')) + QStringLiteral(".zip");
    const ApiReply reply = m_api->send("POST",
                                       QStringLiteral("/api/v1/integrations/3/files?fileName=") + name,
                                       "not a zip", "application/zip");
    QCOMPARE(reply.status, 202);
    const QJsonObject run = waitForRun(reply.json.value(QStringLiteral("id")).toInteger());
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
}

void tst_AdminApi::manualRunSucceeds()
{
    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/1/runs"));
    QCOMPARE(queued.status, 202);
    QCOMPARE(queued.json.value(QStringLiteral("trigger")).toString(), QStringLiteral("manual"));
    const int queuedStatus = queued.json.value(QStringLiteral("status")).toInt();
    QVERIFY(queuedStatus == 2 || queuedStatus == 1);

    const QJsonObject run = waitForRun(queued.json.value(QStringLiteral("id")).toInteger());
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(run.value(QStringLiteral("statusText")).toString(), QStringLiteral("Succeeded"));
    QVERIFY(run.value(QStringLiteral("durationSeconds")).isDouble());

    QStringList phases;
    const QJsonArray phaseArray = run.value(QStringLiteral("phases")).toArray();
    for (const QJsonValue &phase : phaseArray) {
        phases.append(phase[QStringLiteral("name")].toString());
        QCOMPARE(phase[QStringLiteral("status")].toInt(), 0);
    }
    QCOMPARE(phases, (QStringList{QStringLiteral("Query"), QStringLiteral("Format"),
                                  QStringLiteral("Deliver to Demo Outbound Folder")}));
    const qint64 rows = phaseArray.at(0)[QStringLiteral("rowsRead")].toInteger();
    QCOMPARE(phaseArray.at(1)[QStringLiteral("rowsWritten")].toInteger(), rows);
    QVERIFY(rows > 0);

    const QString delivered = QDir(m_dataDir.path())
                                  .filePath(QStringLiteral("outbound/")
                                            + run.value(QStringLiteral("outputFile")).toString());
    QFile file(delivered);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(delivered));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.first().startsWith("SchoolYear,SectionId,SectionCode,SectionTitle"));
    QCOMPARE(lines.size() - 2, rows);
    QCOMPARE(phaseArray.at(1)[QStringLiteral("bytes")].toInteger(), QFileInfo(delivered).size());
    QVERIFY(!QFileInfo::exists(QDir(m_dataDir.path()).filePath(
        QStringLiteral("work/run-%1").arg(run.value(QStringLiteral("id")).toInteger()))));
}

void tst_AdminApi::runFilesCanBeDownloaded()
{
    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/1/runs"));
    QCOMPARE(queued.status, 202);
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    const QJsonObject run = waitForRun(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    const QString outputFile = run.value(QStringLiteral("outputFile")).toString();

    // The name carries the run's start as the district's clock read it, as the runbook shows it.
    auto zone = hub::selectValue(m_engine->store().connection(),
                                 QStringLiteral("SELECT time_zone FROM districts WHERE id = ?"),
                                 {m_engine->districtId()});
    QVERIFY(zone.ok());
    const QDateTime started = hub::fromIsoUtc(run.value(QStringLiteral("startedAt")).toString());
    QVERIFY(started.isValid());
    const QString districtStart = started.toTimeZone(QTimeZone(zone->toString().toUtf8()))
                                      .toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QVERIFY(started.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")) != districtStart);
    QVERIFY2(outputFile.endsWith(QStringLiteral("_%1_run%2.csv").arg(districtStart).arg(runId)),
             qPrintable(outputFile));

    const ApiReply listed = m_api->get(QStringLiteral("/api/v1/runs/%1/files").arg(runId));
    QCOMPARE(listed.status, 200);
    const QJsonArray files = listed.json.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.at(0)[QStringLiteral("name")].toString(), outputFile);
    QCOMPARE(files.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("output"));

    QFile delivered(QDir(m_dataDir.path()).filePath(QStringLiteral("outbound/") + outputFile));
    QVERIFY(delivered.open(QIODevice::ReadOnly));
    const QByteArray expected = delivered.readAll();
    QCOMPARE(files.at(0)[QStringLiteral("bytes")].toInteger(), expected.size());

    const ApiReply file = m_api->get(QStringLiteral("/api/v1/runs/%1/files/%2").arg(runId).arg(outputFile));
    QCOMPARE(file.status, 200);
    QCOMPARE(file.body, expected);
    QCOMPARE(file.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
    QCOMPARE(file.header("Content-Disposition"), "attachment; filename=\"" + outputFile.toUtf8() + '"');
}

void tst_AdminApi::runFileNamesAreChecked()
{
    const ApiReply run = m_api->post(QStringLiteral("/api/v1/integrations/1/runs"));
    const qint64 runId = waitForRun(run.json.value(QStringLiteral("id")).toInteger())
                             .value(QStringLiteral("id")).toInteger();
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1/files/missing.csv").arg(runId)).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1/files/..%2secret.key").arg(runId).arg(QStringLiteral("%2F"))).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/%1/files/secret.key").arg(runId)).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/999999/files")).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/999999/files/x.csv")).status, 404);
}

void tst_AdminApi::runsFilteredByDistrictDate()
{
    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/2/runs"),
                                        QJsonObject{{QStringLiteral("schoolYear"), 2027}});
    QCOMPARE(queued.status, 202);
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(waitForRun(runId).value(QStringLiteral("schoolYear")).toInt(), 2027);

    const QTimeZone zone("America/Detroit");
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    const ApiReply todays = m_api->get(QStringLiteral("/api/v1/runs?date=%1").arg(today.toString(Qt::ISODate)));
    QCOMPARE(todays.status, 200);
    QCOMPARE(todays.json.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Detroit"));
    const QJsonArray runs = todays.json.value(QStringLiteral("runs")).toArray();
    QVERIFY(!runs.isEmpty());
    QCOMPARE(runs.first()[QStringLiteral("id")].toInteger(), runId);
    QCOMPARE(runs.first()[QStringLiteral("integrationName")].toString(),
             QStringLiteral("External System: MiLEARN 2: MiLEARN-Authorizations Data (current)"));

    const ApiReply yesterday = m_api->get(
        QStringLiteral("/api/v1/runs?date=%1").arg(today.addDays(-1).toString(Qt::ISODate)));
    QCOMPARE(yesterday.json.value(QStringLiteral("total")).toInt(), 0);

    const ApiReply paged = m_api->get(QStringLiteral("/api/v1/runs?limit=1&offset=1"));
    QCOMPARE(paged.json.value(QStringLiteral("runs")).toArray().size(), 1);
    QVERIFY(paged.json.value(QStringLiteral("total")).toInt() >= 2);
    QVERIFY(paged.json.value(QStringLiteral("runs"))[0][QStringLiteral("id")].toInteger() < runId);
}

void tst_AdminApi::runsQueryValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("day first date") << "date=04/12/2026" << "date";
    QTest::newRow("no such day") << "date=2026-02-30" << "date";
    QTest::newRow("limit zero") << "limit=0" << "limit";
    QTest::newRow("limit too big") << "limit=501" << "limit";
    QTest::newRow("negative offset") << "offset=-1" << "offset";
    QTest::newRow("unknown status") << "status=5" << "status";
    QTest::newRow("integration text") << "integrationId=abc" << "integrationId";
}

void tst_AdminApi::runsQueryValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/runs?") + query);
    QCOMPARE(reply.status, 422);
    const QJsonObject fields = reply.json.value(QStringLiteral("fields")).toObject();
    QVERIFY2(fields.contains(field), reply.body.constData());
    // The message shows the rejected value.
    const QString value = query.section(QLatin1Char('='), 1);
    if (field == QLatin1String("limit") || field == QLatin1String("offset"))
        QVERIFY2(fields.value(field).toString().contains(value), reply.body.constData());
}

void tst_AdminApi::unknownQueryParameterIsRejected_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::newRow("runs cursor") << "/api/v1/runs?cursor=garbage"
                                 << "cursor";
    QTest::newRow("runs page after limit") << "/api/v1/runs?limit=5&page=garbage"
                                           << "page";
    QTest::newRow("run changes") << "/api/v1/runs/changes?since=0&cursor=garbage"
                                 << "cursor";
    QTest::newRow("validation report") << "/api/v1/runs/1/validation?cursor=garbage"
                                       << "cursor";
    QTest::newRow("validation csv") << "/api/v1/runs/1/validation.csv?limit=garbage"
                                    << "limit";
    QTest::newRow("integrations") << "/api/v1/integrations?offset=garbage"
                                  << "offset";
    QTest::newRow("destinations") << "/api/v1/destinations?limit=garbage"
                                  << "limit";
    QTest::newRow("file specifications") << "/api/v1/file-specs?cursor=garbage"
                                         << "cursor";
    QTest::newRow("applications") << "/api/v1/oneroster/applications?offset=garbage"
                                  << "offset";
    QTest::newRow("activity") << "/api/v1/oneroster/activity?cursor=garbage"
                              << "cursor";
    QTest::newRow("blackouts") << "/api/v1/blackouts?limit=garbage"
                               << "limit";
    QTest::newRow("products") << "/api/v1/catalog/products?page=garbage"
                              << "page";
    QTest::newRow("users") << "/api/v1/users?cursor=garbage"
                           << "cursor";
    QTest::newRow("notifications") << "/api/v1/notifications?offset=garbage"
                                   << "offset";
    QTest::newRow("integration activity") << "/api/v1/integrations/1/activity?cursor=garbage"
                                          << "cursor";
    QTest::newRow("run files") << "/api/v1/runs/1/files?limit=garbage"
                               << "limit";
    QTest::newRow("audit log") << "/api/v1/audit?cursor=garbage"
                               << "cursor";
    QTest::newRow("audit csv") << "/api/v1/audit.csv?page=garbage"
                               << "page";
}

void tst_AdminApi::unknownQueryParameterIsRejected()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    const ApiReply reply = m_api->get(path);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("unknown_parameter"));
    QVERIFY2(reply.json.value(QStringLiteral("fields")).toObject().contains(name),
             reply.body.constData());
    const QString message = reply.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(name + QStringLiteral("=\"garbage\"")), qPrintable(message));
}

void tst_AdminApi::inboundRunNeedsFile()
{
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations/3/runs"));
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("upload a file")));
    const ApiReply empty = m_api->send("POST", QStringLiteral("/api/v1/integrations/3/files?fileName=a.zip"),
                                       QByteArray(), "application/zip");
    QCOMPARE(empty.status, 422);
}

void tst_AdminApi::uploadToOutboundIsRejected()
{
    const ApiReply reply = m_api->send("POST", QStringLiteral("/api/v1/integrations/1/files?fileName=a.csv"),
                                       "a,b\r\n", "text/csv");
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("not_inbound"));
}

void tst_AdminApi::unknownRunIsNotFound()
{
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/runs/99999")).status, 404);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/integrations/99999/runs")).status, 404);
}

namespace {

QJsonObject previewSchedule()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                       {QStringLiteral("startDate"), QStringLiteral("2026-10-31")},
                       {QStringLiteral("startTime"), QStringLiteral("01:30")},
                       {QStringLiteral("repeatEvery"), 1}};
}

} // namespace

void tst_AdminApi::schedulePreviewListsRuns()
{
    const ApiReply reply = m_api->post(
        QStringLiteral("/api/v1/schedules/preview"),
        QJsonObject{{QStringLiteral("schedule"), previewSchedule()},
                    {QStringLiteral("count"), 3},
                    {QStringLiteral("after"), QStringLiteral("2026-10-31T00:00:00Z")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("timeZone")).toString(),
             QStringLiteral("America/Detroit"));
    const QJsonArray occurrences = reply.json.value(QStringLiteral("occurrences")).toArray();
    QCOMPARE(occurrences.size(), 3);
    // 01:30 occurs twice on 2026-11-01 and runs once, at 01:30 EDT.
    QCOMPARE(occurrences.at(0)[QStringLiteral("at")].toString(),
             QStringLiteral("2026-10-31T05:30:00.000Z"));
    QCOMPARE(occurrences.at(1)[QStringLiteral("at")].toString(),
             QStringLiteral("2026-11-01T05:30:00.000Z"));
    QCOMPARE(occurrences.at(1)[QStringLiteral("local")].toString(),
             QStringLiteral("2026-11-01T01:30:00"));
    QCOMPARE(occurrences.at(1)[QStringLiteral("abbreviation")].toString(), QStringLiteral("EDT"));
    QCOMPARE(occurrences.at(1)[QStringLiteral("shifted")].toBool(), false);
    QCOMPARE(occurrences.at(1)[QStringLiteral("note")].toString(),
             QStringLiteral("01:30 occurs twice on 2026-11-01 because clocks move back to EST; "
                            "runs once, at the first (01:30 EDT)."));
    QVERIFY(occurrences.at(1)[QStringLiteral("heldBy")].isNull());
    QCOMPARE(occurrences.at(2)[QStringLiteral("at")].toString(),
             QStringLiteral("2026-11-02T06:30:00.000Z"));
    QCOMPARE(occurrences.at(2)[QStringLiteral("abbreviation")].toString(), QStringLiteral("EST"));

    // A start time in the spring-forward gap is shifted to 03:00 EDT.
    QJsonObject gap = previewSchedule();
    gap.insert(QStringLiteral("startDate"), QStringLiteral("2027-03-14"));
    gap.insert(QStringLiteral("startTime"), QStringLiteral("02:30"));
    const ApiReply shifted = m_api->post(
        QStringLiteral("/api/v1/schedules/preview"),
        QJsonObject{{QStringLiteral("schedule"), gap},
                    {QStringLiteral("count"), 1},
                    {QStringLiteral("after"), QStringLiteral("2027-03-01T00:00:00Z")}});
    QCOMPARE(shifted.status, 200);
    const QJsonObject first
        = shifted.json.value(QStringLiteral("occurrences")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("at")).toString(),
             QStringLiteral("2027-03-14T07:00:00.000Z"));
    QCOMPARE(first.value(QStringLiteral("local")).toString(),
             QStringLiteral("2027-03-14T03:00:00"));
    QCOMPARE(first.value(QStringLiteral("shifted")).toBool(), true);
}

void tst_AdminApi::schedulePreviewStartsNow()
{
    QJsonObject schedule = previewSchedule();
    schedule.insert(QStringLiteral("startDate"), QStringLiteral("2099-01-01"));
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/schedules/preview"),
                                       QJsonObject{{QStringLiteral("schedule"), schedule}});
    QCOMPARE(reply.status, 200);
    const QJsonArray occurrences = reply.json.value(QStringLiteral("occurrences")).toArray();
    QCOMPARE(occurrences.size(), 5);
    QCOMPARE(occurrences.at(0)[QStringLiteral("at")].toString(),
             QStringLiteral("2099-01-01T06:30:00.000Z"));
    QCOMPARE(occurrences.at(4)[QStringLiteral("at")].toString(),
             QStringLiteral("2099-01-05T06:30:00.000Z"));
}

void tst_AdminApi::schedulePreviewValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("day of week 8")
        << "daysOfWeek" << QJsonValue(QJsonArray{8}) << "schedule.daysOfWeek"
        << "1 (Monday) to 7 (Sunday)";
    QTest::newRow("day of month 0") << "dayOfMonth" << QJsonValue(0) << "schedule.dayOfMonth"
                                    << "from 1 to 31";
    QTest::newRow("skip catch-up text")
        << "skipCatchUp" << QJsonValue(QStringLiteral("no")) << "schedule.skipCatchUp"
        << "true or false";
    QTest::newRow("start time 24:00")
        << "startTime" << QJsonValue(QStringLiteral("24:00")) << "schedule.startTime"
        << "\"24:00\" is not one";
    QTest::newRow("start time misspelled")
        << "startTme" << QJsonValue(QStringLiteral("05:00")) << "schedule.startTme"
        << "Unknown field";
    QTest::newRow("count 0") << "count" << QJsonValue(0) << "count"
                             << "from 1 to 50";
    QTest::newRow("count 51") << "count" << QJsonValue(51) << "count"
                              << "from 1 to 50";
    QTest::newRow("count text") << "count" << QJsonValue(QStringLiteral("5")) << "count"
                                << "from 1 to 50";
    QTest::newRow("after without offset")
        << "after" << QJsonValue(QStringLiteral("2026-11-01T00:00:00")) << "after"
        << "with its offset";
    QTest::newRow("schedule missing") << "schedule" << QJsonValue(QJsonValue::Null) << "schedule"
                                      << "as an object";
    QTest::newRow("start date 9999-12-31")
        << "startDate" << QJsonValue(QStringLiteral("9999-12-31")) << "schedule.startDate"
        << "from 1970-01-01 to 2199-12-31";
    QTest::newRow("end date 2200-01-01")
        << "endDate" << QJsonValue(QStringLiteral("2200-01-01")) << "schedule.endDate"
        << "from 1970-01-01 to 2199-12-31";
    QTest::newRow("after year 9999")
        << "after" << QJsonValue(QStringLiteral("9999-06-01T00:00:00Z")) << "after"
        << "from 1970-01-01 to 2199-12-31";
}

void tst_AdminApi::schedulePreviewValidation()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    QJsonObject schedule = previewSchedule();
    QJsonObject body{{QStringLiteral("schedule"), schedule}};
    if (field.startsWith(QLatin1String("schedule."))) {
        schedule.insert(key, value);
        body.insert(QStringLiteral("schedule"), schedule);
    } else {
        body.insert(key, value);
    }

    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/schedules/preview"), body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("validation_failed"));
    const QJsonObject fields = reply.json.value(QStringLiteral("fields")).toObject();
    QVERIFY2(fields.contains(field), reply.body.constData());
    QVERIFY2(fields.value(field).toString().contains(messagePart),
             qPrintable(fields.value(field).toString()));
}

void tst_AdminApi::blackoutLifecycle()
{
    const ApiReply created
        = m_api->post(QStringLiteral("/api/v1/blackouts"),
                      QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2026-11-01")},
                                  {QStringLiteral("endsOn"), QStringLiteral("2026-11-01")},
                                  {QStringLiteral("reason"), QStringLiteral(" State testing ")}});
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(created.json.value(QStringLiteral("reason")).toString(),
             QStringLiteral("State testing"));

    const QJsonArray listed = m_api->get(QStringLiteral("/api/v1/blackouts"))
                                  .json.value(QStringLiteral("blackouts"))
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0)[QStringLiteral("startsOn")].toString(), QStringLiteral("2026-11-01"));

    // The preview marks the run on the held date.
    const ApiReply preview = m_api->post(
        QStringLiteral("/api/v1/schedules/preview"),
        QJsonObject{{QStringLiteral("schedule"), previewSchedule()},
                    {QStringLiteral("count"), 3},
                    {QStringLiteral("after"), QStringLiteral("2026-10-31T00:00:00Z")}});
    const QJsonArray occurrences = preview.json.value(QStringLiteral("occurrences")).toArray();
    QVERIFY(occurrences.at(0)[QStringLiteral("heldBy")].isNull());
    QCOMPARE(occurrences.at(1)[QStringLiteral("heldBy")].toString(),
             QStringLiteral("State testing"));
    QVERIFY(occurrences.at(2)[QStringLiteral("heldBy")].isNull());

    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/blackouts/%1").arg(id)).status, 204);
    QCOMPARE(m_api->remove(QStringLiteral("/api/v1/blackouts/%1").arg(id)).status, 404);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/blackouts"))
                 .json.value(QStringLiteral("blackouts"))
                 .toArray()
                 .size(),
             0);
}

void tst_AdminApi::blackoutValidation_data()
{
    QTest::addColumn<QString>("startsOn");
    QTest::addColumn<QString>("endsOn");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("start day first") << "21/12/2026"
                                     << "2026-12-23"
                                     << "Break"
                                     << "startsOn"
                                     << "YYYY-MM-DD";
    QTest::newRow("end missing") << "2026-12-21"
                                 << ""
                                 << "Break"
                                 << "endsOn"
                                 << "YYYY-MM-DD";
    QTest::newRow("end before start") << "2026-12-21"
                                      << "2026-12-20"
                                      << "Break"
                                      << "endsOn"
                                      << "before the first date";
    QTest::newRow("longer than a year") << "2026-01-01"
                                        << "2027-01-02"
                                        << "Break"
                                        << "endsOn"
                                        << "at most 366 days";
    QTest::newRow("no reason") << "2026-12-21"
                               << "2026-12-23"
                               << "  "
                               << "reason"
                               << "1 to 200 characters";
    QTest::newRow("reason too long") << "2026-12-21"
                                     << "2026-12-23" << QString(201, QLatin1Char('x')) << "reason"
                                     << "1 to 200 characters";
}

void tst_AdminApi::blackoutValidation()
{
    QFETCH(QString, startsOn);
    QFETCH(QString, endsOn);
    QFETCH(QString, reason);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/blackouts"),
                                       QJsonObject{{QStringLiteral("startsOn"), startsOn},
                                                   {QStringLiteral("endsOn"), endsOn},
                                                   {QStringLiteral("reason"), reason}});
    QCOMPARE(reply.status, 422);
    const QJsonObject fields = reply.json.value(QStringLiteral("fields")).toObject();
    QVERIFY2(fields.contains(field), reply.body.constData());
    QVERIFY2(fields.value(field).toString().contains(messagePart),
             qPrintable(fields.value(field).toString()));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/blackouts"))
                 .json.value(QStringLiteral("blackouts"))
                 .toArray()
                 .size(),
             0);
}

QTEST_GUILESS_MAIN(tst_AdminApi)
#include "tst_adminapi.moc"
