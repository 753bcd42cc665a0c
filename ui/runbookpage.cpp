// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runbookpage.h"

#include "engineclient.h"
#include "runbookmodel.h"
#include "runlogview.h"
#include "statusdelegate.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

// The engine returns at most 500 runs per request.
constexpr int kMaxRefreshRows = 500;
constexpr int kStatusQueued = 2;
constexpr int kStatusRunning = 1;

bool isActive(int status)
{
    return status == kStatusQueued || status == kStatusRunning;
}

// True when the fields that the runbook shows differ between two versions of a run.
bool runChanged(const QJsonObject &before, const QJsonObject &after)
{
    for (const char *key : {"status", "startedAt", "endedAt", "currentPhase"}) {
        const QString name = QString::fromLatin1(key);
        if (before.value(name) != after.value(name))
            return true;
    }
    return false;
}

} // namespace

RunbookPage::RunbookPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new RunbookModel(this))
    , m_zone(QTimeZone(client->districtTimeZone()))
    , m_date(new QDateEdit)
    , m_searchButton(new QPushButton(tr("Search")))
    , m_runButton(new QPushButton(tr("Run Now")))
    , m_view(new QTreeView)
    , m_log(new RunLogView)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("runbookPage"));
    m_model->setTimeZone(m_zone);

    m_date->setObjectName(QStringLiteral("runbookDateEdit"));
    m_date->setAccessibleName(tr("Show runs up to this date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    m_date->setDate(today());
    m_searchButton->setObjectName(QStringLiteral("runbookSearchButton"));
    m_searchButton->setAccessibleName(tr("Search runs"));
    m_runButton->setObjectName(QStringLiteral("runbookRunNowButton"));
    m_runButton->setAccessibleName(tr("Run the selected run's integration now"));
    m_runButton->setEnabled(false);
    m_message->setObjectName(QStringLiteral("runbookMessage"));
    m_message->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("runbookView"));
    m_view->setAccessibleName(tr("Runs"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(RunbookModel::StatusColumn,
                                     new StatusDelegate(RunbookModel::StatusCodeRole, m_view));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RunbookModel::PhaseNameColumn, QHeaderView::Stretch);
    const int timeWidth
        = fontMetrics().horizontalAdvance(QStringLiteral("12/04/2026 02:00:13 AM EST"));
    header->resizeSection(
        RunbookModel::StatusColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("8 Succeeded with warnings")) + 64);
    header->resizeSection(RunbookModel::StartTimeColumn, timeWidth + 24);
    header->resizeSection(RunbookModel::EndTimeColumn, timeWidth + 24);
    header->resizeSection(RunbookModel::DurationColumn,
                          fontMetrics().horizontalAdvance(tr("Duration")) + 40);

    auto title = new QLabel(tr("Runbook Activities"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto dateLabel = new QLabel(tr("&Date:"));
    dateLabel->setBuddy(m_date);
    auto top = new QHBoxLayout;
    top->addWidget(dateLabel);
    top->addWidget(m_date);
    top->addWidget(m_searchButton);
    top->addStretch();
    top->addWidget(m_runButton);

    auto splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("runbookSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);

    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RunbookPage::refreshActiveRuns);
    connect(m_searchButton, &QPushButton::clicked, this, &RunbookPage::search);
    connect(m_runButton, &QPushButton::clicked, this, &RunbookPage::runSelectedAgain);
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!index.parent().isValid())
            fetchDetail(index.data(RunbookModel::RunIdRole).toLongLong());
    });
    connect(m_model, &RunbookModel::runDetailRequested, this, &RunbookPage::fetchDetail);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RunbookPage::onCurrentChanged);
    // The range changes once the view has laid out new rows, which is when a page that does
    // not fill the view needs the next one.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &RunbookPage::fetchMoreIfAtEnd);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &RunbookPage::fetchMoreIfAtEnd);
}

RunbookPage::~RunbookPage()
{
    QList<QPointer<ApiJob>> jobs{m_pageJob, m_refreshJob, m_runJob};
    jobs.append(m_detailJobs.values());
    for (const QPointer<ApiJob> &job : std::as_const(jobs)) {
        if (job)
            job->abort();
    }
}

void RunbookPage::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    const bool showingToday = m_date->date() == today();
    m_zone = zone;
    m_model->setTimeZone(zone);
    if (showingToday)
        m_date->setDate(today());
}

void RunbookPage::search()
{
    // Forget the previous request first, because aborting it reports a result too.
    if (ApiJob *previous = m_pageJob) {
        m_pageJob.clear();
        previous->abort();
    }
    fetchPage(0);
}

void RunbookPage::showRun(qint64 runId)
{
    m_pendingSelection = runId;
    // A run of today goes on top of today's list in place, which keeps expanded runs open.
    if (m_date->date() == today() && m_model->rowCount() > 0 && !m_pageJob) {
        fetchDetail(runId);
        return;
    }
    m_date->setDate(today());
    search();
}

void RunbookPage::runSelectedAgain()
{
    QModelIndex run = m_view->currentIndex();
    while (run.parent().isValid())
        run = run.parent();
    const qint64 integrationId = run.data(RunbookModel::IntegrationIdRole).toLongLong();
    if (integrationId <= 0 || m_runJob)
        return;
    m_runJob = m_client->runNow(integrationId);
    connect(m_runJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_runJob.clear();
        if (!result.ok()) {
            showMessage(result.errorMessage);
            return;
        }
        const qint64 runId = result.body.object().value(QStringLiteral("id")).toInteger();
        showMessage(tr("Run %1 is queued.").arg(runId));
        showRun(runId);
    });
}

qint64 RunbookPage::selectedRunId() const
{
    QModelIndex run = m_view->currentIndex();
    while (run.parent().isValid())
        run = run.parent();
    return run.data(RunbookModel::RunIdRole).toLongLong();
}

QDate RunbookPage::today() const
{
    return QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date();
}

void RunbookPage::fetchPage(int offset)
{
    ApiJob *job = m_client->fetchRuns(m_date->date(), kPageSize, offset);
    m_pageJob = job;
    connect(job, &ApiJob::finished, this, [this, job, offset](const ApiResult &result) {
        // An aborted search reports too; only the latest request counts.
        if (job == m_pageJob)
            onPageLoaded(result, offset);
    });
}

void RunbookPage::onPageLoaded(const ApiResult &result, int offset)
{
    m_pageJob.clear();
    if (!result.ok()) {
        showMessage(result.errorMessage);
        return;
    }
    showMessage({});
    const QJsonObject body = result.body.object();
    const QJsonArray runs = body.value(QStringLiteral("runs")).toArray();
    m_total = body.value(QStringLiteral("total")).toInteger();

    if (offset == 0) {
        const QSet<qint64> expanded = expandedRunIds();
        const qint64 selected = selectedRunId();
        m_model->setRuns(runs);
        restoreView(expanded, selected);
    } else {
        m_model->appendRuns(runs);
    }

    selectPendingRun();
    updateRefreshTimer();
    emit runsLoaded();
}

void RunbookPage::selectPendingRun()
{
    if (m_pendingSelection <= 0)
        return;
    const QModelIndex index = m_model->indexOfRun(m_pendingSelection);
    if (!index.isValid())
        return;
    m_pendingSelection = 0;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                         | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void RunbookPage::fetchMoreIfAtEnd()
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    if (m_pageJob || bar->value() < bar->maximum() || m_model->rowCount() >= m_total)
        return;
    fetchPage(m_model->rowCount());
}

void RunbookPage::refreshActiveRuns()
{
    if (m_refreshJob || m_pageJob)
        return;
    const int limit = qBound(kPageSize, m_model->rowCount(), kMaxRefreshRows);
    m_refreshJob = m_client->fetchRuns(m_date->date(), limit, 0);
    connect(m_refreshJob, &ApiJob::finished, this, &RunbookPage::onRefreshLoaded);
}

void RunbookPage::onRefreshLoaded(const ApiResult &result)
{
    m_refreshJob.clear();
    if (!result.ok() || m_pageJob)
        return;
    const QJsonObject body = result.body.object();
    const QJsonArray runs = body.value(QStringLiteral("runs")).toArray();
    if (runs.isEmpty()) {
        updateRefreshTimer();
        return;
    }
    m_total = body.value(QStringLiteral("total")).toInteger();

    QList<qint64> newRuns;
    for (const QJsonValue &run : runs) {
        const qint64 id = run.toObject().value(QStringLiteral("id")).toInteger();
        if (!m_model->indexOfRun(id).isValid())
            newRuns.append(id);
    }
    const qint64 newest = runs.first().toObject().value(QStringLiteral("id")).toInteger();
    if (newRuns.size() == 1 && newRuns.first() == newest) {
        // The model puts a run it does not list yet on top, so one new run needs no reset.
        fetchDetail(newest);
    } else if (!newRuns.isEmpty()) {
        // New runs go on top, which needs a reset; the expanded and selected runs come back.
        const QSet<qint64> expanded = expandedRunIds();
        const qint64 selected = selectedRunId();
        m_model->setRuns(runs);
        restoreView(expanded, selected);
        updateRefreshTimer();
        return;
    }

    // Known runs change in place, one detail request per changed or watched active run.
    const qint64 selected = selectedRunId();
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const qint64 id = run.value(QStringLiteral("id")).toInteger();
        const QModelIndex index = m_model->indexOfRun(id);
        const QJsonObject before = index.data(RunbookModel::RunJsonRole).toJsonObject();
        const bool watched = m_view->isExpanded(index) || id == selected;
        if (runChanged(before, run)
            || (watched && isActive(run.value(QStringLiteral("status")).toInt())))
            fetchDetail(id);
    }
    updateRefreshTimer();
}

void RunbookPage::fetchDetail(qint64 runId)
{
    if (runId <= 0 || m_detailJobs.value(runId))
        return;
    ApiJob *job = m_client->fetchRun(runId);
    m_detailJobs.insert(runId, job);
    connect(job, &ApiJob::finished, this, [this, runId](const ApiResult &result) {
        m_detailJobs.remove(runId);
        if (!result.ok()) {
            showMessage(result.errorMessage);
            return;
        }
        m_model->setRunDetail(result.body.object());
        if (runId == m_pendingSelection)
            selectPendingRun();
        else if (runId == selectedRunId())
            showSelectedLog();
        updateRefreshTimer();
    });
}

void RunbookPage::onCurrentChanged()
{
    const qint64 runId = selectedRunId();
    m_runButton->setEnabled(runId > 0);
    if (runId <= 0) {
        m_log->clear();
        return;
    }
    showSelectedLog();
    fetchDetail(runId);
}

void RunbookPage::showSelectedLog()
{
    const qint64 runId = selectedRunId();
    const QModelIndex run = m_model->indexOfRun(runId);
    if (!run.isValid()) {
        m_log->clear();
        return;
    }
    m_log->setLog(tr("Log of Integration Instance Id %1").arg(runId),
                  run.data(RunbookModel::LogRole).toJsonArray(), m_zone);
}

void RunbookPage::updateRefreshTimer()
{
    if (m_model->hasActiveRuns()) {
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start();
    } else {
        m_refreshTimer.stop();
    }
}

QSet<qint64> RunbookPage::expandedRunIds() const
{
    QSet<qint64> expanded;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (m_view->isExpanded(index))
            expanded.insert(index.data(RunbookModel::RunIdRole).toLongLong());
    }
    return expanded;
}

void RunbookPage::restoreView(const QSet<qint64> &expanded, qint64 selected)
{
    for (qint64 id : expanded) {
        const QModelIndex index = m_model->indexOfRun(id);
        if (index.isValid())
            m_view->expand(index.siblingAtColumn(0));
    }
    const QModelIndex current = m_model->indexOfRun(selected);
    if (current.isValid())
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect
                                                               | QItemSelectionModel::Rows);
}

void RunbookPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace hubdesk
