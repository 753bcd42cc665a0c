-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- A student can sit two tests of one subject that start on the same day, such as an i-Ready
-- Diagnostic taken again after a rushed attempt. Two such sessions differ in when they ended and
-- how long they took, so completion_date and duration_minutes join the unique key. Files that
-- do not give them leave '' and 0. SQLite cannot change a table's unique key, so the table is
-- built again with every row and id kept. Rows loaded before this migration kept the i-Ready
-- values in extensions; they are copied into the new columns so that a file sent again updates
-- its rows instead of adding them twice.

CREATE TABLE assessment_results_sessions (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    student_sourced_id TEXT NOT NULL,
    school_year INTEGER NOT NULL,
    assessment TEXT NOT NULL,
    subject TEXT NOT NULL,
    test_date TEXT NOT NULL,
    scale_score REAL,
    performance_level TEXT,
    extensions TEXT,
    completion_date TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    UNIQUE (district_id, student_sourced_id, assessment, subject, test_date, completion_date,
            duration_minutes)
);

INSERT INTO assessment_results_sessions (id, district_id, student_sourced_id, school_year,
    assessment, subject, test_date, scale_score, performance_level, extensions, completion_date,
    duration_minutes)
SELECT id, district_id, student_sourced_id, school_year, assessment, subject, test_date,
    scale_score, performance_level, extensions,
    CASE WHEN assessment = 'i-Ready Diagnostic' AND json_valid(extensions)
         THEN coalesce(json_extract(extensions, '$."Completion Date"'), '') ELSE '' END,
    CASE WHEN assessment = 'i-Ready Diagnostic' AND json_valid(extensions)
              AND json_extract(extensions, '$."Duration (min)"') GLOB '[0-9]*'
              AND NOT json_extract(extensions, '$."Duration (min)"') GLOB '*[^0-9]*'
         THEN CAST(json_extract(extensions, '$."Duration (min)"') AS INTEGER) ELSE 0 END
FROM assessment_results;

DROP TABLE assessment_results;
ALTER TABLE assessment_results_sessions RENAME TO assessment_results;
CREATE INDEX assessment_results_year ON assessment_results(district_id, school_year);
