-- GET /api/v1/cases/{id}: CaseFileReader.read (one transaction): the case file, then the access-log entry of a
-- read that opens personal data (AccessLog.record).
\set i random(1, :ncases)
SELECT id AS case_id FROM bench_read.cases WHERE n = :i \gset
BEGIN;
SELECT version, doc FROM case_file WHERE case_id = :case_id;
INSERT INTO bench_read.access_log (accessed_at, user_id, org_unit, role, case_id, resource, purpose, grant_id)
VALUES (now(), 'coordinator.haiphong', '31-health-department', 'COORDINATOR', :case_id, 'CASE_FILE', 'CASE_WORK', NULL)
RETURNING entry_id \gset
INSERT INTO bench_read.access_log_chain (entry_id, row_mac) VALUES (:entry_id, sha256(convert_to(:case_id, 'UTF8')));
END;
