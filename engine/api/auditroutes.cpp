// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The audit log for administrators: a filtered, paged listing and a CSV export.

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/timeutil.h"
#include "outbound/csvwriter.h"
#include "store/store.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace hub::api {

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
constexpr qsizetype kMaxFilterLength = 200;

const QString kColumns = QStringLiteral(
    "a.id, a.district_id, d.name, a.logged_at, a.actor, a.action, a.entity, a.entity_id, "
    "a.before_json, a.after_json");
const QString kFrom = QStringLiteral(
    " FROM audit_log a LEFT JOIN districts d ON d.id = a.district_id");

// The actions and entities that writeAudit() and the `hubd user` commands record. A filter on
// any other value is rejected, so a misspelled one is not taken for an empty log.
const QStringList kActions = {
    QStringLiteral("approve"),         QStringLiteral("cancel"),
    QStringLiteral("create"),          QStringLiteral("delete"),
    QStringLiteral("reject"),          QStringLiteral("reset_secret"),
    QStringLiteral("sign-in"),         QStringLiteral("update"),
    QStringLiteral("upload_complete"), QStringLiteral("upload_delete"),
    QStringLiteral("upload_start"),
};
const QStringList kEntities = {
    QStringLiteral("blackout"),
    QStringLiteral("destination"),
    QStringLiteral("district"),
    QStringLiteral("file_spec"),
    QStringLiteral("integration"),
    QStringLiteral("integration_connector"),
    QStringLiteral("integration_notifications"),
    QStringLiteral("notification_settings"),
    QStringLiteral("oneroster_application"),
    QStringLiteral("run"),
    QStringLiteral("session"),
    QStringLiteral("user"),
};

// The WHERE clause of an audit query, its bindings and the errors of its parameters.
struct AuditFilter
{
    QString where;
    QVariantList bindings;
    QJsonObject errors;
};

QDate parseDay(const QUrlQuery &query, const QString &name, QJsonObject &errors)
{
    const QString text = query.queryItemValue(name);
    if (text.isEmpty())
        return {};
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        errors.insert(name,
                      QStringLiteral("Enter the date as YYYY-MM-DD; \"%1\" is not one.").arg(text));
    return date;
}

// Scopes the rows to what the caller may see, then applies the filters. A district's caller
// sees the rows of that district and the sign-ins of its accounts, which have no district
// because an account may belong to several. A statewide caller sees every row.
AuditFilter buildFilter(const ApiContext &context, const http::Request &request,
                        const QTimeZone &zone)
{
    AuditFilter filter;
    if (request.principal().allows(http::Access::Statewide)) {
        filter.where = QStringLiteral(" WHERE 1 = 1");
    } else {
        filter.where = QStringLiteral(
            " WHERE (a.district_id = ? OR (a.district_id IS NULL AND a.entity = 'session' "
            "AND a.entity_id IN (SELECT account_id FROM account_memberships "
            "WHERE district_id = ?)))");
        filter.bindings = {context.districtId, context.districtId};
    }

    // Day bounds are taken in the district's zone, so days of 23 or 25 hours come out right.
    const QUrlQuery query = request.query();
    const QDate from = parseDay(query, QStringLiteral("from"), filter.errors);
    const QDate to = parseDay(query, QStringLiteral("to"), filter.errors);
    if (from.isValid() && to.isValid() && to < from)
        filter.errors.insert(QStringLiteral("to"),
                             QStringLiteral("The end date is before the start date."));
    if (from.isValid()) {
        filter.where += QStringLiteral(" AND a.logged_at >= ?");
        filter.bindings.append(toIsoUtc(from.startOfDay(zone)));
    }
    if (to.isValid()) {
        filter.where += QStringLiteral(" AND a.logged_at < ?");
        filter.bindings.append(toIsoUtc(to.addDays(1).startOfDay(zone)));
    }

    const QList<QPair<QString, QString>> exactFilters = {
        {QStringLiteral("actor"), QStringLiteral("a.actor")},
        {QStringLiteral("entity"), QStringLiteral("a.entity")},
        {QStringLiteral("action"), QStringLiteral("a.action")},
    };
    for (const auto &[parameter, column] : exactFilters) {
        const QString value = query.queryItemValue(parameter, QUrl::FullyDecoded).trimmed();
        if (value.isEmpty())
            continue;
        if (value.size() > kMaxFilterLength)
            filter.errors.insert(parameter, QStringLiteral("Use at most %1 characters.")
                                                .arg(kMaxFilterLength));
        else if (parameter == QLatin1String("action") && !kActions.contains(value))
            filter.errors.insert(parameter,
                                 QStringLiteral("Use one of the actions %1; \"%2\" is not one.")
                                     .arg(kActions.join(QStringLiteral(", ")), value));
        else if (parameter == QLatin1String("entity") && !kEntities.contains(value))
            filter.errors.insert(parameter,
                                 QStringLiteral("Use one of the entities %1; \"%2\" is not one.")
                                     .arg(kEntities.join(QStringLiteral(", ")), value));
        filter.where += QStringLiteral(" AND %1 = ?").arg(column);
        filter.bindings.append(value);
    }
    return filter;
}

QJsonValue parsedJson(const QVariant &text)
{
    if (text.isNull() || text.toString().isEmpty())
        return QJsonValue::Null;
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QJsonObject entryJson(const QSqlQuery &row)
{
    return QJsonObject{
        {QStringLiteral("id"), row.value(0).toLongLong()},
        {QStringLiteral("districtId"), jsonValue(row.value(1))},
        {QStringLiteral("district"), jsonValue(row.value(2))},
        {QStringLiteral("loggedAt"), row.value(3).toString()},
        {QStringLiteral("actor"), row.value(4).toString()},
        {QStringLiteral("action"), row.value(5).toString()},
        {QStringLiteral("entity"), row.value(6).toString()},
        {QStringLiteral("entityId"), jsonValue(row.value(7))},
        {QStringLiteral("before"), parsedJson(row.value(8))},
        {QStringLiteral("after"), parsedJson(row.value(9))},
    };
}

// The size of a page and the entries skipped before it.
struct Page
{
    int limit = kDefaultPageSize;
    qint64 offset = 0;
};

Page parsePage(const QUrlQuery &query, int defaultLimit, int maxLimit, QJsonObject &errors)
{
    Page page;
    bool limitOk = true;
    bool offsetOk = true;
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const QString offsetText = query.queryItemValue(QStringLiteral("offset"));
    page.limit = limitText.isEmpty() ? defaultLimit : limitText.toInt(&limitOk);
    page.offset = offsetText.isEmpty() ? 0 : offsetText.toLongLong(&offsetOk);
    if (!limitOk || page.limit < 1 || page.limit > maxLimit)
        errors.insert(QStringLiteral("limit"),
                      QStringLiteral("Enter a page size from 1 to %1; \"%2\" is not one.")
                          .arg(maxLimit)
                          .arg(limitText));
    if (!offsetOk || page.offset < 0)
        errors.insert(QStringLiteral("offset"),
                      QStringLiteral("Enter an offset of 0 or more; \"%1\" is not one.")
                          .arg(offsetText));
    return page;
}

Result<QString> districtTimeZone(const ApiContext &context)
{
    auto zone = selectValue(context.store->connection(),
                            QStringLiteral("SELECT time_zone FROM districts WHERE id = ?"),
                            {context.districtId});
    if (!zone)
        return failure(zone.error());
    return zone->isNull() ? QStringLiteral("UTC") : zone->toString();
}

bool wantsCsv(const http::Request &request)
{
    const QByteArray accept = request.header("Accept");
    return accept.contains("text/csv") && !accept.contains("application/json");
}

http::Response exportCsv(const ApiContext &context, const http::Request &request,
                         const AuditFilter &filter, const QTimeZone &zone)
{
    QJsonObject errors;
    const int maxRows = int(std::min<qint64>(context.maxAuditExportRows, INT_MAX));
    const Page page = parsePage(request.query(), maxRows, maxRows, errors);
    if (!errors.isEmpty())
        return validationFailed(errors);

    const QSqlDatabase db = context.store->connection();
    auto total = selectValue(db, QStringLiteral("SELECT count(*)") + kFrom + filter.where,
                             filter.bindings);
    if (!total)
        return storeFailed(total.error());
    const bool limitGiven = !request.query().queryItemValue(QStringLiteral("limit")).isEmpty();
    if (!limitGiven && total->toLongLong() - page.offset > maxRows)
        return http::Response::error(
            422, QStringLiteral("export_too_large"),
            QStringLiteral("The filter matches %1 audit entries, more than the %2 that one export "
                           "may hold; narrow the dates or export in pages with limit and offset.")
                .arg(total->toLongLong())
                .arg(maxRows));

    auto rows = execute(db,
                        QStringLiteral("SELECT ") + kColumns + kFrom + filter.where
                            + QStringLiteral(" ORDER BY a.id DESC LIMIT ? OFFSET ?"),
                        filter.bindings + QVariantList{page.limit, page.offset});
    if (!rows)
        return storeFailed(rows.error());

    // Actor names and JSON come from users, so formula protection stays on for spreadsheets.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    outbound::CsvWriter writer(&buffer);
    writer.writeStart({QStringLiteral("id"), QStringLiteral("logged_at_utc"),
                       QStringLiteral("logged_at_local"), QStringLiteral("district_id"),
                       QStringLiteral("district"), QStringLiteral("actor"),
                       QStringLiteral("action"), QStringLiteral("entity"),
                       QStringLiteral("entity_id"), QStringLiteral("before"),
                       QStringLiteral("after")});
    while (rows->next()) {
        const QDateTime loggedAt = fromIsoUtc(rows->value(3).toString());
        const QDateTime local = loggedAt.toTimeZone(zone);
        const QString localText
            = local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zone.abbreviation(local);
        writer.writeRow(QVariantList{
            rows->value(0).toLongLong(), rows->value(3).toString(), localText, rows->value(1), rows->value(2), rows->value(4), rows->value(5), rows->value(6),
            rows->value(7), rows->value(8), rows->value(9)});
    }
    writer.finish();

    http::Response response;
    response.contentType = "text/csv; charset=utf-8";
    response.body = buffer.data();
    response.headers.append(qMakePair(QByteArray("Content-Disposition"),
                                      QByteArray("attachment; filename=\"audit-log.csv\"")));
    response.headers.append(
        qMakePair(QByteArray("X-Total-Count"), QByteArray::number(total->toLongLong())));
    return response;
}

// GET /api/v1/audit and /api/v1/audit.csv: newest entry first.
http::Response list(const ApiContext &context, const http::Request &request, bool csv)
{
    if (auto unknown = rejectUnknownParameters(
            request, {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("actor"),
                      QStringLiteral("entity"), QStringLiteral("action"),
                      QStringLiteral("limit"), QStringLiteral("offset")}))
        return *unknown;
    auto zoneName = districtTimeZone(context);
    if (!zoneName)
        return storeFailed(zoneName.error());
    const QTimeZone zone(zoneName->toUtf8());
    AuditFilter filter = buildFilter(context, request, zone);
    if (!filter.errors.isEmpty())
        return validationFailed(filter.errors);
    if (csv || wantsCsv(request))
        return exportCsv(context, request, filter, zone);

    const Page page = parsePage(request.query(), kDefaultPageSize, kMaxPageSize, filter.errors);
    if (!filter.errors.isEmpty())
        return validationFailed(filter.errors);

    const QSqlDatabase db = context.store->connection();
    auto total = selectValue(db, QStringLiteral("SELECT count(*)") + kFrom + filter.where,
                             filter.bindings);
    if (!total)
        return storeFailed(total.error());
    auto rows = execute(db,
                        QStringLiteral("SELECT ") + kColumns + kFrom + filter.where
                            + QStringLiteral(" ORDER BY a.id DESC LIMIT ? OFFSET ?"),
                        filter.bindings + QVariantList{page.limit, page.offset});
    if (!rows)
        return storeFailed(rows.error());
    QJsonArray entries;
    while (rows->next())
        entries.append(entryJson(*rows));

    return http::Response::json(QJsonObject{
        {QStringLiteral("entries"), entries},
        {QStringLiteral("total"), total->toLongLong()},
        {QStringLiteral("limit"), page.limit},
        {QStringLiteral("offset"), page.offset},
        {QStringLiteral("timeZone"), *zoneName},
    });
}

} // namespace

void registerAuditRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/audit"), http::Access::Administer,
                    [base = context](const http::Request &request) {
                        return list(base.forRequest(request), request, false);
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/audit.csv"), http::Access::Administer,
                    [base = context](const http::Request &request) {
                        return list(base.forRequest(request), request, true);
                    });
}

} // namespace hub::api
