// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hubdesk {

class ApiJob;
class EngineClient;
class ProductModel;

// The Product Catalog: every product with its integration type, system type, vendor, system
// and outputs, a search box, and Add Integration for the selected product.
class CatalogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogPage)

public:
    explicit CatalogPage(EngineClient *client, QWidget *parent = nullptr);
    ~CatalogPage() override;

    void refresh();
    // Removes the products and the message, as on signing out.
    void clear();
    ProductModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // Selects the first visible product whose name is name; returns false when none is.
    bool selectProduct(const QString &name);
    QJsonObject selectedProduct() const;
    QString message() const;

    // Opens the outbound form for an outbound product; creates any other type directly.
    void addIntegration();
    // Sets the products whose files are read with file specifications. File Specifications is
    // enabled for them.
    void setFileSpecProducts(const QStringList &productKeys);

signals:
    void refreshed();
    void outboundIntegrationRequested(const QJsonObject &product);
    void integrationCreated(qint64 integrationId);
    // An integration of an API product was created; its connection settings come next.
    void apiIntegrationCreated(qint64 integrationId);
    // The user asked for the file specifications of a product, such as "attendance".
    void fileSpecsRequested(const QString &productKey);

private:
    void updateSelection();
    void updateNoMatch();
    void showMessage(const QString &text);

    EngineClient *m_client;
    ProductModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_noMatch;
    QLabel *m_description;
    QPushButton *m_addButton;
    QPushButton *m_fileSpecsButton;
    QStringList m_fileSpecProducts;
    QLabel *m_message;
    QPointer<ApiJob> m_fetchJob;
    QPointer<ApiJob> m_createJob;
};

} // namespace hubdesk
