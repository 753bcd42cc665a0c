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

} // namespace hub
