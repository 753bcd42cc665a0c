// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "onerosterbundle.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

#include <optional>
#include <utility>

namespace hub::inbound {

// Limits that every XML layout enforces while it reads a file. Each breach is an Error that
// names the line and column where reading stopped.
struct XmlLimits
{
    // The same ceiling as a zip bundle's total uncompressed size.
    qint64 maxFileBytes = qint64(4) * 1024 * 1024 * 1024;
    // Elements nested inside one another, the root element counting as 1. The layouts need 3;
    // elements that they do not define may nest deeper, up to this limit.
    int maxDepth = 16;
    // Characters in one attribute value or one run of text.
    qint64 maxTextLength = 64 * 1024;
    // Bytes of one unfinished token: a tag with its attributes, a text or a comment. It bounds
    // the memory the parser takes, and it is the same as the CSV reader's record limit.
    qint64 maxTokenBytes = 1024 * 1024;
};

// True when the file's first characters after a UTF-8 byte order mark and white space are "<",
// which no zip and no CSV file of the hub's layouts starts with.
bool looksLikeXml(const QString &path);

// Appends value as one RFC 4180 field, quoted when it contains a comma, a quote or a line break.
void appendCsvField(QByteArray &out, const QString &value);

// A map from the CSV line of each converted record to the XML line of its element, so that
// findings about the CSV file name the XML line of the record.
class RecordLines
{
public:
    // Records must be appended in the order of their CSV lines.
    void append(qint64 csvLine, qint64 xmlLine) { m_lines.append({csvLine, xmlLine}); }
    // The XML line of the record whose row contains csvLine, or fallback before the first row.
    qint64 xmlLine(qint64 csvLine, qint64 fallback) const;

private:
    QList<std::pair<qint64, qint64>> m_lines;
};

// Streams one XML file and enforces XmlLimits and the rules every layout shares: well-formed
// XML, no document type declaration (so no entity is ever declared or expanded), bounded
// depth, text and token lengths. A layout derives from it and handles the elements in the
// virtual functions. Each error is appended to the list given to the constructor, with the
// line where reading stopped.
class XmlFileReader
{
public:
    XmlFileReader(const XmlLimits &limits, QString shownName, QList<Issue> &errors);
    virtual ~XmlFileReader() = default;
    Q_DISABLE_COPY_MOVE(XmlFileReader)

    // Reads the file to its end. Returns false once an Error is in the error list.
    bool run(const QString &path);

    // An Error when the file is larger than limits.maxFileBytes, named shownName.
    static std::optional<Issue> checkFileSize(const QString &path, const QString &shownName,
                                              const XmlLimits &limits);

protected:
    // A start tag outside a skipped element, after its depth and attribute lengths were checked.
    virtual bool startElement() = 0;
    // An end tag outside a skipped element; depth() is still that of the element.
    virtual bool endElement() = 0;
    // Text outside a skipped element, after its length was checked.
    virtual bool characters() = 0;
    virtual bool endDocument() = 0;
    // The column of a finding about the current token.
    virtual QString elementPath() const = 0;
    // Returns a sentence that names the levels the layout nests, for the depth error.
    virtual QString depthHint() const = 0;

    // Appends an Error at the current line and returns false.
    bool fail(const QString &rule, const QString &column, const QString &message);
    // Skips the current element with its content; only the limits still apply inside it.
    void skipElement() { m_skipDepth = m_depth; }
    bool skipping() const { return m_skipDepth > 0; }
    // The depth of the current element, the root counting as 1.
    int depth() const { return m_depth; }
    // The reader's column counted from 1, as editors show it.
    qint64 column() const { return m_xml.columnNumber() + 1; }
    const QXmlStreamReader &xml() const { return m_xml; }
    const QString &shownName() const { return m_shownName; }
    const XmlLimits &limits() const { return m_limits; }

private:
    bool checkStartElement();
    bool checkAttributeLengths();

    const XmlLimits &m_limits;
    QString m_shownName;
    QList<Issue> &m_errors;
    QXmlStreamReader m_xml;
    int m_depth = 0;
    // The depth of an element being skipped with its content, or 0.
    int m_skipDepth = 0;
};

} // namespace hub::inbound
