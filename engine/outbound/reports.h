// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace hub::outbound {

// An outbound output: a SQL query over the store whose two positional parameters are the
// district id and the school year (OneRoster's ending calendar year, such as 2027).
struct Report
{
    QString outputKey;
    QString fileStem;
    QStringList columns;
    QString sql;
    // The same query in PostgreSQL's dialect, when sql uses SQLite-only functions; empty when
    // sql runs on both.
    QString postgresSql = {};

    const QString &sqlFor(bool postgres) const
    {
        return postgres && !postgresSql.isEmpty() ? postgresSql : sql;
    }

    QVariantList bindings(qint64 districtId, int schoolYear) const { return {districtId, schoolYear}; }
};

// The report behind a catalog output key, or nothing for an unknown key.
std::optional<Report> reportForOutput(const QString &outputKey);
QStringList reportOutputKeys();

// Adds or replaces the report behind an output key, for outputs defined outside the built-in
// catalog. Safe to call from any thread.
void registerReport(const Report &report);

} // namespace hub::outbound
