// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "collection.h"

#include "core/logging.h"
#include "oneroster/statusinfo.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace hub::oneroster {

namespace {

constexpr qint64 kDefaultLimit = 100;
// A page may hold up to this many records; a larger limit is rejected, never cut silently.
constexpr qint64 kMaxLimit = 100000;
constexpr int kPageEndSeconds = 600;
// Counts of large collections take a scan; a vendor paging through one sees the same total
// for this long. Gradebook writes clear the cache at once.
constexpr int kCountSeconds = 30;
constexpr qsizetype kMaxCacheEntries = 20000;

struct Query
{
    qint64 limit = kDefaultLimit;
    qint64 offset = 0;
    const EntityField *sortField = nullptr;
    QString sortSql;
    bool descending = false;
    QList<const EntityField *> fields;
    CompiledFilter filter;
    QString filterText;
};

http::Response invalid(const ReadContext &context, CodeMinor code, const QString &message)
{
    return statusInfo(context.version, 400, code, message);
}

http::Response storeError(const ReadContext &context, const QString &error)
{
    if (isBusyError(error)) {
        http::Response response = statusInfo(context.version, 503, CodeMinor::ServerBusy,
                                             QStringLiteral("The store is busy; retry shortly."));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
        return response;
    }
    qCWarning(lcOneRoster) << "Store error in district" << context.scope.districtId << error;
    return statusInfo(context.version, 500, CodeMinor::InternalServerError,
                      QStringLiteral("The engine could not read its store."));
}

// Parses the fields parameter. Every name must be a field of the entity.
std::variant<QList<const EntityField *>, http::Response>
selectedFields(const ReadContext &context, const Entity &entity, const QUrlQuery &query)
{
    QList<const EntityField *> fields;
    if (!query.hasQueryItem(QStringLiteral("fields"))) {
        for (const EntityField &field : entity.fields) {
            if (!field.name.contains(QLatin1Char('.')))
                fields.append(&field);
        }
        return fields;
    }
    const QString text = query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded);
    const QStringList names = text.split(QLatin1Char(','));
    for (const QString &rawName : names) {
        const QString name = rawName.trimmed();
        const EntityField *field = entity.field(name);
        if (!field || name.contains(QLatin1Char('.')))
            return invalid(context, CodeMinor::InvalidSelectionField,
                           QStringLiteral("The fields parameter names \"%1\", which %2 do not "
                                          "have.")
                               .arg(name, entity.plural));
        if (!fields.contains(field))
            fields.append(field);
    }
    return fields;
}

// The query parameters of a request, with '+' read as a space as in HTML form encoding, so that
// a filter sent by curl --data-urlencode or a browser form arrives with its spaces. A literal '+'
// in a value must be sent as %2B.
QUrlQuery formDecodedQuery(const http::Request &request)
{
    QString encoded = request.raw().url().query(QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QStringLiteral("%20"));
    return QUrlQuery(encoded);
}

std::optional<qint64> nonNegativeInteger(const QString &text)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    return text.toLongLong();
}

std::variant<Query, http::Response> parseQuery(const ReadContext &context, const Entity &entity,
                                               const QUrlQuery &urlQuery)
{
    Query query;
    if (urlQuery.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = urlQuery.queryItemValue(QStringLiteral("limit"));
        const auto limit = nonNegativeInteger(text);
        if (!limit || *limit < 1 || *limit > kMaxLimit)
            return invalid(context, CodeMinor::InvalidData,
                           QStringLiteral("The limit \"%1\" is invalid; use a whole number from "
                                          "1 to %2.")
                               .arg(text)
                               .arg(kMaxLimit));
        query.limit = *limit;
    }
    if (urlQuery.hasQueryItem(QStringLiteral("offset"))) {
        const QString text = urlQuery.queryItemValue(QStringLiteral("offset"));
        const auto offset = nonNegativeInteger(text);
        if (!offset)
            return invalid(context, CodeMinor::InvalidData,
                           QStringLiteral("The offset \"%1\" is invalid; use a whole number of "
                                          "0 or more.")
                               .arg(text));
        query.offset = *offset;
    }

    if (urlQuery.hasQueryItem(QStringLiteral("sort"))) {
        const QString name = urlQuery.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded);
        const auto sortable = entity.filterField(name);
        if (!sortable || sortable->type == FilterType::List)
            return invalid(context, CodeMinor::InvalidSortField,
                           QStringLiteral("%1 cannot be sorted by \"%2\".").arg(entity.plural, name));
        query.sortField = entity.field(name);
        query.sortSql = sortable->type == FilterType::Number || sortable->type == FilterType::Boolean
                            ? QStringLiteral("COALESCE(%1, -1e308)").arg(sortable->sql)
                            : QStringLiteral("COALESCE(%1, '')").arg(sortable->sql);
    }
    if (urlQuery.hasQueryItem(QStringLiteral("orderBy"))) {
        const QString order = urlQuery.queryItemValue(QStringLiteral("orderBy")).toLower();
        if (order != QLatin1String("asc") && order != QLatin1String("desc"))
            return invalid(context, CodeMinor::InvalidData,
                           QStringLiteral("orderBy must be asc or desc."));
        query.descending = order == QLatin1String("desc");
    }

    auto fields = selectedFields(context, entity, urlQuery);
    if (auto *response = std::get_if<http::Response>(&fields))
        return *response;
    query.fields = std::get<QList<const EntityField *>>(fields);

    if (urlQuery.hasQueryItem(QStringLiteral("filter"))) {
        query.filterText = urlQuery.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
        auto tree = parseFilter(query.filterText);
        if (!tree)
            return invalid(context, CodeMinor::InvalidFilterField, tree.error());
        auto compiled = compileFilter(**tree, [&entity](const QString &name) {
            return entity.filterField(name);
        });
        if (auto *error = std::get_if<FilterError>(&compiled))
            return invalid(context, CodeMinor::InvalidFilterField, error->message);
        query.filter = std::get<CompiledFilter>(compiled);
    }
    return query;
}

// The WHERE conditions every read of the entity starts with: district, entity restriction and
// school year. User conditions are ANDed after them as one group.
void addScope(const ReadContext &context, const Entity &entity, QStringList *conditions,
              QVariantList *bindings)
{
    conditions->append(QStringLiteral("t.district_id = ?"));
    bindings->append(context.scope.districtId);
    if (!entity.baseCondition.isEmpty())
        conditions->append(entity.baseCondition);
    // TODO: Only academic sessions carry a school year in the store, so other records are
    // scoped to the district alone.
    if (context.scope.schoolYear != 0 && entity.table == QLatin1String("academic_sessions")) {
        conditions->append(QStringLiteral("t.school_year = ?"));
        bindings->append(context.scope.schoolYear);
    }
}

QString servicePath(Version version, const QString &type)
{
    if (version == Version::V1p1)
        return QStringLiteral("/ims/oneroster/v1p1");
    return QStringLiteral("/ims/oneroster/%1/v1p2").arg(serviceForType(type));
}

QJsonObject guidRef(const ReadContext &context, const QString &type, const QString &sourcedId)
{
    return QJsonObject{{QStringLiteral("href"), objectHref(context, type, sourcedId)},
                       {QStringLiteral("sourcedId"), sourcedId},
                       {QStringLiteral("type"), type}};
}

QJsonArray textList(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

// The JSON value of one field, or an undefined value when the field is absent.
QJsonValue fieldValue(const ReadContext &context, const EntityField &field, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Undefined;
    switch (field.kind) {
    case ValueKind::Text:
    case ValueKind::DateTime:
    case ValueKind::Date: {
        const QString text = value.toString();
        return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
    }
    case ValueKind::Status:
        return value.toString() == QLatin1String("tobedeleted") ? QStringLiteral("tobedeleted")
                                                                 : QStringLiteral("active");
    case ValueKind::Boolean:
        return value.toLongLong() != 0 ? QStringLiteral("true") : QStringLiteral("false");
    case ValueKind::Number:
        return value.toDouble();
    case ValueKind::YearText:
        return QString::number(value.toLongLong());
    case ValueKind::TextList: {
        const QJsonArray items = textList(value);
        return items.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(items);
    }
    case ValueKind::UserIds: {
        QJsonArray ids;
        const QJsonArray items = textList(value);
        for (const QJsonValue &item : items) {
            // Stored as {type:identifier}, as OneRoster CSV writes them.
            QString text = item.toString();
            if (text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')))
                text = text.mid(1, text.size() - 2);
            const qsizetype colon = text.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            ids.append(QJsonObject{{QStringLiteral("type"), text.left(colon)},
                                   {QStringLiteral("identifier"), text.mid(colon + 1)}});
        }
        return ids.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(ids);
    }
    case ValueKind::Ref: {
        const QString id = value.toString();
        return id.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                            : QJsonValue(guidRef(context, field.refType, id));
    }
    case ValueKind::RefList: {
        QJsonArray refs;
        const QJsonArray items = textList(value);
        for (const QJsonValue &item : items)
            refs.append(guidRef(context, field.refType, item.toString()));
        return refs.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(refs);
    }
    case ValueKind::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        if (document.isArray())
            return document.array();
        if (document.isObject())
            return document.object();
        return QJsonValue::Undefined;
    }
    }
    return QJsonValue::Undefined;
}

// Adds 1.1's role orgs or 1.2's roles to the users of a page, read from user_roles in one query.
Result<void> addUserRoles(const ReadContext &context, const QList<const EntityField *> &fields,
                          QList<QJsonObject> *objects, const QStringList &ids)
{
    const bool wantsOrgs = std::any_of(fields.cbegin(), fields.cend(), [](const EntityField *f) {
        return f->name == QLatin1String("orgs");
    });
    const bool wantsRoles = std::any_of(fields.cbegin(), fields.cend(), [](const EntityField *f) {
        return f->name == QLatin1String("roles");
    });
    if ((!wantsOrgs && !wantsRoles) || ids.isEmpty())
        return {};

    QStringList placeholders;
    QVariantList bindings{context.scope.districtId};
    for (const QString &id : ids) {
        placeholders.append(QStringLiteral("?"));
        bindings.append(id);
    }
    auto query = execute(context.db,
                         QStringLiteral("SELECT user_sourced_id, role_type, role, org_sourced_id, "
                                        "begin_date, end_date FROM user_roles WHERE "
                                        "district_id = ? AND user_sourced_id IN (%1) "
                                        "ORDER BY user_sourced_id, CASE WHEN role_type = "
                                        "'primary' THEN 0 ELSE 1 END, org_sourced_id")
                             .arg(placeholders.join(QLatin1Char(','))),
                         bindings);
    if (!query)
        return failure(query.error());
    QHash<QString, QJsonArray> orgs;
    QHash<QString, QJsonArray> roles;
    while (query->next()) {
        const QString user = query->value(0).toString();
        const QString org = query->value(3).toString();
        const QJsonObject ref = guidRef(context, QStringLiteral("org"), org);
        if (!orgs[user].contains(ref))
            orgs[user].append(ref);
        QJsonObject role{{QStringLiteral("roleType"), query->value(1).toString()},
                         {QStringLiteral("role"), query->value(2).toString()},
                         {QStringLiteral("org"), ref}};
        if (!query->value(4).toString().isEmpty())
            role.insert(QStringLiteral("beginDate"), query->value(4).toString());
        if (!query->value(5).toString().isEmpty())
            role.insert(QStringLiteral("endDate"), query->value(5).toString());
        roles[user].append(role);
    }
    for (qsizetype i = 0; i < objects->size(); ++i) {
        QJsonObject &object = (*objects)[i];
        const QString &id = ids.at(i);
        if (wantsOrgs && !orgs.value(id).isEmpty())
            object.insert(QStringLiteral("orgs"), orgs.value(id));
        if (wantsRoles && !roles.value(id).isEmpty())
            object.insert(QStringLiteral("roles"), roles.value(id));
    }
    return {};
}

QString selectList(const Query &query)
{
    QStringList columns{QStringLiteral("t.sourced_id"),
                        query.sortSql.isEmpty() ? QStringLiteral("NULL") : query.sortSql};
    for (const EntityField *field : query.fields)
        columns.append(field->sql);
    return columns.join(QStringLiteral(", "));
}

QJsonObject rowObject(const ReadContext &context, const QSqlQuery &row,
                      const QList<const EntityField *> &fields)
{
    QJsonObject object;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QJsonValue value = fieldValue(context, *fields.at(i), row.value(int(i) + 2));
        if (!value.isUndefined())
            object.insert(fields.at(i)->name, value);
    }
    return object;
}

QByteArray linkHeader(const http::Request &request, qint64 offset, qint64 limit, qint64 total)
{
    const QUrl base = request.raw().url();
    const auto link = [&](qint64 pageOffset, const char *rel) -> QByteArray {
        QUrl url = base;
        QUrlQuery query(base);
        query.removeAllQueryItems(QStringLiteral("offset"));
        query.removeAllQueryItems(QStringLiteral("limit"));
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        query.addQueryItem(QStringLiteral("offset"), QString::number(pageOffset));
        url.setQuery(query);
        return QByteArray("<") + url.toEncoded() + ">; rel=\"" + rel + "\"";
    };
    QList<QByteArray> links;
    const qint64 lastOffset = total > 0 ? ((total - 1) / limit) * limit : 0;
    links.append(link(0, "first"));
    if (offset > 0)
        links.append(link(std::max<qint64>(0, offset - limit), "prev"));
    if (offset + limit < total)
        links.append(link(offset + limit, "next"));
    links.append(link(lastOffset, "last"));
    return links.join(", ");
}

QString cacheKey(const ReadContext &context, const CollectionSpec &spec, const Query &query,
                 bool withOrder)
{
    QStringList parts{QString::number(context.scope.districtId),
                      QString::number(context.scope.schoolYear), spec.entity->key, spec.condition};
    for (const QVariant &binding : spec.bindings)
        parts.append(binding.toString());
    parts.append(query.filterText);
    if (withOrder) {
        parts.append(query.sortField ? query.sortField->name : QString());
        parts.append(query.descending ? QStringLiteral("desc") : QStringLiteral("asc"));
        parts.append(QString::number(query.limit));
    }
    return parts.join(QChar(0x1f));
}

} // namespace

std::optional<PageCache::PageEnd> PageCache::pageEnd(const QString &key, qint64 offset,
                                                     const QDateTime &now) const
{
    const auto found = m_pageEnds.constFind(key + QLatin1Char('@') + QString::number(offset));
    if (found == m_pageEnds.cend() || found->storedAt.secsTo(now) > kPageEndSeconds)
        return std::nullopt;
    return found->end;
}

void PageCache::storePageEnd(const QString &key, qint64 offset, const PageEnd &end,
                             const QDateTime &now)
{
    if (m_pageEnds.size() > kMaxCacheEntries)
        m_pageEnds.clear();
    m_pageEnds.insert(key + QLatin1Char('@') + QString::number(offset), TimedPageEnd{end, now});
}

std::optional<qint64> PageCache::count(const QString &key, const QDateTime &now) const
{
    const auto found = m_counts.constFind(key);
    if (found == m_counts.cend() || found->storedAt.secsTo(now) > kCountSeconds)
        return std::nullopt;
    return found->count;
}

void PageCache::storeCount(const QString &key, qint64 count, const QDateTime &now)
{
    if (m_counts.size() > kMaxCacheEntries)
        m_counts.clear();
    m_counts.insert(key, TimedCount{count, now});
}

void PageCache::clear()
{
    m_pageEnds.clear();
    m_counts.clear();
}

QString objectHref(const ReadContext &context, const QString &type, const QString &sourcedId)
{
    return context.origin + servicePath(context.version, type) + QLatin1Char('/')
           + collectionForType(type) + QLatin1Char('/')
           + QString::fromLatin1(QUrl::toPercentEncoding(sourcedId));
}

http::Response readCollection(const ReadContext &context, const CollectionSpec &spec,
                              const http::Request &request)
{
    const Entity &entity = *spec.entity;
    auto parsed = parseQuery(context, entity, formDecodedQuery(request));
    if (auto *response = std::get_if<http::Response>(&parsed))
        return *response;
    const Query &query = std::get<Query>(parsed);

    QStringList conditions;
    QVariantList bindings;
    addScope(context, entity, &conditions, &bindings);
    if (!spec.condition.isEmpty()) {
        conditions.append(QLatin1Char('(') + spec.condition + QLatin1Char(')'));
        bindings += spec.bindings;
    }
    // The vendor's filter is one parenthesised group after the scope, so an OR inside it can
    // never widen the district or school year.
    if (!query.filter.sql.isEmpty()) {
        conditions.append(query.filter.sql);
        bindings += query.filter.bindings;
    }
    const QString from = QStringLiteral(" FROM %1 t WHERE ").arg(entity.table);

    const QString countKey = cacheKey(context, spec, query, false);
    std::optional<qint64> total = context.cache ? context.cache->count(countKey, context.now)
                                                : std::nullopt;
    if (!total) {
        auto counted = selectValue(context.db,
                                   QStringLiteral("SELECT count(*)") + from
                                       + conditions.join(QStringLiteral(" AND ")),
                                   bindings);
        if (!counted)
            return storeError(context, counted.error());
        total = counted->toLongLong();
        if (context.cache)
            context.cache->storeCount(countKey, *total, context.now);
    }

    // Keyset paging: when the previous page of the same query ended at this offset, start after
    // its last row, so a deep page costs what the first one does.
    const QString pageKey = cacheKey(context, spec, query, true);
    const auto pageEnd = context.cache ? context.cache->pageEnd(pageKey, query.offset, context.now)
                                       : std::nullopt;
    QStringList pageConditions = conditions;
    QVariantList pageBindings = bindings;
    const QString direction = query.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (pageEnd) {
        if (query.sortSql.isEmpty()) {
            pageConditions.append(QStringLiteral("t.sourced_id %1 ?").arg(direction));
            pageBindings.append(pageEnd->sourcedId);
        } else {
            pageConditions.append(QStringLiteral("(%1 %2 ? OR (%1 = ? AND t.sourced_id %2 ?))")
                                      .arg(query.sortSql, direction));
            pageBindings += {pageEnd->sortValue, pageEnd->sortValue, pageEnd->sourcedId};
        }
    }
    const QString order = query.descending ? QStringLiteral(" DESC") : QString();
    QString orderBy = QStringLiteral(" ORDER BY ");
    if (!query.sortSql.isEmpty())
        orderBy += query.sortSql + order + QStringLiteral(", ");
    orderBy += QStringLiteral("t.sourced_id") + order;
    QString sql = QStringLiteral("SELECT ") + selectList(query) + from
                  + pageConditions.join(QStringLiteral(" AND ")) + orderBy
                  + QStringLiteral(" LIMIT ?");
    pageBindings.append(query.limit);
    if (!pageEnd && query.offset > 0) {
        sql += QStringLiteral(" OFFSET ?");
        pageBindings.append(query.offset);
    }

    auto rows = execute(context.db, sql, pageBindings);
    if (!rows)
        return storeError(context, rows.error());
    QList<QJsonObject> objects;
    QStringList ids;
    PageCache::PageEnd last;
    while (rows->next()) {
        objects.append(rowObject(context, *rows, query.fields));
        ids.append(rows->value(0).toString());
        last = PageCache::PageEnd{rows->value(1), ids.last()};
    }
    if (entity.userRoles) {
        if (auto added = addUserRoles(context, query.fields, &objects, ids); !added)
            return storeError(context, added.error());
    }
    if (context.cache && !ids.isEmpty())
        context.cache->storePageEnd(pageKey, query.offset + ids.size(), last, context.now);

    QJsonArray array;
    for (const QJsonObject &object : std::as_const(objects))
        array.append(object);
    http::Response response = http::Response::json(QJsonObject{{entity.plural, array}});
    response.headers.append(qMakePair(QByteArray("X-Total-Count"), QByteArray::number(*total)));
    response.headers.append(
        qMakePair(QByteArray("Link"), linkHeader(request, query.offset, query.limit, *total)));
    return response;
}

http::Response readObject(const ReadContext &context, const Entity &entity,
                          const QString &sourcedId, const http::Request &request)
{
    auto fields = selectedFields(context, entity, formDecodedQuery(request));
    if (auto *response = std::get_if<http::Response>(&fields))
        return *response;
    Query query;
    query.fields = std::get<QList<const EntityField *>>(fields);

    QStringList conditions;
    QVariantList bindings;
    addScope(context, entity, &conditions, &bindings);
    conditions.append(QStringLiteral("t.sourced_id = ?"));
    bindings.append(sourcedId);
    auto row = execute(context.db,
                       QStringLiteral("SELECT ") + selectList(query)
                           + QStringLiteral(" FROM %1 t WHERE ").arg(entity.table)
                           + conditions.join(QStringLiteral(" AND ")),
                       bindings);
    if (!row)
        return storeError(context, row.error());
    if (!row->next())
        return statusInfo(context.version, 404, CodeMinor::UnknownObject,
                          QStringLiteral("No %1 has the sourcedId \"%2\".")
                              .arg(entity.singular, sourcedId));
    QList<QJsonObject> objects{rowObject(context, *row, query.fields)};
    if (entity.userRoles) {
        if (auto added = addUserRoles(context, query.fields, &objects, {sourcedId}); !added)
            return storeError(context, added.error());
    }
    return http::Response::json(QJsonObject{{entity.singular, objects.first()}});
}

Result<bool> objectExists(const ReadContext &context, const Entity &entity,
                          const QString &sourcedId)
{
    QStringList conditions;
    QVariantList bindings;
    addScope(context, entity, &conditions, &bindings);
    conditions.append(QStringLiteral("t.sourced_id = ?"));
    bindings.append(sourcedId);
    auto found = selectValue(context.db,
                             QStringLiteral("SELECT 1 FROM %1 t WHERE ").arg(entity.table)
                                 + conditions.join(QStringLiteral(" AND ")),
                             bindings);
    if (!found)
        return failure(found.error());
    return !found->isNull();
}

} // namespace hub::oneroster
