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

#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <utility>

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
using detail::TableKeys;
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
    // Set once validateAndLoad() freed the sourcedId hashes that only retirements() needs.
    bool hashesReleased = false;
};

namespace {

// A file of validated rows that validation still writes and that the loading thread of
// validateAndLoad() reads while it grows. Guarded by the mutex of OneRosterBundle::Handoff.
struct SpillStream
{
    QString path;
    // The bytes that the reader may read. They end between two rows.
    qint64 flushed = 0;
    bool finished = false;
};

} // namespace

// The tables, retirements and signals that the validating thread of validateAndLoad() passes
// to the loading thread. The mutex guards ready, validationDone, validateEnded and the
// SpillStreams. The other members belong to the validating thread until validationDone is set.
struct OneRosterBundle::Handoff
{
    struct Queued
    {
        Entity entity = Entity::None;
        const detail::TableKeys *table = nullptr;
        // Set for a table whose rows the loader reads while validation writes them.
        std::shared_ptr<SpillStream> stream;
    };

    std::mutex mutex;
    std::condition_variable changed;
    // Tables that the loading thread has not taken yet, in load order.
    std::deque<Queued> ready;
    bool validationDone = false;
    QDateTime validateEnded;

    // Set by the loading thread to stop validation after a stop request or a failed write.
    std::atomic<bool> stop{false};
    // Set by the validating thread once it found an Error, so that the writes stop.
    std::atomic<bool> errorFound{false};

    // The tables whose file was validated and whose retirements were counted.
    std::set<Entity> finished;
    std::map<Entity, std::shared_ptr<SpillStream>> streams;
    QList<Retirement> retirements;
    // The error of a failed read of the store on the validating thread, or empty.
    QString readError;
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

// Returns a sentence naming a record whose sourcedId differs from the reference's only in case,
// or an empty string. It looks in the target file's accepted ids and in the stored ids that
// checkReference() read, so it costs no query.
QString caseVariantHint(const ValidationState &state, const detail::Reference &reference)
{
    const QByteArray id = reference.id.toUtf8();
    const auto table = state.tables.find(reference.target);
    if (table != state.tables.end()) {
        const quint32 index = table->second.ids.findFolded(id);
        if (index != detail::IdSet::npos)
            return QStringLiteral(" %1 has the sourcedId %2, which differs only in case; write "
                                  "the reference as %2 if it means that record.")
                .arg(table->second.fileName, QString::fromUtf8(table->second.ids.idAt(index)));
    }
    // A bulk target file replaces the stored records, so they resolve no reference.
    if (table != state.tables.end() && !table->second.delta)
        return {};
    const auto stored = state.storedIds.find(reference.target);
    if (stored != state.storedIds.end()) {
        const quint32 index = stored->second.findFolded(id);
        if (index != detail::IdSet::npos)
            return QStringLiteral(" The district has the stored sourcedId %1, which differs only "
                                  "in case; write the reference as %1 if it means that record.")
                .arg(QString::fromUtf8(stored->second.idAt(index)));
    }
    return {};
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
    return validateFiles(db, districtId, stopRequested, nullptr);
}

QList<Issue> OneRosterBundle::validateFiles(const QSqlDatabase &db, qint64 districtId,
                                            const std::function<bool()> &stopRequested,
                                            Handoff *handoff)
{
    m_validation = std::make_unique<Validation>();
    m_validateCounts = {};
    m_validatedDistrictId = districtId;
    m_stopped = false;
    m_errorCount = 0;
    // where is "before FILE" or "while reading FILE".
    const auto stopHere = [&](const QString &where) {
        if (!m_validation->stopped && (!stopRequested || !stopRequested()))
            return false;
        m_stopped = true;
        // The Errors found so far, which a run whose load failed still reports.
        m_errorCount = m_validation->errorCount;
        m_validatedDistrictId = -1;
        m_validation->db = QSqlDatabase();
        m_validation->stopRequested = {};
        m_validation->fileStarted = {};
        qCInfo(lcInbound).noquote() << "Validation of" << m_folder << "stopped on request" << where;
        return true;
    };
    Validation &state = *m_validation;
    state.db = db;
    state.districtId = districtId;
    state.stopRequested = stopRequested;
    if (handoff) {
        // The load counts the records that a bulk file retires, so only the sourcedIds of the
        // files that others reference and the retiring ids of delta files need keeping.
        state.keepIdHashes = false;
        // The loading thread stores each file's rows while validation still reads the file.
        state.fileStarted = [handoff, &state](Entity entity, TableKeys &table,
                                              detail::SpillWriter &rows) {
            auto stream = std::make_shared<SpillStream>();
            stream->path = rows.fileName();
            if (stream->path.isEmpty())
                return;
            rows.setFlushed([handoff, stream, &state](qint64 bytes) {
                if (state.errorCount > 0)
                    handoff->errorFound = true;
                {
                    const std::lock_guard lock(handoff->mutex);
                    stream->flushed = bytes;
                }
                handoff->changed.notify_all();
            });
            handoff->streams[entity] = stream;
            {
                const std::lock_guard lock(handoff->mutex);
                handoff->ready.push_back({entity, &table, stream});
            }
            handoff->changed.notify_all();
        };
    }
    state.spillFolder = QDir(m_workDir).filePath(QStringLiteral("validated"));
    state.cleanRows = m_readsCleanRows;
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
        if (stopHere(QStringLiteral("before %1").arg(csvName(key))))
            return state.issues;
        if (spec.entity == Entity::Roles && version < 12) {
            state.add(makeIssue(Issue::Severity::Warning, QStringLiteral("ignored-file"),
                                csvName(key), 0, {}, {},
                                QStringLiteral("roles.csv is OneRoster 1.2; in a %1 bundle the "
                                               "roles come from users.csv, so it is ignored.")
                                    .arg(m_version)));
            continue;
        }
        if (m_beforeFile)
            m_beforeFile(csvName(key));
        const bool delta = m_manifestModes.value(key) == QLatin1String("delta");
        FileValidator validator(spec, version, QFileInfo(m_filePaths.value(key)).fileName(), delta,
                                state);
        m_validateCounts.bytes += validator.run(m_filePaths.value(key), m_validateCounts.rowsRead,
                                                m_validateCounts.rowsRejected);
        if (state.stopped) {
            stopHere(QStringLiteral("while reading %1").arg(csvName(key)));
            return state.issues;
        }
        if (handoff)
            handOverTables(db, districtId, *handoff);
    }

    for (const Entity entity : {Entity::Orgs, Entity::AcademicSessions}) {
        const FileSpec *spec = specForEntity(entity);
        const QString key = latin1(spec->key);
        if (m_filePaths.contains(key))
            checkParentCycles(state, entity, QFileInfo(m_filePaths.value(key)).fileName());
    }

    if (stopHere(QStringLiteral("before the reference checks")))
        return state.issues;

    // The references were checked while the files were read. Their findings follow those of the
    // files, in the order of the rows that made them.
    for (const Reference &reference : std::as_const(state.unknownReferences)) {
        const auto table = state.tables.find(reference.target);
        const bool inBundle = table != state.tables.end();
        const QString target = describeTarget(reference.target);
        const quint32 rejected = inBundle
                                     ? table->second.rejectedIds.findExact(reference.id.toUtf8())
                                     : detail::IdSet::npos;
        QString message;
        if (rejected != detail::IdSet::npos) {
            message = detail::rejectedRecordMessage(table->second.fileName,
                                                    table->second.rejectedIds.lineAt(rejected));
        } else if (inBundle) {
            message = QStringLiteral("No record of %1 has this sourcedId; the reference is "
                                     "stored as given.")
                          .arg(target);
        } else {
            message = QStringLiteral("The bundle has no %1 and the district has no stored "
                                     "record with this sourcedId; the reference is stored as "
                                     "given.")
                          .arg(target);
        }
        if (rejected == detail::IdSet::npos)
            message += caseVariantHint(state, reference);
        state.add(makeIssue(Issue::Severity::Warning, QStringLiteral("unknown-reference"),
                            reference.file, reference.line, reference.column, reference.id,
                            message));
    }
    state.unlistedIssues += state.unlistedReferences;
    for (auto &[entity, table] : state.tables) {
        Q_UNUSED(entity);
        table.rejectedIds = detail::IdSet();
    }

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
    state.stopRequested = {};
    state.fileStarted = {};
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
    m_cleanRowCount = state.cleanRowCount;
    m_validateCounts.rowsWritten = m_validateCounts.rowsRead - m_validateCounts.rowsRejected;
    qCInfo(lcInbound) << "Validated OneRoster bundle" << m_folder << "for district" << districtId
                      << ":" << m_validateCounts.rowsRead << "rows," << m_errorCount << "errors,"
                      << state.issues.size() - m_errorCount << "warnings;" << m_cleanRowCount
                      << "rows stored from their bytes";
    return state.issues;
}

// ---- Load ----------------------------------------------------------------------------------

namespace {

using detail::SpillReader;
using detail::SpillRow;
using detail::TableKeys;
using detail::TableWriter;

// How often a load that can be stopped checks for a stop request, in rows.
constexpr qint64 kStopCheckRows = 4096;

// Reads a SpillStream while validation writes it. A read waits until more rows were flushed or
// the file is finished, and checks every 50 ms whether the load must stop. The device ends
// early, with stopped() true, when the load must stop or when validation ended without
// finishing the file.
class SpillTail final : public QIODevice
{
public:
    // readToEnd, when set, is called on the reading thread once the finished file was read to
    // its end.
    SpillTail(std::shared_ptr<SpillStream> stream, std::mutex &mutex,
              std::condition_variable &changed, const bool &validationDone,
              std::function<bool()> mustStop, std::function<void()> readToEnd)
        : m_stream(std::move(stream))
        , m_file(m_stream->path)
        , m_mutex(mutex)
        , m_changed(changed)
        , m_validationDone(validationDone)
        , m_mustStop(std::move(mustStop))
        , m_readToEnd(std::move(readToEnd))
    {}

    bool open(OpenMode mode) override
    {
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            setErrorString(m_file.errorString());
            return false;
        }
        return QIODevice::open(mode | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    bool stopped() const { return m_stopped; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        using namespace std::chrono_literals;
        for (;;) {
            qint64 available = 0;
            bool finished = false;
            bool abandoned = false;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait_for(lock, 50ms, [&] {
                    return m_stream->flushed > m_position || m_stream->finished
                           || m_validationDone;
                });
                available = m_stream->flushed - m_position;
                finished = m_stream->finished;
                abandoned = !finished && m_validationDone;
            }
            if (available > 0) {
                const qint64 read = m_file.read(data, qMin(maxSize, available));
                if (read < 0)
                    setErrorString(m_file.errorString());
                else
                    m_position += read;
                return read;
            }
            if (finished) {
                if (m_readToEnd)
                    std::exchange(m_readToEnd, {})();
                return -1;
            }
            if (abandoned || m_mustStop()) {
                m_stopped = true;
                return -1;
            }
        }
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::shared_ptr<SpillStream> m_stream;
    QFile m_file;
    std::mutex &m_mutex;
    std::condition_variable &m_changed;
    const bool &m_validationDone;
    std::function<bool()> m_mustStop;
    std::function<void()> m_readToEnd;
    qint64 m_position = 0;
    bool m_stopped = false;
};

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

// Stores the validated rows of one table, from tail when it is set and else from the table's
// file of validated rows. Returns how many stored records it marked tobedeleted and sets stored
// to the rows it inserted or changed. stopRequested, when set, is called every kStopCheckRows
// rows. Once it returns true, the table is left unfinished and *stopped is set, so the caller
// must roll back.
hub::Result<qint64> loadTable(const QSqlDatabase &db, qint64 districtId, Entity entity,
                              const TableKeys &table, const QString &loadTime, qint64 &stored,
                              const std::function<bool()> &stopRequested = {},
                              bool *stopped = nullptr, SpillTail *tail = nullptr)
{
    const FileSpec *tableSpec = specForEntity(entity);
    const QString fileName = tableSpec ? csvName(latin1(tableSpec->key)) : table.table;
    if (!tail && (!table.spill || !table.spill->seek(0)))
        return hub::failure(QStringLiteral("The validated rows of %1 cannot be read again, so "
                                           "nothing was loaded. Send the bundle again.")
                                .arg(table.fileName));

    TableWriter::Target target{table.table, table.columns, table.delta,  fileName,
                               loadTime,    districtId,    table.derived};
    const std::unique_ptr<TableWriter> writer = TableWriter::create(db, target);
    if (auto begun = writer->begin(); !begun)
        return hub::failure(begun.error());

    // Reads the rows in file order, without the derived user roles that validation skipped.
    const auto readRows = [&](const std::function<hub::Result<bool>(const SpillRow &)> &sink)
        -> hub::Result<qint64> {
        if (tail) {
            // A tail is read once, as validation writes it.
            if (tail->isOpen())
                return hub::failure(QStringLiteral("The rows of %1 were read already.")
                                        .arg(fileName));
            if (!tail->open(QIODevice::ReadOnly))
                return hub::failure(QStringLiteral("Cannot read the validated rows of %1: %2")
                                        .arg(fileName, tail->errorString()));
        } else if (!table.spill->seek(0)) {
            return hub::failure(table.spill->errorString());
        }
        SpillReader reader(tail ? static_cast<QIODevice *>(tail) : table.spill.get());
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
    qint64 sinceCheck = 0;
    bool stopping = false;
    auto written = readRows([&](const SpillRow &row) -> hub::Result<bool> {
        if (stopRequested && ++sinceCheck == kStopCheckRows) {
            sinceCheck = 0;
            if (stopRequested()) {
                stopping = true;
                return false;
            }
        }
        if (auto stored = writer->write(row); !stored)
            return hub::failure(stored.error());
        return true;
    });
    if (tail && tail->stopped())
        stopping = true;
    if (!written && !stopping)
        return hub::failure(written.error());
    if (stopping) {
        if (stopped)
            *stopped = true;
        return hub::failure(QStringLiteral("The load of %1 stopped on request.").arg(fileName));
    }

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
    stored = writer->rowsStored();
    if (marked && table.derived && writer->replacedStored() && stored + *marked > 0) {
        // OneRoster 1.1 shows a user's role and orgs in the user record, so a reload that changed
        // or retired a role users.csv implies gives the user the load time as dateLastModified.
        // Vendors that ask for the users changed since their last sync then get the user again.
        auto touched = execute(
            db,
            QStringLiteral("UPDATE users SET date_last_modified = ? WHERE district_id = ? AND "
                           "date_last_modified IS DISTINCT FROM ? AND sourced_id IN (SELECT "
                           "user_sourced_id FROM user_roles WHERE district_id = ? AND "
                           "date_last_modified = ?)"),
            {loadTime, districtId, loadTime, districtId, loadTime});
        if (!touched)
            return hub::failure(QStringLiteral("Cannot give the users of the changed roles of %1 "
                                               "a new dateLastModified: %2")
                                    .arg(table.fileName, touched.error()));
        // The users count as written. A user whose own row changed in this load has the load
        // time already, so it is not counted twice.
        stored += touched->numRowsAffected();
        qCInfo(lcInbound) << "Gave" << touched->numRowsAffected()
                          << "users whose roles changed the load time as dateLastModified in "
                             "district"
                          << districtId;
    }
    return marked;
}

// Counts the district's stored records of the table that are not yet tobedeleted, and those of
// them that a load of the table marks tobedeleted.
hub::Result<Retirement> countRetirement(const QSqlDatabase &db, qint64 districtId,
                                        const TableKeys &table)
{
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
    return retirement;
}

// Counts the district's stored records of the table that are not yet tobedeleted, and leaves
// Retirement::retiring at -1 for the load to fill in.
hub::Result<Retirement> countStored(const QSqlDatabase &db, qint64 districtId,
                                    const TableKeys &table)
{
    auto stored = selectValue(db,
                              QStringLiteral("SELECT count(*) FROM %1 WHERE district_id = ? AND "
                                             "status <> 'tobedeleted'")
                                  .arg(table.table),
                              {districtId});
    if (!stored)
        return hub::failure(stored.error());
    Retirement retirement;
    retirement.table = table.table;
    retirement.stored = stored->toLongLong();
    retirement.retiring = -1;
    return retirement;
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
        qint64 stored = 0;
        auto marked = loadTable(db, districtId, entity, table, loadTime, stored);
        if (!marked)
            return hub::failure(marked.error());
        counts.rowsRead += table.rows;
        counts.rowsWritten += stored + *marked;
        counts.rowsMarked += *marked;
        if (table.delta)
            qCInfo(lcInbound) << "Loaded" << table.rows << "delta rows into" << table.table
                              << "for district" << districtId << "and wrote" << stored
                              << "of them as new or changed";
        else
            qCInfo(lcInbound) << "Loaded" << table.rows << "rows into" << table.table
                              << "for district" << districtId << "and wrote" << stored
                              << "of them as new or changed; marked" << *marked
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

    if (m_validation->hashesReleased)
        return hub::failure(QStringLiteral("validateAndLoad() counted the retirements already "
                                           "and freed the sourcedIds they need."));

    QList<Retirement> result;
    for (const auto &[entity, table] : m_validation->tables) {
        Q_UNUSED(entity);
        auto retirement = countRetirement(db, districtId, table);
        if (!retirement)
            return hub::failure(retirement.error());
        result.append(*retirement);
    }
    return result;
}

// ---- Validate and load in one pass ---------------------------------------------------------

bool OneRosterBundle::canOverlapLoad(const QSqlDatabase &db)
{
    if (!db.isOpen() || dialectOf(db) != Dialect::Sqlite || db.databaseName().isEmpty())
        return false;
    // An in-memory database never reports wal.
    auto mode = selectValue(db, QStringLiteral("PRAGMA journal_mode"));
    return mode && mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
}

OverlappedLoad OneRosterBundle::validateAndLoad(const QSqlDatabase &db, qint64 districtId,
                                                const std::function<bool()> &stopRequested,
                                                const CommitDecision &decideCommit,
                                                const std::function<void()> &loadStarting)
{
    OverlappedLoad result;
    if (stopRequested && stopRequested()) {
        m_validation.reset();
        m_validateCounts = {};
        m_validatedDistrictId = -1;
        m_stopped = true;
        qCInfo(lcInbound) << "Validation of" << m_folder << "stopped on request before it began";
        return result;
    }
    Handoff handoff;
    static std::atomic<quint64> readerCount{0};
    const QString readerName
        = QStringLiteral("hub-inbound-validate-%1").arg(readerCount.fetch_add(1) + 1);
    const QString writerName = db.connectionName();

    const std::unique_ptr<QThread> validator(QThread::create([&] {
        {
            // In WAL mode this connection reads the store as it was committed before the load
            // transaction, which is what the references and the retirements are checked against.
            QSqlDatabase reader = QSqlDatabase::cloneDatabase(writerName, readerName);
            if (reader.open()) {
                (void)execute(reader, QStringLiteral("PRAGMA query_only = ON"));
                result.issues = validateFiles(
                    reader, districtId, [&] { return handoff.stop.load(); }, &handoff);
                // Only this thread sets m_stopped until validationDone is set.
                result.validationFinished = !m_stopped;
                if (m_validation)
                    m_validation->db = QSqlDatabase();
            } else {
                handoff.readError = QStringLiteral("Cannot open a second connection to %1 to "
                                                   "validate the bundle while it loads: %2")
                                        .arg(reader.databaseName(), reader.lastError().text());
            }
            reader.close();
        }
        QSqlDatabase::removeDatabase(readerName);
        {
            const std::lock_guard lock(handoff.mutex);
            handoff.validateEnded = QDateTime::currentDateTimeUtc();
            handoff.validationDone = true;
        }
        handoff.changed.notify_all();
    }));
    validator->start();
    loadHandedOver(db, districtId, stopRequested, decideCommit, loadStarting, handoff, result);
    validator->wait();
    result.validateEnded = handoff.validateEnded;
    return result;
}

void OneRosterBundle::handOverTables(const QSqlDatabase &reader, qint64 districtId,
                                     Handoff &handoff)
{
    if (m_validation->errorCount > 0)
        handoff.errorFound = true;
    for (auto &[entity, table] : m_validation->tables) {
        if (handoff.finished.count(entity) > 0)
            continue;
        handoff.finished.insert(entity);
        const auto streamed = handoff.streams.find(entity);
        {
            const std::lock_guard lock(handoff.mutex);
            if (streamed != handoff.streams.end()) {
                SpillStream &stream = *streamed->second;
                if (table.spill)
                    stream.flushed = table.spill->size();
                stream.finished = true;
            } else {
                handoff.ready.push_back({entity, &table, {}});
            }
        }
        handoff.changed.notify_all();

        // The loading thread reads only the table's rows file and its description, so the
        // hashes, which only the retirement count needs, can go while it loads. For a bulk file
        // without exact ids, the load fills in the records it marked tobedeleted.
        if (handoff.readError.isEmpty()) {
            auto retirement = table.exact || table.delta
                                  ? countRetirement(reader, districtId, table)
                                  : countStored(reader, districtId, table);
            if (retirement)
                handoff.retirements.append(*retirement);
            else
                handoff.readError = retirement.error();
        }
        std::vector<quint64>().swap(table.idHashes);
        std::vector<quint64>().swap(table.retiredHashes);
    }
    m_validation->hashesReleased = true;
}

void OneRosterBundle::loadHandedOver(const QSqlDatabase &db, qint64 districtId,
                                     const std::function<bool()> &stopRequested,
                                     const CommitDecision &decideCommit,
                                     const std::function<void()> &loadStarting, Handoff &handoff,
                                     OverlappedLoad &result)
{
    using namespace std::chrono_literals;
    bool stopRequestSeen = false;
    // Whether the writes must end: validation found an Error, a write failed or a stop was
    // requested. Only this thread calls stopRequested.
    const auto mustStop = [&] {
        if (handoff.errorFound || handoff.stop)
            return true;
        if (stopRequested && stopRequested()) {
            stopRequestSeen = true;
            handoff.stop = true;
            return true;
        }
        return false;
    };
    // Takes the next validated table, waiting in steps of 50 ms that check for a stop. Returns
    // false once validation ended and every table was taken, or when the writes must end.
    const auto nextTable = [&](Handoff::Queued &next) {
        for (;;) {
            bool dequeued = false;
            {
                std::unique_lock lock(handoff.mutex);
                handoff.changed.wait_for(lock, 50ms, [&] {
                    return !handoff.ready.empty() || handoff.validationDone;
                });
                if (!handoff.ready.empty()) {
                    next = handoff.ready.front();
                    handoff.ready.pop_front();
                    dequeued = true;
                } else if (handoff.validationDone) {
                    return false;
                }
            }
            if (mustStop())
                return false;
            if (dequeued)
                return true;
        }
    };

    // load() gives SQLite's page cache 64 MiB. While validation reads a large file beside the
    // load, the cache gets 16 MiB: with 64 MiB throughout, the peak resident memory of a
    // statewide bundle (SCHOOLS=700 tests/benchmarks/import-bench.sh) was 552 MiB, above the
    // 500 MB target. The keys of enrollments.csv are most of validation's memory, so the cache
    // grows once that file was read to its end, before its deferred index builds, or once
    // validation ended.
    (void)execute(db, QStringLiteral("PRAGMA cache_size = -16384"));
    bool fullCache = false;
    const auto growCache = [&] {
        if (fullCache)
            return;
        (void)execute(db, QStringLiteral("PRAGMA cache_size = -65536"));
        fullCache = true;
    };
    const auto growCacheAfterValidation = [&] {
        bool done = false;
        {
            const std::lock_guard lock(handoff.mutex);
            done = handoff.validationDone;
        }
        if (done)
            growCache();
    };
    const ForeignKeyPause foreignKeys(db);
    std::optional<Transaction> transaction;
    const auto beginTransaction = [&]() -> hub::Result<void> {
        if (loadStarting)
            loadStarting();
        transaction.emplace(db);
        if (!transaction->begun())
            return hub::failure(QStringLiteral("Cannot start the load transaction: %1")
                                    .arg(transaction->beginError()));
        result.loadStarted = QDateTime::currentDateTimeUtc();
        if (!foreignKeys.paused())
            return {};
        // BEGIN IMMEDIATE took the write lock, so the district cannot go before the commit.
        auto district = selectValue(
            db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM districts WHERE id = ?)"),
            {districtId});
        if (!district)
            return hub::failure(district.error());
        if (!district->toBool())
            return hub::failure(QStringLiteral("District %1 was not found, so nothing was "
                                               "loaded.")
                                    .arg(districtId));
        return {};
    };

    const QString loadTime = nowIsoUtc();
    PhaseCounts counts;
    // The stored records that the load of each table marked tobedeleted, by table name.
    QHash<QString, qint64> markedByTable;
    Handoff::Queued next;
    while (result.error.isEmpty() && nextTable(next)) {
        if (!transaction) {
            if (auto begun = beginTransaction(); !begun) {
                result.error = begun.error();
                result.loadFailed = true;
                break;
            }
        }
        growCacheAfterValidation();
        const TableKeys &table = *next.table;
        bool stopped = false;
        std::optional<SpillTail> tail;
        if (next.stream)
            tail.emplace(next.stream, handoff.mutex, handoff.changed, handoff.validationDone,
                         mustStop, next.entity == Entity::Enrollments ? growCache
                                                                     : std::function<void()>());
        qint64 stored = 0;
        auto marked = loadTable(db, districtId, next.entity, table, loadTime, stored, mustStop,
                                &stopped, tail ? &*tail : nullptr);
        if (stopped)
            break;
        if (!marked) {
            result.error = marked.error();
            result.loadFailed = true;
            break;
        }
        counts.rowsRead += table.rows;
        counts.rowsWritten += stored + *marked;
        counts.rowsMarked += *marked;
        markedByTable.insert(table.table, *marked);
        if (table.delta)
            qCInfo(lcInbound) << "Loaded" << table.rows << "delta rows into" << table.table
                              << "for district" << districtId << "and wrote" << stored
                              << "of them as new or changed, before the commit";
        else
            qCInfo(lcInbound) << "Loaded" << table.rows << "rows into" << table.table
                              << "for district" << districtId << "and wrote" << stored
                              << "of them as new or changed; marked" << *marked
                              << "missing rows tobedeleted before the commit";
    }

    const auto finish = [&] {
        result.loadEnded = QDateTime::currentDateTimeUtc();
        if (stopRequestSeen) {
            m_stopped = true;
            m_validatedDistrictId = -1;
        }
    };
    const bool writesEnded = !result.error.isEmpty() || handoff.errorFound || handoff.stop;
    if (writesEnded) {
        // The rollback frees the write lock at once, while validation ends: it stops after a
        // stop request or a failed write, and lists every finding after an Error.
        transaction.reset();
        if (!result.error.isEmpty())
            handoff.stop = true;
        // Validation may still be listing findings after an Error; stop requests end it.
        for (;;) {
            std::unique_lock lock(handoff.mutex);
            if (handoff.changed.wait_for(lock, 50ms, [&] { return handoff.validationDone; }))
                break;
            lock.unlock();
            if (!handoff.stop && stopRequested && stopRequested()) {
                stopRequestSeen = true;
                handoff.stop = true;
            }
        }
        finish();
        return;
    }

    // Validation is done: nextTable() returned false without a reason to stop.
    if (result.error.isEmpty() && !handoff.readError.isEmpty())
        result.error = handoff.readError;
    if (!result.error.isEmpty() || m_stopped || m_errorCount > 0) {
        transaction.reset();
        finish();
        return;
    }
    result.retirements = handoff.retirements;
    for (Retirement &retirement : result.retirements) {
        if (retirement.retiring < 0)
            retirement.retiring = markedByTable.value(retirement.table);
    }
    if (!transaction) {
        if (auto begun = beginTransaction(); !begun) {
            result.error = begun.error();
            result.loadFailed = true;
            transaction.reset();
            finish();
            return;
        }
    }
    if (!decideCommit || !decideCommit(result.retirements)) {
        transaction.reset();
        qCInfo(lcInbound) << "Rolled back the load of" << m_folder << "for district" << districtId
                          << "because the commit was declined";
        finish();
        return;
    }
    if (auto committed = transaction->commit(); !committed) {
        result.error = committed.error();
        result.loadFailed = true;
        finish();
        return;
    }
    m_validation->releaseKeys();
    result.loaded = counts;
    finish();
}

} // namespace hub::inbound
