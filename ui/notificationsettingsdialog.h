// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace hubdesk {

class ApiJob;
class EngineClient;
class SecretField;
struct ApiResult;

// The district's run notifications: which events notify (a failure, success after a failure,
// a run far longer than its median), email over SMTP, a webhook, and a daily summary email.
// Send Test sends a test through the saved settings and shows how each channel did.
class NotificationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationSettingsDialog)

public:
    // Waits this long for a test notification to be sent or to fail.
    static constexpr int kTestTimeoutMs = 120000;
    static constexpr int kTestPollMs = 500;

    explicit NotificationSettingsDialog(EngineClient *client, QWidget *parent = nullptr);
    ~NotificationSettingsDialog() override;

    // Loads the settings from the engine; loaded() follows.
    void load();
    void save();
    void sendTest();

    // The settings as the form would send them.
    QJsonObject settings() const;
    QString message() const;
    const FieldErrors &fieldErrors() const { return m_errors; }

signals:
    void loaded();
    void saved();
    // Every test notification was sent or failed; message() shows the outcome per channel.
    void testFinished();

protected:
    // Grows the dialog when field errors make its layout taller, so that no field is squeezed.
    bool event(QEvent *event) override;

private:
    void setSettings(const QJsonObject &settings);
    void pollTest();
    void showMessage(const QString &text, bool error);
    void setBusy(bool busy);

    EngineClient *m_client;
    FieldErrors m_errors;
    QCheckBox *m_onFailure;
    QCheckBox *m_onRecovery;
    QCheckBox *m_onLongRun;
    QGroupBox *m_emailBox;
    QLineEdit *m_recipients;
    QLineEdit *m_from;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_username;
    SecretField *m_password;
    QGroupBox *m_webhookBox;
    QLineEdit *m_webhookUrl;
    SecretField *m_signingKey;
    QCheckBox *m_dailySummary;
    QTimeEdit *m_summaryTime;
    QLabel *m_summaryZone;
    QLabel *m_message;
    QPushButton *m_testButton;
    QPushButton *m_saveButton;
    QPointer<ApiJob> m_job;
    QTimer m_pollTimer;
    QSet<qint64> m_testIds;
    int m_testPolls = 0;
};

} // namespace hubdesk
