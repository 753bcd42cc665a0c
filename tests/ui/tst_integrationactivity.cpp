// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Integration Activity page against an in-process demo engine: three real runs of the demo
// integration plus 89 nights of history written to the store, one of which took six times the
// usual time. With HUBDESK_SCREENSHOT_DIR set, the page is saved as integration-activity.png.

#include "uitestengine.h"

#include "core/timeutil.h"
#include "activitycharts.h"
#include "integrationactivity.h"
#include "integrationactivitypage.h"
#include "integrationspage.h"
#include "mainwindow.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runfilterbar.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLineSeries>
#include <QListView>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTreeView>
#include <QStackedWidget>
#include <QTimeZone>

using hubdesk::IntegrationActivityPage;
using hubdesk::MainWindow;
using hubtest::UiTestEngine;

namespace {

constexpr int kRunTimeoutMs = 30000;
constexpr int kHistoryNights = 89;
// Nights before today, counted from 1 for yesterday.
constexpr int kLongNight = 20;
const QList<int> kFailedNights = {7, 33, 61};

} // namespace

class tst_IntegrationActivity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void durationSeriesMatchEngine();
    void longNightIsMarked();
    void dailyBarsMatchEngine();
    void lastRunsAndNextRun();
    void unknownIntegrationShowsMessage();
    void integrationsPageOpensActivity();
    void chartsNameMonthsInLanguage();

private:
    bool insertHistory();
    template<typename Series>
    Series *series(QChartView *view, const QString &name) const
    {
        const QList<QAbstractSeries *> all = view->chart()->series();
        for (QAbstractSeries *candidate : all) {
            if (candidate->objectName() == name)
                return qobject_cast<Series *>(candidate);
        }
        return nullptr;
    }

    UiTestEngine m_engine;
    std::unique_ptr<IntegrationActivityPage> m_page;
    qint64 m_integrationId = 0;
    QJsonObject m_activity;
};

bool tst_IntegrationActivity::insertHistory()
{
    const QTimeZone zone(m_engine.client()->districtTimeZone());
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    const QSqlDatabase db = m_engine.engine()->store().connection();
    for (int night = 1; night <= kHistoryNights; ++night) {
        const QDateTime start = QDateTime(today.addDays(-night), QTime(2, 0), zone).toUTC();
        const bool failed = kFailedNights.contains(night);
        // 40 to 66 seconds on ordinary nights, 12 on failed ones, six times the usual on the
        // long one.
        int seconds = 40 + (night * 7) % 27;
        if (failed)
            seconds = 12;
        if (night == kLongNight)
            seconds = 318;
        auto inserted = hub::execute(
            db,
            QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, "
                           "queued_at, started_at, ended_at, message) "
                           "VALUES (1, ?, 'schedule', ?, ?, ?, ?, ?)"),
            {m_integrationId, failed ? 9 : 0, hub::toIsoUtc(start), hub::toIsoUtc(start),
             hub::toIsoUtc(start.addSecs(seconds)),
             failed ? QStringLiteral("The destination folder was not writable.") : QString()});
        if (!inserted)
            return false;
    }
    return true;
}

void tst_IntegrationActivity::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_integrationId = m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(m_integrationId > 0);

    for (int run = 0; run < 3; ++run) {
        const hubdesk::ApiResult queued
            = UiTestEngine::wait(m_engine.client()->runNow(m_integrationId));
        QCOMPARE(queued.httpStatus, 202);
        const qint64 runId = queued.body.object()[QStringLiteral("id")].toInteger();
        const QString path = QStringLiteral("/api/v1/runs/%1").arg(runId);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_engine.getObject(path)[QStringLiteral("status")].toInt(), 0, kRunTimeoutMs);
    }
    QVERIFY(insertHistory());
    QUrlQuery days;
    days.addQueryItem(QStringLiteral("days"), QStringLiteral("90"));
    m_activity = UiTestEngine::wait(
                     m_engine.client()->get(
                         QStringLiteral("/api/v1/integrations/%1/activity").arg(m_integrationId), days))
                     .body.object();
    QCOMPARE(m_activity[QStringLiteral("runs")].toArray().size(), kHistoryNights + 3);

    m_page = std::make_unique<IntegrationActivityPage>(m_engine.client());
    m_page->setTimeZone(QTimeZone(m_engine.client()->districtTimeZone()));
    m_page->resize(1280, 820);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy loaded(m_page.get(), &IntegrationActivityPage::loaded);
    m_page->showIntegration(m_integrationId);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(!m_page->isLoading());
    QVERIFY2(m_page->message().isEmpty(), qPrintable(m_page->message()));
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("integration-activity"));
}

void tst_IntegrationActivity::cleanupTestCase()
{
    m_page.reset();
    m_engine.stop();
}

void tst_IntegrationActivity::durationSeriesMatchEngine()
{
    const QJsonArray runs = m_activity[QStringLiteral("runs")].toArray();
    auto durations = series<QLineSeries>(m_page->durationChartView(), QStringLiteral("durationSeries"));
    QVERIFY(durations);
    QCOMPARE(durations->count(), runs.size());
    for (int i = 0; i < runs.size(); ++i)
        QCOMPARE(durations->at(i).y(), runs.at(i)[QStringLiteral("durationSeconds")].toDouble() / 60);

    auto failed = series<QScatterSeries>(m_page->durationChartView(), QStringLiteral("failedRunSeries"));
    QVERIFY(failed);
    QCOMPARE(failed->count(), kFailedNights.size());

    auto median = series<QLineSeries>(m_page->durationChartView(), QStringLiteral("medianSeries"));
    QVERIFY(median);
    QCOMPARE(median->count(), 2);
    const double medianSeconds = m_activity[QStringLiteral("medianSeconds")].toDouble();
    QVERIFY(medianSeconds > 40);
    QVERIFY(medianSeconds < 66);
    QCOMPARE(median->at(0).y(), medianSeconds / 60);
    QCOMPARE(median->at(1).y(), medianSeconds / 60);
}

void tst_IntegrationActivity::longNightIsMarked()
{
    auto longRuns = series<QScatterSeries>(m_page->durationChartView(), QStringLiteral("longRunSeries"));
    QVERIFY(longRuns);
    QCOMPARE(longRuns->count(), 1);
    QCOMPARE(longRuns->at(0).y(), 318 / 60.0);
    QCOMPARE(m_page->activity().longRunCount(), 1);
    QVERIFY2(m_page->summaryText().endsWith(QStringLiteral("Runs over 3 times the median: 1.")),
             qPrintable(m_page->summaryText()));
}

void tst_IntegrationActivity::dailyBarsMatchEngine()
{
    auto bars = series<QStackedBarSeries>(m_page->dailyChartView(), QStringLiteral("dailySeries"));
    QVERIFY(bars);
    const QList<QBarSet *> sets = bars->barSets();
    QCOMPARE(sets.size(), 3);
    QCOMPARE(sets.at(0)->label(), QStringLiteral("Succeeded"));
    QCOMPARE(sets.at(1)->label(), QStringLiteral("Failed"));

    const QJsonArray daily = m_activity[QStringLiteral("daily")].toArray();
    QCOMPARE(daily.size(), 90);
    QCOMPARE(sets.at(0)->count(), 90);
    for (int i = 0; i < daily.size(); ++i) {
        QCOMPARE(sets.at(0)->at(i), daily.at(i)[QStringLiteral("succeeded")].toDouble());
        QCOMPARE(sets.at(1)->at(i), daily.at(i)[QStringLiteral("failed")].toDouble());
    }
    // Today has the three real runs, and each failed night has one failure.
    QCOMPARE(sets.at(0)->at(89), 3.0);
    QCOMPARE(sets.at(1)->at(89 - kFailedNights.first()), 1.0);
    QCOMPARE(sets.at(1)->sum(), double(kFailedNights.size()));

    // Half a bar of margin on each side, so the first day's and today's bars show whole.
    const QList<QAbstractAxis *> axes = bars->attachedAxes();
    const auto xAxis = std::find_if(axes.cbegin(), axes.cend(), [](QAbstractAxis *axis) {
        return axis->orientation() == Qt::Horizontal;
    });
    QVERIFY(xAxis != axes.cend());
    auto categories = qobject_cast<QCategoryAxis *>(*xAxis);
    QVERIFY(categories);
    QCOMPARE(categories->min(), -0.5);
    QCOMPARE(categories->max(), 89.5);
}

void tst_IntegrationActivity::lastRunsAndNextRun()
{
    hubdesk::RunbookModel *lastRuns = m_page->lastRunsModel();
    QAbstractItemModelTester tester(lastRuns, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(lastRuns->rowCount(), IntegrationActivityPage::kLastRuns);
    // The newest run is the last real one, which started today.
    const QJsonObject newest = lastRuns->index(0, 0).data(hubdesk::RunbookModel::RunJsonRole).toJsonObject();
    QCOMPARE(newest[QStringLiteral("integrationId")].toInteger(), m_integrationId);
    QCOMPARE(newest[QStringLiteral("trigger")].toString(), QStringLiteral("manual"));
    // The page's title names the integration, so its rows do not repeat the name.
    QCOMPARE(lastRuns->index(0, hubdesk::RunbookModel::PhaseNameColumn).data().toString(),
             QStringLiteral("Integration Instance Id %1").arg(newest[QStringLiteral("id")].toInteger()));
    QVERIFY2(m_page->nextRunText().startsWith(QStringLiteral("Next scheduled run: ")),
             qPrintable(m_page->nextRunText()));
}

void tst_IntegrationActivity::unknownIntegrationShowsMessage()
{
    IntegrationActivityPage page(m_engine.client());
    QSignalSpy loaded(&page, &IntegrationActivityPage::loaded);
    page.showIntegration(999999);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY2(page.message().startsWith(QStringLiteral("Cannot load the activity: ")),
             qPrintable(page.message()));
    QCOMPARE(page.lastRunsModel()->rowCount(), 0);
}

void tst_IntegrationActivity::integrationsPageOpensActivity()
{
    // The default window on a 1280x800 screen, less the window frame.
    MainWindow window(m_engine.client());
    window.resize(1248, 796);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy refreshed(window.integrationsPage(), &hubdesk::IntegrationsPage::refreshed);
    window.integrationsPage()->refresh();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(window.integrationsPage()->selectIntegration(m_integrationId));

    auto activityButton = window.integrationsPage()->findChild<QPushButton *>(
        QStringLiteral("integrationActivityButton"));
    QVERIFY(activityButton);
    QVERIFY(activityButton->isEnabled());
    QSignalSpy loaded(window.integrationActivityPage(), &IntegrationActivityPage::loaded);
    activityButton->click();
    auto stack = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QCOMPARE(MainWindow::Page(stack->currentIndex()), MainWindow::Page::IntegrationActivity);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(window.integrationActivityPage()->integrationId(), m_integrationId);

    // In the window's default size, Last Runs shows each run's whole Phase Name.
    auto lastRuns = window.integrationActivityPage()->findChild<QTreeView *>(
        QStringLiteral("lastRunsView"));
    QVERIFY(lastRuns);
    QCOMPARE(lastRuns->textElideMode(), Qt::ElideMiddle);
    const QAbstractItemModel *runs = lastRuns->model();
    QVERIFY(runs->rowCount() > 0);
    const int nameWidth = lastRuns->header()->sectionSize(hubdesk::RunbookModel::PhaseNameColumn);
    // A run that succeeded with warnings widens Status by the difference between its label and
    // the widest label shown now, and the names still fit then.
    const QFontMetrics metrics = lastRuns->fontMetrics();
    int statusWidth = 0;
    for (int row = 0; row < runs->rowCount(); ++row) {
        const QString status
            = runs->index(row, hubdesk::RunbookModel::StatusColumn).data().toString();
        statusWidth = qMax(statusWidth, metrics.horizontalAdvance(status));
    }
    const int widestStatusWidth
        = qMax(statusWidth, metrics.horizontalAdvance(QStringLiteral("8 Succeeded with warnings")));
    const int nameWidthWithWarnings = nameWidth - (widestStatusWidth - statusWidth);
    for (int row = 0; row < runs->rowCount(); ++row) {
        const QString name
            = runs->index(row, hubdesk::RunbookModel::PhaseNameColumn).data().toString();
        QVERIFY2(nameWidth >= metrics.horizontalAdvance(name) + 8,
                 qPrintable(QStringLiteral("%1 in %2 pixels").arg(name).arg(nameWidth)));
        QVERIFY2(nameWidthWithWarnings >= metrics.horizontalAdvance(name) + 8,
                 qPrintable(QStringLiteral("%1 in %2 pixels beside a run with warnings")
                                .arg(name)
                                .arg(nameWidthWithWarnings)));
        QCOMPARE(runs->index(row, hubdesk::RunbookModel::PhaseNameColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .section(QLatin1Char('\n'), 0, 0),
                 name);
    }
    hubtest::saveScreenshot(&window, QStringLiteral("integration-activity-window"));

    // Open in Runbook shows the runbook filtered to this integration.
    window.integrationActivityPage()
        ->findChild<QPushButton *>(QStringLiteral("activityRunbookButton"))
        ->click();
    QCOMPARE(MainWindow::Page(stack->currentIndex()), MainWindow::Page::Runbook);
    QTRY_VERIFY_WITH_TIMEOUT(!window.runbookPage()->isLoading(), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(window.runbookPage()->filterBar()->query().queryItemValue(QStringLiteral("integrationId")),
             QString::number(m_integrationId));
}

void tst_IntegrationActivity::chartsNameMonthsInLanguage()
{
    // The console sets the default locale to its language; Spanish abbreviates months in lower
    // case ("sept", "oct", "nov", "dic"), English capitalises them.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    const auto activity = hubdesk::IntegrationActivity::fromJson(m_activity);
    std::unique_ptr<QChart> daily(hubdesk::createDailyChart(activity));
    std::unique_ptr<QChart> duration(hubdesk::createDurationChart(activity, QTimeZone("America/Detroit")));
    QLocale::setDefault(previous);

    const auto axes = daily->axes(Qt::Horizontal);
    QCOMPARE(axes.size(), 1);
    const QStringList labels = qobject_cast<QCategoryAxis *>(axes.first())->categoriesLabels();
    // Days 0, 21, 42, 63 and 84 of 90 have a label.
    QCOMPARE(labels.size(), 5);
    const QLocale spanish(QLocale::Spanish, QLocale::Spain);
    QCOMPARE(labels.first(), spanish.toString(activity.days.first().date, QStringLiteral("MMM d")));
    QVERIFY(labels.first() != activity.days.first().date.toString(QStringLiteral("MMM d")));
    QCOMPARE(duration->locale(), spanish);

    // The date axis writes its labels with the chart's locale.
    QChartView view(duration.release());
    view.resize(1000, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QStringList texts;
    const QList<QGraphicsItem *> items = view.scene()->items();
    for (QGraphicsItem *item : items) {
        if (auto text = dynamic_cast<QGraphicsTextItem *>(item))
            texts.append(text->toPlainText());
    }
    const QString firstTick = spanish.toString(activity.from, QStringLiteral("MMM d"));
    QVERIFY2(texts.contains(firstTick), qPrintable(texts.join(QStringLiteral(" | "))));
}

QTEST_MAIN(tst_IntegrationActivity)
#include "tst_integrationactivity.moc"
