// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace hub::inbound {

// One validation finding about a bundle. Line 0 means the finding is about the whole file,
// and line 1 is the header.
struct Issue
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString file;
    qint64 line = 0;
    QString column;
    QString value;
    QString message;

    // Formats the finding as: users.csv line 4, column dateLastModified, value "15/06/2023":
    // message. Parts that are empty or 0 are left out, so an empty value is not shown.
    QString toString() const;
};

// Row and byte counts of one run phase.
struct PhaseCounts
{
    qint64 rowsRead = 0;
    qint64 rowsWritten = 0;
    qint64 rowsRejected = 0;
    qint64 bytes = 0;
};

// Limits that open() enforces on a zip before and while it extracts it.
struct ArchiveLimits
{
    qint64 maxEntries = 1000;
    qint64 maxTotalBytes = qint64(4) * 1024 * 1024 * 1024;
    // The extracted bytes may exceed maxCompressionRatio times the zip's size only while they
    // stay below ratioGraceBytes, so that small zips of repetitive CSV still open.
    qint64 maxCompressionRatio = 100;
    qint64 ratioGraceBytes = 1024 * 1024;
};

// A OneRoster 1.0, 1.1 or 1.2 CSV bulk bundle on its way into the store for one district.
//
// The run executor calls open() (the receive phase), validate() and load() in that order. A
// bulk file replaces the district's records of its entity: stored records missing from the file
// become status tobedeleted with a new dateLastModified, and they are not deleted. The load is
// all or nothing, and it is rejected when validate() found any Error.
//
// Decisions on messy input, each reported as a Warning on the row that still loads:
// - References to records that are neither in the bundle nor stored for the district.
// - Status inactive (OneRoster 1.0) is stored as tobedeleted.
// - An empty status in a bulk file is stored as active, and an empty dateLastModified as the
//   load time.
// - Enum values in the wrong case are stored in the spelling of the standard.
// - dateLastModified given as a date only, with a space instead of T, or without a time zone
//   is read as UTC.
// - Legacy column names (grade, userId, agents, schoolYearId, and userSourcedId in
//   demographics.csv) are read as the current column, and header names in the wrong case as
//   the standard name.
// - An academicSessions.csv without a schoolYear column gets the school year of each endDate.
// - An enrollment role that differs from the user's roles, and a class without a course.
// - Columns that OneRoster does not define are kept in the extensions JSON object, and so are
//   ext_* and metadata.* columns (without a Warning). The password column is never stored.
// Dates that are not ISO 8601 (such as 1/05/2023) are Errors, because day and month cannot be
// distinguished. Boolean values are read case-insensitively (TRUE, false).
class OneRosterBundle
{
public:
    // Receives a bundle: a folder, or a zip that is extracted into workDir after checking the
    // entry count, the total uncompressed size, the compression ratio and every entry name.
    // Fails for a missing path, an unsafe or unreadable zip, a missing or unreadable
    // manifest.csv, an unknown oneroster.version and a delta bundle.
    static hub::Result<OneRosterBundle> open(const QString &path, const QString &workDir,
                                             const ArchiveLimits &limits = {});

    OneRosterBundle(OneRosterBundle &&other) noexcept;
    OneRosterBundle &operator=(OneRosterBundle &&other) noexcept;
    ~OneRosterBundle();

    // rowsRead is the number of CSV files received and bytes their total size.
    PhaseCounts receiveCounts() const { return m_receiveCounts; }
    // "1.0", "1.1" or "1.2", from the oneroster.version of manifest.csv.
    QString version() const { return m_version; }
    // The folder that contains manifest.csv.
    QString folder() const { return m_folder; }
    // The manifest's mode ("bulk", "delta", "absent" or "") of each file, by file key.
    QMap<QString, QString> manifestModes() const { return m_manifestModes; }

    // Parses every bulk file that the hub stores and checks column names, required values,
    // types, enums, dates, duplicate sourcedIds and references between records. It only reads
    // the store, for references to records already stored for the district. Fills
    // validateCounts(): rowsRead data rows, rowsRejected rows with an Error, rowsWritten rows
    // ready to load, bytes read. Lists at most 1000 findings and then one summary Warning, but
    // errorCount() counts every Error.
    QList<Issue> validate(const QSqlDatabase &db, qint64 districtId);
    PhaseCounts validateCounts() const { return m_validateCounts; }
    qint64 errorCount() const { return m_errorCount; }

    // Replaces the district's records of each bulk file in one transaction. rowsRead counts the
    // rows to store, including the user_roles rows that OneRoster 1.0 and 1.1 users.csv implies.
    // rowsWritten counts those rows plus the stored rows newly marked tobedeleted. Fails when
    // validate() has not run for this district or found an Error.
    hub::Result<PhaseCounts> load(const QSqlDatabase &db, qint64 districtId);

private:
    struct Validation;

    OneRosterBundle();

    QString m_folder;
    QString m_version;
    QMap<QString, QString> m_manifestModes;
    // File key (such as "users") to the path of the file on disk.
    QMap<QString, QString> m_filePaths;
    QList<Issue> m_openIssues;
    PhaseCounts m_receiveCounts;
    PhaseCounts m_validateCounts;
    qint64 m_errorCount = 0;
    qint64 m_validatedDistrictId = -1;
    std::unique_ptr<Validation> m_validation;
};

} // namespace hub::inbound
