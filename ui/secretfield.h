// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonValue>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hubdesk {

// An editor for one secret setting of a destination, such as a password or a private key. The
// engine never returns a secret, only {"stored": true}, so a stored secret shows as "Stored"
// with a Replace button that reveals an empty password-mode line edit. The secret is never
// shown, and it stays only in the line edit until the dialog sends it.
class SecretField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretField)

public:
    // objectName names the line edit; the Replace and Load from File buttons get objectName
    // with "Replace" and "Load" appended.
    SecretField(const QString &objectName, const QString &accessibleName,
                QWidget *parent = nullptr);

    // Adds a Load from File button that reads a text file, such as a PEM key, into the field.
    void addLoadFromFileButton(const QString &dialogTitle);
    void setPlaceholderText(const QString &text);

    // Shows "Stored" and Replace when stored is true, an empty line edit otherwise.
    void setStored(bool stored);
    bool isStored() const { return m_stored; }
    bool isReplacing() const { return m_replacing; }

    // The value to send: a new value as a string, {"stored": true} to keep the stored one
    // (also when Replace was pressed and nothing entered), or undefined to leave it out.
    // It is never an empty string, because the engine treats "" as removing the secret.
    QJsonValue value() const;

    QLineEdit *lineEdit() const { return m_edit; }
    QPushButton *replaceButton() const { return m_replace; }

signals:
    // A file chosen with Load from File could not be read. The message names the file and the
    // reason.
    void loadFailed(const QString &message);

private:
    void setReplacing(bool replacing);
    void loadFromFile();
    void updateWidgets();

    QLabel *m_storedLabel;
    QLineEdit *m_edit;
    QPushButton *m_replace;
    QPushButton *m_load = nullptr;
    QString m_dialogTitle;
    bool m_stored = false;
    bool m_replacing = false;
};

} // namespace hubdesk
