// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "demodestinations.h"

#include "core/secretbox.h"
#include "core/timeutil.h"
#include "destinations/destinationsecrets.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hub::destinations {

Result<void> addDemoAzureDestinations(const QSqlDatabase &db, qint64 districtId,
                                      const SecretBox &box)
{
    // Azurite's built-in development account and key. Microsoft publishes both in the Azurite
    // documentation, and they work only against the emulator, so the key is not a secret.
    const QString accountUrl = QStringLiteral("http://127.0.0.1:10000/devstoreaccount1");
    const QJsonObject secrets{
        {QStringLiteral("accountKey"),
         QStringLiteral("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/"
                        "K1SZFPTOtr/KBHBeksoGMGw==")}};
    const QString sealed = QString::fromLatin1(sealSecrets(box, secrets));

    const struct
    {
        QString name;
        QString container;
    } demos[] = {
        {QStringLiteral("MiLearn Azure Storage - Prod"), QStringLiteral("milearn-prod")},
        {QStringLiteral("MiLearn Azure Storage - QA"), QStringLiteral("milearn-qa")},
    };
    const QString now = nowIsoUtc();
    for (const auto &demo : demos) {
        const QJsonObject settings{
            {QStringLiteral("accountUrl"), accountUrl},
            {QStringLiteral("container"), demo.container},
            {QStringLiteral("authentication"), QStringLiteral("sharedKey")},
            {QStringLiteral("pathTemplate"), QStringLiteral("{schoolYear}/{date}/{output}")},
        };
        auto inserted
            = execute(db,
                      QStringLiteral("INSERT INTO destinations(district_id, name, kind, "
                                     "settings, secrets, created_at, updated_at) "
                                     "VALUES (?, ?, 'azure-blob', ?, ?, ?, ?)"),
                      {districtId, demo.name,
                       QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)),
                       sealed, now, now});
        if (!inserted)
            return failure(inserted.error());
    }
    return {};
}

} // namespace hub::destinations
