-- SPDX-FileCopyrightText: 2026 Hubdesk contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Indexes for the audit log listing: a district's entries newest first, and the sign-ins of
-- the accounts of a district (entity 'session', entity_id = the account id).

CREATE INDEX audit_log_district ON audit_log(district_id, id);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
