// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "productmodel.h"

#include <QStringList>

namespace hubdesk {

namespace {

QString integrationTypeText(const QString &type)
{
    if (type == QLatin1String("outbound"))
        return ProductModel::tr("Outbound");
    if (type == QLatin1String("inbound"))
        return ProductModel::tr("Inbound");
    if (type == QLatin1String("api"))
        return ProductModel::tr("API");
    if (type == QLatin1String("oneroster"))
        return ProductModel::tr("OneRoster");
    return type;
}

QStringList outputNames(const QJsonObject &product)
{
    QStringList names;
    const QJsonArray outputs = product.value(QStringLiteral("outputs")).toArray();
    for (const QJsonValue &output : outputs)
        names.append(output.toObject().value(QStringLiteral("name")).toString());
    return names;
}

} // namespace

ProductModel::ProductModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProductModel::setProducts(const QJsonArray &products)
{
    beginResetModel();
    m_products = products;
    endResetModel();
}

QJsonObject ProductModel::product(int row) const
{
    if (row < 0 || row >= m_products.size())
        return {};
    return m_products.at(row).toObject();
}

int ProductModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_products.size());
}

int ProductModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject item = product(index.row());
    const auto text = [&item](const char *key) {
        return item.value(QLatin1String(key)).toString();
    };

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            return integrationTypeText(text("integrationType"));
        case SystemTypeColumn:
            return text("systemType");
        case VendorColumn:
            return text("vendor");
        case SystemColumn:
            return text("system");
        case OutputsColumn:
            return outputNames(item).join(QStringLiteral(", "));
        }
        return {};
    case Qt::ToolTipRole:
        return text("description");
    case IdRole:
        return item.value(QStringLiteral("id")).toInteger();
    case IntegrationTypeRole:
        return text("integrationType");
    case ProductJsonRole:
        return item;
    case SearchTextRole: {
        // Every text a user may type into the catalog's search field, in one string.
        const QStringList parts = {integrationTypeText(text("integrationType")),
                                   text("systemType"),
                                   text("vendor"),
                                   text("system"),
                                   text("name"),
                                   text("description"),
                                   outputNames(item).join(QLatin1Char(' '))};
        return parts.join(QLatin1Char(' '));
    }
    }
    return {};
}

QVariant ProductModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TypeColumn:
        return tr("Integration Type");
    case SystemTypeColumn:
        return tr("System Type");
    case VendorColumn:
        return tr("Vendor");
    case SystemColumn:
        return tr("System");
    case OutputsColumn:
        return tr("Outputs");
    }
    return {};
}

} // namespace hubdesk
