// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "xmlwriter.h"

namespace hub::outbound {

XmlWriter::XmlWriter(QIODevice *device, const QString &outputName, int schoolYear,
                     const QStringList &columns)
    : m_writer(device)
    , m_columns(columns)
{
    m_writer.setAutoFormatting(true);
    m_writer.setAutoFormattingIndent(2);
    m_writer.writeStartDocument();
    m_writer.writeStartElement(QStringLiteral("report"));
    m_writer.writeAttribute(QStringLiteral("output"), clean(outputName, QStringLiteral("output")));
    m_writer.writeAttribute(QStringLiteral("schoolYear"), QString::number(schoolYear));
}

QString XmlWriter::clean(const QString &text, const QString &column)
{
    QString result = text;
    for (QChar &character : result) {
        const char16_t code = character.unicode();
        const bool allowed = code >= 0x20 || code == 0x09 || code == 0x0A || code == 0x0D;
        if (!allowed || code == 0xFFFE || code == 0xFFFF) {
            character = QChar(0xFFFD);
            if (m_replaced++ == 0) {
                m_firstReplacedColumn = column;
                m_firstReplacedRow = m_dataRows + 1;
            }
        }
    }
    return result;
}

void XmlWriter::writeTextElement(const QString &name, const QString &text)
{
    if (!text.contains(QLatin1Char('\r'))) {
        m_writer.writeTextElement(name, text);
        return;
    }
    // QXmlStreamWriter (Qt 6.4) writes CR as it is, and XML 1.0 parsers turn a raw CR LF into LF,
    // so CR goes out as a character reference to reach the reader unchanged.
    m_writer.writeStartElement(name);
    const QStringList parts = text.split(QLatin1Char('\r'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            m_writer.writeEntityReference(QStringLiteral("#13"));
        m_writer.writeCharacters(parts.at(i));
    }
    m_writer.writeEndElement();
}

bool XmlWriter::writeRow(const QVariantList &values)
{
    m_writer.writeStartElement(QStringLiteral("row"));
    for (qsizetype i = 0; i < m_columns.size() && i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.isNull())
            m_writer.writeEmptyElement(m_columns.at(i));
        else
            writeTextElement(m_columns.at(i), clean(value.toString(), m_columns.at(i)));
    }
    m_writer.writeEndElement();
    ++m_dataRows;
    return !m_writer.hasError();
}

bool XmlWriter::finish()
{
    m_writer.writeEndElement();
    m_writer.writeEndDocument();
    return !m_writer.hasError();
}

} // namespace hub::outbound
