// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filespecspage.h"

#include "copyfilespecdialog.h"
#include "engineclient.h"
#include "filespeccolumndelegate.h"
#include "filespeccolumnmodel.h"
#include "filespecconstantsdialog.h"
#include "wheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

#include <tuple>

namespace hubdesk {

namespace {

const QString kFileSpecs = QStringLiteral("/api/v1/file-specs");

enum ListColumn { NameListColumn, ProductListColumn, TableListColumn, OriginListColumn };

// The non-empty lines of a list editor, trimmed.
QStringList lines(const QPlainTextEdit *edit)
{
    QStringList values;
    const QStringList all = edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : all) {
        if (!line.trimmed().isEmpty())
            values.append(line.trimmed());
    }
    return values;
}

QPlainTextEdit *listEdit(const QString &objectName, const QString &accessibleName)
{
    auto edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    edit->setPlaceholderText(FileSpecsPage::tr("One value per line"));
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    return edit;
}

} // namespace

FileSpecsPage::FileSpecsPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_backButton(new QPushButton)
    , m_productFilter(new QComboBox)
    , m_list(new QTreeWidget)
    , m_copyButton(new QPushButton(tr("Copy…")))
    , m_deleteButton(new QPushButton(tr("Delete")))
    , m_key(new QLineEdit)
    , m_name(new QLineEdit)
    , m_product(new QLabel)
    , m_table(new QLabel)
    , m_basedOn(new QLabel)
    , m_keepOtherColumns(new QCheckBox(tr("Keep columns that the specification does not "
                                          "declare, in extensions")))
    , m_constants(new QLabel)
    , m_constantsButton(new QPushButton(tr("Constants…")))
    , m_columnModel(new FileSpecColumnModel(this))
    , m_delegate(new FileSpecColumnDelegate(this))
    , m_columnView(new QTableView)
    , m_addColumnButton(new QPushButton(tr("Add Column")))
    , m_removeColumnButton(new QPushButton(tr("Remove Column")))
    , m_naturalKey(new QLabel)
    , m_valuesBox(new QGroupBox)
    , m_valuesStack(new QStackedWidget)
    , m_enumValues(listEdit(QStringLiteral("enumValuesEdit"), tr("Allowed values")))
    , m_caseInsensitive(new QCheckBox(tr("Match in any letter case")))
    , m_trueValues(listEdit(QStringLiteral("trueValuesEdit"), tr("Values that mean yes")))
    , m_falseValues(listEdit(QStringLiteral("falseValuesEdit"), tr("Values that mean no")))
    , m_noValues(new QLabel)
    , m_saveButton(new QPushButton(tr("Save")))
    , m_revertButton(new QPushButton(tr("Revert")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("fileSpecsPage"));

    auto title = new QLabel(tr("File Specifications"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_backButton->setObjectName(QStringLiteral("fileSpecsBackButton"));
    m_backButton->hide();
    connect(m_backButton, &QPushButton::clicked, this, &FileSpecsPage::backRequested);
    auto top = new QHBoxLayout;
    top->addWidget(m_backButton);
    top->addWidget(title, 1);

    auto intro = new QLabel(tr("A file specification says how the engine reads an assessment or "
                               "attendance file: its columns, their types and date formats, and "
                               "the store column each one fills. Copy a specification to change "
                               "its mapping for the district."));
    intro->setWordWrap(true);

    auto splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("fileSpecsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildList());
    // The editor scrolls on a short screen instead of pushing the page past it.
    auto editorScroll = new QScrollArea;
    editorScroll->setObjectName(QStringLiteral("fileSpecEditorScroll"));
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    // Tab moves through the editor's fields, and the area scrolls to each one.
    editorScroll->setFocusPolicy(Qt::NoFocus);
    editorScroll->setWidget(buildEditor());
    WheelGuard::protect(editorScroll);
    splitter->addWidget(editorScroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    m_message->setObjectName(QStringLiteral("fileSpecsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Save and Revert sit below the scrolled editor, so that error messages in the editor
    // never push them out of view.
    m_saveButton->setObjectName(QStringLiteral("saveFileSpecButton"));
    m_saveButton->setAccessibleName(tr("Save the file specification"));
    m_revertButton->setObjectName(QStringLiteral("revertFileSpecButton"));
    m_revertButton->setAccessibleName(tr("Revert to the saved file specification"));
    connect(m_saveButton, &QPushButton::clicked, this, &FileSpecsPage::save);
    connect(m_revertButton, &QPushButton::clicked, this, &FileSpecsPage::revert);
    auto saveRow = new QHBoxLayout;
    saveRow->addWidget(m_message, 1);
    saveRow->addWidget(m_revertButton, 0, Qt::AlignTop);
    saveRow->addWidget(m_saveButton, 0, Qt::AlignTop);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addLayout(saveRow);

    // Tab follows the reading order: the buttons above the list come before it.
    const QList<QWidget *> order = {m_backButton,
                                    m_productFilter,
                                    m_copyButton,
                                    m_deleteButton,
                                    m_list,
                                    m_key,
                                    m_name,
                                    m_constantsButton,
                                    m_keepOtherColumns,
                                    m_columnView,
                                    m_addColumnButton,
                                    m_removeColumnButton,
                                    m_enumValues,
                                    m_caseInsensitive,
                                    m_trueValues,
                                    m_falseValues,
                                    m_revertButton,
                                    m_saveButton};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    loadSpec({});
}

FileSpecsPage::~FileSpecsPage()
{
    // An aborted job still reports its result, which must not reach this half-destroyed page.
    for (ApiJob *job : {m_fetchJob.data(), m_productsJob.data(), m_saveJob.data()}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

QWidget *FileSpecsPage::buildList()
{
    m_productFilter->setObjectName(QStringLiteral("fileSpecProductFilter"));
    m_productFilter->setAccessibleName(tr("Product"));
    m_productFilter->addItem(tr("All products"), QString());
    connect(m_productFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filterProduct = m_productFilter->currentData().toString();
        applyFilter();
        selectFirstShown();
    });
    auto productLabel = new QLabel(tr("&Product:"));
    productLabel->setBuddy(m_productFilter);

    m_list->setObjectName(QStringLiteral("fileSpecList"));
    m_list->setAccessibleName(tr("File specifications"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Product"), tr("Store Table"), tr("Origin")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 5);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &FileSpecsPage::onCurrentItemChanged);

    m_copyButton->setObjectName(QStringLiteral("copyFileSpecButton"));
    m_copyButton->setAccessibleName(tr("Copy the selected file specification"));
    m_deleteButton->setObjectName(QStringLiteral("deleteFileSpecButton"));
    m_deleteButton->setAccessibleName(tr("Delete the selected file specification"));
    connect(m_copyButton, &QPushButton::clicked, this, &FileSpecsPage::copySelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &FileSpecsPage::deleteSelected);

    auto filterRow = new QHBoxLayout;
    filterRow->addWidget(productLabel);
    filterRow->addWidget(m_productFilter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_copyButton);
    filterRow->addWidget(m_deleteButton);

    auto widget = new QWidget;
    auto layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_list, 1);
    return widget;
}

QWidget *FileSpecsPage::buildEditor()
{
    m_key->setObjectName(QStringLiteral("fileSpecKeyEdit"));
    m_key->setAccessibleName(tr("Key"));
    m_key->setMaxLength(63);
    m_name->setObjectName(QStringLiteral("fileSpecNameEdit"));
    m_name->setAccessibleName(tr("Name"));
    for (QLabel *label : {m_product, m_table, m_basedOn, m_constants}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_product->setObjectName(QStringLiteral("fileSpecProductLabel"));
    m_table->setObjectName(QStringLiteral("fileSpecTableLabel"));
    m_basedOn->setObjectName(QStringLiteral("fileSpecBasedOnLabel"));
    m_constants->setObjectName(QStringLiteral("fileSpecConstantsLabel"));
    m_keepOtherColumns->setObjectName(QStringLiteral("keepOtherColumnsCheck"));
    m_keepOtherColumns->setToolTip(tr("Without it, a column that the specification does not "
                                      "declare gives a warning and its values are not kept."));
    const auto markEdited = [this] {
        setModified(true);
    };
    connect(m_key, &QLineEdit::textEdited, this, markEdited);
    connect(m_name, &QLineEdit::textEdited, this, markEdited);
    connect(m_keepOtherColumns, &QCheckBox::clicked, this, markEdited);

    // Two fields to a row, so the column table gets the height.
    auto form = new QGridLayout;
    form->setColumnStretch(1, 1);
    form->setColumnStretch(3, 1);
    const auto addField = [form](int row, int column, const QString &text, QWidget *field,
                                 QWidget *buddy = nullptr) {
        auto label = new QLabel(text);
        label->setBuddy(buddy);
        // The label stays beside its field when an error message opens below the field.
        if (buddy)
            label->setFixedHeight(buddy->sizeHint().height());
        form->addWidget(label, row, column,
                        Qt::AlignLeft | (buddy ? Qt::AlignTop : Qt::AlignVCenter));
        form->addWidget(field, row, column + 1);
    };
    addField(0, 0, tr("&Key:"), m_fieldErrors.wrap(QStringLiteral("key"), m_key), m_key);
    addField(0, 2, tr("&Name:"), m_fieldErrors.wrap(QStringLiteral("name"), m_name), m_name);
    addField(1, 0, tr("Product:"), m_product);
    addField(1, 2, tr("Store table:"), m_table);
    addField(2, 0, tr("Copied from:"), m_basedOn);
    m_constantsButton->setObjectName(QStringLiteral("editConstantsButton"));
    m_constantsButton->setAccessibleName(tr("Change the constants"));
    connect(m_constantsButton, &QPushButton::clicked, this, &FileSpecsPage::openConstants);
    auto constantsRow = new QHBoxLayout;
    constantsRow->setContentsMargins(0, 0, 0, 0);
    constantsRow->addWidget(m_constants, 1);
    constantsRow->addWidget(m_constantsButton, 0, Qt::AlignTop);
    auto constants = new QWidget;
    constants->setLayout(constantsRow);
    //: Store columns that every row gets with a fixed value, such as subject = ELA.
    addField(2, 2, tr("Constants:"), constants);
    auto constantsError = FieldErrors::createLabel(QStringLiteral("constantsError"));
    m_fieldErrors.add(QStringLiteral("constants"), m_constants, constantsError);
    form->addWidget(constantsError, 3, 3);
    form->addWidget(m_fieldErrors.wrap(QStringLiteral("keepOtherColumns"), m_keepOtherColumns), 4,
                    0, 1, 4);

    m_columnView->setObjectName(QStringLiteral("fileSpecColumnView"));
    m_columnView->setAccessibleName(tr("Columns of the file"));
    m_columnView->setModel(m_columnModel);
    m_columnView->setItemDelegate(m_delegate);
    m_columnView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_columnView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_columnView->setEditTriggers(QAbstractItemView::DoubleClicked
                                  | QAbstractItemView::EditKeyPressed
                                  | QAbstractItemView::AnyKeyPressed);
    // Tab leaves the table for the next control; the arrow keys move between cells and F2 edits.
    m_columnView->setTabKeyNavigation(false);
    m_columnView->setWordWrap(false);
    m_columnView->verticalHeader()->hide();
    m_columnView->verticalHeader()->setDefaultSectionSize(m_columnView->fontMetrics().height()
                                                          + 12);
    // The allowed values, last, take the room that is left and show whole in a tooltip.
    m_columnView->horizontalHeader()->setStretchLastSection(true);
    m_columnView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_columnView->setMinimumHeight(m_columnView->verticalHeader()->defaultSectionSize() * 7);
    connect(m_columnModel, &FileSpecColumnModel::edited, this, [this] {
        setModified(true);
        m_naturalKey->setText(naturalKeyText());
        updateValuesEditor();
    });
    connect(m_columnView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FileSpecsPage::updateValuesEditor);
    connect(m_columnModel, &QAbstractItemModel::modelReset, this,
            &FileSpecsPage::updateValuesEditor);

    m_addColumnButton->setObjectName(QStringLiteral("addSpecColumnButton"));
    m_addColumnButton->setAccessibleName(tr("Add a column below the selected one"));
    m_removeColumnButton->setObjectName(QStringLiteral("removeSpecColumnButton"));
    m_removeColumnButton->setAccessibleName(tr("Remove the selected column"));
    connect(m_addColumnButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_columnView->currentIndex();
        const int row = current.isValid() ? current.row() + 1 : m_columnModel->rowCount();
        if (!m_columnModel->insertColumnRow(row))
            return;
        const QModelIndex name = m_columnModel->index(row, FileSpecColumnModel::NameColumn);
        m_columnView->setCurrentIndex(name);
        m_columnView->setFocus(Qt::OtherFocusReason);
        m_columnView->edit(name);
    });
    connect(m_removeColumnButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_columnView->currentIndex();
        if (current.isValid())
            m_columnModel->removeRows(current.row(), 1);
    });
    auto columnButtons = new QHBoxLayout;
    columnButtons->addWidget(m_addColumnButton);
    columnButtons->addWidget(m_removeColumnButton);
    columnButtons->addStretch(1);

    auto columnsError = FieldErrors::createLabel(QStringLiteral("fileSpecColumnsError"));
    m_fieldErrors.add(QStringLiteral("columns"), m_columnView, columnsError);

    m_naturalKey->setObjectName(QStringLiteral("fileSpecNaturalKeyLabel"));
    m_naturalKey->setWordWrap(true);
    m_naturalKey->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto naturalKeyError = FieldErrors::createLabel(QStringLiteral("fileSpecNaturalKeyError"));
    m_fieldErrors.add(QStringLiteral("naturalKey"), m_naturalKey, naturalKeyError);

    auto fallback = FieldErrors::createLabel(QStringLiteral("fileSpecOtherErrors"));
    m_fieldErrors.setFallbackLabel(fallback);

    auto columnsTitle = new QLabel(tr("Columns"));
    QFont bold = columnsTitle->font();
    bold.setBold(true);
    columnsTitle->setFont(bold);

    auto editor = new QWidget;
    editor->setObjectName(QStringLiteral("fileSpecEditor"));
    auto layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(columnsTitle);
    layout->addWidget(m_columnView, 1);
    layout->addWidget(columnsError);
    layout->addLayout(columnButtons);
    layout->addWidget(m_naturalKey);
    layout->addWidget(naturalKeyError);
    layout->addWidget(buildValuesBox());
    layout->addWidget(fallback);
    return editor;
}

QWidget *FileSpecsPage::buildValuesBox()
{
    m_valuesBox->setObjectName(QStringLiteral("allowedValuesBox"));
    m_caseInsensitive->setObjectName(QStringLiteral("caseInsensitiveCheck"));
    m_noValues->setObjectName(QStringLiteral("noAllowedValuesLabel"));
    m_noValues->setWordWrap(true);
    m_noValues->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto enumPage = new QWidget;
    auto enumLayout = new QFormLayout(enumPage);
    enumLayout->setContentsMargins(0, 0, 0, 0);
    enumLayout->addRow(tr("&Values:"), m_enumValues);
    enumLayout->addRow(QString(), m_caseInsensitive);

    // The yes and no lists sit side by side, so the box is as tall for every type.
    auto booleanPage = new QWidget;
    auto booleanLayout = new QHBoxLayout(booleanPage);
    booleanLayout->setContentsMargins(0, 0, 0, 0);
    for (const auto &[text, edit] : {std::pair{tr("&Yes values:"), m_trueValues},
                                     std::pair{tr("N&o values:"), m_falseValues}}) {
        auto label = new QLabel(text);
        label->setBuddy(edit);
        booleanLayout->addWidget(label, 0, Qt::AlignTop);
        booleanLayout->addWidget(edit, 1);
    }

    m_valuesStack->addWidget(m_noValues);
    m_valuesStack->addWidget(enumPage);
    m_valuesStack->addWidget(booleanPage);
    auto layout = new QVBoxLayout(m_valuesBox);
    layout->addWidget(m_valuesStack);

    for (QPlainTextEdit *edit : {m_enumValues, m_trueValues, m_falseValues})
        connect(edit, &QPlainTextEdit::textChanged, this, &FileSpecsPage::storeValues);
    connect(m_caseInsensitive, &QCheckBox::clicked, this, &FileSpecsPage::storeValues);
    return m_valuesBox;
}

void FileSpecsPage::refresh()
{
    // An aborted job still reports "cancelled", which is no error to show.
    for (ApiJob *job : {m_fetchJob.data(), m_productsJob.data()}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    const auto finishWhenBothArrived = [this] {
        if (m_fetchJob || m_productsJob)
            return;
        fillList();
        emit refreshed();
    };
    m_productsJob = m_client->fetchProducts();
    connect(m_productsJob, &ApiJob::finished, this,
            [this, finishWhenBothArrived](const ApiResult &result) {
                m_productsJob.clear();
                // Without the catalog, products show by their keys.
                if (result.ok()) {
                    const QJsonArray products
                        = result.body.object().value(QStringLiteral("products")).toArray();
                    for (const QJsonValue &product : products)
                        m_productNames.insert(product[QStringLiteral("key")].toString(),
                                              product[QStringLiteral("name")].toString());
                }
                finishWhenBothArrived();
            });
    m_fetchJob = m_client->get(kFileSpecs);
    connect(m_fetchJob, &ApiJob::finished, this,
            [this, finishWhenBothArrived](const ApiResult &result) {
                m_fetchJob.clear();
                if (!result.ok()) {
                    showMessage(
                        tr("Cannot load the file specifications: %1").arg(result.errorMessage),
                        true);
                } else {
                    const QJsonObject body = result.body.object();
                    m_specs = body.value(QStringLiteral("fileSpecs")).toArray();
                    m_storeTables = body.value(QStringLiteral("storeTables")).toArray();
                    m_dateFormats.clear();
                    const QJsonArray formats = body.value(QStringLiteral("dateFormats")).toArray();
                    for (const QJsonValue &format : formats)
                        m_dateFormats.append(format.toString());
                    m_delegate->setDateFormats(m_dateFormats);
                }
                finishWhenBothArrived();
            });
}

void FileSpecsPage::clear()
{
    for (ApiJob *job : {m_fetchJob.data(), m_productsJob.data(), m_saveJob.data()}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    m_specs = {};
    m_storeTables = {};
    m_productNames.clear();
    m_currentKey.clear();
    m_modified = false;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
    }
    loadSpec({});
    showMessage({});
}

void FileSpecsPage::fillList()
{
    {
        const QSignalBlocker blocker(m_productFilter);
        m_productFilter->clear();
        m_productFilter->addItem(tr("All products"), QString());
        for (const QString &key : productKeys())
            m_productFilter->addItem(productName(key), key);
        const int index = m_productFilter->findData(m_filterProduct);
        m_productFilter->setCurrentIndex(qMax(index, 0));
    }

    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QJsonValue &value : std::as_const(m_specs)) {
        const QJsonObject spec = value.toObject();
        const bool builtIn = spec.value(QStringLiteral("builtIn")).toBool();
        const QString basedOn = spec.value(QStringLiteral("basedOn")).toString();
        const QString basedOnName = specByKey(basedOn).value(QStringLiteral("name")).toString();
        QString origin = tr("Built in");
        if (!builtIn) {
            //: The origin of a district's specification: the one it was copied from.
            origin
                = tr("District, copied from %1").arg(basedOnName.isEmpty() ? basedOn : basedOnName);
        }
        auto item
            = new QTreeWidgetItem({spec.value(QStringLiteral("name")).toString(),
                                   productName(spec.value(QStringLiteral("product")).toString()),
                                   spec.value(QStringLiteral("table")).toString(), origin});
        item->setData(NameListColumn, Qt::UserRole, spec.value(QStringLiteral("key")).toString());
        m_list->addTopLevelItem(item);
    }
    applyFilter();

    // The selection survives a refresh. Unsaved changes stay in the editor, and otherwise it
    // shows what the engine returned.
    const QString key = m_currentKey;
    const QJsonObject current = specByKey(key);
    if (!key.isEmpty() && (!current.isEmpty() || m_modified)) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            if (m_list->topLevelItem(i)->data(NameListColumn, Qt::UserRole).toString() == key)
                m_list->setCurrentItem(m_list->topLevelItem(i));
        }
        if (!m_modified)
            loadSpec(current);
    } else {
        loadSpec({});
    }
    updateActions();
}

void FileSpecsPage::applyFilter()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const QJsonObject spec = specByKey(item->data(NameListColumn, Qt::UserRole).toString());
        item->setHidden(!m_filterProduct.isEmpty()
                        && spec.value(QStringLiteral("product")).toString() != m_filterProduct);
    }
}

void FileSpecsPage::showProduct(const QString &productKey)
{
    m_filterProduct = productKey;
    const QSignalBlocker blocker(m_productFilter);
    int index = m_productFilter->findData(productKey);
    if (index < 0 && !productKey.isEmpty()) {
        m_productFilter->addItem(productName(productKey), productKey);
        index = m_productFilter->count() - 1;
    }
    m_productFilter->setCurrentIndex(qMax(index, 0));
    applyFilter();
    selectFirstShown();
}

void FileSpecsPage::selectFirstShown()
{
    // Unsaved changes keep their specification in the editor, listed or not.
    QTreeWidgetItem *current = m_list->currentItem();
    if (m_modified || (current && !current->isHidden()))
        return;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_list->topLevelItem(i)->isHidden()) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return;
        }
    }
}

QStringList FileSpecsPage::productKeys() const
{
    QStringList keys;
    for (const QJsonValue &spec : m_specs) {
        const QString product = spec[QStringLiteral("product")].toString();
        if (!keys.contains(product))
            keys.append(product);
    }
    return keys;
}

void FileSpecsPage::setBackText(const QString &text)
{
    m_backButton->setText(text);
    m_backButton->setAccessibleName(text);
    m_backButton->setVisible(!text.isEmpty());
}

void FileSpecsPage::setCanConfigure(bool canConfigure)
{
    m_canConfigure = canConfigure;
    for (QPushButton *button : {m_copyButton, m_deleteButton, m_saveButton, m_revertButton,
                                m_addColumnButton, m_removeColumnButton, m_constantsButton})
        button->setVisible(canConfigure);
    updateActions();
}

bool FileSpecsPage::selectSpec(const QString &key)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameListColumn, Qt::UserRole).toString() == key) {
            m_list->setCurrentItem(item);
            return m_currentKey == key;
        }
    }
    return false;
}

void FileSpecsPage::onCurrentItemChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous)
{
    const QString key
        = current ? current->data(NameListColumn, Qt::UserRole).toString() : QString();
    if (key == m_currentKey)
        return;
    if (m_modified) {
        // Keep the edited specification selected until the user decides.
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(previous);
        askToDiscard(key);
        return;
    }
    loadSpec(specByKey(key));
}

void FileSpecsPage::askToDiscard(const QString &nextKey)
{
    auto box = new QMessageBox(
        QMessageBox::Question, tr("Discard Changes?"),
        tr("%1 has changes that are not saved. Discard them, or cancel and save them first.")
            .arg(m_name->text()),
        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardFileSpecChangesBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, nextKey] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Discard)
            return;
        setModified(false);
        selectSpec(nextKey);
    });
    box->open();
}

void FileSpecsPage::confirmLeave(const std::function<void()> &leave)
{
    if (!m_modified) {
        leave();
        return;
    }
    auto box = new QMessageBox(
        QMessageBox::Question, tr("Save Changes?"),
        tr("%1 has changes that are not saved. Save them before leaving the page?")
            .arg(m_name->text()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("leaveFileSpecChangesBox"));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, leave] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            m_afterSave = leave;
            save();
            // A save that did not start, such as one already running, leaves nothing pending.
            if (!m_saveJob)
                m_afterSave = {};
            break;
        case QMessageBox::Discard:
            revert();
            leave();
            break;
        default:
            break;
        }
    });
    box->open();
}

void FileSpecsPage::loadSpec(const QJsonObject &spec)
{
    m_currentKey = spec.value(QStringLiteral("key")).toString();
    m_fieldErrors.clear();
    m_key->setText(m_currentKey);
    m_name->setText(spec.value(QStringLiteral("name")).toString());
    m_product->setText(productName(spec.value(QStringLiteral("product")).toString()));
    const QString table = spec.value(QStringLiteral("table")).toString();
    m_table->setText(table);
    const QString basedOn = spec.value(QStringLiteral("basedOn")).toString();
    if (spec.isEmpty())
        m_basedOn->clear();
    else if (spec.value(QStringLiteral("builtIn")).toBool())
        m_basedOn->setText(tr("Built in; copy it to change the mapping."));
    else
        m_basedOn->setText(specByKey(basedOn).value(QStringLiteral("name")).toString(basedOn));
    m_keepOtherColumns->setChecked(spec.value(QStringLiteral("keepOtherColumns")).toBool());
    m_constantValues = spec.value(QStringLiteral("constants")).toObject();
    m_constants->setText(constantsText());
    loadStoreChoices(table);
    m_columnModel->setSpec(spec);
    m_columnModel->setEditable(isEditable());
    for (int column = 0; column < FileSpecColumnModel::ValuesColumn; ++column)
        m_columnView->resizeColumnToContents(column);
    m_naturalKey->setText(naturalKeyText());
    m_modified = false;
    updateActions();
}

void FileSpecsPage::loadStoreChoices(const QString &table)
{
    m_delegate->setStoreColumns(storeColumns(table));
}

QStringList FileSpecsPage::storeColumns(const QString &table) const
{
    QStringList columns;
    for (const QJsonValue &storeTable : m_storeTables) {
        if (storeTable[QStringLiteral("name")].toString() != table)
            continue;
        const QJsonArray names = storeTable[QStringLiteral("columns")].toArray();
        for (const QJsonValue &name : names)
            columns.append(name.toString());
    }
    return columns;
}

void FileSpecsPage::openConstants()
{
    if (!isEditable())
        return;
    auto dialog
        = new FileSpecConstantsDialog(m_constantValues, storeColumns(m_table->text()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QJsonObject constants = dialog->constants();
        if (constants == m_constantValues)
            return;
        m_constantValues = constants;
        m_constants->setText(constantsText());
        setModified(true);
    });
    dialog->open();
}

void FileSpecsPage::updateValuesEditor()
{
    const QModelIndex current = m_columnView->currentIndex();
    m_valuesRow = current.isValid() ? current.row() : -1;
    const QModelIndex name = m_columnModel->index(m_valuesRow, FileSpecColumnModel::NameColumn);
    const QString type = name.data(FileSpecColumnModel::ColumnJsonRole)
                             .toJsonObject()
                             .value(QStringLiteral("type"))
                             .toString();

    // Filling the editors is no user change.
    const QSignalBlocker enumBlocker(m_enumValues);
    const QSignalBlocker trueBlocker(m_trueValues);
    const QSignalBlocker falseBlocker(m_falseValues);
    const QSignalBlocker caseBlocker(m_caseInsensitive);
    if (type == QLatin1String("enum")) {
        m_valuesStack->setCurrentIndex(1);
        const QStringList values = name.data(FileSpecColumnModel::ValuesRole).toStringList();
        if (lines(m_enumValues) != values)
            m_enumValues->setPlainText(values.join(QLatin1Char('\n')));
        m_caseInsensitive->setChecked(name.data(FileSpecColumnModel::CaseInsensitiveRole).toBool());
    } else if (type == QLatin1String("boolean")) {
        m_valuesStack->setCurrentIndex(2);
        const QStringList yes = name.data(FileSpecColumnModel::TrueValuesRole).toStringList();
        const QStringList no = name.data(FileSpecColumnModel::FalseValuesRole).toStringList();
        if (lines(m_trueValues) != yes)
            m_trueValues->setPlainText(yes.join(QLatin1Char('\n')));
        if (lines(m_falseValues) != no)
            m_falseValues->setPlainText(no.join(QLatin1Char('\n')));
    } else {
        m_valuesStack->setCurrentIndex(0);
        m_noValues->setText(
            name.isValid()
                ? tr("A %1 column has no list of allowed values.")
                      .arg(FileSpecColumnModel::typeName(type).toLower())
                : tr("Select an enumeration or yes-or-no column to see its allowed values."));
    }
    //: The title of the box with the allowed values of the selected column.
    m_valuesBox->setTitle(name.isValid() ? tr("Allowed Values of %1").arg(name.data().toString())
                                         : tr("Allowed Values"));
    const bool editable = isEditable();
    for (QPlainTextEdit *edit : {m_enumValues, m_trueValues, m_falseValues})
        edit->setReadOnly(!editable);
    m_caseInsensitive->setEnabled(editable);
}

void FileSpecsPage::storeValues()
{
    if (!isEditable() || m_valuesRow < 0)
        return;
    const QModelIndex row = m_columnModel->index(m_valuesRow, FileSpecColumnModel::ValuesColumn);
    const int page = m_valuesStack->currentIndex();
    if (page == 1) {
        m_columnModel->setData(row, lines(m_enumValues), FileSpecColumnModel::ValuesRole);
        m_columnModel->setData(row, m_caseInsensitive->isChecked(),
                               FileSpecColumnModel::CaseInsensitiveRole);
    } else if (page == 2) {
        m_columnModel->setData(row, lines(m_trueValues), FileSpecColumnModel::TrueValuesRole);
        m_columnModel->setData(row, lines(m_falseValues), FileSpecColumnModel::FalseValuesRole);
    }
}

void FileSpecsPage::setModified(bool modified)
{
    if (!isEditable())
        return;
    m_modified = modified;
    updateActions();
}

void FileSpecsPage::updateActions()
{
    const bool selected = !m_currentKey.isEmpty();
    const bool builtIn = specByKey(m_currentKey).value(QStringLiteral("builtIn")).toBool();
    const bool editable = isEditable();
    const bool busy = !m_saveJob.isNull();

    m_copyButton->setEnabled(selected && !m_modified && !busy);
    m_copyButton->setToolTip(m_modified
                                 ? tr("Save or revert the changes before you copy.")
                                 : tr("Make the district's own copy to change its mapping."));
    m_deleteButton->setEnabled(editable && !busy);
    m_saveButton->setEnabled(editable && m_modified && !busy);
    m_revertButton->setEnabled(editable && m_modified && !busy);
    m_addColumnButton->setEnabled(editable);
    m_removeColumnButton->setEnabled(editable && m_columnModel->rowCount() > 0);
    // The disabled buttons give the reason in their tooltip.
    const QString readOnly = builtIn ? tr("Built-in specifications cannot be changed or deleted. "
                                          "Copy one to make the district's own.")
                                     : QString();
    for (QPushButton *button :
         {m_deleteButton, m_saveButton, m_addColumnButton, m_removeColumnButton})
        button->setToolTip(readOnly);

    m_key->setReadOnly(!editable);
    m_name->setReadOnly(!editable);
    m_keepOtherColumns->setEnabled(editable);
    m_constantsButton->setEnabled(editable && !busy);
    m_constantsButton->setToolTip(readOnly);
    m_columnModel->setEditable(editable);
}

void FileSpecsPage::copySelected()
{
    const QJsonObject base = specByKey(m_currentKey);
    if (base.isEmpty() || !m_canConfigure || m_modified)
        return;
    QStringList taken;
    for (const QJsonValue &spec : std::as_const(m_specs))
        taken.append(spec[QStringLiteral("key")].toString());
    auto dialog = new CopyFileSpecDialog(m_client, base, taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CopyFileSpecDialog::copied, this, [this](const QJsonObject &spec) {
        const QString key = spec.value(QStringLiteral("key")).toString();
        m_specs.prepend(spec);
        // The copy is listed and selected at once, and the refresh brings the engine's order.
        m_currentKey = key;
        fillList();
        showMessage(tr("Copied to %1. Change its mapping, then save.")
                        .arg(spec.value(QStringLiteral("name")).toString()));
        emit saved(key);
        refresh();
    });
    dialog->open();
}

void FileSpecsPage::save()
{
    const qint64 id = currentId();
    if (!isEditable() || id <= 0 || m_saveJob)
        return;
    m_fieldErrors.clear();
    m_columnModel->clearErrors();
    const QJsonObject body{
        {QStringLiteral("key"), m_key->text().trimmed()},
        {QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("keepOtherColumns"), m_keepOtherColumns->isChecked()},
        {QStringLiteral("constants"), m_constantValues},
        {QStringLiteral("naturalKey"), QJsonArray::fromStringList(m_columnModel->naturalKey())},
        {QStringLiteral("columns"), m_columnModel->columnsJson()},
    };
    m_saveJob = m_client->put(kFileSpecs + QStringLiteral("/%1").arg(id), body);
    updateActions();
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_saveJob.clear();
        updateActions();
        // The page is left only after a successful save.
        const std::function<void()> afterSave = std::exchange(m_afterSave, {});
        if (!result.ok()) {
            if (!result.fieldErrors.isEmpty())
                showFieldErrors(result.fieldErrors);
            showMessage(tr("Cannot save the file specification: %1").arg(result.errorMessage),
                        true);
            return;
        }
        const QJsonObject spec = result.body.object();
        for (qsizetype i = 0; i < m_specs.size(); ++i) {
            if (m_specs.at(i)[QStringLiteral("id")].toInteger()
                == spec[QStringLiteral("id")].toInteger())
                m_specs[i] = spec;
        }
        m_modified = false;
        m_currentKey = spec.value(QStringLiteral("key")).toString();
        fillList();
        showMessage(tr("Saved %1. It applies to files that arrive from now on.")
                        .arg(spec.value(QStringLiteral("name")).toString()));
        emit saved(m_currentKey);
        if (afterSave)
            afterSave();
    });
}

void FileSpecsPage::showFieldErrors(const QJsonObject &fields)
{
    const QStringList unmatched = m_columnModel->setFieldErrors(fields);
    QJsonObject rest;
    QJsonObject columnMessages;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!unmatched.contains(it.key()))
            columnMessages.insert(QStringLiteral("columns"), it.value());
        else if (it.key().startsWith(QLatin1String("naturalKey")))
            rest.insert(QStringLiteral("naturalKey"), it.value());
        else if (it.key().startsWith(QLatin1String("constants.")))
            rest.insert(QStringLiteral("constants"), it.value());
        else
            rest.insert(it.key(), it.value());
    }
    // A message about a cell also shows under the table, where it can be read without a
    // tooltip, and the cell is made current.
    for (auto it = columnMessages.begin(); it != columnMessages.end(); ++it)
        rest.insert(it.key(), it.value());
    QWidget *first = m_fieldErrors.show(rest, this);
    const QModelIndexList cells = m_columnModel->errorIndexes();
    if (!cells.isEmpty()) {
        m_columnView->setCurrentIndex(cells.first());
        m_columnView->scrollTo(cells.first());
        m_columnView->setFocus(Qt::OtherFocusReason);
    } else if (first) {
        first->setFocus(Qt::OtherFocusReason);
    }
}

void FileSpecsPage::deleteSelected()
{
    const qint64 id = currentId();
    if (!isEditable() || id <= 0 || m_saveJob)
        return;
    const QString name = m_name->text();
    const QString key = m_currentKey;
    auto box = new QMessageBox(
        QMessageBox::Question, tr("Delete File Specification?"),
        tr("Delete %1? Files that arrive afterwards are read with the other specifications of "
           "%2.")
            .arg(name, m_product->text()),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteFileSpecBox"));
    auto confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteFileSpecButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, id, key, name] {
        if (box->clickedButton() != confirm)
            return;
        m_saveJob = m_client->deleteResource(kFileSpecs + QStringLiteral("/%1").arg(id));
        updateActions();
        connect(m_saveJob, &ApiJob::finished, this, [this, key, name](const ApiResult &result) {
            m_saveJob.clear();
            updateActions();
            if (!result.ok()) {
                showMessage(tr("Cannot delete %1: %2").arg(name, result.errorMessage), true);
                return;
            }
            for (qsizetype i = 0; i < m_specs.size(); ++i) {
                if (m_specs.at(i)[QStringLiteral("key")].toString() == key) {
                    m_specs.removeAt(i);
                    break;
                }
            }
            m_modified = false;
            m_currentKey.clear();
            fillList();
            showMessage(tr("Deleted %1.").arg(name));
            emit deleted(key);
        });
    });
    box->open();
}

void FileSpecsPage::revert()
{
    if (!m_modified)
        return;
    m_modified = false;
    loadSpec(specByKey(m_currentKey));
    showMessage({});
}

QString FileSpecsPage::message() const
{
    return m_message->text();
}

void FileSpecsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xb0, 0x00, 0x20)
                                                 : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
}

QJsonObject FileSpecsPage::specByKey(const QString &key) const
{
    if (key.isEmpty())
        return {};
    for (const QJsonValue &spec : m_specs) {
        if (spec[QStringLiteral("key")].toString() == key)
            return spec.toObject();
    }
    return {};
}

QString FileSpecsPage::productName(const QString &productKey) const
{
    return m_productNames.value(productKey, productKey);
}

QString FileSpecsPage::naturalKeyText() const
{
    const QStringList key = m_columnModel->naturalKey();
    if (m_currentKey.isEmpty())
        return {};
    if (key.isEmpty())
        return tr("Natural key: none. Tick the columns that together identify a row.");
    //: The columns that together identify a row, in order.
    return tr("Natural key: %1").arg(key.join(QStringLiteral(", ")));
}

QString FileSpecsPage::constantsText() const
{
    const QJsonObject &constants = m_constantValues;
    if (constants.isEmpty())
        return m_currentKey.isEmpty() ? QString() : tr("None");
    QStringList parts;
    for (auto it = constants.begin(); it != constants.end(); ++it)
        //: A store column and the fixed value that every row gets in it.
        parts.append(tr("%1 = %2").arg(it.key(), it.value().toString()));
    return parts.join(QStringLiteral("; "));
}

bool FileSpecsPage::isEditable() const
{
    return m_canConfigure && currentId() > 0;
}

qint64 FileSpecsPage::currentId() const
{
    return specByKey(m_currentKey).value(QStringLiteral("id")).toInteger();
}

} // namespace hubdesk
