// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "outboundintegrationform.h"

#include "destinationlisteditor.h"
#include "destinationmodel.h"
#include "engineclient.h"
#include "newdestinationdialog.h"
#include "previewdialog.h"
#include "scheduleeditor.h"
#include "schoolyear.h"
#include "wheelguard.h"
#include "workerlossretriesspin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

// The engine accepts query timeouts from 1 second to one day.
constexpr int kMaxQueryTimeoutSeconds = 24 * 60 * 60;
constexpr int kDefaultQueryTimeoutSeconds = 300;
constexpr int kPastSchoolYears = 5;

template<typename Widget>
Widget *named(Widget *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

// A value that the catalog fixes, shown as text that can be selected and copied, not as a
// field that looks editable and takes the focus.
QLabel *valueLabel(const QString &objectName)
{
    auto label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

OutboundIntegrationForm::OutboundIntegrationForm(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_destinationModel(new DestinationModel(this))
    , m_title(new QLabel(tr("Manage Outbound Integration")))
    , m_scroll(new QScrollArea)
    , m_generalError(FieldErrors::createLabel(QStringLiteral("formError")))
    , m_systemType(valueLabel(QStringLiteral("systemTypeLabel")))
    , m_vendor(valueLabel(QStringLiteral("vendorLabel")))
    , m_system(valueLabel(QStringLiteral("systemLabel")))
    , m_outputType(valueLabel(QStringLiteral("outputTypeLabel")))
    , m_output(named(new QComboBox, QStringLiteral("outputCombo"), tr("Output")))
    , m_year(named(new QComboBox, QStringLiteral("yearCombo"), tr("Year")))
    , m_emptyReport(named(new QComboBox, QStringLiteral("emptyReportCombo"),
                          tr("When the report has no rows")))
    , m_notes(named(new QPlainTextEdit, QStringLiteral("notesEdit"), tr("System notes")))
    , m_queryTimeout(named(new QSpinBox, QStringLiteral("queryTimeoutSpin"), tr("Query timeout")))
    , m_workerLossRetries(createWorkerLossRetriesSpin())
    , m_format(named(new QComboBox, QStringLiteral("formatCombo"), tr("Format")))
    , m_status(named(new QComboBox, QStringLiteral("integrationStatusCombo"), tr("Status")))
    , m_delimiter(named(new QComboBox, QStringLiteral("delimiterCombo"), tr("Delimiter")))
    , m_quoting(named(new QComboBox, QStringLiteral("quotingCombo"), tr("Quoting")))
    , m_lineEnding(named(new QComboBox, QStringLiteral("lineEndingCombo"), tr("Line ending")))
    , m_header(named(new QCheckBox(tr("Write the column names as the first row")),
                     QStringLiteral("headerCheck"), tr("Header row")))
    , m_byteOrderMark(named(new QCheckBox(tr("Start with a UTF-8 byte-order mark, so that "
                                             "spreadsheets detect the encoding")),
                            QStringLiteral("byteOrderMarkCheck"), tr("Byte-order mark")))
    , m_formulaProtection(named(new QCheckBox(tr("Put an apostrophe before text that starts "
                                                 "with =, +, -, @, tab or CR, so that "
                                                 "spreadsheets do not run it as a formula")),
                                QStringLiteral("formulaProtectionCheck"), tr("Formula protection")))
    , m_destinations(new DestinationListEditor(m_destinationModel, &m_errors))
    , m_newDestinationButton(named(new QPushButton(tr("New Destination…")),
                                   QStringLiteral("newDestinationButton"), tr("New destination")))
    , m_schedule(new ScheduleEditor(client, &m_errors))
    , m_previewButton(
          named(new QPushButton(tr("Preview…")), QStringLiteral("previewButton"), tr("Preview")))
    , m_saveButton(named(new QPushButton(tr("Save")), QStringLiteral("saveButton"), tr("Save")))
    , m_cancelButton(
          named(new QPushButton(tr("Cancel")), QStringLiteral("cancelButton"), tr("Cancel")))
    , m_newDestinationDialog(new NewDestinationDialog(client, this))
    , m_previewDialog(new PreviewDialog(this))
{
    setObjectName(QStringLiteral("outboundIntegrationForm"));
    m_title->setObjectName(QStringLiteral("formTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_errors.setFallbackLabel(m_generalError);
    m_destinations->setObjectName(QStringLiteral("destinationEditor"));
    m_schedule->setObjectName(QStringLiteral("scheduleEditor"));

    auto content = new QWidget;
    // Lines of form fields stay readable on wide windows.
    content->setMaximumWidth(1000);
    auto contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(createGeneralSection());
    contentLayout->addWidget(createFileOptionsSection());
    contentLayout->addWidget(createDestinationsSection());
    auto scheduleBox = new QGroupBox(tr("Schedule"));
    scheduleBox->setObjectName(QStringLiteral("scheduleGroup"));
    (new QVBoxLayout(scheduleBox))->addWidget(m_schedule);
    contentLayout->addWidget(scheduleBox);
    contentLayout->addStretch();

    m_scroll->setObjectName(QStringLiteral("formScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Tab goes straight to the fields; the area scrolls to the field that takes the focus.
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(content);
    WheelGuard::protect(m_scroll);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addStretch();
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_cancelButton);
    m_saveButton->setDefault(true);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_generalError);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);

    connect(m_output, &QComboBox::currentIndexChanged, this,
            &OutboundIntegrationForm::updateOutputType);
    connect(m_saveButton, &QPushButton::clicked, this, &OutboundIntegrationForm::save);
    connect(m_previewButton, &QPushButton::clicked, this, &OutboundIntegrationForm::preview);
    connect(m_format, &QComboBox::currentIndexChanged, this,
            &OutboundIntegrationForm::updateFileOptions);
    connect(m_cancelButton, &QPushButton::clicked, this, &OutboundIntegrationForm::cancelled);
    connect(m_newDestinationButton, &QPushButton::clicked, this,
            &OutboundIntegrationForm::openNewDestinationDialog);
    connect(m_newDestinationDialog, &QDialog::accepted, this,
            [this] { refreshDestinations(m_newDestinationDialog->createdId()); });
}

OutboundIntegrationForm::~OutboundIntegrationForm()
{
    abortLoads();
    if (m_saveJob)
        m_saveJob->abort();
    if (m_previewJob)
        m_previewJob->abort();
}

QWidget *OutboundIntegrationForm::createGeneralSection()
{
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);
    m_queryTimeout->setRange(1, kMaxQueryTimeoutSeconds);
    m_queryTimeout->setSuffix(tr(" seconds"));
    m_format->addItem(tr("CSV"), QStringLiteral("csv"));
    m_format->addItem(tr("XML"), QStringLiteral("xml"));
    m_emptyReport->addItem(tr("Send the file with only the column names"),
                           QStringLiteral("deliver"));
    m_emptyReport->addItem(tr("Send nothing and end the run with a warning"),
                           QStringLiteral("skip"));
    m_emptyReport->addItem(tr("Send nothing and mark the run as failed"), QStringLiteral("fail"));
    m_emptyReport->setToolTip(tr("Some state systems read a file without rows as an order to "
                                 "remove every record they hold for the district. A failed run "
                                 "sends the failure notification."));
    m_status->addItem(tr("Active"), true);
    m_status->addItem(tr("Inactive"), false);
    m_output->setMinimumContentsLength(30);
    // The combo boxes are refilled for each integration, so their width follows their items.
    for (QComboBox *combo : {m_output, m_year, m_emptyReport, m_format, m_status})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto box = new QGroupBox(tr("Integration"));
    box->setObjectName(QStringLiteral("integrationGroup"));
    auto form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("System type:"), m_systemType);
    form->addRow(tr("Vendor:"), m_vendor);
    form->addRow(tr("System:"), m_system);
    form->addRow(tr("Output type:"), m_outputType);
    form->addRow(tr("Output:"), m_errors.wrap(QStringLiteral("outputId"), m_output));
    form->addRow(tr("Year:"), m_errors.wrap(QStringLiteral("schoolYear"), m_year));
    form->addRow(tr("When the report has no rows:"),
                 m_errors.wrap(QStringLiteral("emptyReport"), m_emptyReport));
    form->addRow(tr("System notes:"), m_errors.wrap(QStringLiteral("notes"), m_notes));
    form->addRow(tr("Query timeout:"),
                 m_errors.wrap(QStringLiteral("queryTimeoutSeconds"), m_queryTimeout));
    form->addRow(tr("Retries after an engine stop:"),
                 m_errors.wrap(QStringLiteral("workerLossRetries"), m_workerLossRetries));
    form->addRow(tr("Format:"), m_errors.wrap(QStringLiteral("format"), m_format));
    form->addRow(tr("Status:"), m_errors.wrap(QStringLiteral("active"), m_status));
    return box;
}

QWidget *OutboundIntegrationForm::createFileOptionsSection()
{
    m_delimiter->addItem(tr("Comma (,)"), QStringLiteral("comma"));
    m_delimiter->addItem(tr("Semicolon (;)"), QStringLiteral("semicolon"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("tab"));
    m_delimiter->addItem(tr("Pipe (|)"), QStringLiteral("pipe"));
    m_quoting->addItem(tr("Only where needed"), QStringLiteral("minimal"));
    m_quoting->addItem(tr("Every field"), QStringLiteral("all"));
    m_lineEnding->addItem(tr("CRLF (Windows)"), QStringLiteral("CRLF"));
    m_lineEnding->addItem(tr("LF (Linux, macOS)"), QStringLiteral("LF"));
    for (QComboBox *combo : {m_delimiter, m_quoting, m_lineEnding})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillOutputOptions({});

    auto box = new QGroupBox(tr("CSV File"));
    box->setObjectName(QStringLiteral("csvOptionsGroup"));
    auto form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Delimiter:"),
                 m_errors.wrap(QStringLiteral("outputOptions.delimiter"), m_delimiter));
    form->addRow(tr("Quoting:"), m_errors.wrap(QStringLiteral("outputOptions.quoting"), m_quoting));
    form->addRow(tr("Line ending:"),
                 m_errors.wrap(QStringLiteral("outputOptions.lineEnding"), m_lineEnding));
    form->addRow(tr("Header:"), m_errors.wrap(QStringLiteral("outputOptions.header"), m_header));
    form->addRow(tr("Encoding:"),
                 m_errors.wrap(QStringLiteral("outputOptions.byteOrderMark"), m_byteOrderMark));
    form->addRow(tr("Formulas:"), m_errors.wrap(QStringLiteral("outputOptions.formulaProtection"),
                                                m_formulaProtection));
    return box;
}

QJsonObject OutboundIntegrationForm::outputOptionsJson() const
{
    return QJsonObject{
        {QStringLiteral("delimiter"), m_delimiter->currentData().toString()},
        {QStringLiteral("quoting"), m_quoting->currentData().toString()},
        {QStringLiteral("lineEnding"), m_lineEnding->currentData().toString()},
        {QStringLiteral("header"), m_header->isChecked()},
        {QStringLiteral("byteOrderMark"), m_byteOrderMark->isChecked()},
        {QStringLiteral("formulaProtection"), m_formulaProtection->isChecked()},
    };
}

void OutboundIntegrationForm::fillOutputOptions(const QJsonObject &options)
{
    // Missing keys take the engine's defaults.
    const auto select = [](QComboBox *combo, const QJsonValue &value) {
        combo->setCurrentIndex(qMax(0, combo->findData(value.toString())));
    };
    select(m_delimiter, options.value(QStringLiteral("delimiter")));
    select(m_quoting, options.value(QStringLiteral("quoting")));
    select(m_lineEnding, options.value(QStringLiteral("lineEnding")));
    m_header->setChecked(options.value(QStringLiteral("header")).toBool(true));
    m_byteOrderMark->setChecked(options.value(QStringLiteral("byteOrderMark")).toBool(false));
    m_formulaProtection->setChecked(
        options.value(QStringLiteral("formulaProtection")).toBool(true));
}

void OutboundIntegrationForm::updateFileOptions()
{
    // XML files ignore the CSV options.
    const bool csv = m_format->currentData().toString() == QLatin1String("csv");
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_delimiter, m_quoting, m_lineEnding, m_header, m_byteOrderMark, m_formulaProtection})
        widget->setEnabled(csv);
}

QWidget *OutboundIntegrationForm::createDestinationsSection()
{
    auto box = new QGroupBox(tr("Destinations"));
    box->setObjectName(QStringLiteral("destinationsGroup"));
    m_destinations->addButton(m_newDestinationButton);
    (new QVBoxLayout(box))->addWidget(m_destinations);
    return box;
}

void OutboundIntegrationForm::startNew(const QJsonObject &product)
{
    abortLoads();
    // Each integration opens at the top, where its output and year are, not where the last
    // one was left.
    m_scroll->verticalScrollBar()->setValue(0);
    m_integrationId = 0;
    m_errors.clear();
    m_title->setText(tr("Manage Outbound Integration"));
    setProduct(product);
    fillYears(QJsonValue::Null);
    m_emptyReport->setCurrentIndex(0);
    m_notes->clear();
    m_queryTimeout->setValue(kDefaultQueryTimeoutSeconds);
    m_workerLossRetries->setValue(kDefaultWorkerLossRetries);
    m_format->setCurrentIndex(0);
    fillOutputOptions({});
    m_status->setCurrentIndex(0);
    m_destinations->setDestinations({});
    m_destinations->addRow();
    m_schedule->reset();

    m_pendingLoads = 1;
    refreshDestinations();
}

void OutboundIntegrationForm::loadIntegration(qint64 id)
{
    abortLoads();
    m_scroll->verticalScrollBar()->setValue(0);
    m_integrationId = id;
    m_errors.clear();
    m_title->setText(tr("Manage Outbound Integration"));
    m_pendingLoads = 2;
    refreshDestinations();

    ApiJob *job = m_client->fetchIntegration(id);
    m_jobs.append(job);
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            showGeneralError(result.errorMessage);
            finishLoadStep();
            return;
        }
        const QJsonObject integration = result.body.object();
        // The catalog entry supplies the product's outputs, which the integration lacks.
        ApiJob *products = m_client->fetchProducts();
        m_jobs.append(products);
        connect(products, &ApiJob::finished, this, [this, integration](const ApiResult &result) {
            const qint64 productId = integration.value(QStringLiteral("productId")).toInteger();
            const QJsonArray list
                = result.body.object().value(QStringLiteral("products")).toArray();
            for (const QJsonValue &product : list) {
                if (product.toObject().value(QStringLiteral("id")).toInteger() == productId)
                    setProduct(product.toObject());
            }
            if (!result.ok())
                showGeneralError(result.errorMessage);
            fillFromIntegration(integration);
            finishLoadStep();
        });
    });
}

void OutboundIntegrationForm::setProduct(const QJsonObject &product)
{
    m_product = product;
    m_systemType->setText(product.value(QStringLiteral("systemType")).toString());
    m_vendor->setText(product.value(QStringLiteral("vendor")).toString());
    m_system->setText(product.value(QStringLiteral("system")).toString());

    m_output->clear();
    const QJsonArray outputs = product.value(QStringLiteral("outputs")).toArray();
    for (const QJsonValue &value : outputs) {
        const QJsonObject output = value.toObject();
        m_output->addItem(output.value(QStringLiteral("name")).toString(),
                          output.value(QStringLiteral("id")).toInteger());
        m_output->setItemData(m_output->count() - 1,
                              output.value(QStringLiteral("outputType")).toString(),
                              Qt::UserRole + 1);
    }
    updateOutputType();
}

void OutboundIntegrationForm::fillYears(const QJsonValue &schoolYear)
{
    m_year->clear();
    m_year->addItem(tr("Current Year"), QVariant());
    const int current = schoolYearEnding(QDate::currentDate());
    for (int year = current + 1; year >= current - kPastSchoolYears; --year)
        m_year->addItem(schoolYearLabel(year), year);

    if (schoolYear.isNull() || schoolYear.isUndefined()) {
        m_year->setCurrentIndex(0);
        return;
    }
    const int year = schoolYear.toInt();
    int index = m_year->findData(year);
    if (index < 0) {
        m_year->addItem(schoolYearLabel(year), year);
        index = m_year->count() - 1;
    }
    m_year->setCurrentIndex(index);
}

void OutboundIntegrationForm::fillFromIntegration(const QJsonObject &integration)
{
    const int output
        = m_output->findData(integration.value(QStringLiteral("outputId")).toInteger());
    m_output->setCurrentIndex(output);
    fillYears(integration.value(QStringLiteral("schoolYear")));
    m_emptyReport->setCurrentIndex(qMax(
        0, m_emptyReport->findData(integration.value(QStringLiteral("emptyReport")).toString())));
    m_notes->setPlainText(integration.value(QStringLiteral("notes")).toString());
    m_queryTimeout->setValue(integration.value(QStringLiteral("queryTimeoutSeconds"))
                                 .toInt(kDefaultQueryTimeoutSeconds));
    m_workerLossRetries->setValue(
        integration.value(QStringLiteral("workerLossRetries")).toInt(kDefaultWorkerLossRetries));
    m_format->setCurrentIndex(
        qMax(0, m_format->findData(integration.value(QStringLiteral("format")).toString())));
    fillOutputOptions(integration.value(QStringLiteral("outputOptions")).toObject());
    m_status->setCurrentIndex(integration.value(QStringLiteral("active")).toBool(true) ? 0 : 1);
    m_destinations->setDestinations(integration.value(QStringLiteral("destinations")).toArray());
    m_schedule->setSchedule(integration.value(QStringLiteral("schedule")),
                            integration.value(QStringLiteral("runAtNextCycle")).toBool());
    m_title->setText(tr("Manage Outbound Integration: %1")
                         .arg(integration.value(QStringLiteral("displayName")).toString()));
}

void OutboundIntegrationForm::updateOutputType()
{
    m_outputType->setText(m_output->currentData(Qt::UserRole + 1).toString());
}

void OutboundIntegrationForm::refreshDestinations(qint64 selectId)
{
    ApiJob *job = m_client->fetchDestinations();
    m_jobs.append(job);
    connect(job, &ApiJob::finished, this, [this, selectId](const ApiResult &result) {
        if (result.ok()) {
            m_destinationModel->setDestinations(
                result.body.object().value(QStringLiteral("destinations")).toArray());
        } else {
            showGeneralError(result.errorMessage);
        }
        if (selectId > 0)
            m_destinations->selectDestination(selectId);
        else
            finishLoadStep();
    });
}

void OutboundIntegrationForm::abortLoads()
{
    // Disconnect first, because an aborted job still reports a result.
    for (const QPointer<ApiJob> &job : std::as_const(m_jobs)) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
    m_jobs.clear();
    m_pendingLoads = 0;
}

void OutboundIntegrationForm::finishLoadStep()
{
    m_jobs.removeAll(nullptr);
    if (m_pendingLoads > 0 && --m_pendingLoads == 0)
        emit loaded();
}

QJsonObject OutboundIntegrationForm::toJson() const
{
    const QVariant output = m_output->currentData();
    const QVariant year = m_year->currentData();
    return QJsonObject{
        {QStringLiteral("productId"), m_product.value(QStringLiteral("id")).toInteger()},
        {QStringLiteral("outputId"),
         output.isValid() ? QJsonValue(output.toLongLong()) : QJsonValue()},
        {QStringLiteral("schoolYear"), year.isValid() ? QJsonValue(year.toInt()) : QJsonValue()},
        {QStringLiteral("emptyReport"), m_emptyReport->currentData().toString()},
        {QStringLiteral("notes"), m_notes->toPlainText()},
        {QStringLiteral("queryTimeoutSeconds"), m_queryTimeout->value()},
        {QStringLiteral("workerLossRetries"), m_workerLossRetries->value()},
        {QStringLiteral("format"), m_format->currentData().toString()},
        {QStringLiteral("outputOptions"), outputOptionsJson()},
        {QStringLiteral("active"), m_status->currentData().toBool()},
        {QStringLiteral("destinations"), m_destinations->destinations()},
        {QStringLiteral("runAtNextCycle"), m_schedule->runAtNextCycle()},
        {QStringLiteral("schedule"), m_schedule->schedule()},
    };
}

void OutboundIntegrationForm::save()
{
    if (m_saveJob)
        return;
    m_errors.clear();
    m_saveButton->setEnabled(false);

    m_saveJob = m_client->saveIntegration(m_integrationId, toJson());
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        // The job deletes itself later; a save from a slot of saved() must not see it.
        m_saveJob.clear();
        m_saveButton->setEnabled(true);
        if (result.ok()) {
            m_integrationId = result.body.object().value(QStringLiteral("id")).toInteger();
            emit saved(m_integrationId);
            return;
        }
        showFieldErrors(result);
        emit saveFailed();
    });
}

void OutboundIntegrationForm::showFieldErrors(const ApiResult &result)
{
    if (result.fieldErrors.isEmpty()) {
        showGeneralError(result.errorMessage);
        return;
    }
    m_errors.showAndFocus(result.fieldErrors, m_scroll);
}

void OutboundIntegrationForm::preview()
{
    if (m_previewJob)
        return;
    m_errors.clear();
    m_previewButton->setEnabled(false);

    const QJsonObject draft = toJson();
    QJsonObject body;
    for (const QString &key :
         {QStringLiteral("productId"), QStringLiteral("outputId"), QStringLiteral("schoolYear"),
          QStringLiteral("queryTimeoutSeconds"), QStringLiteral("outputOptions")})
        body.insert(key, draft.value(key));
    m_previewJob = m_client->previewIntegration(body);
    connect(m_previewJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_previewJob.clear();
        m_previewButton->setEnabled(true);
        if (!result.ok()) {
            showFieldErrors(result);
            emit previewFailed();
            return;
        }
        m_previewDialog->setPreview(result.body.object());
        m_previewDialog->open();
        emit previewShown();
    });
}

void OutboundIntegrationForm::showGeneralError(const QString &message)
{
    if (message.isEmpty())
        return;
    m_generalError->setText(message);
    m_generalError->show();
}

void OutboundIntegrationForm::openNewDestinationDialog()
{
    m_newDestinationDialog->reset();
    m_newDestinationDialog->open();
}

} // namespace hubdesk
