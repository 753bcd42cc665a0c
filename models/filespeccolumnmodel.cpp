// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filespeccolumnmodel.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace hubdesk {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

std::optional<double> optionalNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

bool isNumeric(const QString &type)
{
    return type == QLatin1String("integer") || type == QLatin1String("number");
}

// The model column that shows a field of the engine's column JSON.
int modelColumnOfField(const QString &field)
{
    static const QHash<QString, int> columns = {
        {QStringLiteral("name"), FileSpecColumnModel::NameColumn},
        {QStringLiteral("type"), FileSpecColumnModel::TypeColumn},
        {QStringLiteral("required"), FileSpecColumnModel::RequiredColumn},
        {QStringLiteral("target"), FileSpecColumnModel::TargetColumn},
        {QStringLiteral("format"), FileSpecColumnModel::FormatColumn},
        {QStringLiteral("values"), FileSpecColumnModel::ValuesColumn},
        {QStringLiteral("caseInsensitive"), FileSpecColumnModel::ValuesColumn},
        {QStringLiteral("trueValues"), FileSpecColumnModel::ValuesColumn},
        {QStringLiteral("falseValues"), FileSpecColumnModel::ValuesColumn},
        {QStringLiteral("minimum"), FileSpecColumnModel::MinimumColumn},
        {QStringLiteral("maximum"), FileSpecColumnModel::MaximumColumn},
        {QStringLiteral("maxLength"), FileSpecColumnModel::MaxLengthColumn},
    };
    return columns.value(field, -1);
}

} // namespace

FileSpecColumnModel::FileSpecColumnModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FileSpecColumnModel::setSpec(const QJsonObject &spec)
{
    beginResetModel();
    m_columns.clear();
    const QJsonArray columns = spec.value(QStringLiteral("columns")).toArray();
    for (const QJsonValue &column : columns)
        m_columns.append(columnFromJson(column.toObject()));
    m_naturalKey = stringList(spec.value(QStringLiteral("naturalKey")));
    m_errors.clear();
    endResetModel();
}

QJsonArray FileSpecColumnModel::columnsJson() const
{
    QJsonArray array;
    for (const SpecColumn &column : m_columns)
        array.append(columnToJson(column));
    return array;
}

void FileSpecColumnModel::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    // The flags change for every cell; a reset makes views ask for them again.
    beginResetModel();
    m_editable = editable;
    endResetModel();
}

QStringList FileSpecColumnModel::typeKeys()
{
    return {QStringLiteral("text"),      QStringLiteral("integer"), QStringLiteral("number"),
            QStringLiteral("date"),      QStringLiteral("enum"),    QStringLiteral("boolean"),
            QStringLiteral("schoolYear")};
}

QString FileSpecColumnModel::typeName(const QString &typeKey)
{
    if (typeKey == QLatin1String("text"))
        return tr("Text");
    if (typeKey == QLatin1String("integer"))
        return tr("Integer");
    if (typeKey == QLatin1String("number"))
        return tr("Number");
    if (typeKey == QLatin1String("date"))
        return tr("Date");
    if (typeKey == QLatin1String("enum"))
        //: A column type: one of a list of values.
        return tr("Enumeration");
    if (typeKey == QLatin1String("boolean"))
        return tr("Yes or no");
    if (typeKey == QLatin1String("schoolYear"))
        return tr("School year");
    return typeKey;
}

QString FileSpecColumnModel::targetText(const QString &target)
{
    //: A file column without a store column keeps its values in the record's extensions.
    return target.isEmpty() ? tr("Keep in extensions") : target;
}

bool FileSpecColumnModel::insertColumnRow(int row)
{
    return insertRows(row, 1);
}

QStringList FileSpecColumnModel::setFieldErrors(const QJsonObject &fields)
{
    static const QRegularExpression columnPath(QStringLiteral("^columns\\[(\\d+)\\]\\.(\\w+)$"));
    static const QRegularExpression keyPath(QStringLiteral("^naturalKey\\[(\\d+)\\]$"));
    clearErrors();
    QStringList unmatched;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString message = it.value().toString();
        int row = -1;
        int modelColumn = -1;
        if (const auto match = columnPath.match(it.key()); match.hasMatch()) {
            row = match.captured(1).toInt();
            modelColumn = modelColumnOfField(match.captured(2));
        } else if (const auto key = keyPath.match(it.key()); key.hasMatch()) {
            const QString name = m_naturalKey.value(key.captured(1).toInt());
            for (int i = 0; i < m_columns.size() && !name.isEmpty(); ++i) {
                if (m_columns.at(i).name == name)
                    row = i;
            }
            modelColumn = KeyColumn;
        }
        if (row < 0 || row >= m_columns.size() || modelColumn < 0) {
            unmatched.append(it.key());
            continue;
        }
        m_errors.insert({row, modelColumn}, message);
        const QModelIndex cell = index(row, modelColumn);
        emit dataChanged(cell, cell, {ErrorRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
    }
    return unmatched;
}

void FileSpecColumnModel::clearErrors()
{
    const auto errors = m_errors;
    m_errors.clear();
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        const QModelIndex cell = index(it.key().first, it.key().second);
        emit dataChanged(cell, cell, {ErrorRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
    }
}

QModelIndexList FileSpecColumnModel::errorIndexes() const
{
    QModelIndexList cells;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        cells.append(index(it.key().first, it.key().second));
    std::sort(cells.begin(), cells.end());
    return cells;
}

int FileSpecColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

int FileSpecColumnModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileSpecColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SpecColumn &column = m_columns.at(index.row());
    const QString error = m_errors.value({index.row(), index.column()});

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(column, index.column());
    case Qt::EditRole:
        return editData(column, index.column());
    case Qt::CheckStateRole:
        if (index.column() == RequiredColumn)
            return column.required ? Qt::Checked : Qt::Unchecked;
        if (index.column() == KeyColumn)
            return m_naturalKey.contains(column.name) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        if (!error.isEmpty())
            return error;
        if (index.column() == ValuesColumn
            && !displayData(column, ValuesColumn).toString().isEmpty())
            return displayData(column, ValuesColumn);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MinimumColumn || index.column() == MaximumColumn
            || index.column() == MaxLengthColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ErrorRole:
        return error;
    case ValuesRole:
        return column.values;
    case CaseInsensitiveRole:
        return column.caseInsensitive;
    case TrueValuesRole:
        return column.trueValues;
    case FalseValuesRole:
        return column.falseValues;
    case ColumnJsonRole:
        return columnToJson(column);
    }
    return {};
}

bool FileSpecColumnModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    if (role == Qt::CheckStateRole && index.column() == KeyColumn)
        return setKeyMember(row, value.toInt() == Qt::Checked);

    SpecColumn &column = m_columns[row];
    const QString oldName = column.name;
    if (!setCell(column, index.column(), value, role))
        return false;
    if (column.name != oldName) {
        const qsizetype keyIndex = m_naturalKey.indexOf(oldName);
        if (keyIndex >= 0)
            m_naturalKey[keyIndex] = column.name;
    }

    // An edited cell no longer shows the engine's message about its old value.
    const int editedColumn
        = role == Qt::EditRole || role == Qt::CheckStateRole ? index.column() : int(ValuesColumn);
    m_errors.remove({row, editedColumn});
    // A type change shows or hides the format, values and range of the row.
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    emit edited();
    return true;
}

bool FileSpecColumnModel::setCell(SpecColumn &column, int modelColumn, const QVariant &value,
                                  int role)
{
    switch (role) {
    case ValuesRole:
        column.values = value.toStringList();
        return true;
    case CaseInsensitiveRole:
        column.caseInsensitive = value.toBool();
        return true;
    case TrueValuesRole:
        column.trueValues = value.toStringList();
        return true;
    case FalseValuesRole:
        column.falseValues = value.toStringList();
        return true;
    case Qt::CheckStateRole:
        if (modelColumn != RequiredColumn)
            return false;
        column.required = value.toInt() == Qt::Checked;
        return true;
    case Qt::EditRole:
        break;
    default:
        return false;
    }

    if (!isCellEditable(column, modelColumn))
        return false;
    switch (modelColumn) {
    case NameColumn:
        column.name = value.toString().trimmed();
        return true;
    case TypeColumn:
        if (!typeKeys().contains(value.toString()))
            return false;
        column.type = value.toString();
        return true;
    case TargetColumn:
        column.target = value.toString();
        return true;
    case FormatColumn:
        column.format = value.toString();
        return true;
    case MinimumColumn:
    case MaximumColumn: {
        std::optional<double> &bound
            = modelColumn == MinimumColumn ? column.minimum : column.maximum;
        // An empty cell removes the bound.
        if (!value.isValid() || value.toString().trimmed().isEmpty()) {
            bound.reset();
            return true;
        }
        bool ok = false;
        const double number = value.typeId() == QMetaType::Double
                                  ? value.toDouble(&ok)
                                  : QLocale().toDouble(value.toString().trimmed(), &ok);
        if (!ok || !std::isfinite(number))
            return false;
        bound = number;
        return true;
    }
    case MaxLengthColumn: {
        // An empty cell removes the limit. The engine checks the upper bound and names it.
        if (!value.isValid() || value.toString().trimmed().isEmpty()) {
            column.maxLength.reset();
            return true;
        }
        bool ok = false;
        const qlonglong length = value.typeId() == QMetaType::QString
                                     ? QLocale().toLongLong(value.toString().trimmed(), &ok)
                                     : value.toLongLong(&ok);
        if (!ok || length < 1)
            return false;
        column.maxLength = double(length);
        return true;
    }
    default:
        return false;
    }
}

bool FileSpecColumnModel::setKeyMember(int row, bool member)
{
    const QString name = m_columns.at(row).name;
    if (member == m_naturalKey.contains(name))
        return true;
    // A new member goes last, so the key keeps its order.
    if (member)
        m_naturalKey.append(name);
    else
        m_naturalKey.removeAll(name);
    m_errors.remove({row, KeyColumn});
    const QModelIndex cell = index(row, KeyColumn);
    emit dataChanged(cell, cell);
    emit edited();
    return true;
}

Qt::ItemFlags FileSpecColumnModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const SpecColumn &column = m_columns.at(index.row());
    if (index.column() == RequiredColumn || index.column() == KeyColumn) {
        if (m_editable)
            flags |= Qt::ItemIsUserCheckable;
        return flags;
    }
    if (m_editable && isCellEditable(column, index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant FileSpecColumnModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("File Column");
        case TypeColumn:
            return tr("Type");
        case RequiredColumn:
            return tr("Required");
        case TargetColumn:
            return tr("Store Column");
        case FormatColumn:
            return tr("Date Format");
        case ValuesColumn:
            return tr("Allowed Values");
        case MinimumColumn:
            return tr("Minimum");
        case MaximumColumn:
            return tr("Maximum");
        case MaxLengthColumn:
            return tr("Max Length");
        case KeyColumn:
            return tr("Natural Key");
        }
        return {};
    }
    if (role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole) {
        switch (section) {
        case NameColumn:
            return tr("The column's header in the file");
        case TypeColumn:
            return tr("How the engine reads and checks the column's values");
        case RequiredColumn:
            return tr("Whether every row must have a value");
        case TargetColumn:
            return tr("The store column that the value goes to");
        case FormatColumn:
            return tr("The order of day, month and year in the column's dates");
        case ValuesColumn:
            return tr("The values an enumeration or yes-or-no column accepts");
        case MinimumColumn:
            return tr("The smallest number the column accepts");
        case MaximumColumn:
            return tr("The largest number the column accepts");
        case MaxLengthColumn:
            return tr("The maximum number of characters of a text value");
        case KeyColumn:
            return tr("The columns that together identify a row of the file");
        }
    }
    return {};
}

bool FileSpecColumnModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (!m_editable || parent.isValid() || row < 0 || row > m_columns.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        SpecColumn column;
        column.name = uniqueNewName();
        m_columns.insert(row + i, column);
    }
    // The errors name rows by their old position.
    m_errors.clear();
    endInsertRows();
    emit edited();
    return true;
}

bool FileSpecColumnModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (!m_editable || parent.isValid() || row < 0 || count < 1 || row + count > m_columns.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_naturalKey.removeAll(m_columns.takeAt(row).name);
    m_errors.clear();
    endRemoveRows();
    emit edited();
    return true;
}

FileSpecColumnModel::SpecColumn FileSpecColumnModel::columnFromJson(const QJsonObject &object)
{
    SpecColumn column;
    column.name = object.value(QStringLiteral("name")).toString();
    column.type = object.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    column.required = object.value(QStringLiteral("required")).toBool();
    column.target = object.value(QStringLiteral("target")).toString();
    column.format = object.value(QStringLiteral("format")).toString();
    column.values = stringList(object.value(QStringLiteral("values")));
    column.caseInsensitive = object.value(QStringLiteral("caseInsensitive")).toBool();
    column.trueValues = stringList(object.value(QStringLiteral("trueValues")));
    column.falseValues = stringList(object.value(QStringLiteral("falseValues")));
    column.minimum = optionalNumber(object.value(QStringLiteral("minimum")));
    column.maximum = optionalNumber(object.value(QStringLiteral("maximum")));
    column.maxLength = optionalNumber(object.value(QStringLiteral("maxLength")));
    return column;
}

QJsonObject FileSpecColumnModel::columnToJson(const SpecColumn &column)
{
    // A member that the type does not use stays in the model, so that changing the type back
    // restores it, but is not sent: the engine rejects a range on a text column.
    QJsonObject object{{QStringLiteral("name"), column.name},
                       {QStringLiteral("type"), column.type}};
    if (column.required)
        object.insert(QStringLiteral("required"), true);
    if (!column.target.isEmpty())
        object.insert(QStringLiteral("target"), column.target);
    if (column.type == QLatin1String("date") && !column.format.isEmpty())
        object.insert(QStringLiteral("format"), column.format);
    if (column.type == QLatin1String("enum")) {
        object.insert(QStringLiteral("values"), QJsonArray::fromStringList(column.values));
        if (column.caseInsensitive)
            object.insert(QStringLiteral("caseInsensitive"), true);
    }
    if (column.type == QLatin1String("boolean")) {
        object.insert(QStringLiteral("trueValues"), QJsonArray::fromStringList(column.trueValues));
        object.insert(QStringLiteral("falseValues"),
                      QJsonArray::fromStringList(column.falseValues));
    }
    if (isNumeric(column.type)) {
        if (column.minimum)
            object.insert(QStringLiteral("minimum"), *column.minimum);
        if (column.maximum)
            object.insert(QStringLiteral("maximum"), *column.maximum);
    }
    if (column.type == QLatin1String("text") && column.maxLength)
        object.insert(QStringLiteral("maxLength"), *column.maxLength);
    return object;
}

QVariant FileSpecColumnModel::displayData(const SpecColumn &column, int modelColumn) const
{
    const QLocale locale;
    switch (modelColumn) {
    case NameColumn:
        return column.name;
    case TypeColumn:
        return typeName(column.type);
    case TargetColumn:
        return targetText(column.target);
    case FormatColumn:
        return column.type == QLatin1String("date") ? column.format : QString();
    case ValuesColumn:
        if (column.type == QLatin1String("enum")) {
            const QString values = column.values.join(QStringLiteral("; "));
            //: The allowed values of an enumeration that matches them in any letter case.
            return column.caseInsensitive ? tr("%1 (any case)").arg(values) : values;
        }
        if (column.type == QLatin1String("boolean"))
            //: The values that read as yes and as no, such as "Yes; Y" and "No; N".
            return tr("yes: %1 · no: %2")
                .arg(column.trueValues.join(QStringLiteral("; ")),
                     column.falseValues.join(QStringLiteral("; ")));
        return QString();
    case MinimumColumn:
        return isNumeric(column.type) && column.minimum ? locale.toString(*column.minimum)
                                                        : QString();
    case MaximumColumn:
        return isNumeric(column.type) && column.maximum ? locale.toString(*column.maximum)
                                                        : QString();
    case MaxLengthColumn:
        return column.type == QLatin1String("text") && column.maxLength
                   ? locale.toString(qlonglong(*column.maxLength))
                   : QString();
    }
    return QString();
}

QVariant FileSpecColumnModel::editData(const SpecColumn &column, int modelColumn) const
{
    switch (modelColumn) {
    case NameColumn:
        return column.name;
    case TypeColumn:
        return column.type;
    case TargetColumn:
        return column.target;
    case FormatColumn:
        return column.format;
    case MinimumColumn:
        return column.minimum ? QVariant(*column.minimum) : QVariant();
    case MaximumColumn:
        return column.maximum ? QVariant(*column.maximum) : QVariant();
    case MaxLengthColumn:
        return column.maxLength ? QVariant(qlonglong(*column.maxLength)) : QVariant();
    }
    return displayData(column, modelColumn);
}

bool FileSpecColumnModel::isCellEditable(const SpecColumn &column, int modelColumn) const
{
    switch (modelColumn) {
    case NameColumn:
    case TypeColumn:
    case TargetColumn:
        return true;
    case FormatColumn:
        return column.type == QLatin1String("date");
    case MinimumColumn:
    case MaximumColumn:
        return isNumeric(column.type);
    case MaxLengthColumn:
        return column.type == QLatin1String("text");
    }
    // Allowed values are lists, which the page edits through ValuesRole and its neighbours.
    return false;
}

QString FileSpecColumnModel::uniqueNewName() const
{
    // Of size + 1 numbers, the size columns can take at most size, so one is free.
    const int first = int(m_columns.size()) + 1;
    for (int number = first; number <= 2 * first; ++number) {
        const QString name = tr("Column %1").arg(number);
        const bool taken
            = std::any_of(m_columns.cbegin(), m_columns.cend(), [&name](const SpecColumn &column) {
                  return column.name.compare(name, Qt::CaseInsensitive) == 0;
              });
        if (!taken)
            return name;
    }
    return tr("Column %1").arg(first);
}

} // namespace hubdesk
