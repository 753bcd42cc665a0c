// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "catalog.h"

#include "core/logging.h"
#include "store/store.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace hub::catalog {

namespace {

Result<qint64> upsertProduct(const QSqlDatabase &db, const QJsonObject &product)
{
    const QString key = product.value(QStringLiteral("key")).toString();
    auto existing = selectValue(db, QStringLiteral("SELECT id FROM products WHERE product_key = ?"),
                                {key});
    if (!existing)
        return failure(existing.error());

    const QVariantList values = {
        product.value(QStringLiteral("integrationType")).toString(),
        product.value(QStringLiteral("systemType")).toString(),
        product.value(QStringLiteral("vendor")).toString(),
        product.value(QStringLiteral("system")).toString(),
        product.value(QStringLiteral("name")).toString(),
        product.value(QStringLiteral("description")).toString(),
        key,
    };
    if (existing->isNull()) {
        auto inserted = execute(db,
                                QStringLiteral("INSERT INTO products(integration_type, system_type, "
                                               "vendor, system, name, description, product_key) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                values);
        if (!inserted)
            return failure(inserted.error());
        return inserted->lastInsertId().toLongLong();
    }
    auto updated = execute(db,
                           QStringLiteral("UPDATE products SET integration_type = ?, system_type = ?, "
                                          "vendor = ?, system = ?, name = ?, description = ? "
                                          "WHERE product_key = ?"),
                           values);
    if (!updated)
        return failure(updated.error());
    return existing->toLongLong();
}

Result<void> upsertOutput(const QSqlDatabase &db, qint64 productId, const QJsonObject &output)
{
    const QVariantList values = {
        productId,
        output.value(QStringLiteral("name")).toString(),
        output.value(QStringLiteral("outputType")).toString(),
        output.value(QStringLiteral("key")).toString(),
    };
    auto done = execute(db,
                        QStringLiteral("INSERT INTO product_outputs(product_id, name, output_type, "
                                       "output_key) VALUES (?, ?, ?, ?) "
                                       "ON CONFLICT(output_key) DO UPDATE SET "
                                       "product_id = excluded.product_id, name = excluded.name, "
                                       "output_type = excluded.output_type"),
                        values);
    if (!done)
        return failure(done.error());
    return {};
}

} // namespace

Result<void> syncDefaultCatalog(const QSqlDatabase &db, const QString &resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read the product catalog %1.").arg(resourcePath));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (document.isNull())
        return failure(QStringLiteral("The product catalog %1 is not valid JSON: %2")
                           .arg(resourcePath, parseError.errorString()));

    Transaction transaction(db);
    const QJsonArray products = document.object().value(QStringLiteral("products")).toArray();
    for (const QJsonValue &value : products) {
        const QJsonObject product = value.toObject();
        auto productId = upsertProduct(db, product);
        if (!productId)
            return failure(productId.error());
        const QJsonArray outputs = product.value(QStringLiteral("outputs")).toArray();
        for (const QJsonValue &output : outputs) {
            if (auto done = upsertOutput(db, *productId, output.toObject()); !done)
                return done;
        }
    }
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcCatalog) << "Product catalog has" << products.size() << "products";
    return {};
}

Result<QJsonArray> listProducts(const QSqlDatabase &db)
{
    auto outputs = execute(db, QStringLiteral("SELECT id, product_id, output_key, name, output_type "
                                              "FROM product_outputs ORDER BY name"));
    if (!outputs)
        return failure(outputs.error());
    QHash<qint64, QJsonArray> outputsByProduct;
    while (outputs->next()) {
        outputsByProduct[outputs->value(1).toLongLong()].append(QJsonObject{
            {QStringLiteral("id"), outputs->value(0).toLongLong()},
            {QStringLiteral("key"), outputs->value(2).toString()},
            {QStringLiteral("name"), outputs->value(3).toString()},
            {QStringLiteral("outputType"), outputs->value(4).toString()},
        });
    }

    auto products = execute(db, QStringLiteral("SELECT id, product_key, integration_type, "
                                               "system_type, vendor, system, name, description "
                                               "FROM products ORDER BY integration_type, "
                                               "system_type, name"));
    if (!products)
        return failure(products.error());
    QJsonArray result;
    while (products->next()) {
        const qint64 id = products->value(0).toLongLong();
        result.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("key"), products->value(1).toString()},
            {QStringLiteral("integrationType"), products->value(2).toString()},
            {QStringLiteral("systemType"), products->value(3).toString()},
            {QStringLiteral("vendor"), products->value(4).toString()},
            {QStringLiteral("system"), products->value(5).toString()},
            {QStringLiteral("name"), products->value(6).toString()},
            {QStringLiteral("description"), products->value(7).toString()},
            {QStringLiteral("outputs"), outputsByProduct.value(id)},
        });
    }
    return result;
}

} // namespace hub::catalog
