// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace hub::oneroster {

enum class Version { V1p1, V1p2 };

// The OneRoster scopes by their short names, in the order the console lists them. 1.1 defines
// all but gradebook-core.readonly, which 1.2 adds.
const QStringList &scopeNames();

// The scope's URI as the version's OpenAPI documents spell it, such as
// https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly.
QString scopeUri(Version version, const QString &shortName);

// Returns true when the version defines the scope. 1.2 defines every scope of scopeNames(),
// and 1.1 every one but gradebook-core.readonly.
bool versionDefinesScope(Version version, const QString &shortName);

// The short name of a scope given as a 1.1 or 1.2 URI or as a short name, or nothing when the
// text names no OneRoster scope.
std::optional<QString> shortScopeName(const QString &text);

// A set of short names as a sorted list.
QStringList sortedScopes(const QSet<QString> &scopes);

} // namespace hub::oneroster
