-- GET /api/v1/risk-register?commune={c}: RiskRegisterQueries.page (first page, 101 rows)
--   and countsByCommune (from the counts kept per commune, V3_13).
\set i random(1, :ncommunes)
SELECT id AS commune FROM bench_read.communes WHERE n = :i \gset
SELECT r.case_id, r.commune_code, r.category, r.risk_level, r.emergency, r.status, r.reported_at,
       r.updated_at, n.deadline_id AS next_deadline_id, n.rule AS next_rule,
       n.due_at AS next_due_at, n.responsible_org_unit AS next_responsible_org_unit,
       m.missed IS NOT NULL AS overdue
FROM (SELECT * FROM risk_register r WHERE r.status <> 'CLOSED' AND r.commune_code = :commune
      ORDER BY (CASE r.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END),
               r.reported_at, r.case_id LIMIT 101) r
LEFT JOIN LATERAL (SELECT d.deadline_id, d.rule, d.due_at, d.responsible_org_unit
                   FROM case_deadline d WHERE d.case_id = r.case_id AND d.state = 'OPEN'
                   ORDER BY d.due_at, d.deadline_id LIMIT 1) n ON TRUE
LEFT JOIN LATERAL (SELECT TRUE AS missed FROM case_deadline m
                   WHERE m.case_id = r.case_id AND m.state = 'MISSED' LIMIT 1) m ON TRUE
ORDER BY (CASE r.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END),
         r.reported_at, r.case_id;
SELECT commune_code, open_cases FROM open_case_count WHERE commune_code = :commune;
