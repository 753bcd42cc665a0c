// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace hub::api {

// A SQL expression over integrations i, products p and product_outputs o that gives the title
// the hub screens use, such as "External System: MiLEARN 1: MiLEARN-Sections Data (current)".
// The number counts the district's integrations of the same product in creation order.
QString integrationDisplayNameSql();

// A run as the runbook lists it, or an empty object when the district has no such run.
Result<QJsonObject> findRun(const QSqlDatabase &db, qint64 districtId, qint64 runId);
// The newest run of an integration, or an empty object.
Result<QJsonObject> latestRunOf(const QSqlDatabase &db, qint64 integrationId);
// The run with its phases and log lines.
Result<QJsonObject> runDetail(const QSqlDatabase &db, qint64 districtId, qint64 runId);

// The SELECT list and joins that runJson() reads; callers add WHERE and ORDER BY.
QString runSelectSql();
QJsonObject runJson(const class QSqlQuery &query);
// Appends the same run as runJson() as UTF-8 JSON text. A page of runs written this way costs
// a fraction of building its QJsonObjects and serialising them.
void appendRunJson(QByteArray &out, const class QSqlQuery &query);

} // namespace hub::api
