// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "reportexport.h"

#include "core/logging.h"
#include "outbound/csvwriter.h"
#include "outbound/querytimeout.h"
#include "outbound/xmlwriter.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace hub::outbound {

namespace {

QString timeoutMessage(int seconds)
{
    return QStringLiteral("The query timed out after %1 s (the integration's query timeout).")
        .arg(seconds);
}

// Prepares and executes the report's statement on a forward-only query.
Result<void> startQuery(QSqlQuery &query, const ExportRequest &request, const QueryTimeout &timeout)
{
    query.setForwardOnly(true);
    bool started = query.prepare(request.report.sql);
    if (started) {
        for (const QVariant &value :
             request.report.bindings(request.districtId, request.schoolYear))
            query.addBindValue(value);
        started = query.exec();
    }
    if (started)
        return {};
    if (timeout.expired())
        return failure(timeoutMessage(request.queryTimeoutSeconds));
    return failure(QStringLiteral("The query failed: %1").arg(query.lastError().text()));
}

// The error that ended the cursor early, if any.
Result<void> finishQuery(const QSqlQuery &query, const ExportRequest &request,
                         const QueryTimeout &timeout)
{
    if (!query.lastError().isValid())
        return {};
    if (timeout.expired())
        return failure(timeoutMessage(request.queryTimeoutSeconds));
    return failure(QStringLiteral("The query failed: %1").arg(query.lastError().text()));
}

QVariantList rowValues(const QSqlQuery &query, int columns)
{
    QVariantList values;
    values.reserve(columns);
    for (int i = 0; i < columns; ++i)
        values.append(query.value(i));
    return values;
}

} // namespace

Result<ExportSummary> exportReport(const QSqlDatabase &db, const ExportRequest &request,
                                   QIODevice *device, const RowObserver &observer)
{
    const bool asXml = request.format == QLatin1String("xml");
    std::optional<XmlWriter> xml;
    std::optional<CsvWriter> csv;
    if (asXml) {
        xml.emplace(device, request.outputName, request.schoolYear, request.report.columns);
    } else {
        csv.emplace(device, request.options);
        if (!csv->writeStart(request.report.columns))
            return failure(QStringLiteral("Cannot write the file: %1").arg(device->errorString()));
    }

    ExportSummary summary;
    {
        QueryTimeout timeout(db, request.queryTimeoutSeconds);
        QSqlQuery query(db);
        if (auto started = startQuery(query, request, timeout); !started)
            return failure(started.error());

        const int columns = int(request.report.columns.size());
        while (query.next()) {
            const QVariantList values = rowValues(query, columns);
            const bool written = asXml ? xml->writeRow(values) : csv->writeRow(values);
            if (!written)
                return failure(
                    QStringLiteral("Cannot write the file: %1").arg(device->errorString()));
            ++summary.rows;
            if (observer && !observer(values, summary.rows)) {
                summary.cancelled = true;
                return summary;
            }
            if (timeout.expired())
                return failure(QStringLiteral("The query timed out after %1 s (the "
                                              "integration's query timeout) with %2 rows read.")
                                   .arg(request.queryTimeoutSeconds)
                                   .arg(summary.rows));
        }
        if (auto finished = finishQuery(query, request, timeout); !finished)
            return failure(finished.error());
    }

    if (asXml) {
        if (!xml->finish())
            return failure(QStringLiteral("Cannot write the file: %1").arg(device->errorString()));
        summary.replacedCharacters = xml->replacedCharacters();
        summary.firstReplacementColumn = xml->firstReplacementColumn();
        summary.firstReplacementRow = xml->firstReplacementRow();
    } else {
        summary.replacedCharacters = csv->replacedCharacters();
        summary.firstReplacementColumn = csv->firstReplacementColumn();
        summary.firstReplacementRow = csv->firstReplacementRow();
    }
    return summary;
}

Result<ReportPreview> previewReport(const QSqlDatabase &db, const ExportRequest &request,
                                    int maxRows)
{
    QElapsedTimer elapsed;
    elapsed.start();
    ReportPreview preview;
    preview.columns = request.report.columns;
    // Only cellText() is used, which formats a value without writing it.
    CsvWriter formatter(nullptr, request.options);

    QueryTimeout timeout(db, request.queryTimeoutSeconds);
    QSqlQuery query(db);
    if (auto started = startQuery(query, request, timeout); !started)
        return failure(started.error());
    const int columns = int(request.report.columns.size());
    while (query.next()) {
        if (preview.totalRows < maxRows) {
            QStringList cells;
            cells.reserve(columns);
            for (int i = 0; i < columns; ++i)
                cells.append(formatter.cellText(query.value(i), i));
            preview.rows.append(cells);
        }
        ++preview.totalRows;
        if (timeout.expired())
            return failure(QStringLiteral("The query timed out after %1 s (the integration's "
                                          "query timeout) with %2 rows read.")
                               .arg(request.queryTimeoutSeconds)
                               .arg(preview.totalRows));
    }
    if (auto finished = finishQuery(query, request, timeout); !finished)
        return failure(finished.error());
    preview.elapsedMs = elapsed.elapsed();
    qCDebug(lcOutbound) << "Previewed" << request.report.outputKey << "for school year"
                        << request.schoolYear << preview.totalRows << "rows in" << preview.elapsedMs
                        << "ms";
    return preview;
}

QString reportSqlWithBindings(const Report &report, qint64 districtId, int schoolYear)
{
    // The bindings are integers, so writing them as decimal literals is safe. Each ? of the
    // report's SQL is a positional parameter; the reports have no ? inside string literals.
    const QVariantList values = report.bindings(districtId, schoolYear);
    QString sql;
    qsizetype next = 0;
    for (const QChar character : report.sql) {
        if (character == QLatin1Char('?') && next < values.size())
            sql += QString::number(values.at(next++).toLongLong());
        else
            sql += character;
    }
    return sql;
}

} // namespace hub::outbound
