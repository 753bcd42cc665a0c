// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/adminapi.h"
#include "api/inboundupload.h"
#include "api/jsonutil.h"
#include "api/runjson.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "outbound/outputoptions.h"
#include "runs/runexecutor.h"
#include "runs/runqueue.h"
#include "schedule/schedule.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <optional>

namespace hub::api {

namespace {

constexpr int kMaxQueryTimeoutSeconds = 24 * 60 * 60;
constexpr int kMaxNotesLength = 4000;
constexpr int kMaxWorkerLossRetries = 10;
constexpr int kMaxDeleteLimitPercent = 100;

const QString kSelect
    = QStringLiteral(
          "SELECT i.id, i.integration_type, i.product_id, i.output_id, p.system_type, p.vendor, "
          "p.system, p.name, o.name, o.output_type, i.school_year, i.notes, "
          "i.query_timeout_seconds, "
          "i.format, i.run_at_next_cycle, i.schedule, i.active, i.created_at, i.updated_at, ")
      + integrationDisplayNameSql()
      + QStringLiteral(", i.output_options, i.worker_loss_retries, i.empty_report, p.product_key, "
                       "i.delete_limit_percent "
                       "FROM integrations i "
                       "JOIN products p ON p.id = i.product_id "
                       "LEFT JOIN product_outputs o ON o.id = i.output_id");

Result<QJsonArray> destinationsOf(const QSqlDatabase &db, qint64 integrationId)
{
    auto query
        = execute(db,
                  QStringLiteral("SELECT l.position, l.destination_id, l.active, d.name, d.kind "
                                 "FROM integration_destinations l JOIN destinations d "
                                 "ON d.id = l.destination_id WHERE l.integration_id = ? "
                                 "ORDER BY l.position"),
                  {integrationId});
    if (!query)
        return failure(query.error());
    QJsonArray destinations;
    while (query->next()) {
        destinations.append(QJsonObject{
            {QStringLiteral("position"), query->value(0).toInt()},
            {QStringLiteral("destinationId"), query->value(1).toLongLong()},
            {QStringLiteral("active"), query->value(2).toBool()},
            {QStringLiteral("destinationName"), query->value(3).toString()},
            {QStringLiteral("destinationKind"), query->value(4).toString()},
        });
    }
    return destinations;
}

Result<QJsonObject> integrationJson(const QSqlDatabase &db, const QSqlQuery &query)
{
    const qint64 id = query.value(0).toLongLong();
    const QString outputName = query.value(8).toString();
    const QString displayName = query.value(19).toString();

    auto destinations = destinationsOf(db, id);
    if (!destinations)
        return failure(destinations.error());
    auto lastRun = latestRunOf(db, id);
    if (!lastRun)
        return failure(lastRun.error());

    const QJsonDocument schedule = QJsonDocument::fromJson(query.value(15).toByteArray());
    // Only inbound loads can mark records tobedeleted, so other types have no limit.
    QJsonValue deleteLimitPercent;
    if (query.value(1).toString() == QLatin1String("inbound"))
        deleteLimitPercent = query.value(24).isNull() ? runs::kDefaultDeleteLimitPercent
                                                      : query.value(24).toInt();
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("integrationType"), query.value(1).toString()},
        {QStringLiteral("productId"), query.value(2).toLongLong()},
        {QStringLiteral("outputId"), jsonValue(query.value(3))},
        {QStringLiteral("systemType"), query.value(4).toString()},
        {QStringLiteral("vendor"), query.value(5).toString()},
        {QStringLiteral("system"), query.value(6).toString()},
        {QStringLiteral("productName"), query.value(7).toString()},
        {QStringLiteral("productKey"), query.value(23).toString()},
        {QStringLiteral("outputName"),
         outputName.isEmpty() ? QJsonValue() : QJsonValue(outputName)},
        {QStringLiteral("outputType"), jsonValue(query.value(9))},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("schoolYear"), jsonValue(query.value(10))},
        {QStringLiteral("notes"), query.value(11).toString()},
        {QStringLiteral("queryTimeoutSeconds"), query.value(12).toInt()},
        {QStringLiteral("workerLossRetries"), query.value(21).toInt()},
        {QStringLiteral("format"), query.value(13).toString()},
        {QStringLiteral("outputOptions"),
         outbound::OutputOptions::fromStoredJson(query.value(20).toByteArray()).toJson()},
        {QStringLiteral("emptyReport"), query.value(22).toString()},
        {QStringLiteral("deleteLimitPercent"), deleteLimitPercent},
        {QStringLiteral("runAtNextCycle"), query.value(14).toBool()},
        {QStringLiteral("schedule"),
         schedule.isObject() ? QJsonValue(schedule.object()) : QJsonValue()},
        {QStringLiteral("active"), query.value(16).toBool()},
        {QStringLiteral("createdAt"), query.value(17).toString()},
        {QStringLiteral("updatedAt"), query.value(18).toString()},
        {QStringLiteral("destinations"), *destinations},
        {QStringLiteral("lastRun"), lastRun->isEmpty() ? QJsonValue() : QJsonValue(*lastRun)},
    };
}

Result<QJsonObject> findIntegration(const ApiContext &context, qint64 id)
{
    const QSqlDatabase db = context.store->connection();
    auto query = execute(db,
                         kSelect
                             + QStringLiteral(" WHERE i.id = ? AND i.district_id = ? "
                                              "AND i.deleted_at IS NULL"),
                         {id, context.districtId});
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QJsonObject();
    return integrationJson(db, *query);
}

struct ValidIntegration
{
    QString integrationType;
    qint64 productId = 0;
    QVariant outputId;
    QVariant schoolYear;
    QString notes;
    int queryTimeoutSeconds = 300;
    // Absent keeps the stored value, or the column's default of 1 on a new integration.
    std::optional<int> workerLossRetries;
    // Handling of an outbound report with no rows: "deliver", "skip" or "fail". Absent keeps the
    // stored value, or the column's default of "deliver" on a new integration.
    std::optional<QString> emptyReport;
    // The mass-change limit of an inbound integration, in percent. Absent keeps the stored
    // value, or NULL (the default of 10) on a new integration.
    std::optional<int> deleteLimitPercent;
    QString format;
    bool runAtNextCycle = false;
    QVariant schedule;
    bool active = true;
    QList<QPair<qint64, bool>> destinations;
    outbound::OutputOptions outputOptions;
};

// Checks every field and collects one message per invalid field.
bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

bool isPresent(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull();
}

// Reads an optional true/false field; any other JSON type is a field error, never a guess.
bool readFlag(const QJsonObject &body, const QString &name, bool fallback, const QString &errorKey,
              QJsonObject &errors)
{
    const QJsonValue value = body.value(name);
    if (!isPresent(value))
        return fallback;
    if (!value.isBool()) {
        errors.insert(errorKey, QStringLiteral("Use true or false."));
        return fallback;
    }
    return value.toBool();
}

// Reads deleteLimitPercent into result. It applies to inbound integrations only. A null
// value is accepted on the other types, because GET returns null there, so that a client may
// send back what it read.
void readDeleteLimitPercent(const QJsonObject &body, ValidIntegration &result,
                            QJsonObject &errors)
{
    const QString key = QStringLiteral("deleteLimitPercent");
    const QJsonValue value = body.value(key);
    const bool inbound = result.integrationType == QLatin1String("inbound");
    if (value.isUndefined() || (value.isNull() && !inbound))
        return;
    // An unknown product has its own error, and its type is unknown.
    if (result.integrationType.isEmpty())
        return;
    if (!inbound) {
        errors.insert(key,
                      QStringLiteral("Only inbound loads are held for approval, so "
                                     "deleteLimitPercent applies to inbound integrations only; "
                                     "leave it out or send null for this %1 integration.")
                          .arg(result.integrationType));
        return;
    }
    const qint64 percent = isWholeNumber(value) ? value.toInteger(-1) : -1;
    if (percent < 0 || percent > kMaxDeleteLimitPercent) {
        errors.insert(key, QStringLiteral("Enter a whole number of percent from 0 to %1.")
                               .arg(kMaxDeleteLimitPercent));
        return;
    }
    result.deleteLimitPercent = int(percent);
}

// Checks every field and collects one message per invalid field. existingProductId is the
// product of the integration being replaced, or 0 for a new one.
ValidIntegration validateIntegration(const ApiContext &context, const QJsonObject &body,
                                     qint64 existingProductId, QJsonObject &errors)
{
    const QSqlDatabase db = context.store->connection();
    ValidIntegration result;

    // The fields a request sets, and those that GET adds, so that a client may send back what it
    // read with a change.
    static const QStringList knownFields
        = {QStringLiteral("productId"),           QStringLiteral("outputId"),
           QStringLiteral("schoolYear"),          QStringLiteral("notes"),
           QStringLiteral("queryTimeoutSeconds"), QStringLiteral("workerLossRetries"),
           QStringLiteral("format"),              QStringLiteral("outputOptions"),
           QStringLiteral("emptyReport"),         QStringLiteral("runAtNextCycle"),
           QStringLiteral("deleteLimitPercent"),
           QStringLiteral("active"),              QStringLiteral("schedule"),
           QStringLiteral("destinations"),        QStringLiteral("id"),
           QStringLiteral("createdAt"),           QStringLiteral("updatedAt"),
           QStringLiteral("displayName"),         QStringLiteral("integrationType"),
           QStringLiteral("lastRun"),             QStringLiteral("outputName"),
           QStringLiteral("outputType"),          QStringLiteral("productName"),
           QStringLiteral("productKey"),          QStringLiteral("system"),
           QStringLiteral("systemType"),          QStringLiteral("vendor")};
    rejectUnknownFields(body, knownFields, {}, errors);

    const QJsonValue productValue = body.value(QStringLiteral("productId"));
    if (!isWholeNumber(productValue)) {
        errors.insert(
            QStringLiteral("productId"),
            QStringLiteral("Enter the id of a product from the catalog as a whole number."));
    } else {
        result.productId = productValue.toInteger();
        auto product
            = execute(db, QStringLiteral("SELECT integration_type FROM products WHERE id = ?"),
                      {result.productId});
        if (product && product->next())
            result.integrationType = product->value(0).toString();
        else
            errors.insert(QStringLiteral("productId"),
                          QStringLiteral("Choose a product from the catalog; %1 is not one.")
                              .arg(result.productId));
    }
    if (existingProductId != 0 && result.productId != existingProductId
        && !errors.contains(QStringLiteral("productId")))
        errors.insert(QStringLiteral("productId"),
                      QStringLiteral("The product of an integration cannot change; add a new "
                                     "integration for product %1 instead.")
                          .arg(result.productId));

    const QJsonValue output = body.value(QStringLiteral("outputId"));
    if (isPresent(output)) {
        result.outputId = output.toInteger();
        auto owner
            = selectValue(db, QStringLiteral("SELECT product_id FROM product_outputs WHERE id = ?"),
                          {result.outputId});
        if (!isWholeNumber(output) || !owner || owner->isNull()
            || owner->toLongLong() != result.productId)
            errors.insert(QStringLiteral("outputId"),
                          QStringLiteral("Choose an output of the selected product."));
    } else if (result.integrationType == QLatin1String("outbound")) {
        errors.insert(QStringLiteral("outputId"), QStringLiteral("Choose the output to send."));
    }

    const QJsonValue year = body.value(QStringLiteral("schoolYear"));
    if (isPresent(year)) {
        const qint64 value = isWholeNumber(year) ? year.toInteger() : 0;
        if (value < 2000 || value > 2100)
            errors.insert(QStringLiteral("schoolYear"),
                          QStringLiteral("Enter a school year from 2000 to 2100, or null for the "
                                         "current year."));
        result.schoolYear = value;
    }

    // A missing notes field is an empty text, not NULL.
    const QJsonValue notes = body.value(QStringLiteral("notes"));
    if (isPresent(notes) && !notes.isString())
        errors.insert(QStringLiteral("notes"), QStringLiteral("Enter the notes as text."));
    result.notes = notes.toString(QLatin1String(""));
    if (result.notes.size() > kMaxNotesLength)
        errors.insert(QStringLiteral("notes"),
                      QStringLiteral("Use at most %1 characters.").arg(kMaxNotesLength));

    const QJsonValue timeout = body.value(QStringLiteral("queryTimeoutSeconds"));
    result.queryTimeoutSeconds = timeout.isUndefined() ? 300 : timeout.toInt(-1);
    if (!timeout.isUndefined()
        && (!isWholeNumber(timeout) || result.queryTimeoutSeconds < 1
            || result.queryTimeoutSeconds > kMaxQueryTimeoutSeconds))
        errors.insert(QStringLiteral("queryTimeoutSeconds"),
                      QStringLiteral("Enter a whole number of seconds from 1 to %1.")
                          .arg(kMaxQueryTimeoutSeconds));

    const QJsonValue retries = body.value(QStringLiteral("workerLossRetries"));
    if (!retries.isUndefined()) {
        result.workerLossRetries = retries.toInt(-1);
        if (!isWholeNumber(retries) || *result.workerLossRetries < 0
            || *result.workerLossRetries > kMaxWorkerLossRetries)
            errors.insert(QStringLiteral("workerLossRetries"),
                          QStringLiteral("Enter a whole number of retries from 0 to %1.")
                              .arg(kMaxWorkerLossRetries));
    }

    const QJsonValue format = body.value(QStringLiteral("format"));
    result.format = isPresent(format) ? (format.isString() ? format.toString() : QString())
                                      : QStringLiteral("csv");
    if (result.format != QLatin1String("csv") && result.format != QLatin1String("xml"))
        errors.insert(
            QStringLiteral("format"),
            format.isString()
                ? QStringLiteral("Choose csv or xml; \"%1\" is not a format.").arg(result.format)
                : QStringLiteral("Choose csv or xml, as text."));

    const QJsonValue emptyReport = body.value(QStringLiteral("emptyReport"));
    if (!emptyReport.isUndefined()) {
        static const QStringList choices
            = {QStringLiteral("deliver"), QStringLiteral("skip"), QStringLiteral("fail")};
        result.emptyReport = emptyReport.toString();
        if (!emptyReport.isString())
            errors.insert(QStringLiteral("emptyReport"),
                          QStringLiteral("Choose deliver, skip or fail, as text."));
        else if (!choices.contains(*result.emptyReport))
            errors.insert(QStringLiteral("emptyReport"),
                          QStringLiteral("\"%1\" is not a choice. Choose deliver, skip or fail.")
                              .arg(*result.emptyReport));
    }

    readDeleteLimitPercent(body, result, errors);

    result.runAtNextCycle = readFlag(body, QStringLiteral("runAtNextCycle"), false,
                                     QStringLiteral("runAtNextCycle"), errors);
    result.active
        = readFlag(body, QStringLiteral("active"), true, QStringLiteral("active"), errors);

    const QJsonObject scheduleErrors
        = schedule::validateSchedule(body.value(QStringLiteral("schedule")));
    for (auto error = scheduleErrors.begin(); error != scheduleErrors.end(); ++error)
        errors.insert(error.key(), error.value());
    if (body.value(QStringLiteral("schedule")).isObject())
        result.schedule
            = QString::fromUtf8(QJsonDocument(body.value(QStringLiteral("schedule")).toObject())
                                    .toJson(QJsonDocument::Compact));

    const QJsonValue destinationsValue = body.value(QStringLiteral("destinations"));
    if (isPresent(destinationsValue) && !destinationsValue.isArray())
        errors.insert(QStringLiteral("destinations"),
                      QStringLiteral("Send the destinations as a list."));
    const QJsonArray destinations = destinationsValue.toArray();
    QHash<qint64, qsizetype> positions;
    for (qsizetype i = 0; i < destinations.size(); ++i) {
        const QString key = QStringLiteral("destinations[%1]").arg(i);
        const QJsonObject destination = destinations.at(i).toObject();
        static const QStringList knownDestinationFields
            = {QStringLiteral("destinationId"), QStringLiteral("active"),
               QStringLiteral("destinationKind"), QStringLiteral("destinationName"),
               QStringLiteral("position")};
        rejectUnknownFields(destination, knownDestinationFields, key + QLatin1Char('.'), errors);
        const QJsonValue idValue = destination.value(QStringLiteral("destinationId"));
        const qint64 destinationId = isWholeNumber(idValue) ? idValue.toInteger() : 0;
        auto exists = selectValue(db,
                                  QStringLiteral("SELECT id FROM destinations WHERE id = ? AND "
                                                 "district_id = ?"),
                                  {destinationId, context.districtId});
        if (!exists || exists->isNull())
            errors.insert(key + QStringLiteral(".destinationId"),
                          QStringLiteral("Destination %1: choose a saved destination.").arg(i + 1));
        else if (positions.contains(destinationId))
            errors.insert(key + QStringLiteral(".destinationId"),
                          QStringLiteral("Destination %1 repeats Destination %2; each destination "
                                         "receives the file once.")
                              .arg(i + 1)
                              .arg(positions.value(destinationId) + 1));
        positions.insert(destinationId, i);
        const bool active = readFlag(destination, QStringLiteral("active"), true,
                                     key + QStringLiteral(".active"), errors);
        result.destinations.append({destinationId, active});
    }
    if (result.integrationType == QLatin1String("outbound") && destinations.isEmpty())
        errors.insert(QStringLiteral("destinations"),
                      QStringLiteral("Add at least one destination for the file."));
    result.outputOptions
        = outbound::OutputOptions::fromJson(body.value(QStringLiteral("outputOptions")), errors);
    return result;
}

Result<void> writeDestinations(const QSqlDatabase &db, qint64 integrationId,
                               const QList<QPair<qint64, bool>> &destinations)
{
    auto cleared = execute(db,
                           QStringLiteral("DELETE FROM integration_destinations WHERE "
                                          "integration_id = ?"),
                           {integrationId});
    if (!cleared)
        return failure(cleared.error());
    int position = 0;
    for (const auto &[destinationId, active] : destinations) {
        auto inserted
            = execute(db,
                      QStringLiteral("INSERT INTO integration_destinations(integration_id, "
                                     "position, destination_id, active) VALUES (?, ?, ?, ?)"),
                      {integrationId, ++position, destinationId, active});
        if (!inserted)
            return failure(inserted.error());
    }
    return {};
}

http::Response list(const ApiContext &context, const http::Request &request)
{
    const QString type = request.query().queryItemValue(QStringLiteral("type"));
    static const QStringList types = {QStringLiteral("outbound"), QStringLiteral("inbound"),
                                      QStringLiteral("api"), QStringLiteral("oneroster")};
    if (!type.isEmpty() && !types.contains(type))
        return badRequest(QStringLiteral("Unknown integration type \"%1\"; use one of %2.")
                              .arg(type, types.join(QStringLiteral(", "))));
    const QSqlDatabase db = context.store->connection();
    QString sql = kSelect + QStringLiteral(" WHERE i.district_id = ? AND i.deleted_at IS NULL");
    QVariantList bindings{context.districtId};
    if (!type.isEmpty()) {
        sql += QStringLiteral(" AND i.integration_type = ?");
        bindings.append(type);
    }
    auto query = execute(db,
                         sql
                             + QStringLiteral(" ORDER BY i.integration_type, p.system_type, "
                                              "p.name, i.id"),
                         bindings);
    if (!query)
        return storeFailed(query.error());
    QJsonArray integrations;
    while (query->next()) {
        auto integration = integrationJson(db, *query);
        if (!integration)
            return storeFailed(integration.error());
        integrations.append(*integration);
    }
    return http::Response::json(QJsonObject{{QStringLiteral("integrations"), integrations}});
}

http::Response get(const ApiContext &context, qint64 id)
{
    auto integration = findIntegration(context, id);
    if (!integration)
        return storeFailed(integration.error());
    if (integration->isEmpty())
        return notFound(QStringLiteral("Integration"), id);
    return http::Response::json(*integration);
}

http::Response save(const ApiContext &context, const http::Request &request, qint64 id)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());

    QJsonObject before;
    if (id != 0) {
        auto existing = findIntegration(context, id);
        if (!existing)
            return storeFailed(existing.error());
        if (existing->isEmpty())
            return notFound(QStringLiteral("Integration"), id);
        before = *existing;
    }

    QJsonObject errors;
    const qint64 existingProductId = before.value(QStringLiteral("productId")).toInteger();
    const ValidIntegration valid = validateIntegration(context, *body, existingProductId, errors);
    if (!errors.isEmpty())
        return validationFailed(errors);

    const QSqlDatabase db = context.store->connection();
    Transaction transaction(db);
    const QString now = nowIsoUtc();
    const QVariantList values = {valid.productId,
                                 valid.outputId,
                                 valid.integrationType,
                                 valid.schoolYear,
                                 valid.notes,
                                 valid.queryTimeoutSeconds,
                                 valid.format,
                                 valid.runAtNextCycle,
                                 valid.schedule,
                                 valid.active,
                                 now};
    if (id == 0) {
        auto inserted = execute(db,
                                QStringLiteral("INSERT INTO integrations(product_id, output_id, "
                                               "integration_type, school_year, notes, "
                                               "query_timeout_seconds, format, run_at_next_cycle, "
                                               "schedule, active, updated_at, created_at, "
                                               "district_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                               "?, ?, ?)"),
                                values + QVariantList{now, context.districtId});
        if (!inserted)
            return storeFailed(inserted.error());
        id = inserted->lastInsertId().toLongLong();
    } else {
        auto updated
            = execute(db,
                      QStringLiteral("UPDATE integrations SET product_id = ?, output_id = ?, "
                                     "integration_type = ?, school_year = ?, notes = ?, "
                                     "query_timeout_seconds = ?, format = ?, "
                                     "run_at_next_cycle = ?, schedule = ?, active = ?, "
                                     "updated_at = ? WHERE id = ?"),
                      values + QVariantList{id});
        if (!updated)
            return storeFailed(updated.error());
    }
    if (auto written = writeDestinations(db, id, valid.destinations); !written)
        return storeFailed(written.error());
    auto optionsWritten
        = execute(db,
                  QStringLiteral("UPDATE integrations SET output_options = ? "
                                 "WHERE id = ?"),
                  {QString::fromUtf8(
                       QJsonDocument(valid.outputOptions.toJson()).toJson(QJsonDocument::Compact)),
                   id});
    if (!optionsWritten)
        return storeFailed(optionsWritten.error());
    if (valid.workerLossRetries) {
        auto retriesWritten = execute(db,
                                      QStringLiteral("UPDATE integrations SET "
                                                     "worker_loss_retries = ? WHERE id = ?"),
                                      {*valid.workerLossRetries, id});
        if (!retriesWritten)
            return storeFailed(retriesWritten.error());
    }
    if (valid.emptyReport) {
        auto emptyReportWritten = execute(db,
                                          QStringLiteral("UPDATE integrations SET "
                                                         "empty_report = ? WHERE id = ?"),
                                          {*valid.emptyReport, id});
        if (!emptyReportWritten)
            return storeFailed(emptyReportWritten.error());
    }
    if (valid.deleteLimitPercent) {
        auto limitWritten = execute(db,
                                    QStringLiteral("UPDATE integrations SET "
                                                   "delete_limit_percent = ? WHERE id = ?"),
                                    {*valid.deleteLimitPercent, id});
        if (!limitWritten)
            return storeFailed(limitWritten.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return storeFailed(committed.error());

    auto after = findIntegration(context, id);
    if (!after)
        return storeFailed(after.error());
    writeAudit(context, before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
               QStringLiteral("integration"), id, before, *after);
    if (context.scheduleChanged)
        context.scheduleChanged();
    return http::Response::json(*after, before.isEmpty() ? 201 : 200);
}

http::Response remove(const ApiContext &context, qint64 id)
{
    auto existing = findIntegration(context, id);
    if (!existing)
        return storeFailed(existing.error());
    if (existing->isEmpty())
        return notFound(QStringLiteral("Integration"), id);
    const QSqlDatabase db = context.store->connection();
    auto active = selectValue(db,
                              QStringLiteral("SELECT count(*) FROM runs WHERE integration_id = ? "
                                             "AND status IN (1, 2)"),
                              {id});
    if (!active)
        return storeFailed(active.error());
    if (active->toInt() > 0)
        return http::Response::error(409, QStringLiteral("runs_active"),
                                     QStringLiteral("Integration %1 has a queued or running run; "
                                                    "wait for it to finish.")
                                         .arg(id));
    // The integration is hidden rather than removed, so its runs keep their history and names.
    Transaction transaction(db);
    auto deleted = execute(db,
                           QStringLiteral("UPDATE integrations SET deleted_at = ?, active = 0, "
                                          "run_at_next_cycle = 0 WHERE id = ?"),
                           {nowIsoUtc(), id});
    if (!deleted)
        return storeFailed(deleted.error());
    auto unlinked = execute(db,
                            QStringLiteral("DELETE FROM integration_destinations WHERE "
                                           "integration_id = ?"),
                            {id});
    if (!unlinked)
        return storeFailed(unlinked.error());
    if (auto committed = transaction.commit(); !committed)
        return storeFailed(committed.error());
    writeAudit(context, QStringLiteral("delete"), QStringLiteral("integration"), id, *existing, {});
    return http::Response::noContent();
}

http::Response queueRun(const ApiContext &context, const http::Request &request, qint64 id,
                        const QString &inputFile = {})
{
    auto existing = findIntegration(context, id);
    if (!existing)
        return storeFailed(existing.error());
    if (existing->isEmpty())
        return notFound(QStringLiteral("Integration"), id);

    runs::RunRequest runRequest;
    runRequest.integrationId = id;
    runRequest.trigger = QStringLiteral("manual");
    runRequest.inputFile = inputFile;
    if (inputFile.isEmpty() && !request.body().trimmed().isEmpty()) {
        auto body = parseObject(request.body());
        if (!body)
            return badRequest(body.error());
        const QJsonValue year = body->value(QStringLiteral("schoolYear"));
        if (!year.isUndefined() && !year.isNull()) {
            if (!year.isDouble() || year.toInt() < 2000 || year.toInt() > 2100)
                return validationFailed(
                    QJsonObject{{QStringLiteral("schoolYear"),
                                 QStringLiteral("Enter a school year from 2000 to 2100.")}});
            runRequest.schoolYear = year.toInt();
        }
    }
    if (existing->value(QStringLiteral("integrationType")).toString() == QLatin1String("inbound")
        && inputFile.isEmpty())
        return http::Response::error(409, QStringLiteral("file_required"),
                                     QStringLiteral("Integration %1 is inbound; upload a file to "
                                                    "/api/v1/integrations/%1/files to run it.")
                                         .arg(id));
    if (auto inactive = rejectInactive(*existing, id))
        return *inactive;

    // Each upload is a run of its own file. Run Now returns the run already waiting, if any,
    // so that pressing it twice, or two people pressing it, runs the integration once.
    const QSqlDatabase db = context.store->connection();
    runs::queue::ManualRun queued;
    if (inputFile.isEmpty()) {
        auto manual = runs::queue::enqueueManual(db, runRequest);
        if (!manual)
            return storeFailed(manual.error());
        queued = *manual;
    } else {
        auto runId = runs::queue::enqueue(db, runRequest);
        if (!runId)
            return storeFailed(runId.error());
        queued.runId = *runId;
    }
    if (context.wakeWorkers && !queued.alreadyQueued)
        context.wakeWorkers();
    auto run = findRun(db, context.districtId, queued.runId);
    if (!run)
        return storeFailed(run.error());
    return http::Response::json(*run, queued.alreadyQueued ? 200 : 202);
}

http::Response uploadFile(const ApiContext &context, const http::Request &request, qint64 id)
{
    if (auto rejected = checkInboundIntegration(context, id, InboundCheck::AcceptsFiles))
        return *rejected;

    const QByteArray body = request.body();
    if (body.isEmpty())
        return validationFailed(
            QJsonObject{{QStringLiteral("file"), QStringLiteral("The uploaded file is empty.")}});

    // A fileName parameter that is present must name the file. Without the parameter the name
    // comes from the X-File-Name header, and without both the file is stored as upload.bin.
    const QString nameParameter = QStringLiteral("fileName");
    QString fileName = request.query().queryItemValue(nameParameter, QUrl::FullyDecoded);
    if (request.query().hasQueryItem(nameParameter) && fileName.trimmed().isEmpty()) {
        const QString message
            = QStringLiteral("The query parameter fileName is empty; give the file's name, such "
                             "as ?fileName=bundle.zip, or leave the parameter out.");
        return http::Response::json(
            QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_parameter")},
                        {QStringLiteral("message"), message},
                        {QStringLiteral("fields"), QJsonObject{{nameParameter, message}}}},
            400);
    }
    if (fileName.isEmpty())
        fileName = QString::fromUtf8(request.header("X-File-Name"));
    auto folder = createUploadFolder(context, id);
    if (!folder)
        return http::Response::error(500, QStringLiteral("upload_failed"), folder.error());
    const QString path = QDir(*folder).filePath(storedUploadName(fileName));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size()) {
        qCWarning(lcApi) << "Cannot store the upload for integration" << id << file.errorString();
        return http::Response::error(
            500, QStringLiteral("upload_failed"),
            QStringLiteral("The engine could not store the file: %1").arg(file.errorString()));
    }
    file.close();
    qCInfo(lcApi) << "Stored upload" << path << "for integration" << id << body.size() << "bytes";
    http::Response queued = queueUploadedFileRun(context, request, id, path);
    if (queued.status == 202) {
        // The same entry as a completed chunked upload, so every uploaded file is audited.
        const qint64 runId
            = QJsonDocument::fromJson(queued.body).object().value(QStringLiteral("id")).toInteger();
        const QString sha256 = QString::fromLatin1(
            QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
        writeAudit(context, QStringLiteral("upload_complete"), QStringLiteral("integration"), id,
                   {},
                   QJsonObject{{QStringLiteral("fileName"), QFileInfo(path).fileName()},
                               {QStringLiteral("size"), body.size()},
                               {QStringLiteral("sha256"), sha256},
                               {QStringLiteral("runId"), runId}});
    }
    return queued;
}

} // namespace

std::optional<http::Response> rejectInactive(const QJsonObject &integration, qint64 id)
{
    if (integration.value(QStringLiteral("active")).toBool(true))
        return std::nullopt;
    qCInfo(lcApi) << "Refused a run of integration" << id << "because it is Inactive";
    return http::Response::error(409, QStringLiteral("integration_inactive"),
                                 QStringLiteral("Integration %1 is Inactive, so it does not run; "
                                                "set its status to Active to run it.")
                                     .arg(id));
}

std::optional<http::Response> checkInboundIntegration(const ApiContext &context, qint64 id,
                                                      InboundCheck check)
{
    auto existing = findIntegration(context, id);
    if (!existing)
        return storeFailed(existing.error());
    if (existing->isEmpty())
        return notFound(QStringLiteral("Integration"), id);
    if (existing->value(QStringLiteral("integrationType")).toString() != QLatin1String("inbound"))
        return http::Response::error(409, QStringLiteral("not_inbound"),
                                     QStringLiteral("Integration %1 is not inbound; files can be "
                                                    "uploaded to inbound integrations only.")
                                         .arg(id));
    if (check == InboundCheck::AcceptsFiles)
        return rejectInactive(*existing, id);
    return std::nullopt;
}

QString storedUploadName(QString fileName)
{
    // The run report names the file as the user uploaded it, so the stored file keeps that
    // name in a folder of its own. Only what would leave the folder or break a file name goes:
    // the folders of a Windows or POSIX path, and control characters.
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    fileName.replace(control, QStringLiteral("_"));
    const QString requestedName = fileName;
    fileName = fileName.section(QLatin1Char('\\'), -1).section(QLatin1Char('/'), -1);
    if (fileName.trimmed().isEmpty() || fileName == QLatin1String(".")
        || fileName == QLatin1String(".."))
        fileName = QStringLiteral("upload.bin");
    // File systems allow 255 bytes per name. The end of a long name stays, for its extension.
    constexpr int maxNameBytes = 200;
    while (fileName.toUtf8().size() > maxNameBytes)
        fileName.remove(0, 1);
    // A client that sends a path may expect the folders to matter, so the cut is logged.
    if (requestedName.contains(QLatin1Char('/')) || requestedName.contains(QLatin1Char('\\')))
        qCWarning(lcApi).noquote() << "The upload name" << requestedName.left(300)
                                   << "contains folders; it is stored as" << fileName;
    return fileName;
}

Result<QString> createUploadFolder(const ApiContext &context, qint64 integrationId)
{
    // One folder per upload, named by its time; a second upload in the same millisecond gets
    // a numbered folder.
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QDir uploads(QDir(context.dataDir)
                           .filePath(QStringLiteral("inbound/integration-%1").arg(integrationId)));
    QString folder = uploads.filePath(stamp);
    for (int attempt = 1; attempt < 100 && QFileInfo::exists(folder); ++attempt)
        folder = uploads.filePath(QStringLiteral("%1-%2").arg(stamp).arg(attempt));
    if (!QDir().mkpath(folder))
        return failure(QStringLiteral("The engine could not create the folder %1.").arg(folder));
    return folder;
}

http::Response queueUploadedFileRun(const ApiContext &context, const http::Request &request,
                                    qint64 id, const QString &path)
{
    http::Response queued = queueRun(context, request, id, path);
    if (queued.status != 202) {
        // No run will read the file, so it must not stay behind.
        QFile::remove(path);
        QDir().rmdir(QFileInfo(path).path());
        qCWarning(lcApi) << "Removed the upload" << path
                         << "because its run was not queued:" << queued.status;
    }
    return queued;
}

void registerIntegrationRoutes(http::Router &router, const ApiContext &context)
{
    const QString collection = QStringLiteral("/api/v1/integrations");
    const QString item = QStringLiteral("/api/v1/integrations/{id}");
    const auto withId = [](const http::Request &request, auto handler) {
        return withPathId(request, QStringLiteral("integration"), handler);
    };

    router.addRoute(
        "GET", collection, http::Access::View, [base = context](const http::Request &request) {
            if (auto unknown = rejectUnknownParameters(request, {QStringLiteral("type")}))
                return *unknown;
            const ApiContext context = base.forRequest(request);
            return list(context, request);
        });
    router.addRoute("POST", collection, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return save(context, request, 0);
                    });
    router.addRoute("GET", item, http::Access::View,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) { return get(context, id); });
                    });
    router.addRoute("PUT", item, http::Access::Configure,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request,
                                      [&](qint64 id) { return save(context, request, id); });
                    });
    router.addRoute("DELETE", item, http::Access::Configure,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request, [&](qint64 id) { return remove(context, id); });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/integrations/{id}/runs"), http::Access::Operate,
                    [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request,
                                      [&](qint64 id) { return queueRun(context, request, id); });
                    });
    router.addRoute("POST", QStringLiteral("/api/v1/integrations/{id}/files"),
                    http::Access::Operate, [base = context, withId](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withId(request,
                                      [&](qint64 id) { return uploadFile(context, request, id); });
                    });
    router.setBodyLimit("POST", QStringLiteral("/api/v1/integrations/{id}/files"),
                        context.maxUploadBytes);
}

} // namespace hub::api
