// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "postgrescopy.h"

#include "core/logging.h"

#include <QRegularExpression>
#include <QSqlDriver>

#include <libpq-fe.h>

namespace hub {

namespace {

// Rows are sent in chunks of about this many bytes.
constexpr qsizetype kChunkBytes = 256 * 1024;

// Appends a value in COPY's text format: a backslash, tab, newline and carriage return are
// escaped with a backslash, and NULL is \N.
void appendValue(QByteArray &buffer, const QVariant &value)
{
    if (value.isNull()) {
        buffer.append("\\N");
        return;
    }
    const QByteArray text = value.typeId() == QMetaType::Bool
                                ? QByteArray(value.toBool() ? "1" : "0")
                                : value.toString().toUtf8();
    for (const char c : text) {
        switch (c) {
        case '\\':
            buffer.append("\\\\");
            break;
        case '\t':
            buffer.append("\\t");
            break;
        case '\n':
            buffer.append("\\n");
            break;
        case '\r':
            buffer.append("\\r");
            break;
        default:
            buffer.append(c);
        }
    }
}

} // namespace

PostgresCopy::PostgresCopy(const QSqlDatabase &db, QString table, QStringList columns)
    : m_table(std::move(table))
    , m_columns(std::move(columns))
{
    // The QPSQL driver's handle is a QVariant that contains the PGconn pointer. Qt 6.4 names
    // that type after the struct behind the typedef, pg_conn*.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid()
        && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0))
        m_connection = *static_cast<PGconn *const *>(handle.data());
}

PostgresCopy::~PostgresCopy()
{
    if (m_copying)
        cancel("the copy was not finished");
}

QString PostgresCopy::connectionError() const
{
    return QString::fromUtf8(PQerrorMessage(m_connection)).trimmed();
}

Result<void> PostgresCopy::start()
{
    if (!m_connection)
        return failure(QStringLiteral("Cannot copy into %1: the connection is not an open "
                                      "PostgreSQL connection.")
                           .arg(m_table));
    const QString sql = QStringLiteral("COPY %1 (%2) FROM STDIN")
                            .arg(m_table, m_columns.join(QLatin1String(", ")));
    PGresult *result = PQexec(m_connection, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    const QString error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (status != PGRES_COPY_IN)
        return failure(QStringLiteral("Cannot start the copy into %1: %2").arg(m_table, error));
    m_copying = true;
    m_buffer.reserve(kChunkBytes + 4096);
    return {};
}

Result<void> PostgresCopy::addRow(const QVariantList &values)
{
    if (!m_copying)
        return failure(QStringLiteral("The copy into %1 is not running.").arg(m_table));
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_buffer.append('\t');
        appendValue(m_buffer, values.at(i));
    }
    m_buffer.append('\n');
    if (m_buffer.size() >= kChunkBytes)
        return flush();
    return {};
}

Result<void> PostgresCopy::flush()
{
    if (m_buffer.isEmpty())
        return {};
    // The connection blocks, so PQputCopyData returns 1 once libpq took the data, or -1.
    if (PQputCopyData(m_connection, m_buffer.constData(), int(m_buffer.size())) != 1) {
        const QString error = connectionError();
        cancel("sending the rows failed");
        return failure(QStringLiteral("Cannot send rows to the copy into %1: %2").arg(m_table, error));
    }
    m_buffer.clear();
    return {};
}

Result<qint64> PostgresCopy::finish()
{
    if (!m_copying)
        return failure(QStringLiteral("The copy into %1 is not running.").arg(m_table));
    if (auto flushed = flush(); !flushed)
        return failure(flushed.error());
    m_copying = false;
    if (PQputCopyEnd(m_connection, nullptr) != 1)
        return failure(
            QStringLiteral("Cannot end the copy into %1: %2").arg(m_table, connectionError()));

    qint64 rows = 0;
    QString error;
    while (PGresult *result = PQgetResult(m_connection)) {
        if (PQresultStatus(result) == PGRES_COMMAND_OK) {
            rows = QByteArray(PQcmdTuples(result)).toLongLong();
        } else if (error.isEmpty()) {
            error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            // The context reads like: COPY users, line 3, column given_name: "..."
            static const QRegularExpression line(QStringLiteral("\\bline (\\d+)"));
            const QString context = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_CONTEXT));
            m_failedRow = line.match(context).captured(1).toLongLong();
        }
        PQclear(result);
    }
    if (!error.isEmpty())
        return failure(QStringLiteral("The copy into %1 failed: %2").arg(m_table, error));
    return rows;
}

void PostgresCopy::cancel(const char *reason)
{
    m_copying = false;
    m_buffer.clear();
    if (PQputCopyEnd(m_connection, reason) != 1)
        qCWarning(lcStore) << "Cannot cancel the copy into" << m_table << connectionError();
    // Reads the copy's error result, so the connection is ready for the next statement.
    while (PGresult *result = PQgetResult(m_connection))
        PQclear(result);
}

} // namespace hub
