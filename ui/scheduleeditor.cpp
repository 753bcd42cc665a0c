// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "scheduleeditor.h"

#include "engineclient.h"
#include "fielderrors.h"
#include "schedulepreview.h"
#include "timeformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

#include <utility>

namespace hubdesk {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kDaysPerWeek = 7;
constexpr int kMaxDayOfMonth = 31;
const QTime kDefaultStartTime(2, 0);

template<typename Widget>
Widget *named(Widget *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

QWidget *row(const QString &objectName, std::initializer_list<QWidget *> widgets)
{
    auto container = new QWidget;
    container->setObjectName(objectName);
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

ScheduleEditor::ScheduleEditor(EngineClient *client, FieldErrors *errors, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_runAtNextCycle(named(new QCheckBox(tr("Run at next available cycle")),
                             QStringLiteral("runAtNextCycleCheck"),
                             tr("Run at next available cycle")))
    , m_type(named(new QComboBox, QStringLiteral("scheduleTypeCombo"), tr("Schedule type")))
    , m_startDate(named(new QDateEdit, QStringLiteral("startDateEdit"), tr("Start date")))
    , m_startTime(named(new QTimeEdit, QStringLiteral("startTimeEdit"), tr("Start time")))
    , m_repeatEvery(named(new QSpinBox, QStringLiteral("repeatEverySpin"), tr("Repeat every")))
    , m_repeatUnits(new QLabel)
    , m_dayOfMonthChoice(named(new QRadioButton(tr("Day")), QStringLiteral("dayOfMonthRadio"),
                               tr("On a day of the month")))
    , m_dayOfMonth(named(new QSpinBox, QStringLiteral("dayOfMonthSpin"), tr("Day of the month")))
    , m_lastDayChoice(named(new QRadioButton(tr("Last day")), QStringLiteral("lastDayRadio"),
                            tr("On the last day of the month")))
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
    , m_skipCatchUp(named(new QCheckBox(tr("Skip catch-up after downtime")),
                          QStringLiteral("skipCatchUpCheck"), tr("Skip catch-up after downtime")))
    , m_status(named(new QComboBox, QStringLiteral("scheduleStatusCombo"), tr("Schedule status")))
    , m_preview(new SchedulePreview(client, errors))
{
    m_type->addItem(tr("Once"), QStringLiteral("once"));
    m_type->addItem(tr("Hourly"), QStringLiteral("hourly"));
    m_type->addItem(tr("Daily"), QStringLiteral("daily"));
    m_type->addItem(tr("Weekly"), QStringLiteral("weekly"));
    m_type->addItem(tr("Monthly"), QStringLiteral("monthly"));

    for (QDateEdit *date : {m_startDate, m_endDate}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(dateEditFormat());
    }
    m_startTime->setDisplayFormat(timeEditFormat());

    m_repeatEvery->setRange(1, 999);
    m_repeatUnits->setObjectName(QStringLiteral("repeatUnitsLabel"));
    m_skipCatchUp->setToolTip(tr("Drop the runs missed while the engine was stopped, instead "
                                 "of making one catch-up run when it starts again."));

    for (QComboBox *combo : {m_type, m_status})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->addItem(tr("Active"), true);
    m_status->addItem(tr("Inactive"), false);

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_runAtNextCycle);
    m_form->addRow(tr("Schedule type:"), errors->wrap(QStringLiteral("schedule.type"), m_type));
    m_form->addRow(tr("Start date:"),
                   errors->wrap(QStringLiteral("schedule.startDate"),
                                row(QStringLiteral("startDateRow"), {m_startDate})));
    m_form->addRow(tr("Start time:"),
                   errors->wrap(QStringLiteral("schedule.startTime"),
                                row(QStringLiteral("startTimeRow"), {m_startTime})));
    m_form->addRow(tr("Repeat every:"), errors->wrap(QStringLiteral("schedule.repeatEvery"),
                                                     row(QStringLiteral("repeatEveryRow"),
                                                         {m_repeatEvery, m_repeatUnits})));
    m_daysField = createDaysOfWeek(errors);
    m_form->addRow(tr("On days:"), m_daysField);
    m_dayOfMonthField = createDayOfMonth(errors);
    m_form->addRow(tr("On day:"), m_dayOfMonthField);
    m_advancedField = errors->wrap(QStringLiteral("schedule.advanced.enabled"), m_advanced);
    m_form->addRow(m_advancedField);
    m_form->addRow(createAdvancedRow(errors));
    m_form->addRow(errors->wrap(QStringLiteral("schedule.endDate"),
                                row(QStringLiteral("endDateRow"), {m_hasEndDate, m_endDate})));
    m_form->addRow(errors->wrap(QStringLiteral("schedule.skipCatchUp"), m_skipCatchUp));
    m_form->addRow(tr("Schedule status:"),
                   errors->wrap(QStringLiteral("schedule.active"), m_status));
    m_form->addRow(tr("Next runs:"), m_preview);

    connect(m_type, &QComboBox::currentIndexChanged, this, &ScheduleEditor::updateTypeFields);
    connect(m_advanced, &QCheckBox::toggled, this, &ScheduleEditor::updateTypeFields);
    connect(m_hasEndDate, &QCheckBox::toggled, m_endDate, &QWidget::setEnabled);
    connect(m_dayOfMonthChoice, &QRadioButton::toggled, m_dayOfMonth, &QWidget::setEnabled);
    connect(m_startDate, &QDateEdit::dateChanged, this, &ScheduleEditor::followStartDate);
    connectDraftChanges();

    reset();
}

QWidget *ScheduleEditor::createDaysOfWeek(FieldErrors *errors)
{
    //: Check boxes for the days of a weekly schedule, Monday first.
    const QStringList shortNames
        = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    const QStringList names = {tr("Monday"), tr("Tuesday"),  tr("Wednesday"), tr("Thursday"),
                               tr("Friday"), tr("Saturday"), tr("Sunday")};
    auto days = new QWidget;
    auto layout = new QHBoxLayout(days);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int day = 1; day <= kDaysPerWeek; ++day) {
        auto check = named(new QCheckBox(shortNames.at(day - 1)),
                           QStringLiteral("dayOfWeekCheck%1").arg(day), names.at(day - 1));
        layout->addWidget(check);
        m_daysOfWeek.append(check);
    }
    layout->addStretch();
    days->setObjectName(QStringLiteral("daysOfWeekRow"));
    days->setFocusProxy(m_daysOfWeek.first());
    return errors->wrap(QStringLiteral("schedule.daysOfWeek"), days);
}

QWidget *ScheduleEditor::createDayOfMonth(FieldErrors *errors)
{
    m_dayOfMonth->setRange(1, kMaxDayOfMonth);
    QWidget *day
        = row(QStringLiteral("dayOfMonthRow"), {m_dayOfMonthChoice, m_dayOfMonth, m_lastDayChoice});
    m_lastDayChoice->setToolTip(tr("Runs on the 31st, 30th, 29th or 28th, by month."));
    return errors->wrap(QStringLiteral("schedule.dayOfMonth"), day);
}

QWidget *ScheduleEditor::createAdvancedRow(FieldErrors *errors)
{
    m_everyMinutes->setRange(1, kMinutesPerDay);
    m_durationMinutes->setRange(1, kMinutesPerDay);

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
    return m_advancedRow;
}

void ScheduleEditor::connectDraftChanges()
{
    for (QComboBox *combo : {m_type, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, &ScheduleEditor::updatePreview);
    for (QDateEdit *date : {m_startDate, m_endDate})
        connect(date, &QDateEdit::dateChanged, this, &ScheduleEditor::updatePreview);
    connect(m_startTime, &QTimeEdit::timeChanged, this, &ScheduleEditor::updatePreview);
    for (QSpinBox *spin : {m_repeatEvery, m_dayOfMonth, m_everyMinutes, m_durationMinutes})
        connect(spin, &QSpinBox::valueChanged, this, &ScheduleEditor::updatePreview);
    QList<QAbstractButton *> buttons{m_dayOfMonthChoice, m_lastDayChoice, m_advanced, m_hasEndDate,
                                     m_skipCatchUp};
    for (QCheckBox *check : std::as_const(m_daysOfWeek))
        buttons.append(check);
    for (QAbstractButton *button : std::as_const(buttons))
        connect(button, &QAbstractButton::toggled, this, &ScheduleEditor::updatePreview);
}

void ScheduleEditor::reset()
{
    reset(districtToday());
}

QDate ScheduleEditor::districtToday() const
{
    // Near midnight the district's date and the computer's can differ, and schedules run on
    // the district's dates.
    const QTimeZone zone(m_client->districtTimeZone());
    if (!zone.isValid())
        return QDate::currentDate();
    return QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
}

void ScheduleEditor::reset(const QDate &today)
{
    m_runAtNextCycle->setChecked(false);
    m_type->setCurrentIndex(m_type->findData(QStringLiteral("daily")));
    m_startDate->setDate(today);
    m_startTime->setTime(kDefaultStartTime);
    m_repeatEvery->setValue(1);
    setDaysOfWeek({today.dayOfWeek()});
    setDayOfMonth(QJsonValue(), today);
    m_shownStartDate = today;
    m_advanced->setChecked(false);
    m_everyMinutes->setValue(60);
    m_durationMinutes->setValue(kMinutesPerDay - 60);
    m_hasEndDate->setChecked(false);
    m_endDate->setEnabled(false);
    m_endDate->setDate(today.addYears(1));
    m_skipCatchUp->setChecked(false);
    m_status->setCurrentIndex(0);
    updateTypeFields();
    updatePreview();
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

    // Without a list of days the engine runs a weekly schedule on the start date's day.
    QList<int> days;
    const QJsonArray dayArray = schedule.value(QStringLiteral("daysOfWeek")).toArray();
    for (const QJsonValue &day : dayArray)
        days.append(day.toInt());
    setDaysOfWeek(days.isEmpty() ? QList<int>{m_startDate->date().dayOfWeek()} : days);
    setDayOfMonth(schedule.value(QStringLiteral("dayOfMonth")), m_startDate->date());

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
    m_skipCatchUp->setChecked(schedule.value(QStringLiteral("skipCatchUp")).toBool(false));
    const bool active = schedule.value(QStringLiteral("active")).toBool(true);
    m_status->setCurrentIndex(m_status->findData(active));
}

QJsonObject ScheduleEditor::schedule() const
{
    const QString scheduleType = type();
    // The engine rejects the advanced repetition for hourly schedules, where it is hidden.
    const bool advanced = m_advanced->isChecked() && scheduleType != QLatin1String("hourly");
    QJsonObject schedule{
        {QStringLiteral("type"), scheduleType},
        {QStringLiteral("startDate"), m_startDate->date().toString(Qt::ISODate)},
        {QStringLiteral("startTime"), m_startTime->time().toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("repeatEvery"), m_repeatEvery->value()},
        {QStringLiteral("advanced"),
         QJsonObject{{QStringLiteral("enabled"), advanced},
                     {QStringLiteral("everyMinutes"), m_everyMinutes->value()},
                     {QStringLiteral("durationMinutes"), m_durationMinutes->value()}}},
        {QStringLiteral("active"), m_status->currentData().toBool()},
        {QStringLiteral("skipCatchUp"), m_skipCatchUp->isChecked()},
    };
    schedule.insert(QStringLiteral("endDate"),
                    m_hasEndDate->isChecked() ? QJsonValue(m_endDate->date().toString(Qt::ISODate))
                                              : QJsonValue());
    if (scheduleType == QLatin1String("weekly")) {
        QJsonArray days;
        for (int day : daysOfWeek())
            days.append(day);
        schedule.insert(QStringLiteral("daysOfWeek"), days);
    } else if (scheduleType == QLatin1String("monthly")) {
        schedule.insert(QStringLiteral("dayOfMonth"), m_lastDayChoice->isChecked()
                                                          ? QJsonValue(QStringLiteral("last"))
                                                          : QJsonValue(m_dayOfMonth->value()));
    }
    return schedule;
}

bool ScheduleEditor::runAtNextCycle() const
{
    return m_runAtNextCycle->isChecked();
}

void ScheduleEditor::followStartDate(const QDate &date)
{
    // A day that the user did not choose follows the start date, as the engine's default does.
    if (daysOfWeek() == QList<int>{m_shownStartDate.dayOfWeek()})
        setDaysOfWeek({date.dayOfWeek()});
    if (m_dayOfMonth->value() == m_shownStartDate.day())
        m_dayOfMonth->setValue(date.day());
    m_shownStartDate = date;
}

QList<int> ScheduleEditor::daysOfWeek() const
{
    QList<int> days;
    for (int day = 1; day <= kDaysPerWeek; ++day) {
        if (m_daysOfWeek.at(day - 1)->isChecked())
            days.append(day);
    }
    return days;
}

void ScheduleEditor::setDaysOfWeek(const QList<int> &days)
{
    for (int day = 1; day <= kDaysPerWeek; ++day)
        m_daysOfWeek.at(day - 1)->setChecked(days.contains(day));
}

void ScheduleEditor::setDayOfMonth(const QJsonValue &day, const QDate &startDate)
{
    // Without a day the engine runs a monthly schedule on the start date's day.
    const bool last = day.toString() == QLatin1String("last");
    m_dayOfMonth->setValue(day.isDouble() ? day.toInt() : startDate.day());
    m_dayOfMonth->setEnabled(!last);
    m_lastDayChoice->setChecked(last);
    m_dayOfMonthChoice->setChecked(!last);
}

QString ScheduleEditor::type() const
{
    return m_type->currentData().toString();
}

void ScheduleEditor::updateTypeFields()
{
    const QString scheduleType = type();
    QString units;
    if (scheduleType == QLatin1String("hourly"))
        units = tr("Hours");
    else if (scheduleType == QLatin1String("daily"))
        units = tr("Days");
    else if (scheduleType == QLatin1String("weekly"))
        units = tr("Weeks");
    else if (scheduleType == QLatin1String("monthly"))
        units = tr("Months");
    m_repeatUnits->setText(units);
    // A schedule of type once has nothing to repeat.
    m_repeatEvery->setEnabled(!units.isEmpty());

    m_form->setRowVisible(m_daysField, scheduleType == QLatin1String("weekly"));
    m_form->setRowVisible(m_dayOfMonthField, scheduleType == QLatin1String("monthly"));
    // The engine repeats within the day only for schedules that run on dates.
    const bool hourly = scheduleType == QLatin1String("hourly");
    m_form->setRowVisible(m_advancedField, !hourly);
    m_form->setRowVisible(m_advancedRow, !hourly && m_advanced->isChecked());
}

void ScheduleEditor::updatePreview()
{
    m_preview->setDraft(schedule());
}

} // namespace hubdesk
