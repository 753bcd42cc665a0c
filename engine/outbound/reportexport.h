// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "outbound/outputoptions.h"
#include "outbound/reports.h"

#include <QIODevice>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace hub::outbound {

// One export of a report: what to run and how to write it.
struct ExportRequest
{
    Report report;
    qint64 districtId = 0;
    int schoolYear = 0;
    // The output's catalog name, written into the XML root element.
    QString outputName;
    // "csv" or "xml".
    QString format = QStringLiteral("csv");
    OutputOptions options;
    int queryTimeoutSeconds = 300;
};

struct ExportSummary
{
    qint64 rows = 0;
    bool cancelled = false;
    // Control characters replaced with U+FFFD, and where the first one was.
    qint64 replacedCharacters = 0;
    QString firstReplacementColumn;
    qint64 firstReplacementRow = 0;
    // SHA-256 of the bytes written, in hexadecimal.
    QByteArray digest;
};

// Receives each data row's RowHasher hash after the row was written, with the row's 1-based
// number. Returning false stops the export, which then reports cancelled.
using RowObserver = std::function<bool(quint64 rowHash, qint64 row)>;

// Runs the report's query and streams its rows to device as they come from the cursor, so
// memory does not grow with the report, and computes the SHA-256 of the output on a second
// thread. A CSV export from SQLite reads each value's UTF-8 text straight from SQLite and writes
// it without converting it to QString; XML and other drivers go through QSqlQuery.
//
// The query timeout covers both the statement and the writing: SQLite's progress handler
// interrupts a slow statement, and the deadline is checked after every row. Fails with a
// message for a timeout, a query error or a write error; the caller then discards what was
// written.
Result<ExportSummary> exportReport(const QSqlDatabase &db, const ExportRequest &request,
                                   QIODevice *device, const RowObserver &observer = {});

// The first rows of a report as the CSV writer would write them, before quoting.
struct ReportPreview
{
    QStringList columns;
    QList<QStringList> rows;
    qint64 totalRows = 0;
    qint64 elapsedMs = 0;
};

// Runs the report under the same query timeout as an export, keeps the first maxRows rows and
// counts the rest. Writes nothing.
Result<ReportPreview> previewReport(const QSqlDatabase &db, const ExportRequest &request,
                                    int maxRows);

// The report's SQL with its bindings written in as literals, for running the same statement in
// the sqlite3 shell.
QString reportSqlWithBindings(const Report &report, qint64 districtId, int schoolYear);

} // namespace hub::outbound
