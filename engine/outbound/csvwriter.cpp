// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "csvwriter.h"

namespace hub::outbound {

namespace {

constexpr qsizetype kBufferSize = 64 * 1024;
// Classes of bytes in CsvWriter::m_byteClass.
constexpr unsigned char kQuote = 1;
constexpr unsigned char kControl = 2;
// U+FFFD REPLACEMENT CHARACTER in UTF-8.
constexpr char kReplacement[] = "\xEF\xBF\xBD";

bool isReplacedControl(unsigned char byte)
{
    return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
}

// The first characters that make a spreadsheet read a cell as a formula. Tab and CR are
// included because some spreadsheet programs skip them before looking for a formula.
bool isFormulaStart(char byte)
{
    return byte == '=' || byte == '+' || byte == '-' || byte == '@' || byte == '\t' || byte == '\r';
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
    , m_delimiter(options.delimiter.toLatin1())
{
    m_buffer.reserve(kBufferSize + 4096);
    for (int byte = 0; byte < 0x20; ++byte)
        m_byteClass[byte] = isReplacedControl(uchar(byte)) ? kControl : 0;
    for (const char special : {m_delimiter, '"', '\n', '\r'})
        m_byteClass[uchar(special)] = kQuote;
}

QString CsvWriter::escapeField(const QString &field, QChar delimiter, bool quoteAll)
{
    const bool needsQuotes
        = !field.isEmpty()
          && (field.contains(delimiter) || field.contains(QLatin1Char('"'))
              || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))
              || field.front() == QLatin1Char(' ') || field.back() == QLatin1Char(' '));
    if (!quoteAll && !needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::firstReplacementColumn() const
{
    if (m_firstReplacedColumn < 0)
        return {};
    return m_firstReplacedColumn < m_columns.size() ? m_columns.at(m_firstReplacedColumn)
                                                    : QString::number(m_firstReplacedColumn + 1);
}

bool CsvWriter::writeStart(const QStringList &columns)
{
    m_columns = columns;
    if (m_options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
    if (m_options.header)
        return writeRow(columns);
    return writeBuffer();
}

void CsvWriter::appendDelimiterIfNeeded()
{
    if (m_column++ > 0)
        m_buffer.append(m_delimiter);
}

void CsvWriter::appendLiteral(const QByteArray &field)
{
    appendDelimiterIfNeeded();
    const QString text = QString::fromUtf8(field);
    m_buffer.append(
        escapeField(text, m_options.delimiter, m_options.quoting == OutputOptions::Quoting::All)
            .toUtf8());
}

void CsvWriter::appendField(const char *utf8, qsizetype size, bool isText)
{
    appendDelimiterIfNeeded();
    const auto *bytes = reinterpret_cast<const unsigned char *>(utf8);
    // One table lookup per byte, ORed together, shows whether the value needs quotes or has a
    // control character to replace.
    unsigned char found = 0;
    for (qsizetype i = 0; i < size; ++i)
        found |= m_byteClass[bytes[i]];
    const bool quote = m_options.quoting == OutputOptions::Quoting::All || (found & kQuote)
                       || (size > 0 && (bytes[0] == ' ' || bytes[size - 1] == ' '));
    const bool plain = found == 0;
    const bool prefix
        = m_options.formulaProtection && isText && size > 0 && isFormulaStart(utf8[0]);

    // Most values need no change, and go to the buffer in one copy.
    if (plain && !quote && !prefix) {
        m_buffer.append(utf8, size);
        return;
    }
    if (quote)
        m_buffer.append('"');
    if (prefix)
        m_buffer.append('\'');
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char byte = bytes[i];
        if (isReplacedControl(byte)) {
            m_buffer.append(kReplacement, 3);
            if (m_replaced++ == 0) {
                m_firstReplacedColumn = m_column - 1;
                m_firstReplacedRow = m_dataRows + 1;
            }
            continue;
        }
        if (byte == '"')
            m_buffer.append('"');
        m_buffer.append(char(byte));
    }
    if (quote)
        m_buffer.append('"');
}

bool CsvWriter::endRow()
{
    m_buffer.append(m_options.crlf ? "\r\n" : "\n");
    m_column = 0;
    ++m_dataRows;
    return m_buffer.size() < kBufferSize || writeBuffer();
}

bool CsvWriter::writeBuffer()
{
    if (m_buffer.isEmpty())
        return true;
    const bool written = m_device->write(m_buffer) == m_buffer.size();
    m_buffer.resize(0);
    return written;
}

bool CsvWriter::finish()
{
    return writeBuffer();
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    for (const QString &field : fields)
        appendLiteral(field.toUtf8());
    m_buffer.append(m_options.crlf ? "\r\n" : "\n");
    m_column = 0;
    return writeBuffer();
}

bool CsvWriter::writeRow(const QVariantList &values)
{
    for (const QVariant &value : values) {
        const QByteArray utf8 = value.isNull() ? QByteArray() : value.toString().toUtf8();
        appendField(utf8.constData(), utf8.size(), !isNumber(value));
    }
    return endRow() && writeBuffer();
}

QString CsvWriter::cellText(const QVariant &value)
{
    if (value.isNull())
        return {};
    QString text = value.toString();
    for (QChar &character : text) {
        if (character.unicode() < 0x80 && isReplacedControl(uchar(character.unicode())))
            character = QChar(QChar::ReplacementCharacter);
    }
    if (m_options.formulaProtection && !isNumber(value) && !text.isEmpty()
        && text.front().unicode() < 0x80 && isFormulaStart(char(text.front().unicode())))
        text.prepend(QLatin1Char('\''));
    return text;
}

} // namespace hub::outbound
