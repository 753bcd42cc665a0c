// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Run Notifications dialog against an in-process demo engine and a webhook receiver on
// 127.0.0.1: load, field errors, save and Send Test.

#include "uitestengine.h"

#include "mainwindow.h"
#include "notificationsettingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>

using hubdesk::NotificationSettingsDialog;
using hubtest::UiTestEngine;

class tst_NotificationSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void loadsDefaults();
    void invalidFieldsShowErrors();
    void sendTestReportsEachChannel();
    void mainWindowOpensDialog();

private:
    template<typename Widget>
    Widget *child(NotificationSettingsDialog &dialog, const QString &name) const
    {
        return dialog.findChild<Widget *>(name);
    }

    UiTestEngine m_engine;
    QHttpServer m_webhook;
    quint16 m_webhookPort = 0;
    QList<QByteArray> m_received;
};

void tst_NotificationSettings::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_webhook.route(QStringLiteral("/hook"), [this](const QHttpServerRequest &request) {
        m_received.append(request.body());
        return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
    });
    m_webhookPort = m_webhook.listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_webhookPort != 0);
}

void tst_NotificationSettings::cleanupTestCase()
{
    m_engine.stop();
}

void tst_NotificationSettings::loadsDefaults()
{
    NotificationSettingsDialog dialog(m_engine.client());
    QSignalSpy loaded(&dialog, &NotificationSettingsDialog::loaded);
    dialog.load();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(child<QCheckBox>(dialog, QStringLiteral("notifyOnFailureCheck"))->isChecked());
    QVERIFY(child<QCheckBox>(dialog, QStringLiteral("notifyOnLongRunCheck"))->isChecked());
    QVERIFY(!child<QGroupBox>(dialog, QStringLiteral("emailGroup"))->isChecked());
    QVERIFY(!child<QGroupBox>(dialog, QStringLiteral("webhookGroup"))->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, QStringLiteral("smtpPortSpin"))->value(), 587);
    QCOMPARE(dialog.message(), QString());
    // The daily summary's time reads as every other time of the English console does.
    auto summaryTime = child<QTimeEdit>(dialog, QStringLiteral("dailySummaryTimeEdit"));
    QCOMPARE(summaryTime->displayFormat(), QStringLiteral("hh:mm AP"));
    QCOMPARE(summaryTime->text(), QStringLiteral("07:00 AM"));
    // It names the district's zone, Detroit's in the demo district.
    auto zone = child<QLabel>(dialog, QStringLiteral("dailySummaryZoneLabel"));
    QVERIFY(!zone->isHidden());
    const bool daylightTime = QTimeZone(QByteArrayLiteral("America/Detroit"))
                                  .isDaylightTime(QDateTime::currentDateTimeUtc());
    QCOMPARE(zone->text(), daylightTime ? QStringLiteral("EDT") : QStringLiteral("EST"));
    QCOMPARE(zone->toolTip(), QStringLiteral("Time zone of the district: America/Detroit"));
}

void tst_NotificationSettings::invalidFieldsShowErrors()
{
    NotificationSettingsDialog dialog(m_engine.client());
    dialog.show();
    child<QGroupBox>(dialog, QStringLiteral("emailGroup"))->setChecked(true);
    child<QLineEdit>(dialog, QStringLiteral("emailRecipientsEdit"))->setText(QStringLiteral("not-an-address"));
    child<QGroupBox>(dialog, QStringLiteral("webhookGroup"))->setChecked(true);
    child<QLineEdit>(dialog, QStringLiteral("webhookUrlEdit"))
        ->setText(QStringLiteral("http://example.org/hook"));
    QSignalSpy saved(&dialog, &NotificationSettingsDialog::saved);
    dialog.save();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.message().isEmpty(), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(saved.size(), 0);
    QVERIFY(!dialog.fieldErrors().message(QStringLiteral("email.host")).isEmpty());
    QVERIFY(!dialog.fieldErrors().message(QStringLiteral("email.from")).isEmpty());
    QVERIFY(dialog.fieldErrors().message(QStringLiteral("email.recipients")).contains(QStringLiteral("not-an-address")));
    QVERIFY(!dialog.fieldErrors().message(QStringLiteral("webhook.url")).isEmpty());

    // The dialog grows for the messages, so no field is squeezed below its height.
    QTRY_VERIFY(dialog.height() >= dialog.minimumSizeHint().height());
    for (const char *name : {"emailRecipientsEdit", "emailFromEdit", "smtpHostEdit",
                             "webhookUrlEdit"}) {
        auto edit = child<QLineEdit>(dialog, QLatin1String(name));
        QVERIFY2(edit->height() >= edit->sizeHint().height(),
                 qPrintable(QStringLiteral("%1: %2 of %3")
                                .arg(QLatin1String(name))
                                .arg(edit->height())
                                .arg(edit->sizeHint().height())));
    }
    hubtest::saveScreenshot(&dialog, QStringLiteral("notification-settings-errors"));
}

void tst_NotificationSettings::sendTestReportsEachChannel()
{
    NotificationSettingsDialog dialog(m_engine.client());
    dialog.resize(640, 720);
    dialog.show();
    QSignalSpy loaded(&dialog, &NotificationSettingsDialog::loaded);
    dialog.load();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    auto webhook = child<QGroupBox>(dialog, QStringLiteral("webhookGroup"));
    webhook->setChecked(true);
    child<QLineEdit>(dialog, QStringLiteral("webhookUrlEdit"))
        ->setText(QStringLiteral("http://127.0.0.1:%1/hook").arg(m_webhookPort));
    QSignalSpy saved(&dialog, &NotificationSettingsDialog::saved);
    child<QPushButton>(dialog, QStringLiteral("saveNotificationsButton"))->click();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));

    QSignalSpy finished(&dialog, &NotificationSettingsDialog::testFinished);
    child<QPushButton>(dialog, QStringLiteral("sendTestButton"))->click();
    QVERIFY(finished.wait(NotificationSettingsDialog::kTestTimeoutMs));
    QCOMPARE(dialog.message(), QStringLiteral("Test webhook sent."));
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(m_received.first()).object()[QStringLiteral("event")].toString(),
             QStringLiteral("test"));
    hubtest::saveScreenshot(&dialog, QStringLiteral("notification-settings"));

    // With every channel off, the engine rejects the test and the dialog shows why.
    webhook->setChecked(false);
    saved.clear();
    dialog.save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    finished.clear();
    dialog.sendTest();
    QVERIFY(finished.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY2(dialog.message().contains(QStringLiteral("Turn on email or the webhook")),
             qPrintable(dialog.message()));
}

void tst_NotificationSettings::mainWindowOpensDialog()
{
    hubdesk::MainWindow window(m_engine.client());
    window.show();
    auto action = window.findChild<QAction *>(QStringLiteral("notificationsAction"));
    QVERIFY(action);
    action->trigger();
    QTRY_VERIFY(window.findChild<NotificationSettingsDialog *>() != nullptr);
    QTRY_VERIFY(window.findChild<NotificationSettingsDialog *>()->isVisible());
    window.findChild<NotificationSettingsDialog *>()->close();
}

QTEST_MAIN(tst_NotificationSettings)
#include "tst_notificationsettings.moc"
