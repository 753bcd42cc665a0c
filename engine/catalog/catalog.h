// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QSqlDatabase>

namespace hub::catalog {

// Writes the default product catalog (a resource file) into the store. Products and outputs
// are matched by key, so ids stay stable across upgrades and existing integrations keep their
// product.
Result<void> syncDefaultCatalog(const QSqlDatabase &db, const QString &resourcePath =
                                                            QStringLiteral(":/hub/catalog/products.json"));

// Every product with its outputs, ordered by integration type, system type and name.
Result<QJsonArray> listProducts(const QSqlDatabase &db);

} // namespace hub::catalog
