// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

struct pg_conn;

namespace hub {

// Streams rows into one PostgreSQL table with COPY FROM STDIN in the text format. It writes on
// the libpq connection of a QPSQL QSqlDatabase (QSqlDriver::handle()), so the rows belong to
// the transaction that is open on that connection, and a failed copy aborts that transaction.
//
// Usage: start(), addRow() for each row, then finish(). A copy that is destroyed unfinished is
// cancelled, which also fails the open transaction.
class PostgresCopy
{
public:
    PostgresCopy(const QSqlDatabase &db, QString table, QStringList columns);
    ~PostgresCopy();
    Q_DISABLE_COPY_MOVE(PostgresCopy)

    Result<void> start();
    // Adds one row, values in the order of the columns. A null QVariant is NULL, a bool is 0 or
    // 1, and any other value is sent as its text.
    Result<void> addRow(const QVariantList &values);
    // Ends the copy and returns how many rows PostgreSQL stored.
    Result<qint64> finish();

    // The 1-based row of addRow() that PostgreSQL named in the error of finish(), or 0 when
    // the error names no row.
    qint64 failedRow() const { return m_failedRow; }

private:
    Result<void> flush();
    void cancel(const char *reason);
    QString connectionError() const;

    pg_conn *m_connection = nullptr;
    QString m_table;
    QStringList m_columns;
    QByteArray m_buffer;
    bool m_copying = false;
    qint64 m_failedRow = 0;
};

} // namespace hub
