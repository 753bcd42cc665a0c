// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filespeccolumndelegate.h"

#include "filespeccolumnmodel.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QIntValidator>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>

namespace hubdesk {

namespace {

// A number in the user's locale, or nothing for no limit. Exponents such as 1e3 are allowed so
// that the editor keeps what is typed: in standard notation the validator drops the "e" and
// 1e400 becomes 1400. A number beyond the range of a double (1e400) is only Intermediate, so
// Enter does not commit it and leaving the cell keeps the old bound.
class OptionalNumberValidator final : public QDoubleValidator
{
public:
    explicit OptionalNumberValidator(QObject *parent)
        : QDoubleValidator(parent)
    {
        setNotation(QDoubleValidator::ScientificNotation);
    }

    State validate(QString &input, int &position) const override
    {
        if (input.trimmed().isEmpty())
            return Acceptable;
        return QDoubleValidator::validate(input, position);
    }
};

// The user's locale without group separators, for a maximum length: otherwise the validator's
// fixup turns a rejected 20000 into "20,000", which no further key makes a valid length.
QLocale lengthLocale()
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::RejectGroupSeparator);
    return locale;
}

// A whole number of characters from 1 to 10,000, the engine's range for maxLength, or nothing
// for the default limit.
class OptionalLengthValidator final : public QIntValidator
{
public:
    explicit OptionalLengthValidator(QObject *parent)
        : QIntValidator(1, 10000, parent)
    {
        setLocale(lengthLocale());
    }

    State validate(QString &input, int &position) const override
    {
        if (input.trimmed().isEmpty())
            return Acceptable;
        return QIntValidator::validate(input, position);
    }
};

} // namespace

FileSpecColumnDelegate::FileSpecColumnDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QWidget *FileSpecColumnDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    switch (index.column()) {
    case FileSpecColumnModel::TypeColumn: {
        auto combo = new QComboBox(parent);
        combo->setAccessibleName(tr("Type"));
        for (const QString &key : FileSpecColumnModel::typeKeys())
            combo->addItem(FileSpecColumnModel::typeName(key), key);
        return combo;
    }
    case FileSpecColumnModel::TargetColumn: {
        auto combo = new QComboBox(parent);
        combo->setAccessibleName(tr("Store column"));
        combo->addItem(FileSpecColumnModel::targetText({}), QString());
        for (const QString &column : m_storeColumns)
            combo->addItem(column, column);
        return combo;
    }
    case FileSpecColumnModel::FormatColumn: {
        auto combo = new QComboBox(parent);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setAccessibleName(tr("Date format"));
        for (const QString &format : m_dateFormats) {
            //: A date format and an example date in it, such as "d/M/yyyy (25/1/2026)".
            combo->addItem(tr("%1 (%2)").arg(format, QDate(2026, 1, 25).toString(format)), format);
        }
        return combo;
    }
    case FileSpecColumnModel::MinimumColumn:
    case FileSpecColumnModel::MaximumColumn: {
        auto edit = new QLineEdit(parent);
        edit->setAccessibleName(
            index.column() == FileSpecColumnModel::MinimumColumn ? tr("Minimum") : tr("Maximum"));
        edit->setPlaceholderText(tr("No limit"));
        edit->setValidator(new OptionalNumberValidator(edit));
        return edit;
    }
    case FileSpecColumnModel::MaxLengthColumn: {
        auto edit = new QLineEdit(parent);
        edit->setAccessibleName(tr("Maximum length"));
        //: The placeholder of an empty maximum length: the engine's default limit applies.
        edit->setPlaceholderText(tr("Default limit"));
        edit->setValidator(new OptionalLengthValidator(edit));
        return edit;
    }
    default:
        break;
    }
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    editor->setAccessibleName(tr("File column"));
    return editor;
}

void FileSpecColumnDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto combo = qobject_cast<QComboBox *>(editor)) {
        // A date column without a format shows no choice until the user makes one.
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toString()));
        return;
    }
    if (index.column() == FileSpecColumnModel::MinimumColumn
        || index.column() == FileSpecColumnModel::MaximumColumn) {
        const QVariant bound = index.data(Qt::EditRole);
        static_cast<QLineEdit *>(editor)->setText(
            bound.isValid()
                ? QLocale().toString(bound.toDouble(), 'g', QLocale::FloatingPointShortest)
                : QString());
        return;
    }
    if (index.column() == FileSpecColumnModel::MaxLengthColumn) {
        const QVariant length = index.data(Qt::EditRole);
        static_cast<QLineEdit *>(editor)->setText(
            length.isValid() ? lengthLocale().toString(length.toLongLong()) : QString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void FileSpecColumnDelegate::updateEditorGeometry(QWidget *editor,
                                                  const QStyleOptionViewItem &option,
                                                  const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    if (index.column() != FileSpecColumnModel::FormatColumn)
        return;
    auto combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return;
    // Grow toward the next columns, or toward the previous ones in a right-to-left layout.
    QRect rect = editor->geometry();
    const int width = qMax(rect.width(), combo->sizeHint().width());
    if (option.direction == Qt::RightToLeft)
        rect.setLeft(rect.right() + 1 - width);
    else
        rect.setWidth(width);
    editor->setGeometry(rect);
}

void FileSpecColumnDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                          const QModelIndex &index) const
{
    if (auto combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentIndex() >= 0)
            model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    if (index.column() == FileSpecColumnModel::MinimumColumn
        || index.column() == FileSpecColumnModel::MaximumColumn
        || index.column() == FileSpecColumnModel::MaxLengthColumn) {
        model->setData(index, static_cast<QLineEdit *>(editor)->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void FileSpecColumnDelegate::initStyleOption(QStyleOptionViewItem *option,
                                             const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(FileSpecColumnModel::ErrorRole).toString().isEmpty())
        return;
    option->backgroundBrush = QColor(0xff, 0xd7, 0xd7);
    option->palette.setColor(QPalette::Text, Qt::black);
}

void FileSpecColumnDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (index.data(FileSpecColumnModel::ErrorRole).toString().isEmpty())
        return;
    // A frame as well as the background, so that a selected cell still shows its error.
    painter->save();
    painter->setPen(QPen(QColor(0xb0, 0x00, 0x20), 2));
    painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    painter->restore();
}

} // namespace hubdesk
