// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "scheduleeditor.h"

#include "fielderrors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <utility>

namespace hubdesk {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
const QTime kDefaultStartTime(2, 0);

template<typename Widget>
Widget *named(Widget *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

QWidget *row(std::initializer_list<QWidget *> widgets)
{
    auto container = new QWidget;
    auto layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    layout->addStretch();
    // Focus and accessible descriptions go to the row's first control.
    container->setFocusProxy(*widgets.begin());
    return container;
}

} // namespace

ScheduleEditor::ScheduleEditor(FieldErrors *errors, QWidget *parent)
    : QWidget(parent)
    , m_runAtNextCycle(named(new QCheckBox(tr("Run at next available cycle")),
                             QStringLiteral("runAtNextCycleCheck"),
                             tr("Run at next available cycle")))
    , m_type(named(new QComboBox, QStringLiteral("scheduleTypeCombo"), tr("Schedule type")))
    , m_startDate(named(new QDateEdit, QStringLiteral("startDateEdit"), tr("Start date")))
    , m_startTime(named(new QTimeEdit, QStringLiteral("startTimeEdit"), tr("Start time")))
    , m_repeatEvery(named(new QSpinBox, QStringLiteral("repeatEverySpin"), tr("Repeat every")))
    , m_repeatUnits(new QLabel)
    , m_advanced(named(new QCheckBox(tr("Advanced")), QStringLiteral("advancedCheck"),
                       tr("Advanced repetition")))
    , m_advancedRow(new QWidget)
    , m_everyMinutes(named(new QSpinBox, QStringLiteral("everyMinutesSpin"),
                           tr("Repeat task every, in minutes")))
    , m_durationMinutes(named(new QSpinBox, QStringLiteral("durationMinutesSpin"),
                              tr("For a duration of, in minutes")))
    , m_hasEndDate(named(new QCheckBox(tr("End date")), QStringLiteral("endDateCheck"),
                         tr("Use an end date")))
    , m_endDate(named(new QDateEdit, QStringLiteral("endDateEdit"), tr("End date")))
    , m_status(named(new QComboBox, QStringLiteral("scheduleStatusCombo"), tr("Schedule status")))
{
    m_type->addItem(tr("Once"), QStringLiteral("once"));
    m_type->addItem(tr("Hourly"), QStringLiteral("hourly"));
    m_type->addItem(tr("Daily"), QStringLiteral("daily"));
    m_type->addItem(tr("Weekly"), QStringLiteral("weekly"));
    m_type->addItem(tr("Monthly"), QStringLiteral("monthly"));

    for (QDateEdit *date : {m_startDate, m_endDate}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    }
    m_startTime->setDisplayFormat(QStringLiteral("hh:mm AP"));

    m_repeatEvery->setRange(1, 999);
    m_repeatUnits->setObjectName(QStringLiteral("repeatUnitsLabel"));
    m_everyMinutes->setRange(1, kMinutesPerDay);
    m_durationMinutes->setRange(1, kMinutesPerDay);

    for (QComboBox *combo : {m_type, m_status})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->addItem(tr("Active"), true);
    m_status->addItem(tr("Inactive"), false);

    auto sentence = new QHBoxLayout;
    //: The advanced repetition reads as one sentence: Repeat task every [15] minutes for a
    //: duration of [120] minutes.
    sentence->addWidget(new QLabel(tr("Repeat task every")));
    sentence->addWidget(m_everyMinutes);
    sentence->addWidget(new QLabel(tr("minutes for a duration of")));
    sentence->addWidget(m_durationMinutes);
    sentence->addWidget(new QLabel(tr("minutes")));
    sentence->addStretch();
    auto advancedLayout = new QVBoxLayout(m_advancedRow);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->addLayout(sentence);
    for (const auto &[key, spin] :
         {std::pair{QStringLiteral("everyMinutes"), m_everyMinutes},
          std::pair{QStringLiteral("durationMinutes"), m_durationMinutes}}) {
        QLabel *label = FieldErrors::createLabel(spin->objectName() + QStringLiteral("Error"));
        advancedLayout->addWidget(label);
        errors->add(QStringLiteral("schedule.advanced.") + key, spin, label);
    }
    m_advancedRow->setObjectName(QStringLiteral("advancedRow"));
    m_advancedRow->setVisible(false);

    auto form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_runAtNextCycle);
    form->addRow(tr("Schedule type:"), errors->wrap(QStringLiteral("schedule.type"), m_type));
    form->addRow(tr("Start date:"),
                 errors->wrap(QStringLiteral("schedule.startDate"), row({m_startDate})));
    form->addRow(tr("Start time:"),
                 errors->wrap(QStringLiteral("schedule.startTime"), row({m_startTime})));
    form->addRow(tr("Repeat every:"), errors->wrap(QStringLiteral("schedule.repeatEvery"),
                                                   row({m_repeatEvery, m_repeatUnits})));
    form->addRow(m_advanced);
    form->addRow(m_advancedRow);
    form->addRow(errors->wrap(QStringLiteral("schedule.endDate"), row({m_hasEndDate, m_endDate})));
    form->addRow(tr("Schedule status:"), errors->wrap(QStringLiteral("schedule.active"), m_status));

    connect(m_type, &QComboBox::currentIndexChanged, this, &ScheduleEditor::updateRepeatUnits);
    connect(m_advanced, &QCheckBox::toggled, m_advancedRow, &QWidget::setVisible);
    connect(m_hasEndDate, &QCheckBox::toggled, m_endDate, &QWidget::setEnabled);

    reset(QDate::currentDate());
}

void ScheduleEditor::reset(const QDate &today)
{
    m_runAtNextCycle->setChecked(false);
    m_type->setCurrentIndex(m_type->findData(QStringLiteral("daily")));
    m_startDate->setDate(today);
    m_startTime->setTime(kDefaultStartTime);
    m_repeatEvery->setValue(1);
    m_advanced->setChecked(false);
    m_everyMinutes->setValue(60);
    m_durationMinutes->setValue(kMinutesPerDay - 60);
    m_hasEndDate->setChecked(false);
    m_endDate->setEnabled(false);
    m_endDate->setDate(today.addYears(1));
    m_status->setCurrentIndex(0);
    updateRepeatUnits();
}

void ScheduleEditor::setSchedule(const QJsonValue &value, bool runAtNextCycle)
{
    reset(m_startDate->date());
    m_runAtNextCycle->setChecked(runAtNextCycle);
    if (!value.isObject()) {
        m_status->setCurrentIndex(m_status->findData(false));
        return;
    }

    const QJsonObject schedule = value.toObject();
    const int type = m_type->findData(schedule.value(QStringLiteral("type")).toString());
    m_type->setCurrentIndex(qMax(0, type));
    const QDate start
        = QDate::fromString(schedule.value(QStringLiteral("startDate")).toString(), Qt::ISODate);
    if (start.isValid())
        m_startDate->setDate(start);
    const QTime time = QTime::fromString(schedule.value(QStringLiteral("startTime")).toString(),
                                         QStringLiteral("HH:mm"));
    if (time.isValid())
        m_startTime->setTime(time);
    m_repeatEvery->setValue(schedule.value(QStringLiteral("repeatEvery")).toInt(1));

    const QJsonObject advanced = schedule.value(QStringLiteral("advanced")).toObject();
    m_advanced->setChecked(advanced.value(QStringLiteral("enabled")).toBool());
    m_everyMinutes->setValue(advanced.value(QStringLiteral("everyMinutes")).toInt(60));
    m_durationMinutes->setValue(
        advanced.value(QStringLiteral("durationMinutes")).toInt(kMinutesPerDay - 60));

    const QDate end
        = QDate::fromString(schedule.value(QStringLiteral("endDate")).toString(), Qt::ISODate);
    m_hasEndDate->setChecked(end.isValid());
    if (end.isValid())
        m_endDate->setDate(end);
    const bool active = schedule.value(QStringLiteral("active")).toBool(true);
    m_status->setCurrentIndex(m_status->findData(active));
}

QJsonObject ScheduleEditor::schedule() const
{
    QJsonObject schedule{
        {QStringLiteral("type"), m_type->currentData().toString()},
        {QStringLiteral("startDate"), m_startDate->date().toString(Qt::ISODate)},
        {QStringLiteral("startTime"), m_startTime->time().toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("repeatEvery"), m_repeatEvery->value()},
        {QStringLiteral("advanced"),
         QJsonObject{{QStringLiteral("enabled"), m_advanced->isChecked()},
                     {QStringLiteral("everyMinutes"), m_everyMinutes->value()},
                     {QStringLiteral("durationMinutes"), m_durationMinutes->value()}}},
        {QStringLiteral("active"), m_status->currentData().toBool()},
    };
    schedule.insert(QStringLiteral("endDate"),
                    m_hasEndDate->isChecked() ? QJsonValue(m_endDate->date().toString(Qt::ISODate))
                                              : QJsonValue());
    return schedule;
}

bool ScheduleEditor::runAtNextCycle() const
{
    return m_runAtNextCycle->isChecked();
}

void ScheduleEditor::updateRepeatUnits()
{
    const QString type = m_type->currentData().toString();
    QString units;
    if (type == QLatin1String("hourly"))
        units = tr("Hours");
    else if (type == QLatin1String("daily"))
        units = tr("Days");
    else if (type == QLatin1String("weekly"))
        units = tr("Weeks");
    else if (type == QLatin1String("monthly"))
        units = tr("Months");
    m_repeatUnits->setText(units);
    // A schedule of type once has nothing to repeat.
    m_repeatEvery->setEnabled(!units.isEmpty());
}

} // namespace hubdesk
