// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterfilevalidator.h"

#include "core/nulcharacter.h"
#include "core/timeutil.h"
#include "runs/runfiles.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>

#include <algorithm>

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

} // namespace

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
        issue(Issue::Severity::Error, QStringLiteral("unreadable-file"), 0, {}, {},
              QStringLiteral("Cannot read the file: %1").arg(file.errorString()));
        return 0;
    }

    m_table = &m_state.tables[m_spec.entity];
    m_table->table = latin1(m_spec.table);
    m_table->delta = m_delta;
    for (const Field *field : std::as_const(m_fields)) {
        if (field->column)
            addColumn(latin1(field->column));
    }
    if (m_spec.hasExtensions)
        addColumn(QStringLiteral("extensions"));
    if (m_spec.entity == Entity::Users && m_version < 12) {
        m_derivedRoles = &m_state.tables[Entity::Roles];
        m_derivedRoles->table = QStringLiteral("user_roles");
        m_derivedRoles->delta = m_delta;
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
        issue(Issue::Severity::Error,
              reader.recordTooLong() ? QStringLiteral("line-length") : QStringLiteral("csv-syntax"),
              reader.errorLine(), {}, {}, first.error());
        return reader.bytesRead();
    }
    if (!*first) {
        issue(Issue::Severity::Error, QStringLiteral("empty-file"), 0, {}, {},
              QStringLiteral("The file is empty, but a bulk file needs at least its header line."));
        return reader.bytesRead();
    }
    mapHeader(record.fields);

    for (;;) {
        auto read = reader.readRecord(record);
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
            issue(Issue::Severity::Error, QStringLiteral("duplicate-column"), 1, name, {},
                  QStringLiteral("The column %1 appears twice in the header.")
                      .arg(latin1(match->name)));
            continue;
        }
        if (!note.isEmpty())
            issue(Issue::Severity::Warning, QStringLiteral("renamed-column"), 1, name, {}, note);
        if (match->type == FieldType::Secret)
            issue(Issue::Severity::Warning, QStringLiteral("dropped-column"), 1, name, {},
                  QStringLiteral("The hub does not load this column. The uploaded file is "
                                 "deleted after the load, or kept %1 days if the load fails.")
                      .arg(runs::kUnloadedInputRetentionDays));
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
        if (suggestion && !isRequired(*suggestion, m_version) && !suggestion->derivable) {
            // An optional column is read under the name it resembles, so the load goes on.
            mapped.insert(suggestion);
            m_fieldAt[i] = suggestion;
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
        const QString raw = values.at(i).trimmed();
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
            issue(Issue::Severity::Error, QStringLiteral("duplicate-id"), record.line,
                  QStringLiteral("sourcedId"), row.sourcedId,
                  QStringLiteral("Duplicate sourcedId; line %1 has it too.").arg(firstLine));
        } else if (const auto other = m_table->idByFoldedId.constFind(row.sourcedId.toCaseFolded());
                   other != m_table->idByFoldedId.cend()) {
            issue(Issue::Severity::Error, QStringLiteral("duplicate-id"), record.line,
                  QStringLiteral("sourcedId"), row.sourcedId,
                  QStringLiteral("The sourcedId differs only in case from %1 on line %2, and "
                                 "systems that ignore case would merge the two records. Give "
                                 "each record a sourcedId that differs in more than case.")
                      .arg(*other)
                      .arg(m_table->lineById.value(*other)));
        }
    }

    if (m_state.errorCount > errorsBefore) {
        ++rowsRejected;
        return;
    }
    m_table->lineById.insert(row.sourcedId, row.line);
    m_table->idByFoldedId.insert(row.sourcedId.toCaseFolded(), row.sourcedId);

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
    auto error = [&](const QString &rule, const QString &message) {
        issue(Issue::Severity::Error, rule, line, header, raw, message);
        return false;
    };
    auto warning = [&](const QString &rule, const QString &message) {
        issue(Issue::Severity::Warning, rule, line, header, raw, message);
    };
    auto addReference = [&](const QString &id) {
        if (field.references != Entity::None)
            m_state.references.append({field.references, id, m_fileName, line, header});
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
        const QStringList allowed = latin1(field.enumValues).split(QLatin1Char('|'));
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
                return error(QStringLiteral("required"),
                             QStringLiteral("%1 is required but lists no value.").arg(name));
            return true;
        }
        out = QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact));
        return true;
    }
    }
    return true;
}

} // namespace hub::inbound::detail
