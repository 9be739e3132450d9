-- GET /api/v1/cases/{id}/history: CaseHistoryReader.read (one transaction): the case's reach (CaseReaches.find), the
-- access-log entry (AccessLog.record), the history (CaseHistoryQueries.entries).
\set i random(1, :ncases)
SELECT id AS case_id FROM bench_read.cases WHERE n = :i \gset
BEGIN;
SELECT jsonb_build_object('caseId', doc->'caseId', 'communeCode', doc->'communeCode',
                          'status', doc->'status', 'pendingTransfer', doc->'pendingTransfer',
                          'child', jsonb_build_object('childId', doc->'child'->'childId'),
                          'identityErasedAt', doc->'identityErasedAt',
                          'plan', CASE WHEN jsonb_typeof(doc->'plan') <> 'object' THEN doc->'plan'
                                       WHEN doc->'plan'->'interventions' IS NULL THEN '{}'::jsonb
                                       ELSE jsonb_build_object('interventions',
                                                               doc->'plan'->'interventions') END)::text
FROM case_file WHERE case_id = :case_id;
INSERT INTO bench_read.access_log (accessed_at, user_id, org_unit, role, case_id, resource, purpose, grant_id)
VALUES (now(), 'coordinator.haiphong', '31-health-department', 'COORDINATOR', :case_id, 'CASE_HISTORY', 'CASE_WORK',
        NULL)
RETURNING entry_id \gset
INSERT INTO bench_read.access_log_chain (entry_id, row_mac) VALUES (:entry_id, sha256(convert_to(:case_id, 'UTF8')));
SELECT sequence_number, event_type, occurred_at, recorded_at, user_id, org_unit, role, details
FROM case_history WHERE case_id = :case_id ORDER BY sequence_number;
END;
