// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "uitestengine.h"

#include "core/timeutil.h"
#include "store/store.h"

#include "mainwindow.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runfilesbutton.h"
#include "runlogview.h"
#include "runnamedelegate.h"
#include "statusdelegate.h"

#include <QAccessible>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLayout>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTreeView>

using hubdesk::RunbookModel;
using hubdesk::RunbookPage;
using hubdesk::StatusDelegate;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

namespace {

// Outbound runs of the demo district finish in well under a second; the margin covers slow
// machines and sanitizer builds.
constexpr int kRunTimeoutMs = 30000;

} // namespace

class tst_RunbookPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void statusLabelShowsCodeAndWord_data();
    void statusLabelShowsCodeAndWord();
    void statusIconsDiffer();
    void queuedRunSucceeds();
    void statusCellReadsAsPainted();
    void expandedRunShowsPhases();
    void columnsFitDefaultWindow();
    void runNowKeepsExpansion();
    void downloadSavesOutputFile();
    void logLinesBumpChangeVersion();
    void scrollingLoadsNextPage();
    void runIdsShowWhole();

private:
    qint64 queueRun();
    qint64 countRuns(int status) const;
    QModelIndex runIndex(qint64 runId) const;
    QString statusOf(qint64 runId) const;
    QStringList phaseNames(qint64 runId) const;
    // The width of the runbook page in a main window of windowSize with the current font.
    int pageWidthInWindow(const QSize &windowSize) const;

    UiTestEngine m_engine;
    std::unique_ptr<RunbookPage> m_page;
    qint64 m_integrationId = 0;
    qint64 m_firstRunId = 0;
};

void tst_RunbookPage::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_integrationId = m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(m_integrationId > 0);

    m_page = std::make_unique<RunbookPage>(m_engine.client());
    m_page->setTimeZone(QTimeZone(m_engine.client()->districtTimeZone()));
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_RunbookPage::cleanupTestCase()
{
    m_page.reset();
    m_engine.stop();
}

qint64 tst_RunbookPage::queueRun()
{
    const hubdesk::ApiResult queued
        = UiTestEngine::wait(m_engine.client()->runNow(m_integrationId));
    if (queued.httpStatus != 202)
        return 0;
    return queued.body.object()[QStringLiteral("id")].toInteger();
}

qint64 tst_RunbookPage::countRuns(int status) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QString::number(status));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    const hubdesk::ApiResult result
        = UiTestEngine::wait(m_engine.client()->get(QStringLiteral("/api/v1/runs"), query));
    return result.ok() ? result.body.object()[QStringLiteral("total")].toInteger() : -1;
}

QModelIndex tst_RunbookPage::runIndex(qint64 runId) const
{
    return m_page->model()->indexOfRun(runId);
}

QString tst_RunbookPage::statusOf(qint64 runId) const
{
    const QModelIndex run = runIndex(runId);
    return StatusDelegate::statusLabel(
        run.siblingAtColumn(RunbookModel::StatusColumn).data(RunbookModel::StatusCodeRole));
}

QStringList tst_RunbookPage::phaseNames(qint64 runId) const
{
    const QModelIndex run = runIndex(runId).siblingAtColumn(0);
    QStringList names;
    for (int row = 0; row < m_page->model()->rowCount(run); ++row)
        names.append(m_page->model()
                         ->index(row, RunbookModel::PhaseNameColumn, run)
                         .data(RunbookModel::RunJsonRole)
                         .toJsonObject()
                         .value(QStringLiteral("name"))
                         .toString());
    return names;
}

int tst_RunbookPage::pageWidthInWindow(const QSize &windowSize) const
{
    hubdesk::MainWindow window(m_engine.client());
    window.resize(windowSize);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 0;
    window.showPage(hubdesk::MainWindow::Page::Runbook);
    if (!QTest::qWaitFor([&window] { return window.runbookPage()->isVisible(); }))
        return 0;
    return window.runbookPage()->width();
}

void tst_RunbookPage::statusLabelShowsCodeAndWord_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("label");
    QTest::newRow("succeeded") << 0 << QStringLiteral("0 Succeeded");
    QTest::newRow("running") << 1 << QStringLiteral("1 Running");
    QTest::newRow("queued") << 2 << QStringLiteral("2 Queued");
    QTest::newRow("cancelled") << 3 << QStringLiteral("3 Cancelled");
    QTest::newRow("warnings") << 8 << QStringLiteral("8 Succeeded with warnings");
    QTest::newRow("failed") << 9 << QStringLiteral("9 Failed");
}

void tst_RunbookPage::statusLabelShowsCodeAndWord()
{
    QFETCH(int, status);
    QFETCH(QString, label);
    QCOMPARE(StatusDelegate::statusLabel(status), label);
}

void tst_RunbookPage::statusIconsDiffer()
{
    // Each status has its own glyph, so the icons differ in shape and not only in colour:
    // the glyphs alone, white pixels against everything else, are all different.
    QList<QImage> glyphs;
    for (int status : {0, 1, 2, 3, 8, 9}) {
        const QImage icon = StatusDelegate::statusIcon(status).pixmap(16, 16).toImage();
        QVERIFY(!icon.isNull());
        QImage glyph(icon.size(), QImage::Format_Mono);
        for (int y = 0; y < icon.height(); ++y) {
            for (int x = 0; x < icon.width(); ++x) {
                const QColor color = icon.pixelColor(x, y);
                const bool white = color.alpha() > 128 && color.red() > 200 && color.green() > 200
                                   && color.blue() > 200;
                glyph.setPixel(x, y, white ? 1 : 0);
            }
        }
        for (const QImage &other : std::as_const(glyphs))
            QVERIFY2(other != glyph, qPrintable(QStringLiteral("status %1").arg(status)));
        glyphs.append(glyph);
    }
}

void tst_RunbookPage::queuedRunSucceeds()
{
    m_firstRunId = queueRun();
    QVERIFY(m_firstRunId > 0);
    m_page->showRun(m_firstRunId);

    const QString name = QStringLiteral("Integration Instance Id %1").arg(m_firstRunId);
    QTRY_VERIFY_WITH_TIMEOUT(runIndex(m_firstRunId).isValid(), kRunTimeoutMs);
    QVERIFY(runIndex(m_firstRunId)
                .siblingAtColumn(RunbookModel::PhaseNameColumn)
                .data()
                .toString()
                .startsWith(name));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_firstRunId), QStringLiteral("0 Succeeded"), kRunTimeoutMs);
    QCOMPARE(m_page->selectedRunId(), m_firstRunId);

    // December in Detroit is Eastern Standard Time.
    const QModelIndex run = runIndex(m_firstRunId);
    QVERIFY(
        run.siblingAtColumn(RunbookModel::StartTimeColumn).data().toString().endsWith(u" EST"_s));
    QVERIFY(run.siblingAtColumn(RunbookModel::EndTimeColumn).data().toString().endsWith(u" EST"_s));
    QVERIFY(run.siblingAtColumn(RunbookModel::DurationColumn)
                .data()
                .toString()
                .startsWith(u"00:00:"_s));

    // The selected run's log is shown below, and refreshing stops once nothing is active.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->logView()->lineCount() > 0, kRunTimeoutMs);
    QVERIFY(m_page->logView()->text().contains(u" EST\t"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isRefreshing(), kRunTimeoutMs);
}

void tst_RunbookPage::statusCellReadsAsPainted()
{
    QVERIFY(m_firstRunId > 0);
    const QAbstractItemModel *model = m_page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex status = model->index(row, RunbookModel::StatusColumn);
        QCOMPARE(status.data().toString(),
                 StatusDelegate::statusLabel(status.data(RunbookModel::StatusCodeRole)));
    }

    // Screen readers read the cell's accessible name, which comes from the model.
    QAccessibleInterface *tree = QAccessible::queryAccessibleInterface(m_page->view());
    QVERIFY(tree);
    QAccessibleTableInterface *table = tree->tableInterface();
    QVERIFY(table);
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row) {
        QAccessibleInterface *cell = table->cellAt(row, RunbookModel::StatusColumn);
        QVERIFY(cell);
        names.append(cell->text(QAccessible::Name));
    }
    QVERIFY2(names.contains(u"0 Succeeded"_s), qPrintable(names.join(u", "_s)));
    for (const QString &name : std::as_const(names))
        QVERIFY2(!name.contains(u" - "_s), qPrintable(name));
}

void tst_RunbookPage::expandedRunShowsPhases()
{
    QVERIFY(m_firstRunId > 0);
    m_page->view()->expand(runIndex(m_firstRunId).siblingAtColumn(0));
    const QStringList expected{QStringLiteral("Query"), QStringLiteral("Format"),
                               QStringLiteral("Deliver to Demo Outbound Folder")};
    QTRY_COMPARE_WITH_TIMEOUT(phaseNames(m_firstRunId), expected, kRunTimeoutMs);

    const QModelIndex query = m_page->model()->index(0, RunbookModel::StatusColumn,
                                                     runIndex(m_firstRunId).siblingAtColumn(0));
    QCOMPARE(StatusDelegate::statusLabel(query.data(RunbookModel::StatusCodeRole)),
             u"0 Succeeded"_s);

    // The cells show each phase's rows and bytes, and the run's trigger, as the engine
    // recorded them.
    const QJsonObject detail
        = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(m_firstRunId));
    const QJsonArray phases = detail.value(QStringLiteral("phases")).toArray();
    QCOMPARE(phases.size(), 3);
    const qint64 rows = phases.at(1)[QStringLiteral("rowsWritten")].toInteger();
    const QString bytes
        = QLocale().formattedDataSize(phases.at(1)[QStringLiteral("bytes")].toInteger());
    QVERIFY(rows > 0);
    const QModelIndex run = runIndex(m_firstRunId).siblingAtColumn(0);
    const auto cell = [&](int row, int column) {
        return m_page->model()->index(row, column, run).data().toString();
    };
    QCOMPARE(cell(0, RunbookModel::PhaseNameColumn),
             QStringLiteral("Query: %1 rows read").arg(QLocale().toString(rows)));
    QCOMPARE(cell(1, RunbookModel::PhaseNameColumn),
             QStringLiteral("Format: %1 rows read, %1 rows written, %2")
                 .arg(QLocale().toString(rows), bytes));
    QCOMPARE(cell(2, RunbookModel::PhaseNameColumn),
             QStringLiteral("Deliver to Demo Outbound Folder: %1 rows written, %2")
                 .arg(QLocale().toString(rows), bytes));
    QCOMPARE(runIndex(m_firstRunId).siblingAtColumn(RunbookModel::TriggerColumn).data().toString(),
             QStringLiteral("Manual"));
    QCOMPARE(
        m_page->model()->headerData(RunbookModel::TriggerColumn, Qt::Horizontal, Qt::DisplayRole),
        QVariant(QStringLiteral("Trigger")));
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("runbook-expanded"));
}

void tst_RunbookPage::columnsFitDefaultWindow()
{
    QVERIFY(m_firstRunId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(phaseNames(m_firstRunId).size(), 3, kRunTimeoutMs);

    // The page as wide as in the default window on a 1280x800 screen, less the window frame.
    int pageWidth = 0;
    {
        hubdesk::MainWindow window(m_engine.client());
        window.resize(1248, 796);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(hubdesk::MainWindow::Page::Runbook);
        QTRY_VERIFY(window.runbookPage()->isVisible());
        pageWidth = window.runbookPage()->width();
    }
    QVERIFY(pageWidth > 900);
    const QSize before = m_page->size();
    m_page->resize(pageWidth, 700);
    QTreeView *view = m_page->view();
    QHeaderView *header = view->header();
    QTRY_COMPARE(view->width(), pageWidth - m_page->layout()->contentsMargins().left()
                                    - m_page->layout()->contentsMargins().right());
    QCOMPARE(view->textElideMode(), Qt::ElideMiddle);

    // The other columns have no width beyond their widest text.
    for (int column : {int(RunbookModel::StatusColumn), int(RunbookModel::TriggerColumn),
                       int(RunbookModel::StartTimeColumn), int(RunbookModel::EndTimeColumn),
                       int(RunbookModel::DurationColumn)}) {
        const QAbstractItemView *itemView = view;
        const int fit = qMax(itemView->sizeHintForColumn(column), header->sectionSizeHint(column));
        QCOMPARE(header->sectionSize(column), fit);
    }

    // Each phase's name and counts show whole; the run's name shows its start and its end, and
    // its tool tip all of it.
    const QModelIndex run = runIndex(m_firstRunId).siblingAtColumn(0);
    const int nameWidth = header->sectionSize(RunbookModel::PhaseNameColumn);
    for (int row = 0; row < m_page->model()->rowCount(run); ++row) {
        const QString text
            = m_page->model()->index(row, RunbookModel::PhaseNameColumn, run).data().toString();
        QVERIFY2(nameWidth >= view->fontMetrics().horizontalAdvance(text) + 8,
                 qPrintable(u"%1 in %2 pixels"_s.arg(text).arg(nameWidth)));
    }
    const QModelIndex runName = run.siblingAtColumn(RunbookModel::PhaseNameColumn);
    QCOMPARE(runName.data(Qt::ToolTipRole).toString().section(u'\n', 0, 0),
             runName.data().toString());
    hubtest::saveScreenshot(m_page.get(), u"runbook-default-width"_s);
    m_page->resize(before);
}

void tst_RunbookPage::runNowKeepsExpansion()
{
    QVERIFY(m_firstRunId > 0);
    const QModelIndex first = runIndex(m_firstRunId).siblingAtColumn(0);
    QVERIFY(m_page->view()->isExpanded(first));
    m_page->view()->setCurrentIndex(first);

    QSignalSpy rows(m_page->model(), &QAbstractItemModel::rowsInserted);
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("runbookRunNowButton")),
                      Qt::LeftButton);

    // The new run goes on top and is selected; the earlier run stays expanded.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedRunId() > m_firstRunId, kRunTimeoutMs);
    const qint64 secondRunId = m_page->selectedRunId();
    QCOMPARE(runIndex(secondRunId).row(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(secondRunId), QStringLiteral("0 Succeeded"), kRunTimeoutMs);
    QVERIFY(m_page->view()->isExpanded(runIndex(m_firstRunId).siblingAtColumn(0)));
    QCOMPARE(phaseNames(m_firstRunId).size(), 3);
    QVERIFY(!rows.isEmpty());
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("runbook-run-now"));
}

void tst_RunbookPage::downloadSavesOutputFile()
{
    QVERIFY(m_firstRunId > 0);
    m_page->view()->setCurrentIndex(runIndex(m_firstRunId).siblingAtColumn(0));
    hubdesk::RunFilesButton *button = m_page->downloadButton();
    QVERIFY(button->isEnabled());
    QCOMPARE(button->runId(), m_firstRunId);

    QSignalSpy listed(button, &hubdesk::RunFilesButton::filesLoaded);
    button->fetchFiles();
    QVERIFY(listed.wait(UiTestEngine::kRequestTimeoutMs));
    const QJsonArray files = listed.first().at(0).toJsonArray();
    QCOMPARE(listed.first().at(1).toString(), QString());
    QCOMPARE(files.size(), 1);
    const QString name = files.at(0)[QStringLiteral("name")].toString();
    // A click shows the files in a menu.
    QCOMPARE(button->menu()->actions().size(), 1);
    QVERIFY(button->menu()->actions().first()->text().startsWith(name + QStringLiteral(" (output file, ")));
    button->menu()->hide();

    QTemporaryDir target;
    const QString path = target.filePath(name);
    QSignalSpy saved(button, &hubdesk::RunFilesButton::downloaded);
    button->download(name, path);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QCOMPARE(content.size(), files.at(0)[QStringLiteral("bytes")].toInteger());
    QVERIFY(content.startsWith("SchoolYear,SectionId,"));

    // A name the run does not have reports the engine's message.
    saved.clear();
    button->download(QStringLiteral("missing.csv"), target.filePath(QStringLiteral("missing.csv")));
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY2(saved.first().at(1).toString().contains(QStringLiteral("no file named")),
             qPrintable(saved.first().at(1).toString()));
    QVERIFY(!QFile::exists(target.filePath(QStringLiteral("missing.csv"))));
}

void tst_RunbookPage::logLinesBumpChangeVersion()
{
    QVERIFY(m_firstRunId > 0);
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(m_firstRunId);
    const qint64 before = m_engine.getObject(path)[QStringLiteral("changeVersion")].toInteger();
    auto logged = hub::execute(m_engine.engine()->store().connection(),
                               QStringLiteral("INSERT INTO run_logs(run_id, logged_at, level, "
                                              "message) VALUES (?, ?, 'info', 'late line')"),
                               {m_firstRunId, hub::nowIsoUtc()});
    QVERIFY(logged);
    const QJsonObject after = m_engine.getObject(path);
    QVERIFY(after[QStringLiteral("changeVersion")].toInteger() > before);
    // The change feed reports the run, so a live runbook reloads its log.
    QUrlQuery since;
    since.addQueryItem(QStringLiteral("since"), QString::number(before));
    const QJsonObject changes
        = UiTestEngine::wait(m_engine.client()->get(QStringLiteral("/api/v1/runs/changes"), since))
              .body.object();
    QCOMPARE(changes[QStringLiteral("runs")].toArray().last()[QStringLiteral("id")].toInteger(),
             m_firstRunId);
}

void tst_RunbookPage::scrollingLoadsNextPage()
{
    // Run Now adds no run while one waits, so the finished runs are written to the store.
    const int wanted = RunbookPage::kPageSize + 5;
    for (qint64 total = countRuns(0); total < wanted; ++total) {
        const QString now = hub::nowIsoUtc();
        QVERIFY(
            hub::execute(m_engine.engine()->store().connection(),
                         QStringLiteral("INSERT INTO runs(district_id, integration_id, trigger, "
                                        "status, queued_at, started_at, ended_at) "
                                        "VALUES (1, ?, 'manual', 0, ?, ?, ?)"),
                         {m_integrationId, now, now, now}));
    }
    constexpr int kQueued = 2;
    constexpr int kRunning = 1;
    QTRY_COMPARE_WITH_TIMEOUT(countRuns(kQueued) + countRuns(kRunning), 0, kRunTimeoutMs);
    const qint64 total = countRuns(0);
    QVERIFY(total >= wanted);

    // The first page fills the view beyond its height, so nothing more loads until the end.
    QSignalSpy loaded(m_page.get(), &RunbookPage::runsLoaded);
    m_page->search();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(m_page->model()->rowCount(), RunbookPage::kPageSize);

    QScrollBar *bar = m_page->view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QVERIFY(!m_page->isLoading());
    QCOMPARE(m_page->model()->rowCount(), RunbookPage::kPageSize);
    bar->setValue(bar->maximum());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), int(total), kRunTimeoutMs);
    QVERIFY(!m_page->isRefreshing());
}

void tst_RunbookPage::runIdsShowWhole()
{
    // A run with a seven-digit id beside those that scrollingLoadsNextPage wrote, whose ids have
    // one to three digits.
    constexpr qint64 kLongId = 1234567;
    const QString now = hub::nowIsoUtc();
    QVERIFY(hub::execute(m_engine.engine()->store().connection(),
                         QStringLiteral("INSERT INTO runs(id, district_id, integration_id, "
                                        "trigger, status, queued_at, started_at, ended_at) "
                                        "VALUES (?, 1, ?, 'manual', 0, ?, ?, ?)"),
                         {kLongId, m_integrationId, now, now, now}));
    QVERIFY(hub::execute(m_engine.engine()->store().connection(),
                         QStringLiteral("INSERT OR IGNORE INTO runs(id, district_id, "
                                        "integration_id, trigger, status, queued_at, started_at, "
                                        "ended_at) VALUES (12, 1, ?, 'manual', 0, ?, ?, ?)"),
                         {m_integrationId, now, now, now}));
    // Both are among the newest runs, which the first page lists.
    QVERIFY(hub::execute(m_engine.engine()->store().connection(),
                         QStringLiteral("UPDATE runs SET queued_at = ?, started_at = ?, "
                                        "ended_at = ? WHERE id IN (12, ?)"),
                         {now, now, now, kLongId}));
    QSignalSpy loaded(m_page.get(), &RunbookPage::runsLoaded);
    m_page->search();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(runIndex(kLongId).isValid());
    QVERIFY(runIndex(12).isValid());

    QTreeView *view = m_page->view();
    QHeaderView *header = view->header();
    auto delegate = qobject_cast<hubdesk::RunNameDelegate *>(
        view->itemDelegateForColumn(RunbookModel::PhaseNameColumn));
    QVERIFY(delegate);
    const QFont standardFont = QApplication::font();
    const QSize before = m_page->size();
    const auto restore = qScopeGuard([&] {
        QApplication::setFont(standardFont);
        m_page->resize(before);
    });
    bool elided = false;
    // The default window on a roomy screen and on a 1280x800 screen, with the standard text
    // and with text at 125%.
    for (const QSize windowSize : {QSize(1280, 820), QSize(1248, 796)}) {
        for (const double scale : {1.0, 1.25}) {
            QFont font = standardFont;
            font.setPointSizeF(standardFont.pointSizeF() * scale);
            QApplication::setFont(font);
            const int pageWidth = pageWidthInWindow(windowSize);
            QVERIFY(pageWidth > 800);
            m_page->resize(pageWidth, 700);
            const QString state = u"%1x%2 at %3%"_s.arg(windowSize.width())
                                      .arg(windowSize.height())
                                      .arg(qRound(scale * 100));
            QTRY_COMPARE(view->font(), font);
            // The other columns fit their text at this size before Phase Name takes the rest.
            const QAbstractItemView *itemView = view;
            QTRY_COMPARE(header->sectionSize(RunbookModel::StartTimeColumn),
                         qMax(itemView->sizeHintForColumn(RunbookModel::StartTimeColumn),
                              header->sectionSizeHint(RunbookModel::StartTimeColumn)));
            QCoreApplication::processEvents();

            const int nameWidth = header->sectionSize(RunbookModel::PhaseNameColumn);
            const int margin
                = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
            QStyleOptionViewItem option;
            option.initFrom(view);
            option.font = view->font();
            option.fontMetrics = view->fontMetrics();
            option.widget = view;
            option.rect = QRect(0, 0, nameWidth, view->visualRect(runIndex(kLongId)).height());
            for (int row = 0; row < m_page->model()->rowCount(); ++row) {
                const QModelIndex name
                    = m_page->model()->index(row, RunbookModel::PhaseNameColumn);
                const QString label = name.data(RunbookModel::RunLabelRole).toString();
                QVERIFY2(label.startsWith(u"Integration Instance Id "_s), qPrintable(label));
                QVERIFY2(nameWidth >= option.fontMetrics.horizontalAdvance(label) + 2 * margin,
                         qPrintable(u"%1: %2 in %3 pixels"_s.arg(state, label).arg(nameWidth)));
                // The view elides the delegate's text again where it is still too wide.
                const QString shown = delegate->shownText(option, name);
                const QString painted = option.fontMetrics.elidedText(
                    shown, view->textElideMode(), nameWidth - 2 * margin);
                QVERIFY2(painted.startsWith(label),
                         qPrintable(u"%1: %2 shows as %3"_s.arg(state, label, painted)));
                elided = elided || painted != name.data().toString();
            }
            hubtest::saveScreenshot(m_page.get(),
                                    u"runbook-ids-%1-%2"_s.arg(windowSize.width())
                                        .arg(qRound(scale * 100)));
        }
    }
    // At least one name was too long for its cell, so the check above covered elision.
    QVERIFY(elided);
}

QTEST_MAIN(tst_RunbookPage)

#include "tst_runbookpage.moc"
