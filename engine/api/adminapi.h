// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "accounts/sessions.h"
#include "http/router.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace hub {
class Store;
}

namespace hub::api {

struct ApiContext
{
    const Store *store = nullptr;
    QString dataDir;
    // The district and the caller of the request being handled; forRequest() fills them in.
    qint64 districtId = 0;
    QString actor;
    QString version;
    // Called after a run was queued so an idle worker picks it up at once.
    std::function<void()> wakeWorkers;
    // Returns the current UTC time; the system clock when empty.
    std::function<QDateTime()> clock;
    // Called after a schedule, a "run at next available cycle" flag or a blackout window
    // changed, so the scheduler looks again at once.
    std::function<void()> scheduleChanged;
    // The largest file that the single-request upload route accepts. Qt HTTP Server 6.4 keeps
    // a request body in memory several times over, so large files go through the chunked
    // upload routes instead.
    qint64 maxUploadBytes = 512LL * 1024 * 1024;
    // Chunked uploads: the largest chunk (a request body), the largest file, the unfinished
    // uploads that one district may have, and how long an upload lives without a new chunk.
    qint64 maxUploadChunkBytes = 8LL * 1024 * 1024;
    qint64 maxChunkedUploadBytes = 64LL * 1024 * 1024 * 1024;
    int maxOpenUploadsPerDistrict = 10;
    qint64 uploadExpirySeconds = 24 * 60 * 60;
    // Token lifetimes and the delays and lockout after repeated failed sign-ins.
    accounts::SessionPolicy sessionPolicy;
    // Called after notifications were queued (Send Test), so the notifier sends them at once.
    std::function<void()> notificationsQueued;
    // Requests per peer address to sign-in and token refresh, beside the per-account waits.
    http::RateLimiter::Policy signInRate{30, 0.5};
    // Returns a monotonic time in milliseconds for the sign-in rate limit; a steady clock when
    // empty.
    std::function<qint64()> rateClockMs;
    // The maximum number of rows in one audit CSV export; a larger result is exported in pages.
    qint64 maxAuditExportRows = 100000;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    // This context scoped to the request's district and caller.
    ApiContext forRequest(const http::Request &request) const
    {
        ApiContext scoped = *this;
        scoped.districtId = request.districtId();
        scoped.actor = request.principal().actor;
        return scoped;
    }
};

// Registers every /api/v1 route on the router. Each route declares the access level it needs;
// the router checks it, and handlers scope every query to the request's district.
void registerAdminApi(http::Router &router, const ApiContext &context);

// Route groups, one file each.
void registerActivityRoutes(http::Router &router, const ApiContext &context);
void registerCatalogRoutes(http::Router &router, const ApiContext &context);
void registerConnectorRoutes(http::Router &router, const ApiContext &context);
void registerDestinationRoutes(http::Router &router, const ApiContext &context);
void registerFileSpecRoutes(http::Router &router, const ApiContext &context);
void registerIntegrationRoutes(http::Router &router, const ApiContext &context);
void registerUploadRoutes(http::Router &router, const ApiContext &context);
void registerOneRosterRoutes(http::Router &router, const ApiContext &context);
void registerNotificationRoutes(http::Router &router, const ApiContext &context);
void registerPreviewRoutes(http::Router &router, const ApiContext &context);
void registerRunRoutes(http::Router &router, const ApiContext &context);
void registerScheduleRoutes(http::Router &router, const ApiContext &context);
void registerValidationRoutes(http::Router &router, const ApiContext &context);
void registerSessionRoutes(http::Router &router, const ApiContext &context);
void registerUserRoutes(http::Router &router, const ApiContext &context);
void registerDistrictRoutes(http::Router &router, const ApiContext &context);
void registerAuditRoutes(http::Router &router, const ApiContext &context);

// Records a configuration change in the audit log. Callers pass the API's masked form of a
// record; writeAudit() also replaces the value of every field named like a secret (see
// maskSecrets()). A context without a district (districtId 0) writes a row without one.
void writeAudit(const ApiContext &context, const QString &action, const QString &entity,
                qint64 entityId, const QJsonObject &before, const QJsonObject &after);

// A copy of the object in which every string or number under a secret field name (password,
// clientSecret, accountKey, sasToken, privateKey and the like), at any depth, reads
// "(masked)". Markers such as {"stored": true} stay as they are.
QJsonObject maskSecrets(const QJsonObject &object);

} // namespace hub::api
