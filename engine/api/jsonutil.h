// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "http/router.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace hub::api {

// Parses a request body that must be a JSON object.
Result<QJsonObject> parseObject(const QByteArray &body);

// 422 with one message per invalid field: {"error": "validation_failed", "message": ...,
// "fields": {"queryTimeoutSeconds": "..."}}.
http::Response validationFailed(const QJsonObject &fieldErrors);
http::Response badRequest(const QString &message);
http::Response notFound(const QString &what, qint64 id);
http::Response storeFailed(const QString &error);

// The value of a nullable column as JSON (null stays null).
QJsonValue jsonValue(const QVariant &value);

} // namespace hub::api
