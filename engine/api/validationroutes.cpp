// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The validation report of an inbound run: GET /api/v1/runs/{id}/validation as JSON pages and
// GET /api/v1/runs/{id}/validation.csv as one CSV file.

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "outbound/csvwriter.h"
#include "store/store.h"

#include <QBuffer>
#include <QJsonArray>

namespace hub::api {

namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

struct IssueFilter
{
    QString where;
    QVariantList bindings;
    QJsonObject errors;
};

// Builds the filter from severity=error|warning and file=NAME; both are optional.
IssueFilter buildFilter(qint64 runId, const QUrlQuery &query)
{
    IssueFilter filter;
    filter.where = QStringLiteral(" WHERE run_id = ?");
    filter.bindings.append(runId);

    const QString severity = query.queryItemValue(QStringLiteral("severity"));
    if (!severity.isEmpty()) {
        if (severity != QLatin1String("error") && severity != QLatin1String("warning"))
            filter.errors.insert(
                QStringLiteral("severity"),
                QStringLiteral("Use error or warning; \"%1\" is not one.").arg(severity));
        filter.where += QStringLiteral(" AND severity = ?");
        filter.bindings.append(severity);
    }
    const QString file = query.queryItemValue(QStringLiteral("file"), QUrl::FullyDecoded);
    if (!file.isEmpty()) {
        filter.where += QStringLiteral(" AND file = ?");
        filter.bindings.append(file);
    }
    return filter;
}

// Returns 404 unless the run belongs to the request's district.
std::optional<http::Response> checkRun(const ApiContext &context, qint64 runId)
{
    auto found = selectValue(context.store->connection(),
                             QStringLiteral("SELECT id FROM runs WHERE id = ? AND district_id = ?"),
                             {runId, context.districtId});
    if (!found)
        return storeFailed(found.error());
    if (found->isNull())
        return notFound(QStringLiteral("Run"), runId);
    return std::nullopt;
}

const QString kColumns
    = QStringLiteral("position, severity, rule, file, line, column_name, value, message");

QJsonObject issueJson(const QSqlQuery &row)
{
    return QJsonObject{
        {QStringLiteral("position"), row.value(0).toLongLong()},
        {QStringLiteral("severity"), row.value(1).toString()},
        {QStringLiteral("rule"), row.value(2).toString()},
        {QStringLiteral("file"), row.value(3).toString()},
        {QStringLiteral("line"), row.value(4).toLongLong()},
        {QStringLiteral("column"), row.value(5).toString()},
        {QStringLiteral("value"), row.value(6).toString()},
        {QStringLiteral("message"), row.value(7).toString()},
    };
}

http::Response page(const ApiContext &context, const http::Request &request, qint64 runId)
{
    if (auto unknown
        = rejectUnknownParameters(request, {QStringLiteral("severity"), QStringLiteral("file"),
                                            QStringLiteral("limit"), QStringLiteral("offset")}))
        return *unknown;
    if (auto missing = checkRun(context, runId))
        return *missing;
    const QUrlQuery query = request.query();
    IssueFilter filter = buildFilter(runId, query);

    bool limitOk = true;
    bool offsetOk = true;
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const QString offsetText = query.queryItemValue(QStringLiteral("offset"));
    const int limit = limitText.isEmpty() ? kDefaultPageSize : limitText.toInt(&limitOk);
    const qint64 offset = offsetText.isEmpty() ? 0 : offsetText.toLongLong(&offsetOk);
    if (!limitOk || limit < 1 || limit > kMaxPageSize)
        filter.errors.insert(QStringLiteral("limit"),
                             QStringLiteral("Enter a page size from 1 to %1; \"%2\" is not one.")
                                 .arg(kMaxPageSize)
                                 .arg(limitText));
    if (!offsetOk || offset < 0)
        filter.errors.insert(
            QStringLiteral("offset"),
            QStringLiteral("Enter an offset of 0 or more; \"%1\" is not one.").arg(offsetText));
    if (!filter.errors.isEmpty())
        return validationFailed(filter.errors);

    const QSqlDatabase db = context.store->connection();
    auto total = selectValue(
        db, QStringLiteral("SELECT count(*) FROM run_validation_issues") + filter.where,
        filter.bindings);
    if (!total)
        return storeFailed(total.error());
    // The counts by severity and the files cover the whole report, for the filter controls.
    auto summary = execute(db,
                           QStringLiteral("SELECT severity, file, count(*) FROM "
                                          "run_validation_issues WHERE run_id = ? "
                                          "GROUP BY severity, file ORDER BY file"),
                           {runId});
    if (!summary)
        return storeFailed(summary.error());
    qint64 errors = 0;
    qint64 warnings = 0;
    QStringList files;
    while (summary->next()) {
        const qint64 count = summary->value(2).toLongLong();
        (summary->value(0).toString() == QLatin1String("error") ? errors : warnings) += count;
        const QString file = summary->value(1).toString();
        if (!file.isEmpty() && !files.contains(file))
            files.append(file);
    }

    auto rows = execute(db,
                        QStringLiteral("SELECT ") + kColumns
                            + QStringLiteral(" FROM run_validation_issues") + filter.where
                            + QStringLiteral(" ORDER BY position LIMIT ? OFFSET ?"),
                        filter.bindings + QVariantList{limit, offset});
    if (!rows)
        return storeFailed(rows.error());
    QJsonArray issues;
    while (rows->next())
        issues.append(issueJson(*rows));

    return http::Response::json(QJsonObject{
        {QStringLiteral("runId"), runId},
        {QStringLiteral("issues"), issues},
        {QStringLiteral("total"), total->toLongLong()},
        {QStringLiteral("limit"), limit},
        {QStringLiteral("offset"), offset},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("warnings"), warnings},
        {QStringLiteral("files"), QJsonArray::fromStringList(files)},
    });
}

http::Response csv(const ApiContext &context, const http::Request &request, qint64 runId)
{
    if (auto unknown
        = rejectUnknownParameters(request, {QStringLiteral("severity"), QStringLiteral("file")}))
        return *unknown;
    if (auto missing = checkRun(context, runId))
        return *missing;
    const IssueFilter filter = buildFilter(runId, request.query());
    if (!filter.errors.isEmpty())
        return validationFailed(filter.errors);

    auto rows = execute(context.store->connection(),
                        QStringLiteral("SELECT ") + kColumns
                            + QStringLiteral(" FROM run_validation_issues") + filter.where
                            + QStringLiteral(" ORDER BY position"),
                        filter.bindings);
    if (!rows)
        return storeFailed(rows.error());

    // Values come from the uploaded file, so formula protection stays on for spreadsheets.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    outbound::CsvWriter writer(&buffer);
    writer.writeStart({QStringLiteral("severity"), QStringLiteral("rule"), QStringLiteral("file"),
                       QStringLiteral("line"), QStringLiteral("column"), QStringLiteral("value"),
                       QStringLiteral("message")});
    while (rows->next()) {
        writer.writeRow(QVariantList{rows->value(1), rows->value(2), rows->value(3),
                                     rows->value(4).toLongLong(), rows->value(5), rows->value(6),
                                     rows->value(7)});
    }
    writer.finish();

    http::Response response;
    response.contentType = "text/csv; charset=utf-8";
    response.body = buffer.data();
    response.headers.append(qMakePair(
        QByteArray("Content-Disposition"),
        QStringLiteral("attachment; filename=\"run-%1-validation.csv\"").arg(runId).toUtf8()));
    return response;
}

} // namespace

void registerValidationRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("GET", QStringLiteral("/api/v1/runs/{id}/validation"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return page(context, request, id); });
                    });
    router.addRoute("GET", QStringLiteral("/api/v1/runs/{id}/validation.csv"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("run"),
                                          [&](qint64 id) { return csv(context, request, id); });
                    });
}

} // namespace hub::api
