// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

class QThread;
struct sqlite3;

namespace hub {

class Checkpointer;

// The SQL dialects the store speaks. SQLite is the embedded default; PostgreSQL is the path
// for many districts and several engine nodes on one database.
enum class Dialect { Sqlite, Postgres };

// The dialect of a connection, from its Qt driver.
Dialect dialectOf(const QSqlDatabase &db);

// The SQLite C handle of an open SQLite connection, or null for any other connection.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// Whether a --database value names a PostgreSQL server (postgresql:// or postgres://).
bool isPostgresUrl(const QString &database);

// The engine's database. Each thread that touches it gets its own QSqlDatabase connection,
// because QtSql connections may only be used from the thread that opened them.
class Store
{
public:
    // database is a SQLite file path or a URL postgresql://user@host:port/name. The URL may not
    // hold a password; a PostgreSQL password comes in password instead.
    explicit Store(QString database, QString password = {});
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    // Opens the database, switches SQLite to WAL with foreign keys on, and applies pending
    // migrations, each in its own transaction. On PostgreSQL an advisory lock keeps nodes
    // that start together from migrating at the same time.
    Result<void> open();

    // Opens a SQLite store read-only, as the source of a copy: it changes neither the file nor
    // its schema. Rejects a store that lacks a migration this build applies, or that has one
    // this build does not know.
    Result<void> openReadOnly();

    Dialect dialect() const { return m_dialect; }
    bool isPostgres() const { return m_dialect == Dialect::Postgres; }

    // The calling thread's connection, opened on first use. It waits up to 30 s for another
    // connection's write lock, or 3 s on the thread given to setShortBusyTimeoutThread().
    QSqlDatabase connection() const;
    // Names the thread that serves HTTP requests, whose writes should fail fast while a long
    // load holds the lock. Call it before that thread's first connection().
    void setShortBusyTimeoutThread(QThread *thread) { m_shortBusyTimeoutThread = thread; }
    // Runs SQLite's checkpoints on a thread of their own instead of in the commits that fill
    // the write-ahead log, so that no request or run waits for a bulk load's pages to be
    // copied. Call it before open(). The engine turns it on; tools need not.
    void setBackgroundCheckpoints(bool on) { m_backgroundCheckpoints = on; }
    // The background checkpointer of an open SQLite store, or null.
    Checkpointer *checkpointer() const { return m_checkpointer.get(); }
    // Closes the calling thread's connection; worker threads call it before they finish.
    void releaseThreadConnection() const;

    // The SQLite file path, or the PostgreSQL URL (which never holds a password).
    QString path() const { return m_path; }
    int schemaVersion() const;

    // The migration scripts, in order, as statements of the given dialect.
    static Result<QList<QPair<int, QStringList>>> migrations(Dialect dialect);

private:
    Result<void> applyMigrations();
    Result<void> openPostgres(QSqlDatabase &db) const;

    QString m_path;
    QString m_password;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_connectionPrefix;
    QThread *m_shortBusyTimeoutThread = nullptr;
    bool m_readOnly = false;
    bool m_backgroundCheckpoints = false;
    std::unique_ptr<Checkpointer> m_checkpointer;
};

// Whether a store error means another connection held the write lock past the busy timeout
// (SQLite's busy timeout or PostgreSQL's lock_timeout).
bool isBusyError(const QString &error);

// Turns a SQLite migration script into PostgreSQL: 64-bit integers, identity columns for
// "id INTEGER PRIMARY KEY", DOUBLE PRECISION for REAL. Triggers need a .pg.sql variant.
QString postgresFromSqlite(const QString &script);

// Splits a migration script into statements (see store.cpp for the rules).
QStringList splitStatements(const QString &script);

// The value to bind for a C++ value: a bool becomes the integer 0 or 1.
QVariant storableValue(const QVariant &value);

// Runs one statement with positional bindings.
Result<QSqlQuery> execute(const QSqlDatabase &db, const QString &sql,
                          const QVariantList &bindings = {});

// Returns the first column of the first row, or a null QVariant when there is no row.
Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql,
                             const QVariantList &bindings = {});

// Commits on commit(), rolls back when destroyed without it.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    bool begun() const { return m_begun; }
    // Why BEGIN failed, such as "database is locked"; empty when it succeeded.
    QString beginError() const { return m_beginError; }
    Result<void> commit();

private:
    QSqlDatabase m_db;
    QString m_beginError;
    bool m_begun = false;
    bool m_done = false;
};

} // namespace hub
