-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0

-- What the scheduler has done for each integration's schedule, so that a restart does not
-- queue an occurrence twice and a clock that jumps does not fire a burst of runs.
-- schedule: the schedule JSON these values belong to; a changed schedule starts afresh.
-- handled_through: every occurrence up to this UTC instant was queued, skipped, held or
--   folded into a catch-up run. It never moves backwards, so a clock set back cannot
--   repeat an occurrence.
-- last_occurrence_at: the occurrence that the latest queued, skipped or held run represents
--   (for a catch-up run, the first missed occurrence).
-- held_on: the district-zone date of the last run recorded as held by a blackout window.
CREATE TABLE schedule_state (
    integration_id INTEGER PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,
    schedule TEXT NOT NULL,
    handled_through TEXT NOT NULL,
    last_occurrence_at TEXT,
    held_on TEXT,
    updated_at TEXT NOT NULL
);

-- Dates, in the district's zone, on which scheduled runs are held (a winter break, a state
-- testing window). Both ends are included.
CREATE TABLE blackout_windows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX blackout_windows_district ON blackout_windows(district_id, starts_on);

-- The occurrence (UTC) that a scheduled or catch-up run represents (for a catch-up run, the
-- first missed one); NULL for other triggers.
ALTER TABLE runs ADD COLUMN scheduled_for TEXT;
