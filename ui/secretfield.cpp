// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "secretfield.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hubdesk {

namespace {

// PEM keys are a few kilobytes; anything much larger is the wrong file.
constexpr qint64 kMaxSecretFileBytes = 64 * 1024;

} // namespace

SecretField::SecretField(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_storedLabel(new QLabel(tr("Stored")))
    , m_edit(new QLineEdit)
    , m_replace(new QPushButton(tr("Replace")))
{
    setObjectName(objectName + QStringLiteral("Field"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_storedLabel->setObjectName(objectName + QStringLiteral("Stored"));
    m_storedLabel->setAccessibleName(tr("%1 is stored").arg(accessibleName));
    m_storedLabel->setToolTip(tr("The engine keeps this value encrypted and never shows it."));
    m_edit->setObjectName(objectName);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setEchoMode(QLineEdit::Password);
    m_replace->setObjectName(objectName + QStringLiteral("Replace"));

    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The label and the line edit take turns, each taking the spare width.
    layout->addWidget(m_storedLabel, 1);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_replace);

    connect(m_replace, &QPushButton::clicked, this, [this] { setReplacing(!m_replacing); });
    updateWidgets();
}

void SecretField::addLoadFromFileButton(const QString &dialogTitle)
{
    if (m_load)
        return;
    m_dialogTitle = dialogTitle;
    m_load = new QPushButton(tr("Load from File…"));
    m_load->setObjectName(m_edit->objectName() + QStringLiteral("Load"));
    m_load->setAccessibleName(tr("Load %1 from a file").arg(m_edit->accessibleName()));
    m_load->setToolTip(tr("Reads the file on this computer and sends its text to the engine."));
    layout()->addWidget(m_load);
    connect(m_load, &QPushButton::clicked, this, &SecretField::loadFromFile);
    updateWidgets();
}

void SecretField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void SecretField::setStored(bool stored)
{
    m_stored = stored;
    m_replacing = false;
    m_edit->clear();
    updateWidgets();
}

QJsonValue SecretField::value() const
{
    const bool editing = !m_stored || m_replacing;
    if (editing && !m_edit->text().isEmpty())
        return m_edit->text();
    if (m_stored)
        return QJsonObject{{QStringLiteral("stored"), true}};
    return QJsonValue(QJsonValue::Undefined);
}

void SecretField::setReplacing(bool replacing)
{
    m_replacing = replacing;
    m_edit->clear();
    updateWidgets();
    if (m_replacing)
        m_edit->setFocus();
}

void SecretField::loadFromFile()
{
    const QString path = QFileDialog::getOpenFileName(this, m_dialogTitle);
    if (path.isEmpty())
        return;
    QFile file(path);
    if (QFileInfo(path).size() > kMaxSecretFileBytes) {
        emit loadFailed(tr("The file %1 is larger than %2 KiB, so it is not a key file.")
                            .arg(QDir::toNativeSeparators(path))
                            .arg(kMaxSecretFileBytes / 1024));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        emit loadFailed(
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    if (m_stored && !m_replacing)
        setReplacing(true);
    m_edit->setText(QString::fromUtf8(file.readAll()));
}

void SecretField::updateWidgets()
{
    const bool editing = !m_stored || m_replacing;
    m_storedLabel->setVisible(m_stored && !m_replacing);
    m_edit->setVisible(editing);
    m_replace->setVisible(m_stored);
    m_replace->setText(m_replacing ? tr("Keep Stored") : tr("Replace"));
    m_replace->setAccessibleName(m_replacing
                                     ? tr("Keep the stored %1").arg(m_edit->accessibleName())
                                     : tr("Replace %1").arg(m_edit->accessibleName()));
    m_replace->setToolTip(m_replacing ? tr("Keeps the stored value and discards what you entered.")
                                      : tr("Enter a new value in place of the stored one."));
    setFocusProxy(editing ? static_cast<QWidget *>(m_edit) : m_replace);
}

} // namespace hubdesk
