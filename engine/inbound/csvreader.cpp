// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "csvreader.h"

namespace hub::inbound {

namespace {

constexpr qint64 chunkSize = 64 * 1024;

// Returns the offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or -1 when the bytes are valid.
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int continuationCount = 0;
        unsigned char minSecond = 0x80;
        unsigned char maxSecond = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuationCount = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuationCount = 2;
            if (lead == 0xE0)
                minSecond = 0xA0; // overlong below U+0800
            else if (lead == 0xED)
                maxSecond = 0x9F; // UTF-16 surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuationCount = 3;
            if (lead == 0xF0)
                minSecond = 0x90; // overlong below U+10000
            else if (lead == 0xF4)
                maxSecond = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + continuationCount >= size)
            return i;
        if (data[i + 1] < minSecond || data[i + 1] > maxSecond)
            return i;
        for (int k = 2; k <= continuationCount; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += continuationCount + 1;
    }
    return -1;
}

enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{}

bool CsvReader::fillBuffer()
{
    m_buffer = m_device->read(chunkSize);
    m_position = 0;
    m_bytesRead += m_buffer.size();
    return !m_buffer.isEmpty();
}

hub::Result<bool> CsvReader::fail(QString message, qint64 line)
{
    m_failed = true;
    m_failure = std::move(message);
    m_errorLine = line;
    return hub::failure(m_failure);
}

hub::Result<void> CsvReader::finishField(CsvRawRecord &record, qint64 fieldLine)
{
    const QByteArrayView field(record.bytes.constData() + m_fieldStart,
                               record.bytes.size() - m_fieldStart);
    const qsizetype invalidAt = firstInvalidUtf8(field);
    if (invalidAt >= 0) {
        const qint64 line = fieldLine + field.first(invalidAt).count('\n');
        m_errorLine = line;
        return hub::failure(
            QStringLiteral("Line %1 is not valid UTF-8 (byte 0x%2). Save the file "
                           "as UTF-8.")
                .arg(line)
                .arg(static_cast<unsigned char>(field.at(invalidAt)), 2, 16, QLatin1Char('0')));
    }
    record.ends.append(record.bytes.size());
    m_fieldStart = record.bytes.size();
    return {};
}

void CsvRawRecord::decodeInto(CsvRecord &record) const
{
    QStringList fields;
    fields.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        fields.append(QString::fromUtf8(field(i)));
    record.fields = std::move(fields);
    record.line = line;
}

hub::Result<bool> CsvReader::readRecord(CsvRecord &record)
{
    auto read = readRawRecord(m_raw);
    if (!read || !*read)
        return read;
    m_raw.decodeInto(record);
    return true;
}

hub::Result<bool> CsvReader::readRawRecord(CsvRawRecord &record)
{
    if (m_failed)
        return hub::failure(m_failure);
    if (!m_device || !m_device->isReadable())
        return fail(QStringLiteral("The CSV input is not open for reading."), 0);

    if (!m_started) {
        m_started = true;
        // Read until the first three bytes are known, because a device may return fewer.
        QByteArray head;
        while (head.size() < 3) {
            const QByteArray more = m_device->read(3 - head.size());
            if (more.isEmpty())
                break;
            head += more;
        }
        m_bytesRead += head.size();
        if (head.startsWith("\xEF\xBB\xBF"))
            head.remove(0, 3);
        m_buffer = head;
        m_position = 0;
    }

    // truncate() and clear() of a QList keep the memory for the next record.
    record.bytes.truncate(0);
    record.ends.clear();
    m_fieldStart = 0;
    State state = State::FieldStart;
    qint64 recordLine = 0;
    qint64 fieldLine = 0;
    qint64 recordBytes = 0;

    auto endRecord = [&]() -> hub::Result<bool> {
        if (auto finished = finishField(record, fieldLine); !finished)
            return fail(finished.error(), m_errorLine);
        record.line = recordLine;
        return true;
    };

    for (;;) {
        if (m_position >= m_buffer.size() && !fillBuffer())
            break;
        if ((state == State::Unquoted || state == State::Quoted) && !m_afterCarriageReturn) {
            // Copy a run of bytes that changes no state at once: inside a field, only a quote,
            // a line break and, outside quotes, a comma end a run.
            const char *data = m_buffer.constData();
            const qsizetype available
                = qMin<qint64>(m_buffer.size() - m_position, m_maxRecordBytes - recordBytes);
            qsizetype run = 0;
            if (state == State::Unquoted) {
                while (run < available) {
                    const char c = data[m_position + run];
                    if (c == ',' || c == '\n' || c == '\r' || c == '"')
                        break;
                    ++run;
                }
            } else {
                while (run < available) {
                    const char c = data[m_position + run];
                    if (c == '"' || c == '\n' || c == '\r')
                        break;
                    ++run;
                }
            }
            if (run > 0) {
                record.bytes.append(data + m_position, run);
                m_position += run;
                recordBytes += run;
                continue;
            }
        }
        const char byte = m_buffer.at(m_position++);
        if (++recordBytes > m_maxRecordBytes) {
            m_recordTooLong = true;
            const qint64 startLine = recordLine > 0 ? recordLine : m_line;
            return fail(QStringLiteral("Line %1 starts a record longer than %2 bytes, the most "
                                       "the hub reads. Check for a quote that is never closed, "
                                       "or split the long value.")
                            .arg(startLine)
                            .arg(m_maxRecordBytes),
                        startLine);
        }

        if (m_afterCarriageReturn) {
            m_afterCarriageReturn = false;
            if (byte == '\n') {
                // The LF of a CRLF pair: the CR already counted the line.
                if (state == State::Quoted)
                    record.bytes.append(byte);
                continue;
            }
        }

        const bool lineBreak = byte == '\n' || byte == '\r';
        if (lineBreak && state != State::Quoted) {
            const qint64 breakLine = m_line;
            ++m_line;
            m_afterCarriageReturn = byte == '\r';
            if (state == State::FieldStart && recordLine == 0) {
                recordBytes = 0;
                continue; // a blank line between records
            }
            if (recordLine == 0)
                recordLine = breakLine;
            return endRecord();
        }

        switch (state) {
        case State::FieldStart:
            if (recordLine == 0)
                recordLine = m_line;
            fieldLine = m_line;
            if (byte == '"') {
                state = State::Quoted;
            } else if (byte == ',') {
                if (auto finished = finishField(record, fieldLine); !finished)
                    return fail(finished.error(), m_errorLine);
            } else {
                record.bytes.append(byte);
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (byte == ',') {
                if (auto finished = finishField(record, fieldLine); !finished)
                    return fail(finished.error(), m_errorLine);
                state = State::FieldStart;
            } else if (byte == '"') {
                return fail(QStringLiteral("Line %1 has a quote inside an unquoted field. Quote "
                                           "the whole field and double the quote.")
                                .arg(m_line),
                            m_line);
            } else {
                record.bytes.append(byte);
            }
            break;
        case State::Quoted:
            if (byte == '"') {
                state = State::QuoteInQuoted;
            } else {
                record.bytes.append(byte);
                if (lineBreak) {
                    ++m_line;
                    m_afterCarriageReturn = byte == '\r';
                }
            }
            break;
        case State::QuoteInQuoted:
            if (byte == '"') {
                record.bytes.append(byte);
                state = State::Quoted;
            } else if (byte == ',') {
                if (auto finished = finishField(record, fieldLine); !finished)
                    return fail(finished.error(), m_errorLine);
                state = State::FieldStart;
            } else {
                return fail(QStringLiteral("Line %1 has the character '%2' after a closing quote, "
                                           "but a quoted field must end at a comma or line break.")
                                .arg(m_line)
                                .arg(QString::fromLatin1(&byte, 1)),
                            m_line);
            }
            break;
        }
    }

    // End of input.
    if (state == State::Quoted)
        return fail(
            QStringLiteral("Line %1 starts a quoted field that is never closed.").arg(fieldLine),
            fieldLine);
    if (state == State::FieldStart && recordLine == 0)
        return false;
    return endRecord();
}

hub::Result<QList<CsvRecord>> CsvReader::readAll(QIODevice *device)
{
    CsvReader reader(device);
    QList<CsvRecord> records;
    CsvRecord record;
    for (;;) {
        auto read = reader.readRecord(record);
        if (!read)
            return hub::failure(read.error());
        if (!*read)
            return records;
        records.append(record);
    }
}

} // namespace hub::inbound
