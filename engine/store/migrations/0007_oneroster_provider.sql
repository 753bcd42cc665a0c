-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- The OneRoster provider: vendor applications with their client credentials, the bearer
-- tokens issued to them, their hourly request activity, and the gradebook and resource
-- records that the OneRoster 1.1 and 1.2 services read and write.

-- A vendor application registered by a district. The client secret is stored only as a salted
-- keyed BLAKE2b hash ("b2:<salt>:<hash>", both Base64). Scopes are a JSON array of short
-- names such as "roster-core.readonly"; an empty array grants nothing. A NULL school year
-- means every school year.
CREATE TABLE oneroster_applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    name TEXT NOT NULL,
    vendor TEXT NOT NULL DEFAULT '',
    school_year INTEGER,
    scopes TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1,
    client_id TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    secret_changed_at TEXT NOT NULL
);
CREATE INDEX oneroster_applications_district ON oneroster_applications(district_id, name);

-- An access token issued by /oauth/token, stored as the hex BLAKE2b hash of the token. Scopes
-- are the granted short names, a subset of the application's scopes at issue time.
CREATE TABLE oneroster_tokens (
    token_hash TEXT PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES oneroster_applications(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    scopes TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX oneroster_tokens_application ON oneroster_tokens(application_id);
CREATE INDEX oneroster_tokens_expiry ON oneroster_tokens(expires_at);

-- One line per application per UTC hour: the requests it sent, how many failed (status 400 or
-- above) and the response bytes it received.
CREATE TABLE oneroster_activity (
    application_id INTEGER NOT NULL REFERENCES oneroster_applications(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    hour_start TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (application_id, hour_start)
);
CREATE INDEX oneroster_activity_hour ON oneroster_activity(district_id, hour_start);

CREATE TABLE gradebook_categories (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    title TEXT NOT NULL,
    weight REAL,
    class_sourced_id TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

-- scale_values is the JSON array of {itemValueLHS, itemValueRHS} pairs as sent.
CREATE TABLE gradebook_score_scales (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    title TEXT NOT NULL,
    type TEXT,
    class_sourced_id TEXT,
    course_sourced_id TEXT,
    scale_values TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);

CREATE TABLE gradebook_line_items (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    title TEXT NOT NULL,
    description TEXT,
    assign_date TEXT,
    due_date TEXT,
    class_sourced_id TEXT,
    school_sourced_id TEXT,
    category_sourced_id TEXT,
    grading_period_sourced_id TEXT,
    score_scale_sourced_id TEXT,
    result_value_min REAL,
    result_value_max REAL,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);
CREATE INDEX gradebook_line_items_class ON gradebook_line_items(district_id, class_sourced_id);

-- A score is kept as sent, also above the line item's result_value_max.
CREATE TABLE gradebook_results (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    line_item_sourced_id TEXT NOT NULL,
    student_sourced_id TEXT NOT NULL,
    class_sourced_id TEXT,
    score_scale_sourced_id TEXT,
    score_status TEXT NOT NULL,
    score REAL,
    text_score TEXT,
    score_date TEXT,
    comment TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);
CREATE INDEX gradebook_results_line_item ON gradebook_results(district_id, line_item_sourced_id);
CREATE INDEX gradebook_results_student ON gradebook_results(district_id, student_sourced_id);

-- A learning resource; class_sourced_ids and course_sourced_ids are JSON arrays of the classes
-- and courses that use it.
CREATE TABLE oneroster_resources (
    district_id INTEGER NOT NULL REFERENCES districts(id),
    sourced_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    date_last_modified TEXT,
    title TEXT,
    roles TEXT,
    importance TEXT,
    vendor_resource_id TEXT NOT NULL,
    vendor_id TEXT,
    application_id TEXT,
    class_sourced_ids TEXT,
    course_sourced_ids TEXT,
    extensions TEXT,
    PRIMARY KEY (district_id, sourced_id)
);
