// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "destinations/retrypolicy.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace hub::destinations {

// The ids that every log line about a delivery names.
struct DeliveryIds
{
    qint64 runId = 0;
    qint64 destinationId = 0;
};

// One saved destination, ready to use: its settings and its decrypted secrets. deliver() makes
// one attempt; the caller retries transient failures with runWithRetries(). Implementations do
// blocking I/O on the calling thread, which is a run worker or a test's helper thread.
class Destination
{
public:
    virtual ~Destination() = default;

    // Connects, signs in and checks that the target folder or container can be reached,
    // without writing a file.
    virtual Attempt testConnection() = 0;

    // Writes sourceFile as remotePath, a relative path that a FileNameTemplate produced, so that
    // the receiver gets either no file or the whole file.
    virtual Attempt deliver(const QString &sourceFile, const QString &remotePath,
                            const DeliveryIds &ids)
        = 0;
};

// The kinds a destination record may have, as stored in destinations.kind.
QStringList destinationKinds();

// The names of the settings of a kind that are secrets: stored encrypted, never returned by the
// API and never logged.
QStringList secretFieldNames(const QString &kind);

// Returns a message per invalid field, keyed "settings.<name>"; empty when valid. secrets contains
// the secret values the record will have after the change.
QJsonObject validateDestination(const QString &kind, const QJsonObject &settings,
                                const QJsonObject &secrets);

// The file name template of a destination's settings, or the default one.
QString fileNameTemplate(const QJsonObject &settings);

Result<std::unique_ptr<Destination>>
createDestination(const QString &kind, const QJsonObject &settings, const QJsonObject &secrets);

} // namespace hub::destinations
