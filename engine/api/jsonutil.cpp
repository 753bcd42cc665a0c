// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "jsonutil.h"

#include "core/logging.h"
#include "core/nulcharacter.h"
#include "store/store.h"

#include <QJsonDocument>

namespace hub::api {

Result<QJsonObject> parseObject(const QByteArray &body)
{
    if (body.trimmed() == "null")
        return failure(QStringLiteral("The request body must be a JSON object, not null."));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (document.isNull())
        return failure(QStringLiteral("The request body is not valid JSON: %1 at offset %2.")
                           .arg(error.errorString())
                           .arg(error.offset));
    if (!document.isObject())
        return failure(QStringLiteral("The request body must be a JSON object."));
    if (auto field = findNulCharacter(document.object()))
        return failure(nulCharacterMessage(*field));
    return document.object();
}

http::Response validationFailed(const QJsonObject &fieldErrors)
{
    QJsonObject body{
        {QStringLiteral("error"), QStringLiteral("validation_failed")},
        {QStringLiteral("message"),
         fieldErrors.size() == 1
             ? QStringLiteral("1 field is invalid.")
             : QStringLiteral("%1 fields are invalid.").arg(fieldErrors.size())},
        {QStringLiteral("fields"), fieldErrors},
    };
    return http::Response::json(body, 422);
}

http::Response badRequest(const QString &message)
{
    return http::Response::error(400, QStringLiteral("bad_request"), message);
}

http::Response notFound(const QString &what, qint64 id)
{
    return http::Response::error(404, QStringLiteral("not_found"),
                                 QStringLiteral("%1 %2 not found.").arg(what).arg(id));
}

http::Response storeFailed(const QString &error)
{
    if (isBusyError(error)) {
        qCWarning(lcApi) << "Store busy; answered 503:" << error;
        http::Response response = http::Response::error(
            503, QStringLiteral("store_busy"),
            QStringLiteral("The engine's store is busy with a long write, such as a large "
                           "inbound load. Try again in a few seconds."));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
        return response;
    }
    qCWarning(lcApi) << "Store error:" << error;
    return http::Response::error(500, QStringLiteral("store_error"),
                                 QStringLiteral("The engine could not read or write its store. "
                                                "See the engine log for details."));
}

std::optional<http::Response> rejectUnknownParameters(const http::Request &request,
                                                      const QStringList &accepted)
{
    const QList<std::pair<QString, QString>> items = request.query().queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (accepted.contains(name))
            continue;
        const QString message
            = accepted.isEmpty()
                  ? QStringLiteral("Unknown query parameter %1=\"%2\"; this route accepts no "
                                   "query parameters.")
                        .arg(name, value)
                  : QStringLiteral("Unknown query parameter %1=\"%2\"; this route accepts %3.")
                        .arg(name, value, accepted.join(QStringLiteral(", ")));
        http::Response response = http::Response::json(
            QJsonObject{
                {QStringLiteral("error"), QStringLiteral("unknown_parameter")},
                {QStringLiteral("message"), message},
                {QStringLiteral("fields"), QJsonObject{{name, message}}},
            },
            400);
        return response;
    }
    return std::nullopt;
}

QJsonValue jsonValue(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    // The PostgreSQL driver reads a positive BIGINT as an unsigned value.
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    default:
        return value.toString();
    }
}

} // namespace hub::api
