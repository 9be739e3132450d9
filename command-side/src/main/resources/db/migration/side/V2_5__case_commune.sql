-- Which commune runs each case, and whether it is open: what the carry-over of the 2025 reform needs to find the open
-- cases of a ceased commune (task "org-unit-carry-over"). Written from the case events by the subscribing processor
-- "case-communes", in the same transaction as the events; ids and codes only, nothing personal.
CREATE TABLE IF NOT EXISTS case_commune (
    case_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    commune_code VARCHAR(64) NOT NULL,
    open         BOOLEAN     NOT NULL
);
CREATE INDEX IF NOT EXISTS case_commune_open_idx ON case_commune (commune_code) WHERE open;

-- Events stored before this migration: the commune of the latest report, accepted transfer or carry-over, and open
-- unless the latest closing or reopening is a closing.
INSERT INTO case_commune (case_id, commune_code, open)
SELECT c.case_id, c.commune_code,
       COALESCE((SELECT s.payload_type <> 'vn.childprotection.casetracker.events.CaseClosed'
                 FROM domain_event_entry s
                 WHERE s.aggregate_identifier = c.case_id
                   AND s.payload_type IN ('vn.childprotection.casetracker.events.CaseClosed',
                                          'vn.childprotection.casetracker.events.CaseReopened')
                 ORDER BY s.sequence_number DESC LIMIT 1), TRUE)
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier AS case_id,
             CASE payload_type
                 WHEN 'vn.childprotection.casetracker.events.CaseReported'
                     THEN convert_from(payload, 'UTF8')::jsonb ->> 'communeCode'
                 ELSE convert_from(payload, 'UTF8')::jsonb ->> 'toCommuneCode' END AS commune_code
      FROM domain_event_entry
      WHERE payload_type IN ('vn.childprotection.casetracker.events.CaseReported',
                             'vn.childprotection.casetracker.events.CaseTransferred',
                             'vn.childprotection.casetracker.events.CaseCarriedOver')
      ORDER BY aggregate_identifier, sequence_number DESC) c
ON CONFLICT DO NOTHING;
