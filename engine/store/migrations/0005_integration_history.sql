-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Deleting an integration keeps its runs: the runbook is the district's record of what was
-- sent and loaded. A deleted integration is hidden from lists and runs no more.

ALTER TABLE integrations ADD COLUMN deleted_at TEXT;
