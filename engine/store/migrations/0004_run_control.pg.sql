-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- PostgreSQL variant of 0004_run_control.sql: the same columns, counter and change feed, with
-- the triggers written as PL/pgSQL functions.

ALTER TABLE runs ADD COLUMN cancel_requested BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN change_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX runs_change_version ON runs(district_id, change_version);
CREATE INDEX runs_status_trigger ON runs(district_id, status, trigger);

CREATE TABLE run_change_counter (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO run_change_counter(id, value) VALUES (1, (SELECT coalesce(max(id), 0) FROM runs));
UPDATE runs SET change_version = id;

-- The counter's row stays locked until the writing transaction commits, so versions become
-- visible in the order they were given and a reader of the feed never skips one.
CREATE FUNCTION next_run_change_version() RETURNS BIGINT LANGUAGE sql AS $$
    UPDATE run_change_counter SET value = value + 1 WHERE id = 1 RETURNING value;
$$;

-- A write to a run that does not set change_version itself takes the next version.
CREATE FUNCTION runs_version_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.change_version = OLD.change_version THEN
        NEW.change_version := next_run_change_version();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER runs_version_on_write BEFORE INSERT OR UPDATE ON runs
    FOR EACH ROW EXECUTE FUNCTION runs_version_on_write();

-- The run's row is locked before the counter's, the same order as a write to the run takes,
-- so two transactions never wait on each other in a circle.
CREATE FUNCTION runs_version_on_phase_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM runs WHERE id = NEW.run_id FOR UPDATE;
    UPDATE runs SET change_version = next_run_change_version() WHERE id = NEW.run_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER runs_version_on_phase_write AFTER INSERT OR UPDATE ON run_phases
    FOR EACH ROW EXECUTE FUNCTION runs_version_on_phase_write();
