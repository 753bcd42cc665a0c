-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- PostgreSQL variant of 0015_assessment_sessions.sql: the same columns, values and unique key.
-- PostgreSQL changes the key in place, and reads the i-Ready values of earlier rows with its
-- own JSON operators.

ALTER TABLE assessment_results ADD COLUMN completion_date TEXT NOT NULL DEFAULT '';
ALTER TABLE assessment_results ADD COLUMN duration_minutes BIGINT NOT NULL DEFAULT 0;

UPDATE assessment_results
SET completion_date = coalesce(extensions::json ->> 'Completion Date', ''),
    duration_minutes = CASE WHEN extensions::json ->> 'Duration (min)' ~ '^[0-9]{1,9}$'
                            THEN (extensions::json ->> 'Duration (min)')::BIGINT ELSE 0 END
WHERE assessment = 'i-Ready Diagnostic' AND extensions LIKE '{%}';

-- The key from 0001 carries the name PostgreSQL chose for it, so it is looked up.
DO $$
DECLARE
    old_key TEXT;
BEGIN
    SELECT conname INTO old_key FROM pg_constraint
    WHERE conrelid = 'assessment_results'::regclass AND contype = 'u';
    IF old_key IS NOT NULL THEN
        EXECUTE format('ALTER TABLE assessment_results DROP CONSTRAINT %I', old_key);
    END IF;
END
$$;

ALTER TABLE assessment_results ADD CONSTRAINT assessment_results_session_key
    UNIQUE (district_id, student_sourced_id, assessment, subject, test_date, completion_date,
            duration_minutes);
