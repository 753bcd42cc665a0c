// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QString>

#include <vector>

namespace hub::runs {

// A run's data rows as a multiset of 64-bit hashes, for counting the rows added and removed
// since the previous successful run of the same integration.
//
// The set is a side file of sorted little-endian 64-bit values, 8 bytes a row (8 MB for a
// million rows), at <dataDir>/row-hashes/integration-<id>/run-<id>.u64. A file rather than a
// table, because inserting a million rows per run would grow the database and its WAL by far
// more than the file and take seconds; the sorted file is written once and compared with the
// previous one in a single streaming merge. Only the newest successful run's file is kept.
// The current run's hashes are held in memory while it runs (8 bytes a row). With 64-bit
// hashes, two different rows collide with a probability of about n^2 / 2^65, roughly 3 in
// 100 million for a million rows.
class RowHashes
{
public:
    // Adds one row's outbound::RowHasher hash. The values are hashed as the query returns
    // them, so changing the CSV options or the format does not change the hashes.
    void add(quint64 rowHash) { m_hashes.push_back(rowHash); }
    qint64 size() const { return qint64(m_hashes.size()); }

    // Sorts the hashes and writes them to path, creating its folder.
    Result<void> write(const QString &path);

    struct Changes
    {
        qint64 added = 0;
        qint64 removed = 0;
    };
    // Compares the written hashes with an earlier run's file as multisets.
    Result<Changes> compareWith(const QString &previousPath) const;

    static QString path(const QString &dataDir, qint64 integrationId, qint64 runId);
    // Removes the integration's hash files except the one of keepRunId.
    static void removeOthers(const QString &dataDir, qint64 integrationId, qint64 keepRunId);

private:
    std::vector<quint64> m_hashes;
    bool m_sorted = false;
};

} // namespace hub::runs
