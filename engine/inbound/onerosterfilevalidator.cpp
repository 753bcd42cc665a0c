// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterfilevalidator.h"

#include "core/nulcharacter.h"
#include "core/timeutil.h"
#include "fieldlength.h"
#include "runs/runfiles.h"
#include "store/store.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>

#include <algorithm>
#include <cstdlib>
#include <iterator>

namespace hub::inbound::detail {

using schema::Entity;
using schema::Field;
using schema::FieldType;
using schema::FileSpec;

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

Issue makeIssue(Issue::Severity severity, const QString &rule, const QString &file, qint64 line,
                const QString &column, const QString &value, const QString &message)
{
    Issue issue;
    issue.severity = severity;
    issue.rule = rule;
    issue.file = file;
    issue.line = line;
    // A NUL character is shown escaped, because the store cannot hold it on PostgreSQL.
    issue.column = QString(column).replace(QChar(0), QLatin1String("\\u0000"));
    issue.value = QString(value).replace(QChar(0), QLatin1String("\\u0000"));
    issue.message = message;
    return issue;
}

// The Levenshtein distance, for suggesting the column that a misspelled header meant.
static int editDistance(const QString &a, const QString &b)
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

namespace {

// Reads a date written YYYY-MM-DD with ASCII digits; returns an invalid date otherwise.
QDate parseIsoDate(const QString &text)
{
    if (text.size() != 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return {};
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int part = 0; part < 3; ++part) {
        for (int i = starts[part]; i < starts[part] + lengths[part]; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return {};
            parts[part] = parts[part] * 10 + (c - u'0');
        }
    }
    return QDate(parts[0], parts[1], parts[2]);
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

QString droppedColumnMessage()
{
    return QStringLiteral("The hub does not load this column. The uploaded file is deleted after "
                          "the load, or kept %1 days if the load fails.")
        .arg(runs::kUnloadedInputRetentionDays);
}

// Returns the Secret field of any OneRoster version whose name matches header in any case, or
// nullptr.
const Field *secretFieldNamed(const FileSpec &spec, const QString &header)
{
    for (const Field &field : spec.fields) {
        if (field.type == FieldType::Secret
            && header.compare(QLatin1String(field.name), Qt::CaseInsensitive) == 0)
            return &field;
    }
    return nullptr;
}

bool isExtensionName(const QString &name)
{
    return name.startsWith(QLatin1String("metadata."), Qt::CaseInsensitive)
           || name.startsWith(QLatin1String("ext_"), Qt::CaseInsensitive)
           || name.startsWith(QLatin1String("ext."), Qt::CaseInsensitive);
}

} // namespace

void FileValidator::addColumn(const QString &column)
{
    if (m_columnIndex.contains(column))
        return;
    m_columnIndex.insert(column, int(m_table->columns.size()));
    m_table->columns.append(column);
}

namespace {

// Returns text as UTF-8 in buffer, which keeps its memory from call to call.
QByteArrayView utf8Into(const QString &text, QByteArray &buffer)
{
    static thread_local QStringEncoder encoder(QStringEncoder::Utf8,
                                               QStringConverter::Flag::Stateless);
    buffer.resize(encoder.requiredSpace(text.size()));
    char *end = encoder.appendToBuffer(buffer.data(), text);
    return QByteArrayView(buffer.constData(), end - buffer.constData());
}

// Returns the items as a compact JSON array, as QJsonDocument::toJson() writes it.
QString jsonArrayText(const QStringList &items)
{
    // Text of letters, digits and - . _ : and spaces needs no escaping, so the common lists of
    // sourcedIds and grades skip the QJsonArray, which cost about 7,000 instructions a list.
    const auto plain = [](const QString &item) {
        return std::all_of(item.cbegin(), item.cend(), [](QChar c) {
            const char16_t u = c.unicode();
            return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                   || u == u'-' || u == u'.' || u == u'_' || u == u':' || u == u' ';
        });
    };
    if (!std::all_of(items.cbegin(), items.cend(), plain))
        return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
    QString json = QStringLiteral("[\"");
    json += items.join(QLatin1String("\",\""));
    json += QLatin1String("\"]");
    return json;
}

// Rows read before reserveKeys() estimates a file's rows from its size.
constexpr qint64 kRowsForEstimate = 10000;
// How often run() checks for a stop request, in rows.
constexpr qint64 kStopCheckRows = 4096;

bool isReferenced(Entity entity)
{
    for (const FileSpec &spec : schema::storedFiles()) {
        for (const Field &field : spec.fields) {
            if (field.references == entity)
                return true;
        }
    }
    return false;
}

QStringList derivedRoleColumns()
{
    return {QStringLiteral("sourced_id"),         QStringLiteral("status"),
            QStringLiteral("date_last_modified"), QStringLiteral("user_sourced_id"),
            QStringLiteral("role_type"),          QStringLiteral("role"),
            QStringLiteral("org_sourced_id")};
}

} // namespace

hub::Result<void> FileValidator::readHeader(CsvReader &reader, CsvRecord &record)
{
    for (const Field *field : std::as_const(m_fields)) {
        if (field->column)
            addColumn(latin1(field->column));
    }
    if (m_spec.hasExtensions)
        addColumn(QStringLiteral("extensions"));

    auto first = reader.readRecord(record);
    if (!first) {
        issue(Issue::Severity::Error,
              reader.recordTooLong() ? QStringLiteral("line-length") : QStringLiteral("csv-syntax"),
              reader.errorLine(), {}, {}, first.error());
        return hub::failure(first.error());
    }
    if (!*first) {
        const QString message
            = QStringLiteral("The file is empty, but a bulk file needs at least its header line.");
        issue(Issue::Severity::Error, QStringLiteral("empty-file"), 0, {}, {}, message);
        return hub::failure(message);
    }
    mapHeader(record.fields);
    m_keyColumns.status = m_columnIndex.value(QStringLiteral("status"), -1);
    m_keyColumns.dateLastModified = m_columnIndex.value(QStringLiteral("date_last_modified"), -1);
    m_keyColumns.parent = m_columnIndex.value(QStringLiteral("parent_sourced_id"), -1);
    m_keyColumns.user = m_columnIndex.value(QStringLiteral("user_sourced_id"), -1);

    m_metaAt = QList<FieldMeta>(m_fieldAt.size());
    for (qsizetype i = 0; i < m_fieldAt.size(); ++i) {
        const Field *field = m_fieldAt.at(i);
        if (!field)
            continue;
        FieldMeta &meta = m_metaAt[i];
        meta.name = latin1(field->name);
        meta.column = field->column ? m_columnIndex.value(latin1(field->column), -1) : -1;
        meta.maxLength = schema::maxLength(*field);
        if (field->enumValues) {
            meta.enumValues = latin1(field->enumValues).split(QLatin1Char('|'));
            meta.enumBytes = QByteArray(field->enumValues).split('|');
        }
        if (meta.name == QLatin1String("sourcedId"))
            meta.kind = FieldMeta::SourcedId;
        else if (meta.name == QLatin1String("role"))
            meta.kind = FieldMeta::Role;
        else if (meta.name == QLatin1String("orgSourcedIds"))
            meta.kind = FieldMeta::OrgIds;
        else if (meta.name == QLatin1String("endDate"))
            meta.kind = FieldMeta::EndDate;
        else if (meta.name == QLatin1String("schoolYear"))
            meta.kind = FieldMeta::SchoolYear;
    }
    // Rows that derive a value from others or from earlier rows (school years, parent links)
    // are left to readRow().
    m_cleanRows = m_spec.entity != Entity::AcademicSessions && m_keyColumns.parent < 0
                  && m_state.cleanRows;
    return {};
}

qint64 FileValidator::run(const QString &path, qint64 &rowsRead, qint64 &rowsRejected)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        issue(Issue::Severity::Error, QStringLiteral("unreadable-file"), 0, {}, {},
              QStringLiteral("Cannot read the file: %1").arg(file.errorString()));
        return 0;
    }

    m_table = &m_state.tables[m_spec.entity];
    m_table->table = latin1(m_spec.table);
    m_table->path = path;
    m_table->fileName = m_fileName;
    m_table->delta = m_delta;
    m_table->exact = isReferenced(m_spec.entity);
    if (m_spec.entity == Entity::Users && m_version < 12) {
        m_derivedRoles = &m_state.tables[Entity::Roles];
        *m_derivedRoles = TableKeys();
        m_derivedRoles->table = QStringLiteral("user_roles");
        m_derivedRoles->path = path;
        m_derivedRoles->fileName = m_fileName;
        m_derivedRoles->delta = m_delta;
        m_derivedRoles->derived = true;
        m_derivedRoles->columns = derivedRoleColumns();
    }
    m_state.firstUnlistedLine = -1;
    const qsizetype firstIssue = m_state.issues.size();
    openSpill(m_spill);
    if (m_derivedRoles)
        openSpill(m_derivedSpill);

    CsvReader reader(&file);
    CsvRecord record;
    if (!readHeader(reader, record))
        return reader.bytesRead();
    if (m_state.fileStarted)
        m_state.fileStarted(m_spec.entity, *m_table, m_spill);
    qint64 fileRows = 0;
    CsvRawRecord raw;

    for (;;) {
        auto read = reader.readRawRecord(raw);
        if (!read) {
            issue(Issue::Severity::Error,
                  reader.recordTooLong() ? QStringLiteral("line-length")
                                         : QStringLiteral("csv-syntax"),
                  reader.errorLine(), {}, {}, read.error());
            ++rowsRejected;
            break;
        }
        if (!*read)
            break;
        if (raw.line > KeyRecord::maxLine) {
            issue(Issue::Severity::Error, QStringLiteral("line-count"), raw.line, {}, {},
                  QStringLiteral("The file has more than %1 lines, the most the hub reads. Split "
                                 "it into a bulk file and delta files.")
                      .arg(KeyRecord::maxLine));
            ++rowsRejected;
            break;
        }
        ++rowsRead;
        if (!readCleanRow(raw)) {
            raw.decodeInto(record);
            readRow(record, rowsRejected);
        }
        if (++fileRows == kRowsForEstimate)
            reserveKeys(QFileInfo(path).size(), reader.bytesRead(), fileRows);
        if (fileRows % kStopCheckRows == 0 && m_state.stopRequested && m_state.stopRequested()) {
            // The caller discards a stopped validation, so the file is left unfinished.
            m_state.stopped = true;
            return reader.bytesRead();
        }
    }
    const qint64 bytes = reader.bytesRead();

    finishSelfReferences();
    if (m_table->exact)
        findStoredCaseDuplicates(firstIssue, rowsRejected);
    if (!m_table->exact)
        findDuplicates(path, firstIssue, rowsRejected);
    finishSpill(m_spill, *m_table);
    if (m_derivedRoles) {
        findDerivedDuplicates(path, firstIssue);
        findStoredRoleCollisions(firstIssue);
        finishSpill(m_derivedSpill, *m_derivedRoles);
    }
    return bytes;
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
            issue(Issue::Severity::Error, QStringLiteral("duplicate-column"), 1, name, {},
                  QStringLiteral("The column %1 appears twice in the header.")
                      .arg(latin1(match->name)));
            continue;
        }
        if (!note.isEmpty())
            issue(Issue::Severity::Warning, QStringLiteral("renamed-column"), 1, name, {}, note);
        if (match->type == FieldType::Secret)
            issue(Issue::Severity::Warning, QStringLiteral("dropped-column"), 1, name, {},
                  droppedColumnMessage());
        mapped.insert(match);
        m_fieldAt[i] = match;
        noteKeyHeader(match, i);
    }

    QSet<const Field *> misspelled;
    for (const qsizetype i : std::as_const(unmatched)) {
        const QString &name = m_headers.at(i);
        // A password column of another OneRoster version is dropped too, so that its values never
        // reach extensions.
        if (const Field *secret = secretFieldNamed(m_spec, name)) {
            issue(Issue::Severity::Warning, QStringLiteral("dropped-column"), 1, name, {},
                  droppedColumnMessage());
            m_fieldAt[i] = secret;
            continue;
        }
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
        if (suggestion && !isRequired(*suggestion, m_version) && !suggestion->derivable) {
            // An optional column is read under the name it resembles, so the load goes on.
            mapped.insert(suggestion);
            m_fieldAt[i] = suggestion;
            noteKeyHeader(suggestion, i);
            issue(Issue::Severity::Warning, QStringLiteral("misspelled-column"), 1, name, {},
                  QStringLiteral("Unknown column, read as %1. Correct the header of %2 to %1.")
                      .arg(latin1(suggestion->name), m_fileName));
            continue;
        }
        if (suggestion) {
            misspelled.insert(suggestion);
            issue(Issue::Severity::Error, QStringLiteral("misspelled-column"), 1, name, {},
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
        issue(Issue::Severity::Warning, QStringLiteral("unknown-column"), 1, name, {},
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
                issue(Issue::Severity::Warning, QStringLiteral("derived-column"), 1,
                      latin1(field->name), {},
                      QStringLiteral("The column is missing; each school year is derived from "
                                     "endDate."));
            continue;
        }
        if (isRequired(*field, m_version))
            issue(Issue::Severity::Error, QStringLiteral("missing-column"), 1, latin1(field->name),
                  {},
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
            issue(Issue::Severity::Error, QStringLiteral("row-width"), record.line, {}, {},
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
        const Field *field = m_fieldAt.at(i);
        // The password column is never stored, and its value must not reach the report.
        if (field && field->type == FieldType::Secret)
            continue;
        const QString raw = values.at(i).trimmed();
        if (exceedsLength(i, raw, record.line))
            continue;
        if (containsNul(raw)) {
            issue(Issue::Severity::Error, QStringLiteral("nul-character"), record.line, header, raw,
                  nulCharacterInFileMessage());
            continue;
        }
        if (m_extensionAt.at(i)) {
            if (!raw.isEmpty() && m_spec.hasExtensions)
                extensions.insert(header, raw);
            continue;
        }
        if (!field)
            continue;
        const FieldMeta &meta = m_metaAt.at(i);
        QVariant value;
        if (!convert(*field, meta, header, raw, record.line, value))
            continue;
        switch (meta.kind) {
        case FieldMeta::SourcedId:
            row.sourcedId = value.toString();
            break;
        case FieldMeta::Role:
            role = value.toString();
            break;
        case FieldMeta::OrgIds:
            if (!value.isNull())
                orgIds = raw.split(QLatin1Char(','), Qt::SkipEmptyParts);
            break;
        case FieldMeta::EndDate:
            endDate = parseIsoDate(value.toString());
            break;
        case FieldMeta::SchoolYear:
            hasSchoolYear = hasSchoolYear || !value.isNull();
            break;
        case FieldMeta::Other:
            break;
        }
        if (meta.column >= 0)
            row.values[meta.column] = std::move(value);
    }

    if (m_spec.entity == Entity::AcademicSessions && !hasSchoolYear && endDate.isValid()
        && (m_deriveSchoolYear || m_version < 11)) {
        row.values[m_columnIndex.value(QStringLiteral("school_year"))] = schoolYearForDate(endDate);
    }
    if (m_spec.hasExtensions && !extensions.isEmpty()) {
        row.values[m_columnIndex.value(QStringLiteral("extensions"))]
            = QString::fromUtf8(QJsonDocument(extensions).toJson(QJsonDocument::Compact));
    }

    if (m_table->exact && !row.sourcedId.isEmpty())
        checkDuplicate(row);
    const bool accepted = m_state.errorCount == errorsBefore;
    if (!m_table->exact && !row.sourcedId.isEmpty()) {
        const QByteArrayView idBytes = utf8Into(row.sourcedId, m_utf8);
        foldId(idBytes, m_idBytes);
        m_records.push_back(KeyRecord{hashBytes(m_idBytes),
                                      qint32(accepted ? row.line : -row.line),
                                      KeyRecord::exactOf(hashBytes(idBytes))});
    }
    if (!accepted) {
        if (m_table->exact && !row.sourcedId.isEmpty()) {
            const QByteArrayView idBytes = utf8Into(row.sourcedId, m_utf8);
            if (m_table->rejectedIds.findExact(idBytes) == IdSet::npos)
                m_table->rejectedIds.insert(idBytes, row.line);
        }
        ++rowsRejected;
        return;
    }
    keepKeys(row, role, orgIds);
}

namespace {

bool isDigits(QByteArrayView text, qsizetype from, qsizetype count, int &value)
{
    value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// Whether text is a valid date written YYYY-MM-DD, as parseIsoDate() reads it.
bool isIsoDate(QByteArrayView text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    return text.size() == 10 && text.at(4) == '-' && text.at(7) == '-'
           && isDigits(text, 0, 4, year) && isDigits(text, 5, 2, month)
           && isDigits(text, 8, 2, day) && QDate::isValid(year, month, day);
}

// Whether text is a UTC date and time that toIsoUtc() writes back unchanged, or the same
// without milliseconds, which it writes with .000 added.
bool isPlainUtcDateTime(QByteArrayView text)
{
    if (text.size() != 20 && text.size() != 24)
        return false;
    if (!isIsoDate(text.first(10)) || text.at(10) != 'T' || text.at(13) != ':'
        || text.at(16) != ':' || text.back() != 'Z')
        return false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millisecond = 0;
    if (!isDigits(text, 11, 2, hour) || !isDigits(text, 14, 2, minute)
        || !isDigits(text, 17, 2, second))
        return false;
    if (text.size() == 24 && (text.at(19) != '.' || !isDigits(text, 20, 3, millisecond)))
        return false;
    return QTime::isValid(hour, minute, second, millisecond);
}

// Whether a list item has only characters that jsonArrayText() writes without escaping, and no
// space at either end, which readRow() would trim.
bool isPlainListItem(QByteArrayView item)
{
    return !item.isEmpty() && item.front() != ' ' && item.back() != ' '
           && std::all_of(item.begin(), item.end(), [](char c) {
                  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                         || c == '-' || c == '.' || c == '_' || c == ':' || c == ' ';
              });
}

// Whether valid UTF-8 text starts or ends with a character that QString::trimmed() removes.
// Control characters are not asked about: readCleanRow() leaves rows with them to readRow().
bool hasOuterSpace(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    const auto isSpace = [](QByteArrayView character) {
        const QString decoded = QString::fromUtf8(character);
        return decoded.size() == 1 && decoded.at(0).isSpace();
    };
    const auto lead = static_cast<unsigned char>(text.front());
    qsizetype leadLength = 2;
    if (lead >= 0xF0)
        leadLength = 4;
    else if (lead >= 0xE0)
        leadLength = 3;
    if (lead < 0x80 ? lead == ' ' : isSpace(text.first(qMin(text.size(), leadLength))))
        return true;
    qsizetype start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text.at(start)) & 0xC0) == 0x80)
        --start;
    const auto last = static_cast<unsigned char>(text.at(start));
    return last < 0x80 ? last == ' ' : isSpace(text.sliced(start));
}

} // namespace

// Stores a row the way readRow() would, straight from its UTF-8 bytes, when readRow() would
// report nothing and store the values as written (or, for a date and time without
// milliseconds, with .000 added). Most rows of most files are such rows: no control
// characters, no spaces at the ends of a value, within the length limits, with known
// enumeration values and references. For any other row it returns false without a change,
// and readRow() reads it.
bool FileValidator::readCleanRow(const CsvRawRecord &record)
{
    if (!m_cleanRows || record.size() != m_headers.size())
        return false;
    // No control characters: no NUL, no tab, no line break. The reader checked the UTF-8.
    const QByteArrayView bytes(record.bytes);
    if (!std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F; }))
        return false;

    m_cleanValues.resize(m_table->columns.size());
    std::fill(m_cleanValues.begin(), m_cleanValues.end(), SpillValue());
    // Holds the values that differ from the bytes; the reserve keeps views into it valid.
    m_cleanText.truncate(0);
    m_cleanText.reserve(3 * bytes.size() + 32 * record.size() + 64);
    QByteArrayView id;
    QByteArrayView orgIds;
    QByteArrayView roleBytes;
    const QStringList *roleNames = nullptr;
    qsizetype roleIndex = -1;

    for (qsizetype i = 0; i < record.size(); ++i) {
        const QByteArrayView raw = record.field(i);
        if (m_extensionAt.at(i)) {
            if (!raw.isEmpty())
                return false;
            continue;
        }
        const Field *field = m_fieldAt.at(i);
        if (!field || field->type == FieldType::Secret)
            continue;
        const FieldMeta &meta = m_metaAt.at(i);
        // QString::fromUtf8() drops a U+FEFF at the start of a field, so readRow() reads the value
        // without it.
        if (hasOuterSpace(raw) || raw.startsWith("\xEF\xBB\xBF"))
            return false;
        // A limit counts characters, which are never more than the bytes.
        if (raw.size() > meta.maxLength)
            return false;
        SpillValue value;
        qsizetype enumIndex = -1;
        if (!cleanValue(*field, meta, raw, value, enumIndex))
            return false;
        if (meta.kind == FieldMeta::SourcedId) {
            id = raw;
        } else if (meta.kind == FieldMeta::OrgIds) {
            orgIds = raw;
        } else if (meta.kind == FieldMeta::Role) {
            roleBytes = raw;
            roleNames = &meta.enumValues;
            roleIndex = enumIndex;
        }
        if (meta.column >= 0)
            m_cleanValues[meta.column] = value;
    }
    if (id.isEmpty())
        return false;
    if (m_table->exact && m_table->ids.findFolded(id) != IdSet::npos)
        return false;

    const bool needsRole = m_spec.entity == Entity::Enrollments || m_spec.entity == Entity::Roles
                           || m_derivedRoles;
    const QString role = !needsRole ? QString()
                         : roleIndex >= 0 ? roleNames->at(roleIndex)
                                          : QString::fromUtf8(roleBytes);
    const SpillValue &userValue = m_cleanValues[qMax(m_keyColumns.user, 0)];
    const auto usersTable = m_state.tables.find(Entity::Users);
    const IdSet *users = usersTable != m_state.tables.end() ? &usersTable->second.ids : nullptr;
    if (m_spec.entity == Entity::Enrollments && !m_state.roles.allows(users, userValue.text, role))
        return false;

    // Accepted: what readRow() and keepKeys() keep of the row.
    if (!m_table->exact) {
        foldId(id, m_idBytes);
        m_records.push_back(
            KeyRecord{hashBytes(m_idBytes), qint32(record.line), KeyRecord::exactOf(hashBytes(id))});
    }
    ++m_table->rows;
    m_spill.append(record.line, m_cleanValues.constData(), m_cleanValues.size());
    if (m_table->exact)
        m_table->ids.insert(id, record.line);
    else if (m_state.keepIdHashes)
        m_acceptedHashes.push_back(hashBytes(id));
    const bool retires = m_delta && m_keyColumns.status >= 0
                         && m_cleanValues[m_keyColumns.status].text == QByteArrayView("tobedeleted");
    if (retires)
        m_table->retiredHashes.push_back(hashBytes(id));
    if (m_derivedRoles)
        keepCleanDerivedRoles(record.line, id, orgIds, roleBytes, role, retires, users);
    if (m_spec.entity == Entity::Roles)
        m_state.roles.add(users, QString::fromUtf8(userValue.text), role);
    ++m_state.cleanRowCount;
    return true;
}

// keepKeys() for the user_roles rows of a clean users.csv row of OneRoster 1.0 or 1.1: one per
// org, with the sourcedId user:org.
void FileValidator::keepCleanDerivedRoles(qint64 line, QByteArrayView user, QByteArrayView orgIds,
                                          QByteArrayView roleBytes, const QString &role,
                                          bool retires, const IdSet *users)
{
    if (!role.isEmpty())
        m_state.roles.add(users, user, role);
    if (orgIds.isEmpty())
        return;
    // The role ids, user:org, in a buffer reserved for all of them, so that the views stay valid.
    const qsizetype orgCount = orgIds.count(',') + 1;
    m_roleIds.truncate(0);
    m_roleIds.reserve(orgCount * (user.size() + 1) + orgIds.size());
    QVarLengthArray<QByteArrayView, 8> ids;
    qsizetype itemStart = 0;
    for (;;) {
        qsizetype itemEnd = orgIds.indexOf(',', itemStart);
        if (itemEnd < 0)
            itemEnd = orgIds.size();
        const qsizetype start = m_roleIds.size();
        m_roleIds.append(user).append(':').append(orgIds.sliced(itemStart, itemEnd - itemStart));
        const QByteArrayView id = QByteArrayView(m_roleIds).sliced(start);
        if (std::find(ids.cbegin(), ids.cend(), id) == ids.cend())
            ids.append(id);
        else
            m_roleIds.truncate(start);
        if (itemEnd == orgIds.size())
            break;
        itemStart = itemEnd + 1;
    }

    const auto text = [](QByteArrayView value) {
        SpillValue converted;
        converted.type = SpillValue::Text;
        converted.text = value;
        return converted;
    };
    const SpillValue status = m_cleanValues[qMax(m_keyColumns.status, 0)];
    const SpillValue modified = m_cleanValues[qMax(m_keyColumns.dateLastModified, 0)];
    for (const QByteArrayView id : ids) {
        const quint64 hash = hashBytes(id);
        m_derivedRecords.push_back(KeyRecord{hash, qint32(line)});
        m_derivedHashes.push_back(hash);
        const QByteArrayView org = id.sliced(user.size() + 1);
        const SpillValue values[] = {text(id),         status,         modified, text(user),
                                     text("primary"), text(roleBytes), text(org)};
        m_derivedSpill.append(line, values, std::size(values));
        if (retires)
            m_derivedRoles->retiredHashes.push_back(hash);
        ++m_derivedRoles->rows;
        if (m_delta && (user.contains(':') || org.contains(':')))
            m_colonRoles.push_back({QString::fromUtf8(id), line, QString::fromUtf8(user),
                                    QString::fromUtf8(org)});
    }
}

bool FileValidator::cleanValue(const Field &field, const FieldMeta &meta, QByteArrayView raw,
                               SpillValue &out, qsizetype &enumIndex)
{
    const auto text = [&out](QByteArrayView value) {
        out.type = SpillValue::Text;
        out.text = value;
        return true;
    };
    const auto integer = [&out](qint64 value) {
        out.type = SpillValue::Integer;
        out.integer = value;
        return true;
    };
    if (raw.isEmpty()) {
        if (m_delta && (field.type == FieldType::Status || field.type == FieldType::DateTime))
            return false;
        if (field.type == FieldType::Status)
            return text("active");
        if (field.type == FieldType::DateTime)
            return true;
        if (isRequired(field, m_version) && !(field.derivable && m_version < 11))
            return false;
        return !field.warnWhenEmpty;
    }

    switch (field.type) {
    case FieldType::Text:
        return (field.references == Entity::None || resolves(field.references, raw)) && text(raw);
    case FieldType::Secret:
        return true;
    case FieldType::Status:
        return (raw == QByteArrayView("active") || raw == QByteArrayView("tobedeleted"))
               && text(raw);
    case FieldType::DateTime:
        if (!isPlainUtcDateTime(raw))
            return false;
        if (raw.size() == 24)
            return text(raw);
        {
            const qsizetype start = m_cleanText.size();
            m_cleanText.append(raw.first(19)).append(".000Z");
            return text(QByteArrayView(m_cleanText).sliced(start));
        }
    case FieldType::Date:
        return isIsoDate(raw) && text(raw);
    case FieldType::Enum:
        for (qsizetype k = 0; k < meta.enumBytes.size(); ++k) {
            if (raw == meta.enumBytes.at(k)) {
                enumIndex = k;
                return text(raw);
            }
        }
        return raw.startsWith("ext:") && text(raw);
    case FieldType::Boolean:
        if (raw.compare("true", Qt::CaseInsensitive) == 0)
            return integer(1);
        if (raw.compare("false", Qt::CaseInsensitive) == 0)
            return integer(0);
        return false;
    case FieldType::Year: {
        int year = 0;
        return raw.size() == 4 && isDigits(raw, 0, 4, year) && integer(year);
    }
    case FieldType::List: {
        const qsizetype start = m_cleanText.size();
        m_cleanText.append("[\"");
        qsizetype itemStart = 0;
        for (;;) {
            qsizetype itemEnd = raw.indexOf(',', itemStart);
            if (itemEnd < 0)
                itemEnd = raw.size();
            const QByteArrayView item = raw.sliced(itemStart, itemEnd - itemStart);
            if (!isPlainListItem(item))
                return false;
            if (field.references != Entity::None && !resolves(field.references, item))
                return false;
            if (itemStart > 0)
                m_cleanText.append("\",\"");
            m_cleanText.append(item);
            if (itemEnd == raw.size())
                break;
            itemStart = itemEnd + 1;
        }
        m_cleanText.append("\"]");
        return text(QByteArrayView(m_cleanText).sliced(start));
    }
    }
    return false;
}

// Reports a value of the header's column over its limit, or a list item over the item limit.
// The finding shows the value shortened, so a runaway value never fills the report.
bool FileValidator::exceedsLength(qsizetype header, const QString &raw, qint64 line)
{
    const Field *field = m_fieldAt.at(header);
    qsizetype limit = kMaxFreeTextLength;
    if (field) {
        // The password column is never stored, and its value must not reach the report.
        if (field->type == FieldType::Secret)
            return false;
        limit = m_metaAt.at(header).maxLength;
    } else if (!m_extensionAt.at(header) || !m_spec.hasExtensions) {
        // Other values are dropped, so they reach neither the store nor a vendor.
        return false;
    }
    // No value or item of at most limit UTF-16 units can have more code points.
    if (raw.size() <= limit)
        return false;

    LengthBreach breach;
    if (field && field->type == FieldType::List) {
        const QStringList items = raw.split(QLatin1Char(','));
        bool found = false;
        for (const QString &item : items)
            found = found || itemExceedsLength(item.trimmed(), limit, breach);
        if (!found)
            return false;
    } else if (!hub::inbound::exceedsLength(raw, limit, breach)) {
        return false;
    }
    issue(Issue::Severity::Error, QStringLiteral("field-length"), line, m_headers.at(header),
          breach.shownValue, breach.message);
    return true;
}

QStringList FileValidator::derivedRoleIds(const QString &userId, const QStringList &orgIds) const
{
    QStringList ids;
    for (const QString &org : orgIds) {
        const QString id = userId + QLatin1Char(':') + org.trimmed();
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

void FileValidator::checkDuplicate(const ParsedRow &row)
{
    const quint32 first = m_table->ids.findFolded(utf8Into(row.sourcedId, m_utf8));
    if (first == IdSet::npos)
        return;
    const QString other = QString::fromUtf8(m_table->ids.idAt(first));
    const qint64 firstLine = m_table->ids.lineAt(first);
    if (other == row.sourcedId) {
        issue(Issue::Severity::Error, QStringLiteral("duplicate-id"), row.line,
              QStringLiteral("sourcedId"), row.sourcedId,
              QStringLiteral("Duplicate sourcedId; line %1 has it too.").arg(firstLine));
    } else {
        issue(Issue::Severity::Error, QStringLiteral("duplicate-id"), row.line,
              QStringLiteral("sourcedId"), row.sourcedId, caseDuplicateMessage(other, firstLine));
    }
}

void FileValidator::reserveKeys(qint64 fileBytes, qint64 bytesRead, qint64 rowsRead)
{
    // Growing a vector of key records by doubling would at times keep the old and the new
    // copy, up to three times the keys of a statewide enrollments file. So the file's first
    // rows give an estimate that is reserved at once.
    if (bytesRead <= 0)
        return;
    const auto expected = size_t(double(fileBytes) / double(bytesRead) * double(rowsRead) * 1.05);
    if (!m_table->exact) {
        m_records.reserve(expected);
        if (m_state.keepIdHashes)
            m_acceptedHashes.reserve(expected);
    }
    if (m_derivedRoles) {
        m_derivedRecords.reserve(expected);
        m_derivedHashes.reserve(expected);
    }
}

void FileValidator::openSpill(SpillWriter &spill)
{
    if (m_state.spillFolder.isEmpty())
        return;
    if (auto opened = spill.open(m_state.spillFolder); !opened)
        issue(Issue::Severity::Error, QStringLiteral("store"), 0, {}, {}, opened.error());
}

void FileValidator::finishSpill(SpillWriter &spill, TableKeys &table)
{
    if (auto finished = spill.finish(); !finished)
        issue(Issue::Severity::Error, QStringLiteral("store"), 0, {}, {}, finished.error());
    table.spill = spill.takeFile();
}

void FileValidator::keepKeys(const ParsedRow &row, const QString &role, const QStringList &orgIds)
{
    ++m_table->rows;
    m_spill.append(row.line, row.values);
    const QByteArrayView idBytes = utf8Into(row.sourcedId, m_utf8);
    if (m_table->exact)
        m_table->ids.insert(idBytes, row.line);
    else if (m_state.keepIdHashes)
        m_acceptedHashes.push_back(hashBytes(idBytes));
    const bool retires
        = m_delta && m_keyColumns.status >= 0
          && row.values.at(m_keyColumns.status).toString() == QLatin1String("tobedeleted");
    if (retires)
        m_table->retiredHashes.push_back(hashBytes(idBytes));

    if (m_keyColumns.parent >= 0) {
        m_table->order.append(row.sourcedId);
        const QString parentId = row.values.at(m_keyColumns.parent).toString();
        if (!parentId.isEmpty())
            m_table->parentOf.insert(row.sourcedId, parentId);
    }

    const auto usersTable = m_state.tables.find(Entity::Users);
    const IdSet *users = usersTable != m_state.tables.end() ? &usersTable->second.ids : nullptr;
    if (m_spec.entity == Entity::Users && m_derivedRoles) {
        if (!role.isEmpty())
            m_state.roles.add(users, row.sourcedId, role);
        for (const QString &id : derivedRoleIds(row.sourcedId, orgIds)) {
            const quint64 hash = hashBytes(utf8Into(id, m_utf8));
            m_derivedRecords.push_back(KeyRecord{hash, qint32(row.line)});
            m_derivedHashes.push_back(hash);
            m_derivedSpill.append(row.line, {id, row.values.at(qMax(m_keyColumns.status, 0)),
                                             row.values.at(qMax(m_keyColumns.dateLastModified, 0)),
                                             row.sourcedId, QStringLiteral("primary"), role,
                                             id.mid(row.sourcedId.size() + 1)});
            if (retires)
                m_derivedRoles->retiredHashes.push_back(hash);
            ++m_derivedRoles->rows;
            const QString org = id.mid(row.sourcedId.size() + 1);
            if (m_delta && (row.sourcedId.contains(QLatin1Char(':'))
                            || org.contains(QLatin1Char(':'))))
                m_colonRoles.push_back({id, row.line, row.sourcedId, org});
        }
    }
    if (m_spec.entity == Entity::Roles) {
        const QString user = row.values.at(qMax(m_keyColumns.user, 0)).toString();
        m_state.roles.add(users, user, role);
    }
    if (m_spec.entity == Entity::Enrollments) {
        const QString user = row.values.at(qMax(m_keyColumns.user, 0)).toString();
        if (!m_state.roles.allows(users, user, role)) {
            if (m_state.roleMismatches.size() < maxListedIssues)
                m_state.roleMismatches.append({user, role, m_fileName, row.line,
                                               QStringLiteral("role"),
                                               m_state.roles.rolesOf(users, user)});
            else
                m_state.unlistedRoleMismatchLines.append(row.line);
        }
    }
}

// Reads the ids of the given lines again, as readRow() took them.
static QHash<qint64, QString> readFieldAt(const QString &path, qsizetype header,
                                          const QSet<qint64> &lines)
{
    QHash<qint64, QString> fields;
    QFile file(path);
    if (header < 0 || !file.open(QIODevice::ReadOnly))
        return fields;
    CsvReader reader(&file);
    CsvRecord record;
    // The header, then each row until the last line asked for.
    while (fields.size() < lines.size()) {
        auto read = reader.readRecord(record);
        if (!read || !*read)
            break;
        if (lines.contains(record.line) && header < record.fields.size())
            fields.insert(record.line, record.fields.at(header).trimmed());
    }
    return fields;
}

void FileValidator::findDuplicates(const QString &path, qsizetype firstIssue,
                                   qint64 &rowsRejected)
{
    std::sort(m_records.begin(), m_records.end(), [](const KeyRecord &a, const KeyRecord &b) {
        return a.hash != b.hash ? a.hash < b.hash : std::abs(a.line) < std::abs(b.line);
    });
    QSet<qint64> candidates;
    for (size_t i = 1; i < m_records.size(); ++i) {
        if (m_records[i].hash == m_records[i - 1].hash) {
            candidates.insert(std::abs(m_records[i - 1].line));
            candidates.insert(std::abs(m_records[i].line));
        }
    }

    QList<Issue> late;
    QSet<qint64> rejected;
    if (!candidates.isEmpty()) {
        // Equal hashes are duplicates only when the folded ids are equal too.
        const QHash<qint64, QString> ids = readFieldAt(path, m_idHeader, candidates);
        size_t begin = 0;
        while (begin < m_records.size()) {
            size_t end = begin + 1;
            while (end < m_records.size() && m_records[end].hash == m_records[begin].hash)
                ++end;
            // The accepted rows of the group, the first of each folded id.
            QList<std::pair<QString, qint64>> firsts;
            for (size_t i = begin; end - begin > 1 && i < end; ++i) {
                const qint64 line = std::abs(m_records[i].line);
                const QString id = ids.value(line);
                const QString folded = id.toCaseFolded();
                const auto first = std::find_if(firsts.cbegin(), firsts.cend(), [&](const auto &f) {
                    return f.first.toCaseFolded() == folded;
                });
                if (first != firsts.cend()) {
                    late.append(makeIssue(Issue::Severity::Error, QStringLiteral("duplicate-id"),
                                          m_fileName, line, QStringLiteral("sourcedId"), id,
                                          first->first == id
                                              ? QStringLiteral("Duplicate sourcedId; line %1 has "
                                                               "it too.")
                                                    .arg(first->second)
                                              : caseDuplicateMessage(first->first, first->second)));
                    if (m_records[i].line > 0) {
                        ++rowsRejected;
                        rejected.insert(line);
                    }
                } else if (m_records[i].line > 0) {
                    firsts.append({id, line});
                }
            }
            begin = end;
        }
    }
    findStoredCaseVariants(path, late, rejected, rowsRejected);
    if (!late.isEmpty()) {
        std::sort(late.begin(), late.end(),
                  [](const Issue &a, const Issue &b) { return a.line < b.line; });
        m_state.insertFileIssues(firstIssue, late);
        // A rejected row has no role to compare.
        m_state.roleMismatches.removeIf([&](const EnrollmentRole &mismatch) {
            return mismatch.file == m_fileName && rejected.contains(mismatch.line);
        });
        m_state.unlistedRoleMismatchLines.removeIf(
            [&](qint64 line) { return rejected.contains(line); });
    }
    std::vector<KeyRecord>().swap(m_records);

    std::sort(m_acceptedHashes.begin(), m_acceptedHashes.end());
    m_acceptedHashes.erase(std::unique(m_acceptedHashes.begin(), m_acceptedHashes.end()),
                           m_acceptedHashes.end());
    m_acceptedHashes.shrink_to_fit();
    m_table->idHashes = std::move(m_acceptedHashes);
    std::sort(m_table->retiredHashes.begin(), m_table->retiredHashes.end());
}

void FileValidator::findDerivedDuplicates(const QString &path, qsizetype firstIssue)
{
    std::sort(m_derivedRecords.begin(), m_derivedRecords.end(),
              [](const KeyRecord &a, const KeyRecord &b) {
                  return a.hash != b.hash ? a.hash < b.hash : a.line < b.line;
              });
    QSet<qint64> candidates;
    for (size_t i = 1; i < m_derivedRecords.size(); ++i) {
        if (m_derivedRecords[i].hash == m_derivedRecords[i - 1].hash) {
            candidates.insert(m_derivedRecords[i - 1].line);
            candidates.insert(m_derivedRecords[i].line);
        }
    }
    if (!candidates.isEmpty()) {
        const QHash<qint64, QString> users = readFieldAt(path, m_idHeader, candidates);
        const QHash<qint64, QString> orgs = readFieldAt(path, m_orgsHeader, candidates);
        // Equal ids of different lines: the first line gives the row, as readRow() did. Each
        // accepted user is on one line only, so two lines with one id are two different
        // (user, org) pairs that a colon in a sourcedId joins to the same text. Either role
        // would be lost, so the later line gets an Error. A user that lists one org twice gives
        // its id once, in derivedRoleIds(), and is no finding.
        QHash<QString, qint64> firstLine;
        QList<Issue> late;
        QList<qint64> lines(candidates.cbegin(), candidates.cend());
        std::sort(lines.begin(), lines.end());
        for (const qint64 line : std::as_const(lines)) {
            const QString user = users.value(line);
            const QStringList orgIds
                = orgs.value(line).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &id : derivedRoleIds(user, orgIds)) {
                const auto found = firstLine.constFind(id);
                if (found == firstLine.cend()) {
                    firstLine.insert(id, line);
                    continue;
                }
                const QString otherUser = users.value(*found);
                const QString org = id.mid(user.size() + 1);
                late.append(makeIssue(Issue::Severity::Error, QStringLiteral("role-id-collision"),
                                      m_fileName, line, QStringLiteral("orgSourcedIds"), org,
                                      roleIdCollisionMessage(id, user, org, otherUser,
                                                             id.mid(otherUser.size() + 1),
                                                             *found)));
                m_derivedRoles->skippedDerived[line].append(id);
                --m_derivedRoles->rows;
                const quint64 hash = hashBytes(id.toUtf8());
                const auto hashAt = std::find(m_derivedHashes.begin(), m_derivedHashes.end(), hash);
                if (hashAt != m_derivedHashes.end())
                    m_derivedHashes.erase(hashAt);
            }
        }
        m_state.insertFileIssues(firstIssue, late);
    }
    std::vector<KeyRecord>().swap(m_derivedRecords);
    std::sort(m_derivedHashes.begin(), m_derivedHashes.end());
    m_derivedHashes.shrink_to_fit();
    m_derivedRoles->idHashes = std::move(m_derivedHashes);
    std::sort(m_derivedRoles->retiredHashes.begin(), m_derivedRoles->retiredHashes.end());
}

// Reports the derived roles of a delta users.csv whose sourcedId the district has stored for
// another user and org, because the load would take that role over. Two different pairs give
// the same user:org text only when the longer user sourcedId and the shorter one's org contain
// a colon. So only the pairs with a colon are looked up, in one query per 500 of them.
// NOTE: a role that a OneRoster 1.2 roles.csv stored earlier may have any sourcedId, so a pair
// without a colon can still match it unnoticed.
void FileValidator::findStoredRoleCollisions(qsizetype firstIssue)
{
    std::vector<ColonRole> roles;
    roles.swap(m_colonRoles);
    if (roles.empty() || !m_state.db.isValid())
        return;
    QHash<QString, std::pair<QString, QString>> storedPairs;
    constexpr size_t batchSize = 500;
    for (size_t begin = 0; begin < roles.size(); begin += batchSize) {
        const size_t end = std::min(roles.size(), begin + batchSize);
        QVariantList bindings{m_state.districtId};
        QStringList placeholders;
        for (size_t i = begin; i < end; ++i) {
            bindings.append(roles[i].id);
            placeholders.append(QStringLiteral("?"));
        }
        auto query = execute(m_state.db,
                             QStringLiteral("SELECT sourced_id, user_sourced_id, org_sourced_id "
                                            "FROM user_roles WHERE district_id = ? AND "
                                            "sourced_id IN (%1)")
                                 .arg(placeholders.join(QLatin1Char(','))),
                             bindings);
        if (!query) {
            issue(Issue::Severity::Error, QStringLiteral("store"), 0, {}, {}, query.error());
            return;
        }
        while (query->next())
            storedPairs.insert(query->value(0).toString(),
                               {query->value(1).toString(), query->value(2).toString()});
    }

    QList<Issue> late;
    for (const ColonRole &role : roles) {
        const auto stored = storedPairs.constFind(role.id);
        if (stored == storedPairs.cend()
            || (stored->first == role.user && stored->second == role.org))
            continue;
        // An earlier line of the file gave the id already, and that finding names it.
        if (m_derivedRoles->skippedDerived.value(role.line).contains(role.id))
            continue;
        late.append(makeIssue(Issue::Severity::Error, QStringLiteral("role-id-collision"),
                              m_fileName, role.line, QStringLiteral("orgSourcedIds"), role.org,
                              storedRoleCollisionMessage(role.id, role.user, role.org,
                                                         stored->first, stored->second)));
    }
    m_state.insertFileIssues(firstIssue, late);
}

bool FileValidator::convert(const Field &field, const FieldMeta &meta, const QString &header,
                            const QString &raw, qint64 line, QVariant &out)
{
    const QString &name = meta.name;
    auto error = [&](const QString &rule, const QString &message) {
        issue(Issue::Severity::Error, rule, line, header, raw, message);
        return false;
    };
    auto warning = [&](const QString &rule, const QString &message) {
        issue(Issue::Severity::Warning, rule, line, header, raw, message);
    };
    auto addReference = [&](const QString &id) {
        if (field.references != Entity::None)
            checkReference(field.references, id, line, header);
    };

    if (field.type == FieldType::Secret)
        return true;

    if (raw.isEmpty()) {
        // A delta row says whether it adds, changes or retires a record, and when.
        if (m_delta && (field.type == FieldType::Status || field.type == FieldType::DateTime))
            return error(QStringLiteral("delta-status"),
                         QStringLiteral("%1 is empty, but every row of a delta file needs it. "
                                        "Enter %2.")
                             .arg(name, field.type == FieldType::Status
                                            ? QStringLiteral("active or tobedeleted")
                                            : QStringLiteral("the time of the change, such as "
                                                             "2023-05-01T18:25:43.511Z")));
        // Bulk files may leave status and dateLastModified empty, so an empty value is no
        // finding: the record is stored as active with the load time.
        if (field.type == FieldType::Status) {
            out = QStringLiteral("active");
            return true;
        }
        if (field.type == FieldType::DateTime)
            return true;
        if (isRequired(field, m_version) && !(field.derivable && m_version < 11))
            return error(QStringLiteral("required"),
                         QStringLiteral("%1 is required but empty.").arg(name));
        if (field.warnWhenEmpty)
            warning(QStringLiteral("required"),
                    QStringLiteral("%1 is empty, although OneRoster requires it.").arg(name));
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
            warning(QStringLiteral("inactive-status"),
                    QStringLiteral("status inactive is OneRoster 1.0; stored as tobedeleted."));
            out = QStringLiteral("tobedeleted");
            return true;
        }
        for (const QLatin1String canonical :
             {QLatin1String("active"), QLatin1String("tobedeleted")}) {
            if (raw.compare(canonical, Qt::CaseInsensitive) == 0) {
                warning(QStringLiteral("enum-case"),
                        QStringLiteral("status differs in case; stored as %1.").arg(canonical));
                out = QString(canonical);
                return true;
            }
        }
        return error(QStringLiteral("enum"),
                     QStringLiteral("Invalid status; expected active or tobedeleted."));
    }
    case FieldType::DateTime: {
        QString note;
        const QDateTime dateTime = parseDateTime(raw, note);
        if (!dateTime.isValid())
            return error(QStringLiteral("date-format"),
                         QStringLiteral("Invalid %1; expected an ISO 8601 UTC date and time such "
                                        "as 2023-05-01T18:25:43.511Z. Day and month are never "
                                        "guessed.")
                             .arg(name));
        if (!note.isEmpty())
            warning(QStringLiteral("date-format"), note);
        out = toIsoUtc(dateTime);
        return true;
    }
    case FieldType::Date:
        if (!parseIsoDate(raw).isValid())
            return error(QStringLiteral("date-format"),
                         QStringLiteral("Invalid %1; expected an ISO 8601 date YYYY-MM-DD. Day "
                                        "and month are never guessed.")
                             .arg(name));
        out = raw;
        return true;
    case FieldType::Enum: {
        const QStringList &allowed = meta.enumValues;
        if (allowed.contains(raw) || raw.startsWith(QLatin1String("ext:"))) {
            out = raw;
            return true;
        }
        for (const QString &canonical : allowed) {
            if (raw.compare(canonical, Qt::CaseInsensitive) == 0) {
                warning(QStringLiteral("enum-case"),
                        QStringLiteral("%1 differs in case from %2; stored as %2.")
                            .arg(name, canonical));
                out = canonical;
                return true;
            }
        }
        return error(QStringLiteral("enum"), QStringLiteral("Invalid %1; expected one of %2.")
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
        return error(QStringLiteral("boolean"),
                     QStringLiteral("Invalid %1; expected true or false.").arg(name));
    case FieldType::Year: {
        static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
        if (!year.match(raw).hasMatch())
            return error(
                QStringLiteral("year"),
                QStringLiteral("Invalid %1; expected a four-digit year such as 2024.").arg(name));
        out = raw.toInt();
        return true;
    }
    case FieldType::List: {
        QStringList items;
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
                return error(QStringLiteral("required"),
                             QStringLiteral("%1 is required but lists no value.").arg(name));
            return true;
        }
        out = jsonArrayText(items);
        return true;
    }
    }
    return true;
}


void FileValidator::noteKeyHeader(const Field *field, qsizetype header)
{
    const QLatin1String name(field->name);
    if (name == QLatin1String("sourcedId"))
        m_idHeader = header;
    else if (name == QLatin1String("orgSourcedIds"))
        m_orgsHeader = header;
}

QString caseDuplicateMessage(const QString &other, qint64 otherLine)
{
    return QStringLiteral("The sourcedId differs only in case from %1 on line %2, and systems "
                          "that ignore case would merge the two records. Give each record a "
                          "sourcedId that differs in more than case.")
        .arg(other)
        .arg(otherLine);
}

QString roleIdCollisionMessage(const QString &roleId, const QString &user, const QString &org,
                               const QString &otherUser, const QString &otherOrg,
                               qint64 otherLine)
{
    return QStringLiteral("The role sourcedId %1, which the hub forms as user:org, comes from "
                          "user %2 and org %3 on this line and from user %4 and org %5 on line "
                          "%6. Only one of the two roles could be stored. Change one of these "
                          "user or org sourcedIds, for example by removing a colon, so that the "
                          "pairs give different role sourcedIds.")
        .arg(roleId, user, org, otherUser, otherOrg, QString::number(otherLine));
}

QString storedRoleCollisionMessage(const QString &roleId, const QString &user,
                                   const QString &org, const QString &storedUser,
                                   const QString &storedOrg)
{
    return QStringLiteral("The role sourcedId %1, which the hub forms as user:org, comes from "
                          "user %2 and org %3 on this line, but the district has it stored for "
                          "user %4 and org %5. Loading the row would take that role from user "
                          "%4. Change one of these user or org sourcedIds, for example by "
                          "removing a colon, so that the pairs give different role sourcedIds.")
        .arg(roleId, user, org, storedUser, storedOrg);
}

qint64 roleIdCollisionLine(const QString &message, qsizetype *start, qsizetype *length)
{
    // The other line is the number before the fixed text that follows it, so no sourcedId in
    // the message can be mistaken for it.
    static const QString marker = QStringLiteral(". Only one of the two roles could be stored.");
    static const QString before = QStringLiteral(" on line ");
    const qsizetype end = message.indexOf(marker);
    const qsizetype at = end < 0 ? -1 : message.lastIndexOf(before, end);
    if (at < 0)
        return 0;
    const qsizetype digits = at + before.size();
    bool ok = false;
    const qint64 line = message.mid(digits, end - digits).toLongLong(&ok);
    if (!ok || line <= 0)
        return 0;
    if (start)
        *start = digits;
    if (length)
        *length = end - digits;
    return line;
}

QString rejectedRecordMessage(const QString &fileName, qint64 line)
{
    return QStringLiteral("%1 has this sourcedId on line %2, but that row has an error, so its "
                          "record is not loaded. Correct that row.")
        .arg(fileName)
        .arg(line);
}

qint64 rejectedRecordLine(const QString &message, const QString &fileName)
{
    const QString prefix = fileName + QStringLiteral(" has this sourcedId on line ");
    if (!message.startsWith(prefix))
        return 0;
    qsizetype end = prefix.size();
    while (end < message.size() && message.at(end).isDigit())
        ++end;
    const qint64 line = message.mid(prefix.size(), end - prefix.size()).toLongLong();
    // The whole message must match, so another message that starts the same way is rejected.
    return line > 0 && message == rejectedRecordMessage(fileName, line) ? line : 0;
}

QString storedCaseDuplicateMessage(const QString &stored)
{
    return QStringLiteral("The district has the stored sourcedId %1, which differs only in "
                          "case, and systems that ignore case would merge the two records. Use "
                          "%1 exactly to update the stored record, or give this record a "
                          "sourcedId that differs in more than case.")
        .arg(stored);
}

// Reports the accepted sourcedIds that differ only in case from a stored sourcedId of the
// district. It costs one query per file, which reads the stored sourcedIds of the table once as
// a stream, so the time grows with the stored rows and the memory only with the findings.
void FileValidator::findStoredCaseDuplicates(qsizetype firstIssue, qint64 &rowsRejected)
{
    if (!m_state.db.isValid() || m_table->ids.size() == 0)
        return;
    auto query = execute(m_state.db,
                         QStringLiteral("SELECT sourced_id FROM %1 WHERE district_id = ?")
                             .arg(m_table->table),
                         {m_state.districtId});
    if (!query) {
        issue(Issue::Severity::Error, QStringLiteral("store"), 0, {}, {}, query.error());
        return;
    }
    // By index of the file's accepted ids, which differ from each other in more than case: a
    // stored id that differs only in case, and whether the store has the id exactly too.
    QHash<quint32, QString> caseVariants;
    QSet<quint32> storedExactly;
    while (query->next()) {
        const QString stored = query->value(0).toString();
        const QByteArrayView bytes = utf8Into(stored, m_utf8);
        const quint32 index = m_table->ids.findFolded(bytes);
        if (index == IdSet::npos)
            continue;
        if (m_table->ids.idAt(index) == bytes)
            storedExactly.insert(index);
        else if (!caseVariants.contains(index))
            caseVariants.insert(index, stored);
    }

    QList<Issue> late;
    for (auto it = caseVariants.cbegin(); it != caseVariants.cend(); ++it) {
        // A row with a stored id exactly updates that record.
        if (storedExactly.contains(it.key()))
            continue;
        late.append(makeIssue(Issue::Severity::Error, QStringLiteral("duplicate-id"), m_fileName,
                              m_table->ids.lineAt(it.key()), QStringLiteral("sourcedId"),
                              QString::fromUtf8(m_table->ids.idAt(it.key())),
                              storedCaseDuplicateMessage(it.value())));
        ++rowsRejected;
    }
    std::sort(late.begin(), late.end(),
              [](const Issue &a, const Issue &b) { return a.line < b.line; });
    m_state.insertFileIssues(firstIssue, late);
}

// findStoredCaseDuplicates() for a file whose sourcedIds are kept as hashes: m_records, sorted
// by folded hash. A stored id with the folded hash of an accepted row marks the row as stored
// exactly when the exact hashes match too, and as stored in other case when they do not. A row
// with only the second mark gets a duplicate-id Error. The ids of the first maxListedIssues such
// rows are read again to confirm and name them; the rest are counted.
void FileValidator::findStoredCaseVariants(const QString &path, QList<Issue> &late,
                                           QSet<qint64> &rejected, qint64 &rowsRejected)
{
    if (!m_state.db.isValid() || m_records.empty())
        return;
    const QString sql = QStringLiteral("SELECT sourced_id FROM %1 WHERE district_id = ?")
                            .arg(m_table->table);
    auto query = execute(m_state.db, sql, {m_state.districtId});
    if (!query) {
        late.append(makeIssue(Issue::Severity::Error, QStringLiteral("store"), m_fileName, 0, {},
                              {}, query.error()));
        return;
    }
    bool anyOtherCase = false;
    while (query->next()) {
        const QByteArrayView bytes = utf8Into(query->value(0).toString(), m_utf8);
        foldId(bytes, m_idBytes);
        const quint64 folded = hashBytes(m_idBytes);
        const quint32 exact = KeyRecord::exactOf(hashBytes(bytes));
        auto it = std::lower_bound(m_records.begin(), m_records.end(), folded,
                                   [](const KeyRecord &record, quint64 hash) {
                                       return record.hash < hash;
                                   });
        for (; it != m_records.end() && it->hash == folded; ++it) {
            if (KeyRecord::exactOf(it->exact) == exact) {
                it->exact |= KeyRecord::storedExactly;
            } else {
                it->exact |= KeyRecord::storedInOtherCase;
                anyOtherCase = true;
            }
        }
    }
    if (!anyOtherCase)
        return;

    std::vector<qint64> lines;
    for (const KeyRecord &record : m_records) {
        if (record.line > 0 && (record.exact & KeyRecord::storedInOtherCase)
            && !(record.exact & KeyRecord::storedExactly) && !rejected.contains(record.line))
            lines.push_back(record.line);
    }
    std::sort(lines.begin(), lines.end());
    const auto listed = qsizetype(std::min<size_t>(lines.size(), size_t(maxListedIssues)));
    // Past the listed rows, a 64-bit hash match is taken as a match without reading the ids.
    const auto unlisted = qint64(lines.size()) - listed;
    rowsRejected += unlisted;
    m_state.errorCount += unlisted;
    m_state.unlistedIssues += unlisted;
    if (listed == 0)
        return;

    const QHash<qint64, QString> ids
        = readFieldAt(path, m_idHeader, QSet<qint64>(lines.cbegin(), lines.cbegin() + listed));
    QHash<QByteArray, qint64> lineOfFolded;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        foldId(utf8Into(it.value(), m_utf8), m_idBytes);
        lineOfFolded.insert(m_idBytes, it.key());
    }
    // The stored id that differs from each listed row's id only in case.
    QHash<qint64, QString> variants;
    auto again = execute(m_state.db, sql, {m_state.districtId});
    if (!again)
        late.append(makeIssue(Issue::Severity::Error, QStringLiteral("store"), m_fileName, 0, {},
                              {}, again.error()));
    while (again && again->next()) {
        const QString stored = again->value(0).toString();
        foldId(utf8Into(stored, m_utf8), m_idBytes);
        const auto line = lineOfFolded.constFind(m_idBytes);
        if (line != lineOfFolded.cend() && ids.value(*line) != stored)
            variants.insert(*line, stored);
    }
    for (qsizetype i = 0; i < listed; ++i) {
        const qint64 line = lines[size_t(i)];
        const auto variant = variants.constFind(line);
        // Equal hashes of ids that differ in more than case are no finding.
        if (variant == variants.cend())
            continue;
        late.append(makeIssue(Issue::Severity::Error, QStringLiteral("duplicate-id"), m_fileName,
                              line, QStringLiteral("sourcedId"), ids.value(line),
                              storedCaseDuplicateMessage(*variant)));
        rejected.insert(line);
        ++rowsRejected;
    }
}

const IdSet *FileValidator::storedIds(Entity target)
{
    const auto found = m_state.storedIds.find(target);
    if (found != m_state.storedIds.end())
        return &found->second;
    IdSet &ids = m_state.storedIds[target];
    const char *table = nullptr;
    for (const FileSpec &spec : schema::storedFiles()) {
        if (spec.entity == target)
            table = spec.table;
    }
    if (!table || !m_state.db.isValid())
        return &ids;
    auto query = execute(m_state.db,
                         QStringLiteral("SELECT sourced_id FROM %1 WHERE district_id = ?")
                             .arg(latin1(table)),
                         {m_state.districtId});
    if (!query) {
        m_state.add(makeIssue(Issue::Severity::Error, QStringLiteral("store"), {}, 0, {}, {},
                              query.error()));
        return &ids;
    }
    while (query->next())
        ids.insert(query->value(0).toString().toUtf8(), 0);
    return &ids;
}

void FileValidator::checkReference(Entity target, const QString &id, qint64 line,
                                   const QString &column)
{
    const quint64 sequence = ++m_state.referenceSequence;
    if (resolves(target, utf8Into(id, m_utf8)))
        return;

    // Each sourcedId that a column of a file does not resolve is reported once.
    const QString key = m_fileName + QLatin1Char('\n') + column + QLatin1Char('\n') + id;
    if (m_state.reportedReferences.contains(key))
        return;
    const Reference reference{target, id, m_fileName, line, column, sequence};
    if (target == m_spec.entity) {
        // A record of this file that comes later may resolve it.
        m_state.reportedReferences.insert(key);
        m_state.pendingSelfReferences.append(reference);
        return;
    }
    if (m_state.unknownReferences.size() < maxListedIssues) {
        m_state.reportedReferences.insert(key);
        m_state.unknownReferences.append(reference);
        return;
    }
    const quint64 keyHash = hashBytes(key.toUtf8());
    if (!m_state.unlistedReferenceKeys.contains(keyHash)) {
        m_state.unlistedReferenceKeys.insert(keyHash);
        ++m_state.unlistedReferences;
    }
}

bool FileValidator::resolves(Entity target, QByteArrayView id)
{
    // A bulk target file replaces the stored records, so only its own rows resolve a
    // reference. A delta target file adds to them, so its rows and the stored records do;
    // without the file, the stored records alone do.
    const auto table = m_state.tables.find(target);
    const bool inBundle = table != m_state.tables.end();
    if (inBundle && table->second.ids.findExact(id) != IdSet::npos)
        return true;
    return (!inBundle || table->second.delta) && storedIds(target)->findExact(id) != IdSet::npos;
}

void FileValidator::finishSelfReferences()
{
    QList<Reference> unknown;
    for (const Reference &reference : std::as_const(m_state.pendingSelfReferences)) {
        if (m_table->ids.findExact(reference.id.toUtf8()) != IdSet::npos) {
            m_state.reportedReferences.remove(reference.file + QLatin1Char('\n')
                                              + reference.column + QLatin1Char('\n')
                                              + reference.id);
            continue;
        }
        unknown.append(reference);
    }
    m_state.pendingSelfReferences.clear();
    if (unknown.isEmpty())
        return;

    // Merge by the order of occurrence, and keep the first maxListedIssues.
    QList<Reference> merged;
    merged.reserve(m_state.unknownReferences.size() + unknown.size());
    std::merge(m_state.unknownReferences.cbegin(), m_state.unknownReferences.cend(),
               unknown.cbegin(), unknown.cend(), std::back_inserter(merged),
               [](const Reference &a, const Reference &b) { return a.sequence < b.sequence; });
    if (merged.size() > maxListedIssues) {
        m_state.unlistedReferences += merged.size() - maxListedIssues;
        merged.resize(maxListedIssues);
    }
    m_state.unknownReferences = std::move(merged);
}

void RoleBook::add(const IdSet *users, QByteArrayView user, const QString &role)
{
    const int bit = roleBit(role);
    const quint32 index = users ? users->findExact(user) : IdSet::npos;
    if (bit < 0 || index == IdSet::npos) {
        add(users, QString::fromUtf8(user), role);
        return;
    }
    if (m_masks.size() <= index)
        m_masks.resize(size_t(users->size()), 0);
    m_masks[index] |= quint64(1) << bit;
}

void RoleBook::add(const IdSet *users, const QString &user, const QString &role)
{
    int bit = roleBit(role);
    if (bit < 0 && m_names.size() < 64) {
        bit = int(m_names.size());
        m_bits.insert(role, bit);
        m_names.append(role);
    }
    const quint32 index = users ? users->findExact(utf8Into(user, m_utf8)) : IdSet::npos;
    if (bit < 0 || index == IdSet::npos) {
        m_other[user].insert(role);
        return;
    }
    if (m_masks.size() <= index)
        m_masks.resize(size_t(users->size()), 0);
    m_masks[index] |= quint64(1) << bit;
}

QStringList RoleBook::rolesOf(const IdSet *users, const QString &user) const
{
    QSet<QString> roles = m_other.value(user);
    const quint32 index = users ? users->findExact(utf8Into(user, m_utf8)) : IdSet::npos;
    if (index != IdSet::npos && index < m_masks.size()) {
        for (qsizetype bit = 0; bit < m_names.size(); ++bit) {
            if (m_masks[index] & (quint64(1) << bit))
                roles.insert(m_names.at(bit));
        }
    }
    QStringList sorted(roles.cbegin(), roles.cend());
    sorted.sort();
    return sorted;
}

bool RoleBook::allows(const IdSet *users, QByteArrayView user, const QString &role) const
{
    const quint32 index = users ? users->findExact(user) : IdSet::npos;
    const quint64 mask = index != IdSet::npos && index < m_masks.size() ? m_masks[index] : 0;
    const int bit = roleBit(role);
    if (bit >= 0 && (mask & (quint64(1) << bit)))
        return true;
    if (!m_other.isEmpty()) {
        const auto other = m_other.constFind(QString::fromUtf8(user));
        if (other != m_other.cend())
            return other->contains(role);
    }
    return mask == 0;
}

bool RoleBook::allows(const IdSet *users, const QString &user, const QString &role) const
{
    const quint32 index = users ? users->findExact(utf8Into(user, m_utf8)) : IdSet::npos;
    const quint64 mask = index != IdSet::npos && index < m_masks.size() ? m_masks[index] : 0;
    const int bit = roleBit(role);
    if (bit >= 0 && (mask & (quint64(1) << bit)))
        return true;
    const auto other = m_other.constFind(user);
    if (other != m_other.cend())
        return other->contains(role);
    return mask == 0;
}

void ValidationState::insertFileIssues(qsizetype firstIndex, const QList<Issue> &late)
{
    QList<Issue> listed;
    for (const Issue &issue : late) {
        if (issue.severity == Issue::Severity::Error)
            ++errorCount;
        // A finding after the first one that did not fit would not have fit either.
        if (firstUnlistedLine >= 0 && issue.line >= firstUnlistedLine)
            ++unlistedIssues;
        else
            listed.append(issue);
    }
    if (listed.isEmpty())
        return;

    QList<Issue> merged = issues.mid(0, firstIndex);
    merged.reserve(issues.size() + listed.size());
    std::merge(issues.cbegin() + firstIndex, issues.cend(), listed.cbegin(), listed.cend(),
               std::back_inserter(merged),
               [](const Issue &a, const Issue &b) { return a.line < b.line; });
    if (merged.size() > maxListedIssues) {
        if (firstUnlistedLine < 0)
            firstUnlistedLine = merged.at(maxListedIssues).line;
        unlistedIssues += merged.size() - maxListedIssues;
        merged.resize(maxListedIssues);
    }
    issues = std::move(merged);
}

} // namespace hub::inbound::detail
