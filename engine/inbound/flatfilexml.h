// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "onerosterbundle.h"
#include "xmlfilereader.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hub::inbound {

// An assessment results or attendance file as XML, converted into one CSV file so that FlatFile
// validates and loads it exactly as it does a CSV file. The layout is documented in
// docs/file-spec-xml.md:
//
//   <records>
//     <record>
//       <value column="Student ID">f3888dd2fa3811ec97c8c4bde5bbed5f</value>
//       <value column="Duration (min)">105</value>
//     </record>
//   </records>
//
// Each <record> is one row. Each <value> contains the text of one column, named by its column
// attribute exactly as the file specification names it. The columns of the CSV file are the
// column names in the order they first appear. A column that a record leaves out is empty in
// that row. Elements that the layout does not define directly under the root are skipped with
// a Warning (rule unknown-element).
//
// Rejected with an Error and nothing converted: everything XmlFileReader rejects, a file over
// limits.maxFileBytes, a wrong root element, a <value> without a column name or with a column
// that its record already has, an element other than <value> in a record or any element in a
// value, text outside a value, a value longer than limits.maxTextLength, a record whose values
// take more than limits.maxTokenBytes in UTF-8, more than kMaxColumns column names or names
// longer than limits.maxTokenBytes together, and a file without records.
class FlatFileXml
{
public:
    static constexpr int kMaxColumns = 1000;

    // Reads the XML file at path and writes the CSV file csvPath, creating its folder.
    // shownName names the file in findings. Returns the converter, whose errors() is empty on
    // success.
    static FlatFileXml convert(const QString &path, const QString &csvPath,
                               const QString &shownName, const XmlLimits &limits = {});

    bool ok() const { return m_errors.isEmpty(); }
    // The Error that stopped the conversion (at most one), with line and column.
    QList<Issue> errors() const { return m_errors; }
    // Warnings about skipped elements, to put before the validation findings.
    QList<Issue> warnings() const { return m_warnings; }
    QString csvPath() const { return m_csvPath; }
    QString shownName() const { return m_shownName; }
    qint64 fileBytes() const { return m_fileBytes; }
    qint64 recordCount() const { return m_recordCount; }
    // The XML line that a line of the CSV file came from: the line of the record's start tag for
    // a row, the root element's line for the header line (1), and 0 for 0.
    qint64 xmlLine(qint64 csvLine) const;
    // The longest CSV record the conversion can write within the limits, since quotes double.
    qint64 maxCsvRecordBytes() const;

private:
    class Reader;

    QString m_csvPath;
    QString m_shownName;
    XmlLimits m_limits;
    qint64 m_fileBytes = 0;
    qint64 m_rootLine = 0;
    qint64 m_recordCount = 0;
    QStringList m_columns;
    qint64 m_columnBytes = 0;
    RecordLines m_lines;
    QList<Issue> m_errors;
    QList<Issue> m_warnings;
};

} // namespace hub::inbound
