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
// localhost, made with the openssl command, plus a key that belongs to neither.
struct TestPki
{
    QString caCertificateFile;
    QString serverCertificateFile;
    QString serverKeyFile;
    QString otherKeyFile;
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

// Writes the files into dir. On failure, error says which openssl step failed.
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
