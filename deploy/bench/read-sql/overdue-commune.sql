-- GET /api/v1/overdue?commune={c}: DeadlineQueries.missed (first page, 101 rows)
--   and lateCounts (from the counts kept per commune, V3_13).
\set i random(1, :ncommunes)
SELECT id AS commune FROM bench_read.communes WHERE n = :i \gset
SELECT case_id, deadline_id, rule, due_at, missed_at, responsible_org_unit, intervention_id, commune_code
FROM case_deadline WHERE state = 'MISSED' AND commune_code = :commune
ORDER BY due_at, case_id, deadline_id LIMIT 101;
SELECT commune_code, agency_code, late FROM late_deadline_count WHERE commune_code = :commune;
