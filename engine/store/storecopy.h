// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace hub {

class Store;

// What one table holds in the source and in the target of a copy.
struct TableComparison
{
    QString table;
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
    // A checksum of the table's rows that does not depend on their order: the sum of a 64-bit
    // SHA-256 prefix of each row's values, in hex.
    QString sourceChecksum;
    QString targetChecksum;

    bool matches() const
    {
        return sourceRows == targetRows && sourceChecksum == targetChecksum;
    }
};

// Copies every table of a SQLite store into an empty PostgreSQL store (both opened, so both
// at the same schema version), in one transaction on the target, keeping every id. Identity
// sequences continue after the largest copied id. Rejects a target that contains data. progress
// is called after each table with its name and row count.
Result<void> copyStore(const Store &from, const Store &to,
                       const std::function<void(const QString &, qint64)> &progress = {});

// Compares every table of two stores by row count and checksum.
Result<QList<TableComparison>> compareStores(const Store &from, const Store &to);

} // namespace hub
