// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "outbound/outputoptions.h"

#include <QIODevice>
#include <QStringEncoder>
#include <QStringList>
#include <QVariantList>

namespace hub::outbound {

// Writes RFC 4180 CSV in UTF-8 with the delimiter, quoting, line ending, byte-order mark and
// formula protection of an OutputOptions (by default: comma, minimal quoting, CRLF, no BOM,
// formula protection on). Quotes inside a quoted field are doubled.
//
// Control characters other than tab, CR and LF are replaced with U+FFFD in data rows, because
// programs that read CSV handle them badly; replacedCharacters() counts them and
// firstReplacement() names the first column and data row where one was found.
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

    // The text of one data cell as it goes to the file before quoting: control characters
    // replaced and, with formula protection on, an apostrophe before a risky first character.
    // Numbers are never prefixed, because a spreadsheet reads "-5" as a number, not a formula.
    QString cellText(const QVariant &value, qsizetype column);

    qint64 dataRows() const { return m_dataRows; }
    qint64 replacedCharacters() const { return m_replaced; }
    // The column name (or 1-based number) and the 1-based data row of the first replacement.
    QString firstReplacementColumn() const { return m_firstReplacedColumn; }
    qint64 firstReplacementRow() const { return m_firstReplacedRow; }

    // Formats one field as it would be written: quoted when it contains the delimiter, a quote,
    // a line break or a leading or trailing space, or always when quoteAll is set.
    static QString escapeField(const QString &field, QChar delimiter = QLatin1Char(','),
                               bool quoteAll = false);

private:
    void appendField(const QString &text);
    bool writeLine();

    QIODevice *m_device;
    OutputOptions m_options;
    QStringList m_columns;
    QString m_line;
    QByteArray m_bytes;
    QStringEncoder m_encoder{QStringEncoder::Utf8};
    qint64 m_dataRows = 0;
    qint64 m_replaced = 0;
    QString m_firstReplacedColumn;
    qint64 m_firstReplacedRow = 0;
};

} // namespace hub::outbound
