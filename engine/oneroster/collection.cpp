// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "collection.h"

#include "core/jsontext.h"
#include "core/logging.h"
#include "oneroster/objectwriter.h"
#include "oneroster/statusinfo.h"
#include "store/store.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cstring>
#include <functional>

namespace hub::oneroster {

namespace {

constexpr qint64 kDefaultLimit = 100;
// A page may hold up to this many records; a larger limit is rejected, never cut silently.
constexpr qint64 kMaxLimit = 100000;
// Far beyond any collection's size, and low enough that offset + limit cannot overflow.
constexpr qint64 kMaxOffset = 999'999'999'999;
constexpr int kPageEndSeconds = 600;
// Counts of large collections take a scan; a vendor paging through one sees the same total
// for this long. Gradebook writes clear the cache at once.
constexpr int kCountSeconds = 30;
constexpr qsizetype kMaxCacheEntries = 20000;
// Bytes kept free before a response body for the response head. A longer head, such as one
// with the Link header of a long filter, costs a copy of the body.
constexpr qsizetype kHeadRoom = 1024;

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

// Runs a read on the context's connection, through its statement cache when it has one.
Result<StatementCache::Handle> runRead(const ReadContext &context, const QString &sql,
                                       const QVariantList &bindings)
{
    if (context.statements)
        return context.statements->run(context.db, sql, bindings);
    StatementCache once(1);
    return once.run(context.db, sql, bindings);
}

} // namespace

Result<void> forEachRow(const ReadContext &context, const QString &sql,
                        const QVariantList &bindings,
                        const std::function<void(RowValues &)> &consume)
{
    if (dialectOf(context.db) == Dialect::Sqlite) {
        StatementCache once(1);
        StatementCache *statements = context.statements ? context.statements : &once;
        auto prepared = statements->prepareSqlite(context.db, sql, bindings);
        if (!prepared)
            return failure(prepared.error());
        SqliteRowValues row(prepared->statement());
        for (;;) {
            const int step = sqlite3_step(prepared->statement());
            if (step == SQLITE_DONE)
                return {};
            if (step != SQLITE_ROW)
                return failure(QStringLiteral("%1 (in: %2)")
                                   .arg(prepared->errorMessage(), sql.simplified()));
            consume(row);
        }
    }
    // On PostgreSQL the rows come straight from libpq, in one round trip on a statement
    // prepared once. Values that libpq would get as text other than QtSql sends them go
    // through QSqlQuery.
    if (context.statements && StatementCache::postgresCanBind(bindings)) {
        auto ran = context.statements->runPostgres(context.db, sql, bindings);
        if (!ran)
            return failure(ran.error());
        PostgresRowValues row(ran->result());
        const int rows = PQntuples(ran->result());
        for (int i = 0; i < rows; ++i) {
            row.setRow(i);
            consume(row);
        }
        return {};
    }
    auto read = runRead(context, sql, bindings);
    if (!read)
        return failure(read.error());
    QSqlQuery &query = read->query();
    VariantRowValues row;
    while (query.next()) {
        const int columns = query.record().count();
        row.values.resize(columns);
        for (int i = 0; i < columns; ++i)
            row.values[i] = query.value(i);
        consume(row);
    }
    return {};
}

namespace {

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

// Rejects a query that gives one of the listed parameters more than once, so that a second
// filter is never dropped in silence. Other parameters may repeat, because vendors add their own.
std::optional<http::Response> repeatedParameter(const ReadContext &context,
                                                const QUrlQuery &query, const QStringList &names)
{
    for (const QString &name : names) {
        if (query.allQueryItemValues(name).size() < 2)
            continue;
        CodeMinor code = CodeMinor::InvalidData;
        if (name == QLatin1String("filter"))
            code = CodeMinor::InvalidFilterField;
        else if (name == QLatin1String("sort"))
            code = CodeMinor::InvalidSortField;
        else if (name == QLatin1String("fields"))
            code = CodeMinor::InvalidSelectionField;
        QString message
            = QStringLiteral("The %1 parameter is given more than once; give it once.").arg(name);
        if (code == CodeMinor::InvalidFilterField)
            message += QStringLiteral(" To combine conditions, join them with AND or OR in one "
                                      "filter.");
        return invalid(context, code, message);
    }
    return std::nullopt;
}

// The query parameters of a request, with '+' read as a space as in HTML form encoding, so that
// a filter sent by curl --data-urlencode or a browser form arrives with its spaces. A literal '+'
// in a value must be sent as %2B.
QUrlQuery formDecodedQuery(const http::Request &request)
{
    QString encoded = request.url().query(QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QStringLiteral("%20"));
    return QUrlQuery(encoded);
}

std::optional<qint64> nonNegativeInteger(const QString &text)
{
    // Eighteen digits always fit in a qint64.
    if (text.isEmpty() || text.size() > 18)
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
    if (auto repeated = repeatedParameter(
            context, urlQuery,
            {QStringLiteral("filter"), QStringLiteral("sort"), QStringLiteral("orderBy"),
             QStringLiteral("limit"), QStringLiteral("offset"), QStringLiteral("fields")}))
        return *repeated;

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
        if (!offset || *offset > kMaxOffset)
            return invalid(context, CodeMinor::InvalidData,
                           QStringLiteral("The offset \"%1\" is invalid; use a whole number from "
                                          "0 to %2.")
                               .arg(text)
                               .arg(kMaxOffset));
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
        auto compiled = compileFilter(
            **tree, [&entity](const QString &name) { return entity.filterField(name); },
            dialectOf(context.db));
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

// The 1.1 orgs and 1.2 roles of the users of a page, as pieces of JSON in one buffer. Each
// user_roles row gives one piece: the row's org as a GUIDRef, unless an earlier row of the user
// listed it, and the role object. The pieces of a user are linked in row order, so that a page
// takes no buffer or list per user.
struct UserRoles
{
    struct Piece
    {
        // Spans in json: the org's GUIDRef, empty for an org listed before, and the role.
        qsizetype orgStart = 0;
        qsizetype orgEnd = 0;
        qsizetype roleStart = 0;
        qsizetype roleEnd = 0;
        // The span of the org's sourced id in orgIds.
        qsizetype orgIdStart = 0;
        qsizetype orgIdEnd = 0;
        // The user's next piece, or -1.
        qsizetype next = -1;
    };

    JsonBuffer json;
    JsonBuffer orgIds;
    QList<Piece> pieces;
    // The first and last piece of each user of the page, by its place on the page, or -1.
    QList<qsizetype> first;
    QList<qsizetype> last;

    QByteArrayView view(qsizetype start, qsizetype end) const
    {
        return json.view().sliced(start, end - start);
    }
    // Whether an earlier row of the user listed the org.
    bool listsOrg(qsizetype user, QByteArrayView org) const
    {
        for (qsizetype p = first.at(user); p >= 0; p = pieces.at(p).next) {
            const Piece &piece = pieces.at(p);
            if (orgIds.view().sliced(piece.orgIdStart, piece.orgIdEnd - piece.orgIdStart) == org)
                return true;
        }
        return false;
    }
};

// The users whose roles a query reads: those of a list of sourced ids, or every user whose
// sourced id lies between the first and the last id of a list in ascending or descending order.
enum class UserSpan { Listed, AscendingRange, DescendingRange };

// Reads 1.1's role orgs and 1.2's roles of the users of a page from user_roles in one query.
// The ids are the page's user sourced ids, each once. For a range they must be in the store's
// order of sourced ids, because its collation decides what lies between the first and the last.
// Rows of users between them that are not on the page are read and skipped, so a range suits a
// page of every user of the district: it takes one index range instead of a lookup per id.
Result<UserRoles> readUserRoles(const ReadContext &context, ObjectWriter &writer,
                                const QList<QByteArray> &ids, UserSpan span)
{
    UserRoles roles;
    roles.first.fill(-1, ids.size());
    roles.last.fill(-1, ids.size());
    if (ids.isEmpty())
        return roles;
    QHash<QByteArrayView, qsizetype> places;
    places.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        places.insert(ids.at(i), i);

    QString users;
    QVariantList bindings{context.scope.districtId};
    if (span == UserSpan::Listed) {
        QStringList placeholders;
        for (const QByteArray &id : ids) {
            placeholders.append(QStringLiteral("?"));
            bindings.append(QString::fromUtf8(id));
        }
        users = QStringLiteral("user_sourced_id IN (%1)").arg(placeholders.join(QLatin1Char(',')));
    } else {
        const bool ascending = span == UserSpan::AscendingRange;
        users = QStringLiteral("user_sourced_id >= ? AND user_sourced_id <= ?");
        bindings.append(QString::fromUtf8(ascending ? ids.constFirst() : ids.constLast()));
        bindings.append(QString::fromUtf8(ascending ? ids.constLast() : ids.constFirst()));
    }
    roles.json.reserve(ids.size() * 320);
    roles.orgIds.reserve(ids.size() * 16);
    const QString orgType = QStringLiteral("org");
    const auto read = forEachRow(
        context,
        QStringLiteral("SELECT user_sourced_id, role_type, role, org_sourced_id, begin_date, "
                       "end_date FROM user_roles r WHERE district_id = ? AND %1 AND %2 ORDER BY "
                       "user_sourced_id, CASE WHEN role_type = 'primary' THEN 0 ELSE 1 END, "
                       "org_sourced_id")
            .arg(users, shownRoleCondition()),
        bindings, [&](RowValues &row) {
            const auto place = places.constFind(row.text(0));
            if (place == places.cend())
                return;
            const qsizetype user = *place;
            const QByteArrayView org = row.text(3);
            UserRoles::Piece piece;
            piece.orgStart = roles.json.size();
            if (!roles.listsOrg(user, org))
                writer.appendGuidRef(roles.json, orgType, org);
            piece.orgEnd = roles.json.size();
            piece.orgIdStart = roles.orgIds.size();
            roles.orgIds.append(org);
            piece.orgIdEnd = roles.orgIds.size();

            piece.roleStart = roles.json.size();
            writer.beginObject(roles.json);
            writer.writeMemberName(roles.json, u"roleType");
            ObjectWriter::appendString(roles.json, row.text(1));
            writer.writeMemberName(roles.json, u"role");
            ObjectWriter::appendString(roles.json, row.text(2));
            writer.writeMemberName(roles.json, u"org");
            writer.appendGuidRef(roles.json, orgType, org);
            writer.writeTextMember(roles.json, u"beginDate", row.text(4));
            writer.writeTextMember(roles.json, u"endDate", row.text(5));
            writer.endObject(roles.json);
            piece.roleEnd = roles.json.size();

            const qsizetype added = roles.pieces.size();
            if (roles.last.at(user) >= 0)
                roles.pieces[roles.last.at(user)].next = added;
            else
                roles.first[user] = added;
            roles.last[user] = added;
            roles.pieces.append(piece);
        });
    if (!read)
        return failure(read.error());
    return roles;
}

// The objects of a page or a single object as they are written: one buffer that starts with
// the wrapper, such as {"users":[, and the objects after it, separated by commas. Objects of an
// entity with user roles stay open, because their orgs or roles are added once the whole page is
// read. Their ends are kept for that.
struct PageObjects
{
    JsonBuffer body;
    QList<qsizetype> openEnds;
    // The sourced ids of the open objects, for the roles query.
    QList<QByteArray> ids;
};

// Appends the orgs or the roles of a user on the page as an array member to its object, which is
// still open.
void appendRolesMember(JsonBuffer &object, QByteArrayView name, const UserRoles &roles,
                       qsizetype user, bool orgs)
{
    if (object.back() != '{')
        object.append(',');
    object.append('"');
    object.append(name);
    object.append("\":[");
    bool first = true;
    for (qsizetype p = roles.first.at(user); p >= 0; p = roles.pieces.at(p).next) {
        const UserRoles::Piece &piece = roles.pieces.at(p);
        const QByteArrayView json = orgs ? roles.view(piece.orgStart, piece.orgEnd)
                                         : roles.view(piece.roleStart, piece.roleEnd);
        if (json.isEmpty())
            continue;
        if (!first)
            object.append(',');
        first = false;
        object.append(json);
    }
    object.append(']');
}

// Whether the fields include the 1.1 orgs or the 1.2 roles, which come from user_roles.
bool wantsMember(const Entity &entity, const QList<const EntityField *> &fields, QStringView name)
{
    return entity.userRoles
           && std::any_of(fields.cbegin(), fields.cend(),
                          [name](const EntityField *f) { return f->name == name; });
}

QString selectList(const Query &query)
{
    QStringList columns{QStringLiteral("t.sourced_id"),
                        query.sortSql.isEmpty() ? QStringLiteral("NULL") : query.sortSql};
    for (const EntityField *field : query.fields)
        columns.append(field->sql);
    return columns.join(QStringLiteral(", "));
}

// Writes the selected fields of a row as the next object of the page. The page's query selects
// them after the sourced id and the sort value.
void writeRowObject(ObjectWriter &writer, PageObjects &page, RowValues &row,
                    const QList<const EntityField *> &fields, bool keepOpen)
{
    // The first object follows the opening bracket, or the colon of a single object's wrapper.
    if (page.body.back() != '[' && page.body.back() != ':')
        page.body.append(',');
    writer.beginObject(page.body);
    for (qsizetype i = 0; i < fields.size(); ++i)
        writer.writeField(page.body, *fields.at(i), row, int(i) + 2);
    if (keepOpen) {
        page.openEnds.append(page.body.size());
        page.ids.append(row.text(0).toByteArray());
    } else {
        writer.endObject(page.body);
    }
}

// Starts the buffer of a page with its wrapper and the opening bracket of a collection.
PageObjects startPage(const QString &wrapper, bool collection, qint64 expectedObjects)
{
    PageObjects page;
    // Room for the response head, whose Link header repeats the request's URL four times, so
    // that the server sends the page without copying it.
    page.body.reserveFront(kHeadRoom);
    page.body.reserve(qsizetype(std::clamp<qint64>(expectedObjects, 1, 1000) * 512 + 64));
    page.body.append('{');
    appendJsonString(page.body, wrapper);
    page.body.append(':');
    if (collection)
        page.body.append('[');
    return page;
}

// Closes the objects of the page, with the users' orgs or roles when the fields include them,
// and ends the wrapper. The roles query finds the page's users by the span.
std::variant<QByteArray, QString> finishPage(const ReadContext &context, const Entity &entity,
                                             const QList<const EntityField *> &fields,
                                             ObjectWriter &writer, PageObjects &page,
                                             bool collection, UserSpan span)
{
    if (!page.openEnds.isEmpty()) {
        const bool wantsOrgs = wantsMember(entity, fields, u"orgs");
        const bool wantsRoles = wantsMember(entity, fields, u"roles");
        auto read = readUserRoles(context, writer, page.ids, span);
        if (!read)
            return read.error();
        const UserRoles &roles = *read;

        // The objects are copied into a new buffer with their roles and closing braces.
        JsonBuffer closed;
        closed.reserveFront(kHeadRoom);
        closed.reserve(page.body.size() + roles.json.size() + roles.pieces.size()
                       + page.openEnds.size() * 24 + 4);
        qsizetype copied = 0;
        for (qsizetype i = 0; i < page.openEnds.size(); ++i) {
            const qsizetype end = page.openEnds.at(i);
            closed.append(page.body.view().sliced(copied, end - copied));
            copied = end;
            // A user without roles gets neither member.
            if (roles.first.at(i) >= 0) {
                if (wantsOrgs)
                    appendRolesMember(closed, "orgs", roles, i, true);
                if (wantsRoles)
                    appendRolesMember(closed, "roles", roles, i, false);
            }
            closed.append('}');
        }
        closed.append(page.body.view().sliced(copied));
        page.body = std::move(closed);
    }
    if (collection)
        page.body.append(']');
    page.body.append('}');
    return page.body.take();
}

QByteArray linkHeader(const http::Request &request, qint64 offset, qint64 limit, qint64 total)
{
    // Each link is the request's URL without its limit and offset, then the page's limit and
    // offset as the last query items. The URL is encoded once, because the numbers that follow
    // it need no encoding.
    QUrl url = request.url();
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("offset"));
    query.removeAllQueryItems(QStringLiteral("limit"));
    if (query.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(query);
    QByteArray start = '<' + url.toEncoded() + (query.isEmpty() ? "?limit=" : "&limit=");
    start += QByteArray::number(limit) + "&offset=";

    QByteArray links;
    links.reserve(4 * (start.size() + 40));
    const auto link = [&](qint64 pageOffset, const char *rel) {
        if (!links.isEmpty())
            links += ", ";
        links += start + QByteArray::number(pageOffset) + ">; rel=\"" + rel + '"';
    };
    const qint64 lastOffset = total > 0 ? ((total - 1) / limit) * limit : 0;
    link(0, "first");
    if (offset > 0)
        link(std::max<qint64>(0, offset - limit), "prev");
    if (offset + limit < total)
        link(offset + limit, "next");
    link(lastOffset, "last");
    return links;
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
    QMutexLocker locker(&m_mutex);
    const auto found = m_pageEnds.constFind(key + QLatin1Char('@') + QString::number(offset));
    if (found == m_pageEnds.cend() || found->storedAt.secsTo(now) > kPageEndSeconds)
        return std::nullopt;
    return found->end;
}

void PageCache::storePageEnd(const QString &key, qint64 offset, const PageEnd &end,
                             const QDateTime &now, quint64 generation)
{
    QMutexLocker locker(&m_mutex);
    if (generation != m_generation)
        return;
    if (m_pageEnds.size() > kMaxCacheEntries)
        m_pageEnds.clear();
    m_pageEnds.insert(key + QLatin1Char('@') + QString::number(offset), TimedPageEnd{end, now});
}

std::optional<qint64> PageCache::count(const QString &key, const QDateTime &now) const
{
    QMutexLocker locker(&m_mutex);
    const auto found = m_counts.constFind(key);
    if (found == m_counts.cend() || found->storedAt.secsTo(now) > kCountSeconds)
        return std::nullopt;
    return found->count;
}

void PageCache::storeCount(const QString &key, qint64 count, const QDateTime &now,
                           quint64 generation)
{
    QMutexLocker locker(&m_mutex);
    if (generation != m_generation)
        return;
    if (m_counts.size() > kMaxCacheEntries)
        m_counts.clear();
    m_counts.insert(key, TimedCount{count, now});
}

void PageCache::clear()
{
    QMutexLocker locker(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_release);
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
        auto counted = runRead(context,
                               QStringLiteral("SELECT count(*)") + from
                                   + conditions.join(QStringLiteral(" AND ")),
                               bindings);
        if (!counted)
            return storeError(context, counted.error());
        total = counted->query().next() ? counted->query().value(0).toLongLong() : 0;
        if (context.cache)
            context.cache->storeCount(countKey, *total, context.now, context.cacheGeneration);
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

    ObjectWriter writer(context.version, context.origin);
    const bool keepOpen
        = wantsMember(entity, query.fields, u"orgs") || wantsMember(entity, query.fields, u"roles");
    PageObjects page = startPage(entity.plural, true, query.limit);
    qint64 rows = 0;
    // The last row's sort key, for the next page. The id's bytes are copied into one buffer
    // that each row reuses.
    QByteArray lastId;
    QVariant lastSortValue;
    const auto read = forEachRow(context, sql, pageBindings, [&](RowValues &row) {
        writeRowObject(writer, page, row, query.fields, keepOpen);
        ++rows;
        const QByteArrayView id = row.text(0);
        lastId.resize(id.size());
        if (!id.isEmpty())
            std::memcpy(lastId.data(), id.data(), size_t(id.size()));
        if (!query.sortSql.isEmpty())
            lastSortValue = row.value(1);
    });
    if (!read)
        return storeError(context, read.error());
    // A page of every user of the district in sourced id order has the roles of the users
    // between its first and last user and no others. A filter, a relationship or an entity
    // such as students leaves users out, whose roles a range would read in vain.
    UserSpan span = UserSpan::Listed;
    if (query.sortSql.isEmpty() && query.filter.sql.isEmpty() && spec.condition.isEmpty()
        && entity.baseCondition.isEmpty())
        span = query.descending ? UserSpan::DescendingRange : UserSpan::AscendingRange;
    auto body = finishPage(context, entity, query.fields, writer, page, true, span);
    if (auto *error = std::get_if<QString>(&body))
        return storeError(context, *error);
    if (context.cache && rows > 0)
        context.cache->storePageEnd(pageKey, query.offset + rows,
                                    PageCache::PageEnd{lastSortValue, QString::fromUtf8(lastId)},
                                    context.now, context.cacheGeneration);

    http::Response response;
    response.body = std::get<QByteArray>(std::move(body));
    response.headers.append(qMakePair(QByteArray("X-Total-Count"), QByteArray::number(*total)));
    response.headers.append(
        qMakePair(QByteArray("Link"), linkHeader(request, query.offset, query.limit, *total)));
    return response;
}

http::Response readObject(const ReadContext &context, const Entity &entity,
                          const QString &sourcedId, const http::Request &request)
{
    const QUrlQuery urlQuery = formDecodedQuery(request);
    if (auto repeated = repeatedParameter(context, urlQuery, {QStringLiteral("fields")}))
        return *repeated;
    auto fields = selectedFields(context, entity, urlQuery);
    if (auto *response = std::get_if<http::Response>(&fields))
        return *response;
    Query query;
    query.fields = std::get<QList<const EntityField *>>(fields);

    QStringList conditions;
    QVariantList bindings;
    addScope(context, entity, &conditions, &bindings);
    conditions.append(QStringLiteral("t.sourced_id = ?"));
    bindings.append(sourcedId);
    ObjectWriter writer(context.version, context.origin);
    const bool keepOpen
        = wantsMember(entity, query.fields, u"orgs") || wantsMember(entity, query.fields, u"roles");
    PageObjects page = startPage(entity.singular, false, 1);
    bool found = false;
    const auto read = forEachRow(context,
                                 QStringLiteral("SELECT ") + selectList(query)
                                     + QStringLiteral(" FROM %1 t WHERE ").arg(entity.table)
                                     + conditions.join(QStringLiteral(" AND ")),
                                 bindings, [&](RowValues &row) {
                                     if (!found)
                                         writeRowObject(writer, page, row, query.fields, keepOpen);
                                     found = true;
                                 });
    if (!read)
        return storeError(context, read.error());
    if (!found)
        return statusInfo(context.version, 404, CodeMinor::UnknownObject,
                          QStringLiteral("No %1 has the sourcedId \"%2\".")
                              .arg(objectNoun(entity), sourcedId));
    auto body = finishPage(context, entity, query.fields, writer, page, false, UserSpan::Listed);
    if (auto *error = std::get_if<QString>(&body))
        return storeError(context, *error);
    http::Response response;
    response.body = std::get<QByteArray>(std::move(body));
    return response;
}

Result<bool> objectExists(const ReadContext &context, const Entity &entity,
                          const QString &sourcedId)
{
    QStringList conditions;
    QVariantList bindings;
    addScope(context, entity, &conditions, &bindings);
    conditions.append(QStringLiteral("t.sourced_id = ?"));
    bindings.append(sourcedId);
    auto found = runRead(context,
                         QStringLiteral("SELECT 1 FROM %1 t WHERE ").arg(entity.table)
                             + conditions.join(QStringLiteral(" AND ")),
                         bindings);
    if (!found)
        return failure(found.error());
    return found->query().next();
}

} // namespace hub::oneroster
