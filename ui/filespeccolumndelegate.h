// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace hubdesk {

// The editors of a file specification's column table (FileSpecColumnModel). The file column's
// name gets a line edit and the range a number field, where an empty field means no limit.
// The type, the store column and the date format get combo boxes: the store column offers the
// table's columns and "Keep in extensions", the date format the formats the engine accepts. A
// cell that the engine rejected (FileSpecColumnModel::ErrorRole) is painted light red with a
// dark red frame.
class FileSpecColumnDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSpecColumnDelegate)

public:
    explicit FileSpecColumnDelegate(QObject *parent = nullptr);

    void setStoreColumns(const QStringList &columns) { m_storeColumns = columns; }
    void setDateFormats(const QStringList &formats) { m_dateFormats = formats; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    // Makes a Date Format combo box at least as wide as its longest choice, so that it shows
    // the whole format and example. While open, it covers the next cells.
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QStringList m_storeColumns;
    QStringList m_dateFormats;
};

} // namespace hubdesk
