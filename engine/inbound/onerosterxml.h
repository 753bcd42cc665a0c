// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "onerosterbundle.h"
#include "xmlfilereader.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hub::inbound {

// A OneRoster roster as one XML file, converted into a OneRoster CSV bundle folder so that
// OneRosterBundle validates and loads it exactly as it does CSV files. The layout is documented
// in docs/oneroster-xml.md:
//
//   <oneRoster version="1.1">
//     <orgs mode="bulk">
//       <org sourcedId="org-1" name="Demo District" type="district"/>
//     </orgs>
//     <users mode="delta"> <user sourcedId="u-1" status="active" .../> </users>
//   </oneRoster>
//
// Each section element is named by the manifest key of one of schema::storedFiles() (orgs,
// academicSessions, courses, classes, users, roles, enrollments, demographics). A section may
// appear once, with mode bulk (the default) or delta. Each record element contains one row, its attributes
// named like the CSV columns of that version. The root's namespace is not checked.
//
// Rejected with an Error and nothing converted: a file over maxFileBytes, malformed XML, a
// document type declaration (DTD), so no entity is ever declared or expanded, nesting deeper
// than maxDepth, an attribute value or text longer than maxTextLength, a token longer than
// maxTokenBytes, a wrong root element or version, an unknown or repeated section mode, a
// section that appears twice, a record element of the wrong name, and a child element or
// text inside a record. Elements that the layout does not define directly under the root are
// skipped with a Warning (rule unknown-element).
class OneRosterXml
{
public:
    // Reads the XML file at path and writes manifest.csv and one CSV file per section into
    // folder, which is created. shownName names the file in findings. Returns the converter,
    // whose errors() is empty on success.
    static OneRosterXml convert(const QString &path, const QString &folder,
                                const QString &shownName, const XmlLimits &limits = {});

    bool ok() const { return m_errors.isEmpty(); }
    // The Error that stopped the conversion (at most one), with line and column.
    QList<Issue> errors() const { return m_errors; }
    // Warnings about skipped elements, to put before the validation findings.
    QList<Issue> warnings() const { return m_warnings; }
    QString folder() const { return m_folder; }
    // Record elements in the file.
    qint64 recordCount() const { return m_recordCount; }

    // Rewrites findings of OneRosterBundle::validate() about the generated CSV files to name
    // the XML file, the line of the record (or of the section for the header and the whole
    // file) and the attribute (record/@column) or element.
    QList<Issue> mapIssues(QList<Issue> issues) const;

private:
    struct Section
    {
        QString key;
        QString recordName;
        QString mode;
        qint64 line = 0;
        QStringList columns;
        RecordLines lines;
    };
    class Reader;

    QString m_folder;
    QString m_shownName;
    QString m_version;
    qint64 m_rootLine = 0;
    QList<Section> m_sections;
    QList<Issue> m_errors;
    QList<Issue> m_warnings;
    qint64 m_recordCount = 0;
};

} // namespace hub::inbound
