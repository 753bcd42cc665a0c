// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runbookpage.h"

#include "engineclient.h"
#include "runbookmodel.h"
#include "runfilesbutton.h"
#include "runfilterbar.h"
#include "runlogview.h"
#include "runnamedelegate.h"
#include "runwatcher.h"
#include "statusdelegate.h"
#include "validationreportdialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

constexpr int kStatusRunning = 1;
constexpr int kStatusQueued = 2;
constexpr int kStatusCancelled = 3;
constexpr int kStatusSucceededWithWarnings = 8;
constexpr int kStatusFailed = 9;

bool isInbound(const QJsonObject &run)
{
    return run.value(QStringLiteral("integrationType")).toString() == QLatin1String("inbound");
}

// Whether the engine has a validation report of the run worth reading: an inbound run that
// failed, was cancelled or rejected, succeeded with warnings, or waits for approval. For a load
// cancelled before its Validate phase, the dialog shows that the run has no findings.
bool hasValidationReport(const QJsonObject &run)
{
    const int status = run.value(QStringLiteral("status")).toInt();
    return isInbound(run)
           && (status == kStatusFailed || status == kStatusSucceededWithWarnings
               || status == kStatusCancelled || RunbookModel::isHeld(run));
}

bool isActive(int status)
{
    return status == kStatusQueued || status == kStatusRunning;
}

// Returns the part of a run that a status line about it follows, its status and hold, or an
// empty string for a run that the page does not list.
QString lineState(const QJsonObject &run)
{
    if (run.isEmpty())
        return {};
    return QString::number(run.value(QStringLiteral("status")).toInt())
           + run.value(QStringLiteral("hold")).toString();
}

// The sort key of GET /api/v1/runs for a column, or an empty string for one the engine cannot
// sort by.
QString sortKey(int column)
{
    switch (column) {
    case RunbookModel::StartTimeColumn:
        return QStringLiteral("start");
    case RunbookModel::EndTimeColumn:
        return QStringLiteral("end");
    case RunbookModel::DurationColumn:
        return QStringLiteral("duration");
    case RunbookModel::StatusColumn:
        return QStringLiteral("status");
    }
    return {};
}

QPushButton *newButton(const QString &text, const QString &objectName,
                       const QString &accessibleName)
{
    auto button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setEnabled(false);
    return button;
}

} // namespace

RunbookPage::RunbookPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new RunbookModel(this))
    , m_zone(QTimeZone(client->districtTimeZone()))
    , m_filters(new RunFilterBar)
    , m_searchButton(new QPushButton(tr("Search")))
    , m_cancelButton(newButton(tr("Cancel Run"), QStringLiteral("runbookCancelButton"),
                               tr("Cancel the selected run")))
    , m_retryButton(newButton(tr("Retry"), QStringLiteral("runbookRetryButton"),
                              tr("Retry the selected failed or cancelled run")))
    , m_runButton(newButton(tr("Run Now"), QStringLiteral("runbookRunNowButton"),
                            tr("Run the selected run's integration now")))
    , m_approveButton(newButton(tr("Approve"), QStringLiteral("runbookApproveButton"),
                                tr("Approve the selected load held for approval")))
    , m_rejectButton(newButton(tr("Reject"), QStringLiteral("runbookRejectButton"),
                               tr("Reject the selected load held for approval")))
    , m_reportButton(newButton(tr("Validation Report…"),
                               QStringLiteral("runbookValidationReportButton"),
                               tr("Show the validation report of the selected inbound run")))
    , m_downloadButton(new RunFilesButton(client))
    , m_view(new QTreeView)
    , m_log(new RunLogView)
    , m_message(new QLabel)
    , m_holdLabel(new QLabel)
    , m_emptyLabel(new QLabel(tr("No runs match these filters. Choose another date or clear a "
                                 "filter, then press Search.")))
    , m_sortColumn(RunbookModel::StartTimeColumn)
{
    setObjectName(QStringLiteral("runbookPage"));
    m_model->setTimeZone(m_zone);

    m_filters->setDate(today());
    m_searchButton->setObjectName(QStringLiteral("runbookSearchButton"));
    m_searchButton->setAccessibleName(tr("Search runs with these filters"));
    m_searchButton->setDefault(true);
    m_message->setObjectName(QStringLiteral("runbookMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                       | Qt::LinksAccessibleByKeyboard);
    m_message->hide();
    m_holdLabel->setObjectName(QStringLiteral("runbookHoldLabel"));
    m_holdLabel->setWordWrap(true);
    m_holdLabel->setTextFormat(Qt::PlainText);
    m_holdLabel->setFrameShape(QFrame::StyledPanel);
    m_holdLabel->setMargin(6);
    m_holdLabel->hide();
    m_emptyLabel->setObjectName(QStringLiteral("runbookEmptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->hide();

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
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(m_sortColumn, m_sortOrder);
    // Each other column is as wide as its widest shown text, so that Phase Name has the rest of
    // the width for the integration's name and a phase's counts. Text that is still too long
    // loses its middle, which keeps the start and the end, and the tool tip has all of it.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RunbookModel::PhaseNameColumn, QHeaderView::Stretch);
    m_view->setTextElideMode(Qt::ElideMiddle);
    // A run's name keeps its id whole. Where the rest of the width is too small for that, the
    // Phase Name column keeps the width of the label and the view scrolls sideways.
    m_view->setItemDelegateForColumn(RunbookModel::PhaseNameColumn,
                                     new RunNameDelegate(RunbookModel::RunLabelRole, m_view));
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (column != RunbookModel::PhaseNameColumn)
            fitPhaseNameColumn();
    });

    auto title = new QLabel(tr("Runbook Activities"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    // Filters and Search on the first line. The actions on the selected run sit on a line of
    // their own, beside the last message, so that the page fits a laptop screen.
    auto top = new QHBoxLayout;
    top->addWidget(m_filters);
    top->addWidget(m_searchButton, 0, Qt::AlignBottom);
    top->addStretch();
    auto actions = new QHBoxLayout;
    actions->addWidget(m_message, 1);
    actions->addStretch();
    for (QPushButton *button : {m_approveButton, m_rejectButton, m_cancelButton, m_retryButton,
                                m_runButton, m_reportButton,
                                static_cast<QPushButton *>(m_downloadButton)}) {
        button->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        actions->addWidget(button, 0, Qt::AlignBottom);
    }

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
    layout->addLayout(actions);
    layout->addWidget(m_holdLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(splitter, 1);

    m_refreshTimer.setInterval(kIdleRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RunbookPage::pollChanges);
    connect(m_searchButton, &QPushButton::clicked, this, &RunbookPage::search);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunbookPage::cancelSelectedRun);
    connect(m_retryButton, &QPushButton::clicked, this, &RunbookPage::retrySelectedRun);
    connect(m_runButton, &QPushButton::clicked, this, &RunbookPage::runSelectedAgain);
    connect(m_approveButton, &QPushButton::clicked, this, &RunbookPage::approveSelectedRun);
    connect(m_rejectButton, &QPushButton::clicked, this, &RunbookPage::rejectSelectedRun);
    connect(m_reportButton, &QPushButton::clicked, this, &RunbookPage::showValidationReport);
    // The message about a rejected upload links to its report.
    connect(m_message, &QLabel::linkActivated, this, [this] {
        if (m_messageRunId > 0)
            openValidationReport(m_messageRunId);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, &RunbookPage::onSortIndicatorChanged);
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

    fetchIntegrations();
}

bool RunbookPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitPhaseNameColumn();
    } else if (watched == m_view
               && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)) {
        // The other columns take their new widths once the view lays out its items again.
        QMetaObject::invokeMethod(this, &RunbookPage::fitPhaseNameColumn, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void RunbookPage::fitPhaseNameColumn()
{
    QHeaderView *header = m_view->header();
    int others = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != RunbookModel::PhaseNameColumn && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int minimum = RunNameDelegate::minimumWidth(RunbookModel::runLabel(kWidestRunId),
                                                      m_view->fontMetrics(), m_view);
    const bool stretch = m_view->viewport()->width() - others >= minimum;
    const QHeaderView::ResizeMode mode = stretch ? QHeaderView::Stretch : QHeaderView::Interactive;
    if (header->sectionResizeMode(RunbookModel::PhaseNameColumn) != mode)
        header->setSectionResizeMode(RunbookModel::PhaseNameColumn, mode);
    if (!stretch && header->sectionSize(RunbookModel::PhaseNameColumn) != minimum)
        header->resizeSection(RunbookModel::PhaseNameColumn, minimum);
}

void RunbookPage::fetchIntegrations()
{
    // Before the console connects, search() fetches the list once the engine is known.
    if (m_integrationsJob || m_client->baseUrl().isEmpty())
        return;
    m_integrationsJob = m_client->fetchIntegrations();
    connect(m_integrationsJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_integrationsJob.clear();
        if (result.ok())
            m_filters->setIntegrations(
                result.body.object().value(QStringLiteral("integrations")).toArray());
    });
}

RunbookPage::~RunbookPage()
{
    QList<QPointer<ApiJob>> jobs{m_pageJob, m_refreshJob, m_runJob, m_controlJob,
                                 m_integrationsJob};
    jobs.append(m_detailJobs.values());
    for (const QPointer<ApiJob> &job : std::as_const(jobs)) {
        if (job)
            job->abort();
    }
}

void RunbookPage::clear()
{
    // Forget each request before aborting it, because aborting reports a result too.
    QList<QPointer<ApiJob>> jobs{m_pageJob, m_refreshJob, m_runJob, m_controlJob,
                                 m_integrationsJob};
    jobs.append(m_detailJobs.values());
    m_integrationsJob.clear();
    m_pageJob.clear();
    m_refreshJob.clear();
    m_runJob.clear();
    m_controlJob.clear();
    m_detailJobs.clear();
    for (const QPointer<ApiJob> &job : std::as_const(jobs)) {
        if (job)
            job->abort();
    }
    m_refreshTimer.stop();
    m_version = -1;
    m_maxId = 0;
    m_pagedRows = 0;
    m_hasMore = false;
    m_pendingSelection = 0;
    m_filters->reset(today());
    m_model->setRuns({});
    m_log->clear();
    showMessage({});
    onCurrentChanged();
    m_emptyLabel->hide();
    // The report shows the district's data, so it closes with the rest.
    if (m_reportDialog)
        m_reportDialog->close();
}

void RunbookPage::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    const bool showingToday = !m_filters->isDateRange() && m_filters->date() == today();
    m_zone = zone;
    m_model->setTimeZone(zone);
    if (!showingToday || m_filters->date() == today())
        return;
    // The list was requested for the old day, often by the same refresh that brought the new
    // zone, so the new day is requested again to match the Date box.
    m_filters->setDate(today());
    search();
}

void RunbookPage::search()
{
    // Forget the previous request first, because aborting it reports a result too.
    if (ApiJob *previous = m_pageJob) {
        m_pageJob.clear();
        previous->abort();
    }
    // Changes read before the new page would be older than it.
    if (ApiJob *changes = m_refreshJob) {
        m_refreshJob.clear();
        changes->abort();
    }
    // After clear() the Integration box has only "All".
    if (!m_filters->hasIntegrations())
        fetchIntegrations();
    fetchPage(0);
}

void RunbookPage::showRun(qint64 runId)
{
    m_pendingSelection = runId;
    // A run of today goes on top of today's list in place, which keeps expanded runs open.
    if (!m_filters->isDateRange() && m_filters->date() == today() && m_model->rowCount() > 0
        && !m_pageJob) {
        fetchDetail(runId);
        return;
    }
    m_filters->setDate(today());
    search();
}

void RunbookPage::showQueuedRun(qint64 runId, bool alreadyQueued)
{
    showRun(runId);
    const auto follow = [this, runId, alreadyQueued] {
        followRun(runId, alreadyQueued);
    };
    // The first page of a new search clears the message, so it is set once the page is shown.
    if (m_pageJob)
        connect(this, &RunbookPage::runsLoaded, this, follow, Qt::SingleShotConnection);
    else
        follow();
}

void RunbookPage::showIntegrationRuns(qint64 integrationId)
{
    m_filters->setIntegrationId(integrationId);
    m_filters->setDate(today());
    search();
}

void RunbookPage::runSelectedAgain()
{
    QModelIndex run = m_view->currentIndex();
    while (run.parent().isValid())
        run = run.parent();
    const qint64 integrationId = run.data(RunbookModel::IntegrationIdRole).toLongLong();
    if (integrationId <= 0 || m_runJob
        || isInbound(run.data(RunbookModel::RunJsonRole).toJsonObject()))
        return;
    m_runJob = m_client->runNow(integrationId);
    connect(m_runJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_runJob.clear();
        if (!result.ok()) {
            showMessage(result.errorMessage);
            return;
        }
        const qint64 runId = result.body.object().value(QStringLiteral("id")).toInteger();
        // The engine returns 200 instead of 202 when a run of the integration was already
        // waiting.
        followRun(runId, result.httpStatus == 200);
        showRun(runId);
    });
}

void RunbookPage::cancelSelectedRun()
{
    const qint64 runId = selectedRunId();
    const QModelIndex run = m_model->indexOfRun(runId);
    const int status = run.data(RunbookModel::StatusCodeRole).toInt();
    if (!run.isValid() || !isActive(status) || m_controlJob)
        return;
    if (status == kStatusRunning
        && !confirm(QStringLiteral("runbookCancelConfirmation"), tr("Cancel Run"),
                    tr("Run %1 is running. It stops at the next safe point, and the phases it "
                       "has finished stay as they are. Cancel it?")
                        .arg(runId)))
        return;
    control(Control::Cancel, runId);
}

void RunbookPage::retrySelectedRun()
{
    const qint64 runId = selectedRunId();
    if (runId <= 0 || m_controlJob)
        return;
    control(Control::Retry, runId);
}

void RunbookPage::approveSelectedRun()
{
    const qint64 runId = selectedRunId();
    const QJsonObject run
        = m_model->indexOfRun(runId).data(RunbookModel::RunJsonRole).toJsonObject();
    if (!RunbookModel::isHeld(run) || m_controlJob)
        return;
    // The engine's reason names each kind of record with the records the load would mark to be
    // deleted and the records stored, such as "orgs 5 of 5".
    if (!confirm(QStringLiteral("runbookApproveConfirmation"), tr("Approve Load"),
                 tr("Approve run %1? The file is validated again and loaded, and stored records "
                    "that it leaves out are marked to be deleted (tobedeleted).\n\n%2")
                     .arg(QString::number(runId),
                          run.value(QStringLiteral("message")).toString())))
        return;
    control(Control::Approve, runId);
}

void RunbookPage::rejectSelectedRun()
{
    const qint64 runId = selectedRunId();
    const QJsonObject run
        = m_model->indexOfRun(runId).data(RunbookModel::RunJsonRole).toJsonObject();
    if (!RunbookModel::isHeld(run) || m_controlJob)
        return;
    if (!confirm(QStringLiteral("runbookRejectConfirmation"), tr("Reject Load"),
                 tr("Reject run %1? Nothing is loaded, no record is marked tobedeleted, and the "
                    "run ends as cancelled.")
                     .arg(runId)))
        return;
    control(Control::Reject, runId);
}

bool RunbookPage::confirm(const QString &objectName, const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(objectName);
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void RunbookPage::control(Control action, qint64 runId)
{
    QString verb;
    switch (action) {
    case Control::Cancel:
        verb = QStringLiteral("cancel");
        break;
    case Control::Retry:
        verb = QStringLiteral("retry");
        break;
    case Control::Approve:
        verb = QStringLiteral("approve");
        break;
    case Control::Reject:
        verb = QStringLiteral("reject");
        break;
    }
    m_controlJob = m_client->post(QStringLiteral("/api/v1/runs/%1/%2").arg(runId).arg(verb));
    connect(m_controlJob, &ApiJob::finished, this, [this, runId, action](const ApiResult &result) {
        onControlFinished(result, runId, action);
    });
    updateRunButtons();
}

void RunbookPage::onControlFinished(const ApiResult &result, qint64 runId, Control action)
{
    m_controlJob.clear();
    if (!result.ok()) {
        showMessage(result.errorMessage);
        updateRunButtons();
        return;
    }
    const QJsonObject run = result.body.object();
    const qint64 newRunId = run.value(QStringLiteral("id")).toInteger();
    // A worker may take the run before the engine responds, so the response may already
    // describe a later state than the action's own sentence.
    const bool waits = run.value(QStringLiteral("status")).toInt() == kStatusQueued;
    if (action == Control::Retry) {
        // The retry is shown whatever the filters, because the user asked for it.
        m_model->applyRunChanges(QJsonArray{run});
        m_pendingSelection = newRunId;
        selectPendingRun();
        if (waits)
            showMessage(tr("Run %1 is queued as a retry of run %2.").arg(newRunId).arg(runId),
                        newRunId, run);
        else
            followRun(newRunId);
    } else {
        m_model->applyRunChanges(QJsonArray{run}, [](const QJsonObject &) { return false; });
        const bool stopping = run.value(QStringLiteral("status")).toInt() == kStatusRunning;
        if (action == Control::Approve && waits)
            showMessage(tr("Run %1 is approved and waits for a worker to load it.").arg(runId),
                        runId, run);
        else if (action == Control::Approve)
            followRun(runId);
        else if (action == Control::Reject)
            showMessage(tr("Run %1 is rejected; nothing was loaded.").arg(runId));
        else
            showMessage(stopping ? tr("Run %1 stops at the next safe point.").arg(runId)
                                 : tr("Run %1 is cancelled.").arg(runId),
                        stopping ? runId : 0, run);
        if (runId == selectedRunId())
            fetchDetail(runId);
    }
    // The page may already list a later state of the run than the response describes.
    updateRunMessage();
    updateRunButtons();
    updateRefreshTimer();
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

QString RunbookPage::message() const
{
    if (m_message->isHidden())
        return {};
    if (m_message->textFormat() == Qt::RichText)
        return QTextDocumentFragment::fromHtml(m_message->text()).toPlainText();
    return m_message->text();
}

QString RunbookPage::holdReason() const
{
    return m_holdLabel->isHidden() ? QString() : m_holdLabel->text();
}

QString RunbookPage::emptyText() const
{
    return m_emptyLabel->isHidden() ? QString() : m_emptyLabel->text();
}

void RunbookPage::updateEmptyText()
{
    m_emptyLabel->setVisible(m_version >= 0 && !m_pageJob && m_model->rowCount() == 0);
}

void RunbookPage::fetchPage(int offset)
{
    QUrlQuery query = m_filters->query();
    query.addQueryItem(QStringLiteral("sort"), sortKey(m_sortColumn));
    query.addQueryItem(QStringLiteral("order"), m_sortOrder == Qt::AscendingOrder
                                                    ? QStringLiteral("asc")
                                                    : QStringLiteral("desc"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    // The page does not show a total, and counting a long history costs more than the page.
    query.addQueryItem(QStringLiteral("count"), QStringLiteral("false"));
    if (offset > 0)
        query.addQueryItem(QStringLiteral("maxId"), QString::number(m_maxId));
    ApiJob *job = m_client->get(QStringLiteral("/api/v1/runs"), query);
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
    if (offset == 0)
        showMessage({});
    const QJsonObject body = result.body.object();
    const QJsonArray runs = body.value(QStringLiteral("runs")).toArray();
    m_hasMore = body.value(QStringLiteral("more")).toBool();

    if (offset == 0) {
        m_maxId = body.value(QStringLiteral("maxId")).toInteger();
        m_version = body.value(QStringLiteral("version")).toInteger();
        m_pagedRows = int(runs.size());
        const QSet<qint64> expanded = expandedRunIds();
        const qint64 selected = selectedRunId();
        m_model->setRuns(runs);
        restoreView(expanded, selected);
        // A reset model has no current row and emits no currentChanged(), so the log, the
        // buttons and Download are updated here for the row the view now has, if any.
        onCurrentChanged();
    } else {
        m_pagedRows += int(runs.size());
        m_model->appendRuns(runs);
    }

    selectPendingRun();
    updateRefreshTimer();
    updateEmptyText();
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
    if (m_pageJob || bar->value() < bar->maximum() || !m_hasMore)
        return;
    fetchPage(m_pagedRows);
}

void RunbookPage::pollChanges()
{
    if (m_refreshJob || m_pageJob || m_version < 0)
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(m_version));
    m_refreshJob = m_client->get(QStringLiteral("/api/v1/runs/changes"), query);
    connect(m_refreshJob, &ApiJob::finished, this, &RunbookPage::onChangesLoaded);

    // Log lines do not change a run's version, so the selected active run's log is asked for
    // on each poll.
    const qint64 selected = selectedRunId();
    if (isActive(m_model->indexOfRun(selected).data(RunbookModel::StatusCodeRole).toInt()))
        fetchDetail(selected);
}

void RunbookPage::onChangesLoaded(const ApiResult &result)
{
    m_refreshJob.clear();
    // A search in flight replaces the rows and the version.
    if (!result.ok() || m_pageJob)
        return;
    const QJsonObject body = result.body.object();
    const QJsonArray runs = body.value(QStringLiteral("runs")).toArray();
    m_version = body.value(QStringLiteral("version")).toInteger(m_version);

    // Runs up to maxId belong to the pages, loaded or not; newer ones go on top when they
    // match the filters.
    RunbookModel::RunChanges changes;
    keepScrollPosition([this, &runs, &changes] {
        changes = m_model->applyRunChanges(runs, [this](const QJsonObject &run) {
            return run.value(QStringLiteral("id")).toInteger() > m_maxId
                   && m_filters->matches(run, m_zone);
        });
    });

    const qint64 selected = selectedRunId();
    for (qint64 id : changes.updated) {
        if (id == selected || m_view->isExpanded(m_model->indexOfRun(id)))
            fetchDetail(id);
    }
    if (changes.updated.contains(selected))
        updateRunButtons();
    if (changes.updated.contains(m_messageRunId))
        updateRunMessage();
    updateRefreshTimer();
    updateEmptyText();
    if (body.value(QStringLiteral("more")).toBool())
        QTimer::singleShot(0, this, &RunbookPage::pollChanges);
}

void RunbookPage::keepScrollPosition(const std::function<void()> &change)
{
    // Rows inserted above a scrolled view would push the rows the user reads down; the row at
    // the top stays at the top instead. A view at the very top shows the new rows.
    const QPersistentModelIndex top
        = m_view->verticalScrollBar()->value() > 0 ? m_view->indexAt(QPoint(1, 1)) : QModelIndex();
    change();
    if (top.isValid())
        m_view->scrollTo(top, QAbstractItemView::PositionAtTop);
}

void RunbookPage::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (sortKey(column).isEmpty()) {
        // Phase Name is not a sort key of the engine; the indicator stays where it was.
        const QSignalBlocker blocker(m_view->header());
        m_view->header()->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    search();
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
        if (runId == m_messageRunId)
            updateRunMessage();
        updateEmptyText();
        if (runId == m_pendingSelection)
            selectPendingRun();
        // Selecting the run that is already current emits nothing, so its new log is shown
        // here as well. The detail may also carry a newer status, which changes the buttons.
        if (runId == selectedRunId()) {
            showSelectedLog();
            updateRunButtons();
        }
        updateRefreshTimer();
    });
}

void RunbookPage::onCurrentChanged()
{
    const qint64 runId = selectedRunId();
    updateRunButtons();
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
    m_log->setSuggestedFileName(QStringLiteral("run-%1-log.txt").arg(runId));
    const QModelIndex current = m_view->currentIndex();
    if (current.data(RunbookModel::IsPhaseRole).toBool()) {
        const QJsonObject phase = current.data(RunbookModel::RunJsonRole).toJsonObject();
        m_log->setLog(
            tr("Log of Integration Instance Id %1, phase %2")
                .arg(QString::number(runId), phase.value(QStringLiteral("name")).toString()),
            run.data(RunbookModel::LogRole).toJsonArray(), m_zone,
            phase.value(QStringLiteral("id")).toInteger());
        return;
    }
    m_log->setLog(tr("Log of Integration Instance Id %1").arg(runId),
                  run.data(RunbookModel::LogRole).toJsonArray(), m_zone);
}

void RunbookPage::updateRunButtons()
{
    const QModelIndex run = m_model->indexOfRun(selectedRunId());
    const QJsonObject json = run.data(RunbookModel::RunJsonRole).toJsonObject();
    const int status = run.data(RunbookModel::StatusCodeRole).toInt();
    const bool idle = m_controlJob.isNull();
    m_cancelButton->setEnabled(run.isValid() && idle && isActive(status)
                               && !json.value(QStringLiteral("cancelRequested")).toBool());
    m_retryButton->setEnabled(run.isValid() && idle
                              && (status == kStatusFailed || status == kStatusCancelled));
    // Inbound runs start from a file, so they are run by Upload File on Integrations.
    const bool inbound = isInbound(json);
    m_runButton->setEnabled(run.isValid() && !inbound);
    m_runButton->setToolTip(inbound ? tr("Inbound integrations run when a file is uploaded to "
                                         "them. Use Upload File… on the Integrations page.")
                                    : QString());
    const bool held = run.isValid() && RunbookModel::isHeld(json);
    m_approveButton->setEnabled(held && idle);
    m_rejectButton->setEnabled(held && idle);
    m_reportButton->setEnabled(run.isValid() && hasValidationReport(json));
    m_downloadButton->setRunId(run.isValid() ? selectedRunId() : 0);
    // The engine's message names each table the load would change, with the counts.
    //: A held run's id, then the engine's reason, which begins "Held for approval:".
    m_holdLabel->setText(held ? tr("Run %1: %2")
                                    .arg(QString::number(selectedRunId()),
                                         json.value(QStringLiteral("message")).toString())
                              : QString());
    m_holdLabel->setVisible(held);
}

void RunbookPage::updateRefreshTimer()
{
    if (m_version < 0) {
        m_refreshTimer.stop();
        return;
    }
    const int interval = m_model->hasActiveRuns() ? kRefreshIntervalMs : kIdleRefreshIntervalMs;
    // Setting the interval restarts an active timer, so it is set only when it changes.
    if (m_refreshTimer.interval() != interval || !m_refreshTimer.isActive())
        m_refreshTimer.start(interval);
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

void RunbookPage::showMessage(const QString &text, qint64 runId, const QJsonObject &run)
{
    m_message->setTextFormat(Qt::PlainText);
    m_messageRunId = text.isEmpty() ? 0 : runId;
    // updateRunMessage() rewrites the text once the listed run's state differs from the one
    // that the text describes.
    m_messageRunState = lineState(
        run.isEmpty()
            ? m_model->indexOfRun(m_messageRunId).data(RunbookModel::RunJsonRole).toJsonObject()
            : run);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void RunbookPage::followRun(qint64 runId, bool alreadyQueued)
{
    const QJsonObject queued{{QStringLiteral("id"), runId},
                             {QStringLiteral("status"), kStatusQueued}};
    if (alreadyQueued) {
        // The line describes the queued state, so it stays until the listed run leaves it.
        showMessage(alreadyQueuedMessage(runId), runId, queued);
    } else {
        showMessage(runStateMessage(queued), runId);
        m_messageRunState.clear();
    }
    updateRunMessage();
}

void RunbookPage::updateRunMessage()
{
    const QModelIndex run = m_model->indexOfRun(m_messageRunId);
    const QJsonObject json = run.data(RunbookModel::RunJsonRole).toJsonObject();
    if (!run.isValid() || lineState(json) == m_messageRunState)
        return;
    const int status = run.data(RunbookModel::StatusCodeRole).toInt();
    const qint64 runId = m_messageRunId;
    if (status != kStatusFailed || !hasValidationReport(json)) {
        showMessage(runStateMessage(json), runId);
        return;
    }
    const QString ended = runStateMessage(json);
    //: Follows "Run 12 ended: 9 Failed."; the link opens the run's validation report.
    const QString link = tr("See the <a href=\"#validation\">Validation Report</a>.");
    showMessage(ended.toHtmlEscaped() + QLatin1Char(' ') + link, runId);
    m_message->setTextFormat(Qt::RichText);
}

ValidationReportDialog *RunbookPage::validationReportDialog() const
{
    return m_reportDialog;
}

void RunbookPage::showValidationReport()
{
    const QModelIndex run = m_model->indexOfRun(selectedRunId());
    if (run.isValid() && hasValidationReport(run.data(RunbookModel::RunJsonRole).toJsonObject()))
        openValidationReport(selectedRunId());
}

void RunbookPage::openValidationReport(qint64 runId)
{
    if (m_reportDialog && m_reportDialog->runId() == runId) {
        m_reportDialog->raise();
        m_reportDialog->activateWindow();
        return;
    }
    if (m_reportDialog)
        m_reportDialog->close();
    m_reportDialog = new ValidationReportDialog(m_client, runId, this);
    m_reportDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reportDialog->show();
}

} // namespace hubdesk
