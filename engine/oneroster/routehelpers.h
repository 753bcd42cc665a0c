// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "oneroster/provider.h"

namespace hub::oneroster {

using EntityGetter = const Entity &(*)(Version);

// A parent that a relationship endpoint names in its path, such as the class of
// /classes/{id}/students; the endpoint answers 404 when it does not exist.
struct Parent
{
    QString parameter;
    EntityGetter entity;
};

// Registers GET root+path (the collection) and GET root+path/{id} (one object).
void addCollectionRoutes(Provider &provider, http::Router &router, Version version,
                         const QString &pattern, EntityGetter entity, const QStringList &scopes);

// Registers a relationship endpoint: the child entity's rows that meet condition, whose ?
// markers take the path parameters named in bound, in order. A condition containing "LIKE ?"
// looks for its parameter in a JSON array column.
void addRelationshipRoute(Provider &provider, http::Router &router, Version version,
                          const QString &pattern, const QStringList &scopes,
                          const QList<Parent> &parents, EntityGetter child,
                          const QString &condition, const QStringList &bound);

// 404 unknownobject unless every parent exists, or nothing when all do.
std::optional<http::Response> missingParent(ServiceRequest &request, const QList<Parent> &parents);

} // namespace hub::oneroster
