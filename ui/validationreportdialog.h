// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace hubdesk {

class ApiJob;
class EngineClient;
class ValidationReportFilter;
class ValidationReportModel;
struct ApiResult;

// "Validation Report": every finding of one inbound run in a sortable table, with the counts
// of errors and warnings, filters by severity, file and text, and Export to CSV. The dialog
// reads all pages of GET /api/v1/runs/{id}/validation when it opens. Export writes the rows
// that the table shows, in the shown order, on this computer, so the text filter applies too.
class ValidationReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationReportDialog)

public:
    // The engine returns at most this many findings per request.
    static constexpr int kPageSize = 1000;

    ValidationReportDialog(EngineClient *client, qint64 runId, QWidget *parent = nullptr);
    ~ValidationReportDialog() override;

    qint64 runId() const { return m_runId; }
    ValidationReportModel *model() const { return m_model; }
    ValidationReportFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    // The counts line, such as "Errors: 2. Warnings: 1. Findings shown: 3 of 3."
    QString summaryText() const;
    // The last load or export message; empty when it is hidden.
    QString message() const;
    bool isLoading() const { return !m_job.isNull(); }

    // Selects a severity ("error", "warning" or empty for all) and a file (empty for all) in
    // the filter controls, as a user would.
    void chooseSeverity(const QString &severity);
    void chooseFile(const QString &file);
    void setFilterText(const QString &text);

    // Writes the shown rows to path as CSV; returns an error message or an empty string.
    QString exportTo(const QString &path);

signals:
    // Every page arrived, or a request failed (error is then not empty).
    void loaded(const QString &error);

private:
    void fetchPage(qint64 offset);
    void onPageLoaded(const ApiResult &result, qint64 offset);
    void fillFileChoices();
    void updateSummary();
    void exportWithDialog();
    void showMessage(const QString &text);

    EngineClient *m_client;
    qint64 m_runId;
    ValidationReportModel *m_model;
    ValidationReportFilter *m_filter;
    QLabel *m_summary;
    QComboBox *m_severity;
    QComboBox *m_file;
    QLineEdit *m_text;
    QTableView *m_table;
    QLabel *m_message;
    QPushButton *m_exportButton;
    QPointer<ApiJob> m_job;
};

} // namespace hubdesk
