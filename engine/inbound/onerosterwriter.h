// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// Writers that store the rows of one OneRoster table for a district inside the load's
// transaction: row by row through prepared SQLite statements, or with COPY on PostgreSQL.

#include "core/result.h"
#include "onerosterspill.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace hub::inbound::detail {

class TableWriter
{
public:
    struct Target
    {
        QString table;
        QStringList columns;
        // A bulk file retires the district's stored records that it does not list.
        bool delta = false;
        // The file name that error messages give.
        QString fileName;
        QString loadTime;
        qint64 districtId = 0;
        // Whether the rows are the user roles that a OneRoster 1.0 or 1.1 users.csv implies. A
        // delta of them retires the other roles of its users, whose rows list all their orgs.
        bool impliedRoles = false;
    };

    virtual ~TableWriter() = default;

    // Prepares the statements; call it once before the first row.
    virtual hub::Result<void> begin() = 0;
    // Stores one row. Its first value is the sourcedId.
    virtual hub::Result<void> write(const SpillRow &row) = 0;
    // Stores what is left and, for a bulk file, marks the stored records that the file does not
    // list tobedeleted. Returns how many it marked.
    virtual hub::Result<qint64> finish() = 0;
    // For PostgreSQL, the 1-based row of write() that the store rejected in finish(), or 0.
    virtual qint64 failedRow() const { return 0; }
    // After finish(), the rows that were inserted or changed. A row that repeats a stored
    // record unchanged is left alone and not counted.
    qint64 rowsStored() const { return m_rowsStored; }
    // After finish(), whether the district had records in the table before the load.
    bool replacedStored() const { return m_replacedStored; }

    // The writer for the connection's database.
    static std::unique_ptr<TableWriter> create(const QSqlDatabase &db, Target target);

protected:
    qint64 m_rowsStored = 0;
    bool m_replacedStored = false;
};

} // namespace hub::inbound::detail
