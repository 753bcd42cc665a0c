// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/jsonfields.h"
#include "core/result.h"
#include "http/router.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace hub::api {

// Parses a request body that must be a JSON object. Rejects a key or string that contains a
// NUL character, naming its field.
Result<QJsonObject> parseObject(const QByteArray &body);

// 422 with one message per invalid field: {"error": "validation_failed", "message": ...,
// "fields": {"queryTimeoutSeconds": "..."}}.
http::Response validationFailed(const QJsonObject &fieldErrors);
http::Response badRequest(const QString &message);
http::Response notFound(const QString &what, qint64 id);
http::Response storeFailed(const QString &error);

// 400 {"error": "unknown_parameter", ...} naming the first query parameter that is not in
// accepted, with its value, or nothing when every parameter is accepted. A typo such as
// cursor= for offset= then fails instead of returning the first page.
std::optional<http::Response> rejectUnknownParameters(const http::Request &request,
                                                      const QStringList &accepted);

// Calls handler with the {id} path parameter, or returns 400 naming the resource, such as
// "The run id must be a positive integer.", when the parameter is not a positive integer.
template<typename Handler>
http::Response withPathId(const http::Request &request, const QString &resource, Handler handler)
{
    const qint64 id = request.idParameter(QStringLiteral("id"));
    if (id == 0)
        return badRequest(QStringLiteral("The %1 id must be a positive integer.").arg(resource));
    return handler(id);
}

// The value of a nullable column as JSON (null stays null).
QJsonValue jsonValue(const QVariant &value);

} // namespace hub::api
