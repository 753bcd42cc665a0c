// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "inboundintegrationform.h"

#include "engineclient.h"
#include "schoolyear.h"
#include "wheelguard.h"
#include "workerlossretriesspin.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

constexpr int kPastSchoolYears = 5;
// The engine's limits for deleteLimitPercent, and the value it uses when none was set.
constexpr int kMaxDeleteLimitPercent = 100;
constexpr int kDefaultDeleteLimitPercent = 10;

// Only OneRoster bundle loads mark stored records tobedeleted, because assessment and attendance
// files only add and update rows.
const QString kBundleProductKey = QStringLiteral("oneroster-bundle");

template<typename Widget>
Widget *withNames(Widget *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

// A value that the catalog fixes, shown as selectable text rather than as a field.
QLabel *catalogValueLabel(const QString &objectName)
{
    auto label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

InboundIntegrationForm::InboundIntegrationForm(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_title(new QLabel(tr("Manage Inbound Integration")))
    , m_scroll(new QScrollArea)
    , m_generalError(FieldErrors::createLabel(QStringLiteral("inboundFormError")))
    , m_systemType(catalogValueLabel(QStringLiteral("systemTypeLabel")))
    , m_vendor(catalogValueLabel(QStringLiteral("vendorLabel")))
    , m_system(catalogValueLabel(QStringLiteral("systemLabel")))
    , m_product(catalogValueLabel(QStringLiteral("productLabel")))
    , m_files(catalogValueLabel(QStringLiteral("filesLabel")))
    , m_year(withNames(new QComboBox, QStringLiteral("yearCombo"), tr("Year")))
    , m_notes(withNames(new QPlainTextEdit, QStringLiteral("notesEdit"), tr("System notes")))
    , m_workerLossRetries(createWorkerLossRetriesSpin())
    , m_status(withNames(new QComboBox, QStringLiteral("integrationStatusCombo"), tr("Status")))
    , m_guardBox(new QGroupBox(tr("Approval of Large Deletions")))
    , m_deleteLimit(withNames(new QSpinBox, QStringLiteral("deleteLimitSpin"),
                              tr("Largest share of a kind of record marked to be deleted without "
                                 "approval, in percent")))
    , m_saveButton(withNames(new QPushButton(tr("Save")), QStringLiteral("saveButton"), tr("Save")))
    , m_cancelButton(
          withNames(new QPushButton(tr("Cancel")), QStringLiteral("cancelButton"), tr("Cancel")))
{
    setObjectName(QStringLiteral("inboundIntegrationForm"));
    m_title->setObjectName(QStringLiteral("inboundFormTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_errors.setFallbackLabel(m_generalError);

    auto content = new QWidget;
    // Lines of form fields stay readable on wide windows.
    content->setMaximumWidth(1000);
    auto contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(createIntegrationSection());
    contentLayout->addWidget(createGuardSection());
    contentLayout->addStretch();

    m_scroll->setObjectName(QStringLiteral("inboundFormScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(content);
    WheelGuard::protect(m_scroll);

    auto buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_cancelButton);
    m_saveButton->setDefault(true);
    m_saveButton->setEnabled(false);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_generalError);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);

    connect(m_saveButton, &QPushButton::clicked, this, &InboundIntegrationForm::save);
    connect(m_cancelButton, &QPushButton::clicked, this, &InboundIntegrationForm::cancelled);
}

InboundIntegrationForm::~InboundIntegrationForm()
{
    if (m_loadJob)
        m_loadJob->abort();
    if (m_saveJob)
        m_saveJob->abort();
}

QWidget *InboundIntegrationForm::createIntegrationSection()
{
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);
    m_status->addItem(tr("Active"), true);
    m_status->addItem(tr("Inactive"), false);
    m_status->setToolTip(tr("An Inactive integration takes no files."));
    for (QComboBox *combo : {m_year, m_status})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto box = new QGroupBox(tr("Integration"));
    box->setObjectName(QStringLiteral("inboundIntegrationGroup"));
    auto form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("System type:"), m_systemType);
    form->addRow(tr("Vendor:"), m_vendor);
    form->addRow(tr("System:"), m_system);
    form->addRow(tr("Product:"), m_product);
    form->addRow(tr("Files:"), m_files);
    form->addRow(tr("Year:"), m_errors.wrap(QStringLiteral("schoolYear"), m_year));
    form->addRow(tr("System notes:"), m_errors.wrap(QStringLiteral("notes"), m_notes));
    form->addRow(tr("Retries after an engine stop:"),
                 m_errors.wrap(QStringLiteral("workerLossRetries"), m_workerLossRetries));
    form->addRow(tr("Status:"), m_errors.wrap(QStringLiteral("active"), m_status));
    return box;
}

QWidget *InboundIntegrationForm::createGuardSection()
{
    m_deleteLimit->setRange(0, kMaxDeleteLimitPercent);
    m_deleteLimit->setValue(kDefaultDeleteLimitPercent);
    //: The unit after the number in the deletion limit's spin box.
    m_deleteLimit->setSuffix(tr("%"));

    // The spin box sits inside the sentence, at %1, so that each language keeps its own word
    // order. A right-to-left layout mirrors the row.
    //: %1 is a spin box with the percentage, such as 10%.
    const QString sentence
        = tr("Hold a load that marks more than %1 of a kind of record to be deleted");
    const QString placeholder = QStringLiteral("%1");
    auto before = new QLabel(sentence.section(placeholder, 0, 0).trimmed());
    before->setObjectName(QStringLiteral("deleteLimitLabel"));
    before->setBuddy(m_deleteLimit);
    auto after = new QLabel(sentence.section(placeholder, 1).trimmed());
    after->setObjectName(QStringLiteral("deleteLimitUnitLabel"));
    auto sentenceRow = new QHBoxLayout;
    sentenceRow->addWidget(before);
    sentenceRow->addWidget(m_deleteLimit);
    sentenceRow->addWidget(after);
    sentenceRow->addStretch();

    QLabel *error = FieldErrors::createLabel(QStringLiteral("deleteLimitSpinError"));
    m_errors.add(QStringLiteral("deleteLimitPercent"), m_deleteLimit, error);

    auto explanation = new QLabel(tr("A held load waits in Runbook Activities for an operator "
                                     "to approve or reject it. 0 holds any load that marks a "
                                     "record to be deleted, and 100 holds none."));
    explanation->setObjectName(QStringLiteral("deleteLimitExplanation"));
    explanation->setWordWrap(true);
    m_deleteLimit->setToolTip(explanation->text());

    m_guardBox->setObjectName(QStringLiteral("deleteLimitGroup"));
    auto layout = new QVBoxLayout(m_guardBox);
    layout->addLayout(sentenceRow);
    layout->addWidget(error);
    layout->addWidget(explanation);
    return m_guardBox;
}

void InboundIntegrationForm::loadIntegration(qint64 id)
{
    if (m_loadJob) {
        disconnect(m_loadJob, nullptr, this, nullptr);
        m_loadJob->abort();
    }
    // Each integration opens at the top, not where the last one was left.
    m_scroll->verticalScrollBar()->setValue(0);
    m_integrationId = id;
    m_integration = {};
    m_errors.clear();
    m_title->setText(tr("Manage Inbound Integration"));
    // Until the integration has arrived, Save would replace it with an empty form.
    m_saveButton->setEnabled(false);

    m_loadJob = m_client->fetchIntegration(id);
    connect(m_loadJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_loadJob.clear();
        if (!result.ok()) {
            showGeneralError(result.errorMessage);
            emit loadFailed();
            return;
        }
        fillFromIntegration(result.body.object());
        m_saveButton->setEnabled(true);
        emit loaded();
    });
}

void InboundIntegrationForm::fillFromIntegration(const QJsonObject &integration)
{
    m_integration = integration;
    m_title->setText(tr("Manage Inbound Integration: %1")
                         .arg(integration.value(QStringLiteral("displayName")).toString()));
    m_systemType->setText(integration.value(QStringLiteral("systemType")).toString());
    m_vendor->setText(integration.value(QStringLiteral("vendor")).toString());
    m_system->setText(integration.value(QStringLiteral("system")).toString());
    m_product->setText(integration.value(QStringLiteral("productName")).toString());

    const bool bundle
        = integration.value(QStringLiteral("productKey")).toString() == kBundleProductKey;
    m_files->setText(bundle ? tr("A OneRoster CSV bundle, as a zip or a folder, or one OneRoster "
                                 "XML file")
                            : tr("One CSV or XML file, read with the product's file "
                                 "specifications"));
    fillYears(integration.value(QStringLiteral("schoolYear")));
    m_notes->setPlainText(integration.value(QStringLiteral("notes")).toString());
    m_workerLossRetries->setValue(
        integration.value(QStringLiteral("workerLossRetries")).toInt(kDefaultWorkerLossRetries));
    m_status->setCurrentIndex(integration.value(QStringLiteral("active")).toBool(true) ? 0 : 1);
    m_deleteLimit->setValue(integration.value(QStringLiteral("deleteLimitPercent"))
                                .toInt(kDefaultDeleteLimitPercent));
    // Assessment and attendance loads are never held, so their limit is not offered.
    m_guardBox->setVisible(bundle);
}

void InboundIntegrationForm::fillYears(const QJsonValue &schoolYear)
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

QJsonObject InboundIntegrationForm::toJson() const
{
    // The engine accepts what GET returned, read-only fields included, so fields that the form
    // does not show go back as they were.
    QJsonObject integration = m_integration;
    const QVariant year = m_year->currentData();
    integration.insert(QStringLiteral("schoolYear"),
                       year.isValid() ? QJsonValue(year.toInt()) : QJsonValue());
    integration.insert(QStringLiteral("notes"), m_notes->toPlainText());
    integration.insert(QStringLiteral("workerLossRetries"), m_workerLossRetries->value());
    integration.insert(QStringLiteral("active"), m_status->currentData().toBool());
    integration.insert(QStringLiteral("deleteLimitPercent"), m_deleteLimit->value());
    return integration;
}

void InboundIntegrationForm::save()
{
    if (m_saveJob || m_integration.isEmpty())
        return;
    m_errors.clear();
    m_saveButton->setEnabled(false);

    m_saveJob = m_client->saveIntegration(m_integrationId, toJson());
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        // The job deletes itself later; a save from a slot of saved() must not see it.
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

void InboundIntegrationForm::showFieldErrors(const ApiResult &result)
{
    if (result.fieldErrors.isEmpty()) {
        showGeneralError(result.errorMessage);
        return;
    }
    m_errors.showAndFocus(result.fieldErrors, m_scroll);
}

void InboundIntegrationForm::showGeneralError(const QString &message)
{
    if (message.isEmpty())
        return;
    m_generalError->setText(message);
    m_generalError->show();
}

} // namespace hubdesk
