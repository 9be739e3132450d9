-- Parked events (dead letters): Axon's JDBC sequenced dead-letter queue, one queue per processing group in one table.
-- The columns are those of Axon 4.13's GenericDeadLetterTableFactory, in snake_case (see DeadLetterConfiguration's
-- DeadLetterSchema). Serialized data (payload, metadata, tracking token, diagnostics) is Jackson JSON written with
-- setBytes, hence BYTEA like the event store's payload; the time columns are ISO-8601 text because Axon writes and
-- compares them as strings.
-- A row is an event a projection could not apply (with the error), or a later event of the same case waiting behind
-- it (cause_type NULL): sequence_identifier is the case id, sequence_index the order within that case.
CREATE TABLE IF NOT EXISTS dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);

COMMENT ON TABLE dead_letter_entry IS 'Events a projection could not apply, and the later events of the same case '
    'waiting behind them; listed at GET /api/v1/admin/projections/{name}/dead-letters, retried by POST .../retry';
