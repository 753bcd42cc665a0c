// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace hubdesk {

class ApiJob;
struct ApiResult;
class DestinationListEditor;
class DestinationModel;
class EngineClient;
class NewDestinationDialog;
class PreviewDialog;
class ScheduleEditor;

// "Manage Outbound Integration": the product's system, the output and school year, notes,
// query timeout, file format and CSV options, destinations and schedule of one outbound
// integration. Save sends the integration JSON to the engine and shows each rejected field's
// message under it. Preview runs the draft's report on the engine and shows its first rows.
// Every control has an objectName, such as "queryTimeoutSpin" and "saveButton".
class OutboundIntegrationForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboundIntegrationForm)

public:
    explicit OutboundIntegrationForm(EngineClient *client, QWidget *parent = nullptr);
    ~OutboundIntegrationForm() override;

    // Shows a new integration of product, a catalog entry from GET /api/v1/catalog/products.
    void startNew(const QJsonObject &product);
    // Loads integration id from the engine; loaded() follows.
    void loadIntegration(qint64 id);
    // The integration being edited; 0 until a new one is saved.
    qint64 integrationId() const { return m_integrationId; }

    // The integration JSON that Save sends.
    QJsonObject toJson() const;
    void save();
    // Sends the draft's output, school year, query timeout and CSV options to
    // POST /api/v1/integrations/preview and opens the preview dialog with the result.
    void preview();

    // The message under a field after a rejected save, by the engine's field key.
    QString fieldError(const QString &key) const { return m_errors.message(key); }
    DestinationModel *destinationModel() const { return m_destinationModel; }
    DestinationListEditor *destinationEditor() const { return m_destinations; }
    ScheduleEditor *scheduleEditor() const { return m_schedule; }
    NewDestinationDialog *newDestinationDialog() const { return m_newDestinationDialog; }
    PreviewDialog *previewDialog() const { return m_previewDialog; }

signals:
    // The product, the integration and the destinations are shown.
    void loaded();
    void saved(qint64 integrationId);
    void saveFailed();
    // The preview dialog is open with a new result.
    void previewShown();
    void previewFailed();
    void cancelled();

private:
    QWidget *createGeneralSection();
    QWidget *createFileOptionsSection();
    QWidget *createDestinationsSection();
    QJsonObject outputOptionsJson() const;
    void fillOutputOptions(const QJsonObject &options);
    void updateFileOptions();
    void showFieldErrors(const ApiResult &result);
    void setProduct(const QJsonObject &product);
    void fillYears(const QJsonValue &schoolYear);
    void fillFromIntegration(const QJsonObject &integration);
    void updateOutputType();
    void refreshDestinations(qint64 selectId = 0);
    void abortLoads();
    void finishLoadStep();
    void showGeneralError(const QString &message);
    void openNewDestinationDialog();

    EngineClient *m_client;
    DestinationModel *m_destinationModel;
    FieldErrors m_errors;
    qint64 m_integrationId = 0;
    QJsonObject m_product;
    int m_pendingLoads = 0;
    QList<QPointer<ApiJob>> m_jobs;
    QPointer<ApiJob> m_saveJob;
    QPointer<ApiJob> m_previewJob;

    QLabel *m_title;
    QScrollArea *m_scroll;
    QLabel *m_generalError;
    QLabel *m_systemType;
    QLabel *m_vendor;
    QLabel *m_system;
    QLabel *m_outputType;
    QComboBox *m_output;
    QComboBox *m_year;
    // Handling of a report with no rows: deliver, skip or fail.
    QComboBox *m_emptyReport;
    QPlainTextEdit *m_notes;
    QSpinBox *m_queryTimeout;
    QSpinBox *m_workerLossRetries;
    QComboBox *m_format;
    QComboBox *m_status;
    QComboBox *m_delimiter;
    QComboBox *m_quoting;
    QComboBox *m_lineEnding;
    QCheckBox *m_header;
    QCheckBox *m_byteOrderMark;
    QCheckBox *m_formulaProtection;
    DestinationListEditor *m_destinations;
    QPushButton *m_newDestinationButton;
    ScheduleEditor *m_schedule;
    QPushButton *m_previewButton;
    QPushButton *m_saveButton;
    QPushButton *m_cancelButton;
    NewDestinationDialog *m_newDestinationDialog;
    PreviewDialog *m_previewDialog;
};

} // namespace hubdesk
