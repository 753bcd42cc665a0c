// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "uitestengine.h"

#include "destinationlisteditor.h"
#include "newdestinationdialog.h"
#include "outboundintegrationform.h"
#include "secretfield.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QToolButton>

using hubdesk::NewDestinationDialog;
using hubdesk::SecretField;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

namespace {

// A syntactically valid SHA256 host key fingerprint; no server is expected to have it.
const QString kHostKey = u"SHA256:"_s + QString(43, QLatin1Char('A'));
const QString kPassword = u"correct horse battery staple"_s;
// Test Connection blocks the engine for at most the destination's time-out.
constexpr int kTestTimeoutMs = 20000;

} // namespace

class tst_DestinationDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void secretFieldValues();
    void sftpPasswordIsStoredMasked();
    void editKeepsStoredPassword();
    void emptyHostShowsFieldError();
    void sftpTestReportsClosedPort();
    void folderTestSucceeds();
    void cancelDeletesTestedDestination();
    void cancelKeepsWhenDeleteFails();
    void editButtonRenamesInPicker();
    void screenshotsOfEachKind();

private:
    template<typename Widget>
    Widget *control(const QString &objectName) const
    {
        auto widget = m_dialog->findChild<Widget *>(objectName);
        if (!widget)
            qWarning("No control named %s", qPrintable(objectName));
        return widget;
    }
    void selectKind(const QString &kind) const;
    void fillSftp(const QString &name, int port) const;
    qint64 saveNew();
    QJsonObject destinationSettings(qint64 id) const;
    static int closedPort();

    UiTestEngine m_engine;
    std::unique_ptr<NewDestinationDialog> m_dialog;
    qint64 m_sftpId = 0;
};

void tst_DestinationDialog::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_DestinationDialog::cleanupTestCase()
{
    m_engine.stop();
}

void tst_DestinationDialog::init()
{
    m_dialog = std::make_unique<NewDestinationDialog>(m_engine.client());
    m_dialog->reset();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void tst_DestinationDialog::cleanup()
{
    m_dialog.reset();
}

void tst_DestinationDialog::selectKind(const QString &kind) const
{
    auto combo = control<QComboBox>(u"destinationKindCombo"_s);
    combo->setCurrentIndex(combo->findData(kind));
}

void tst_DestinationDialog::fillSftp(const QString &name, int port) const
{
    selectKind(u"sftp"_s);
    control<QLineEdit>(u"destinationNameEdit"_s)->setText(name);
    control<QLineEdit>(u"sftpHostEdit"_s)->setText(u"127.0.0.1"_s);
    control<QSpinBox>(u"sftpPortSpin"_s)->setValue(port);
    control<QLineEdit>(u"sftpUsernameEdit"_s)->setText(u"exports"_s);
    auto authentication = control<QComboBox>(u"sftpAuthenticationCombo"_s);
    authentication->setCurrentIndex(authentication->findData(u"password"_s));
    control<QLineEdit>(u"sftpPasswordEdit"_s)->setText(kPassword);
    control<QLineEdit>(u"sftpHostKeyEdit"_s)->setText(kHostKey);
    control<QLineEdit>(u"sftpRemoteFolderEdit"_s)->setText(u"inbox"_s);
}

// Clicks Save and returns the new destination's id, or 0 when the dialog stays open.
qint64 tst_DestinationDialog::saveNew()
{
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    QTest::mouseClick(control<QPushButton>(u"saveDestinationButton"_s), Qt::LeftButton);
    if (!finished.wait(UiTestEngine::kRequestTimeoutMs))
        return 0;
    return finished.first().first().toInt() == QDialog::Accepted ? m_dialog->createdId() : 0;
}

QJsonObject tst_DestinationDialog::destinationSettings(qint64 id) const
{
    return m_engine.getObject(u"/api/v1/destinations/%1"_s.arg(id)).value(u"settings"_s).toObject();
}

int tst_DestinationDialog::closedPort()
{
    // The port was free a moment ago and nothing listens on it once the server closes.
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = server.serverPort();
    server.close();
    return port;
}

void tst_DestinationDialog::secretFieldValues()
{
    SecretField field(u"secretEdit"_s, u"Secret"_s);
    const QJsonValue stored = QJsonObject{{u"stored"_s, true}};

    // A new, empty secret is left out, never sent as "" (which would remove a stored one).
    QVERIFY(field.value().isUndefined());
    field.lineEdit()->setText(u"new"_s);
    QCOMPARE(field.value(), QJsonValue(u"new"_s));
    QCOMPARE(field.lineEdit()->echoMode(), QLineEdit::Password);

    field.setStored(true);
    QVERIFY(field.lineEdit()->text().isEmpty());
    QCOMPARE(field.value(), stored);
    QVERIFY(field.lineEdit()->isHidden());

    // Replace with nothing entered keeps the stored secret.
    field.replaceButton()->click();
    QVERIFY(field.isReplacing());
    QVERIFY(!field.lineEdit()->isHidden());
    QCOMPARE(field.value(), stored);
    field.lineEdit()->setText(u"replacement"_s);
    QCOMPARE(field.value(), QJsonValue(u"replacement"_s));

    // Keep Stored discards the entered value.
    field.replaceButton()->click();
    QVERIFY(!field.isReplacing());
    QVERIFY(field.lineEdit()->text().isEmpty());
    QCOMPARE(field.value(), stored);
}

void tst_DestinationDialog::sftpPasswordIsStoredMasked()
{
    QCOMPARE(m_dialog->windowTitle(), u"New Destination"_s);
    fillSftp(u"State SFTP"_s, 2022);
    m_sftpId = saveNew();
    QVERIFY(m_sftpId > 0);

    const QJsonObject settings = destinationSettings(m_sftpId);
    QCOMPARE(settings[u"host"_s].toString(), u"127.0.0.1"_s);
    QCOMPARE(settings[u"port"_s].toInt(), 2022);
    QCOMPARE(settings[u"username"_s].toString(), u"exports"_s);
    QCOMPARE(settings[u"authentication"_s].toString(), u"password"_s);
    QCOMPARE(settings[u"hostKey"_s].toString(), kHostKey);
    QCOMPARE(settings[u"remoteFolder"_s].toString(), u"inbox"_s);
    QCOMPARE(settings[u"password"_s].toObject(), QJsonObject({{u"stored"_s, true}}));
    QVERIFY(!settings.contains(u"privateKey"_s));

    const QByteArray listed = QJsonDocument(m_engine.getObject(u"/api/v1/destinations"_s))
                                  .toJson(QJsonDocument::Compact);
    QVERIFY(!listed.contains(kPassword.toUtf8()));
}

void tst_DestinationDialog::editKeepsStoredPassword()
{
    QVERIFY(m_sftpId > 0);
    m_dialog->editDestination(m_sftpId);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(m_dialog->windowTitle(), u"Edit Destination"_s);
    QCOMPARE(control<QLineEdit>(u"destinationNameEdit"_s)->text(), u"State SFTP"_s);
    QVERIFY(!control<QComboBox>(u"destinationKindCombo"_s)->isEnabled());
    QCOMPARE(control<QSpinBox>(u"sftpPortSpin"_s)->value(), 2022);
    QCOMPARE(control<QComboBox>(u"sftpAuthenticationCombo"_s)->currentData().toString(),
             u"password"_s);
    // The password shows as stored, with its line edit hidden and empty.
    QVERIFY(control<QLabel>(u"sftpPasswordEditStored"_s)->isVisible());
    QVERIFY(!control<QLineEdit>(u"sftpPasswordEdit"_s)->isVisible());
    QVERIFY(control<QLineEdit>(u"sftpPasswordEdit"_s)->text().isEmpty());
    QVERIFY(control<QPushButton>(u"sftpPasswordEditReplace"_s)->isVisible());
    hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-sftp-edit"_s);

    control<QSpinBox>(u"sftpPortSpin"_s)->setValue(2222);
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    QTest::mouseClick(control<QPushButton>(u"saveDestinationButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(finished.first().first().toInt(), NewDestinationDialog::Edited);
    QCOMPARE(m_dialog->createdId(), 0);

    // The engine rejects a password destination without a password, so the update succeeding
    // and GET still reporting it stored both show that the secret was kept.
    const QJsonObject settings = destinationSettings(m_sftpId);
    QCOMPARE(settings[u"port"_s].toInt(), 2222);
    QCOMPARE(settings[u"password"_s].toObject(), QJsonObject({{u"stored"_s, true}}));
}

void tst_DestinationDialog::emptyHostShowsFieldError()
{
    fillSftp(u"No Host"_s, 22);
    auto host = control<QLineEdit>(u"sftpHostEdit"_s);
    host->clear();
    control<QLineEdit>(u"destinationNameEdit"_s)->setFocus();
    m_dialog->save();
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->fieldError(u"settings.host"_s),
                              u"Enter the SFTP server's host name."_s,
                              UiTestEngine::kRequestTimeoutMs);
    QVERIFY(control<QLabel>(u"sftpHostEditError"_s)->isVisible());
    QCOMPARE(host->accessibleDescription(), u"Enter the SFTP server's host name."_s);
    QCOMPARE(m_dialog->focusWidget(), host);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->destinationId(), 0);
    hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-sftp-error"_s);
}

void tst_DestinationDialog::sftpTestReportsClosedPort()
{
    const int port = closedPort();
    QVERIFY(port > 0);
    fillSftp(u"Closed Port SFTP"_s, port);
    control<QToolButton>(u"advancedButton"_s)->click();
    QVERIFY(control<QWidget>(u"advancedSettings"_s)->isVisible());
    control<QSpinBox>(u"retryAttemptsSpin"_s)->setValue(1);
    control<QSpinBox>(u"timeoutSpin"_s)->setValue(5);

    // The engine tests saved destinations only, and the button's text shows that it saves first.
    auto testButton = control<QPushButton>(u"testConnectionButton"_s);
    QCOMPARE(testButton->text(), u"Save and Test"_s);
    QTest::mouseClick(testButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->testState(), NewDestinationDialog::TestState::Failed,
                              kTestTimeoutMs);
    QVERIFY2(m_dialog->testMessage().contains(u"port %1"_s.arg(port)),
             qPrintable(m_dialog->testMessage()));
    QVERIFY(control<QLabel>(u"testResultIcon"_s)->isVisible());
    QCOMPARE(control<QLabel>(u"testResultIcon"_s)->accessibleName(), u"Connection failed"_s);
    QVERIFY(m_dialog->isVisible());

    const qint64 id = m_dialog->destinationId();
    QVERIFY(id > 0);
    const QJsonObject settings = destinationSettings(id);
    QCOMPARE(settings[u"retry"_s][u"maxAttempts"_s].toInt(), 1);
    QCOMPARE(settings[u"timeoutSeconds"_s].toInt(), 5);
    QCOMPARE(settings[u"password"_s].toObject(), QJsonObject({{u"stored"_s, true}}));
    // The password just sent now shows as stored.
    QVERIFY(control<QLabel>(u"sftpPasswordEditStored"_s)->isVisible());
    // Nothing changed since the save, so the button tests without saving again.
    QCOMPARE(testButton->text(), u"Test Connection"_s);
    QCOMPARE(control<QPushButton>(u"cancelDestinationButton"_s)->text(), u"Cancel"_s);
    hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-sftp-test-failed"_s);

    // A change makes it save first again.
    control<QLineEdit>(u"sftpHostEdit"_s)->setText(u"localhost"_s);
    QCOMPARE(testButton->text(), u"Save and Test"_s);
    control<QLineEdit>(u"sftpHostEdit"_s)->setText(u"127.0.0.1"_s);
    QCOMPARE(testButton->text(), u"Test Connection"_s);

    // Save keeps the tested destination, and the form picks it.
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    m_dialog->save();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
    QCOMPARE(m_dialog->createdId(), id);
    QCOMPARE(m_engine.getObject(u"/api/v1/destinations/%1"_s.arg(id)).value(u"name"_s).toString(),
             u"Closed Port SFTP"_s);
}

void tst_DestinationDialog::cancelDeletesTestedDestination()
{
    const int port = closedPort();
    QVERIFY(port > 0);
    fillSftp(u"Cancelled SFTP"_s, port);
    control<QToolButton>(u"advancedButton"_s)->click();
    control<QSpinBox>(u"retryAttemptsSpin"_s)->setValue(1);
    control<QSpinBox>(u"timeoutSpin"_s)->setValue(5);
    m_dialog->testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->testState(), NewDestinationDialog::TestState::Failed,
                              kTestTimeoutMs);
    const qint64 id = m_dialog->destinationId();
    QVERIFY(id > 0);
    QCOMPARE(m_dialog->createdId(), id);

    // Cancel deletes what Save and Test saved, so no broken destination is left to pick.
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    QTest::mouseClick(control<QPushButton>(u"cancelDestinationButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Rejected));
    QCOMPARE(m_dialog->createdId(), 0);
    const hubdesk::ApiResult deleted = UiTestEngine::wait(m_engine.client()->fetchDestination(id));
    QCOMPARE(deleted.httpStatus, 404);
    const QJsonArray destinations
        = m_engine.getObject(u"/api/v1/destinations"_s).value(u"destinations"_s).toArray();
    for (const QJsonValue &destination : destinations)
        QVERIFY(destination[u"name"_s].toString() != u"Cancelled SFTP"_s);
}

void tst_DestinationDialog::cancelKeepsWhenDeleteFails()
{
    const QString path = QDir(m_engine.dataDir()).filePath(u"kept-exports"_s);
    selectKind(u"folder"_s);
    control<QLineEdit>(u"destinationNameEdit"_s)->setText(u"Kept Folder"_s);
    control<QLineEdit>(u"destinationPathEdit"_s)->setText(path);
    m_dialog->testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->testState(), NewDestinationDialog::TestState::Succeeded,
                              kTestTimeoutMs);
    const qint64 id = m_dialog->createdId();
    QVERIFY(id > 0);

    // The engine cannot be reached when Cancel sends the request to delete the destination.
    hubdesk::EngineClient *client = m_engine.client();
    const QUrl engineUrl = client->baseUrl();
    client->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())));
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    m_dialog->reject();
    auto message = control<QLabel>(u"newDestinationError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), UiTestEngine::kRequestTimeoutMs);
    client->setBaseUrl(engineUrl);
    QVERIFY(UiTestEngine::wait(client->checkHealth()).ok());
    QVERIFY2(message->text().startsWith(u"Cannot delete \"Kept Folder\", which Save and Test "
                                        u"saved: "_s),
             qPrintable(message->text()));
    QVERIFY2(message->text().endsWith(u" Close keeps it among the destinations, and Save adds "
                                      u"it to this integration."_s),
             qPrintable(message->text()));
    QCOMPARE(finished.size(), 0);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(control<QPushButton>(u"cancelDestinationButton"_s)->text(), u"Close"_s);
    // The dialog grows to show the message without squeezing the fields.
    QTRY_VERIFY(m_dialog->height() >= m_dialog->sizeHint().height());
    hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-delete-failed"_s);

    // Close then leaves the destination as it is, without adding it to a form.
    m_dialog->reject();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Rejected));
    QCOMPARE(m_engine.getObject(u"/api/v1/destinations/%1"_s.arg(id)).value(u"name"_s).toString(),
             u"Kept Folder"_s);
}

void tst_DestinationDialog::folderTestSucceeds()
{
    const QString path = QDir(m_engine.dataDir()).filePath(u"tested-exports"_s);
    selectKind(u"folder"_s);
    control<QLineEdit>(u"destinationNameEdit"_s)->setText(u"Tested Folder"_s);
    control<QLineEdit>(u"destinationPathEdit"_s)->setText(path);

    QTest::mouseClick(control<QPushButton>(u"testConnectionButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->testState(), NewDestinationDialog::TestState::Succeeded,
                              kTestTimeoutMs);
    QCOMPARE(m_dialog->testMessage(), u"The folder %1 is writable."_s.arg(path));
    QCOMPARE(control<QLabel>(u"testResultIcon"_s)->accessibleName(), u"Connection succeeded"_s);
    QVERIFY(m_dialog->destinationId() > 0);
    QCOMPARE(control<QPushButton>(u"testConnectionButton"_s)->text(), u"Test Connection"_s);

    // A second test of the unchanged destination does not save it again.
    const QString updatedAt
        = m_engine.getObject(u"/api/v1/destinations/%1"_s.arg(m_dialog->destinationId()))
              .value(u"updatedAt"_s)
              .toString();
    m_dialog->testConnection();
    QCOMPARE(m_dialog->testState(), NewDestinationDialog::TestState::Running);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->testState(), NewDestinationDialog::TestState::Succeeded,
                              kTestTimeoutMs);
    QCOMPARE(m_engine.getObject(u"/api/v1/destinations/%1"_s.arg(m_dialog->destinationId()))
                 .value(u"updatedAt"_s)
                 .toString(),
             updatedAt);
    hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-folder-tested"_s);
}

void tst_DestinationDialog::editButtonRenamesInPicker()
{
    QVERIFY(m_sftpId > 0);
    m_dialog.reset();
    hubdesk::OutboundIntegrationForm form(m_engine.client());
    form.resize(900, 1000);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QSignalSpy loaded(&form, &hubdesk::OutboundIntegrationForm::loaded);
    form.startNew(m_engine.productNamed(u"MiLEARN"_s));
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));

    hubdesk::DestinationListEditor *editor = form.destinationEditor();
    QVERIFY(!editor->editButton(0)->isEnabled());
    editor->selectDestination(m_sftpId);
    QCOMPARE(editor->destinationCombo(0)->currentText(), u"State SFTP"_s);
    QVERIFY(editor->editButton(0)->isEnabled());
    QCOMPARE(editor->editButton(0)->text(), u"Edit…"_s);

    QTest::mouseClick(editor->editButton(0), Qt::LeftButton);
    NewDestinationDialog *dialog = form.newDestinationDialog();
    QTRY_VERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(dialog->destinationId(), m_sftpId);
    auto name = dialog->findChild<QLineEdit *>(u"destinationNameEdit"_s);
    QCOMPARE(name->text(), u"State SFTP"_s);
    name->setText(u"State SFTP (MDE)"_s);
    dialog->save();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), UiTestEngine::kRequestTimeoutMs);

    // The picker keeps the destination and shows its new name, and no row was added.
    QCOMPARE(editor->rowCount(), 1);
    QCOMPARE(editor->destinationCombo(0)->currentText(), u"State SFTP (MDE)"_s);
    QCOMPARE(form.toJson()[u"destinations"_s][0][u"destinationId"_s].toInteger(), m_sftpId);
}

void tst_DestinationDialog::screenshotsOfEachKind()
{
    const QStringList kinds{u"folder"_s, u"sftp"_s, u"azure-blob"_s, u"https"_s};
    for (const QString &kind : kinds) {
        selectKind(kind);
        control<QLineEdit>(u"destinationNameEdit"_s)->setText(u"District Exports"_s);
        QTest::qWait(50);
        QVERIFY(m_dialog->height() >= m_dialog->minimumSizeHint().height());
        hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-%1"_s.arg(kind));
    }
    control<QToolButton>(u"advancedButton"_s)->click();
    QTest::qWait(50);
    QVERIFY(m_dialog->height() >= m_dialog->minimumSizeHint().height());
    hubtest::saveScreenshot(m_dialog.get(), u"destination-dialog-https-advanced"_s);
}

QTEST_MAIN(tst_DestinationDialog)

#include "tst_destinationdialog.moc"
