// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "validationreportmodel.h"

#include <QJsonArray>

namespace hubdesk {

namespace {

// The engine's key for each column.
QString keyOf(int column)
{
    switch (column) {
    case ValidationReportModel::FileColumn:
        return QStringLiteral("file");
    case ValidationReportModel::LineColumn:
        return QStringLiteral("line");
    case ValidationReportModel::FieldColumn:
        return QStringLiteral("column");
    case ValidationReportModel::ValueColumn:
        return QStringLiteral("value");
    case ValidationReportModel::RuleColumn:
        return QStringLiteral("rule");
    case ValidationReportModel::MessageColumn:
        return QStringLiteral("message");
    case ValidationReportModel::SeverityColumn:
        return QStringLiteral("severity");
    }
    return {};
}

// Quotes a CSV field when it contains a separator, a quote or a line break, and puts an
// apostrophe before text that a spreadsheet would run as a formula. The first characters
// checked are those the engine's own CSV files protect: = + - @ tab and carriage return.
void appendCsvField(QByteArray &out, const QString &text, bool isNumber)
{
    QString value = text;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!isNumber && !value.isEmpty() && formulaStarts.contains(value.front()))
        value.prepend(QLatin1Char('\''));
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
                       || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote) {
        out += value.toUtf8();
        return;
    }
    value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    out += '"' + value.toUtf8() + '"';
}

} // namespace

ValidationReportModel::ValidationReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ValidationReportModel::clear()
{
    beginResetModel();
    m_issues.clear();
    m_errors = 0;
    m_warnings = 0;
    m_total = 0;
    m_files.clear();
    endResetModel();
}

void ValidationReportModel::appendPage(const QJsonObject &page)
{
    const QJsonArray issues = page.value(QStringLiteral("issues")).toArray();
    if (!issues.isEmpty()) {
        beginInsertRows({}, int(m_issues.size()), int(m_issues.size() + issues.size() - 1));
        for (const QJsonValue &issue : issues)
            m_issues.append(issue.toObject());
        endInsertRows();
    }
    m_errors = page.value(QStringLiteral("errors")).toInteger();
    m_warnings = page.value(QStringLiteral("warnings")).toInteger();
    m_total = page.value(QStringLiteral("total")).toInteger();
    m_files.clear();
    for (const QJsonValue &file : page.value(QStringLiteral("files")).toArray())
        m_files.append(file.toString());
}

int ValidationReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int ValidationReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValidationReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &issue = m_issues.at(index.row());
    const QJsonValue value = issue.value(keyOf(index.column()));
    switch (role) {
    case SeverityRole:
        return issue.value(QStringLiteral("severity")).toString();
    case SortRole:
        if (index.column() == LineColumn)
            return value.toInteger();
        return value.toString();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == LineColumn) {
            // Line 0 means the finding is about the whole file.
            const qint64 line = value.toInteger();
            return line > 0 ? QString::number(line) : QString();
        }
        if (index.column() == SeverityColumn)
            return severityText(value.toString());
        return value.toString();
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant ValidationReportModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case FieldColumn:
        return tr("Column");
    case ValueColumn:
        return tr("Value");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Message");
    case SeverityColumn:
        return tr("Severity");
    }
    return {};
}

QString ValidationReportModel::severityText(const QString &severity)
{
    if (severity == QLatin1String("error"))
        return tr("Error");
    if (severity == QLatin1String("warning"))
        return tr("Warning");
    return severity;
}

ValidationReportFilter::ValidationReportFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ValidationReportModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ValidationReportFilter::setSeverity(const QString &severity)
{
    changeFilter(m_severity, severity);
}

void ValidationReportFilter::setFile(const QString &file)
{
    changeFilter(m_file, file);
}

void ValidationReportFilter::setText(const QString &text)
{
    changeFilter(m_text, text.trimmed());
}

void ValidationReportFilter::changeFilter(QString &member, const QString &value)
{
    if (member == value)
        return;
    member = value;
    invalidateRowsFilter();
}

bool ValidationReportFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const auto text = [&](int column) {
        return source->index(sourceRow, column, sourceParent)
            .data(ValidationReportModel::SortRole)
            .toString();
    };
    if (!m_severity.isEmpty()
        && source->index(sourceRow, 0, sourceParent).data(ValidationReportModel::SeverityRole)
               != m_severity)
        return false;
    if (!m_file.isEmpty() && text(ValidationReportModel::FileColumn) != m_file)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {ValidationReportModel::FileColumn, ValidationReportModel::FieldColumn,
                       ValidationReportModel::ValueColumn, ValidationReportModel::RuleColumn,
                       ValidationReportModel::MessageColumn}) {
        if (text(column).contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QByteArray ValidationReportFilter::toCsv() const
{
    QByteArray out = "severity,rule,file,line,column,value,message\r\n";
    const int columns[] = {ValidationReportModel::SeverityColumn, ValidationReportModel::RuleColumn,
                           ValidationReportModel::FileColumn,     ValidationReportModel::LineColumn,
                           ValidationReportModel::FieldColumn,    ValidationReportModel::ValueColumn,
                           ValidationReportModel::MessageColumn};
    for (int row = 0; row < rowCount(); ++row) {
        bool first = true;
        for (int column : columns) {
            if (!first)
                out += ',';
            first = false;
            // The sort role carries the engine's value: the severity key and the line number.
            const QVariant value = index(row, column).data(ValidationReportModel::SortRole);
            const bool isNumber = column == ValidationReportModel::LineColumn;
            appendCsvField(out, isNumber ? QString::number(value.toLongLong()) : value.toString(),
                           isNumber);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace hubdesk
