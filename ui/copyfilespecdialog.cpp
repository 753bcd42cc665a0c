// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "copyfilespecdialog.h"

#include "engineclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

// The base's key with "-copy", or "-copy-2" and on when that is taken too.
QString suggestedKey(const QString &base, const QStringList &taken)
{
    // A key has at most 63 characters, and the suffix needs up to 8 of them.
    const QString stem = base.left(55) + QStringLiteral("-copy");
    if (!taken.contains(stem))
        return stem;
    for (int number = 2; number <= taken.size() + 2; ++number) {
        const QString key = stem + QStringLiteral("-%1").arg(number);
        if (!taken.contains(key))
            return key;
    }
    return stem;
}

} // namespace

CopyFileSpecDialog::CopyFileSpecDialog(EngineClient *client, const QJsonObject &base,
                                       const QStringList &takenKeys, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_base(base)
    , m_key(new QLineEdit)
    , m_name(new QLineEdit)
    , m_otherErrors(FieldErrors::createLabel(QStringLiteral("copyFileSpecErrors")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("copyFileSpecDialog"));
    const QString baseName = base.value(QStringLiteral("name")).toString();
    setWindowTitle(tr("Copy File Specification"));

    auto intro = new QLabel(
        tr("The copy belongs to the district and starts with the columns and mapping of %1. "
           "Files of its product are read with the district's specifications first.")
            .arg(baseName));
    intro->setWordWrap(true);

    m_key->setObjectName(QStringLiteral("copyKeyEdit"));
    m_key->setAccessibleName(tr("Key of the copy"));
    m_key->setText(suggestedKey(base.value(QStringLiteral("key")).toString(), takenKeys));
    m_key->setMaxLength(63);
    m_key->setToolTip(tr("1 to 63 lower-case letters, digits and hyphens"));
    m_name->setObjectName(QStringLiteral("copyNameEdit"));
    m_name->setAccessibleName(tr("Name of the copy"));
    //: The suggested name of a district's copy of a file specification.
    m_name->setText(tr("%1 (district copy)").arg(baseName));

    auto form = new QFormLayout;
    form->addRow(tr("&Key:"), m_errors.wrap(QStringLiteral("key"), m_key));
    form->addRow(tr("&Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    m_errors.setFallbackLabel(m_otherErrors);

    auto copyButton = m_buttons->addButton(tr("Copy"), QDialogButtonBox::AcceptRole);
    copyButton->setObjectName(QStringLiteral("copyFileSpecConfirmButton"));
    copyButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CopyFileSpecDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_otherErrors);
    layout->addWidget(m_buttons);
    resize(qMax(sizeHint().width(), 480), sizeHint().height());
}

CopyFileSpecDialog::~CopyFileSpecDialog()
{
    if (m_job)
        m_job->abort();
}

void CopyFileSpecDialog::submit()
{
    if (m_job)
        return;
    m_errors.clear();
    const QJsonObject body{{QStringLiteral("basedOn"), m_base.value(QStringLiteral("key"))},
                           {QStringLiteral("key"), m_key->text().trimmed()},
                           {QStringLiteral("name"), m_name->text().trimmed()}};
    m_buttons->setEnabled(false);
    m_job = m_client->post(QStringLiteral("/api/v1/file-specs"), body);
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_job.clear();
        m_buttons->setEnabled(true);
        if (result.ok()) {
            emit copied(result.body.object());
            accept();
            return;
        }
        if (!result.fieldErrors.isEmpty()) {
            if (QWidget *field = m_errors.show(result.fieldErrors, this))
                field->setFocus(Qt::OtherFocusReason);
            return;
        }
        m_otherErrors->setText(
            tr("Cannot copy the file specification: %1").arg(result.errorMessage));
        m_otherErrors->show();
    });
}

} // namespace hubdesk
