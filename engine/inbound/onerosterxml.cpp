// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterxml.h"

#include "onerosterfilevalidator.h"
#include "onerosterschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

namespace hub::inbound {

using detail::makeIssue;

namespace {

// Bytes handed to the parser at a time; the parser keeps at most one unfinished token besides.
constexpr qint64 kChunkBytes = 64 * 1024;

const QLatin1StringView kRootName("oneRoster");

// The element name of one record in each section.
QString recordNameOf(const QString &sectionKey)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("orgs"), QStringLiteral("org")},
        {QStringLiteral("academicSessions"), QStringLiteral("academicSession")},
        {QStringLiteral("courses"), QStringLiteral("course")},
        {QStringLiteral("classes"), QStringLiteral("class")},
        {QStringLiteral("users"), QStringLiteral("user")},
        {QStringLiteral("roles"), QStringLiteral("role")},
        {QStringLiteral("enrollments"), QStringLiteral("enrollment")},
        {QStringLiteral("demographics"), QStringLiteral("demographic")},
    };
    return names.value(sectionKey);
}

// Appends value as one RFC 4180 field, quoted when it contains a comma, a quote or a line break.
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

// Appends the columns that the version requires and no attribute of the section gave, so that a
// record without the attribute gets a "required" finding on its own line instead of one
// finding about the header. A column that the bundle derives when it is missing, such as
// schoolYear, stays missing, as it would in a CSV file without it.
void addRequiredColumns(QStringList &columns, const QString &sectionKey, const QString &version)
{
    const int versionNumber = version == QLatin1String("1.0")   ? 10
                              : version == QLatin1String("1.1") ? 11
                                                                : 12;
    for (const schema::FileSpec &spec : schema::storedFiles()) {
        if (sectionKey != QLatin1String(spec.key))
            continue;
        for (const schema::Field &field : spec.fields) {
            if (field.requiredSince == 0 || field.derivable || versionNumber < field.requiredSince
                || versionNumber < field.since || versionNumber > field.until)
                continue;
            const QString name = QLatin1String(field.name);
            const QString legacy = field.legacyName ? QLatin1String(field.legacyName) : QString();
            if (!columns.contains(name) && (legacy.isEmpty() || !columns.contains(legacy)))
                columns.append(name);
        }
    }
}

} // namespace

// Streams the XML file once, checks the limits and the layout, and hands each record to
// OneRosterXml. The first pass collects each section's columns and the second writes the CSV
// files, because a CSV header must list every column before the first row.
class OneRosterXml::Reader
{
public:
    enum class Pass { CollectColumns, WriteFiles };

    Reader(OneRosterXml &owner, const XmlLimits &limits, Pass pass)
        : m_owner(owner)
        , m_limits(limits)
        , m_pass(pass)
    {}

    // Returns false once an Error is in m_owner.m_errors.
    bool run(const QString &path);

private:
    bool startElement();
    bool startSection(const QString &name);
    bool readRecord();
    bool endElement();
    bool checkAttributeLengths();
    bool fail(const QString &rule, const QString &column, const QString &message);
    QString elementPath() const;
    // The reader's column counted from 1, as editors show it.
    qint64 column() const { return m_xml.columnNumber() + 1; }

    OneRosterXml &m_owner;
    const XmlLimits &m_limits;
    Pass m_pass;
    QXmlStreamReader m_xml;
    int m_depth = 0;
    // The depth of an element being skipped with its content, or 0.
    int m_skipDepth = 0;
    Section *m_section = nullptr;
    QStringList m_seenSections;
    std::unique_ptr<QFile> m_output;
    qint64 m_csvLine = 0;
};

bool OneRosterXml::Reader::run(const QString &path)
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
            if (!startElement())
                return false;
            break;
        case QXmlStreamReader::EndElement:
            if (!endElement())
                return false;
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
            if (m_skipDepth == 0 && !m_xml.isWhitespace())
                return fail(QStringLiteral("xml-layout"), elementPath(),
                            QStringLiteral("Text that ends at line %1, column %2 is outside any "
                                           "attribute. "
                                           "Give each value as an attribute of its record, such "
                                           "as <org name=\"...\"/>.")
                                .arg(m_xml.lineNumber())
                                .arg(column()));
            break;
        case QXmlStreamReader::EndDocument:
            if (m_owner.m_version.isEmpty())
                return fail(QStringLiteral("xml-layout"), {},
                            QStringLiteral("The file has no <oneRoster> root element."));
            return true;
        default:
            // The XML declaration, comments and processing instructions carry no data.
            break;
        }
    }
}

bool OneRosterXml::Reader::startElement()
{
    ++m_depth;
    if (m_depth > m_limits.maxDepth)
        return fail(QStringLiteral("xml-depth"), elementPath(),
                    QStringLiteral("Elements are nested %1 deep at line %2, column %3, deeper "
                                   "than the limit of %4. The layout needs 3 levels: "
                                   "<oneRoster>, a section such as <users>, and its records.")
                        .arg(m_depth)
                        .arg(m_xml.lineNumber())
                        .arg(column())
                        .arg(m_limits.maxDepth));
    if (!checkAttributeLengths())
        return false;
    if (m_skipDepth > 0)
        return true;

    const QString name = m_xml.name().toString();
    switch (m_depth) {
    case 1: {
        if (name != kRootName)
            return fail(QStringLiteral("xml-layout"), name,
                        QStringLiteral("The root element is <%1>, but a OneRoster XML file "
                                       "starts with <oneRoster version=\"1.1\">.")
                            .arg(name));
        const QString version = m_xml.attributes().value(QLatin1String("version")).toString();
        static const QStringList versions
            = {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("1.2")};
        if (!versions.contains(version))
            return fail(QStringLiteral("xml-layout"), QStringLiteral("oneRoster/@version"),
                        QStringLiteral("<oneRoster> has version \"%1\", but the hub reads "
                                       "OneRoster 1.0, 1.1 and 1.2.")
                            .arg(version));
        m_owner.m_version = version;
        m_owner.m_rootLine = m_xml.lineNumber();
        return true;
    }
    case 2:
        return startSection(name);
    case 3:
        return readRecord();
    default:
        return fail(QStringLiteral("xml-layout"), elementPath(),
                    QStringLiteral("<%1> at line %2 is inside a record, but a record holds its "
                                   "values as attributes, such as <%3 sourcedId=\"...\"/>.")
                        .arg(name)
                        .arg(m_xml.lineNumber())
                        .arg(m_section->recordName));
    }
}

bool OneRosterXml::Reader::startSection(const QString &name)
{
    const QString recordName = recordNameOf(name);
    if (recordName.isEmpty()) {
        m_skipDepth = m_depth;
        if (m_pass == Pass::CollectColumns)
            m_owner.m_warnings.append(makeIssue(
                Issue::Severity::Warning, QStringLiteral("unknown-element"), m_owner.m_shownName,
                m_xml.lineNumber(), name, {},
                QStringLiteral("<%1> is not a section of the OneRoster XML layout, so it is "
                               "skipped with its content.")
                    .arg(name)));
        return true;
    }
    if (m_seenSections.contains(name))
        return fail(QStringLiteral("xml-layout"), name,
                    QStringLiteral("<%1> appears a second time at line %2. Put all its records "
                                   "in one <%1> element.")
                        .arg(name)
                        .arg(m_xml.lineNumber()));
    m_seenSections.append(name);

    QString mode = m_xml.attributes().value(QLatin1String("mode")).toString();
    if (mode.isEmpty())
        mode = QStringLiteral("bulk");
    if (mode != QLatin1String("bulk") && mode != QLatin1String("delta"))
        return fail(QStringLiteral("xml-layout"), name + QLatin1String("/@mode"),
                    QStringLiteral("<%1> has mode \"%2\". Use bulk or delta, or leave the "
                                   "section out when the file has no such records.")
                        .arg(name, mode));

    if (m_pass == Pass::CollectColumns) {
        m_owner.m_sections.append(Section{name, recordName, mode, m_xml.lineNumber(), {}, {}});
        m_section = &m_owner.m_sections.last();
        return true;
    }
    const auto found = std::find_if(m_owner.m_sections.begin(), m_owner.m_sections.end(),
                                    [&](const Section &section) { return section.key == name; });
    if (found == m_owner.m_sections.end())
        return fail(QStringLiteral("receive"), name,
                    QStringLiteral("The file changed while it was read. Upload it again."));
    m_section = &*found;
    m_output = std::make_unique<QFile>(QDir(m_owner.m_folder).filePath(name + QLatin1String(".csv")));
    if (!m_output->open(QIODevice::WriteOnly))
        return fail(QStringLiteral("receive"), {},
                    QStringLiteral("Cannot write %1: %2")
                        .arg(m_output->fileName(), m_output->errorString()));
    QByteArray header;
    for (qsizetype i = 0; i < m_section->columns.size(); ++i) {
        if (i > 0)
            header += ',';
        appendCsvField(header, m_section->columns.at(i));
    }
    header += "\r\n";
    m_output->write(header);
    m_csvLine = 2;
    return true;
}

bool OneRosterXml::Reader::readRecord()
{
    const QString name = m_xml.name().toString();
    if (name != m_section->recordName)
        return fail(QStringLiteral("xml-layout"), elementPath(),
                    QStringLiteral("<%1> at line %2 is in <%3>, which holds <%4> records only.")
                        .arg(name)
                        .arg(m_xml.lineNumber())
                        .arg(m_section->key, m_section->recordName));
    const QXmlStreamAttributes attributes = m_xml.attributes();
    if (m_pass == Pass::CollectColumns) {
        ++m_owner.m_recordCount;
        for (const QXmlStreamAttribute &attribute : attributes) {
            const QString column = attribute.qualifiedName().toString();
            if (!m_section->columns.contains(column))
                m_section->columns.append(column);
        }
        return true;
    }

    QByteArray row;
    for (qsizetype i = 0; i < m_section->columns.size(); ++i) {
        if (i > 0)
            row += ',';
        appendCsvField(row, attributes.value(m_section->columns.at(i)).toString());
    }
    row += "\r\n";
    m_section->lines.append({m_csvLine, m_xml.lineNumber()});
    // A value with a line break (written as &#10;) makes the record span several CSV lines.
    m_csvLine += row.count('\n');
    if (m_output->write(row) != row.size())
        return fail(QStringLiteral("receive"), {},
                    QStringLiteral("Cannot write %1: %2")
                        .arg(m_output->fileName(), m_output->errorString()));
    return true;
}

bool OneRosterXml::Reader::endElement()
{
    if (m_skipDepth == m_depth)
        m_skipDepth = 0;
    else if (m_depth == 2 && m_section) {
        if (m_pass == Pass::CollectColumns)
            addRequiredColumns(m_section->columns, m_section->key, m_owner.m_version);
        m_section = nullptr;
        if (m_output) {
            const bool flushed = m_output->flush();
            m_output.reset();
            if (!flushed)
                return fail(QStringLiteral("receive"), {},
                            QStringLiteral("Cannot write the converted section."));
        }
    }
    --m_depth;
    return true;
}

bool OneRosterXml::Reader::checkAttributeLengths()
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

bool OneRosterXml::Reader::fail(const QString &rule, const QString &column,
                                const QString &message)
{
    m_owner.m_errors.append(makeIssue(Issue::Severity::Error, rule, m_owner.m_shownName,
                                      m_xml.lineNumber(), column, {}, message));
    return false;
}

// The current element with its parent (orgs/org, org/name), or the section for a token that
// has no name, for the column of a finding.
QString OneRosterXml::Reader::elementPath() const
{
    const QString name = m_xml.name().toString();
    if (!m_section || m_skipDepth > 0)
        return name;
    if (name.isEmpty())
        return m_section->key;
    if (m_depth == 3)
        return m_section->key + QLatin1Char('/') + name;
    if (m_depth > 3)
        return m_section->recordName + QLatin1Char('/') + name;
    return name;
}

OneRosterXml OneRosterXml::convert(const QString &path, const QString &folder,
                                   const QString &shownName, const XmlLimits &limits)
{
    OneRosterXml xml;
    xml.m_folder = QDir(folder).absolutePath();
    xml.m_shownName = shownName;

    const qint64 size = QFileInfo(path).size();
    if (size > limits.maxFileBytes) {
        xml.m_errors.append(makeIssue(Issue::Severity::Error, QStringLiteral("xml-file-size"),
                                      shownName, 0, {}, {},
                                      QStringLiteral("The file has %1 bytes, more than the limit "
                                                     "of %2 bytes for one XML file. Split it "
                                                     "into several uploads.")
                                          .arg(size)
                                          .arg(limits.maxFileBytes)));
        return xml;
    }
    if (!QDir().mkpath(xml.m_folder)) {
        xml.m_errors.append(makeIssue(Issue::Severity::Error, QStringLiteral("receive"),
                                      shownName, 0, {}, {},
                                      QStringLiteral("Cannot create the folder %1.")
                                          .arg(xml.m_folder)));
        return xml;
    }

    if (!Reader(xml, limits, Reader::Pass::CollectColumns).run(path))
        return xml;
    if (!Reader(xml, limits, Reader::Pass::WriteFiles).run(path))
        return xml;

    QByteArray manifest = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,";
    manifest += xml.m_version.toUtf8() + "\r\n";
    for (const Section &section : std::as_const(xml.m_sections))
        manifest += "file." + section.key.toUtf8() + ',' + section.mode.toUtf8() + "\r\n";
    QFile file(QDir(xml.m_folder).filePath(QStringLiteral("manifest.csv")));
    if (!file.open(QIODevice::WriteOnly) || file.write(manifest) != manifest.size()
        || !file.flush())
        xml.m_errors.append(makeIssue(Issue::Severity::Error, QStringLiteral("receive"),
                                      shownName, 0, {}, {},
                                      QStringLiteral("Cannot write %1: %2")
                                          .arg(file.fileName(), file.errorString())));
    return xml;
}

bool OneRosterXml::looksLikeXml(const QString &path)
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

qint64 OneRosterXml::xmlLineOf(const Section &section, qint64 csvLine) const
{
    // The last record that starts on or before csvLine.
    const auto after = std::upper_bound(
        section.lines.cbegin(), section.lines.cend(), csvLine,
        [](qint64 line, const std::pair<qint64, qint64> &entry) { return line < entry.first; });
    if (after == section.lines.cbegin())
        return section.line;
    return std::prev(after)->second;
}

QList<Issue> OneRosterXml::mapIssues(QList<Issue> issues) const
{
    for (Issue &issue : issues) {
        if (issue.file.compare(QLatin1String("manifest.csv"), Qt::CaseInsensitive) == 0) {
            issue.file = m_shownName;
            issue.line = m_rootLine;
            continue;
        }
        const auto section = std::find_if(m_sections.cbegin(), m_sections.cend(),
                                          [&](const Section &candidate) {
                                              return issue.file.compare(candidate.key
                                                                            + QLatin1String(".csv"),
                                                                        Qt::CaseInsensitive)
                                                     == 0;
                                          });
        if (section == m_sections.cend())
            continue;
        issue.file = m_shownName;
        // Line 0 is about the whole file and line 1 is the header: both are the section.
        const bool aboutSection = issue.line < 2;
        issue.line = aboutSection ? section->line : xmlLineOf(*section, issue.line);
        if (!issue.column.isEmpty())
            issue.column = section->recordName + QLatin1String("/@") + issue.column;
        else
            issue.column = aboutSection ? section->key : section->recordName;
        // Messages also name the files that references point to.
        for (const schema::FileSpec &spec : schema::storedFiles()) {
            const QString key = QLatin1String(spec.key);
            issue.message.replace(key + QLatin1String(".csv"), QStringLiteral("<%1>").arg(key),
                                  Qt::CaseInsensitive);
        }
    }
    return issues;
}

} // namespace hub::inbound
