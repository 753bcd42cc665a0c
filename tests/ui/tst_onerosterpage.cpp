// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The OneRoster page against an in-process demo engine: register an application with scopes,
// copy its client id and secret, reset the secret and delete it. With HUBDESK_SCREENSHOT_DIR
// set, the main window on this page is saved as oneroster.png.

#include "uitestengine.h"

#include "catalogpage.h"
#include "core/timeutil.h"
#include "engine.h"
#include "mainwindow.h"
#include "onerosterpage.h"
#include "productmodel.h"
#include "sessioninfo.h"
#include "store/store.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTimeZone>
#include <QTreeWidget>

using hubdesk::OneRosterPage;
using namespace Qt::StringLiterals;

// Runs verifySecretGone() and ends the test at its first failed check.
#define VERIFY_SECRET_GONE()                                                                       \
    do {                                                                                           \
        verifySecretGone();                                                                        \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class tst_OneRosterPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registerShowsSecretOnce();
    void noScopeWarnsInWords();
    void invalidFormShowsFieldErrors();
    void duplicateNameShowsFieldError();
    void editScopesAndStatus();
    void resetSecretShowsNewSecret();
    void deleteRemovesApplication();
    void activityListsRequestsPerHour();
    void clearPagesRemovesSecret();
    void operatorSeesReadOnlyPage();
    void vendorUrlsShowWithoutScrolling();
    void refreshRemovesSecret();
    void otherApplicationRemovesSecret();
    void refreshScrollsFormToTop();
    void districtSwitchRemovesSecret();

private:
    OneRosterPage *page() const { return m_window->oneRosterPage(); }
    template<typename T>
    T *child(const char *name) const
    {
        return page()->findChild<T *>(QLatin1String(name));
    }
    bool waitForRefresh();
    // Whether the whole of field shows in the form's scrolled viewport.
    bool shownInForm(const QWidget *field) const;
    // Whether widget is visible and lies whole inside each of its ancestors up to the window,
    // so that no scroll area or window edge cuts it.
    static bool shownWhole(const QWidget *widget);
    // Registers an application named name, waits for the list to reload and returns the id,
    // or 0 when either step fails.
    qint64 registerApplication(const QString &name);
    // Resets the secret of the application with id and waits until the page shows it.
    bool showNewSecret(qint64 id);
    // Checks that no client id or secret is on show.
    void verifySecretGone();

    hubtest::UiTestEngine m_engine;
    std::unique_ptr<hubdesk::MainWindow> m_window;
};

void tst_OneRosterPage::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<hubdesk::MainWindow>(m_engine.client());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showPage(hubdesk::MainWindow::Page::OneRoster);
    QVERIFY(waitForRefresh());
}

void tst_OneRosterPage::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

bool tst_OneRosterPage::waitForRefresh()
{
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    page()->refresh();
    return refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs);
}

bool tst_OneRosterPage::shownInForm(const QWidget *field) const
{
    const QWidget *viewport = child<QScrollArea>("oneRosterFormScroll")->viewport();
    const QRect area(field->mapTo(viewport, QPoint(0, 0)), field->size());
    return field->isVisible() && viewport->rect().contains(area);
}

bool tst_OneRosterPage::shownWhole(const QWidget *widget)
{
    if (!widget->isVisible())
        return false;
    QRect area(QPoint(0, 0), widget->size());
    for (const QWidget *child = widget; !child->isWindow(); child = child->parentWidget()) {
        area.translate(child->pos());
        if (!child->parentWidget()->rect().contains(area))
            return false;
    }
    return true;
}

qint64 tst_OneRosterPage::registerApplication(const QString &name)
{
    page()->startNew();
    child<QLineEdit>("applicationNameEdit")->setText(name);
    child<QLineEdit>("applicationVendorEdit")->setText(QStringLiteral("Vendor"));
    QSignalSpy saved(page(), &OneRosterPage::saved);
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    page()->save();
    if (!saved.wait(hubtest::UiTestEngine::kRequestTimeoutMs))
        return 0;
    if (!refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs))
        return 0;
    return saved.first().first().toLongLong();
}

bool tst_OneRosterPage::showNewSecret(qint64 id)
{
    if (!page()->selectApplication(id))
        return false;
    page()->resetSecret();
    return QTest::qWaitFor([this] { return page()->isSecretShown(); },
                           hubtest::UiTestEngine::kRequestTimeoutMs);
}

void tst_OneRosterPage::verifySecretGone()
{
    QVERIFY(!page()->isSecretShown());
    QVERIFY(child<QGroupBox>("credentialsBox")->isHidden());
    QCOMPARE(child<QLineEdit>("clientSecretEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>("clientIdEdit")->text(), QString());
    QVERIFY(!child<QPushButton>("copyClientSecretButton")->isVisible());
    QVERIFY(!child<QLabel>("secretNoticeLabel")->isVisible());
}

void tst_OneRosterPage::registerShowsSecretOnce()
{
    // The window size of a 1280x860 screen, where the credentials opened below the fold.
    m_window->resize(1248, 796);
    page()->startNew();
    QVERIFY(child<QGroupBox>("credentialsBox")->isHidden());
    QCOMPARE(child<QPushButton>("saveApplicationButton")->text(), QStringLiteral("Register"));
    QVERIFY(child<QCheckBox>("scope_roster-core.readonly")->isChecked());
    child<QLineEdit>("applicationNameEdit")->setText(QStringLiteral("Reading Coach"));
    child<QLineEdit>("applicationVendorEdit")->setText(QStringLiteral("Lexia Learning"));
    child<QCheckBox>("scope_gradebook.createput")->setChecked(true);
    child<QComboBox>("applicationSchoolYearCombo")->setCurrentIndex(2);

    QSignalSpy saved(page(), &OneRosterPage::saved);
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    QTest::mouseClick(child<QPushButton>("saveApplicationButton"), Qt::LeftButton);
    QVERIFY(saved.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));

    QVERIFY(!child<QGroupBox>("credentialsBox")->isHidden());
    QLineEdit *secretEdit = child<QLineEdit>("clientSecretEdit");
    QCOMPARE(m_window->focusWidget(), secretEdit);
    QTRY_VERIFY(shownInForm(secretEdit));
    QVERIFY(shownInForm(child<QLineEdit>("clientIdEdit")));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-registered"));
    const QString clientId = child<QLineEdit>("clientIdEdit")->text();
    const QString secret = child<QLineEdit>("clientSecretEdit")->text();
    QVERIFY(clientId.size() >= 20);
    QVERIFY(secret.size() >= 40);
    QTest::mouseClick(child<QPushButton>("copyClientSecretButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), secret);
    QTest::mouseClick(child<QPushButton>("copyClientIdButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), clientId);
    QVERIFY(child<QLineEdit>("tokenUrlEdit")->text().endsWith(QLatin1String("/oauth/token")));
    QVERIFY(child<QLineEdit>("baseUrl11Edit")->text().endsWith(QLatin1String("/ims/oneroster/v1p1")));
    const QString origin = child<QLineEdit>("baseUrl11Edit")->text().chopped(
        QStringLiteral("/ims/oneroster/v1p1").size());
    QVERIFY(origin.startsWith(QLatin1String("http://127.0.0.1:")));
    QCOMPARE(child<QLineEdit>("rosteringUrl12Edit")->text(),
             origin + QStringLiteral("/ims/oneroster/rostering/v1p2"));
    QCOMPARE(child<QLineEdit>("gradebookUrl12Edit")->text(),
             origin + QStringLiteral("/ims/oneroster/gradebook/v1p2"));
    QCOMPARE(child<QLineEdit>("resourcesUrl12Edit")->text(),
             origin + QStringLiteral("/ims/oneroster/resources/v1p2"));
    QTest::mouseClick(child<QPushButton>("copyGradebookUrl12Button"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(),
             origin + QStringLiteral("/ims/oneroster/gradebook/v1p2"));

    QCOMPARE(page()->list()->topLevelItemCount(), 1);
    QTreeWidgetItem *item = page()->list()->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("Reading Coach"));
    QCOMPARE(item->text(3), QStringLiteral("2"));
    QCOMPARE(item->text(4), QStringLiteral("Active"));
    QCOMPARE(page()->selectedId(), saved.first().first().toLongLong());
    QCOMPARE(child<QPushButton>("saveApplicationButton")->text(), QStringLiteral("Save Changes"));

    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster"));

    // The URLs for the vendor sit above the list and the form, outside the form's scroll area.
    QVERIFY(shownWhole(child<QLineEdit>("tokenUrlEdit")));
    QVERIFY(shownWhole(child<QLineEdit>("resourcesUrl12Edit")));
    hubtest::saveScreenshot(child<QGroupBox>("vendorUrlBox"),
                            QStringLiteral("oneroster-vendor-urls"));

    // Selecting the application again shows no secret: the engine keeps only its hash.
    const qint64 id = saved.first().first().toLongLong();
    page()->startNew();
    QVERIFY(page()->selectApplication(id));
    QVERIFY(child<QGroupBox>("credentialsBox")->isHidden());
    QVERIFY(child<QLineEdit>("clientSecretEdit")->text().isEmpty());
}

void tst_OneRosterPage::noScopeWarnsInWords()
{
    page()->startNew();
    QLabel *warning = child<QLabel>("scopeWarningLabel");
    QVERIFY(warning->isHidden());
    child<QCheckBox>("scope_roster-core.readonly")->setChecked(false);
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(QLatin1String("no data will transfer")));
    QVERIFY(warning->text().contains(QLatin1String("roster-core.readonly")));
    child<QCheckBox>("scope_resource.readonly")->setChecked(true);
    QVERIFY(warning->isHidden());
}

void tst_OneRosterPage::invalidFormShowsFieldErrors()
{
    m_window->resize(1248, 796);
    page()->startNew();
    QLineEdit *name = child<QLineEdit>("applicationNameEdit");
    name->clear();
    QScrollBar *scrollBar = child<QScrollArea>("oneRosterFormScroll")->verticalScrollBar();
    QTRY_VERIFY(scrollBar->maximum() > 0);
    scrollBar->setValue(scrollBar->maximum());
    QVERIFY(!shownInForm(name));

    QTest::mouseClick(child<QPushButton>("saveApplicationButton"), Qt::LeftButton);
    QLabel *nameError = child<QLabel>("applicationNameEditError");
    QTRY_VERIFY_WITH_TIMEOUT(!nameError->isHidden(), hubtest::UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(nameError->text(), QStringLiteral("Enter the application's name."));
    QCOMPARE(name->accessibleDescription(), nameError->text());
    QVERIFY(child<QLabel>("applicationFieldErrors")->isHidden());
    QVERIFY(shownInForm(name));
    QCOMPARE(m_window->focusWidget(), name);
    QVERIFY(page()->message().startsWith(QLatin1String("Cannot save")));
    QVERIFY(child<QGroupBox>("credentialsBox")->isHidden());
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-name-error"));

    // Typing in the field clears its message.
    QTest::keyClicks(name, QStringLiteral("M"));
    QVERIFY(nameError->isHidden());
    QVERIFY(name->accessibleDescription().isEmpty());
}

void tst_OneRosterPage::duplicateNameShowsFieldError()
{
    // registerShowsSecretOnce registered "Reading Coach".
    QVERIFY(waitForRefresh());
    const int count = page()->list()->topLevelItemCount();
    page()->startNew();
    child<QLineEdit>("applicationNameEdit")->setText(QStringLiteral("Reading Coach"));
    QTest::mouseClick(child<QPushButton>("saveApplicationButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>("applicationNameEditError")->isHidden(),
                             hubtest::UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(child<QLabel>("applicationNameEditError")->text(),
             QStringLiteral("Another application is already named \"Reading Coach\". Choose a "
                            "different name."));
    QVERIFY(page()->message().startsWith(QLatin1String("Cannot save")));
    QVERIFY(child<QGroupBox>("credentialsBox")->isHidden());
    QVERIFY(waitForRefresh());
    QCOMPARE(page()->list()->topLevelItemCount(), count);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-duplicate-name"));
}

void tst_OneRosterPage::editScopesAndStatus()
{
    QVERIFY(waitForRefresh());
    QVERIFY(page()->list()->topLevelItemCount() >= 1);
    const qint64 id = page()->list()->topLevelItem(0)->data(0, Qt::UserRole).toLongLong();
    page()->startNew();
    QVERIFY(page()->selectApplication(id));
    QCOMPARE(child<QLineEdit>("applicationNameEdit")->text(), QStringLiteral("Reading Coach"));
    QVERIFY(child<QCheckBox>("scope_gradebook.createput")->isChecked());
    child<QCheckBox>("scope_gradebook.createput")->setChecked(false);
    child<QCheckBox>("scope_roster.readonly")->setChecked(true);
    child<QCheckBox>("applicationActiveCheck")->setChecked(false);

    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    QTest::mouseClick(child<QPushButton>("saveApplicationButton"), Qt::LeftButton);
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    const QJsonObject stored = m_engine.getObject(QStringLiteral("/api/v1/oneroster/applications/%1").arg(id));
    QCOMPARE(stored[QStringLiteral("scopes")].toArray(),
             (QJsonArray{QStringLiteral("roster-core.readonly"), QStringLiteral("roster.readonly")}));
    QCOMPARE(stored[QStringLiteral("active")].toBool(), false);
    QCOMPARE(page()->list()->topLevelItem(0)->text(4), QStringLiteral("Inactive"));
}

void tst_OneRosterPage::resetSecretShowsNewSecret()
{
    const qint64 id = page()->list()->topLevelItem(0)->data(0, Qt::UserRole).toLongLong();
    QVERIFY(page()->selectApplication(id));
    QVERIFY(child<QPushButton>("resetSecretButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("resetSecretButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QGroupBox>("credentialsBox")->isHidden(),
                             hubtest::UiTestEngine::kRequestTimeoutMs);
    QVERIFY(child<QLineEdit>("clientSecretEdit")->text().size() >= 40);
    QCOMPARE(m_window->focusWidget(), child<QLineEdit>("clientSecretEdit"));
    QTRY_VERIFY(shownInForm(child<QLineEdit>("clientSecretEdit")));
    QVERIFY(page()->message().contains(QLatin1String("new secret")));
}

void tst_OneRosterPage::deleteRemovesApplication()
{
    const qint64 id = page()->list()->topLevelItem(0)->data(0, Qt::UserRole).toLongLong();
    QVERIFY(page()->selectApplication(id));
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    QTest::mouseClick(child<QPushButton>("deleteApplicationButton"), Qt::LeftButton);
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(page()->list()->topLevelItemCount(), 0);
    QCOMPARE(page()->selectedId(), 0);
    QVERIFY(!child<QPushButton>("deleteApplicationButton")->isEnabled());
}

void tst_OneRosterPage::activityListsRequestsPerHour()
{
    // No application has called the API in this engine yet.
    QVERIFY(waitForRefresh());
    QTreeWidget *activity = page()->activityList();
    QCOMPARE(activity->topLevelItemCount(), 1);
    QVERIFY(activity->topLevelItem(0)->text(0).startsWith(QStringLiteral("No application")));

    // The provider adds a row per application and UTC hour. The test writes two hours of one
    // application.
    page()->startNew();
    child<QLineEdit>("applicationNameEdit")->setText(QStringLiteral("Math Practice"));
    child<QLineEdit>("applicationVendorEdit")->setText(QStringLiteral("Vendor"));
    QSignalSpy saved(page(), &OneRosterPage::saved);
    page()->save();
    QVERIFY(saved.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    const qint64 id = saved.first().first().toLongLong();
    const QDateTime hour = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QDateTime lastHour(hour.date(), QTime(hour.time().hour(), 0), QTimeZone::utc());
    const QSqlDatabase db = m_engine.engine()->store().connection();
    for (const auto &[start, requests] : {std::pair{lastHour.addSecs(-3600), 120}, std::pair{lastHour, 7}}) {
        QVERIFY(hub::execute(db,
                             QStringLiteral("INSERT INTO oneroster_activity(application_id, "
                                            "district_id, hour_start, requests, errors, bytes) "
                                            "VALUES (?, ?, ?, ?, 1, 2048)"),
                             {id, m_engine.engine()->districtId(), hub::toIsoUtc(start), requests}));
    }

    QVERIFY(waitForRefresh());
    QCOMPARE(activity->topLevelItemCount(), 2);
    // The newest hour is on top.
    QCOMPARE(activity->topLevelItem(0)->text(1), QStringLiteral("Math Practice"));
    QCOMPARE(activity->topLevelItem(0)->text(2), QStringLiteral("7"));
    QCOMPARE(activity->topLevelItem(1)->text(2), QStringLiteral("120"));
    QCOMPARE(activity->topLevelItem(1)->text(3), QStringLiteral("1"));
    QVERIFY(activity->topLevelItem(0)->text(0).endsWith(QStringLiteral("ST"))
            || activity->topLevelItem(0)->text(0).endsWith(QStringLiteral("DT")));
    // Refreshing twice in a row aborts the first request, which is no error to show.
    page()->refresh();
    QVERIFY(waitForRefresh());
    QVERIFY2(!page()->message().contains(QStringLiteral("cancelled")), qPrintable(page()->message()));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-activity"));
}

void tst_OneRosterPage::clearPagesRemovesSecret()
{
    page()->startNew();
    child<QLineEdit>("applicationNameEdit")->setText(QStringLiteral("Spelling Games"));
    child<QLineEdit>("applicationVendorEdit")->setText(QStringLiteral("Vendor"));
    QSignalSpy saved(page(), &OneRosterPage::saved);
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    page()->save();
    QVERIFY(saved.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QVERIFY(!child<QGroupBox>("credentialsBox")->isHidden());
    QVERIFY(!child<QLineEdit>("clientSecretEdit")->text().isEmpty());
    QVERIFY(page()->list()->topLevelItemCount() > 0);
    QVERIFY(page()->activityList()->topLevelItemCount() > 0);
    QSignalSpy catalogLoaded(m_window->catalogPage(), &hubdesk::CatalogPage::refreshed);
    m_window->catalogPage()->refresh();
    QVERIFY(catalogLoaded.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QVERIFY(m_window->catalogPage()->model()->rowCount() > 0);

    // Signing out leaves nothing of the district on the page, least of all a secret.
    m_window->clearPages();
    QVERIFY(child<QGroupBox>("credentialsBox")->isHidden());
    QCOMPARE(child<QLineEdit>("clientSecretEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>("applicationNameEdit")->text(), QString());
    QCOMPARE(page()->list()->topLevelItemCount(), 0);
    QCOMPARE(page()->activityList()->topLevelItemCount(), 0);
    QCOMPARE(page()->selectedId(), 0);
    QCOMPARE(page()->message(), QString());
    QCOMPARE(m_window->catalogPage()->model()->rowCount(), 0);

    // The next refresh lists the applications again, without the secret.
    QVERIFY(waitForRefresh());
    QVERIFY(page()->list()->topLevelItemCount() > 0);
    QCOMPARE(child<QLineEdit>("clientSecretEdit")->text(), QString());
}

void tst_OneRosterPage::operatorSeesReadOnlyPage()
{
    // clearPagesRemovesSecret registered "Spelling Games".
    QVERIFY(waitForRefresh());
    const QList<QTreeWidgetItem *> items
        = page()->list()->findItems(QStringLiteral("Spelling Games"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    const qint64 id = items.first()->data(0, Qt::UserRole).toLongLong();
    hubdesk::SessionInfo session;
    session.user = QStringLiteral("olga");
    session.district = {1, QStringLiteral("Demo"), QStringLiteral("America/Detroit"),
                        QStringLiteral("operator")};
    session.districts = {session.district};
    m_window->setSession(session);
    page()->startNew();

    // No action that the engine would reject with 403 is offered.
    QVERIFY(!page()->canConfigure());
    for (const char *name : {"saveApplicationButton", "resetSecretButton",
                             "deleteApplicationButton", "newApplicationButton"})
        QVERIFY2(child<QPushButton>(name)->isHidden(), name);
    QLabel *note = child<QLabel>("oneRosterRoleNote");
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("Your role can see the applications and copy what a "
                                          "vendor needs. A district administrator registers, "
                                          "changes and deletes them."));
    // With no application selected there is nothing to show, and no empty form to fill in.
    QVERIFY(child<QWidget>("applicationSettings")->isHidden());

    QVERIFY(page()->selectApplication(id));
    QVERIFY(child<QWidget>("applicationSettings")->isVisible());
    QCOMPARE(child<QLineEdit>("applicationNameEdit")->text(), QStringLiteral("Spelling Games"));
    QVERIFY(child<QLineEdit>("applicationNameEdit")->isReadOnly());
    QVERIFY(child<QLineEdit>("applicationVendorEdit")->isReadOnly());
    QVERIFY(!child<QComboBox>("applicationSchoolYearCombo")->isEnabled());
    QVERIFY(!child<QCheckBox>("applicationActiveCheck")->isEnabled());
    QVERIFY(child<QCheckBox>("scope_roster-core.readonly")->isChecked());
    QVERIFY(!child<QCheckBox>("scope_roster-core.readonly")->isEnabled());
    QVERIFY(child<QPushButton>("saveApplicationButton")->isHidden());
    // The vendor's URLs stay on show with their Copy buttons.
    QVERIFY(child<QPushButton>("copyTokenUrlButton")->isVisible());
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-operator"));

    // Save does nothing for this role, even when called directly.
    QSignalSpy saved(page(), &OneRosterPage::saved);
    page()->save();
    QVERIFY(!saved.wait(300));

    m_window->setSession({});
    QVERIFY(page()->canConfigure());
    QVERIFY(child<QPushButton>("saveApplicationButton")->isVisible());
    QVERIFY(!child<QLineEdit>("applicationNameEdit")->isReadOnly());
    QVERIFY(child<QCheckBox>("scope_roster-core.readonly")->isEnabled());
    QVERIFY(note->isHidden());
}

void tst_OneRosterPage::vendorUrlsShowWithoutScrolling()
{
    const char *const fields[] = {"tokenUrlEdit", "baseUrl11Edit", "rosteringUrl12Edit",
                                  "gradebookUrl12Edit", "resourcesUrl12Edit"};
    const char *const buttons[] = {"copyTokenUrlButton", "copyBaseUrl11Button",
                                   "copyRosteringUrl12Button", "copyGradebookUrl12Button",
                                   "copyResourcesUrl12Button"};
    QVERIFY(waitForRefresh());
    const qint64 id = registerApplication(QStringLiteral("Science Lab"));
    QVERIFY(id > 0);

    // The default window on a roomy screen and on a 1280x800 screen less the window frame. Each
    // is checked with an empty form and with a new secret on show.
    for (const QSize size : {QSize(1280, 820), QSize(1248, 796)}) {
        m_window->resize(size);
        for (const bool secretShown : {false, true}) {
            const QString state = QStringLiteral("%1x%2, secret %3")
                                      .arg(size.width())
                                      .arg(size.height())
                                      .arg(secretShown ? u"shown" : u"hidden");
            if (secretShown)
                QVERIFY(showNewSecret(id));
            else
                page()->startNew();
            QTRY_COMPARE(m_window->size(), size);
            QCoreApplication::processEvents();
            for (const char *name : fields) {
                auto field = child<QLineEdit>(name);
                QVERIFY2(shownWhole(field), qPrintable(state + u' ' + QLatin1String(name)));
                QVERIFY2(!field->text().isEmpty(), name);
                QVERIFY2(!field->accessibleName().isEmpty(), name);
            }
            for (const char *name : buttons) {
                auto button = child<QPushButton>(name);
                QVERIFY2(shownWhole(button), qPrintable(state + u' ' + QLatin1String(name)));
                QVERIFY2(button->accessibleName().startsWith(QLatin1String("Copy the ")), name);
            }
            // The form's actions stay in view below it.
            QVERIFY2(shownWhole(child<QPushButton>("saveApplicationButton")), qPrintable(state));
            if (secretShown)
                QTRY_VERIFY(shownInForm(child<QLineEdit>("clientSecretEdit")));
        }
    }
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-urls"));
    // The URLs come before the applications in Tab order, as they do on the screen.
    QWidget *widget = child<QLineEdit>("tokenUrlEdit");
    QStringList order;
    for (int step = 0; step < 100 && widget != page()->list(); ++step) {
        if ((widget->focusPolicy() & Qt::TabFocus) == Qt::TabFocus)
            order.append(widget->objectName());
        widget = widget->nextInFocusChain();
    }
    QCOMPARE(order,
             (QStringList{u"tokenUrlEdit"_s, u"copyTokenUrlButton"_s, u"baseUrl11Edit"_s,
                          u"copyBaseUrl11Button"_s, u"rosteringUrl12Edit"_s,
                          u"copyRosteringUrl12Button"_s, u"gradebookUrl12Edit"_s,
                          u"copyGradebookUrl12Button"_s, u"resourcesUrl12Edit"_s,
                          u"copyResourcesUrl12Button"_s}));
    QCOMPARE(widget, page()->list());
}

void tst_OneRosterPage::refreshRemovesSecret()
{
    m_window->resize(1280, 820);
    QVERIFY(waitForRefresh());
    const qint64 id = registerApplication(QStringLiteral("History Maps"));
    QVERIFY(id > 0);
    // The reload that follows Register keeps the new secret on show.
    QVERIFY(page()->isSecretShown());
    QVERIFY(child<QPushButton>("copyClientSecretButton")->isVisible());
    QLabel *notice = child<QLabel>("secretNoticeLabel");
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QLatin1String("will not be shown again")),
             qPrintable(notice->text()));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-secret"));

    // Refresh (F5) reloads the list without the secret, and the application stays selected.
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    m_window->findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    VERIFY_SECRET_GONE();
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    VERIFY_SECRET_GONE();
    QCOMPARE(page()->selectedId(), id);
    QVERIFY(!page()->message().contains(QLatin1String("secret")));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-secret-refreshed"));

    // The same after Reset Secret.
    QVERIFY(showNewSecret(id));
    QVERIFY(child<QPushButton>("copyClientSecretButton")->isVisible());
    QVERIFY(waitForRefresh());
    VERIFY_SECRET_GONE();
}

void tst_OneRosterPage::otherApplicationRemovesSecret()
{
    QVERIFY(waitForRefresh());
    const QList<QTreeWidgetItem *> first
        = page()->list()->findItems(QStringLiteral("History Maps"), Qt::MatchExactly);
    QCOMPARE(first.size(), 1);
    const qint64 firstId = first.first()->data(0, Qt::UserRole).toLongLong();
    const qint64 secondId = registerApplication(QStringLiteral("Music Theory"));
    QVERIFY(secondId > 0);
    QVERIFY(page()->isSecretShown());

    // Another application, then the one whose secret was on show: it does not come back.
    QVERIFY(page()->selectApplication(firstId));
    VERIFY_SECRET_GONE();
    QVERIFY(page()->selectApplication(secondId));
    VERIFY_SECRET_GONE();

    // The same after Reset Secret, selecting with the mouse.
    QVERIFY(showNewSecret(firstId));
    const QList<QTreeWidgetItem *> second
        = page()->list()->findItems(QStringLiteral("Music Theory"), Qt::MatchExactly);
    QCOMPARE(second.size(), 1);
    const QRect rect = page()->list()->visualItemRect(second.first());
    QTest::mouseClick(page()->list()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(page()->selectedId(), secondId);
    VERIFY_SECRET_GONE();
    QVERIFY(page()->selectApplication(firstId));
    VERIFY_SECRET_GONE();
}

void tst_OneRosterPage::refreshScrollsFormToTop()
{
    m_window->resize(1248, 796);
    QVERIFY(waitForRefresh());
    QLineEdit *name = child<QLineEdit>("applicationNameEdit");
    QScrollBar *scrollBar = child<QScrollArea>("oneRosterFormScroll")->verticalScrollBar();
    QTRY_VERIFY(scrollBar->maximum() > 0);
    scrollBar->setValue(scrollBar->maximum());
    QVERIFY(!shownInForm(name));

    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    m_window->findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    QCOMPARE(scrollBar->value(), 0);
    QVERIFY(shownInForm(name));
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(scrollBar->value(), 0);
    QVERIFY(shownInForm(name));
}

void tst_OneRosterPage::districtSwitchRemovesSecret()
{
    hubdesk::EngineClient *client = m_engine.client();
    const hubdesk::ApiResult district = hubtest::UiTestEngine::wait(client->post(
        QStringLiteral("/api/v1/districts"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Lakeshore Schools")},
                    {QStringLiteral("timeZone"), QStringLiteral("America/Chicago")}}));
    QCOMPARE(district.httpStatus, 201);
    const qint64 secondDistrict = district.body.object().value(QStringLiteral("id")).toInteger();
    hubdesk::SessionInfo session;
    session.user = QStringLiteral("ada");
    session.district = {1, QStringLiteral("Demo"), QStringLiteral("America/Detroit"),
                        QStringLiteral("administrator")};
    session.districts = {session.district,
                         {secondDistrict, QStringLiteral("Lakeshore Schools"),
                          QStringLiteral("America/Chicago"), QStringLiteral("administrator")}};
    m_window->setSession(session);
    const auto restore = qScopeGuard([this, client] {
        client->setDistrict(0);
        m_window->setSession({});
    });

    QVERIFY(waitForRefresh());
    const QList<QTreeWidgetItem *> items
        = page()->list()->findItems(QStringLiteral("History Maps"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    QVERIFY(showNewSecret(items.first()->data(0, Qt::UserRole).toLongLong()));

    QScrollBar *scrollBar = child<QScrollArea>("oneRosterFormScroll")->verticalScrollBar();
    QTRY_VERIFY(scrollBar->maximum() > 0);
    scrollBar->setValue(scrollBar->maximum());

    auto picker = m_window->findChild<QComboBox *>(QStringLiteral("districtPicker"));
    QVERIFY(picker);
    picker->setCurrentIndex(1);
    QCOMPARE(client->district(), secondDistrict);
    VERIFY_SECRET_GONE();
    // The empty form of the new district shows from its first field.
    QCOMPARE(scrollBar->value(), 0);
    QVERIFY(shownInForm(child<QLineEdit>("applicationNameEdit")));
    QCOMPARE(page()->list()->topLevelItemCount(), 0);
    // The other district's list, once loaded, shows no secret either.
    QSignalSpy refreshed(page(), &OneRosterPage::refreshed);
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    VERIFY_SECRET_GONE();
}

QTEST_MAIN(tst_OneRosterPage)
#include "tst_onerosterpage.moc"
