// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "flatfilexml.h"

#include "onerosterfilevalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <memory>

namespace hub::inbound {

using detail::makeIssue;

namespace {

const QLatin1StringView kRootName("records");
const QLatin1StringView kRecordName("record");
const QLatin1StringView kValueName("value");
const QLatin1StringView kColumnAttribute("column");

} // namespace

// Streams the XML file and checks the layout. The first pass collects the column names and the
// second writes the CSV file, because its header must list every column before the first row.
class FlatFileXml::Reader final : public XmlFileReader
{
public:
    enum class Pass { CollectColumns, WriteFile };

    Reader(FlatFileXml &owner, Pass pass)
        : XmlFileReader(owner.m_limits, owner.m_shownName, owner.m_errors)
        , m_owner(owner)
        , m_pass(pass)
    {}

    // Opens the CSV file for the second pass.
    bool openOutput();

protected:
    bool startElement() override;
    bool endElement() override;
    bool characters() override;
    bool endDocument() override;
    QString elementPath() const override;
    QString depthHint() const override
    {
        return QStringLiteral("The layout needs 3 levels: <records>, each <record>, and its "
                              "<value> elements.");
    }

private:
    bool startRecord(const QString &name);
    bool startValue(const QString &name);
    bool endValue();
    bool endRecord();
    bool addColumn(const QString &name);
    bool write(const QByteArray &bytes);

    FlatFileXml &m_owner;
    Pass m_pass;
    bool m_rootSeen = false;
    qint64 m_recordLine = 0;
    qint64 m_recordBytes = 0;
    // The values of the current record by column. The first pass uses only their names.
    QHash<QString, QString> m_values;
    // The column of the open <value>, or empty outside one.
    QString m_column;
    QString m_text;
    std::unique_ptr<QFile> m_output;
    qint64 m_csvLine = 0;
};

bool FlatFileXml::Reader::openOutput()
{
    m_output = std::make_unique<QFile>(m_owner.m_csvPath);
    if (!m_output->open(QIODevice::WriteOnly))
        return fail(QStringLiteral("receive"), {},
                    QStringLiteral("Cannot write %1: %2")
                        .arg(m_output->fileName(), m_output->errorString()));
    QByteArray header;
    for (qsizetype i = 0; i < m_owner.m_columns.size(); ++i) {
        if (i > 0)
            header += ',';
        appendCsvField(header, m_owner.m_columns.at(i));
    }
    header += "\r\n";
    m_csvLine = 2;
    return write(header);
}

bool FlatFileXml::Reader::startElement()
{
    const QString name = xml().name().toString();
    switch (depth()) {
    case 1:
        if (name != kRootName)
            return fail(QStringLiteral("xml-layout"), name,
                        QStringLiteral("The root element is <%1>, but an XML file read with a "
                                       "file specification starts with <records>.")
                            .arg(name));
        m_rootSeen = true;
        m_owner.m_rootLine = xml().lineNumber();
        return true;
    case 2:
        return startRecord(name);
    case 3:
        return startValue(name);
    default:
        return fail(QStringLiteral("xml-layout"), elementPath(),
                    QStringLiteral("<%1> at line %2 is inside <value>, which holds text only. "
                                   "Write the value as text, such as <value "
                                   "column=\"Student ID\">S-1001</value>.")
                        .arg(name)
                        .arg(xml().lineNumber()));
    }
}

bool FlatFileXml::Reader::startRecord(const QString &name)
{
    if (name != kRecordName) {
        skipElement();
        if (m_pass == Pass::CollectColumns)
            m_owner.m_warnings.append(makeIssue(
                Issue::Severity::Warning, QStringLiteral("unknown-element"), shownName(),
                xml().lineNumber(), name, {},
                QStringLiteral("<%1> is not part of the XML layout for file specifications, so "
                               "it is skipped with its content.")
                    .arg(name)));
        return true;
    }
    if (m_pass == Pass::CollectColumns)
        ++m_owner.m_recordCount;
    m_recordLine = xml().lineNumber();
    m_recordBytes = 0;
    m_values.clear();
    return true;
}

bool FlatFileXml::Reader::startValue(const QString &name)
{
    if (name != kValueName)
        return fail(QStringLiteral("xml-layout"), elementPath(),
                    QStringLiteral("<%1> at line %2 is in <record>, which holds <value> elements "
                                   "only, such as <value column=\"Student ID\">S-1001</value>.")
                        .arg(name)
                        .arg(xml().lineNumber()));
    const QString column = xml().attributes().value(kColumnAttribute).toString().trimmed();
    if (column.isEmpty())
        return fail(QStringLiteral("xml-layout"), QStringLiteral("value/@column"),
                    QStringLiteral("<value> at line %1 has no column name. Name its column as "
                                   "the file specification does, such as <value "
                                   "column=\"Student ID\">.")
                        .arg(xml().lineNumber()));
    if (m_values.contains(column))
        return fail(QStringLiteral("xml-layout"), column,
                    QStringLiteral("The record that starts at line %1 has a second value for %2 "
                                   "at line %3. Give each column once per record.")
                        .arg(m_recordLine)
                        .arg(column)
                        .arg(xml().lineNumber()));
    if (m_pass == Pass::CollectColumns && !m_owner.m_columns.contains(column) && !addColumn(column))
        return false;
    m_values.insert(column, QString());
    m_column = column;
    m_text.clear();
    return true;
}

bool FlatFileXml::Reader::addColumn(const QString &name)
{
    m_owner.m_columnBytes += name.toUtf8().size();
    if (m_owner.m_columns.size() == kMaxColumns || m_owner.m_columnBytes > limits().maxTokenBytes)
        return fail(QStringLiteral("xml-columns"), name,
                    QStringLiteral("The column %1 at line %2 is one too many: a file may name at "
                                   "most %3 columns, of at most %4 bytes together. Leave out "
                                   "the columns that the file specification does not read.")
                        .arg(name)
                        .arg(xml().lineNumber())
                        .arg(kMaxColumns)
                        .arg(limits().maxTokenBytes));
    m_owner.m_columns.append(name);
    return true;
}

bool FlatFileXml::Reader::characters()
{
    if (!m_column.isEmpty()) {
        m_text += xml().text();
        if (m_text.size() <= limits().maxTextLength)
            return true;
        // Comments or CDATA sections can split one value into several runs of text.
        return fail(QStringLiteral("xml-text-length"), m_column,
                    QStringLiteral("The value of %1 that ends at line %2, column %3 has more "
                                   "than %4 characters. Shorten it.")
                        .arg(m_column)
                        .arg(xml().lineNumber())
                        .arg(column())
                        .arg(limits().maxTextLength));
    }
    if (xml().isWhitespace())
        return true;
    return fail(QStringLiteral("xml-layout"), elementPath(),
                QStringLiteral("Text that ends at line %1, column %2 is outside any <value>. "
                               "Write each value as <value column=\"...\">text</value> inside a "
                               "<record>.")
                    .arg(xml().lineNumber())
                    .arg(column()));
}

bool FlatFileXml::Reader::endElement()
{
    if (depth() == 3)
        return endValue();
    if (depth() == 2)
        return endRecord();
    return true;
}

bool FlatFileXml::Reader::endValue()
{
    // Values are trimmed as CSV fields are, so indented text reads as the value itself.
    const QString value = m_text.trimmed();
    m_recordBytes += value.toUtf8().size();
    if (m_recordBytes > limits().maxTokenBytes)
        return fail(QStringLiteral("xml-record-length"), m_column,
                    QStringLiteral("The values of the record that starts at line %1 take more "
                                   "than %2 bytes together, the limit for one record. Shorten "
                                   "them.")
                        .arg(m_recordLine)
                        .arg(limits().maxTokenBytes));
    if (m_pass == Pass::WriteFile)
        m_values.insert(m_column, value);
    m_column.clear();
    m_text.clear();
    return true;
}

bool FlatFileXml::Reader::endRecord()
{
    if (m_pass == Pass::CollectColumns)
        return true;
    QByteArray row;
    for (qsizetype i = 0; i < m_owner.m_columns.size(); ++i) {
        if (i > 0)
            row += ',';
        appendCsvField(row, m_values.value(m_owner.m_columns.at(i)));
    }
    row += "\r\n";
    m_owner.m_lines.append(m_csvLine, m_recordLine);
    // A value with a line break makes the record span several CSV lines.
    m_csvLine += row.count('\n');
    return write(row);
}

bool FlatFileXml::Reader::write(const QByteArray &bytes)
{
    if (m_output->write(bytes) == bytes.size())
        return true;
    return fail(
        QStringLiteral("receive"), {},
        QStringLiteral("Cannot write %1: %2").arg(m_output->fileName(), m_output->errorString()));
}

bool FlatFileXml::Reader::endDocument()
{
    if (!m_rootSeen)
        return fail(QStringLiteral("xml-layout"), {},
                    QStringLiteral("The file has no <records> root element."));
    if (m_owner.m_recordCount == 0)
        return fail(QStringLiteral("empty-file"), kRootName,
                    QStringLiteral("The file has no <record> element, so it names no columns. "
                                   "Send a file with at least one record."));
    if (m_output && !m_output->flush())
        return fail(QStringLiteral("receive"), {},
                    QStringLiteral("Cannot write %1: %2")
                        .arg(m_output->fileName(), m_output->errorString()));
    return true;
}

// The current element with its parent (record/value), or the value's column for its text, for
// the column of a finding.
QString FlatFileXml::Reader::elementPath() const
{
    const QString name = xml().name().toString();
    if (skipping())
        return name;
    if (name.isEmpty() && !m_column.isEmpty())
        return m_column;
    if (name.isEmpty())
        return depth() >= 2 ? QString(kRecordName) : QString(kRootName);
    if (depth() == 3)
        return QLatin1String("record/") + name;
    if (depth() > 3)
        return QLatin1String("value/") + name;
    return name;
}

FlatFileXml FlatFileXml::convert(const QString &path, const QString &csvPath,
                                 const QString &shownName, const XmlLimits &limits)
{
    FlatFileXml xml;
    xml.m_csvPath = csvPath;
    xml.m_shownName = shownName;
    xml.m_limits = limits;
    xml.m_fileBytes = QFileInfo(path).size();

    if (auto tooLarge = XmlFileReader::checkFileSize(path, shownName, limits)) {
        xml.m_errors.append(*tooLarge);
        return xml;
    }
    if (!Reader(xml, Reader::Pass::CollectColumns).run(path))
        return xml;
    if (const QString folder = QFileInfo(csvPath).absolutePath(); !QDir().mkpath(folder)) {
        xml.m_errors.append(makeIssue(Issue::Severity::Error, QStringLiteral("receive"),
                                      shownName, 0, {}, {},
                                      QStringLiteral("Cannot create the folder %1.").arg(folder)));
        return xml;
    }
    Reader writer(xml, Reader::Pass::WriteFile);
    if (writer.openOutput())
        writer.run(path);
    return xml;
}

qint64 FlatFileXml::xmlLine(qint64 csvLine) const
{
    if (csvLine <= 0)
        return 0;
    return m_lines.xmlLine(csvLine, m_rootLine);
}

qint64 FlatFileXml::maxCsvRecordBytes() const
{
    // Each field may double its quotes and add two more, and a comma separates the fields.
    return 2 * m_limits.maxTokenBytes + 3 * qint64(kMaxColumns) + 2;
}

} // namespace hub::inbound
