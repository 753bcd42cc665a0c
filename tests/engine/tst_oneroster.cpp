// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apitestclient.h"
#include "testdatabase.h"

#include "core/timeutil.h"
#include "demo/demodistrict.h"
#include "engine.h"
#include "oneroster/credentials.h"
#include "oneroster/provider.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using hubtest::ApiReply;

namespace {

const QString kV1p1 = QStringLiteral("/ims/oneroster/v1p1");
const QString kRoster12 = QStringLiteral("/ims/oneroster/rostering/v1p2");
const QString kGradebook12 = QStringLiteral("/ims/oneroster/gradebook/v1p2");
const QString kResources12 = QStringLiteral("/ims/oneroster/resources/v1p2");

QString scopeUri(const char *version, const char *scope)
{
    return QStringLiteral("https://purl.imsglobal.org/spec/or/%1/scope/%2")
        .arg(QLatin1String(version), QLatin1String(scope));
}

QString codeMinor(const QJsonObject &body)
{
    return body[QStringLiteral("imsx_CodeMinor")][QStringLiteral("imsx_codeMinorField")][0]
               [QStringLiteral("imsx_codeMinorFieldValue")]
                   .toString();
}

// Describes the first null or empty string in a payload, or returns an empty string when
// the payload contains none.
QString findAbsentValue(const QJsonValue &value, const QString &path)
{
    if (value.isNull())
        return path + QStringLiteral(" is null");
    if (value.isString() && value.toString().isEmpty())
        return path + QStringLiteral(" is an empty string");
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString problem = findAbsentValue(it.value(), path + QLatin1Char('.') + it.key());
            if (!problem.isEmpty())
                return problem;
        }
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString problem = findAbsentValue(array.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

} // namespace

class tst_OneRoster final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void applicationLifecycle();
    void applicationValidation_data();
    void applicationValidation();
    void applicationSecretNeverStoredOrAudited();
    void duplicateApplicationNameIsRejected();
    void resetSecretRevokesTokens();

    void tokenIssued();
    void tokenScopeListsOnlyDefinedUris();
    void tokenErrors_data();
    void tokenErrors();
    void tokenScopesIntersectGranted();
    void tokenForApplicationWithoutScope();
    void inactiveApplicationGetsNoToken();
    void removedScopeStopsWorking();

    void missingTokenIsUnauthorized_data();
    void missingTokenIsUnauthorized();
    void everyReadEndpointAnswers_data();
    void everyReadEndpointAnswers();
    void scopesGuardEndpoints_data();
    void scopesGuardEndpoints();
    void unknownObjectIsNotFound();
    void payloadFollowsRules();
    void usersCarryRoles();
    void userRoleIsFirstPrimaryRole_data();
    void userRoleIsFirstPrimaryRole();
    void retiredRoleIsLeftOut();
    void usersPageMatchesSingleUsers_data();
    void usersPageMatchesSingleUsers();

    void pagingHasNoDuplicateOrGap_data();
    void pagingHasNoDuplicateOrGap();
    void largeLimitIsNotTruncated();
    void invalidParametersRejected_data();
    void invalidParametersRejected();
    void rejectionMessagesExplainFix_data();
    void rejectionMessagesExplainFix();
    void repeatedParameterRejected_data();
    void repeatedParameterRejected();
    void unknownParameterAccepted();
    void largestOffsetGivesEmptyPage();
    void linkHeaderNamesPages();
    void linksFollowHostHeader_data();
    void linksFollowHostHeader();

    void filterSelectsRecords_data();
    void filterSelectsRecords();
    void filterOnDateLastModified();
    void filterReadsPlusAsSpace();
    void usersCarryDateLastModified();
    void filterInjectionIsHarmless_data();
    void filterInjectionIsHarmless();
    void containsFoldsUnicodeCase_data();
    void containsFoldsUnicodeCase();
    void fieldsSelectsFields();

    void districtsNeverCross();
    void filterCannotWidenDistrict();

    void gradebookRoundTrip_data();
    void gradebookRoundTrip();
    void gradebookWriteValidation();
    void gradebookWriteListsEveryProblem_data();
    void gradebookWriteListsEveryProblem();
    void gradebookPostListsEveryProblem();
    void gradebookPostCreatesLineItems();
    void resourcesAreRead();
    void discoveryDocumentsListRoutes_data();
    void discoveryDocumentsListRoutes();

    void activityIsCountedPerHour();
    void failedTokenRequestsAreLimited();
    void clientCeilingStopsSpreadGuessing();

private:
    struct Credentials
    {
        QString clientId;
        QString secret;
        qint64 id = 0;
    };
    // Registers an application; without a name it gets a new one, because names are unique.
    Credentials createApplication(const QStringList &scopes, const QString &name = {});
    Credentials insertApplication(qint64 districtId, const QStringList &scopes);
    ApiReply requestToken(const QString &clientId, const QString &secret,
                          const QByteArray &form = "grant_type=client_credentials");
    QByteArray tokenResponseFrom(const QString &sourceAddress, const QString &clientId,
                                 const QString &secret);
    QByteArray tokenFor(const QStringList &scopes);
    ApiReply read(const QByteArray &token, const QString &pathAndQuery);
    // Sends a GET with this Host header over a socket of its own and returns the whole response,
    // because the test client always sends the engine's own address.
    QByteArray readWithHost(const QByteArray &token, const QString &pathAndQuery,
                            const QByteArray &host);
    ApiReply send(const QByteArray &token, const QByteArray &method, const QString &path,
                  const QJsonObject &body);
    QString firstId(const QByteArray &token, const QString &collection, const QString &wrapper);
    qint64 tableCount(const QString &sql, qint64 districtId);

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_admin;
    std::unique_ptr<hubtest::ApiTestClient> m_anonymous;
    QByteArray m_allScopes;
    qint64 m_otherDistrict = 0;
    QString m_classId;
    QString m_studentId;
    QString m_teacherId;
    QString m_termId;
    QString m_courseId;
    int m_applicationCount = 0;
    const QByteArray m_adminToken = "oneroster-test-admin-token-0123456789";
};

void tst_OneRoster::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database
        = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = database;
    options.adminToken = m_adminToken;
    options.workers = 1;
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_admin = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_adminToken);
    m_anonymous = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), QByteArray());

    // Two generated districts in one store. Their sourced ids overlap (school-001, stu-000001),
    // so a query that loses its district scope shows at once.
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
    second.studentsPerSchool = 25;
    second.teachersPerSchool = 2;
    second.seed = 7;
    loaded = hub::demo::loadDistrict(db, m_otherDistrict,
                                     m_dataDir.filePath(QStringLiteral("second")), second);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));

    // The generator writes a school year and semesters; /terms lists sessions of type term, so
    // the first district gets a term with a grading period, and its first class takes place in
    // that term.
    QSqlQuery session(db);
    QVERIFY(session.exec(QStringLiteral(
        "INSERT INTO academic_sessions(district_id, sourced_id, title, type, start_date, end_date, "
        "parent_sourced_id, school_year) VALUES "
        "(%1, 'term-1', 'Fall Term', 'term', '2026-08-20', '2026-12-20', 'sy-2027', 2027), "
        "(%1, 'gp-1', 'Marking Period 1', 'gradingPeriod', '2026-08-20', '2026-10-20', 'term-1', 2027)")
                             .arg(m_engine->districtId())));
    QVERIFY(session.exec(QStringLiteral(
        "UPDATE classes SET term_sourced_ids = '[\"term-1\"]' WHERE district_id = %1 AND sourced_id = "
        "(SELECT min(sourced_id) FROM classes WHERE district_id = %1)").arg(m_engine->districtId())));

    m_allScopes = tokenFor(hub::oneroster::scopeNames());
    QVERIFY(!m_allScopes.isEmpty());
    m_classId = firstId(m_allScopes, kV1p1 + QStringLiteral("/classes"), QStringLiteral("classes"));
    m_studentId = firstId(m_allScopes, kV1p1 + QStringLiteral("/students"), QStringLiteral("users"));
    m_teacherId = firstId(m_allScopes, kV1p1 + QStringLiteral("/teachers"), QStringLiteral("users"));
    m_termId = firstId(m_allScopes, kV1p1 + QStringLiteral("/terms"), QStringLiteral("academicSessions"));
    m_courseId = firstId(m_allScopes, kV1p1 + QStringLiteral("/courses"), QStringLiteral("courses"));
    QVERIFY(!m_classId.isEmpty());
    QVERIFY(!m_studentId.isEmpty());
    QVERIFY(!m_teacherId.isEmpty());
    QVERIFY(!m_termId.isEmpty());
    QVERIFY(!m_courseId.isEmpty());
}

void tst_OneRoster::cleanupTestCase()
{
    m_admin.reset();
    m_anonymous.reset();
    m_engine.reset();
}

tst_OneRoster::Credentials tst_OneRoster::createApplication(const QStringList &scopes,
                                                            const QString &name)
{
    const QString uniqueName
        = name.isEmpty() ? QStringLiteral("Vendor App %1").arg(++m_applicationCount) : name;
    const ApiReply reply = m_admin->post(
        QStringLiteral("/api/v1/oneroster/applications"),
        QJsonObject{{QStringLiteral("name"), uniqueName},
                    {QStringLiteral("vendor"), QStringLiteral("Acme Learning")},
                    {QStringLiteral("schoolYear"), QJsonValue::Null},
                    {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}});
    if (reply.status != 201)
        qWarning() << "Cannot create an application:" << reply.body;
    return Credentials{reply.json[QStringLiteral("clientId")].toString(),
                       reply.json[QStringLiteral("clientSecret")].toString(),
                       reply.json[QStringLiteral("id")].toInteger()};
}

tst_OneRoster::Credentials tst_OneRoster::insertApplication(qint64 districtId, const QStringList &scopes)
{
    const QByteArray clientId = hub::oneroster::newClientId();
    const QByteArray secret = hub::oneroster::newClientSecret();
    QSqlQuery insert(m_engine->store().connection());
    insert.prepare(QStringLiteral("INSERT INTO oneroster_applications(district_id, name, scopes, "
                                  "client_id, secret_hash, created_at, updated_at, "
                                  "secret_changed_at) VALUES (?, 'Other App', ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(districtId);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(scopes)).toJson(QJsonDocument::Compact)));
    insert.addBindValue(QString::fromLatin1(clientId));
    insert.addBindValue(hub::oneroster::hashClientSecret(secret));
    const QString now = hub::nowIsoUtc();
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec())
        qWarning() << "Cannot insert an application";
    return Credentials{QString::fromLatin1(clientId), QString::fromLatin1(secret),
                       insert.lastInsertId().toLongLong()};
}

ApiReply tst_OneRoster::requestToken(const QString &clientId, const QString &secret,
                                     const QByteArray &form)
{
    QNetworkAccessManager network;
    QUrl url = m_engine->baseUrl();
    url.setPath(QStringLiteral("/oauth/token"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    if (!clientId.isNull())
        request.setRawHeader("Authorization",
                             "Basic " + QByteArray(QUrl::toPercentEncoding(clientId) + ':'
                                                   + QUrl::toPercentEncoding(secret)).toBase64());
    std::unique_ptr<QNetworkReply> reply(network.post(request, form));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    ApiReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    return result;
}

QByteArray tst_OneRoster::readWithHost(const QByteArray &token, const QString &pathAndQuery,
                                       const QByteArray &host)
{
    QTcpSocket socket;
    QByteArray response;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { response += socket.readAll(); });
    connect(&socket, &QTcpSocket::connected, this, [&] {
        socket.write("GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: " + host
                     + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    });
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_engine->baseUrl().port()));
    // The engine runs on this thread, so the test waits in the event loop until the body of
    // Content-Length bytes has arrived.
    const auto complete = [&response] {
        const qsizetype headEnd = response.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QByteArray head = response.left(headEnd).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return false;
        const qsizetype lineEnd = head.indexOf("\r\n", at);
        const qint64 length = head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
        return response.size() >= headEnd + 4 + length;
    };
    if (!QTest::qWaitFor(complete, 10000))
        qWarning("No whole response after 10 s: %s", response.left(300).constData());
    return response;
}

QByteArray tst_OneRoster::tokenFor(const QStringList &scopes)
{
    const Credentials app = createApplication(scopes);
    const ApiReply reply = requestToken(app.clientId, app.secret);
    return reply.json[QStringLiteral("access_token")].toString().toLatin1();
}

ApiReply tst_OneRoster::read(const QByteArray &token, const QString &pathAndQuery)
{
    hubtest::ApiTestClient client(m_engine->baseUrl(), token);
    return client.send("GET", pathAndQuery, {}, {}, !token.isEmpty());
}

ApiReply tst_OneRoster::send(const QByteArray &token, const QByteArray &method, const QString &path,
                             const QJsonObject &body)
{
    hubtest::ApiTestClient client(m_engine->baseUrl(), token);
    return client.send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString tst_OneRoster::firstId(const QByteArray &token, const QString &collection,
                               const QString &wrapper)
{
    const ApiReply reply = read(token, collection + QStringLiteral("?limit=1"));
    return reply.json[wrapper].toArray().at(0)[QStringLiteral("sourcedId")].toString();
}

qint64 tst_OneRoster::tableCount(const QString &sql, qint64 districtId)
{
    QSqlQuery query(m_engine->store().connection());
    query.prepare(sql);
    query.addBindValue(districtId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void tst_OneRoster::applicationLifecycle()
{
    const QString base = QStringLiteral("/api/v1/oneroster/applications");
    ApiReply created = m_admin->post(base, QJsonObject{{QStringLiteral("name"), QStringLiteral("Reading Coach")},
                                                       {QStringLiteral("vendor"), QStringLiteral("Lexia")},
                                                       {QStringLiteral("schoolYear"), 2027},
                                                       {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}}});
    QCOMPARE(created.status, 201);
    const qint64 id = created.json[QStringLiteral("id")].toInteger();
    QVERIFY(id > 0);
    QVERIFY(created.json[QStringLiteral("clientId")].toString().size() >= 20);
    QVERIFY(created.json[QStringLiteral("clientSecret")].toString().size() >= 40);
    QCOMPARE(created.json[QStringLiteral("schoolYear")].toInt(), 2027);
    QCOMPARE(created.json[QStringLiteral("active")].toBool(), true);

    const QString path = base + QStringLiteral("/%1").arg(id);
    ApiReply fetched = m_admin->get(path);
    QCOMPARE(fetched.status, 200);
    QVERIFY(!fetched.json.contains(QStringLiteral("clientSecret")));
    QVERIFY(!fetched.body.contains("b2:"));
    QCOMPARE(fetched.json[QStringLiteral("vendor")].toString(), QStringLiteral("Lexia"));

    ApiReply listed = m_admin->get(base);
    QCOMPARE(listed.status, 200);
    QVERIFY(listed.json[QStringLiteral("scopes")].toArray().contains(QStringLiteral("gradebook.delete")));
    bool found = false;
    for (const QJsonValue &application : listed.json[QStringLiteral("applications")].toArray()) {
        QVERIFY(!application.toObject().contains(QStringLiteral("clientSecret")));
        found = found || application[QStringLiteral("id")].toInteger() == id;
    }
    QVERIFY(found);

    ApiReply updated = m_admin->put(path, QJsonObject{{QStringLiteral("name"), QStringLiteral("Reading Coach")},
                                                      {QStringLiteral("vendor"), QStringLiteral("Lexia")},
                                                      {QStringLiteral("schoolYear"), QJsonValue::Null},
                                                      {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster.readonly"), QStringLiteral("https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly")}},
                                                      {QStringLiteral("active"), false}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json[QStringLiteral("scopes")].toArray(),
             (QJsonArray{QStringLiteral("gradebook.readonly"), QStringLiteral("roster.readonly")}));
    QCOMPARE(updated.json[QStringLiteral("active")].toBool(), false);
    QVERIFY(updated.json[QStringLiteral("schoolYear")].isNull());
    QCOMPARE(updated.json[QStringLiteral("clientId")], created.json[QStringLiteral("clientId")]);

    QCOMPARE(m_admin->remove(path).status, 204);
    QCOMPARE(m_admin->get(path).status, 404);
    QCOMPARE(m_admin->remove(path).status, 404);
    QCOMPARE(m_admin->get(base + QStringLiteral("/abc")).status, 400);
}

void tst_OneRoster::applicationValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("missing name") << QByteArray(R"({"scopes": []})") << QStringLiteral("name");
    QTest::newRow("unknown scope") << QByteArray(R"({"name": "A", "scopes": ["roster.write"]})")
                                   << QStringLiteral("scopes");
    QTest::newRow("scopes not array") << QByteArray(R"({"name": "A", "scopes": "roster.readonly"})")
                                      << QStringLiteral("scopes");
    QTest::newRow("school year text") << QByteArray(R"({"name": "A", "schoolYear": "2027"})")
                                      << QStringLiteral("schoolYear");
    QTest::newRow("school year range") << QByteArray(R"({"name": "A", "schoolYear": 27})")
                                       << QStringLiteral("schoolYear");
    QTest::newRow("misspelled scopes") << QByteArray(R"({"name": "A", "scope": ["roster-core.readonly"]})")
                                       << QStringLiteral("scope");
    QTest::newRow("school year 1999") << QByteArray(R"({"name": "A", "schoolYear": 1999})")
                                      << QStringLiteral("schoolYear");
    QTest::newRow("school year 2101") << QByteArray(R"({"name": "A", "schoolYear": 2101})")
                                      << QStringLiteral("schoolYear");
    QTest::newRow("active not bool") << QByteArray(R"({"name": "A", "active": "yes"})")
                                     << QStringLiteral("active");
    QTest::newRow("vendor not text") << QByteArray(R"({"name": "A", "vendor": 5})")
                                     << QStringLiteral("vendor");
    QTest::newRow("line break in name") << QByteArray(R"({"name": "A\nB"})")
                                        << QStringLiteral("name");
    QTest::newRow("isolate in vendor") << QByteArray(R"({"name": "A", "vendor": "V\u2067W"})")
                                       << QStringLiteral("vendor");
}

void tst_OneRoster::applicationValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const ApiReply reply = m_admin->send("POST", QStringLiteral("/api/v1/oneroster/applications"), body);
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json[QStringLiteral("fields")].toObject().contains(field), reply.body.constData());
    if (field == QLatin1String("schoolYear"))
        QCOMPARE(reply.json[QStringLiteral("fields")][field].toString(),
                 QStringLiteral("Enter a school year from 2000 to 2100 as its ending year, such as "
                                "2027, or null for every year."));
    QCOMPARE(m_admin->send("POST", QStringLiteral("/api/v1/oneroster/applications"), "[1]").status, 400);
}

void tst_OneRoster::duplicateApplicationNameIsRejected()
{
    const QString path = QStringLiteral("/api/v1/oneroster/applications");
    const Credentials first
        = createApplication({QStringLiteral("roster-core.readonly")}, QStringLiteral("Math Tutor"));
    QVERIFY(first.id > 0);

    const QJsonObject sameName{
        {QStringLiteral("name"), QStringLiteral("math tutor")},
        {QStringLiteral("vendor"), QStringLiteral("Other Vendor")},
        {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster.readonly")}}};
    ApiReply reply = m_admin->post(path, sameName);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json[QStringLiteral("error")].toString(), QStringLiteral("duplicate_name"));
    QCOMPARE(reply.json[QStringLiteral("fields")][QStringLiteral("name")].toString(),
             QStringLiteral("Another application is already named \"math tutor\". Choose a "
                            "different name."));
    QVERIFY(!reply.json.contains(QStringLiteral("clientSecret")));

    // Renaming another application to the name is rejected too; keeping its own name is not.
    const Credentials second = createApplication({QStringLiteral("roster-core.readonly")},
                                                 QStringLiteral("Science Tutor"));
    QJsonObject renamed = sameName;
    renamed.insert(QStringLiteral("name"), QStringLiteral("Math Tutor"));
    reply = m_admin->put(path + QStringLiteral("/%1").arg(second.id), renamed);
    QCOMPARE(reply.status, 409);
    QCOMPARE(m_admin->get(path + QStringLiteral("/%1").arg(second.id))
                 .json[QStringLiteral("name")]
                 .toString(),
             QStringLiteral("Science Tutor"));
    reply = m_admin->put(path + QStringLiteral("/%1").arg(first.id), renamed);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("vendor")].toString(), QStringLiteral("Other Vendor"));
}

void tst_OneRoster::applicationSecretNeverStoredOrAudited()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    QVERIFY(!app.secret.isEmpty());
    QSqlQuery query(m_engine->store().connection());
    QVERIFY(query.exec(QStringLiteral("SELECT secret_hash FROM oneroster_applications WHERE id = %1").arg(app.id)));
    QVERIFY(query.next());
    const QString stored = query.value(0).toString();
    QVERIFY(stored.startsWith(QLatin1String("b2:")));
    QVERIFY(!stored.contains(app.secret));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = "
                                      "'oneroster_application' AND (after_json LIKE '%%1%' OR "
                                      "after_json LIKE '%b2:%')").arg(app.secret)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(hub::oneroster::verifyClientSecret(app.secret.toLatin1(), stored));
    QVERIFY(!hub::oneroster::verifyClientSecret("wrong", stored));
    QVERIFY(!hub::oneroster::verifyClientSecret(app.secret.toLatin1(), QStringLiteral("plain")));
}

void tst_OneRoster::resetSecretRevokesTokens()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    const ApiReply token = requestToken(app.clientId, app.secret);
    QCOMPARE(token.status, 200);
    const QByteArray accessToken = token.json[QStringLiteral("access_token")].toString().toLatin1();
    QCOMPARE(read(accessToken, kV1p1 + QStringLiteral("/orgs")).status, 200);

    const ApiReply reset = m_admin->post(QStringLiteral("/api/v1/oneroster/applications/%1/secret").arg(app.id));
    QCOMPARE(reset.status, 200);
    const QString newSecret = reset.json[QStringLiteral("clientSecret")].toString();
    QVERIFY(!newSecret.isEmpty());
    QVERIFY(newSecret != app.secret);
    QCOMPARE(read(accessToken, kV1p1 + QStringLiteral("/orgs")).status, 401);
    QCOMPARE(requestToken(app.clientId, app.secret).status, 401);
    QCOMPARE(requestToken(app.clientId, newSecret).status, 200);
    QCOMPARE(m_admin->post(QStringLiteral("/api/v1/oneroster/applications/999999/secret")).status, 404);
}

void tst_OneRoster::tokenIssued()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly"), QStringLiteral("gradebook.readonly")});
    const ApiReply reply = requestToken(app.clientId, app.secret);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("token_type")].toString(), QStringLiteral("bearer"));
    QCOMPARE(reply.json[QStringLiteral("expires_in")].toInt(), 3600);
    QVERIFY(reply.json[QStringLiteral("access_token")].toString().size() >= 40);
    // Without a scope parameter, each granted scope is listed by its 1.1 and its 1.2 URI.
    const QStringList listed = reply.json[QStringLiteral("scope")].toString().split(QLatin1Char(' '));
    QCOMPARE(listed,
             (QStringList{scopeUri("v1p1", "gradebook.readonly"), scopeUri("v1p2", "gradebook.readonly"),
                          scopeUri("v1p1", "roster-core.readonly"), scopeUri("v1p2", "roster-core.readonly")}));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(reply.header("Pragma"), QByteArray("no-cache"));

    // The token is stored hashed.
    QSqlQuery query(m_engine->store().connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM oneroster_tokens WHERE token_hash = '%1'")
                           .arg(reply.json[QStringLiteral("access_token")].toString())));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void tst_OneRoster::tokenScopeListsOnlyDefinedUris()
{
    // 1.1 has no gradebook-core.readonly, so the response names only its 1.2 URI.
    const Credentials app = createApplication({QStringLiteral("gradebook-core.readonly")});
    const ApiReply reply = requestToken(app.clientId, app.secret);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("scope")].toString(), scopeUri("v1p2", "gradebook-core.readonly"));
}

void tst_OneRoster::tokenErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    // kind 0: right credentials, 1: wrong secret, 2: no Authorization header.
    QTest::newRow("wrong grant") << 0 << QByteArray("grant_type=password") << 400
                                 << QStringLiteral("unsupported_grant_type");
    QTest::newRow("missing grant") << 0 << QByteArray("scope=x") << 400
                                   << QStringLiteral("invalid_request");
    QTest::newRow("wrong secret") << 1 << QByteArray("grant_type=client_credentials") << 401
                                  << QStringLiteral("invalid_client");
    QTest::newRow("no client authentication") << 2 << QByteArray("grant_type=client_credentials")
                                              << 401 << QStringLiteral("invalid_client");
    QTest::newRow("scope not granted")
        << 0 << (QByteArray("grant_type=client_credentials&scope=") + QUrl::toPercentEncoding(scopeUri("v1p1", "gradebook.delete")))
        << 400 << QStringLiteral("invalid_scope");
    QTest::newRow("unknown scope") << 0 << QByteArray("grant_type=client_credentials&scope=admin")
                                   << 400 << QStringLiteral("invalid_scope");
}

void tst_OneRoster::tokenErrors()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, form);
    QFETCH(int, status);
    QFETCH(QString, error);
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    const ApiReply reply = kind == 2 ? requestToken(QString(), QString(), form)
                                     : requestToken(app.clientId, kind == 1 ? QStringLiteral("nope") : app.secret, form);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json[QStringLiteral("error")].toString(), error);
    QVERIFY(!reply.json[QStringLiteral("error_description")].toString().isEmpty());
    if (status == 401)
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Basic"));
}

void tst_OneRoster::tokenScopesIntersectGranted()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    const QByteArray scope = QUrl::toPercentEncoding(scopeUri("v1p1", "roster-core.readonly") + QLatin1Char(' ')
                                                     + scopeUri("v1p1", "gradebook.delete"));
    const ApiReply reply = requestToken(app.clientId, app.secret, "grant_type=client_credentials&scope=" + scope);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("scope")].toString(), scopeUri("v1p1", "roster-core.readonly"));
    const QByteArray token = reply.json[QStringLiteral("access_token")].toString().toLatin1();
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/orgs")).status, 200);
    QCOMPARE(send(token, "DELETE", kV1p1 + QStringLiteral("/results/x"), {}).status, 403);
}

void tst_OneRoster::tokenForApplicationWithoutScope()
{
    const Credentials app = createApplication({});
    const ApiReply reply = requestToken(app.clientId, app.secret);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json[QStringLiteral("error")].toString(), QStringLiteral("invalid_scope"));
    QVERIFY(reply.json[QStringLiteral("error_description")].toString().contains(QLatin1String("no scope")));
}

void tst_OneRoster::inactiveApplicationGetsNoToken()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    const ApiReply token = requestToken(app.clientId, app.secret);
    QCOMPARE(token.status, 200);
    const QByteArray accessToken = token.json[QStringLiteral("access_token")].toString().toLatin1();
    const ApiReply updated = m_admin->put(QStringLiteral("/api/v1/oneroster/applications/%1").arg(app.id),
                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Paused")},
                                                      {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}},
                                                      {QStringLiteral("active"), false}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(requestToken(app.clientId, app.secret).status, 401);
    QCOMPARE(read(accessToken, kV1p1 + QStringLiteral("/orgs")).status, 401);

    // Activated again, the application needs a new token: the old one was revoked.
    QJsonObject reactivated = updated.json;
    reactivated.insert(QStringLiteral("active"), true);
    QCOMPARE(m_admin->put(QStringLiteral("/api/v1/oneroster/applications/%1").arg(app.id), reactivated).status, 200);
    QCOMPARE(read(accessToken, kV1p1 + QStringLiteral("/orgs")).status, 401);
    const ApiReply renewed = requestToken(app.clientId, app.secret);
    QCOMPARE(renewed.status, 200);
    const QByteArray newToken = renewed.json[QStringLiteral("access_token")].toString().toLatin1();
    QCOMPARE(read(newToken, kV1p1 + QStringLiteral("/orgs")).status, 200);
}

void tst_OneRoster::removedScopeStopsWorking()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly"), QStringLiteral("roster.readonly")});
    const QByteArray token = requestToken(app.clientId, app.secret).json[QStringLiteral("access_token")].toString().toLatin1();
    const QString path = kV1p1 + QStringLiteral("/classes/%1/students").arg(m_classId);
    QCOMPARE(read(token, path).status, 200);
    QCOMPARE(m_admin->put(QStringLiteral("/api/v1/oneroster/applications/%1").arg(app.id),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Narrowed")},
                                      {QStringLiteral("scopes"), QJsonArray{QStringLiteral("roster-core.readonly")}}})
                 .status,
             200);
    QCOMPARE(read(token, path).status, 403);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/classes")).status, 200);
}

void tst_OneRoster::missingTokenIsUnauthorized_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("codeMinor");
    QTest::newRow("1.1 no token") << kV1p1 + QStringLiteral("/users") << QByteArray() << QStringLiteral("unauthorized");
    QTest::newRow("1.2 no token") << kRoster12 + QStringLiteral("/users") << QByteArray() << QStringLiteral("unauthorisedrequest");
    QTest::newRow("1.1 bad token") << kV1p1 + QStringLiteral("/users") << QByteArray("bogus") << QStringLiteral("unauthorized");
    QTest::newRow("1.2 gradebook bad token") << kGradebook12 + QStringLiteral("/lineItems") << QByteArray("bogus")
                                             << QStringLiteral("unauthorisedrequest");
    QTest::newRow("admin token is no OneRoster token") << kV1p1 + QStringLiteral("/users")
                                                       << QByteArray("oneroster-test-admin-token-0123456789")
                                                       << QStringLiteral("unauthorized");
}

void tst_OneRoster::missingTokenIsUnauthorized()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, token);
    QFETCH(QString, codeMinor);
    const ApiReply reply = read(token, path);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json[QStringLiteral("imsx_codeMajor")].toString(), QStringLiteral("failure"));
    QCOMPARE(reply.json[QStringLiteral("imsx_severity")].toString(), QStringLiteral("error"));
    QCOMPARE(::codeMinor(reply.json), codeMinor);
    QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
}

void tst_OneRoster::everyReadEndpointAnswers_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("wrapper");
    QTest::addColumn<bool>("collection");
    const auto add = [this](const QString &root, const QString &version) {
        const struct { QString path; QString wrapper; bool collection; } rows[] = {
            {QStringLiteral("/academicSessions"), QStringLiteral("academicSessions"), true},
            {QStringLiteral("/academicSessions/%1").arg(m_termId), QStringLiteral("academicSession"), false},
            {QStringLiteral("/classes"), QStringLiteral("classes"), true},
            {QStringLiteral("/classes/%1").arg(m_classId), QStringLiteral("class"), false},
            {QStringLiteral("/courses"), QStringLiteral("courses"), true},
            {QStringLiteral("/courses/%1").arg(m_courseId), QStringLiteral("course"), false},
            {QStringLiteral("/demographics"), QStringLiteral("demographics"), true},
            {QStringLiteral("/demographics/%1").arg(m_studentId), QStringLiteral("demographics"), false},
            {QStringLiteral("/enrollments"), QStringLiteral("enrollments"), true},
            {QStringLiteral("/gradingPeriods"), QStringLiteral("academicSessions"), true},
            {QStringLiteral("/orgs"), QStringLiteral("orgs"), true},
            {QStringLiteral("/orgs/school-001"), QStringLiteral("org"), false},
            {QStringLiteral("/schools"), QStringLiteral("orgs"), true},
            {QStringLiteral("/schools/school-001"), QStringLiteral("org"), false},
            {QStringLiteral("/students"), QStringLiteral("users"), true},
            {QStringLiteral("/students/%1").arg(m_studentId), QStringLiteral("user"), false},
            {QStringLiteral("/teachers"), QStringLiteral("users"), true},
            {QStringLiteral("/teachers/%1").arg(m_teacherId), QStringLiteral("user"), false},
            {QStringLiteral("/terms"), QStringLiteral("academicSessions"), true},
            {QStringLiteral("/terms/%1").arg(m_termId), QStringLiteral("academicSession"), false},
            {QStringLiteral("/users"), QStringLiteral("users"), true},
            {QStringLiteral("/users/%1").arg(m_studentId), QStringLiteral("user"), false},
            {QStringLiteral("/classes/%1/students").arg(m_classId), QStringLiteral("users"), true},
            {QStringLiteral("/classes/%1/teachers").arg(m_classId), QStringLiteral("users"), true},
            {QStringLiteral("/courses/%1/classes").arg(m_courseId), QStringLiteral("classes"), true},
            {QStringLiteral("/schools/school-001/classes"), QStringLiteral("classes"), true},
            {QStringLiteral("/schools/school-001/courses"), QStringLiteral("courses"), true},
            {QStringLiteral("/schools/school-001/enrollments"), QStringLiteral("enrollments"), true},
            {QStringLiteral("/schools/school-001/students"), QStringLiteral("users"), true},
            {QStringLiteral("/schools/school-001/teachers"), QStringLiteral("users"), true},
            {QStringLiteral("/schools/school-001/terms"), QStringLiteral("academicSessions"), true},
            {QStringLiteral("/schools/school-001/classes/%1/enrollments").arg(m_classId), QStringLiteral("enrollments"), true},
            {QStringLiteral("/schools/school-001/classes/%1/students").arg(m_classId), QStringLiteral("users"), true},
            {QStringLiteral("/schools/school-001/classes/%1/teachers").arg(m_classId), QStringLiteral("users"), true},
            {QStringLiteral("/students/%1/classes").arg(m_studentId), QStringLiteral("classes"), true},
            {QStringLiteral("/teachers/%1/classes").arg(m_teacherId), QStringLiteral("classes"), true},
            {QStringLiteral("/users/%1/classes").arg(m_studentId), QStringLiteral("classes"), true},
            {QStringLiteral("/terms/%1/classes").arg(m_termId), QStringLiteral("classes"), true},
            {QStringLiteral("/terms/%1/gradingPeriods").arg(m_termId), QStringLiteral("academicSessions"), true},
        };
        for (const auto &row : rows)
            QTest::addRow("%s %s", qPrintable(version), qPrintable(row.path))
                << root + row.path << row.wrapper << row.collection;
    };
    add(kV1p1, QStringLiteral("1.1"));
    add(kRoster12, QStringLiteral("1.2"));
    const auto addGradebook = [this](const QString &root, const QString &version, bool v1p2) {
        QList<QPair<QString, QString>> rows{
            {QStringLiteral("/categories"), QStringLiteral("categories")},
            {QStringLiteral("/lineItems"), QStringLiteral("lineItems")},
            {QStringLiteral("/results"), QStringLiteral("results")},
            {QStringLiteral("/classes/%1/lineItems").arg(m_classId), QStringLiteral("lineItems")},
            {QStringLiteral("/classes/%1/results").arg(m_classId), QStringLiteral("results")},
            {QStringLiteral("/classes/%1/students/%2/results").arg(m_classId, m_studentId), QStringLiteral("results")},
        };
        if (v1p2)
            rows += {{QStringLiteral("/scoreScales"), QStringLiteral("scoreScales")},
                     {QStringLiteral("/classes/%1/categories").arg(m_classId), QStringLiteral("categories")},
                     {QStringLiteral("/classes/%1/scoreScales").arg(m_classId), QStringLiteral("scoreScales")},
                     {QStringLiteral("/schools/school-001/lineItems"), QStringLiteral("lineItems")},
                     {QStringLiteral("/schools/school-001/scoreScales"), QStringLiteral("scoreScales")}};
        for (const auto &[path, wrapper] : rows)
            QTest::addRow("%s gradebook %s", qPrintable(version), qPrintable(path)) << root + path << wrapper << true;
    };
    addGradebook(kV1p1, QStringLiteral("1.1"), false);
    addGradebook(kGradebook12, QStringLiteral("1.2"), true);
    for (const auto &[root, version] : {qMakePair(kV1p1, QStringLiteral("1.1")), qMakePair(kResources12, QStringLiteral("1.2"))}) {
        QTest::addRow("%s /resources", qPrintable(version)) << root + QStringLiteral("/resources") << QStringLiteral("resources") << true;
        QTest::addRow("%s /classes/{id}/resources", qPrintable(version))
            << root + QStringLiteral("/classes/%1/resources").arg(m_classId) << QStringLiteral("resources") << true;
        QTest::addRow("%s /courses/{id}/resources", qPrintable(version))
            << root + QStringLiteral("/courses/%1/resources").arg(m_courseId) << QStringLiteral("resources") << true;
    }
}

void tst_OneRoster::everyReadEndpointAnswers()
{
    QFETCH(QString, path);
    QFETCH(QString, wrapper);
    QFETCH(bool, collection);
    const ApiReply reply = read(m_allScopes, path);
    QVERIFY2(reply.status == 200, reply.body.left(400).constData());
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QVERIFY2(reply.json.contains(wrapper), reply.body.left(200).constData());
    QCOMPARE(reply.json.size(), 1);
    if (collection) {
        QVERIFY(reply.json[wrapper].isArray());
        bool ok = false;
        const qint64 total = reply.header("X-Total-Count").toLongLong(&ok);
        QVERIFY(ok);
        QVERIFY(total >= reply.json[wrapper].toArray().size());
        QVERIFY(reply.header("Link").contains("rel=\"first\""));
        QVERIFY(reply.header("Link").contains("rel=\"last\""));
    } else {
        QVERIFY(reply.json[wrapper].isObject());
        QVERIFY(!reply.json[wrapper][QStringLiteral("sourcedId")].toString().isEmpty());
    }
    const QString problem = findAbsentValue(reply.json, wrapper);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_OneRoster::scopesGuardEndpoints_data()
{
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    const QStringList core{QStringLiteral("roster-core.readonly")};
    const QStringList roster{QStringLiteral("roster.readonly")};
    const QStringList demographics{QStringLiteral("roster-demographics.readonly")};
    const QStringList gradebookCore{QStringLiteral("gradebook-core.readonly")};
    QTest::newRow("core reads users") << core << kV1p1 + QStringLiteral("/users") << 200;
    QTest::newRow("core reads no relationship") << core << kV1p1 + QStringLiteral("/schools/school-001/classes") << 403;
    QTest::newRow("core reads no demographics") << core << kRoster12 + QStringLiteral("/demographics") << 403;
    QTest::newRow("core reads no gradebook") << core << kGradebook12 + QStringLiteral("/lineItems") << 403;
    QTest::newRow("core reads no resources") << core << kResources12 + QStringLiteral("/resources") << 403;
    QTest::newRow("roster reads relationship") << roster << kRoster12 + QStringLiteral("/schools/school-001/classes") << 200;
    QTest::newRow("roster reads demographics") << roster << kV1p1 + QStringLiteral("/demographics") << 200;
    QTest::newRow("demographics reads demographics") << demographics << kV1p1 + QStringLiteral("/demographics") << 200;
    QTest::newRow("demographics reads no users") << demographics << kV1p1 + QStringLiteral("/users") << 403;
    QTest::newRow("gradebook core reads 1.2 line items") << gradebookCore << kGradebook12 + QStringLiteral("/lineItems") << 200;
    QTest::newRow("gradebook core reads no class results")
        << gradebookCore << kGradebook12 + QStringLiteral("/classes/%1/results").arg(m_classId) << 403;
}

void tst_OneRoster::scopesGuardEndpoints()
{
    QFETCH(QStringList, scopes);
    QFETCH(QString, path);
    QFETCH(int, status);
    const QByteArray token = tokenFor(scopes);
    QVERIFY(!token.isEmpty());
    const ApiReply reply = read(token, path);
    QCOMPARE(reply.status, status);
    if (status == 403) {
        QCOMPARE(::codeMinor(reply.json), QStringLiteral("forbidden"));
        QVERIFY(reply.json[QStringLiteral("imsx_description")].toString().contains(QLatin1String("/scope/")));
    }
}

void tst_OneRoster::unknownObjectIsNotFound()
{
    ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/users/nobody"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(::codeMinor(reply.json), QStringLiteral("unknown object"));
    reply = read(m_allScopes, kRoster12 + QStringLiteral("/users/nobody"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(::codeMinor(reply.json), QStringLiteral("unknownobject"));
    reply = read(m_allScopes, kRoster12 + QStringLiteral("/classes/nope/students"));
    QCOMPARE(reply.status, 404);
    // A school is an org, but a class is not a school.
    QCOMPARE(read(m_allScopes, kV1p1 + QStringLiteral("/schools/%1").arg(m_classId)).status, 404);
    // A teacher is not a student.
    reply = read(m_allScopes, kV1p1 + QStringLiteral("/students/%1").arg(m_teacherId));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json[QStringLiteral("imsx_description")].toString(),
             QStringLiteral("No student has the sourcedId \"%1\".").arg(m_teacherId));

    // The message names the collection's kind of object, not the JSON wrapper "org".
    reply = read(m_allScopes, kV1p1 + QStringLiteral("/schools/nope"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json[QStringLiteral("imsx_description")].toString(),
             QStringLiteral("No school has the sourcedId \"nope\"."));
    reply = read(m_allScopes, kRoster12 + QStringLiteral("/schools/nope/classes"));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json[QStringLiteral("imsx_description")].toString(),
             QStringLiteral("No school has the sourcedId \"nope\"."));
    reply = read(m_allScopes, kV1p1 + QStringLiteral("/orgs/nope"));
    QCOMPARE(reply.json[QStringLiteral("imsx_description")].toString(),
             QStringLiteral("No org has the sourcedId \"nope\"."));
}

void tst_OneRoster::payloadFollowsRules()
{
    const ApiReply classReply = read(m_allScopes, kV1p1 + QStringLiteral("/classes/%1").arg(m_classId));
    QCOMPARE(classReply.status, 200);
    const QJsonObject schoolClass = classReply.json[QStringLiteral("class")].toObject();
    const QJsonObject school = schoolClass[QStringLiteral("school")].toObject();
    QCOMPARE(school[QStringLiteral("type")].toString(), QStringLiteral("org"));
    QVERIFY(!school[QStringLiteral("sourcedId")].toString().isEmpty());
    QCOMPARE(school[QStringLiteral("href")].toString(),
             m_engine->baseUrl().toString() + kV1p1 + QStringLiteral("/orgs/") + school[QStringLiteral("sourcedId")].toString());
    const QJsonArray terms = schoolClass[QStringLiteral("terms")].toArray();
    QVERIFY(!terms.isEmpty());
    QCOMPARE(terms.at(0)[QStringLiteral("type")].toString(), QStringLiteral("academicSession"));
    QCOMPARE(schoolClass[QStringLiteral("status")].toString(), QStringLiteral("active"));

    const ApiReply enrollments = read(m_allScopes, kRoster12 + QStringLiteral("/enrollments?limit=50"));
    for (const QJsonValue &enrollment : enrollments.json[QStringLiteral("enrollments")].toArray()) {
        const QJsonValue primary = enrollment[QStringLiteral("primary")];
        if (!primary.isUndefined())
            QVERIFY(primary.toString() == QLatin1String("true") || primary.toString() == QLatin1String("false"));
        QVERIFY(enrollment[QStringLiteral("user")][QStringLiteral("href")].toString().contains(kRoster12 + QStringLiteral("/users/")));
    }

    // A stored time is written back in UTC ISO 8601.
    QSqlQuery update(m_engine->store().connection());
    QVERIFY(
        update.exec(QStringLiteral("SELECT date_last_modified FROM users WHERE district_id = %1 "
                                   "AND sourced_id = '%2'")
                        .arg(m_engine->districtId())
                        .arg(m_teacherId)));
    QVERIFY(update.next());
    const QString loadedAt = update.value(0).toString();
    QVERIFY(!loadedAt.isEmpty());
    QVERIFY(update.exec(QStringLiteral("UPDATE users SET date_last_modified = '2026-10-01T12:00:00.000Z', "
                                       "status = 'tobedeleted' WHERE district_id = %1 AND sourced_id = '%2'")
                            .arg(m_engine->districtId()).arg(m_teacherId)));
    const ApiReply user = read(m_allScopes, kV1p1 + QStringLiteral("/users/%1").arg(m_teacherId));
    QCOMPARE(user.json[QStringLiteral("user")][QStringLiteral("dateLastModified")].toString(), QStringLiteral("2026-10-01T12:00:00.000Z"));
    QCOMPARE(user.json[QStringLiteral("user")][QStringLiteral("status")].toString(), QStringLiteral("tobedeleted"));
    QCOMPARE(user.json[QStringLiteral("user")][QStringLiteral("enabledUser")].toString(), QStringLiteral("true"));
    QVERIFY(
        update.exec(QStringLiteral("UPDATE users SET date_last_modified = '%3', status = 'active' "
                                   "WHERE district_id = %1 AND sourced_id = '%2'")
                        .arg(m_engine->districtId())
                        .arg(m_teacherId, loadedAt)));
}

void tst_OneRoster::usersCarryRoles()
{
    const ApiReply v1p1 = read(m_allScopes, kV1p1 + QStringLiteral("/users/%1").arg(m_studentId));
    QCOMPARE(v1p1.json[QStringLiteral("user")][QStringLiteral("role")].toString(), QStringLiteral("student"));
    const QJsonArray orgs = v1p1.json[QStringLiteral("user")][QStringLiteral("orgs")].toArray();
    QVERIFY(!orgs.isEmpty());
    QCOMPARE(orgs.at(0)[QStringLiteral("type")].toString(), QStringLiteral("org"));

    const ApiReply v1p2 = read(m_allScopes, kRoster12 + QStringLiteral("/users/%1").arg(m_studentId));
    const QJsonObject user = v1p2.json[QStringLiteral("user")].toObject();
    QVERIFY(!user.contains(QStringLiteral("role")));
    const QJsonArray roles = user[QStringLiteral("roles")].toArray();
    QVERIFY(!roles.isEmpty());
    QCOMPARE(roles.at(0)[QStringLiteral("role")].toString(), QStringLiteral("student"));
    QCOMPARE(roles.at(0)[QStringLiteral("roleType")].toString(), QStringLiteral("primary"));
    QCOMPARE(roles.at(0)[QStringLiteral("org")][QStringLiteral("type")].toString(), QStringLiteral("org"));
}

void tst_OneRoster::userRoleIsFirstPrimaryRole_data()
{
    QTest::addColumn<QString>("roles");
    QTest::addColumn<QString>("expected");
    // Each role is "type:role". The user's role is the first primary role in name order, else
    // the first of all.
    QTest::newRow("primary before secondary")
        << QStringLiteral("secondary:aide,primary:teacher") << QStringLiteral("teacher");
    QTest::newRow("first of two primary")
        << QStringLiteral("primary:teacher,primary:aide") << QStringLiteral("aide");
    QTest::newRow("first secondary without primary")
        << QStringLiteral("secondary:teacher,secondary:administrator")
        << QStringLiteral("administrator");
}

void tst_OneRoster::userRoleIsFirstPrimaryRole()
{
    QFETCH(QString, roles);
    QFETCH(QString, expected);
    const QString userId = QStringLiteral("multi-role-%1")
                               .arg(QString::fromLatin1(QTest::currentDataTag())
                                        .replace(QLatin1Char(' '), QLatin1Char('-')));
    QSqlQuery insert(m_engine->store().connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO users(district_id, sourced_id, status, date_last_modified, given_name, "
        "family_name) VALUES (?, ?, 'active', '2026-12-01T00:00:00.000Z', 'Multi', 'Role')"));
    insert.addBindValue(m_engine->districtId());
    insert.addBindValue(userId);
    QVERIFY(insert.exec());
    int number = 0;
    for (const QString &role : roles.split(QLatin1Char(','))) {
        insert.prepare(QStringLiteral(
            "INSERT INTO user_roles(district_id, sourced_id, status, user_sourced_id, role_type, "
            "role, org_sourced_id) VALUES (?, ?, 'active', ?, ?, ?, 'school-001')"));
        insert.addBindValue(m_engine->districtId());
        insert.addBindValue(QString(userId + QStringLiteral("-role-%1").arg(++number)));
        insert.addBindValue(userId);
        insert.addBindValue(role.section(QLatin1Char(':'), 0, 0));
        insert.addBindValue(role.section(QLatin1Char(':'), 1, 1));
        QVERIFY(insert.exec());
    }

    const ApiReply user = read(m_allScopes, kV1p1 + QStringLiteral("/users/") + userId);
    QCOMPARE(user.status, 200);
    QCOMPARE(user.json[QStringLiteral("user")][QStringLiteral("role")].toString(), expected);
    const ApiReply filtered
        = read(m_allScopes,
               kV1p1 + QStringLiteral("/users?filter=")
                   + QString::fromLatin1(QUrl::toPercentEncoding(
                       QStringLiteral("sourcedId='%1' AND role='%2'").arg(userId, expected))));
    QCOMPARE(filtered.status, 200);
    QCOMPARE(filtered.header("X-Total-Count").toLongLong(), 1);

    // The other tests count the generated users only.
    for (const char *table : {"user_roles", "users"}) {
        QSqlQuery remove(m_engine->store().connection());
        remove.prepare(QStringLiteral("DELETE FROM %1 WHERE district_id = ? AND %2 = ?")
                           .arg(QLatin1String(table),
                                QLatin1String(qstrcmp(table, "users") == 0 ? "sourced_id"
                                                                           : "user_sourced_id")));
        remove.addBindValue(m_engine->districtId());
        remove.addBindValue(userId);
        QVERIFY(remove.exec());
    }
    m_engine->oneRoster().dataChanged();
}

// A user who moved from one school to another keeps the old role, marked tobedeleted, until
// it is purged. The API lists the user at the new school only, until every role is retired.
void tst_OneRoster::retiredRoleIsLeftOut()
{
    const QSqlDatabase db = m_engine->store().connection();
    const qint64 district = m_engine->districtId();
    auto other = hub::selectValue(db,
                                  QStringLiteral("SELECT min(sourced_id) FROM orgs WHERE "
                                                 "district_id = ? AND type = 'school' AND "
                                                 "sourced_id <> 'school-001'"),
                                  {district});
    QVERIFY2(other.ok(), qPrintable(other.error()));
    const QString newSchool = other->toString();
    QVERIFY(!newSchool.isEmpty());
    const QString userId = QStringLiteral("moved-student");
    QVERIFY(hub::execute(db,
                         QStringLiteral("INSERT INTO users(district_id, sourced_id, status, "
                                        "date_last_modified, given_name, family_name) VALUES "
                                        "(?, ?, 'active', '2026-12-01T00:00:00.000Z', 'Moved', "
                                        "'Student')"),
                         {district, userId})
                .ok());
    const QString insertRole = QStringLiteral(
        "INSERT INTO user_roles(district_id, sourced_id, status, user_sourced_id, role_type, role, "
        "org_sourced_id) VALUES (?, ?, ?, ?, 'primary', 'student', ?)");
    QVERIFY(hub::execute(db, insertRole,
                         {district, QString(userId + QStringLiteral(":school-001")),
                          QStringLiteral("tobedeleted"), userId, QStringLiteral("school-001")})
                .ok());
    QVERIFY(hub::execute(db, insertRole,
                         {district, QString(userId + QLatin1Char(':') + newSchool),
                          QStringLiteral("active"), userId, newSchool})
                .ok());
    const auto cleanup = qScopeGuard([&] {
        (void)hub::execute(db,
                           QStringLiteral("DELETE FROM user_roles WHERE district_id = ? AND "
                                          "user_sourced_id = ?"),
                           {district, userId});
        (void)hub::execute(db,
                           QStringLiteral("DELETE FROM users WHERE district_id = ? AND "
                                          "sourced_id = ?"),
                           {district, userId});
        m_engine->oneRoster().dataChanged();
    });
    m_engine->oneRoster().dataChanged();

    const auto orgIds = [&] {
        const ApiReply user = read(m_allScopes, kV1p1 + QStringLiteral("/users/") + userId);
        QStringList ids;
        for (const QJsonValue &org :
             user.json[QStringLiteral("user")][QStringLiteral("orgs")].toArray())
            ids.append(org[QStringLiteral("sourcedId")].toString());
        ids.sort();
        return ids;
    };
    const auto studentsAt = [&](const QString &school) {
        const ApiReply students
            = read(m_allScopes, kV1p1 + QStringLiteral("/schools/%1/students?filter=").arg(school)
                                    + QString::fromLatin1(QUrl::toPercentEncoding(
                                        QStringLiteral("sourcedId='%1'").arg(userId))));
        return students.header("X-Total-Count").toLongLong();
    };
    QCOMPARE(orgIds(), QStringList{newSchool});
    QCOMPARE(studentsAt(QStringLiteral("school-001")), 0);
    QCOMPARE(studentsAt(newSchool), 1);
    const ApiReply v1p2 = read(m_allScopes, kRoster12 + QStringLiteral("/users/") + userId);
    const QJsonArray roles = v1p2.json[QStringLiteral("user")][QStringLiteral("roles")].toArray();
    QCOMPARE(roles.size(), 1);
    QCOMPARE(roles.at(0)[QStringLiteral("org")][QStringLiteral("sourcedId")].toString(), newSchool);

    // Once the user leaves the district, every role is tobedeleted and listed again, so that a
    // vendor can tell which schools to remove the user from.
    QVERIFY(hub::execute(db,
                         QStringLiteral("UPDATE user_roles SET status = 'tobedeleted' WHERE "
                                        "district_id = ? AND user_sourced_id = ?"),
                         {district, userId})
                .ok());
    m_engine->oneRoster().dataChanged();
    QStringList both{QStringLiteral("school-001"), newSchool};
    both.sort();
    QCOMPARE(orgIds(), both);
    QCOMPARE(studentsAt(QStringLiteral("school-001")), 1);
    const ApiReply role = read(m_allScopes, kV1p1 + QStringLiteral("/users/") + userId);
    QCOMPARE(role.json[QStringLiteral("user")][QStringLiteral("role")].toString(),
             QStringLiteral("student"));
}

void tst_OneRoster::usersPageMatchesSingleUsers_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("parameters");
    QTest::newRow("1.1 ascending") << kV1p1 << QStringLiteral("limit=4");
    QTest::newRow("1.1 descending") << kV1p1 << QStringLiteral("limit=4&orderBy=desc");
    QTest::newRow("1.2 ascending") << kRoster12 << QStringLiteral("limit=4");
    QTest::newRow("1.2 descending") << kRoster12 << QStringLiteral("limit=4&orderBy=desc");
    QTest::newRow("1.2 filtered")
        << kRoster12
        << QStringLiteral("limit=4&filter=") + QString::fromLatin1(QUrl::toPercentEncoding(
                                                    QStringLiteral("familyName='Pagerole'")));
    QTest::newRow("1.1 orgs only") << kV1p1 << QStringLiteral("limit=4&fields=sourcedId,orgs");
}

// The orgs and roles of each user on a page, which one query reads for the whole page, are the
// ones that a read of that user alone returns. The users at both ends of the sourced id order
// have several roles, one org twice, and a user without roles lies between them and others.
void tst_OneRoster::usersPageMatchesSingleUsers()
{
    QFETCH(QString, path);
    QFETCH(QString, parameters);
    const QList<QPair<QString, QStringList>> users{
        {QStringLiteral("0000-page-roles"),
         {QStringLiteral("secondary:aide:school-002"), QStringLiteral("primary:teacher:school-001"),
          QStringLiteral("secondary:teacher:school-001")}},
        {QStringLiteral("0001-page-roles"), {}},
        {QStringLiteral("0002-page-roles"), {QStringLiteral("primary:student:school-002")}},
        {QStringLiteral("zzzz-page-roles"),
         {QStringLiteral("primary:student:school-002"), QStringLiteral("secondary:aide:school-001")}},
    };
    QSqlQuery insert(m_engine->store().connection());
    for (const auto &[userId, roles] : users) {
        insert.prepare(QStringLiteral(
            "INSERT INTO users(district_id, sourced_id, status, date_last_modified, given_name, "
            "family_name) VALUES (?, ?, 'active', '2026-12-01T00:00:00.000Z', 'Page', "
            "'Pagerole')"));
        insert.addBindValue(m_engine->districtId());
        insert.addBindValue(userId);
        QVERIFY(insert.exec());
        int number = 0;
        for (const QString &role : roles) {
            insert.prepare(QStringLiteral(
                "INSERT INTO user_roles(district_id, sourced_id, status, user_sourced_id, "
                "role_type, role, org_sourced_id, begin_date) VALUES (?, ?, 'active', ?, ?, ?, ?, "
                "?)"));
            insert.addBindValue(m_engine->districtId());
            insert.addBindValue(QString(userId + QStringLiteral("-role-%1").arg(++number)));
            insert.addBindValue(userId);
            insert.addBindValue(role.section(QLatin1Char(':'), 0, 0));
            insert.addBindValue(role.section(QLatin1Char(':'), 1, 1));
            insert.addBindValue(role.section(QLatin1Char(':'), 2, 2));
            insert.addBindValue(number == 2 ? QVariant(QStringLiteral("2026-08-15")) : QVariant());
            QVERIFY(insert.exec());
        }
    }
    m_engine->oneRoster().dataChanged();

    const ApiReply page = read(m_allScopes, path + QStringLiteral("/users?") + parameters);
    QCOMPARE(page.status, 200);
    const QJsonArray objects = page.json[QStringLiteral("users")].toArray();
    QCOMPARE(objects.size(), 4);
    QStringList listed;
    for (const QJsonValue &object : objects) {
        const QString userId = object[QStringLiteral("sourcedId")].toString();
        listed.append(userId);
        const ApiReply single
            = read(m_allScopes, path + QStringLiteral("/users/") + userId
                                    + (parameters.contains(QLatin1String("fields="))
                                           ? QStringLiteral("?fields=sourcedId,orgs")
                                           : QString()));
        QCOMPARE(single.status, 200);
        QCOMPARE(object.toObject(), single.json[QStringLiteral("user")].toObject());
    }
    const bool descending = parameters.contains(QLatin1String("desc"));
    QVERIFY2(listed.contains(descending ? QStringLiteral("zzzz-page-roles")
                                        : QStringLiteral("0000-page-roles")),
             qPrintable(listed.join(QLatin1Char(' '))));
    if (!descending)
        QVERIFY2(listed.contains(QStringLiteral("0001-page-roles")),
                 qPrintable(listed.join(QLatin1Char(' '))));

    for (const char *table : {"user_roles", "users"}) {
        QSqlQuery remove(m_engine->store().connection());
        remove.prepare(QStringLiteral("DELETE FROM %1 WHERE district_id = ? AND %2 LIKE ?")
                           .arg(QLatin1String(table),
                                QLatin1String(qstrcmp(table, "users") == 0 ? "sourced_id"
                                                                           : "user_sourced_id")));
        remove.addBindValue(m_engine->districtId());
        remove.addBindValue(QStringLiteral("%-page-roles"));
        QVERIFY(remove.exec());
    }
    m_engine->oneRoster().dataChanged();
}

void tst_OneRoster::pagingHasNoDuplicateOrGap_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("wrapper");
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("table");
    QTest::newRow("users by sourcedId") << kV1p1 + QStringLiteral("/users") << QStringLiteral("users")
                                        << QStringLiteral("limit=17") << QStringLiteral("users");
    QTest::newRow("users by familyName desc") << kRoster12 + QStringLiteral("/users") << QStringLiteral("users")
                                              << QStringLiteral("limit=23&sort=familyName&orderBy=desc") << QStringLiteral("users");
    QTest::newRow("enrollments by role") << kV1p1 + QStringLiteral("/enrollments") << QStringLiteral("enrollments")
                                         << QStringLiteral("limit=250&sort=role") << QStringLiteral("enrollments");
    QTest::newRow("classes by school") << kRoster12 + QStringLiteral("/classes") << QStringLiteral("classes")
                                       << QStringLiteral("limit=9&sort=school.sourcedId") << QStringLiteral("classes");
}

void tst_OneRoster::pagingHasNoDuplicateOrGap()
{
    QFETCH(QString, path);
    QFETCH(QString, wrapper);
    QFETCH(QString, parameters);
    QFETCH(QString, table);
    const qint64 expected = tableCount(QStringLiteral("SELECT count(*) FROM %1 WHERE district_id = ?").arg(table),
                                       m_engine->districtId());
    QVERIFY(expected > 0);

    // Twice: the second pass uses the page ends the first one left in the keyset cache.
    for (int pass = 0; pass < 2; ++pass) {
        QSet<QString> seen;
        QStringList order;
        qint64 offset = 0;
        qint64 total = -1;
        int pages = 0;
        while (pages++ < 1000) {
            const ApiReply reply = read(m_allScopes, path + QStringLiteral("?%1&offset=%2").arg(parameters).arg(offset));
            QCOMPARE(reply.status, 200);
            total = reply.header("X-Total-Count").toLongLong();
            const QJsonArray page = reply.json[wrapper].toArray();
            if (page.isEmpty())
                break;
            for (const QJsonValue &record : page) {
                const QString id = record[QStringLiteral("sourcedId")].toString();
                QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("duplicate %1 at offset %2").arg(id).arg(offset)));
                seen.insert(id);
                order.append(id);
            }
            offset += page.size();
        }
        QCOMPARE(total, expected);
        QCOMPARE(qint64(seen.size()), expected);
        if (!parameters.contains(QLatin1String("sort="))) {
            QStringList sorted = order;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(order, sorted);
        }
    }
}

void tst_OneRoster::largeLimitIsNotTruncated()
{
    const qint64 expected = tableCount(QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ?"),
                                       m_engine->districtId());
    QVERIFY(expected > 100);
    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/enrollments?limit=10000"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(qint64(reply.json[QStringLiteral("enrollments")].toArray().size()), std::min<qint64>(expected, 10000));
    const ApiReply defaultPage = read(m_allScopes, kV1p1 + QStringLiteral("/enrollments"));
    QCOMPARE(defaultPage.json[QStringLiteral("enrollments")].toArray().size(), 100);
}

void tst_OneRoster::invalidParametersRejected_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("codeMinor");
    QTest::newRow("unknown filter field") << QStringLiteral("filter=shoeSize='9'") << QStringLiteral("invalid_filter_field");
    QTest::newRow("bad filter syntax") << QStringLiteral("filter=givenName") << QStringLiteral("invalid_filter_field");
    QTest::newRow("unclosed quote") << QStringLiteral("filter=givenName='Ann") << QStringLiteral("invalid_filter_field");
    QTest::newRow("double equals") << QStringLiteral("filter=role=='teacher'") << QStringLiteral("invalid_filter_field");
    QTest::newRow("angle brackets") << QStringLiteral("filter=role<>'teacher'") << QStringLiteral("invalid_filter_field");
    QTest::newRow("not tilde") << QStringLiteral("filter=givenName!~'Ann'") << QStringLiteral("invalid_filter_field");
    QTest::newRow("bad date") << QStringLiteral("filter=dateLastModified>'yesterday'") << QStringLiteral("invalid_filter_field");
    QTest::newRow("unknown selection") << QStringLiteral("fields=sourcedId,shoeSize") << QStringLiteral("invalid_selection_field");
    QTest::newRow("unknown sort") << QStringLiteral("sort=shoeSize") << QStringLiteral("invalid_sort_field");
    QTest::newRow("bad order") << QStringLiteral("orderBy=up") << QStringLiteral("invaliddata");
    QTest::newRow("negative limit") << QStringLiteral("limit=-1") << QStringLiteral("invaliddata");
    QTest::newRow("zero limit") << QStringLiteral("limit=0") << QStringLiteral("invaliddata");
    QTest::newRow("text offset") << QStringLiteral("offset=ten") << QStringLiteral("invaliddata");
    QTest::newRow("qint64 maximum offset")
        << QStringLiteral("offset=9223372036854775807") << QStringLiteral("invaliddata");
    QTest::newRow("double-quoted value")
        << QStringLiteral("filter=familyName=\"Adams\"") << QStringLiteral("invalid_filter_field");
    QTest::newRow("huge limit") << QStringLiteral("limit=100000000") << QStringLiteral("invaliddata");
    QTest::newRow("too many clauses")
        << QStringLiteral("filter=") + QStringList(21, QStringLiteral("status='active'")).join(QStringLiteral(" OR "))
        << QStringLiteral("invalid_filter_field");
    QTest::newRow("too long") << QStringLiteral("filter=givenName='%1'").arg(QString(2100, QLatin1Char('a')))
                              << QStringLiteral("invalid_filter_field");
}

void tst_OneRoster::invalidParametersRejected()
{
    QFETCH(QString, query);
    QFETCH(QString, codeMinor);
    QUrlQuery urlQuery(query);
    const ApiReply reply = read(m_allScopes, kRoster12 + QStringLiteral("/users?") + urlQuery.toString(QUrl::FullyEncoded));
    QCOMPARE(reply.status, 400);
    QCOMPARE(::codeMinor(reply.json), codeMinor);
    QVERIFY(!reply.json[QStringLiteral("imsx_description")].toString().isEmpty());
}

void tst_OneRoster::rejectionMessagesExplainFix_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("description");
    QTest::newRow("qint64 maximum offset")
        << QStringLiteral("offset=9223372036854775807")
        << QStringLiteral("The offset \"9223372036854775807\" is invalid; use a whole number from "
                          "0 to 999999999999.");
    QTest::newRow("offset past maximum")
        << QStringLiteral("offset=1000000000000")
        << QStringLiteral("The offset \"1000000000000\" is invalid; use a whole number from 0 to "
                          "999999999999.");
    QTest::newRow("double-quoted value")
        << QStringLiteral("filter=familyName=\"Adams\"")
        << QStringLiteral(
               "Invalid filter at character 12: values are quoted with single quotes, such as "
               "familyName='Adams', not double quotes.");
    QTest::newRow("double equals")
        << QStringLiteral("filter=familyName=='Adams'")
        << QStringLiteral("Invalid filter at character 12: familyName is followed by an unknown "
                          "predicate; use one of =, !=, >, >=, <, <= or ~, such as "
                          "familyName='value'.");
}

void tst_OneRoster::rejectionMessagesExplainFix()
{
    QFETCH(QString, query);
    QFETCH(QString, description);
    QUrlQuery urlQuery(query);
    const ApiReply reply = read(m_allScopes, kRoster12 + QStringLiteral("/users?")
                                                 + urlQuery.toString(QUrl::FullyEncoded));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json[QStringLiteral("imsx_description")].toString(), description);
}

void tst_OneRoster::repeatedParameterRejected_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("codeMinor");
    QTest::addColumn<QString>("description");
    const QString once = QStringLiteral("The %1 parameter is given more than once; give it once.");
    const QString filterHint
        = QStringLiteral(" To combine conditions, join them with AND or OR in one filter.");
    QTest::newRow("1.1 filter") << kV1p1 << QStringLiteral("filter=role='teacher'&filter=role='student'")
                                << QStringLiteral("invalid_filter_field")
                                << once.arg(QStringLiteral("filter")) + filterHint;
    QTest::newRow("1.2 filter") << kRoster12 << QStringLiteral("filter=role='teacher'&filter=role='student'")
                                << QStringLiteral("invalid_filter_field")
                                << once.arg(QStringLiteral("filter")) + filterHint;
    QTest::newRow("1.1 sort") << kV1p1 << QStringLiteral("sort=familyName&sort=givenName")
                              << QStringLiteral("invalid_sort_field") << once.arg(QStringLiteral("sort"));
    QTest::newRow("1.1 orderBy") << kV1p1 << QStringLiteral("orderBy=asc&orderBy=asc")
                                 << QStringLiteral("invalid data") << once.arg(QStringLiteral("orderBy"));
    QTest::newRow("1.2 orderBy") << kRoster12 << QStringLiteral("orderBy=asc&orderBy=desc")
                                 << QStringLiteral("invaliddata") << once.arg(QStringLiteral("orderBy"));
    QTest::newRow("1.1 limit") << kV1p1 << QStringLiteral("limit=5&limit=5")
                               << QStringLiteral("invalid data") << once.arg(QStringLiteral("limit"));
    QTest::newRow("1.2 offset") << kRoster12 << QStringLiteral("offset=0&offset=10")
                                << QStringLiteral("invaliddata") << once.arg(QStringLiteral("offset"));
    QTest::newRow("1.1 fields") << kV1p1 << QStringLiteral("fields=sourcedId&fields=givenName")
                                << QStringLiteral("invalid_selection_field")
                                << once.arg(QStringLiteral("fields"));
}

void tst_OneRoster::repeatedParameterRejected()
{
    QFETCH(QString, root);
    QFETCH(QString, query);
    QFETCH(QString, codeMinor);
    QFETCH(QString, description);
    const QString encoded = QUrlQuery(query).toString(QUrl::FullyEncoded);
    for (const QString &path : {QStringLiteral("/users?"),
                                QStringLiteral("/users/%1?").arg(m_teacherId)}) {
        // A single object takes fields only; its other parameters are ignored.
        if (path != QLatin1String("/users?") && !query.startsWith(QLatin1String("fields=")))
            continue;
        const ApiReply reply = read(m_allScopes, root + path + encoded);
        QCOMPARE(reply.status, 400);
        QCOMPARE(::codeMinor(reply.json), codeMinor);
        QCOMPARE(reply.json[QStringLiteral("imsx_description")].toString(), description);
    }
}

void tst_OneRoster::unknownParameterAccepted()
{
    // Vendors add parameters of their own, once or more often.
    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/users?limit=2&vendorTrace=1"
                                                                    "&vendorTrace=2&unknownparam=1"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("users")].toArray().size(), 2);
}

void tst_OneRoster::largestOffsetGivesEmptyPage()
{
    const ApiReply reply
        = read(m_allScopes, kRoster12 + QStringLiteral("/users?offset=999999999999"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("users")].toArray().size(), 0);
    QVERIFY(reply.header("X-Total-Count").toLongLong() > 0);
}

void tst_OneRoster::linkHeaderNamesPages()
{
    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/users?limit=10&offset=20&filter=status%3D'active'"));
    QCOMPARE(reply.status, 200);
    const QByteArray link = reply.header("Link");
    QVERIFY2(link.contains("offset=0>; rel=\"first\""), link.constData());
    QVERIFY2(link.contains("offset=10>; rel=\"prev\""), link.constData());
    QVERIFY2(link.contains("offset=30>; rel=\"next\""), link.constData());
    QVERIFY2(link.contains("rel=\"last\""), link.constData());
    QVERIFY2(link.contains("filter="), link.constData());
    const qint64 total = reply.header("X-Total-Count").toLongLong();
    QVERIFY2(link.contains(QStringLiteral("offset=%1>; rel=\"last\"").arg(((total - 1) / 10) * 10).toLatin1()), link.constData());
}

void tst_OneRoster::linksFollowHostHeader_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("origin");
    QTest::newRow("name without port") << QByteArray("hub.example.org") << QByteArray("http://hub.example.org/");
    QTest::newRow("name with port") << QByteArray("hub.example.org:8443") << QByteArray("http://hub.example.org:8443/");
    QTest::newRow("IPv6 with port") << QByteArray("[::1]:8080") << QByteArray("http://[::1]:8080/");
    QTest::newRow("IPv6 without port") << QByteArray("[::1]") << QByteArray("http://[::1]/");
}

void tst_OneRoster::linksFollowHostHeader()
{
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, origin);
    const QByteArray response
        = readWithHost(m_allScopes, kV1p1 + QStringLiteral("/enrollments?limit=2&offset=2"), host);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.left(200).constData());
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = response.left(headEnd);
    const QByteArray body = response.mid(headEnd + 4);

    const qsizetype linkStart = head.toLower().indexOf("\r\nlink: ");
    QVERIFY2(linkStart >= 0, head.constData());
    const qsizetype linkEnd = head.indexOf("\r\n", linkStart + 2);
    const QByteArray link = head.mid(linkStart + 8, linkEnd < 0 ? -1 : linkEnd - linkStart - 8);
    for (const char *rel : {"first", "prev", "next", "last"}) {
        const QByteArray expected = '<' + origin + "ims/oneroster/v1p1/enrollments?limit=2&offset=";
        const QByteArray relation = QByteArray("rel=\"") + rel + '"';
        const qsizetype relAt = link.indexOf(relation);
        QVERIFY2(relAt >= 0, link.constData());
        const qsizetype start = link.lastIndexOf('<', relAt);
        QVERIFY2(link.mid(start).startsWith(expected), link.constData());
    }
    QVERIFY2(!link.contains(":0/"), link.constData());

    const QJsonArray enrollments
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("enrollments")).toArray();
    QCOMPARE(enrollments.size(), 2);
    const QString href = enrollments.first()
                             .toObject()
                             .value(QStringLiteral("user"))
                             .toObject()
                             .value(QStringLiteral("href"))
                             .toString();
    QVERIFY2(href.startsWith(QString::fromLatin1(origin) + QStringLiteral("ims/oneroster/v1p1/users/")),
             qPrintable(href));
}

void tst_OneRoster::filterSelectsRecords_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("sql");
    QTest::newRow("equals") << QStringLiteral("role='teacher'")
                            << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND role = 'teacher'");
    QTest::newRow("not equals") << QStringLiteral("role!='teacher'")
                                << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND role <> 'teacher'");
    QTest::newRow("and") << QStringLiteral("role='student' AND school.sourcedId='school-002'")
                         << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND role = 'student' AND school_sourced_id = 'school-002'");
    QTest::newRow("or") << QStringLiteral("school.sourcedId='school-001' OR school.sourcedId='school-003'")
                        << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND school_sourced_id IN ('school-001', 'school-003')");
    QTest::newRow("and binds tighter than or")
        << QStringLiteral("role='teacher' AND school.sourcedId='school-001' OR school.sourcedId='school-003'")
        << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND ((role = 'teacher' AND school_sourced_id = 'school-001') OR school_sourced_id = 'school-003')");
    QTest::newRow("contains") << QStringLiteral("class.sourcedId~'001'")
                              << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND class_sourced_id LIKE '%001%'");
    QTest::newRow("greater than") << QStringLiteral("user.sourcedId>'stu-000100'")
                                  << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND user_sourced_id > 'stu-000100'");
    QTest::newRow("boolean") << QStringLiteral("primary='false'")
                             << QStringLiteral("SELECT count(*) FROM enrollments WHERE district_id = ? AND is_primary = 0");
}

void tst_OneRoster::filterSelectsRecords()
{
    QFETCH(QString, filter);
    QFETCH(QString, sql);
    const qint64 expected = tableCount(sql, m_engine->districtId());
    QVERIFY(expected >= 0);
    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/enrollments?limit=1&filter=")
                                                 + QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), expected);
}

void tst_OneRoster::filterOnDateLastModified()
{
    QSqlQuery update(m_engine->store().connection());
    QVERIFY(update.exec(
        QStringLiteral("UPDATE orgs SET date_last_modified = '2026-01-05T00:00:00.000Z' "
                       "WHERE district_id = %1")
            .arg(m_engine->districtId())));
    QVERIFY(update.exec(QStringLiteral("UPDATE orgs SET date_last_modified = '2026-11-02T08:30:00.000Z' "
                                       "WHERE district_id = %1 AND sourced_id = 'school-002'").arg(m_engine->districtId())));
    QVERIFY(update.exec(QStringLiteral("UPDATE orgs SET date_last_modified = '2026-09-15T00:00:00.000Z' "
                                       "WHERE district_id = %1 AND sourced_id = 'school-003'").arg(m_engine->districtId())));
    const auto count = [this](const QString &filter) {
        const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/orgs?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter)));
        return reply.status == 200 ? reply.header("X-Total-Count").toLongLong() : -reply.status;
    };
    QCOMPARE(count(QStringLiteral("dateLastModified>'2026-10-01'")), 1);
    QCOMPARE(count(QStringLiteral("dateLastModified>='2026-09-15T00:00:00Z'")), 2);
    QCOMPARE(count(QStringLiteral("dateLastModified>'2026-09-15T00:00:00.000Z'")), 1);
    // The same instant written with an offset compares as the same date and time.
    QCOMPARE(count(QStringLiteral("dateLastModified>='2026-11-02T03:30:00-05:00'")), 1);
    QCOMPARE(count(QStringLiteral("dateLastModified>'2026-11-02T03:30:00-05:00'")), 0);
}

void tst_OneRoster::filterReadsPlusAsSpace()
{
    // curl --data-urlencode and HTML forms send a space as '+'.
    const QString filter = QStringLiteral("role='teacher' AND dateLastModified>'2020-01-01'");
    const QString formEncoded = QString::fromLatin1(QUrl::toPercentEncoding(filter))
                                    .replace(QStringLiteral("%20"), QStringLiteral("+"));
    QVERIFY(formEncoded.contains(QLatin1Char('+')));
    const ApiReply teachers = read(m_allScopes, kV1p1 + QStringLiteral("/teachers"));
    const qint64 teacherCount = teachers.header("X-Total-Count").toLongLong();
    QVERIFY(teacherCount > 0);

    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/users?filter=") + formEncoded
                                                 + QStringLiteral("&sort=familyName&limit=50"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), teacherCount);
    const QJsonArray users = reply.json[QStringLiteral("users")].toArray();
    QVERIFY(!users.isEmpty());
    for (const QJsonValue &user : users)
        QCOMPARE(user[QStringLiteral("role")].toString(), QStringLiteral("teacher"));
    // The Link header keeps the filter, so the next page reads the same way.
    QVERIFY2(reply.header("Link").contains("filter="), reply.header("Link").constData());

    // A '+' that belongs to the value is sent as %2B.
    const ApiReply plus = read(m_allScopes, kV1p1 + QStringLiteral("/users?filter=")
                                                + QStringLiteral("familyName%3D%27A%2BB%27"));
    QCOMPARE(plus.status, 200);
    QCOMPARE(plus.header("X-Total-Count").toLongLong(), 0);
    QCOMPARE(
        read(m_allScopes, kV1p1 + QStringLiteral("/users?fields=sourcedId,+familyName")).status,
        200);
}

void tst_OneRoster::usersCarryDateLastModified()
{
    // OneRoster 1.1 requires dateLastModified on every user; loaded districts carry their load
    // time.
    for (const QString &root : {kV1p1, kRoster12}) {
        const ApiReply reply = read(m_allScopes, root + QStringLiteral("/users?limit=1000"));
        QCOMPARE(reply.status, 200);
        const QJsonArray users = reply.json[QStringLiteral("users")].toArray();
        QVERIFY(!users.isEmpty());
        for (const QJsonValue &user : users) {
            const QString modified = user[QStringLiteral("dateLastModified")].toString();
            QVERIFY2(modified.endsWith(QLatin1Char('Z')),
                     qPrintable(user[QStringLiteral("sourcedId")].toString()));
            QVERIFY(QDateTime::fromString(modified, Qt::ISODateWithMs).isValid());
        }
    }
}

void tst_OneRoster::filterInjectionIsHarmless_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("total");
    QTest::newRow("quote in value") << QStringLiteral("familyName='O''Brien'") << 200
                                    << qint64(-2); // the count of users named O'Brien
    QTest::newRow("or 1=1 inside value") << QStringLiteral("familyName='x'' OR ''1''=''1'") << 200 << qint64(0);
    QTest::newRow("or 1=1 as clause") << QStringLiteral("familyName='x' OR 1=1") << 400 << qint64(-1);
    QTest::newRow("statement separator") << QStringLiteral("familyName='x'; DROP TABLE users; --'") << 400 << qint64(-1);
    QTest::newRow("comment") << QStringLiteral("familyName='x' -- ") << 400 << qint64(-1);
    QTest::newRow("unicode value") << QStringLiteral("familyName='Ñúñez 東京'") << 200 << qint64(0);
    QTest::newRow("like wildcard is literal") << QStringLiteral("familyName~'%'") << 200 << qint64(0);
    QTest::newRow("subquery as field") << QStringLiteral("(SELECT 1)='1'") << 400 << qint64(-1);
}

void tst_OneRoster::filterInjectionIsHarmless()
{
    QFETCH(QString, filter);
    QFETCH(int, status);
    QFETCH(qint64, total);
    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/users?filter=")
                                                 + QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    QCOMPARE(reply.status, status);
    if (total == -2)
        total = tableCount(QStringLiteral("SELECT count(*) FROM users WHERE district_id = ? AND "
                                          "family_name = 'O''Brien'"),
                           m_engine->districtId());
    if (status == 200)
        QCOMPARE(reply.header("X-Total-Count").toLongLong(), total);
    else
        QCOMPARE(::codeMinor(reply.json), QStringLiteral("invalid_filter_field"));
    QVERIFY(tableCount(QStringLiteral("SELECT count(*) FROM users WHERE district_id = ?"), m_engine->districtId()) > 0);
}

void tst_OneRoster::containsFoldsUnicodeCase_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("lower case") << QStringLiteral("ülvexa");
    QTest::newRow("upper case") << QStringLiteral("ÜLVEXA");
    QTest::newRow("mixed case") << QStringLiteral("üLvExA");
    QTest::newRow("upper case part") << QStringLiteral("ÜLVEX");
}

void tst_OneRoster::containsFoldsUnicodeCase()
{
    QFETCH(QString, value);

    // Two users of the district get names that differ from the filter value in the case of a
    // letter outside ASCII; they are renamed back at the end.
    QSqlQuery query(m_engine->store().connection());
    QVERIFY(query.prepare(QStringLiteral("SELECT sourced_id, family_name FROM users "
                                         "WHERE district_id = ? ORDER BY sourced_id")));
    query.addBindValue(m_engine->districtId());
    QVERIFY(query.exec());
    QList<QPair<QString, QString>> renamed;
    while (renamed.size() < 2 && query.next())
        renamed.append({query.value(0).toString(), query.value(1).toString()});
    QCOMPARE(renamed.size(), 2);
    const auto rename = [this](const QString &id, const QString &name) {
        QSqlQuery update(m_engine->store().connection());
        return update.prepare(QStringLiteral("UPDATE users SET family_name = ? "
                                             "WHERE district_id = ? AND sourced_id = ?"))
               && (update.addBindValue(name), update.addBindValue(m_engine->districtId()),
                   update.addBindValue(id), update.exec());
    };
    QVERIFY(rename(renamed.at(0).first, QStringLiteral("Ülvexa")));
    QVERIFY(rename(renamed.at(1).first, QStringLiteral("SCHÜLVEXA")));

    const ApiReply reply = read(m_allScopes,
                                kV1p1 + QStringLiteral("/users?filter=")
                                    + QString::fromLatin1(QUrl::toPercentEncoding(
                                        QStringLiteral("familyName~'%1'").arg(value))));
    for (const auto &[id, name] : renamed)
        QVERIFY(rename(id, name));

    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), qint64(2));
}

void tst_OneRoster::fieldsSelectsFields()
{
    const ApiReply reply = read(m_allScopes, kV1p1 + QStringLiteral("/users?limit=3&fields=sourcedId,givenName"));
    QCOMPARE(reply.status, 200);
    for (const QJsonValue &user : reply.json[QStringLiteral("users")].toArray()) {
        QStringList keys = user.toObject().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("givenName"), QStringLiteral("sourcedId")}));
    }
    const ApiReply single = read(m_allScopes, kRoster12 + QStringLiteral("/classes/%1?fields=title").arg(m_classId));
    QCOMPARE(single.status, 200);
    QCOMPARE(single.json[QStringLiteral("class")].toObject().keys(), QStringList{QStringLiteral("title")});
}

void tst_OneRoster::districtsNeverCross()
{
    const Credentials other = insertApplication(m_otherDistrict, hub::oneroster::scopeNames());
    const QByteArray token = requestToken(other.clientId, other.secret).json[QStringLiteral("access_token")].toString().toLatin1();
    QVERIFY(!token.isEmpty());
    const struct { QString path; QString table; } rows[] = {
        {kV1p1 + QStringLiteral("/users"), QStringLiteral("users")},
        {kV1p1 + QStringLiteral("/enrollments"), QStringLiteral("enrollments")},
        {kRoster12 + QStringLiteral("/orgs"), QStringLiteral("orgs")},
        {kRoster12 + QStringLiteral("/classes"), QStringLiteral("classes")},
        {kRoster12 + QStringLiteral("/demographics"), QStringLiteral("demographics")},
    };
    for (const auto &row : rows) {
        const qint64 own = tableCount(QStringLiteral("SELECT count(*) FROM %1 WHERE district_id = ?").arg(row.table), m_otherDistrict);
        const qint64 first = tableCount(QStringLiteral("SELECT count(*) FROM %1 WHERE district_id = ?").arg(row.table), m_engine->districtId());
        QVERIFY(own != first);
        const ApiReply reply = read(token, row.path);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("X-Total-Count").toLongLong(), own);
    }
    // The same sourced id names the other district's own record.
    const ApiReply school = read(token, kV1p1 + QStringLiteral("/schools/school-001/students?limit=1000"));
    QCOMPARE(school.status, 200);
    QCOMPARE(school.header("X-Total-Count").toLongLong(), 25);
    // The first district's class does not exist for it, as long as the ids differ.
    if (tableCount(QStringLiteral("SELECT count(*) FROM classes WHERE district_id = ? AND sourced_id = '%1'").arg(m_classId), m_otherDistrict) == 0)
        QCOMPARE(read(token, kV1p1 + QStringLiteral("/classes/%1").arg(m_classId)).status, 404);

    // A gradebook write of one district is invisible to the other.
    const QJsonObject category{{QStringLiteral("category"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Homework")}}}};
    QCOMPARE(send(token, "PUT", kV1p1 + QStringLiteral("/categories/cat-other"), category).status, 201);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/categories/cat-other")).status, 200);
    QCOMPARE(read(m_allScopes, kV1p1 + QStringLiteral("/categories/cat-other")).status, 404);
    QCOMPARE(send(m_allScopes, "DELETE", kV1p1 + QStringLiteral("/categories/cat-other"), {}).status, 404);
    QCOMPARE(read(token, kV1p1 + QStringLiteral("/categories/cat-other")).status, 200);
}

void tst_OneRoster::filterCannotWidenDistrict()
{
    const Credentials other = insertApplication(m_otherDistrict, {QStringLiteral("roster-core.readonly")});
    const QByteArray token = requestToken(other.clientId, other.secret).json[QStringLiteral("access_token")].toString().toLatin1();
    const qint64 own = tableCount(QStringLiteral("SELECT count(*) FROM users WHERE district_id = ?"), m_otherDistrict);
    const QString filters[] = {
        QStringLiteral("status='active' OR status!='active'"),
        QStringLiteral("sourcedId~'' OR sourcedId='x'"),
        QStringLiteral("givenName!='' OR givenName=''"),
    };
    for (const QString &filter : filters) {
        const ApiReply reply = read(token, kV1p1 + QStringLiteral("/users?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter)));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.header("X-Total-Count").toLongLong() <= own, qPrintable(filter));
    }
}

void tst_OneRoster::gradebookRoundTrip_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("1.1") << kV1p1 << QStringLiteral("11");
    QTest::newRow("1.2") << kGradebook12 << QStringLiteral("12");
}

void tst_OneRoster::gradebookRoundTrip()
{
    QFETCH(QString, root);
    QFETCH(QString, suffix);
    const QString categoryId = QStringLiteral("cat-") + suffix;
    const QString lineItemId = QStringLiteral("li-") + suffix;
    const QString resultId = QStringLiteral("res-") + suffix;

    const QJsonObject category{{QStringLiteral("category"), QJsonObject{{QStringLiteral("sourcedId"), categoryId},
                                                                        {QStringLiteral("title"), QStringLiteral("Quizzes")},
                                                                        {QStringLiteral("status"), QStringLiteral("active")}}}};
    QCOMPARE(send(m_allScopes, "PUT", root + QStringLiteral("/categories/") + categoryId, category).status, 201);
    ApiReply reply = send(m_allScopes, "PUT", root + QStringLiteral("/categories/") + categoryId, category);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("category")][QStringLiteral("title")].toString(), QStringLiteral("Quizzes"));

    const QJsonObject lineItem{{QStringLiteral("lineItem"), QJsonObject{
        {QStringLiteral("title"), QStringLiteral("Quiz 1")},
        {QStringLiteral("assignDate"), QStringLiteral("2026-09-01T00:00:00.000Z")},
        {QStringLiteral("dueDate"), QStringLiteral("2026-09-08T00:00:00.000Z")},
        {QStringLiteral("class"), QJsonObject{{QStringLiteral("sourcedId"), m_classId}, {QStringLiteral("type"), QStringLiteral("class")}}},
        {QStringLiteral("category"), QJsonObject{{QStringLiteral("sourcedId"), categoryId}}},
        {QStringLiteral("resultValueMin"), 0},
        {QStringLiteral("resultValueMax"), 100}}}};
    reply = send(m_allScopes, "PUT", root + QStringLiteral("/lineItems/") + lineItemId, lineItem);
    QVERIFY2(reply.status == 201, reply.body.constData());
    QCOMPARE(reply.json[QStringLiteral("lineItem")][QStringLiteral("class")][QStringLiteral("sourcedId")].toString(), m_classId);
    QVERIFY(!reply.json[QStringLiteral("lineItem")][QStringLiteral("dateLastModified")].toString().isEmpty());

    QJsonObject resultBody{{QStringLiteral("lineItem"), QJsonObject{{QStringLiteral("sourcedId"), lineItemId}}},
                           {QStringLiteral("student"), QJsonObject{{QStringLiteral("sourcedId"), m_studentId}}},
                           {QStringLiteral("scoreStatus"), QStringLiteral("fully graded")},
                           {QStringLiteral("score"), 120.5},
                           {QStringLiteral("scoreDate"), QStringLiteral("2026-09-09")},
                           {QStringLiteral("comment"), QStringLiteral("Extra credit")}};
    reply = send(m_allScopes, "PUT", root + QStringLiteral("/results/") + resultId, QJsonObject{{QStringLiteral("result"), resultBody}});
    QVERIFY2(reply.status == 201, reply.body.constData());
    reply = read(m_allScopes, root + QStringLiteral("/results/") + resultId);
    QCOMPARE(reply.status, 200);
    // Kept as sent, above the line item's maximum.
    QCOMPARE(reply.json[QStringLiteral("result")][QStringLiteral("score")].toDouble(), 120.5);
    QCOMPARE(reply.json[QStringLiteral("result")][QStringLiteral("scoreStatus")].toString(), QStringLiteral("fully graded"));

    resultBody.insert(QStringLiteral("scoreStatus"), QStringLiteral("exempt"));
    resultBody.remove(QStringLiteral("score"));
    reply = send(m_allScopes, "PUT", root + QStringLiteral("/results/") + resultId, QJsonObject{{QStringLiteral("result"), resultBody}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("result")][QStringLiteral("scoreStatus")].toString(), QStringLiteral("exempt"));
    QVERIFY(!reply.json[QStringLiteral("result")].toObject().contains(QStringLiteral("score")));

    reply = read(m_allScopes, root + QStringLiteral("/classes/%1/lineItems/%2/results").arg(m_classId, lineItemId));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("results")].toArray().size(), 1);
    reply = read(m_allScopes, root + QStringLiteral("/classes/%1/students/%2/results").arg(m_classId, m_studentId));
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), 1);

    QCOMPARE(send(m_allScopes, "DELETE", root + QStringLiteral("/results/") + resultId, {}).status, 204);
    QCOMPARE(read(m_allScopes, root + QStringLiteral("/results/") + resultId).status, 404);
    reply = read(m_allScopes, root + QStringLiteral("/results?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("sourcedId='%1'").arg(resultId))));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), 0);
    QCOMPARE(send(m_allScopes, "DELETE", root + QStringLiteral("/results/") + resultId, {}).status, 404);
    QCOMPARE(send(m_allScopes, "DELETE", root + QStringLiteral("/lineItems/") + lineItemId, {}).status, 204);
    QCOMPARE(send(m_allScopes, "DELETE", root + QStringLiteral("/categories/") + categoryId, {}).status, 204);
}

void tst_OneRoster::gradebookWriteValidation()
{
    const QByteArray readOnly = tokenFor({QStringLiteral("gradebook.readonly")});
    const QJsonObject category{{QStringLiteral("category"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Labs")}}}};
    ApiReply reply = send(readOnly, "PUT", kGradebook12 + QStringLiteral("/categories/cat-ro"), category);
    QCOMPARE(reply.status, 403);
    QCOMPARE(send(readOnly, "DELETE", kGradebook12 + QStringLiteral("/categories/cat-ro"), {}).status, 403);

    const auto put = [this](const QString &path, const QJsonObject &body) {
        return send(m_allScopes, "PUT", kGradebook12 + path, body);
    };
    reply = put(QStringLiteral("/categories/c1"), QJsonObject{{QStringLiteral("category"), QJsonObject{}}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(::codeMinor(reply.json), QStringLiteral("invaliddata"));
    QCOMPARE(put(QStringLiteral("/categories/c1"), QJsonObject{{QStringLiteral("wrong"), QJsonObject{}}}).status, 400);
    QCOMPARE(put(QStringLiteral("/categories/c1"), QJsonObject{{QStringLiteral("category"), QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("c2")}, {QStringLiteral("title"), QStringLiteral("T")}}}}).status, 400);
    QCOMPARE(put(QStringLiteral("/categories/c1"), QJsonObject{{QStringLiteral("category"), QJsonObject{{QStringLiteral("title"), QStringLiteral("T")}, {QStringLiteral("status"), QStringLiteral("gone")}}}}).status, 400);
    QCOMPARE(put(QStringLiteral("/lineItems/l1"), QJsonObject{{QStringLiteral("lineItem"), QJsonObject{{QStringLiteral("title"), QStringLiteral("T")}, {QStringLiteral("class"), QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("no-such-class")}}}}}}).status, 400);
    reply = put(QStringLiteral("/results/r1"), QJsonObject{{QStringLiteral("result"), QJsonObject{{QStringLiteral("lineItem"), QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("none")}}}, {QStringLiteral("student"), QJsonObject{{QStringLiteral("sourcedId"), m_studentId}}}, {QStringLiteral("scoreStatus"), QStringLiteral("fully graded")}}}});
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json[QStringLiteral("imsx_description")].toString().contains(QLatin1String("none")));
    QCOMPARE(put(QStringLiteral("/results/r1"), QJsonObject{{QStringLiteral("result"), QJsonObject{{QStringLiteral("scoreStatus"), QStringLiteral("graded")}}}}).status, 400);
    QCOMPARE(send(m_allScopes, "PUT", kGradebook12 + QStringLiteral("/categories/c1"), {}).status, 400);
    QCOMPARE(read(m_allScopes, kGradebook12 + QStringLiteral("/categories/c1")).status, 404);
}

void tst_OneRoster::gradebookWriteListsEveryProblem_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("codeMinor");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("1.1") << kV1p1 << QStringLiteral("invalid data") << QStringLiteral("11");
    QTest::newRow("1.2") << kGradebook12 << QStringLiteral("invaliddata") << QStringLiteral("12");
}

void tst_OneRoster::gradebookWriteListsEveryProblem()
{
    QFETCH(QString, root);
    QFETCH(QString, codeMinor);
    QFETCH(QString, suffix);
    const QString categoryId = QStringLiteral("checked-cat-") + suffix;
    const QString lineItemId = QStringLiteral("checked-li-") + suffix;
    const QJsonObject classRef{{QStringLiteral("sourcedId"), m_classId}};
    const QJsonObject categoryRef{{QStringLiteral("sourcedId"), categoryId}};
    const auto put = [&](const QString &path, const QString &wrapper, const QJsonObject &object) {
        return send(m_allScopes, "PUT", root + path, QJsonObject{{wrapper, object}});
    };
    const auto description = [](const ApiReply &reply) {
        return reply.json[QStringLiteral("imsx_description")].toString();
    };

    // A category without a title and with an unknown status: both are named.
    ApiReply reply = put(QStringLiteral("/categories/") + categoryId, QStringLiteral("category"),
                         QJsonObject{{QStringLiteral("status"), QStringLiteral("gone")}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(::codeMinor(reply.json), codeMinor);
    QVERIFY2(description(reply).startsWith(QStringLiteral("The category has 2 invalid fields.")),
             qPrintable(description(reply)));
    QVERIFY2(description(reply).contains(QStringLiteral("title: is required but missing.")),
             qPrintable(description(reply)));
    QVERIFY2(description(reply).contains(QStringLiteral("status: must be active or tobedeleted.")),
             qPrintable(description(reply)));
    reply = put(QStringLiteral("/categories/") + categoryId, QStringLiteral("category"),
                QJsonObject{{QStringLiteral("title"), QStringLiteral("Tests")}});
    QCOMPARE(reply.status, 201);

    // A line item due before it is assigned, with its minimum above its maximum and no title.
    QJsonObject lineItem{{QStringLiteral("assignDate"), QStringLiteral("2026-09-08T00:00:00.000Z")},
                         {QStringLiteral("dueDate"), QStringLiteral("2026-09-01T00:00:00.000Z")},
                         {QStringLiteral("class"), classRef},
                         {QStringLiteral("category"), categoryRef},
                         {QStringLiteral("resultValueMin"), 10},
                         {QStringLiteral("resultValueMax"), 5}};
    reply = put(QStringLiteral("/lineItems/") + lineItemId, QStringLiteral("lineItem"), lineItem);
    QCOMPARE(reply.status, 400);
    QCOMPARE(::codeMinor(reply.json), codeMinor);
    const QString lineItemProblems = description(reply);
    QVERIFY2(lineItemProblems.startsWith(QStringLiteral("The lineItem has 3 invalid fields.")),
             qPrintable(lineItemProblems));
    QVERIFY2(lineItemProblems.contains(QStringLiteral("title: is required but missing.")),
             qPrintable(lineItemProblems));
    QVERIFY2(lineItemProblems.contains(
                 QStringLiteral("dueDate: 2026-09-01T00:00:00.000Z is before the assignDate "
                                "2026-09-08T00:00:00.000Z")),
             qPrintable(lineItemProblems));
    QVERIFY2(lineItemProblems.contains(QStringLiteral("resultValueMin: 10 is above the "
                                                      "resultValueMax 5")),
             qPrintable(lineItemProblems));
    QCOMPARE(read(m_allScopes, root + QStringLiteral("/lineItems/") + lineItemId).status, 404);

    lineItem.insert(QStringLiteral("title"), QStringLiteral("Unit test"));
    lineItem.insert(QStringLiteral("dueDate"), QStringLiteral("2026-09-08T00:00:00.000Z"));
    lineItem.insert(QStringLiteral("resultValueMin"), 0);
    lineItem.insert(QStringLiteral("resultValueMax"), 100);
    reply = put(QStringLiteral("/lineItems/") + lineItemId, QStringLiteral("lineItem"), lineItem);
    QVERIFY2(reply.status == 201, reply.body.constData());

    // A negative score for a teacher: both problems in one response.
    const QString resultId = QStringLiteral("checked-res-") + suffix;
    QJsonObject result{
        {QStringLiteral("lineItem"), QJsonObject{{QStringLiteral("sourcedId"), lineItemId}}},
        {QStringLiteral("student"), QJsonObject{{QStringLiteral("sourcedId"), m_teacherId}}},
        {QStringLiteral("scoreStatus"), QStringLiteral("fully graded")},
        {QStringLiteral("score"), -5}};
    reply = put(QStringLiteral("/results/") + resultId, QStringLiteral("result"), result);
    QCOMPARE(reply.status, 400);
    QCOMPARE(::codeMinor(reply.json), codeMinor);
    const QString resultProblems = description(reply);
    QVERIFY2(resultProblems.startsWith(QStringLiteral("The result has 2 invalid fields.")),
             qPrintable(resultProblems));
    QVERIFY2(resultProblems.contains(
                 QStringLiteral("student: The user \"%1\" is not a student").arg(m_teacherId)),
             qPrintable(resultProblems));
    QVERIFY2(resultProblems.contains(QStringLiteral("score: -5 is below the line item's minimum "
                                                    "0.")),
             qPrintable(resultProblems));
    QCOMPARE(read(m_allScopes, root + QStringLiteral("/results/") + resultId).status, 404);

    // A score above the maximum is kept as sent.
    result.insert(QStringLiteral("student"),
                  QJsonObject{{QStringLiteral("sourcedId"), m_studentId}});
    result.insert(QStringLiteral("score"), 130);
    reply = put(QStringLiteral("/results/") + resultId, QStringLiteral("result"), result);
    QVERIFY2(reply.status == 201, reply.body.constData());
    QCOMPARE(reply.json[QStringLiteral("result")][QStringLiteral("score")].toDouble(), 130.0);

    QCOMPARE(send(m_allScopes, "DELETE", root + QStringLiteral("/results/") + resultId, {}).status,
             204);
    QCOMPARE(
        send(m_allScopes, "DELETE", root + QStringLiteral("/lineItems/") + lineItemId, {}).status,
        204);
    QCOMPARE(
        send(m_allScopes, "DELETE", root + QStringLiteral("/categories/") + categoryId, {}).status,
        204);
}

void tst_OneRoster::gradebookPostListsEveryProblem()
{
    const QJsonObject body{
        {QStringLiteral("lineItems"),
         QJsonArray{
             QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("bad-li-1")},
                         {QStringLiteral("title"), QStringLiteral("Essay")},
                         {QStringLiteral("assignDate"), QStringLiteral("2026-10-02T00:00:00.000Z")},
                         {QStringLiteral("dueDate"), QStringLiteral("2026-10-01T00:00:00.000Z")}},
             QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("good-li-2")},
                         {QStringLiteral("title"), QStringLiteral("Project")}},
             QJsonObject{{QStringLiteral("title"), QStringLiteral("Lab")},
                         {QStringLiteral("resultValueMin"), 3},
                         {QStringLiteral("resultValueMax"), 1}}}}};
    const ApiReply reply
        = send(m_allScopes, "POST",
               kGradebook12 + QStringLiteral("/classes/%1/lineItems").arg(m_classId), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(::codeMinor(reply.json), QStringLiteral("invaliddata"));
    const QString problems = reply.json[QStringLiteral("imsx_description")].toString();
    QVERIFY2(problems.startsWith(QStringLiteral("The lineItem has 3 invalid fields.")),
             qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("lineItems[0].dueDate: ")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("lineItems[2].sourcedId: is required but missing.")),
             qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("lineItems[2].resultValueMin: 3 is above")),
             qPrintable(problems));
    // Nothing of the request was stored, not even its valid line item.
    QCOMPARE(read(m_allScopes, kGradebook12 + QStringLiteral("/lineItems/good-li-2")).status, 404);
}

void tst_OneRoster::gradebookPostCreatesLineItems()
{
    const QJsonObject body{{QStringLiteral("lineItems"), QJsonArray{
        QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("post-li-1")}, {QStringLiteral("title"), QStringLiteral("Essay")}},
        QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("post-li-2")}, {QStringLiteral("title"), QStringLiteral("Project")}}}}};
    ApiReply reply = send(m_allScopes, "POST", kGradebook12 + QStringLiteral("/classes/%1/lineItems").arg(m_classId), body);
    QVERIFY2(reply.status == 201, reply.body.constData());
    const QJsonArray pairs = reply.json[QStringLiteral("sourcedIdPairs")].toArray();
    QCOMPARE(pairs.size(), 2);
    QCOMPARE(pairs.at(0)[QStringLiteral("suppliedSourcedId")].toString(), QStringLiteral("post-li-1"));
    reply = read(m_allScopes, kGradebook12 + QStringLiteral("/classes/%1/lineItems").arg(m_classId));
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), 2);

    const QJsonObject results{{QStringLiteral("results"), QJsonArray{
        QJsonObject{{QStringLiteral("sourcedId"), QStringLiteral("post-r-1")},
                    {QStringLiteral("student"), QJsonObject{{QStringLiteral("sourcedId"), m_studentId}}},
                    {QStringLiteral("scoreStatus"), QStringLiteral("submitted")}}}}};
    reply = send(m_allScopes, "POST", kGradebook12 + QStringLiteral("/lineItems/post-li-1/results"), results);
    QVERIFY2(reply.status == 201, reply.body.constData());
    reply = read(m_allScopes, kGradebook12 + QStringLiteral("/results/post-r-1"));
    QCOMPARE(reply.json[QStringLiteral("result")][QStringLiteral("lineItem")][QStringLiteral("sourcedId")].toString(), QStringLiteral("post-li-1"));
    QCOMPARE(send(m_allScopes, "POST", kGradebook12 + QStringLiteral("/lineItems/none/results"), results).status, 404);
    // 1.1 has no POST.
    QCOMPARE(send(m_allScopes, "POST", kV1p1 + QStringLiteral("/classes/%1/lineItems").arg(m_classId), body).status, 405);
}

void tst_OneRoster::resourcesAreRead()
{
    QSqlQuery insert(m_engine->store().connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO oneroster_resources(district_id, sourced_id, title, roles, "
                                       "vendor_resource_id, class_sourced_ids, course_sourced_ids) VALUES "
                                       "(%1, 'res-1', 'Algebra Videos', '[\"student\"]', 'v-1', '[\"%2\"]', '[]')")
                            .arg(m_engine->districtId()).arg(m_classId)));
    ApiReply reply = read(m_allScopes, kResources12 + QStringLiteral("/classes/%1/resources").arg(m_classId));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("resources")].toArray().size(), 1);
    QCOMPARE(reply.json[QStringLiteral("resources")][0][QStringLiteral("vendorResourceId")].toString(), QStringLiteral("v-1"));
    reply = read(m_allScopes, kV1p1 + QStringLiteral("/resources/res-1"));
    QCOMPARE(reply.json[QStringLiteral("resource")][QStringLiteral("roles")].toArray(), QJsonArray{QStringLiteral("student")});
    reply = read(m_allScopes, kV1p1 + QStringLiteral("/courses/%1/resources").arg(m_courseId));
    QCOMPARE(reply.header("X-Total-Count").toLongLong(), 0);
}

void tst_OneRoster::discoveryDocumentsListRoutes_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("scope");
    QTest::newRow("1.1") << kV1p1 << QStringLiteral("/classes/{id}/students") << QStringLiteral("get")
                         << scopeUri("v1p1", "roster.readonly");
    QTest::newRow("1.2 rostering") << kRoster12 << QStringLiteral("/users") << QStringLiteral("get")
                                   << scopeUri("v1p2", "roster-core.readonly");
    QTest::newRow("1.2 gradebook") << kGradebook12 << QStringLiteral("/results/{id}") << QStringLiteral("delete")
                                   << scopeUri("v1p2", "gradebook.delete");
    QTest::newRow("1.2 resources") << kResources12 << QStringLiteral("/resources") << QStringLiteral("get")
                                   << scopeUri("v1p2", "resource.readonly");
}

void tst_OneRoster::discoveryDocumentsListRoutes()
{
    QFETCH(QString, root);
    QFETCH(QString, path);
    QFETCH(QString, method);
    QFETCH(QString, scope);
    const ApiReply reply = read({}, root + QStringLiteral("/discovery"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("openapi")].toString(), QStringLiteral("3.0.3"));
    QCOMPARE(reply.json[QStringLiteral("servers")][0][QStringLiteral("url")].toString(), m_engine->baseUrl().toString() + root);
    const QJsonObject operation = reply.json[QStringLiteral("paths")][path][method].toObject();
    QVERIFY2(!operation.isEmpty(), reply.body.left(300).constData());
    QVERIFY(operation[QStringLiteral("security")][0][QStringLiteral("OAuth2CC")].toArray().contains(scope));
    QCOMPARE(reply.json[QStringLiteral("components")][QStringLiteral("securitySchemes")][QStringLiteral("OAuth2CC")]
                       [QStringLiteral("flows")][QStringLiteral("clientCredentials")][QStringLiteral("tokenUrl")].toString(),
             m_engine->baseUrl().toString() + QStringLiteral("/oauth/token"));
    // Each document lists its own service only.
    const QJsonObject paths = reply.json[QStringLiteral("paths")].toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it)
        QVERIFY2(!it.key().startsWith(QLatin1String("/ims")), qPrintable(it.key()));
    if (root == kRoster12)
        QVERIFY(!paths.contains(QStringLiteral("/lineItems")));
}

void tst_OneRoster::activityIsCountedPerHour()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")}, QStringLiteral("Counted App"));
    const QByteArray token = requestToken(app.clientId, app.secret).json[QStringLiteral("access_token")].toString().toLatin1();
    qint64 bytes = 0;
    for (int i = 0; i < 3; ++i)
        bytes += read(token, kV1p1 + QStringLiteral("/orgs")).body.size();
    bytes += read(token, kV1p1 + QStringLiteral("/orgs/none")).body.size();
    m_engine->oneRoster().flushActivity();

    const ApiReply reply = m_admin->get(QStringLiteral("/api/v1/oneroster/activity"));
    QCOMPARE(reply.status, 200);
    QJsonObject line;
    for (const QJsonValue &entry : reply.json[QStringLiteral("activity")].toArray()) {
        if (entry[QStringLiteral("applicationId")].toInteger() == app.id)
            line = entry.toObject();
    }
    QCOMPARE(line[QStringLiteral("requests")].toInteger(), 4);
    QCOMPARE(line[QStringLiteral("errors")].toInteger(), 1);
    QCOMPARE(line[QStringLiteral("bytes")].toInteger(), bytes);
    QVERIFY(line[QStringLiteral("hourStart")].toString().endsWith(QLatin1String(":00:00.000Z")));
    QCOMPARE(m_admin->get(QStringLiteral("/api/v1/oneroster/activity?from=bad")).status, 400);
}

// Sends a token request from sourceAddress, a loopback address other than the engine's, and
// returns the raw response, or an empty array when none arrived within 10 seconds.
QByteArray tst_OneRoster::tokenResponseFrom(const QString &sourceAddress, const QString &clientId,
                                            const QString &secret)
{
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(sourceAddress))) {
        qWarning("Cannot bind to %s: %s", qPrintable(sourceAddress),
                 qPrintable(socket.errorString()));
        return {};
    }
    const QByteArray body = "grant_type=client_credentials";
    const QByteArray pair
        = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret);
    const QByteArray credentials = pair.toBase64();
    QByteArray response;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { response += socket.readAll(); });
    connect(&socket, &QTcpSocket::connected, this, [&] {
        socket.write("POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n"
                     "Authorization: Basic "
                     + credentials + "\r\nContent-Length: " + QByteArray::number(body.size())
                     + "\r\nConnection: close\r\n\r\n" + body);
    });
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_engine->baseUrl().port()));
    // The server may keep the connection open, so the response ends after its Content-Length.
    const auto complete = [&] {
        const qsizetype headerEnd = response.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return socket.state() == QAbstractSocket::UnconnectedState;
        const QByteArray headers = response.left(headerEnd).toLower();
        const qsizetype at = headers.indexOf("content-length:");
        if (at < 0)
            return socket.state() == QAbstractSocket::UnconnectedState;
        const qsizetype lineEnd = headers.indexOf("\r\n", at);
        const qint64 length
            = headers.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
        return response.size() - headerEnd - 4 >= length;
    };
    QTest::qWaitFor(complete, 10000);
    socket.abort();
    return response;
}

void tst_OneRoster::failedTokenRequestsAreLimited()
{
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    const QString attacker = QStringLiteral("127.0.0.2");
    for (int i = 0; i < 10; ++i) {
        const QByteArray failed
            = tokenResponseFrom(attacker, app.clientId, QStringLiteral("wrong-%1").arg(i));
        QVERIFY2(failed.startsWith("HTTP/1.1 401"), failed.constData());
    }
    // The right secret waits out the window too, so guessing gains nothing.
    const QByteArray blocked = tokenResponseFrom(attacker, app.clientId, app.secret);
    QVERIFY2(blocked.startsWith("HTTP/1.1 429"), blocked.constData());
    QVERIFY2(blocked.contains("\r\nRetry-After: "), blocked.constData());
    QVERIFY2(blocked.contains("from this address"), blocked.constData());

    // The vendor, at another address, still gets tokens for the same client id.
    const ApiReply vendor = requestToken(app.clientId, app.secret);
    QCOMPARE(vendor.status, 200);
    QVERIFY(!vendor.json[QStringLiteral("access_token")].toString().isEmpty());
    // So does another address that sends the right secret.
    QVERIFY(tokenResponseFrom(QStringLiteral("127.0.0.3"), app.clientId, app.secret)
                .startsWith("HTTP/1.1 200"));
}

void tst_OneRoster::clientCeilingStopsSpreadGuessing()
{
    // Ten addresses that each stay under their own limit together reach the client's ceiling
    // of 100 failures. Then every address waits, the vendor's too.
    const Credentials app = createApplication({QStringLiteral("roster-core.readonly")});
    for (int address = 10; address < 20; ++address) {
        const QString source = QStringLiteral("127.0.1.%1").arg(address);
        for (int i = 0; i < 10; ++i) {
            const QByteArray failed
                = tokenResponseFrom(source, app.clientId, QStringLiteral("wrong-%1").arg(i));
            QVERIFY2(failed.startsWith("HTTP/1.1 401"), failed.constData());
        }
    }
    const ApiReply blocked = requestToken(app.clientId, app.secret);
    QCOMPARE(blocked.status, 429);
    QVERIFY(blocked.header("Retry-After").toInt() > 0);
    QVERIFY(blocked.json[QStringLiteral("error_description")].toString().contains(
        QStringLiteral("for this client")));
    // Other clients are not affected.
    const Credentials other = createApplication({QStringLiteral("roster-core.readonly")});
    QCOMPARE(requestToken(other.clientId, other.secret).status, 200);
}

QTEST_GUILESS_MAIN(tst_OneRoster)
#include "tst_oneroster.moc"
