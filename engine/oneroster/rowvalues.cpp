// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "rowvalues.h"

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

} // namespace hub::oneroster
