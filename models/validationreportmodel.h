// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace hubdesk {

// The findings of an inbound run's validation, from the pages of
// GET /api/v1/runs/{id}/validation, in the order the engine found them.
class ValidationReportModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationReportModel)

public:
    enum Column {
        FileColumn,
        LineColumn,
        FieldColumn,
        ValueColumn,
        RuleColumn,
        MessageColumn,
        SeverityColumn,
        ColumnCount
    };
    enum Role {
        // The value to sort by: the line as a number, the other columns as text.
        SortRole = Qt::UserRole + 1,
        // "error" or "warning", as the engine sends it.
        SeverityRole,
    };

    explicit ValidationReportModel(QObject *parent = nullptr);

    // Removes every finding and the counts.
    void clear();
    // Appends the issues of one response page and takes the counts and file list from it.
    void appendPage(const QJsonObject &page);

    // Counts of the whole report, as the engine counted them.
    qint64 errorCount() const { return m_errors; }
    qint64 warningCount() const { return m_warnings; }
    // Findings in the report, which may be more than the rows received so far.
    qint64 total() const { return m_total; }
    // The files that findings name, in the engine's order.
    QStringList files() const { return m_files; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The translated word for "error" or "warning"; any other value is returned as it is.
    static QString severityText(const QString &severity);

private:
    QList<QJsonObject> m_issues;
    qint64 m_errors = 0;
    qint64 m_warnings = 0;
    qint64 m_total = 0;
    QStringList m_files;
};

// Sorts findings by any column (Line as a number) and keeps those of one severity, one file
// and containing a text in the file, column, value, rule or message, ignoring case. Each
// filter is off while it is empty.
class ValidationReportFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationReportFilter)

public:
    explicit ValidationReportFilter(QObject *parent = nullptr);

    // "error", "warning" or empty for both.
    void setSeverity(const QString &severity);
    QString severity() const { return m_severity; }
    void setFile(const QString &file);
    QString file() const { return m_file; }
    void setText(const QString &text);
    QString text() const { return m_text; }

    // The shown rows, in the shown order, as CSV (RFC 4180, UTF-8, CRLF) with the header
    // severity,rule,file,line,column,value,message, the layout of the engine's validation.csv.
    // A text that a spreadsheet would read as a formula gets a leading apostrophe.
    QByteArray toCsv() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changeFilter(QString &member, const QString &value);

    QString m_severity;
    QString m_file;
    QString m_text;
};

} // namespace hubdesk
