-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- API integrations: the settings of an integration's connector, and what each API run did.
--
-- integrations.connector_settings is a JSON object of the connector's plain settings (base URL,
-- client id, page limit, ...). integrations.connector_secrets holds its secret settings (client
-- secrets, API keys, passwords) as one JSON object sealed like destinations.secrets: "v1:" and
-- the Base64 of nonce and ciphertext, NULL when there is none.
-- run_phases.requests, pages and retries count the HTTP requests an API phase sent, the pages of
-- records it read or wrote, and the requests it repeated after a 429, a 5xx or a network error.
-- runs.sync_watermark is the latest dateLastModified that a successful pull loaded; the next
-- delta pull asks the provider for records modified at or after it.

ALTER TABLE integrations ADD COLUMN connector_settings TEXT;
ALTER TABLE integrations ADD COLUMN connector_secrets TEXT;
ALTER TABLE run_phases ADD COLUMN requests INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_phases ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_phases ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN sync_watermark TEXT;
