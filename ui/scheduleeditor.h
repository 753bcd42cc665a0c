// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace hubdesk {

class EngineClient;
class FieldErrors;
class SchedulePreview;

// The Schedule section of an integration form. It contains run at the next available cycle,
// the schedule type, start date and time, the repeat interval, the days of a weekly or the day
// of a monthly schedule, the advanced repetition inside the day, an optional end date, catch-up
// after downtime, the schedule's status and the engine's preview of the next runs. It reads
// and writes the engine's schedule JSON {type, startDate, startTime, repeatEvery, daysOfWeek,
// dayOfMonth, advanced {enabled, everyMinutes, durationMinutes}, endDate, active, skipCatchUp}.
class ScheduleEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleEditor)

public:
    // Registers the section's fields in errors under their "schedule.*" keys. The preview
    // requests the next runs from client.
    ScheduleEditor(EngineClient *client, FieldErrors *errors, QWidget *parent = nullptr);

    // Shows the defaults for a new integration: daily from today at 02:00 AM, active.
    void reset(const QDate &today);
    // Shows the defaults from today's date in the district's time zone.
    void reset();
    // Today's date in the district's time zone, or the computer's date while the client has
    // no valid zone.
    QDate districtToday() const;
    // Shows schedule; a null schedule shows the defaults with the status Inactive.
    void setSchedule(const QJsonValue &schedule, bool runAtNextCycle);
    QJsonObject schedule() const;
    bool runAtNextCycle() const;

    SchedulePreview *preview() const { return m_preview; }

private:
    QWidget *createDaysOfWeek(FieldErrors *errors);
    QWidget *createDayOfMonth(FieldErrors *errors);
    QWidget *createAdvancedRow(FieldErrors *errors);
    void connectDraftChanges();
    void followStartDate(const QDate &date);
    QList<int> daysOfWeek() const;
    void setDaysOfWeek(const QList<int> &days);
    void setDayOfMonth(const QJsonValue &day, const QDate &startDate);
    QString type() const;
    void updateTypeFields();
    void updatePreview();

    EngineClient *m_client;
    QCheckBox *m_runAtNextCycle;
    QComboBox *m_type;
    QDateEdit *m_startDate;
    QTimeEdit *m_startTime;
    QSpinBox *m_repeatEvery;
    QLabel *m_repeatUnits;
    // Monday first, as ISO day numbers 1 to 7.
    QList<QCheckBox *> m_daysOfWeek;
    QRadioButton *m_dayOfMonthChoice;
    QSpinBox *m_dayOfMonth;
    QRadioButton *m_lastDayChoice;
    QCheckBox *m_advanced;
    QWidget *m_advancedRow;
    QSpinBox *m_everyMinutes;
    QSpinBox *m_durationMinutes;
    QCheckBox *m_hasEndDate;
    QDateEdit *m_endDate;
    QCheckBox *m_skipCatchUp;
    QComboBox *m_status;
    SchedulePreview *m_preview;

    // The start date that the default day of the week and of the month were taken from.
    QDate m_shownStartDate;
    QFormLayout *m_form = nullptr;
    QWidget *m_daysField = nullptr;
    QWidget *m_dayOfMonthField = nullptr;
    QWidget *m_advancedField = nullptr;
};

} // namespace hubdesk
