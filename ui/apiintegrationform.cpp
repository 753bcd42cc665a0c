// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "apiintegrationform.h"

#include "engineclient.h"
#include "scheduleeditor.h"
#include "secretfield.h"
#include "workerlossretriesspin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hubdesk {

QString ApiIntegrationForm::choiceText(const QString &setting, const QString &value)
{
    // The built-in connectors' sync modes, in words; other choices show their API values.
    if (setting == QLatin1String("syncMode")) {
        if (value == QLatin1String("delta"))
            return tr("Only changes since the last pull");
        if (value == QLatin1String("full"))
            return tr("Everything");
    }
    return value;
}

ApiIntegrationForm::ApiIntegrationForm(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_title(new QLabel)
    , m_notes(new QLabel)
    , m_generalError(FieldErrors::createLabel(QStringLiteral("apiFormError")))
    , m_scroll(new QScrollArea)
    , m_settingsBox(new QWidget)
    , m_settingsForm(new QFormLayout(m_settingsBox))
    , m_testButton(new QPushButton(tr("Test Connection")))
    , m_testResult(new QLabel)
    , m_workerLossRetries(createWorkerLossRetriesSpin())
    , m_schedule(new ScheduleEditor(client, &m_errors))
    , m_saveButton(new QPushButton(tr("Save")))
    , m_cancelButton(new QPushButton(tr("Cancel")))
    , m_runbookButton(new QPushButton(tr("View Runs")))
{
    m_title->setObjectName(QStringLiteral("apiFormTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_notes->setObjectName(QStringLiteral("connectorNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testResult->setObjectName(QStringLiteral("testConnectionResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_runbookButton->setObjectName(QStringLiteral("viewRunsButton"));
    m_errors.setFallbackLabel(m_generalError);

    auto connection = new QGroupBox(tr("Connection"));
    auto connectionLayout = new QVBoxLayout(connection);
    connectionLayout->addWidget(m_settingsBox);
    auto testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);
    connectionLayout->addLayout(testRow);

    // Settings of the integration's runs, as the outbound form's Integration group has them.
    auto runsBox = new QGroupBox(tr("Integration"));
    runsBox->setObjectName(QStringLiteral("apiIntegrationGroup"));
    auto runsForm = new QFormLayout(runsBox);
    runsForm->addRow(tr("Retries after an engine stop:"),
                     m_errors.wrap(QStringLiteral("workerLossRetries"), m_workerLossRetries));

    auto scheduleBox = new QGroupBox(tr("Schedule"));
    auto scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->addWidget(m_schedule);

    auto content = new QWidget;
    auto contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_notes);
    contentLayout->addWidget(m_generalError);
    contentLayout->addWidget(connection);
    contentLayout->addWidget(runsBox);
    contentLayout->addWidget(scheduleBox);
    contentLayout->addStretch(1);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_runbookButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_cancelButton);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);

    connect(m_testButton, &QPushButton::clicked, this, &ApiIntegrationForm::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &ApiIntegrationForm::save);
    connect(m_cancelButton, &QPushButton::clicked, this, &ApiIntegrationForm::cancelled);
    connect(m_runbookButton, &QPushButton::clicked, this,
            [this] { emit runbookRequested(m_integrationId); });
}

ApiIntegrationForm::~ApiIntegrationForm() = default;

QString ApiIntegrationForm::testResult() const
{
    return m_testResult->text();
}

void ApiIntegrationForm::loadIntegration(qint64 id)
{
    // Each integration opens at the top, not where the last one was left.
    m_scroll->verticalScrollBar()->setValue(0);
    m_integrationId = id;
    m_errors.clear();
    m_testResult->clear();
    m_title->setText(tr("Manage API Integration"));
    delete m_loadJob;
    delete m_connectorJob;
    m_loadJob = m_client->fetchIntegration(id);
    connect(m_loadJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_loadJob.clear();
        if (!result.ok()) {
            showGeneralError(result.errorMessage);
            return;
        }
        m_integration = result.body.object();
        m_title->setText(tr("Manage API Integration: %1")
                             .arg(m_integration.value(QStringLiteral("displayName")).toString()));
        m_workerLossRetries->setValue(m_integration.value(QStringLiteral("workerLossRetries"))
                                          .toInt(kDefaultWorkerLossRetries));
        m_schedule->setSchedule(m_integration.value(QStringLiteral("schedule")),
                                m_integration.value(QStringLiteral("runAtNextCycle")).toBool());
        m_connectorJob = m_client->get(
            QStringLiteral("/api/v1/integrations/%1/connector").arg(m_integrationId));
        connect(m_connectorJob, &ApiJob::finished, this, [this](const ApiResult &connector) {
            m_connectorJob.clear();
            if (!connector.ok()) {
                showGeneralError(connector.errorMessage);
                return;
            }
            buildSettings(connector.body.object());
            emit loaded();
        });
    });
}

void ApiIntegrationForm::buildSettings(const QJsonObject &connector)
{
    while (m_settingsForm->rowCount() > 0)
        m_settingsForm->removeRow(0);
    m_editors.clear();
    m_errors.removeKeysStartingWith(QStringLiteral("settings."));

    const QJsonObject description = connector.value(QStringLiteral("description")).toObject();
    const QJsonObject values = connector.value(QStringLiteral("settings")).toObject();
    m_settingSpecs = description.value(QStringLiteral("settings")).toArray();
    QString notes = description.value(QStringLiteral("notes")).toString();
    // The engine's notes of a template already start with the English word.
    if (description.value(QStringLiteral("template")).toBool()
        && !notes.startsWith(QLatin1String("Template:")))
        //: Notes of a connector whose vendor publishes no API description; %1 is the notes.
        notes = tr("Template: %1").arg(notes);
    m_notes->setText(notes);

    for (const QJsonValue &value : std::as_const(m_settingSpecs)) {
        const QJsonObject spec = value.toObject();
        const QString name = spec.value(QStringLiteral("name")).toString();
        const QString type = spec.value(QStringLiteral("type")).toString();
        const QString label = spec.value(QStringLiteral("label")).toString(name);
        const QJsonValue current = values.value(name);
        const QString objectName = QStringLiteral("setting_") + name;
        QWidget *editor = nullptr;
        if (spec.value(QStringLiteral("secret")).toBool()) {
            auto secret = new SecretField(objectName, label);
            secret->setStored(current.isObject());
            editor = secret;
        } else if (type == QLatin1String("integer")) {
            auto spin = new QSpinBox;
            spin->setRange(spec.value(QStringLiteral("minimum")).toInt(),
                           spec.value(QStringLiteral("maximum")).toInt());
            spin->setValue(current.toInt(spec.value(QStringLiteral("default")).toInt()));
            editor = spin;
        } else if (type == QLatin1String("boolean")) {
            auto check = new QCheckBox;
            check->setChecked(current.toBool());
            editor = check;
        } else if (type == QLatin1String("choice")) {
            auto combo = new QComboBox;
            for (const QJsonValue &choice : spec.value(QStringLiteral("choices")).toArray())
                combo->addItem(choiceText(name, choice.toString()), choice.toString());
            combo->setCurrentIndex(std::max(0, combo->findData(current.toString())));
            editor = combo;
        } else {
            auto line = new QLineEdit(current.toString());
            if (type == QLatin1String("url"))
                line->setPlaceholderText(QStringLiteral("https://"));
            editor = line;
        }
        if (!spec.value(QStringLiteral("secret")).toBool())
            editor->setObjectName(objectName);
        editor->setAccessibleName(label);
        const QString help = spec.value(QStringLiteral("help")).toString();
        if (!help.isEmpty())
            editor->setToolTip(help);
        m_editors.insert(name, editor);
        const QString rowLabel = spec.value(QStringLiteral("required")).toBool()
                                     ? tr("%1 (required):").arg(label)
                                     : tr("%1:").arg(label);
        m_settingsForm->addRow(rowLabel, m_errors.wrap(QStringLiteral("settings.") + name, editor));
    }
}

QJsonObject ApiIntegrationForm::settingsJson() const
{
    QJsonObject settings;
    for (const QJsonValue &value : m_settingSpecs) {
        const QJsonObject spec = value.toObject();
        const QString name = spec.value(QStringLiteral("name")).toString();
        QWidget *editor = m_editors.value(name);
        if (auto secret = qobject_cast<SecretField *>(editor)) {
            const QJsonValue secretValue = secret->value();
            if (!secretValue.isUndefined())
                settings.insert(name, secretValue);
        } else if (auto spin = qobject_cast<QSpinBox *>(editor)) {
            settings.insert(name, spin->value());
        } else if (auto check = qobject_cast<QCheckBox *>(editor)) {
            settings.insert(name, check->isChecked());
        } else if (auto combo = qobject_cast<QComboBox *>(editor)) {
            settings.insert(name, combo->currentData().toString());
        } else if (auto line = qobject_cast<QLineEdit *>(editor)) {
            // The engine keeps a stored setting that the request leaves out, so a cleared
            // field is sent as null, which removes it.
            const QString text = line->text().trimmed();
            settings.insert(name, text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
        }
    }
    return settings;
}

void ApiIntegrationForm::testConnection()
{
    if (m_testJob || m_integrationId == 0)
        return;
    m_errors.clearKeysStartingWith(QStringLiteral("settings."));
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Testing the connection…"));
    m_testJob = m_client->post(
        QStringLiteral("/api/v1/integrations/%1/connector/test").arg(m_integrationId),
        QJsonObject{{QStringLiteral("settings"), settingsJson()}});
    connect(m_testJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_testJob.clear();
        m_testButton->setEnabled(true);
        if (!result.ok()) {
            m_testResult->setText(tr("Not tested: complete the settings marked below."));
            showFieldErrors(result);
            emit tested(false);
            return;
        }
        const QJsonObject outcome = result.body.object();
        const bool ok = outcome.value(QStringLiteral("ok")).toBool();
        const QString message = outcome.value(QStringLiteral("message")).toString();
        //: The result of Test Connection; %1 is the engine's sentence.
        m_testResult->setText(ok ? tr("Connected. %1").arg(message)
                                 : tr("Connection failed. %1").arg(message));
        m_testResult->setStyleSheet(ok ? QStringLiteral("color: #1b5e20;")
                                       : QStringLiteral("color: #b71c1c;"));
        m_testResult->setAccessibleDescription(m_testResult->text());
        emit tested(ok);
    });
}

void ApiIntegrationForm::save()
{
    if (m_saveJob || m_integrationId == 0)
        return;
    m_errors.clear();
    m_saveButton->setEnabled(false);
    m_saveJob = m_client->put(
        QStringLiteral("/api/v1/integrations/%1/connector").arg(m_integrationId),
        QJsonObject{{QStringLiteral("settings"), settingsJson()}});
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_saveJob.clear();
        if (!result.ok()) {
            m_saveButton->setEnabled(true);
            showFieldErrors(result);
            emit saveFailed();
            return;
        }
        saveSchedule();
    });
}

void ApiIntegrationForm::saveSchedule()
{
    QJsonObject integration;
    for (const char *key : {"productId", "schoolYear", "notes", "queryTimeoutSeconds", "format",
                            "active"})
        integration.insert(QLatin1String(key), m_integration.value(QLatin1String(key)));
    integration.insert(QStringLiteral("workerLossRetries"), m_workerLossRetries->value());
    integration.insert(QStringLiteral("schedule"), m_schedule->schedule());
    integration.insert(QStringLiteral("runAtNextCycle"), m_schedule->runAtNextCycle());
    m_saveJob = m_client->saveIntegration(m_integrationId, integration);
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_saveJob.clear();
        m_saveButton->setEnabled(true);
        if (!result.ok()) {
            showFieldErrors(result);
            emit saveFailed();
            return;
        }
        m_integration = result.body.object();
        emit saved(m_integrationId);
    });
}

void ApiIntegrationForm::showFieldErrors(const ApiResult &result)
{
    if (result.fieldErrors.isEmpty()) {
        showGeneralError(result.errorMessage);
        return;
    }
    m_errors.showAndFocus(result.fieldErrors, m_scroll);
}

void ApiIntegrationForm::showGeneralError(const QString &message)
{
    if (message.isEmpty())
        return;
    m_generalError->setText(message);
    m_generalError->show();
}

} // namespace hubdesk
