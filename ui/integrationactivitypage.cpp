// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "integrationactivitypage.h"

#include "activitycharts.h"
#include "engineclient.h"
#include "runbookmodel.h"
#include "statusdelegate.h"
#include "timeformat.h"

#include <QChartView>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace hubdesk {

IntegrationActivityPage::IntegrationActivityPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_zone(QByteArrayLiteral("America/Detroit"))
    , m_title(new QLabel)
    , m_nextRun(new QLabel)
    , m_summary(new QLabel)
    , m_message(new QLabel)
    , m_backButton(new QPushButton(tr("Back to Integrations")))
    , m_runbookButton(new QPushButton(tr("Open in Runbook")))
    , m_durationChart(new QChartView)
    , m_dailyChart(new QChartView)
    , m_lastRuns(new RunbookModel(this))
    , m_lastRunsView(new QTreeView)
{
    setObjectName(QStringLiteral("integrationActivityPage"));
    m_title->setObjectName(QStringLiteral("activityTitle"));
    m_nextRun->setObjectName(QStringLiteral("nextRunLabel"));
    m_summary->setObjectName(QStringLiteral("activitySummary"));
    m_message->setObjectName(QStringLiteral("activityMessage"));
    m_backButton->setObjectName(QStringLiteral("activityBackButton"));
    m_runbookButton->setObjectName(QStringLiteral("activityRunbookButton"));
    m_durationChart->setObjectName(QStringLiteral("durationChart"));
    m_dailyChart->setObjectName(QStringLiteral("dailyChart"));
    m_lastRunsView->setObjectName(QStringLiteral("lastRunsView"));
    m_durationChart->setAccessibleName(tr("Run duration chart"));
    m_dailyChart->setAccessibleName(tr("Runs per day chart"));
    m_lastRunsView->setAccessibleName(tr("Last runs"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->hide();
    for (QChartView *view : {m_durationChart, m_dailyChart}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
    }

    // Every run here is of the page's integration, whose name is the title.
    m_lastRuns->setShowsIntegrationName(false);
    m_lastRunsView->setModel(m_lastRuns);
    m_lastRunsView->setItemDelegateForColumn(
        RunbookModel::StatusColumn, new StatusDelegate(RunbookModel::StatusCodeRole, m_lastRunsView));
    m_lastRunsView->setRootIsDecorated(false);
    m_lastRunsView->setItemsExpandable(false);
    m_lastRunsView->setUniformRowHeights(true);
    m_lastRunsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lastRunsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lastRunsView->setAlternatingRowColors(true);
    // A narrow Phase Name keeps the run's id at its end.
    m_lastRunsView->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_lastRunsView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RunbookModel::PhaseNameColumn, QHeaderView::Stretch);
    header->hideSection(RunbookModel::EndTimeColumn);

    auto top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_runbookButton);
    top->addWidget(m_backButton);

    auto lastRunsBox = new QGroupBox(tr("Last Runs"));
    auto lastRunsLayout = new QVBoxLayout(lastRunsBox);
    lastRunsLayout->addWidget(m_lastRunsView);
    // The table's status, name, trigger, start and duration need twice the daily chart's width
    // to show "Integration Instance Id N" whole in a 1248-pixel window.
    auto bottom = new QHBoxLayout;
    bottom->addWidget(m_dailyChart, 1);
    bottom->addWidget(lastRunsBox, 2);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_nextRun);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_durationChart, 3);
    layout->addLayout(bottom, 2);

    connect(m_backButton, &QPushButton::clicked, this, &IntegrationActivityPage::backRequested);
    connect(m_runbookButton, &QPushButton::clicked, this,
            [this] { emit runbookRequested(m_integrationId); });
    connect(m_lastRunsView, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(RunbookModel::RunIdRole).toLongLong());
    });
}

IntegrationActivityPage::~IntegrationActivityPage()
{
    for (const QPointer<ApiJob> &job : {m_activityJob, m_lastRunsJob, m_nextRunJob}) {
        if (job)
            job->abort();
    }
}

void IntegrationActivityPage::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid())
        return;
    m_zone = zone;
    m_lastRuns->setTimeZone(zone);
}

void IntegrationActivityPage::showIntegration(qint64 integrationId)
{
    m_integrationId = integrationId;
    m_activity = {};
    m_title->setText(tr("Integration Activity"));
    m_nextRun->clear();
    m_summary->clear();
    m_lastRuns->setRuns({});
    reload();
}

void IntegrationActivityPage::reload()
{
    if (m_integrationId <= 0)
        return;
    // A newer request replaces an open one; disconnect first, because an aborted job still
    // reports a result.
    for (const QPointer<ApiJob> &job : {m_activityJob, m_lastRunsJob, m_nextRunJob}) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
    m_message->hide();
    m_pendingRequests = 3;

    QUrlQuery activityQuery;
    activityQuery.addQueryItem(QStringLiteral("days"), QString::number(kDays));
    m_activityJob = m_client->get(
        QStringLiteral("/api/v1/integrations/%1/activity").arg(m_integrationId), activityQuery);
    connect(m_activityJob, &ApiJob::finished, this, &IntegrationActivityPage::onActivityLoaded);

    QUrlQuery runsQuery;
    runsQuery.addQueryItem(QStringLiteral("integrationId"), QString::number(m_integrationId));
    runsQuery.addQueryItem(QStringLiteral("limit"), QString::number(kLastRuns));
    runsQuery.addQueryItem(QStringLiteral("count"), QStringLiteral("false"));
    m_lastRunsJob = m_client->get(QStringLiteral("/api/v1/runs"), runsQuery);
    connect(m_lastRunsJob, &ApiJob::finished, this, &IntegrationActivityPage::onLastRunsLoaded);

    QUrlQuery nextQuery;
    nextQuery.addQueryItem(QStringLiteral("count"), QStringLiteral("1"));
    m_nextRunJob = m_client->get(
        QStringLiteral("/api/v1/integrations/%1/schedule/next").arg(m_integrationId), nextQuery);
    connect(m_nextRunJob, &ApiJob::finished, this, &IntegrationActivityPage::onNextRunLoaded);
}

void IntegrationActivityPage::onActivityLoaded(const ApiResult &result)
{
    if (!result.ok()) {
        showMessage(tr("Cannot load the activity: %1").arg(result.errorMessage));
        finishRequest();
        return;
    }
    m_activity = IntegrationActivity::fromJson(result.body.object());
    m_title->setText(tr("Integration Activity: %1").arg(m_activity.integrationName));

    QChart *oldDuration = m_durationChart->chart();
    QChart *oldDaily = m_dailyChart->chart();
    m_durationChart->setChart(createDurationChart(m_activity, m_zone));
    m_dailyChart->setChart(createDailyChart(m_activity));
    delete oldDuration;
    delete oldDaily;

    int succeeded = 0;
    int failed = 0;
    for (const ActivityDay &day : std::as_const(m_activity.days)) {
        succeeded += day.succeeded;
        failed += day.failed;
    }
    const QString counts = tr("Last %1 days: %2 succeeded, %3 failed.")
                               .arg(m_activity.days.size())
                               .arg(succeeded)
                               .arg(failed);
    QString median;
    if (m_activity.medianSeconds) {
        //: %1 is a duration as HH:MM:SS, %2 the factor such as 3, %3 a number of runs.
        median = tr("Median duration %1. Runs over %2 times the median: %3.")
                     .arg(formatDuration(qint64(std::llround(*m_activity.medianSeconds))))
                     .arg(m_activity.longRunFactor)
                     .arg(m_activity.longRunCount());
    } else {
        median = tr("The median duration needs at least 3 successful runs.");
    }
    m_summary->setText(counts + QLatin1Char(' ') + median);
    finishRequest();
}

void IntegrationActivityPage::onLastRunsLoaded(const ApiResult &result)
{
    if (result.ok())
        m_lastRuns->setRuns(result.body.object().value(QStringLiteral("runs")).toArray());
    else
        showMessage(tr("Cannot load the last runs: %1").arg(result.errorMessage));
    finishRequest();
}

void IntegrationActivityPage::onNextRunLoaded(const ApiResult &result)
{
    if (!result.ok()) {
        m_nextRun->setText(tr("Next scheduled run: unknown (%1)").arg(result.errorMessage));
        finishRequest();
        return;
    }
    const QJsonObject body = result.body.object();
    const QJsonArray occurrences = body.value(QStringLiteral("occurrences")).toArray();
    const bool scheduled = body.value(QStringLiteral("scheduled")).toBool();
    if (!scheduled || occurrences.isEmpty()) {
        const QString reason = body.value(QStringLiteral("reason")).toString();
        m_nextRun->setText(reason.isEmpty() ? tr("Next scheduled run: none")
                                            : tr("Next scheduled run: none. %1").arg(reason));
    } else {
        const QJsonObject next = occurrences.first().toObject();
        const QString when
            = formatDistrictTime(parseEngineTime(next.value(QStringLiteral("at")).toString()),
                                 m_zone);
        const QString heldBy = next.value(QStringLiteral("heldBy")).toString();
        m_nextRun->setText(heldBy.isEmpty()
                               ? tr("Next scheduled run: %1").arg(when)
                               : tr("Next scheduled run: %1, held by %2").arg(when, heldBy));
    }
    finishRequest();
}

void IntegrationActivityPage::finishRequest()
{
    if (--m_pendingRequests == 0)
        emit loaded();
}

QString IntegrationActivityPage::nextRunText() const
{
    return m_nextRun->text();
}

QString IntegrationActivityPage::summaryText() const
{
    return m_summary->text();
}

QString IntegrationActivityPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void IntegrationActivityPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

} // namespace hubdesk
