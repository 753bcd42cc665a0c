// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "integrationmodel.h"

namespace hubdesk {

IntegrationModel::IntegrationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void IntegrationModel::setIntegrations(const QJsonArray &integrations)
{
    beginResetModel();
    m_integrations = integrations;
    endResetModel();
}

QJsonObject IntegrationModel::integration(int row) const
{
    if (row < 0 || row >= m_integrations.size())
        return {};
    return m_integrations.at(row).toObject();
}

int IntegrationModel::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_integrations.size(); ++row) {
        if (m_integrations.at(row).toObject().value(QStringLiteral("id")).toInteger() == id)
            return int(row);
    }
    return -1;
}

int IntegrationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_integrations.size());
}

QVariant IntegrationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject item = integration(index.row());

    switch (role) {
    case Qt::DisplayRole:
        return item.value(QStringLiteral("displayName")).toString();
    case Qt::ToolTipRole:
        return item.value(QStringLiteral("notes")).toString();
    case IdRole:
        return item.value(QStringLiteral("id")).toInteger();
    case IntegrationTypeRole:
        return item.value(QStringLiteral("integrationType")).toString();
    case ActiveRole:
        return item.value(QStringLiteral("active")).toBool();
    case LastRunStatusRole: {
        // Null until the integration has run once.
        const QJsonValue lastRun = item.value(QStringLiteral("lastRun"));
        if (!lastRun.isObject())
            return {};
        return lastRun.toObject().value(QStringLiteral("status")).toInt();
    }
    case IntegrationJsonRole:
        return item;
    }
    return {};
}

} // namespace hubdesk
