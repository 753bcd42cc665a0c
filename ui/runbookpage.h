// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTreeView;

namespace hubdesk {

class ApiJob;
class EngineClient;
class RunFilterBar;
class RunFilesButton;
class RunLogView;
class RunbookModel;
class ValidationReportDialog;
struct ApiResult;

// Runbook Activities: the runs that match the filters, newest first or sorted by a clicked
// column, with their phases, log, Run Now, Cancel and Retry. The engine evaluates filters and
// sort order. The page loads more runs when scrolled to the end, pinned to the first page's
// maxId. It polls GET /api/v1/runs/changes every 2 seconds while a run is queued or running and
// every 10 seconds otherwise, and updates rows in place without resetting the view.
class RunbookPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookPage)

public:
    static constexpr int kPageSize = 100;
    static constexpr int kRefreshIntervalMs = 2000;
    static constexpr int kIdleRefreshIntervalMs = 10000;
    // The run id whose label the Phase Name column always has room for: seven digits.
    static constexpr qint64 kWidestRunId = 9999999;

    explicit RunbookPage(EngineClient *client, QWidget *parent = nullptr);
    ~RunbookPage() override;

    // The district's zone for times and for "today". A Date box on the old zone's today moves to
    // the new zone's today, and when that is another day the runs are loaded again.
    void setTimeZone(const QTimeZone &zone);
    // Loads the first page of runs that match the filters.
    void search();
    // Shows today's runs and selects runId once it is loaded.
    void showRun(qint64 runId);
    // Shows runId as showRun() does, with a message that follows the run until it ends. The
    // message of a failed inbound run links its validation report. alreadyQueued is true when
    // Run Now found the run waiting and added no other, which the message shows while it waits.
    void showQueuedRun(qint64 runId, bool alreadyQueued = false);
    // Shows the runs of one integration on or before today.
    void showIntegrationRuns(qint64 integrationId);
    // Queues a run of the selected run's integration and selects the new run.
    void runSelectedAgain();
    // Cancels the selected queued or running run. A running run needs the user's confirmation.
    void cancelSelectedRun();
    // Queues a retry of the selected failed or cancelled run and selects the new run.
    void retrySelectedRun();
    // Approves or rejects the selected load held for approval, after the user confirms.
    void approveSelectedRun();
    void rejectSelectedRun();
    // Opens the validation report of the selected inbound run that failed or ended with
    // warnings, or brings its open report to the front.
    void showValidationReport();
    // Forgets every run, the selection, the log, the filters and the message, and closes the
    // validation report, as after signing out.
    void clear();

    RunbookModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    RunLogView *logView() const { return m_log; }
    RunFilterBar *filterBar() const { return m_filters; }
    RunFilesButton *downloadButton() const { return m_downloadButton; }
    // The open validation report, or nullptr.
    ValidationReportDialog *validationReportDialog() const;
    qint64 selectedRunId() const;
    // True while the page polls for changes every kRefreshIntervalMs, which it does while a
    // listed run is queued or running.
    bool isRefreshing() const
    {
        return m_refreshTimer.isActive() && m_refreshTimer.interval() == kRefreshIntervalMs;
    }
    // The plain text of the message line below the runs; empty when it is hidden.
    QString message() const;
    // The reason the selected run is held for approval; empty when it is hidden.
    QString holdReason() const;
    // The text shown when no run matches the filters; empty when it is hidden.
    QString emptyText() const;
    // True while a page of runs is requested.
    bool isLoading() const { return !m_pageJob.isNull(); }

signals:
    // A page of runs arrived and is shown.
    void runsLoaded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Stretches Phase Name over the width that the other columns leave, but never below the
    // width of a run's label with a kWidestRunId id.
    void fitPhaseNameColumn();
    QDate today() const;
    void fetchIntegrations();
    void fetchPage(int offset);
    void onPageLoaded(const ApiResult &result, int offset);
    void selectPendingRun();
    void fetchMoreIfAtEnd();
    void pollChanges();
    void onChangesLoaded(const ApiResult &result);
    void keepScrollPosition(const std::function<void()> &change);
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    enum class Control { Cancel, Retry, Approve, Reject };
    void control(Control action, qint64 runId);
    void onControlFinished(const ApiResult &result, qint64 runId, Control action);
    bool confirm(const QString &objectName, const QString &title, const QString &text);
    void updateEmptyText();
    void updateRunButtons();
    void fetchDetail(qint64 runId);
    void onCurrentChanged();
    void showSelectedLog();
    void updateRefreshTimer();
    QSet<qint64> expandedRunIds() const;
    void restoreView(const QSet<qint64> &expanded, qint64 selected);
    // Shows text below the filters. When runId is given, updateRunMessage() replaces the text
    // once that run is held, runs or ends. run is the run's JSON that the text describes, by
    // default the listed run's.
    void showMessage(const QString &text, qint64 runId = 0, const QJsonObject &run = {});
    // Shows the state of runId and follows it. Until the page lists the run, the message reads
    // "Run 4 is queued.", or alreadyQueuedMessage() while a run that Run Now found waits.
    void followRun(qint64 runId, bool alreadyQueued = false);
    void updateRunMessage();
    void openValidationReport(qint64 runId);

    EngineClient *m_client;
    RunbookModel *m_model;
    QTimeZone m_zone;
    RunFilterBar *m_filters;
    QPushButton *m_searchButton;
    QPushButton *m_cancelButton;
    QPushButton *m_retryButton;
    QPushButton *m_runButton;
    QPushButton *m_approveButton;
    QPushButton *m_rejectButton;
    QPushButton *m_reportButton;
    RunFilesButton *m_downloadButton;
    QTreeView *m_view;
    RunLogView *m_log;
    QLabel *m_message;
    QLabel *m_holdLabel;
    QLabel *m_emptyLabel;
    // The run the message is about, or 0, and the run's state that the message describes.
    qint64 m_messageRunId = 0;
    QString m_messageRunState;
    QTimer m_refreshTimer;
    QPointer<ApiJob> m_pageJob;
    QPointer<ApiJob> m_refreshJob;
    QPointer<ApiJob> m_runJob;
    QPointer<ApiJob> m_controlJob;
    QPointer<ApiJob> m_integrationsJob;
    QPointer<ValidationReportDialog> m_reportDialog;
    QHash<qint64, QPointer<ApiJob>> m_detailJobs;
    // Whether the engine has runs after the last page loaded.
    bool m_hasMore = false;
    // Rows that came from pages, as opposed to runs the change feed put on top: the offset of
    // the next page.
    int m_pagedRows = 0;
    // The first page's maxId, which later pages pass on, and the change version to poll from
    // (-1 before the first page).
    qint64 m_maxId = 0;
    qint64 m_version = -1;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    // The run to select once a page that contains it arrives.
    qint64 m_pendingSelection = 0;
};

} // namespace hubdesk
