// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "newdestinationdialog.h"

#include "engineclient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubdesk {

NewDestinationDialog::NewDestinationDialog(EngineClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_name(new QLineEdit)
    , m_kind(new QComboBox)
    , m_path(new QLineEdit)
    , m_browse(new QPushButton(tr("Browse…")))
    , m_saveButton(nullptr)
    , m_generalError(FieldErrors::createLabel(QStringLiteral("newDestinationError")))
{
    setObjectName(QStringLiteral("newDestinationDialog"));
    setWindowTitle(tr("New Destination"));

    m_name->setObjectName(QStringLiteral("destinationNameEdit"));
    m_name->setAccessibleName(tr("Destination name"));
    m_kind->setObjectName(QStringLiteral("destinationKindCombo"));
    m_kind->setAccessibleName(tr("Destination kind"));
    m_kind->addItem(tr("Folder"), QStringLiteral("folder"));
    m_path->setObjectName(QStringLiteral("destinationPathEdit"));
    m_path->setAccessibleName(tr("Folder path"));
    m_path->setPlaceholderText(tr("An absolute path on the engine's computer"));
    m_browse->setObjectName(QStringLiteral("browseFolderButton"));
    m_browse->setAccessibleName(tr("Browse for the folder"));

    auto pathRow = new QWidget;
    auto pathLayout = new QHBoxLayout(pathRow);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    pathLayout->addWidget(m_path, 1);
    pathLayout->addWidget(m_browse);
    pathRow->setFocusProxy(m_path);

    auto form = new QFormLayout;
    form->addRow(tr("Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("Kind:"), m_errors.wrap(QStringLiteral("kind"), m_kind));
    form->addRow(tr("Folder path:"), m_errors.wrap(QStringLiteral("settings.path"), pathRow));
    m_errors.setFallbackLabel(m_generalError);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveDestinationButton"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("cancelDestinationButton"));

    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_generalError);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(m_browse, &QPushButton::clicked, this, &NewDestinationDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewDestinationDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

NewDestinationDialog::~NewDestinationDialog()
{
    if (m_job)
        m_job->abort();
}

void NewDestinationDialog::reset()
{
    m_errors.clear();
    m_name->clear();
    m_kind->setCurrentIndex(0);
    m_path->clear();
    m_createdId = 0;
    m_saveButton->setEnabled(true);
    m_name->setFocus();
}

void NewDestinationDialog::save()
{
    if (m_job)
        return;
    m_errors.clear();
    m_saveButton->setEnabled(false);

    const QJsonObject destination{
        {QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("kind"), m_kind->currentData().toString()},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("path"), m_path->text().trimmed()}}},
    };
    m_job = m_client->saveDestination(0, destination);
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_job.clear();
        m_saveButton->setEnabled(true);
        if (result.ok()) {
            m_createdId = result.body.object().value(QStringLiteral("id")).toInteger();
            accept();
            return;
        }
        if (!result.fieldErrors.isEmpty()) {
            if (QWidget *first = m_errors.show(result.fieldErrors, this))
                first->setFocus();
            return;
        }
        m_generalError->setText(result.errorMessage);
        m_generalError->show();
    });
}

void NewDestinationDialog::browse()
{
    // The folder dialog browses this computer, which is the engine's computer in local mode.
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Choose the Folder"), m_path->text());
    if (!folder.isEmpty())
        m_path->setText(folder);
}

} // namespace hubdesk
