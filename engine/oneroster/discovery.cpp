// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "discovery.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace hub::oneroster {

namespace {

QJsonObject parameter(const QString &name, const QString &in, const QJsonObject &schema,
                      bool required, const QString &description)
{
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("in"), in},
                       {QStringLiteral("required"), required},
                       {QStringLiteral("schema"), schema}};
    if (!description.isEmpty())
        object.insert(QStringLiteral("description"), description);
    return object;
}

QJsonArray collectionParameters()
{
    const QJsonObject text{{QStringLiteral("type"), QStringLiteral("string")}};
    const QJsonObject integer{{QStringLiteral("type"), QStringLiteral("integer")},
                              {QStringLiteral("minimum"), 0}};
    return {
        parameter(QStringLiteral("limit"), QStringLiteral("query"), integer, false,
                  QStringLiteral("Records per page, 1 to 100000; 100 when absent.")),
        parameter(QStringLiteral("offset"), QStringLiteral("query"), integer, false,
                  QStringLiteral("Records to skip.")),
        parameter(QStringLiteral("sort"), QStringLiteral("query"), text, false,
                  QStringLiteral("The field to sort by; sourcedId breaks ties.")),
        parameter(QStringLiteral("orderBy"), QStringLiteral("query"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                              {QStringLiteral("enum"), QJsonArray{QStringLiteral("asc"),
                                                                  QStringLiteral("desc")}}},
                  false, {}),
        parameter(QStringLiteral("filter"), QStringLiteral("query"), text, false,
                  QStringLiteral("Clauses such as status='active' joined by AND or OR.")),
        parameter(QStringLiteral("fields"), QStringLiteral("query"), text, false,
                  QStringLiteral("Comma-separated field names to return.")),
    };
}

QString operationId(const QByteArray &method, const QString &path)
{
    QString id = QString::fromLatin1(method).toLower();
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : segments) {
        QString word = segment;
        word.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
        id += word.left(1).toUpper() + word.mid(1);
    }
    return id;
}

} // namespace

QJsonObject discoveryDocument(const QString &title, const QString &version, const QString &origin,
                              const QString &root, const QList<DocumentedRoute> &routes)
{
    QJsonObject scopes;
    QJsonObject paths;
    for (const DocumentedRoute &route : routes) {
        const QString path = route.pattern.mid(root.size());
        QJsonArray scopeList;
        for (const QString &scope : route.scopeUris) {
            scopeList.append(scope);
            scopes.insert(scope, QStringLiteral("OneRoster scope %1").arg(scope.section(QLatin1Char('/'), -1)));
        }
        QJsonArray parameters;
        static const QRegularExpression pathParameter(QStringLiteral("\\{(\\w+)\\}"));
        auto matches = pathParameter.globalMatch(path);
        while (matches.hasNext())
            parameters.append(parameter(matches.next().captured(1), QStringLiteral("path"),
                                        QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}},
                                        true, {}));
        const bool collection = route.method == "GET" && !path.endsWith(QLatin1String("}"));
        if (collection) {
            for (const QJsonValue &value : collectionParameters())
                parameters.append(value);
        }
        QJsonObject responses{
            {QStringLiteral("401"), QJsonObject{{QStringLiteral("description"),
                                                 QStringLiteral("Missing, unknown or expired token.")}}},
            {QStringLiteral("403"), QJsonObject{{QStringLiteral("description"),
                                                 QStringLiteral("The token lacks the scope.")}}},
        };
        if (route.method == "PUT") {
            responses.insert(QStringLiteral("201"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Created.")}});
            responses.insert(QStringLiteral("200"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Updated.")}});
        } else if (route.method == "POST") {
            responses.insert(QStringLiteral("201"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Created; sourcedIdPairs lists them.")}});
        } else if (route.method == "DELETE") {
            responses.insert(QStringLiteral("204"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Deleted.")}});
            responses.insert(QStringLiteral("404"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Not found.")}});
        } else {
            responses.insert(QStringLiteral("200"), QJsonObject{{QStringLiteral("description"), collection ? QStringLiteral("A page, with X-Total-Count and Link headers.") : QStringLiteral("The object.")}});
            responses.insert(QStringLiteral("404"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Not found.")}});
        }
        QJsonObject operations = paths.value(path).toObject();
        operations.insert(QString::fromLatin1(route.method).toLower(),
                          QJsonObject{{QStringLiteral("operationId"), operationId(route.method, path)},
                                      {QStringLiteral("parameters"), parameters},
                                      {QStringLiteral("security"),
                                       QJsonArray{QJsonObject{{QStringLiteral("OAuth2CC"), scopeList}}}},
                                      {QStringLiteral("responses"), responses}});
        paths.insert(path, operations);
    }
    const QJsonObject flows{
        {QStringLiteral("clientCredentials"),
         QJsonObject{{QStringLiteral("tokenUrl"), QString(origin + QStringLiteral("/oauth/token"))},
                     {QStringLiteral("scopes"), scopes}}}};
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), title},
                                             {QStringLiteral("version"), version}}},
        {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), QString(origin + root)}}}},
        {QStringLiteral("components"),
         QJsonObject{{QStringLiteral("securitySchemes"),
                      QJsonObject{{QStringLiteral("OAuth2CC"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("oauth2")},
                                               {QStringLiteral("flows"), flows}}}}}}},
        {QStringLiteral("paths"), paths},
    };
}

} // namespace hub::oneroster
