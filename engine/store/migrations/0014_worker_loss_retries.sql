-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Automatic retries of runs whose worker stopped before they finished.
--
-- integrations.worker_loss_retries is how many times in a row a run of the integration is
-- queued again after its worker's lease expired (its node died or was stopped). 0 turns the
-- retries off.
-- runs.worker_loss_retry is 0 for a run queued any other way, and n for the nth automatic
-- retry in a chain of runs that each lost their worker.

ALTER TABLE integrations ADD COLUMN worker_loss_retries INTEGER NOT NULL DEFAULT 1;
ALTER TABLE runs ADD COLUMN worker_loss_retry INTEGER NOT NULL DEFAULT 0;
