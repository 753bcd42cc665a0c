-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- GET /api/v1/runs returns maxId, the district's highest run id, so that later pages of a
-- listing leave out runs that arrived after its first page. Without this index the district's
-- maximum reads every entry of the district in runs_start or runs_started; with it, the
-- maximum is the last entry of the district's range.

CREATE INDEX runs_district_id ON runs(district_id, id);
