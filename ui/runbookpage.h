// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTreeView;

namespace hubdesk {

class ApiJob;
class EngineClient;
class RunLogView;
class RunbookModel;
struct ApiResult;

// Runbook Activities: the runs up to a date, newest first, with their phases, log and Run Now.
// The page loads more runs when scrolled to the end and refreshes queued and running runs
// every 2 seconds without resetting the view.
class RunbookPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookPage)

public:
    static constexpr int kPageSize = 100;
    static constexpr int kRefreshIntervalMs = 2000;

    explicit RunbookPage(EngineClient *client, QWidget *parent = nullptr);
    ~RunbookPage() override;

    // The district's zone for times and for "today".
    void setTimeZone(const QTimeZone &zone);
    // Loads the runs up to the date in the date picker.
    void search();
    // Shows today's runs and selects runId once it is loaded.
    void showRun(qint64 runId);
    // Queues a run of the selected run's integration and selects the new run.
    void runSelectedAgain();

    RunbookModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    RunLogView *logView() const { return m_log; }
    qint64 selectedRunId() const;
    bool isRefreshing() const { return m_refreshTimer.isActive(); }
    // True while a page of runs is requested.
    bool isLoading() const { return !m_pageJob.isNull(); }

signals:
    // A page of runs arrived and is shown.
    void runsLoaded();

private:
    QDate today() const;
    void fetchPage(int offset);
    void onPageLoaded(const ApiResult &result, int offset);
    void selectPendingRun();
    void fetchMoreIfAtEnd();
    void refreshActiveRuns();
    void onRefreshLoaded(const ApiResult &result);
    void fetchDetail(qint64 runId);
    void onCurrentChanged();
    void showSelectedLog();
    void updateRefreshTimer();
    QSet<qint64> expandedRunIds() const;
    void restoreView(const QSet<qint64> &expanded, qint64 selected);
    void showMessage(const QString &text);

    EngineClient *m_client;
    RunbookModel *m_model;
    QTimeZone m_zone;
    QDateEdit *m_date;
    QPushButton *m_searchButton;
    QPushButton *m_runButton;
    QTreeView *m_view;
    RunLogView *m_log;
    QLabel *m_message;
    QTimer m_refreshTimer;
    QPointer<ApiJob> m_pageJob;
    QPointer<ApiJob> m_refreshJob;
    QPointer<ApiJob> m_runJob;
    QHash<qint64, QPointer<ApiJob>> m_detailJobs;
    qint64 m_total = 0;
    // The run to select once a page that contains it arrives.
    qint64 m_pendingSelection = 0;
};

} // namespace hubdesk
