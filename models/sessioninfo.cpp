// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "sessioninfo.h"

#include <QJsonArray>

namespace hubdesk {

namespace {

SessionInfo::District districtFromJson(const QJsonObject &object)
{
    return SessionInfo::District{object.value(QStringLiteral("id")).toInteger(),
                                 object.value(QStringLiteral("name")).toString(),
                                 object.value(QStringLiteral("timeZone")).toString(),
                                 object.value(QStringLiteral("role")).toString()};
}

} // namespace

SessionInfo SessionInfo::fromJson(const QJsonObject &object)
{
    SessionInfo session;
    session.user = object.value(QStringLiteral("user")).toString();
    session.displayName = object.value(QStringLiteral("displayName")).toString();
    session.statewide = object.value(QStringLiteral("statewide")).toBool();
    session.district = districtFromJson(object.value(QStringLiteral("district")).toObject());
    const QJsonArray districts = object.value(QStringLiteral("districts")).toArray();
    for (const QJsonValue &district : districts)
        session.districts.append(districtFromJson(district.toObject()));
    return session;
}

bool SessionInfo::canOperate() const
{
    return district.role != QLatin1String("viewer") && !district.role.isEmpty();
}

bool SessionInfo::canConfigure() const
{
    return district.role == QLatin1String("administrator")
           || district.role == QLatin1String("statewide");
}

bool SessionInfo::canAdminister() const
{
    return district.role == QLatin1String("administrator")
           || district.role == QLatin1String("statewide");
}

} // namespace hubdesk
