// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filter.h"

#include "core/timeutil.h"
#include "store/casefold.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace hub::oneroster {

namespace {

using Predicate = FilterNode::Predicate;

class Parser
{
public:
    Parser(const QString &text, const FilterLimits &limits)
        : m_text(text)
        , m_limits(limits)
    {}

    Result<std::unique_ptr<FilterNode>> parse()
    {
        auto node = parseOr(0);
        if (!node)
            return node;
        skipSpaces();
        if (m_position < m_text.size())
            return error(QStringLiteral("unexpected text \"%1\"").arg(m_text.mid(m_position, 20)));
        return node;
    }

private:
    Result<std::unique_ptr<FilterNode>> parseOr(int depth)
    {
        auto left = parseAnd(depth);
        if (!left)
            return left;
        while (acceptKeyword(QStringLiteral("OR"))) {
            auto right = parseAnd(depth);
            if (!right)
                return right;
            left = combine(FilterNode::Kind::Or, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<std::unique_ptr<FilterNode>> parseAnd(int depth)
    {
        auto left = parsePrimary(depth);
        if (!left)
            return left;
        while (acceptKeyword(QStringLiteral("AND"))) {
            auto right = parsePrimary(depth);
            if (!right)
                return right;
            left = combine(FilterNode::Kind::And, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<std::unique_ptr<FilterNode>> parsePrimary(int depth)
    {
        skipSpaces();
        if (m_position < m_text.size() && m_text.at(m_position) == QLatin1Char('(')) {
            if (depth + 1 > m_limits.maxDepth)
                return error(QStringLiteral("parentheses nest deeper than %1 levels")
                                 .arg(m_limits.maxDepth));
            ++m_position;
            auto inner = parseOr(depth + 1);
            if (!inner)
                return inner;
            skipSpaces();
            if (m_position >= m_text.size() || m_text.at(m_position) != QLatin1Char(')'))
                return error(QStringLiteral("a closing parenthesis is missing"));
            ++m_position;
            return inner;
        }
        return parseClause();
    }

    Result<std::unique_ptr<FilterNode>> parseClause()
    {
        if (++m_clauses > m_limits.maxClauses)
            return error(QStringLiteral("more than %1 clauses").arg(m_limits.maxClauses));
        skipSpaces();
        const qsizetype fieldStart = m_position;
        while (m_position < m_text.size()) {
            const QChar c = m_text.at(m_position);
            if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('_'))
                break;
            ++m_position;
        }
        if (m_position == fieldStart)
            return error(QStringLiteral("a field name is expected"));
        auto node = std::make_unique<FilterNode>();
        node->field = m_text.mid(fieldStart, m_position - fieldStart);

        skipSpaces();
        const auto predicate = readPredicate();
        if (!predicate)
            return error(QStringLiteral("a predicate (=, !=, >, >=, <, <= or ~) is expected "
                                        "after %1")
                             .arg(node->field));
        node->predicate = *predicate;

        skipSpaces();
        auto value = readValue(node->field);
        if (!value)
            return failure(value.error());
        node->value = *value;
        return node;
    }

    std::optional<Predicate> readPredicate()
    {
        const QStringView rest = QStringView(m_text).mid(m_position);
        const std::pair<const char *, Predicate> predicates[] = {
            {"!=", Predicate::NotEqual}, {">=", Predicate::GreaterOrEqual},
            {"<=", Predicate::LessOrEqual}, {"=", Predicate::Equal},
            {">", Predicate::Greater},   {"<", Predicate::Less},
            {"~", Predicate::Contains},
        };
        for (const auto &[symbol, predicate] : predicates) {
            const QLatin1String text(symbol);
            if (rest.startsWith(text)) {
                m_position += text.size();
                return predicate;
            }
        }
        return std::nullopt;
    }

    Result<QString> readValue(const QString &field)
    {
        if (m_position >= m_text.size())
            return error(QStringLiteral("a value is expected"));
        const QChar quote = m_text.at(m_position);
        if (isDoubleQuote(quote))
            return doubleQuoteError(field);
        // Vendors send straight quotes; some tools turn them into typographic ones.
        const bool quoted = quote == QLatin1Char('\'') || quote == QChar(0x2018)
                            || quote == QChar(0x2019);
        // A value cannot start with a predicate character, so role=='teacher' or
        // role<>'teacher' is a mistyped predicate. Read as a value, it would match nothing.
        if (QStringLiteral("=<>!~").contains(quote))
            return error(QStringLiteral("%1 is followed by an unknown predicate; use one of =, "
                                        "!=, >, >=, <, <= or ~, such as %1='value'")
                             .arg(field));
        if (!quoted) {
            const qsizetype start = m_position;
            while (m_position < m_text.size() && !m_text.at(m_position).isSpace()
                   && m_text.at(m_position) != QLatin1Char(')'))
                ++m_position;
            return m_text.mid(start, m_position - start);
        }
        ++m_position;
        QString value;
        while (m_position < m_text.size()) {
            const QChar c = m_text.at(m_position);
            if (c == QLatin1Char('\'') || c == QChar(0x2018) || c == QChar(0x2019)) {
                if (m_position + 1 < m_text.size() && m_text.at(m_position + 1) == QLatin1Char('\'')) {
                    value += QLatin1Char('\'');
                    m_position += 2;
                    continue;
                }
                ++m_position;
                return value;
            }
            value += c;
            ++m_position;
        }
        return error(QStringLiteral("a closing quote is missing"));
    }

    static bool isDoubleQuote(QChar c)
    {
        return c == QLatin1Char('"') || c == QChar(0x201C) || c == QChar(0x201D);
    }

    // The OneRoster filter grammar quotes values with single quotes only. Without this error a
    // double-quoted value would be read unquoted, quotes included, and match nothing.
    Error doubleQuoteError(const QString &field) const
    {
        qsizetype end = m_position + 1;
        while (end < m_text.size() && !isDoubleQuote(m_text.at(end)))
            ++end;
        const QString value = m_text.mid(m_position + 1, end - m_position - 1);
        return error(QStringLiteral("values are quoted with single quotes, such as %1='%2', not "
                                    "double quotes")
                         .arg(field, value));
    }

    bool acceptKeyword(const QString &keyword)
    {
        skipSpaces();
        const qsizetype end = m_position + keyword.size();
        if (end > m_text.size())
            return false;
        if (QStringView(m_text).mid(m_position, keyword.size()).compare(keyword, Qt::CaseInsensitive) != 0)
            return false;
        // The keyword must stand alone: "ORG" is not "OR" followed by "G".
        if (end < m_text.size() && !m_text.at(end).isSpace() && m_text.at(end) != QLatin1Char('('))
            return false;
        m_position = end;
        return true;
    }

    void skipSpaces()
    {
        while (m_position < m_text.size() && m_text.at(m_position).isSpace())
            ++m_position;
    }

    static std::unique_ptr<FilterNode> combine(FilterNode::Kind kind, std::unique_ptr<FilterNode> left,
                                               std::unique_ptr<FilterNode> right)
    {
        auto node = std::make_unique<FilterNode>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    Error error(const QString &problem) const
    {
        return failure(QStringLiteral("Invalid filter at character %1: %2.")
                           .arg(m_position + 1)
                           .arg(problem));
    }

    const QString &m_text;
    const FilterLimits &m_limits;
    qsizetype m_position = 0;
    int m_clauses = 0;
};

QString sqlOperator(Predicate predicate)
{
    switch (predicate) {
    case Predicate::Equal:
        return QStringLiteral("=");
    case Predicate::NotEqual:
        return QStringLiteral("<>");
    case Predicate::Greater:
        return QStringLiteral(">");
    case Predicate::GreaterOrEqual:
        return QStringLiteral(">=");
    case Predicate::Less:
        return QStringLiteral("<");
    case Predicate::LessOrEqual:
        return QStringLiteral("<=");
    case Predicate::Contains:
        return QStringLiteral("LIKE");
    }
    return QStringLiteral("=");
}

QString escapeLike(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

// Normalises a date-time value to the store's form, 2026-09-01T00:00:00.000Z. A date alone
// means its midnight in UTC.
std::optional<QString> normalisedDateTime(const QString &value)
{
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (date.isValid() && value.size() == 10)
        return toIsoUtc(QDateTime(date, QTime(0, 0), QTimeZone::utc()));
    QDateTime dateTime = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        return std::nullopt;
    // A time without a zone is taken as UTC, as OneRoster writes every time in UTC.
    if (dateTime.timeSpec() == Qt::LocalTime)
        dateTime.setTimeZone(QTimeZone::utc());
    return toIsoUtc(dateTime);
}

std::variant<CompiledFilter, FilterError> compileClause(const FilterNode &node,
                                                        const FilterFieldLookup &lookup,
                                                        Dialect dialect)
{
    const std::optional<FilterField> field = lookup(node.field);
    if (!field)
        return FilterError{true, QStringLiteral("The filter names the field \"%1\", which this "
                                                "collection cannot be filtered on.")
                                     .arg(node.field)};
    const QString op = sqlOperator(node.predicate);
    const auto invalidValue = [&](const QString &expected) {
        return FilterError{false, QStringLiteral("The filter value \"%1\" for %2 is not %3.")
                                      .arg(node.value, node.field, expected)};
    };

    if (node.predicate == Predicate::Contains) {
        if (field->type == FilterType::Boolean || field->type == FilterType::Number)
            return FilterError{false, QStringLiteral("The ~ predicate works on text, not on %1.")
                                          .arg(node.field)};
        // Both sides are folded by the same function, so 'MÜLLER' finds what 'müller' finds.
        return CompiledFilter{QStringLiteral("%1 LIKE %2 ESCAPE '\\'")
                                  .arg(caseFoldSql(dialect, field->sql),
                                       caseFoldSql(dialect, QStringLiteral("CAST(? AS TEXT)"))),
                              {QString(QLatin1Char('%') + escapeLike(node.value) + QLatin1Char('%'))}};
    }

    switch (field->type) {
    case FilterType::Text:
        return CompiledFilter{QStringLiteral("%1 %2 ?").arg(field->sql, op), {node.value}};
    case FilterType::DateTime: {
        const auto normalised = normalisedDateTime(node.value);
        if (!normalised)
            return invalidValue(QStringLiteral("an ISO 8601 date or UTC date and time"));
        return CompiledFilter{QStringLiteral("%1 %2 ?").arg(field->sql, op), {*normalised}};
    }
    case FilterType::Date: {
        const QDate date = QDate::fromString(node.value.left(10), Qt::ISODate);
        if (!date.isValid())
            return invalidValue(QStringLiteral("an ISO 8601 date"));
        return CompiledFilter{QStringLiteral("%1 %2 ?").arg(field->sql, op),
                              {date.toString(Qt::ISODate)}};
    }
    case FilterType::Boolean: {
        const QString lower = node.value.toLower();
        if (lower != QLatin1String("true") && lower != QLatin1String("false"))
            return invalidValue(QStringLiteral("true or false"));
        if (node.predicate != Predicate::Equal && node.predicate != Predicate::NotEqual)
            return FilterError{false, QStringLiteral("%1 takes = or != only.").arg(node.field)};
        return CompiledFilter{QStringLiteral("%1 %2 ?").arg(field->sql, op),
                              {lower == QLatin1String("true") ? 1 : 0}};
    }
    case FilterType::Number: {
        bool ok = false;
        const double number = node.value.toDouble(&ok);
        if (!ok)
            return invalidValue(QStringLiteral("a number"));
        return CompiledFilter{QStringLiteral("%1 %2 ?").arg(field->sql, op), {number}};
    }
    case FilterType::List: {
        // A list matches = when it holds the value, and != when it does not.
        if (node.predicate != Predicate::Equal && node.predicate != Predicate::NotEqual)
            return FilterError{false, QStringLiteral("%1 is a list; it takes =, != or ~.")
                                          .arg(node.field)};
        const QString pattern = QStringLiteral("%\"") + escapeLike(node.value)
                                + QStringLiteral("\"%");
        const QString negation = node.predicate == Predicate::NotEqual ? QStringLiteral("NOT ")
                                                                        : QString();
        return CompiledFilter{QStringLiteral("COALESCE(%1, '') %2LIKE ? ESCAPE '\\'")
                                  .arg(field->sql, negation),
                              {pattern}};
    }
    }
    return invalidValue(QStringLiteral("valid"));
}

} // namespace

Result<std::unique_ptr<FilterNode>> parseFilter(const QString &text, const FilterLimits &limits)
{
    if (text.size() > limits.maxLength)
        return failure(QStringLiteral("The filter is %1 characters long; the limit is %2.")
                           .arg(text.size())
                           .arg(limits.maxLength));
    if (text.trimmed().isEmpty())
        return failure(QStringLiteral("The filter is empty."));
    return Parser(text, limits).parse();
}

std::variant<CompiledFilter, FilterError> compileFilter(const FilterNode &node,
                                                        const FilterFieldLookup &lookup,
                                                        Dialect dialect)
{
    if (node.kind == FilterNode::Kind::Clause) {
        auto clause = compileClause(node, lookup, dialect);
        if (auto *compiled = std::get_if<CompiledFilter>(&clause))
            compiled->sql = QLatin1Char('(') + compiled->sql + QLatin1Char(')');
        return clause;
    }
    auto left = compileFilter(*node.left, lookup, dialect);
    if (std::holds_alternative<FilterError>(left))
        return left;
    auto right = compileFilter(*node.right, lookup, dialect);
    if (std::holds_alternative<FilterError>(right))
        return right;
    auto &leftFilter = std::get<CompiledFilter>(left);
    auto &rightFilter = std::get<CompiledFilter>(right);
    const QString op = node.kind == FilterNode::Kind::And ? QStringLiteral(" AND ")
                                                          : QStringLiteral(" OR ");
    CompiledFilter combined;
    combined.sql = QLatin1Char('(') + leftFilter.sql + op + rightFilter.sql + QLatin1Char(')');
    combined.bindings = leftFilter.bindings + rightFilter.bindings;
    return combined;
}

} // namespace hub::oneroster
