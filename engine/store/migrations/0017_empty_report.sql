-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- What an outbound run does when its report query returns no rows.
--
-- integrations.empty_report is 'deliver' (send the header-only file and end with status 8),
-- 'skip' (send nothing and end with status 8) or 'fail' (send nothing and end with status 9, so
-- the failure notification goes out). Existing integrations keep 'deliver', which is what they
-- did before this column existed. The same text runs on SQLite and PostgreSQL.

ALTER TABLE integrations ADD COLUMN empty_report TEXT NOT NULL DEFAULT 'deliver'
    CHECK (empty_report IN ('deliver', 'skip', 'fail'));
