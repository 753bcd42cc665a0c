// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// Parsing and per-file validation of OneRoster CSV bulk files. OneRosterBundle::validate() runs
// a FileValidator on each file and then checks the references between the files.

#include "csvreader.h"
#include "onerosterbundle.h"
#include "onerosterschema.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <map>

namespace hub::inbound::detail {

// Findings past this count are counted but not listed, so a broken file of a million rows
// cannot fill the memory with messages.
constexpr qsizetype maxListedIssues = 10000;

QString latin1(const char *text);

Issue makeIssue(Issue::Severity severity, const QString &rule, const QString &file, qint64 line,
                const QString &column, const QString &value, const QString &message);

// Returns true when a header looks like a misspelling of the expected column name: at most one
// edit for names of 5 to 7 characters and two for longer ones, ignoring case.
bool looksMisspelled(const QString &header, const QString &expected);

struct ParsedRow
{
    qint64 line = 0;
    QString sourcedId;
    QVariantList values; // in the order of ParsedTable::columns
};

struct ParsedTable
{
    QString table;
    // A delta file updates the rows it lists and leaves the other stored records alone.
    bool delta = false;
    QStringList columns;
    QList<ParsedRow> rows;
    QHash<QString, qint64> lineById;
    // The case-folded sourcedId of each accepted row, to the sourcedId as written.
    QHash<QString, QString> idByFoldedId;
};

struct Reference
{
    schema::Entity target;
    QString id;
    QString file;
    qint64 line;
    QString column;
};

struct EnrollmentRole
{
    QString userId;
    QString role;
    QString file;
    qint64 line;
    QString column;
};

struct ValidationState
{
    // Keyed by entity; user_roles rows that 1.0 and 1.1 users.csv implies are under Roles.
    std::map<schema::Entity, ParsedTable> tables;
    QList<Reference> references;
    QList<EnrollmentRole> enrollmentRoles;
    QHash<QString, QSet<QString>> rolesByUser;
    QList<Issue> issues;
    qint64 unlistedIssues = 0;
    qint64 errorCount = 0;

    void add(Issue issue)
    {
        if (issue.severity == Issue::Severity::Error)
            ++errorCount;
        if (issues.size() < maxListedIssues)
            issues.append(std::move(issue));
        else
            ++unlistedIssues;
    }
};

// Parses one bulk file into its table of rows, adding the findings to the state.
class FileValidator
{
public:
    FileValidator(const schema::FileSpec &spec, int version, QString fileName, bool delta,
                  ValidationState &state)
        : m_spec(spec)
        , m_version(version)
        , m_fileName(std::move(fileName))
        , m_delta(delta)
        , m_state(state)
    {
        for (const schema::Field &field : m_spec.fields) {
            if (version >= field.since && version <= field.until)
                m_fields.append(&field);
        }
    }

    // Returns the bytes read; rows, rejections and findings go to the state.
    qint64 run(const QString &path, qint64 &rowsRead, qint64 &rowsRejected);

private:
    void mapHeader(const QStringList &headers);
    void addColumn(const QString &column);
    void readRow(const CsvRecord &record, qint64 &rowsRejected);
    bool convert(const schema::Field &field, const QString &header, const QString &raw, qint64 line,
                 QVariant &out);
    void issue(Issue::Severity severity, const QString &rule, qint64 line, const QString &column,
               const QString &value, const QString &message)
    {
        m_state.add(makeIssue(severity, rule, m_fileName, line, column, value, message));
    }

    const schema::FileSpec &m_spec;
    int m_version;
    QString m_fileName;
    bool m_delta;
    ValidationState &m_state;
    QList<const schema::Field *> m_fields;

    QStringList m_headers;
    QList<const schema::Field *> m_fieldAt; // per header position; nullptr for other columns
    QList<bool> m_extensionAt;              // per header position
    bool m_deriveSchoolYear = false;
    ParsedTable *m_table = nullptr;
    QHash<QString, int> m_columnIndex;
    ParsedTable *m_derivedRoles = nullptr;
};

} // namespace hub::inbound::detail
