// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "validationreportdialog.h"

#include "engineclient.h"
#include "validationreportmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace hubdesk {

ValidationReportDialog::ValidationReportDialog(EngineClient *client, qint64 runId,
                                               QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_runId(runId)
    , m_model(new ValidationReportModel(this))
    , m_filter(new ValidationReportFilter(this))
    , m_summary(new QLabel)
    , m_severity(new QComboBox)
    , m_file(new QComboBox)
    , m_text(new QLineEdit)
    , m_table(new QTableView)
    , m_message(new QLabel)
    , m_exportButton(new QPushButton(tr("Export to CSV…")))
{
    setObjectName(QStringLiteral("validationReportDialog"));
    setWindowTitle(tr("Validation Report of Run %1").arg(runId));
    m_filter->setSourceModel(m_model);

    m_summary->setObjectName(QStringLiteral("validationReportSummary"));
    m_summary->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("validationReportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_severity->setObjectName(QStringLiteral("validationReportSeverity"));
    m_severity->setAccessibleName(tr("Show findings of this severity"));
    m_severity->addItem(tr("Errors and warnings"), QString());
    m_severity->addItem(tr("Errors"), QStringLiteral("error"));
    m_severity->addItem(tr("Warnings"), QStringLiteral("warning"));
    m_file->setObjectName(QStringLiteral("validationReportFile"));
    m_file->setAccessibleName(tr("Show findings about this file"));
    m_file->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillFileChoices();
    m_text->setObjectName(QStringLiteral("validationReportText"));
    m_text->setAccessibleName(tr("Show findings that contain this text"));
    m_text->setPlaceholderText(tr("Value, column, rule or message"));
    m_text->setClearButtonEnabled(true);

    m_table->setObjectName(QStringLiteral("validationReportTable"));
    m_table->setAccessibleName(tr("Validation findings"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    // Unsorted, the rows keep the engine's order, which is the order of the file.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    // The message tells what to change, so it wraps onto more lines instead of being cut. Long
    // values and column names keep their start and end, and the tool tip has the whole text.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(ValidationReportModel::MessageColumn, QHeaderView::Stretch);
    header->resizeSection(ValidationReportModel::FileColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("academicSessions.csv"))
                              + 16);
    header->resizeSection(ValidationReportModel::LineColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 24);
    header->resizeSection(
        ValidationReportModel::FieldColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("schoolYearSourcedId")) + 16);
    header->resizeSection(ValidationReportModel::RuleColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("unknown-reference"))
                              + 16);

    m_exportButton->setObjectName(QStringLiteral("validationReportExportButton"));
    m_exportButton->setAccessibleName(tr("Export the shown findings to a CSV file"));
    m_exportButton->setEnabled(false);

    auto filters = new QHBoxLayout;
    auto severityLabel = new QLabel(tr("&Severity:"));
    severityLabel->setBuddy(m_severity);
    auto fileLabel = new QLabel(tr("&File:"));
    fileLabel->setBuddy(m_file);
    auto textLabel = new QLabel(tr("&Text:"));
    textLabel->setBuddy(m_text);
    filters->addWidget(severityLabel);
    filters->addWidget(m_severity);
    filters->addWidget(fileLabel);
    filters->addWidget(m_file);
    filters->addWidget(textLabel);
    filters->addWidget(m_text, 1);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_exportButton, QDialogButtonBox::ActionRole);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1100, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, &ValidationReportDialog::exportWithDialog);
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSeverity(m_severity->currentData().toString());
        updateSummary();
    });
    connect(m_file, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setFile(m_file->currentData().toString());
        updateSummary();
    });
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateSummary();
    });

    m_summary->setText(tr("Loading the validation report…"));
    fetchPage(0);
}

ValidationReportDialog::~ValidationReportDialog()
{
    if (m_job)
        m_job->abort();
}

void ValidationReportDialog::fetchPage(qint64 offset)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    m_job = m_client->get(QStringLiteral("/api/v1/runs/%1/validation").arg(m_runId), query);
    connect(m_job, &ApiJob::finished, this,
            [this, offset](const ApiResult &result) { onPageLoaded(result, offset); });
}

void ValidationReportDialog::onPageLoaded(const ApiResult &result, qint64 offset)
{
    m_job.clear();
    if (!result.ok()) {
        m_summary->setText(tr("The validation report could not be loaded."));
        showMessage(result.errorMessage);
        emit loaded(result.errorMessage);
        return;
    }
    const QJsonObject page = result.body.object();
    const qint64 received = page.value(QStringLiteral("issues")).toArray().size();
    m_model->appendPage(page);
    // Each request reads the rows after those received. An empty page ends the loop even if
    // the report shrank meanwhile.
    if (received > 0 && m_model->rowCount() < m_model->total()) {
        fetchPage(offset + received);
        return;
    }
    fillFileChoices();
    updateSummary();
    m_exportButton->setEnabled(true);
    emit loaded({});
}

void ValidationReportDialog::fillFileChoices()
{
    const QString current = m_file->currentData().toString();
    const QSignalBlocker blocker(m_file);
    m_file->clear();
    m_file->addItem(tr("All files"), QString());
    for (const QString &file : m_model->files())
        m_file->addItem(file, file);
    m_file->setCurrentIndex(qMax(0, m_file->findData(current)));
}

void ValidationReportDialog::updateSummary()
{
    if (m_model->total() == 0) {
        m_summary->setText(tr("This run has no validation findings."));
        return;
    }
    //: Counts of the whole report, then the number of findings that the filters show and the
    //: number of findings in the report.
    m_summary->setText(tr("Errors: %1. Warnings: %2. Findings shown: %3 of %4.")
                           .arg(QString::number(m_model->errorCount()),
                                QString::number(m_model->warningCount()),
                                QString::number(m_filter->rowCount()),
                                QString::number(m_model->total())));
}

QString ValidationReportDialog::summaryText() const
{
    return m_summary->text();
}

QString ValidationReportDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ValidationReportDialog::chooseSeverity(const QString &severity)
{
    m_severity->setCurrentIndex(qMax(0, m_severity->findData(severity)));
}

void ValidationReportDialog::chooseFile(const QString &file)
{
    m_file->setCurrentIndex(qMax(0, m_file->findData(file)));
}

void ValidationReportDialog::setFilterText(const QString &text)
{
    m_text->setText(text);
}

void ValidationReportDialog::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("run-%1-validation.csv").arg(m_runId);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Validation Report"),
                                                      QDir(folder).filePath(name),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

QString ValidationReportDialog::exportTo(const QString &path)
{
    const QByteArray csv = m_filter->toCsv();
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    //: A file path, then the number of findings written to it.
    showMessage(error.isEmpty() ? tr("Saved %1. Findings: %2.")
                                      .arg(QDir::toNativeSeparators(path),
                                           QString::number(m_filter->rowCount()))
                                : error);
    return error;
}

void ValidationReportDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace hubdesk
