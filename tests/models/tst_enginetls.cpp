// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// EngineClient against engines that serve HTTPS with certificates from a test CA: it trusts
// the engine only with the CA file, and explains an untrusted or mismatched certificate.

#include "engine.h"
#include "engineclient.h"
#include "tlsfixture.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hubdesk;

namespace {

const QByteArray kToken = QByteArrayLiteral("tst-enginetls-token-0123456789");

ApiResult waitFor(ApiJob *job)
{
    ApiResult result;
    bool done = false;
    QObject::connect(job, &ApiJob::finished, job, [&](const ApiResult &finished) {
        result = finished;
        done = true;
    });
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 30000)
        QTest::qWait(10);
    return result;
}

} // namespace

class tst_EngineTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void untrustedCertificateIsExplained();
    void caFileMakesEngineTrusted();
    void mismatchedNameIsExplained();
    void caFileErrors();
    void wrongCaFileIsExplained();

private:
    std::unique_ptr<hub::Engine> startEngine(const QString &certificate, const QString &key,
                                             const QString &dataDir);

    QTemporaryDir m_dir;
    hubtest::TestPki m_pki;
    std::unique_ptr<hub::Engine> m_engine;
    QNetworkAccessManager m_network;
};

std::unique_ptr<hub::Engine> tst_EngineTls::startEngine(const QString &certificate,
                                                        const QString &key, const QString &dataDir)
{
    hub::EngineOptions options;
    options.dataDir = m_dir.filePath(dataDir);
    options.adminToken = kToken;
    options.tlsCertificateFile = certificate;
    options.tlsKeyFile = key;
    auto engine = std::make_unique<hub::Engine>(options);
    const auto started = engine->start();
    if (!started) {
        qWarning("%s", qPrintable(started.error()));
        return {};
    }
    return engine;
}

void tst_EngineTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend on this system.");
    QVERIFY(m_dir.isValid());
    m_pki = hubtest::makeTestPki(m_dir);
    QVERIFY2(m_pki.error.isEmpty(), qPrintable(m_pki.error));
    m_engine
        = startEngine(m_pki.serverCertificateFile, m_pki.serverKeyFile, QStringLiteral("engine"));
    QVERIFY(m_engine);
    QCOMPARE(m_engine->baseUrl().scheme(), QStringLiteral("https"));
}

void tst_EngineTls::cleanupTestCase()
{
    m_engine.reset();
}

void tst_EngineTls::untrustedCertificateIsExplained()
{
    EngineClient client(&m_network);
    client.setBaseUrl(m_engine->baseUrl());
    client.setToken(kToken);
    const ApiResult result = waitFor(client.checkHealth());
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(client.connectionState(), EngineClient::ConnectionState::Failed);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("does not trust the certificate")),
             qPrintable(result.errorMessage));
    QVERIFY(result.errorMessage.contains(QStringLiteral("Hubdesk Test CA")));
    QVERIFY(result.errorMessage.contains(QStringLiteral("--ca-file")));
}

void tst_EngineTls::caFileMakesEngineTrusted()
{
    const CaFile ca = EngineClient::readCaFile(m_pki.caCertificateFile);
    QVERIFY2(ca.error.isEmpty(), qPrintable(ca.error));
    QCOMPARE(ca.certificates.size(), 1);

    // The same client fails first, then succeeds once the CA file is chosen: the connection
    // that failed must not be reused with its old TLS configuration.
    EngineClient client(&m_network);
    client.setBaseUrl(m_engine->baseUrl());
    client.setToken(kToken);
    QCOMPARE(waitFor(client.checkHealth()).httpStatus, 0);
    client.setCaCertificates(ca.certificates);
    const ApiResult result = waitFor(client.checkHealth());
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(client.connectionState(), EngineClient::ConnectionState::Connected);
}

void tst_EngineTls::mismatchedNameIsExplained()
{
    // A certificate from the trusted CA, but for another host name.
    const auto engine = startEngine(m_pki.wrongNameCertificateFile, m_pki.wrongNameKeyFile,
                                    QStringLiteral("wrong-name"));
    QVERIFY(engine);
    EngineClient client(&m_network);
    client.setBaseUrl(engine->baseUrl());
    client.setToken(kToken);
    client.setCaCertificates({m_pki.caCertificate});
    const ApiResult result = waitFor(client.checkHealth());
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(
        result.errorMessage.contains(QStringLiteral("is for wrong.example, not for 127.0.0.1")),
        qPrintable(result.errorMessage));
}

void tst_EngineTls::caFileErrors()
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.pem"));
    const CaFile absent = EngineClient::readCaFile(missing);
    QVERIFY(absent.certificates.isEmpty());
    QVERIFY2(absent.error.startsWith(QStringLiteral("Cannot read the CA file %1").arg(missing)),
             qPrintable(absent.error));

    // A private key is not a certificate.
    const CaFile key = EngineClient::readCaFile(m_pki.serverKeyFile);
    QVERIFY(key.certificates.isEmpty());
    QVERIFY2(key.error.contains(QStringLiteral("contains no PEM certificate")),
             qPrintable(key.error));
}

void tst_EngineTls::wrongCaFileIsExplained()
{
    // A CA file of another authority: the message blames the chosen file, not the system.
    QTemporaryDir otherDir;
    QVERIFY(otherDir.isValid());
    const hubtest::TestPki other = hubtest::makeTestPki(otherDir);
    QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
    const CaFile ca = EngineClient::readCaFile(other.caCertificateFile);
    QVERIFY2(ca.error.isEmpty(), qPrintable(ca.error));

    EngineClient client(&m_network);
    client.setBaseUrl(m_engine->baseUrl());
    client.setToken(kToken);
    client.setCaCertificates(ca.certificates);
    const ApiResult result = waitFor(client.checkHealth());
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("The chosen CA file does not vouch")),
             qPrintable(result.errorMessage));
    QVERIFY(result.errorMessage.contains(QStringLiteral("Hubdesk Test CA")));
}

QTEST_GUILESS_MAIN(tst_EngineTls)

#include "tst_enginetls.moc"
