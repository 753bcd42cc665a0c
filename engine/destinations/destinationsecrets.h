// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace hub {
class SecretBox;
}

namespace hub::destinations {

// A destination's settings as the API sends them, split into plain settings and secrets.
struct SplitSettings
{
    QJsonObject settings;
    QJsonObject secrets;
};

// Splits the settings of a create or update request. For each secret field: a string replaces
// the stored value, {"stored": true} or an absent field keeps it, and null or "" removes it.
SplitSettings splitSettings(const QString &kind, const QJsonObject &incoming,
                            const QJsonObject &storedSecrets);

// The settings the API returns: each stored secret shows as {"stored": true}, never its value.
QJsonObject maskedSettings(const QString &kind, const QJsonObject &settings,
                           const QJsonObject &secrets);

QByteArray sealSecrets(const SecretBox &box, const QJsonObject &secrets);
Result<QJsonObject> openSecrets(const SecretBox &box, const QByteArray &sealed);

// Reads and decrypts the secrets of a destination record; an empty object when it has none.
Result<QJsonObject> loadSecrets(const QSqlDatabase &db, const SecretBox &box, qint64 destinationId);

} // namespace hub::destinations
