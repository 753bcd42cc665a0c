// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "outbound/reportexport.h"
#include "runs/runexecutor.h"
#include "store/store.h"

#include <QJsonArray>

namespace hub::api {

namespace {

constexpr int kPreviewRows = 100;
constexpr int kMaxQueryTimeoutSeconds = 24 * 60 * 60;

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

bool isPresent(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull();
}

// Checks the draft's product, output, school year, query timeout and output options, and
// fills request with them. Adds one message per invalid field to errors.
void validateDraft(const ApiContext &context, const QJsonObject &body,
                   outbound::ExportRequest &request, QJsonObject &errors)
{
    const QSqlDatabase db = context.store->connection();
    const QJsonValue productId = body.value(QStringLiteral("productId"));
    const QJsonValue outputId = body.value(QStringLiteral("outputId"));
    auto output = execute(db,
                          QStringLiteral("SELECT o.output_key, o.name, o.product_id, "
                                         "p.integration_type FROM product_outputs o JOIN products "
                                         "p ON p.id = o.product_id WHERE o.id = ?"),
                          {outputId.toInteger()});
    if (!isWholeNumber(outputId) || !output || !output->next()) {
        errors.insert(QStringLiteral("outputId"), QStringLiteral("Choose the output to preview."));
    } else if (!isWholeNumber(productId)
               || output->value(2).toLongLong() != productId.toInteger()) {
        errors.insert(QStringLiteral("outputId"),
                      QStringLiteral("Choose an output of the selected product."));
    } else if (auto report = outbound::reportForOutput(output->value(0).toString()); !report) {
        errors.insert(QStringLiteral("outputId"),
                      QStringLiteral("The output %1 has no report to preview.")
                          .arg(output->value(1).toString()));
    } else {
        request.report = *report;
        request.outputName = output->value(1).toString();
    }

    const QJsonValue year = body.value(QStringLiteral("schoolYear"));
    if (isPresent(year)) {
        const qint64 value = isWholeNumber(year) ? year.toInteger() : 0;
        if (value < 2000 || value > 2100)
            errors.insert(QStringLiteral("schoolYear"),
                          QStringLiteral("Enter a school year from 2000 to 2100, or null for the "
                                         "current year."));
        request.schoolYear = int(value);
    } else {
        auto zone = selectValue(db, QStringLiteral("SELECT time_zone FROM districts WHERE id = ?"),
                                {context.districtId});
        request.schoolYear
            = runs::currentSchoolYear(db, context.districtId, zone ? zone->toString() : QString());
    }

    const QJsonValue timeout = body.value(QStringLiteral("queryTimeoutSeconds"));
    if (isPresent(timeout)) {
        request.queryTimeoutSeconds = isWholeNumber(timeout) ? int(timeout.toInteger()) : -1;
        if (request.queryTimeoutSeconds < 1
            || request.queryTimeoutSeconds > kMaxQueryTimeoutSeconds)
            errors.insert(QStringLiteral("queryTimeoutSeconds"),
                          QStringLiteral("Enter a whole number of seconds from 1 to %1.")
                              .arg(kMaxQueryTimeoutSeconds));
    }
    request.options
        = outbound::OutputOptions::fromJson(body.value(QStringLiteral("outputOptions")), errors);
}

// Runs a draft integration's report and returns its first rows. Creates no run and delivers
// nothing.
// NOTE: the query runs on the HTTP thread, so other requests wait for it; the draft's query
// timeout bounds the wait.
http::Response preview(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());

    outbound::ExportRequest exportRequest;
    exportRequest.districtId = context.districtId;
    QJsonObject errors;
    validateDraft(context, *body, exportRequest, errors);
    if (!errors.isEmpty())
        return validationFailed(errors);

    auto preview
        = outbound::previewReport(context.store->connection(), exportRequest, kPreviewRows);
    if (!preview) {
        qCWarning(lcApi).noquote()
            << "Preview of" << exportRequest.report.outputKey << "failed:" << preview.error();
        if (preview.error().startsWith(QLatin1String("The query timed out")))
            return validationFailed(QJsonObject{
                {QStringLiteral("queryTimeoutSeconds"),
                 QString(preview.error()
                         + QStringLiteral(" Raise the query timeout and preview again."))}});
        return http::Response::error(500, QStringLiteral("query_failed"), preview.error());
    }

    QJsonArray rows;
    for (const QStringList &row : std::as_const(preview->rows))
        rows.append(QJsonArray::fromStringList(row));
    return http::Response::json(QJsonObject{
        {QStringLiteral("columns"), QJsonArray::fromStringList(preview->columns)},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("totalRows"), preview->totalRows},
        {QStringLiteral("schoolYear"), exportRequest.schoolYear},
        {QStringLiteral("elapsedMs"), preview->elapsedMs},
    });
}

} // namespace

void registerPreviewRoutes(http::Router &router, const ApiContext &context)
{
    router.addRoute("POST", QStringLiteral("/api/v1/integrations/preview"), http::Access::View,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return preview(context, request);
                    });
}

} // namespace hub::api
