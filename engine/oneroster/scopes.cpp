// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "scopes.h"

#include <algorithm>

namespace hub::oneroster {

namespace {

const QString kUriPrefix = QStringLiteral("https://purl.imsglobal.org/spec/or/");

} // namespace

const QStringList &scopeNames()
{
    static const QStringList names{
        QStringLiteral("roster-core.readonly"),
        QStringLiteral("roster.readonly"),
        QStringLiteral("roster-demographics.readonly"),
        QStringLiteral("gradebook-core.readonly"),
        QStringLiteral("gradebook.readonly"),
        QStringLiteral("gradebook.createput"),
        QStringLiteral("gradebook.delete"),
        QStringLiteral("resource.readonly"),
    };
    return names;
}

QString scopeUri(Version version, const QString &shortName)
{
    const QString versionPart = version == Version::V1p1 ? QStringLiteral("v1p1")
                                                         : QStringLiteral("v1p2");
    return kUriPrefix + versionPart + QStringLiteral("/scope/") + shortName;
}

bool versionDefinesScope(Version version, const QString &shortName)
{
    if (!scopeNames().contains(shortName))
        return false;
    return version == Version::V1p2 || shortName != QLatin1String("gradebook-core.readonly");
}

std::optional<QString> shortScopeName(const QString &text)
{
    QString name = text;
    if (text.startsWith(kUriPrefix)) {
        const QString rest = text.mid(kUriPrefix.size());
        const QString v1p1 = QStringLiteral("v1p1/scope/");
        const QString v1p2 = QStringLiteral("v1p2/scope/");
        if (rest.startsWith(v1p1))
            name = rest.mid(v1p1.size());
        else if (rest.startsWith(v1p2))
            name = rest.mid(v1p2.size());
        else
            return std::nullopt;
    }
    if (!scopeNames().contains(name))
        return std::nullopt;
    return name;
}

QStringList sortedScopes(const QSet<QString> &scopes)
{
    QStringList list(scopes.cbegin(), scopes.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace hub::oneroster
