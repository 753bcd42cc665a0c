// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace hub::runs {
class RunRecorder;
}

namespace hub::connectors {

// One setting of a connector. The console generates its settings form from these. A secret
// setting is stored sealed, and the API shows only {"stored": true} for it.
struct SettingSpec
{
    QString name;
    QString label;
    // "text", "url", "integer", "boolean" or "choice".
    QString type = QStringLiteral("text");
    bool secret = false;
    bool required = false;
    QJsonValue defaultValue;
    QStringList choices;
    int minimum = 0;
    int maximum = 0;
    QString help;

    QJsonObject toJson() const;
};

// A connector description from the catalog. The kind "oneroster" is the OneRoster API client.
// The kind "rest" is a declarative REST connector, whose endpoints, authentication, pagination
// and field mapping are data in the description.
struct ConnectorDescription
{
    QString productKey;
    QString kind;
    // "pull" (phases Fetch, Map, Load) or "push" (phases Query, Map, Send).
    QString direction;
    QString name;
    // True when the vendor's API is not public and the description is a template that the
    // district completes with what the vendor sends it.
    bool isTemplate = false;
    QString notes;
    QString documentationUrl;
    QList<SettingSpec> settings;
    // The whole JSON description, for the REST connector.
    QJsonObject definition;

    QStringList phases() const;
    QStringList secretNames() const;
    QJsonObject toJson() const;
};

// Counts of one API phase: HTTP requests sent, pages read or written, records and retries.
struct TransferStats
{
    qint64 requests = 0;
    qint64 pages = 0;
    qint64 records = 0;
    qint64 retries = 0;
    qint64 bytes = 0;
};

// The engine's side of a connector run: the store, the district, the recorder of the run's
// phases and a folder for temporary files. The connector records its own phases.
struct RunEnvironment
{
    QSqlDatabase db;
    qint64 districtId = 0;
    qint64 integrationId = 0;
    qint64 runId = 0;
    int schoolYear = 0;
    QString workDir;
    runs::RunRecorder *recorder = nullptr;
    // The latest dateLastModified loaded by the integration's last successful pull, or empty.
    QString lastWatermark;
};

// The end of a successful connector run: the run's message and, for a pull, the watermark the
// next delta pull starts from (empty when the pull saw no dateLastModified).
struct RunOutcome
{
    QString message;
    QString watermark;
    bool cancelled = false;
};

// The outcome of Test Connection, in words the district's staff can act on.
struct TestOutcome
{
    bool ok = false;
    QString message;
};

// A connector configured for one integration. run() executes its phases on the calling thread
// (a run worker), and every failure comes back as an Error after the phase was recorded as
// failed.
class Connector
{
public:
    virtual ~Connector() = default;

    virtual TestOutcome testConnection() = 0;
    virtual Result<RunOutcome> run(const RunEnvironment &environment) = 0;
};

// Every connector description: the catalog's built-in ones and those registered later, sorted
// by product key. Safe to call from any thread.
QList<ConnectorDescription> connectorDescriptions();
// The description of a product's connector, or nothing when the product has none.
std::optional<ConnectorDescription> descriptionForProduct(const QString &productKey);
// Adds or replaces the description of a product, for connectors described outside the built-in
// catalog. Safe to call from any thread.
void registerConnectorDescription(const ConnectorDescription &description);
// Parses one description; the error names the field that is invalid.
Result<ConnectorDescription> parseDescription(const QJsonObject &json);

// Checks plain settings and secrets against the description and returns a message per invalid
// field, keyed "settings.<name>"; empty when valid.
QJsonObject validateSettings(const ConnectorDescription &description, const QJsonObject &settings,
                             const QJsonObject &secrets);
// Merges the settings of a PUT request into the stored ones. A plain setting that the request
// leaves out keeps its stored value, and null removes it so that its default applies. For each
// secret, a string replaces the stored value, {"stored": true} or an absent field keeps it, and
// null or "" removes it. A kept secret is dropped, with an entry in errors, when the merged URL
// settings name a host that the stored ones did not, so a secret never reaches a new host.
struct SplitSettings
{
    QJsonObject settings;
    QJsonObject secrets;
    // Field errors keyed "settings.<name>" for the secrets dropped because a host changed.
    QJsonObject errors;
};
SplitSettings splitSettings(const ConnectorDescription &description, const QJsonObject &incoming,
                            const QJsonObject &storedSettings, const QJsonObject &storedSecrets);
// The settings with defaults filled in and each stored secret shown as {"stored": true}.
QJsonObject maskedSettings(const ConnectorDescription &description, const QJsonObject &settings,
                           const QJsonObject &secrets);
// The settings with defaults filled in and the secrets merged, for the connector itself.
QJsonObject effectiveSettings(const ConnectorDescription &description,
                              const QJsonObject &settings, const QJsonObject &secrets);

Result<std::unique_ptr<Connector>> createConnector(const ConnectorDescription &description,
                                                   const QJsonObject &effective);

} // namespace hub::connectors
