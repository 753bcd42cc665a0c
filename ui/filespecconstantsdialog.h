// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QStringList>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hubdesk {

// Edits the constants of a file specification: store columns that every row of the file gets
// with a fixed value, such as subject = ELA. Each row has a combo box of the table's store
// columns and a value. While two rows name one store column or a value is empty, OK shows a
// message and the dialog stays open.
class FileSpecConstantsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSpecConstantsDialog)

public:
    FileSpecConstantsDialog(const QJsonObject &constants, const QStringList &storeColumns,
                            QWidget *parent = nullptr);

    // The constants as the engine takes them: store column to value.
    QJsonObject constants() const;
    QTableWidget *table() const { return m_table; }
    void addConstant();
    void removeSelected();
    void accept() override;

private:
    void addRow(const QString &column, const QString &value);

    QStringList m_storeColumns;
    QTableWidget *m_table;
    QPushButton *m_removeButton;
    QLabel *m_error;
};

} // namespace hubdesk
