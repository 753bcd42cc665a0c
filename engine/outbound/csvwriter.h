// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "outbound/outputoptions.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>
#include <QVariantList>

#include <array>

namespace hub::outbound {

// Writes RFC 4180 CSV in UTF-8 with the delimiter, quoting, line ending, byte-order mark and
// formula protection of an OutputOptions (by default: comma, minimal quoting, CRLF, no BOM,
// formula protection on). Quotes inside a quoted field are doubled.
//
// Control characters other than tab, CR and LF are replaced with U+FFFD in data rows, because
// programs that read CSV handle them badly. replacedCharacters() counts them, and
// firstReplacementColumn() and firstReplacementRow() locate the first one.
//
// The writer works on UTF-8 bytes, so a caller that has them (the SQLite export path) appends
// fields with appendField() and endRow() without any conversion. Those rows are buffered and
// reach the device in blocks of 64 KiB and at finish(); writeRow() writes at once.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device, OutputOptions options = {});

    // Writes the byte-order mark when the options ask for one, and the header row unless the
    // options turn it off. The column names also label the replacement warning.
    bool writeStart(const QStringList &columns);
    // Writes one row of literal text, such as a header: fields are quoted as needed and not
    // otherwise changed.
    bool writeRow(const QStringList &fields);
    // Writes one data row. NULL is an empty field.
    bool writeRow(const QVariantList &values);

    // Appends the next field of the current data row from UTF-8 bytes. isText is false for
    // numbers, which formula protection leaves alone.
    void appendField(const char *utf8, qsizetype size, bool isText);
    // Ends the current data row; returns false when writing a full buffer failed.
    bool endRow();
    // Writes what is buffered to the device.
    bool finish();

    // The text of one data cell as it goes to the file before quoting: control characters
    // replaced and, with formula protection on, an apostrophe before a risky first character.
    // Numbers are never prefixed, because a spreadsheet reads "-5" as a number, not a formula.
    QString cellText(const QVariant &value);

    qint64 dataRows() const { return m_dataRows; }
    qint64 replacedCharacters() const { return m_replaced; }
    // The column name (or 1-based number) and the 1-based data row of the first replacement.
    QString firstReplacementColumn() const;
    qint64 firstReplacementRow() const { return m_firstReplacedRow; }

    // Formats one field as it would be written: quoted when it contains the delimiter, a quote,
    // a line break or a leading or trailing space, or always when quoteAll is set.
    static QString escapeField(const QString &field, QChar delimiter = QLatin1Char(','),
                               bool quoteAll = false);

private:
    void appendLiteral(const QByteArray &field);
    void appendDelimiterIfNeeded();
    bool writeBuffer();

    QIODevice *m_device;
    OutputOptions m_options;
    char m_delimiter;
    // For each byte value: whether it needs quotes (1) or is a control character to replace (2).
    std::array<unsigned char, 256> m_byteClass{};
    QStringList m_columns;
    QByteArray m_buffer;
    qsizetype m_column = 0;
    qint64 m_dataRows = 0;
    qint64 m_replaced = 0;
    qsizetype m_firstReplacedColumn = -1;
    qint64 m_firstReplacedRow = 0;
};

} // namespace hub::outbound
