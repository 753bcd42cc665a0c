// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destinationmodel.h"

namespace hubdesk {

DestinationModel::DestinationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void DestinationModel::setDestinations(const QJsonArray &destinations)
{
    beginResetModel();
    m_destinations = destinations;
    endResetModel();
}

int DestinationModel::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_destinations.size(); ++row) {
        if (m_destinations.at(row).toObject().value(QStringLiteral("id")).toInteger() == id)
            return int(row);
    }
    return -1;
}

int DestinationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_destinations.size());
}

QVariant DestinationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject item = m_destinations.at(index.row()).toObject();

    switch (role) {
    case Qt::DisplayRole:
        return item.value(QStringLiteral("name")).toString();
    case Qt::ToolTipRole:
        // The folder path of a folder destination; empty for other kinds.
        return item.value(QStringLiteral("settings"))
            .toObject()
            .value(QStringLiteral("path"))
            .toString();
    case IdRole:
        return item.value(QStringLiteral("id")).toInteger();
    case KindRole:
        return item.value(QStringLiteral("kind")).toString();
    case DestinationJsonRole:
        return item;
    }
    return {};
}

} // namespace hubdesk
