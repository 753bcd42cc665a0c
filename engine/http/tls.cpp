// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "tls.h"

#include "core/logging.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace hub::http {

namespace {

Result<QByteArray> readFile(const QString &path, const QString &kind)
{
    if (path.isEmpty())
        return failure(QStringLiteral("No %1 file was given; TLS needs both --tls-cert and "
                                      "--tls-key.")
                           .arg(kind));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read the TLS %1 %2: %3. Check the path and that "
                                      "this user may read it.")
                           .arg(kind, path, file.errorString()));
    return file.readAll();
}

// Qt cannot check whether a private key matches a certificate, so OpenSSL, which Qt's TLS
// backend uses as well, checks it.
bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    const auto bio = [](const QByteArray &data) {
        return std::unique_ptr<BIO, decltype(&BIO_free)>(
            BIO_new_mem_buf(data.constData(), int(data.size())), &BIO_free);
    };
    const auto certificateBio = bio(certificatePem);
    const auto keyBio = bio(keyPem);
    if (!certificateBio || !keyBio)
        return false;
    const std::unique_ptr<X509, decltype(&X509_free)> certificate(
        PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr), &X509_free);
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    return certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
}

} // namespace

Result<QSslConfiguration> loadTlsConfiguration(const QString &certificateFile,
                                               const QString &keyFile)
{
    auto certificatePem = readFile(certificateFile, QStringLiteral("certificate"));
    if (!certificatePem)
        return failure(certificatePem.error());
    auto keyPem = readFile(keyFile, QStringLiteral("key"));
    if (!keyPem)
        return failure(keyPem.error());

    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return failure(QStringLiteral("%1 holds no PEM certificate (a block that begins with "
                                      "\"-----BEGIN CERTIFICATE-----\").")
                           .arg(certificateFile));

    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return failure(QStringLiteral("%1 holds no unencrypted PEM private key (RSA, EC or "
                                      "DSA). hubd cannot ask for a passphrase; remove it with "
                                      "\"openssl pkey -in KEY -out KEY.plain\".")
                           .arg(keyFile));
    if (!keyMatchesCertificate(*certificatePem, *keyPem))
        return failure(QStringLiteral("The private key in %1 does not belong to the certificate "
                                      "in %2. Give the key that was made with this certificate.")
                           .arg(keyFile, certificateFile));

    const QSslCertificate &leaf = chain.constFirst();
    if (leaf.expiryDate() < QDateTime::currentDateTimeUtc())
        qCWarning(lcHttp) << "The TLS certificate in" << certificateFile << "expired on"
                          << leaf.expiryDate().toString(Qt::ISODate) << "; clients will reject it";
    if (QFile::permissions(keyFile) & (QFile::ReadOther | QFile::ReadGroup))
        qCWarning(lcHttp) << "The TLS key" << keyFile
                          << "is readable by other users; make it readable by hubd only (chmod "
                             "600)";

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    qCInfo(lcHttp).noquote() << "Loaded the TLS certificate for"
                             << leaf.subjectInfo(QSslCertificate::CommonName).join(u',')
                             << "valid until" << leaf.expiryDate().toString(Qt::ISODate);
    return configuration;
}

} // namespace hub::http
