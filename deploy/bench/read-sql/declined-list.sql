-- GET /api/v1/coordination/declined-interventions: WorkQueueQueries.declined (first page, 101 rows) and
-- declinedCount.
SELECT case_id, commune_code, intervention_id, measure, due_date, agency_code, status_changed_at, deadline_state
FROM work_item WHERE status = 'DECLINED' ORDER BY status_changed_at, case_id, intervention_id LIMIT 101;
SELECT count(*) FROM work_item WHERE status = 'DECLINED';
