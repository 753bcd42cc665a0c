// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// File specifications for assessment and attendance files: the built-in ones and the district's
// copies with a changed column mapping. A district's specification of a product is tried before
// the built-in ones when a file arrives.

#include "api/adminapi.h"
#include "api/jsonutil.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "inbound/filespec.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hub::api {

namespace {

using inbound::FileSpec;

QJsonObject specJson(const FileSpec &spec, qint64 id, const QString &basedOn)
{
    QJsonObject json = spec.toJson();
    json.insert(QStringLiteral("id"), id > 0 ? QJsonValue(id) : QJsonValue::Null);
    json.insert(QStringLiteral("builtIn"), id == 0);
    json.insert(QStringLiteral("basedOn"),
                basedOn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(basedOn));
    return json;
}

struct StoredSpec
{
    qint64 id = 0;
    QString basedOn;
    FileSpec spec;
};

Result<QList<StoredSpec>> districtSpecs(const ApiContext &context)
{
    auto rows = execute(context.store->connection(),
                        QStringLiteral("SELECT id, based_on, definition FROM file_specs WHERE "
                                       "district_id = ? ORDER BY id"),
                        {context.districtId});
    if (!rows)
        return failure(rows.error());
    QList<StoredSpec> specs;
    while (rows->next()) {
        auto spec
            = FileSpec::fromJson(QJsonDocument::fromJson(rows->value(2).toByteArray()).object());
        if (!spec) {
            qCWarning(lcApi) << "Skipped invalid file specification" << rows->value(0).toLongLong()
                             << spec.error();
            continue;
        }
        specs.append({rows->value(0).toLongLong(), rows->value(1).toString(), *spec});
    }
    return specs;
}

http::Response list(const ApiContext &context)
{
    auto own = districtSpecs(context);
    if (!own)
        return storeFailed(own.error());
    QJsonArray specs;
    for (const StoredSpec &stored : std::as_const(*own))
        specs.append(specJson(stored.spec, stored.id, stored.basedOn));
    for (const FileSpec &spec : inbound::builtInFileSpecs())
        specs.append(specJson(spec, 0, {}));
    // The choices an editor offers: the store columns of each table and the date formats that a
    // date column may declare.
    QJsonArray tables;
    for (const inbound::StoreTable &table : inbound::storeTables())
        tables.append(
            QJsonObject{{QStringLiteral("name"), table.name},
                        {QStringLiteral("columns"), QJsonArray::fromStringList(table.columns)},
                        {QStringLiteral("required"), QJsonArray::fromStringList(table.required)},
                        {QStringLiteral("keyed"), QJsonArray::fromStringList(table.keyed)}});
    return http::Response::json(QJsonObject{
        {QStringLiteral("fileSpecs"), specs},
        {QStringLiteral("storeTables"), tables},
        {QStringLiteral("dateFormats"), QJsonArray::fromStringList(inbound::dateFormats())}});
}

// The fields a request may change; key, product and table stay those of the base.
QJsonObject applyChanges(QJsonObject definition, const QJsonObject &body)
{
    for (const QString &field :
         {QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("columns"),
          QStringLiteral("constants"), QStringLiteral("naturalKey"),
          QStringLiteral("keepOtherColumns")}) {
        if (body.contains(field))
            definition.insert(field, body.value(field));
    }
    return definition;
}

bool keyTaken(const QString &key, const QList<StoredSpec> &own, qint64 exceptId)
{
    for (const FileSpec &spec : inbound::builtInFileSpecs()) {
        if (spec.key == key)
            return true;
    }
    for (const StoredSpec &stored : own) {
        if (stored.spec.key == key && stored.id != exceptId)
            return true;
    }
    return false;
}

// POST /api/v1/file-specs: copies the specification basedOn names, with the changes of the body.
http::Response create(const ApiContext &context, const http::Request &request)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    auto own = districtSpecs(context);
    if (!own)
        return storeFailed(own.error());

    const QString basedOn = body->value(QStringLiteral("basedOn")).toString();
    std::optional<FileSpec> base;
    for (const FileSpec &spec : inbound::builtInFileSpecs()) {
        if (spec.key == basedOn)
            base = spec;
    }
    for (const StoredSpec &stored : std::as_const(*own)) {
        if (stored.spec.key == basedOn)
            base = stored.spec;
    }
    if (!base)
        return validationFailed(
            QJsonObject{{QStringLiteral("basedOn"),
                         QStringLiteral("Choose the file specification to copy; \"%1\" is none.")
                             .arg(basedOn)}});

    auto spec = FileSpec::fromJson(applyChanges(base->toJson(), *body));
    if (!spec)
        return validationFailed(QJsonObject{
            {FileSpec::errorField(spec.error()), FileSpec::errorMessage(spec.error())}});
    if (keyTaken(spec->key, *own, 0))
        return validationFailed(
            QJsonObject{{QStringLiteral("key"),
                         QStringLiteral("The key %1 is taken; choose another.").arg(spec->key)}});

    const QString now = nowIsoUtc();
    const QJsonObject definition = spec->toJson();
    auto inserted = execute(
        context.store->connection(),
        QStringLiteral("INSERT INTO file_specs (district_id, spec_key, "
                       "based_on, definition, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        {context.districtId, spec->key, basedOn,
         QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact)), now, now});
    if (!inserted)
        return storeFailed(inserted.error());
    const qint64 id = inserted->lastInsertId().toLongLong();
    writeAudit(context, QStringLiteral("create"), QStringLiteral("file_spec"), id, {}, definition);
    qCInfo(lcApi) << "Created file specification" << spec->key << "from" << basedOn
                  << "for district" << context.districtId;
    return http::Response::json(specJson(*spec, id, basedOn), 201);
}

// PUT /api/v1/file-specs/{id}: changes a district's specification, such as its mapping.
http::Response update(const ApiContext &context, const http::Request &request, qint64 id)
{
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());
    auto own = districtSpecs(context);
    if (!own)
        return storeFailed(own.error());
    const StoredSpec *current = nullptr;
    for (const StoredSpec &stored : std::as_const(*own)) {
        if (stored.id == id)
            current = &stored;
    }
    if (!current)
        return notFound(QStringLiteral("File specification"), id);

    auto spec = FileSpec::fromJson(applyChanges(current->spec.toJson(), *body));
    if (!spec)
        return validationFailed(QJsonObject{
            {FileSpec::errorField(spec.error()), FileSpec::errorMessage(spec.error())}});
    if (keyTaken(spec->key, *own, id))
        return validationFailed(
            QJsonObject{{QStringLiteral("key"),
                         QStringLiteral("The key %1 is taken; choose another.").arg(spec->key)}});

    const QJsonObject definition = spec->toJson();
    auto updated = execute(
        context.store->connection(),
        QStringLiteral("UPDATE file_specs SET spec_key = ?, definition = ?, "
                       "updated_at = ? WHERE id = ? AND district_id = ?"),
        {spec->key, QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact)),
         nowIsoUtc(), id, context.districtId});
    if (!updated)
        return storeFailed(updated.error());
    writeAudit(context, QStringLiteral("update"), QStringLiteral("file_spec"), id,
               current->spec.toJson(), definition);
    return http::Response::json(specJson(*spec, id, current->basedOn));
}

http::Response remove(const ApiContext &context, qint64 id)
{
    auto definition = selectValue(context.store->connection(),
                                  QStringLiteral("SELECT definition FROM file_specs "
                                                 "WHERE id = ? AND district_id = ?"),
                                  {id, context.districtId});
    if (!definition)
        return storeFailed(definition.error());
    auto removed
        = execute(context.store->connection(),
                  QStringLiteral("DELETE FROM file_specs WHERE id = ? AND district_id = ?"),
                  {id, context.districtId});
    if (!removed)
        return storeFailed(removed.error());
    if (removed->numRowsAffected() == 0)
        return notFound(QStringLiteral("File specification"), id);
    writeAudit(context, QStringLiteral("delete"), QStringLiteral("file_spec"), id,
               QJsonDocument::fromJson(definition->toString().toUtf8()).object(), {});
    return http::Response::noContent();
}

} // namespace

void registerFileSpecRoutes(http::Router &router, const ApiContext &context)
{
    const QString collection = QStringLiteral("/api/v1/file-specs");
    const QString item = QStringLiteral("/api/v1/file-specs/{id}");
    router.addRoute("GET", collection, http::Access::View,
                    [base = context](const http::Request &request) {
                        if (auto unknown = rejectUnknownParameters(request, {}))
                            return *unknown;
                        return list(base.forRequest(request));
                    });
    router.addRoute("POST", collection, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        return create(base.forRequest(request), request);
                    });
    router.addRoute("PUT", item, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("file specification"),
                                          [&](qint64 id) { return update(context, request, id); });
                    });
    router.addRoute("DELETE", item, http::Access::Configure,
                    [base = context](const http::Request &request) {
                        const ApiContext context = base.forRequest(request);
                        return withPathId(request, QStringLiteral("file specification"),
                                          [&](qint64 id) { return remove(context, id); });
                    });
}

} // namespace hub::api
