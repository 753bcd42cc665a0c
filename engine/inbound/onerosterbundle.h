// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace hub::inbound {

// One validation finding about a bundle. Line 0 means the finding is about the whole file,
// and line 1 is the header. An Error stops the load; a Warning does not.
//
// rule names the check in lower-case words joined by hyphens, stable for filters and scripts:
// receive (the upload is no readable bundle: not a zip, unsafe, or without a manifest),
// csv-syntax, line-length, empty-file, unreadable-file, missing-file, unknown-file, ignored-file,
// unstored-file, file-name-case, missing-column, misspelled-column, unknown-column,
// renamed-column, duplicate-column, dropped-column, derived-column, row-width, field-length,
// required, date-format, enum, enum-case, boolean, year, inactive-status, duplicate-id,
// unknown-reference, parent-cycle, delta-status, role-mismatch, unknown-district, store,
// unlisted-findings.
struct Issue
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString rule;
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
    // For a load, the stored records that it marked tobedeleted because the files no longer
    // list them, also counted in rowsWritten.
    qint64 rowsMarked = 0;
};

// What a load would retire in one table: records stored for the district that are not yet
// tobedeleted, and how many of them the load would mark tobedeleted.
struct Retirement
{
    QString table;
    qint64 stored = 0;
    qint64 retiring = 0;
};

// The outcome of validateAndLoad(). The bundle's validateCounts(), errorCount() and
// wasStopped() are set as after validate().
struct OverlappedLoad
{
    // The findings, as validate() returns them.
    QList<Issue> issues;
    // Per table, the stored records that the load marks tobedeleted, counted against the store
    // as it was before the load, as retirements() counts them.
    QList<Retirement> retirements;
    // The counts of the load, as load() returns them; set only when the rows were committed.
    std::optional<PhaseCounts> loaded;
    // Why nothing was stored, when the cause was neither an Error of the validation, a stop
    // request nor a declined commit: a failed insert, a missing district or a failed read of
    // the store. Empty otherwise.
    QString error;
    // Whether error comes from the load transaction (its begin, a write or the commit) rather
    // than from reading the store. A failed write stops validation, so wasStopped() is then true.
    bool loadFailed = false;
    // Whether every file was validated: false after a stop request during validation, or when
    // the second connection could not be opened.
    bool validationFinished = false;
    // When the last file was validated, when the load transaction began (null when it never
    // began) and when the commit or the rollback ended.
    QDateTime validateEnded;
    QDateTime loadStarted;
    QDateTime loadEnded;
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

// A OneRoster 1.0, 1.1 or 1.2 CSV bundle on its way into the store for one district.
//
// The run executor calls open() (the receive phase), validate() and load() in that order. The
// manifest declares each file bulk or delta. A bulk file replaces the district's records of its
// entity: stored records missing from the file become status tobedeleted with a new
// dateLastModified, and they are not deleted. A delta file only adds or changes the records it
// lists, and every row gives its status and dateLastModified: a row with status tobedeleted
// retires its record, and records that the file does not list stay as they are. The load is all
// or nothing, and it is rejected when validate() found any Error.
//
// Errors besides wrong values: duplicate sourcedIds (also ones that differ only in case), parent
// cycles among orgs and among academic sessions, a misspelled required header, an empty status
// or dateLastModified in a delta file, a record longer than the CSV reader's limit, and a value
// longer than its field's limit (schema::maxLength(), 10,000 characters in extension columns).
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
//   demographics.csv) and the REST names of 1.2 (preferredFirstName, preferredLastName) are read
//   as the CSV column, header names in the wrong case as the standard name, and a misspelled
//   optional header (such as prefferedGivenName) as the column it resembles.
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
    // manifest.csv, an unknown oneroster.version and an unknown file mode.
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

    // Parses every bulk and delta file that the hub stores and checks column names, required
    // values, types, enums, dates, duplicate sourcedIds and references between records. It only
    // reads the store, for references to records already stored for the district. Memory does
    // not keep the rows: validate() writes the accepted rows, converted as the store takes
    // them, to temporary files in the "validated" folder of workDir, which load() reads back.
    // It keeps the sourcedIds, exactly for the files that other files reference (orgs,
    // academic sessions, courses, classes, users) and as 64-bit hashes for the others. Fills
    // validateCounts(): rowsRead data rows, rowsRejected rows with an Error, rowsWritten rows
    // ready to load, bytes read. Lists at most 10000 findings and then one summary Warning, but
    // errorCount() counts every Error. stopRequested, when set, is called before each file,
    // every 4096 rows and before the reference findings. Once it returns true, validate()
    // stops and returns the findings so far, and wasStopped() is true, so load() rejects the
    // bundle.
    QList<Issue> validate(const QSqlDatabase &db, qint64 districtId,
                          const std::function<bool()> &stopRequested = {});
    PhaseCounts validateCounts() const { return m_validateCounts; }
    bool wasStopped() const { return m_stopped; }
    qint64 errorCount() const { return m_errorCount; }
    // The findings that validate() counted but did not list, because the list is bounded.
    qint64 unlistedCount() const { return m_unlistedCount; }

    // Replaces the district's records of each bulk file and applies each delta file, in one
    // transaction. rowsRead counts the rows to store, including the user_roles rows that
    // OneRoster 1.0 and 1.1 users.csv implies. rowsWritten counts those of them that were new
    // or changed (a row that repeats a stored record unchanged leaves it alone), the stored
    // rows newly marked tobedeleted and the users dated anew for a changed implied role. Fails
    // when validate() has not run for this district or found an Error. It frees the sourcedIds
    // of the validation first, so it runs once per validate().
    hub::Result<PhaseCounts> load(const QSqlDatabase &db, qint64 districtId);

    // Counts, per table, the stored records that load() would mark tobedeleted: those missing
    // from a bulk file and those a delta row retires. Only reads the store; call it after
    // validate() for the same district and before load(), not after validateAndLoad().
    hub::Result<QList<Retirement>> retirements(const QSqlDatabase &db, qint64 districtId) const;

    // Whether validateAndLoad() can run on the connection: SQLite, a database file in WAL mode,
    // so that a second connection reads the store as it was before the load while db writes.
    static bool canOverlapLoad(const QSqlDatabase &db);

    // Called by validateAndLoad() on its calling thread, inside the load transaction, once every
    // file was validated without an Error and every row was written. Returns true to commit.
    using CommitDecision = std::function<bool(const QList<Retirement> &retirements)>;

    // Validates and loads in one pass, for a connection where canOverlapLoad() is true. A second
    // thread validates the files in order, with its own read connection cloned from db, and
    // counts each table's retirements. The calling thread writes each file's validated rows
    // into the load transaction on db in chunks of about 1 MiB, as validation flushes them. So
    // a file is loaded while it, and then the next file, are validated.
    // The transaction rolls back, and nothing is stored, when validation finds an Error, when
    // stopRequested returns true, when a write fails or when decideCommit returns false. After
    // an Error the writes stop at the next chunk, but validation goes on to list every finding.
    // After a declined commit, load() can still store the validated rows. After any other
    // outcome the bundle must be validated again. stopRequested is called only on the calling
    // thread: before validation starts, every 4096 rows written and every 50 ms while the
    // thread waits for validation. loadStarting, when set, is called on the calling thread just
    // before the load transaction begins, outside any transaction of db.
    OverlappedLoad validateAndLoad(const QSqlDatabase &db, qint64 districtId,
                                   const std::function<bool()> &stopRequested,
                                   const CommitDecision &decideCommit,
                                   const std::function<void()> &loadStarting = {});

    // Sets a function that validate() and validateAndLoad() call before they read each file,
    // with its name, on the validating thread. Tests use it to hold validation at a file.
    void setBeforeFileHook(std::function<void(const QString &fileName)> hook)
    {
        m_beforeFile = std::move(hook);
    }

    // Whether validate() and validateAndLoad() store the rows that need no finding straight from
    // their UTF-8 bytes (the default), instead of reading every row as text. Tests turn it off
    // to compare the two. cleanRowCount() is the number of rows that the last validation stored so.
    void setReadsCleanRows(bool enabled) { m_readsCleanRows = enabled; }
    qint64 cleanRowCount() const { return m_cleanRowCount; }

private:
    struct Validation;
    struct Handoff;

    OneRosterBundle();

    // The body of validate(). With a handoff, it runs on the validating thread of
    // validateAndLoad() and passes each table to the loading thread.
    QList<Issue> validateFiles(const QSqlDatabase &db, qint64 districtId,
                               const std::function<bool()> &stopRequested, Handoff *handoff);
    // Hands the tables that validation finished since the last call to the loading thread,
    // with their retirements counted on the validating thread's connection.
    void handOverTables(const QSqlDatabase &reader, qint64 districtId, Handoff &handoff);
    // The loading side of validateAndLoad().
    void loadHandedOver(const QSqlDatabase &db, qint64 districtId,
                        const std::function<bool()> &stopRequested,
                        const CommitDecision &decideCommit,
                        const std::function<void()> &loadStarting, Handoff &handoff,
                        OverlappedLoad &result);

    QString m_folder;
    // The folder in which validate() keeps the validated rows for load().
    QString m_workDir;
    QString m_version;
    QMap<QString, QString> m_manifestModes;
    // File key (such as "users") to the path of the file on disk.
    QMap<QString, QString> m_filePaths;
    QList<Issue> m_openIssues;
    PhaseCounts m_receiveCounts;
    PhaseCounts m_validateCounts;
    qint64 m_errorCount = 0;
    qint64 m_unlistedCount = 0;
    qint64 m_validatedDistrictId = -1;
    bool m_stopped = false;
    bool m_readsCleanRows = true;
    qint64 m_cleanRowCount = 0;
    std::function<void(const QString &fileName)> m_beforeFile;
    std::unique_ptr<Validation> m_validation;
};

} // namespace hub::inbound
