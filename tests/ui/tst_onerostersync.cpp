// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// A district connects its hub to another hubd over OneRoster from the console: it adds the
// integration from the catalog, tests the connection, schedules the pull and reads the counts
// of the scheduled run in Runbook Activities. The provider is a real hubd process with its demo
// district. The console's engine runs in this process, and the test moves its clock forward to
// the scheduled time.

#include "hubdprocess.h"
#include "uitestengine.h"

#include "apiintegrationform.h"
#include "catalogpage.h"
#include "connectors/apiclient.h"
#include "mainwindow.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runlogview.h"
#include "scheduleeditor.h"
#include "store/store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTreeView>
#include <QUrlQuery>

#include <atomic>

using hubdesk::ApiIntegrationForm;
using hubdesk::MainWindow;
using hubdesk::RunbookModel;
using hubdesk::RunbookPage;
using hubtest::UiTestEngine;

namespace {

const QByteArray kProviderToken = "provider-engine-token-0123456789";
// A full pull of the demo district reads thousands of records and loads them all.
constexpr int kRunTimeoutMs = 180000;

// The collections that the pull reads, demographics included, in the order it reads them.
const QStringList kCollections = {QStringLiteral("orgs"),        QStringLiteral("academicSessions"),
                                  QStringLiteral("courses"),     QStringLiteral("classes"),
                                  QStringLiteral("users"),       QStringLiteral("enrollments"),
                                  QStringLiteral("demographics")};
constexpr int kPageLimit = 250;

} // namespace

class tst_OneRosterSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void wrongSecretNamesTokenUrl();
    void scheduledPullShowsCounts();
    void stoppedProviderFailsFetch();

private:
    QDateTime now() const
    {
        return QDateTime::currentDateTimeUtc().addSecs(m_clockOffsetSeconds.load());
    }
    QString baseUrl() const { return m_provider.baseUrl + QStringLiteral("/ims/oneroster/v1p1"); }
    QString tokenUrl() const { return m_provider.baseUrl + QStringLiteral("/oauth/token"); }
    void setText(const QString &setting, const QString &text);
    void click(QWidget *parent, const QString &objectName);
    // The provider's X-Total-Count of a collection, or -1 when the request failed.
    qint64 providerTotal(const QString &collection);
    QString phaseText(const QModelIndex &run, int row, int column) const;
    // Shows Runbook Activities for today, selects and expands the run and waits for phaseCount
    // phases.
    QModelIndex showRunPhases(qint64 runId, int phaseCount);
    QJsonObject waitForEnd(qint64 runId);

    QTemporaryDir m_providerDir;
    hubtest::HubdProcess m_provider;
    hubtest::OneRosterApplication m_application;
    // The console engine's clock runs this far ahead of the system clock.
    std::atomic<qint64> m_clockOffsetSeconds{0};
    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_integrationId = 0;
    qint64 m_scheduledRunId = 0;
};

void tst_OneRosterSync::initTestCase()
{
    QVERIFY(m_providerDir.isValid());
    QVERIFY2(m_provider.start(m_providerDir.path(), kProviderToken), qPrintable(m_provider.output));
    hubtest::ApiTestClient providerApi(QUrl(m_provider.baseUrl), kProviderToken);
    m_application = hubtest::registerOneRosterApplication(providerApi, QStringLiteral("District hub B"));
    QVERIFY2(m_application.isValid(), m_application.reply.body.constData());

    m_engine.setClock([this] { return now(); });
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

void tst_OneRosterSync::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
    m_provider.stop();
    QVERIFY(!m_provider.output.contains(m_application.clientSecret));
}

void tst_OneRosterSync::setText(const QString &setting, const QString &text)
{
    auto edit = m_window->apiForm()->findChild<QLineEdit *>(QStringLiteral("setting_") + setting);
    QVERIFY2(edit, qPrintable(setting));
    edit->clear();
    QTest::keyClicks(edit, text);
}

void tst_OneRosterSync::click(QWidget *parent, const QString &objectName)
{
    auto button = parent->findChild<QPushButton *>(objectName);
    QVERIFY2(button, qPrintable(objectName));
    QVERIFY2(button->isEnabled(), qPrintable(objectName));
    QTest::mouseClick(button, Qt::LeftButton);
}

qint64 tst_OneRosterSync::providerTotal(const QString &collection)
{
    hub::connectors::ApiAuth auth;
    auth.kind = hub::connectors::ApiAuth::Kind::OAuth2ClientCredentials;
    auth.tokenUrl = QUrl(tokenUrl());
    auth.clientId = m_application.clientId;
    auth.clientSecret = m_application.clientSecret;
    hub::connectors::ApiClient client(auth, {});
    QUrl url(baseUrl() + QLatin1Char('/') + collection);
    url.setQuery(QUrlQuery{{QStringLiteral("limit"), QStringLiteral("1")}});
    auto reply = client.send("GET", url);
    if (!reply) {
        qWarning("%s", qPrintable(reply.error()));
        return -1;
    }
    bool ok = false;
    const qint64 total = reply->header("x-total-count").toLongLong(&ok);
    return ok ? total : -1;
}

QString tst_OneRosterSync::phaseText(const QModelIndex &run, int row, int column) const
{
    return m_window->runbookPage()->model()->index(row, column, run).data().toString();
}

QModelIndex tst_OneRosterSync::showRunPhases(qint64 runId, int phaseCount)
{
    m_window->showPage(MainWindow::Page::Runbook);
    RunbookPage *runbook = m_window->runbookPage();
    runbook->showRun(runId);
    if (!QTest::qWaitFor([&] { return runbook->model()->indexOfRun(runId).isValid(); },
                         UiTestEngine::kRequestTimeoutMs))
        return {};
    const QModelIndex run = runbook->model()->indexOfRun(runId);
    runbook->view()->setCurrentIndex(run);
    runbook->view()->expand(run);
    if (!QTest::qWaitFor([&] { return runbook->model()->rowCount(run) == phaseCount; },
                         UiTestEngine::kRequestTimeoutMs))
        return {};
    return run;
}

QJsonObject tst_OneRosterSync::waitForEnd(qint64 runId)
{
    QJsonObject run;
    QTest::qWaitFor(
        [&] {
            run = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId));
            const int status = run.value(QStringLiteral("status")).toInt(1);
            return status != 1 && status != 2;
        },
        kRunTimeoutMs);
    return run;
}

void tst_OneRosterSync::wrongSecretNamesTokenUrl()
{
    m_window->showPage(MainWindow::Page::Catalog);
    QVERIFY(m_window->catalogPage()->selectProduct(QStringLiteral("OneRoster SIS")));
    ApiIntegrationForm *form = m_window->apiForm();
    QSignalSpy loaded(form, &ApiIntegrationForm::loaded);
    click(m_window->catalogPage(), QStringLiteral("addIntegrationButton"));
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QCOMPARE(stack->currentWidget(), form);
    m_integrationId = form->integrationId();
    QVERIFY(m_integrationId > 0);

    setText(QStringLiteral("baseUrl"), baseUrl());
    setText(QStringLiteral("tokenUrl"), tokenUrl());
    setText(QStringLiteral("clientId"), m_application.clientId);
    setText(QStringLiteral("clientSecret"), QStringLiteral("not-the-client-secret"));
    auto pageLimit = qobject_cast<QSpinBox *>(form->settingEditor(QStringLiteral("pageLimit")));
    QVERIFY(pageLimit);
    pageLimit->setValue(kPageLimit);
    auto demographics
        = qobject_cast<QCheckBox *>(form->settingEditor(QStringLiteral("includeDemographics")));
    QVERIFY(demographics);
    demographics->setChecked(true);

    QSignalSpy tested(form, &ApiIntegrationForm::tested);
    click(form, QStringLiteral("testConnectionButton"));
    QVERIFY(tested.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(tested.takeFirst().at(0).toBool(), false);
    const QString result = form->testResult();
    QVERIFY2(result.startsWith(QStringLiteral("Connection failed.")), qPrintable(result));
    QVERIFY2(result.contains(tokenUrl()), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("HTTP 401")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("Check the client id and secret")), qPrintable(result));
    QVERIFY(!result.contains(QStringLiteral("not-the-client-secret")));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-sync-wrong-secret"));
}

void tst_OneRosterSync::scheduledPullShowsCounts()
{
    ApiIntegrationForm *form = m_window->apiForm();
    QCOMPARE(form->integrationId(), m_integrationId);

    QHash<QString, qint64> totals;
    qint64 records = 0;
    qint64 pages = 0;
    for (const QString &collection : kCollections) {
        const qint64 total = providerTotal(collection);
        QVERIFY2(total > 0, qPrintable(collection));
        totals.insert(collection, total);
        records += total;
        // Pages of kPageLimit; the page that reaches X-Total-Count is the last.
        pages += (total + kPageLimit - 1) / kPageLimit;
    }

    // The right secret connects, and Test Connection reads the provider's orgs.
    setText(QStringLiteral("clientSecret"), m_application.clientSecret);
    QSignalSpy tested(form, &ApiIntegrationForm::tested);
    click(form, QStringLiteral("testConnectionButton"));
    QVERIFY(tested.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(tested.takeFirst().at(0).toBool(), true);
    QCOMPARE(form->testResult(),
             QStringLiteral("Connected. Signed in and read the orgs of %1: %2 orgs.")
                 .arg(baseUrl())
                 .arg(totals.value(QStringLiteral("orgs"))));

    // A new API integration's schedule is inactive. It becomes daily and active, at the first
    // whole minute that is at least a minute away in the district's zone.
    hubdesk::ScheduleEditor *schedule = form->scheduleEditor();
    auto status = schedule->findChild<QComboBox *>(QStringLiteral("scheduleStatusCombo"));
    QVERIFY(status);
    QCOMPARE(status->currentData().toBool(), false);
    const QTimeZone zone(m_engine.client()->districtTimeZone());
    QVERIFY(zone.isValid());
    QDateTime start = now().toTimeZone(zone).addSecs(120);
    start.setTime(QTime(start.time().hour(), start.time().minute()));
    auto type = schedule->findChild<QComboBox *>(QStringLiteral("scheduleTypeCombo"));
    type->setCurrentIndex(type->findData(QStringLiteral("daily")));
    schedule->findChild<QDateEdit *>(QStringLiteral("startDateEdit"))->setDate(start.date());
    schedule->findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->setTime(start.time());
    status->setCurrentIndex(status->findData(true));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-sync-form"));

    QSignalSpy saved(form, &ApiIntegrationForm::saved);
    click(form, QStringLiteral("saveButton"));
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    const QJsonObject savedSchedule
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(m_integrationId))
              .value(QStringLiteral("schedule"))
              .toObject();
    QCOMPARE(savedSchedule.value(QStringLiteral("type")).toString(), QStringLiteral("daily"));
    QCOMPARE(savedSchedule.value(QStringLiteral("active")).toBool(), true);
    QCOMPARE(savedSchedule.value(QStringLiteral("startTime")).toString(),
             start.time().toString(QStringLiteral("HH:mm")));

    // The scheduler follows a saved schedule from the time it first reads it, so the clock
    // moves to the start time only after that.
    const QSqlDatabase db = m_engine.engine()->store().connection();
    QTRY_VERIFY_WITH_TIMEOUT(
        hub::selectValue(db,
                         QStringLiteral("SELECT count(*) FROM schedule_state s JOIN integrations i "
                                        "ON i.id = s.integration_id WHERE i.id = ? "
                                        "AND s.schedule = i.schedule"),
                         {m_integrationId})
                ->toInt()
            == 1,
        UiTestEngine::kRequestTimeoutMs);
    m_clockOffsetSeconds = QDateTime::currentDateTimeUtc().secsTo(start.toUTC()) + 1;

    QTRY_VERIFY_WITH_TIMEOUT((m_scheduledRunId
                              = hub::selectValue(db,
                                                 QStringLiteral("SELECT coalesce(max(id), 0) FROM "
                                                                "runs WHERE integration_id = ? "
                                                                "AND trigger = 'schedule'"),
                                                 {m_integrationId})
                                    ->toLongLong())
                                 > 0,
                             UiTestEngine::kRequestTimeoutMs);
    const QJsonObject run = waitForEnd(m_scheduledRunId);
    QVERIFY2(run.value(QStringLiteral("status")).toInt() == 0,
             qPrintable(run.value(QStringLiteral("message")).toString()));
    QCOMPARE(run.value(QStringLiteral("trigger")).toString(), QStringLiteral("schedule"));
    QCOMPARE(QDateTime::fromString(run.value(QStringLiteral("scheduledFor")).toString(),
                                   Qt::ISODateWithMs),
             start.toUTC());

    // Runbook Activities shows the run with the counts of each phase. The Fetch phase read as
    // many records as the provider's X-Total-Count of all collections add up to, one page per
    // 250 records of each collection, and its requests are those pages and one token request.
    const QModelIndex runIndex = showRunPhases(m_scheduledRunId, 3);
    QVERIFY(runIndex.isValid());
    // The detail may have been read while the run was running; the page reads it again.
    QTRY_COMPARE_WITH_TIMEOUT(phaseText(runIndex, 2, RunbookModel::StatusColumn),
                              QStringLiteral("0 Succeeded"), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(runIndex.siblingAtColumn(RunbookModel::StatusColumn).data().toString(),
             QStringLiteral("0 Succeeded"));
    QCOMPARE(phaseText(runIndex, 0, RunbookModel::PhaseNameColumn),
             QStringLiteral("Fetch: %1 requests, %2 pages, %3 records, 0 retries")
                 .arg(QLocale().toString(pages + 1), QLocale().toString(pages),
                      QLocale().toString(records)));
    QCOMPARE(phaseText(runIndex, 1, RunbookModel::PhaseNameColumn),
             QStringLiteral("Map: %1 rows").arg(QLocale().toString(records)));
    QVERIFY(phaseText(runIndex, 2, RunbookModel::PhaseNameColumn).startsWith(QStringLiteral("Load: ")));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(phaseText(runIndex, row, RunbookModel::StatusColumn), QStringLiteral("0 Succeeded"));

    // The log of the selected run names the records of each collection.
    RunbookPage *runbook = m_window->runbookPage();
    QTRY_VERIFY_WITH_TIMEOUT(!runbook->logView()->text().isEmpty(), UiTestEngine::kRequestTimeoutMs);
    const QString log = runbook->logView()->text();
    for (const QString &collection : kCollections)
        QVERIFY2(log.contains(QStringLiteral("Read %1 %2.").arg(totals.value(collection)).arg(collection)),
                 qPrintable(collection + QLatin1Char('\n') + log));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-sync-runbook"));
}

void tst_OneRosterSync::stoppedProviderFailsFetch()
{
    QVERIFY(m_scheduledRunId > 0);
    m_provider.stop();

    // Run Now on the scheduled run queues another run of the integration, which cannot reach
    // the token URL: each of the default 5 attempts is refused.
    RunbookPage *runbook = m_window->runbookPage();
    runbook->view()->setCurrentIndex(runbook->model()->indexOfRun(m_scheduledRunId));
    click(runbook, QStringLiteral("runbookRunNowButton"));
    qint64 runId = 0;
    QTRY_VERIFY_WITH_TIMEOUT((runId = runbook->selectedRunId()) > m_scheduledRunId,
                             UiTestEngine::kRequestTimeoutMs);
    const QJsonObject run = waitForEnd(runId);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    const QString message = run.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(tokenUrl()), qPrintable(message));

    const QModelIndex runIndex = showRunPhases(runId, 1);
    QVERIFY(runIndex.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(runIndex.siblingAtColumn(RunbookModel::StatusColumn).data().toString(),
                              QStringLiteral("9 Failed"), UiTestEngine::kRequestTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(phaseText(runIndex, 0, RunbookModel::StatusColumn),
                              QStringLiteral("9 Failed"), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(phaseText(runIndex, 0, RunbookModel::PhaseNameColumn),
             QStringLiteral("Fetch: 5 requests, 0 pages, 0 records, 4 retries"));
    QCOMPARE(runIndex.data(Qt::ToolTipRole).toString(), message);
    QTRY_VERIFY2_WITH_TIMEOUT(runbook->logView()->text().contains(message),
                              qPrintable(runbook->logView()->text()),
                              UiTestEngine::kRequestTimeoutMs);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("oneroster-sync-provider-stopped"));
}

QTEST_MAIN(tst_OneRosterSync)
#include "tst_onerostersync.moc"
