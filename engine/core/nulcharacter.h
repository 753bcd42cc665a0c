// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace hub {

// The engine rejects text that contains the NUL character (U+0000) on input, whatever the
// backend: PostgreSQL's text type cannot store it, and a value that loads on SQLite would then
// fail to copy into PostgreSQL.
inline bool containsNul(const QString &text)
{
    return text.contains(QChar(0));
}

// Returns the path of the first key or string in value that contains a NUL character, such as
// "name" or "destinations[0].name", or nothing when none does. path is the prefix for the
// paths it returns.
std::optional<QString> findNulCharacter(const QJsonValue &value, const QString &path = {});

// The message for a field whose text contains a NUL character.
QString nulCharacterMessage(const QString &field);

// The message of the validation row for a file's value that contains a NUL character.
QString nulCharacterInFileMessage();

} // namespace hub
