// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "routehelpers.h"

#include "oneroster/statusinfo.h"

namespace hub::oneroster {

namespace {

QString likeContains(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QStringLiteral("%\"") + escaped + QStringLiteral("\"%");
}

} // namespace

void addCollectionRoutes(Provider &provider, http::Router &router, Version version,
                         const QString &pattern, EntityGetter entity, const QStringList &scopes)
{
    provider.addServiceRoute(router, "GET", version, pattern, scopes,
                             [entity](ServiceRequest &request) {
                                 const CollectionSpec spec{&entity(request.read.version), {}, {}};
                                 return readCollection(request.read, spec, request.http);
                             });
    provider.addServiceRoute(router, "GET", version, pattern + QStringLiteral("/{id}"), scopes,
                             [entity](ServiceRequest &request) {
                                 return readObject(request.read, entity(request.read.version),
                                                   request.http.pathParameter(QStringLiteral("id")),
                                                   request.http);
                             });
}

std::optional<http::Response> missingParent(ServiceRequest &request, const QList<Parent> &parents)
{
    for (const Parent &parent : parents) {
        const Entity &entity = parent.entity(request.read.version);
        const QString id = request.http.pathParameter(parent.parameter);
        auto exists = objectExists(request.read, entity, id);
        if (!exists)
            return statusInfo(request.read.version, 500, CodeMinor::InternalServerError,
                              QStringLiteral("The engine could not read its store."));
        if (!*exists)
            return statusInfo(request.read.version, 404, CodeMinor::UnknownObject,
                              QStringLiteral("No %1 has the sourcedId \"%2\".")
                                  .arg(objectNoun(entity), id));
    }
    return std::nullopt;
}

void addRelationshipRoute(Provider &provider, http::Router &router, Version version,
                          const QString &pattern, const QStringList &scopes,
                          const QList<Parent> &parents, EntityGetter child,
                          const QString &condition, const QStringList &bound)
{
    provider.addServiceRoute(
        router, "GET", version, pattern, scopes,
        [parents, child, condition, bound](ServiceRequest &request) {
            if (auto missing = missingParent(request, parents))
                return *missing;
            CollectionSpec spec{&child(request.read.version), condition, {}};
            const bool inList = condition.contains(QLatin1String("LIKE ?"));
            for (const QString &name : bound) {
                const QString value = request.http.pathParameter(name);
                spec.bindings.append(inList ? likeContains(value) : value);
            }
            return readCollection(request.read, spec, request.http);
        });
}

} // namespace hub::oneroster
