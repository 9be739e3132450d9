-- Events authenticated by the service (sự kiện do dịch vụ xác thực), and appends that no longer wait for each other.
--
-- V1_2 chained every event in the database, under one advisory lock held by every appending transaction until it
-- committed: appends were serialised across the whole store, and anyone with SQL access could still insert an event
-- (the trigger chained it for them) or edit one and rechain with event_chain_backfill(). From here on:
--   * the global index is a plain sequence again: appends do not wait for each other (transient gaps in the
--     global index, which Axon's gap-aware tracking tokens handle);
--   * the trigger computes only the CASE chain, as before: prev_hash = hash of the case's previous event (32 zero
--     bytes for the first), hash = sha256(prev_hash || event_chain_canonical(event)); per-case order needs no global
--     lock, Axon's unique (aggregate_identifier, sequence_number) key orders a case's appends;
--   * the service, in the same transaction, writes link_mac, an HMAC with a key the database never holds, over
--     (case, sequence number, event id, global index, prev_hash, hash): a row inserted or rewritten by anyone else
--     has no valid link_mac;
--   * after commit, one sealer at a time (the only holder of its advisory lock) links committed rows into the
--     STORE chain in the order it finds them committed: chain_position 1, 2, 3, ..., store_prev_hash, store_hash =
--     sha256(store_prev_hash || int8(chain_position) || int8(global_index) || hash) and store_mac, another HMAC;
--     a row without a valid link_mac is never linked. The service records the head outside the database (anchors).
-- Rows stored before this migration are reset (no position, no store link) and adopted once by the service at its
-- first start with the key (event_chain_adoption), then sealed like new ones. event_chain_backfill(), the tool that
-- rechained edited history, is dropped.
--
-- Upgrade: stop every instance of the previous version first (their appends call event_chain_next_global_index(),
-- dropped here), then start the new one; it adopts the old rows and anchors them at its first start.
--
-- Every statement is idempotent: both sides may apply the shared migrations.

-- In-flight appends finish first; none starts until this migration commits, so no row is chained the old way after
-- the reset below, and the adoption boundary is exact.
LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE event_chain IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE domain_event_entry
    ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_global_index_seq'::REGCLASS);

ALTER TABLE event_chain ADD COLUMN IF NOT EXISTS link_mac BYTEA;
ALTER TABLE event_chain ADD COLUMN IF NOT EXISTS chain_position BIGINT;
ALTER TABLE event_chain ADD COLUMN IF NOT EXISTS store_mac BYTEA;
ALTER TABLE event_chain ALTER COLUMN store_prev_hash DROP NOT NULL;
ALTER TABLE event_chain ALTER COLUMN store_hash DROP NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS event_chain_position ON event_chain (chain_position);
-- What the sealer reads every turn: the rows not linked yet, in global index order.
CREATE INDEX IF NOT EXISTS event_chain_unsealed ON event_chain (global_index) WHERE chain_position IS NULL;

COMMENT ON TABLE event_chain IS 'Per event: its case chain link (trigger event_chain_append), the service''s '
    'link_mac, and once sealed its store chain link (chain_position, store_prev_hash, store_hash, store_mac)';

-- Store links of V1_2 were computed by the database alone: dropped, the rows are linked again by the sealer.
UPDATE event_chain SET store_prev_hash = NULL, store_hash = NULL
WHERE chain_position IS NULL AND (store_prev_hash IS NOT NULL OR store_hash IS NOT NULL);

-- The rows stored before this migration, which the service adopts once (gives them a link_mac after recomputing
-- their case chain) at its first start with the integrity key. One row; adopted_at stays NULL until then.
CREATE TABLE IF NOT EXISTS event_chain_adoption (
    id                SMALLINT    NOT NULL PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    last_global_index BIGINT      NOT NULL,
    events            BIGINT      NOT NULL,
    migrated_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    adopted_at        TIMESTAMPTZ,
    adopted           BIGINT,
    refused           BIGINT,
    head_position     BIGINT,
    head_hash         BYTEA
);
COMMENT ON TABLE event_chain_adoption IS 'Chain rows stored before V1_3 (global_index <= last_global_index): adopted '
    'once by the service (adopted_at), recorded as an anchor too';
INSERT INTO event_chain_adoption (id, last_global_index, events, adopted_at, adopted, refused)
SELECT 1, coalesce(max(global_index), 0), count(*),
       CASE WHEN count(*) = 0 THEN clock_timestamp() END,
       CASE WHEN count(*) = 0 THEN 0 END,
       CASE WHEN count(*) = 0 THEN 0 END
FROM event_chain
ON CONFLICT (id) DO NOTHING;

-- The case chain only; no lock: appends of different cases never wait for each other here.
CREATE OR REPLACE FUNCTION event_chain_append() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    zero      CONSTANT BYTEA := decode(repeat('00', 32), 'hex');
    prev      BYTEA;
BEGIN
    -- Under a stricter isolation level the case's previous event, committed after this transaction's snapshot,
    -- could be invisible: refuse rather than write a wrong link.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'events must be appended under READ COMMITTED (not %): the hash chain links each event '
            'to the case''s previous one', current_setting('transaction_isolation');
    END IF;
    SELECT c.hash INTO prev FROM event_chain c
    WHERE c.aggregate_identifier = NEW.aggregate_identifier AND c.sequence_number < NEW.sequence_number
    ORDER BY c.sequence_number DESC LIMIT 1;
    prev := coalesce(prev, zero);
    INSERT INTO event_chain (global_index, aggregate_identifier, sequence_number, event_identifier, prev_hash, hash)
    VALUES (NEW.global_index, NEW.aggregate_identifier, NEW.sequence_number, NEW.event_identifier, prev,
            sha256(prev || event_chain_canonical(NEW)));
    RETURN NULL;
END
$$;

DROP FUNCTION IF EXISTS event_chain_backfill();
DROP FUNCTION IF EXISTS event_chain_link(domain_event_entry);
DROP FUNCTION IF EXISTS event_chain_next_global_index();
DROP FUNCTION IF EXISTS event_chain_lock();
