// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "previewmodel.h"

#include <QJsonArray>

namespace hubdesk {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PreviewModel::setPreview(const QJsonObject &preview)
{
    beginResetModel();
    m_columns.clear();
    m_rows.clear();
    const QJsonArray columns = preview.value(QStringLiteral("columns")).toArray();
    for (const QJsonValue &column : columns)
        m_columns.append(column.toString());
    const QJsonArray rows = preview.value(QStringLiteral("rows")).toArray();
    for (const QJsonValue &row : rows) {
        QStringList cells;
        const QJsonArray values = row.toArray();
        for (const QJsonValue &value : values)
            cells.append(value.toString());
        // A short row is padded so that every index below columnCount() has a value.
        while (cells.size() < m_columns.size())
            cells.append(QString());
        m_rows.append(cells);
    }
    m_totalRows = preview.value(QStringLiteral("totalRows")).toInteger();
    m_schoolYear = preview.value(QStringLiteral("schoolYear")).toInt();
    endResetModel();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return m_rows.at(index.row()).at(index.column());
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < m_columns.size() ? QVariant(m_columns.at(section)) : QVariant();
    return section < m_rows.size() ? QVariant(section + 1) : QVariant();
}

} // namespace hubdesk
