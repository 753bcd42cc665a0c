// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

struct pg_conn;
struct pg_result;
struct sqlite3;
struct sqlite3_stmt;

namespace hub {

// Statements prepared once and run many times, so that a statement that every request runs is
// parsed and planned once per connection instead of once per request. A cache belongs to one
// thread and serves only the connections of that thread.
class StatementCache
{
    struct Slot
    {
        QSqlQuery query;
        QString connectionName;
        bool busy = false;
    };

public:
    // A query that has run, with its rows to read. Its statement is reset when the handle is
    // destroyed: an unfinished SQLite statement would keep its read transaction, and with it
    // an old snapshot of the data, open.
    class Handle
    {
    public:
        explicit Handle(std::shared_ptr<Slot> slot);
        Handle(Handle &&other) noexcept = default;
        Handle &operator=(Handle &&other) noexcept = default;
        ~Handle();
        Q_DISABLE_COPY(Handle)

        QSqlQuery &query() { return m_slot->query; }

    private:
        std::shared_ptr<Slot> m_slot;
    };

    // A SQLite statement with its bindings, to be stepped with the sqlite3 API, which reads text
    // as the UTF-8 that SQLite stores. The statement is reset when the handle is destroyed.
    class SqliteHandle
    {
    public:
        struct Slot;
        explicit SqliteHandle(std::shared_ptr<Slot> slot);
        SqliteHandle(SqliteHandle &&other) noexcept = default;
        SqliteHandle &operator=(SqliteHandle &&other) noexcept = default;
        ~SqliteHandle();
        Q_DISABLE_COPY(SqliteHandle)

        sqlite3_stmt *statement() const;
        // The message of the connection's last error, for a failed step.
        QString errorMessage() const;

    private:
        std::shared_ptr<Slot> m_slot;
    };

    // The rows of a PostgreSQL statement, all fetched, as libpq returns them: text in the
    // connection's encoding (UTF-8), without a QString or QVariant per value.
    class PostgresResult
    {
    public:
        explicit PostgresResult(pg_result *result);
        PostgresResult(PostgresResult &&other) noexcept;
        PostgresResult &operator=(PostgresResult &&other) noexcept;
        ~PostgresResult();
        Q_DISABLE_COPY(PostgresResult)

        pg_result *result() const { return m_result; }

    private:
        pg_result *m_result = nullptr;
    };

    // Keeps at most capacity statements. The cache empties when a new statement would pass it.
    explicit StatementCache(qsizetype capacity = 64);

    // Runs sql with positional bindings, like execute() in store.h, on a statement prepared for
    // this connection before when there is one. A statement that is still being read gets a
    // second, uncached query.
    Result<Handle> run(const QSqlDatabase &db, const QString &sql,
                       const QVariantList &bindings = {});

    // Prepares sql on a SQLite connection, or takes the statement prepared before, and binds
    // the values as QtSql binds them. The caller steps it. Fails on other databases.
    Result<SqliteHandle> prepareSqlite(const QSqlDatabase &db, const QString &sql,
                                       const QVariantList &bindings);

    // Whether runPostgres() can bind these values as QtSql would: text, integers, booleans and
    // null. A double or a date is left to run(), whose literals PostgreSQL converts otherwise.
    static bool postgresCanBind(const QVariantList &bindings);

    // Runs sql with positional bindings on a PostgreSQL connection, on a statement prepared
    // once per connection with libpq and executed in one round trip with its values as text.
    // Fails on other databases and on values that postgresCanBind() rejects.
    Result<PostgresResult> runPostgres(const QSqlDatabase &db, const QString &sql,
                                       const QVariantList &bindings);

private:
    struct PostgresSlot
    {
        pg_conn *connection = nullptr;
        QByteArray name;
    };

    Result<PostgresResult> executePostgres(pg_conn *connection, const PostgresSlot &slot,
                                           const QVariantList &bindings, const QString &sql);

    Result<Handle> runOn(std::shared_ptr<Slot> slot, const QSqlDatabase &db, const QString &sql,
                         const QVariantList &bindings, bool prepare);

    qsizetype m_capacity;
    QHash<QString, std::shared_ptr<Slot>> m_slots;
    QHash<QString, std::shared_ptr<SqliteHandle::Slot>> m_sqliteSlots;
    QHash<QString, PostgresSlot> m_postgresSlots;
    quint64 m_postgresNames = 0;
};

} // namespace hub
