// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <functional>

namespace hubdesk {

// Runbook Activities as a tree: each top-level row is a run, and its children are the run's
// phases once setRunDetail() has supplied them. Columns: Status, Phase Name, Trigger, Start
// Time, End Time, Duration. Times show in the district's zone with its abbreviation.
// Top-level Phase Name reads "Integration Instance Id N" (N is the run id) followed by the
// integration's display name, and Trigger shows what started the run. A phase row shows the
// phase name and, once the phase has ended, its counts: rows and bytes, such as "Format: 150
// rows read, 150 rows written, 35.75 KiB", or for an API integration run requests, pages,
// records and retries, such as "Fetch: 9 requests, 8 pages, 20 records, 0 retries".
class RunbookModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunbookModel)

public:
    enum Column {
        StatusColumn,
        PhaseNameColumn,
        TriggerColumn,
        StartTimeColumn,
        EndTimeColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        IntegrationIdRole,
        StatusCodeRole,
        IsPhaseRole,
        // The run's log lines (QJsonArray) once its detail is loaded; on run rows only.
        LogRole,
        RunJsonRole,
        // The counts that apiPhaseCounts() gives, on phase rows of API integration runs only.
        PhaseCountsRole,
        // On run rows, runLabel() of the run, which the Phase Name text starts with.
        RunLabelRole
    };

    explicit RunbookModel(QObject *parent = nullptr);

    // The label that names a run, "Integration Instance Id N" with the run id as N.
    static QString runLabel(qint64 runId);

    void setTimeZone(const QTimeZone &zone);
    // Whether a run's Phase Name includes its integration's name (the default). A page that
    // shows one integration's runs leaves the name out.
    void setShowsIntegrationName(bool shows);
    // Replaces the runs with the "runs" array of GET /api/v1/runs.
    void setRuns(const QJsonArray &runs);
    // Appends a further page, skipping runs already present.
    void appendRuns(const QJsonArray &runs);
    // Updates a run and its phases from GET /api/v1/runs/{id}; inserts or replaces child rows.
    // A detail with an older changeVersion than the listed run's is ignored.
    void setRunDetail(const QJsonObject &detail);
    // The outcome of applyRunChanges(): ids of runs updated in place and of runs inserted.
    struct RunChanges
    {
        QList<qint64> updated;
        QList<qint64> inserted;
    };
    // Applies a batch of changed runs, as GET /api/v1/runs/changes returns them. Listed runs
    // change in place with dataChanged() and keep their phases and log until setRunDetail(),
    // unless their changeVersion is older than the listed run's.
    // Runs the model does not list are inserted on top, newest first, when acceptNew is empty
    // or returns true for them. The model ignores the others.
    RunChanges applyRunChanges(const QJsonArray &runs,
                               const std::function<bool(const QJsonObject &)> &acceptNew = {});
    QModelIndex indexOfRun(qint64 runId) const;
    bool hasActiveRuns() const;
    // Whether a run (its JSON) is an inbound load that waits for approval: status 2 with hold
    // "held".
    static bool isHeld(const QJsonObject &run);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // The accessible description of a column header (Qt::AccessibleDescriptionRole).
    static QString headerDescription(int section);
    bool hasChildren(const QModelIndex &parent = {}) const override;
    // A run row whose detail is not loaded yet can fetch more: fetchMore() emits
    // runDetailRequested() once, and the owner then calls setRunDetail().
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void runDetailRequested(qint64 runId);

private:
    struct Run
    {
        QJsonObject json;
        QJsonArray phases;
        QJsonArray log;
        bool detailLoaded = false;
        bool detailRequested = false;
    };

    void updatePhases(int row, const QJsonArray &phases);
    void rebuildRowIndex();

    QList<Run> m_runs;
    QTimeZone m_zone;
    bool m_showsIntegrationName = true;
    // Run id to top-level row; phase indexes carry their run's id as internal id.
    QHash<qint64, int> m_rowOfRun;
};

// The rows and bytes of a phase (an object of GET /api/v1/runs/{id} "phases") in words, such as
// "150 rows read, 150 rows written, 35.75 KiB". Counts of zero are left out. Empty while the
// phase is queued or running, and for a phase whose counts are all zero.
QString phaseCounts(const QJsonObject &phase);

// The word for what started a run (its "trigger"): Schedule, Manual, Catch-up or Retry.
QString triggerText(const QJsonObject &run);

// The counts of an API integration run's phase (an object of GET /api/v1/runs/{id} "phases")
// in words: requests, pages, records and retries for a phase that sent HTTP requests (Fetch or
// Send), and the store rows it read for the others (Map, Load, Query). Empty while the phase is
// queued or running, because the engine stores a phase's counts when it ends.
QString apiPhaseCounts(const QJsonObject &phase);

// The word the runbook shows for a status code (0 Succeeded, 1 Running, 2 Queued, 3 Cancelled,
// 8 Succeeded with warnings, 9 Failed).
QString statusText(int status);
// The code and its word, such as "0 Succeeded": the runbook's Status text in the model, in the
// painted cell and in the headless demo's output.
QString statusLabel(int status);
// The status of a load held for approval, "2 Held for approval".
QString heldStatusLabel();

} // namespace hubdesk
