// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "demo/districtgenerator.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace hub {
class Store;
}

namespace hub::demo {

// The number of rows inserted into one store table.
struct TableRowCount
{
    QString table;
    qint64 rows = 0;
};

struct DemoSummary
{
    qint64 districtId = 0;
    int schoolYear = 0;
    // The bundle written to the work folder, with its row counts per file.
    GenerationReport bundle;
    // In insertion order: orgs, academic_sessions, courses, classes, users, user_roles,
    // enrollments, demographics, assessment_results.
    QList<TableRowCount> tables;
    // Wall-clock time to generate the bundle, insert it and commit.
    qint64 elapsedMs = 0;

    // Returns the rows inserted into table, or -1 when the load did not touch it.
    qint64 rows(const QString &table) const;
};

// Returns the options of the demo district: 3 schools of 200 students and 10 teachers each, in
// the school year that contains today (a year starts on July 1), with a fixed seed.
DistrictOptions demoDistrictOptions(const QString &districtName, const QDate &today);

// Generates the demo district as a OneRoster bundle in workDir and inserts the same records
// into the store's roster tables for districtId, in one transaction. Each user gets one
// primary user_roles row per org, with sourced id "<user>:<org>". Rejects a district that is
// missing or already has roster rows, and then changes nothing. Any failure rolls back.
Result<DemoSummary> loadDemoDistrict(const QSqlDatabase &db, qint64 districtId,
                                     const QString &workDir);
Result<DemoSummary> loadDemoDistrict(const Store &store, qint64 districtId, const QString &workDir);

// Loads a generated district of any size and seed the same way, for tests and benchmarks that
// need fixed data.
Result<DemoSummary> loadDistrict(const QSqlDatabase &db, qint64 districtId, const QString &workDir,
                                 const DistrictOptions &options);

} // namespace hub::demo
