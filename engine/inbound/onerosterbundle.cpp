// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterbundle.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "csvreader.h"
#include "onerosterfilevalidator.h"
#include "onerosterschema.h"
#include "onerosterwriter.h"
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
    if (!info.isDir() && !looksLikeZip(path))
        return hub::failure(QStringLiteral("%1 is not a zip file. The OneRoster bundle integration "
                                           "takes a zip of the bundle's CSV files or one OneRoster "
                                           "XML file.")
                                .arg(path));
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
    bundle.m_workDir = QDir(workDir).absolutePath();

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

// Reports each cycle of parentSourcedId links among the rows of one file once, on the row of
// the cycle that comes first in the file. A record that is its own parent is a cycle too.
void checkParentCycles(ValidationState &state, Entity entity, const QString &fileName)
{
    const auto found = state.tables.find(entity);
    if (found == state.tables.end())
        return;
    const detail::TableKeys &table = found->second;
    const auto lineOf = [&](const QString &id) {
        const quint32 index = table.ids.findExact(id.toUtf8());
        return index == detail::IdSet::npos ? qint64(0) : table.ids.lineAt(index);
    };

    enum Mark { OnPath = 1, Done = 2 };
    QHash<QString, int> marks;
    for (const QString &rowId : table.order) {
        QStringList path;
        QString id = rowId;
        while (!id.isEmpty() && !marks.contains(id)) {
            marks.insert(id, OnPath);
            path.append(id);
            id = table.parentOf.value(id);
        }
        if (!id.isEmpty() && marks.value(id) == OnPath) {
            QStringList cycle = path.mid(path.indexOf(id));
            qsizetype first = 0;
            for (qsizetype i = 1; i < cycle.size(); ++i) {
                if (lineOf(cycle.at(i)) < lineOf(cycle.at(first)))
                    first = i;
            }
            std::rotate(cycle.begin(), cycle.begin() + first, cycle.end());
            const QString start = cycle.first();
            cycle.append(start);
            state.add(makeIssue(Issue::Severity::Error, QStringLiteral("parent-cycle"), fileName,
                                lineOf(start), QStringLiteral("parentSourcedId"),
                                table.parentOf.value(start),
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
        m_validation->db = QSqlDatabase();
        qCInfo(lcInbound) << "Validation of" << m_folder << "stopped on request before" << before;
        return true;
    };
    Validation &state = *m_validation;
    state.db = db;
    state.districtId = districtId;
    state.spillFolder = QDir(m_workDir).filePath(QStringLiteral("validated"));
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

    // The references were checked while the files were read. Their findings follow those of the
    // files, in the order of the rows that made them.
    for (const Reference &reference : std::as_const(state.unknownReferences)) {
        const bool inBundle = state.tables.find(reference.target) != state.tables.end();
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
    state.unlistedIssues += state.unlistedReferences;

    for (const EnrollmentRole &enrollment : std::as_const(state.roleMismatches)) {
        state.add(makeIssue(
            Issue::Severity::Warning, QStringLiteral("role-mismatch"), enrollment.file,
            enrollment.line, enrollment.column, enrollment.role,
            QStringLiteral("User %1 has the role %2 in the bundle, not %3.")
                .arg(enrollment.userId, enrollment.roles.join(QLatin1String(", ")),
                     enrollment.role)));
    }
    state.unlistedIssues += state.unlistedRoleMismatchLines.size();

    // The keys that load() needs stay; what only validation needed goes.
    state.db = QSqlDatabase();
    state.storedIds.clear();
    state.reportedReferences.clear();
    state.unlistedReferenceKeys.clear();
    state.unknownReferences.clear();
    state.roleMismatches.clear();
    state.unlistedRoleMismatchLines.clear();
    state.roles = detail::RoleBook();

    if (state.unlistedIssues > 0) {
        state.issues.append(makeIssue(
            Issue::Severity::Warning, QStringLiteral("unlisted-findings"), {}, 0, {}, {},
            QStringLiteral("%1 more findings are not listed.").arg(state.unlistedIssues)));
    }

    m_errorCount = state.errorCount;
    m_unlistedCount = state.unlistedIssues;
    m_validateCounts.rowsWritten = m_validateCounts.rowsRead - m_validateCounts.rowsRejected;
    qCInfo(lcInbound) << "Validated OneRoster bundle" << m_folder << "for district" << districtId
                      << ":" << m_validateCounts.rowsRead << "rows," << m_errorCount << "errors,"
                      << state.issues.size() - m_errorCount << "warnings";
    return state.issues;
}

// ---- Load ----------------------------------------------------------------------------------

namespace {

using detail::SpillReader;
using detail::SpillRow;
using detail::TableKeys;
using detail::TableWriter;

// Turns SQLite's foreign key checks off for the life of the object, when they are on and no
// transaction is open, because SQLite ignores the pragma inside a transaction. A load checks the
// one foreign key of its tables, district_id, once instead of once per row. Per row, the checks
// were 9% of the instructions of the inserts (callgrind, 5-school bundle).
// NOTE: a migration that gives these tables another foreign key must check it in load().
class ForeignKeyPause
{
public:
    explicit ForeignKeyPause(const QSqlDatabase &db)
        : m_db(db)
    {
        if (!m_db.isValid())
            return;
        auto enabled = selectValue(m_db, QStringLiteral("PRAGMA foreign_keys"));
        if (!enabled || enabled->toInt() != 1)
            return;
        (void)execute(m_db, QStringLiteral("PRAGMA foreign_keys = OFF"));
        auto now = selectValue(m_db, QStringLiteral("PRAGMA foreign_keys"));
        m_paused = now && now->toInt() == 0;
    }
    ~ForeignKeyPause()
    {
        if (m_paused)
            (void)execute(m_db, QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    Q_DISABLE_COPY_MOVE(ForeignKeyPause)

    bool paused() const { return m_paused; }

private:
    QSqlDatabase m_db;
    bool m_paused = false;
};

// Stores the validated rows of one table. Returns how many stored records it marked
// tobedeleted.
hub::Result<qint64> loadTable(const QSqlDatabase &db, qint64 districtId, Entity entity,
                              const TableKeys &table, const QString &loadTime)
{
    const FileSpec *tableSpec = specForEntity(entity);
    const QString fileName = tableSpec ? csvName(latin1(tableSpec->key)) : table.table;
    if (!table.spill || !table.spill->seek(0))
        return hub::failure(QStringLiteral("The validated rows of %1 cannot be read again, so "
                                           "nothing was loaded. Send the bundle again.")
                                .arg(table.fileName));

    TableWriter::Target target{table.table, table.columns, table.delta, fileName, loadTime,
                               districtId};
    const std::unique_ptr<TableWriter> writer = TableWriter::create(db, target);
    if (auto begun = writer->begin(); !begun)
        return hub::failure(begun.error());

    // Reads the rows in file order, without the derived user roles that validation skipped.
    const auto readRows = [&](const std::function<hub::Result<bool>(const SpillRow &)> &sink)
        -> hub::Result<qint64> {
        if (!table.spill->seek(0))
            return hub::failure(table.spill->errorString());
        SpillReader reader(table.spill.get());
        SpillRow row;
        qint64 count = 0;
        for (;;) {
            auto read = reader.next(row);
            if (!read)
                return hub::failure(read.error());
            if (!*read)
                return count;
            if (!table.skippedDerived.isEmpty()
                && table.skippedDerived.value(row.line)
                       .contains(QString::fromUtf8(row.values.value(0).text)))
                continue;
            ++count;
            auto more = sink(row);
            if (!more)
                return hub::failure(more.error());
            if (!*more)
                return count;
        }
    };
    auto written = readRows([&](const SpillRow &row) -> hub::Result<bool> {
        if (auto stored = writer->write(row); !stored)
            return hub::failure(stored.error());
        return true;
    });
    if (!written)
        return hub::failure(written.error());

    auto marked = writer->finish();
    if (!marked && writer->failedRow() > 0) {
        // Name the row that the store rejected: read the rows again up to it.
        SpillRow failed;
        (void)readRows([&, index = qint64(0)](const SpillRow &row) mutable -> hub::Result<bool> {
            if (++index < writer->failedRow())
                return true;
            failed.line = row.line;
            failed.values = row.values;
            return false;
        });
        if (failed.line > 0)
            return hub::failure(QStringLiteral("Cannot store %1 line %2, sourcedId %3: %4")
                                    .arg(fileName)
                                    .arg(failed.line)
                                    .arg(QString::fromUtf8(failed.values.value(0).text),
                                         marked.error()));
    }
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

    if (m_validation->keysReleased)
        return hub::failure(QStringLiteral("The bundle was loaded already. Validate it again "
                                           "before another load."));
    // The load needs only the files of validated rows, so the sourcedIds go before SQLite's
    // page cache and index sorts take their memory.
    m_validation->releaseKeys();

    const bool postgres = dialectOf(db) == Dialect::Postgres;
    // A load writes each table's rows and indexes in key order of sourcedIds that arrive in
    // file order, so SQLite's default page cache of 2 MiB spills pages to the WAL many times
    // over. 64 MiB keeps the working set of a statewide table in memory for the transaction.
    if (!postgres)
        (void)execute(db, QStringLiteral("PRAGMA cache_size = -65536"));
    // Declared before the transaction, so that it turns the checks back on after the commit or
    // the rollback.
    const ForeignKeyPause foreignKeys(postgres ? QSqlDatabase() : db);

    Transaction transaction(db);
    if (!transaction.begun())
        return hub::failure(
            QStringLiteral("Cannot start the load transaction: %1").arg(db.lastError().text()));
    if (foreignKeys.paused()) {
        // The only foreign key of the OneRoster tables is district_id. BEGIN IMMEDIATE takes the
        // write lock, so no other connection can delete the district before the commit.
        auto district = selectValue(
            db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM districts WHERE id = ?)"),
            {districtId});
        if (!district)
            return hub::failure(district.error());
        if (!district->toBool())
            return hub::failure(QStringLiteral("District %1 was not found, so nothing was "
                                               "loaded.")
                                    .arg(districtId));
    }

    const QString loadTime = nowIsoUtc();
    PhaseCounts counts;
    for (const auto &[entity, table] : m_validation->tables) {
        auto marked = loadTable(db, districtId, entity, table, loadTime);
        if (!marked)
            return hub::failure(marked.error());
        counts.rowsRead += table.rows;
        counts.rowsWritten += table.rows + *marked;
        if (table.delta)
            qCInfo(lcInbound) << "Loaded" << table.rows << "delta rows into" << table.table
                              << "for district" << districtId;
        else
            qCInfo(lcInbound) << "Loaded" << table.rows << "rows into" << table.table
                              << "for district" << districtId << "and marked" << *marked
                              << "missing rows tobedeleted";
    }

    if (auto committed = transaction.commit(); !committed)
        return hub::failure(committed.error());

    // Autovacuum analyses new rows only later. Until then a page of 100 enrollments sorted the
    // 74,000 rows after its keyset (34 ms) instead of reading 100 primary key entries.
    if (postgres) {
        for (const auto &[entity, table] : m_validation->tables) {
            Q_UNUSED(entity);
            if (table.rows == 0)
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
    if (m_validation->keysReleased)
        return hub::failure(QStringLiteral("The bundle was loaded already, so its sourcedIds "
                                           "are gone. Count the retirements before load()."));

    QList<Retirement> result;
    for (const auto &[entity, table] : m_validation->tables) {
        Q_UNUSED(entity);
        auto query = execute(db,
                             QStringLiteral("SELECT sourced_id FROM %1 WHERE district_id = ? AND "
                                            "status <> 'tobedeleted'")
                                 .arg(table.table),
                             {districtId});
        if (!query)
            return hub::failure(query.error());
        Retirement retirement;
        retirement.table = table.table;
        // NOTE: apart from the ids of tables that other files reference, the file's ids are
        // kept as 64-bit hashes. A stored id whose hash equals that of a different id of the
        // file counts as listed, so the guard may count one record fewer than load() retires.
        // For a million ids on each side the chance is about 1 in 18 million.
        const auto hashed = [](const std::vector<quint64> &hashes, const QByteArray &id) {
            return std::binary_search(hashes.cbegin(), hashes.cend(), detail::hashBytes(id));
        };
        while (query->next()) {
            const QByteArray id = query->value(0).toString().toUtf8();
            ++retirement.stored;
            bool retired = false;
            if (table.delta)
                retired = hashed(table.retiredHashes, id);
            else if (table.exact)
                retired = table.ids.findExact(id) == detail::IdSet::npos;
            else
                retired = !hashed(table.idHashes, id);
            if (retired)
                ++retirement.retiring;
        }
        result.append(retirement);
    }
    return result;
}

} // namespace hub::inbound
