// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "oneroster/routehelpers.h"

namespace hub::oneroster {

void registerResourceRoutes(Provider &provider, http::Router &router, Version version)
{
    const QString root = serviceRoot(version, QStringLiteral("resources"));
    const QStringList scopes{QStringLiteral("resource.readonly")};
    addCollectionRoutes(provider, router, version, root + QStringLiteral("/resources"),
                        resourcesEntity, scopes);
    addRelationshipRoute(provider, router, version, root + QStringLiteral("/classes/{id}/resources"),
                         scopes, {{QStringLiteral("id"), classesEntity}}, resourcesEntity,
                         QStringLiteral("t.class_sourced_ids LIKE ? ESCAPE '\\'"),
                         {QStringLiteral("id")});
    addRelationshipRoute(provider, router, version, root + QStringLiteral("/courses/{id}/resources"),
                         scopes, {{QStringLiteral("id"), coursesEntity}}, resourcesEntity,
                         QStringLiteral("t.course_sourced_ids LIKE ? ESCAPE '\\'"),
                         {QStringLiteral("id")});
}

} // namespace hub::oneroster
