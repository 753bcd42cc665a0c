// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// The rows that validation accepted, converted as the store takes them, in a temporary file
// that load() reads back in file order. Each row is its line, its value count and its values:
// a type byte, then 8 bytes of integer or 4 bytes of length and the UTF-8 text.

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringEncoder>
#include <QTemporaryFile>
#include <QVariantList>
#include <QVarLengthArray>

#include <functional>
#include <memory>

namespace hub::inbound::detail {

struct SpillValue
{
    enum Type : quint8 { Null, Integer, Text };
    Type type = Null;
    qint64 integer = 0;
    // Valid until the next SpillReader::next().
    QByteArrayView text;
};

struct SpillRow
{
    qint64 line = 0;
    QVarLengthArray<SpillValue, 32> values;
};

class SpillWriter
{
public:
    // Creates the file in folder, which is created when missing.
    hub::Result<void> open(const QString &folder);
    // Appends a row of null values, integers (booleans as 0 or 1) and texts.
    void append(qint64 line, const QVariantList &values);
    // Appends a row of values whose texts are UTF-8 already.
    void append(qint64 line, const SpillValue *values, qsizetype count);
    // Writes what is buffered. Fails when any write failed.
    hub::Result<void> finish();
    // The file, for SpillReader; it is deleted when the pointer is destroyed.
    std::unique_ptr<QTemporaryFile> takeFile() { return std::move(m_file); }
    // The file's path, once open() succeeded.
    QString fileName() const { return m_file ? m_file->fileName() : QString(); }
    // Sets a function that is called with the file's size whenever the rows written so far
    // can be read through another handle, so that a reader can follow the file as it grows.
    // The size always ends between two rows.
    void setFlushed(std::function<void(qint64 bytes)> flushed) { m_flushed = std::move(flushed); }

private:
    // Appends text as a Text value when it is all ASCII, and returns false otherwise.
    bool appendAscii(const QString &text);
    void appendText(QByteArrayView text);
    void flushWhenFull();
    void flush();

    std::unique_ptr<QTemporaryFile> m_file;
    QByteArray m_buffer;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    QString m_error;
    std::function<void(qint64 bytes)> m_flushed;
};

class SpillReader
{
public:
    explicit SpillReader(QIODevice *device) : m_device(device) {}

    // Reads the next row. Returns false at the end, and an error for a cut or unreadable file.
    hub::Result<bool> next(SpillRow &row);

private:
    bool ensure(qsizetype bytes);

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_position = 0;
};

} // namespace hub::inbound::detail
