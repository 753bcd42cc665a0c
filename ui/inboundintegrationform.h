// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace hubdesk {

class ApiJob;
struct ApiResult;
class EngineClient;

// "Manage Inbound Integration": the catalog values of one inbound integration as text, and its
// school year, notes, retries after an engine stop, status and, for OneRoster bundles, the
// mass-change limit (deleteLimitPercent). Save replaces the integration on the engine and shows
// each rejected field's message under it. Every control has an objectName, such as
// "deleteLimitSpin" and "saveButton".
class InboundIntegrationForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboundIntegrationForm)

public:
    explicit InboundIntegrationForm(EngineClient *client, QWidget *parent = nullptr);
    ~InboundIntegrationForm() override;

    // Loads integration id from the engine; loaded() follows, or loadFailed() with the
    // engine's message shown above the form.
    void loadIntegration(qint64 id);
    qint64 integrationId() const { return m_integrationId; }

    // The integration JSON that Save sends: the loaded integration with the form's values.
    QJsonObject toJson() const;
    void save();

    // The message under a field after a rejected save, by the engine's field key.
    QString fieldError(const QString &key) const { return m_errors.message(key); }

signals:
    void loaded();
    void loadFailed();
    void saved(qint64 integrationId);
    void saveFailed();
    void cancelled();

private:
    QWidget *createIntegrationSection();
    QWidget *createGuardSection();
    void fillFromIntegration(const QJsonObject &integration);
    void fillYears(const QJsonValue &schoolYear);
    void showFieldErrors(const ApiResult &result);
    void showGeneralError(const QString &message);

    EngineClient *m_client;
    FieldErrors m_errors;
    qint64 m_integrationId = 0;
    // The integration as the engine returned it. Save sends it back with the form's values, so
    // that fields the form does not show keep their stored values.
    QJsonObject m_integration;
    QPointer<ApiJob> m_loadJob;
    QPointer<ApiJob> m_saveJob;

    QLabel *m_title;
    QScrollArea *m_scroll;
    QLabel *m_generalError;
    QLabel *m_systemType;
    QLabel *m_vendor;
    QLabel *m_system;
    QLabel *m_product;
    QLabel *m_files;
    QComboBox *m_year;
    QPlainTextEdit *m_notes;
    QSpinBox *m_workerLossRetries;
    QComboBox *m_status;
    QGroupBox *m_guardBox;
    QSpinBox *m_deleteLimit;
    QPushButton *m_saveButton;
    QPushButton *m_cancelButton;
};

} // namespace hubdesk
