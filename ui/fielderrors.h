// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QString>

class QLabel;
class QScrollArea;
class QWidget;

namespace hubdesk {

// The error labels of a form. Each field that the engine may reject has a hidden red label
// under it, registered under the field's key in the engine's 422 response, such as
// "queryTimeoutSeconds", "schedule.startTime" or "destinations[0].destinationId".
class FieldErrors final
{
    Q_DECLARE_TR_FUNCTIONS(hubdesk::FieldErrors)
    Q_DISABLE_COPY_MOVE(FieldErrors)

public:
    FieldErrors() = default;

    // Creates a hidden, word-wrapped error label.
    static QLabel *createLabel(const QString &objectName, QWidget *parent = nullptr);

    // Returns a container with field above its new error label and registers both under key. A
    // trailing widget, such as a unit, sits right beside the field.
    QWidget *wrap(const QString &key, QWidget *field, QWidget *trailing = nullptr);
    // Registers label as the place of key's message. Changing the field, when it is a line
    // edit, combo box, button, spin box, date-time edit or plain text edit, hides the message.
    void add(const QString &key, QWidget *field, QLabel *label);
    void removeKeysStartingWith(const QString &prefix);
    // The label that shows messages whose key has no field, such as "productId".
    void setFallbackLabel(QLabel *label);

    void clear();
    // Hides the messages whose key starts with prefix; the others and the fallback stay.
    void clearKeysStartingWith(const QString &prefix);
    // Shows each message under its field and sets it as the field's accessible description.
    // Returns the invalid field nearest the top of form, or nullptr when none is registered.
    QWidget *show(const QJsonObject &fields, const QWidget *form);
    // Shows the messages as show() does for the form inside scroll, then scrolls to the invalid
    // field nearest the top and gives it the focus.
    void showAndFocus(const QJsonObject &fields, QScrollArea *scroll);
    // The message shown for key, or an empty string.
    QString message(const QString &key) const;

private:
    struct Entry
    {
        QPointer<QWidget> field;
        QPointer<QLabel> label;
    };

    QHash<QString, Entry> m_entries;
    QPointer<QLabel> m_fallback;
};

} // namespace hubdesk
