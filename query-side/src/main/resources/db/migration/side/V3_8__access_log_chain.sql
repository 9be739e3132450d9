-- The access log (nhật ký truy cập) as evidence: every row authenticated by the service and chained, so that a row
-- deleted, changed or slipped in by someone who turned the append-only triggers off (a superuser with
-- session_replication_role = replica) is detected by GET /api/v1/integrity/access-log/verification.
--
-- One access_log_chain row per access_log row, written by the service in the same transaction:
--   row_mac   = HMAC("access-entry/v1", int8(entry_id), accessed_at as ISO-8601 UTC with microseconds, user_id,
--               org_unit, role, case_id, resource, purpose, grant_id or "") under the service's integrity key,
--               which the database never holds.
-- Linked after commit by the service's access-log sealer (one at a time), in entry_id order of the rows it finds
-- committed; a row committing late with a lower entry_id is linked at the next turn, at the next position:
--   chain_position = previous + 1 (1 for the first)
--   prev_hash      = the previous position's hash (32 zero bytes for position 1)
--   hash           = sha256(prev_hash || int8(chain_position) || int8(entry_id) || row_mac)
--   link_mac       = HMAC("access-link/v1", int8(chain_position), prev_hash, hash)
-- The head is recorded outside the database as anchor chain "access-log".

CREATE TABLE access_log_chain (
    -- No foreign key to access_log on purpose: a deleted row must leave its chain row behind as evidence, and the
    -- read that writes both pays for no extra lookup.
    entry_id       BIGINT      NOT NULL PRIMARY KEY,
    row_mac        BYTEA       NOT NULL,
    chain_position BIGINT      UNIQUE,
    prev_hash      BYTEA,
    hash           BYTEA,
    link_mac       BYTEA,
    CHECK ((chain_position IS NULL) = (prev_hash IS NULL)
        AND (chain_position IS NULL) = (hash IS NULL)
        AND (chain_position IS NULL) = (link_mac IS NULL)),
    CHECK (chain_position IS NULL OR chain_position >= 1)
);
-- What the sealer looks for: rows not linked yet, in entry_id order.
CREATE INDEX access_log_chain_unsealed_idx ON access_log_chain (entry_id) WHERE chain_position IS NULL;

COMMENT ON TABLE access_log_chain IS 'Authenticates and chains access_log; written by the service, linked by its '
    'access-log sealer, verified by GET /api/v1/integrity/access-log/verification';

-- Append-only like access_log, except that the sealer sets the link fields once, from NULL, and nothing else.
CREATE FUNCTION access_log_chain_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
            AND OLD.chain_position IS NULL AND NEW.chain_position IS NOT NULL
            AND NEW.entry_id = OLD.entry_id AND NEW.row_mac = OLD.row_mac THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'access_log_chain is append-only (its links are set once, by the sealer)';
END
$$;
CREATE TRIGGER access_log_chain_append_only BEFORE UPDATE OR DELETE ON access_log_chain
    FOR EACH ROW EXECUTE FUNCTION access_log_chain_guard();
CREATE TRIGGER access_log_chain_no_truncate BEFORE TRUNCATE ON access_log_chain
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_chain_guard();

-- Rows logged before this migration have no row MAC (the key is not in the database): the service adopts them once,
-- at its first sealing turn, computing their row MACs, then links them like new ones. up_to_entry_id is the last
-- entry logged before this migration; adopted_at is set once when they have been adopted (now, when there are none).
CREATE TABLE access_log_chain_adoption (
    up_to_entry_id BIGINT      NOT NULL,
    adopted_at     TIMESTAMPTZ
);
INSERT INTO access_log_chain_adoption (up_to_entry_id, adopted_at)
SELECT COALESCE(max(entry_id), 0), CASE WHEN max(entry_id) IS NULL THEN now() END FROM access_log;

CREATE FUNCTION access_log_chain_adoption_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.adopted_at IS NULL AND NEW.adopted_at IS NOT NULL
            AND NEW.up_to_entry_id = OLD.up_to_entry_id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'access_log_chain_adoption is set once';
END
$$;
CREATE TRIGGER access_log_chain_adoption_once BEFORE INSERT OR UPDATE OR DELETE ON access_log_chain_adoption
    FOR EACH ROW EXECUTE FUNCTION access_log_chain_adoption_guard();
CREATE TRIGGER access_log_chain_adoption_no_truncate BEFORE TRUNCATE ON access_log_chain_adoption
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_chain_adoption_guard();
