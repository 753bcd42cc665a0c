// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "engine.h"

#include "api/adminapi.h"
#include "api/uploadsession.h"
#include "catalog/catalog.h"
#include "core/logging.h"
#include "core/secretbox.h"
#include "core/timeutil.h"
#include "demo/demodistrict.h"
#include "destinations/demodestinations.h"
#include "http/httpserver.h"
#include "http/tls.h"
#include "notify/notifier.h"
#include "oneroster/provider.h"
#include "runs/runfiles.h"
#include "runs/runqueue.h"
#include "runs/workerpool.h"
#include "schedule/scheduler.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

namespace hub {

namespace {

// The id of the node that works in this data folder, made on first start and kept in
// DATA_DIR/node-id, so that a restarted engine knows its own runs.
Result<QString> readNodeId(const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("node-id")));
    if (file.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromUtf8(file.readAll()).trimmed();
        static const QRegularExpression valid(QStringLiteral("^node-[0-9a-f]{12}$"));
        if (valid.match(id).hasMatch())
            return id;
        file.close();
    }
    const QString id = QStringLiteral("node-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(id.toUtf8()) != id.size())
        return failure(QStringLiteral("Cannot write the node id to %1: %2")
                           .arg(file.fileName(), file.errorString()));
    return id;
}

} // namespace

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (!m_options.clock)
        m_options.clock = &QDateTime::currentDateTimeUtc;
}

Engine::~Engine()
{
    stop();
}

Result<quint16> Engine::start()
{
    if (m_options.dataDir.isEmpty())
        return failure(QStringLiteral("No data folder was given."));
    if (!QDir().mkpath(m_options.dataDir))
        return failure(QStringLiteral("Cannot create the data folder %1; check that its parent "
                                      "exists and that this user may write there.")
                           .arg(m_options.dataDir));
    if (!QTimeZone::isTimeZoneIdAvailable(m_options.timeZone.toUtf8()))
        return failure(QStringLiteral("Unknown time zone \"%1\"; use an IANA zone such as "
                                      "America/Detroit.")
                           .arg(m_options.timeZone));

    // A wrong certificate or key stops the start before anything else happens.
    QSslConfiguration tls;
    if (!m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty()) {
        auto loaded
            = http::loadTlsConfiguration(m_options.tlsCertificateFile, m_options.tlsKeyFile);
        if (!loaded)
            return failure(loaded.error());
        tls = *loaded;
    }

    // One engine per data folder: a second one would fail the first one's running runs as
    // orphans and break the rule that runs of one integration never overlap. QLockFile removes
    // a lock whose process has died.
    m_dataLock = std::make_unique<QLockFile>(QDir(m_options.dataDir).filePath(QStringLiteral("hubd.lock")));
    m_dataLock->setStaleLockTime(0);
    if (!m_dataLock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_dataLock->getLockInfo(&pid, &host, &application);
        const QString message = m_dataLock->error() == QLockFile::LockFailedError
                                    ? QStringLiteral("The data folder %1 is in use by another hubd "
                                                     "(process %2 on %3). Stop that engine or "
                                                     "choose another --data-dir.")
                                          .arg(m_options.dataDir)
                                          .arg(pid)
                                          .arg(host)
                                    : QStringLiteral("Cannot lock the data folder %1; check that "
                                                     "this user may write there.")
                                          .arg(m_options.dataDir);
        m_dataLock.reset();
        return failure(message);
    }
    // Work files of runs that an earlier engine did not finish are of no use to anyone.
    QDir(QDir(m_options.dataDir).filePath(QStringLiteral("work"))).removeRecursively();

    // The key that encrypts destination secrets is created on first start, before any
    // destination can be saved.
    if (auto box = SecretBox::openOrCreate(m_options.dataDir); !box)
        return failure(box.error());

    const QString database = m_options.database.isEmpty()
                                 ? QDir(m_options.dataDir).filePath(QStringLiteral("hub.sqlite"))
                                 : m_options.database;
    m_store = std::make_unique<Store>(database, m_options.databasePassword);
    // The HTTP handlers run on this thread and wait only briefly for the write lock. A long load
    // then delays a write request by seconds, not minutes, and the request gets 503.
    m_store->setShortBusyTimeoutThread(QThread::currentThread());
    m_store->setBackgroundCheckpoints(true);
    if (auto opened = m_store->open(); !opened)
        return failure(opened.error());
    if (auto synced = catalog::syncDefaultCatalog(m_store->connection()); !synced)
        return failure(synced.error());
    if (auto prepared = prepareDistrict(); !prepared)
        return failure(prepared.error());
    if (m_options.demo) {
        if (auto demo = prepareDemo(); !demo)
            return failure(demo.error());
    }

    auto nodeId = readNodeId(m_options.dataDir);
    if (!nodeId)
        return failure(nodeId.error());
    // A single SQLite engine holds every lease itself, so runs still marked running were
    // cut off when it last stopped. On PostgreSQL other nodes may hold running runs; only this
    // node's own (its id belongs to its data folder) and expired leases are failed.
    auto orphaned = m_store->isPostgres()
                        ? execute(m_store->connection(),
                                  QStringLiteral("UPDATE runs SET lease_expires_at = NULL "
                                                 "WHERE status = 1 AND worker LIKE ?"),
                                  {QVariant(*nodeId + QStringLiteral("/%"))})
                        : execute(m_store->connection(),
                                  QStringLiteral("UPDATE runs SET lease_expires_at = NULL WHERE status = 1"));
    if (!orphaned)
        return failure(orphaned.error());
    auto cutOff = runs::queue::failExpiredLeases(m_store->connection());
    if (!cutOff)
        qCWarning(lcRuns) << "Cannot fail the runs that were running when the engine stopped:"
                          << cutOff.error();
    else if (!cutOff->isEmpty())
        qCWarning(lcRuns) << "Failed" << cutOff->size()
                          << "runs that were running when the engine stopped:" << *cutOff;

    m_notifier = std::make_unique<notify::Notifier>(*m_store, m_options.dataDir, m_options.clock);
    m_workers = std::make_unique<runs::WorkerPool>(*m_store, m_options.dataDir, m_options.workers,
                                                   m_options.runLeaseSeconds);
    m_workers->setNodeId(*nodeId);
    m_workers->setOverlapBundleLoads(m_options.overlapBundleLoads);
    // Workers emit from their own threads; the notifier works on this one.
    connect(m_workers.get(), &runs::WorkerPool::runFinished, m_notifier.get(),
            &notify::Notifier::runFinished, Qt::QueuedConnection);
    m_workers->start();

    if (m_store->isPostgres()) {
        // Runs queued on another node wake this node's workers at once instead of at their
        // next poll.
        QSqlDriver *driver = m_store->connection().driver();
        if (driver->subscribeToNotification(QLatin1String(runs::queue::kRunsQueuedChannel))) {
            connect(driver, &QSqlDriver::notification, this, [this] {
                if (m_workers)
                    m_workers->wake();
            });
        } else {
            qCWarning(lcRuns) << "Cannot listen for queued runs; workers poll the queue instead";
        }
    }

    m_scheduler = std::make_unique<schedule::Scheduler>(*m_store, m_options.clock,
                                                        m_options.schedulerIntervalMs);
    m_scheduler->setStandbyCheckMs(m_options.runLeaseSeconds * 1000 / 4);
    connect(m_scheduler.get(), &schedule::Scheduler::runsQueued, this, [this] {
        if (m_workers)
            m_workers->wake();
    });

    m_server = std::make_unique<http::HttpServer>(m_options.adminToken, m_districtId);
    m_server->setLimits(m_options.httpLimits);
    if (!tls.isNull())
        m_server->setTlsConfiguration(tls);
    m_server->setAuthenticator([store = m_store.get(), clock = m_options.clock](
                                   const QByteArray &token, qint64 requestedDistrictId) {
        return accounts::authenticate(store->connection(), token, requestedDistrictId, clock());
    });
    m_server->setDistrictCheck([store = m_store.get()](qint64 districtId) {
        return accounts::districtIsActive(store->connection(), districtId);
    });
    api::ApiContext context;
    context.store = m_store.get();
    context.dataDir = m_options.dataDir;
    context.districtId = m_districtId;
    context.version = QCoreApplication::applicationVersion();
    context.wakeWorkers = [workers = m_workers.get()] { workers->wake(); };
    context.clock = m_options.clock;
    context.sessionPolicy = m_options.sessionPolicy;
    context.signInRate = m_options.signInRate;
    context.rateClockMs = m_options.rateClockMs;
    context.maxAuditExportRows = m_options.maxAuditExportRows;
    context.scheduleChanged = [scheduler = m_scheduler.get()] {
        scheduler->requestTick();
    };
    context.maxUploadBytes = m_options.maxUploadBytes;
    context.uploadExpirySeconds = m_options.uploadExpirySeconds;
    context.notificationsQueued = [notifier = m_notifier.get()] {
        QMetaObject::invokeMethod(notifier, &notify::Notifier::deliverPending, Qt::QueuedConnection);
    };
    api::registerAdminApi(m_server->router(), context);

    oneroster::ProviderOptions oneRosterOptions;
    oneRosterOptions.store = m_store.get();
    oneRosterOptions.clock = m_options.clock;
    oneRosterOptions.responseCacheBytes = m_options.oneRosterCacheBytes;
    oneRosterOptions.maxPendingTokens = m_options.oneRosterMaxPendingTokens;
    m_oneRoster = std::make_unique<oneroster::Provider>(oneRosterOptions);
    m_oneRoster->registerRoutes(m_server->router());
    // A run that loaded records changes what OneRoster collections hold, so the cached page
    // ends and counts are dropped when any run of this node ends. The slot runs on this thread,
    // where stop() destroys the provider. With the response cache on, every request also
    // checks the store version, which catches commits of other nodes and processes.
    // NOTE: with the response cache off, another node's loads reach this node's cache only
    // when its entries expire (counts after 30 s, page ends after 10 minutes).
    connect(m_workers.get(), &runs::WorkerPool::runFinished, this,
            [this] {
                if (m_oneRoster)
                    m_oneRoster->dataChanged();
            },
            Qt::QueuedConnection);
    // A request thread drops its statements before it closes the connection they belong to.
    m_server->setRequestThreads(m_options.requestThreads,
                                [provider = m_oneRoster.get(), store = m_store.get()] {
                                    provider->releaseThreadStatements();
                                    store->releaseThreadConnection();
                                });

    m_port = m_server->start(m_options.address, m_options.port);
    if (m_port == 0)
        return failure(QStringLiteral("Cannot listen on %1 port %2; is the port in use?")
                           .arg(m_options.address.toString())
                           .arg(m_options.port));

    m_scheduler->start();
    m_notifier->start();
    // Runs cut off by the last stop notify like any failure, once the notifier runs.
    if (cutOff) {
        for (const qint64 runId : std::as_const(*cutOff))
            m_notifier->runFinished(runId);
    }
    // Creating an upload also deletes expired ones; the sweep covers a quiet engine.
    removeExpiredFiles();
    m_uploadSweep.setInterval(std::chrono::hours(1));
    connect(&m_uploadSweep, &QTimer::timeout, this, &Engine::removeExpiredFiles);
    m_uploadSweep.start();
    qCInfo(lcRuns) << "Engine started on" << baseUrl().toString() << "with data in" << m_options.dataDir;
    return m_port;
}

void Engine::stop()
{
    m_uploadSweep.stop();
    if (m_scheduler) {
        m_scheduler->stop();
        m_scheduler.reset();
    }
    if (m_server) {
        m_server.reset();
        qCInfo(lcHttp) << "Stopped listening";
    }
    if (m_workers) {
        m_workers->stop();
        m_workers.reset();
    }
    // Writes the last OneRoster tokens and activity while the store is still open, and after
    // the runs have ended, so that no load holds the write lock.
    m_oneRoster.reset();
    if (m_notifier) {
        m_notifier->stop();
        m_notifier.reset();
    }
    if (m_store)
        m_store.reset();
    m_dataLock.reset();
}

QUrl Engine::baseUrl() const
{
    QUrl url;
    const bool tls = !m_options.tlsCertificateFile.isEmpty();
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

void Engine::schedulerTick()
{
    if (m_scheduler)
        m_scheduler->tick();
}

void Engine::removeExpiredFiles()
{
    const QDateTime now = m_options.clock();
    api::removeExpiredUploadSessions(m_options.dataDir, now, m_options.uploadExpirySeconds);
    runs::removeExpiredInputs(m_store->connection(), m_options.dataDir, now,
                              m_options.unloadedInputRetentionSeconds);
}

Result<void> Engine::prepareDistrict()
{
    // TODO: nodes that start together on an empty PostgreSQL database may each create a
    // district; start one node first, then the others.
    const QSqlDatabase db = m_store->connection();
    auto existing = selectValue(db, QStringLiteral("SELECT min(id) FROM districts WHERE active = 1"));
    if (!existing)
        return failure(existing.error());
    if (!existing->isNull()) {
        m_districtId = existing->toLongLong();
        return {};
    }
    const QString name = m_options.demo ? QStringLiteral("Demo Public Schools") : m_options.districtName;
    auto inserted = execute(db,
                            QStringLiteral("INSERT INTO districts(name, time_zone, created_at) "
                                           "VALUES (?, ?, ?)"),
                            {name, m_options.timeZone, nowIsoUtc()});
    if (!inserted)
        return failure(inserted.error());
    m_districtId = inserted->lastInsertId().toLongLong();
    qCInfo(lcStore) << "Created district" << m_districtId << name << "in" << m_options.timeZone;
    return {};
}

Result<void> Engine::prepareDemo()
{
    const QSqlDatabase db = m_store->connection();
    auto rosterRows = selectValue(db, QStringLiteral("SELECT count(*) FROM orgs WHERE district_id = ?"),
                                  {m_districtId});
    if (!rosterRows)
        return failure(rosterRows.error());
    if (rosterRows->toLongLong() > 0) {
        qCInfo(lcDemo) << "District" << m_districtId << "already has roster data; the demo is not loaded again";
        return {};
    }

    const QString workDir = QDir(m_options.dataDir).filePath(QStringLiteral("demo-bundle"));
    auto loaded = demo::loadDemoDistrict(db, m_districtId, workDir);
    if (!loaded)
        return failure(QStringLiteral("Cannot load the demo district: %1").arg(loaded.error()));
    qCInfo(lcDemo) << "Loaded the demo district for school year" << loaded->schoolYear << "in"
                   << loaded->elapsedMs << "ms";

    const QString outboxPath = QDir(m_options.dataDir).filePath(QStringLiteral("outbound"));
    const QString now = nowIsoUtc();
    const QJsonObject settings{{QStringLiteral("path"), outboxPath}};
    auto destination = execute(db,
                               QStringLiteral("INSERT INTO destinations(district_id, name, kind, "
                                              "settings, created_at, updated_at) "
                                              "VALUES (?, ?, 'folder', ?, ?, ?)"),
                               {m_districtId, QStringLiteral("Demo Outbound Folder"),
                                QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)),
                                now, now});
    if (!destination)
        return failure(destination.error());
    const qint64 destinationId = destination->lastInsertId().toLongLong();

    const QJsonObject schedule{
        {QStringLiteral("type"), QStringLiteral("daily")},
        {QStringLiteral("startDate"), QDate::currentDate().toString(Qt::ISODate)},
        {QStringLiteral("startTime"), QStringLiteral("02:00")},
        {QStringLiteral("repeatEvery"), 1},
        {QStringLiteral("active"), false},
    };
    const QString outputs[] = {QStringLiteral("milearn-sections"),
                               QStringLiteral("milearn-authorizations")};
    for (const QString &outputKey : outputs) {
        auto integration = execute(
            db,
            QStringLiteral("INSERT INTO integrations(district_id, product_id, output_id, "
                           "integration_type, notes, query_timeout_seconds, format, schedule, "
                           "created_at, updated_at) "
                           "SELECT ?, o.product_id, o.id, 'outbound', ?, 300, 'csv', ?, ?, ? "
                           "FROM product_outputs o WHERE o.output_key = ?"),
            {m_districtId, QStringLiteral("Demo integration: sends the file to a folder under the data folder."),
             QString::fromUtf8(QJsonDocument(schedule).toJson(QJsonDocument::Compact)), now, now,
             outputKey});
        if (!integration)
            return failure(integration.error());
        auto link = execute(db,
                            QStringLiteral("INSERT INTO integration_destinations(integration_id, "
                                           "position, destination_id, active) VALUES (?, 1, ?, 1)"),
                            {integration->lastInsertId(), destinationId});
        if (!link)
            return failure(link.error());
    }

    // The Azure demo destinations point at a local Azurite and are attached to no integration,
    // so the demo's runs succeed whether or not Azurite is running.
    auto box = SecretBox::openOrCreate(m_options.dataDir);
    if (!box)
        return failure(box.error());
    if (auto azure = destinations::addDemoAzureDestinations(db, m_districtId, *box); !azure)
        return failure(azure.error());

    auto inbound = execute(db,
                           QStringLiteral("INSERT INTO integrations(district_id, product_id, "
                                          "integration_type, notes, created_at, updated_at) "
                                          "SELECT ?, id, 'inbound', ?, ?, ? FROM products "
                                          "WHERE product_key = 'oneroster-bundle'"),
                           {m_districtId, QStringLiteral("Demo integration: upload a OneRoster bundle."),
                            now, now});
    if (!inbound)
        return failure(inbound.error());
    qCInfo(lcDemo) << "Created the demo integrations and the folder destination" << outboxPath;
    return {};
}

} // namespace hub
