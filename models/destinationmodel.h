// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>

namespace hubdesk {

// Saved destinations by name, for the destination pickers of the outbound form.
class DestinationModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationModel)

public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, DestinationJsonRole };

    explicit DestinationModel(QObject *parent = nullptr);

    // Replaces the rows with the "destinations" array of GET /api/v1/destinations.
    void setDestinations(const QJsonArray &destinations);
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_destinations;
};

} // namespace hubdesk
