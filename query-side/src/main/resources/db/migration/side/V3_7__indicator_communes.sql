-- Group 'indicators'. Which commune ran each case from when (đơn vị hành chính phụ trách theo thời gian): the commune
-- of the report, then the receiving commune of each accepted transfer and the successor of each carry-over after a
-- reorganisation (CaseCarriedOver, Nghị quyết 1669/NQ-UBTVQH15 from 1/7/2025). A fact counts in the commune that ran
-- the case when it happened, so the old communes keep what happened before 1/7/2025 and the new ones what came after.
CREATE TABLE indicator_commune (
    case_id         VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    commune_code    VARCHAR(64)  NOT NULL,
    since           TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, sequence_number)
);
CREATE INDEX indicator_commune_commune_idx ON indicator_commune (commune_code, case_id);

-- Facts recorded before this table existed ran in the commune of their report (as they were counted then); a
-- rebuild of the group adds the transfers they had.
INSERT INTO indicator_commune (case_id, sequence_number, commune_code, since, recorded_at)
SELECT case_id, 0, commune_code, reported_at, recorded_at FROM indicator_case
ON CONFLICT DO NOTHING;
