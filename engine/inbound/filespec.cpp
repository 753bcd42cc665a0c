// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filespec.h"

#include "core/jsonfields.h"
#include "core/logging.h"
#include "fieldlength.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace hub::inbound {

namespace {

using Type = SpecColumn::Type;

const QList<QPair<QString, Type>> &typeNames()
{
    static const QList<QPair<QString, Type>> names = {
        {QStringLiteral("text"), Type::Text},
        {QStringLiteral("integer"), Type::Integer},
        {QStringLiteral("number"), Type::Number},
        {QStringLiteral("date"), Type::Date},
        {QStringLiteral("enum"), Type::Enum},
        {QStringLiteral("boolean"), Type::Boolean},
        {QStringLiteral("schoolYear"), Type::SchoolYear},
    };
    return names;
}

const StoreTable *storeTable(const QString &name)
{
    for (const StoreTable &table : storeTables()) {
        if (table.name == name)
            return &table;
    }
    return nullptr;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QJsonArray jsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

Result<FileSpec> FileSpec::fromJson(const QJsonObject &object)
{
    FileSpec spec;
    spec.key = object.value(QStringLiteral("key")).toString();
    spec.product = object.value(QStringLiteral("product")).toString();
    spec.name = object.value(QStringLiteral("name")).toString();
    spec.table = object.value(QStringLiteral("table")).toString();
    spec.keepOtherColumns = object.value(QStringLiteral("keepOtherColumns")).toBool();
    spec.naturalKey = stringList(object.value(QStringLiteral("naturalKey")));
    const QJsonObject constants = object.value(QStringLiteral("constants")).toObject();
    for (auto it = constants.begin(); it != constants.end(); ++it)
        spec.constants.insert(it.key(), it.value().toString());

    static const QRegularExpression keyPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    if (!keyPattern.match(spec.key).hasMatch())
        return failure(QStringLiteral("key: Use 1 to 63 lower-case letters, digits and hyphens; "
                                      "\"%1\" is not one.")
                           .arg(spec.key));
    if (spec.name.trimmed().isEmpty())
        return failure(QStringLiteral("name: Enter a name."));
    if (const QString problem = nameTextProblem(spec.name); !problem.isEmpty())
        return failure(QStringLiteral("name: ") + problem);
    const StoreTable *knownTable = storeTable(spec.table);
    if (!knownTable)
        return failure(QStringLiteral("table: Use assessment_results or attendance; \"%1\" is "
                                      "not one.")
                           .arg(spec.table));
    const StoreTable &table = *knownTable;

    QStringList mapped;
    for (auto it = spec.constants.cbegin(); it != spec.constants.cend(); ++it) {
        if (!table.columns.contains(it.key()))
            return failure(
                QStringLiteral("constants.%1: %2 has no column %1.").arg(it.key(), spec.table));
        mapped.append(it.key());
    }

    const QJsonArray columns = object.value(QStringLiteral("columns")).toArray();
    QStringList names;
    for (qsizetype index = 0; index < columns.size(); ++index) {
        const QJsonObject item = columns.at(index).toObject();
        const QString path = QStringLiteral("columns[%1].").arg(index);
        SpecColumn column;
        column.name = item.value(QStringLiteral("name")).toString().trimmed();
        const QString typeName = item.value(QStringLiteral("type")).toString();
        bool knownType = false;
        for (const auto &[name, type] : typeNames()) {
            if (name == typeName) {
                column.type = type;
                knownType = true;
            }
        }
        column.required = item.value(QStringLiteral("required")).toBool();
        column.target = item.value(QStringLiteral("target")).toString();
        column.format = item.value(QStringLiteral("format")).toString();
        column.values = stringList(item.value(QStringLiteral("values")));
        column.caseInsensitive = item.value(QStringLiteral("caseInsensitive")).toBool();
        column.trueValues = stringList(item.value(QStringLiteral("trueValues")));
        column.falseValues = stringList(item.value(QStringLiteral("falseValues")));
        for (const auto &[key, bound] : {std::pair{QStringLiteral("minimum"), &column.minimum},
                                         std::pair{QStringLiteral("maximum"), &column.maximum}}) {
            const QJsonValue value = item.value(key);
            if (value.isUndefined() || value.isNull())
                continue;
            if (!value.isDouble())
                return failure(path + QStringLiteral("%1: %2 has a %1 that is not a number.")
                                          .arg(key, column.name));
            *bound = value.toDouble();
        }
        const QJsonValue maxLength = item.value(QStringLiteral("maxLength"));
        if (!maxLength.isUndefined() && !maxLength.isNull()) {
            const double length = maxLength.toDouble(-1);
            if (!maxLength.isDouble() || length != std::floor(length) || length < 1
                || length > double(kMaxFreeTextLength))
                return failure(path
                               + QStringLiteral("maxLength: %1 has a maxLength that is not a "
                                                "whole number from 1 to %2.")
                                     .arg(column.name)
                                     .arg(kMaxFreeTextLength));
            column.maxLength = qsizetype(length);
        }

        if (column.name.isEmpty())
            return failure(path + QStringLiteral("name: Every column needs a name."));
        if (const QString problem = nameTextProblem(column.name); !problem.isEmpty())
            return failure(path + QStringLiteral("name: ") + problem);
        if (names.contains(column.name, Qt::CaseInsensitive))
            return failure(path + QStringLiteral("name: %1 is declared twice.").arg(column.name));
        names.append(column.name);
        if (!knownType)
            return failure(path
                           + QStringLiteral("type: %1 has the unknown type \"%2\". Use text, "
                                            "integer, number, date, enum, boolean or schoolYear.")
                                 .arg(column.name, typeName));
        if (column.type == Type::Date) {
            // A date without a declared format could only be read by guessing its order.
            const QStringList &formats = dateFormats();
            if (column.format.isEmpty())
                return failure(path
                               + QStringLiteral("format: %1 is a date column without a format; "
                                                "use one of %2.")
                                     .arg(column.name, formats.join(QLatin1String(", "))));
            if (!formats.contains(column.format))
                return failure(
                    path
                    + QStringLiteral("format: %1 has the date format \"%2\"; use one of %3.")
                          .arg(column.name, column.format, formats.join(QLatin1String(", "))));
        }
        const bool numeric = column.type == Type::Integer || column.type == Type::Number;
        if (!numeric && (column.minimum || column.maximum))
            return failure(path
                           + QStringLiteral("%1: %2 is not an integer or number column, so it "
                                            "cannot have a range.")
                                 .arg(column.minimum ? QStringLiteral("minimum")
                                                     : QStringLiteral("maximum"),
                                      column.name));
        if (column.minimum && column.maximum && *column.minimum > *column.maximum)
            return failure(path
                           + QStringLiteral("maximum: %1 has a maximum of %2, below its minimum "
                                            "of %3.")
                                 .arg(column.name)
                                 .arg(*column.maximum)
                                 .arg(*column.minimum));
        if (column.maxLength && column.type != Type::Text)
            return failure(path
                           + QStringLiteral("maxLength: %1 is not a text column, so it cannot "
                                            "have a maxLength.")
                                 .arg(column.name));
        if (column.maxLength && *column.maxLength > kMaxIdLength
            && column.target.endsWith(QLatin1String("_sourced_id")))
            return failure(path
                           + QStringLiteral("maxLength: %1 fills %2, and a sourcedId has at most "
                                            "%3 characters.")
                                 .arg(column.name, column.target)
                                 .arg(kMaxIdLength));
        if (column.type == Type::Enum && column.values.isEmpty())
            return failure(
                path + QStringLiteral("values: %1 is an enum without values.").arg(column.name));
        if (column.type == Type::Boolean
            && (column.trueValues.isEmpty() || column.falseValues.isEmpty()))
            return failure(path
                           + QStringLiteral("%1: %2 needs trueValues and falseValues.")
                                 .arg(column.trueValues.isEmpty() ? QStringLiteral("trueValues")
                                                                  : QStringLiteral("falseValues"),
                                      column.name));
        if (!column.target.isEmpty()) {
            if (!table.columns.contains(column.target))
                return failure(path
                               + QStringLiteral("target: %1 maps to %2, but %3 has no such "
                                                "column.")
                                     .arg(column.name, column.target, spec.table));
            if (mapped.contains(column.target))
                return failure(path
                               + QStringLiteral("target: %1 maps to %2, which another column or "
                                                "a constant fills already.")
                                     .arg(column.name, column.target));
            if (table.keyed.contains(column.target) && !column.required)
                return failure(path
                               + QStringLiteral("required: %1 maps to %2, which is part of the "
                                                "unique key of %3, so the column must be "
                                                "required.")
                                     .arg(column.name, column.target, spec.table));
            mapped.append(column.target);
        }
        spec.columns.append(column);
    }
    for (const QString &required : table.required) {
        if (!mapped.contains(required))
            return failure(QStringLiteral("columns: No column or constant fills %1, which %2 "
                                          "needs.")
                               .arg(required, spec.table));
    }
    if (spec.naturalKey.isEmpty())
        return failure(QStringLiteral("naturalKey: Name the columns that identify a row."));
    for (qsizetype index = 0; index < spec.naturalKey.size(); ++index) {
        const QString &name = spec.naturalKey.at(index);
        if (!names.contains(name))
            return failure(QStringLiteral("naturalKey[%1]: %2 is not a declared column.")
                               .arg(index)
                               .arg(name));
    }
    return spec;
}

qsizetype SpecColumn::lengthLimit() const
{
    if (maxLength)
        return *maxLength;
    return target.endsWith(QLatin1String("_sourced_id")) ? kMaxIdLength : kMaxTextLength;
}

QString FileSpec::errorField(const QString &error)
{
    return error.section(QStringLiteral(": "), 0, 0);
}

QString FileSpec::errorMessage(const QString &error)
{
    return error.section(QStringLiteral(": "), 1);
}

QJsonObject FileSpec::toJson() const
{
    QJsonObject constantsObject;
    for (auto it = constants.cbegin(); it != constants.cend(); ++it)
        constantsObject.insert(it.key(), it.value());
    QJsonArray columnArray;
    for (const SpecColumn &column : columns) {
        QJsonObject item{{QStringLiteral("name"), column.name}};
        for (const auto &[name, type] : typeNames()) {
            if (type == column.type)
                item.insert(QStringLiteral("type"), name);
        }
        if (column.required)
            item.insert(QStringLiteral("required"), true);
        if (!column.target.isEmpty())
            item.insert(QStringLiteral("target"), column.target);
        if (column.type == Type::Date)
            item.insert(QStringLiteral("format"), column.format);
        if (!column.values.isEmpty())
            item.insert(QStringLiteral("values"), jsonArray(column.values));
        if (column.caseInsensitive)
            item.insert(QStringLiteral("caseInsensitive"), true);
        if (!column.trueValues.isEmpty())
            item.insert(QStringLiteral("trueValues"), jsonArray(column.trueValues));
        if (!column.falseValues.isEmpty())
            item.insert(QStringLiteral("falseValues"), jsonArray(column.falseValues));
        if (column.minimum)
            item.insert(QStringLiteral("minimum"), *column.minimum);
        if (column.maximum)
            item.insert(QStringLiteral("maximum"), *column.maximum);
        if (column.maxLength)
            item.insert(QStringLiteral("maxLength"), double(*column.maxLength));
        columnArray.append(item);
    }
    return QJsonObject{
        {QStringLiteral("key"), key},
        {QStringLiteral("product"), product},
        {QStringLiteral("name"), name},
        {QStringLiteral("table"), table},
        {QStringLiteral("constants"), constantsObject},
        {QStringLiteral("keepOtherColumns"), keepOtherColumns},
        {QStringLiteral("naturalKey"), jsonArray(naturalKey)},
        {QStringLiteral("columns"), columnArray},
    };
}

// The optional columns of a table's unique key take a fixed default when nothing maps them. A
// column that maps one must never be empty, since the key takes no NULL.
const QList<StoreTable> &storeTables()
{
    static const QList<StoreTable> tables = {
        {QStringLiteral("assessment_results"),
         {QStringLiteral("student_sourced_id"), QStringLiteral("school_year"),
          QStringLiteral("assessment"), QStringLiteral("subject"), QStringLiteral("test_date"),
          QStringLiteral("scale_score"), QStringLiteral("performance_level"),
          QStringLiteral("completion_date"), QStringLiteral("duration_minutes")},
         {QStringLiteral("student_sourced_id"), QStringLiteral("school_year"),
          QStringLiteral("assessment"), QStringLiteral("subject"), QStringLiteral("test_date")},
         {QStringLiteral("completion_date"), QStringLiteral("duration_minutes")}},
        {QStringLiteral("attendance"),
         {QStringLiteral("student_sourced_id"), QStringLiteral("school_sourced_id"),
          QStringLiteral("class_sourced_id"), QStringLiteral("attendance_date"),
          QStringLiteral("code"), QStringLiteral("minutes")},
         {QStringLiteral("student_sourced_id"), QStringLiteral("attendance_date"),
          QStringLiteral("code")},
         {}},
    };
    return tables;
}

const QStringList &dateFormats()
{
    static const QStringList formats
        = {QStringLiteral("yyyy-MM-dd"), QStringLiteral("M/d/yyyy"),   QStringLiteral("d/M/yyyy"),
           QStringLiteral("MM/dd/yyyy"), QStringLiteral("dd/MM/yyyy"), QStringLiteral("d.M.yyyy"),
           QStringLiteral("yyyyMMdd")};
    return formats;
}

const QList<FileSpec> &builtInFileSpecs()
{
    static const QList<FileSpec> specs = [] {
        QList<FileSpec> list;
        QFile file(QStringLiteral(":/hub/catalog/filespecs.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcInbound) << "Cannot read the built-in file specifications:"
                                 << file.errorString();
            return list;
        }
        const QJsonArray array = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QStringLiteral("specs"))
                                     .toArray();
        for (const QJsonValue &value : array) {
            auto spec = FileSpec::fromJson(value.toObject());
            if (spec)
                list.append(*spec);
            else
                qCWarning(lcInbound) << "Invalid built-in file specification:" << spec.error();
        }
        return list;
    }();
    return specs;
}

} // namespace hub::inbound
