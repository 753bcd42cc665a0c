-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- CSV output options per integration, and a change summary per outbound run.
--
-- integrations.output_options is a JSON object (delimiter, quoting, header, lineEnding,
-- byteOrderMark, formulaProtection); NULL means the defaults.
-- runs.row_count and runs.output_digest (SHA-256 of the file, hex) describe the file that the
-- run wrote. rows_added and rows_removed compare the run's data rows with those of
-- previous_run_id, the integration's previous successful run; they are NULL for the first run
-- or when the previous run's row hashes are gone.

ALTER TABLE integrations ADD COLUMN output_options TEXT;
ALTER TABLE runs ADD COLUMN row_count INTEGER;
ALTER TABLE runs ADD COLUMN output_digest TEXT;
ALTER TABLE runs ADD COLUMN rows_added INTEGER;
ALTER TABLE runs ADD COLUMN rows_removed INTEGER;
ALTER TABLE runs ADD COLUMN previous_run_id INTEGER REFERENCES runs(id);
