// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "scheduler.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "runs/runqueue.h"
#include "runs/runstatus.h"
#include "schedule/blackouts.h"
#include "schedule/occurrences.h"
#include "schedule/schedule.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace hub::schedule {

// An integration with a schedule and what the scheduler has done for it so far.
struct Scheduler::Candidate
{
    qint64 integrationId = 0;
    qint64 districtId = 0;
    bool integrationActive = true;
    QString scheduleText;
    QString timeZone;
    int destinations = 0;
    int activeDestinations = 0;
    bool tracked = false;
    QString trackedSchedule;
    QDateTime handledThrough;
    QString heldOn;
};

namespace {

// The key of the advisory lock that the node running the scheduler holds ("hubs").
constexpr qint64 kSchedulerLockKey = 0x68756273;

// The most missed occurrences one tick counts; a longer outage is reported as "or more".
constexpr int kMaxMissedCounted = 1000;
constexpr int kBatchSize = 100;
// The shortest sleep, so that a tick that could not handle a due occurrence (a busy database)
// does not spin.
constexpr int kMinSleepMs = 1000;

// The SQL list of the types that runsOnSchedule() accepts.
const QString kSchedulableTypes = QStringLiteral("'outbound', 'api'");

QString localText(const QDateTime &instant, const QTimeZone &zone)
{
    return instant.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm "))
           + zone.abbreviation(instant);
}

QDateTime nextAfter(const Schedule &schedule, const QTimeZone &zone, const QDateTime &after)
{
    const QList<Occurrence> next = nextOccurrences(schedule, zone, after, 1);
    return next.isEmpty() ? QDateTime() : next.first().at;
}

struct DueOccurrences
{
    // At most kOnTimeToleranceSeconds old, oldest first.
    QList<Occurrence> onTime;
    // Older, oldest first, at most kMaxMissedCounted of them.
    QList<Occurrence> missed;
    bool moreMissed = false;
};

// The occurrences after `after` up to `now`, split into on-time and missed ones.
DueOccurrences dueOccurrences(const Schedule &schedule, const QTimeZone &zone,
                              const QDateTime &after, const QDateTime &now)
{
    DueOccurrences due;
    const QDateTime onTimeFrom = now.addSecs(-Scheduler::kOnTimeToleranceSeconds);

    QDateTime cursor = after;
    while (cursor < onTimeFrom && !due.moreMissed) {
        const QList<Occurrence> batch = nextOccurrences(schedule, zone, cursor, kBatchSize);
        for (const Occurrence &occurrence : batch) {
            if (occurrence.at >= onTimeFrom)
                break;
            if (due.missed.size() == kMaxMissedCounted) {
                due.moreMissed = true;
                break;
            }
            due.missed.append(occurrence);
        }
        if (batch.size() < kBatchSize || batch.last().at >= onTimeFrom)
            break;
        cursor = batch.last().at;
    }

    const QDateTime onTimeAfter = qMax(after, onTimeFrom.addMSecs(-1));
    const QList<Occurrence> recent = nextOccurrences(schedule, zone, onTimeAfter, kBatchSize);
    for (const Occurrence &occurrence : recent) {
        if (occurrence.at > now)
            break;
        due.onTime.append(occurrence);
    }
    return due;
}

QString catchUpText(const DueOccurrences &due, const QTimeZone &zone)
{
    const QString first = localText(due.missed.first().at, zone);
    if (due.missed.size() == 1)
        return QStringLiteral("Catch-up for the run scheduled for %1, missed while the engine was "
                              "stopped or its clock moved.")
            .arg(first);
    const QString count = due.moreMissed ? QStringLiteral("%1 or more").arg(due.missed.size())
                                         : QString::number(due.missed.size());
    return QStringLiteral("Catch-up for %1 missed runs from %2 to %3, missed while the engine was "
                          "stopped or its clock moved.")
        .arg(count, first, localText(due.missed.last().at, zone));
}

// The store writes of one integration's due occurrences, made in one transaction.
class DueHandler
{
public:
    DueHandler(QSqlDatabase db, qint64 integrationId, const QTimeZone &zone, const QDateTime &now)
        : m_db(std::move(db))
        , m_integrationId(integrationId)
        , m_zone(zone)
        , m_now(now)
    {}

    // Queues a run for the occurrence, or records why it cannot run: a blackout window on
    // heldDate or a run of the integration that is still queued or running.
    Result<void> place(const QString &trigger, const Occurrence &occurrence, const QDate &heldDate,
                       const BlackoutWindow *window, const QString &logLine);

    bool queued = false;
    QDateTime lastOccurrence;
    QString heldOn;

private:
    runs::RunRequest request(const QString &trigger, const Occurrence &occurrence) const;

    QSqlDatabase m_db;
    qint64 m_integrationId;
    QTimeZone m_zone;
    QDateTime m_now;
};

runs::RunRequest DueHandler::request(const QString &trigger, const Occurrence &occurrence) const
{
    runs::RunRequest request;
    request.integrationId = m_integrationId;
    request.trigger = trigger;
    request.scheduledFor = occurrence.at;
    request.queuedAt = m_now;
    return request;
}

Result<void> DueHandler::place(const QString &trigger, const Occurrence &occurrence,
                               const QDate &heldDate, const BlackoutWindow *window,
                               const QString &logLine)
{
    lastOccurrence = occurrence.at;
    const QString when = localText(occurrence.at, m_zone);

    if (window) {
        const QString date = heldDate.toString(Qt::ISODate);
        if (heldOn == date) {
            qCInfo(lcScheduler) << "Held the" << trigger << "run of integration" << m_integrationId
                                << "for" << when << "by blackout window" << window->id
                                << "(already recorded for" << date << ")";
            return {};
        }
        const QString message = QStringLiteral("Held by blackout window: %1 (%2 to %3). Later "
                                               "scheduled runs on %4 are held without another "
                                               "entry.")
                                    .arg(window->reason, window->startsOn.toString(Qt::ISODate),
                                         window->endsOn.toString(Qt::ISODate), date);
        auto runId = runs::queue::recordCancelled(m_db, request(trigger, occurrence), message);
        if (!runId)
            return failure(runId.error());
        heldOn = date;
        qCInfo(lcScheduler) << "Held the" << trigger << "run of integration" << m_integrationId
                            << "for" << when << "as cancelled run" << *runId << "by blackout window"
                            << window->id;
        return {};
    }

    auto active = execute(m_db,
                          QStringLiteral("SELECT id, status FROM runs WHERE integration_id = ? "
                                         "AND status IN (?, ?) ORDER BY id LIMIT 1"),
                          {m_integrationId, int(RunStatus::Running), int(RunStatus::Queued)});
    if (!active)
        return failure(active.error());
    if (active->next()) {
        const qint64 blockingRun = active->value(0).toLongLong();
        const bool running = active->value(1).toInt() == int(RunStatus::Running);
        active->finish();
        const QString message
            = QStringLiteral("Skipped the run scheduled for %1 because run %2 "
                             "of this integration was still %3.")
                  .arg(when)
                  .arg(blockingRun)
                  .arg(running ? QStringLiteral("running") : QStringLiteral("queued"));
        auto runId = runs::queue::recordCancelled(m_db, request(trigger, occurrence), message);
        if (!runId)
            return failure(runId.error());
        qCInfo(lcScheduler) << "Skipped the" << trigger << "run of integration" << m_integrationId
                            << "for" << when << "as cancelled run" << *runId << "because run"
                            << blockingRun << "was still active";
        return {};
    }

    auto runId = runs::queue::enqueue(m_db, request(trigger, occurrence));
    if (!runId)
        return failure(runId.error());
    auto logged = execute(m_db,
                          QStringLiteral("INSERT INTO run_logs(run_id, logged_at, level, message) "
                                         "VALUES (?, ?, 'info', ?)"),
                          {*runId, toIsoUtc(m_now), logLine});
    if (!logged)
        return failure(logged.error());
    queued = true;
    qCInfo(lcScheduler) << "Queued" << trigger << "run" << *runId << "of integration"
                        << m_integrationId << "for" << when;
    return {};
}

} // namespace

bool runsOnSchedule(const QString &integrationType)
{
    return integrationType == QLatin1String("outbound") || integrationType == QLatin1String("api");
}

Scheduler::Scheduler(const Store &store, Clock clock, int maxSleepMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_maxSleepMs(qMax(kMinSleepMs, maxSleepMs))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
}

void Scheduler::start()
{
    m_running = true;
    qCInfo(lcScheduler) << "Scheduler started; it sleeps at most" << m_maxSleepMs << "ms";
    tick();
}

void Scheduler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_nextWakeAt = {};
    qCInfo(lcScheduler) << "Scheduler stopped";
}

void Scheduler::setStandbyCheckMs(int milliseconds)
{
    m_standbyCheckMs = qBound(kMinSleepMs, milliseconds, kMaxStandbyCheckMs);
}

void Scheduler::requestTick()
{
    QMetaObject::invokeMethod(this, &Scheduler::tick, Qt::QueuedConnection);
}

bool Scheduler::holdsSchedulerLock()
{
    if (!m_store.isPostgres() || m_leader)
        return true;
    // A session-level advisory lock: PostgreSQL releases it when this node's connection ends,
    // so a standby node takes it over at its next check after the holder died.
    auto locked = selectValue(m_store.connection(), QStringLiteral("SELECT pg_try_advisory_lock(?)"),
                              {kSchedulerLockKey});
    if (!locked) {
        qCWarning(lcScheduler) << "Cannot ask for the scheduler lock:" << locked.error();
        return false;
    }
    m_leader = locked->toBool();
    if (m_leader)
        qCInfo(lcScheduler) << "This node took the scheduler lock and runs the scheduler";
    return m_leader;
}

void Scheduler::tick()
{
    const QDateTime now = m_clock().toUTC();
    const QSqlDatabase db = m_store.connection();
    if (!holdsSchedulerLock()) {
        qCDebug(lcScheduler) << "Another node runs the scheduler; checking again in"
                             << m_standbyCheckMs << "ms";
        armTimer(now, now.addMSecs(m_standbyCheckMs));
        return;
    }
    bool queued = queueRunsAtNextCycle(now) > 0;

    auto query = execute(
        db, QStringLiteral("SELECT i.id, i.district_id, i.active, i.schedule, d.time_zone, "
                           "(SELECT count(*) FROM integration_destinations l "
                           " WHERE l.integration_id = i.id), "
                           "(SELECT count(*) FROM integration_destinations l "
                           " WHERE l.integration_id = i.id AND l.active = 1), "
                           "s.integration_id IS NOT NULL, s.schedule, s.handled_through, s.held_on "
                           "FROM integrations i JOIN districts d ON d.id = i.district_id "
                           "LEFT JOIN schedule_state s ON s.integration_id = i.id "
                           "WHERE i.schedule IS NOT NULL AND d.active = 1 "
                           "AND i.integration_type IN (%1) ORDER BY i.id")
                .arg(kSchedulableTypes));
    QDateTime earliest;
    if (!query) {
        qCWarning(lcScheduler) << "Cannot read the schedules:" << query.error();
    } else {
        QList<Candidate> candidates;
        while (query->next()) {
            Candidate candidate;
            candidate.integrationId = query->value(0).toLongLong();
            candidate.districtId = query->value(1).toLongLong();
            candidate.integrationActive = query->value(2).toBool();
            candidate.scheduleText = query->value(3).toString();
            candidate.timeZone = query->value(4).toString();
            candidate.destinations = query->value(5).toInt();
            candidate.activeDestinations = query->value(6).toInt();
            candidate.tracked = query->value(7).toBool();
            candidate.trackedSchedule = query->value(8).toString();
            candidate.handledThrough = fromIsoUtc(query->value(9).toString());
            candidate.heldOn = query->value(10).toString();
            candidates.append(candidate);
        }
        query->finish();
        for (const Candidate &candidate : std::as_const(candidates)) {
            const QDateTime next = handleIntegration(candidate, now, queued);
            if (next.isValid() && (!earliest.isValid() || next < earliest))
                earliest = next;
        }
    }

    if (queued)
        emit runsQueued();
    armTimer(now, earliest);
}

int Scheduler::queueRunsAtNextCycle(const QDateTime &now)
{
    const QSqlDatabase db = m_store.connection();
    auto due = execute(db, QStringLiteral("SELECT id FROM integrations WHERE active = 1 AND "
                                          "run_at_next_cycle = 1 AND integration_type IN (%1)")
                               .arg(kSchedulableTypes));
    if (!due) {
        qCWarning(lcScheduler) << "Cannot read integrations to run at the next cycle:"
                               << due.error();
        return 0;
    }
    QList<qint64> ids;
    while (due->next())
        ids.append(due->value(0).toLongLong());
    due->finish();

    int queued = 0;
    for (qint64 id : std::as_const(ids)) {
        Transaction transaction(db);
        runs::RunRequest request;
        request.integrationId = id;
        request.trigger = QStringLiteral("manual");
        request.queuedAt = now;
        auto runId = runs::queue::enqueue(db, request);
        auto cleared = execute(db,
                               QStringLiteral("UPDATE integrations SET run_at_next_cycle = 0 "
                                              "WHERE id = ?"),
                               {id});
        if (!runId || !cleared) {
            qCWarning(lcScheduler) << "Cannot queue a run of integration" << id << "at the next "
                                   << "cycle:" << (runId ? cleared.error() : runId.error());
            continue;
        }
        if (auto committed = transaction.commit(); !committed) {
            qCWarning(lcScheduler) << "Cannot queue a run of integration" << id << "at the next "
                                   << "cycle:" << committed.error();
            continue;
        }
        ++queued;
        qCInfo(lcScheduler) << "Queued run" << *runId << "of integration" << id
                            << "at the next available cycle";
    }
    return queued;
}

QDateTime Scheduler::handleIntegration(const Candidate &candidate, const QDateTime &now,
                                       bool &queued)
{
    const qint64 id = candidate.integrationId;
    auto parsed = parseSchedule(QJsonDocument::fromJson(candidate.scheduleText.toUtf8()).object());
    if (!parsed) {
        warnOnce(id, parsed.error());
        return {};
    }
    const QTimeZone zone(candidate.timeZone.toUtf8());
    if (!zone.isValid()) {
        warnOnce(id, QStringLiteral("The district's time zone \"%1\" is not a known IANA zone.")
                         .arg(candidate.timeZone));
        return {};
    }
    const Schedule &schedule = *parsed;
    const QSqlDatabase db = m_store.connection();

    if (!candidate.tracked || candidate.trackedSchedule != candidate.scheduleText) {
        auto saved = execute(db,
                             QStringLiteral("INSERT INTO schedule_state(integration_id, schedule, "
                                            "handled_through, updated_at) VALUES (?, ?, ?, ?) "
                                            "ON CONFLICT (integration_id) DO UPDATE SET "
                                            "schedule = excluded.schedule, "
                                            "handled_through = excluded.handled_through, "
                                            "last_occurrence_at = NULL, held_on = NULL, "
                                            "updated_at = excluded.updated_at"),
                             {id, candidate.scheduleText, toIsoUtc(now), toIsoUtc(now)});
        if (!saved) {
            qCWarning(lcScheduler)
                << "Cannot record the schedule of integration" << id << saved.error();
            return {};
        }
        qCInfo(lcScheduler) << "Following the schedule of integration" << id << "from"
                            << toIsoUtc(now);
        m_warned.remove(id);
        return nextAfter(schedule, zone, now);
    }

    if (candidate.handledThrough > now.addSecs(kOnTimeToleranceSeconds)) {
        warnOnce(id, QStringLiteral("The clock is before the time this schedule was last "
                                    "handled (%1), so it was set back; its runs resume after "
                                    "that time.")
                         .arg(toIsoUtc(candidate.handledThrough)));
        return nextAfter(schedule, zone, candidate.handledThrough);
    }
    m_warned.remove(id);

    const DueOccurrences due = dueOccurrences(schedule, zone, candidate.handledThrough, now);
    if (due.onTime.isEmpty() && due.missed.isEmpty())
        return nextAfter(schedule, zone, candidate.handledThrough);

    Transaction transaction(db);
    DueHandler handler(db, id, zone, now);
    handler.heldOn = candidate.heldOn;
    QList<BlackoutWindow> blackouts;
    if (auto loaded = loadBlackouts(db, candidate.districtId); loaded)
        blackouts = *loaded;
    else
        qCWarning(lcScheduler) << "Cannot read the blackout windows:" << loaded.error();

    const bool eligible = candidate.integrationActive && schedule.active
                          && (candidate.destinations == 0 || candidate.activeDestinations > 0);
    Result<void> placed;
    if (!eligible) {
        qCInfo(lcScheduler) << "Integration" << id << "is inactive or has no active destination;"
                            << "passed" << due.onTime.size() + due.missed.size()
                            << "scheduled times without a run";
    } else if (!due.onTime.isEmpty()) {
        // Missed occurrences before an on-time one are covered by its run.
        const Occurrence &occurrence = due.onTime.last();
        const QDate date = occurrence.at.toTimeZone(zone).date();
        QString logLine
            = QStringLiteral("Queued by the schedule for %1.").arg(localText(occurrence.at, zone));
        if (!occurrence.note.isEmpty())
            logLine += QLatin1Char(' ') + occurrence.note;
        placed = handler.place(QStringLiteral("schedule"), occurrence, date,
                               blackoutOn(blackouts, date), logLine);
    } else if (schedule.skipCatchUp) {
        qCInfo(lcScheduler) << "Integration" << id << "missed" << due.missed.size()
                            << "scheduled times; it skips catch-up runs, so none is queued";
    } else {
        const bool anyOutsideBlackout
            = due.moreMissed
              || std::any_of(
                  due.missed.cbegin(), due.missed.cend(), [&](const Occurrence &occurrence) {
                      return !blackoutOn(blackouts, occurrence.at.toTimeZone(zone).date());
                  });
        if (anyOutsideBlackout) {
            const QDate today = now.toTimeZone(zone).date();
            placed = handler.place(QStringLiteral("catch-up"), due.missed.first(), today,
                                   blackoutOn(blackouts, today), catchUpText(due, zone));
        } else {
            qCInfo(lcScheduler) << "Integration" << id << "missed" << due.missed.size()
                                << "scheduled times, all in blackout windows; no catch-up run";
        }
    }
    if (!placed) {
        qCWarning(lcScheduler) << "Cannot queue the scheduled run of integration" << id
                               << placed.error();
        return nextAfter(schedule, zone, candidate.handledThrough);
    }

    auto saved = execute(
        db,
        QStringLiteral("UPDATE schedule_state SET handled_through = ?, "
                       "last_occurrence_at = coalesce(?, last_occurrence_at), "
                       "held_on = ?, updated_at = ? WHERE integration_id = ?"),
        {toIsoUtc(now),
         handler.lastOccurrence.isValid() ? QVariant(toIsoUtc(handler.lastOccurrence)) : QVariant(),
         handler.heldOn.isEmpty() ? QVariant() : QVariant(handler.heldOn), toIsoUtc(now), id});
    Result<void> committed = saved ? transaction.commit() : Result<void>(failure(saved.error()));
    if (!committed) {
        qCWarning(lcScheduler) << "Cannot record the schedule of integration" << id
                               << committed.error();
        return nextAfter(schedule, zone, candidate.handledThrough);
    }
    queued = queued || handler.queued;
    return nextAfter(schedule, zone, now);
}

void Scheduler::armTimer(const QDateTime &now, const QDateTime &nextOccurrence)
{
    if (!m_running)
        return;
    qint64 sleepMs = m_maxSleepMs;
    if (nextOccurrence.isValid())
        sleepMs = qBound(qint64(kMinSleepMs), now.msecsTo(nextOccurrence), qint64(m_maxSleepMs));
    m_nextWakeAt = now.addMSecs(sleepMs);
    m_timer.start(int(sleepMs));
}

void Scheduler::warnOnce(qint64 integrationId, const QString &message)
{
    if (m_warned.value(integrationId) == message)
        return;
    m_warned.insert(integrationId, message);
    qCWarning(lcScheduler) << "Integration" << integrationId << message;
}

} // namespace hub::schedule
