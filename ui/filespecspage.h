// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace hubdesk {

class ApiJob;
class EngineClient;
class FileSpecColumnDelegate;
class FileSpecColumnModel;

// File Specifications: how the engine reads assessment and attendance files. It lists the
// built-in specifications and the district's own, and shows one's columns (type, required,
// store column, date format, range, allowed values), natural key and constants. Copy makes the
// district's own specification from any one. A district's specification can be edited, saved
// and deleted, and the engine's field errors show at the cell or field they name. Built-in
// specifications are read only, and without the Configure role the page only reads.
//
// The catalog's products open the page, because a specification belongs to a product rather
// than to one integration. For a file that arrives on any integration of the product, the
// engine tries the district's specifications of that product before the built-in ones, and
// reads the file with the first one whose required columns it has.
class FileSpecsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSpecsPage)

public:
    explicit FileSpecsPage(EngineClient *client, QWidget *parent = nullptr);
    ~FileSpecsPage() override;

    // Loads the specifications and the catalog's product names, then emits refreshed().
    void refresh();
    // Removes the specifications, any unsaved change and the message, as on signing out.
    void clear();
    // Lists only the specifications of a product, such as "attendance", or all for an empty key,
    // and selects the first of them unless the selected one is listed.
    void showProduct(const QString &productKey);
    // The products that have at least one specification, from the last refresh.
    QStringList productKeys() const;
    // Sets the text of Back, such as "Back to Product Catalog". An empty text hides it.
    void setBackText(const QString &text);
    // Shows Copy, Save, Delete and the editors for a role that may change configuration.
    void setCanConfigure(bool canConfigure);

    // Selects the specification with key in the list. Returns false when none is listed, or
    // when unsaved changes keep the current one selected until the user decides.
    bool selectSpec(const QString &key);
    QString selectedKey() const { return m_currentKey; }
    // Opens the Copy dialog for the selected specification.
    void copySelected();
    void save();
    // Asks before deleting the selected district specification.
    void deleteSelected();
    // Opens the Constants dialog of the selected specification.
    void openConstants();
    // Reverts the selected specification to its saved version.
    void revert();
    bool isModified() const { return m_modified; }
    // Calls leave at once when nothing is unsaved. Otherwise shows a question with Save,
    // Discard and Cancel and calls leave once the changes are saved or discarded. Cancel or a
    // failed save keeps the page open.
    void confirmLeave(const std::function<void()> &leave);

    QTreeWidget *list() const { return m_list; }
    QTableView *columnView() const { return m_columnView; }
    FileSpecColumnModel *columnModel() const { return m_columnModel; }
    QString message() const;
    // The message under a field, such as "key", "columns" or "naturalKey", or an empty string.
    QString fieldError(const QString &key) const { return m_fieldErrors.message(key); }

signals:
    void refreshed();
    void backRequested();
    // The engine stored a change or a new copy.
    void saved(const QString &key);
    void deleted(const QString &key);

private:
    QWidget *buildList();
    QWidget *buildEditor();
    QWidget *buildValuesBox();
    void fillList();
    void applyFilter();
    // Selects the first listed specification when the selected one is filtered out or none is.
    void selectFirstShown();
    void onCurrentItemChanged(QTreeWidgetItem *current, QTreeWidgetItem *previous);
    void askToDiscard(const QString &nextKey);
    void loadSpec(const QJsonObject &spec);
    void loadStoreChoices(const QString &table);
    void updateValuesEditor();
    void storeValues();
    void setModified(bool modified);
    void updateActions();
    void showFieldErrors(const QJsonObject &fields);
    void showMessage(const QString &text, bool error = false);
    QJsonObject specByKey(const QString &key) const;
    QString productName(const QString &productKey) const;
    QString naturalKeyText() const;
    QString constantsText() const;
    QStringList storeColumns(const QString &table) const;
    bool isEditable() const;
    qint64 currentId() const;

    EngineClient *m_client;
    QPushButton *m_backButton;
    QComboBox *m_productFilter;
    QTreeWidget *m_list;
    QPushButton *m_copyButton;
    QPushButton *m_deleteButton;
    QLineEdit *m_key;
    QLineEdit *m_name;
    QLabel *m_product;
    QLabel *m_table;
    QLabel *m_basedOn;
    QCheckBox *m_keepOtherColumns;
    QLabel *m_constants;
    QPushButton *m_constantsButton;
    FileSpecColumnModel *m_columnModel;
    FileSpecColumnDelegate *m_delegate;
    QTableView *m_columnView;
    QPushButton *m_addColumnButton;
    QPushButton *m_removeColumnButton;
    QLabel *m_naturalKey;
    QGroupBox *m_valuesBox;
    QStackedWidget *m_valuesStack;
    QPlainTextEdit *m_enumValues;
    QCheckBox *m_caseInsensitive;
    QPlainTextEdit *m_trueValues;
    QPlainTextEdit *m_falseValues;
    QLabel *m_noValues;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QLabel *m_message;
    FieldErrors m_fieldErrors;

    // The constants that Save sends, with the user's changes.
    QJsonObject m_constantValues;
    QJsonArray m_specs;
    QJsonArray m_storeTables;
    QStringList m_dateFormats;
    // Product key -> the catalog's product name.
    QHash<QString, QString> m_productNames;
    QString m_filterProduct;
    QString m_currentKey;
    // The row of the column whose allowed values the values box shows, or -1.
    int m_valuesRow = -1;
    bool m_modified = false;
    bool m_canConfigure = true;
    QPointer<ApiJob> m_fetchJob;
    QPointer<ApiJob> m_productsJob;
    QPointer<ApiJob> m_saveJob;
    // What to do after the running save succeeds, as chosen when leaving the page.
    std::function<void()> m_afterSave;
};

} // namespace hubdesk
