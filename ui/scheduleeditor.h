// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QSpinBox;
class QTimeEdit;

namespace hubdesk {

class FieldErrors;

// The Schedule section of an integration form: run at the next available cycle, schedule
// type, start date and time, repeat interval, the advanced repetition inside the day, an
// optional end date and the schedule's status. It reads and writes the engine's schedule JSON
// {type, startDate, startTime, repeatEvery, advanced {enabled, everyMinutes, durationMinutes},
// endDate, active}.
class ScheduleEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleEditor)

public:
    // Registers the section's fields in errors under their "schedule.*" keys.
    explicit ScheduleEditor(FieldErrors *errors, QWidget *parent = nullptr);

    // Shows the defaults for a new integration: daily from today at 02:00 AM, active.
    void reset(const QDate &today);
    // Shows schedule; a null schedule shows the defaults with the status Inactive.
    void setSchedule(const QJsonValue &schedule, bool runAtNextCycle);
    QJsonObject schedule() const;
    bool runAtNextCycle() const;

private:
    void updateRepeatUnits();

    QCheckBox *m_runAtNextCycle;
    QComboBox *m_type;
    QDateEdit *m_startDate;
    QTimeEdit *m_startTime;
    QSpinBox *m_repeatEvery;
    QLabel *m_repeatUnits;
    QCheckBox *m_advanced;
    QWidget *m_advancedRow;
    QSpinBox *m_everyMinutes;
    QSpinBox *m_durationMinutes;
    QCheckBox *m_hasEndDate;
    QDateEdit *m_endDate;
    QComboBox *m_status;
};

} // namespace hubdesk
