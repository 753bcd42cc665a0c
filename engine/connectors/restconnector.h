// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "connectors/apiclient.h"
#include "connectors/connector.h"

#include <QVariant>

namespace hub::connectors {

// A vendor API described by data in the catalog instead of code.
//
// The description gives the authentication ("oauth2-client-credentials" with a token path,
// "api-key-header" with a header name, or "basic"), the pagination ("offset", "page",
// "cursor" or "link") and the endpoints. A pull endpoint reads records (the array at
// recordsField) and maps vendor fields into a target: a OneRoster entity ("orgs", "users", ...),
// loaded as a delta bundle through the inbound validation, or "assessment_results", upserted in
// one transaction. A push endpoint runs an outbound report and sends its rows, mapped to vendor
// fields, as JSON batches. A mapping error names the record, the vendor field and its value,
// and nothing is loaded or sent.
class RestConnector final : public Connector
{
public:
    RestConnector(const ConnectorDescription &description, const QJsonObject &settings);

    TestOutcome testConnection() override;
    Result<RunOutcome> run(const RunEnvironment &environment) override;

private:
    struct Page;
    Result<QList<QJsonObject>> fetchEndpoint(ApiClient &client, const QJsonObject &endpoint,
                                             const RunEnvironment &environment,
                                             TransferStats &stats);
    Result<RunOutcome> pull(const RunEnvironment &environment);
    Result<RunOutcome> push(const RunEnvironment &environment);
    QUrl endpointUrl(const QString &path) const;

    ConnectorDescription m_description;
    QJsonObject m_settings;
    ApiAuth m_auth;
    ApiRetryLimits m_limits;
    int m_pageSize = 100;
};

// Checks the auth, pagination and endpoints of a REST connector description.
Result<void> checkRestDefinition(const QJsonObject &definition);

// The value at a dot-separated path such as "student.id" in a JSON object.
QJsonValue valueAtPath(const QJsonObject &object, const QString &path);

// Converts one vendor value by a mapping rule ({"field", "type", "required", "values",
// "format"}) into the store's form. Fails with a sentence that names the problem; the caller
// adds the record, field and value.
Result<QVariant> convertMappedValue(const QJsonObject &rule, const QJsonValue &value);

} // namespace hub::connectors
