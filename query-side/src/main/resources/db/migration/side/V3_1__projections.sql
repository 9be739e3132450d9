-- Query side: the processors' tokens and the projection tables. Projection rows and tokens are written in the same
-- transaction, so a crash never applies an event twice. Every projection can be dropped and rebuilt from the event
-- store (a token reset clears its table first).

-- Axon's token store in snake_case (see AxonStorageConfiguration). The command side may create it too.
CREATE TABLE IF NOT EXISTS token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Hồ sơ vụ việc: the current state of each case as one JSON document. Personal fields stay encrypted in it
-- ({"keyId": ..., "cipherText": ...}); they are opened only when a response is written.
CREATE TABLE case_file (
    case_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    commune_code VARCHAR(64)  NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    version      BIGINT       NOT NULL,
    doc          JSONB        NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_file_commune_idx ON case_file (commune_code);

-- Lịch sử vụ việc: every event of a case, with who recorded it. details holds the event's fields without the
-- encrypted ones.
CREATE TABLE case_history (
    case_id         VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    user_id         VARCHAR(128),
    org_unit        VARCHAR(64),
    role            VARCHAR(64),
    details         JSONB        NOT NULL,
    PRIMARY KEY (case_id, sequence_number)
);

-- Sổ theo dõi nguy cơ: one row per case. A closed case keeps its row with status CLOSED and is left out of the
-- register, so a reopening restores it without reading another projection.
CREATE TABLE risk_register (
    case_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    commune_code VARCHAR(64)  NOT NULL,
    category     VARCHAR(64)  NOT NULL,
    risk_level   VARCHAR(16),
    emergency    BOOLEAN      NOT NULL DEFAULT FALSE,
    status       VARCHAR(32)  NOT NULL,
    reported_at  TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX risk_register_open_idx ON risk_register (commune_code, reported_at) WHERE status <> 'CLOSED';
