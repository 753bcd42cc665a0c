// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "rowvalues.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace hub::oneroster {

QByteArrayView VariantRowValues::text(int column)
{
    m_text = values.at(column).toString().toUtf8();
    return m_text;
}

bool SqliteRowValues::isNull(int column)
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QByteArrayView SqliteRowValues::text(int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
}

qint64 SqliteRowValues::integer(int column)
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteRowValues::real(int column)
{
    return sqlite3_column_double(m_statement, column);
}

QVariant SqliteRowValues::value(int column)
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return qlonglong(sqlite3_column_int64(m_statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_statement, column);
    default:
        return QString::fromUtf8(text(column));
    }
}

namespace {

// Type oids of the PostgreSQL catalogue (pg_type), which libpq does not name.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

} // namespace

bool PostgresRowValues::isNull(int column)
{
    return PQgetisnull(m_result, m_row, column) != 0;
}

QByteArrayView PostgresRowValues::text(int column)
{
    if (isNull(column))
        return {};
    if (PQftype(m_result, column) == kBoolOid)
        return *PQgetvalue(m_result, m_row, column) == 't' ? QByteArrayView("true")
                                                           : QByteArrayView("false");
    return QByteArrayView(PQgetvalue(m_result, m_row, column),
                          PQgetlength(m_result, m_row, column));
}

qint64 PostgresRowValues::integer(int column)
{
    if (PQftype(m_result, column) == kBoolOid)
        return *PQgetvalue(m_result, m_row, column) == 't' ? 1 : 0;
    const QByteArrayView digits = text(column);
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    return ok ? number : qint64(digits.toDouble());
}

double PostgresRowValues::real(int column)
{
    if (PQftype(m_result, column) == kBoolOid)
        return double(integer(column));
    return text(column).toDouble();
}

QVariant PostgresRowValues::value(int column)
{
    if (isNull(column))
        return {};
    switch (PQftype(m_result, column)) {
    case kBoolOid:
        return integer(column) != 0;
    case kInt2Oid:
    case kInt4Oid:
        return int(integer(column));
    case kOidOid:
        return uint(integer(column));
    case kInt8Oid:
        return qlonglong(integer(column));
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
        return real(column);
    default:
        return QString::fromUtf8(text(column));
    }
}

} // namespace hub::oneroster
