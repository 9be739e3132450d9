-- Keyset paging of the audit trail, the access log and the break-the-glass grants (as V3_10 did for the registers
-- and queues): one index per filter a page is read by, each ending with the whole sort key, so a page is an index
-- range scan of `limit` rows whatever the size of the trail. The read side's queries repeat these expressions
-- exactly.

-- Audit trail (nhật ký liên ngành): by the instant recorded, then the event's position in the store (an entry
-- applied without one, by a retry of a parked event, sorts after those recorded at the same instant, as before),
-- then the event id. Each replaces the index of V3_2 that served the same filter by recorded_at alone.
CREATE INDEX audit_entry_page_idx ON audit_entry
    (recorded_at, (COALESCE(global_index, 9223372036854775807)), event_id);
CREATE INDEX audit_entry_case_page_idx ON audit_entry
    (case_id, recorded_at, (COALESCE(global_index, 9223372036854775807)), event_id);
CREATE INDEX audit_entry_agency_page_idx ON audit_entry
    (agency_code, recorded_at, (COALESCE(global_index, 9223372036854775807)), event_id);
CREATE INDEX audit_entry_org_unit_page_idx ON audit_entry
    (org_unit, recorded_at, (COALESCE(global_index, 9223372036854775807)), event_id);
CREATE INDEX audit_entry_user_page_idx ON audit_entry
    (user_id, recorded_at, (COALESCE(global_index, 9223372036854775807)), event_id);
CREATE INDEX audit_entry_action_page_idx ON audit_entry
    (action, recorded_at, (COALESCE(global_index, 9223372036854775807)), event_id);
DROP INDEX audit_entry_order_idx;
DROP INDEX audit_entry_case_idx;
DROP INDEX audit_entry_agency_idx;
DROP INDEX audit_entry_org_unit_idx;
DROP INDEX audit_entry_user_idx;
DROP INDEX audit_entry_action_idx;

-- Access log (nhật ký truy cập): by the instant read, then the entry id; all (access_log_order_idx of V3_3 already
-- serves it), per case, per user.
CREATE INDEX access_log_case_page_idx ON access_log (case_id, accessed_at, entry_id);
CREATE INDEX access_log_user_page_idx ON access_log (user_id, accessed_at, entry_id);
DROP INDEX access_log_case_idx;
DROP INDEX access_log_user_idx;

-- Break-the-glass grants: by the instant granted, then the grant id; all, and those waiting for review.
CREATE INDEX break_the_glass_grant_page_idx ON break_the_glass_grant (granted_at, grant_id);
CREATE INDEX break_the_glass_grant_flagged_page_idx ON break_the_glass_grant (granted_at, grant_id) WHERE flagged;
DROP INDEX break_the_glass_grant_flagged_idx;

-- The counts of a register's first page (total, countsByCommune, countsByAgency) read these indexes alone
-- (index-only scans): the rows themselves are not visited, so a count walks one narrow index entry per open case or
-- late deadline. Its cost still grows with what it counts; see query-side/README.md, "What a first page costs".
CREATE INDEX risk_register_count_idx ON risk_register (commune_code, risk_level) WHERE status <> 'CLOSED';
CREATE INDEX case_deadline_late_count_idx ON case_deadline (commune_code, rule, responsible_org_unit)
    WHERE state = 'MISSED';
