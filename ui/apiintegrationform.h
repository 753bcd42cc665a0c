// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace hubdesk {

class ApiJob;
struct ApiResult;
class EngineClient;
class ScheduleEditor;

// "Manage API Integration": the connection settings of one API integration, generated from its
// connector's settings (GET /api/v1/integrations/{id}/connector), with secrets masked, Test
// Connection, the schedule and a way to its runs in Runbook Activities. Each setting's editor
// has the objectName "setting_<name>".
class ApiIntegrationForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiIntegrationForm)

public:
    explicit ApiIntegrationForm(EngineClient *client, QWidget *parent = nullptr);
    ~ApiIntegrationForm() override;

    // Loads the integration and its connector; loaded() follows.
    void loadIntegration(qint64 id);
    qint64 integrationId() const { return m_integrationId; }

    // The settings that Save and Test Connection send. Secrets appear only when typed.
    QJsonObject settingsJson() const;
    QWidget *settingEditor(const QString &name) const { return m_editors.value(name); }
    ScheduleEditor *scheduleEditor() const { return m_schedule; }
    QString testResult() const;
    QString fieldError(const QString &key) const { return m_errors.message(key); }

    // Sends the settings as they are in the form to POST .../connector/test.
    void testConnection();
    // Saves the connector settings, then the schedule.
    void save();
    // The text that the form shows for value of the choice setting named setting.
    static QString choiceText(const QString &setting, const QString &value);

signals:
    void loaded();
    void tested(bool ok);
    void saved(qint64 integrationId);
    void saveFailed();
    void cancelled();
    void runbookRequested(qint64 integrationId);

private:
    void buildSettings(const QJsonObject &connector);
    void showFieldErrors(const ApiResult &result);
    void showGeneralError(const QString &message);
    void saveSchedule();

    EngineClient *m_client;
    FieldErrors m_errors;
    qint64 m_integrationId = 0;
    QJsonObject m_integration;
    QJsonArray m_settingSpecs;
    QHash<QString, QWidget *> m_editors;
    QPointer<ApiJob> m_loadJob;
    QPointer<ApiJob> m_connectorJob;
    QPointer<ApiJob> m_testJob;
    QPointer<ApiJob> m_saveJob;

    QLabel *m_title;
    QLabel *m_notes;
    QLabel *m_generalError;
    QScrollArea *m_scroll;
    QWidget *m_settingsBox;
    QFormLayout *m_settingsForm;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QSpinBox *m_workerLossRetries;
    ScheduleEditor *m_schedule;
    QPushButton *m_saveButton;
    QPushButton *m_cancelButton;
    QPushButton *m_runbookButton;
};

} // namespace hubdesk
