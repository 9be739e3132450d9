package vn.childprotection.casetracker.query.integrity;

import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.int8;
import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.utf8;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * Recomputes chains the way a database administrator would after changing events: SQL's own {@code sha256} over the
 * documented encoding, row by row. Without a key the MACs are left as they were (nobody but the service can compute
 * them); with one, as someone who stole the service's key would, they are recomputed too.
 */
final class Rechain {

    private static final byte[] ZERO = new byte[32];

    private final JdbcTemplate jdbc;
    private final IntegrityKey stolenKey;

    /**
     * @param stolenKey the service's key in the wrong hands, or null for a rechain without it
     */
    Rechain(JdbcTemplate jdbc, IntegrityKey stolenKey) {
        this.jdbc = jdbc;
        this.stolenKey = stolenKey;
    }

    /** The case chain of {@code caseId}, from its first chain row on. */
    Rechain caseChain(String caseId) {
        byte[] previous = ZERO;
        for (Long globalIndex : jdbc.queryForList("SELECT global_index FROM event_chain "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, caseId)) {
            jdbc.update("UPDATE event_chain c SET prev_hash = ?, hash = sha256(?::bytea || event_chain_canonical(e)) "
                    + "FROM domain_event_entry e WHERE e.global_index = c.global_index AND c.global_index = ?",
                    previous, previous, globalIndex);
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM event_chain WHERE global_index = ?",
                    globalIndex);
            if (stolenKey != null) {
                jdbc.update("UPDATE event_chain SET link_mac = ? WHERE global_index = ?", stolenKey.mac(
                        ChainMacs.EVENT_LINK, utf8((String) row.get("aggregate_identifier")),
                        int8((Long) row.get("sequence_number")), utf8((String) row.get("event_identifier")),
                        int8(globalIndex), (byte[]) row.get("prev_hash"), (byte[]) row.get("hash")), globalIndex);
            }
            previous = (byte[]) row.get("hash");
        }
        return this;
    }

    /**
     * The store chain from {@code position} to its end, renumbering the positions from there contiguously (as after
     * a deleted link).
     */
    Rechain storeChainFrom(long position) {
        byte[] previous = position == 1 ? ZERO : jdbc.queryForObject(
                "SELECT store_hash FROM event_chain WHERE chain_position = ?", byte[].class, position - 1);
        List<Long> globalIndexes = jdbc.queryForList("SELECT global_index FROM event_chain "
                + "WHERE chain_position >= ? ORDER BY chain_position", Long.class, position);
        long next = position;
        for (Long globalIndex : globalIndexes) {
            jdbc.update("UPDATE event_chain SET chain_position = ?, store_prev_hash = ?, store_hash = sha256(?::bytea "
                    + "|| int8send(?::bigint) || int8send(global_index) || hash) WHERE global_index = ?",
                    next, previous, previous, next, globalIndex);
            byte[] storeHash = jdbc.queryForObject("SELECT store_hash FROM event_chain WHERE global_index = ?",
                    byte[].class, globalIndex);
            if (stolenKey != null) {
                jdbc.update("UPDATE event_chain SET store_mac = ? WHERE global_index = ?", stolenKey.mac(
                        ChainMacs.STORE_LINK, int8(next), int8(globalIndex), previous, storeHash), globalIndex);
            }
            previous = storeHash;
            next++;
        }
        return this;
    }
}
