// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// Parsing and per-file validation of OneRoster CSV bulk files. OneRosterBundle::validate() runs
// a FileValidator on each file and then checks the references between the files.

#include "csvreader.h"
#include "onerosterbundle.h"
#include "onerosterkeys.h"
#include "onerosterschema.h"
#include "onerosterspill.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <vector>

namespace hub::inbound::detail {

// Findings past this count are counted but not listed, so a broken file of a million rows
// cannot fill the memory with messages.
constexpr qsizetype maxListedIssues = 10000;

QString latin1(const char *text);

Issue makeIssue(Issue::Severity severity, const QString &rule, const QString &file, qint64 line,
                const QString &column, const QString &value, const QString &message);

// The message of a duplicate-id finding for a sourcedId that differs from an earlier one only in
// case.
QString caseDuplicateMessage(const QString &other, qint64 otherLine);

// The message of a duplicate-id finding for a sourcedId that differs only in case from the
// district's stored sourcedId `stored`.
QString storedCaseDuplicateMessage(const QString &stored);

// The message of a role-id-collision finding: the user_roles sourcedId roleId that users.csv of
// OneRoster 1.0 and 1.1 derives both from user and org and from otherUser and otherOrg on
// otherLine.
QString roleIdCollisionMessage(const QString &roleId, const QString &user, const QString &org,
                               const QString &otherUser, const QString &otherOrg,
                               qint64 otherLine);

// The message of a role-id-collision finding: the user_roles sourcedId roleId that a delta
// users.csv derives from user and org, and that the district has stored for storedUser and
// storedOrg.
QString storedRoleCollisionMessage(const QString &roleId, const QString &user,
                                   const QString &org, const QString &storedUser,
                                   const QString &storedOrg);

// Returns the other line that a roleIdCollisionMessage() names, or 0 for another message. Sets
// start and length, when given, to the position of that line's digits in message.
qint64 roleIdCollisionLine(const QString &message, qsizetype *start = nullptr,
                           qsizetype *length = nullptr);

// The message of an unknown-reference finding whose record is on line of fileName, in a row
// that an Error rejected.
QString rejectedRecordMessage(const QString &fileName, qint64 line);
// Returns the line that a rejectedRecordMessage() for fileName names, or 0 when message is
// another message.
qint64 rejectedRecordLine(const QString &message, const QString &fileName);

// Returns true when a header looks like a misspelling of the expected column name: at most one
// edit for names of 5 to 7 characters and two for longer ones, ignoring case.
bool looksMisspelled(const QString &header, const QString &expected);

struct ParsedRow
{
    qint64 line = 0;
    QString sourcedId;
    QVariantList values; // in the order of TableKeys::columns
};

// The part of one table that validate() keeps for load(): the file of its validated rows, and
// its sourcedIds in a compact form.
struct TableKeys
{
    QString table;
    // The file that contains the rows: users.csv for the user_roles rows that OneRoster 1.0 and
    // 1.1 users.csv implies.
    QString path;
    QString fileName;
    // A delta file updates the rows it lists and leaves the other stored records alone.
    bool delta = false;
    // user_roles rows derived from users.csv.
    bool derived = false;
    QStringList columns;
    // Rows that load() stores, and the file that contains them as the store takes them.
    qint64 rows = 0;
    std::unique_ptr<QTemporaryFile> spill;
    // The accepted sourcedIds, exactly, for a table whose records other files reference.
    bool exact = false;
    IdSet ids;
    // The sourcedIds of the rows that an Error rejected, with their lines, for the same tables.
    // A reference that does not resolve then names the row of its record. They are at most
    // the file's rows, like the accepted sourcedIds.
    IdSet rejectedIds;
    // For the other tables: the sorted 64-bit hashes of the accepted sourcedIds.
    std::vector<quint64> idHashes;
    // The sorted hashes of the sourcedIds that delta rows retire.
    std::vector<quint64> retiredHashes;
    // Derived user_roles ids that an earlier users.csv line already gave, by line. Their rows
    // are in the file of validated rows, and load() skips them.
    QHash<qint64, QStringList> skippedDerived;
    // Parent links of orgs and academic sessions, and their ids in file order, for cycles.
    QHash<QString, QString> parentOf;
    QStringList order;
};

struct Reference
{
    schema::Entity target;
    QString id;
    QString file;
    qint64 line;
    QString column;
    // The order in which the reference occurs among all references of the bundle.
    quint64 sequence = 0;
};

struct EnrollmentRole
{
    QString userId;
    QString role;
    QString file;
    qint64 line;
    QString column;
    // The user's roles in the bundle, sorted.
    QStringList roles;
};

// The roles that users.csv (OneRoster 1.0 and 1.1) or roles.csv (1.2) give each user, as a
// bit mask per user of users.csv.
class RoleBook
{
public:
    void add(const IdSet *users, const QString &user, const QString &role);
    void add(const IdSet *users, QByteArrayView user, const QString &role);
    // The user's roles, sorted; empty when the bundle gives none.
    QStringList rolesOf(const IdSet *users, const QString &user) const;
    // Whether the user has no role in the bundle or has role.
    bool allows(const IdSet *users, const QString &user, const QString &role) const;
    // The same for a user sourcedId in UTF-8.
    bool allows(const IdSet *users, QByteArrayView user, const QString &role) const;

private:
    int roleBit(const QString &role) const { return m_bits.value(role, -1); }

    QHash<QString, int> m_bits;
    QStringList m_names;
    // By index of users.csv's IdSet.
    std::vector<quint64> m_masks;
    // Users that users.csv does not list, and roles past the 64 that a mask holds.
    QHash<QString, QSet<QString>> m_other;
    mutable QByteArray m_utf8;
};

struct ValidationState
{
    // Keyed by entity; user_roles rows that 1.0 and 1.1 users.csv implies are under Roles.
    std::map<schema::Entity, TableKeys> tables;
    // The district's stored sourcedIds of an entity, read when a reference first needs them.
    std::map<schema::Entity, IdSet> storedIds;
    QSqlDatabase db;
    qint64 districtId = 0;
    // Called every 4096 rows of a file. Once it returns true, FileValidator::run() stops
    // reading and sets stopped.
    std::function<bool()> stopRequested;
    bool stopped = false;
    // Called once a file's header was read, with its table and the writer of its validated
    // rows, before the first row. Not called for the user_roles rows derived from users.csv.
    std::function<void(schema::Entity entity, TableKeys &table, SpillWriter &rows)> fileStarted;
    // Whether TableKeys::idHashes are kept for the retirement count of a bulk file. A load
    // that counts what it retires itself needs none.
    bool keepIdHashes = true;
    // Whether FileValidator stores the rows that need no finding straight from their bytes,
    // and how many rows it stored so.
    bool cleanRows = true;
    qint64 cleanRowCount = 0;
    // The folder for the files of validated rows.
    QString spillFolder;

    // Unknown references in the order they occur, one per file, column and sourcedId, at
    // most maxListedIssues; unlistedReferences counts the rest.
    QList<Reference> unknownReferences;
    qint64 unlistedReferences = 0;
    QSet<QString> reportedReferences;
    QSet<quint64> unlistedReferenceKeys;
    quint64 referenceSequence = 0;
    // References of the file being read to its own records that are not known yet.
    QList<Reference> pendingSelfReferences;

    RoleBook roles;
    // Enrollments whose role is not among the user's roles, at most maxListedIssues.
    QList<EnrollmentRole> roleMismatches;
    // Lines of the role mismatches past that limit, to count them.
    QList<qint64> unlistedRoleMismatchLines;

    QList<Issue> issues;
    qint64 unlistedIssues = 0;
    qint64 errorCount = 0;
    // The line of the first finding of the current file that did not fit the list, or -1.
    qint64 firstUnlistedLine = -1;

    void add(Issue issue)
    {
        if (issue.severity == Issue::Severity::Error)
            ++errorCount;
        if (issues.size() < maxListedIssues) {
            issues.append(std::move(issue));
        } else {
            if (firstUnlistedLine < 0)
                firstUnlistedLine = issue.line;
            ++unlistedIssues;
        }
    }

    // Set once load() has freed the sourcedIds of every table.
    bool keysReleased = false;

    // Frees the sourcedIds that only validation and retirement counts need.
    void releaseKeys()
    {
        for (auto &[entity, table] : tables) {
            Q_UNUSED(entity);
            table.ids = IdSet();
            table.rejectedIds = IdSet();
            std::vector<quint64>().swap(table.idHashes);
            std::vector<quint64>().swap(table.retiredHashes);
            table.parentOf.clear();
            table.order.clear();
        }
        keysReleased = true;
    }

    // Puts findings made after a file was read (sorted by line) among the file's findings from
    // firstIndex on, after those of the same line, as if they had been made while reading.
    void insertFileIssues(qsizetype firstIndex, const QList<Issue> &late);
};

// A hash of a sourcedId of a table without an IdSet and the line of its row, kept while the
// file is read to find duplicates once it has been read. hash is of the case-folded id. line is
// negative for a row with an Error other than a duplicate, which is not accepted. exact contains
// 30 bits of the hash of the id as written; its two lowest bits say whether the store has the id
// exactly and whether it has an id that differs from it only in case. 16 bytes a row, which is
// most of validation's memory for enrollments.csv.
struct KeyRecord
{
    static constexpr quint32 storedExactly = 1;
    static constexpr quint32 storedInOtherCase = 2;
    static constexpr qint64 maxLine = std::numeric_limits<qint32>::max();

    quint64 hash;
    qint32 line;
    quint32 exact = 0;

    static quint32 exactOf(quint64 hash) { return quint32(hash) & ~quint32(3); }
};

// Parses one bulk or delta file: checks every row, keeps the keys of the accepted rows in the
// state and writes the accepted rows, converted as the store takes them, to a temporary file.
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
    hub::Result<void> readHeader(CsvReader &reader, CsvRecord &record);
    void mapHeader(const QStringList &headers);
    void addColumn(const QString &column);
    void noteKeyHeader(const schema::Field *field, qsizetype header);
    void readRow(const CsvRecord &record, qint64 &rowsRejected);
    bool readCleanRow(const CsvRawRecord &record);
    void keepCleanDerivedRoles(qint64 line, QByteArrayView user, QByteArrayView orgIds,
                               QByteArrayView roleBytes, const QString &role, bool retires,
                               const IdSet *users);
    bool resolves(schema::Entity target, QByteArrayView id);
    void keepKeys(const ParsedRow &row, const QString &role, const QStringList &orgIds);
    void checkDuplicate(const ParsedRow &row);
    void reserveKeys(qint64 fileBytes, qint64 bytesRead, qint64 rowsRead);
    void openSpill(SpillWriter &spill);
    void finishSpill(SpillWriter &spill, TableKeys &table);
    void findDuplicates(const QString &path, qsizetype firstIssue, qint64 &rowsRejected);
    void findDerivedDuplicates(const QString &path, qsizetype firstIssue);
    void findStoredCaseDuplicates(qsizetype firstIssue, qint64 &rowsRejected);
    void findStoredCaseVariants(const QString &path, QList<Issue> &late, QSet<qint64> &rejected,
                                qint64 &rowsRejected);
    void findStoredRoleCollisions(qsizetype firstIssue);
    QStringList derivedRoleIds(const QString &userId, const QStringList &orgIds) const;
    const IdSet *storedIds(schema::Entity target);
    void checkReference(schema::Entity target, const QString &id, qint64 line,
                        const QString &column);
    void finishSelfReferences();
    // The facts about a field that readRow() needs, worked out once per file.
    struct FieldMeta
    {
        enum Kind { Other, SourcedId, Role, OrgIds, EndDate, SchoolYear };
        QString name;
        // Index in TableKeys::columns, or -1.
        int column = -1;
        QStringList enumValues;
        Kind kind = Other;
        // schema::maxLength() of the field.
        qsizetype maxLength = 0;
        // enumValues in UTF-8, for readCleanRow().
        QList<QByteArray> enumBytes;
    };

    bool exceedsLength(qsizetype header, const QString &raw, qint64 line);
    bool cleanValue(const schema::Field &field, const FieldMeta &meta, QByteArrayView raw,
                    SpillValue &out, qsizetype &enumIndex);

    bool convert(const schema::Field &field, const FieldMeta &meta, const QString &header,
                 const QString &raw, qint64 line, QVariant &out);
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
    QList<FieldMeta> m_metaAt;              // per header position
    qsizetype m_idHeader = -1;
    qsizetype m_orgsHeader = -1;
    bool m_deriveSchoolYear = false;
    TableKeys *m_table = nullptr;
    QHash<QString, int> m_columnIndex;
    // Indexes in TableKeys::columns that keepKeys() reads for every row, or -1.
    struct
    {
        int status = -1;
        int dateLastModified = -1;
        int parent = -1;
        int user = -1;
    } m_keyColumns;
    TableKeys *m_derivedRoles = nullptr;


    // Whether readCleanRow() may take the file's rows, and its buffers.
    bool m_cleanRows = false;
    QVarLengthArray<SpillValue, 32> m_cleanValues;
    QByteArray m_cleanText;
    QByteArray m_roleIds;

    SpillWriter m_spill;
    SpillWriter m_derivedSpill;
    std::vector<KeyRecord> m_records;
    std::vector<KeyRecord> m_derivedRecords;
    std::vector<quint64> m_acceptedHashes;
    std::vector<quint64> m_derivedHashes;
    // Derived roles of a delta file whose user or org sourcedId contains a colon.
    struct ColonRole
    {
        QString id;
        qint64 line;
        QString user;
        QString org;
    };
    std::vector<ColonRole> m_colonRoles;
    QByteArray m_idBytes;
    QByteArray m_utf8;
};

} // namespace hub::inbound::detail
