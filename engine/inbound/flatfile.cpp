// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "flatfile.h"

#include "core/logging.h"
#include "core/nulcharacter.h"
#include "csvreader.h"
#include "fieldlength.h"
#include "onerosterfilevalidator.h"
#include "store/store.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace hub::inbound {

namespace {

bool inRange(const SpecColumn &column, double value)
{
    return (!column.minimum || value >= *column.minimum)
           && (!column.maximum || value <= *column.maximum);
}

// Returns the error for a value outside the column's range, naming the values it accepts.
QString rangeMessage(const SpecColumn &column)
{
    const QString kind = column.type == SpecColumn::Type::Integer ? QStringLiteral("a whole number")
                                                                  : QStringLiteral("a number");
    if (column.minimum && column.maximum)
        return QStringLiteral("%1 is out of range; expected %2 from %3 to %4.")
            .arg(column.name, kind)
            .arg(*column.minimum)
            .arg(*column.maximum);
    if (column.minimum)
        return QStringLiteral("%1 is out of range; expected %2 of at least %3.")
            .arg(column.name, kind)
            .arg(*column.minimum);
    return QStringLiteral("%1 is out of range; expected %2 of at most %3.")
        .arg(column.name, kind)
        .arg(*column.maximum);
}

using Type = SpecColumn::Type;

// The unique key of each table, which load() upserts by.
QStringList conflictColumns(const QString &table)
{
    if (table == QLatin1String("assessment_results"))
        return {QStringLiteral("district_id"),     QStringLiteral("student_sourced_id"),
                QStringLiteral("assessment"),      QStringLiteral("subject"),
                QStringLiteral("test_date"),       QStringLiteral("completion_date"),
                QStringLiteral("duration_minutes")};
    return {QStringLiteral("district_id"), QStringLiteral("student_sourced_id"),
            QStringLiteral("class_sourced_id"), QStringLiteral("attendance_date")};
}

Result<QStringList> readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    CsvReader reader(&file);
    CsvRecord record;
    auto read = reader.readRecord(record);
    if (!read)
        return failure(read.error());
    if (!*read)
        return failure(QStringLiteral("The file is empty, but it needs at least its header "
                                      "line."));
    QStringList header;
    for (const QString &name : std::as_const(record.fields))
        header.append(name.trimmed());
    return header;
}

} // namespace

FlatFile::FlatFile(const FlatFileXml &xml, FileSpec spec)
    : FlatFile(xml.csvPath(), std::move(spec))
{
    m_xml = xml;
    m_fileName = xml.shownName();
}

FlatFile::FlatFile(QString path, FileSpec spec)
    : m_path(std::move(path))
    , m_fileName(QFileInfo(m_path).fileName())
    , m_spec(std::move(spec))
{
    for (const SpecColumn &column : std::as_const(m_spec.columns)) {
        if (!column.target.isEmpty())
            m_targets.append(column.target);
    }
    for (auto it = m_spec.constants.cbegin(); it != m_spec.constants.cend(); ++it)
        m_targets.append(it.key());
}

Result<FileSpec> FlatFile::detectSpec(const QString &path, const QList<FileSpec> &candidates)
{
    auto header = readHeader(path);
    if (!header)
        return failure(header.error());
    QString closest;
    QStringList closestMissing;
    for (const FileSpec &spec : candidates) {
        QStringList missing;
        for (const SpecColumn &column : spec.columns) {
            if (column.required && !header->contains(column.name, Qt::CaseInsensitive))
                missing.append(column.name);
        }
        if (missing.isEmpty())
            return spec;
        if (closest.isEmpty() || missing.size() < closestMissing.size()) {
            closest = spec.name;
            closestMissing = missing;
        }
    }
    if (closest.isEmpty())
        return failure(QStringLiteral("No file specification is set up for this integration."));
    return failure(QStringLiteral("The file's columns match no file specification of this "
                                  "integration. The closest, %1, also needs the columns %2.")
                       .arg(closest, closestMissing.join(QLatin1String(", "))));
}

void FlatFile::add(Issue::Severity severity, const QString &rule, qint64 line,
                   const QString &column, const QString &value, const QString &message)
{
    if (severity == Issue::Severity::Error)
        ++m_errorCount;
    if (m_issues.size() >= detail::maxListedIssues) {
        ++m_unlisted;
        return;
    }
    m_issues.append(detail::makeIssue(severity, rule, m_fileName, line, column, value, message));
}

bool FlatFile::convert(const SpecColumn &column, const QString &raw, qint64 line, QVariant &out)
{
    auto error = [&](const QString &rule, const QString &message) {
        add(Issue::Severity::Error, rule, line, column.name, raw, message);
        return false;
    };
    if (raw.isEmpty()) {
        if (column.required)
            return error(QStringLiteral("required"),
                         QStringLiteral("%1 is required but empty.").arg(column.name));
        return true;
    }

    switch (column.type) {
    case Type::Text:
        out = raw;
        return true;
    case Type::Integer: {
        bool ok = false;
        const qlonglong value = raw.toLongLong(&ok);
        if (!ok)
            return error(QStringLiteral("integer"),
                         QStringLiteral("Invalid %1; expected a whole number.").arg(column.name));
        if (!inRange(column, double(value)))
            return error(QStringLiteral("range"), rangeMessage(column));
        out = value;
        return true;
    }
    case Type::Number: {
        // Plain decimals only: toDouble() also takes "nan", "inf" and "1e9", which no
        // assessment export means, and which the store or JSON cannot keep.
        static const QRegularExpression decimal(
            QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$"));
        bool ok = decimal.match(raw).hasMatch();
        const double value = ok ? raw.toDouble(&ok) : 0.0;
        if (!ok || !std::isfinite(value))
            return error(QStringLiteral("number"),
                         QStringLiteral("Invalid %1; expected a number such as 512 or 512.5.")
                             .arg(column.name));
        if (!inRange(column, value))
            return error(QStringLiteral("range"), rangeMessage(column));
        out = value;
        return true;
    }
    case Type::Date: {
        const QDate date = QDate::fromString(raw, column.format);
        if (!date.isValid())
            return error(
                QStringLiteral("date-format"),
                QStringLiteral("Invalid %1; expected a date in the format %2, such as "
                               "%3. Day and month are never guessed.")
                    .arg(column.name, column.format, QDate(2024, 9, 30).toString(column.format)));
        out = date.toString(Qt::ISODate);
        return true;
    }
    case Type::Enum:
        for (const QString &allowed : column.values) {
            if (raw == allowed
                || (column.caseInsensitive && raw.compare(allowed, Qt::CaseInsensitive) == 0)) {
                out = allowed;
                return true;
            }
        }
        return error(QStringLiteral("enum"),
                     QStringLiteral("Invalid %1; expected one of %2.")
                         .arg(column.name, column.values.join(QLatin1String(", "))));
    case Type::Boolean:
        if (column.trueValues.contains(raw, Qt::CaseInsensitive)) {
            out = 1;
            return true;
        }
        if (column.falseValues.contains(raw, Qt::CaseInsensitive)) {
            out = 0;
            return true;
        }
        return error(QStringLiteral("boolean"),
                     QStringLiteral("Invalid %1; expected %2 or %3.")
                         .arg(column.name, column.trueValues.join(QLatin1String(", ")),
                              column.falseValues.join(QLatin1String(", "))));
    case Type::SchoolYear: {
        // A school year is named by the calendar year it ends in: 2021-2022 and 2022 are 2022.
        static const QRegularExpression pattern(QStringLiteral("^(\\d{4})(?:-(\\d{4}))?$"));
        const QRegularExpressionMatch match = pattern.match(raw);
        const bool range = match.hasMatch() && !match.captured(2).isEmpty();
        if (!match.hasMatch()
            || (range && match.captured(2).toInt() != match.captured(1).toInt() + 1))
            return error(QStringLiteral("year"),
                         QStringLiteral("Invalid %1; expected a school year such as 2021-2022 "
                                        "or 2022.")
                             .arg(column.name));
        out = (range ? match.captured(2) : match.captured(1)).toInt();
        return true;
    }
    }
    return true;
}

QList<Issue> FlatFile::validate(const QSqlDatabase &db, qint64 districtId)
{
    m_rows.clear();
    m_issues.clear();
    m_errorCount = 0;
    m_unlisted = 0;
    m_counts = {};
    m_validatedDistrictId = districtId;

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        add(Issue::Severity::Error, QStringLiteral("unreadable-file"), 0, {}, {},
            QStringLiteral("Cannot read the file: %1").arg(file.errorString()));
        return m_issues;
    }
    CsvReader reader(&file);
    if (m_xml)
        reader.setMaxRecordBytes(m_xml->maxCsvRecordBytes());
    CsvRecord record;
    auto first = reader.readRecord(record);
    if (!first) {
        add(Issue::Severity::Error,
            reader.recordTooLong() ? QStringLiteral("line-length") : QStringLiteral("csv-syntax"),
            shownLine(reader.errorLine()), {}, {}, first.error());
        return m_issues;
    }
    if (!*first) {
        add(Issue::Severity::Error, QStringLiteral("empty-file"), 0, {}, {},
            QStringLiteral("The file is empty, but it needs at least its header line."));
        return m_issues;
    }

    // Map each header position to a declared column, or to the extensions (-1).
    const QStringList header = record.fields;
    QList<int> columnAt(header.size(), -1);
    QList<bool> keptAt(header.size(), false);
    QSet<int> mapped;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        int match = -1;
        QString note;
        for (int c = 0; c < m_spec.columns.size() && match < 0; ++c) {
            if (!mapped.contains(c) && name == m_spec.columns.at(c).name)
                match = c;
        }
        for (int c = 0; c < m_spec.columns.size() && match < 0; ++c) {
            const QString &declared = m_spec.columns.at(c).name;
            if (mapped.contains(c))
                continue;
            if (name.compare(declared, Qt::CaseInsensitive) == 0) {
                match = c;
                note = QStringLiteral("The column name differs in case from %1; read as %1.")
                           .arg(declared);
            } else if (detail::looksMisspelled(name, declared)) {
                match = c;
                note = m_xml ? QStringLiteral("Unknown column, read as %1. Correct the column "
                                              "name in %2 to %1.")
                             : QStringLiteral("Unknown column, read as %1. Correct the header of "
                                              "%2 to %1.");
                note = note.arg(declared, m_fileName);
            }
        }
        if (match >= 0) {
            mapped.insert(match);
            columnAt[i] = match;
            if (!note.isEmpty())
                add(Issue::Severity::Warning,
                    note.startsWith(QLatin1String("Unknown")) ? QStringLiteral("misspelled-column")
                                                              : QStringLiteral("renamed-column"),
                    shownLine(1), name, {}, note);
            continue;
        }
        if (name.isEmpty())
            continue;
        keptAt[i] = true;
        if (!m_spec.keepOtherColumns)
            add(Issue::Severity::Warning, QStringLiteral("unknown-column"), shownLine(1), name, {},
                QStringLiteral("%1 does not declare this column, so its values are kept in "
                               "extensions.")
                    .arg(m_spec.name));
    }
    for (int c = 0; c < m_spec.columns.size(); ++c) {
        if (!mapped.contains(c) && m_spec.columns.at(c).required)
            add(Issue::Severity::Error, QStringLiteral("missing-column"), shownLine(1),
                m_spec.columns.at(c).name, {},
                (m_xml ? QStringLiteral("No record of %1 has a <value> for this required column.")
                       : QStringLiteral("The required column is missing from the header of %1."))
                    .arg(m_fileName));
    }

    QList<qsizetype> keyPositions;
    for (const QString &name : std::as_const(m_spec.naturalKey)) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (columnAt.at(i) >= 0 && m_spec.columns.at(columnAt.at(i)).name == name)
                keyPositions.append(i);
        }
    }

    struct Seen
    {
        qint64 line;
        QStringList fields;
    };
    QHash<QString, Seen> seenKeys;
    QSet<QString> students;
    for (;;) {
        auto read = reader.readRecord(record);
        if (!read) {
            add(Issue::Severity::Error,
                reader.recordTooLong() ? QStringLiteral("line-length")
                                       : QStringLiteral("csv-syntax"),
                shownLine(reader.errorLine()), {}, {}, read.error());
            ++m_counts.rowsRejected;
            break;
        }
        if (!*read)
            break;
        ++m_counts.rowsRead;
        const qint64 line = shownLine(record.line);
        const qint64 errorsBefore = m_errorCount;
        QStringList fields = record.fields;
        if (fields.size() != header.size()) {
            add(Issue::Severity::Error, QStringLiteral("row-width"), line, {}, {},
                QStringLiteral("The row has %1 values but the header has %2 columns.")
                    .arg(fields.size())
                    .arg(header.size()));
            ++m_counts.rowsRejected;
            continue;
        }
        for (QString &field : fields)
            field = field.trimmed();

        // A value over its limit is reported shortened and read no further, so a runaway
        // value reaches neither the store nor the report.
        QList<bool> tooLong(fields.size(), false);
        for (qsizetype i = 0; i < fields.size(); ++i) {
            qsizetype limit = 0;
            if (keptAt.at(i))
                limit = kMaxFreeTextLength;
            else if (columnAt.at(i) >= 0)
                limit = m_spec.columns.at(columnAt.at(i)).lengthLimit();
            LengthBreach breach;
            if (limit > 0 && exceedsLength(fields.at(i), limit, breach)) {
                add(Issue::Severity::Error, QStringLiteral("field-length"), line,
                    header.at(i).trimmed(), breach.shownValue, breach.message);
                tooLong[i] = true;
            }
        }

        QStringList keyParts;
        bool keyTooLong = false;
        for (const qsizetype position : std::as_const(keyPositions)) {
            keyParts.append(fields.at(position));
            keyTooLong = keyTooLong || tooLong.at(position);
        }
        const QString key = keyParts.join(QChar(0x1F));
        if (const auto seen = keyTooLong ? seenKeys.cend() : seenKeys.constFind(key);
            seen != seenKeys.cend()) {
            if (seen->fields == fields) {
                add(Issue::Severity::Warning, QStringLiteral("duplicate-row"), line, {}, {},
                    QStringLiteral("The row repeats line %1 exactly; it is loaded once.")
                        .arg(seen->line));
                continue;
            }
            add(Issue::Severity::Error, QStringLiteral("duplicate-key"), line,
                m_spec.naturalKey.join(QLatin1String(", ")), keyParts.join(QLatin1String(", ")),
                QStringLiteral("Line %1 has the same %2 with other values. Remove one of the "
                               "rows or correct its key.")
                    .arg(seen->line)
                    .arg(m_spec.naturalKey.join(QLatin1String(", "))));
            ++m_counts.rowsRejected;
            continue;
        }

        Row row;
        row.line = line;
        row.values = QVariantList(m_targets.size());
        QJsonObject extensions;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const QString &raw = fields.at(i);
            if (tooLong.at(i))
                continue;
            if (containsNul(raw)) {
                add(Issue::Severity::Error, QStringLiteral("nul-character"), line,
                    header.at(i).trimmed(), raw, nulCharacterInFileMessage());
                continue;
            }
            if (keptAt.at(i)) {
                if (!raw.isEmpty())
                    extensions.insert(header.at(i).trimmed(), raw);
                continue;
            }
            if (columnAt.at(i) < 0)
                continue;
            const SpecColumn &column = m_spec.columns.at(columnAt.at(i));
            QVariant value;
            if (!convert(column, raw, line, value))
                continue;
            if (column.target.isEmpty()) {
                if (!value.isNull())
                    extensions.insert(column.name, QJsonValue::fromVariant(value));
                continue;
            }
            row.values[m_targets.indexOf(column.target)] = value;
            if (column.target == QLatin1String("student_sourced_id"))
                students.insert(value.toString());
        }
        for (auto it = m_spec.constants.cbegin(); it != m_spec.constants.cend(); ++it)
            row.values[m_targets.indexOf(it.key())] = it.value();
        row.values.append(extensions.isEmpty()
                              ? QVariant()
                              : QVariant(QString::fromUtf8(
                                  QJsonDocument(extensions).toJson(QJsonDocument::Compact))));

        if (m_errorCount > errorsBefore) {
            ++m_counts.rowsRejected;
            continue;
        }
        seenKeys.insert(key, Seen{line, fields});
        m_rows.append(std::move(row));
    }
    m_counts.bytes = m_xml ? m_xml->fileBytes() : reader.bytesRead();
    m_counts.rowsWritten = m_rows.size();

    // Students may arrive before the roster does, so unknown ones are one Warning, not an Error.
    if (!students.isEmpty()) {
        auto stored = execute(
            db, QStringLiteral("SELECT sourced_id FROM users WHERE district_id = ?"), {districtId});
        if (!stored) {
            add(Issue::Severity::Error, QStringLiteral("store"), 0, {}, {}, stored.error());
        } else {
            while (stored->next())
                students.remove(stored->value(0).toString());
            if (!students.isEmpty()) {
                QStringList sample(students.cbegin(), students.cend());
                sample.sort();
                const QString message
                    = students.size() == 1
                          ? QStringLiteral("%1 student is not among the district's users (%2); "
                                           "their rows are stored as given. Load the roster to "
                                           "link them.")
                          : QStringLiteral("%1 students are not among the district's users (such "
                                           "as %2); their rows are stored as given. Load the "
                                           "roster to link them.");
                add(Issue::Severity::Warning, QStringLiteral("unknown-reference"), 0, {}, {},
                    message.arg(students.size()).arg(sample.mid(0, 3).join(QLatin1String(", "))));
            }
        }
    }
    if (m_unlisted > 0)
        m_issues.append(detail::makeIssue(
            Issue::Severity::Warning, QStringLiteral("unlisted-findings"), m_fileName, 0, {}, {},
            m_unlisted == 1 ? QStringLiteral("1 more finding is not listed.")
                            : QStringLiteral("%1 more findings are not listed.").arg(m_unlisted)));
    qCInfo(lcInbound) << "Validated" << m_fileName << "with" << m_spec.key << "for district"
                      << districtId << ":" << m_counts.rowsRead << "rows," << m_errorCount
                      << "errors";
    return m_issues;
}

Result<PhaseCounts> FlatFile::load(const QSqlDatabase &db, qint64 districtId)
{
    if (m_validatedDistrictId != districtId)
        return failure(QStringLiteral("The file was not validated for district %1. Call "
                                      "validate() before load().")
                           .arg(districtId));
    if (m_errorCount > 0)
        return failure(QStringLiteral("Validation found %1 errors, so nothing was loaded. Fix the "
                                      "file and send it again.")
                           .arg(m_errorCount));

    Transaction transaction(db);
    if (!transaction.begun())
        return failure(
            QStringLiteral("Cannot start the load transaction: %1").arg(db.lastError().text()));

    QStringList columns = m_targets;
    columns.prepend(QStringLiteral("district_id"));
    columns.append(QStringLiteral("extensions"));
    QStringList updates;
    const QStringList conflict = conflictColumns(m_spec.table);
    for (const QString &column : std::as_const(columns)) {
        if (!conflict.contains(column))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    // TODO: rows without a class_sourced_id never conflict, because NULLs differ in a unique key.
    const QString sql
        = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5")
              .arg(m_spec.table, columns.join(QLatin1String(", ")),
                   QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", ")),
                   conflict.join(QLatin1String(", ")), updates.join(QLatin1String(", ")));
    QSqlQuery insert(db);
    if (!insert.prepare(sql))
        return failure(QStringLiteral("Cannot prepare the insert into %1: %2")
                           .arg(m_spec.table, insert.lastError().text()));

    PhaseCounts counts;
    for (const Row &row : std::as_const(m_rows)) {
        insert.addBindValue(districtId);
        for (const QVariant &value : row.values)
            insert.addBindValue(value);
        if (!insert.exec())
            return failure(QStringLiteral("Cannot store line %1 of %2: %3")
                               .arg(row.line)
                               .arg(m_fileName, insert.lastError().text()));
        ++counts.rowsRead;
        ++counts.rowsWritten;
    }
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    qCInfo(lcInbound) << "Loaded" << counts.rowsWritten << "rows of" << m_fileName << "into"
                      << m_spec.table << "for district" << districtId;
    return counts;
}

} // namespace hub::inbound
