// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>

namespace hubdesk {

// Integrations of one type as a list of their display names, such as
// "External System: MiLEARN 1: MiLEARN-Authorizations Data (current)".
class IntegrationModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        IntegrationTypeRole,
        ActiveRole,
        LastRunStatusRole,
        IntegrationJsonRole
    };

    explicit IntegrationModel(QObject *parent = nullptr);

    // Replaces the rows with the "integrations" array of GET /api/v1/integrations.
    void setIntegrations(const QJsonArray &integrations);
    QJsonObject integration(int row) const;
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_integrations;
};

} // namespace hubdesk
