// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace hubdesk {

// The product catalog as a table: Integration Type, System Type, Vendor, System, Outputs.
class ProductModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductModel)

public:
    enum Column { TypeColumn, SystemTypeColumn, VendorColumn, SystemColumn, OutputsColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, IntegrationTypeRole, ProductJsonRole, SearchTextRole };

    explicit ProductModel(QObject *parent = nullptr);

    // Replaces the rows with the "products" array of GET /api/v1/catalog/products.
    void setProducts(const QJsonArray &products);
    QJsonObject product(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QJsonArray m_products;
};

} // namespace hubdesk
