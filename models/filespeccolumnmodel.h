// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace hubdesk {

// The columns of one file specification as an editable table. Each row is a column of the file.
// Its cells are the name, type, whether it is required, the store column it fills (empty keeps
// it in extensions), the date format, the range, the maximum length of a text value, natural key
// membership and allowed values. The model reads and writes the "columns" and "naturalKey" members
// of GET /api/v1/file-specs. The engine's field errors, such as "columns[3].format", mark the cell
// they name.
class FileSpecColumnModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSpecColumnModel)

public:
    enum Column {
        NameColumn,
        TypeColumn,
        RequiredColumn,
        TargetColumn,
        FormatColumn,
        MinimumColumn,
        MaximumColumn,
        MaxLengthColumn,
        KeyColumn,
        ValuesColumn,
        ColumnCount
    };
    enum Role {
        // The engine's message about the cell, or an empty string.
        ErrorRole = Qt::UserRole + 1,
        // The allowed values of an enum column (QStringList), on any cell of the row.
        ValuesRole,
        // Whether an enum column matches its values in any case (bool), on any cell of the row.
        CaseInsensitiveRole,
        // The values that read as true and as false in a boolean column (QStringList).
        TrueValuesRole,
        FalseValuesRole,
        // The column's JSON as the engine takes it, on any cell of the row, read only.
        ColumnJsonRole
    };

    explicit FileSpecColumnModel(QObject *parent = nullptr);

    // Replaces the rows with the columns and natural key of a specification, and clears the
    // errors.
    void setSpec(const QJsonObject &spec);
    // The "columns" array to send: each column with the members that its type uses.
    QJsonArray columnsJson() const;
    // The names of the natural key's columns, in key order.
    QStringList naturalKey() const { return m_naturalKey; }

    // Whether setData() and the row changes take effect. A built-in specification is read only.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    // The type keys of the engine, such as "date" and "schoolYear", and their translated names.
    static QStringList typeKeys();
    static QString typeName(const QString &typeKey);
    // The text shown for a store column, "Keep in extensions" for an empty one.
    static QString targetText(const QString &target);

    // Inserts a text column named "Column N" that keeps its values in extensions, at row.
    bool insertColumnRow(int row);

    // Marks the cells that the engine's 422 field errors name (columns[N].field and
    // naturalKey[N]). Returns the keys that name no cell, such as "columns" or "key".
    QStringList setFieldErrors(const QJsonObject &fields);
    void clearErrors();
    // The cells that carry an error, in row order.
    QModelIndexList errorIndexes() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

signals:
    // A user's change: an edited cell or an added or removed column.
    void edited();

private:
    struct SpecColumn
    {
        QString name;
        QString type = QStringLiteral("text");
        bool required = false;
        QString target;
        QString format;
        QStringList values;
        bool caseInsensitive = false;
        QStringList trueValues;
        QStringList falseValues;
        std::optional<double> minimum;
        std::optional<double> maximum;
        std::optional<double> maxLength;
    };

    static SpecColumn columnFromJson(const QJsonObject &object);
    static QJsonObject columnToJson(const SpecColumn &column);
    QVariant displayData(const SpecColumn &column, int modelColumn) const;
    QVariant editData(const SpecColumn &column, int modelColumn) const;
    bool setCell(SpecColumn &column, int modelColumn, const QVariant &value, int role);
    bool setKeyMember(int row, bool member);
    bool isCellEditable(const SpecColumn &column, int modelColumn) const;
    QString uniqueNewName() const;

    QList<SpecColumn> m_columns;
    QStringList m_naturalKey;
    bool m_editable = false;
    // (row, model column) -> message
    QHash<QPair<int, int>, QString> m_errors;
};

} // namespace hubdesk
