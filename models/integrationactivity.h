// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace hubdesk {

// One finished run on the Integration Activity chart.
struct ActivityRun
{
    qint64 id = 0;
    QDateTime startedAt;
    qint64 durationSeconds = 0;
    int status = 0;
    bool isLong = false;
};

// The runs of one day in the district's zone, by outcome.
struct ActivityDay
{
    QDate date;
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
};

// The series of GET /api/v1/integrations/{id}/activity, as the engine computed them.
struct IntegrationActivity
{
    qint64 integrationId = 0;
    QString integrationName;
    QDate from;
    QDate to;
    std::optional<double> medianSeconds;
    std::optional<double> longThresholdSeconds;
    double longRunFactor = 0;
    QList<ActivityRun> runs;
    QList<ActivityDay> days;

    static IntegrationActivity fromJson(const QJsonObject &json);
    int longRunCount() const;
};

} // namespace hubdesk
