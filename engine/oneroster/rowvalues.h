// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>
#include <QVariantList>

struct pg_result;
struct sqlite3_stmt;

namespace hub::oneroster {

// The current row of a read, with each column as UTF-8 text or a number.
class RowValues
{
public:
    virtual ~RowValues() = default;

    virtual bool isNull(int column) = 0;
    // The column as UTF-8 text, valid until the next call on the row. NULL reads as empty.
    virtual QByteArrayView text(int column) = 0;
    virtual qint64 integer(int column) = 0;
    virtual double real(int column) = 0;
    // The column as Qt's SQL drivers return it: a qlonglong, double, QString or null.
    virtual QVariant value(int column) = 0;
};

// A row of QVariant values, such as a QSqlQuery returns.
class VariantRowValues final : public RowValues
{
public:
    QVariantList values;

    bool isNull(int column) override { return values.at(column).isNull(); }
    QByteArrayView text(int column) override;
    qint64 integer(int column) override { return values.at(column).toLongLong(); }
    double real(int column) override { return values.at(column).toDouble(); }
    QVariant value(int column) override { return values.at(column); }

private:
    QByteArray m_text;
};

// The current row of a SQLite statement, read with the sqlite3 API: text comes as the UTF-8
// that SQLite stores, without a QString or QVariant per value.
class SqliteRowValues final : public RowValues
{
public:
    explicit SqliteRowValues(sqlite3_stmt *statement)
        : m_statement(statement)
    {}

    bool isNull(int column) override;
    QByteArrayView text(int column) override;
    qint64 integer(int column) override;
    double real(int column) override;
    QVariant value(int column) override;

private:
    sqlite3_stmt *m_statement;
};

// A row of a PostgreSQL result, read with libpq: text comes as the UTF-8 that the server sends.
// value() gives the types that the QPSQL driver gives for the column's type.
class PostgresRowValues final : public RowValues
{
public:
    explicit PostgresRowValues(pg_result *result)
        : m_result(result)
    {}

    void setRow(int row) { m_row = row; }

    bool isNull(int column) override;
    QByteArrayView text(int column) override;
    qint64 integer(int column) override;
    double real(int column) override;
    QVariant value(int column) override;

private:
    pg_result *m_result;
    int m_row = 0;
};

} // namespace hub::oneroster
