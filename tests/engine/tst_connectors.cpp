// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "fakehttpserver.h"
#include "fakeoneroster.h"
#include "hubdprocess.h"
#include "testdatabase.h"

#include "connectors/apiclient.h"
#include "connectors/connector.h"
#include "connectors/onerosterclient.h"
#include "engine.h"
#include "store/store.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QUrlQuery>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;
using hubtest::FakeRequest;
using hubtest::FakeResponse;

namespace {

using hubtest::FakeProvider;
using hubtest::makeRoster;

const QString kClientSecret = hubtest::kProviderSecret;
const QString kApiKey = QStringLiteral("vendor-api-key-Jd29");
const QString kPassword = QStringLiteral("vendor-password-Wm53");

// A vendor API that follows a REST connector description: its authentication, its pagination
// and its record layout. Pull endpoints serve generated records; push endpoints keep what they
// receive.
class FakeVendor
{
public:
    QJsonObject description;
    int recordsPerEndpoint = 7;
    // Replaces a field of one generated record: endpoint path, record index, field path, value.
    struct Override
    {
        QString path;
        int index = 0;
        QString field;
        QJsonValue value;
    };
    QList<Override> overrides;
    QHash<QString, QJsonArray> received;
    int batches = 0;
    int tokensIssued = 0;
    int rejected = 0;

    FakeResponse handle(const FakeRequest &request)
    {
        const QJsonObject auth = description.value(QStringLiteral("auth")).toObject();
        const QString type = auth.value(QStringLiteral("type")).toString();
        const QString path = request.url.path();
        if (type == QLatin1String("oauth2-client-credentials")
            && path == auth.value(QStringLiteral("tokenPath")).toString()) {
            if (request.headers.value("authorization")
                != "Basic " + QByteArray("vendor-client:" + kClientSecret.toUtf8()).toBase64()) {
                ++rejected;
                return FakeResponse{401, {}, {}};
            }
            ++tokensIssued;
            return FakeResponse::json(QJsonDocument(
                QJsonObject{{QStringLiteral("access_token"), QStringLiteral("vendor-token")},
                            {QStringLiteral("expires_in"), QStringLiteral("3600")}}));
        }
        QByteArray expected;
        QByteArray actual = request.headers.value("authorization");
        if (type == QLatin1String("oauth2-client-credentials"))
            expected = "Bearer vendor-token";
        else if (type == QLatin1String("basic"))
            expected = "Basic " + QByteArray("vendor-user:" + kPassword.toUtf8()).toBase64();
        else if (type == QLatin1String("api-key-header")) {
            expected = kApiKey.toUtf8();
            actual = request.headers.value(auth.value(QStringLiteral("header")).toString().toLower().toLatin1());
        }
        if (actual != expected) {
            ++rejected;
            return FakeResponse{401, {}, {}};
        }

        for (const QJsonValue &value : description.value(QStringLiteral("endpoints")).toArray()) {
            const QJsonObject endpoint = value.toObject();
            if (endpoint.value(QStringLiteral("path")).toString() != path)
                continue;
            if (request.method == "GET")
                return page(request, endpoint);
            ++batches;
            const QJsonDocument body = QJsonDocument::fromJson(request.body);
            const QString field = endpoint.value(QStringLiteral("batchField")).toString();
            const QJsonArray batch = field.isEmpty() ? body.array()
                                                     : body.object().value(field).toArray();
            for (const QJsonValue &record : batch)
                received[path].append(record);
            return FakeResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("accepted"), batch.size()}}));
        }
        return FakeResponse{404, {}, {}};
    }

    QJsonObject record(const QJsonObject &endpoint, int index) const
    {
        QJsonObject record;
        const QJsonObject mapping = endpoint.value(QStringLiteral("mapping")).toObject();
        for (auto it = mapping.begin(); it != mapping.end(); ++it) {
            const QJsonObject rule = it.value().toObject();
            const QString field = rule.value(QStringLiteral("field")).toString();
            if (field.isEmpty())
                continue;
            const QString valueType = rule.value(QStringLiteral("type")).toString(QStringLiteral("text"));
            QJsonValue value = QStringLiteral("%1-%2").arg(it.key()).arg(index);
            if (rule.contains(QStringLiteral("values")))
                value = rule.value(QStringLiteral("values")).toObject().keys().first();
            else if (valueType == QLatin1String("date"))
                value = QStringLiteral("2026-10-%1").arg(index + 1, 2, 10, QLatin1Char('0'));
            else if (valueType == QLatin1String("datetime"))
                value = QStringLiteral("2026-09-01T12:00:00-04:00");
            else if (valueType == QLatin1String("number"))
                value = 200.5 + index;
            else if (valueType == QLatin1String("integer"))
                value = 2027;
            else if (valueType == QLatin1String("boolean"))
                value = true;
            setPath(record, field, value);
        }
        for (const Override &override : overrides) {
            if (override.path == endpoint.value(QStringLiteral("path")).toString()
                && override.index == index)
                setPath(record, override.field, override.value);
        }
        return record;
    }

private:
    static void setPath(QJsonObject &object, const QString &path, const QJsonValue &value)
    {
        const qsizetype dot = path.indexOf(QLatin1Char('.'));
        if (dot < 0) {
            object.insert(path, value);
            return;
        }
        QJsonObject child = object.value(path.left(dot)).toObject();
        setPath(child, path.mid(dot + 1), value);
        object.insert(path.left(dot), child);
    }

    FakeResponse page(const FakeRequest &request, const QJsonObject &endpoint)
    {
        const QJsonObject pagination = description.value(QStringLiteral("pagination")).toObject();
        const QString style = pagination.value(QStringLiteral("style")).toString(QStringLiteral("none"));
        const QString sizeParam = pagination.value(QStringLiteral("sizeParam")).toString();
        const int size = sizeParam.isEmpty() ? 3 : request.query(sizeParam).toInt();
        int start = 0;
        if (style == QLatin1String("offset"))
            start = request.query(pagination.value(QStringLiteral("offsetParam")).toString(QStringLiteral("offset"))).toInt();
        else if (style == QLatin1String("page"))
            start = (request.query(pagination.value(QStringLiteral("pageParam")).toString(QStringLiteral("page"))).toInt()
                     - pagination.value(QStringLiteral("firstPage")).toInt(1))
                    * size;
        else if (style == QLatin1String("link"))
            start = request.query(QStringLiteral("at")).toInt();
        else if (style == QLatin1String("cursor"))
            start = request.query(pagination.value(QStringLiteral("cursorParam")).toString(QStringLiteral("cursor"))).mid(1).toInt();
        const int count = style == QLatin1String("none") ? recordsPerEndpoint : size;
        QJsonArray records;
        for (int i = start; i < recordsPerEndpoint && i < start + count; ++i)
            records.append(record(endpoint, i));
        const int next = start + int(records.size());

        QJsonObject body;
        const QString recordsField = endpoint.value(QStringLiteral("recordsField")).toString();
        if (!recordsField.isEmpty())
            setPath(body, recordsField, records);
        const QString totalField = pagination.value(QStringLiteral("totalField")).toString();
        if (!totalField.isEmpty())
            setPath(body, totalField, recordsPerEndpoint);
        if (style == QLatin1String("cursor"))
            setPath(body, pagination.value(QStringLiteral("cursorField")).toString(),
                    next < recordsPerEndpoint ? QJsonValue(QStringLiteral("c%1").arg(next)) : QJsonValue());
        FakeResponse response = FakeResponse::json(recordsField.isEmpty() ? QJsonDocument(records)
                                                                          : QJsonDocument(body));
        const QString totalHeader = pagination.value(QStringLiteral("totalHeader")).toString();
        if (!totalHeader.isEmpty())
            response.headers.append({totalHeader.toLatin1(), QByteArray::number(recordsPerEndpoint)});
        if (style == QLatin1String("link") && next < recordsPerEndpoint) {
            response.headers.append({"Link", QByteArray("<") + request.url.path().toLatin1() + "?"
                                                  + sizeParam.toLatin1() + "=" + QByteArray::number(size)
                                                  + "&at=" + QByteArray::number(next) + ">; rel=\"next\""});
        }
        if (style == QLatin1String("link"))
            response.headers.append({"X-Link-Start", QByteArray::number(start)});
        return response;
    }
};

// Every message that the engines of this process log, at every level, so that a test can
// check that no secret reaches the log.
QMutex capturedLogMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&capturedLogMutex);
        capturedLog.append(QLatin1String(context.category) + QLatin1String(": ") + message);
    }
    if (type != QtDebugMsg && type != QtInfoMsg && previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class tst_Connectors final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void retryAfterValues();
    void linkHeaderNext();
    void descriptionsCoverApiProducts();
    void settingsKeepSecrets();
    void settingsRejectInvalid();
    void settingsRejectPlainHttp();
    void newHostNeedsSecretAgain();
    void omittedSettingsKeepValues();
    void testConnectionReportsOutcome();
    void onerosterFullPull();
    void onerosterFaults();
    void onerosterFailureKeepsCounts();
    void onerosterDataChangesBetweenPages();
    void onerosterDeltaPull();
    void onerosterGivesUpOnChurn();
    void secondEngineFullAndDelta();
    void catalogDescriptionsRun_data();
    void catalogDescriptionsRun();
    void paginationAndAuthKinds_data();
    void paginationAndAuthKinds();
    void mappingErrorNamesField();
    void logHoldsNoSecret();

private:
    void startEngine(bool demo = false);
    qint64 createApiIntegration(const QString &productKey);
    ApiReply saveSettings(qint64 integrationId, const QJsonObject &settings);
    QJsonObject runAndWait(qint64 integrationId);
    qint64 count(const QString &table);
    QJsonObject providerSettings(const hubtest::FakeHttpServer &server) const;
    QJsonObject vendorSettings(const QJsonObject &description,
                               const hubtest::FakeHttpServer &server) const;
    QStringList runLog(const QJsonObject &run) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "connector-test-token-0123456789";
    // Secrets that the tests give to an engine. logHoldsNoSecret() looks for each in the log.
    QStringList m_secrets{kClientSecret, kApiKey, kPassword};
};

void tst_Connectors::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    QLoggingCategory::setFilterRules(QStringLiteral("hub.*.debug=true"));
    previousHandler = qInstallMessageHandler(captureMessage);
}

void tst_Connectors::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void tst_Connectors::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void tst_Connectors::cleanup()
{
    m_api.reset();
    m_engine.reset();
    m_dataDir.reset();
}

void tst_Connectors::startEngine(bool demo)
{
    hub::EngineOptions options;
    options.dataDir = m_dataDir->path();
    options.database = hubtest::testDatabase(QDir(m_dataDir->path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = m_token;
    options.demo = demo;
    options.schedulerIntervalMs = 3600 * 1000;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);
}

qint64 tst_Connectors::createApiIntegration(const QString &productKey)
{
    auto product = hub::selectValue(m_engine->store().connection(),
                                    QStringLiteral("SELECT id FROM products WHERE product_key = ?"),
                                    {productKey});
    if (!product || product->isNull())
        return 0;
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/integrations"),
                                       QJsonObject{{QStringLiteral("productId"), product->toLongLong()}});
    if (reply.status != 201)
        qWarning("%s", reply.body.constData());
    return reply.status == 201 ? reply.json.value(QStringLiteral("id")).toInteger() : 0;
}

ApiReply tst_Connectors::saveSettings(qint64 integrationId, const QJsonObject &settings)
{
    return m_api->put(QStringLiteral("/api/v1/integrations/%1/connector").arg(integrationId),
                      QJsonObject{{QStringLiteral("settings"), settings}});
}

QJsonObject tst_Connectors::runAndWait(qint64 integrationId)
{
    const ApiReply queued
        = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(integrationId));
    const qint64 runId = queued.json.value(QStringLiteral("id")).toInteger();
    if (runId == 0)
        return {};
    // The run goes on a worker thread while this loop keeps the fake servers of this thread
    // serving; QTRY_ would not fit a function that returns a value.
    const QDeadlineTimer deadline(120000);
    QJsonObject run;
    while (!deadline.hasExpired()) {
        run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId)).json;
        const int status = run.value(QStringLiteral("status")).toInt(1);
        if (status != 1 && status != 2)
            return run;
        QTest::qWait(20);
    }
    return run;
}

qint64 tst_Connectors::count(const QString &table)
{
    auto value = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM %1 WHERE district_id = ?")
                                      .arg(table),
                                  {m_engine->districtId()});
    return value ? value->toLongLong() : -1;
}

QJsonObject tst_Connectors::providerSettings(const hubtest::FakeHttpServer &server) const
{
    return QJsonObject{
        {QStringLiteral("baseUrl"), QString(server.baseUrl() + QStringLiteral("/ims/oneroster/v1p1"))},
        {QStringLiteral("tokenUrl"), QString(server.baseUrl() + QStringLiteral("/oauth/token"))},
        {QStringLiteral("clientId"), QStringLiteral("hub-client")},
        {QStringLiteral("clientSecret"), kClientSecret},
        {QStringLiteral("pageLimit"), 3},
        {QStringLiteral("maxAttempts"), 4},
        {QStringLiteral("initialDelayMs"), 20},
        {QStringLiteral("maxDelayMs"), 100},
    };
}

QJsonObject tst_Connectors::vendorSettings(const QJsonObject &description,
                                           const hubtest::FakeHttpServer &server) const
{
    QJsonObject settings{{QStringLiteral("baseUrl"), server.baseUrl()},
                         {QStringLiteral("initialDelayMs"), 20},
                         {QStringLiteral("maxDelayMs"), 100}};
    const QString type
        = description.value(QStringLiteral("auth")).toObject().value(QStringLiteral("type")).toString();
    if (type == QLatin1String("oauth2-client-credentials")) {
        settings.insert(QStringLiteral("clientId"), QStringLiteral("vendor-client"));
        settings.insert(QStringLiteral("clientSecret"), kClientSecret);
    } else if (type == QLatin1String("api-key-header")) {
        settings.insert(QStringLiteral("apiKey"), kApiKey);
    } else if (type == QLatin1String("basic")) {
        settings.insert(QStringLiteral("username"), QStringLiteral("vendor-user"));
        settings.insert(QStringLiteral("password"), kPassword);
    }
    if (description.value(QStringLiteral("direction")).toString() == QLatin1String("pull"))
        settings.insert(QStringLiteral("pageSize"), 3);
    return settings;
}

QStringList tst_Connectors::runLog(const QJsonObject &run) const
{
    QStringList lines;
    for (const QJsonValue &line : run.value(QStringLiteral("log")).toArray())
        lines.append(line.toObject().value(QStringLiteral("message")).toString());
    return lines;
}

void tst_Connectors::retryAfterValues()
{
    const QDateTime now(QDate(2026, 12, 4), QTime(18, 0), Qt::UTC);
    QCOMPARE(hub::connectors::ApiClient::retryAfterMs("2", now), 2000);
    QCOMPARE(hub::connectors::ApiClient::retryAfterMs("0", now), 0);
    QCOMPARE(hub::connectors::ApiClient::retryAfterMs("Fri, 04 Dec 2026 18:00:30 GMT", now), 30000);
    QCOMPARE(hub::connectors::ApiClient::retryAfterMs("Fri, 04 Dec 2026 17:00:00 GMT", now), 0);
    QCOMPARE(hub::connectors::ApiClient::retryAfterMs("soon", now), -1);
    QCOMPARE(hub::connectors::ApiClient::retryAfterMs("", now), -1);
}

void tst_Connectors::linkHeaderNext()
{
    const QUrl base(QStringLiteral("https://sis.example.org/ims/oneroster/v1p1/users?offset=0"));
    QCOMPARE(hub::connectors::nextLink(
                 "<https://sis.example.org/x?offset=3>; rel=\"next\", <https://sis.example.org/x"
                 "?offset=9>; rel=\"last\"",
                 base),
             QUrl(QStringLiteral("https://sis.example.org/x?offset=3")));
    QCOMPARE(hub::connectors::nextLink("</users?offset=6>; rel=next", base),
             QUrl(QStringLiteral("https://sis.example.org/users?offset=6")));
    QCOMPARE(hub::connectors::nextLink("<https://sis.example.org/x?offset=0>; rel=\"prev\"", base),
             QUrl());
    QCOMPARE(hub::connectors::nextLink("", base), QUrl());
}

void tst_Connectors::descriptionsCoverApiProducts()
{
    startEngine();
    const ApiReply products = m_api->get(QStringLiteral("/api/v1/catalog/products"));
    QCOMPARE(products.status, 200);
    const ApiReply connectors = m_api->get(QStringLiteral("/api/v1/connectors"));
    QCOMPARE(connectors.status, 200);
    QSet<QString> described;
    for (const QJsonValue &value : connectors.json.value(QStringLiteral("connectors")).toArray()) {
        const QJsonObject description = value.toObject();
        described.insert(description.value(QStringLiteral("productKey")).toString());
        QVERIFY(!description.value(QStringLiteral("settings")).toArray().isEmpty());
        QCOMPARE(description.value(QStringLiteral("phases")).toArray().size(), 3);
        if (description.value(QStringLiteral("template")).toBool())
            QVERIFY(description.value(QStringLiteral("notes")).toString().startsWith(
                QStringLiteral("Template:")));
    }
    int apiProducts = 0;
    for (const QJsonValue &value : products.json.value(QStringLiteral("products")).toArray()) {
        const QJsonObject product = value.toObject();
        if (product.value(QStringLiteral("integrationType")).toString() != QLatin1String("api"))
            continue;
        ++apiProducts;
        const QString key = product.value(QStringLiteral("key")).toString();
        QVERIFY2(described.contains(key), qPrintable(key));
    }
    QCOMPARE(apiProducts, 9);
    const auto generic = hub::connectors::descriptionForProduct(QStringLiteral("oneroster-sis"));
    QVERIFY(generic);
    QCOMPARE(generic->kind, QStringLiteral("oneroster"));
    QVERIFY(!generic->isTemplate);
    QCOMPARE(generic->secretNames(), QStringList{QStringLiteral("clientSecret")});
    const auto powerschool = hub::connectors::descriptionForProduct(QStringLiteral("powerschool"));
    QVERIFY(powerschool);
    QCOMPARE(powerschool->kind, QStringLiteral("oneroster"));
    QVERIFY(!powerschool->isTemplate);
    QCOMPARE(powerschool->secretNames(), QStringList{QStringLiteral("clientSecret")});
}

void tst_Connectors::settingsKeepSecrets()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);

    ApiReply empty = m_api->get(QStringLiteral("/api/v1/integrations/%1/connector").arg(id));
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.json.value(QStringLiteral("complete")).toBool(), false);
    QVERIFY(empty.json.value(QStringLiteral("missing")).toObject().contains(
        QStringLiteral("settings.clientSecret")));

    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    ApiReply saved = saveSettings(id, providerSettings(server));
    QCOMPARE(saved.status, 200);
    QVERIFY(!saved.body.contains(kClientSecret.toUtf8()));
    QCOMPARE(saved.json.value(QStringLiteral("complete")).toBool(), true);
    const QJsonObject settings = saved.json.value(QStringLiteral("settings")).toObject();
    const QJsonObject stored{{QStringLiteral("stored"), true}};
    QCOMPARE(settings.value(QStringLiteral("clientSecret")).toObject(), stored);
    QCOMPARE(settings.value(QStringLiteral("syncMode")).toString(), QStringLiteral("delta"));

    // Sending the masked settings back keeps the secret.
    QJsonObject changed = settings;
    changed.insert(QStringLiteral("pageLimit"), 50);
    saved = saveSettings(id, changed);
    QCOMPARE(saved.status, 200);
    auto sealed = hub::selectValue(m_engine->store().connection(),
                                   QStringLiteral("SELECT connector_secrets FROM integrations WHERE id = ?"),
                                   {id});
    QVERIFY(sealed && !sealed->isNull());
    QVERIFY(sealed->toString().startsWith(QStringLiteral("v1:")));
    QVERIFY(!sealed->toString().contains(kClientSecret));
    QCOMPARE(saved.json.value(QStringLiteral("complete")).toBool(), true);

    const ApiReply fetched = m_api->get(QStringLiteral("/api/v1/integrations/%1/connector").arg(id));
    QVERIFY(!fetched.body.contains(kClientSecret.toUtf8()));
    QCOMPARE(fetched.json.value(QStringLiteral("settings")).toObject().value(QStringLiteral("pageLimit")).toInt(), 50);

    auto audit = hub::execute(m_engine->store().connection(),
                              QStringLiteral("SELECT before_json, after_json FROM audit_log"));
    QVERIFY(audit);
    int auditRows = 0;
    while (audit->next()) {
        ++auditRows;
        QVERIFY(!audit->value(0).toString().contains(kClientSecret));
        QVERIFY(!audit->value(1).toString().contains(kClientSecret));
    }
    QVERIFY(auditRows >= 2);

    // null removes a secret, and the settings become incomplete.
    changed.insert(QStringLiteral("clientSecret"), QJsonValue());
    saved = saveSettings(id, changed);
    QCOMPARE(saved.status, 422);
    QVERIFY(saved.json.value(QStringLiteral("fields")).toObject().contains(
        QStringLiteral("settings.clientSecret")));
}

void tst_Connectors::settingsRejectInvalid()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());

    QJsonObject settings = providerSettings(server);
    settings.insert(QStringLiteral("baseUrl"), QStringLiteral("ftp://sis.example.org"));
    settings.insert(QStringLiteral("pageLimit"), 0);
    settings.insert(QStringLiteral("version"), QStringLiteral("2.0"));
    settings.insert(QStringLiteral("colour"), QStringLiteral("blue"));
    const ApiReply rejected = saveSettings(id, settings);
    QCOMPARE(rejected.status, 422);
    const QJsonObject fields = rejected.json.value(QStringLiteral("fields")).toObject();
    QVERIFY(fields.value(QStringLiteral("settings.baseUrl")).toString().contains(QStringLiteral("ftp://")));
    QVERIFY(fields.contains(QStringLiteral("settings.pageLimit")));
    QVERIFY(fields.value(QStringLiteral("settings.version")).toString().contains(QStringLiteral("1.1, 1.2")));
    QVERIFY(fields.contains(QStringLiteral("settings.colour")));
    QVERIFY(!rejected.body.contains(kClientSecret.toUtf8()));

    QCOMPARE(m_api->put(QStringLiteral("/api/v1/integrations/%1/connector").arg(id),
                        QJsonObject{{QStringLiteral("settings"), QStringLiteral("text")}})
                 .status,
             422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/999/connector")).status, 404);

    const qint64 inbound = createApiIntegration(QStringLiteral("oneroster-bundle"));
    QVERIFY(inbound > 0);
    const ApiReply notApi = m_api->get(QStringLiteral("/api/v1/integrations/%1/connector").arg(inbound));
    QCOMPARE(notApi.status, 409);
    QCOMPARE(notApi.json.value(QStringLiteral("error")).toString(), QStringLiteral("no_connector"));

    // A run with incomplete settings fails and names what is missing.
    const QJsonObject run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY(run.value(QStringLiteral("message")).toString().contains(QStringLiteral("settings.clientSecret")));
}

void tst_Connectors::settingsRejectPlainHttp()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());

    QJsonObject settings = providerSettings(server);
    settings.insert(QStringLiteral("baseUrl"), QStringLiteral("http://sis.example.org/ims"));
    settings.insert(QStringLiteral("tokenUrl"), QStringLiteral("http://sis.example.org/oauth"));
    const ApiReply rejected = saveSettings(id, settings);
    QCOMPARE(rejected.status, 422);
    const QJsonObject fields = rejected.json.value(QStringLiteral("fields")).toObject();
    const QString tokenError = fields.value(QStringLiteral("settings.tokenUrl")).toString();
    QVERIFY2(tokenError.contains(QStringLiteral("\"http://sis.example.org/oauth\"")),
             qPrintable(tokenError));
    QVERIFY2(tokenError.contains(QStringLiteral("Use https")), qPrintable(tokenError));
    const QString baseError = fields.value(QStringLiteral("settings.baseUrl")).toString();
    QVERIFY2(baseError.contains(QStringLiteral("\"http://sis.example.org/ims\"")),
             qPrintable(baseError));
    QVERIFY(!rejected.body.contains(kClientSecret.toUtf8()));
    const ApiReply unchanged = m_api->get(QStringLiteral("/api/v1/integrations/%1/connector").arg(id));
    QCOMPARE(unchanged.json.value(QStringLiteral("complete")).toBool(), false);

    // https to any host, and http to a loopback host, are accepted.
    settings.insert(QStringLiteral("baseUrl"), QStringLiteral("https://sis.example.org/ims"));
    settings.insert(QStringLiteral("tokenUrl"), QStringLiteral("http://localhost:9/oauth"));
    const ApiReply saved = saveSettings(id, settings);
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.json.value(QStringLiteral("complete")).toBool(), true);
}

void tst_Connectors::newHostNeedsSecretAgain()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    const QJsonObject original = providerSettings(server);
    ApiReply saved = saveSettings(id, original);
    QCOMPARE(saved.status, 200);
    const QJsonObject masked = saved.json.value(QStringLiteral("settings")).toObject();
    const QJsonObject stored{{QStringLiteral("stored"), true}};
    QCOMPARE(masked.value(QStringLiteral("clientSecret")).toObject(), stored);

    // The same host with another path keeps the stored secret.
    QJsonObject samePath = masked;
    samePath.insert(QStringLiteral("tokenUrl"),
                    QString(server.baseUrl() + QStringLiteral("/oauth/v2/token")));
    saved = saveSettings(id, samePath);
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.json.value(QStringLiteral("settings"))[QStringLiteral("clientSecret")].toObject(),
             stored);

    // A token URL on another host, with the secret left out or sent as {"stored": true}, is
    // rejected, and the stored settings stay as they were.
    const QString newTokenUrl = QStringLiteral("https://sis.example.org/oauth/token");
    for (const QJsonValue &secret : {QJsonValue(QJsonValue::Undefined), QJsonValue(stored)}) {
        QJsonObject moved = samePath;
        moved.insert(QStringLiteral("tokenUrl"), newTokenUrl);
        if (secret.isUndefined())
            moved.remove(QStringLiteral("clientSecret"));
        else
            moved.insert(QStringLiteral("clientSecret"), secret);
        const ApiReply rejected = saveSettings(id, moved);
        QCOMPARE(rejected.status, 422);
        const QString error = rejected.json.value(QStringLiteral("fields"))
                                  .toObject()
                                  .value(QStringLiteral("settings.clientSecret"))
                                  .toString();
        QVERIFY2(error.contains(QStringLiteral("Enter the client secret again")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("sis.example.org")), qPrintable(error));
        QVERIFY(!rejected.body.contains(kClientSecret.toUtf8()));
    }
    const ApiReply kept = m_api->get(QStringLiteral("/api/v1/integrations/%1/connector").arg(id));
    QCOMPARE(kept.json.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(kept.json.value(QStringLiteral("settings"))[QStringLiteral("tokenUrl")].toString(),
             samePath.value(QStringLiteral("tokenUrl")).toString());

    // Test Connection with a new base URL host does not send the stored secret either.
    QJsonObject movedBase = samePath;
    movedBase.insert(QStringLiteral("baseUrl"), QStringLiteral("https://other.example.org/ims"));
    const ApiReply tested = m_api->send(
        "POST", QStringLiteral("/api/v1/integrations/%1/connector/test").arg(id),
        QJsonDocument(QJsonObject{{QStringLiteral("settings"), movedBase}}).toJson());
    QCOMPARE(tested.status, 422);
    QVERIFY(tested.json.value(QStringLiteral("fields"))
                .toObject()
                .value(QStringLiteral("settings.clientSecret"))
                .toString()
                .contains(QStringLiteral("other.example.org")));

    // Given again, the secret is stored with the new host.
    QJsonObject withSecret = samePath;
    withSecret.insert(QStringLiteral("tokenUrl"), newTokenUrl);
    withSecret.insert(QStringLiteral("clientSecret"), QStringLiteral("new-host-secret"));
    saved = saveSettings(id, withSecret);
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.json.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(saved.json.value(QStringLiteral("settings"))[QStringLiteral("tokenUrl")].toString(),
             newTokenUrl);
    QVERIFY(!saved.body.contains("new-host-secret"));
}

void tst_Connectors::omittedSettingsKeepValues()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    QJsonObject settings = providerSettings(server);
    settings.insert(QStringLiteral("syncMode"), QStringLiteral("full"));
    QCOMPARE(saveSettings(id, settings).status, 200);

    ApiReply saved = saveSettings(id, QJsonObject{{QStringLiteral("pageLimit"), 7}});
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.json.value(QStringLiteral("complete")).toBool(), true);
    QJsonObject current = saved.json.value(QStringLiteral("settings")).toObject();
    QCOMPARE(current.value(QStringLiteral("pageLimit")).toInt(), 7);
    QCOMPARE(current.value(QStringLiteral("syncMode")).toString(), QStringLiteral("full"));
    QCOMPARE(current.value(QStringLiteral("clientId")).toString(), QStringLiteral("hub-client"));
    QCOMPARE(current.value(QStringLiteral("baseUrl")).toString(),
             settings.value(QStringLiteral("baseUrl")).toString());
    QCOMPARE(current.value(QStringLiteral("clientSecret")).toObject(),
             (QJsonObject{{QStringLiteral("stored"), true}}));

    // null removes a stored setting, so its default applies again.
    saved = saveSettings(id, QJsonObject{{QStringLiteral("syncMode"), QJsonValue()}});
    QCOMPARE(saved.status, 200);
    current = saved.json.value(QStringLiteral("settings")).toObject();
    QCOMPARE(current.value(QStringLiteral("syncMode")).toString(), QStringLiteral("delta"));
    QCOMPARE(current.value(QStringLiteral("pageLimit")).toInt(), 7);
}

void tst_Connectors::testConnectionReportsOutcome()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeProvider provider;
    provider.collections = makeRoster(4);
    server.handler = [&provider](const FakeRequest &request) { return provider.handle(request); };
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);

    ApiReply tested = m_api->post(QStringLiteral("/api/v1/integrations/%1/connector/test").arg(id));
    QCOMPARE(tested.status, 200);
    QCOMPARE(tested.json.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(tested.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("2 orgs")));

    // Unsaved settings from the form are tested without being stored.
    QJsonObject wrong = providerSettings(server);
    wrong.insert(QStringLiteral("clientSecret"), QStringLiteral("wrong-secret"));
    tested = m_api->send("POST", QStringLiteral("/api/v1/integrations/%1/connector/test").arg(id),
                         QJsonDocument(QJsonObject{{QStringLiteral("settings"), wrong}}).toJson());
    QCOMPARE(tested.status, 200);
    QCOMPARE(tested.json.value(QStringLiteral("ok")).toBool(), false);
    const QString message = tested.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("HTTP 401")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("client id and secret")));
    QVERIFY(!message.contains(QStringLiteral("wrong-secret")));

    server.close();
    tested = m_api->post(QStringLiteral("/api/v1/integrations/%1/connector/test").arg(id));
    QCOMPARE(tested.json.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(!tested.json.value(QStringLiteral("message")).toString().isEmpty());
}

void tst_Connectors::onerosterFullPull()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeProvider provider;
    provider.collections = makeRoster(10);
    server.handler = [&provider](const FakeRequest &request) { return provider.handle(request); };
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);

    const QJsonObject run = runAndWait(id);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             qPrintable(runLog(run).join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("orgs")), 2);
    QCOMPARE(count(QStringLiteral("academic_sessions")), 2);
    QCOMPARE(count(QStringLiteral("courses")), 1);
    QCOMPARE(count(QStringLiteral("classes")), 1);
    QCOMPARE(count(QStringLiteral("users")), 11);
    QCOMPARE(count(QStringLiteral("enrollments")), 11);

    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 3);
    QCOMPARE(phases.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Fetch"));
    QCOMPARE(phases.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Map"));
    QCOMPARE(phases.at(2).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Load"));
    const QJsonObject fetch = phases.at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), 28);
    // Pages of 3: orgs 1, sessions 1, courses 1, classes 1, users 4, enrollments 4.
    QCOMPARE(fetch.value(QStringLiteral("pages")).toInt(), 12);
    QCOMPARE(fetch.value(QStringLiteral("requests")).toInt(), 13);
    QCOMPARE(fetch.value(QStringLiteral("retries")).toInt(), 0);
    QCOMPARE(provider.tokensIssued, 1);

    // Values survive the REST-to-CSV mapping, including a comma inside a value.
    auto location = hub::selectValue(m_engine->store().connection(),
                                     QStringLiteral("SELECT location || '|' || term_sourced_ids || "
                                                    "'|' || course_sourced_id FROM classes"));
    QVERIFY(location);
    QCOMPARE(location->toString(), QStringLiteral("Room 101, east wing|[\"as-t1\"]|course-m7"));
    auto roles = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM user_roles WHERE role = "
                                                 "'student' AND org_sourced_id = 'org-s1'"));
    QCOMPARE(roles->toInt(), 10);
}

void tst_Connectors::onerosterFaults()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeProvider provider;
    provider.collections = makeRoster(10);
    // Pages of at most 2 although the client asks for 3, no Link header, a 429 with Retry-After
    // on the 3rd data request, a 503 on the 6th, and tokens that stop working after 5 requests.
    provider.pageCap = 2;
    provider.sendLink = false;
    provider.status429At = {3};
    provider.status503At = {6};
    provider.tokenLifetime = 5;
    server.handler = [&provider](const FakeRequest &request) { return provider.handle(request); };
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);

    const QJsonObject run = runAndWait(id);
    const QStringList log = runLog(run);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 8, qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("users")), 11);
    QCOMPARE(count(QStringLiteral("enrollments")), 11);
    QVERIFY(provider.tokensIssued >= 3);
    const QJsonObject fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("retries")).toInt(), 2);
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), 28);
    QVERIFY(log.join(QLatin1Char('\n')).contains(QStringLiteral("as Retry-After asks")));
    QVERIFY(log.join(QLatin1Char('\n')).contains(QStringLiteral("requesting a new access token")));
    QVERIFY(!log.join(QLatin1Char('\n')).contains(kClientSecret));
}

void tst_Connectors::onerosterFailureKeepsCounts()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);
    const QString tokenUrl = server.baseUrl() + QStringLiteral("/oauth/token");
    server.close();

    // Nothing listens at the provider's address, so each of the 4 token requests is refused.
    const QJsonObject run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    const QString message = run.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(tokenUrl), qPrintable(message));
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 1);
    const QJsonObject fetch = phases.at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("name")).toString(), QStringLiteral("Fetch"));
    QCOMPARE(fetch.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(fetch.value(QStringLiteral("requests")).toInt(), 4);
    QCOMPARE(fetch.value(QStringLiteral("retries")).toInt(), 3);
    QCOMPARE(fetch.value(QStringLiteral("pages")).toInt(), 0);
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), 0);
}

void tst_Connectors::onerosterDataChangesBetweenPages()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeProvider provider;
    provider.collections = makeRoster(10);
    // After the first page of users, a new user appears before them in sourcedId order, so
    // the second page repeats a record. The second read finds the data unchanged.
    bool inserted = false;
    provider.beforePage = [&](const QString &endpoint, qint64 offset) {
        if (endpoint == QLatin1String("users") && offset == 3 && !inserted) {
            inserted = true;
            QJsonObject user = provider.collections[QStringLiteral("users")].at(1);
            user.insert(QStringLiteral("sourcedId"), QStringLiteral("t-000"));
            user.insert(QStringLiteral("username"), QStringLiteral("newteacher"));
            provider.collections[QStringLiteral("users")].prepend(user);
        }
    };
    server.handler = [&provider](const FakeRequest &request) { return provider.handle(request); };
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);

    const QJsonObject run = runAndWait(id);
    const QStringList log = runLog(run);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 8, qPrintable(log.join(QLatin1Char('\n'))));
    QVERIFY(log.join(QLatin1Char('\n')).contains(QStringLiteral("changed while paging")));
    QCOMPARE(count(QStringLiteral("users")), 12);
    const QJsonObject fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    // Every user once: no duplicate and no loss.
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), 29);
    auto usernames = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT count(DISTINCT sourced_id) FROM users"));
    QCOMPARE(usernames->toInt(), 12);
}

void tst_Connectors::onerosterDeltaPull()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeProvider provider;
    provider.collections = makeRoster(10);
    server.handler = [&provider](const FakeRequest &request) { return provider.handle(request); };
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);
    QJsonObject run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QVERIFY(provider.filters.isEmpty());

    // One user renamed, one new, one deleted at the provider, all after the first pull.
    const QString later = QStringLiteral("2026-10-02T09:30:00.000Z");
    QList<QJsonObject> &users = provider.collections[QStringLiteral("users")];
    for (QJsonObject &user : users) {
        const QString sourcedId = user.value(QStringLiteral("sourcedId")).toString();
        if (sourcedId == QLatin1String("u-002")) {
            user.insert(QStringLiteral("familyName"), QStringLiteral("Renamed"));
            user.insert(QStringLiteral("dateLastModified"), later);
        } else if (sourcedId == QLatin1String("u-003")) {
            user.insert(QStringLiteral("status"), QStringLiteral("tobedeleted"));
            user.insert(QStringLiteral("dateLastModified"), later);
        }
    }
    QJsonObject added = users.at(1);
    added.insert(QStringLiteral("sourcedId"), QStringLiteral("u-100"));
    added.insert(QStringLiteral("username"), QStringLiteral("s100"));
    added.insert(QStringLiteral("dateLastModified"), later);
    users.append(added);
    const int requestsBefore = provider.dataRequests;

    run = runAndWait(id);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             qPrintable(runLog(run).join(QLatin1Char('\n'))));
    QVERIFY(run.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("Delta pull")));
    QVERIFY(!provider.filters.isEmpty());
    QCOMPARE(provider.filters.first(), QStringLiteral("dateLastModified>='2026-09-01T08:00:00.000Z'"));
    QCOMPARE(count(QStringLiteral("users")), 12);
    QCOMPARE(count(QStringLiteral("enrollments")), 11);
    const QSqlDatabase db = m_engine->store().connection();
    QCOMPARE(hub::selectValue(db, QStringLiteral("SELECT family_name FROM users WHERE sourced_id = 'u-002'"))->toString(),
             QStringLiteral("Renamed"));
    QCOMPARE(hub::selectValue(db, QStringLiteral("SELECT status FROM users WHERE sourced_id = 'u-003'"))->toString(),
             QStringLiteral("tobedeleted"));
    QCOMPARE(hub::selectValue(db, QStringLiteral("SELECT count(*) FROM users WHERE status = 'active'"))->toInt(), 11);
    // The delta reads every record modified at or after the watermark: the 28 unchanged records
    // carry the watermark's own time, so the third pull reads only the 3 changed users.
    QVERIFY(provider.dataRequests > requestsBefore);
    run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(provider.filters.last(), QStringLiteral("dateLastModified>='%1'").arg(later));
    const QJsonObject fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), 3);
    QCOMPARE(count(QStringLiteral("users")), 12);
}

void tst_Connectors::onerosterGivesUpOnChurn()
{
    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeProvider provider;
    provider.collections = makeRoster(10);
    int added = 0;
    provider.beforePage = [&](const QString &endpoint, qint64 offset) {
        if (endpoint == QLatin1String("users") && offset == 3) {
            QJsonObject user = provider.collections[QStringLiteral("users")].at(1);
            user.insert(QStringLiteral("sourcedId"), QStringLiteral("a-%1").arg(++added));
            provider.collections[QStringLiteral("users")].prepend(user);
        }
    };
    server.handler = [&provider](const FakeRequest &request) { return provider.handle(request); };
    QCOMPARE(saveSettings(id, providerSettings(server)).status, 200);

    const QJsonObject run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY(run.value(QStringLiteral("message")).toString().contains(QStringLiteral("did not hold still")));
    QCOMPARE(count(QStringLiteral("users")), 0);
    QCOMPARE(count(QStringLiteral("orgs")), 0);
}

void tst_Connectors::secondEngineFullAndDelta()
{
    // A second engine, a hubd process of its own, serves its demo district over OneRoster.
    QTemporaryDir providerDir;
    QVERIFY(providerDir.isValid());
    const QByteArray providerToken = "provider-engine-token-0123456789";
    hubtest::HubdProcess provider;
    QVERIFY2(provider.start(providerDir.path(), providerToken), qPrintable(provider.output));
    hubtest::ApiTestClient providerApi(QUrl(provider.baseUrl), providerToken);
    const hubtest::OneRosterApplication application
        = hubtest::registerOneRosterApplication(providerApi, QStringLiteral("District hub B"));
    QVERIFY2(application.isValid(), application.reply.body.constData());
    const QString clientId = application.clientId;
    const QString clientSecret = application.clientSecret;
    m_secrets.append(clientSecret);

    startEngine();
    const qint64 id = createApiIntegration(QStringLiteral("powerschool"));
    QVERIFY(id > 0);
    const QString base = provider.baseUrl;
    const ApiReply saved = saveSettings(
        id, QJsonObject{{QStringLiteral("baseUrl"), QString(base + QStringLiteral("/ims/oneroster/v1p1"))},
                        {QStringLiteral("tokenUrl"), QString(base + QStringLiteral("/oauth/token"))},
                        {QStringLiteral("clientId"), clientId},
                        {QStringLiteral("clientSecret"), clientSecret},
                        {QStringLiteral("pageLimit"), 250},
                        {QStringLiteral("includeDemographics"), true},
                        {QStringLiteral("initialDelayMs"), 20}});
    QVERIFY2(saved.status == 200, saved.body.constData());
    QVERIFY(!saved.body.contains(clientSecret.toUtf8()));

    // Full sync: every table contains as many records as the provider's X-Total-Count gives.
    QJsonObject run = runAndWait(id);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             qPrintable(run.value(QStringLiteral("message")).toString() + QLatin1Char('\n')
                        + runLog(run).join(QLatin1Char('\n'))));
    QVERIFY(run.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("Full pull")));
    hub::connectors::ApiAuth auth;
    auth.kind = hub::connectors::ApiAuth::Kind::OAuth2ClientCredentials;
    auth.tokenUrl = QUrl(base + QStringLiteral("/oauth/token"));
    auth.clientId = clientId;
    auth.clientSecret = clientSecret;
    hub::connectors::ApiClient client(auth, {});
    const auto providerTotal = [&](const QString &endpoint, const QString &filter) -> qint64 {
        QUrl url(base + QStringLiteral("/ims/oneroster/v1p1/") + endpoint);
        QUrlQuery query{{QStringLiteral("limit"), QStringLiteral("1")}};
        if (!filter.isEmpty())
            query.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
        url.setQuery(query);
        auto reply = client.send("GET", url);
        if (!reply) {
            qWarning("%s", qPrintable(reply.error()));
            return -1;
        }
        return reply->header("x-total-count").toLongLong();
    };
    const QList<QPair<QString, QString>> collections
        = {{QStringLiteral("orgs"), QStringLiteral("orgs")},
           {QStringLiteral("academicSessions"), QStringLiteral("academic_sessions")},
           {QStringLiteral("courses"), QStringLiteral("courses")},
           {QStringLiteral("classes"), QStringLiteral("classes")},
           {QStringLiteral("users"), QStringLiteral("users")},
           {QStringLiteral("enrollments"), QStringLiteral("enrollments")},
           {QStringLiteral("demographics"), QStringLiteral("demographics")}};
    qint64 fullTotal = 0;
    for (const auto &[endpoint, table] : collections) {
        const qint64 total = providerTotal(endpoint, {});
        QVERIFY2(total > 0, qPrintable(endpoint));
        QCOMPARE(count(table), total);
        fullTotal += total;
    }
    QJsonObject fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInteger(), fullTotal);
    QCOMPARE(fetch.value(QStringLiteral("retries")).toInt(), 0);
    QVERIFY(fetch.value(QStringLiteral("pages")).toInt() >= int(collections.size()));
    QVERIFY(fetch.value(QStringLiteral("requests")).toInt() > fetch.value(QStringLiteral("pages")).toInt());

    // At the provider, one user gets a new family name and another is marked tobedeleted.
    const QString changed = QStringLiteral("2030-01-01T00:00:00.000Z");
    QStringList sourcedIds;
    {
        QSqlDatabase providerDb = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                            QStringLiteral("provider-store"));
        providerDb.setDatabaseName(QDir(providerDir.path()).filePath(QStringLiteral("hub.sqlite")));
        providerDb.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        QVERIFY(providerDb.open());
        auto ids = hub::execute(providerDb, QStringLiteral("SELECT sourced_id FROM users ORDER BY "
                                                           "sourced_id LIMIT 2"));
        QVERIFY(ids);
        while (ids->next())
            sourcedIds.append(ids->value(0).toString());
        ids->finish();
        QCOMPARE(sourcedIds.size(), 2);
        QVERIFY(hub::execute(providerDb,
                             QStringLiteral("UPDATE users SET family_name = 'Delta-Changed', "
                                            "date_last_modified = ? WHERE sourced_id = ?"),
                             {changed, sourcedIds.at(0)}).ok());
        QVERIFY(hub::execute(providerDb,
                             QStringLiteral("UPDATE users SET status = 'tobedeleted', "
                                            "date_last_modified = ? WHERE sourced_id = ?"),
                             {changed, sourcedIds.at(1)}).ok());
        providerDb.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("provider-store"));

    // Delta sync: the pull reads what the provider counts as modified at or after the
    // watermark of the full sync, and afterwards the totals still agree.
    auto watermark = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT sync_watermark FROM runs WHERE id = ?"),
                                      {run.value(QStringLiteral("id")).toInteger()});
    QVERIFY(watermark && !watermark->toString().isEmpty());
    const QString filter = QStringLiteral("dateLastModified>='%1'").arg(watermark->toString());
    qint64 deltaTotal = 0;
    for (const auto &[endpoint, table] : collections)
        deltaTotal += providerTotal(endpoint, filter);
    QVERIFY(deltaTotal >= 2);
    const qint64 usersBefore = count(QStringLiteral("users"));

    run = runAndWait(id);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             qPrintable(run.value(QStringLiteral("message")).toString() + QLatin1Char('\n')
                        + runLog(run).join(QLatin1Char('\n'))));
    QVERIFY(run.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("Delta pull")));
    fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInteger(), deltaTotal);
    for (const auto &[endpoint, table] : collections)
        QCOMPARE(count(table), providerTotal(endpoint, {}));
    QCOMPARE(count(QStringLiteral("users")), usersBefore);
    const QSqlDatabase db = m_engine->store().connection();
    auto family = hub::selectValue(db, QStringLiteral("SELECT family_name FROM users WHERE sourced_id = ?"),
                                   {sourcedIds.at(0)});
    QCOMPARE(family->toString(), QStringLiteral("Delta-Changed"));
    auto status = hub::selectValue(db, QStringLiteral("SELECT status FROM users WHERE sourced_id = ?"),
                                   {sourcedIds.at(1)});
    QCOMPARE(status->toString(), QStringLiteral("tobedeleted"));
    auto newWatermark = hub::selectValue(db, QStringLiteral("SELECT sync_watermark FROM runs WHERE id = ?"),
                                         {run.value(QStringLiteral("id")).toInteger()});
    QCOMPARE(newWatermark->toString(), changed);

    // The demo district's records share one dateLastModified, which the first delta read again
    // because it equals the watermark. The next delta reads only the two changed users.
    run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInteger(), 2);
    qint64 changedTotal = 0;
    for (const auto &[endpoint, table] : collections)
        changedTotal += providerTotal(endpoint, QStringLiteral("dateLastModified>='%1'").arg(changed));
    QCOMPARE(changedTotal, 2);
    for (const auto &[endpoint, table] : collections)
        QCOMPARE(count(table), providerTotal(endpoint, {}));

    // The provider's log, at debug level, does not contain the client secret.
    provider.stop();
    QVERIFY(provider.output.contains(QStringLiteral("hub.")));
    QVERIFY(!provider.output.contains(clientSecret));
}

void tst_Connectors::catalogDescriptionsRun_data()
{
    QTest::addColumn<QString>("productKey");
    for (const QString &key : {QStringLiteral("eem"), QStringLiteral("delta-math"),
                               QStringLiteral("assessment-importer-api"),
                               QStringLiteral("read-by-grade-3"), QStringLiteral("bhworks"),
                               QStringLiteral("extended-benchmark-studies"), QStringLiteral("evaas")})
        QTest::newRow(qPrintable(key)) << key;
}

void tst_Connectors::catalogDescriptionsRun()
{
    QFETCH(QString, productKey);
    startEngine(true);
    const auto description = hub::connectors::descriptionForProduct(productKey);
    QVERIFY(description);
    const qint64 id = createApiIntegration(productKey);
    QVERIFY(id > 0);
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeVendor vendor;
    vendor.description = description->definition;
    server.handler = [&vendor](const FakeRequest &request) { return vendor.handle(request); };
    const ApiReply saved = saveSettings(id, vendorSettings(vendor.description, server));
    QVERIFY2(saved.status == 200, saved.body.constData());

    const qint64 resultsBefore = count(QStringLiteral("assessment_results"));
    const QJsonObject run = runAndWait(id);
    const QStringList log = runLog(run);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0 || run.value(QStringLiteral("status")).toInt() == 8,
             qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(vendor.rejected, 0);
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QVERIFY(phases.size() >= 3);
    const QJsonArray endpoints = vendor.description.value(QStringLiteral("endpoints")).toArray();
    if (description->direction == QLatin1String("pull")) {
        const QJsonObject fetch = phases.at(0).toObject();
        QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), vendor.recordsPerEndpoint);
        QCOMPARE(fetch.value(QStringLiteral("pages")).toInt(), 3);
        const QString target = endpoints.first().toObject().value(QStringLiteral("target")).toString();
        if (target == QLatin1String("assessment_results"))
            QCOMPARE(count(QStringLiteral("assessment_results")) - resultsBefore, vendor.recordsPerEndpoint);
        else
            QCOMPARE(count(QStringLiteral("orgs")) >= vendor.recordsPerEndpoint, true);
    } else {
        const QJsonObject query = phases.at(0).toObject();
        const QJsonObject send = phases.at(2).toObject();
        const qint64 rows = query.value(QStringLiteral("rowsRead")).toInteger();
        QVERIFY(rows > 0);
        const QString path = endpoints.first().toObject().value(QStringLiteral("path")).toString();
        QCOMPARE(vendor.received.value(path).size(), rows);
        QCOMPARE(send.value(QStringLiteral("rowsRead")).toInteger(), rows);
        QCOMPARE(send.value(QStringLiteral("pages")).toInt(), vendor.batches);
        QCOMPARE(vendor.batches, int((rows + 99) / 100));
        const QJsonObject mapping = endpoints.first().toObject().value(QStringLiteral("mapping")).toObject();
        const QJsonObject first = vendor.received.value(path).first().toObject();
        for (auto it = mapping.begin(); it != mapping.end(); ++it) {
            if (it.value().toObject().value(QStringLiteral("required")).toBool())
                QVERIFY2(!first.value(it.key()).isNull(), qPrintable(it.key()));
        }
    }
    const QString all = log.join(QLatin1Char('\n'));
    QVERIFY(!all.contains(kClientSecret));
    QVERIFY(!all.contains(kApiKey));
    QVERIFY(!all.contains(kPassword));
}

void tst_Connectors::paginationAndAuthKinds_data()
{
    QTest::addColumn<QJsonObject>("auth");
    QTest::addColumn<QJsonObject>("pagination");
    const QJsonObject oauth{{QStringLiteral("type"), QStringLiteral("oauth2-client-credentials")},
                            {QStringLiteral("tokenPath"), QStringLiteral("/auth/token")}};
    const QJsonObject apiKey{{QStringLiteral("type"), QStringLiteral("api-key-header")},
                             {QStringLiteral("header"), QStringLiteral("X-Key")}};
    const QJsonObject basic{{QStringLiteral("type"), QStringLiteral("basic")}};
    QTest::newRow("offset, total in body, API key")
        << apiKey
        << QJsonObject{{QStringLiteral("style"), QStringLiteral("offset")},
                       {QStringLiteral("sizeParam"), QStringLiteral("limit")},
                       {QStringLiteral("offsetParam"), QStringLiteral("skip")},
                       {QStringLiteral("totalField"), QStringLiteral("meta.total")}};
    QTest::newRow("offset, short last page, basic")
        << basic
        << QJsonObject{{QStringLiteral("style"), QStringLiteral("offset")},
                       {QStringLiteral("sizeParam"), QStringLiteral("limit")}};
    QTest::newRow("page number, total header, OAuth")
        << oauth
        << QJsonObject{{QStringLiteral("style"), QStringLiteral("page")},
                       {QStringLiteral("sizeParam"), QStringLiteral("per_page")},
                       {QStringLiteral("pageParam"), QStringLiteral("p")},
                       {QStringLiteral("firstPage"), 0},
                       {QStringLiteral("totalHeader"), QStringLiteral("X-Total")}};
    QTest::newRow("cursor, API key")
        << apiKey
        << QJsonObject{{QStringLiteral("style"), QStringLiteral("cursor")},
                       {QStringLiteral("sizeParam"), QStringLiteral("size")},
                       {QStringLiteral("cursorParam"), QStringLiteral("after")},
                       {QStringLiteral("cursorField"), QStringLiteral("paging.next")}};
    QTest::newRow("Link header, basic")
        << basic
        << QJsonObject{{QStringLiteral("style"), QStringLiteral("link")},
                       {QStringLiteral("sizeParam"), QStringLiteral("limit")}};
    QTest::newRow("one response, OAuth") << oauth << QJsonObject{{QStringLiteral("style"), QStringLiteral("none")}};
}

void tst_Connectors::paginationAndAuthKinds()
{
    QFETCH(QJsonObject, auth);
    QFETCH(QJsonObject, pagination);
    startEngine();
    const QString style = pagination.value(QStringLiteral("style")).toString();
    QJsonArray settings{QJsonObject{{QStringLiteral("name"), QStringLiteral("baseUrl")},
                                    {QStringLiteral("type"), QStringLiteral("url")},
                                    {QStringLiteral("required"), true}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("pageSize")},
                                    {QStringLiteral("type"), QStringLiteral("integer")},
                                    {QStringLiteral("minimum"), 1},
                                    {QStringLiteral("maximum"), 100}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("initialDelayMs")},
                                    {QStringLiteral("type"), QStringLiteral("integer")},
                                    {QStringLiteral("minimum"), 1},
                                    {QStringLiteral("maximum"), 1000}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("maxDelayMs")},
                                    {QStringLiteral("type"), QStringLiteral("integer")},
                                    {QStringLiteral("minimum"), 1},
                                    {QStringLiteral("maximum"), 1000}}};
    for (const char *name : {"clientId", "username"})
        settings.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)}});
    for (const char *name : {"clientSecret", "apiKey", "password"})
        settings.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                                    {QStringLiteral("secret"), true}});
    const QJsonObject definition{
        {QStringLiteral("productKey"), QStringLiteral("eem")},
        {QStringLiteral("kind"), QStringLiteral("rest")},
        {QStringLiteral("direction"), QStringLiteral("pull")},
        {QStringLiteral("name"), QStringLiteral("Paging test")},
        {QStringLiteral("auth"), auth},
        {QStringLiteral("pagination"), pagination},
        {QStringLiteral("settings"), settings},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{
             {QStringLiteral("name"), QStringLiteral("scores")},
             {QStringLiteral("path"), QStringLiteral("/scores")},
             {QStringLiteral("recordsField"), QStringLiteral("data.items")},
             {QStringLiteral("target"), QStringLiteral("assessment_results")},
             {QStringLiteral("mapping"),
              QJsonObject{
                  {QStringLiteral("student_sourced_id"),
                   QJsonObject{{QStringLiteral("field"), QStringLiteral("learner.id")},
                               {QStringLiteral("required"), true}}},
                  {QStringLiteral("assessment"), QJsonObject{{QStringLiteral("constant"), QStringLiteral("Benchmark")}}},
                  {QStringLiteral("subject"), QJsonObject{{QStringLiteral("field"), QStringLiteral("subject")}}},
                  {QStringLiteral("test_date"),
                   QJsonObject{{QStringLiteral("field"), QStringLiteral("taken")},
                               {QStringLiteral("type"), QStringLiteral("date")},
                               {QStringLiteral("format"), QStringLiteral("yyyy-MM-dd")}}},
                  {QStringLiteral("scale_score"),
                   QJsonObject{{QStringLiteral("field"), QStringLiteral("score")},
                               {QStringLiteral("type"), QStringLiteral("number")}}}}}}}}};
    auto description = hub::connectors::parseDescription(definition);
    QVERIFY2(description.ok(), qPrintable(description.error()));
    hub::connectors::registerConnectorDescription(*description);

    const qint64 id = createApiIntegration(QStringLiteral("eem"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeVendor vendor;
    vendor.description = definition;
    vendor.recordsPerEndpoint = 8;
    server.handler = [&vendor](const FakeRequest &request) { return vendor.handle(request); };
    QJsonObject values = vendorSettings(definition, server);
    const ApiReply saved = saveSettings(id, values);
    QVERIFY2(saved.status == 200, saved.body.constData());

    const QJsonObject run = runAndWait(id);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             qPrintable(runLog(run).join(QLatin1Char('\n'))));
    QCOMPARE(count(QStringLiteral("assessment_results")), 8);
    const QJsonObject fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    // Pages of 3 give 3 pages for 8 records; one response has them all.
    QCOMPARE(fetch.value(QStringLiteral("pages")).toInt(), style == QLatin1String("none") ? 1 : 3);
    QCOMPARE(fetch.value(QStringLiteral("rowsRead")).toInt(), 8);
    QCOMPARE(vendor.rejected, 0);
    if (auth.value(QStringLiteral("type")).toString() == QLatin1String("oauth2-client-credentials"))
        QCOMPARE(vendor.tokensIssued, 1);
    auto score = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT sum(scale_score) FROM assessment_results"));
    QCOMPARE(score->toDouble(), 8 * 200.5 + 28);
}

void tst_Connectors::mappingErrorNamesField()
{
    startEngine();
    const auto description = hub::connectors::descriptionForProduct(QStringLiteral("delta-math"));
    QVERIFY(description);
    const qint64 id = createApiIntegration(QStringLiteral("delta-math"));
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    FakeVendor vendor;
    vendor.description = description->definition;
    vendor.overrides = {{QStringLiteral("/v1/results"), 4, QStringLiteral("completed_at"),
                         QStringLiteral("13/45/2026")},
                        {QStringLiteral("/v1/results"), 5, QStringLiteral("score"),
                         QStringLiteral("ninety")}};
    server.handler = [&vendor](const FakeRequest &request) { return vendor.handle(request); };
    QCOMPARE(saveSettings(id, vendorSettings(vendor.description, server)).status, 200);

    const QJsonObject run = runAndWait(id);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    const QString message = run.value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(QStringLiteral("2 mapping errors, so nothing was")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("record 5, vendor field completed_at, value "
                                             "\"13/45/2026\"")),
             qPrintable(message));
    const QString log = runLog(run).join(QLatin1Char('\n'));
    QVERIFY(log.contains(QStringLiteral("vendor field score, value \"ninety\": it is not a number "
                                        "(for scale_score)")));
    QCOMPARE(count(QStringLiteral("assessment_results")), 0);
    const QJsonArray phases = run.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 2);
    QCOMPARE(phases.at(1).toObject().value(QStringLiteral("status")).toInt(), 9);
}

// Runs last: the suite's engines have logged starts, retries, token renewals and failures.
void tst_Connectors::logHoldsNoSecret()
{
    const QMutexLocker locker(&capturedLogMutex);
    QVERIFY(capturedLog.size() > 100);
    QVERIFY(capturedLog.filter(QStringLiteral("hub.connectors: ")).size() > 10);
    QVERIFY(!capturedLog.filter(QStringLiteral("Retry-After")).isEmpty());
    for (const QString &secret : std::as_const(m_secrets)) {
        const QStringList lines = capturedLog.filter(secret);
        QVERIFY2(lines.isEmpty(), qPrintable(lines.value(0)));
    }
}

QTEST_GUILESS_MAIN(tst_Connectors)
#include "tst_connectors.moc"
