// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDeadlineTimer>
#include <QSqlDatabase>

namespace hub::outbound {

// Interrupts statements on a connection once a deadline passes. On SQLite it uses the progress
// handler, and the statement fails with "interrupted"; on PostgreSQL it sets statement_timeout,
// and the statement fails with "canceling statement due to statement timeout". The caller also
// checks expired() between rows, so slow writing counts against the same deadline. Removes the
// handler or resets the timeout when destroyed.
class QueryTimeout
{
public:
    QueryTimeout(const QSqlDatabase &db, int seconds);
    ~QueryTimeout();
    Q_DISABLE_COPY_MOVE(QueryTimeout)

    bool expired() const { return m_deadline.hasExpired(); }
    int seconds() const { return m_seconds; }

private:
    static int onProgress(void *context);

    void *m_handle = nullptr;
    QSqlDatabase m_postgres;
    int m_seconds;
    QDeadlineTimer m_deadline;
};

// Returns the connection's sqlite3 handle, or nullptr for another driver.
void *sqliteHandle(const QSqlDatabase &db);

} // namespace hub::outbound
