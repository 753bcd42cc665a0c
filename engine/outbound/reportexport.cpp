// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "reportexport.h"

#include "core/logging.h"
#include "outbound/csvwriter.h"
#include "outbound/digestdevice.h"
#include "outbound/querytimeout.h"
#include "outbound/rowhasher.h"
#include "outbound/xmlwriter.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

#include <sqlite3.h>

namespace hub::outbound {

namespace {

// The bindings are integers, so writing them as decimal literals is safe. Each ? of a report's
// SQL is a positional parameter; the reports have no ? inside string literals.
QString inlineBindings(const QString &reportSql, const QVariantList &values)
{
    QString sql;
    qsizetype next = 0;
    for (const QChar character : reportSql) {
        if (character == QLatin1Char('?') && next < values.size())
            sql += QString::number(values.at(next++).toLongLong());
        else
            sql += character;
    }
    return sql;
}

QString timeoutMessage(int seconds)
{
    return QStringLiteral("The query timed out after %1 s (the integration's query timeout).")
        .arg(seconds);
}

// Prepares and executes the report's statement on a forward-only query.
Result<void> startQuery(QSqlQuery &query, const ExportRequest &request, const QueryTimeout &timeout)
{
    query.setForwardOnly(true);
    const bool postgres = query.driver()->dbmsType() == QSqlDriver::PostgreSQL;
    bool started = false;
    if (postgres) {
        // The PostgreSQL driver streams the rows of a forward-only query only when it is not
        // prepared; the bindings are integers, written into the text.
        started = query.exec(inlineBindings(request.report.sqlFor(true),
                                            request.report.bindings(request.districtId,
                                                                    request.schoolYear)));
    } else if ((started = query.prepare(request.report.sql))) {
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

QString timeoutAfterRowsMessage(int seconds, qint64 rows)
{
    return QStringLiteral("The query timed out after %1 s (the integration's query timeout) "
                          "with %2 rows read.")
        .arg(seconds)
        .arg(rows);
}

QString writeFailedMessage(const QIODevice *device)
{
    return QStringLiteral("Cannot write the file: %1").arg(device->errorString());
}

quint64 hashValues(const QSqlQuery &query, int columns, QVariantList &values)
{
    RowHasher hasher;
    values.resize(0);
    for (int i = 0; i < columns; ++i) {
        const QVariant value = query.value(i);
        values.append(value);
        if (value.isNull()) {
            hasher.addNull();
        } else {
            // NOTE: SQLite and Qt may write a REAL with different digits, so a report with REAL
            // columns hashes differently here than on the SQLite CSV path.
            const QByteArray utf8 = value.toString().toUtf8();
            hasher.addText(utf8.constData(), utf8.size());
        }
    }
    return hasher.finish();
}

// The CSV export straight from SQLite: no QVariant or QString per value.
Result<ExportSummary> exportCsvFromSqlite(sqlite3 *handle, const ExportRequest &request,
                                          QIODevice *device, const RowObserver &observer,
                                          const QueryTimeout &timeout)
{
    const auto failed = [&](int code) {
        if (code == SQLITE_INTERRUPT || timeout.expired())
            return failure(timeoutMessage(request.queryTimeoutSeconds));
        return failure(
            QStringLiteral("The query failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
    };
    const QByteArray sql = request.report.sql.toUtf8();
    sqlite3_stmt *prepared = nullptr;
    const int code
        = sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &prepared, nullptr);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(prepared, sqlite3_finalize);
    if (code != SQLITE_OK)
        return failed(code);
    const QVariantList bindings = request.report.bindings(request.districtId, request.schoolYear);
    for (int i = 0; i < bindings.size(); ++i)
        sqlite3_bind_int64(statement.get(), i + 1, bindings.at(i).toLongLong());

    CsvWriter csv(device, request.options);
    if (!csv.writeStart(request.report.columns))
        return failure(writeFailedMessage(device));
    const int columns
        = qMin(int(request.report.columns.size()), sqlite3_column_count(statement.get()));
    RowHasher hasher;
    ExportSummary summary;
    while (true) {
        const int step = sqlite3_step(statement.get());
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW)
            return failed(step);
        for (int i = 0; i < columns; ++i) {
            const int type = sqlite3_column_type(statement.get(), i);
            if (type == SQLITE_NULL) {
                csv.appendField(nullptr, 0, true);
                hasher.addNull();
                continue;
            }
            const auto *text
                = reinterpret_cast<const char *>(sqlite3_column_text(statement.get(), i));
            const int size = sqlite3_column_bytes(statement.get(), i);
            csv.appendField(text, size, type == SQLITE_TEXT || type == SQLITE_BLOB);
            hasher.addText(text, size);
        }
        if (!csv.endRow())
            return failure(writeFailedMessage(device));
        ++summary.rows;
        if (observer && !observer(hasher.finish(), summary.rows)) {
            summary.cancelled = true;
            return summary;
        }
        if (timeout.expired())
            return failure(timeoutAfterRowsMessage(request.queryTimeoutSeconds, summary.rows));
    }
    if (!csv.finish())
        return failure(writeFailedMessage(device));
    summary.replacedCharacters = csv.replacedCharacters();
    summary.firstReplacementColumn = csv.firstReplacementColumn();
    summary.firstReplacementRow = csv.firstReplacementRow();
    return summary;
}

// The export through QSqlQuery, for XML and for drivers other than SQLite.
Result<ExportSummary> exportWithQuery(const QSqlDatabase &db, const ExportRequest &request,
                                      QIODevice *device, const RowObserver &observer,
                                      const QueryTimeout &timeout,
                                      const std::function<void()> &abandon)
{
    const bool asXml = request.format == QLatin1String("xml");
    std::optional<XmlWriter> xml;
    std::optional<CsvWriter> csv;
    if (asXml) {
        xml.emplace(device, request.outputName, request.schoolYear, request.report.columns);
    } else {
        csv.emplace(device, request.options);
        if (!csv->writeStart(request.report.columns))
            return failure(writeFailedMessage(device));
    }

    QSqlQuery query(db);
    if (auto started = startQuery(query, request, timeout); !started)
        return failure(started.error());
    const int columns = int(request.report.columns.size());
    QVariantList values;
    ExportSummary summary;
    while (query.next()) {
        const quint64 rowHash = hashValues(query, columns, values);
        const bool written = asXml ? xml->writeRow(values) : csv->writeRow(values);
        if (!written)
            return failure(writeFailedMessage(device));
        ++summary.rows;
        if (observer && !observer(rowHash, summary.rows)) {
            abandon();
            summary.cancelled = true;
            return summary;
        }
        if (timeout.expired()) {
            abandon();
            return failure(timeoutAfterRowsMessage(request.queryTimeoutSeconds, summary.rows));
        }
    }
    if (auto finished = finishQuery(query, request, timeout); !finished)
        return failure(finished.error());

    const bool finished = asXml ? xml->finish() : csv->finish();
    if (!finished)
        return failure(writeFailedMessage(device));
    summary.replacedCharacters = asXml ? xml->replacedCharacters() : csv->replacedCharacters();
    summary.firstReplacementColumn
        = asXml ? xml->firstReplacementColumn() : csv->firstReplacementColumn();
    summary.firstReplacementRow = asXml ? xml->firstReplacementRow() : csv->firstReplacementRow();
    return summary;
}

// On PostgreSQL, a connection of the export's own. The export streams its rows, and a
// statement that the observer runs on the caller's connection (the cancel check) would discard
// the rows not read yet. Closing it also stops a cancelled query at once. On SQLite, the
// caller's connection.
class ExportConnection
{
public:
    explicit ExportConnection(const QSqlDatabase &db)
    {
        if (db.driverName() != QLatin1String("QPSQL")) {
            m_db = db;
            return;
        }
        m_name = QStringLiteral("hub-export-%1").arg(reinterpret_cast<quintptr>(this), 0, 16);
        m_db = QSqlDatabase::cloneDatabase(db, m_name);
        if (m_db.open()) {
            QSqlQuery setup(m_db);
            setup.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
            if (setup.exec(QStringLiteral("SELECT pg_backend_pid()")) && setup.next())
                m_backendPid = setup.value(0).toLongLong();
        } else
            qCWarning(lcOutbound) << "Cannot open a connection for the export:"
                                  << m_db.lastError().text();
    }
    ~ExportConnection()
    {
        if (m_name.isEmpty())
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(ExportConnection)

    const QSqlDatabase &db() const { return m_db; }

    // Stops the export's statement from the caller's connection, so that dropping its unread
    // rows does not wait for the server to send them all.
    void cancelStatement(const QSqlDatabase &callerDb) const
    {
        if (m_name.isEmpty() || m_backendPid == 0)
            return;
        QSqlQuery cancel(callerDb);
        if (!cancel.exec(QStringLiteral("SELECT pg_cancel_backend(%1)").arg(m_backendPid)))
            qCWarning(lcOutbound) << "Cannot stop the export's statement:" << cancel.lastError().text();
    }

private:
    qint64 m_backendPid = 0;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

Result<ExportSummary> exportReport(const QSqlDatabase &callerDb, const ExportRequest &request,
                                   QIODevice *device, const RowObserver &observer)
{
    DigestDevice digest(device);
    ExportConnection connection(callerDb);
    const QSqlDatabase &db = connection.db();
    auto *handle = static_cast<sqlite3 *>(sqliteHandle(db));
    auto exported = [&] {
        QueryTimeout timeout(db, request.queryTimeoutSeconds);
        if (handle && request.format != QLatin1String("xml"))
            return exportCsvFromSqlite(handle, request, &digest, observer, timeout);
        return exportWithQuery(db, request, &digest, observer, timeout,
                               [&] { connection.cancelStatement(callerDb); });
    }();
    const QByteArray sha256 = digest.finish();
    if (!exported)
        return exported;
    if (sha256.isEmpty())
        return failure(writeFailedMessage(device));
    exported->digest = sha256;
    return exported;
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
                cells.append(formatter.cellText(query.value(i)));
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
    return inlineBindings(report.sql, report.bindings(districtId, schoolYear));
}

} // namespace hub::outbound
