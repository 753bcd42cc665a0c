// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterspill.h"

#include <QDir>

#include <cstring>

namespace hub::inbound::detail {

namespace {

// Rows are written and read in chunks of about this many bytes.
constexpr qsizetype kChunkBytes = 1024 * 1024;

template<typename T>
void appendRaw(QByteArray &buffer, T value)
{
    buffer.append(reinterpret_cast<const char *>(&value), qsizetype(sizeof(value)));
}

template<typename T>
T readRaw(const char *data)
{
    T value;
    std::memcpy(&value, data, sizeof(value));
    return value;
}

} // namespace

hub::Result<void> SpillWriter::open(const QString &folder)
{
    if (!QDir().mkpath(folder))
        return hub::failure(QStringLiteral("Cannot create the folder %1.").arg(folder));
    m_file = std::make_unique<QTemporaryFile>(QDir(folder).filePath(QStringLiteral("rows-XXXXXX")));
    if (!m_file->open())
        return hub::failure(QStringLiteral("Cannot create a temporary file in %1: %2")
                                .arg(folder, m_file->errorString()));
    m_buffer.reserve(kChunkBytes + 64 * 1024);
    return {};
}

void SpillWriter::append(qint64 line, const QVariantList &values)
{
    if (!m_file)
        return;
    appendRaw<qint64>(m_buffer, line);
    appendRaw<quint32>(m_buffer, quint32(values.size()));
    for (const QVariant &value : values) {
        if (value.isNull()) {
            m_buffer.append(char(SpillValue::Null));
        } else if (value.typeId() == QMetaType::QString) {
            const auto *text = static_cast<const QString *>(value.constData());
            if (appendAscii(*text))
                continue;
            // Encode straight into the buffer, without a QByteArray per value.
            const qsizetype start = m_buffer.size();
            m_buffer.resize(start + 5 + m_encoder.requiredSpace(text->size()));
            char *begin = m_buffer.data() + start + 5;
            char *end = m_encoder.appendToBuffer(begin, *text);
            m_buffer[start] = char(SpillValue::Text);
            const auto length = quint32(end - begin);
            std::memcpy(m_buffer.data() + start + 1, &length, sizeof(length));
            m_buffer.resize(end - m_buffer.constData());
        } else {
            m_buffer.append(char(SpillValue::Integer));
            appendRaw<qint64>(m_buffer, value.toLongLong());
        }
    }
    flushWhenFull();
}

void SpillWriter::append(qint64 line, const SpillValue *values, qsizetype count)
{
    if (!m_file)
        return;
    appendRaw<qint64>(m_buffer, line);
    appendRaw<quint32>(m_buffer, quint32(count));
    for (qsizetype i = 0; i < count; ++i) {
        const SpillValue &value = values[i];
        if (value.type == SpillValue::Text) {
            appendText(value.text);
        } else if (value.type == SpillValue::Integer) {
            m_buffer.append(char(SpillValue::Integer));
            appendRaw<qint64>(m_buffer, value.integer);
        } else {
            m_buffer.append(char(SpillValue::Null));
        }
    }
    flushWhenFull();
}

void SpillWriter::appendText(QByteArrayView text)
{
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + 5 + text.size());
    char *out = m_buffer.data() + start;
    out[0] = char(SpillValue::Text);
    const auto length = quint32(text.size());
    std::memcpy(out + 1, &length, sizeof(length));
    std::memcpy(out + 5, text.data(), size_t(text.size()));
}

void SpillWriter::flushWhenFull()
{
    if (m_buffer.size() >= kChunkBytes)
        flush();
}

bool SpillWriter::appendAscii(const QString &text)
{
    // Most values are ASCII, which a plain copy writes with fewer instructions than the encoder.
    const auto *chars = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (chars[i] >= 0x80)
            return false;
    }
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + 5 + size);
    char *out = m_buffer.data() + start;
    out[0] = char(SpillValue::Text);
    const auto length = quint32(size);
    std::memcpy(out + 1, &length, sizeof(length));
    for (qsizetype i = 0; i < size; ++i)
        out[5 + i] = char(chars[i]);
    return true;
}

void SpillWriter::flush()
{
    if (!m_file || m_buffer.isEmpty())
        return;
    if (m_error.isEmpty() && m_file->write(m_buffer) != m_buffer.size())
        m_error = QStringLiteral("Cannot write %1: %2").arg(m_file->fileName(),
                                                             m_file->errorString());
    m_buffer.clear();
    if (!m_flushed || !m_error.isEmpty())
        return;
    // QFile keeps a buffer of its own, which another handle does not see.
    if (!m_file->flush()) {
        m_error = QStringLiteral("Cannot write %1: %2").arg(m_file->fileName(),
                                                            m_file->errorString());
        return;
    }
    m_flushed(m_file->pos());
}

hub::Result<void> SpillWriter::finish()
{
    flush();
    if (m_file && m_error.isEmpty() && !m_file->flush())
        m_error = QStringLiteral("Cannot write %1: %2").arg(m_file->fileName(),
                                                             m_file->errorString());
    if (!m_error.isEmpty())
        return hub::failure(m_error);
    return {};
}

bool SpillReader::ensure(qsizetype bytes)
{
    if (m_buffer.size() - m_position >= bytes)
        return true;
    m_buffer.remove(0, m_position);
    m_position = 0;
    while (m_buffer.size() < bytes) {
        const QByteArray chunk = m_device->read(qMax(bytes - m_buffer.size(), kChunkBytes));
        if (chunk.isEmpty())
            return false;
        m_buffer.append(chunk);
    }
    return true;
}

hub::Result<bool> SpillReader::next(SpillRow &row)
{
    // A row's text views point into the buffer, so the buffer may move only between rows:
    // the whole row is read into it first.
    if (!ensure(12))
        return m_buffer.size() == m_position ? hub::Result<bool>(false)
                                             : hub::failure(QStringLiteral("The temporary file of "
                                                                           "validated rows is cut."));
    row.line = readRaw<qint64>(m_buffer.constData() + m_position);
    const auto count = readRaw<quint32>(m_buffer.constData() + m_position + 8);
    // Find the row's size, reading more as needed.
    qsizetype size = 12;
    for (quint32 i = 0; i < count; ++i) {
        if (!ensure(size + 1))
            return hub::failure(QStringLiteral("The temporary file of validated rows is cut."));
        const auto type = SpillValue::Type(m_buffer.at(m_position + size));
        size += 1;
        if (type == SpillValue::Integer) {
            size += 8;
        } else if (type == SpillValue::Text) {
            if (!ensure(size + 4))
                return hub::failure(QStringLiteral("The temporary file of validated rows is cut."));
            size += 4 + qsizetype(readRaw<quint32>(m_buffer.constData() + m_position + size));
        }
    }
    if (!ensure(size))
        return hub::failure(QStringLiteral("The temporary file of validated rows is cut."));

    const char *data = m_buffer.constData() + m_position;
    qsizetype offset = 12;
    row.values.resize(count);
    for (quint32 i = 0; i < count; ++i) {
        SpillValue &value = row.values[i];
        value.type = SpillValue::Type(data[offset]);
        offset += 1;
        if (value.type == SpillValue::Integer) {
            value.integer = readRaw<qint64>(data + offset);
            offset += 8;
        } else if (value.type == SpillValue::Text) {
            const auto length = qsizetype(readRaw<quint32>(data + offset));
            value.text = QByteArrayView(data + offset + 4, length);
            offset += 4 + length;
        }
    }
    m_position += size;
    return true;
}

} // namespace hub::inbound::detail
