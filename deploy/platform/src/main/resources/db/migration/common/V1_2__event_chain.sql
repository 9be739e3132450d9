-- Tamper-evident history (lịch sử không thể sửa lén): a SHA-256 hash chain over the stored bytes of every event,
-- computed by the database as each event is inserted, so no application code can forget or skip it.
--
-- Two chains, one row of event_chain per event:
--   * the case chain:  hash       = sha256(prev_hash || event_chain_canonical(event)), prev_hash being the hash of
--                      the same case's previous event (the greatest lower sequence number), 32 zero bytes for the
--                      case's first event;
--   * the store chain: store_hash = sha256(store_prev_hash || int8(global_index) || hash), store_prev_hash being the
--                      store_hash of the previous event in global_index order, 32 zero bytes for the first one.
-- The canonical bytes (event_chain_canonical) cover every stored column except global_index (which the store chain
-- covers): each text column as UTF-8 and each byte column as it is stored, prefixed with its length as a 4-byte
-- big-endian integer (ff ff ff ff for NULL), and sequence_number as an 8-byte big-endian integer. Payload and
-- metadata hold personal data only encrypted, so erasing a child's key (crypto-shredding) changes no stored byte
-- and the chain stays verifiable. The query side recomputes all of it in Java (package ...query.integrity).
--
-- Why the store chain is computed here, serially: "the previous event in global_index order" is racy under
-- concurrent inserts (a transaction may take global index 11 and commit before the one holding 10). So the
-- global index itself is now taken under a transaction-level advisory lock (event_chain_next_global_index): a
-- transaction appending events holds the lock from its first event until it commits, the next one takes its
-- global index only then. Global index order is therefore commit order, the trigger always sees the previous
-- event committed, and streaming processors no longer meet gaps left by concurrent transactions (only by
-- rollbacks). The price is that appends of events are serialised across the whole store (measured in the query
-- side's README). It needs READ COMMITTED (PostgreSQL's and Spring's default): under a stricter isolation level
-- the trigger could not see the previous event and refuses the insert rather than write a wrong link.
--
-- Every statement is idempotent: both sides may apply the shared migrations.

CREATE TABLE IF NOT EXISTS event_chain (
    global_index         BIGINT       NOT NULL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    prev_hash            BYTEA        NOT NULL,
    hash                 BYTEA        NOT NULL,
    store_prev_hash      BYTEA        NOT NULL,
    store_hash           BYTEA        NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
-- No foreign key to domain_event_entry on purpose: a deleted event must leave its chain row behind as evidence.
CREATE UNIQUE INDEX IF NOT EXISTS event_chain_case_sequence ON event_chain (aggregate_identifier, sequence_number);

COMMENT ON TABLE event_chain IS 'Hash chains over domain_event_entry (per case and over the whole store), written '
    'by the trigger event_chain_append; verified by GET /api/v1/integrity/verification';

-- One field of the canonical encoding: 4-byte big-endian length, then the bytes; NULL is ff ff ff ff alone.
CREATE OR REPLACE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN value IS NULL THEN '\xffffffff'::BYTEA ELSE int4send(length(value)) || value END
$$;

-- STABLE like convert_to, not IMMUTABLE: a function declared less volatile than its body is never inlined, and
-- then costs a planning of its body in every transaction that appends an event.
CREATE OR REPLACE FUNCTION event_chain_text(value TEXT) RETURNS BYTEA
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT event_chain_field(convert_to(value, 'UTF8'))
$$;

-- The canonical bytes of a stored event, in this fixed order.
CREATE OR REPLACE FUNCTION event_chain_canonical(e domain_event_entry) RETURNS BYTEA
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT event_chain_text(e.event_identifier)
           || event_chain_text(e.aggregate_identifier)
           || int8send(e.sequence_number)
           || event_chain_text(e.type)
           || event_chain_text(e.payload_type)
           || event_chain_text(e.payload_revision)
           || event_chain_field(e.payload)
           || event_chain_field(e.meta_data)
           || event_chain_text(e.time_stamp)
$$;

-- The advisory lock key every writer of the chain takes: the ASCII bytes of 'evtchain' as a bigint.
CREATE OR REPLACE FUNCTION event_chain_lock() RETURNS VOID
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(7311159015384377710);
END
$$;

-- The global index of a new event, taken only once the previous appending transaction has committed.
CREATE OR REPLACE FUNCTION event_chain_next_global_index() RETURNS BIGINT
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM event_chain_lock();
    RETURN nextval('domain_event_entry_global_index_seq'::REGCLASS);
END
$$;

-- Links one event into both chains. Shared by the trigger and the backfill.
CREATE OR REPLACE FUNCTION event_chain_link(e domain_event_entry) RETURNS VOID
    LANGUAGE plpgsql AS
$$
DECLARE
    zero       CONSTANT BYTEA := decode(repeat('00', 32), 'hex');
    prev       BYTEA;
    case_hash  BYTEA;
    store_prev BYTEA;
BEGIN
    SELECT c.hash INTO prev FROM event_chain c
    WHERE c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number < e.sequence_number
    ORDER BY c.sequence_number DESC LIMIT 1;
    prev := coalesce(prev, zero);
    case_hash := sha256(prev || event_chain_canonical(e));

    SELECT c.store_hash INTO store_prev FROM event_chain c
    WHERE c.global_index < e.global_index
    ORDER BY c.global_index DESC LIMIT 1;
    store_prev := coalesce(store_prev, zero);

    INSERT INTO event_chain (global_index, aggregate_identifier, sequence_number, event_identifier, prev_hash, hash,
                             store_prev_hash, store_hash)
    VALUES (e.global_index, e.aggregate_identifier, e.sequence_number, e.event_identifier, prev, case_hash,
            store_prev, sha256(store_prev || int8send(e.global_index) || case_hash));
END
$$;

CREATE OR REPLACE FUNCTION event_chain_append() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'events must be appended under READ COMMITTED (not %): the hash chain links each event '
            'to the previous one committed', current_setting('transaction_isolation');
    END IF;
    -- Already held when the global index came from the column default; taken here too for an explicit one.
    PERFORM event_chain_lock();
    PERFORM event_chain_link(NEW);
    RETURN NULL;
END
$$;

-- Chains every event that has no chain row yet: the case chain in (aggregate, sequence) order, then the store
-- chain in global index order. For events stored before this migration; answers how many it chained.
CREATE OR REPLACE FUNCTION event_chain_backfill() RETURNS BIGINT
    LANGUAGE plpgsql AS
$$
DECLARE
    zero       CONSTANT BYTEA := decode(repeat('00', 32), 'hex');
    e          domain_event_entry;
    last_case  VARCHAR(255);
    prev       BYTEA;
    case_hash  BYTEA;
    store_prev BYTEA;
    r          RECORD;
    chained    BIGINT := 0;
BEGIN
    PERFORM event_chain_lock();
    -- Case chain first; an empty store_hash marks the rows still to link into the store chain.
    FOR e IN SELECT d.* FROM domain_event_entry d
             WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = d.global_index)
             ORDER BY d.aggregate_identifier, d.sequence_number
        LOOP
            IF last_case IS DISTINCT FROM e.aggregate_identifier THEN
                prev := NULL;
                SELECT c.hash INTO prev FROM event_chain c
                WHERE c.aggregate_identifier = e.aggregate_identifier AND c.sequence_number < e.sequence_number
                ORDER BY c.sequence_number DESC LIMIT 1;
                prev := coalesce(prev, zero);
                last_case := e.aggregate_identifier;
            END IF;
            case_hash := sha256(prev || event_chain_canonical(e));
            INSERT INTO event_chain (global_index, aggregate_identifier, sequence_number, event_identifier,
                                     prev_hash, hash, store_prev_hash, store_hash)
            VALUES (e.global_index, e.aggregate_identifier, e.sequence_number, e.event_identifier, prev, case_hash,
                    ''::BYTEA, ''::BYTEA);
            prev := case_hash;
            chained := chained + 1;
        END LOOP;
    FOR r IN SELECT c.global_index, c.hash FROM event_chain c WHERE c.store_hash = ''::BYTEA ORDER BY c.global_index
        LOOP
            store_prev := NULL;
            SELECT c.store_hash INTO store_prev FROM event_chain c
            WHERE c.global_index < r.global_index
            ORDER BY c.global_index DESC LIMIT 1;
            store_prev := coalesce(store_prev, zero);
            UPDATE event_chain
            SET store_prev_hash = store_prev,
                store_hash      = sha256(store_prev || int8send(r.global_index) || r.hash)
            WHERE global_index = r.global_index;
        END LOOP;
    RETURN chained;
END
$$;

-- Keep writers out while the trigger is installed and the existing events are chained (in-flight appends finish
-- first), so no event is ever left unchained or chained twice.
LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT event_chain_next_global_index();

CREATE OR REPLACE TRIGGER event_chain_append
    AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION event_chain_append();

SELECT event_chain_backfill();
