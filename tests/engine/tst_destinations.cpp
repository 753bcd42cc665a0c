// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destinationfixtures.h"

#include "core/secretbox.h"
#include "destinations/azureblobdestination.h"
#include "destinations/filenametemplate.h"
#include "destinations/httpsdestination.h"
#include "destinations/httptransfer.h"
#include "destinations/retrypolicy.h"
#include "destinations/sftpdestination.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using hub::destinations::Attempt;
using hub::destinations::AzureBlobDestination;
using hub::destinations::DeliveryIds;
using hub::destinations::FileNameTemplate;
using hub::destinations::HttpsDestination;
using hub::destinations::RetryPolicy;
using hub::destinations::SftpDestination;
using hubtest::runInThread;

namespace {

// Azurite's well-known development account key, published in the Azurite documentation.
const QString kAzuriteKey = QStringLiteral(
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(QRandomGenerator::global()->bounded(256));
    return data;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QJsonObject fastRetry(int attempts)
{
    return QJsonObject{{QStringLiteral("maxAttempts"), attempts},
                       {QStringLiteral("initialDelayMs"), 200},
                       {QStringLiteral("maxDelayMs"), 400}};
}

} // namespace

class tst_Destinations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void templateExpansion_data();
    void templateExpansion();
    void templateRejection_data();
    void templateRejection();
    void retryDelaysGrowWithJitter();
    void retryStopsOnPermanentFailure();
    void retryGivesUpAfterMaxAttempts();
    void secretBoxRoundTrip();
    void sasWindowChecked_data();
    void sasWindowChecked();
    void sasAppendedOnce();
    void blockSizeFromFileSize();

    void azureUploadAndOverwrite();
    void azureEncodesBlobNames();
    void azureLargeFileInBlocks();
    void azureWrongKeyFailsAtOnce();
    void azureMissingContainerFailsAtOnce();
    void azureExpiredSasFailsBeforeUpload();
    void azureSasUpload();
    void azureDownThenUp();

    void sftpUploadAndOverwrite();
    void sftpNeverShowsPartialFile();
    void sftpFingerprintPin();
    void sftpHostKeyMismatch();
    void sftpWrongKeyFailsAtOnce();
    void sftpDownThenUp();

    void httpsPostWithBearer();
    void httpsUntrustedCertificateFails();
    void httpsServerErrorIsRetried();
    void httpsUnauthorizedFailsAtOnce();

private:
    bool azuriteAvailable() const { return !m_azuriteUrl.isEmpty(); }
    bool sftpAvailable() const { return m_sftpPort != 0; }
    QJsonObject azureSettings(const QString &container, const QString &accountUrl = {}) const;
    QJsonObject azureSecrets() const { return {{QStringLiteral("accountKey"), kAzuriteKey}}; }
    hub::destinations::HttpExchange azureRequest(const QString &container, const QString &blob,
                                                 const QByteArray &verb, const QString &query);
    QString createContainer();
    QJsonObject sftpSettings(quint16 port = 0) const;
    QJsonObject sftpSecrets() const;

    QString m_azuriteUrl;
    quint16 m_sftpPort = 0;
    QString m_sftpRoot;
    QTemporaryDir m_dir;
    hubtest::TestCertificate m_certificate;
    int m_containers = 0;
};

void tst_Destinations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_azuriteUrl = hubtest::fixtureValue("HUBDESK_AZURITE_URL");
    m_sftpPort = quint16(hubtest::fixtureValue("HUBDESK_SFTP_PORT").toUInt());
    m_sftpRoot = hubtest::fixtureValue("HUBDESK_SFTP_ROOT");
    QVERIFY2(hubtest::makeCertificate(m_dir, m_certificate), "openssl req failed");
}

void tst_Destinations::templateExpansion_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << "{output}"
                             << "sections.csv";
    QTest::newRow("folders") << "milearn/{schoolYear}/{date}_{output}"
                             << "milearn/2026/20260114_sections.csv";
    QTest::newRow("time and ids") << "{integrationId}-{runId}-{time}.csv"
                                  << "7-42-210509.csv";
    // 02:05 UTC on 15 January is 21:05 on 14 January in Detroit (EST, UTC-5).
    QTest::newRow("district zone date") << "{date}"
                                        << "20260114";
}

void tst_Destinations::templateExpansion()
{
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    hub::destinations::TemplateValues values;
    values.output = QStringLiteral("sections.csv");
    values.schoolYear = 2026;
    values.startedAt = QDateTime(QDate(2026, 1, 15), QTime(2, 5, 9), Qt::UTC);
    values.runId = 42;
    values.integrationId = 7;
    auto expanded = FileNameTemplate::expand(pattern, values);
    QVERIFY2(expanded.ok(), qPrintable(expanded.error()));
    QCOMPARE(*expanded, expected);
}

void tst_Destinations::templateRejection_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("parent folder") << "../{output}"
                                   << "must not contain a path segment \".\" or \"..\" "
                                      "between slashes.";
    QTest::newRow("current folder") << "a/./{output}"
                                    << "path segment \".\"";
    QTest::newRow("inner parent") << "a/../../{output}"
                                  << "\"..\"";
    QTest::newRow("absolute") << "/etc/{output}"
                              << "relative path";
    QTest::newRow("drive letter") << "C:/out/{output}"
                                  << "relative path";
    QTest::newRow("backslash") << "a\\{output}"
                               << "relative path";
    QTest::newRow("empty segment") << "a//{output}"
                                   << "empty folder name";
    QTest::newRow("unknown placeholder") << "{outputName}"
                                         << "unknown placeholder {outputName}";
    QTest::newRow("unclosed brace") << "{output"
                                    << "without '}'";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("dots inside a name are allowed") << "a.b/{output}.csv" << QString();
}

void tst_Destinations::templateRejection()
{
    QFETCH(QString, pattern);
    QFETCH(QString, messagePart);
    const QString message = FileNameTemplate::validate(pattern);
    if (messagePart.isEmpty())
        QVERIFY2(message.isEmpty(), qPrintable(message));
    else
        QVERIFY2(message.contains(messagePart), qPrintable(message));
}

void tst_Destinations::retryDelaysGrowWithJitter()
{
    RetryPolicy policy;
    policy.initialDelayMs = 1000;
    policy.maxDelayMs = 5000;
    for (int round = 0; round < 50; ++round) {
        const int first = policy.delayAfterFailure(1);
        QVERIFY(first >= 500 && first <= 1000);
        const int third = policy.delayAfterFailure(3);
        QVERIFY(third >= 2000 && third <= 4000);
        const int capped = policy.delayAfterFailure(9);
        QVERIFY(capped >= 2500 && capped <= 5000);
    }
    const RetryPolicy read = RetryPolicy::fromSettings(
        QJsonObject{{QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 99}}}});
    QCOMPARE(read.maxAttempts, 10);
    const QJsonObject errors = RetryPolicy::validateSettings(
        QJsonObject{{QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 0}}}});
    QVERIFY(errors.contains(QStringLiteral("settings.retry.maxAttempts")));
}

void tst_Destinations::retryStopsOnPermanentFailure()
{
    int calls = 0;
    QStringList lines;
    const Attempt outcome = hub::destinations::runWithRetries(
        RetryPolicy::fromSettings({{QStringLiteral("retry"), fastRetry(5)}}),
        [&](int) {
            ++calls;
            return Attempt::permanent(QStringLiteral("HTTP 403."));
        },
        [&](bool, const QString &line) { lines.append(line); });
    QCOMPARE(calls, 1);
    QCOMPARE(outcome.status, Attempt::Status::PermanentFailure);
    QVERIFY(lines.isEmpty());
}

void tst_Destinations::retryGivesUpAfterMaxAttempts()
{
    int calls = 0;
    QStringList lines;
    QElapsedTimer timer;
    timer.start();
    const Attempt outcome = hub::destinations::runWithRetries(
        RetryPolicy::fromSettings({{QStringLiteral("retry"), fastRetry(3)}}),
        [&](int attempt) {
            ++calls;
            // Library messages, such as libssh's, often lack a closing period.
            return Attempt::transient(
                QStringLiteral("Connection refused on attempt %1").arg(attempt));
        },
        [&](bool, const QString &line) { lines.append(line); });
    QCOMPARE(calls, 3);
    QCOMPARE(outcome.status, Attempt::Status::TransientFailure);
    QCOMPARE(outcome.message,
             QStringLiteral("Connection refused on attempt 3. Gave up after 3 attempts."));
    QVERIFY2(lines.contains(QRegularExpression(
                 QStringLiteral("^Attempt 1 failed: Connection refused on attempt 1\\. Retrying "
                                "in \\d+ ms\\.$"))),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("Attempt 2 of 3")));
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("Attempt 1 failed")));
    QVERIFY(timer.elapsed() >= 200);
}

void tst_Destinations::secretBoxRoundTrip()
{
    QTemporaryDir dataDir;
    auto box = hub::SecretBox::openOrCreate(dataDir.path());
    QVERIFY2(box.ok(), qPrintable(box.error()));
    const QFileInfo keyFile(hub::SecretBox::keyPath(dataDir.path()));
    QCOMPARE(keyFile.size(), 32);
    QCOMPARE(keyFile.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const QByteArray sealed = box->seal("hunter2-secret");
    QVERIFY(sealed.startsWith("v1:"));
    QVERIFY(!sealed.contains("hunter2"));
    QVERIFY(box->seal("hunter2-secret") != sealed);
    auto opened = box->open(sealed);
    QVERIFY(opened.ok());
    QCOMPARE(*opened, QByteArray("hunter2-secret"));

    auto again = hub::SecretBox::openOrCreate(dataDir.path());
    QVERIFY(again.ok());
    QCOMPARE(*again->open(sealed), QByteArray("hunter2-secret"));

    QTemporaryDir otherDir;
    auto other = hub::SecretBox::openOrCreate(otherDir.path());
    QVERIFY(!other->open(sealed).ok());
}

void tst_Destinations::sasWindowChecked_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("valid") << "sv=2021-08-06&st=2026-01-01T00:00:00Z&se=2026-02-01T00:00:00Z&sig=x"
                           << "";
    QTest::newRow("expired") << "?sv=2021-08-06&se=2026-01-10T00:00:00Z&sig=x"
                             << "expired at";
    QTest::newRow("not yet valid") << "sv=2021-08-06&st=2026-01-20&se=2026-02-01&sig=x"
                                   << "not valid until";
    QTest::newRow("bad expiry") << "se=tomorrow&sig=x"
                                << "not a valid time";
}

void tst_Destinations::sasWindowChecked()
{
    QFETCH(QString, token);
    QFETCH(QString, messagePart);
    const QDateTime now(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    const auto checked = AzureBlobDestination::checkSasWindow(token, now);
    if (messagePart.isEmpty()) {
        QVERIFY2(checked.ok(), qPrintable(checked.error()));
    } else {
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().contains(messagePart), qPrintable(checked.error()));
    }
}

void tst_Destinations::sasAppendedOnce()
{
    const QJsonObject settings{
        {QStringLiteral("accountUrl"), QStringLiteral("https://acct.blob.core.windows.net/")},
        {QStringLiteral("container"), QStringLiteral("drop")},
        {QStringLiteral("authentication"), QStringLiteral("sas")}};
    AzureBlobDestination destination(
        settings, {{QStringLiteral("sasToken"), QStringLiteral("?sv=2021-08-06&sig=ab%2Bc%3D")}});
    const QUrl first = destination.requestUrl(QStringLiteral("a b/#1 100%é.csv"),
                                              QStringLiteral("comp=block&blockid=QQ%3D%3D"));
    const QUrl second = destination.requestUrl(QStringLiteral("a b/#1 100%é.csv"),
                                               QStringLiteral("comp=block&blockid=QQ%3D%3D"));
    QCOMPARE(first, second);
    const QString encoded = QString::fromLatin1(first.toEncoded());
    QCOMPARE(encoded.count(QLatin1String("sig=")), 1);
    QCOMPARE(first.path(QUrl::FullyEncoded), QStringLiteral("/drop/a%20b/%231%20100%25%C3%A9.csv"));
    QVERIFY2(encoded.contains(QLatin1String("sig=ab%2Bc%3D")), qPrintable(encoded));
    QCOMPARE(AzureBlobDestination::accountName(
                 QUrl(QStringLiteral("https://acct.blob.core.windows.net"))),
             QStringLiteral("acct"));
    QCOMPARE(AzureBlobDestination::accountName(
                 QUrl(QStringLiteral("http://127.0.0.1:10000/devstoreaccount1"))),
             QStringLiteral("devstoreaccount1"));
}

void tst_Destinations::blockSizeFromFileSize()
{
    constexpr qint64 MiB = 1024 * 1024;
    QCOMPARE(*AzureBlobDestination::chooseBlockSize(40 * MiB, 0), 4 * MiB);
    // 500 GiB needs blocks of at least 10.24 MiB to stay within 50,000 blocks.
    QCOMPARE(*AzureBlobDestination::chooseBlockSize(500 * 1024 * MiB, 0), 11 * MiB);
    QCOMPARE(*AzureBlobDestination::chooseBlockSize(1 * MiB, 65536), qint64(65536));
    QVERIFY(!AzureBlobDestination::chooseBlockSize(50001LL * 1024, 1024).ok());
}

QJsonObject tst_Destinations::azureSettings(const QString &container,
                                            const QString &accountUrl) const
{
    return QJsonObject{
        {QStringLiteral("accountUrl"), accountUrl.isEmpty() ? m_azuriteUrl : accountUrl},
        {QStringLiteral("container"), container},
        {QStringLiteral("authentication"), QStringLiteral("sharedKey")},
        {QStringLiteral("timeoutSeconds"), 10}};
}

hub::destinations::HttpExchange tst_Destinations::azureRequest(const QString &container,
                                                               const QString &blob,
                                                               const QByteArray &verb,
                                                               const QString &query)
{
    AzureBlobDestination signer(azureSettings(container), azureSecrets());
    const QUrl url = signer.requestUrl(blob, query);
    const QByteArray date = QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc(),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                .toLatin1();
    QNetworkRequest request(url);
    request.setRawHeader("x-ms-date", date);
    request.setRawHeader("x-ms-version", "2021-08-06");
    request.setRawHeader("Authorization",
                         signer.sharedKeyAuthorization(
                             verb, url, {{"x-ms-date", date}, {"x-ms-version", "2021-08-06"}}, 0));
    hub::destinations::HttpTransfer http(10000);
    return http.send(request, verb, QByteArray());
}

QString tst_Destinations::createContainer()
{
    const QString name
        = QStringLiteral("test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++m_containers);
    const auto created = azureRequest(name, {}, "PUT", QStringLiteral("restype=container"));
    if (created.status != 201)
        qWarning("Cannot create container %s: %s", qPrintable(name),
                 qPrintable(created.describe()));
    return name;
}

void tst_Destinations::azureUploadAndOverwrite()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; start it with tests/fixtures/azurite.sh start and set "
              "HUBDESK_AZURITE_URL.");
    const QString container = createContainer();
    AzureBlobDestination destination(azureSettings(container), azureSecrets());
    QVERIFY2(destination.testConnection().ok(), qPrintable(destination.testConnection().message));

    const QString first = writeFile(m_dir, QStringLiteral("first.csv"), "a,b\n1,2\n");
    Attempt written = runInThread([&] {
        return destination.deliver(first, QStringLiteral("2026/sections.csv"), DeliveryIds{1, 1});
    });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(written.remoteName, QStringLiteral("2026/sections.csv"));
    QCOMPARE(written.bytes, 8);

    const QString second = writeFile(m_dir, QStringLiteral("second.csv"), "a,b\n3,4\n5,6\n");
    written = runInThread([&] {
        return destination.deliver(second, QStringLiteral("2026/sections.csv"), DeliveryIds{2, 1});
    });
    QVERIFY2(written.ok(), qPrintable(written.message));
    const auto blob = azureRequest(container, QStringLiteral("2026/sections.csv"), "GET", {});
    QCOMPARE(blob.status, 200);
    QCOMPARE(blob.body, QByteArray("a,b\n3,4\n5,6\n"));
}

void tst_Destinations::azureEncodesBlobNames()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; set HUBDESK_AZURITE_URL.");
    const QString container = createContainer();
    AzureBlobDestination destination(azureSettings(container), azureSecrets());
    const QString source = writeFile(m_dir, QStringLiteral("names.csv"), "x\n");
    const QString name = QStringLiteral("Grade 5 #1/100% Ünïcode é.csv");
    const Attempt written = runInThread([&] { return destination.deliver(source, name, {3, 1}); });
    QVERIFY2(written.ok(), qPrintable(written.message));

    const auto listing
        = azureRequest(container, {}, "GET", QStringLiteral("restype=container&comp=list"));
    QCOMPARE(listing.status, 200);
    QVERIFY2(QString::fromUtf8(listing.body).contains(QStringLiteral("<Name>%1</Name>").arg(name)),
             listing.body.constData());
    QCOMPARE(azureRequest(container, name, "GET", {}).body, QByteArray("x\n"));
}

void tst_Destinations::azureLargeFileInBlocks()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; set HUBDESK_AZURITE_URL.");
    const QString container = createContainer();
    QJsonObject settings = azureSettings(container);
    settings.insert(QStringLiteral("blockSizeBytes"), 64 * 1024);
    AzureBlobDestination destination(settings, azureSecrets());
    const QByteArray content = randomBytes(3 * 1024 * 1024 + 123);
    const QString source = writeFile(m_dir, QStringLiteral("large.bin"), content);

    int missingWhileUploading = 0;
    QList<qint64> visibleSizes;
    const Attempt written = runInThread(
        [&] {
            return destination.deliver(source, QStringLiteral("large.bin"), {4, 1});
        },
        [&] {
            const auto probe = azureRequest(container, QStringLiteral("large.bin"), "HEAD", {});
            if (probe.status == 404)
                ++missingWhileUploading;
            else if (probe.status == 200)
                visibleSizes.append(probe.header("Content-Length").toLongLong());
        });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(written.message, QStringLiteral("Committed 49 blocks."));
    QVERIFY2(missingWhileUploading > 0, "the poll never ran during the upload");
    for (const qint64 size : std::as_const(visibleSizes))
        QCOMPARE(size, content.size());
    QCOMPARE(azureRequest(container, QStringLiteral("large.bin"), "GET", {}).body, content);
}

void tst_Destinations::azureWrongKeyFailsAtOnce()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; set HUBDESK_AZURITE_URL.");
    const QString container = createContainer();
    AzureBlobDestination destination(
        azureSettings(container),
        {{QStringLiteral("accountKey"), QString::fromLatin1(QByteArray(64, 'k').toBase64())}});
    const QString source = writeFile(m_dir, QStringLiteral("wrongkey.csv"), "x\n");
    const Attempt written = runInThread([&] {
        return destination.deliver(source, QStringLiteral("x.csv"), {5, 1});
    });
    QCOMPARE(written.status, Attempt::Status::PermanentFailure);
    QVERIFY2(written.message.contains(QLatin1String("HTTP 403")), qPrintable(written.message));
}

void tst_Destinations::azureMissingContainerFailsAtOnce()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; set HUBDESK_AZURITE_URL.");
    AzureBlobDestination destination(azureSettings(QStringLiteral("no-such-container")),
                                     azureSecrets());
    const QString source = writeFile(m_dir, QStringLiteral("missing.csv"), "x\n");
    const Attempt written = runInThread([&] {
        return destination.deliver(source, QStringLiteral("x.csv"), {6, 1});
    });
    QCOMPARE(written.status, Attempt::Status::PermanentFailure);
    QVERIFY2(written.message.contains(QLatin1String("does not exist")),
             qPrintable(written.message));
}

void tst_Destinations::azureExpiredSasFailsBeforeUpload()
{
    // The account URL points at a proxy that never listens: an upload attempt would fail with
    // "connection refused", so the SAS message proves that no request was sent.
    hubtest::TcpProxy nowhere(1);
    QJsonObject settings
        = azureSettings(QStringLiteral("drop"),
                        QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(nowhere.port()));
    settings.insert(QStringLiteral("authentication"), QStringLiteral("sas"));
    AzureBlobDestination destination(
        settings, {{QStringLiteral("sasToken"),
                    QStringLiteral("sv=2021-08-06&se=2020-01-01T00:00:00Z&sp=cw&sig=abc")}});
    const QString source = writeFile(m_dir, QStringLiteral("expired.csv"), "x\n");
    const Attempt written = destination.deliver(source, QStringLiteral("x.csv"), {7, 1});
    QCOMPARE(written.status, Attempt::Status::PermanentFailure);
    QVERIFY2(written.message.contains(QLatin1String("expired at 2020-01-01T00:00:00Z")),
             qPrintable(written.message));
}

void tst_Destinations::azureSasUpload()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; set HUBDESK_AZURITE_URL.");
    const QString container = createContainer();
    // A service SAS for the container, signed with the account key as the service defines it
    // for version 2021-08-06 (sp, st, se, canonical resource, and empty optional fields).
    const QString expiry = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    const QString resource = QStringLiteral("/blob/devstoreaccount1/%1").arg(container);
    const QString toSign = QStringList{QStringLiteral("racwl"),
                                       QString(),
                                       expiry,
                                       resource,
                                       QString(),
                                       QString(),
                                       QStringLiteral("http"),
                                       QStringLiteral("2021-08-06"),
                                       QStringLiteral("c"),
                                       QString(),
                                       QString(),
                                       QString(),
                                       QString(),
                                       QString(),
                                       QString(),
                                       QString()}
                               .join(QLatin1Char('\n'));
    const QByteArray signature
        = QMessageAuthenticationCode::hash(toSign.toUtf8(),
                                           QByteArray::fromBase64(kAzuriteKey.toLatin1()),
                                           QCryptographicHash::Sha256)
              .toBase64();
    const QString token
        = QStringLiteral("sv=2021-08-06&spr=http&sr=c&sp=racwl&se=%1&sig=%2")
              .arg(QString::fromLatin1(QUrl::toPercentEncoding(expiry)),
                   QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(signature))));

    const QUrl azurite(m_azuriteUrl);
    hubtest::TcpProxy proxy(quint16(azurite.port()));
    QVERIFY(proxy.start());
    QJsonObject settings = azureSettings(
        container, QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(proxy.port()));
    settings.insert(QStringLiteral("authentication"), QStringLiteral("sas"));
    settings.insert(QStringLiteral("blockSizeBytes"), 1024);
    AzureBlobDestination destination(settings, {{QStringLiteral("sasToken"), token}});
    const QString source = writeFile(m_dir, QStringLiteral("sas.bin"), randomBytes(4000));
    const Attempt written = runInThread([&] {
        return destination.deliver(source, QStringLiteral("sas.bin"), {8, 1});
    });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(proxy.requestLines.size(), 5); // four blocks and the block list
    for (const QByteArray &line : std::as_const(proxy.requestLines))
        QCOMPARE(line.count("sig="), 1);
}

void tst_Destinations::azureDownThenUp()
{
    if (!azuriteAvailable())
        QSKIP("Azurite is not running; set HUBDESK_AZURITE_URL.");
    const QString container = createContainer();
    const QUrl azurite(m_azuriteUrl);
    hubtest::TcpProxy proxy(quint16(azurite.port()));
    AzureBlobDestination destination(
        azureSettings(container,
                      QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(proxy.port())),
        azureSecrets());
    const QString source = writeFile(m_dir, QStringLiteral("later.csv"), "late\n");
    QStringList lines;
    const Attempt written = runInThread([&] {
        return hub::destinations::runWithRetries(
            RetryPolicy::fromSettings({{QStringLiteral("retry"), fastRetry(5)}}),
            [&](int attempt) {
                if (attempt == 2)
                    QMetaObject::invokeMethod(&proxy, [&proxy] { proxy.start(); });
                return destination.deliver(source, QStringLiteral("later.csv"), {9, 1});
            },
            [&](bool, const QString &line) { lines.append(line); });
    });
    QVERIFY2(written.ok(), qPrintable(written.message + lines.join(QLatin1Char('\n'))));
    QVERIFY2(lines.join(QLatin1Char('\n')).contains(QLatin1String("Attempt 1 failed")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QCOMPARE(azureRequest(container, QStringLiteral("later.csv"), "GET", {}).body,
             QByteArray("late\n"));
}

QJsonObject tst_Destinations::sftpSettings(quint16 port) const
{
    return QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                       {QStringLiteral("port"), port ? port : m_sftpPort},
                       {QStringLiteral("username"), hubtest::fixtureValue("HUBDESK_SFTP_USER")},
                       {QStringLiteral("authentication"), QStringLiteral("privateKey")},
                       {QStringLiteral("hostKey"), hubtest::fixtureValue("HUBDESK_SFTP_HOST_KEY")},
                       {QStringLiteral("remoteFolder"), m_sftpRoot},
                       {QStringLiteral("timeoutSeconds"), 10}};
}

QJsonObject tst_Destinations::sftpSecrets() const
{
    QFile key(hubtest::fixtureValue("HUBDESK_SFTP_KEY_FILE"));
    if (!key.open(QIODevice::ReadOnly))
        return {};
    return {{QStringLiteral("privateKey"), QString::fromLatin1(key.readAll())}};
}

void tst_Destinations::sftpUploadAndOverwrite()
{
    if (!sftpAvailable())
        QSKIP("sshd is not running; start it with tests/fixtures/sshd.sh start and set "
              "HUBDESK_SFTP_PORT and the other HUBDESK_SFTP_* variables.");
    SftpDestination destination(sftpSettings(), sftpSecrets());
    const Attempt tested = runInThread([&] { return destination.testConnection(); });
    QVERIFY2(tested.ok(), qPrintable(tested.message));

    const QString remote
        = QStringLiteral("overwrite-%1/sections.csv").arg(QCoreApplication::applicationPid());
    const QString first = writeFile(m_dir, QStringLiteral("sftp1.csv"), "old\n");
    Attempt written = runInThread([&] { return destination.deliver(first, remote, {10, 2}); });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(written.remoteName, m_sftpRoot + QLatin1Char('/') + remote);

    const QString second = writeFile(m_dir, QStringLiteral("sftp2.csv"), "new content\n");
    written = runInThread([&] { return destination.deliver(second, remote, {11, 2}); });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(written.bytes, 12);
    QFile delivered(QDir(m_sftpRoot).filePath(remote));
    QVERIFY(delivered.open(QIODevice::ReadOnly));
    QCOMPARE(delivered.readAll(), QByteArray("new content\n"));
    const QStringList left = QFileInfo(delivered).dir().entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, QStringList{QStringLiteral("sections.csv")});
}

void tst_Destinations::sftpNeverShowsPartialFile()
{
    if (!sftpAvailable())
        QSKIP("sshd is not running; set HUBDESK_SFTP_PORT.");
    SftpDestination destination(sftpSettings(), sftpSecrets());
    const QString remote = QStringLiteral("partial-%1.bin").arg(QCoreApplication::applicationPid());
    const QString target = QDir(m_sftpRoot).filePath(remote);
    const QByteArray content = randomBytes(24 * 1024 * 1024);
    const QString source = writeFile(m_dir, QStringLiteral("partial.bin"), content);

    int temporarySeen = 0;
    QList<qint64> targetSizes;
    const Attempt written = runInThread(
        [&] {
            return destination.deliver(source, remote, {12, 2});
        },
        [&] {
            const QFileInfo info(target);
            if (info.exists())
                targetSizes.append(info.size());
            if (QFileInfo::exists(
                    QDir(m_sftpRoot).filePath(QStringLiteral(".%1.hubd-12.part").arg(remote))))
                ++temporarySeen;
        });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QVERIFY2(temporarySeen > 0, "the poll never saw the temporary file");
    for (const qint64 size : std::as_const(targetSizes))
        QCOMPARE(size, content.size());
    QCOMPARE(QFileInfo(target).size(), content.size());
    QFile::remove(target);
}

void tst_Destinations::sftpFingerprintPin()
{
    if (!sftpAvailable())
        QSKIP("sshd is not running; set HUBDESK_SFTP_PORT.");
    const QStringList fields
        = hubtest::fixtureValue("HUBDESK_SFTP_HOST_KEY").split(QLatin1Char(' '));
    const QByteArray keyBlob = QByteArray::fromBase64(fields.value(2).toLatin1());
    const QString fingerprint
        = QStringLiteral("SHA256:")
          + QString::fromLatin1(QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::OmitTrailingEquals));
    QJsonObject settings = sftpSettings();
    settings.insert(QStringLiteral("hostKey"), fingerprint);
    SftpDestination destination(settings, sftpSecrets());
    const Attempt tested = runInThread([&] { return destination.testConnection(); });
    QVERIFY2(tested.ok(), qPrintable(tested.message));
}

void tst_Destinations::sftpHostKeyMismatch()
{
    if (!sftpAvailable())
        QSKIP("sshd is not running; set HUBDESK_SFTP_PORT.");
    QJsonObject settings = sftpSettings();
    settings.insert(QStringLiteral("hostKey"),
                    QString(QStringLiteral("SHA256:") + QString(43, QLatin1Char('A'))));
    SftpDestination destination(settings, sftpSecrets());
    const QString source = writeFile(m_dir, QStringLiteral("mismatch.csv"), "x\n");
    const Attempt written = runInThread([&] {
        return destination.deliver(source, QStringLiteral("m.csv"), {13, 2});
    });
    QCOMPARE(written.status, Attempt::Status::PermanentFailure);
    QVERIFY2(written.message.contains(QLatin1String("Host key mismatch")),
             qPrintable(written.message));
    QVERIFY(!QFileInfo::exists(QDir(m_sftpRoot).filePath(QStringLiteral("m.csv"))));
}

void tst_Destinations::sftpWrongKeyFailsAtOnce()
{
    if (!sftpAvailable())
        QSKIP("sshd is not running; set HUBDESK_SFTP_PORT.");
    const QString keyFile = m_dir.filePath(QStringLiteral("stranger_ed25519"));
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                  QStringLiteral("-N"), QString(), QStringLiteral("-f"), keyFile});
    QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::ReadOnly));
    SftpDestination destination(
        sftpSettings(), {{QStringLiteral("privateKey"), QString::fromLatin1(key.readAll())}});
    const Attempt tested = runInThread([&] { return destination.testConnection(); });
    QCOMPARE(tested.status, Attempt::Status::PermanentFailure);
    QVERIFY2(tested.message.contains(QLatin1String("Authentication failed")),
             qPrintable(tested.message));
}

void tst_Destinations::sftpDownThenUp()
{
    if (!sftpAvailable())
        QSKIP("sshd is not running; set HUBDESK_SFTP_PORT.");
    hubtest::TcpProxy proxy(m_sftpPort);
    QJsonObject settings = sftpSettings(proxy.port());
    SftpDestination destination(settings, sftpSecrets());
    const QString remote = QStringLiteral("later-%1.csv").arg(QCoreApplication::applicationPid());
    const QString source = writeFile(m_dir, QStringLiteral("later-sftp.csv"), "late\n");
    QStringList lines;
    const Attempt written = runInThread([&] {
        return hub::destinations::runWithRetries(
            RetryPolicy::fromSettings({{QStringLiteral("retry"), fastRetry(5)}}),
            [&](int attempt) {
                if (attempt == 2)
                    QMetaObject::invokeMethod(&proxy, [&proxy] { proxy.start(); });
                return destination.deliver(source, remote, {14, 2});
            },
            [&](bool, const QString &line) { lines.append(line); });
    });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("Attempt 1 failed")));
    QVERIFY(QFileInfo::exists(QDir(m_sftpRoot).filePath(remote)));
}

void tst_Destinations::httpsPostWithBearer()
{
    hubtest::TlsTestServer server(m_certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    HttpsDestination destination(
        {{QStringLiteral("url"),
          QStringLiteral("https://127.0.0.1:%1/upload").arg(server.serverPort())},
         {QStringLiteral("authentication"), QStringLiteral("bearer")},
         {QStringLiteral("caFile"), m_certificate.certificateFile},
         {QStringLiteral("timeoutSeconds"), 10}},
        {{QStringLiteral("bearerToken"), QStringLiteral("token-123")}});
    const QString source = writeFile(m_dir, QStringLiteral("post.csv"), "id\n1\n");
    const Attempt written = runInThread([&] {
        return destination.deliver(source, QStringLiteral("a/sections é.csv"), {15, 3});
    });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(server.received.size(), 1);
    const hubtest::ReceivedRequest &request = server.received.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/upload"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer token-123"));
    QCOMPARE(request.body, QByteArray("id\n1\n"));
    QCOMPARE(
        request.header("Content-Disposition"),
        QByteArray(
            "attachment; filename=\"sections _.csv\"; filename*=UTF-8''sections%20%C3%A9.csv"));
}

void tst_Destinations::httpsUntrustedCertificateFails()
{
    hubtest::TlsTestServer server(m_certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    HttpsDestination destination(
        {{QStringLiteral("url"),
          QStringLiteral("https://127.0.0.1:%1/upload").arg(server.serverPort())},
         {QStringLiteral("method"), QStringLiteral("PUT")},
         {QStringLiteral("timeoutSeconds"), 10}},
        {});
    const QString source = writeFile(m_dir, QStringLiteral("untrusted.csv"), "x\n");
    const Attempt written = runInThread([&] {
        return destination.deliver(source, QStringLiteral("x.csv"), {16, 3});
    });
    QCOMPARE(written.status, Attempt::Status::PermanentFailure);
    QVERIFY2(written.message.contains(QLatin1String("certificate")), qPrintable(written.message));
    QVERIFY(server.received.isEmpty());
}

void tst_Destinations::httpsServerErrorIsRetried()
{
    hubtest::TlsTestServer server(m_certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    server.statuses = {503, 429};
    HttpsDestination destination(
        {{QStringLiteral("url"),
          QStringLiteral("https://127.0.0.1:%1/upload").arg(server.serverPort())},
         {QStringLiteral("method"), QStringLiteral("PUT")},
         {QStringLiteral("authentication"), QStringLiteral("basic")},
         {QStringLiteral("username"), QStringLiteral("district")},
         {QStringLiteral("caFile"), m_certificate.certificateFile}},
        {{QStringLiteral("password"), QStringLiteral("pa:ss")}});
    const QString source = writeFile(m_dir, QStringLiteral("retry.csv"), "x\n");
    QStringList lines;
    const Attempt written = runInThread([&] {
        return hub::destinations::runWithRetries(
            RetryPolicy::fromSettings({{QStringLiteral("retry"), fastRetry(4)}}),
            [&](int) {
                return destination.deliver(source, QStringLiteral("x.csv"), {17, 3});
            },
            [&](bool, const QString &line) { lines.append(line); });
    });
    QVERIFY2(written.ok(), qPrintable(written.message));
    QCOMPARE(server.received.size(), 3);
    QCOMPARE(server.received.last().method, QByteArray("PUT"));
    QCOMPARE(server.received.last().header("Authorization"),
             "Basic " + QByteArray("district:pa:ss").toBase64());
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("HTTP 503")));
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("HTTP 429")));
}

void tst_Destinations::httpsUnauthorizedFailsAtOnce()
{
    hubtest::TlsTestServer server(m_certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    server.statuses = {401, 401, 401};
    HttpsDestination destination(
        {{QStringLiteral("url"),
          QStringLiteral("https://127.0.0.1:%1/upload").arg(server.serverPort())},
         {QStringLiteral("caFile"), m_certificate.certificateFile}},
        {});
    const QString source = writeFile(m_dir, QStringLiteral("denied.csv"), "x\n");
    const Attempt written = runInThread([&] {
        return hub::destinations::runWithRetries(
            RetryPolicy::fromSettings({{QStringLiteral("retry"), fastRetry(4)}}),
            [&](int) {
                return destination.deliver(source, QStringLiteral("x.csv"), {18, 3});
            },
            [](bool, const QString &) {});
    });
    QCOMPARE(written.status, Attempt::Status::PermanentFailure);
    QVERIFY2(written.message.contains(QLatin1String("HTTP 401")), qPrintable(written.message));
    QCOMPARE(server.received.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Destinations)
#include "tst_destinations.moc"
