// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QtGlobal>

#include <cstring>

namespace hub::outbound {

// A 64-bit hash of one report row, fed value by value with each value's UTF-8 text as the
// query returned it, before any CSV or XML escaping. Each value is preceded by its length, and
// NULL by a length no text has, so ("ab", "c") and ("a", "bc") differ and NULL differs from an
// empty text.
//
// The text is consumed eight bytes at a time: each word is XORed into the state, which is then
// multiplied by the 64-bit FNV prime and XOR-shifted. Both steps are bijections of the state,
// so two rows that differ in one word always differ after it. Whole words keep the hash to a
// small share of an export's time, which the byte-wise FNV-1a would not.
class RowHasher
{
public:
    void addNull() { addLength(~quint64(0)); }

    void addText(const char *data, qsizetype size)
    {
        addLength(quint64(size));
        qsizetype i = 0;
        for (; i + 8 <= size; i += 8) {
            quint64 word;
            std::memcpy(&word, data + i, 8);
            mix(word);
        }
        quint64 tail = 0;
        for (qsizetype shift = 0; i < size; ++i, shift += 8)
            tail |= quint64(quint8(data[i])) << shift;
        mix(tail);
    }

    // Returns the row's hash and starts the next row.
    quint64 finish()
    {
        const quint64 hash = m_hash;
        m_hash = kOffsetBasis;
        return hash;
    }

private:
    static constexpr quint64 kOffsetBasis = 14695981039346656037ULL;
    static constexpr quint64 kPrime = 1099511628211ULL;

    void mix(quint64 word)
    {
        m_hash ^= word;
        m_hash *= kPrime;
        m_hash ^= m_hash >> 29;
    }

    void addLength(quint64 length) { mix(length); }

    quint64 m_hash = kOffsetBasis;
};

} // namespace hub::outbound
