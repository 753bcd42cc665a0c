// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "store/store.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace hub {
class Store;
}

namespace hub::schedule {

// Returns the current instant in UTC. Tests inject one to drive time.
using Clock = std::function<QDateTime()>;

// Whether the scheduler queues runs of integrations of this type ("outbound" and "api").
// Inbound and OneRoster provider integrations get no scheduled runs.
bool runsOnSchedule(const QString &integrationType);

// Queues the runs that integrations' schedules make due.
//
// It sleeps on a single-shot timer until the earliest next occurrence, but never longer than
// maxSleepMs, so a changed wall clock is noticed. Each wake-up:
// - queues one manual run for each integration marked "run at next available cycle";
// - handles the occurrences of each schedule after its handled_through mark (table
//   schedule_state) up to now, then moves the mark to now. The mark never moves backwards,
//   so an occurrence runs at most once even when the clock is set back. Runs resume when the
//   clock passes the mark again.
//
// Occurrences no more than kOnTimeToleranceSeconds old are on time and queue one run with
// trigger "schedule" (several on time fold into one). Older ones were missed, because the
// engine was stopped or the clock jumped forward, and queue one "catch-up" run in all, unless
// the schedule sets skipCatchUp or every missed occurrence fell in a blackout window. A
// schedule seen for the first time, or changed, starts from now without a catch-up.
//
// Nothing is queued for an inactive integration or schedule, or for an integration whose
// destinations are all inactive; their occurrences pass without a record. When the
// integration already has a queued or running run, the occurrence is recorded as a cancelled
// run naming that run. On a date inside a district blackout window, the first held
// occurrence of each date is recorded as a cancelled run with the window's reason; later
// ones on that date are only logged, so a run every 15 minutes does not flood the runbook.
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    static constexpr int kOnTimeToleranceSeconds = 120;
    static constexpr int kMaxStandbyCheckMs = 5000;

    Scheduler(const Store &store, Clock clock, int maxSleepMs, QObject *parent = nullptr);

    // Handles what is due now and arms the timer.
    void start();
    void stop();
    // Handles what is due at the clock's current time and arms the timer for the next
    // occurrence. The timer calls it; tests call it after moving their clock.
    void tick();
    // Asks for a tick from the event loop, after a schedule, flag or blackout changed.
    void requestTick();

    // Whether this node runs the scheduler: always on SQLite; on PostgreSQL, the node that holds
    // the scheduler's advisory lock.
    bool isLeader() const { return m_leader || !m_store.isPostgres(); }

    // When the timer fires next; invalid when stopped.
    QDateTime nextWakeAt() const { return m_nextWakeAt; }

    // How often a node without the scheduler lock tries to take it (PostgreSQL only), from
    // 1000 to 5000 ms. The engine sets a quarter of the run lease, so a standby node takes
    // over within one lease after the holder's connection closed.
    void setStandbyCheckMs(int milliseconds);

signals:
    // Emitted after a tick queued at least one run.
    void runsQueued();

private:
    struct Candidate;

    int queueRunsAtNextCycle(const QDateTime &now);
    // Handles one integration and returns its next occurrence after now, or an invalid time.
    QDateTime handleIntegration(const Candidate &candidate, const QDateTime &now, bool &queued);
    void armTimer(const QDateTime &now, const QDateTime &nextOccurrence);
    bool holdsSchedulerLock();
    void warnOnce(qint64 integrationId, const QString &message);

    const Store &m_store;
    Clock m_clock;
    int m_maxSleepMs;
    int m_standbyCheckMs = kMaxStandbyCheckMs;
    QTimer m_timer;
    QDateTime m_nextWakeAt;
    bool m_running = false;
    bool m_leader = false;
    // Integrations already warned about, so a broken schedule is logged once, not each tick.
    QHash<qint64, QString> m_warned;
};

} // namespace hub::schedule
