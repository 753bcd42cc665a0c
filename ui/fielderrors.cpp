// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "fielderrors.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWidget>

#include <limits>

namespace hubdesk {

namespace {

// The control that a screen reader announces for field: its focus proxy when it is a row of
// several controls.
QWidget *describedWidget(QWidget *field)
{
    return field->focusProxy() ? field->focusProxy() : field;
}

// Connects the signal that field emits when its value changes to clear. Returns false for a
// kind of field that has no such signal.
template<typename Slot>
bool connectValueChanged(QWidget *field, QLabel *context, Slot clear)
{
    if (auto edit = qobject_cast<QLineEdit *>(field))
        QObject::connect(edit, &QLineEdit::textChanged, context, clear);
    else if (auto combo = qobject_cast<QComboBox *>(field))
        QObject::connect(combo, &QComboBox::currentIndexChanged, context, clear);
    else if (auto button = qobject_cast<QAbstractButton *>(field))
        QObject::connect(button, &QAbstractButton::toggled, context, clear);
    else if (auto spin = qobject_cast<QSpinBox *>(field))
        QObject::connect(spin, &QSpinBox::valueChanged, context, clear);
    else if (auto spin = qobject_cast<QDoubleSpinBox *>(field))
        QObject::connect(spin, &QDoubleSpinBox::valueChanged, context, clear);
    else if (auto dateTime = qobject_cast<QDateTimeEdit *>(field))
        QObject::connect(dateTime, &QDateTimeEdit::dateTimeChanged, context, clear);
    else if (auto text = qobject_cast<QPlainTextEdit *>(field))
        QObject::connect(text, &QPlainTextEdit::textChanged, context, clear);
    else
        return false;
    return true;
}

} // namespace

QLabel *FieldErrors::createLabel(const QString &objectName, QWidget *parent)
{
    auto label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(tr("Error"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    // A dark red with a contrast of about 6:1 on the light grey window colour (#efefef).
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    label->hide();
    return label;
}

QWidget *FieldErrors::wrap(const QString &key, QWidget *field, QWidget *trailing)
{
    auto container = new QWidget;
    auto layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // The container spans the form's field column so that the message has room, while a field
    // that does not grow, such as a combo box, keeps its own width.
    const bool expands = field->sizePolicy().horizontalPolicy() & QSizePolicy::ExpandFlag;
    if (expands && !trailing) {
        layout->addWidget(field);
    } else {
        auto row = new QHBoxLayout;
        row->addWidget(field, expands ? 1 : 0);
        if (trailing)
            row->addWidget(trailing);
        if (!expands)
            row->addStretch();
        layout->addLayout(row);
    }
    container->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    QLabel *label = createLabel(field->objectName() + QStringLiteral("Error"), container);
    layout->addWidget(label);
    add(key, field, label);
    // A form label's buddy is the container, so that its mnemonic focuses the field.
    container->setFocusProxy(field);
    return container;
}

void FieldErrors::add(const QString &key, QWidget *field, QLabel *label)
{
    m_entries.insert(key, Entry{field, label});

    // Changing the field clears its own message. A row that is registered again under a new key
    // keeps its one connection, which the property records.
    const char *const watched = "hubdeskErrorLabel";
    if (!field || !label || field->property(watched).value<QLabel *>() == label)
        return;
    QPointer<QWidget> guardedField = field;
    const bool connected = connectValueChanged(field, label, [label, guardedField] {
        if (label->isHidden())
            return;
        label->clear();
        label->hide();
        if (guardedField)
            describedWidget(guardedField)->setAccessibleDescription({});
    });
    if (connected)
        field->setProperty(watched, QVariant::fromValue(label));
}

void FieldErrors::removeKeysStartingWith(const QString &prefix)
{
    m_entries.removeIf([&prefix](QHash<QString, Entry>::iterator entry) {
        return entry.key().startsWith(prefix);
    });
}

void FieldErrors::setFallbackLabel(QLabel *label)
{
    m_fallback = label;
}

void FieldErrors::clear()
{
    clearKeysStartingWith({});
    if (m_fallback) {
        m_fallback->clear();
        m_fallback->hide();
    }
}

void FieldErrors::clearKeysStartingWith(const QString &prefix)
{
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        if (it->label) {
            it->label->clear();
            it->label->hide();
        }
        if (it->field)
            describedWidget(it->field)->setAccessibleDescription({});
    }
}

QWidget *FieldErrors::show(const QJsonObject &fields, const QWidget *form)
{
    QWidget *first = nullptr;
    int firstTop = std::numeric_limits<int>::max();
    QStringList unmatched;

    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString message = it.value().toString();
        const Entry entry = m_entries.value(it.key());
        if (!entry.label || !entry.field) {
            unmatched.append(message);
            continue;
        }
        entry.label->setText(message);
        entry.label->show();
        describedWidget(entry.field)->setAccessibleDescription(message);

        const int top = form ? entry.field->mapTo(form, QPoint(0, 0)).y() : 0;
        if (top < firstTop) {
            first = entry.field;
            firstTop = top;
        }
    }

    if (m_fallback && !unmatched.isEmpty()) {
        m_fallback->setText(unmatched.join(QLatin1Char('\n')));
        m_fallback->show();
    }
    return first;
}

void FieldErrors::showAndFocus(const QJsonObject &fields, QScrollArea *scroll)
{
    QWidget *first = show(fields, scroll->widget());
    if (!first)
        return;
    scroll->ensureWidgetVisible(first);
    first->setFocus(Qt::OtherFocusReason);
}

QString FieldErrors::message(const QString &key) const
{
    const Entry entry = m_entries.value(key);
    return entry.label && !entry.label->isHidden() ? entry.label->text() : QString();
}

} // namespace hubdesk
