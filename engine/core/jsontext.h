// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <cstring>

namespace hub {

// JSON text as it is written: a byte buffer whose appends only check the capacity. A page of
// a OneRoster collection is written from thousands of short pieces, and in Qt 6.4 each
// QByteArray::append() of a view or a C string goes through insert(), which costs more.
class JsonBuffer
{
public:
    JsonBuffer() = default;
    // Continues the text in bytes.
    explicit JsonBuffer(QByteArray bytes);
    JsonBuffer(const JsonBuffer &other);
    JsonBuffer(JsonBuffer &&other) noexcept;
    JsonBuffer &operator=(const JsonBuffer &other);
    JsonBuffer &operator=(JsonBuffer &&other) noexcept;
    ~JsonBuffer() = default;

    void reserve(qsizetype capacity);
    void append(char c)
    {
        if (m_size == m_capacity)
            grow(1);
        m_data[m_size++] = c;
    }
    void append(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return;
        std::memcpy(extend(bytes.size()), bytes.data(), size_t(bytes.size()));
    }
    // Returns the place of count more bytes at the end, for the caller to fill.
    char *extend(qsizetype count)
    {
        if (m_capacity - m_size < count)
            grow(count);
        char *end = m_data + m_size;
        m_size += count;
        return end;
    }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    char back() const { return m_data[m_size - 1]; }
    QByteArrayView view() const { return QByteArrayView(m_data, m_size); }
    // Keeps bytes free before the text, so that a response head can be put in front of the text
    // that take() returns without a copy: QByteArray::prepend() fills free space at the start
    // of an array that is not shared. Call it before the first append.
    void reserveFront(qsizetype bytes);
    // Returns the text and leaves the buffer empty.
    QByteArray take();

private:
    void grow(qsizetype extra);

    // The storage, whose size is m_front + the capacity; the text is the m_size bytes after
    // m_front.
    QByteArray m_bytes;
    char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
    // The free bytes before the text in m_bytes.
    qsizetype m_front = 0;
};

// Writers of JSON strings for responses that are written as text instead of through
// QJsonDocument. Quotes and backslashes get a backslash, control characters become \u00XX, and
// every other character is written as UTF-8.

// Appends text as a quoted JSON string. Printable ASCII, which most names and values are, is
// copied without a UTF-8 conversion.
void appendJsonString(JsonBuffer &out, QStringView text);
void appendJsonString(QByteArray &out, QStringView text);
// Appends UTF-8 text as a quoted JSON string. Invalid UTF-8 is replaced as QString::fromUtf8()
// replaces it.
void appendJsonUtf8(JsonBuffer &out, QByteArrayView text);
void appendJsonUtf8(QByteArray &out, QByteArrayView text);

} // namespace hub
