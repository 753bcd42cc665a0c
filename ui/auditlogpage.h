// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QPointer>
#include <QTimeZone>
#include <QUrlQuery>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace hubdesk {

class ApiJob;
class AuditLogModel;
class EngineClient;

// The Audit Log page for administrators: who changed what and when, and every sign-in. It has
// filters by date range (in the district's zone), user, kind of record and action, pages of
// 50 entries, the before and after record of the selected entry, and Export CSV.
class AuditLogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogPage)

public:
    static constexpr int kPageSize = 50;

    explicit AuditLogPage(EngineClient *client, QWidget *parent = nullptr);
    ~AuditLogPage() override;

    // Reads the first page with the current filters.
    void refresh();
    // Removes the entries, the entry on show and the message, and drops requests in flight,
    // as on signing out or switching district. The filters stay.
    void clear();
    void showNextPage();
    void showPreviousPage();
    // Sets the zone in which dates are picked and times are shown.
    void setTimeZone(const QTimeZone &zone);
    // Limits the listing to entries logged from from through to, and turns the date filter on.
    void setDateRange(const QDate &from, const QDate &to);

    // The filters as GET /api/v1/audit parameters, without limit and offset.
    QUrlQuery query() const;
    // Saves every entry that matches the filters to path as CSV; exported() reports the end.
    void exportTo(const QString &path);

    AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString message() const;

signals:
    void refreshed();
    // error is empty when the file was written.
    void exported(const QString &path, const QString &error);

private:
    void buildFilters(QWidget *bar);
    void load(qint64 offset);
    void exportWithDialog();
    void showEntry();
    void showMessage(const QString &text);
    void updatePaging();

    EngineClient *m_client;
    AuditLogModel *m_model;
    QTimeZone m_zone = QTimeZone(QByteArrayLiteral("America/Detroit"));
    QCheckBox *m_dateFilter = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_entity = nullptr;
    QComboBox *m_action = nullptr;
    QPushButton *m_searchButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTableView *m_table;
    QLabel *m_entryHeading;
    QPlainTextEdit *m_before;
    QPlainTextEdit *m_after;
    QPushButton *m_previousButton;
    QPushButton *m_nextButton;
    QLabel *m_pageLabel;
    QLabel *m_message;
    QPointer<ApiJob> m_listJob;
    QPointer<ApiJob> m_exportJob;
};

} // namespace hubdesk
