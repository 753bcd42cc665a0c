// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "integrationactivity.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QTreeView;

namespace hubdesk {

class ApiJob;
class EngineClient;
class RunbookModel;
struct ApiResult;

// An integration's own page: its run durations over the last kDays days with the median and
// the unusually long runs marked, its successes and failures per day, its last runs and its
// next scheduled run. The engine computes every series.
class IntegrationActivityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationActivityPage)

public:
    static constexpr int kDays = 90;
    static constexpr int kLastRuns = 10;

    explicit IntegrationActivityPage(EngineClient *client, QWidget *parent = nullptr);
    ~IntegrationActivityPage() override;

    void setTimeZone(const QTimeZone &zone);
    // Loads the activity, the last runs and the next scheduled run of the integration.
    void showIntegration(qint64 integrationId);
    void reload();

    qint64 integrationId() const { return m_integrationId; }
    const IntegrationActivity &activity() const { return m_activity; }
    QChartView *durationChartView() const { return m_durationChart; }
    QChartView *dailyChartView() const { return m_dailyChart; }
    RunbookModel *lastRunsModel() const { return m_lastRuns; }
    QString nextRunText() const;
    QString summaryText() const;
    QString message() const;
    // True while any of the three requests is open.
    bool isLoading() const { return m_pendingRequests > 0; }

signals:
    // Every request of showIntegration() has finished.
    void loaded();
    void backRequested();
    // The user asked for the runbook of this integration.
    void runbookRequested(qint64 integrationId);
    // A last run was double-clicked.
    void runActivated(qint64 runId);

private:
    void onActivityLoaded(const ApiResult &result);
    void onLastRunsLoaded(const ApiResult &result);
    void onNextRunLoaded(const ApiResult &result);
    void finishRequest();
    void showMessage(const QString &text);

    EngineClient *m_client;
    QTimeZone m_zone;
    qint64 m_integrationId = 0;
    IntegrationActivity m_activity;
    QLabel *m_title;
    QLabel *m_nextRun;
    QLabel *m_summary;
    QLabel *m_message;
    QPushButton *m_backButton;
    QPushButton *m_runbookButton;
    QChartView *m_durationChart;
    QChartView *m_dailyChart;
    RunbookModel *m_lastRuns;
    QTreeView *m_lastRunsView;
    QPointer<ApiJob> m_activityJob;
    QPointer<ApiJob> m_lastRunsJob;
    QPointer<ApiJob> m_nextRunJob;
    int m_pendingRequests = 0;
};

} // namespace hubdesk
