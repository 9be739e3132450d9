-- Idempotency keys of POST /api/v1/cases: the same key (per user) and body never create a second case.
CREATE TABLE IF NOT EXISTS idempotency_key (
    username     VARCHAR(255) NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, idem_key)
);
