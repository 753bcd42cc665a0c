// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hub::oneroster {

// A route of a OneRoster service as its discovery document lists it.
struct DocumentedRoute
{
    QByteArray method;
    QString pattern;      // the full path pattern, such as /ims/oneroster/v1p1/users/{id}
    QStringList scopeUris; // any one of them allows the route
};

// Builds the OpenAPI 3 document of one service: its routes below root, their parameters and
// responses, and the OAuth 2 client credentials flow with the token URL at origin.
QJsonObject discoveryDocument(const QString &title, const QString &version, const QString &origin,
                              const QString &root, const QList<DocumentedRoute> &routes);

} // namespace hub::oneroster
