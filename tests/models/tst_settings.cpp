// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "settings.h"
#include "engineclient.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hubdesk;

class tst_Settings final : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void valuesPersist();
    void emptyLanguageFollowsSystem();
    void caFileIsKeptPerEngine();
};

void tst_Settings::defaults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Settings settings(dir.filePath(QStringLiteral("hubdesk.ini")));

    QCOMPARE(settings.mode(), Settings::Mode::Local);
    QVERIFY(settings.remoteUrl().isEmpty());
    QVERIFY(settings.caFile().isEmpty());
    QVERIFY(settings.windowGeometry().isEmpty());
    QVERIFY(settings.windowState().isEmpty());
    QVERIFY(settings.language().isEmpty());
    QVERIFY(!settings.highContrast());
}

void tst_Settings::valuesPersist()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("hubdesk.ini"));
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03", 6);
    {
        Settings settings(file);
        settings.setMode(Settings::Mode::Remote);
        settings.setRemoteUrl(QUrl(QStringLiteral("https://hub.example.org:8470")));
        settings.setCaFile(QStringLiteral("/etc/hubdesk/district-ca.pem"));
        settings.setWindowGeometry(geometry);
        settings.setWindowState(QByteArrayLiteral("state"));
        settings.setLanguage(QStringLiteral("ar"));
        settings.setHighContrast(true);
        settings.sync();
    }

    const Settings reopened(file);
    QCOMPARE(reopened.mode(), Settings::Mode::Remote);
    QCOMPARE(reopened.remoteUrl(), QUrl(QStringLiteral("https://hub.example.org:8470")));
    QCOMPARE(reopened.caFile(), QStringLiteral("/etc/hubdesk/district-ca.pem"));
    QCOMPARE(reopened.windowGeometry(), geometry);
    QCOMPARE(reopened.windowState(), QByteArrayLiteral("state"));
    QCOMPARE(reopened.language(), QStringLiteral("ar"));
    QVERIFY(reopened.highContrast());
}

void tst_Settings::emptyLanguageFollowsSystem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Settings settings(dir.filePath(QStringLiteral("hubdesk.ini")));
    settings.setLanguage(QStringLiteral("es"));
    QCOMPARE(settings.language(), QStringLiteral("es"));
    // Choosing the system language again removes the setting.
    settings.setLanguage(QString());
    QVERIFY(settings.language().isEmpty());
}

void tst_Settings::caFileIsKeptPerEngine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("hubdesk.ini"));
    const QUrl district(QStringLiteral("https://hub.example.org:8470/"));
    const QUrl other(QStringLiteral("https://hub.example.org:9000"));
    {
        Settings settings(file);
        QVERIFY(settings.caFileFor(district).isEmpty());
        settings.setCaFileFor(district, QStringLiteral("/etc/hubdesk/district-ca.pem"));
        settings.setCaFileFor(other, QStringLiteral("/etc/hubdesk/other-ca.pem"));
        settings.sync();
    }
    Settings reopened(file);
    // The path, case of the host and a default port do not make another engine.
    QCOMPARE(reopened.caFileFor(QUrl(QStringLiteral("https://HUB.example.org:8470/api"))),
             QStringLiteral("/etc/hubdesk/district-ca.pem"));
    QCOMPARE(reopened.caFileFor(other), QStringLiteral("/etc/hubdesk/other-ca.pem"));
    QVERIFY(reopened.caFileFor(QUrl(QStringLiteral("http://hub.example.org:8470"))).isEmpty());
    QCOMPARE(reopened.caFilesByEngine().size(), 2);
    QCOMPARE(reopened.caFilesByEngine().value(QStringLiteral("https://hub.example.org:9000")),
             QStringLiteral("/etc/hubdesk/other-ca.pem"));
    // An empty path removes the engine's file; the global --ca-file is a separate setting.
    reopened.setCaFileFor(other, QString());
    QVERIFY(reopened.caFileFor(other).isEmpty());
    QVERIFY(reopened.caFile().isEmpty());
    QCOMPARE(hubdesk::EngineClient::engineKey(QUrl(QStringLiteral("https://hub.example.org"))),
             QStringLiteral("https://hub.example.org:443"));
}

QTEST_GUILESS_MAIN(tst_Settings)

#include "tst_settings.moc"
