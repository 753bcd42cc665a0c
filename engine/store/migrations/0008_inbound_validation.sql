-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- The validation report of inbound runs, the hold on loads that would retire many records, and
-- the districts' own file specifications.
--
-- run_validation_issues holds one row per finding of a run's Validate phase, in the order the
-- validator found them (position from 1). severity is 'error' or 'warning'; rule names the
-- check (see inbound::Issue); line 0 is about the whole file and line 1 is the header.
-- runs.hold is 'held' while a load waits for approval (the run stays queued and no worker
-- claims it), 'approved' once someone approved it, and NULL otherwise. runs.hold_reason says
-- why it was held.
-- integrations.delete_limit_percent is the share of a district's stored records of one kind
-- that a load may mark tobedeleted before it is held; NULL means 10.
-- file_specs holds a district's own file specifications for assessment and attendance files:
-- copies of a built-in specification (based_on names it) with a changed column mapping.
-- definition is the specification as JSON, in the layout of resources/catalog/filespecs.json.
-- integrations.file_spec names the specification an inbound integration reads its files with;
-- NULL picks the built-in one whose columns the file's header has.

CREATE TABLE run_validation_issues (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    rule TEXT NOT NULL,
    file TEXT NOT NULL DEFAULT '',
    line INTEGER NOT NULL DEFAULT 0,
    column_name TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL,
    UNIQUE (run_id, position)
);
CREATE INDEX run_validation_issues_filter ON run_validation_issues(run_id, severity, file);

ALTER TABLE runs ADD COLUMN hold TEXT CHECK (hold IN ('held', 'approved'));
ALTER TABLE runs ADD COLUMN hold_reason TEXT;
ALTER TABLE integrations ADD COLUMN delete_limit_percent INTEGER
    CHECK (delete_limit_percent BETWEEN 0 AND 100);

CREATE TABLE file_specs (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    spec_key TEXT NOT NULL,
    based_on TEXT,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (district_id, spec_key)
);
ALTER TABLE integrations ADD COLUMN file_spec TEXT;
