// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace hub::inbound {

// One column of a flat file as a specification declares it.
struct SpecColumn
{
    enum class Type { Text, Integer, Number, Date, Enum, Boolean, SchoolYear };

    QString name;
    Type type = Type::Text;
    bool required = false;
    // The store column the value goes to; empty keeps the value in the extensions JSON.
    QString target;
    // The QDate format of a Date column, such as d/M/yyyy.
    QString format;
    QStringList values;
    bool caseInsensitive = false;
    QStringList trueValues;
    QStringList falseValues;
    // The smallest and largest value an integer or number column accepts, when set.
    std::optional<double> minimum;
    std::optional<double> maximum;
    // The maximum number of characters (Unicode code points) of a text column's value, when
    // set.
    std::optional<qsizetype> maxLength;

    // The limit that validation enforces with the rule field-length: maxLength when set, else
    // kMaxIdLength for a column that fills a *_sourced_id store column, else kMaxTextLength.
    qsizetype lengthLimit() const;
};

// A file specification for assessment results or attendance: the columns of the file, their
// types and date formats, the natural key, and how each column maps to the store.
//
// The JSON layout (resources/catalog/filespecs.json and the file_specs table):
//   key, product (assessment-results or attendance), name, table (assessment_results or
//   attendance), constants (store column to a fixed value, such as subject), keepOtherColumns
//   (columns the spec does not declare are kept in extensions without a Warning), naturalKey
//   (column names), and columns: name, type (text, integer, number, date, enum, boolean,
//   schoolYear), required, target, format (dates), values and caseInsensitive (enums),
//   trueValues and falseValues (booleans), minimum and maximum (integers and numbers), and
//   maxLength (text, from 1 to 10,000 characters, at most 255 for a *_sourced_id target).
struct FileSpec
{
    QString key;
    QString product;
    QString name;
    QString table;
    QMap<QString, QString> constants;
    bool keepOtherColumns = false;
    QStringList naturalKey;
    QList<SpecColumn> columns;

    // Reads and checks a specification: known types and targets, a format for every date,
    // every required store column mapped, a required column for each optional part of the
    // table's unique key it maps (completion_date, duration_minutes), and a natural key of
    // declared columns. An error reads
    // "FIELD: message", where FIELD is the JSON path of the invalid value, such as
    // "columns[3].format" or "constants.grade"; errorField() returns that path.
    static Result<FileSpec> fromJson(const QJsonObject &object);
    static QString errorField(const QString &error);
    static QString errorMessage(const QString &error);
    QJsonObject toJson() const;
};

// A store table that specifications fill: the columns a specification may map or set as a
// constant, the ones every row needs, and the optional parts of the table's unique key, which
// only a required file column may map.
struct StoreTable
{
    QString name;
    QStringList columns;
    QStringList required;
    QStringList keyed;
};

// The tables a specification may name, assessment_results and attendance.
const QList<StoreTable> &storeTables();
// The QDate formats that a date column may declare.
const QStringList &dateFormats();

// The built-in specifications, from the catalog resource.
const QList<FileSpec> &builtInFileSpecs();

} // namespace hub::inbound
