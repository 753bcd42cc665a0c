// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The runbook's filters, sorting, run control, change feed and paging against an in-process
// engine whose workers are stopped, so that the fixture's runs keep the statuses written to
// the store.

#include "uitestengine.h"

#include "core/timeutil.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runfilterbar.h"
#include "runlogview.h"
#include "runs/workerpool.h"
#include "statusdelegate.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QTreeView>

using hubdesk::RunbookModel;
using hubdesk::RunbookPage;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

namespace {

// The change feed is polled every 10 seconds while no listed run is active; the margin covers
// slow machines.
constexpr int kFeedTimeoutMs = 30000;

constexpr int kSucceeded = 0;
constexpr int kRunning = 1;
constexpr int kQueued = 2;
constexpr int kCancelled = 3;
constexpr int kWarnings = 8;
constexpr int kFailed = 9;

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace

class tst_RunbookFilters final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void applyRunChangesUpdatesAndInserts();
    void filtersMatchEngineCounts_data();
    void filtersMatchEngineCounts();
    void headerClickSortsOnEngine();
    void phaseSelectionFiltersLog();
    void saveLogWritesDistrictTimes();
    void cancelQueuedRunInPlace();
    void cancelRunningRunAsksFirst();
    void retryFailedRunAddsTopRow();
    void retryConflictShowsMessage();
    void changeFeedUpdatesRowInPlace();
    void pagingWithMaxIdHasNoDuplicates();

private:
    qint64 insertRun(qint64 integrationId, int status, const QString &trigger,
                     const QDateTime &start, int durationSeconds);
    qint64 insertPhase(qint64 runId, int position, const QString &name, int status);
    void insertLog(qint64 runId, qint64 phaseId, const QString &message);
    bool execute(const QString &sql, const QVariantList &bindings);
    qint64 engineTotal(QUrlQuery query) const;
    void setFilter(const QString &objectName, const QString &value);
    void resetFilters();
    bool searchAndWait();
    QString statusOf(qint64 runId) const;
    QModelIndex runIndex(qint64 runId) const;
    QPushButton *button(const QString &objectName) const;
    void select(qint64 runId);

    UiTestEngine m_engine;
    std::unique_ptr<RunbookPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTimeZone m_zone;
    // The fixture, all in November 2026: see initTestCase().
    qint64 m_failedWithPhases = 0;
    qint64 m_queryPhase = 0;
    qint64 m_formatPhase = 0;
    qint64 m_retryRunId = 0;
    qint64 m_failedToday = 0;
};

qint64 tst_RunbookFilters::insertRun(qint64 integrationId, int status, const QString &trigger,
                                     const QDateTime &start, int durationSeconds)
{
    const bool started = status != kQueued;
    const bool ended = started && status != kRunning;
    auto inserted = hub::execute(
        m_engine.engine()->store().connection(),
        QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, "
                       "started_at, ended_at, message) VALUES (1, ?, ?, ?, ?, ?, ?, 'fixture')"),
        {integrationId, trigger, status, hub::toIsoUtc(start),
         started ? QVariant(hub::toIsoUtc(start)) : QVariant(),
         ended ? QVariant(hub::toIsoUtc(start.addSecs(durationSeconds))) : QVariant()});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

qint64 tst_RunbookFilters::insertPhase(qint64 runId, int position, const QString &name, int status)
{
    auto inserted
        = hub::execute(m_engine.engine()->store().connection(),
                       QStringLiteral("INSERT INTO run_phases(run_id, position, name, "
                                      "status, started_at, ended_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?)"),
                       {runId, position, name, status, QStringLiteral("2026-11-11T15:00:00.000Z"),
                        QStringLiteral("2026-11-11T15:05:00.000Z")});
    return inserted ? inserted->lastInsertId().toLongLong() : 0;
}

void tst_RunbookFilters::insertLog(qint64 runId, qint64 phaseId, const QString &message)
{
    QVERIFY(execute(QStringLiteral("INSERT INTO run_logs(run_id, phase_id, logged_at, level, "
                                   "message) VALUES (?, ?, '2026-11-11T15:01:00.000Z', 'info', ?)"),
                    {runId, phaseId > 0 ? QVariant(phaseId) : QVariant(), message}));
}

bool tst_RunbookFilters::execute(const QString &sql, const QVariantList &bindings)
{
    return hub::execute(m_engine.engine()->store().connection(), sql, bindings).ok();
}

void tst_RunbookFilters::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The fixture's runs must keep their statuses, so no worker may pick them up.
    m_engine.engine()->workers().stop();
    m_zone = QTimeZone(m_engine.client()->districtTimeZone());

    // Integrations 1 and 2 of the demo are outbound, 3 is inbound. Times are UTC; Detroit is
    // UTC-5 in November after the 1st.
    QVERIFY(insertRun(1, kSucceeded, u"schedule"_s, utc(u"2026-11-10T15:00:00Z"_s), 60));
    m_failedWithPhases = insertRun(1, kFailed, u"schedule"_s, utc(u"2026-11-11T15:00:00Z"_s), 600);
    QVERIFY(m_failedWithPhases > 0);
    QVERIFY(insertRun(1, kSucceeded, u"retry"_s, utc(u"2026-11-11T16:00:00Z"_s), 120));
    QVERIFY(insertRun(2, kWarnings, u"manual"_s, utc(u"2026-11-12T15:00:00Z"_s), 30));
    QVERIFY(insertRun(2, kFailed, u"catch-up"_s, utc(u"2026-11-13T15:00:00Z"_s), 5));
    QVERIFY(insertRun(3, kCancelled, u"manual"_s, utc(u"2026-11-14T15:00:00Z"_s), 1));
    QVERIFY(insertRun(3, kSucceeded, u"manual"_s, utc(u"2026-11-15T15:00:00Z"_s), 3600));

    m_queryPhase = insertPhase(m_failedWithPhases, 1, u"Query"_s, kSucceeded);
    m_formatPhase = insertPhase(m_failedWithPhases, 2, u"Format"_s, kFailed);
    QVERIFY(m_queryPhase > 0);
    QVERIFY(m_formatPhase > 0);
    insertLog(m_failedWithPhases, 0, u"Run started"_s);
    insertLog(m_failedWithPhases, m_queryPhase, u"Read 120 rows"_s);
    insertLog(m_failedWithPhases, m_formatPhase, u"Cannot format column grade"_s);

    m_page = std::make_unique<RunbookPage>(m_engine.client());
    m_page->setTimeZone(m_zone);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1300, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // The Integration box lists the demo's integrations after "All".
    const auto integrations = m_page->findChild<QComboBox *>(u"runbookIntegrationFilter"_s);
    QVERIFY(integrations);
    QTRY_VERIFY(integrations->count() > 3);
}

void tst_RunbookFilters::cleanupTestCase()
{
    m_tester.reset();
    m_page.reset();
    m_engine.stop();
}

qint64 tst_RunbookFilters::engineTotal(QUrlQuery query) const
{
    query.addQueryItem(u"limit"_s, u"1"_s);
    const hubdesk::ApiResult result
        = UiTestEngine::wait(m_engine.client()->get(u"/api/v1/runs"_s, query));
    return result.ok() ? result.body.object()[u"total"_s].toInteger() : -1;
}

void tst_RunbookFilters::setFilter(const QString &objectName, const QString &value)
{
    auto box = m_page->findChild<QComboBox *>(objectName);
    QVERIFY2(box, qPrintable(objectName));
    const int index = box->findData(value);
    QVERIFY2(index >= 0, qPrintable(value));
    box->setCurrentIndex(index);
}

void tst_RunbookFilters::resetFilters()
{
    for (const QString &name : {u"runbookIntegrationFilter"_s, u"runbookTypeFilter"_s,
                                u"runbookStatusFilter"_s, u"runbookTriggerFilter"_s})
        setFilter(name, QString());
    m_page->filterBar()->setDate(QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date());
}

bool tst_RunbookFilters::searchAndWait()
{
    QSignalSpy loaded(m_page.get(), &RunbookPage::runsLoaded);
    m_page->search();
    return QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); },
                           UiTestEngine::kRequestTimeoutMs);
}

QModelIndex tst_RunbookFilters::runIndex(qint64 runId) const
{
    return m_page->model()->indexOfRun(runId);
}

QString tst_RunbookFilters::statusOf(qint64 runId) const
{
    // The Status cell as StatusDelegate paints it, such as "3 Cancelled".
    return hubdesk::StatusDelegate::statusLabel(runIndex(runId)
                                                    .siblingAtColumn(RunbookModel::StatusColumn)
                                                    .data(RunbookModel::StatusCodeRole));
}

QPushButton *tst_RunbookFilters::button(const QString &objectName) const
{
    return m_page->findChild<QPushButton *>(objectName);
}

void tst_RunbookFilters::select(qint64 runId)
{
    const QModelIndex run = runIndex(runId);
    QVERIFY(run.isValid());
    m_page->view()->selectionModel()->setCurrentIndex(run, QItemSelectionModel::ClearAndSelect
                                                               | QItemSelectionModel::Rows);
}

void tst_RunbookFilters::applyRunChangesUpdatesAndInserts()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto run = [](qint64 id, int status, const QString &phase = {}) {
        return QJsonObject{{u"id"_s, id},
                           {u"status"_s, status},
                           {u"integrationName"_s, u"Sections"_s},
                           {u"currentPhase"_s, phase.isEmpty() ? QJsonValue() : phase}};
    };
    model.setRuns({run(3, kQueued), run(2, kSucceeded)});
    QJsonObject detail = run(2, kSucceeded);
    detail.insert(u"phases"_s, QJsonArray{QJsonObject{{u"name"_s, u"Query"_s}}});
    detail.insert(u"log"_s, QJsonArray{});
    model.setRunDetail(detail);
    QCOMPARE(model.rowCount(model.indexOfRun(2)), 1);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const auto changes = model.applyRunChanges(
        {run(3, kRunning, u"Query"_s), run(2, kSucceeded), run(5, kQueued), run(4, kQueued),
         run(6, kQueued)},
        [](const QJsonObject &candidate) { return candidate[u"id"_s].toInteger() != 6; });

    // Run 2 is unchanged and stays as it is; run 3 changes in place with its roles named.
    QCOMPARE(changes.updated, QList<qint64>{3});
    QCOMPARE(changes.inserted, (QList<qint64>{5, 4}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const auto roles = changed.first().at(2).value<QList<int>>();
    QVERIFY(roles.contains(RunbookModel::StatusCodeRole));
    QVERIFY(roles.contains(Qt::DisplayRole));

    // New runs go on top, newest first; the rejected one stays out.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.indexOfRun(5).row(), 0);
    QCOMPARE(model.indexOfRun(4).row(), 1);
    QCOMPARE(model.indexOfRun(3).row(), 2);
    QVERIFY(!model.indexOfRun(6).isValid());
    QCOMPARE(model.rowCount(model.indexOfRun(2)), 1);
    QCOMPARE(model.indexOfRun(3).siblingAtColumn(RunbookModel::PhaseNameColumn).data().toString(),
             u"Integration Instance Id 3 - Sections (Query)"_s);
    QCOMPARE(model.indexOfRun(3).data(RunbookModel::StatusCodeRole).toInt(), kRunning);
}

void tst_RunbookFilters::filtersMatchEngineCounts_data()
{
    QTest::addColumn<bool>("range");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("integration");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<int>("expected");

    const QDate nov10(2026, 11, 10);
    const QDate nov15(2026, 11, 15);
    QTest::newRow("whole range") << true << nov10 << nov15 << ""
                                 << ""
                                 << ""
                                 << "" << 7;
    QTest::newRow("Nov 11 to 12") << true << QDate(2026, 11, 11) << QDate(2026, 11, 12) << ""
                                  << ""
                                  << ""
                                  << "" << 3;
    // A single date lists the runs of that day alone, not the earlier ones.
    QTest::newRow("Nov 11 alone") << false << QDate() << QDate(2026, 11, 11) << ""
                                  << ""
                                  << ""
                                  << "" << 2;
    QTest::newRow("Nov 12 alone") << false << QDate() << QDate(2026, 11, 12) << ""
                                  << ""
                                  << ""
                                  << "" << 1;
    QTest::newRow("failed") << true << nov10 << nov15 << ""
                            << ""
                            << "9"
                            << "" << 2;
    QTest::newRow("needs attention") << true << nov10 << nov15 << ""
                                     << ""
                                     << "9,3,8"
                                     << "" << 4;
    QTest::newRow("retry trigger") << true << nov10 << nov15 << ""
                                   << ""
                                   << ""
                                   << "retry" << 1;
    QTest::newRow("catch-up trigger") << true << nov10 << nov15 << ""
                                      << ""
                                      << ""
                                      << "catch-up" << 1;
    QTest::newRow("inbound") << true << nov10 << nov15 << ""
                             << "inbound"
                             << ""
                             << "" << 2;
    QTest::newRow("integration 3 succeeded") << true << nov10 << nov15 << "3"
                                             << ""
                                             << "0"
                                             << "" << 1;
    QTest::newRow("nothing matches") << true << nov10 << nov15 << "2"
                                     << ""
                                     << ""
                                     << "retry" << 0;
}

void tst_RunbookFilters::filtersMatchEngineCounts()
{
    QFETCH(bool, range);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, integration);
    QFETCH(QString, type);
    QFETCH(QString, status);
    QFETCH(QString, trigger);
    QFETCH(int, expected);

    if (range)
        m_page->filterBar()->setDateRange(from, to);
    else
        m_page->filterBar()->setDate(to);
    setFilter(u"runbookIntegrationFilter"_s, integration);
    setFilter(u"runbookTypeFilter"_s, type);
    setFilter(u"runbookStatusFilter"_s, status);
    setFilter(u"runbookTriggerFilter"_s, trigger);
    QVERIFY(searchAndWait());

    // The page shows what the engine counts for the same filters.
    QCOMPARE(m_page->model()->rowCount(), expected);
    QCOMPARE(engineTotal(m_page->filterBar()->query()), qint64(expected));
    const QStringList statuses = status.split(u',', Qt::SkipEmptyParts);
    for (int row = 0; row < m_page->model()->rowCount(); ++row) {
        const QModelIndex index = m_page->model()->index(row, 0);
        const QJsonObject run = index.data(RunbookModel::RunJsonRole).toJsonObject();
        if (!statuses.isEmpty())
            QVERIFY(statuses.contains(QString::number(run[u"status"_s].toInt())));
        if (!trigger.isEmpty())
            QCOMPARE(run[u"trigger"_s].toString(), trigger);
        if (!type.isEmpty())
            QCOMPARE(run[u"integrationType"_s].toString(), type);
        // The filter bar accepts what the engine returned, as it does for the change feed.
        QVERIFY(m_page->filterBar()->matches(run, m_zone));
    }
}

void tst_RunbookFilters::headerClickSortsOnEngine()
{
    resetFilters();
    m_page->filterBar()->setDateRange(QDate(2026, 11, 10), QDate(2026, 11, 15));
    QVERIFY(searchAndWait());
    QCOMPARE(m_page->model()->rowCount(), 7);

    QHeaderView *header = m_page->view()->header();
    QSignalSpy loaded(m_page.get(), &RunbookPage::runsLoaded);
    header->setSortIndicator(RunbookModel::DurationColumn, Qt::DescendingOrder);
    QTRY_COMPARE(loaded.size(), 1);
    const auto duration = [this](int row) {
        return m_page->model()
            ->index(row, 0)
            .data(RunbookModel::RunJsonRole)
            .toJsonObject()[u"durationSeconds"_s]
            .toInt();
    };
    QCOMPARE(duration(0), 3600);
    QCOMPARE(duration(1), 600);

    // Phase Name is no sort key: the indicator stays on Duration and nothing is requested.
    header->setSortIndicator(RunbookModel::PhaseNameColumn, Qt::AscendingOrder);
    QCOMPARE(header->sortIndicatorSection(), int(RunbookModel::DurationColumn));
    QVERIFY(!m_page->isLoading());

    header->setSortIndicator(RunbookModel::StartTimeColumn, Qt::DescendingOrder);
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(duration(0), 3600);
    QCOMPARE(duration(1), 1);

    // A click on a header that is not sorted yet sorts it in ascending order.
    const QPoint durationSection(header->sectionViewportPosition(RunbookModel::DurationColumn) + 8,
                                 header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, durationSection);
    QTRY_COMPARE(loaded.size(), 3);
    QCOMPARE(header->sortIndicatorSection(), int(RunbookModel::DurationColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(duration(0), 1);
    QCOMPARE(duration(1), 5);

    header->setSortIndicator(RunbookModel::StartTimeColumn, Qt::DescendingOrder);
    QTRY_COMPARE(loaded.size(), 4);
}

void tst_RunbookFilters::phaseSelectionFiltersLog()
{
    const QModelIndex run = runIndex(m_failedWithPhases);
    QVERIFY(run.isValid());
    m_page->view()->expand(run);
    QTRY_COMPARE(m_page->model()->rowCount(run), 2);
    select(m_failedWithPhases);
    QTRY_COMPARE(m_page->logView()->lineCount(), 3);

    // Selecting the Format phase shows its line only; the run row shows all of them again.
    const QModelIndex format = m_page->model()->index(1, 0, runIndex(m_failedWithPhases));
    m_page->view()->selectionModel()->setCurrentIndex(format, QItemSelectionModel::ClearAndSelect
                                                                  | QItemSelectionModel::Rows);
    QTRY_COMPARE(m_page->logView()->lineCount(), 1);
    QVERIFY(m_page->logView()->text().endsWith(u"Cannot format column grade"_s));
    select(m_failedWithPhases);
    QTRY_COMPARE(m_page->logView()->lineCount(), 3);

    m_page->filterBar()->setDateRange(QDate(2026, 11, 10), QDate(2026, 11, 15));
    setFilter(u"runbookStatusFilter"_s, u"9,3,8"_s);
    QVERIFY(searchAndWait());
    m_page->view()->expand(runIndex(m_failedWithPhases));
    select(m_failedWithPhases);
    QTRY_COMPARE(m_page->model()->rowCount(runIndex(m_failedWithPhases)), 2);
    hubtest::saveScreenshot(m_page.get(), u"runbook-filters"_s);
}

void tst_RunbookFilters::saveLogWritesDistrictTimes()
{
    QTRY_COMPARE(m_page->logView()->lineCount(), 3);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(u"run-log.txt"_s);
    QCOMPARE(m_page->logView()->saveLog(path), QString());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(u"Log of Integration Instance Id %1\n"_s.arg(m_failedWithPhases)));
    // 15:01 UTC on November 11 is 10:01 AM Eastern Standard Time.
    QVERIFY2(text.contains(u"11/11/2026 10:01:00 AM EST\tinfo\tRead 120 rows"_s), qPrintable(text));
    QCOMPARE(m_page->logView()->saveLog(folder.filePath(u"missing/run-log.txt"_s)).isEmpty(),
             false);
}

void tst_RunbookFilters::cancelQueuedRunInPlace()
{
    const qint64 queued = insertRun(1, kQueued, u"manual"_s, QDateTime::currentDateTimeUtc(), 0);
    QVERIFY(queued > 0);
    resetFilters();
    QVERIFY(searchAndWait());
    select(queued);
    QCOMPARE(statusOf(queued), u"2 Queued"_s);
    QVERIFY(button(u"runbookCancelButton"_s)->isEnabled());
    QVERIFY(!button(u"runbookRetryButton"_s)->isEnabled());

    QSignalSpy reset(m_page->model(), &QAbstractItemModel::modelReset);
    QSignalSpy loaded(m_page.get(), &RunbookPage::runsLoaded);
    QTest::mouseClick(button(u"runbookCancelButton"_s), Qt::LeftButton);
    QTRY_COMPARE(statusOf(queued), u"3 Cancelled"_s);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(m_page->selectedRunId(), queued);
    QCOMPARE(m_page->message(), u"Run %1 is cancelled."_s.arg(queued));
    QVERIFY(!button(u"runbookCancelButton"_s)->isEnabled());
    QVERIFY(button(u"runbookRetryButton"_s)->isEnabled());
}

void tst_RunbookFilters::cancelRunningRunAsksFirst()
{
    const qint64 running = insertRun(1, kRunning, u"manual"_s, QDateTime::currentDateTimeUtc(), 0);
    QVERIFY(running > 0);
    QVERIFY(searchAndWait());
    select(running);
    QVERIFY(button(u"runbookCancelButton"_s)->isEnabled());

    // The confirmation runs its own event loop, so a timer in that loop clicks its button. The
    // first attempt is declined and sends nothing; the second is confirmed.
    QString question;
    const auto reply = [&question](QMessageBox::StandardButton choice) {
        QTimer::singleShot(0, qApp, [&question, choice] {
            auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            box->button(choice)->click();
        });
    };
    reply(QMessageBox::No);
    QTest::mouseClick(button(u"runbookCancelButton"_s), Qt::LeftButton);
    QVERIFY2(question.contains(u"stops at the next safe point"_s), qPrintable(question));
    QVERIFY(!m_page->isLoading());
    QCOMPARE(statusOf(running), u"1 Running"_s);

    reply(QMessageBox::Yes);
    QTest::mouseClick(button(u"runbookCancelButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_page->message(), u"Run %1 stops at the next safe point."_s.arg(running));
    // No worker runs, so the run stays running with the request recorded.
    QCOMPARE(statusOf(running), u"1 Running"_s);
    QVERIFY(runIndex(running)
                .data(RunbookModel::RunJsonRole)
                .toJsonObject()[u"cancelRequested"_s]
                .toBool());
    QVERIFY(!button(u"runbookCancelButton"_s)->isEnabled());

    // The run ends as a worker would end it, and the change feed shows it.
    QVERIFY(execute(u"UPDATE runs SET status = 3, ended_at = ? WHERE id = ?"_s,
                    {hub::nowIsoUtc(), running}));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(running), u"3 Cancelled"_s, kFeedTimeoutMs);
}

void tst_RunbookFilters::retryFailedRunAddsTopRow()
{
    m_failedToday = insertRun(2, kFailed, u"schedule"_s, QDateTime::currentDateTimeUtc(), 3);
    QVERIFY(m_failedToday > 0);
    QVERIFY(insertPhase(m_failedToday, 1, u"Query"_s, kFailed) > 0);
    QVERIFY(searchAndWait());
    select(m_failedToday);
    QVERIFY(button(u"runbookRetryButton"_s)->isEnabled());
    QVERIFY(!button(u"runbookCancelButton"_s)->isEnabled());

    QSignalSpy reset(m_page->model(), &QAbstractItemModel::modelReset);
    QTest::mouseClick(button(u"runbookRetryButton"_s), Qt::LeftButton);
    QTRY_VERIFY(m_page->selectedRunId() > m_failedToday);
    m_retryRunId = m_page->selectedRunId();
    const QModelIndex retry = runIndex(m_retryRunId);
    QCOMPARE(retry.row(), 0);
    QCOMPARE(reset.size(), 0);
    const QJsonObject json = retry.data(RunbookModel::RunJsonRole).toJsonObject();
    QCOMPARE(json[u"trigger"_s].toString(), u"retry"_s);
    QCOMPARE(json[u"retryOf"_s].toInteger(), m_failedToday);
    // The Trigger column identifies the retry after the message line has moved on.
    QCOMPARE(retry.siblingAtColumn(RunbookModel::TriggerColumn).data().toString(), u"Retry"_s);
    QCOMPARE(retry.siblingAtColumn(RunbookModel::TriggerColumn)
                 .data(Qt::AccessibleDescriptionRole)
                 .toString(),
             u"Retry of Integration Instance Id %1"_s.arg(m_failedToday));
    QCOMPARE(statusOf(m_retryRunId), u"2 Queued"_s);
    QVERIFY(retry.data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"Retry of Integration Instance Id %1"_s.arg(m_failedToday)));
    QCOMPARE(m_page->message(),
             u"Run %1 is queued as a retry of run %2."_s.arg(m_retryRunId).arg(m_failedToday));
    // The retry is queued, so it can be cancelled and not retried.
    QVERIFY(button(u"runbookCancelButton"_s)->isEnabled());
    QVERIFY(!button(u"runbookRetryButton"_s)->isEnabled());
    QVERIFY(m_page->isRefreshing());
}

void tst_RunbookFilters::retryConflictShowsMessage()
{
    // The engine has the run as succeeded while the page still lists it as failed.
    QVERIFY(execute(u"UPDATE runs SET status = 0 WHERE id = ?"_s, {m_failedToday}));
    select(m_failedToday);
    QVERIFY(button(u"runbookRetryButton"_s)->isEnabled());
    QTest::mouseClick(button(u"runbookRetryButton"_s), Qt::LeftButton);
    QTRY_VERIFY2(m_page->message().contains(u"only failed or cancelled runs can be retried"_s),
                 qPrintable(m_page->message()));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

void tst_RunbookFilters::changeFeedUpdatesRowInPlace()
{
    QVERIFY(m_retryRunId > 0);
    const QModelIndex watched = runIndex(m_failedToday);
    m_page->view()->expand(watched);
    select(m_failedToday);
    QTRY_COMPARE(m_page->model()->rowCount(runIndex(m_failedToday)), 1);

    QSignalSpy reset(m_page->model(), &QAbstractItemModel::modelReset);
    QSignalSpy loaded(m_page.get(), &RunbookPage::runsLoaded);
    const QString now = hub::nowIsoUtc();
    QVERIFY(
        execute(u"UPDATE runs SET status = 1, started_at = ? WHERE id = ?"_s, {now, m_retryRunId}));
    QVERIFY(insertPhase(m_retryRunId, 1, u"Query"_s, kRunning) > 0);

    // A queued run is listed, so the page polls for changes every 2 seconds.
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_retryRunId), u"1 Running"_s, kFeedTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(runIndex(m_retryRunId)
                                 .siblingAtColumn(RunbookModel::PhaseNameColumn)
                                 .data()
                                 .toString()
                                 .endsWith(u" (Query)"_s),
                             kFeedTimeoutMs);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(loaded.size(), 0);
    QVERIFY(m_page->view()->isExpanded(runIndex(m_failedToday)));
    QCOMPARE(m_page->selectedRunId(), m_failedToday);

    // A run queued elsewhere goes on top without a reload; the selection stays.
    const qint64 newRun = insertRun(1, kQueued, u"manual"_s, QDateTime::currentDateTimeUtc(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(runIndex(newRun).row(), 0, kFeedTimeoutMs);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_page->selectedRunId(), m_failedToday);
    QVERIFY(m_page->view()->isExpanded(runIndex(m_failedToday)));
}

void tst_RunbookFilters::pagingWithMaxIdHasNoDuplicates()
{
    const int fixtureRuns = RunbookPage::kPageSize + 5;
    const QDateTime first = utc(u"2026-10-05T14:00:00Z"_s);
    for (int i = 0; i < fixtureRuns; ++i)
        QVERIFY(insertRun(1, kSucceeded, u"schedule"_s, first.addSecs(60 * i), 10) > 0);
    resetFilters();
    m_page->filterBar()->setDateRange(QDate(2026, 10, 5), QDate(2026, 10, 5));
    QVERIFY(searchAndWait());
    QCOMPARE(m_page->model()->rowCount(), RunbookPage::kPageSize);

    // Three newer runs of the same day arrive before the next page is read.
    for (int i = 0; i < 3; ++i)
        QVERIFY(insertRun(1, kSucceeded, u"manual"_s, first.addSecs(3600 * 5 + i), 10) > 0);
    QScrollBar *bar = m_page->view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());

    // The second page contains the last five fixture runs; the change feed puts the newer three on
    // top. No run is listed twice.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), fixtureRuns + 3, kFeedTimeoutMs);
    QSet<qint64> ids;
    for (int row = 0; row < m_page->model()->rowCount(); ++row)
        ids.insert(m_page->model()->index(row, 0).data(RunbookModel::RunIdRole).toLongLong());
    QCOMPARE(ids.size(), fixtureRuns + 3);
}

QTEST_MAIN(tst_RunbookFilters)

#include "tst_runbookfilters.moc"
