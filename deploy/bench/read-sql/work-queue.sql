-- GET /api/v1/agencies/{a}/work-queue: WorkQueueQueries.queue (first page, 101 rows) and queueSize.
\set i random(1, :nagencies)
SELECT id AS agency FROM bench_read.agencies WHERE n = :i \gset
SELECT case_id, commune_code, intervention_id, measure, due_date, status, assigned_at, status_changed_at,
       deadline_state
FROM work_item WHERE agency_code = :agency ORDER BY due_date, case_id, intervention_id LIMIT 101;
SELECT count(*) FROM work_item WHERE agency_code = :agency;
