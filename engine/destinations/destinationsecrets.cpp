// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destinationsecrets.h"

#include "core/secretbox.h"
#include "destinations/destination.h"
#include "store/store.h"

#include <QJsonDocument>

namespace hub::destinations {

namespace {

QJsonObject storedMarker()
{
    return QJsonObject{{QStringLiteral("stored"), true}};
}

} // namespace

SplitSettings splitSettings(const QString &kind, const QJsonObject &incoming,
                            const QJsonObject &storedSecrets)
{
    SplitSettings split;
    split.settings = incoming;
    for (const QString &name : secretFieldNames(kind)) {
        const QJsonValue value = incoming.value(name);
        split.settings.remove(name);
        if (value.isString() && !value.toString().isEmpty())
            split.secrets.insert(name, value.toString());
        else if ((value.isUndefined() || value.isObject()) && storedSecrets.contains(name))
            split.secrets.insert(name, storedSecrets.value(name));
    }
    return split;
}

QJsonObject maskedSettings(const QString &kind, const QJsonObject &settings,
                           const QJsonObject &secrets)
{
    QJsonObject masked = settings;
    for (const QString &name : secretFieldNames(kind)) {
        masked.remove(name);
        if (secrets.contains(name))
            masked.insert(name, storedMarker());
    }
    return masked;
}

QByteArray sealSecrets(const SecretBox &box, const QJsonObject &secrets)
{
    if (secrets.isEmpty())
        return {};
    return box.seal(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
}

Result<QJsonObject> openSecrets(const SecretBox &box, const QByteArray &sealed)
{
    if (sealed.isEmpty())
        return QJsonObject();
    auto plain = box.open(sealed);
    if (!plain)
        return failure(plain.error());
    return QJsonDocument::fromJson(*plain).object();
}

Result<QJsonObject> loadSecrets(const QSqlDatabase &db, const SecretBox &box, qint64 destinationId)
{
    auto sealed = selectValue(db, QStringLiteral("SELECT secrets FROM destinations WHERE id = ?"),
                              {destinationId});
    if (!sealed)
        return failure(sealed.error());
    return openSecrets(box, sealed->toByteArray());
}

} // namespace hub::destinations
