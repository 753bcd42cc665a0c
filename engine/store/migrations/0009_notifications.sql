-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Run notifications, an index for the runbook's date filters, and log lines in the runbook's
-- change feed.
--
-- notification_settings: integration_id 0 holds the district's settings (SMTP server,
-- recipients, webhook, events, daily summary); a row for an integration replaces the
-- district's events, recipients and webhook for that integration's runs. settings is a JSON
-- object without secrets; secrets is the SMTP password and webhook signing key as one JSON
-- object sealed with the secret box (as destinations.secrets), or NULL.
CREATE TABLE notification_settings (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    integration_id INTEGER NOT NULL,
    settings TEXT NOT NULL,
    secrets TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (district_id, integration_id)
);

-- One row per notification the engine decided to send. The unique key makes the decision
-- once: a retried run, a second engine node or a restart that sees the same event again finds
-- the row and sends nothing. event is failure, recovery, long-run, daily-summary or test;
-- event_key names the occurrence: the first failed run of a failure streak for failure and
-- recovery, the run id for long-run, the district-zone date for daily-summary, and a fresh
-- number for test. status is sending, sent or failed. lease_until is set by the node that is
-- sending a row, so that another node sharing the store does not send it too.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    event TEXT NOT NULL,
    event_key TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    integration_id INTEGER,
    run_id INTEGER,
    status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    lease_until TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (district_id, event, event_key, channel)
);
CREATE INDEX notifications_created ON notifications(district_id, created_at);

-- The runbook lists and counts runs by their start (the queue time until they start), newest
-- first, within a district.
CREATE INDEX runs_start ON runs(district_id, coalesce(started_at, queued_at), id);

-- A new log line changes its run for the change feed, so a live runbook shows it.
CREATE TRIGGER runs_version_on_log_insert AFTER INSERT ON run_logs
BEGIN
    UPDATE run_change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET change_version = (SELECT value FROM run_change_counter WHERE id = 1)
        WHERE id = NEW.run_id;
END;
