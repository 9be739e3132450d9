-- Keyset paging of the registers and queues: one index per order a page is read in, each ending with the columns
-- that make the order total, so a page is an index range scan of `limit` rows whatever the size of the store (no
-- sort, no skipped rows). The read side's queries repeat these expressions exactly.

-- Risk register (sổ theo dõi nguy cơ): open cases by risk rank (HIGH 0, MEDIUM 1, LOW 2, not assessed 3), then by
-- when reported, then by case id; district-wide (and per risk level), and per commune (and risk level).
CREATE INDEX risk_register_page_idx ON risk_register
    ((CASE risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END), reported_at, case_id)
    WHERE status <> 'CLOSED';
CREATE INDEX risk_register_commune_page_idx ON risk_register
    (commune_code, (CASE risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END),
     reported_at, case_id)
    WHERE status <> 'CLOSED';

-- Overdue register (quá hạn): missed deadlines by due instant, case, deadline; all, per commune, per agency.
CREATE INDEX case_deadline_missed_page_idx ON case_deadline (due_at, case_id, deadline_id) WHERE state = 'MISSED';
CREATE INDEX case_deadline_missed_commune_idx ON case_deadline (commune_code, due_at, case_id, deadline_id)
    WHERE state = 'MISSED';
CREATE INDEX case_deadline_missed_agency_idx ON case_deadline (responsible_org_unit, due_at, case_id, deadline_id)
    WHERE state = 'MISSED' AND rule = 'INTERVENTION_DUE';
-- Its leading column served the same order; the new index serves it whole.
DROP INDEX case_deadline_missed_idx;

-- Work queues (danh sách công việc): by due date, case, intervention (read backwards for dueDate,desc); with and
-- without a status filter.
CREATE INDEX work_item_agency_page_idx ON work_item (agency_code, due_date, case_id, intervention_id);
CREATE INDEX work_item_agency_status_page_idx ON work_item (agency_code, status, due_date, case_id, intervention_id);
DROP INDEX work_item_agency_idx;

-- Declined interventions (điều phối): the longest waiting first.
CREATE INDEX work_item_declined_page_idx ON work_item (status_changed_at, case_id, intervention_id)
    WHERE status = 'DECLINED';
DROP INDEX work_item_declined_idx;
