// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrlQuery>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

namespace hubdesk {

// The runbook's filters: runs on or before a date or in a date range, and the integration,
// type, status and trigger. The engine evaluates them from query(); matches() evaluates the
// same filters on one run, for runs that the change feed reports.
class RunFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunFilterBar)

public:
    explicit RunFilterBar(QWidget *parent = nullptr);

    // Lists the integrations of GET /api/v1/integrations in the Integration box, after "All".
    void setIntegrations(const QJsonArray &integrations);
    // Shows the runs of one integration, or of all when integrationId is 0.
    void setIntegrationId(qint64 integrationId);
    // Sets every filter back to "All" and the date to date, and removes the listed integrations.
    void reset(const QDate &date);
    // Whether the Integration box lists integrations besides "All".
    bool hasIntegrations() const;
    // Shows runs on or before date.
    void setDate(const QDate &date);
    QDate date() const;
    // Shows runs from from through to.
    void setDateRange(const QDate &from, const QDate &to);
    bool isDateRange() const;

    // The filters as GET /api/v1/runs parameters: date or from and to, integrationId, type,
    // status and trigger; a filter set to "All" is left out.
    QUrlQuery query() const;
    // True when run passes the filters; days are taken in zone, as the engine does.
    bool matches(const QJsonObject &run, const QTimeZone &zone) const;

private:
    void updateDateMode();

    QCheckBox *m_range;
    QLabel *m_dateLabel;
    QDateEdit *m_date;
    QLabel *m_toLabel;
    QDateEdit *m_toDate;
    QComboBox *m_integration;
    QComboBox *m_type;
    QComboBox *m_status;
    QComboBox *m_trigger;
};

} // namespace hubdesk
