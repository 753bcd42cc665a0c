// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "statusinfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::oneroster {

QString codeMinorName(Version version, CodeMinor code)
{
    const bool v1p1 = version == Version::V1p1;
    switch (code) {
    case CodeMinor::InvalidFilterField:
        return QStringLiteral("invalid_filter_field");
    case CodeMinor::InvalidSelectionField:
        return QStringLiteral("invalid_selection_field");
    case CodeMinor::InvalidSortField:
        return QStringLiteral("invalid_sort_field");
    case CodeMinor::InvalidData:
        return v1p1 ? QStringLiteral("invalid data") : QStringLiteral("invaliddata");
    case CodeMinor::Unauthorized:
        return v1p1 ? QStringLiteral("unauthorized") : QStringLiteral("unauthorisedrequest");
    case CodeMinor::Forbidden:
        return QStringLiteral("forbidden");
    case CodeMinor::UnknownObject:
        return v1p1 ? QStringLiteral("unknown object") : QStringLiteral("unknownobject");
    case CodeMinor::ServerBusy:
        return QStringLiteral("server_busy");
    case CodeMinor::InternalServerError:
        return QStringLiteral("internal_server_error");
    }
    return QStringLiteral("internal_server_error");
}

http::Response statusInfo(Version version, int status, CodeMinor code, const QString &description)
{
    const QJsonObject field{
        {QStringLiteral("imsx_codeMinorFieldName"), QStringLiteral("TargetEndSystem")},
        {QStringLiteral("imsx_codeMinorFieldValue"), codeMinorName(version, code)},
    };
    const QJsonObject body{
        {QStringLiteral("imsx_codeMajor"), QStringLiteral("failure")},
        {QStringLiteral("imsx_severity"), QStringLiteral("error")},
        {QStringLiteral("imsx_description"), description},
        {QStringLiteral("imsx_CodeMinor"),
         QJsonObject{{QStringLiteral("imsx_codeMinorField"), QJsonArray{field}}}},
    };
    http::Response response = http::Response::json(body, status);
    if (status == 401)
        response.headers.append(qMakePair(QByteArray("WWW-Authenticate"),
                                          QByteArray("Bearer realm=\"oneroster\"")));
    return response;
}

} // namespace hub::oneroster
