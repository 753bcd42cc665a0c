// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "fielderrors.h"

#include <QHBoxLayout>
#include <QLabel>
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

QWidget *FieldErrors::wrap(const QString &key, QWidget *field)
{
    auto container = new QWidget;
    auto layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // The container spans the form's field column so that the message has room, while a field
    // that does not grow, such as a combo box, keeps its own width.
    if (field->sizePolicy().horizontalPolicy() & QSizePolicy::ExpandFlag) {
        layout->addWidget(field);
    } else {
        auto row = new QHBoxLayout;
        row->addWidget(field);
        row->addStretch();
        layout->addLayout(row);
    }
    container->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    QLabel *label = createLabel(field->objectName() + QStringLiteral("Error"), container);
    layout->addWidget(label);
    add(key, field, label);
    return container;
}

void FieldErrors::add(const QString &key, QWidget *field, QLabel *label)
{
    m_entries.insert(key, Entry{field, label});
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

QString FieldErrors::message(const QString &key) const
{
    const Entry entry = m_entries.value(key);
    return entry.label && !entry.label->isHidden() ? entry.label->text() : QString();
}

} // namespace hubdesk
