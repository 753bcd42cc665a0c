-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- A counter of the times an application's tokens were revoked (deactivation or a secret
-- reset). On SQLite a token may be answered before its row is committed, so it is checked
-- against the application instead. The counter tells a token issued before a revocation from
-- one issued after, also when the application was activated again in between. The same text
-- runs on SQLite and PostgreSQL.

ALTER TABLE oneroster_applications ADD COLUMN token_revocations INTEGER NOT NULL DEFAULT 0;
