// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDeadlineTimer>
#include <QSqlDatabase>

namespace hub::outbound {

// Interrupts SQLite statements on a connection once a deadline passes, through SQLite's
// progress handler; the statement then fails with "interrupted". The caller also checks
// expired() between rows, so slow writing counts against the same deadline. Removes the
// handler when destroyed.
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
    int m_seconds;
    QDeadlineTimer m_deadline;
};

// Returns the connection's sqlite3 handle, or nullptr for another driver.
void *sqliteHandle(const QSqlDatabase &db);

} // namespace hub::outbound
