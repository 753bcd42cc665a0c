// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

namespace hub::inbound {

// One CSV record and the physical line (1-based) where it starts.
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0;
};

// One CSV record as the UTF-8 bytes of its fields, unquoted, in one buffer that keeps its
// memory from record to record.
struct CsvRawRecord
{
    QByteArray bytes;
    // The end offset of each field in bytes; a field starts at the end of the one before it.
    QList<qsizetype> ends;
    qint64 line = 0;

    qsizetype size() const { return ends.size(); }
    QByteArrayView field(qsizetype i) const
    {
        const qsizetype start = i > 0 ? ends.at(i - 1) : 0;
        return QByteArrayView(bytes.constData() + start, ends.at(i) - start);
    }
    // Decodes the fields into record as text, with the record's line.
    void decodeInto(CsvRecord &record) const;
};

// An RFC 4180 reader that streams UTF-8 text from a device.
//
// It accepts CRLF, LF or a lone CR as the record separator, a missing final line break and a
// UTF-8 byte order mark at the start (which is dropped). Quoted fields may contain commas,
// doubled quotes and line breaks, which are kept as they appear in the file. Blank lines
// between records are skipped. An unterminated quote, a character after a closing quote, a
// quote inside an unquoted field, invalid UTF-8 and a record longer than maxRecordBytes() are
// errors that name the line. The length limit also bounds the memory one record can take.
class CsvReader
{
public:
    static constexpr qint64 defaultMaxRecordBytes = 1024 * 1024;

    // The device must be open for reading and outlive the reader. The reader takes an empty
    // read() as the end of the input, so a socket must hold all its data first.
    explicit CsvReader(QIODevice *device);

    // Reads the next record into record. Returns true when it read one, false at the end of
    // the input, and an error for malformed input. Every call after an error fails again.
    // Like QString::fromUtf8(), it drops a U+FEFF at the start of each field.
    hub::Result<bool> readRecord(CsvRecord &record);
    // The same as readRecord(), without decoding the fields into QString.
    hub::Result<bool> readRawRecord(CsvRawRecord &record);

    // Bytes consumed from the device so far, including a byte order mark.
    qint64 bytesRead() const { return m_bytesRead; }

    qint64 maxRecordBytes() const { return m_maxRecordBytes; }
    void setMaxRecordBytes(qint64 bytes) { m_maxRecordBytes = bytes; }
    // Whether the last error was a record longer than maxRecordBytes().
    bool recordTooLong() const { return m_recordTooLong; }
    // The physical line (1-based) that the last error names, or 0 before any error.
    qint64 errorLine() const { return m_errorLine; }

    // Reads every record of the device.
    static hub::Result<QList<CsvRecord>> readAll(QIODevice *device);

private:
    bool fillBuffer();
    hub::Result<void> finishField(CsvRawRecord &record, qint64 fieldLine);
    hub::Result<bool> fail(QString message, qint64 line);

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1;
    qint64 m_maxRecordBytes = defaultMaxRecordBytes;
    bool m_recordTooLong = false;
    bool m_started = false;
    bool m_afterCarriageReturn = false;
    bool m_failed = false;
    QString m_failure;
    qint64 m_errorLine = 0;

    // The start offset, in the record's bytes, of the field being read.
    qsizetype m_fieldStart = 0;
    CsvRawRecord m_raw;
};

} // namespace hub::inbound
