// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "catalogpage.h"

#include "engineclient.h"
#include "productmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hubdesk {

CatalogPage::CatalogPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new ProductModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit)
    , m_view(new QTableView)
    , m_noMatch(new QLabel)
    , m_description(new QLabel)
    , m_addButton(new QPushButton(tr("Add Integration")))
    , m_fileSpecsButton(new QPushButton(tr("File Specifications")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("catalogPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(ProductModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_search->setObjectName(QStringLiteral("catalogSearchEdit"));
    m_search->setAccessibleName(tr("Search the catalog"));
    m_search->setPlaceholderText(tr("Search by system, vendor or output"));
    m_search->setClearButtonEnabled(true);

    m_view->setObjectName(QStringLiteral("catalogView"));
    m_view->setAccessibleName(tr("Products"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table for the next control; the arrow keys move between products.
    m_view->setTabKeyNavigation(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_noMatch->setObjectName(QStringLiteral("catalogNoMatchLabel"));
    m_noMatch->setTextFormat(Qt::PlainText);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();
    m_description->setObjectName(QStringLiteral("productDescriptionLabel"));
    m_description->setWordWrap(true);
    m_addButton->setObjectName(QStringLiteral("addIntegrationButton"));
    m_addButton->setAccessibleName(tr("Add an integration of the selected product"));
    m_fileSpecsButton->setObjectName(QStringLiteral("catalogFileSpecsButton"));
    m_fileSpecsButton->setAccessibleName(
        tr("Show how the engine reads the selected product's files"));
    m_message->setObjectName(QStringLiteral("catalogMessage"));
    m_message->setWordWrap(true);

    auto title = new QLabel(tr("Product Catalog"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_search);
    auto top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    top->addWidget(m_addButton);
    top->addWidget(m_fileSpecsButton);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addWidget(m_noMatch);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_description);
    layout->addWidget(m_message);

    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    // The line under the search box shows when the text hides every product, so that an empty
    // table is not taken for an empty catalog.
    connect(m_search, &QLineEdit::textChanged, this, &CatalogPage::updateNoMatch);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CatalogPage::updateNoMatch);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &CatalogPage::updateNoMatch);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &CatalogPage::updateNoMatch);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CatalogPage::updateSelection);
    connect(m_view, &QTableView::doubleClicked, this, &CatalogPage::addIntegration);
    connect(m_addButton, &QPushButton::clicked, this, &CatalogPage::addIntegration);
    connect(m_fileSpecsButton, &QPushButton::clicked, this, [this] {
        emit fileSpecsRequested(selectedProduct().value(QStringLiteral("key")).toString());
    });
    updateSelection();
}

CatalogPage::~CatalogPage()
{
    for (ApiJob *job : {m_fetchJob.data(), m_createJob.data()}) {
        if (job)
            job->abort();
    }
}

void CatalogPage::refresh()
{
    if (m_fetchJob)
        return;
    m_fetchJob = m_client->fetchProducts();
    connect(m_fetchJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_fetchJob.clear();
        if (!result.ok()) {
            showMessage(result.errorMessage);
            return;
        }
        m_model->setProducts(result.body.object().value(QStringLiteral("products")).toArray());
        m_view->resizeColumnsToContents();
        updateSelection();
        emit refreshed();
    });
}

void CatalogPage::clear()
{
    if (m_fetchJob) {
        disconnect(m_fetchJob, nullptr, this, nullptr);
        m_fetchJob->abort();
        m_fetchJob.clear();
    }
    m_model->setProducts({});
    updateSelection();
    showMessage({});
}

bool CatalogPage::selectProduct(const QString &name)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const QJsonObject product = index.data(ProductModel::ProductJsonRole).toJsonObject();
        if (product.value(QStringLiteral("name")).toString() == name) {
            // Not QTableView::selectRow(): right to left, it looks for the column at the
            // viewport's right edge, finds none when the columns are narrower, and selects nothing.
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

void CatalogPage::updateNoMatch()
{
    const QString text = m_search->text().trimmed();
    const bool noMatch = !text.isEmpty() && m_model->rowCount() > 0 && m_proxy->rowCount() == 0;
    if (noMatch)
        m_noMatch->setText(tr("No products match \"%1\".").arg(text));
    m_noMatch->setVisible(noMatch);
}

QJsonObject CatalogPage::selectedProduct() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(ProductModel::ProductJsonRole).toJsonObject();
}

QString CatalogPage::message() const
{
    return m_message->text();
}

void CatalogPage::addIntegration()
{
    const QJsonObject product = selectedProduct();
    if (product.isEmpty() || m_createJob)
        return;
    if (product.value(QStringLiteral("integrationType")).toString() == QLatin1String("outbound")) {
        emit outboundIntegrationRequested(product);
        return;
    }

    const QJsonObject integration{
        {QStringLiteral("productId"), product.value(QStringLiteral("id"))}};
    m_createJob = m_client->saveIntegration(0, integration);
    connect(m_createJob, &ApiJob::finished, this, [this, product](const ApiResult &result) {
        m_createJob.clear();
        if (!result.ok()) {
            showMessage(
                tr("Cannot add an integration of %1: %2")
                    .arg(product.value(QStringLiteral("name")).toString(), result.errorMessage));
            return;
        }
        showMessage({});
        const qint64 id = result.body.object().value(QStringLiteral("id")).toInteger();
        if (product.value(QStringLiteral("integrationType")).toString() == QLatin1String("api"))
            emit apiIntegrationCreated(id);
        else
            emit integrationCreated(id);
    });
}

void CatalogPage::setFileSpecProducts(const QStringList &productKeys)
{
    m_fileSpecProducts = productKeys;
    updateSelection();
}

void CatalogPage::updateSelection()
{
    const QJsonObject product = selectedProduct();
    m_addButton->setEnabled(!product.isEmpty());
    m_fileSpecsButton->setEnabled(
        m_fileSpecProducts.contains(product.value(QStringLiteral("key")).toString()));
    m_fileSpecsButton->setToolTip(
        m_fileSpecsButton->isEnabled()
            ? tr("The columns, types, date formats and store mapping of this product's files")
            : tr("Select a product whose files are read with file specifications, such as "
                 "Assessment Results or Attendance."));
    m_description->setText(product.value(QStringLiteral("description")).toString());
}

void CatalogPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
}

} // namespace hubdesk
