// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// Compact sets of sourcedIds that OneRosterBundle::validate() keeps between reading a bundle's
// files and loading them, so that its memory does not hold the rows themselves.

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <vector>

namespace hub::inbound::detail {

// Writes the case-folded form of a UTF-8 id into folded: ASCII letters in lower case, and any
// other text as QString::toCaseFolded() folds it.
void foldId(QByteArrayView id, QByteArray &folded);

// A 64-bit hash of UTF-8 bytes, the same in every process.
quint64 hashBytes(QByteArrayView bytes);

// SourcedIds exactly as written, with the line of each, hashed by their case-folded form so
// that the set finds an id that differs from a new one only in case. Each id costs its bytes,
// 24 bytes of entry and 4 to 8 bytes of hash slots.
class IdSet
{
public:
    static constexpr quint32 npos = UINT32_MAX;

    // The index of the stored id that folds to the same text as id, or npos.
    quint32 findFolded(QByteArrayView id) const;
    // The index of the stored id equal to id, or npos.
    quint32 findExact(QByteArrayView id) const;
    // Stores id with its line and returns its index. Ids that differ only in case may both be
    // stored; findFolded() then returns either.
    quint32 insert(QByteArrayView id, qint64 line);

    QByteArrayView idAt(quint32 index) const;
    qint64 lineAt(quint32 index) const { return m_entries[index].line; }
    qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    struct Entry
    {
        quint64 hash;
        quint64 offset;
        qint64 line;
    };

    quint32 find(QByteArrayView folded, quint64 hash) const;
    void grow();

    QByteArray m_arena;
    std::vector<Entry> m_entries;
    // Entry index + 1 per slot, 0 for an empty slot; the size is a power of two.
    std::vector<quint32> m_slots;
    mutable QByteArray m_folded;
    mutable QByteArray m_otherFolded;
};

} // namespace hub::inbound::detail
