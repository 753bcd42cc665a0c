// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "uitestengine.h"

#include "engine/fakehttpserver.h"

#include "catalogpage.h"
#include "elidinglabel.h"
#include "integrationmodel.h"
#include "integrationspage.h"
#include "mainwindow.h"
#include "outboundintegrationform.h"
#include "productmodel.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runfilterbar.h"
#include "runs/workerpool.h"
#include "statusdelegate.h"
#include "store/store.h"
#include "timeformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>

#include <optional>

using hubdesk::IntegrationModel;
using hubdesk::IntegrationsPage;
using hubdesk::MainWindow;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 30000;

QStringList displayNames(const QAbstractItemModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    return names;
}

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void titleAndStatusShowDistrict();
    void navigationSwitchesPages();
    void catalogSearchFilters();
    void outboundProductOpensForm();
    void otherProductIsCreatedDirectly();
    void integrationsListDemo();
    void mouseClickEnablesButtons();
    void showAllListsInactive();
    void editOpensForm();
    void runNowShowsRunbook();
    void runNowTwiceKeepsQueuedRun();
    void uploadQueuesInboundRun();
    void refreshShortcutReloads();
    void engineInUseShowsMessageBox();
    void statusBarShowsWholeUserLabel();
    void fitsSmallScreen();
    void statusFollowsConnectionErrors();
    void refreshAfterZoneChangeListsShownDay();

private:
    MainWindow::Page currentPage() const;
    QListView *integrationList(IntegrationsPage::Group group) const
    {
        return m_window->integrationsPage()->view(group);
    }
    bool selectIntegration(const QString &displayNamePart) const;
    // Clicks the left mouse button on the middle of the list item with this display name part.
    bool clickIntegration(IntegrationsPage::Group group, const QString &displayNamePart) const;

    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_engine.client());
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    QSignalSpy catalog(m_window->catalogPage(), &hubdesk::CatalogPage::refreshed);
    QSignalSpy integrations(m_window->integrationsPage(), &IntegrationsPage::refreshed);
    m_window->refreshAll();
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!integrations.isEmpty(), UiTestEngine::kRequestTimeoutMs);
}

void tst_MainWindow::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

MainWindow::Page tst_MainWindow::currentPage() const
{
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    return MainWindow::Page(stack->currentIndex());
}

bool tst_MainWindow::selectIntegration(const QString &displayNamePart) const
{
    for (int group = 0; group < IntegrationsPage::GroupCount; ++group) {
        QListView *view = integrationList(IntegrationsPage::Group(group));
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data().toString().contains(displayNamePart)) {
                view->setCurrentIndex(index);
                return true;
            }
        }
    }
    return false;
}

bool tst_MainWindow::clickIntegration(IntegrationsPage::Group group,
                                      const QString &displayNamePart) const
{
    QListView *view = integrationList(group);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (!index.data().toString().contains(displayNamePart))
            continue;
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        return true;
    }
    return false;
}

void tst_MainWindow::titleAndStatusShowDistrict()
{
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("Hubdesk — Demo Public Schools"));
    auto connection = m_window->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(connection->text().startsWith(u"Connected to the engine at http://127.0.0.1:"_s));
    auto district = m_window->findChild<QLabel *>(QStringLiteral("districtLabel"));
    QVERIFY(district->text().contains(u"Demo Public Schools"_s));
    QVERIFY(district->text().contains(u"America/Detroit"_s));
}

void tst_MainWindow::navigationSwitchesPages()
{
    auto navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    QCOMPARE(navigation->count(), 5);
    QCOMPARE(navigation->item(0)->text(), u"Product Catalog"_s);
    QCOMPARE(navigation->item(1)->text(), u"Integrations"_s);
    QCOMPARE(navigation->item(2)->text(), u"Runbook Activities"_s);
    QCOMPARE(navigation->item(3)->text(), u"OneRoster"_s);
    QCOMPARE(navigation->item(4)->text(), u"Audit Log"_s);

    navigation->setCurrentRow(4);
    QCOMPARE(currentPage(), MainWindow::Page::AuditLog);
    navigation->setCurrentRow(3);
    QCOMPARE(currentPage(), MainWindow::Page::OneRoster);
    navigation->setCurrentRow(2);
    QCOMPARE(currentPage(), MainWindow::Page::Runbook);
    navigation->setCurrentRow(1);
    QCOMPARE(currentPage(), MainWindow::Page::Integrations);
    navigation->setCurrentRow(0);
    QCOMPARE(currentPage(), MainWindow::Page::Catalog);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-catalog"));
}

void tst_MainWindow::catalogSearchFilters()
{
    hubdesk::CatalogPage *catalog = m_window->catalogPage();
    const int all = catalog->proxyModel()->rowCount();
    QVERIFY(all > 5);

    auto search = catalog->findChild<QLineEdit *>(QStringLiteral("catalogSearchEdit"));
    QTest::keyClicks(search, QStringLiteral("milearn"));
    const QAbstractItemModel *shown = catalog->proxyModel();
    QVERIFY(shown->rowCount() >= 1);
    QVERIFY(shown->rowCount() < all);
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QString text
            = shown->index(row, 0).data(hubdesk::ProductModel::SearchTextRole).toString();
        QVERIFY2(text.contains(u"milearn"_s, Qt::CaseInsensitive), qPrintable(text));
    }
    auto noMatch = catalog->findChild<QLabel *>(QStringLiteral("catalogNoMatchLabel"));
    QVERIFY(noMatch->isHidden());

    // Text that no product contains shows a line under the search box.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("(["));
    QCOMPARE(shown->rowCount(), 0);
    QVERIFY(!noMatch->isHidden());
    QCOMPARE(noMatch->text(), QStringLiteral("No products match \"([\"."));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-catalog-no-match"));
    search->clear();
    QCOMPARE(shown->rowCount(), all);
    QVERIFY(noMatch->isHidden());
}

void tst_MainWindow::outboundProductOpensForm()
{
    m_window->showPage(MainWindow::Page::Catalog);
    hubdesk::CatalogPage *catalog = m_window->catalogPage();
    QVERIFY(catalog->selectProduct(QStringLiteral("MiLEARN")));
    QSignalSpy loaded(m_window->outboundForm(), &hubdesk::OutboundIntegrationForm::loaded);
    QTest::mouseClick(catalog->findChild<QPushButton *>(QStringLiteral("addIntegrationButton")),
                      Qt::LeftButton);
    QCOMPARE(currentPage(), MainWindow::Page::OutboundForm);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    hubdesk::OutboundIntegrationForm *form = m_window->outboundForm();
    QCOMPARE(form->findChild<QLabel *>(QStringLiteral("systemLabel"))->text(), u"MILEARN - v1"_s);
    QCOMPARE(form->findChild<QComboBox *>(QStringLiteral("outputCombo"))->count(), 2);
    QCOMPARE(form->integrationId(), 0);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-outbound-form"));

    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                      Qt::LeftButton);
    QCOMPARE(currentPage(), MainWindow::Page::Integrations);
}

void tst_MainWindow::otherProductIsCreatedDirectly()
{
    m_window->showPage(MainWindow::Page::Catalog);
    hubdesk::CatalogPage *catalog = m_window->catalogPage();
    QVERIFY(catalog->selectProduct(QStringLiteral("PowerSchool")));
    QSignalSpy refreshed(m_window->integrationsPage(), &IntegrationsPage::refreshed);
    catalog->addIntegration();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    // An API product opens the form of its connection settings.
    QCOMPARE(currentPage(), MainWindow::Page::ApiForm);

    const QJsonArray api = UiTestEngine::wait(m_engine.client()->fetchIntegrations(u"api"_s))
                               .body.object()
                               .value(QStringLiteral("integrations"))
                               .toArray();
    QCOMPARE(api.size(), 1);
    QCOMPARE(api[0][QStringLiteral("productName")].toString(), u"PowerSchool"_s);
    QCOMPARE(integrationList(IntegrationsPage::Api)->model()->rowCount(), 1);
    // The new integration is selected.
    QCOMPARE(m_window->integrationsPage()->selectedIntegration()[QStringLiteral("id")],
             api[0][QStringLiteral("id")]);
}

void tst_MainWindow::integrationsListDemo()
{
    m_window->showPage(MainWindow::Page::Integrations);
    const QStringList outbound = displayNames(integrationList(IntegrationsPage::Outbound)->model());
    QVERIFY2(outbound.contains(u"External System: MiLEARN 1: MiLEARN-Sections Data (current)"_s),
             qPrintable(outbound.join(u", "_s)));
    QVERIFY2(
        outbound.contains(u"External System: MiLEARN 2: MiLEARN-Authorizations Data (current)"_s),
        qPrintable(outbound.join(u", "_s)));
    QCOMPARE(integrationList(IntegrationsPage::Inbound)->model()->rowCount(), 1);

    // Buttons follow the selected integration's type.
    auto edit = m_window->findChild<QPushButton *>(QStringLiteral("editIntegrationButton"));
    auto run = m_window->findChild<QPushButton *>(QStringLiteral("runNowButton"));
    auto upload = m_window->findChild<QPushButton *>(QStringLiteral("uploadFileButton"));
    QVERIFY(selectIntegration(QStringLiteral("MiLEARN-Sections Data")));
    QVERIFY(edit->isEnabled());
    QVERIFY(run->isEnabled());
    QVERIFY(!upload->isEnabled());
    integrationList(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationList(IntegrationsPage::Inbound)->model()->index(0, 0));
    QVERIFY(edit->isEnabled());
    QVERIFY(!run->isEnabled());
    QVERIFY(upload->isEnabled());
    // Only one list has a selection at a time.
    QVERIFY(!integrationList(IntegrationsPage::Outbound)->selectionModel()->hasSelection());
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-integrations"));
}

void tst_MainWindow::mouseClickEnablesButtons()
{
    m_window->showPage(MainWindow::Page::Integrations);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    for (int group = 0; group < IntegrationsPage::GroupCount; ++group)
        integrationList(IntegrationsPage::Group(group))->selectionModel()->clear();
    auto edit = m_window->findChild<QPushButton *>(QStringLiteral("editIntegrationButton"));
    auto run = m_window->findChild<QPushButton *>(QStringLiteral("runNowButton"));
    auto upload = m_window->findChild<QPushButton *>(QStringLiteral("uploadFileButton"));
    QVERIFY(!edit->isEnabled());
    QVERIFY(!run->isEnabled());
    QVERIFY(!upload->isEnabled());

    QVERIFY(clickIntegration(IntegrationsPage::Outbound, QStringLiteral("MiLEARN-Sections Data")));
    QCOMPARE(m_window->integrationsPage()
                 ->selectedIntegration()[QStringLiteral("outputName")]
                 .toString(),
             u"MiLEARN-Sections Data"_s);
    QVERIFY(edit->isEnabled());
    QVERIFY(run->isEnabled());
    QVERIFY(!upload->isEnabled());

    QVERIFY(clickIntegration(IntegrationsPage::Inbound, QStringLiteral("OneRoster Bundle")));
    QVERIFY(edit->isEnabled());
    QVERIFY(!run->isEnabled());
    QVERIFY(upload->isEnabled());
    QVERIFY(!integrationList(IntegrationsPage::Outbound)->selectionModel()->hasSelection());

    // Control-click on the selected item deselects it, and the buttons follow.
    QListView *inbound = integrationList(IntegrationsPage::Inbound);
    const QModelIndex bundle = inbound->selectionModel()->selectedIndexes().value(0);
    QVERIFY(bundle.isValid());
    QTest::mouseClick(inbound->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      inbound->visualRect(bundle).center());
    QVERIFY(!inbound->selectionModel()->hasSelection());
    QVERIFY(m_window->integrationsPage()->selectedIntegration().isEmpty());
    QVERIFY(!upload->isEnabled());
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-integrations-clicked"));
}

void tst_MainWindow::showAllListsInactive()
{
    const qint64 id = m_engine.integrationIdNamed(QStringLiteral("PowerSchool"));
    QVERIFY(id > 0);
    const hubdesk::ApiResult updated = UiTestEngine::wait(m_engine.client()->saveIntegration(
        id, QJsonObject{{QStringLiteral("productId"), m_engine.productNamed(QStringLiteral(
                                                          "PowerSchool"))[QStringLiteral("id")]},
                        {QStringLiteral("active"), false}}));
    QCOMPARE(updated.httpStatus, 200);

    QSignalSpy refreshed(m_window->integrationsPage(), &IntegrationsPage::refreshed);
    m_window->integrationsPage()->refresh();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    auto showAll = m_window->findChild<QCheckBox *>(QStringLiteral("showAllCheck"));
    QVERIFY(!showAll->isChecked());
    QCOMPARE(integrationList(IntegrationsPage::Api)->model()->rowCount(), 0);
    showAll->setChecked(true);
    QCOMPARE(integrationList(IntegrationsPage::Api)->model()->rowCount(), 1);
    showAll->setChecked(false);
}

void tst_MainWindow::editOpensForm()
{
    m_window->showPage(MainWindow::Page::Integrations);
    QVERIFY(selectIntegration(QStringLiteral("MiLEARN-Sections Data")));
    QSignalSpy loaded(m_window->outboundForm(), &hubdesk::OutboundIntegrationForm::loaded);
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("editIntegrationButton")),
                      Qt::LeftButton);
    QCOMPARE(currentPage(), MainWindow::Page::OutboundForm);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    hubdesk::OutboundIntegrationForm *form = m_window->outboundForm();
    QCOMPARE(form->findChild<QComboBox *>(QStringLiteral("outputCombo"))->currentText(),
             u"MiLEARN-Sections Data"_s);
    QCOMPARE(form->findChild<QSpinBox *>(QStringLiteral("queryTimeoutSpin"))->value(), 300);
    QCOMPARE(form->findChild<QComboBox *>(QStringLiteral("destinationCombo0"))->currentText(),
             u"Demo Outbound Folder"_s);

    // Saving unchanged returns to the list with the integration selected.
    QSignalSpy refreshed(m_window->integrationsPage(), &IntegrationsPage::refreshed);
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(currentPage(), MainWindow::Page::Integrations);
    QCOMPARE(m_window->integrationsPage()->selectedIntegration()[QStringLiteral("id")].toInteger(),
             form->integrationId());
}

void tst_MainWindow::runNowShowsRunbook()
{
    m_window->showPage(MainWindow::Page::Integrations);
    QVERIFY(selectIntegration(QStringLiteral("MiLEARN-Sections Data")));
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("runNowButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), MainWindow::Page::Runbook,
                              UiTestEngine::kRequestTimeoutMs);
    const QString message = m_window->integrationsPage()->message();
    QVERIFY2(message.startsWith(u"Run "_s), qPrintable(message));

    hubdesk::RunbookPage *runbook = m_window->runbookPage();
    QTRY_VERIFY_WITH_TIMEOUT(runbook->selectedRunId() > 0, UiTestEngine::kRequestTimeoutMs);
    const qint64 runId = runbook->selectedRunId();
    // The line follows the run, which may already have started.
    QVERIFY2(message.startsWith(QStringLiteral("Run %1 ").arg(runId)), qPrintable(message));
    const QModelIndex run = runbook->model()->indexOfRun(runId);
    QVERIFY(run.siblingAtColumn(hubdesk::RunbookModel::PhaseNameColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Integration Instance Id %1").arg(runId)));
    QTRY_COMPARE_WITH_TIMEOUT(
        hubdesk::StatusDelegate::statusLabel(
            runbook->model()->indexOfRun(runId).data(hubdesk::RunbookModel::StatusCodeRole)),
        QStringLiteral("0 Succeeded"), kRunTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        runbook->message(), QStringLiteral("Run %1 ended: 0 Succeeded.").arg(runId), kRunTimeoutMs);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-runbook"));

    // Back on Integrations, the line no longer reads that the finished run is queued.
    m_window->showPage(MainWindow::Page::Integrations);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->integrationsPage()->message(),
                              QStringLiteral("Run %1 ended: 0 Succeeded.").arg(runId),
                              kRunTimeoutMs);
}

void tst_MainWindow::runNowTwiceKeepsQueuedRun()
{
    // Without workers the first run stays queued, as when every worker is busy.
    m_engine.engine()->workers().stop();
    auto *run = m_window->findChild<QPushButton *>(QStringLiteral("runNowButton"));
    hubdesk::RunbookPage *runbook = m_window->runbookPage();
    m_window->showPage(MainWindow::Page::Integrations);
    QVERIFY(selectIntegration(QStringLiteral("MiLEARN-Authorizations")));
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), MainWindow::Page::Runbook,
                              UiTestEngine::kRequestTimeoutMs);
    const QString first = m_window->integrationsPage()->message();
    const qint64 queuedId = first.section(QLatin1Char(' '), 1, 1).toLongLong();
    QVERIFY2(queuedId > 0, qPrintable(first));
    QCOMPARE(first, QStringLiteral("Run %1 is queued.").arg(queuedId));

    // The second Run Now names the waiting run, selects it, and adds no other.
    m_window->showPage(MainWindow::Page::Integrations);
    QVERIFY(selectIntegration(QStringLiteral("MiLEARN-Authorizations")));
    QTest::mouseClick(run, Qt::LeftButton);
    const QString already
        = QStringLiteral("Run %1 was already queued, so no other run was added.").arg(queuedId);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->integrationsPage()->message(), already,
                              UiTestEngine::kRequestTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), MainWindow::Page::Runbook,
                              UiTestEngine::kRequestTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(runbook->message(), already, UiTestEngine::kRequestTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(runbook->selectedRunId(), queuedId, UiTestEngine::kRequestTimeoutMs);
    auto queued = hub::selectValue(
        m_engine.engine()->store().connection(),
        QStringLiteral("SELECT count(*) FROM runs WHERE integration_id = ? AND status = 2"),
        {m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Authorizations"))});
    QVERIFY(queued.ok());
    QCOMPARE(queued->toInt(), 1);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("main-run-now-already-queued"));

    // The run goes ahead once the workers are back, so later tests find no queued run.
    m_engine.engine()->workers().start();
    QTRY_COMPARE_WITH_TIMEOUT(
        runbook->model()->indexOfRun(queuedId).data(hubdesk::RunbookModel::StatusCodeRole).toInt(),
        0, kRunTimeoutMs);
}

void tst_MainWindow::uploadQueuesInboundRun()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile file(folder.filePath(QStringLiteral("orgs.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n");
    file.close();

    m_window->showPage(MainWindow::Page::Integrations);
    QVERIFY(selectIntegration(QStringLiteral("OneRoster Bundle")));
    m_window->integrationsPage()->uploadFile(file.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), MainWindow::Page::Runbook,
                              UiTestEngine::kRequestTimeoutMs);

    const QString message = m_window->integrationsPage()->message();
    hubdesk::RunbookPage *runbook = m_window->runbookPage();
    // The runbook may still select the run of an earlier test until it has loaded the new one.
    const qint64 queuedId = message.section(QLatin1Char(' '), 1, 1).toLongLong();
    QVERIFY2(queuedId > 0, qPrintable(message));
    QTRY_COMPARE_WITH_TIMEOUT(runbook->selectedRunId(), queuedId, UiTestEngine::kRequestTimeoutMs);
    const qint64 runId = runbook->selectedRunId();
    QVERIFY2(message.startsWith(QStringLiteral("Run %1 ").arg(runId)), qPrintable(message));
    const QModelIndex run = runbook->model()->indexOfRun(runId);
    QCOMPARE(run.data(hubdesk::RunbookModel::IntegrationIdRole).toLongLong(),
             m_engine.integrationIdNamed(QStringLiteral("OneRoster Bundle")));
    // The run ends one way or the other, and the page stops refreshing.
    QTRY_VERIFY_WITH_TIMEOUT(!runbook->isRefreshing(), kRunTimeoutMs);
    const int status
        = runbook->model()->indexOfRun(runId).data(hubdesk::RunbookModel::StatusCodeRole).toInt();
    QVERIFY2(status == 0 || status == 8 || status == 9, qPrintable(QString::number(status)));
}

void tst_MainWindow::refreshShortcutReloads()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy catalog(m_window->catalogPage(), &hubdesk::CatalogPage::refreshed);
    QSignalSpy runs(m_window->runbookPage(), &hubdesk::RunbookPage::runsLoaded);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!runs.isEmpty(), UiTestEngine::kRequestTimeoutMs);
}

void tst_MainWindow::engineInUseShowsMessageBox()
{
    const QString message = u"The engine's data folder /tmp/engine is in use by another engine."_s;
    m_window->showLocalEngineFailure(message, true);

    QPointer<QMessageBox> box
        = m_window->findChild<QMessageBox *>(QStringLiteral("localEngineFailureBox"));
    QVERIFY(box);
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QCOMPARE(box->windowTitle(), u"Engine Already Running"_s);
    QCOMPARE(box->text(), message);
    QCOMPARE(box->icon(), QMessageBox::Critical);
    QVERIFY(box->isModal());
    hubtest::saveScreenshot(box, QStringLiteral("main-engine-in-use"));
    box->accept();
    QTRY_VERIFY(box.isNull());

    m_window->showLocalEngineFailure(u"hubd crashed."_s, false);
    box = m_window->findChild<QMessageBox *>(QStringLiteral("localEngineFailureBox"));
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), u"Local Engine Failed"_s);
    box->accept();
    QTRY_VERIFY(box.isNull());

    // An engine that stopped by itself is offered a restart, and the status bar shows that it stopped.
    QSignalSpy restart(m_window.get(), &hubdesk::MainWindow::restartEngineRequested);
    m_window->showLocalEngineStopped(u"The local engine /usr/bin/hubd crashed."_s);
    box = m_window->findChild<QMessageBox *>(QStringLiteral("localEngineStoppedBox"));
    QVERIFY(box);
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QCOMPARE(box->windowTitle(), u"Local Engine Stopped"_s);
    QVERIFY(box->informativeText().contains(u"marked failed"_s));
    QCOMPARE(m_window->statusBar()->currentMessage(), u"The local engine stopped."_s);
    auto restartButton = box->findChild<QPushButton *>(QStringLiteral("restartEngineButton"));
    QVERIFY(restartButton);
    QCOMPARE(box->defaultButton(), restartButton);
    hubtest::saveScreenshot(box, QStringLiteral("main-engine-stopped"));
    restartButton->click();
    QCOMPARE(restart.size(), 1);
    QTRY_VERIFY(box.isNull());

    // Close leaves the console as it is.
    m_window->showLocalEngineStopped(u"The local engine /usr/bin/hubd exited with code 3."_s);
    box = m_window->findChild<QMessageBox *>(QStringLiteral("localEngineStoppedBox"));
    QVERIFY(box);
    box->button(QMessageBox::Close)->click();
    QTRY_VERIFY(box.isNull());
    QCOMPARE(restart.size(), 1);
    m_window->refreshAll();
    QCOMPARE(m_window->statusBar()->currentMessage(), QString());
}

// The signed-in user and role stay whole in the status bar, and the engine address gives way.
void tst_MainWindow::statusBarShowsWholeUserLabel()
{
    hubdesk::SessionInfo session;
    session.user = u"mgonzalez"_s;
    session.displayName = u"María Guadalupe González-Villanueva de la Cruz Fernández"_s;
    session.district = {1, u"Demo Public Schools"_s, u"America/Detroit"_s, u"administrator"_s};
    session.districts = {session.district};
    m_window->setSession(session);
    auto user = m_window->findChild<QLabel *>(QStringLiteral("userLabel"));
    auto connection = m_window->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    const QString userText
        = u"Signed in as María Guadalupe González-Villanueva de la Cruz Fernández (administrator)"_s;
    QCOMPARE(user->text(), userText);

    // 1280x800 is a common district laptop screen. At 1120 pixels, about the window's minimum
    // width, the connection, user and district texts need more room than there is.
    for (const int width : {1280, 1120}) {
        m_window->resize(width, 800);
        QTRY_COMPARE(m_window->width(), width);
        QTRY_VERIFY(user->isVisible());
        // The status bar lays its labels out after the event loop runs.
        const int needed = user->fontMetrics().horizontalAdvance(userText);
        QTRY_VERIFY2(
            user->contentsRect().width() >= needed,
            qPrintable(u"at %1 pixels the user label is %2 pixels wide and its text %3"_s.arg(width)
                           .arg(user->contentsRect().width())
                           .arg(needed)));
        hubtest::saveScreenshot(m_window.get(), u"main-status-bar-%1"_s.arg(width));
    }

    // At 1120 pixels the connection label ends in an ellipsis and keeps its whole text.
    auto eliding = qobject_cast<hubdesk::ElidingLabel *>(connection);
    QVERIFY(eliding);
    QVERIFY(connection->text().startsWith(u"Connected to the engine at http://127.0.0.1:"_s));
    QVERIFY2(eliding->shownText().endsWith(QChar(0x2026)), qPrintable(eliding->shownText()));
    QCOMPARE(connection->toolTip(), connection->text());

    m_window->setSession({});
    m_window->resize(1280, 820);
}

// A district laptop often has a 1280x800 screen; with the task bar and window frame the window
// gets about 1200x700. Every page must fit in that, and the window must open no larger.
void tst_MainWindow::fitsSmallScreen()
{
    const QSize available(1200, 700);
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    for (int page = 0; page < stack->count(); ++page) {
        const QSize needed = stack->widget(page)->minimumSizeHint();
        QVERIFY2(needed.width() <= available.width() - 200 && needed.height() <= available.height() - 100,
                 qPrintable(u"%1 needs %2x%3"_s.arg(stack->widget(page)->objectName())
                                .arg(needed.width())
                                .arg(needed.height())));
    }
    const QSize window = m_window->minimumSizeHint();
    QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
             qPrintable(u"the window needs %1x%2"_s.arg(window.width()).arg(window.height())));
}

// A request that cannot reach the engine changes the status bar at once, and the next response
// changes it back, without a refresh in between.
void tst_MainWindow::statusFollowsConnectionErrors()
{
    hubtest::FakeHttpServer server;
    QVERIFY(server.start());
    const quint16 port = server.serverPort();
    const QString engineUrl = server.baseUrl();
    server.handler = [](const hubtest::FakeRequest &) {
        return hubtest::FakeResponse::json(QJsonDocument(QJsonObject{
            {u"status"_s, u"ok"_s},
            {u"district"_s,
             QJsonObject{{u"name"_s, u"Fake District"_s}, {u"timeZone"_s, u"America/Detroit"_s}}}}));
    };
    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    client.setBaseUrl(QUrl(server.baseUrl()));
    MainWindow window(&client);
    auto connection = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(UiTestEngine::wait(client.checkHealth()).ok());
    QCOMPARE(connection->text(), u"Connected to the engine at %1"_s.arg(engineUrl));

    server.close();
    const hubdesk::ApiResult refused = UiTestEngine::wait(client.get(u"/api/v1/runs"_s));
    QVERIFY(refused.connectionFailed);
    QCOMPARE(client.connectionState(), hubdesk::EngineClient::ConnectionState::Failed);
    QCOMPARE(connection->text(),
             u"Cannot reach the engine at %1; press F5 to try again"_s.arg(engineUrl));

    QVERIFY(server.listen(QHostAddress::LocalHost, port));
    QVERIFY(UiTestEngine::wait(client.get(u"/api/v1/runs"_s)).ok());
    QCOMPARE(client.connectionState(), hubdesk::EngineClient::ConnectionState::Connected);
    QCOMPARE(connection->text(), u"Connected to the engine at %1"_s.arg(engineUrl));

    // A cancelled request leaves the connection state as it was.
    hubdesk::ApiJob *job = client.get(u"/api/v1/runs"_s);
    std::optional<hubdesk::ApiResult> cancelled;
    connect(job, &hubdesk::ApiJob::finished, this,
            [&cancelled](const hubdesk::ApiResult &result) { cancelled = result; });
    job->abort();
    QTRY_VERIFY(cancelled.has_value());
    QVERIFY(!cancelled->connectionFailed);
    QCOMPARE(client.connectionState(), hubdesk::EngineClient::ConnectionState::Connected);
}

// When the district's zone changes to one where today is another day, Refresh moves the Date box
// to that day and lists that day's runs, not the old day's.
void tst_MainWindow::refreshAfterZoneChangeListsShownDay()
{
    // Kiritimati is 25 hours ahead of Pago Pago, so one of them is on another day than Detroit.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate detroitToday = now.toTimeZone(QTimeZone("America/Detroit")).date();
    QByteArray zoneId = "Pacific/Kiritimati";
    if (now.toTimeZone(QTimeZone(zoneId)).date() == detroitToday)
        zoneId = "Pacific/Pago_Pago";
    const QTimeZone zone(zoneId);
    const QDate zoneToday = now.toTimeZone(zone).date();
    QVERIFY(zoneToday != detroitToday);

    // A run queued now is on today's list in every zone.
    const qint64 integrationId = m_engine.integrationIdNamed(u"MiLEARN-Sections Data"_s);
    QVERIFY(integrationId > 0);
    QCOMPARE(UiTestEngine::wait(m_engine.client()->runNow(integrationId)).httpStatus, 202);

    hubdesk::RunbookPage *runbook = m_window->runbookPage();
    QSignalSpy loaded(runbook, &hubdesk::RunbookPage::runsLoaded);
    m_window->refreshAll();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(runbook->filterBar()->date(), detroitToday);
    QVERIFY(runbook->model()->rowCount() > 0);

    const QString district = u"/api/v1/districts/%1"_s.arg(m_engine.engine()->districtId());
    const QJsonObject toZone{{u"timeZone"_s, QString::fromLatin1(zoneId)}};
    QCOMPARE(UiTestEngine::wait(m_engine.client()->put(district, toZone)).httpStatus, 200);
    loaded.clear();
    m_window->refreshAll();
    QTRY_COMPARE_WITH_TIMEOUT(runbook->filterBar()->date(), zoneToday,
                              UiTestEngine::kRequestTimeoutMs);
    // The last list loaded is the one for the Date box's day.
    QTRY_VERIFY_WITH_TIMEOUT(runbook->model()->rowCount() > 0, UiTestEngine::kRequestTimeoutMs);
    QVERIFY(runbook->emptyText().isEmpty());
    for (int row = 0; row < runbook->model()->rowCount(); ++row) {
        const QJsonObject run = runbook->model()
                                    ->index(row, 0)
                                    .data(hubdesk::RunbookModel::RunJsonRole)
                                    .toJsonObject();
        const QDateTime started = hubdesk::parseEngineTime(run[u"startedAt"_s].toString());
        if (started.isValid())
            QCOMPARE(started.toTimeZone(zone).date(), zoneToday);
    }
    hubtest::saveScreenshot(m_window.get(), u"main-runbook-zone-changed"_s);

    const QJsonObject toDetroit{{u"timeZone"_s, u"America/Detroit"_s}};
    QCOMPARE(UiTestEngine::wait(m_engine.client()->put(district, toDetroit)).httpStatus, 200);
    m_window->refreshAll();
    QTRY_COMPARE_WITH_TIMEOUT(runbook->filterBar()->date(), detroitToday,
                              UiTestEngine::kRequestTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(runbook->model()->rowCount() > 0, UiTestEngine::kRequestTimeoutMs);
}

QTEST_MAIN(tst_MainWindow)

#include "tst_mainwindow.moc"

