// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterbundle.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "csvreader.h"
#include "onerosterschema.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <archive.h>
#include <archive_entry.h>

#include <map>

namespace hub::inbound {

using schema::Entity;
using schema::Field;
using schema::FieldType;
using schema::FileSpec;

namespace {

// Findings past this count are counted but not listed, so a broken file of a million rows
// cannot fill the memory with messages.
constexpr qsizetype maxListedIssues = 1000;

int versionNumber(const QString &version)
{
    if (version == QLatin1String("1.0"))
        return 10;
    if (version == QLatin1String("1.1"))
        return 11;
    return 12;
}

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
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

Issue makeIssue(Issue::Severity severity, const QString &file, qint64 line, const QString &column,
                const QString &value, const QString &message)
{
    Issue issue;
    issue.severity = severity;
    issue.file = file;
    issue.line = line;
    issue.column = column;
    issue.value = value;
    issue.message = message;
    return issue;
}

// The Levenshtein distance, for suggesting the column that a misspelled header meant.
int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j]
                = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Returns true when a header looks like a misspelling of the expected column name.
bool looksMisspelled(const QString &header, const QString &expected)
{
    const int allowed = expected.size() >= 8 ? 2 : (expected.size() >= 5 ? 1 : 0);
    return editDistance(header.toLower(), expected.toLower()) <= allowed;
}

// ---- Zip extraction ------------------------------------------------------------------------

struct ArchiveReader
{
    archive *handle = archive_read_new();
    ~ArchiveReader() { archive_read_free(handle); }
};

QString entryName(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    if (const char *local = archive_entry_pathname(entry))
        return QString::fromLocal8Bit(local);
    return {};
}

// Checks that an entry name stays inside the extraction folder once joined to it.
hub::Result<void> checkEntryName(const QString &name)
{
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (name.isEmpty())
        return hub::failure(QStringLiteral("The zip has an entry without a name."));
    if (name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || drive.match(name).hasMatch())
        return hub::failure(QStringLiteral("The zip entry \"%1\" is an absolute or Windows path, "
                                           "but entries must be relative paths inside the zip.")
                                .arg(name));
    const QStringList parts = name.split(QLatin1Char('/'));
    if (parts.contains(QLatin1String("..")))
        return hub::failure(QStringLiteral("The zip entry \"%1\" points outside the extraction "
                                           "folder, so the bundle was rejected.")
                                .arg(name));
    return {};
}

hub::Result<void> openArchive(ArchiveReader &reader, const QString &zipPath)
{
    archive_read_support_format_zip(reader.handle);
    if (archive_read_open_filename(reader.handle, QFile::encodeName(zipPath).constData(), 65536)
        != ARCHIVE_OK)
        return hub::failure(
            QStringLiteral("Cannot read %1 as a zip file: %2")
                .arg(zipPath, QString::fromUtf8(archive_error_string(reader.handle))));
    return {};
}

// Reads every entry header without extracting, so a hostile zip is rejected before any file is
// written.
hub::Result<void> inspectArchive(const QString &zipPath, const ArchiveLimits &limits)
{
    ArchiveReader reader;
    if (auto opened = openArchive(reader, zipPath); !opened)
        return opened;

    qint64 entries = 0;
    qint64 declaredBytes = 0;
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.handle, &entry)) == ARCHIVE_OK) {
        ++entries;
        if (entries > limits.maxEntries)
            return hub::failure(QStringLiteral("The zip %1 has more than %2 entries, but a "
                                               "OneRoster bundle has a few dozen files at most.")
                                    .arg(zipPath)
                                    .arg(limits.maxEntries));
        const QString name = entryName(entry);
        if (auto checked = checkEntryName(name); !checked)
            return checked;
        const auto type = archive_entry_filetype(entry);
        if (type != AE_IFREG && type != AE_IFDIR)
            return hub::failure(QStringLiteral("The zip entry \"%1\" is not a regular file or "
                                               "folder (for example a symbolic link).")
                                    .arg(name));
        if (archive_entry_size_is_set(entry))
            declaredBytes += archive_entry_size(entry);
        if (declaredBytes > limits.maxTotalBytes)
            return hub::failure(QStringLiteral("The zip %1 would extract to more than %2 bytes.")
                                    .arg(zipPath)
                                    .arg(limits.maxTotalBytes));
        if (archive_read_data_skip(reader.handle) != ARCHIVE_OK)
            return hub::failure(
                QStringLiteral("Cannot read the zip entry \"%1\": %2")
                    .arg(name, QString::fromUtf8(archive_error_string(reader.handle))));
    }
    if (status != ARCHIVE_EOF)
        return hub::failure(
            QStringLiteral("Cannot read %1 as a zip file: %2")
                .arg(zipPath, QString::fromUtf8(archive_error_string(reader.handle))));
    return {};
}

// Extracts the zip into workDir, counting the bytes actually written because the sizes in
// the entry headers may lie. Removes what it wrote when it fails.
hub::Result<void> extractArchive(const QString &zipPath, const QString &workDir,
                                 const ArchiveLimits &limits)
{
    if (auto inspected = inspectArchive(zipPath, limits); !inspected)
        return inspected;

    const QString root = QDir::cleanPath(QDir(workDir).absolutePath());
    if (!QDir().mkpath(root))
        return hub::failure(QStringLiteral("Cannot create the work folder %1.").arg(root));
    const qint64 zipSize = QFileInfo(zipPath).size();

    ArchiveReader reader;
    if (auto opened = openArchive(reader, zipPath); !opened)
        return opened;

    QStringList written;
    auto removeWritten = [&written]() {
        for (const QString &path : std::as_const(written))
            QFile::remove(path);
    };

    qint64 totalBytes = 0;
    archive_entry *entry = nullptr;
    QByteArray block(65536, Qt::Uninitialized);
    while (archive_read_next_header(reader.handle, &entry) == ARCHIVE_OK) {
        const QString name = entryName(entry);
        const QString target = QDir::cleanPath(root + QLatin1Char('/') + name);
        if (target != root && !target.startsWith(root + QLatin1Char('/'))) {
            removeWritten();
            return hub::failure(QStringLiteral("The zip entry \"%1\" points outside the "
                                               "extraction folder, so the bundle was rejected.")
                                    .arg(name));
        }
        if (archive_entry_filetype(entry) == AE_IFDIR || target == root) {
            QDir().mkpath(target);
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            removeWritten();
            return hub::failure(QStringLiteral("Cannot write %1 (the zip may hold it twice): %2")
                                    .arg(target, out.errorString()));
        }
        written.append(target);
        for (;;) {
            const la_ssize_t count = archive_read_data(reader.handle, block.data(), block.size());
            if (count == 0)
                break;
            if (count < 0) {
                out.close();
                removeWritten();
                return hub::failure(
                    QStringLiteral("Cannot extract the zip entry \"%1\": %2")
                        .arg(name, QString::fromUtf8(archive_error_string(reader.handle))));
            }
            totalBytes += count;
            if (totalBytes > limits.maxTotalBytes) {
                out.close();
                removeWritten();
                return hub::failure(QStringLiteral("The zip %1 extracts to more than %2 bytes; "
                                                   "the bundle was rejected.")
                                        .arg(zipPath)
                                        .arg(limits.maxTotalBytes));
            }
            if (totalBytes > limits.ratioGraceBytes
                && totalBytes > limits.maxCompressionRatio * zipSize) {
                out.close();
                removeWritten();
                return hub::failure(QStringLiteral("The zip %1 expands more than %2 times its "
                                                   "size, so the bundle was rejected as a possible "
                                                   "zip bomb.")
                                        .arg(zipPath)
                                        .arg(limits.maxCompressionRatio));
            }
            out.write(block.constData(), count);
        }
    }
    qCInfo(lcInbound) << "Extracted" << written.size() << "files," << totalBytes << "bytes, from"
                      << zipPath;
    return {};
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

// ---- Validation state ----------------------------------------------------------------------

namespace {

struct ParsedRow
{
    qint64 line = 0;
    QString sourcedId;
    QVariantList values; // in the order of ParsedTable::columns
};

struct ParsedTable
{
    QString table;
    QStringList columns;
    QList<ParsedRow> rows;
    QHash<QString, qint64> lineById;
};

struct Reference
{
    Entity target;
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
    std::map<Entity, ParsedTable> tables;
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

} // namespace

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
        if (mode == QLatin1String("delta")) {
            // TODO: load delta bundles: upsert the listed rows, apply tobedeleted rows, and
            // leave the rest of the district's records alone.
            return hub::failure(QStringLiteral("manifest.csv declares %1 as delta, but delta "
                                               "bundles are not supported yet. Send a bulk bundle.")
                                    .arg(it.key()));
        }
        if (!knownKeys.contains(key)) {
            bundle.m_openIssues.append(makeIssue(Issue::Severity::Warning,
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

        if (mode == QLatin1String("bulk") && !present) {
            bundle.m_openIssues.append(
                makeIssue(Issue::Severity::Error, expectedName, 0, {}, {},
                          QStringLiteral("manifest.csv declares file.%1 as bulk but the bundle "
                                         "has no %2.")
                              .arg(key, expectedName)));
            continue;
        }
        if (!present)
            continue;
        if (mode != QLatin1String("bulk")) {
            const QString declared = mode.isEmpty() ? (bundle.m_manifestModes.contains(key)
                                                           ? QStringLiteral("with an empty value")
                                                           : QStringLiteral("nowhere"))
                                                    : QStringLiteral("as %1").arg(mode);
            bundle.m_openIssues.append(
                makeIssue(Issue::Severity::Warning, actualName, 0, {}, {},
                          QStringLiteral("manifest.csv declares file.%1 %2, so the file is "
                                         "ignored.")
                              .arg(key, declared)));
            continue;
        }
        if (actualName != expectedName) {
            bundle.m_openIssues.append(
                makeIssue(Issue::Severity::Warning, actualName, 0, {}, {},
                          QStringLiteral("The file name differs in case from %1; it is read as "
                                         "that file.")
                              .arg(expectedName)));
        }
        if (!specForKey(key)) {
            bundle.m_openIssues.append(
                makeIssue(Issue::Severity::Warning, actualName, 0, {}, {},
                          QStringLiteral("The hub does not store %1; the file is ignored.")
                              .arg(expectedName)));
            continue;
        }
        bundle.m_filePaths.insert(key, QDir(folder).filePath(actualName));
    }
    csvByLowerName.remove(QStringLiteral("manifest.csv"));
    for (const QString &name : std::as_const(csvByLowerName)) {
        bundle.m_openIssues.append(makeIssue(Issue::Severity::Warning, name, 0, {}, {},
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

const QRegularExpression &isoDatePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    return pattern;
}

QDate parseIsoDate(const QString &text)
{
    const QRegularExpressionMatch match = isoDatePattern().match(text);
    if (!match.hasMatch())
        return {};
    return QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
}

// Reads an ISO 8601 date and time. Sets note when the text bends the standard in a way that
// is still unambiguous: a space instead of T, no time zone, or a date without a time.
QDateTime parseDateTime(const QString &text, QString &note)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})([T ])(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
                       "(Z|[+-]\\d{2}:\\d{2})?$"));
    const QDate dateOnly = parseIsoDate(text);
    if (dateOnly.isValid()) {
        note = QStringLiteral("dateLastModified is a date without a time; stored as midnight "
                              "UTC.");
        return QDateTime(dateOnly, QTime(0, 0), QTimeZone::utc());
    }
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const QDate date = parseIsoDate(match.captured(1));
    const int milliseconds = match.captured(6).leftJustified(3, QLatin1Char('0')).left(3).toInt();
    const QTime time(match.captured(3).toInt(), match.captured(4).toInt(),
                     match.captured(5).toInt(), milliseconds);
    if (!date.isValid() || !time.isValid())
        return {};

    const QString zone = match.captured(7);
    QTimeZone timeZone = QTimeZone::utc();
    if (zone.size() == 6) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        const int seconds = zone.mid(1, 2).toInt() * 3600 + zone.mid(4, 2).toInt() * 60;
        timeZone = QTimeZone(sign * seconds);
    }
    if (match.captured(2) == QLatin1String(" "))
        note = QStringLiteral("dateLastModified has a space instead of T between date and time; "
                              "read as UTC.");
    else if (zone.isEmpty())
        note = QStringLiteral("dateLastModified has no time zone; read as UTC.");
    return QDateTime(date, time, timeZone);
}

bool isRequired(const Field &field, int version)
{
    return field.requiredSince > 0 && version >= field.requiredSince;
}

bool isExtensionName(const QString &name)
{
    return name.startsWith(QLatin1String("metadata."), Qt::CaseInsensitive)
           || name.startsWith(QLatin1String("ext_"), Qt::CaseInsensitive)
           || name.startsWith(QLatin1String("ext."), Qt::CaseInsensitive);
}

// Parses one bulk file into its table of rows, adding the findings to the state.
class FileValidator
{
public:
    FileValidator(const FileSpec &spec, int version, QString fileName, ValidationState &state)
        : m_spec(spec)
        , m_version(version)
        , m_fileName(std::move(fileName))
        , m_state(state)
    {
        for (const Field &field : m_spec.fields) {
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
    bool convert(const Field &field, const QString &header, const QString &raw, qint64 line,
                 QVariant &out);
    void issue(Issue::Severity severity, qint64 line, const QString &column, const QString &value,
               const QString &message)
    {
        m_state.add(makeIssue(severity, m_fileName, line, column, value, message));
    }

    const FileSpec &m_spec;
    int m_version;
    QString m_fileName;
    ValidationState &m_state;
    QList<const Field *> m_fields;

    QStringList m_headers;
    QList<const Field *> m_fieldAt; // per header position; nullptr for other columns
    QList<bool> m_extensionAt;      // per header position
    bool m_deriveSchoolYear = false;
    ParsedTable *m_table = nullptr;
    QHash<QString, int> m_columnIndex;
    ParsedTable *m_derivedRoles = nullptr;
};

void FileValidator::addColumn(const QString &column)
{
    if (m_columnIndex.contains(column))
        return;
    m_columnIndex.insert(column, int(m_table->columns.size()));
    m_table->columns.append(column);
}

qint64 FileValidator::run(const QString &path, qint64 &rowsRead, qint64 &rowsRejected)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        issue(Issue::Severity::Error, 0, {}, {},
              QStringLiteral("Cannot read the file: %1").arg(file.errorString()));
        return 0;
    }

    m_table = &m_state.tables[m_spec.entity];
    m_table->table = latin1(m_spec.table);
    for (const Field *field : std::as_const(m_fields)) {
        if (field->column)
            addColumn(latin1(field->column));
    }
    if (m_spec.hasExtensions)
        addColumn(QStringLiteral("extensions"));
    if (m_spec.entity == Entity::Users && m_version < 12) {
        m_derivedRoles = &m_state.tables[Entity::Roles];
        m_derivedRoles->table = QStringLiteral("user_roles");
        m_derivedRoles->columns
            = {QStringLiteral("sourced_id"),         QStringLiteral("status"),
               QStringLiteral("date_last_modified"), QStringLiteral("user_sourced_id"),
               QStringLiteral("role_type"),          QStringLiteral("role"),
               QStringLiteral("org_sourced_id")};
    }

    CsvReader reader(&file);
    CsvRecord record;
    auto first = reader.readRecord(record);
    if (!first) {
        issue(Issue::Severity::Error, 0, {}, {}, first.error());
        return reader.bytesRead();
    }
    if (!*first) {
        issue(Issue::Severity::Error, 0, {}, {},
              QStringLiteral("The file is empty, but a bulk file needs at least its header line."));
        return reader.bytesRead();
    }
    mapHeader(record.fields);

    for (;;) {
        auto read = reader.readRecord(record);
        if (!read) {
            issue(Issue::Severity::Error, 0, {}, {}, read.error());
            ++rowsRejected;
            break;
        }
        if (!*read)
            break;
        ++rowsRead;
        readRow(record, rowsRejected);
    }
    return reader.bytesRead();
}

void FileValidator::mapHeader(const QStringList &headers)
{
    m_headers = headers;
    m_fieldAt = QList<const Field *>(headers.size(), nullptr);
    m_extensionAt = QList<bool>(headers.size(), false);
    QSet<const Field *> mapped;
    QList<qsizetype> unmatched;

    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString name = headers.at(i).trimmed();
        m_headers[i] = name;
        if (name.isEmpty())
            continue;
        const Field *match = nullptr;
        QString note;
        for (const Field *field : std::as_const(m_fields)) {
            if (name == QLatin1String(field->name)) {
                match = field;
                break;
            }
        }
        for (const Field *field : std::as_const(m_fields)) {
            if (match)
                break;
            if (name.compare(QLatin1String(field->name), Qt::CaseInsensitive) == 0) {
                match = field;
                note = QStringLiteral("The column name differs in case from %1; read as %1.")
                           .arg(latin1(field->name));
            } else if (field->legacyName
                       && name.compare(QLatin1String(field->legacyName), Qt::CaseInsensitive)
                              == 0) {
                match = field;
                note = QStringLiteral("%1 is a legacy column name; read as %2.")
                           .arg(name, latin1(field->name));
            }
        }
        if (!match) {
            unmatched.append(i);
            continue;
        }
        if (mapped.contains(match)) {
            issue(Issue::Severity::Error, 1, name, {},
                  QStringLiteral("The column %1 appears twice in the header.")
                      .arg(latin1(match->name)));
            continue;
        }
        if (!note.isEmpty())
            issue(Issue::Severity::Warning, 1, name, {}, note);
        if (match->type == FieldType::Secret)
            issue(Issue::Severity::Warning, 1, name, {},
                  QStringLiteral("The hub never stores this column; its values are dropped."));
        mapped.insert(match);
        m_fieldAt[i] = match;
    }

    QSet<const Field *> misspelled;
    for (const qsizetype i : std::as_const(unmatched)) {
        const QString &name = m_headers.at(i);
        if (isExtensionName(name)) {
            m_extensionAt[i] = true;
            continue;
        }
        const Field *suggestion = nullptr;
        for (const Field *field : std::as_const(m_fields)) {
            if (!mapped.contains(field) && looksMisspelled(name, latin1(field->name))) {
                suggestion = field;
                break;
            }
        }
        if (suggestion) {
            misspelled.insert(suggestion);
            issue(Issue::Severity::Error, 1, name, {},
                  QStringLiteral("Unknown column; did you mean %1? Fix the header of %2.")
                      .arg(latin1(suggestion->name), m_fileName));
            continue;
        }
        bool otherVersion = false;
        for (const Field &field : m_spec.fields) {
            if (name == QLatin1String(field.name))
                otherVersion = true;
        }
        m_extensionAt[i] = true;
        const QString kept = m_spec.hasExtensions
                                 ? QStringLiteral("so its values are kept in extensions.")
                                 : QStringLiteral("so its values are dropped, because %1 has no "
                                                  "extensions column.")
                                       .arg(m_table->table);
        issue(Issue::Severity::Warning, 1, name, {},
              otherVersion
                  ? QStringLiteral("The column is not part of OneRoster %1 %2, %3")
                        .arg(QString::number(m_version / 10.0, 'f', 1), m_fileName, kept)
                  : QStringLiteral("The column is not defined by OneRoster, %1").arg(kept));
    }

    for (const Field *field : std::as_const(m_fields)) {
        if (mapped.contains(field) || misspelled.contains(field))
            continue;
        if (field->derivable) {
            m_deriveSchoolYear = true;
            if (isRequired(*field, m_version))
                issue(Issue::Severity::Warning, 1, latin1(field->name), {},
                      QStringLiteral("The column is missing; each school year is derived from "
                                     "endDate."));
            continue;
        }
        if (isRequired(*field, m_version))
            issue(Issue::Severity::Error, 1, latin1(field->name), {},
                  QStringLiteral("The required column is missing from the header of %1.")
                      .arg(m_fileName));
    }
}

void FileValidator::readRow(const CsvRecord &record, qint64 &rowsRejected)
{
    const qint64 errorsBefore = m_state.errorCount;
    QStringList values = record.fields;

    if (values.size() != m_headers.size()) {
        // Tolerate rows that stop before trailing header columns without a name.
        bool onlyUnnamedMissing = values.size() < m_headers.size();
        for (qsizetype i = values.size(); onlyUnnamedMissing && i < m_headers.size(); ++i)
            onlyUnnamedMissing = m_headers.at(i).isEmpty();
        if (!onlyUnnamedMissing) {
            issue(Issue::Severity::Error, record.line, {}, {},
                  QStringLiteral("The row has %1 values but the header has %2 columns.")
                      .arg(values.size())
                      .arg(m_headers.size()));
            ++rowsRejected;
            return;
        }
        values.resize(m_headers.size());
    }

    ParsedRow row;
    row.line = record.line;
    row.values = QVariantList(m_table->columns.size());
    QJsonObject extensions;
    QString role;
    QStringList orgIds;
    QDate endDate;
    bool hasSchoolYear = false;

    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString &header = m_headers.at(i);
        const QString raw = values.at(i).trimmed();
        if (m_extensionAt.at(i)) {
            if (!raw.isEmpty() && m_spec.hasExtensions)
                extensions.insert(header, raw);
            continue;
        }
        const Field *field = m_fieldAt.at(i);
        if (!field)
            continue;
        QVariant value;
        if (!convert(*field, header, raw, record.line, value))
            continue;
        const QString name = latin1(field->name);
        if (name == QLatin1String("sourcedId"))
            row.sourcedId = value.toString();
        if (name == QLatin1String("role"))
            role = value.toString();
        if (name == QLatin1String("orgSourcedIds") && !value.isNull())
            orgIds = raw.split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (name == QLatin1String("endDate"))
            endDate = parseIsoDate(value.toString());
        if (name == QLatin1String("schoolYear") && !value.isNull())
            hasSchoolYear = true;
        if (field->column)
            row.values[m_columnIndex.value(latin1(field->column))] = value;
    }

    if (m_spec.entity == Entity::AcademicSessions && !hasSchoolYear && endDate.isValid()
        && (m_deriveSchoolYear || m_version < 11)) {
        row.values[m_columnIndex.value(QStringLiteral("school_year"))] = schoolYearForDate(endDate);
    }
    if (m_spec.hasExtensions && !extensions.isEmpty()) {
        row.values[m_columnIndex.value(QStringLiteral("extensions"))]
            = QString::fromUtf8(QJsonDocument(extensions).toJson(QJsonDocument::Compact));
    }

    if (!row.sourcedId.isEmpty()) {
        const qint64 firstLine = m_table->lineById.value(row.sourcedId, 0);
        if (firstLine > 0) {
            issue(Issue::Severity::Error, record.line, QStringLiteral("sourcedId"), row.sourcedId,
                  QStringLiteral("Duplicate sourcedId; line %1 has it too.").arg(firstLine));
        }
    }

    if (m_state.errorCount > errorsBefore) {
        ++rowsRejected;
        return;
    }
    m_table->lineById.insert(row.sourcedId, row.line);

    if (m_spec.entity == Entity::Users && m_derivedRoles) {
        if (!role.isEmpty())
            m_state.rolesByUser[row.sourcedId].insert(role);
        for (const QString &org : std::as_const(orgIds)) {
            const QString orgId = org.trimmed();
            const QString id = row.sourcedId + QLatin1Char(':') + orgId;
            if (m_derivedRoles->lineById.contains(id))
                continue;
            m_derivedRoles->lineById.insert(id, row.line);
            ParsedRow derived;
            derived.line = row.line;
            derived.sourcedId = id;
            derived.values
                = {id,
                   row.values.at(m_columnIndex.value(QStringLiteral("status"))),
                   row.values.at(m_columnIndex.value(QStringLiteral("date_last_modified"))),
                   row.sourcedId,
                   QStringLiteral("primary"),
                   role,
                   orgId};
            m_derivedRoles->rows.append(derived);
        }
    }
    if (m_spec.entity == Entity::Roles) {
        const QString user
            = row.values.at(m_columnIndex.value(QStringLiteral("user_sourced_id"))).toString();
        m_state.rolesByUser[user].insert(role);
    }
    if (m_spec.entity == Entity::Enrollments) {
        const QString user
            = row.values.at(m_columnIndex.value(QStringLiteral("user_sourced_id"))).toString();
        m_state.enrollmentRoles.append(
            {user, role, m_fileName, record.line, QStringLiteral("role")});
    }
    m_table->rows.append(std::move(row));
}

bool FileValidator::convert(const Field &field, const QString &header, const QString &raw,
                            qint64 line, QVariant &out)
{
    const QString name = latin1(field.name);
    auto error = [&](const QString &message) {
        issue(Issue::Severity::Error, line, header, raw, message);
        return false;
    };
    auto warning = [&](const QString &message) {
        issue(Issue::Severity::Warning, line, header, raw, message);
    };
    auto addReference = [&](const QString &id) {
        if (field.references != Entity::None)
            m_state.references.append({field.references, id, m_fileName, line, header});
    };

    if (field.type == FieldType::Secret)
        return true;

    if (raw.isEmpty()) {
        if (field.type == FieldType::Status) {
            warning(QStringLiteral("status is empty; stored as active."));
            out = QStringLiteral("active");
            return true;
        }
        if (field.type == FieldType::DateTime) {
            warning(QStringLiteral("dateLastModified is empty; the load time is stored."));
            return true;
        }
        if (isRequired(field, m_version) && !(field.derivable && m_version < 11))
            return error(QStringLiteral("%1 is required but empty.").arg(name));
        if (field.warnWhenEmpty)
            warning(QStringLiteral("%1 is empty, although OneRoster requires it.").arg(name));
        return true;
    }

    switch (field.type) {
    case FieldType::Text:
        out = raw;
        addReference(raw);
        return true;
    case FieldType::Secret:
        return true;
    case FieldType::Status: {
        if (raw == QLatin1String("active") || raw == QLatin1String("tobedeleted")) {
            out = raw;
            return true;
        }
        if (raw.compare(QLatin1String("inactive"), Qt::CaseInsensitive) == 0) {
            warning(QStringLiteral("status inactive is OneRoster 1.0; stored as tobedeleted."));
            out = QStringLiteral("tobedeleted");
            return true;
        }
        for (const QLatin1String canonical :
             {QLatin1String("active"), QLatin1String("tobedeleted")}) {
            if (raw.compare(canonical, Qt::CaseInsensitive) == 0) {
                warning(QStringLiteral("status differs in case; stored as %1.").arg(canonical));
                out = QString(canonical);
                return true;
            }
        }
        return error(QStringLiteral("Invalid status; expected active or tobedeleted."));
    }
    case FieldType::DateTime: {
        QString note;
        const QDateTime dateTime = parseDateTime(raw, note);
        if (!dateTime.isValid())
            return error(QStringLiteral("Invalid %1; expected an ISO 8601 UTC date and time such "
                                        "as 2023-05-01T18:25:43.511Z. Day and month are never "
                                        "guessed.")
                             .arg(name));
        if (!note.isEmpty())
            warning(note);
        out = toIsoUtc(dateTime);
        return true;
    }
    case FieldType::Date:
        if (!parseIsoDate(raw).isValid())
            return error(QStringLiteral("Invalid %1; expected an ISO 8601 date YYYY-MM-DD. Day "
                                        "and month are never guessed.")
                             .arg(name));
        out = raw;
        return true;
    case FieldType::Enum: {
        const QStringList allowed = latin1(field.enumValues).split(QLatin1Char('|'));
        if (allowed.contains(raw) || raw.startsWith(QLatin1String("ext:"))) {
            out = raw;
            return true;
        }
        for (const QString &canonical : allowed) {
            if (raw.compare(canonical, Qt::CaseInsensitive) == 0) {
                warning(QStringLiteral("%1 differs in case from %2; stored as %2.")
                            .arg(name, canonical));
                out = canonical;
                return true;
            }
        }
        return error(QStringLiteral("Invalid %1; expected one of %2.")
                         .arg(name, allowed.join(QLatin1String(", "))));
    }
    case FieldType::Boolean:
        if (raw.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
            out = 1;
            return true;
        }
        if (raw.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
            out = 0;
            return true;
        }
        return error(QStringLiteral("Invalid %1; expected true or false.").arg(name));
    case FieldType::Year: {
        static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
        if (!year.match(raw).hasMatch())
            return error(
                QStringLiteral("Invalid %1; expected a four-digit year such as 2024.").arg(name));
        out = raw.toInt();
        return true;
    }
    case FieldType::List: {
        QJsonArray items;
        const QStringList parts = raw.split(QLatin1Char(','));
        for (const QString &part : parts) {
            const QString item = part.trimmed();
            if (item.isEmpty())
                continue;
            items.append(item);
            addReference(item);
        }
        if (items.isEmpty()) {
            if (isRequired(field, m_version))
                return error(QStringLiteral("%1 is required but lists no value.").arg(name));
            return true;
        }
        out = QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact));
        return true;
    }
    }
    return true;
}

} // namespace

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

} // namespace

QList<Issue> OneRosterBundle::validate(const QSqlDatabase &db, qint64 districtId)
{
    m_validation = std::make_unique<Validation>();
    m_validateCounts = {};
    m_validatedDistrictId = districtId;
    Validation &state = *m_validation;
    for (const Issue &issue : std::as_const(m_openIssues))
        state.add(issue);

    auto district
        = selectValue(db, QStringLiteral("SELECT id FROM districts WHERE id = ?"), {districtId});
    if (!district || district->isNull()) {
        state.add(makeIssue(Issue::Severity::Error, {}, 0, {}, {},
                            district ? QStringLiteral("District %1 was not found.").arg(districtId)
                                     : district.error()));
    }

    const int version = versionNumber(m_version);
    for (const FileSpec &spec : schema::storedFiles()) {
        const QString key = latin1(spec.key);
        if (!m_filePaths.contains(key))
            continue;
        if (spec.entity == Entity::Roles && version < 12) {
            state.add(makeIssue(Issue::Severity::Warning, csvName(key), 0, {}, {},
                                QStringLiteral("roles.csv is OneRoster 1.2; in a %1 bundle the "
                                               "roles come from users.csv, so it is ignored.")
                                    .arg(m_version)));
            continue;
        }
        FileValidator validator(spec, version, QFileInfo(m_filePaths.value(key)).fileName(), state);
        m_validateCounts.bytes += validator.run(m_filePaths.value(key), m_validateCounts.rowsRead,
                                                m_validateCounts.rowsRejected);
    }

    // A target file in the bundle replaces the stored records, so only its own rows resolve a
    // reference. Without the file, the records already stored for the district do.
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
            } else if (const FileSpec *spec = specForEntity(reference.target)) {
                auto stored = storedIds(db, latin1(spec->table), districtId);
                if (!stored)
                    state.add(makeIssue(Issue::Severity::Error, {}, 0, {}, {}, stored.error()));
                else
                    ids = *stored;
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
        state.add(makeIssue(Issue::Severity::Warning, reference.file, reference.line,
                            reference.column, reference.id,
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
            Issue::Severity::Warning, enrollment.file, enrollment.line, enrollment.column,
            enrollment.role,
            QStringLiteral("User %1 has the role %2 in the bundle, not %3.")
                .arg(enrollment.userId, sorted.join(QLatin1String(", ")), enrollment.role)));
    }

    if (state.unlistedIssues > 0) {
        state.issues.append(makeIssue(
            Issue::Severity::Warning, {}, 0, {}, {},
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

    Transaction transaction(db);
    if (!transaction.begun())
        return hub::failure(
            QStringLiteral("Cannot start the load transaction: %1").arg(db.lastError().text()));

    const QString loadTime = nowIsoUtc();
    PhaseCounts counts;
    for (const auto &[entity, table] : m_validation->tables) {
        const qsizetype dateColumn = table.columns.indexOf(QStringLiteral("date_last_modified"));
        QStringList placeholders(table.columns.size() + 1, QStringLiteral("?"));
        QSqlQuery insert(db);
        const QString sql
            = QStringLiteral("INSERT OR REPLACE INTO %1 (district_id, %2) VALUES (%3)")
                  .arg(table.table, table.columns.join(QLatin1String(", ")),
                       placeholders.join(QLatin1String(", ")));
        if (!insert.prepare(sql))
            return hub::failure(QStringLiteral("Cannot prepare the insert into %1: %2")
                                    .arg(table.table, insert.lastError().text()));
        for (const ParsedRow &row : table.rows) {
            insert.addBindValue(districtId);
            for (qsizetype i = 0; i < row.values.size(); ++i) {
                const QVariant &value = row.values.at(i);
                insert.addBindValue(i == dateColumn && value.isNull() ? QVariant(loadTime) : value);
            }
            if (!insert.exec())
                return hub::failure(QStringLiteral("Cannot store %1 %2 (line %3): %4")
                                        .arg(table.table, row.sourcedId)
                                        .arg(row.line)
                                        .arg(insert.lastError().text()));
            ++counts.rowsRead;
            ++counts.rowsWritten;
        }

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
        counts.rowsWritten += marked;
        qCInfo(lcInbound) << "Loaded" << table.rows.size() << "rows into" << table.table
                          << "for district" << districtId << "and marked" << marked
                          << "missing rows tobedeleted";
    }

    if (auto committed = transaction.commit(); !committed)
        return hub::failure(committed.error());
    return counts;
}
} // namespace hub::inbound
