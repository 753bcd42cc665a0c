-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Run control and the runbook's change feed. Every insert or change of a run, and every change
-- of one of its phases, gives the run the next value of a single counter, so a client asks for
-- "runs changed since version N" instead of reloading the runbook.

ALTER TABLE runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN change_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX runs_change_version ON runs(district_id, change_version);
CREATE INDEX runs_status_trigger ON runs(district_id, status, trigger);

CREATE TABLE run_change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO run_change_counter(id, value) VALUES (1, (SELECT coalesce(max(id), 0) FROM runs));
UPDATE runs SET change_version = id;

CREATE TRIGGER runs_version_on_insert AFTER INSERT ON runs
BEGIN
    UPDATE run_change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET change_version = (SELECT value FROM run_change_counter WHERE id = 1)
        WHERE id = NEW.id;
END;

CREATE TRIGGER runs_version_on_update AFTER UPDATE ON runs
WHEN NEW.change_version = OLD.change_version
BEGIN
    UPDATE run_change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET change_version = (SELECT value FROM run_change_counter WHERE id = 1)
        WHERE id = NEW.id;
END;

CREATE TRIGGER runs_version_on_phase_insert AFTER INSERT ON run_phases
BEGIN
    UPDATE run_change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET change_version = (SELECT value FROM run_change_counter WHERE id = 1)
        WHERE id = NEW.run_id;
END;

CREATE TRIGGER runs_version_on_phase_update AFTER UPDATE ON run_phases
BEGIN
    UPDATE run_change_counter SET value = value + 1 WHERE id = 1;
    UPDATE runs SET change_version = (SELECT value FROM run_change_counter WHERE id = 1)
        WHERE id = NEW.run_id;
END;
