-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- The district's data in a OneRoster-shaped model, plus the hub's own records.
-- Times are ISO 8601 UTC text (YYYY-MM-DDTHH:MM:SS.zzzZ); dates without time are YYYY-MM-DD.
-- Every roster record belongs to a district; sourced ids are unique within a district.
-- Multi-value OneRoster fields (grades, subjects, term ids, ...) are stored as JSON arrays.
-- Columns that OneRoster does not define (extensions, metadata.*) go to the JSON object
-- in the extensions column. References between roster records are checked by the inbound
-- loader rather than by foreign keys, because real bundles point at records that another
-- system holds (a parent org, a course file marked absent).

CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'America/Detroit',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE orgs (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    identifier TEXT,
    parent_sourced_id TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

CREATE TABLE academic_sessions (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    title TEXT NOT NULL,
    type TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    parent_sourced_id TEXT,
    school_year INTEGER NOT NULL,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

CREATE TABLE courses (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    school_year_sourced_id TEXT,
    title TEXT NOT NULL,
    course_code TEXT,
    grades TEXT,
    org_sourced_id TEXT NOT NULL,
    subjects TEXT,
    subject_codes TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

CREATE TABLE classes (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    title TEXT NOT NULL,
    grades TEXT,
    course_sourced_id TEXT,
    class_code TEXT,
    class_type TEXT NOT NULL,
    location TEXT,
    school_sourced_id TEXT NOT NULL,
    term_sourced_ids TEXT NOT NULL,
    subjects TEXT,
    subject_codes TEXT,
    periods TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

CREATE TABLE users (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    enabled_user INTEGER NOT NULL DEFAULT 1,
    username TEXT,
    user_ids TEXT,
    given_name TEXT,
    family_name TEXT,
    middle_name TEXT,
    preferred_given_name TEXT,
    preferred_middle_name TEXT,
    preferred_family_name TEXT,
    pronouns TEXT,
    identifier TEXT,
    user_master_identifier TEXT,
    email TEXT,
    sms TEXT,
    phone TEXT,
    agent_sourced_ids TEXT,
    grades TEXT,
    primary_org_sourced_id TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

-- A user's role at an org. OneRoster 1.1 gives one role and a list of orgs per user; those
-- become one primary row per org. OneRoster 1.2 lists roles in roles.csv.
CREATE TABLE user_roles (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    user_sourced_id TEXT NOT NULL,
    role_type TEXT NOT NULL,
    role TEXT NOT NULL,
    org_sourced_id TEXT NOT NULL,
    user_profile_sourced_id TEXT,
    begin_date TEXT,
    end_date TEXT,
    PRIMARY KEY (district_id, sourced_id)
);
CREATE INDEX user_roles_user ON user_roles(district_id, user_sourced_id);

CREATE TABLE enrollments (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    class_sourced_id TEXT NOT NULL,
    school_sourced_id TEXT NOT NULL,
    user_sourced_id TEXT NOT NULL,
    role TEXT NOT NULL,
    is_primary INTEGER,
    begin_date TEXT,
    end_date TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);
CREATE INDEX enrollments_class ON enrollments(district_id, class_sourced_id);
CREATE INDEX enrollments_user ON enrollments(district_id, user_sourced_id);

CREATE TABLE demographics (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    birth_date TEXT,
    sex TEXT,
    american_indian_or_alaska_native INTEGER,
    asian INTEGER,
    black_or_african_american INTEGER,
    native_hawaiian_or_other_pacific_islander INTEGER,
    white INTEGER,
    two_or_more_races INTEGER,
    hispanic_or_latino_ethnicity INTEGER,
    country_of_birth_code TEXT,
    state_of_birth_abbreviation TEXT,
    city_of_birth TEXT,
    public_school_residence_status TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

-- One scored assessment attempt of a student (for example one i-Ready Diagnostic).
CREATE TABLE assessment_results (
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
    UNIQUE (district_id, student_sourced_id, assessment, subject, test_date)
);
CREATE INDEX assessment_results_year ON assessment_results(district_id, school_year);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    student_sourced_id TEXT NOT NULL,
    school_sourced_id TEXT,
    class_sourced_id TEXT,
    attendance_date TEXT NOT NULL,
    code TEXT NOT NULL,
    minutes INTEGER,
    extensions TEXT,
    UNIQUE (district_id, student_sourced_id, class_sourced_id, attendance_date)
);

-- The product catalog: the systems an integration can be made for.
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL UNIQUE,
    integration_type TEXT NOT NULL CHECK (integration_type IN ('outbound', 'inbound', 'api', 'oneroster')),
    system_type TEXT NOT NULL,
    vendor TEXT NOT NULL,
    system TEXT NOT NULL,
    -- The short name in integration titles, such as MiLEARN.
    name TEXT NOT NULL,
    description TEXT
);

CREATE TABLE product_outputs (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    output_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    output_type TEXT NOT NULL
);

CREATE TABLE destinations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('folder', 'sftp', 'azure-blob', 'https')),
    settings TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (district_id, name)
);

CREATE TABLE integrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    output_id INTEGER REFERENCES product_outputs(id),
    integration_type TEXT NOT NULL,
    -- NULL means the current school year, resolved when a run starts.
    school_year INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    query_timeout_seconds INTEGER NOT NULL DEFAULT 300,
    format TEXT NOT NULL DEFAULT 'csv',
    run_at_next_cycle INTEGER NOT NULL DEFAULT 0,
    schedule TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE integration_destinations (
    integration_id INTEGER NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    destination_id INTEGER NOT NULL REFERENCES destinations(id),
    active INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (integration_id, position)
);

-- Ids of integrations, destinations, runs and audit entries are never reused, so a run id
-- or an audit entry keeps naming one thing after deletions.
--
-- Status codes: 0 succeeded, 1 running, 2 queued, 3 cancelled, 8 succeeded with warnings,
-- 9 failed.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    integration_id INTEGER NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
    trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual', 'catch-up', 'retry')),
    status INTEGER NOT NULL CHECK (status IN (0, 1, 2, 3, 8, 9)),
    school_year INTEGER,
    input_file TEXT,
    output_file TEXT,
    message TEXT,
    retry_of INTEGER REFERENCES runs(id),
    queued_at TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    worker TEXT,
    lease_expires_at TEXT
);
CREATE INDEX runs_queue ON runs(status, id);
CREATE INDEX runs_started ON runs(district_id, queued_at);
CREATE INDEX runs_integration ON runs(integration_id, id);

CREATE TABLE run_phases (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    status INTEGER NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    rows_read INTEGER NOT NULL DEFAULT 0,
    rows_written INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0,
    UNIQUE (run_id, position)
);

CREATE TABLE run_logs (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    phase_id INTEGER REFERENCES run_phases(id) ON DELETE CASCADE,
    logged_at TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
    message TEXT NOT NULL
);
CREATE INDEX run_logs_run ON run_logs(run_id, id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER REFERENCES districts(id),
    logged_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before_json TEXT,
    after_json TEXT
);
