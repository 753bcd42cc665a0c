// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "nulcharacter.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub {

std::optional<QString> findNulCharacter(const QJsonValue &value, const QString &path)
{
    if (value.isString()) {
        if (containsNul(value.toString()))
            return path;
        return std::nullopt;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (auto found = findNulCharacter(array.at(i), itemPath))
                return found;
        }
        return std::nullopt;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            // A key with a NUL character is named with the character escaped, so the message
            // stays printable.
            const QString shown = QString(key).replace(QChar(0), QLatin1String("\\u0000"));
            const QString fieldPath = path.isEmpty() ? shown : path + QLatin1Char('.') + shown;
            if (containsNul(key))
                return fieldPath;
            if (auto found = findNulCharacter(it.value(), fieldPath))
                return found;
        }
    }
    return std::nullopt;
}

QString nulCharacterMessage(const QString &field)
{
    return QStringLiteral("The field %1 contains a NUL character (U+0000), which the engine "
                          "does not store. Remove it and send the request again.")
        .arg(field);
}

QString nulCharacterInFileMessage()
{
    return QStringLiteral("The value contains a NUL character (U+0000), which the engine does not "
                          "store. Remove it from the file and upload it again.");
}

} // namespace hub
