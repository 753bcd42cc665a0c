// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// EngineClient against a real engine in the same process: hub::Engine listens on 127.0.0.1
// with the demo district, and a real QNetworkAccessManager sends every request.

#include "accounts/accounts.h"
#include "engine.h"
#include "engineclient.h"
#include "store/store.h"

#include <QJsonArray>
#include <QMap>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace hubdesk;

namespace {

const QByteArray kToken = QByteArrayLiteral("tst-engineclient-token-0123456789");
constexpr int kAnswerTimeoutMs = 30000;

// Runs the event loop until the job finishes, and returns its result. A job that does not
// finish in time gives httpStatus -1, which every assertion on the status then reports.
ApiResult resultOf(ApiJob *job)
{
    std::optional<ApiResult> result;
    QObject::connect(job, &ApiJob::finished, job,
                     [&result](const ApiResult &finished) { result = finished; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, kAnswerTimeoutMs)) {
        ApiResult timedOut;
        timedOut.httpStatus = -1;
        timedOut.errorMessage = QStringLiteral("No answer within %1 ms").arg(kAnswerTimeoutMs);
        return timedOut;
    }
    return *result;
}

} // namespace

class tst_EngineClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void missingTokenGives401();
    void wrongTokenGives401();
    void healthSetsDistrict();
    void healthFailureSetsFailed();
    void fetchProducts();
    void fetchOutboundIntegrations();
    void fetchIntegrationById();
    void fetchDestinations();
    void invalidTimeoutGives422();
    void unknownRunGives404();
    void unknownRouteInConsoleWords();
    void roleRefusalInConsoleWords();
    void inboundRunNowInConsoleWords();
    void conflictKeepsEngineWords();
    void runNowSucceeds();
    void fetchRunsOfToday();
    void abortReportsCancelled();
    void jobDeletesItself();

private:
    qint64 sectionsIntegrationId();
    bool pollRun();

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    QNetworkAccessManager m_network;
    std::unique_ptr<EngineClient> m_client;
    qint64 m_pollRunId = 0;
    QPointer<ApiJob> m_pollJob;
    QJsonObject m_polledDetail;
};

void tst_EngineClient::initTestCase()
{
    QVERIFY2(m_dataDir.isValid(), qPrintable(m_dataDir.errorString()));
    hub::EngineOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.dataDir = m_dataDir.path();
    options.adminToken = kToken;
    options.demo = true;
    m_engine = std::make_unique<hub::Engine>(options);
    const auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));

    m_client = std::make_unique<EngineClient>(&m_network);
    m_client->setBaseUrl(m_engine->baseUrl());
    m_client->setToken(kToken);
}

void tst_EngineClient::cleanupTestCase()
{
    m_client.reset();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
}

qint64 tst_EngineClient::sectionsIntegrationId()
{
    const ApiResult result = resultOf(m_client->fetchIntegrations(QStringLiteral("outbound")));
    const QJsonArray integrations
        = result.body.object().value(QStringLiteral("integrations")).toArray();
    for (const QJsonValue &value : integrations) {
        const QJsonObject integration = value.toObject();
        if (integration.value(QStringLiteral("outputName")).toString()
            == QLatin1String("MiLEARN-Sections Data"))
            return integration.value(QStringLiteral("id")).toInteger();
    }
    return 0;
}

bool tst_EngineClient::pollRun()
{
    const int status = m_polledDetail.value(QStringLiteral("status")).toInt(-1);
    if (status != -1 && status != 1 && status != 2)
        return true;
    if (!m_pollJob) {
        m_pollJob = m_client->fetchRun(m_pollRunId);
        connect(m_pollJob, &ApiJob::finished, this, [this](const ApiResult &result) {
            if (result.ok())
                m_polledDetail = result.body.object();
        });
    }
    return false;
}

void tst_EngineClient::missingTokenGives401()
{
    EngineClient anonymous(&m_network);
    anonymous.setBaseUrl(m_engine->baseUrl());

    const ApiResult result = resultOf(anonymous.get(QStringLiteral("/api/v1/integrations")));

    QCOMPARE(result.httpStatus, 401);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorMessage,
             QStringLiteral("The engine no longer accepts this connection's token. Sign in "
                            "again, or reconnect to the engine."));
    QCOMPARE(result.body.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("unauthorized"));
}

void tst_EngineClient::wrongTokenGives401()
{
    EngineClient client(&m_network);
    client.setBaseUrl(m_engine->baseUrl());
    client.setToken(QByteArrayLiteral("not-the-token-0123456789"));

    const ApiResult result = resultOf(client.checkHealth());

    QCOMPARE(result.httpStatus, 401);
    QVERIFY(!result.errorMessage.isEmpty());
    QCOMPARE(client.connectionState(), EngineClient::ConnectionState::Failed);
}

void tst_EngineClient::healthSetsDistrict()
{
    EngineClient client(&m_network);
    client.setBaseUrl(m_engine->baseUrl());
    client.setToken(kToken);
    QSignalSpy states(&client, &EngineClient::connectionStateChanged);

    const ApiResult result = resultOf(client.checkHealth());

    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.errorMessage.isEmpty());
    QCOMPARE(client.districtTimeZone(), QByteArrayLiteral("America/Detroit"));
    QCOMPARE(client.districtName(), QStringLiteral("Demo Public Schools"));
    QCOMPARE(client.connectionState(), EngineClient::ConnectionState::Connected);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<EngineClient::ConnectionState>(),
             EngineClient::ConnectionState::Connecting);
    QCOMPARE(states.at(1).at(0).value<EngineClient::ConnectionState>(),
             EngineClient::ConnectionState::Connected);
}

void tst_EngineClient::healthFailureSetsFailed()
{
    // A port that was free a moment ago, so nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();

    EngineClient client(&m_network);
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)));
    client.setToken(kToken);

    const ApiResult result = resultOf(client.checkHealth());

    QCOMPARE(result.httpStatus, 0);
    QVERIFY(result.errorMessage.contains(QStringLiteral("refused the connection")));
    QCOMPARE(client.connectionState(), EngineClient::ConnectionState::Failed);
}

void tst_EngineClient::fetchProducts()
{
    const ApiResult result = resultOf(m_client->fetchProducts());

    QCOMPARE(result.httpStatus, 200);
    const QJsonArray products = result.body.object().value(QStringLiteral("products")).toArray();
    QVERIFY(!products.isEmpty());
    bool hasMiLearn = false;
    for (const QJsonValue &product : products)
        hasMiLearn |= product.toObject().value(QStringLiteral("key")).toString()
                      == QLatin1String("milearn");
    QVERIFY(hasMiLearn);
}

void tst_EngineClient::fetchOutboundIntegrations()
{
    const ApiResult result = resultOf(m_client->fetchIntegrations(QStringLiteral("outbound")));

    QCOMPARE(result.httpStatus, 200);
    const QJsonArray integrations
        = result.body.object().value(QStringLiteral("integrations")).toArray();
    QCOMPARE(integrations.size(), 2);
    for (const QJsonValue &integration : integrations)
        QCOMPARE(integration.toObject().value(QStringLiteral("integrationType")).toString(),
                 QStringLiteral("outbound"));
}

void tst_EngineClient::fetchIntegrationById()
{
    const qint64 id = sectionsIntegrationId();
    QVERIFY(id > 0);

    const ApiResult result = resultOf(m_client->fetchIntegration(id));

    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body.object().value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(result.body.object().value(QStringLiteral("displayName")).toString(),
             QStringLiteral("External System: MiLEARN 1: MiLEARN-Sections Data (current)"));
}

void tst_EngineClient::fetchDestinations()
{
    const ApiResult result = resultOf(m_client->fetchDestinations());

    QCOMPARE(result.httpStatus, 200);
    const QJsonArray destinations
        = result.body.object().value(QStringLiteral("destinations")).toArray();
    // The demo district's folder and its two Azure Blob Storage containers, by name.
    QMap<QString, QString> kinds;
    for (const QJsonValue &destination : destinations)
        kinds.insert(destination[QStringLiteral("name")].toString(),
                     destination[QStringLiteral("kind")].toString());
    const QMap<QString, QString> expected = {
        {QStringLiteral("Demo Outbound Folder"), QStringLiteral("folder")},
        {QStringLiteral("MiLearn Azure Storage - Prod"), QStringLiteral("azure-blob")},
        {QStringLiteral("MiLearn Azure Storage - QA"), QStringLiteral("azure-blob")},
    };
    QCOMPARE(kinds, expected);
    QCOMPARE(destinations.size(), expected.size());
}

void tst_EngineClient::invalidTimeoutGives422()
{
    const qint64 id = sectionsIntegrationId();
    QVERIFY(id > 0);
    QJsonObject integration = resultOf(m_client->fetchIntegration(id)).body.object();
    integration.insert(QStringLiteral("queryTimeoutSeconds"), 0);

    const ApiResult result = resultOf(m_client->saveIntegration(id, integration));

    QCOMPARE(result.httpStatus, 422);
    QVERIFY(result.fieldErrors.contains(QStringLiteral("queryTimeoutSeconds")));
    QCOMPARE(result.fieldErrors.size(), 1);
    QCOMPARE(result.errorMessage,
             QStringLiteral("1 field is invalid. Correct the marked fields and try again."));
}

void tst_EngineClient::unknownRunGives404()
{
    const ApiResult result = resultOf(m_client->fetchRun(999999));

    QCOMPARE(result.httpStatus, 404);
    QCOMPARE(result.errorMessage,
             QStringLiteral("Run 999999 not found. It may have been deleted; refresh the page."));
    QVERIFY(result.fieldErrors.isEmpty());
}

void tst_EngineClient::unknownRouteInConsoleWords()
{
    const ApiResult result = resultOf(m_client->get(QStringLiteral("/api/v1/no-such-resource")));

    QCOMPARE(result.httpStatus, 404);
    // The engine's message names the route, which means nothing to a coordinator.
    QVERIFY(result.body.object()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("/api/v1/no-such-resource")));
    QCOMPARE(result.errorMessage, QStringLiteral("The engine does not offer this action. It may "
                                                 "be an older version than this console."));
}

void tst_EngineClient::roleRefusalInConsoleWords()
{
    hub::accounts::NewAccount account;
    account.name = QStringLiteral("olga");
    account.password = QStringLiteral("olga-password-0123");
    account.districtId = 1;
    account.role = *hub::accounts::roleFromName(QStringLiteral("operator"));
    QVERIFY(hub::accounts::createAccount(m_engine->store().connection(), account,
                                         QDateTime::currentDateTimeUtc()));
    EngineClient operatorClient(&m_network);
    operatorClient.setBaseUrl(m_engine->baseUrl());
    const ApiResult signedIn = resultOf(operatorClient.signIn(account.name, account.password));
    QCOMPARE(signedIn.httpStatus, 200);
    operatorClient.setToken(
        signedIn.body.object().value(QStringLiteral("accessToken")).toString().toLatin1());

    const ApiResult result = resultOf(
        operatorClient.post(QStringLiteral("/api/v1/oneroster/applications"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("Operator App")},
                                        {QStringLiteral("vendor"), QStringLiteral("Acme")}}));

    QCOMPARE(result.httpStatus, 403);
    QCOMPARE(result.errorMessage,
             QStringLiteral("Your role does not allow this action. Ask a district administrator."));
}

void tst_EngineClient::inboundRunNowInConsoleWords()
{
    const ApiResult integrations = resultOf(m_client->fetchIntegrations(QStringLiteral("inbound")));
    const QJsonArray inbound
        = integrations.body.object().value(QStringLiteral("integrations")).toArray();
    QVERIFY(!inbound.isEmpty());
    const qint64 id = inbound.first()[QStringLiteral("id")].toInteger();

    const ApiResult result = resultOf(m_client->runNow(id));

    QCOMPARE(result.httpStatus, 409);
    QCOMPARE(result.body.object().value(QStringLiteral("error")).toString(),
             QStringLiteral("file_required"));
    QCOMPARE(result.errorMessage,
             QStringLiteral("This integration is inbound, so it runs when a file is uploaded to "
                            "it. Use Upload File… on the Integrations page."));
}

void tst_EngineClient::conflictKeepsEngineWords()
{
    const qint64 id = sectionsIntegrationId();
    QVERIFY(id > 0);
    const ApiResult queued = resultOf(m_client->runNow(id));
    QCOMPARE(queued.httpStatus, 202);
    const qint64 runId = queued.body.object().value(QStringLiteral("id")).toInteger();

    // Only a load held for approval can be approved, and the engine's sentence names no route.
    const ApiResult result
        = resultOf(m_client->post(QStringLiteral("/api/v1/runs/%1/approve").arg(runId)));

    QCOMPARE(result.httpStatus, 409);
    QCOMPARE(result.errorMessage, QStringLiteral("Run %1 is not held for approval; only a held "
                                                 "load can be approved or rejected.")
                                      .arg(runId));

    // A later Run Now of the integration would return this run while it waits, so it ends first.
    m_pollRunId = runId;
    m_polledDetail = {};
    QTRY_VERIFY_WITH_TIMEOUT(pollRun(), 120000);
    m_polledDetail = {};
}

void tst_EngineClient::runNowSucceeds()
{
    const qint64 id = sectionsIntegrationId();
    QVERIFY(id > 0);

    const ApiResult queued = resultOf(m_client->runNow(id));
    QCOMPARE(queued.httpStatus, 202);
    const qint64 runId = queued.body.object().value(QStringLiteral("id")).toInteger();
    QVERIFY(runId > 0);

    // QTRY_VERIFY evaluates pollRun() until the run has left the queued and running states;
    // each evaluation sends a new request when the previous one has finished.
    m_pollRunId = runId;
    m_polledDetail = {};
    QTRY_VERIFY_WITH_TIMEOUT(pollRun(), 120000);
    const QJsonObject detail = m_polledDetail;

    QCOMPARE(detail.value(QStringLiteral("status")).toInt(), 0);
    const QJsonArray phases = detail.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 3);
    QCOMPARE(phases.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Query"));
    QCOMPARE(phases.at(1).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Format"));
    QVERIFY(phases.at(2)
                .toObject()
                .value(QStringLiteral("name"))
                .toString()
                .startsWith(QStringLiteral("Deliver to ")));
    QVERIFY(!detail.value(QStringLiteral("outputFile")).toString().isEmpty());
}

void tst_EngineClient::fetchRunsOfToday()
{
    const QDate today
        = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("America/Detroit")).date();

    const ApiResult result = resultOf(m_client->fetchRuns(today, 10, 0));

    QCOMPARE(result.httpStatus, 200);
    const QJsonObject page = result.body.object();
    QCOMPARE(page.value(QStringLiteral("limit")).toInt(), 10);
    QCOMPARE(page.value(QStringLiteral("offset")).toInt(), 0);
    QCOMPARE(page.value(QStringLiteral("timeZone")).toString(), QStringLiteral("America/Detroit"));
    QVERIFY(page.value(QStringLiteral("runs")).isArray());
    QVERIFY(page.value(QStringLiteral("more")).isBool());
    QVERIFY(!page.contains(QStringLiteral("total")));
}

void tst_EngineClient::abortReportsCancelled()
{
    ApiJob *job = m_client->fetchProducts();
    QSignalSpy finished(job, &ApiJob::finished);
    job->abort();

    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<ApiResult>();
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.errorMessage, QStringLiteral("The request was cancelled."));
}

void tst_EngineClient::jobDeletesItself()
{
    QPointer<ApiJob> job = m_client->fetchProducts();
    QSignalSpy finished(job.data(), &ApiJob::finished);

    QTRY_COMPARE(finished.size(), 1);
    QTRY_VERIFY(job.isNull());
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(tst_EngineClient)

#include "tst_engineclient.moc"
