// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Run notifications through a real SMTP server with STARTTLS (testsmtpserver.h, certificate
// made by openssl) and a webhook receiver, both on 127.0.0.1 in this process.

#include "apitestclient.h"
#include "testdatabase.h"
#include "testsmtpserver.h"

#include "core/timeutil.h"
#include "engine.h"
#include "notify/notifier.h"
#include "notify/smtpclient.h"
#include "runs/workerpool.h"
#include "store/store.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;
using hubtest::TestSmtpServer;

namespace {

constexpr int kDeliveryTimeoutMs = 20000;
const QString kPassword = QStringLiteral("s3cret-pass");
const QByteArray kSigningKey = "webhook-signing-key";

} // namespace

class tst_Notifications final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void dotStuffingDoublesLeadingDots();
    void nonAsciiBodyIsBase64WithoutEightBit();
    void settingsValidation_data();
    void settingsValidation();
    void settingsHideSecrets();
    void sendTestReachesBothChannels();
    void testWithoutChannelConflicts();
    void failureNotifiedOnceAcrossRetries();
    void eachNewFailureNotifies();
    void longRunNotifiedOnce();
    void integrationSettingsMuteEvents();
    void integrationSettingsValidation();
    void unknownSettingsKeysRejected();
    void authLoginWorks();
    void wrongPasswordFailsAfterRetries();
    void missingStartTlsFails();
    void webhookErrorFailsAfterRetries();
    void dailySummarySentOnce();
    void leasedNotificationIsLeftAlone();
    void expiredLeaseNotifiedOnce();
    // Restarts the engine, so it runs last.
    void runCutOffByStopNotifies();

private:
    QJsonObject settings(bool email = true, bool webhook = true) const;
    qint64 integrationNamed(const QString &text);
    qint64 insertRun(qint64 integrationId, int status, const QDateTime &start, int seconds,
                     qint64 retryOf = 0);
    int failureNotificationsOf(qint64 runId);
    // Inserts a run of integrationId that worker was running when its lease expired.
    qint64 insertExpiredRun(qint64 integrationId, const QString &worker);
    QList<QJsonObject> notifications(const QString &event = {});
    QJsonObject notification(qint64 id);
    qint64 queueTest(const QString &channel);
    QStringList webhookEvents() const;

    QTemporaryDir m_dataDir;
    hubtest::TestCertificate m_certificate;
    std::unique_ptr<TestSmtpServer> m_smtp;
    QHttpServer m_webhook;
    quint16 m_webhookPort = 0;
    int m_webhookStatus = 200;
    QList<QPair<QByteArray, QByteArray>> m_webhookBodies; // body, signature
    hub::EngineOptions m_options;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    const QByteArray m_token = "notifications-token-0123456789";
};

QJsonObject tst_Notifications::settings(bool email, bool webhook) const
{
    return QJsonObject{
        {QStringLiteral("events"), QJsonObject{{QStringLiteral("failure"), true},
                                               {QStringLiteral("recovery"), true},
                                               {QStringLiteral("longRun"), true}}},
        {QStringLiteral("email"),
         QJsonObject{{QStringLiteral("enabled"), email},
                     {QStringLiteral("recipients"), QJsonArray{QStringLiteral("coordinator@district.test")}},
                     {QStringLiteral("from"), QStringLiteral("hub@district.test")},
                     {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                     {QStringLiteral("port"), int(m_smtp->serverPort())},
                     {QStringLiteral("security"), QStringLiteral("starttls")},
                     {QStringLiteral("username"), QStringLiteral("hub")},
                     {QStringLiteral("password"), kPassword}}},
        {QStringLiteral("webhook"),
         QJsonObject{{QStringLiteral("enabled"), webhook},
                     {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hook").arg(m_webhookPort)},
                     {QStringLiteral("signingKey"), QString::fromLatin1(kSigningKey)}}},
    };
}

qint64 tst_Notifications::integrationNamed(const QString &text)
{
    const QJsonArray integrations
        = m_api->get(QStringLiteral("/api/v1/integrations")).json[QStringLiteral("integrations")].toArray();
    for (const QJsonValue &integration : integrations) {
        if (integration[QStringLiteral("displayName")].toString().contains(text))
            return integration[QStringLiteral("id")].toInteger();
    }
    return 0;
}

qint64 tst_Notifications::insertRun(qint64 integrationId, int status, const QDateTime &start,
                                    int seconds, qint64 retryOf)
{
    auto inserted = hub::execute(
        m_engine->store().connection(),
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "started_at, ended_at, message, retry_of) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {integrationId, retryOf > 0 ? QStringLiteral("retry") : QStringLiteral("schedule"), status,
         hub::toIsoUtc(start), hub::toIsoUtc(start), hub::toIsoUtc(start.addSecs(seconds)),
         status == 9 ? QStringLiteral("The destination folder was not writable.") : QString(),
         retryOf > 0 ? QVariant(retryOf) : QVariant()});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

int tst_Notifications::failureNotificationsOf(qint64 runId)
{
    int count = 0;
    for (const QJsonObject &entry : notifications(QStringLiteral("failure")))
        count += entry[QStringLiteral("runId")].toInteger() == runId ? 1 : 0;
    return count;
}

qint64 tst_Notifications::insertExpiredRun(qint64 integrationId, const QString &worker)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto inserted = hub::execute(
        m_engine->store().connection(),
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "started_at, worker, lease_expires_at) VALUES (1, ?, 'manual', 1, ?, ?, ?, "
                       "?)"),
        {integrationId, hub::toIsoUtc(now.addSecs(-120)), hub::toIsoUtc(now.addSecs(-120)), worker,
         hub::toIsoUtc(now.addSecs(-5))});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

QList<QJsonObject> tst_Notifications::notifications(const QString &event)
{
    QList<QJsonObject> result;
    const QJsonArray all = m_api->get(QStringLiteral("/api/v1/notifications?limit=500"))
                               .json[QStringLiteral("notifications")]
                               .toArray();
    for (const QJsonValue &entry : all) {
        if (event.isEmpty() || entry[QStringLiteral("event")].toString() == event)
            result.append(entry.toObject());
    }
    return result;
}

QJsonObject tst_Notifications::notification(qint64 id)
{
    const QList<QJsonObject> all = notifications();
    for (const QJsonObject &entry : all) {
        if (entry[QStringLiteral("id")].toInteger() == id)
            return entry;
    }
    return {};
}

qint64 tst_Notifications::queueTest(const QString &channel)
{
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/notifications/test"),
                                       QJsonObject{{QStringLiteral("channel"), channel}});
    if (reply.status != 202)
        return 0;
    return reply.json[QStringLiteral("notifications")].toArray().first().toInteger();
}

QStringList tst_Notifications::webhookEvents() const
{
    QStringList events;
    for (const auto &[body, signature] : m_webhookBodies)
        events.append(QJsonDocument::fromJson(body).object()[QStringLiteral("event")].toString());
    return events;
}

void tst_Notifications::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    m_certificate = hubtest::TestCertificate::create(m_dataDir.path());
    QVERIFY2(m_certificate.error.isEmpty(), qPrintable(m_certificate.error));
    // The engine runs in this process, so its SMTP client trusts the test certificate too.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_certificate.certificate);
    QSslConfiguration::setDefaultConfiguration(tls);

    m_smtp = std::make_unique<TestSmtpServer>(m_certificate);
    QVERIFY(m_smtp->isListening());
    m_webhook.route(QStringLiteral("/hook"), [this](const QHttpServerRequest &request) {
        m_webhookBodies.append({request.body(), request.value("X-Hubdesk-Signature")});
        return QHttpServerResponse(QHttpServerResponder::StatusCode(m_webhookStatus));
    });
    m_webhookPort = m_webhook.listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_webhookPort != 0);

    m_options.dataDir = m_dataDir.path() + QStringLiteral("/engine");
    m_options.database
        = hubtest::testDatabase(QDir(m_options.dataDir).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!m_options.database.isEmpty());
    m_options.adminToken = m_token;
    m_options.demo = true;
    m_engine = std::make_unique<hub::Engine>(m_options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_engine->notifier().setRetryDelayMs(50);
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    const ApiReply saved = m_api->put(QStringLiteral("/api/v1/notifications/settings"), settings());
    QCOMPARE(saved.status, 200);
}

void tst_Notifications::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

void tst_Notifications::dotStuffingDoublesLeadingDots()
{
    QCOMPARE(hub::notify::SmtpClient::dotStuff(".first\r\nmid.dle\r\n.\r\n..two\r\n"),
             QByteArray("..first\r\nmid.dle\r\n..\r\n...two\r\n"));
}

void tst_Notifications::nonAsciiBodyIsBase64WithoutEightBit()
{
    const hub::notify::EmailMessage message{QStringLiteral("a@b.test"), {QStringLiteral("c@d.test")},
                                            QStringLiteral("Zoë's run"), QStringLiteral("Café\n.")};
    const QByteArray plain = hub::notify::SmtpClient::formatMessage(message, false);
    QVERIFY(plain.contains("Content-Transfer-Encoding: base64\r\n"));
    const QByteArray subject
        = "Subject: =?UTF-8?B?" + QStringLiteral("Zoë's run").toUtf8().toBase64() + "?=\r\n";
    QVERIFY(plain.contains(subject));
    const QByteArray body = QStringLiteral("Café\r\n.\r\n").toUtf8().toBase64() + "\r\n";
    QVERIFY(plain.endsWith(body));
    const QByteArray eightBit = hub::notify::SmtpClient::formatMessage(message, true);
    QVERIFY(eightBit.contains("Content-Transfer-Encoding: 8bit\r\n"));
    QVERIFY(eightBit.endsWith(QStringLiteral("\r\n\r\nCafé\r\n.\r\n").toUtf8()));
}

void tst_Notifications::settingsValidation_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("errorKey");

    QTest::newRow("port zero") << "email" << "port" << QJsonValue(0) << "email.port";
    QTest::newRow("port text") << "email" << "port" << QJsonValue(QStringLiteral("25")) << "email.port";
    QTest::newRow("no host") << "email" << "host" << QJsonValue(QString()) << "email.host";
    QTest::newRow("bad sender") << "email" << "from" << QJsonValue(QStringLiteral("hub")) << "email.from";
    QTest::newRow("bad recipient") << "email" << "recipients"
                                   << QJsonValue(QJsonArray{QStringLiteral("not an address")})
                                   << "email.recipients";
    QTest::newRow("no recipient") << "email" << "recipients" << QJsonValue(QJsonArray()) << "email.recipients";
    QTest::newRow("unknown security") << "email" << "security" << QJsonValue(QStringLiteral("ssl")) << "email.security";
    QTest::newRow("credentials in clear") << "email" << "security" << QJsonValue(QStringLiteral("none")) << "email.security";
    QTest::newRow("webhook ftp") << "webhook" << "url" << QJsonValue(QStringLiteral("ftp://x.test/")) << "webhook.url";
    QTest::newRow("webhook http remote") << "webhook" << "url" << QJsonValue(QStringLiteral("http://hooks.example.com/")) << "webhook.url";
    QTest::newRow("event not bool") << "events" << "failure" << QJsonValue(QStringLiteral("yes")) << "events.failure";
    QTest::newRow("summary time") << "dailySummary" << "time" << QJsonValue(QStringLiteral("7am")) << "dailySummary.time";
}

void tst_Notifications::settingsValidation()
{
    QFETCH(QString, section);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorKey);
    QJsonObject body = settings();
    QJsonObject part = body.value(section).toObject();
    part.insert(field, value);
    body.insert(section, part);
    const ApiReply reply = m_api->put(QStringLiteral("/api/v1/notifications/settings"), body);
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json[QStringLiteral("fields")].toObject().contains(errorKey), reply.body.constData());
}

void tst_Notifications::settingsHideSecrets()
{
    const ApiReply reply = m_api->get(QStringLiteral("/api/v1/notifications/settings"));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.body.contains(kPassword.toUtf8()));
    QVERIFY(!reply.body.contains(kSigningKey));
    const QJsonObject stored{{QStringLiteral("stored"), true}};
    QCOMPARE(reply.json[QStringLiteral("email")][QStringLiteral("password")].toObject(), stored);
    QCOMPARE(reply.json[QStringLiteral("webhook")][QStringLiteral("signingKey")].toObject(), stored);

    const QSqlDatabase db = m_engine->store().connection();
    auto row = hub::selectValue(db, QStringLiteral("SELECT settings || coalesce(secrets, '') FROM "
                                                   "notification_settings WHERE integration_id = 0"));
    QVERIFY(row);
    QVERIFY(!row->toString().contains(kPassword));
    auto audit = hub::execute(db, QStringLiteral("SELECT coalesce(before_json, '') || "
                                                 "coalesce(after_json, '') FROM audit_log"));
    QVERIFY(audit);
    int auditRows = 0;
    while (audit->next()) {
        ++auditRows;
        QVERIFY(!audit->value(0).toString().contains(kPassword));
    }
    QVERIFY(auditRows > 0);

    // {"stored": true} keeps the password: a test still authenticates afterwards.
    QJsonObject body = reply.json;
    QCOMPARE(m_api->put(QStringLiteral("/api/v1/notifications/settings"), body).status, 200);
    auto secrets = hub::selectValue(db, QStringLiteral("SELECT secrets FROM notification_settings "
                                                       "WHERE integration_id = 0"));
    QVERIFY(secrets && secrets->toString().startsWith(QStringLiteral("v1:")));
}

void tst_Notifications::sendTestReachesBothChannels()
{
    const int messagesBefore = int(m_smtp->messages.size());
    const int hooksBefore = int(m_webhookBodies.size());
    const ApiReply reply = m_api->post(QStringLiteral("/api/v1/notifications/test"));
    QCOMPARE(reply.status, 202);
    const QJsonArray ids = reply.json[QStringLiteral("notifications")].toArray();
    QCOMPARE(ids.size(), 2);
    for (const QJsonValue &id : ids)
        QTRY_COMPARE_WITH_TIMEOUT(notification(id.toInteger())[QStringLiteral("status")].toString(),
                                  QStringLiteral("sent"), kDeliveryTimeoutMs);

    QCOMPARE(m_smtp->messages.size(), messagesBefore + 1);
    const TestSmtpServer::Message message = m_smtp->messages.last();
    QVERIFY(message.encrypted);
    QCOMPARE(message.user, QStringLiteral("hub"));
    QCOMPARE(message.from, QStringLiteral("<hub@district.test>"));
    QCOMPARE(message.to, QStringList{QStringLiteral("<coordinator@district.test>")});
    QVERIFY(message.data.contains("Subject: Hubdesk test notification for "));
    QVERIFY(m_smtp->commands.contains(QStringLiteral("STARTTLS")));

    QCOMPARE(m_webhookBodies.size(), hooksBefore + 1);
    const auto &[body, signature] = m_webhookBodies.last();
    QCOMPARE(QJsonDocument::fromJson(body).object()[QStringLiteral("event")].toString(), QStringLiteral("test"));
    QCOMPARE(signature, "sha256=" + QMessageAuthenticationCode::hash(body, kSigningKey, QCryptographicHash::Sha256).toHex());
}

void tst_Notifications::testWithoutChannelConflicts()
{
    QCOMPARE(m_api->put(QStringLiteral("/api/v1/notifications/settings"), settings(false, false)).status, 200);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/notifications/test")).status, 409);
    QCOMPARE(m_api->post(QStringLiteral("/api/v1/notifications/test"),
                         QJsonObject{{QStringLiteral("channel"), QStringLiteral("sms")}}).status, 422);
    QCOMPARE(m_api->put(QStringLiteral("/api/v1/notifications/settings"), settings()).status, 200);
}

void tst_Notifications::failureNotifiedOnceAcrossRetries()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(integration > 0);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QVERIFY(insertRun(integration, 0, start, 30));
    const qint64 failed = insertRun(integration, 9, start.addSecs(600), 5);
    QVERIFY(failed);
    const int messagesBefore = int(m_smtp->messages.size());

    m_engine->notifier().runFinished(failed);
    m_engine->notifier().runFinished(failed);
    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages.size(), messagesBefore + 1, kDeliveryTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(webhookEvents().count(QStringLiteral("failure")), 1, kDeliveryTimeoutMs);
    QVERIFY(m_smtp->messages.last().data.contains("Subject: Failed: "));
    QVERIFY(m_smtp->messages.last().data.contains("The destination folder was not writable."));

    // A failed retry continues the same failure.
    const qint64 failedRetry = insertRun(integration, 9, start.addSecs(1200), 5, failed);
    m_engine->notifier().runFinished(failedRetry);
    QCOMPARE(notifications(QStringLiteral("failure")).size(), 2); // one email, one webhook

    // A real retry run by the workers succeeds and ends the failure with one recovery.
    const ApiReply retry = m_api->post(QStringLiteral("/api/v1/runs/%1/retry").arg(failedRetry));
    QCOMPARE(retry.status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(notifications(QStringLiteral("recovery")).size(), 2, kDeliveryTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages.size(), messagesBefore + 2, kDeliveryTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(webhookEvents().count(QStringLiteral("recovery")), 1, kDeliveryTimeoutMs);
    QVERIFY(m_smtp->messages.last().data.contains("Subject: Succeeded again: "));
    for (const QJsonObject &recovery : notifications(QStringLiteral("recovery")))
        QCOMPARE(recovery[QStringLiteral("eventKey")].toString(), QString::number(failed));
    QCOMPARE(notifications(QStringLiteral("failure")).size(), 2);
    QCOMPARE(webhookEvents().count(QStringLiteral("failure")), 1);
}

void tst_Notifications::eachNewFailureNotifies()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(integration > 0);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1800);
    const qint64 succeeded = insertRun(integration, 0, start, 30);
    QVERIFY(succeeded);
    m_engine->notifier().runFinished(succeeded);
    const qsizetype failuresBefore = notifications(QStringLiteral("failure")).size();
    const qsizetype recoveriesBefore = notifications(QStringLiteral("recovery")).size();

    // Each channel gets one notification per new failed run, also while the integration is
    // already failing.
    const qint64 firstFailure = insertRun(integration, 9, start.addSecs(60), 5);
    QVERIFY(firstFailure);
    m_engine->notifier().runFinished(firstFailure);
    QCOMPARE(notifications(QStringLiteral("failure")).size(), failuresBefore + 2);
    const qint64 secondFailure = insertRun(integration, 9, start.addSecs(120), 5);
    QVERIFY(secondFailure);
    m_engine->notifier().runFinished(secondFailure);
    m_engine->notifier().runFinished(secondFailure);
    QCOMPARE(notifications(QStringLiteral("failure")).size(), failuresBefore + 4);

    // Retries of a notified failure, and retries of those retries, do not notify again.
    const qint64 retry = insertRun(integration, 9, start.addSecs(180), 5, secondFailure);
    m_engine->notifier().runFinished(retry);
    const qint64 retryOfRetry = insertRun(integration, 9, start.addSecs(240), 5, retry);
    m_engine->notifier().runFinished(retryOfRetry);
    QCOMPARE(notifications(QStringLiteral("failure")).size(), failuresBefore + 4);
    for (const QJsonObject &entry : notifications(QStringLiteral("failure"))) {
        QVERIFY(entry[QStringLiteral("runId")].toInteger() != retry);
        QVERIFY(entry[QStringLiteral("runId")].toInteger() != retryOfRetry);
    }

    // The first success notifies once, keyed on the first failed run of the streak.
    const qint64 recovered = insertRun(integration, 0, start.addSecs(300), 30);
    m_engine->notifier().runFinished(recovered);
    m_engine->notifier().runFinished(recovered);
    const QList<QJsonObject> recoveries = notifications(QStringLiteral("recovery"));
    QCOMPARE(recoveries.size(), recoveriesBefore + 2);
    QCOMPARE(recoveries.first()[QStringLiteral("eventKey")].toString(),
             QString::number(firstFailure));
    const qint64 nextSuccess = insertRun(integration, 0, start.addSecs(400), 30);
    m_engine->notifier().runFinished(nextSuccess);
    QCOMPARE(notifications(QStringLiteral("recovery")).size(), recoveriesBefore + 2);
}

void tst_Notifications::longRunNotifiedOnce()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Authorizations"));
    QVERIFY(integration > 0);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-6);
    for (int day = 0; day < 4; ++day)
        QVERIFY(insertRun(integration, 0, start.addDays(day), 60 + day));
    const qint64 usual = insertRun(integration, 0, start.addDays(4), 150);
    const qint64 slow = insertRun(integration, 0, start.addDays(5), 400);
    m_engine->notifier().runFinished(usual);
    m_engine->notifier().runFinished(slow);
    m_engine->notifier().runFinished(slow);
    QTRY_COMPARE_WITH_TIMEOUT(webhookEvents().count(QStringLiteral("long-run")), 1, kDeliveryTimeoutMs);
    const QList<QJsonObject> longRuns = notifications(QStringLiteral("long-run"));
    QCOMPARE(longRuns.size(), 2);
    QCOMPARE(longRuns.first()[QStringLiteral("runId")].toInteger(), slow);
    for (const QJsonObject &longRun : longRuns)
        QTRY_COMPARE_WITH_TIMEOUT(notification(longRun[QStringLiteral("id")].toInteger())
                                      [QStringLiteral("status")].toString(),
                                  QStringLiteral("sent"), kDeliveryTimeoutMs);
    QVERIFY(m_smtp->messages.last().data.contains("Subject: Took unusually long: "));
    // 400 s against the median of 60, 61, 62, 63 and 150 s.
    QVERIFY(m_smtp->messages.last().data.contains("6.5 times the median of 00:01:02"));
}

void tst_Notifications::integrationSettingsMuteEvents()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Authorizations"));
    const QString path = QStringLiteral("/api/v1/integrations/%1/notifications").arg(integration);
    QCOMPARE(m_api->get(path).json[QStringLiteral("inherit")].toBool(), true);
    const QJsonObject muted{{QStringLiteral("inherit"), false},
                            {QStringLiteral("events"), QJsonObject{{QStringLiteral("failure"), false},
                                                                   {QStringLiteral("recovery"), false},
                                                                   {QStringLiteral("longRun"), false}}}};
    QCOMPARE(m_api->put(path, muted).status, 200);
    QCOMPARE(m_api->get(path).json[QStringLiteral("inherit")].toBool(), false);

    const int before = int(notifications().size());
    const qint64 failed = insertRun(integration, 9, QDateTime::currentDateTimeUtc(), 3);
    m_engine->notifier().runFinished(failed);
    QCOMPARE(notifications().size(), before);

    QCOMPARE(m_api->put(path, QJsonObject{{QStringLiteral("inherit"), true}}).status, 200);
}

void tst_Notifications::integrationSettingsValidation()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Authorizations"));
    const QString path = QStringLiteral("/api/v1/integrations/%1/notifications").arg(integration);
    const ApiReply bad = m_api->put(path, QJsonObject{{QStringLiteral("inherit"), false},
                                                      {QStringLiteral("recipients"), QJsonArray{1}}});
    QCOMPARE(bad.status, 422);
    QVERIFY(bad.json[QStringLiteral("fields")].toObject().contains(QStringLiteral("recipients")));
    QCOMPARE(m_api->put(path, QJsonObject{{QStringLiteral("inherit"), QStringLiteral("no")}}).status, 422);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/integrations/9999/notifications")).status, 404);
    QCOMPARE(m_api->send("PUT", QStringLiteral("/api/v1/notifications/settings"), "[1]").status, 400);
}

void tst_Notifications::unknownSettingsKeysRejected()
{
    QJsonObject body = settings();
    QJsonObject events = body.value(QStringLiteral("events")).toObject();
    events.insert(QStringLiteral("bogus"), 5);
    body.insert(QStringLiteral("events"), events);
    const ApiReply nested = m_api->put(QStringLiteral("/api/v1/notifications/settings"), body);
    QCOMPARE(nested.status, 400);
    QVERIFY2(nested.json[QStringLiteral("message")].toString().contains(QStringLiteral("events.bogus")),
             nested.body.constData());

    QJsonObject topLevel = settings();
    topLevel.insert(QStringLiteral("onFailure"), true);
    const ApiReply top = m_api->put(QStringLiteral("/api/v1/notifications/settings"), topLevel);
    QCOMPARE(top.status, 400);
    QVERIFY2(top.json[QStringLiteral("message")].toString().contains(QStringLiteral("onFailure")),
             top.body.constData());
    QVERIFY(!m_api->get(QStringLiteral("/api/v1/notifications/settings"))
                 .json[QStringLiteral("events")]
                 .toObject()
                 .contains(QStringLiteral("bogus")));

    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(integration > 0);
    const ApiReply own = m_api->put(
        QStringLiteral("/api/v1/integrations/%1/notifications").arg(integration),
        QJsonObject{{QStringLiteral("inherit"), false},
                    {QStringLiteral("events"), QJsonObject{{QStringLiteral("failures"), true}}}});
    QCOMPARE(own.status, 400);
    QVERIFY2(own.json[QStringLiteral("message")].toString().contains(QStringLiteral("events.failures")),
             own.body.constData());
}

void tst_Notifications::authLoginWorks()
{
    m_smtp->onlyMechanism = "LOGIN";
    const int before = int(m_smtp->messages.size());
    const qint64 id = queueTest(QStringLiteral("email"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(notification(id)[QStringLiteral("status")].toString(),
                              QStringLiteral("sent"), kDeliveryTimeoutMs);
    QCOMPARE(m_smtp->messages.size(), before + 1);
    QCOMPARE(m_smtp->messages.last().user, QStringLiteral("hub"));
    m_smtp->onlyMechanism.clear();
}

void tst_Notifications::wrongPasswordFailsAfterRetries()
{
    m_smtp->password = QStringLiteral("changed");
    const int before = int(m_smtp->messages.size());
    const qint64 id = queueTest(QStringLiteral("email"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(notification(id)[QStringLiteral("status")].toString(),
                              QStringLiteral("failed"), kDeliveryTimeoutMs);
    const QJsonObject failed = notification(id);
    QCOMPARE(failed[QStringLiteral("attempts")].toInt(), hub::notify::Notifier::kMaxAttempts);
    QVERIFY2(failed[QStringLiteral("error")].toString().contains(QStringLiteral("rejected the user name or password")),
             qPrintable(failed[QStringLiteral("error")].toString()));
    QVERIFY(!failed[QStringLiteral("error")].toString().contains(kPassword));
    QCOMPARE(m_smtp->messages.size(), before);
    m_smtp->password = kPassword;
}

void tst_Notifications::missingStartTlsFails()
{
    m_smtp->offerStartTls = false;
    const qint64 id = queueTest(QStringLiteral("email"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(notification(id)[QStringLiteral("status")].toString(),
                              QStringLiteral("failed"), kDeliveryTimeoutMs);
    QVERIFY(notification(id)[QStringLiteral("error")].toString().contains(QStringLiteral("does not offer STARTTLS")));
    m_smtp->offerStartTls = true;
}

void tst_Notifications::webhookErrorFailsAfterRetries()
{
    m_webhookStatus = 500;
    const int before = int(m_webhookBodies.size());
    const qint64 id = queueTest(QStringLiteral("webhook"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(notification(id)[QStringLiteral("status")].toString(),
                              QStringLiteral("failed"), kDeliveryTimeoutMs);
    QCOMPARE(notification(id)[QStringLiteral("error")].toString(),
             QStringLiteral("The webhook answered HTTP 500."));
    QCOMPARE(m_webhookBodies.size(), before + hub::notify::Notifier::kMaxAttempts);
    m_webhookStatus = 200;
}

void tst_Notifications::dailySummarySentOnce()
{
    QJsonObject body = settings();
    body.insert(QStringLiteral("dailySummary"), QJsonObject{{QStringLiteral("enabled"), true},
                                                            {QStringLiteral("time"), QStringLiteral("00:00")}});
    QCOMPARE(m_api->put(QStringLiteral("/api/v1/notifications/settings"), body).status, 200);
    const int before = int(m_smtp->messages.size());
    m_engine->notifier().checkDailySummary();
    m_engine->notifier().checkDailySummary();
    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages.size(), before + 1, kDeliveryTimeoutMs);
    const QList<QJsonObject> summaries = notifications(QStringLiteral("daily-summary"));
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first()[QStringLiteral("channel")].toString(), QStringLiteral("email"));
    QVERIFY(m_smtp->messages.last().data.contains("Subject: Hubdesk runs on "));
    m_engine->notifier().checkDailySummary();
    QTest::qWait(200);
    QCOMPARE(m_smtp->messages.size(), before + 1);
}

void tst_Notifications::leasedNotificationIsLeftAlone()
{
    // A row that another node sharing the store is sending carries that node's lease.
    const QSqlDatabase db = m_engine->store().connection();
    auto inserted = hub::execute(
        db,
        QStringLiteral("INSERT INTO notifications(district_id, event, event_key, channel, status, "
                       "created_at, lease_until) VALUES (1, 'test', 'leased-by-another-node', "
                       "'webhook', 'sending', ?, '2999-01-01T00:00:00.000Z')"),
        {hub::nowIsoUtc()});
    QVERIFY(inserted);
    const qint64 id = inserted->lastInsertId().toLongLong();
    QVERIFY(id > 0);
    const int before = int(m_webhookBodies.size());

    // deliver() claims a row before it sends, so a row it left alone still has no attempt.
    m_engine->notifier().deliverPending();
    QCOMPARE(notification(id)[QStringLiteral("attempts")].toInt(), 0);
    QCOMPARE(notification(id)[QStringLiteral("status")].toString(), QStringLiteral("sending"));

    // Once the lease has expired, as when that node died, this node sends the row.
    QVERIFY(hub::execute(db,
                         QStringLiteral("UPDATE notifications SET lease_until = "
                                        "'2000-01-01T00:00:00.000Z' WHERE id = ?"),
                         {id}));
    m_engine->notifier().deliverPending();
    QTRY_COMPARE_WITH_TIMEOUT(notification(id)[QStringLiteral("status")].toString(),
                              QStringLiteral("sent"), kDeliveryTimeoutMs);
    QCOMPARE(notification(id)[QStringLiteral("attempts")].toInt(), 1);
    QCOMPARE(m_webhookBodies.size(), before + 1);
}

void tst_Notifications::expiredLeaseNotifiedOnce()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Authorizations"));
    QVERIFY(integration > 0);
    // The test plays the workers, so that the automatic retry waits in the queue for it.
    m_engine->workers().stop();
    const qsizetype failuresBefore = notifications(QStringLiteral("failure")).size();
    const int messagesBefore = int(m_smtp->messages.size());

    const qint64 lost = insertExpiredRun(integration, QStringLiteral("node-gone/worker-1"));
    QVERIFY(lost > 0);
    m_engine->workers().maintainLeases();
    QTRY_COMPARE_WITH_TIMEOUT(notifications(QStringLiteral("failure")).size(), failuresBefore + 2,
                              kDeliveryTimeoutMs);
    QCOMPARE(failureNotificationsOf(lost), 2); // one email, one webhook
    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages.size(), messagesBefore + 1, kDeliveryTimeoutMs);
    QVERIFY(m_smtp->messages.last().data.contains("Subject: Failed: "));
    QVERIFY(m_smtp->messages.last().data.contains("lease expired at"));

    // The automatic retry loses its node as well. It continues the same failure, so it sends
    // nothing, also when the pool checks the leases again.
    auto retry = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT id FROM runs WHERE retry_of = ?"), {lost});
    QVERIFY(retry.ok());
    const qint64 retryId = retry->toLongLong();
    QVERIFY(retryId > 0);
    QVERIFY(hub::execute(
        m_engine->store().connection(),
        QStringLiteral("UPDATE runs SET status = 1, started_at = ?, worker = "
                       "'node-gone/worker-2', lease_expires_at = ? WHERE id = ?"),
        {hub::nowIsoUtc(), hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(-5)), retryId}));
    m_engine->workers().maintainLeases();
    m_engine->workers().maintainLeases();
    // runFinished() reaches the notifier as a queued call, which this delivers now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
    auto status
        = hub::selectValue(m_engine->store().connection(),
                           QStringLiteral("SELECT status FROM runs WHERE id = ?"), {retryId});
    QCOMPARE(status->toInt(), 9);
    QCOMPARE(notifications(QStringLiteral("failure")).size(), failuresBefore + 2);
    QCOMPARE(failureNotificationsOf(retryId), 0);
    m_engine->workers().start();
}

void tst_Notifications::runCutOffByStopNotifies()
{
    const qint64 integration = integrationNamed(QStringLiteral("MiLEARN-Authorizations"));
    QVERIFY(integration > 0);
    m_engine->workers().stop();
    // A worker of this node: on PostgreSQL a restarted node fails only its own runs.
    const qint64 cutOff
        = insertExpiredRun(integration, m_engine->workers().nodeId() + QStringLiteral("/worker-1"));
    QVERIFY(cutOff > 0);
    QVERIFY(hub::execute(m_engine->store().connection(),
                         QStringLiteral("UPDATE runs SET lease_expires_at = ? WHERE id = ?"),
                         {hub::toIsoUtc(QDateTime::currentDateTimeUtc().addSecs(3600)), cutOff}));
    const int messagesBefore = int(m_smtp->messages.size());

    m_api.reset();
    m_engine.reset();
    m_engine = std::make_unique<hub::Engine>(m_options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_engine->notifier().setRetryDelayMs(50);
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    // The start-up also queues catch-up runs, whose success may send a recovery email.
    const auto failureEmails = [&] {
        int count = 0;
        for (qsizetype i = messagesBefore; i < m_smtp->messages.size(); ++i) {
            const QByteArray &data = m_smtp->messages.at(i).data;
            if (data.contains("Subject: Failed: ")
                && data.contains("was failed when that node started again"))
                ++count;
        }
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(failureEmails(), 1, kDeliveryTimeoutMs);
    QCOMPARE(failureNotificationsOf(cutOff), 2); // one email, one webhook
}

QTEST_GUILESS_MAIN(tst_Notifications)
#include "tst_notifications.moc"
