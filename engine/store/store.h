// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

class QThread;

namespace hub {

// The engine's database. Each thread that touches it gets its own QSqlDatabase connection,
// because QtSql connections may only be used from the thread that opened them.
class Store
{
public:
    explicit Store(QString sqlitePath);
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    // Opens the database, switches SQLite to WAL with foreign keys on, and applies pending
    // migrations, each in its own transaction.
    Result<void> open();

    // The calling thread's connection, opened on first use. It waits up to 30 s for another
    // connection's write lock, or 3 s on the thread given to setShortBusyTimeoutThread().
    QSqlDatabase connection() const;
    // Names the thread that serves HTTP requests, whose writes should fail fast while a long
    // load holds the lock. Call it before that thread's first connection().
    void setShortBusyTimeoutThread(QThread *thread) { m_shortBusyTimeoutThread = thread; }
    // Closes the calling thread's connection; worker threads call it before they finish.
    void releaseThreadConnection() const;

    QString path() const { return m_path; }
    int schemaVersion() const;

private:
    Result<void> applyMigrations();

    QString m_path;
    QString m_connectionPrefix;
    QThread *m_shortBusyTimeoutThread = nullptr;
};

// Whether a store error means another connection held the write lock past the busy timeout.
bool isBusyError(const QString &error);

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
    Result<void> commit();

private:
    QSqlDatabase m_db;
    bool m_begun = false;
    bool m_done = false;
};

} // namespace hub
