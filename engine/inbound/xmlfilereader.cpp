// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "xmlfilereader.h"

#include "onerosterfilevalidator.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace hub::inbound {

using detail::makeIssue;

namespace {

// Bytes handed to the parser at a time; the parser keeps at most one unfinished token besides.
constexpr qint64 kChunkBytes = 64 * 1024;

} // namespace

bool looksLikeXml(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray start = file.read(4096);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    for (char byte : std::as_const(start)) {
        if (byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n')
            continue;
        return byte == '<';
    }
    return false;
}

void appendCsvField(QByteArray &out, const QString &value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
                       || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote) {
        out += value.toUtf8();
        return;
    }
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    out += '"' + quoted.toUtf8() + '"';
}

qint64 RecordLines::xmlLine(qint64 csvLine, qint64 fallback) const
{
    // The last record that starts on or before csvLine.
    const auto after = std::upper_bound(
        m_lines.cbegin(), m_lines.cend(), csvLine,
        [](qint64 line, const std::pair<qint64, qint64> &entry) { return line < entry.first; });
    if (after == m_lines.cbegin())
        return fallback;
    return std::prev(after)->second;
}

XmlFileReader::XmlFileReader(const XmlLimits &limits, QString shownName, QList<Issue> &errors)
    : m_limits(limits)
    , m_shownName(std::move(shownName))
    , m_errors(errors)
{}

std::optional<Issue> XmlFileReader::checkFileSize(const QString &path, const QString &shownName,
                                                  const XmlLimits &limits)
{
    const qint64 size = QFileInfo(path).size();
    if (size <= limits.maxFileBytes)
        return std::nullopt;
    return makeIssue(Issue::Severity::Error, QStringLiteral("xml-file-size"), shownName, 0, {}, {},
                     QStringLiteral("The file has %1 bytes, more than the limit of %2 bytes for "
                                    "one XML file. Split it into several uploads.")
                         .arg(size)
                         .arg(limits.maxFileBytes));
}

bool XmlFileReader::run(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("receive"), {},
                    QStringLiteral("Cannot read the file: %1.").arg(file.errorString()));
    m_xml.setNamespaceProcessing(false);

    qint64 fed = 0;
    qint64 fedAtLastToken = 0;
    // Each pass of the loop reads a token or adds a chunk of a file of bounded size, and it
    // ends at the end of the document or at the first error.
    while (true) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::Invalid) {
            if (m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError || file.atEnd())
                return fail(QStringLiteral("xml-syntax"), {},
                            QStringLiteral("The file is not well-formed XML: %1. Fix the XML at "
                                           "line %2, column %3.")
                                .arg(m_xml.errorString())
                                .arg(m_xml.lineNumber())
                                .arg(column()));
            if (fed - fedAtLastToken > m_limits.maxTokenBytes)
                return fail(QStringLiteral("xml-token-length"), elementPath(),
                            QStringLiteral("A tag, text or comment that starts near line %1, "
                                           "column %2 is longer than %3 bytes. Split the value "
                                           "or remove it.")
                                .arg(m_xml.lineNumber())
                                .arg(column())
                                .arg(m_limits.maxTokenBytes));
            const QByteArray chunk = file.read(kChunkBytes);
            if (chunk.isEmpty())
                return fail(QStringLiteral("receive"), {},
                            QStringLiteral("Cannot read the file: %1.").arg(file.errorString()));
            fed += chunk.size();
            m_xml.addData(chunk);
            continue;
        }
        fedAtLastToken = fed;

        switch (token) {
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            // Rejecting the declaration itself means no entity is ever defined, so none can be
            // expanded, however the declarations nest.
            return fail(QStringLiteral("xml-dtd"), {},
                        QStringLiteral("The file has a document type declaration (DTD) at line "
                                       "%1, column %2. DTDs and entity declarations are not "
                                       "accepted; remove the <!DOCTYPE> and write the characters "
                                       "themselves or as character references such as &#233;.")
                            .arg(m_xml.lineNumber())
                            .arg(column()));
        case QXmlStreamReader::StartElement:
            if (!checkStartElement())
                return false;
            break;
        case QXmlStreamReader::EndElement:
            if (m_skipDepth == m_depth)
                m_skipDepth = 0;
            else if (m_skipDepth == 0 && !endElement())
                return false;
            --m_depth;
            break;
        case QXmlStreamReader::Characters:
            if (m_xml.text().size() > m_limits.maxTextLength)
                return fail(QStringLiteral("xml-text-length"), elementPath(),
                            QStringLiteral("The text that ends at line %1, column %2 has %3 "
                                           "characters, more than the limit of %4. Shorten it.")
                                .arg(m_xml.lineNumber())
                                .arg(column())
                                .arg(m_xml.text().size())
                                .arg(m_limits.maxTextLength));
            if (m_skipDepth == 0 && !characters())
                return false;
            break;
        case QXmlStreamReader::EndDocument:
            return endDocument();
        default:
            // The XML declaration, comments and processing instructions carry no data.
            break;
        }
    }
}

bool XmlFileReader::checkStartElement()
{
    ++m_depth;
    if (m_depth > m_limits.maxDepth)
        return fail(QStringLiteral("xml-depth"), elementPath(),
                    QStringLiteral("Elements are nested %1 deep at line %2, column %3, deeper "
                                   "than the limit of %4. %5")
                        .arg(m_depth)
                        .arg(m_xml.lineNumber())
                        .arg(column())
                        .arg(m_limits.maxDepth)
                        .arg(depthHint()));
    if (!checkAttributeLengths())
        return false;
    if (m_skipDepth > 0)
        return true;
    return startElement();
}

bool XmlFileReader::checkAttributeLengths()
{
    for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
        if (attribute.value().size() <= m_limits.maxTextLength)
            continue;
        return fail(QStringLiteral("xml-text-length"),
                    m_xml.name().toString() + QLatin1String("/@")
                        + attribute.qualifiedName().toString(),
                    QStringLiteral("The attribute %1 of the element that ends at line %2, column "
                                   "%3 has %4 characters, more than the limit of %5. Shorten "
                                   "it.")
                        .arg(attribute.qualifiedName().toString())
                        .arg(m_xml.lineNumber())
                        .arg(column())
                        .arg(attribute.value().size())
                        .arg(m_limits.maxTextLength));
    }
    return true;
}

bool XmlFileReader::fail(const QString &rule, const QString &column, const QString &message)
{
    m_errors.append(makeIssue(Issue::Severity::Error, rule, m_shownName, m_xml.lineNumber(), column,
                              {}, message));
    return false;
}

} // namespace hub::inbound
