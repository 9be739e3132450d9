-- Group 'indicators'. Chỉ tiêu thống kê: what the indicators and reports count, kept so that any period, org unit
-- and as-of instant can be answered: each fact keeps the time it happened (occurred_at, the domain time) apart from
-- the time it was recorded (recorded_at, the event's timestamp). A report asked "as of" an instant reads only facts
-- recorded by then, so a report once sent can be reproduced exactly after late records arrive.

-- One row per case: what the report (Mẫu 01) said, in the plain fields statistics need. Never personal data.
CREATE TABLE indicator_case (
    case_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    child_id       VARCHAR(255) NOT NULL,
    commune_code   VARCHAR(64)  NOT NULL,
    category       VARCHAR(64)  NOT NULL,
    channel        VARCHAR(64)  NOT NULL,
    sex            VARCHAR(16)  NOT NULL,
    age_years      INTEGER      NOT NULL,
    setting        VARCHAR(64),
    abuse_forms    VARCHAR(64)[] NOT NULL,
    special_groups VARCHAR(64)[] NOT NULL,
    reported_at    TIMESTAMPTZ  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX indicator_case_commune_idx ON indicator_case (commune_code, reported_at);

-- The steps of a case that indicators count: assessments, help given, closing and reopening, and the procedure's
-- time limits with their due instants (to tell help given in time, kịp thời).
CREATE TABLE indicator_step (
    case_id         VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    deadline_id     VARCHAR(255),
    deadline_rule   VARCHAR(32),
    due_at          TIMESTAMPTZ,
    PRIMARY KEY (case_id, sequence_number)
);
