// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runfilterbar.h"

#include "timeformat.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>

namespace hubdesk {

namespace {

QDateEdit *newDateEdit(const QString &objectName, const QString &accessibleName)
{
    auto edit = new QDateEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(dateEditFormat());
    return edit;
}

QComboBox *newComboBox(const QString &objectName, const QString &accessibleName)
{
    auto box = new QComboBox;
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

QLabel *newBuddyLabel(const QString &text, QWidget *buddy)
{
    auto label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

// The day a run belongs to: its start, or its queue time while it has not started.
QDate runDay(const QJsonObject &run, const QTimeZone &zone)
{
    QDateTime start = parseEngineTime(run.value(QStringLiteral("startedAt")).toString());
    if (!start.isValid())
        start = parseEngineTime(run.value(QStringLiteral("queuedAt")).toString());
    return start.toTimeZone(zone).date();
}

} // namespace

RunFilterBar::RunFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_range(new QCheckBox(tr("Date ran&ge")))
    , m_date(newDateEdit(QStringLiteral("runbookDateEdit"), tr("Show the runs of this date")))
    , m_toDate(newDateEdit(QStringLiteral("runbookToDateEdit"), tr("Show runs up to this date")))
    , m_integration(newComboBox(QStringLiteral("runbookIntegrationFilter"), tr("Integration")))
    , m_type(newComboBox(QStringLiteral("runbookTypeFilter"), tr("Integration type")))
    , m_status(newComboBox(QStringLiteral("runbookStatusFilter"), tr("Run status")))
    , m_trigger(newComboBox(QStringLiteral("runbookTriggerFilter"), tr("Run trigger")))
{
    setObjectName(QStringLiteral("runbookFilterBar"));
    m_range->setObjectName(QStringLiteral("runbookDateRangeCheck"));
    m_range->setAccessibleName(tr("Show runs in a date range"));
    m_dateLabel = newBuddyLabel(tr("&Date:"), m_date);
    m_toLabel = newBuddyLabel(tr("T&o:"), m_toDate);

    m_integration->addItem(tr("All"), QString());
    // Display names run to about 60 characters, such as "External System: MiLEARN 2:
    // MiLEARN-Authorizations Data (current)". The closed box shows the first 32 so that the
    // page fits a laptop screen; the open list is wide enough for whole names.
    m_integration->setMinimumContentsLength(32);
    m_integration->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_integration->view()->setMinimumWidth(m_integration->fontMetrics().averageCharWidth() * 64);
    connect(m_integration, &QComboBox::currentTextChanged, m_integration,
            &QComboBox::setToolTip);

    m_type->addItem(tr("All"), QString());
    m_type->addItem(tr("Outbound"), QStringLiteral("outbound"));
    m_type->addItem(tr("Inbound"), QStringLiteral("inbound"));
    m_type->addItem(tr("API"), QStringLiteral("api"));
    m_type->addItem(tr("OneRoster"), QStringLiteral("oneroster"));

    m_status->addItem(tr("All"), QString());
    m_status->addItem(tr("Failed"), QStringLiteral("9"));
    m_status->addItem(tr("Succeeded"), QStringLiteral("0"));
    m_status->addItem(tr("Succeeded with warnings"), QStringLiteral("8"));
    m_status->addItem(tr("Running"), QStringLiteral("1"));
    m_status->addItem(tr("Queued"), QStringLiteral("2"));
    m_status->addItem(tr("Cancelled"), QStringLiteral("3"));
    //: A status filter: failed, cancelled and succeeded-with-warnings runs together.
    m_status->addItem(tr("Needs attention"), QStringLiteral("9,3,8"));

    m_trigger->addItem(tr("All"), QString());
    m_trigger->addItem(tr("Schedule"), QStringLiteral("schedule"));
    m_trigger->addItem(tr("Manual"), QStringLiteral("manual"));
    m_trigger->addItem(tr("Catch-up"), QStringLiteral("catch-up"));
    m_trigger->addItem(tr("Retry"), QStringLiteral("retry"));

    auto dates = new QHBoxLayout;
    dates->addWidget(m_date);
    dates->addWidget(m_toLabel);
    dates->addWidget(m_toDate);
    dates->addWidget(m_range);
    dates->addStretch();

    auto kinds = new QHBoxLayout;
    kinds->addWidget(m_type);
    kinds->addWidget(newBuddyLabel(tr("&Status:"), m_status));
    kinds->addWidget(m_status);
    kinds->addWidget(newBuddyLabel(tr("T&rigger:"), m_trigger));
    kinds->addWidget(m_trigger);
    kinds->addStretch();

    auto layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dateLabel, 0, 0);
    layout->addLayout(dates, 0, 1);
    layout->addWidget(newBuddyLabel(tr("&Integration:"), m_integration), 0, 2);
    layout->addWidget(m_integration, 0, 3);
    layout->addWidget(newBuddyLabel(tr("T&ype:"), m_type), 1, 0);
    layout->addLayout(kinds, 1, 1, 1, 3);

    connect(m_range, &QCheckBox::toggled, this, &RunFilterBar::updateDateMode);
    updateDateMode();
}

void RunFilterBar::setIntegrations(const QJsonArray &integrations)
{
    const QVariant selected = m_integration->currentData();
    while (m_integration->count() > 1)
        m_integration->removeItem(1);
    for (const QJsonValue &value : integrations) {
        const QJsonObject integration = value.toObject();
        m_integration->addItem(
            integration.value(QStringLiteral("displayName")).toString(),
            QString::number(integration.value(QStringLiteral("id")).toInteger()));
    }
    m_integration->setCurrentIndex(qMax(0, m_integration->findData(selected)));
}

void RunFilterBar::setIntegrationId(qint64 integrationId)
{
    if (integrationId <= 0) {
        m_integration->setCurrentIndex(0);
        return;
    }
    const QString value = QString::number(integrationId);
    int index = m_integration->findData(value);
    if (index < 0) {
        // The list has not arrived yet; setIntegrations() replaces this entry with the named one.
        m_integration->addItem(tr("Integration %1").arg(integrationId), value);
        index = m_integration->count() - 1;
    }
    m_integration->setCurrentIndex(index);
}

void RunFilterBar::reset(const QDate &date)
{
    setIntegrations({});
    for (QComboBox *box : {m_integration, m_type, m_status, m_trigger})
        box->setCurrentIndex(0);
    setDate(date);
}

bool RunFilterBar::hasIntegrations() const
{
    return m_integration->count() > 1;
}

void RunFilterBar::setDate(const QDate &date)
{
    m_range->setChecked(false);
    m_date->setDate(date);
    m_toDate->setDate(date);
}

QDate RunFilterBar::date() const
{
    return m_range->isChecked() ? m_toDate->date() : m_date->date();
}

void RunFilterBar::setDateRange(const QDate &from, const QDate &to)
{
    m_range->setChecked(true);
    m_date->setDate(from);
    m_toDate->setDate(to);
}

bool RunFilterBar::isDateRange() const
{
    return m_range->isChecked();
}

QUrlQuery RunFilterBar::query() const
{
    QUrlQuery query;
    const QString dayFormat = QStringLiteral("yyyy-MM-dd");
    if (m_range->isChecked()) {
        query.addQueryItem(QStringLiteral("from"), m_date->date().toString(dayFormat));
        query.addQueryItem(QStringLiteral("to"), m_toDate->date().toString(dayFormat));
    } else {
        // One day: the runs that started on it, not every earlier run as date= would list.
        const QString day = m_date->date().toString(dayFormat);
        query.addQueryItem(QStringLiteral("from"), day);
        query.addQueryItem(QStringLiteral("to"), day);
    }
    const std::pair<QString, const QComboBox *> boxes[] = {
        {QStringLiteral("integrationId"), m_integration},
        {QStringLiteral("type"), m_type},
        {QStringLiteral("status"), m_status},
        {QStringLiteral("trigger"), m_trigger},
    };
    for (const auto &[name, box] : boxes) {
        const QString value = box->currentData().toString();
        if (!value.isEmpty())
            query.addQueryItem(name, value);
    }
    return query;
}

bool RunFilterBar::matches(const QJsonObject &run, const QTimeZone &zone) const
{
    const QDate day = runDay(run, zone);
    if (!day.isValid() || day > date() || day < m_date->date())
        return false;

    const QString integration = m_integration->currentData().toString();
    if (!integration.isEmpty()
        && integration.toLongLong() != run.value(QStringLiteral("integrationId")).toInteger())
        return false;
    const QString type = m_type->currentData().toString();
    if (!type.isEmpty() && type != run.value(QStringLiteral("integrationType")).toString())
        return false;
    const QString statuses = m_status->currentData().toString();
    const QString status = QString::number(run.value(QStringLiteral("status")).toInt());
    if (!statuses.isEmpty() && !statuses.split(QLatin1Char(',')).contains(status))
        return false;
    const QString trigger = m_trigger->currentData().toString();
    return trigger.isEmpty() || trigger == run.value(QStringLiteral("trigger")).toString();
}

void RunFilterBar::updateDateMode()
{
    const bool range = m_range->isChecked();
    m_dateLabel->setText(range ? tr("&From:") : tr("&Date:"));
    m_date->setAccessibleName(range ? tr("Show runs from this date")
                                    : tr("Show the runs of this date"));
    m_toLabel->setVisible(range);
    m_toDate->setVisible(range);
}

} // namespace hubdesk
