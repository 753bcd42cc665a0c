// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "filespec.h"
#include "flatfilexml.h"
#include "onerosterbundle.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>

namespace hub::inbound {

// An assessment results or attendance CSV file on its way into the store, read with a file
// specification. An XML file is read as the CSV file that FlatFileXml converted it into, with
// findings that name the XML file and the lines of its records.
//
// validate() reads the file once: the header is matched to the specification's columns (a
// column in the wrong case or misspelled is read with a Warning), and each value is checked
// against its length limit (SpecColumn::lengthLimit(), 10,000 characters for a value kept in
// extensions) and its type. Dates are read only in the declared format, so 1/9/2019 under d/M/yyyy
// is September 1, and a value in another format is an Error, never a guess. A row that repeats
// another row exactly is skipped with a Warning; a row whose natural key repeats with other
// values is an Error. Students missing from the district's users are one Warning.
// load() upserts the rows by the table's unique key in one transaction, and fails
// after an Error.
class FlatFile
{
public:
    FlatFile(QString path, FileSpec spec);
    FlatFile(const FlatFileXml &xml, FileSpec spec);

    // Picks the specification for a CSV file: the first of the candidates whose declared
    // required columns all appear in the file's header (ignoring case). Fails with the names of
    // the missing columns of the closest candidate.
    static Result<FileSpec> detectSpec(const QString &path, const QList<FileSpec> &candidates);

    const FileSpec &spec() const { return m_spec; }
    QList<Issue> validate(const QSqlDatabase &db, qint64 districtId);
    PhaseCounts validateCounts() const { return m_counts; }
    qint64 errorCount() const { return m_errorCount; }
    // The findings that validate() counted but did not list, because the list is bounded.
    qint64 unlistedCount() const { return m_unlisted; }
    Result<PhaseCounts> load(const QSqlDatabase &db, qint64 districtId);

private:
    struct Row
    {
        qint64 line = 0;
        QVariantList values; // in the order of m_targets, then extensions
    };

    void add(Issue::Severity severity, const QString &rule, qint64 line, const QString &column,
             const QString &value, const QString &message);
    bool convert(const SpecColumn &column, const QString &raw, qint64 line, QVariant &out);
    // The line that findings name: the CSV line, or the XML line of the record it came from.
    qint64 shownLine(qint64 csvLine) const { return m_xml ? m_xml->xmlLine(csvLine) : csvLine; }

    QString m_path;
    QString m_fileName;
    FileSpec m_spec;
    std::optional<FlatFileXml> m_xml;
    QStringList m_targets; // store columns, without district_id and extensions
    QList<Row> m_rows;
    QList<Issue> m_issues;
    qint64 m_errorCount = 0;
    qint64 m_unlisted = 0;
    PhaseCounts m_counts;
    qint64 m_validatedDistrictId = -1;
};

} // namespace hub::inbound
