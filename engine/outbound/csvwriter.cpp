// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "csvwriter.h"

namespace hub::outbound {

namespace {

bool needsQuotes(QStringView field, QChar delimiter)
{
    if (field.isEmpty())
        return false;
    if (field.front() == QLatin1Char(' ') || field.back() == QLatin1Char(' '))
        return true;
    for (const QChar character : field) {
        if (character == delimiter || character == QLatin1Char('"')
            || character == QLatin1Char('\n') || character == QLatin1Char('\r'))
            return true;
    }
    return false;
}

bool isReplacedControl(char16_t code)
{
    return code < 0x20 && code != u'\t' && code != u'\n' && code != u'\r';
}

// The first characters that make a spreadsheet read a cell as a formula. Tab and CR are
// included because some spreadsheet programs skip them before looking for a formula.
bool startsLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const char16_t first = text.front().unicode();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
           || first == u'\r';
}

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device, OutputOptions options)
    : m_device(device)
    , m_options(options)
{}

QString CsvWriter::escapeField(const QString &field, QChar delimiter, bool quoteAll)
{
    if (!quoteAll && !needsQuotes(field, delimiter))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool CsvWriter::writeStart(const QStringList &columns)
{
    m_columns = columns;
    if (m_options.byteOrderMark) {
        static const QByteArray bom("\xEF\xBB\xBF");
        if (m_device->write(bom) != bom.size())
            return false;
    }
    return m_options.header ? writeRow(columns) : true;
}

void CsvWriter::appendField(const QString &text)
{
    const bool quote = m_options.quoting == OutputOptions::Quoting::All
                       || needsQuotes(text, m_options.delimiter);
    if (!quote) {
        m_line += text;
        return;
    }
    m_line += QLatin1Char('"');
    for (const QChar character : text) {
        if (character == QLatin1Char('"'))
            m_line += QLatin1Char('"');
        m_line += character;
    }
    m_line += QLatin1Char('"');
}

bool CsvWriter::writeLine()
{
    m_line += m_options.crlf ? QLatin1String("\r\n") : QLatin1String("\n");
    // The encoder writes into a buffer that keeps its capacity, so encoding a row allocates
    // nothing once the buffer has grown.
    m_bytes.resize(m_encoder.requiredSpace(m_line.size()));
    char *end = m_encoder.appendToBuffer(m_bytes.data(), m_line);
    m_bytes.resize(end - m_bytes.constData());
    m_line.resize(0);
    return m_device->write(m_bytes) == m_bytes.size();
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_line += m_options.delimiter;
        appendField(fields.at(i));
    }
    return writeLine();
}

QString CsvWriter::cellText(const QVariant &value, qsizetype column)
{
    if (value.isNull())
        return {};
    QString text = value.toString();
    for (QChar &character : text) {
        if (!isReplacedControl(character.unicode()))
            continue;
        character = QChar(QChar::ReplacementCharacter);
        if (m_replaced++ == 0) {
            m_firstReplacedColumn
                = column < m_columns.size() ? m_columns.at(column) : QString::number(column + 1);
            m_firstReplacedRow = m_dataRows + 1;
        }
    }
    if (m_options.formulaProtection && !isNumber(value) && startsLikeFormula(text))
        text.prepend(QLatin1Char('\''));
    return text;
}

bool CsvWriter::writeRow(const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_line += m_options.delimiter;
        appendField(cellText(values.at(i), i));
    }
    ++m_dataRows;
    return writeLine();
}

} // namespace hub::outbound
