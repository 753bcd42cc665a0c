// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "connectors/apiclient.h"
#include "connectors/connector.h"

namespace hub::connectors {

// Pulls the roster from a OneRoster 1.1 or 1.2 REST provider into the store.
//
// Fetch reads each collection (orgs, academicSessions, courses, classes, users, enrollments and,
// when asked, demographics) page by page with limit and offset, sorted by sourcedId. It follows
// a Link rel="next" when the provider sends one and otherwise pages on by the records received
// until X-Total-Count is reached, so a short page before the end does not end the collection.
// A delta pull requests only records with dateLastModified at or after the last successful
// pull's watermark. When X-Total-Count changes between pages, a record comes twice or fewer
// records arrive than X-Total-Count says, the provider's data changed under the paging: the
// collection is read again, up to three times, and the run fails rather than load a roster
// with records missing.
// Map writes the records as a OneRoster CSV bundle (bulk files for a full pull, delta files for
// a delta pull) and validates it like an uploaded bundle. Load stores it all or nothing.
class OneRosterClient final : public Connector
{
public:
    // settings are the effective settings, secrets included.
    explicit OneRosterClient(const QJsonObject &settings);

    TestOutcome testConnection() override;
    Result<RunOutcome> run(const RunEnvironment &environment) override;

private:
    struct Fetched;
    // Reads every collection. stats receives the requests, pages, records and retries so far,
    // also when the fetch fails, so that a failed Fetch phase shows how far it got.
    Result<Fetched> fetch(const RunEnvironment &environment, bool delta, TransferStats &stats);
    Result<Fetched> fetchCollections(ApiClient &client, const RunEnvironment &environment,
                                     bool delta, TransferStats &stats);

    QUrl collectionUrl(const QString &endpoint, qint64 offset, const QString &filter) const;

    QString m_baseUrl;
    int m_version = 11;
    int m_pageLimit = 100;
    bool m_fullSync = false;
    bool m_demographics = false;
    ApiAuth m_auth;
    ApiRetryLimits m_limits;
};

// Retry limits and time-out from a connector's settings (maxAttempts, initialDelayMs,
// maxDelayMs, timeoutSeconds), defaults for those absent.
ApiRetryLimits retryLimitsFromSettings(const QJsonObject &settings);

// The URL of the Link header entry with rel="next", or an empty URL.
QUrl nextLink(const QByteArray &linkHeader, const QUrl &base);

} // namespace hub::connectors
