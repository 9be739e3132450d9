-- GET /api/v1/audit-trail?agency={a}&limit=50: AuditTrailQueries.page with an agency (51 rows from each of the two
-- columns' indexes, the first 51 of both).
\set i random(1, :nagencies)
SELECT id AS agency FROM bench_read.agencies WHERE n = :i \gset
SELECT event_id, case_id, sequence_number, action, recorded_at, occurred_at, user_id, org_unit, role, agency_code,
       intervention_id, deadline_rule, summary, position
FROM ((SELECT event_id, case_id, sequence_number, action, recorded_at, occurred_at, user_id, org_unit, role,
              agency_code, intervention_id, deadline_rule, summary,
              COALESCE(global_index, 9223372036854775807) AS position
       FROM audit_entry WHERE agency_code = :agency
       ORDER BY recorded_at, COALESCE(global_index, 9223372036854775807), event_id LIMIT 51)
      UNION
      (SELECT event_id, case_id, sequence_number, action, recorded_at, occurred_at, user_id, org_unit, role,
              agency_code, intervention_id, deadline_rule, summary,
              COALESCE(global_index, 9223372036854775807) AS position
       FROM audit_entry WHERE org_unit = :agency
       ORDER BY recorded_at, COALESCE(global_index, 9223372036854775807), event_id LIMIT 51)) page
ORDER BY recorded_at, position, event_id LIMIT 51;
