// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterkeys.h"

#include <QHashFunctions>
#include <QString>

namespace hub::inbound::detail {

namespace {

// A fixed seed, so that a hash means the same in validate() and load().
constexpr size_t kHashSeed = 0x9e3779b97f4a7c15ULL;

} // namespace

void foldId(QByteArrayView id, QByteArray &folded)
{
    const char *data = id.data();
    const qsizetype size = id.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (static_cast<unsigned char>(data[i]) >= 0x80) {
            folded = QString::fromUtf8(id).toCaseFolded().toUtf8();
            return;
        }
    }
    folded.resize(size);
    char *out = folded.data();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        out[i] = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
    }
}

quint64 hashBytes(QByteArrayView bytes)
{
    return quint64(qHashBits(bytes.data(), size_t(bytes.size()), kHashSeed));
}

QByteArrayView IdSet::idAt(quint32 index) const
{
    const quint64 packed = m_entries[index].offset;
    return QByteArrayView(m_arena.constData() + (packed >> 24), qsizetype(packed & 0xFFFFFF));
}

quint32 IdSet::find(QByteArrayView folded, quint64 hash) const
{
    if (m_slots.empty())
        return npos;
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = size_t(hash) & mask;; slot = (slot + 1) & mask) {
        const quint32 stored = m_slots[slot];
        if (stored == 0)
            return npos;
        const Entry &entry = m_entries[stored - 1];
        if (entry.hash != hash)
            continue;
        foldId(idAt(stored - 1), m_otherFolded);
        if (QByteArrayView(m_otherFolded) == folded)
            return stored - 1;
    }
}

quint32 IdSet::findFolded(QByteArrayView id) const
{
    foldId(id, m_folded);
    return find(m_folded, hashBytes(m_folded));
}

quint32 IdSet::findExact(QByteArrayView id) const
{
    if (m_slots.empty())
        return npos;
    foldId(id, m_folded);
    const quint64 hash = hashBytes(m_folded);
    // Ids that differ only in case share the hash, so every one of them is compared.
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = size_t(hash) & mask;; slot = (slot + 1) & mask) {
        const quint32 stored = m_slots[slot];
        if (stored == 0)
            return npos;
        if (m_entries[stored - 1].hash == hash && idAt(stored - 1) == id)
            return stored - 1;
    }
}

void IdSet::grow()
{
    const size_t capacity = m_slots.empty() ? 1024 : m_slots.size() * 2;
    std::vector<quint32> table(capacity, 0);
    const size_t mask = capacity - 1;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        size_t slot = size_t(m_entries[i].hash) & mask;
        while (table[slot] != 0)
            slot = (slot + 1) & mask;
        table[slot] = quint32(i + 1);
    }
    m_slots.swap(table);
}

quint32 IdSet::insert(QByteArrayView id, qint64 line)
{
    // Linear probing stays short while at most half of the slots are used.
    if ((m_entries.size() + 1) * 2 > m_slots.size())
        grow();
    foldId(id, m_folded);
    const quint64 hash = hashBytes(m_folded);
    // An id longer than the 24 bits of length is kept cut, although the CSV reader's record
    // limit rules it out. Lookups of such an id fail, which shows only as an unknown reference.
    const quint64 length = quint64(qMin<qsizetype>(id.size(), 0xFFFFFF));
    const quint64 offset = quint64(m_arena.size());
    m_arena.append(id.data(), qsizetype(length));
    const auto index = quint32(m_entries.size());
    m_entries.push_back(Entry{hash, (offset << 24) | length, line});

    const size_t mask = m_slots.size() - 1;
    size_t slot = size_t(hash) & mask;
    while (m_slots[slot] != 0)
        slot = (slot + 1) & mask;
    m_slots[slot] = index + 1;
    return index;
}

} // namespace hub::inbound::detail
