// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "integrationactivity.h"

#include "timeformat.h"

#include <QJsonArray>

#include <algorithm>

namespace hubdesk {

namespace {

std::optional<double> optionalNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

} // namespace

IntegrationActivity IntegrationActivity::fromJson(const QJsonObject &json)
{
    IntegrationActivity activity;
    activity.integrationId = json.value(QStringLiteral("integrationId")).toInteger();
    activity.integrationName = json.value(QStringLiteral("integrationName")).toString();
    activity.from = QDate::fromString(json.value(QStringLiteral("from")).toString(), Qt::ISODate);
    activity.to = QDate::fromString(json.value(QStringLiteral("to")).toString(), Qt::ISODate);
    activity.medianSeconds = optionalNumber(json.value(QStringLiteral("medianSeconds")));
    activity.longThresholdSeconds
        = optionalNumber(json.value(QStringLiteral("longThresholdSeconds")));
    activity.longRunFactor = json.value(QStringLiteral("longRunFactor")).toDouble();

    const QJsonArray runs = json.value(QStringLiteral("runs")).toArray();
    for (const QJsonValue &run : runs) {
        activity.runs.append(ActivityRun{
            run[QStringLiteral("id")].toInteger(),
            parseEngineTime(run[QStringLiteral("startedAt")].toString()),
            run[QStringLiteral("durationSeconds")].toInteger(),
            run[QStringLiteral("status")].toInt(),
            run[QStringLiteral("long")].toBool(),
        });
    }
    const QJsonArray days = json.value(QStringLiteral("daily")).toArray();
    for (const QJsonValue &day : days) {
        activity.days.append(ActivityDay{
            QDate::fromString(day[QStringLiteral("date")].toString(), Qt::ISODate),
            day[QStringLiteral("succeeded")].toInt(),
            day[QStringLiteral("failed")].toInt(),
            day[QStringLiteral("cancelled")].toInt(),
        });
    }
    return activity;
}

int IntegrationActivity::longRunCount() const
{
    return int(std::count_if(runs.begin(), runs.end(),
                             [](const ActivityRun &run) { return run.isLong; }));
}

} // namespace hubdesk
