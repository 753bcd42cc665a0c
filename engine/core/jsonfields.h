// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hub {

// Adds a field error for each member of object whose name is not in known, such as
// {"schedule.startTme": "Unknown field; use one of type, ..."}, so that a misspelled name fails
// instead of being ignored or stored. prefix names the object, such as "schedule."; an empty
// prefix means the request body.
inline void rejectUnknownFields(const QJsonObject &object, const QStringList &known,
                                const QString &prefix, QJsonObject &errors)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        errors.insert(prefix + it.key().left(100),
                      QStringLiteral("Unknown field; use one of %1.")
                          .arg(known.join(QStringLiteral(", "))));
    }
}

// Returns why text cannot be a name, or an empty string. A name is one line, so it may not
// contain control characters (line breaks, tabs) or line and paragraph separators. It may not
// contain the bidirectional embedding, override and isolate characters either, which would
// forge lines in logs or reverse what follows them on screen.
inline QString nameTextProblem(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = c.category() == QChar::Other_Control || u == 0x2028 || u == 0x2029
                             || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        if (control)
            return QStringLiteral("Remove the control character U+%1; a name is one line of "
                                  "plain text.")
                .arg(QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')));
    }
    return {};
}

} // namespace hub
