// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Text with a NUL character (U+0000) is rejected on input alike on SQLite and PostgreSQL,
// whose text type cannot hold it: JSON bodies of the admin and OneRoster APIs, query
// parameters, and OAuth client ids.

#include "apitestclient.h"
#include "testdatabase.h"

#include "core/nulcharacter.h"
#include "engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;

namespace {

const QString kV1p1 = QStringLiteral("/ims/oneroster/v1p1");

// A JSON body with a NUL character in one string, written by hand because the escape is what a
// client sends.
QByteArray destinationWithNulName()
{
    return QByteArrayLiteral(R"({"name": "State\u0000Drop", "kind": "folder", )"
                             R"("settings": {"path": "/tmp/nul-drop"}})");
}

} // namespace

class tst_NulInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void findsNulInNestedValues();
    void adminBodyNamesField();
    void adminBodyNamesNestedField();
    void queryParameterIsRejected();
    void tokenWithNulClientIdIsRejected();
    void gradebookBodyNamesField();

private:
    ApiReply requestToken(const QByteArray &clientId, const QByteArray &secret);

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    QByteArray m_gradebookToken;
    const QByteArray m_token = "nul-input-test-token-0123456789";
};

void tst_NulInput::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database
        = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = database;
    options.adminToken = m_token;
    options.demo = true;
    options.workers = 1;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    const ApiReply application = m_api->post(
        QStringLiteral("/api/v1/oneroster/applications"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Gradebook App")},
                    {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                    {QStringLiteral("schoolYear"), QJsonValue::Null},
                    {QStringLiteral("scopes"),
                     QJsonArray{QStringLiteral("gradebook.readonly"),
                                QStringLiteral("gradebook.createput")}}});
    QCOMPARE(application.status, 201);
    const ApiReply token = requestToken(
        application.json.value(QStringLiteral("clientId")).toString().toUtf8(),
        application.json.value(QStringLiteral("clientSecret")).toString().toUtf8());
    QCOMPARE(token.status, 200);
    m_gradebookToken = token.json.value(QStringLiteral("access_token")).toString().toLatin1();
    QVERIFY(!m_gradebookToken.isEmpty());
}

void tst_NulInput::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

ApiReply tst_NulInput::requestToken(const QByteArray &clientId, const QByteArray &secret)
{
    QNetworkAccessManager network;
    QUrl url = m_engine->baseUrl();
    url.setPath(QStringLiteral("/oauth/token"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    const QByteArray pair = QUrl::toPercentEncoding(QString::fromUtf8(clientId)) + ':'
                            + QUrl::toPercentEncoding(QString::fromUtf8(secret));
    request.setRawHeader("Authorization", "Basic " + pair.toBase64());
    std::unique_ptr<QNetworkReply> reply(network.post(request, "grant_type=client_credentials"));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    ApiReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    return result;
}

void tst_NulInput::findsNulInNestedValues()
{
    const QString nul(QChar(0));
    const QString withNul = QStringLiteral("x") + nul;
    QVERIFY(!hub::findNulCharacter(QJsonObject{{QStringLiteral("a"), QStringLiteral("x")}}));
    QCOMPARE(hub::findNulCharacter(QJsonObject{{QStringLiteral("a"), withNul}}).value_or(QString()),
             QStringLiteral("a"));
    const QJsonObject nested{
        {QStringLiteral("list"),
         QJsonArray{QStringLiteral("ok"), QJsonObject{{QStringLiteral("name"), nul}}}}};
    QCOMPARE(hub::findNulCharacter(nested).value_or(QString()), QStringLiteral("list[1].name"));
    const QString key = QStringLiteral("k") + nul;
    QCOMPARE(hub::findNulCharacter(QJsonObject{{key, 1}}).value_or(QString()),
             QStringLiteral("k\\u0000"));
}

void tst_NulInput::adminBodyNamesField()
{
    const ApiReply reply = m_api->send("POST", QStringLiteral("/api/v1/destinations"),
                                       destinationWithNulName());
    QCOMPARE(reply.status, 400);
    const QString message = reply.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("The field name contains a NUL character")),
             qPrintable(message));
    const ApiReply listed = m_api->get(QStringLiteral("/api/v1/destinations"));
    QCOMPARE(listed.status, 200);
    QVERIFY2(!listed.body.contains("State"), listed.body.constData());
}

void tst_NulInput::adminBodyNamesNestedField()
{
    const QByteArray body = R"({"name": "Drop", "kind": "folder", )"
                            R"("settings": {"path": "/tmp/a\u0000b"}})";
    const ApiReply reply = m_api->send("POST", QStringLiteral("/api/v1/destinations"), body);
    QCOMPARE(reply.status, 400);
    const QString message = reply.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("The field settings.path contains")),
             qPrintable(message));
}

void tst_NulInput::queryParameterIsRejected()
{
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/runs?date=2026-01-01%00"));
    QCOMPARE(reply.status, 400);
    const QString message = reply.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("query parameter date")), qPrintable(message));

    hubtest::ApiTestClient vendor(m_engine->baseUrl(), m_gradebookToken);
    const ApiReply filtered
        = vendor.get(kV1p1 + QStringLiteral("/categories?filter=title%3D'a%00b'"));
    QCOMPARE(filtered.status, 400);
    QVERIFY2(filtered.body.contains("query parameter filter"), filtered.body.constData());
}

void tst_NulInput::tokenWithNulClientIdIsRejected()
{
    const ApiReply reply = requestToken(QByteArray("client\0id", 9), "secret");
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
}

void tst_NulInput::gradebookBodyNamesField()
{
    hubtest::ApiTestClient vendor(m_engine->baseUrl(), m_gradebookToken);
    const QByteArray body = R"({"category": {"title": "Home\u0000work"}})";
    const ApiReply reply = vendor.send("PUT", kV1p1 + QStringLiteral("/categories/cat-nul"), body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains("category.title"), reply.body.constData());
    QCOMPARE(vendor.get(kV1p1 + QStringLiteral("/categories/cat-nul")).status, 404);

    // The same write without the NUL character is stored.
    const QByteArray clean = R"({"category": {"title": "Homework"}})";
    QCOMPARE(vendor.send("PUT", kV1p1 + QStringLiteral("/categories/cat-nul"), clean).status, 201);
}

QTEST_GUILESS_MAIN(tst_NulInput)
#include "tst_nulinput.moc"
