-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- People who sign in to the admin API, their roles per district, and their sessions.
-- The OneRoster table "users" holds the district's students and staff; these are the hub's
-- own accounts. Passwords are stored only as libsodium crypto_pwhash_str (Argon2id) strings;
-- session and refresh tokens only as SHA-256 hex digests.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    last_failed_at TEXT,
    locked_until TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    statewide INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- role is viewer, operator or administrator. A statewide administrator (accounts.statewide)
-- may act on every district and needs no membership row.
CREATE TABLE account_memberships (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'administrator')),
    PRIMARY KEY (account_id, district_id)
);
CREATE INDEX account_memberships_district ON account_memberships(district_id);

CREATE TABLE account_sessions (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    refresh_token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    refresh_expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX account_sessions_account ON account_sessions(account_id);
