// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "jsontext.h"

#include <QString>
#include <QUtf8StringView>

#include <algorithm>
#include <utility>

namespace hub {

namespace {

void appendEscapedByte(JsonBuffer &out, unsigned char byte)
{
    static constexpr char kHex[] = "0123456789abcdef";
    if (byte == '"' || byte == '\\') {
        out.append('\\');
        out.append(char(byte));
    } else if (byte < 0x20) {
        out.append("\\u00");
        out.append(kHex[byte >> 4]);
        out.append(kHex[byte & 0xf]);
    } else {
        out.append(char(byte));
    }
}

// Whether a byte of UTF-8 text can be copied into a JSON string as it is: printable ASCII
// other than the quote and the backslash.
constexpr auto isPlainByte = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
};

} // namespace

JsonBuffer::JsonBuffer(QByteArray bytes)
    : m_bytes(std::move(bytes))
    , m_data(m_bytes.data())
    , m_size(m_bytes.size())
    , m_capacity(m_bytes.size())
{}

JsonBuffer::JsonBuffer(const JsonBuffer &other)
    : JsonBuffer(QByteArray(other.m_data, other.m_size))
{}

JsonBuffer::JsonBuffer(JsonBuffer &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
    , m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
    , m_front(std::exchange(other.m_front, 0))
{}

JsonBuffer &JsonBuffer::operator=(const JsonBuffer &other)
{
    if (this != &other)
        *this = JsonBuffer(other);
    return *this;
}

JsonBuffer &JsonBuffer::operator=(JsonBuffer &&other) noexcept
{
    m_bytes = std::exchange(other.m_bytes, QByteArray());
    m_data = std::exchange(other.m_data, nullptr);
    m_size = std::exchange(other.m_size, 0);
    m_capacity = std::exchange(other.m_capacity, 0);
    m_front = std::exchange(other.m_front, 0);
    return *this;
}

void JsonBuffer::reserve(qsizetype capacity)
{
    if (capacity > m_capacity)
        grow(capacity - m_size);
}

void JsonBuffer::reserveFront(qsizetype bytes)
{
    Q_ASSERT(m_capacity == 0);
    m_front = std::max(qsizetype(0), bytes);
}

void JsonBuffer::grow(qsizetype extra)
{
    // The capacity at least doubles, so that appends cost constant time on average.
    m_capacity = std::max({m_size + extra, m_capacity * 2, qsizetype(64)});
    m_bytes.resize(m_front + m_capacity);
    m_data = m_bytes.data() + m_front;
}

QByteArray JsonBuffer::take()
{
    if (m_capacity == 0)
        m_front = 0; // nothing was allocated
    m_bytes.resize(m_front + m_size);
    // Qt 6 removes bytes at the start of an array that is not shared by moving its start, so
    // the room stays free before the text.
    if (m_front > 0)
        m_bytes.remove(0, m_front);
    m_front = 0;
    QByteArray bytes = std::move(m_bytes);
    m_bytes = QByteArray();
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
    return bytes;
}

// Printable ASCII without quotes or backslashes, which most values are, is copied whole in one
// step. Otherwise runs of bytes that need no escaping are copied whole.
void appendJsonUtf8(JsonBuffer &out, QByteArrayView text)
{
    if (std::all_of(text.cbegin(), text.cend(), isPlainByte)) {
        char *cursor = out.extend(text.size() + 2);
        *cursor++ = '"';
        if (!text.isEmpty())
            std::memcpy(cursor, text.data(), size_t(text.size()));
        cursor[text.size()] = '"';
        return;
    }

    const bool ascii = std::all_of(text.cbegin(), text.cend(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    QByteArray repaired;
    if (!ascii && !QUtf8StringView(text).isValidUtf8()) {
        repaired = QString::fromUtf8(text).toUtf8();
        text = repaired;
    }
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(text.sliced(runStart, i - runStart));
        appendEscapedByte(out, byte);
        runStart = i + 1;
    }
    out.append(text.sliced(runStart));
    out.append('"');
}

void appendJsonUtf8(QByteArray &out, QByteArrayView text)
{
    JsonBuffer buffer(std::move(out));
    appendJsonUtf8(buffer, text);
    out = buffer.take();
}

// Printable ASCII is copied into space reserved for it.
void appendJsonString(JsonBuffer &out, QStringView text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t unit = c.unicode();
        return unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\';
    });
    if (!plain) {
        appendJsonUtf8(out, text.toUtf8());
        return;
    }
    char *cursor = out.extend(text.size() + 2);
    *cursor++ = '"';
    for (const QChar c : text)
        *cursor++ = char(c.unicode());
    *cursor = '"';
}

void appendJsonString(QByteArray &out, QStringView text)
{
    JsonBuffer buffer(std::move(out));
    appendJsonString(buffer, text);
    out = buffer.take();
}

} // namespace hub
