// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filespecconstantsdialog.h"

#include "fielderrors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

enum ConstantColumn { StoreColumnCell, ValueCell };

} // namespace

FileSpecConstantsDialog::FileSpecConstantsDialog(const QJsonObject &constants,
                                                 const QStringList &storeColumns, QWidget *parent)
    : QDialog(parent)
    , m_storeColumns(storeColumns)
    , m_table(new QTableWidget(0, 2))
    , m_removeButton(new QPushButton(tr("Remove Constant")))
    , m_error(FieldErrors::createLabel(QStringLiteral("constantsDialogError")))
{
    setObjectName(QStringLiteral("fileSpecConstantsDialog"));
    setWindowTitle(tr("Constants"));

    auto intro = new QLabel(tr("Every row of the file gets these values in these store columns. "
                               "A store column that a file column fills cannot have a constant "
                               "too."));
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("constantsTable"));
    m_table->setAccessibleName(tr("Constants"));
    m_table->setHorizontalHeaderLabels({tr("Store Column"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(StoreColumnCell,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    for (auto it = constants.begin(); it != constants.end(); ++it)
        addRow(it.key(), it.value().toString());
    m_removeButton->setEnabled(m_table->rowCount() > 0);

    auto add = new QPushButton(tr("Add Constant"));
    add->setObjectName(QStringLiteral("addConstantButton"));
    m_removeButton->setObjectName(QStringLiteral("removeConstantButton"));
    connect(add, &QPushButton::clicked, this, &FileSpecConstantsDialog::addConstant);
    connect(m_removeButton, &QPushButton::clicked, this, &FileSpecConstantsDialog::removeSelected);
    auto rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(m_removeButton);
    rowButtons->addStretch(1);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &FileSpecConstantsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 320);
}

QJsonObject FileSpecConstantsDialog::constants() const
{
    QJsonObject constants;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto column = static_cast<QComboBox *>(m_table->cellWidget(row, StoreColumnCell));
        const auto value = static_cast<QLineEdit *>(m_table->cellWidget(row, ValueCell));
        constants.insert(column->currentText(), value->text().trimmed());
    }
    return constants;
}

void FileSpecConstantsDialog::addConstant()
{
    // The first store column without a constant, so a new row names no column twice.
    const QJsonObject used = constants();
    QString free = m_storeColumns.value(0);
    for (const QString &column : std::as_const(m_storeColumns)) {
        if (!used.contains(column)) {
            free = column;
            break;
        }
    }
    addRow(free, {});
    m_table->setCurrentCell(m_table->rowCount() - 1, ValueCell);
    m_table->cellWidget(m_table->rowCount() - 1, ValueCell)->setFocus(Qt::OtherFocusReason);
}

void FileSpecConstantsDialog::removeSelected()
{
    const int row = m_table->currentRow();
    if (row >= 0)
        m_table->removeRow(row);
    m_removeButton->setEnabled(m_table->rowCount() > 0);
}

void FileSpecConstantsDialog::accept()
{
    QStringList seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString column
            = static_cast<QComboBox *>(m_table->cellWidget(row, StoreColumnCell))->currentText();
        const QString value
            = static_cast<QLineEdit *>(m_table->cellWidget(row, ValueCell))->text().trimmed();
        QString problem;
        if (seen.contains(column))
            problem = tr("%1 has two constants. Remove one of them.").arg(column);
        else if (value.isEmpty())
            problem = tr("The constant for %1 has no value. Enter one, or remove the constant.")
                          .arg(column);
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            m_error->show();
            m_table->setCurrentCell(row, ValueCell);
            return;
        }
        seen.append(column);
    }
    QDialog::accept();
}

void FileSpecConstantsDialog::addRow(const QString &column, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto combo = new QComboBox;
    combo->setAccessibleName(tr("Store column of constant %1").arg(row + 1));
    combo->addItems(m_storeColumns);
    // A column that the table no longer has stays visible, and the engine names it.
    if (!m_storeColumns.contains(column))
        combo->addItem(column);
    combo->setCurrentText(column);
    auto edit = new QLineEdit(value);
    edit->setAccessibleName(tr("Value of constant %1").arg(row + 1));
    edit->setFrame(false);
    m_table->setCellWidget(row, StoreColumnCell, combo);
    m_table->setCellWidget(row, ValueCell, edit);
    m_removeButton->setEnabled(true);
}

} // namespace hubdesk
