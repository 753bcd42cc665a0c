// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "store/store.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace hub::oneroster {

// The syntax tree of a OneRoster filter such as
//   dateLastModified>'2026-09-01' AND (status='active' OR role~'teach')
// The grammar is: expression = clause {("AND" | "OR") clause}, clause = field predicate value,
// predicate one of = != > >= < <= ~, value a single-quoted string ('' stands for one quote) or
// a bare word. AND binds tighter than OR. Parentheses group clauses; the specification has
// none, and vendors that send them get the usual meaning.
struct FilterNode
{
    enum class Kind { Clause, And, Or };
    enum class Predicate { Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual, Contains };

    Kind kind = Kind::Clause;
    // For a clause:
    QString field;
    Predicate predicate = Predicate::Equal;
    QString value;
    // For AND and OR:
    std::unique_ptr<FilterNode> left;
    std::unique_ptr<FilterNode> right;
};

struct FilterLimits
{
    qsizetype maxLength = 2000;
    int maxClauses = 20;
    int maxDepth = 8;
};

// Parses the filter text, or fails with a message that names the position and the problem.
Result<std::unique_ptr<FilterNode>> parseFilter(const QString &text, const FilterLimits &limits = {});

// How a field's values compare in SQL.
enum class FilterType { Text, DateTime, Date, Boolean, Number, List };

struct FilterField
{
    QString sql; // an SQL expression over the row, never built from user input
    FilterType type = FilterType::Text;
};

// Looks up a field by its OneRoster name, or returns nothing for an unknown field.
using FilterFieldLookup = std::function<std::optional<FilterField>(const QString &name)>;

struct CompiledFilter
{
    QString sql; // one parenthesised group, so it can be ANDed after the scope conditions
    QVariantList bindings;
};

// Which part of a filter was wrong: a field that does not exist or a value that does not fit.
struct FilterError
{
    bool unknownField = false;
    QString message;
};

// Compiles the tree to parameterised SQL: every value is a bound parameter, every field an
// expression from the lookup. Dates and times are normalised first, so that they compare as
// dates whatever form the vendor sent. The ~ predicate folds case for all of Unicode in the
// store's dialect.
std::variant<CompiledFilter, FilterError> compileFilter(const FilterNode &node,
                                                        const FilterFieldLookup &lookup,
                                                        Dialect dialect);

} // namespace hub::oneroster
