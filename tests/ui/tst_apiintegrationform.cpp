// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "engine/fakeoneroster.h"
#include "uitestengine.h"

#include "apiintegrationform.h"
#include "catalogpage.h"
#include "mainwindow.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runfilterbar.h"
#include "scheduleeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

using hubdesk::ApiIntegrationForm;
using hubdesk::MainWindow;
using hubtest::UiTestEngine;

class tst_ApiIntegrationForm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void formFollowsConnectorSettings();
    void testConnectionShowsOutcome();
    void saveRunAndViewRuns();
    void clearedFieldIsNotKept();
    void workerLossRetriesRoundTrips();

private:
    void setText(const QString &setting, const QString &text);

    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
    hubtest::FakeHttpServer m_server;
    hubtest::FakeProvider m_provider;
};

void tst_ApiIntegrationForm::initTestCase()
{
    QVERIFY(m_server.start());
    m_provider.collections = hubtest::makeRoster(6);
    m_server.handler = [this](const hubtest::FakeRequest &request) {
        return m_provider.handle(request);
    };
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_engine.client());
    m_window->resize(1180, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy catalog(m_window->catalogPage(), &hubdesk::CatalogPage::refreshed);
    m_window->refreshAll();
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));
}

void tst_ApiIntegrationForm::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

void tst_ApiIntegrationForm::clearedFieldIsNotKept()
{
    // The engine keeps a setting that a request leaves out, so the form must send a cleared
    // field, or the stored client id would be saved again without a word.
    ApiIntegrationForm *form = m_window->apiForm();
    const qint64 id = form->integrationId();
    QVERIFY(id > 0);
    form->loadIntegration(id);
    QSignalSpy loaded(form, &ApiIntegrationForm::loaded);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    setText(QStringLiteral("clientId"), QString());
    QSignalSpy failed(form, &ApiIntegrationForm::saveFailed);
    form->save();
    QVERIFY(failed.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY2(!form->fieldError(QStringLiteral("settings.clientId")).isEmpty(),
             qPrintable(form->fieldError(QStringLiteral("settings.clientId"))));
    const QJsonObject connector
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1/connector").arg(id));
    QCOMPARE(connector.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("clientId"))
                 .toString(),
             QStringLiteral("hub-client"));
}

void tst_ApiIntegrationForm::workerLossRetriesRoundTrips()
{
    ApiIntegrationForm *form = m_window->apiForm();
    const qint64 id = form->integrationId();
    QVERIFY(id > 0);
    QSignalSpy loaded(form, &ApiIntegrationForm::loaded);
    form->loadIntegration(id);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    auto retries = form->findChild<QSpinBox *>(QStringLiteral("workerLossRetriesSpin"));
    QVERIFY(retries);
    QCOMPARE(retries->value(), 1);
    QVERIFY2(retries->toolTip().contains(QStringLiteral("None turns this off.")),
             qPrintable(retries->toolTip()));

    retries->setValue(4);
    QSignalSpy saved(form, &ApiIntegrationForm::saved);
    form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    const QString path = QStringLiteral("/api/v1/integrations/%1").arg(id);
    QCOMPARE(m_engine.getObject(path).value(QStringLiteral("workerLossRetries")).toInt(), 4);

    form->loadIntegration(id);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(retries->value(), 4);
    retries->setValue(0);
    form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(m_engine.getObject(path).value(QStringLiteral("workerLossRetries")).toInt(), 0);
    m_window->showPage(MainWindow::Page::ApiForm);
    form->findChild<QScrollArea *>()->ensureWidgetVisible(retries);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("api-integration-retries"));
}

void tst_ApiIntegrationForm::setText(const QString &setting, const QString &text)
{
    auto edit = m_window->apiForm()->findChild<QLineEdit *>(QStringLiteral("setting_") + setting);
    QVERIFY2(edit, qPrintable(setting));
    edit->setText(text);
}

void tst_ApiIntegrationForm::formFollowsConnectorSettings()
{
    m_window->showPage(MainWindow::Page::Catalog);
    QVERIFY(m_window->catalogPage()->selectProduct(QStringLiteral("PowerSchool")));
    QSignalSpy loaded(m_window->apiForm(), &ApiIntegrationForm::loaded);
    m_window->catalogPage()->addIntegration();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QCOMPARE(stack->currentWidget(), m_window->apiForm());

    ApiIntegrationForm *form = m_window->apiForm();
    QVERIFY(form->integrationId() > 0);
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("apiFormTitle"))->text().contains(
        QStringLiteral("PowerSchool")));
    QVERIFY(qobject_cast<QLineEdit *>(form->settingEditor(QStringLiteral("baseUrl"))));
    QVERIFY(qobject_cast<QComboBox *>(form->settingEditor(QStringLiteral("version"))));
    QVERIFY(qobject_cast<QSpinBox *>(form->settingEditor(QStringLiteral("pageLimit"))));
    QVERIFY(qobject_cast<QCheckBox *>(form->settingEditor(QStringLiteral("includeDemographics"))));
    auto secret = form->findChild<QLineEdit *>(QStringLiteral("setting_clientSecret"));
    QVERIFY(secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QCOMPARE(qobject_cast<QSpinBox *>(form->settingEditor(QStringLiteral("pageLimit")))->value(), 100);
    // The sync mode reads in words and is sent as the API's value.
    auto sync = qobject_cast<QComboBox *>(form->settingEditor(QStringLiteral("syncMode")));
    QVERIFY(sync);
    QCOMPARE(sync->count(), 2);
    QCOMPARE(sync->itemText(0), QStringLiteral("Only changes since the last pull"));
    QCOMPARE(sync->itemData(0).toString(), QStringLiteral("delta"));
    QCOMPARE(sync->itemText(1), QStringLiteral("Everything"));
    QCOMPARE(sync->itemData(1).toString(), QStringLiteral("full"));
    QCOMPARE(sync->currentIndex(), 0);
    QCOMPARE(form->settingsJson().value(QStringLiteral("syncMode")).toString(),
             QStringLiteral("delta"));
    sync->setCurrentIndex(1);
    QCOMPARE(form->settingsJson().value(QStringLiteral("syncMode")).toString(),
             QStringLiteral("full"));
    sync->setCurrentIndex(0);
    // Other choices keep their values.
    QCOMPARE(qobject_cast<QComboBox *>(form->settingEditor(QStringLiteral("version")))->itemText(0),
             QStringLiteral("1.1"));
    QVERIFY(form->scheduleEditor());
}

void tst_ApiIntegrationForm::testConnectionShowsOutcome()
{
    ApiIntegrationForm *form = m_window->apiForm();
    QVERIFY(form->integrationId() > 0);

    // A missing required setting is marked under its field.
    QSignalSpy tested(form, &ApiIntegrationForm::tested);
    form->testConnection();
    QVERIFY(tested.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(tested.takeFirst().at(0).toBool(), false);
    QVERIFY(!form->fieldError(QStringLiteral("settings.baseUrl")).isEmpty());

    setText(QStringLiteral("baseUrl"), m_server.baseUrl() + QStringLiteral("/ims/oneroster/v1p1"));
    setText(QStringLiteral("tokenUrl"), m_server.baseUrl() + QStringLiteral("/oauth/token"));
    setText(QStringLiteral("clientId"), QStringLiteral("hub-client"));
    setText(QStringLiteral("clientSecret"), QStringLiteral("not-the-secret"));
    qobject_cast<QSpinBox *>(form->settingEditor(QStringLiteral("pageLimit")))->setValue(4);
    form->testConnection();
    QVERIFY(tested.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(tested.takeFirst().at(0).toBool(), false);
    QVERIFY2(form->testResult().startsWith(QStringLiteral("Connection failed.")),
             qPrintable(form->testResult()));
    QVERIFY(form->testResult().contains(QStringLiteral("client id and secret")));

    setText(QStringLiteral("clientSecret"), hubtest::kProviderSecret);
    form->testConnection();
    QVERIFY(tested.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(tested.takeFirst().at(0).toBool(), true);
    QVERIFY2(form->testResult().startsWith(QStringLiteral("Connected.")),
             qPrintable(form->testResult()));
    QVERIFY(form->testResult().contains(QStringLiteral("2 orgs")));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("api-integration"));
}

void tst_ApiIntegrationForm::saveRunAndViewRuns()
{
    ApiIntegrationForm *form = m_window->apiForm();
    const qint64 id = form->integrationId();
    QSignalSpy saved(form, &ApiIntegrationForm::saved);
    form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));

    const QJsonObject connector
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1/connector").arg(id));
    QCOMPARE(connector.value(QStringLiteral("complete")).toBool(), true);
    const QJsonObject settings = connector.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("pageLimit")).toInt(), 4);
    QVERIFY(settings.value(QStringLiteral("clientSecret")).isObject());
    const QJsonObject integration
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(id));
    QCOMPARE(integration.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("daily"));

    // The scheduled sync runs like Run Now; its counts show in the run.
    const hubdesk::ApiResult queued = UiTestEngine::wait(m_engine.client()->runNow(id));
    QVERIFY(queued.ok());
    const qint64 runId = queued.body.object().value(QStringLiteral("id")).toInteger();
    QJsonObject run;
    QTRY_VERIFY_WITH_TIMEOUT(
        (run = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId)),
         run.value(QStringLiteral("status")).toInt() == 0),
        60000);
    QCOMPARE(run.value(QStringLiteral("phases")).toArray().at(0).toObject()
                 .value(QStringLiteral("rowsRead")).toInt(),
             20);

    form->loadIntegration(id);
    QSignalSpy loaded(form, &ApiIntegrationForm::loaded);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    auto secret = form->findChild<QLineEdit *>(QStringLiteral("setting_clientSecret"));
    QVERIFY(secret->text().isEmpty());
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("viewRunsButton")),
                      Qt::LeftButton);
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QCOMPARE(stack->currentWidget(), m_window->runbookPage());

    // Expanding the run shows each phase with its counts: pages of 4 give orgs 1, sessions 1,
    // courses 1, classes 1, users 2 and enrollments 2 pages, and the token is one more request.
    hubdesk::RunbookPage *runbook = m_window->runbookPage();
    QTRY_VERIFY_WITH_TIMEOUT(runbook->model()->indexOfRun(runId).isValid(),
                             UiTestEngine::kRequestTimeoutMs);
    const QModelIndex runIndex = runbook->model()->indexOfRun(runId);
    runbook->view()->expand(runIndex);
    QTRY_COMPARE_WITH_TIMEOUT(runbook->model()->rowCount(runIndex), 3,
                              UiTestEngine::kRequestTimeoutMs);
    const auto phaseText = [&](int row) {
        return runbook->model()
            ->index(row, hubdesk::RunbookModel::PhaseNameColumn, runIndex)
            .data()
            .toString();
    };
    QCOMPARE(phaseText(0), QStringLiteral("Fetch: 9 requests, 8 pages, 20 records, 0 retries"));
    // Map validates the 20 records as CSV rows, and Load also writes a role for each user.
    QCOMPARE(phaseText(1), QStringLiteral("Map: 20 rows"));
    QCOMPARE(phaseText(2), QStringLiteral("Load: 27 rows"));
    const QJsonObject fetch = run.value(QStringLiteral("phases")).toArray().at(0).toObject();
    QCOMPARE(fetch.value(QStringLiteral("requests")).toInt(), 9);
    QCOMPARE(fetch.value(QStringLiteral("pages")).toInt(), 8);
    QVERIFY(runbook->view()->isExpanded(runIndex));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("api-integration-runbook"));
}

QTEST_MAIN(tst_ApiIntegrationForm)
#include "tst_apiintegrationform.moc"
