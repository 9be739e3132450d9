-- Which children the command side knows, and where (a report may name a known child by childId, Circular 13/2021:
-- children are counted once). Written from the case events by the subscribing processor "known-children", in the
-- same transaction as the events; nothing personal, only ids and codes.
CREATE TABLE IF NOT EXISTS known_child_case (
    case_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    child_id VARCHAR(64) NOT NULL
);
CREATE INDEX IF NOT EXISTS known_child_case_child_idx ON known_child_case (child_id);

-- A commune knows a child when a case of that child is or was run by it: reported there or transferred to it.
CREATE TABLE IF NOT EXISTS known_child_commune (
    child_id     VARCHAR(64) NOT NULL,
    commune_code VARCHAR(64) NOT NULL,
    PRIMARY KEY (child_id, commune_code)
);

-- Children whose identity was erased (ChildIdentityErased): never named again.
CREATE TABLE IF NOT EXISTS erased_child (
    child_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL
);

-- Events stored before this migration.
INSERT INTO known_child_case (case_id, child_id)
SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'childId'
FROM domain_event_entry
WHERE payload_type = 'vn.childprotection.casetracker.events.CaseReported'
ON CONFLICT DO NOTHING;

INSERT INTO known_child_commune (child_id, commune_code)
SELECT convert_from(payload, 'UTF8')::jsonb ->> 'childId', convert_from(payload, 'UTF8')::jsonb ->> 'communeCode'
FROM domain_event_entry
WHERE payload_type = 'vn.childprotection.casetracker.events.CaseReported'
ON CONFLICT DO NOTHING;

INSERT INTO known_child_commune (child_id, commune_code)
SELECT k.child_id, convert_from(e.payload, 'UTF8')::jsonb ->> 'toCommuneCode'
FROM domain_event_entry e JOIN known_child_case k ON k.case_id = e.aggregate_identifier
WHERE e.payload_type = 'vn.childprotection.casetracker.events.CaseTransferred'
ON CONFLICT DO NOTHING;

INSERT INTO erased_child (child_id, erased_at)
SELECT convert_from(payload, 'UTF8')::jsonb ->> 'childId', now()
FROM domain_event_entry
WHERE payload_type = 'vn.childprotection.casetracker.events.ChildIdentityErased'
ON CONFLICT DO NOTHING;
