// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace hubtest {

// A throwaway certificate authority and a server certificate that it signed for 127.0.0.1 and
// localhost, made with the openssl command. Also a certificate from the same CA for the host
// wrong.example only, and a key that belongs to no certificate.
struct TestPki
{
    QString caCertificateFile;
    QString serverCertificateFile;
    QString serverKeyFile;
    QString otherKeyFile;
    QString wrongNameCertificateFile;
    QString wrongNameKeyFile;
    QSslCertificate caCertificate;
    QString error;
};

inline bool runOpenssl(const QStringList &arguments, QString *error)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(arguments.constFirst(), QString::fromLocal8Bit(openssl.readAll()));
        return false;
    }
    return true;
}

// Writes the files into dir. On failure, error names the openssl step that failed.
inline TestPki makeTestPki(const QTemporaryDir &dir)
{
    TestPki pki;
    const auto path = [&dir](const char *name) {
        return dir.filePath(QString::fromLatin1(name));
    };
    pki.caCertificateFile = path("ca.crt");
    pki.serverCertificateFile = path("server.crt");
    pki.serverKeyFile = path("server.key");
    pki.otherKeyFile = path("other.key");
    pki.wrongNameCertificateFile = path("wrong-name.crt");
    pki.wrongNameKeyFile = path("wrong-name.key");
    const QString wrongNameRequest = path("wrong-name.csr");
    const QString wrongNameExtensions = path("wrong-name.ext");
    const QString caKey = path("ca.key");
    const QString request = path("server.csr");
    const QString extensions = path("server.ext");

    QFile extensionFile(extensions);
    if (!extensionFile.open(QIODevice::WriteOnly)) {
        pki.error = extensionFile.errorString();
        return pki;
    }
    extensionFile.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                        "basicConstraints=critical,CA:FALSE\n"
                        "extendedKeyUsage=serverAuth\n");
    extensionFile.close();
    QFile wrongNameExtensionFile(wrongNameExtensions);
    if (!wrongNameExtensionFile.open(QIODevice::WriteOnly)) {
        pki.error = wrongNameExtensionFile.errorString();
        return pki;
    }
    wrongNameExtensionFile.write("subjectAltName=DNS:wrong.example\n"
                                 "basicConstraints=critical,CA:FALSE\n"
                                 "extendedKeyUsage=serverAuth\n");
    wrongNameExtensionFile.close();

    const QStringList ecKey
        = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    const bool made
        = runOpenssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                         + QStringList{QStringLiteral("-keyout"), caKey, QStringLiteral("-out"),
                                       pki.caCertificateFile, QStringLiteral("-days"),
                                       QStringLiteral("2"), QStringLiteral("-subj"),
                                       QStringLiteral("/CN=Hubdesk Test CA"),
                                       QStringLiteral("-addext"),
                                       QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                       QStringLiteral("-addext"),
                                       QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                     &pki.error)
          && runOpenssl(QStringList{QStringLiteral("req")} + ecKey
                            + QStringList{QStringLiteral("-keyout"), pki.serverKeyFile,
                                          QStringLiteral("-out"), request, QStringLiteral("-subj"),
                                          QStringLiteral("/CN=127.0.0.1")},
                        &pki.error)
          && runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         request, QStringLiteral("-CA"), pki.caCertificateFile,
                         QStringLiteral("-CAkey"), caKey, QStringLiteral("-CAcreateserial"),
                         QStringLiteral("-out"), pki.serverCertificateFile, QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-extfile"), extensions},
                        &pki.error)
          && runOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                         QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-out"),
                         pki.otherKeyFile},
                        &pki.error)
          && runOpenssl(QStringList{QStringLiteral("req")} + ecKey
                            + QStringList{QStringLiteral("-keyout"), pki.wrongNameKeyFile,
                                          QStringLiteral("-out"), wrongNameRequest,
                                          QStringLiteral("-subj"),
                                          QStringLiteral("/CN=wrong.example")},
                        &pki.error)
          && runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         wrongNameRequest, QStringLiteral("-CA"), pki.caCertificateFile,
                         QStringLiteral("-CAkey"), caKey, QStringLiteral("-CAcreateserial"),
                         QStringLiteral("-out"), pki.wrongNameCertificateFile,
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                         wrongNameExtensions},
                        &pki.error);
    if (!made)
        return pki;

    const QList<QSslCertificate> ca = QSslCertificate::fromPath(pki.caCertificateFile);
    if (ca.isEmpty())
        pki.error = QStringLiteral("The test CA certificate cannot be read back.");
    else
        pki.caCertificate = ca.constFirst();
    return pki;
}

} // namespace hubtest
