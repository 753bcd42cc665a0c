// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterbundle.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "csvreader.h"
#include "onerosterfilevalidator.h"
#include "onerosterschema.h"
#include "store/postgrescopy.h"
#include "store/store.h"
#include "ziparchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace hub::inbound {

using schema::Entity;
using schema::FileSpec;

using detail::EnrollmentRole;
using detail::extractArchive;
using detail::FileValidator;
using detail::latin1;
using detail::makeIssue;
using detail::ParsedRow;
using detail::Reference;
using detail::ValidationState;

namespace {

int versionNumber(const QString &version)
{
    if (version == QLatin1String("1.0"))
        return 10;
    if (version == QLatin1String("1.1"))
        return 11;
    return 12;
}

QString csvName(const QString &fileKey)
{
    return fileKey + QLatin1String(".csv");
}

const FileSpec *specForEntity(Entity entity)
{
    for (const FileSpec &spec : schema::storedFiles()) {
        if (spec.entity == entity)
            return &spec;
    }
    return nullptr;
}

const FileSpec *specForKey(const QString &key)
{
    for (const FileSpec &spec : schema::storedFiles()) {
        if (key == QLatin1String(spec.key))
            return &spec;
    }
    return nullptr;
}

} // namespace

QString Issue::toString() const
{
    QStringList parts;
    if (!file.isEmpty())
        parts.append(line > 0 ? QStringLiteral("%1 line %2").arg(file).arg(line) : file);
    if (!column.isEmpty())
        parts.append(QStringLiteral("column %1").arg(column));
    if (!value.isEmpty())
        parts.append(QStringLiteral("value \"%1\"").arg(value));
    if (parts.isEmpty())
        return message;
    return parts.join(QLatin1String(", ")) + QLatin1String(": ") + message;
}

struct OneRosterBundle::Validation : ValidationState
{
};

OneRosterBundle::OneRosterBundle() = default;
OneRosterBundle::OneRosterBundle(OneRosterBundle &&other) noexcept = default;
OneRosterBundle &OneRosterBundle::operator=(OneRosterBundle &&other) noexcept = default;
OneRosterBundle::~OneRosterBundle() = default;

// ---- Receive -------------------------------------------------------------------------------

hub::Result<OneRosterBundle> OneRosterBundle::open(const QString &path, const QString &workDir,
                                                   const ArchiveLimits &limits)
{
    const QFileInfo info(path);
    if (!info.exists())
        return hub::failure(QStringLiteral("The bundle %1 was not found.").arg(path));

    QString folder = info.absoluteFilePath();
    if (!info.isDir()) {
        if (auto extracted = extractArchive(path, workDir, limits); !extracted)
            return hub::failure(extracted.error());
        folder = QDir(workDir).absolutePath();
        // A zip may hold the bundle in one top folder instead of at its root.
        if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("manifest.csv")))) {
            const QStringList subfolders
                = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
            if (subfolders.size() == 1)
                folder = QDir(folder).filePath(subfolders.first());
        }
    }

    OneRosterBundle bundle;
    bundle.m_folder = folder;

    // Index the CSV files by lower-case name, because real bundles differ in case.
    QHash<QString, QString> csvByLowerName;
    const QFileInfoList entries
        = QDir(folder).entryInfoList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : entries) {
        csvByLowerName.insert(file.fileName().toLower(), file.fileName());
        bundle.m_receiveCounts.rowsRead += 1;
        bundle.m_receiveCounts.bytes += file.size();
    }

    const QString manifestName = csvByLowerName.value(QStringLiteral("manifest.csv"));
    if (manifestName.isEmpty())
        return hub::failure(QStringLiteral("The bundle %1 has no manifest.csv, but a OneRoster "
                                           "CSV bundle must declare its version and files in it.")
                                .arg(path));
    QFile manifest(QDir(folder).filePath(manifestName));
    if (!manifest.open(QIODevice::ReadOnly))
        return hub::failure(
            QStringLiteral("Cannot read %1: %2").arg(manifest.fileName(), manifest.errorString()));
    auto records = CsvReader::readAll(&manifest);
    if (!records)
        return hub::failure(
            QStringLiteral("manifest.csv is not valid CSV: %1").arg(records.error()));

    QMap<QString, QString> properties;
    for (qsizetype i = 1; i < records->size(); ++i) {
        const CsvRecord &record = records->at(i);
        if (record.fields.size() < 2) {
            return hub::failure(QStringLiteral("manifest.csv line %1 has no value, but each line "
                                               "must be propertyName,value.")
                                    .arg(record.line));
        }
        properties.insert(record.fields.at(0).trimmed(), record.fields.at(1).trimmed());
    }

    const QString version = properties.value(QStringLiteral("oneroster.version"));
    static const QStringList versions
        = {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("1.2")};
    if (!versions.contains(version))
        return hub::failure(QStringLiteral("manifest.csv has oneroster.version \"%1\", but the "
                                           "hub reads OneRoster 1.0, 1.1 and 1.2.")
                                .arg(version));
    bundle.m_version = version;

    QStringList knownKeys;
    for (const FileSpec &spec : schema::storedFiles())
        knownKeys.append(latin1(spec.key));
    for (const char *key : schema::unstoredFileKeys())
        knownKeys.append(latin1(key));

    static const QStringList modes
        = {QStringLiteral("bulk"), QStringLiteral("delta"), QStringLiteral("absent"), QString()};
    for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("file.")))
            continue;
        const QString key = it.key().mid(5);
        const QString mode = it.value();
        if (!modes.contains(mode))
            return hub::failure(QStringLiteral("manifest.csv gives %1 the invalid mode \"%2\". "
                                               "Use bulk, delta or absent.")
                                    .arg(it.key(), mode));
        if (!knownKeys.contains(key)) {
            bundle.m_openIssues.append(makeIssue(Issue::Severity::Warning,
                                                 QStringLiteral("unknown-file"),
                                                 QStringLiteral("manifest.csv"), 0, {}, {},
                                                 QStringLiteral("%1 is not a OneRoster %2 file; "
                                                                "it is ignored.")
                                                     .arg(it.key(), version)));
            continue;
        }
        bundle.m_manifestModes.insert(key, mode);
    }

    for (const QString &key : std::as_const(knownKeys)) {
        const QString mode = bundle.m_manifestModes.value(key);
        const QString expectedName = csvName(key);
        const QString actualName = csvByLowerName.take(expectedName.toLower());
        const bool present = !actualName.isEmpty();

        if ((mode == QLatin1String("bulk") || mode == QLatin1String("delta")) && !present) {
            bundle.m_openIssues.append(makeIssue(
                Issue::Severity::Error, QStringLiteral("missing-file"), expectedName, 0, {}, {},
                QStringLiteral("manifest.csv declares file.%1 as %2 but the bundle has no %3. "
                               "Add the file or declare it absent.")
                    .arg(key, mode, expectedName)));
            continue;
        }
        if (!present)
            continue;
        if (mode != QLatin1String("bulk") && mode != QLatin1String("delta")) {
            const QString declared = mode.isEmpty() ? (bundle.m_manifestModes.contains(key)
                                                           ? QStringLiteral("with an empty value")
                                                           : QStringLiteral("nowhere"))
                                                    : QStringLiteral("as %1").arg(mode);
            bundle.m_openIssues.append(makeIssue(
                Issue::Severity::Warning, QStringLiteral("ignored-file"), actualName, 0, {}, {},
                QStringLiteral("manifest.csv declares file.%1 %2, so the file is "
                               "ignored.")
                    .arg(key, declared)));
            continue;
        }
        if (actualName != expectedName) {
            bundle.m_openIssues.append(makeIssue(
                Issue::Severity::Warning, QStringLiteral("file-name-case"), actualName, 0, {}, {},
                QStringLiteral("The file name differs in case from %1; it is read as "
                               "that file.")
                    .arg(expectedName)));
        }
        if (!specForKey(key)) {
            bundle.m_openIssues.append(makeIssue(
                Issue::Severity::Warning, QStringLiteral("unstored-file"), actualName, 0, {}, {},
                QStringLiteral("The hub does not store %1; the file is ignored.")
                    .arg(expectedName)));
            continue;
        }
        bundle.m_filePaths.insert(key, QDir(folder).filePath(actualName));
    }
    csvByLowerName.remove(QStringLiteral("manifest.csv"));
    for (const QString &name : std::as_const(csvByLowerName)) {
        bundle.m_openIssues.append(makeIssue(Issue::Severity::Warning,
                                             QStringLiteral("unknown-file"), name, 0, {}, {},
                                             QStringLiteral("The file is not part of OneRoster "
                                                            "%1; it is ignored.")
                                                 .arg(version)));
    }

    qCInfo(lcInbound) << "Received OneRoster" << version << "bundle" << path << "with"
                      << bundle.m_receiveCounts.rowsRead << "CSV files,"
                      << bundle.m_receiveCounts.bytes << "bytes";
    return bundle;
}

// ---- Validate ------------------------------------------------------------------------------

namespace {

QString describeTarget(Entity target)
{
    const FileSpec *spec = specForEntity(target);
    return spec ? csvName(latin1(spec->key)) : QString();
}

Result<QSet<QString>> storedIds(const QSqlDatabase &db, const QString &table, qint64 districtId)
{
    auto query
        = execute(db, QStringLiteral("SELECT sourced_id FROM %1 WHERE district_id = ?").arg(table),
                  {districtId});
    if (!query)
        return hub::failure(query.error());
    QSet<QString> ids;
    while (query->next())
        ids.insert(query->value(0).toString());
    return ids;
}

// Reports each cycle of parentSourcedId links among the rows of one file once, on the row of
// the cycle that comes first in the file. A record that is its own parent is a cycle too.
void checkParentCycles(ValidationState &state, Entity entity, const QString &fileName)
{
    const auto found = state.tables.find(entity);
    if (found == state.tables.end())
        return;
    const detail::ParsedTable &table = found->second;
    const qsizetype parentColumn = table.columns.indexOf(QStringLiteral("parent_sourced_id"));
    if (parentColumn < 0)
        return;

    QHash<QString, QString> parentOf;
    for (const ParsedRow &row : table.rows) {
        const QString parent = row.values.at(parentColumn).toString();
        if (!parent.isEmpty())
            parentOf.insert(row.sourcedId, parent);
    }

    enum Mark { OnPath = 1, Done = 2 };
    QHash<QString, int> marks;
    for (const ParsedRow &row : table.rows) {
        QStringList path;
        QString id = row.sourcedId;
        while (!id.isEmpty() && !marks.contains(id)) {
            marks.insert(id, OnPath);
            path.append(id);
            id = parentOf.value(id);
        }
        if (!id.isEmpty() && marks.value(id) == OnPath) {
            QStringList cycle = path.mid(path.indexOf(id));
            qsizetype first = 0;
            for (qsizetype i = 1; i < cycle.size(); ++i) {
                if (table.lineById.value(cycle.at(i)) < table.lineById.value(cycle.at(first)))
                    first = i;
            }
            std::rotate(cycle.begin(), cycle.begin() + first, cycle.end());
            const QString start = cycle.first();
            cycle.append(start);
            state.add(makeIssue(Issue::Severity::Error, QStringLiteral("parent-cycle"), fileName,
                                table.lineById.value(start), QStringLiteral("parentSourcedId"),
                                parentOf.value(start),
                                QStringLiteral("The parents form a cycle (%1). Give one of these "
                                               "records a parent outside the cycle, or none.")
                                    .arg(cycle.join(QLatin1String(" -> ")))));
        }
        for (const QString &visited : std::as_const(path))
            marks.insert(visited, Done);
    }
}

} // namespace

QList<Issue> OneRosterBundle::validate(const QSqlDatabase &db, qint64 districtId,
                                      const std::function<bool()> &stopRequested)
{
    m_validation = std::make_unique<Validation>();
    m_validateCounts = {};
    m_validatedDistrictId = districtId;
    m_stopped = false;
    const auto stopHere = [&](const QString &before) {
        if (!stopRequested || !stopRequested())
            return false;
        m_stopped = true;
        m_validatedDistrictId = -1;
        qCInfo(lcInbound) << "Validation of" << m_folder << "stopped on request before" << before;
        return true;
    };
    Validation &state = *m_validation;
    for (const Issue &issue : std::as_const(m_openIssues))
        state.add(issue);

    auto district
        = selectValue(db, QStringLiteral("SELECT id FROM districts WHERE id = ?"), {districtId});
    if (!district || district->isNull()) {
        state.add(makeIssue(Issue::Severity::Error, QStringLiteral("unknown-district"), {}, 0, {},
                            {},
                            district ? QStringLiteral("District %1 was not found.").arg(districtId)
                                     : district.error()));
    }

    const int version = versionNumber(m_version);
    for (const FileSpec &spec : schema::storedFiles()) {
        const QString key = latin1(spec.key);
        if (!m_filePaths.contains(key))
            continue;
        if (stopHere(csvName(key)))
            return state.issues;
        if (spec.entity == Entity::Roles && version < 12) {
            state.add(makeIssue(Issue::Severity::Warning, QStringLiteral("ignored-file"),
                                csvName(key), 0, {}, {},
                                QStringLiteral("roles.csv is OneRoster 1.2; in a %1 bundle the "
                                               "roles come from users.csv, so it is ignored.")
                                    .arg(m_version)));
            continue;
        }
        const bool delta = m_manifestModes.value(key) == QLatin1String("delta");
        FileValidator validator(spec, version, QFileInfo(m_filePaths.value(key)).fileName(), delta,
                                state);
        m_validateCounts.bytes += validator.run(m_filePaths.value(key), m_validateCounts.rowsRead,
                                                m_validateCounts.rowsRejected);
    }

    for (const Entity entity : {Entity::Orgs, Entity::AcademicSessions}) {
        const FileSpec *spec = specForEntity(entity);
        const QString key = latin1(spec->key);
        if (m_filePaths.contains(key))
            checkParentCycles(state, entity, QFileInfo(m_filePaths.value(key)).fileName());
    }

    if (stopHere(QStringLiteral("the reference checks")))
        return state.issues;

    // A bulk target file replaces the stored records, so only its own rows resolve a reference.
    // A delta target file adds to them, so its rows and the stored records do; without the
    // file, the stored records alone do.
    QHash<Entity, QSet<QString>> knownIds;
    QSet<QString> reported;
    for (const Reference &reference : std::as_const(state.references)) {
        const auto table = state.tables.find(reference.target);
        const bool inBundle = table != state.tables.end();
        if (!knownIds.contains(reference.target)) {
            QSet<QString> ids;
            if (inBundle) {
                const QList<QString> keys = table->second.lineById.keys();
                ids = QSet<QString>(keys.cbegin(), keys.cend());
            }
            const FileSpec *spec = specForEntity(reference.target);
            if ((!inBundle || table->second.delta) && spec) {
                auto stored = storedIds(db, latin1(spec->table), districtId);
                if (!stored)
                    state.add(makeIssue(Issue::Severity::Error, QStringLiteral("store"), {}, 0, {},
                                        {}, stored.error()));
                else
                    ids.unite(*stored);
            }
            knownIds.insert(reference.target, ids);
        }
        if (knownIds.value(reference.target).contains(reference.id))
            continue;
        const QString key = reference.file + QLatin1Char('\n') + reference.column
                            + QLatin1Char('\n') + reference.id;
        if (reported.contains(key))
            continue;
        reported.insert(key);
        const QString target = describeTarget(reference.target);
        state.add(makeIssue(Issue::Severity::Warning, QStringLiteral("unknown-reference"),
                            reference.file, reference.line, reference.column, reference.id,
                            inBundle ? QStringLiteral("No record of %1 has this sourcedId; the "
                                                      "reference is stored as given.")
                                           .arg(target)
                                     : QStringLiteral("The bundle has no %1 and the district has "
                                                      "no stored record with this sourcedId; the "
                                                      "reference is stored as given.")
                                           .arg(target)));
    }

    for (const EnrollmentRole &enrollment : std::as_const(state.enrollmentRoles)) {
        const QSet<QString> roles = state.rolesByUser.value(enrollment.userId);
        if (roles.isEmpty() || roles.contains(enrollment.role))
            continue;
        QStringList sorted(roles.cbegin(), roles.cend());
        sorted.sort();
        state.add(makeIssue(
            Issue::Severity::Warning, QStringLiteral("role-mismatch"), enrollment.file,
            enrollment.line, enrollment.column, enrollment.role,
            QStringLiteral("User %1 has the role %2 in the bundle, not %3.")
                .arg(enrollment.userId, sorted.join(QLatin1String(", ")), enrollment.role)));
    }

    if (state.unlistedIssues > 0) {
        state.issues.append(makeIssue(
            Issue::Severity::Warning, QStringLiteral("unlisted-findings"), {}, 0, {}, {},
            QStringLiteral("%1 more findings are not listed.").arg(state.unlistedIssues)));
    }

    m_errorCount = state.errorCount;
    m_validateCounts.rowsWritten = m_validateCounts.rowsRead - m_validateCounts.rowsRejected;
    qCInfo(lcInbound) << "Validated OneRoster bundle" << m_folder << "for district" << districtId
                      << ":" << m_validateCounts.rowsRead << "rows," << m_errorCount << "errors,"
                      << state.issues.size() - m_errorCount << "warnings";
    return state.issues;
}

// ---- Load ----------------------------------------------------------------------------------

namespace {

using detail::ParsedTable;

// The values of a row as the store takes them: an empty dateLastModified is the load time.
QVariantList storedValues(const ParsedRow &row, qsizetype dateColumn, const QString &loadTime)
{
    QVariantList values;
    values.reserve(row.values.size());
    for (qsizetype i = 0; i < row.values.size(); ++i) {
        const QVariant &value = row.values.at(i);
        values.append(i == dateColumn && value.isNull() ? QVariant(loadTime)
                                                        : hub::storableValue(value));
    }
    return values;
}

// Every column of the file is set again, as a replacement of the row would, in SQL that SQLite
// and PostgreSQL both accept.
QString upsertAssignments(const ParsedTable &table)
{
    QStringList assignments;
    for (const QString &column : table.columns) {
        if (column != QLatin1String("sourced_id"))
            assignments.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    return assignments.join(QLatin1String(", "));
}

// Inserts or updates the file's rows with one statement per row.
Result<void> upsertRows(const QSqlDatabase &db, qint64 districtId, const ParsedTable &table,
                        const QString &loadTime)
{
    const qsizetype dateColumn = table.columns.indexOf(QStringLiteral("date_last_modified"));
    const QStringList placeholders(table.columns.size() + 1, QStringLiteral("?"));
    const QString sql = QStringLiteral("INSERT INTO %1 (district_id, %2) VALUES (%3) "
                                       "ON CONFLICT (district_id, sourced_id) DO UPDATE SET %4")
                            .arg(table.table, table.columns.join(QLatin1String(", ")),
                                 placeholders.join(QLatin1String(", ")), upsertAssignments(table));
    QSqlQuery insert(db);
    if (!insert.prepare(sql))
        return hub::failure(QStringLiteral("Cannot prepare the insert into %1: %2")
                                .arg(table.table, insert.lastError().text()));
    for (const ParsedRow &row : table.rows) {
        insert.addBindValue(districtId);
        for (const QVariant &value : storedValues(row, dateColumn, loadTime))
            insert.addBindValue(value);
        if (!insert.exec())
            return hub::failure(QStringLiteral("Cannot store %1 %2 (line %3): %4")
                                    .arg(table.table, row.sourcedId)
                                    .arg(row.line)
                                    .arg(insert.lastError().text()));
    }
    return {};
}

// Marks the district's stored records that a bulk file does not list tobedeleted, one
// statement per record. Returns how many were marked.
Result<qint64> retireMissingRows(const QSqlDatabase &db, qint64 districtId,
                                 const ParsedTable &table, const QString &loadTime)
{
    auto stored = storedIds(db, table.table, districtId);
    if (!stored)
        return hub::failure(stored.error());
    qint64 marked = 0;
    for (const QString &id : std::as_const(*stored)) {
        if (table.lineById.contains(id))
            continue;
        auto updated = execute(db,
                               QStringLiteral("UPDATE %1 SET status = 'tobedeleted', "
                                              "date_last_modified = ? WHERE district_id = ? "
                                              "AND sourced_id = ? AND status <> 'tobedeleted'")
                                   .arg(table.table),
                               {loadTime, districtId, id});
        if (!updated)
            return hub::failure(updated.error());
        marked += updated->numRowsAffected();
    }
    return marked;
}

// PostgreSQL: copies the file's rows into a staging table with COPY FROM STDIN, then stores
// them with one INSERT ... ON CONFLICT and, for a bulk file, retires the missing records with
// one UPDATE. The staging table lives in the load's transaction. Returns how many records were
// marked tobedeleted.
Result<qint64> copyRows(const QSqlDatabase &db, qint64 districtId, const ParsedTable &table,
                        const QString &fileName, const QString &loadTime)
{
    const QString staging = QStringLiteral("load_") + table.table;
    const QString columns = table.columns.join(QLatin1String(", "));
    auto created = execute(db,
                           QStringLiteral("CREATE TEMP TABLE %1 ON COMMIT DROP AS SELECT "
                                          "district_id, %2 FROM %3 WITH NO DATA")
                               .arg(staging, columns, table.table));
    if (!created)
        return hub::failure(created.error());

    PostgresCopy copy(db, staging, QStringList{QStringLiteral("district_id")} + table.columns);
    if (auto started = copy.start(); !started)
        return hub::failure(started.error());
    const qsizetype dateColumn = table.columns.indexOf(QStringLiteral("date_last_modified"));
    for (const ParsedRow &row : table.rows) {
        auto added = copy.addRow(QVariantList{districtId} + storedValues(row, dateColumn, loadTime));
        if (!added)
            return hub::failure(added.error());
    }
    auto copied = copy.finish();
    if (!copied) {
        const qint64 failed = copy.failedRow();
        if (failed < 1 || failed > table.rows.size())
            return hub::failure(copied.error());
        const ParsedRow &row = table.rows.at(failed - 1);
        return hub::failure(QStringLiteral("Cannot store %1 line %2, sourcedId %3: %4")
                                .arg(fileName)
                                .arg(row.line)
                                .arg(row.sourcedId, copied.error()));
    }
    // Without statistics the planner guesses the staging table's size.
    if (auto analyzed = execute(db, QStringLiteral("ANALYZE %1").arg(staging)); !analyzed)
        return hub::failure(analyzed.error());

    // The first load of a district's table needs no ON CONFLICT, which costs about a third of
    // the insert (124,000 enrollments: 3.3 s with it, 2.3 s without, on a loaded 2-core VM).
    // NOTE: two first loads of one district's table at the same time then fail the second one
    // with a duplicate key error instead of merging, and nothing of it is stored.
    auto storedBefore = selectValue(
        db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE district_id = ?)").arg(table.table),
        {districtId});
    if (!storedBefore)
        return hub::failure(storedBefore.error());
    const QString onConflict
        = storedBefore->toBool()
              ? QStringLiteral(" ON CONFLICT (district_id, sourced_id) DO UPDATE SET ")
                    + upsertAssignments(table)
              : QString();
    // Rows in primary key order fill the primary key's index page by page. The same insert of
    // rows in random order took 5.8 s instead of 3.6 s.
    auto stored = execute(db,
                          QStringLiteral("INSERT INTO %1 (district_id, %2) SELECT district_id, "
                                         "%2 FROM %3 ORDER BY sourced_id%4")
                              .arg(table.table, columns, staging, onConflict));
    if (!stored)
        return hub::failure(QStringLiteral("Cannot store the rows of %1 in %2: %3")
                                .arg(fileName, table.table, stored.error()));

    qint64 marked = 0;
    if (!table.delta) {
        auto retired = execute(
            db,
            QStringLiteral("UPDATE %1 t SET status = 'tobedeleted', date_last_modified = ? "
                           "WHERE t.district_id = ? AND t.status <> 'tobedeleted' AND NOT EXISTS "
                           "(SELECT 1 FROM %2 s WHERE s.sourced_id = t.sourced_id)")
                .arg(table.table, staging),
            {loadTime, districtId});
        if (!retired)
            return hub::failure(retired.error());
        marked = retired->numRowsAffected();
    }
    if (auto dropped = execute(db, QStringLiteral("DROP TABLE %1").arg(staging)); !dropped)
        return hub::failure(dropped.error());
    return marked;
}

} // namespace

hub::Result<PhaseCounts> OneRosterBundle::load(const QSqlDatabase &db, qint64 districtId)
{
    if (!m_validation || m_validatedDistrictId != districtId)
        return hub::failure(QStringLiteral("The bundle was not validated for district %1. Call "
                                           "validate() before load().")
                                .arg(districtId));
    if (m_errorCount > 0)
        return hub::failure(QStringLiteral("Validation found %1 errors, so nothing was loaded. "
                                           "Fix the bundle and send it again.")
                                .arg(m_errorCount));

    const bool postgres = dialectOf(db) == Dialect::Postgres;
    // A load writes each table's rows and indexes in key order of sourcedIds that arrive in
    // file order, so SQLite's default page cache of 2 MiB spills pages to the WAL many times
    // over. 64 MiB keeps the working set of a statewide table in memory for the transaction.
    if (!postgres)
        (void)execute(db, QStringLiteral("PRAGMA cache_size = -65536"));

    Transaction transaction(db);
    if (!transaction.begun())
        return hub::failure(
            QStringLiteral("Cannot start the load transaction: %1").arg(db.lastError().text()));

    const QString loadTime = nowIsoUtc();
    PhaseCounts counts;
    for (const auto &[entity, table] : m_validation->tables) {
        const FileSpec *spec = specForEntity(entity);
        const QString fileName = spec ? csvName(latin1(spec->key)) : table.table;
        qint64 marked = 0;
        if (postgres) {
            auto copied = copyRows(db, districtId, table, fileName, loadTime);
            if (!copied)
                return hub::failure(copied.error());
            marked = *copied;
        } else {
            if (auto stored = upsertRows(db, districtId, table, loadTime); !stored)
                return hub::failure(stored.error());
            if (!table.delta) {
                auto retired = retireMissingRows(db, districtId, table, loadTime);
                if (!retired)
                    return hub::failure(retired.error());
                marked = *retired;
            }
        }
        counts.rowsRead += table.rows.size();
        counts.rowsWritten += table.rows.size() + marked;
        if (table.delta)
            qCInfo(lcInbound) << "Loaded" << table.rows.size() << "delta rows into" << table.table
                              << "for district" << districtId;
        else
            qCInfo(lcInbound) << "Loaded" << table.rows.size() << "rows into" << table.table
                              << "for district" << districtId << "and marked" << marked
                              << "missing rows tobedeleted";
    }

    if (auto committed = transaction.commit(); !committed)
        return hub::failure(committed.error());

    // Autovacuum analyses new rows only later. Until then a page of 100 enrollments sorted the
    // 74,000 rows after its keyset (34 ms) instead of reading 100 primary key entries.
    if (postgres) {
        for (const auto &[entity, table] : m_validation->tables) {
            Q_UNUSED(entity);
            if (table.rows.isEmpty())
                continue;
            auto analyzed = execute(db, QStringLiteral("ANALYZE %1").arg(table.table));
            // The rows are stored already, so a failed ANALYZE only leaves the planner guessing.
            if (!analyzed)
                qCWarning(lcInbound) << "Could not analyse" << table.table << "after the load of"
                                     << "district" << districtId << ":" << analyzed.error();
        }
    }
    return counts;
}

hub::Result<QList<Retirement>> OneRosterBundle::retirements(const QSqlDatabase &db,
                                                            qint64 districtId) const
{
    if (!m_validation || m_validatedDistrictId != districtId)
        return hub::failure(
            QStringLiteral("The bundle was not validated for district %1.").arg(districtId));

    QList<Retirement> result;
    for (const auto &[entity, table] : m_validation->tables) {
        auto query = execute(db,
                             QStringLiteral("SELECT sourced_id FROM %1 WHERE district_id = ? AND "
                                            "status <> 'tobedeleted'")
                                 .arg(table.table),
                             {districtId});
        if (!query)
            return hub::failure(query.error());
        Retirement retirement;
        retirement.table = table.table;
        QSet<QString> retiredByDelta;
        if (table.delta) {
            const qsizetype statusColumn = table.columns.indexOf(QStringLiteral("status"));
            for (const ParsedRow &row : table.rows) {
                if (statusColumn >= 0
                    && row.values.at(statusColumn).toString() == QLatin1String("tobedeleted"))
                    retiredByDelta.insert(row.sourcedId);
            }
        }
        while (query->next()) {
            const QString id = query->value(0).toString();
            ++retirement.stored;
            const bool retired
                = table.delta ? retiredByDelta.contains(id) : !table.lineById.contains(id);
            if (retired)
                ++retirement.retiring;
        }
        result.append(retirement);
    }
    return result;
}

} // namespace hub::inbound
