// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "auditlogpage.h"

#include "auditlogmodel.h"
#include "engineclient.h"
#include "timeformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

const QString kAuditPath = QStringLiteral("/api/v1/audit");

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

QPlainTextEdit *recordView(const QString &objectName, const QString &accessibleName)
{
    auto view = new QPlainTextEdit;
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFont(QStringLiteral("monospace")));
    return view;
}

// The record as indented JSON, or a dash when the entry has none (before a create, after a
// delete).
QString recordText(const QJsonValue &record)
{
    if (!record.isObject() || record.toObject().isEmpty())
        return QStringLiteral("—");
    return QString::fromUtf8(QJsonDocument(record.toObject()).toJson(QJsonDocument::Indented));
}

} // namespace

AuditLogPage::AuditLogPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new AuditLogModel(this))
    , m_table(new QTableView)
    , m_entryHeading(new QLabel)
    , m_before(recordView(QStringLiteral("auditBeforeView"), tr("Before")))
    , m_after(recordView(QStringLiteral("auditAfterView"), tr("After")))
    , m_previousButton(new QPushButton(tr("Previous")))
    , m_nextButton(new QPushButton(tr("Next")))
    , m_pageLabel(new QLabel)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("auditLogPage"));
    auto filterBar = new QWidget;
    buildFilters(filterBar);

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit log entries"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogPage::showEntry);

    m_entryHeading->setObjectName(QStringLiteral("auditEntryHeading"));
    m_entryHeading->setWordWrap(true);
    auto detail = new QWidget;
    auto detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_entryHeading);
    auto records = new QHBoxLayout;
    auto beforeColumn = new QVBoxLayout;
    beforeColumn->addWidget(buddyLabel(tr("Before"), m_before));
    beforeColumn->addWidget(m_before);
    auto afterColumn = new QVBoxLayout;
    afterColumn->addWidget(buddyLabel(tr("After"), m_after));
    afterColumn->addWidget(m_after);
    records->addLayout(beforeColumn);
    records->addLayout(afterColumn);
    detailLayout->addLayout(records);

    auto splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_previousButton->setObjectName(QStringLiteral("auditPreviousButton"));
    m_nextButton->setObjectName(QStringLiteral("auditNextButton"));
    m_pageLabel->setObjectName(QStringLiteral("auditPageLabel"));
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setWordWrap(true);
    connect(m_previousButton, &QPushButton::clicked, this, &AuditLogPage::showPreviousPage);
    connect(m_nextButton, &QPushButton::clicked, this, &AuditLogPage::showNextPage);
    auto paging = new QHBoxLayout;
    paging->addWidget(m_message, 1);
    paging->addWidget(m_previousButton);
    paging->addWidget(m_pageLabel);
    paging->addWidget(m_nextButton);

    auto title = new QLabel(tr("Audit Log"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(filterBar);
    layout->addWidget(splitter, 1);
    layout->addLayout(paging);
    updatePaging();
    showEntry();
}

AuditLogPage::~AuditLogPage()
{
    if (m_listJob)
        m_listJob->abort();
    if (m_exportJob)
        m_exportJob->abort();
}

void AuditLogPage::buildFilters(QWidget *bar)
{
    m_dateFilter = new QCheckBox(tr("From"));
    m_dateFilter->setObjectName(QStringLiteral("auditDateFilter"));
    m_dateFilter->setToolTip(tr("Show only entries logged from the first date through the "
                                "second, in the district's time zone"));
    const auto dateEdit = [](const QString &objectName, const QString &accessibleName) {
        auto edit = new QDateEdit;
        edit->setObjectName(objectName);
        edit->setAccessibleName(accessibleName);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(dateEditFormat());
        edit->setEnabled(false);
        return edit;
    };
    m_from = dateEdit(QStringLiteral("auditFromDate"), tr("From date"));
    m_to = dateEdit(QStringLiteral("auditToDate"), tr("To date"));
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date();
    m_from->setDate(today.addDays(-30));
    m_to->setDate(today);
    connect(m_dateFilter, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_dateFilter, &QCheckBox::toggled, m_to, &QWidget::setEnabled);

    m_actor = new QLineEdit;
    m_actor->setObjectName(QStringLiteral("auditActorEdit"));
    m_actor->setClearButtonEnabled(true);
    m_actor->setPlaceholderText(tr("Any user"));
    m_actor->setToolTip(tr("The exact user name, such as jsmith"));
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditLogPage::refresh);

    m_entity = new QComboBox;
    m_entity->setObjectName(QStringLiteral("auditEntityCombo"));
    m_entity->addItem(tr("All"), QString());
    for (const char *entity : {"integration", "destination", "blackout", "file_spec",
                               "oneroster_application", "notification_settings",
                               "integration_notifications", "user", "district", "run",
                               "session"}) {
        const QString value = QString::fromLatin1(entity);
        m_entity->addItem(AuditLogModel::entityText(value), value);
    }
    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("auditActionCombo"));
    m_action->addItem(tr("All"), QString());
    for (const QString &action : AuditLogModel::actionCodes())
        m_action->addItem(AuditLogModel::actionText(action), action);

    m_searchButton = new QPushButton(tr("Search"));
    m_searchButton->setObjectName(QStringLiteral("auditSearchButton"));
    connect(m_searchButton, &QPushButton::clicked, this, &AuditLogPage::refresh);
    m_exportButton = new QPushButton(tr("Export CSV…"));
    m_exportButton->setObjectName(QStringLiteral("auditExportButton"));
    m_exportButton->setToolTip(tr("Save every entry that matches the filters as a CSV file"));
    connect(m_exportButton, &QPushButton::clicked, this, &AuditLogPage::exportWithDialog);

    // Two lines, because on one line the translated labels and the combo boxes' longest items
    // need a window wider than a 1280-pixel screen.
    auto dates = new QHBoxLayout;
    dates->addWidget(m_dateFilter);
    dates->addWidget(m_from);
    dates->addWidget(buddyLabel(tr("to"), m_to));
    dates->addWidget(m_to);
    dates->addSpacing(12);
    dates->addWidget(buddyLabel(tr("User:"), m_actor));
    dates->addWidget(m_actor, 1);
    auto kinds = new QHBoxLayout;
    kinds->addWidget(buddyLabel(tr("Record:"), m_entity));
    kinds->addWidget(m_entity);
    kinds->addWidget(buddyLabel(tr("Action:"), m_action));
    kinds->addWidget(m_action);
    kinds->addStretch(1);
    kinds->addWidget(m_searchButton);
    kinds->addWidget(m_exportButton);

    auto layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(dates);
    layout->addLayout(kinds);
}

QUrlQuery AuditLogPage::query() const
{
    QUrlQuery query;
    if (m_dateFilter->isChecked()) {
        query.addQueryItem(QStringLiteral("from"), m_from->date().toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("to"), m_to->date().toString(Qt::ISODate));
    }
    const QString actor = m_actor->text().trimmed();
    if (!actor.isEmpty())
        query.addQueryItem(QStringLiteral("actor"), actor);
    const QString entity = m_entity->currentData().toString();
    if (!entity.isEmpty())
        query.addQueryItem(QStringLiteral("entity"), entity);
    const QString action = m_action->currentData().toString();
    if (!action.isEmpty())
        query.addQueryItem(QStringLiteral("action"), action);
    return query;
}

void AuditLogPage::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid())
        return;
    m_zone = zone;
    m_model->setTimeZone(zone);
    showEntry();
}

void AuditLogPage::setDateRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    m_dateFilter->setChecked(true);
}

void AuditLogPage::refresh()
{
    load(0);
}

void AuditLogPage::clear()
{
    for (ApiJob *job : {m_listJob.data(), m_exportJob.data()}) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
    m_model->setPage({});
    updatePaging();
    showEntry();
    showMessage({});
}

void AuditLogPage::showNextPage()
{
    if (m_model->offset() + kPageSize < m_model->total())
        load(m_model->offset() + kPageSize);
}

void AuditLogPage::showPreviousPage()
{
    if (m_model->offset() > 0)
        load(qMax<qint64>(0, m_model->offset() - kPageSize));
}

void AuditLogPage::load(qint64 offset)
{
    // The older request is dropped without a report, so that it cannot clear the newer one.
    if (m_listJob) {
        disconnect(m_listJob, nullptr, this, nullptr);
        m_listJob->abort();
    }
    QUrlQuery parameters = query();
    parameters.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    parameters.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    m_listJob = m_client->get(kAuditPath, parameters);
    connect(m_listJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_listJob.clear();
        if (!result.ok()) {
            m_model->setPage({});
            QString text = result.errorMessage;
            for (auto it = result.fieldErrors.constBegin(); it != result.fieldErrors.constEnd(); ++it)
                text += QLatin1Char('\n') + it.value().toString();
            showMessage(text);
        } else {
            m_model->setPage(result.body.object());
            showMessage(m_model->total() == 0 ? tr("No entries match the filters.") : QString());
            if (m_model->rowCount() > 0)
                m_table->selectRow(0);
        }
        updatePaging();
        showEntry();
        emit refreshed();
    });
}

void AuditLogPage::updatePaging()
{
    const qint64 first = m_model->rowCount() == 0 ? 0 : m_model->offset() + 1;
    const qint64 last = m_model->offset() + m_model->rowCount();
    //: The entries shown on this page and the entries that match the filters.
    m_pageLabel->setText(tr("Entries %1–%2 of %3").arg(first).arg(last).arg(m_model->total()));
    m_previousButton->setEnabled(m_model->offset() > 0);
    m_nextButton->setEnabled(last < m_model->total());
}

void AuditLogPage::showEntry()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QJsonObject entry = current.isValid() ? m_model->entry(current.row()) : QJsonObject();
    if (entry.isEmpty()) {
        m_entryHeading->setText(tr("Select an entry to see the record before and after the "
                                   "change."));
        m_before->clear();
        m_after->clear();
        return;
    }
    const QString when = formatDistrictTime(
        parseEngineTime(entry.value(QStringLiteral("loggedAt")).toString()), m_zone);
    const QString record = m_model->data(m_model->index(current.row(), AuditLogModel::RecordColumn))
                               .toString();
    //: An audit entry: the action, the record, the user and the time, such as "Update
    //: Destination 4 by jsmith at 12/04/2026 10:15:00 AM EST".
    m_entryHeading->setText(tr("%1 %2 by %3 at %4")
                                .arg(AuditLogModel::actionText(entry.value(QStringLiteral("action")).toString()),
                                     record, entry.value(QStringLiteral("actor")).toString(), when));
    m_before->setPlainText(recordText(entry.value(QStringLiteral("before"))));
    m_after->setPlainText(recordText(entry.value(QStringLiteral("after"))));
}

void AuditLogPage::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"),
                                                      QStringLiteral("audit-log.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void AuditLogPage::exportTo(const QString &path)
{
    if (m_exportJob) {
        disconnect(m_exportJob, nullptr, this, nullptr);
        m_exportJob->abort();
    }
    m_exportButton->setEnabled(false);
    showMessage(tr("Exporting the audit log…"));
    m_exportJob = m_client->download(QStringLiteral("/api/v1/audit.csv"), query());
    connect(m_exportJob, &ApiJob::finished, this, [this, path](const ApiResult &result) {
        m_exportJob.clear();
        m_exportButton->setEnabled(true);
        QString error;
        if (!result.ok()) {
            error = result.errorMessage;
        } else {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(result.data) != result.data.size()
                || !file.commit())
                error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        }
        showMessage(error.isEmpty()
                        ? tr("Saved the audit log to %1.").arg(QDir::toNativeSeparators(path))
                        : error);
        emit exported(path, error);
    });
}

QString AuditLogPage::message() const
{
    return m_message->text();
}

void AuditLogPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace hubdesk
