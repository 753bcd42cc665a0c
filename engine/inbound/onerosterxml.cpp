// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterxml.h"

#include "onerosterfilevalidator.h"
#include "onerosterschema.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <memory>

namespace hub::inbound {

using detail::makeIssue;

namespace {

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

// Streams the XML file once, checks the layout, and hands each record to OneRosterXml. The
// first pass collects each section's columns and the second writes the CSV files, because a CSV
// header must list every column before the first row.
class OneRosterXml::Reader final : public XmlFileReader
{
public:
    enum class Pass { CollectColumns, WriteFiles };

    Reader(OneRosterXml &owner, const XmlLimits &limits, Pass pass)
        : XmlFileReader(limits, owner.m_shownName, owner.m_errors)
        , m_owner(owner)
        , m_pass(pass)
    {}

protected:
    bool startElement() override;
    bool endElement() override;
    bool characters() override;
    bool endDocument() override;
    QString elementPath() const override;
    QString depthHint() const override
    {
        return QStringLiteral("The layout needs 3 levels: <oneRoster>, a section such as "
                              "<users>, and its records.");
    }

private:
    bool startSection(const QString &name);
    bool readRecord();

    OneRosterXml &m_owner;
    Pass m_pass;
    Section *m_section = nullptr;
    QStringList m_seenSections;
    std::unique_ptr<QFile> m_output;
    qint64 m_csvLine = 0;
};

bool OneRosterXml::Reader::characters()
{
    if (xml().isWhitespace())
        return true;
    return fail(QStringLiteral("xml-layout"), elementPath(),
                QStringLiteral("Text that ends at line %1, column %2 is outside any attribute. "
                               "Give each value as an attribute of its record, such as <org "
                               "name=\"...\"/>.")
                    .arg(xml().lineNumber())
                    .arg(column()));
}

bool OneRosterXml::Reader::endDocument()
{
    if (m_owner.m_version.isEmpty())
        return fail(QStringLiteral("xml-layout"), {},
                    QStringLiteral("The file has no <oneRoster> root element."));
    return true;
}

bool OneRosterXml::Reader::startElement()
{
    const QString name = xml().name().toString();
    switch (depth()) {
    case 1: {
        if (name != kRootName)
            return fail(QStringLiteral("xml-layout"), name,
                        QStringLiteral("The root element is <%1>, but a OneRoster XML file "
                                       "starts with <oneRoster version=\"1.1\">.")
                            .arg(name));
        const QString version = xml().attributes().value(QLatin1String("version")).toString();
        static const QStringList versions
            = {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("1.2")};
        if (!versions.contains(version))
            return fail(QStringLiteral("xml-layout"), QStringLiteral("oneRoster/@version"),
                        QStringLiteral("<oneRoster> has version \"%1\", but the hub reads "
                                       "OneRoster 1.0, 1.1 and 1.2.")
                            .arg(version));
        m_owner.m_version = version;
        m_owner.m_rootLine = xml().lineNumber();
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
                        .arg(xml().lineNumber())
                        .arg(m_section->recordName));
    }
}

bool OneRosterXml::Reader::startSection(const QString &name)
{
    const QString recordName = recordNameOf(name);
    if (recordName.isEmpty()) {
        skipElement();
        if (m_pass == Pass::CollectColumns)
            m_owner.m_warnings.append(makeIssue(
                Issue::Severity::Warning, QStringLiteral("unknown-element"), shownName(),
                xml().lineNumber(), name, {},
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
                        .arg(xml().lineNumber()));
    m_seenSections.append(name);

    QString mode = xml().attributes().value(QLatin1String("mode")).toString();
    if (mode.isEmpty())
        mode = QStringLiteral("bulk");
    if (mode != QLatin1String("bulk") && mode != QLatin1String("delta"))
        return fail(QStringLiteral("xml-layout"), name + QLatin1String("/@mode"),
                    QStringLiteral("<%1> has mode \"%2\". Use bulk or delta, or leave the "
                                   "section out when the file has no such records.")
                        .arg(name, mode));

    if (m_pass == Pass::CollectColumns) {
        m_owner.m_sections.append(Section{name, recordName, mode, xml().lineNumber(), {}, {}});
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
    const QString name = xml().name().toString();
    if (name != m_section->recordName)
        return fail(QStringLiteral("xml-layout"), elementPath(),
                    QStringLiteral("<%1> at line %2 is in <%3>, which holds <%4> records only.")
                        .arg(name)
                        .arg(xml().lineNumber())
                        .arg(m_section->key, m_section->recordName));
    const QXmlStreamAttributes attributes = xml().attributes();
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
    m_section->lines.append(m_csvLine, xml().lineNumber());
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
    if (depth() != 2 || !m_section)
        return true;
    if (m_pass == Pass::CollectColumns)
        addRequiredColumns(m_section->columns, m_section->key, m_owner.m_version);
    m_section = nullptr;
    if (!m_output)
        return true;
    const bool flushed = m_output->flush();
    m_output.reset();
    if (!flushed)
        return fail(QStringLiteral("receive"), {},
                    QStringLiteral("Cannot write the converted section."));
    return true;
}

// The current element with its parent (orgs/org, org/name), or the section for a token that
// has no name, for the column of a finding.
QString OneRosterXml::Reader::elementPath() const
{
    const QString name = xml().name().toString();
    if (!m_section || skipping())
        return name;
    if (name.isEmpty())
        return m_section->key;
    if (depth() == 3)
        return m_section->key + QLatin1Char('/') + name;
    if (depth() > 3)
        return m_section->recordName + QLatin1Char('/') + name;
    return name;
}

OneRosterXml OneRosterXml::convert(const QString &path, const QString &folder,
                                   const QString &shownName, const XmlLimits &limits)
{
    OneRosterXml xml;
    xml.m_folder = QDir(folder).absolutePath();
    xml.m_shownName = shownName;

    if (auto tooLarge = XmlFileReader::checkFileSize(path, shownName, limits)) {
        xml.m_errors.append(*tooLarge);
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
        issue.line
            = aboutSection ? section->line : section->lines.xmlLine(issue.line, section->line);
        if (!issue.column.isEmpty())
            issue.column = section->recordName + QLatin1String("/@") + issue.column;
        else
            issue.column = aboutSection ? section->key : section->recordName;
        // A reference may name the CSV line of the rejected row that has its record, which
        // becomes the record's XML line.
        if (issue.rule == QLatin1String("unknown-reference")) {
            for (const Section &target : m_sections) {
                const QString targetFile = target.key + QLatin1String(".csv");
                const qint64 csvLine = detail::rejectedRecordLine(issue.message, targetFile);
                if (csvLine > 0) {
                    issue.message = detail::rejectedRecordMessage(
                        targetFile, target.lines.xmlLine(csvLine, target.line));
                    break;
                }
            }
        }
        // A role sourcedId collision names the CSV line of the other user, in the same section.
        if (issue.rule == QLatin1String("role-id-collision")) {
            qsizetype start = 0;
            qsizetype length = 0;
            const qint64 csvLine = detail::roleIdCollisionLine(issue.message, &start, &length);
            if (csvLine > 0)
                issue.message.replace(
                    start, length,
                    QString::number(section->lines.xmlLine(csvLine, section->line)));
        }
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
