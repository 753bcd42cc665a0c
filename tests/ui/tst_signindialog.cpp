// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The sign-in dialog and the signed-in main window against an in-process engine.

#include "uitestengine.h"
#include "tlsfixture.h"

#include "accounts/accounts.h"
#include "store/store.h"
#include "engineclient.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "tokenstore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyleOption>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

} // namespace

class tst_SignInDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongPasswordShowsError();
    void plainHttpToNetworkIsRejected();
    void signInSetsSession();
    void rememberWithoutKeychainWarns();
    void viewerSeesNoRunActions();
    void districtPickerSwitchesDistrict();
    void caFileTrustsEngineCertificate();
    void unreadableCaFileShowsError();
    void rememberedCaFileFillsField();
    void enterInPasswordSignsIn();
    void focusStartsInFirstEmptyField_data();
    void focusStartsInFirstEmptyField();

private:
    qint64 createAccount(const QString &name, const QString &role, qint64 district);
    void fill(hubdesk::SignInDialog &dialog, const QString &user, const QString &password);

    hubtest::UiTestEngine m_engine;
    QNetworkAccessManager m_network;
    qint64 m_secondDistrict = 0;
};

void tst_SignInDialog::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const hubdesk::ApiResult district = hubtest::UiTestEngine::wait(m_engine.client()->post(
        QStringLiteral("/api/v1/districts"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Lakeshore Schools")},
                    {QStringLiteral("timeZone"), QStringLiteral("America/Chicago")}}));
    QCOMPARE(district.httpStatus, 201);
    m_secondDistrict = district.body.object().value(QStringLiteral("id")).toInteger();

    const qint64 first = m_engine.engine()->districtId();
    QVERIFY(createAccount(QStringLiteral("ada"), QStringLiteral("administrator"), first) > 0);
    QVERIFY(createAccount(QStringLiteral("val"), QStringLiteral("viewer"), first) > 0);
    const qint64 both = createAccount(QStringLiteral("pat"), QStringLiteral("viewer"), first);
    QVERIFY(hub::execute(m_engine.engine()->store().connection(),
                         QStringLiteral("INSERT INTO account_memberships(account_id, district_id, "
                                        "role) VALUES (?, ?, 'operator')"),
                         {both, m_secondDistrict})
                .ok());
}

void tst_SignInDialog::cleanupTestCase()
{
    m_engine.stop();
}

qint64 tst_SignInDialog::createAccount(const QString &name, const QString &role, qint64 district)
{
    hub::accounts::NewAccount account;
    account.name = name;
    account.displayName = name == QLatin1String("ada") ? QStringLiteral("Ada Park") : QString();
    account.password = kPassword;
    account.districtId = district;
    account.role = *hub::accounts::roleFromName(role);
    auto id = hub::accounts::createAccount(m_engine.engine()->store().connection(), account,
                                           QDateTime::currentDateTimeUtc());
    return id ? *id : 0;
}

void tst_SignInDialog::fill(hubdesk::SignInDialog &dialog, const QString &user,
                            const QString &password)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("engineUrlEdit"))
        ->setText(m_engine.engine()->baseUrl().toString());
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(user);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
}

void tst_SignInDialog::wrongPasswordShowsError()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    fill(dialog, QStringLiteral("ada"), QStringLiteral("not the password"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);

    auto error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), hubtest::UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(error->text(), QStringLiteral("The user name or password is wrong."));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled());
}

void tst_SignInDialog::plainHttpToNetworkIsRejected()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    fill(dialog, QStringLiteral("ada"), kPassword);
    dialog.setEngineUrl(QUrl(QStringLiteral("http://hub.example.org:8470")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    auto error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("https://")), qPrintable(error->text()));
    // No request was sent: the client still has no engine URL.
    QVERIFY(client.baseUrl().isEmpty());

    dialog.setEngineUrl(QUrl(QStringLiteral("ftp://hub.example.org")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QCOMPARE(error->text(), QStringLiteral("Enter the engine's address as https://host:port."));
}

void tst_SignInDialog::signInSetsSession()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The empty CA file field shows its whole placeholder.
    auto caFile = dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit"));
    QCOMPARE(caFile->placeholderText(), QStringLiteral("System certificates only"));
    QStyleOptionFrame frame;
    frame.initFrom(caFile);
    frame.rect = caFile->rect();
    frame.lineWidth = caFile->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &frame, caFile);
    const QRect textArea
        = caFile->style()->subElementRect(QStyle::SE_LineEditContents, &frame, caFile);
    QVERIFY2(textArea.width()
                 >= caFile->fontMetrics().horizontalAdvance(caFile->placeholderText()) + 4,
             qPrintable(QString::number(textArea.width())));
    fill(dialog, QStringLiteral("ada"), kPassword);
    hubtest::saveScreenshot(&dialog, QStringLiteral("sign-in"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted),
                              hubtest::UiTestEngine::kRequestTimeoutMs);

    const hubdesk::SessionInfo session = dialog.session();
    QCOMPARE(session.user, QStringLiteral("ada"));
    QCOMPARE(session.shownName(), QStringLiteral("Ada Park"));
    QCOMPARE(session.district.role, QStringLiteral("administrator"));
    QCOMPARE(session.districts.size(), 1);
    QVERIFY(session.canConfigure());
    QVERIFY(!dialog.refreshToken().isEmpty());
    QCOMPARE(dialog.expiresIn(), 3600);
    QVERIFY(dialog.keychainWarning().isEmpty());
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());

    // The client now carries the user's token.
    const hubdesk::ApiResult integrations = hubtest::UiTestEngine::wait(client.fetchIntegrations());
    QVERIFY2(integrations.ok(), qPrintable(integrations.errorMessage));
    const hubdesk::ApiResult me = hubtest::UiTestEngine::wait(client.fetchSession());
    QCOMPARE(me.body.object().value(QStringLiteral("user")).toString(), QStringLiteral("ada"));
}

void tst_SignInDialog::rememberWithoutKeychainWarns()
{
    // No session bus, so no Secret Service or KWallet: the sign-in works but is not kept.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hubdesk-test-bus");
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    fill(dialog, QStringLiteral("ada"), kPassword);
    dialog.setRemember(true);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
    // The whole sentence: what failed, why, and what to do.
    QCOMPARE(dialog.keychainWarning(),
             QStringLiteral("Hubdesk cannot keep the sign-in in the system keychain because this "
                            "desktop session has no D-Bus session bus. You will enter your "
                            "password at the next start. To be remembered, start GNOME Keyring, "
                            "KWallet or another Secret Service, then sign in with \"Remember me "
                            "on this computer\" ticked."));
    QCOMPARE(dialog.session().user, QStringLiteral("ada"));

    // The window shows it in a message box, not as a status bar message that the signed-in
    // label covers.
    hubdesk::MainWindow window(&client);
    window.setSession(dialog.session());
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showSignInNotRemembered(dialog.keychainWarning());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("signInNotRememberedBox"))));
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("Sign-In Not Remembered"));
    QCOMPARE(box->text(), dialog.keychainWarning());
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
    hubtest::saveScreenshot(box, QStringLiteral("sign-in-not-remembered"));
    box->accept();
}

void tst_SignInDialog::viewerSeesNoRunActions()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    fill(dialog, QStringLiteral("val"), kPassword);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted),
                              hubtest::UiTestEngine::kRequestTimeoutMs);

    hubdesk::MainWindow window(&client);
    window.setSession(dialog.session());
    window.show();
    window.refreshAll();
    // Pages that the stack does not show are hidden too, so the tests look at isHidden().
    const QStringList hidden{QStringLiteral("runbookCancelButton"), QStringLiteral("runbookRetryButton"),
                             QStringLiteral("runbookRunNowButton"), QStringLiteral("runNowButton"),
                             QStringLiteral("uploadFileButton"), QStringLiteral("editIntegrationButton"),
                             QStringLiteral("addIntegrationButton")};
    for (const QString &name : hidden) {
        const auto buttons = window.findChildren<QPushButton *>(name);
        QVERIFY2(!buttons.isEmpty(), qPrintable(name));
        for (QPushButton *button : buttons)
            QVERIFY2(button->isHidden(), qPrintable(name));
    }
    // The catalog's and the integrations page's add buttons.
    QCOMPARE(window.findChildren<QPushButton *>(QStringLiteral("addIntegrationButton")).size(), 2);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("notificationsAction"))->isVisible());
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("runbookSearchButton"))->isHidden());
    auto user = window.findChild<QLabel *>(QStringLiteral("userLabel"));
    QCOMPARE(user->text(), QStringLiteral("Signed in as val (viewer)"));
    auto district = window.findChild<QLabel *>(QStringLiteral("districtLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(district->text().startsWith(QLatin1String("Demo Public Schools")),
                             hubtest::UiTestEngine::kRequestTimeoutMs);
    // One district: no picker.
    QVERIFY(!window.findChild<QComboBox *>(QStringLiteral("districtPicker"))->isVisibleTo(&window));
    // The audit log is for administrators.
    auto navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QCOMPARE(navigation->item(4)->text(), QStringLiteral("Audit Log"));
    QVERIFY(navigation->item(4)->isHidden());

    // An administrator gets them back.
    hubdesk::SessionInfo administrator = dialog.session();
    administrator.district.role = QStringLiteral("administrator");
    window.setSession(administrator);
    for (const QString &name : hidden) {
        const auto buttons = window.findChildren<QPushButton *>(name);
        for (QPushButton *button : buttons)
            QVERIFY2(!button->isHidden(), qPrintable(name));
    }
    QVERIFY(!navigation->item(4)->isHidden());
}

void tst_SignInDialog::districtPickerSwitchesDistrict()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    fill(dialog, QStringLiteral("pat"), kPassword);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted),
                              hubtest::UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(dialog.session().districts.size(), 2);

    hubdesk::MainWindow window(&client);
    window.setSession(dialog.session());
    window.show();
    auto picker = window.findChild<QComboBox *>(QStringLiteral("districtPicker"));
    QVERIFY(picker->isVisibleTo(&window));
    QCOMPARE(picker->count(), 2);
    QCOMPARE(picker->currentText(), QStringLiteral("Demo Public Schools"));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("runbookRetryButton"))->isHidden());

    picker->setCurrentIndex(1);
    QTRY_COMPARE_WITH_TIMEOUT(client.district(), m_secondDistrict, hubtest::UiTestEngine::kRequestTimeoutMs);
    auto user = window.findChild<QLabel *>(QStringLiteral("userLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(user->text(), QStringLiteral("Signed in as pat (operator)"),
                              hubtest::UiTestEngine::kRequestTimeoutMs);
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("runbookRetryButton"))->isHidden());
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("editIntegrationButton"))->isHidden());
    auto district = window.findChild<QLabel *>(QStringLiteral("districtLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(district->text().startsWith(QLatin1String("Lakeshore Schools")),
                             hubtest::UiTestEngine::kRequestTimeoutMs);
    QVERIFY(district->text().contains(QLatin1String("America/Chicago")));
    hubtest::saveScreenshot(&window, QStringLiteral("signed-in"));
}

void tst_SignInDialog::caFileTrustsEngineCertificate()
{
    // An engine whose certificate a test CA issued, which the system does not trust.
    QTemporaryDir dir;
    const hubtest::TestPki pki = hubtest::makeTestPki(dir);
    QVERIFY2(pki.error.isEmpty(), qPrintable(pki.error));
    hub::EngineOptions options;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.adminToken = "tls-sign-in-token-0123456789";
    options.tlsCertificateFile = pki.serverCertificateFile;
    options.tlsKeyFile = pki.serverKeyFile;
    hub::Engine engine(options);
    auto started = engine.start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    hub::accounts::NewAccount account;
    account.name = QStringLiteral("tia");
    account.password = kPassword;
    account.districtId = engine.districtId();
    account.role = hub::accounts::Role::Viewer;
    QVERIFY(hub::accounts::createAccount(engine.store().connection(), account,
                                         QDateTime::currentDateTimeUtc())
                .ok());

    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("engineUrlEdit"))->setText(engine.baseUrl().toString());
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(QStringLiteral("tia"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(kPassword);
    QVERIFY(engine.baseUrl().scheme() == QLatin1String("https"));
    auto signInButton = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
    auto error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));

    // Without the CA file the certificate is not trusted, and the dialog shows why.
    QTest::mouseClick(signInButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), hubtest::UiTestEngine::kRequestTimeoutMs);
    QVERIFY2(error->text().contains(QLatin1String("certificate")), qPrintable(error->text()));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // With it the sign-in goes through.
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(kPassword);
    dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->setText(pki.caCertificateFile);
    QTRY_VERIFY_WITH_TIMEOUT(signInButton->isEnabled(), hubtest::UiTestEngine::kRequestTimeoutMs);
    QTest::mouseClick(signInButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted),
                              hubtest::UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(dialog.caFile(), pki.caCertificateFile);
    QCOMPARE(dialog.session().user, QStringLiteral("tia"));
    engine.stop();
}

void tst_SignInDialog::unreadableCaFileShowsError()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    fill(dialog, QStringLiteral("ada"), kPassword);
    QTemporaryDir dir;
    const QString notPem = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(notPem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
    }
    const struct
    {
        QString path;
        QString message;
    } cases[] = {
        {dir.filePath(QStringLiteral("missing.pem")), QStringLiteral("Cannot read the CA file")},
        {notPem, QStringLiteral("contains no PEM certificate")},
    };
    auto signInButton = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
    auto error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
    for (const auto &entry : cases) {
        dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->setText(entry.path);
        QTest::mouseClick(signInButton, Qt::LeftButton);
        // The file is checked before any request, so the error shows at once.
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(entry.message), qPrintable(error->text()));
        QVERIFY2(error->text().contains(entry.path), qPrintable(error->text()));
        QVERIFY(signInButton->isEnabled());
        QCOMPARE(dialog.focusWidget(), dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit")));
    }
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void tst_SignInDialog::rememberedCaFileFillsField()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    const QUrl remembered(QStringLiteral("https://hub.example.org:8470"));
    dialog.setRememberedCaFiles(
        {{hubdesk::EngineClient::engineKey(remembered), QStringLiteral("/etc/hubdesk/isd-ca.pem")}});
    auto caFile = dialog.findChild<QLineEdit *>(QStringLiteral("caFileEdit"));
    QVERIFY(caFile->text().isEmpty());
    QCOMPARE(caFile->placeholderText(), QStringLiteral("System certificates only"));

    auto url = dialog.findChild<QLineEdit *>(QStringLiteral("engineUrlEdit"));
    url->setText(QStringLiteral("https://hub.example.org:9000"));
    QVERIFY(caFile->text().isEmpty());
    url->setText(QStringLiteral("https://hub.example.org:8470/"));
    QCOMPARE(caFile->text(), QStringLiteral("/etc/hubdesk/isd-ca.pem"));
    QCOMPARE(dialog.caFile(), QStringLiteral("/etc/hubdesk/isd-ca.pem"));
}

// Enter in the password field signs in, also after the user has tabbed past Browse; it must
// never open the CA file chooser.
void tst_SignInDialog::enterInPasswordSignsIn()
{
    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    fill(dialog, QStringLiteral("ada"), QStringLiteral("not the password"));
    auto browse = dialog.findChild<QPushButton *>(QStringLiteral("caFileButton"));
    auto signInButton = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
    auto password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    browse->setFocus();
    QTRY_VERIFY(browse->hasFocus());
    password->setFocus();
    QTRY_VERIFY(password->hasFocus());
    // Checked before the key press: a chooser opened by Enter would block the test.
    QVERIFY(!browse->isDefault());
    QVERIFY(signInButton->isDefault());

    QTest::keyClick(password, Qt::Key_Return);
    auto error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), hubtest::UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(error->text(), QStringLiteral("The user name or password is wrong."));
}

void tst_SignInDialog::focusStartsInFirstEmptyField_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("focused");

    QTest::newRow("nothing given") << QString() << QString() << QStringLiteral("engineUrlEdit");
    QTest::newRow("engine URL given")
        << QStringLiteral("http://127.0.0.1:18471") << QString() << QStringLiteral("userEdit");
    QTest::newRow("URL and user given") << QStringLiteral("http://127.0.0.1:18471")
                                        << QStringLiteral("ada") << QStringLiteral("passwordEdit");
}

// The console fills in the URL from --engine-url, so typing must start in the user name.
void tst_SignInDialog::focusStartsInFirstEmptyField()
{
    QFETCH(QString, url);
    QFETCH(QString, user);
    QFETCH(QString, focused);

    hubdesk::EngineClient client(&m_network);
    hubdesk::TokenStore tokens;
    hubdesk::SignInDialog dialog(&client, &tokens);
    dialog.setEngineUrl(QUrl(url));
    dialog.setUser(user);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(QApplication::focusWidget() != nullptr);
    QCOMPARE(QApplication::focusWidget()->objectName(), focused);

    if (focused == QLatin1String("userEdit")) {
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("sam"));
        QCOMPARE(dialog.user(), QStringLiteral("sam"));
        QCOMPARE(dialog.engineUrl(), QUrl(url));
    }
}

QTEST_MAIN(tst_SignInDialog)
#include "tst_signindialog.moc"
