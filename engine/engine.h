// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "accounts/sessions.h"
#include "core/result.h"
#include "http/limits.h"
#include "http/ratelimiter.h"
#include "runs/runfiles.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QLockFile;

namespace hub {

class Store;
namespace http {
class HttpServer;
}
namespace oneroster {
class Provider;
}
namespace runs {
class WorkerPool;
}
namespace schedule {
class Scheduler;
}
namespace notify {
class Notifier;
}

struct EngineOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    QString dataDir;
    // The store: empty for DATA_DIR/hub.sqlite, or a URL postgresql://user@host:port/name
    // without a password. Several engines may share one PostgreSQL database.
    QString database;
    // The PostgreSQL password; when empty, libpq reads PGPASSWORD or ~/.pgpass.
    QString databasePassword;
    QByteArray adminToken;
    bool demo = false;
    int workers = 2;
    // Threads that serve OneRoster reads, several at once; 0 serves them on the HTTP server's
    // thread with every other request.
    int requestThreads = QThread::idealThreadCount();
    // The byte budget of the OneRoster response cache; 0 turns it off.
    qint64 oneRosterCacheBytes = 256LL * 1024 * 1024;
    // On SQLite, the issued OneRoster tokens that may wait for the write lock at once; the
    // token endpoint returns 503 while this many wait.
    int oneRosterMaxPendingTokens = 10000;
    // Whether a OneRoster bundle on SQLite is validated on a second thread while its load
    // stores the rows validated so far. Loads finish sooner, but the store's write lock is held
    // from the first validated rows until the commit, so every other write of every district
    // waits (and the HTTP thread's writes fail after their busy timeout) for the whole run.
    bool overlapBundleLoads = false;
    // How long a claimed run's lease lasts; a run whose node stops renewing it fails this long
    // after the last renewal.
    int runLeaseSeconds = 60;
    // The maximum time the scheduler sleeps between checks, so that a changed wall clock is
    // noticed. It wakes earlier for a due occurrence.
    int schedulerIntervalMs = 60000;
    // Returns the current UTC time for the scheduler and the schedule routes; the system clock
    // when empty. Tests inject one to drive time.
    std::function<QDateTime()> clock;
    QString districtName = QStringLiteral("My District");
    QString timeZone = QStringLiteral("America/Detroit");
    // Limits of the HTTP layer, the upload size, and TLS: both files or none.
    http::Limits httpLimits;
    qint64 maxUploadBytes = 512LL * 1024 * 1024;
    // A chunked upload that receives no chunk for this long is deleted with its bytes.
    qint64 uploadExpirySeconds = 24 * 60 * 60;
    // How long the uploaded file of an inbound run that did not load is kept after the run ends.
    qint64 unloadedInputRetentionSeconds = runs::kUnloadedInputRetentionDays * 24 * 60 * 60;
    QString tlsCertificateFile;
    QString tlsKeyFile;
    // Token lifetimes and the delays and lockout after repeated failed sign-ins.
    accounts::SessionPolicy sessionPolicy;
    // Requests per peer address to sign-in and token refresh, and the monotonic millisecond
    // clock of that limit (a steady clock when empty; tests inject one).
    http::RateLimiter::Policy signInRate{30, 0.5};
    std::function<qint64()> rateClockMs;
    // The maximum number of rows in one audit CSV export.
    qint64 maxAuditExportRows = 100000;
};

// hubd's parts put together: the store, the catalog, the worker pool, the scheduler and the
// HTTP server with the admin API.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(EngineOptions options, QObject *parent = nullptr);
    ~Engine() override;

    // Opens the store, prepares the district (and the demo when asked), starts the workers and
    // listens. Returns the port.
    Result<quint16> start();
    // Stops listening and waits for running runs to finish.
    void stop();

    QUrl baseUrl() const;
    qint64 districtId() const { return m_districtId; }
    const Store &store() const { return *m_store; }
    runs::WorkerPool &workers() { return *m_workers; }
    schedule::Scheduler &scheduler() { return *m_scheduler; }
    oneroster::Provider &oneRoster() { return *m_oneRoster; }
    notify::Notifier &notifier() { return *m_notifier; }

    // Queues the runs that are due at the clock's current time.
    void schedulerTick();
    // Deletes expired chunked uploads and the uploaded files of inbound runs that are no longer
    // kept (see runs::removeExpiredInputs). A timer calls it every hour.
    void removeExpiredFiles();

private:
    Result<void> prepareDistrict();
    Result<void> prepareDemo();

    EngineOptions m_options;
    std::unique_ptr<QLockFile> m_dataLock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<runs::WorkerPool> m_workers;
    std::unique_ptr<schedule::Scheduler> m_scheduler;
    // Declared before the server, whose routes call it, so that it is destroyed after it.
    std::unique_ptr<oneroster::Provider> m_oneRoster;
    std::unique_ptr<notify::Notifier> m_notifier;
    std::unique_ptr<http::HttpServer> m_server;
    qint64 m_districtId = 0;
    quint16 m_port = 0;
    // Calls removeExpiredFiles().
    QTimer m_uploadSweep;
};

} // namespace hub
