package vn.childprotection.casetracker.platform.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts, once, the chain rows stored before migration V1_3 (tiếp nhận lịch sử cũ): at the service's first start
 * with its integrity key, each such row whose case link still recomputes from its stored event (the event exists,
 * {@code hash = sha256(prev_hash || event_chain_canonical(event))}, {@code prev_hash} is the hash of the case's
 * previous row) gets its {@code link_mac}; a row that does not is refused (logged at ERROR, left without one, so
 * verification reports it). Then they are sealed like new rows, and the head is recorded as an anchor
 * ({@link #anchorDue()}). Recorded in {@code event_chain_adoption}.
 * <p>
 * Adoption vouches for history the service did not write itself, so it happens once only: it is refused when the
 * witness already holds an anchor of the events chain (someone with SQL access reset {@code event_chain_adoption}
 * to have rows of their own adopted).
 */
public class EventChainAdoption {

    private static final Logger log = LoggerFactory.getLogger(EventChainAdoption.class);

    private static final String PENDING = "SELECT last_global_index FROM event_chain_adoption "
            + "WHERE adopted_at IS NULL FOR UPDATE";
    private static final String ROWS = "SELECT c.global_index, c.aggregate_identifier, c.sequence_number, "
            + "c.event_identifier, c.prev_hash, c.hash, coalesce(d.event_identifier = c.event_identifier "
            + "AND d.aggregate_identifier = c.aggregate_identifier AND d.sequence_number = c.sequence_number "
            + "AND c.hash = sha256(c.prev_hash || event_chain_canonical(d)) "
            + "AND c.prev_hash = coalesce((SELECT p.hash FROM event_chain p "
            + "  WHERE p.aggregate_identifier = c.aggregate_identifier AND p.sequence_number < c.sequence_number "
            + "  ORDER BY p.sequence_number DESC LIMIT 1), decode(repeat('00', 32), 'hex')), false) "
            + "FROM event_chain c LEFT JOIN domain_event_entry d ON d.global_index = c.global_index "
            + "WHERE c.global_index > ? AND c.global_index <= ? AND c.link_mac IS NULL "
            + "ORDER BY c.global_index LIMIT " + EventChainSealer.BATCH;
    private static final String AUTHENTICATE = "UPDATE event_chain SET link_mac = ? WHERE global_index = ?";
    private static final String DONE = "UPDATE event_chain_adoption SET adopted_at = clock_timestamp(), adopted = ?, "
            + "refused = ? WHERE id = 1";
    private static final String ANCHORED = "UPDATE event_chain_adoption SET head_position = ?, head_hash = ? "
            + "WHERE id = 1";

    private final IntegrityKey key;
    private final AnchorWitness witness;
    private volatile boolean refusedOnce;
    private volatile boolean anchorDue;

    public EventChainAdoption(IntegrityKey key, AnchorWitness witness) {
        this.key = key;
        this.witness = witness;
    }

    /**
     * Adopts the old rows if that is still to do (one small read otherwise), in the caller's transaction, which
     * holds the sealer's lock and commits before anything is sealed.
     *
     * @return how many rows it adopted; 0 when there was nothing to do
     * @throws SQLException when the database fails (nothing is then recorded as adopted)
     */
    public long adoptIfPending(Connection connection) throws SQLException {
        if (refusedOnce) {
            return 0;
        }
        long lastGlobalIndex;
        try (PreparedStatement pending = connection.prepareStatement(PENDING); ResultSet rs = pending.executeQuery()) {
            if (!rs.next()) {
                return 0;
            }
            lastGlobalIndex = rs.getLong(1);
        }
        if (!witness.anchors(ChainAnchor.EVENTS).isEmpty()) {
            log.error("event_chain_adoption asks for the adoption of the events stored before V1_3, but the witness "
                    + "({}) already holds anchors of the events chain: adoption happens once only and is refused; "
                    + "verification reports those rows as not authenticated", witness.describe());
            refusedOnce = true;
            return 0;
        }
        long adopted = 0;
        long refused = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            int read = 0;
            try (PreparedStatement rows = connection.prepareStatement(ROWS);
                 PreparedStatement authenticate = connection.prepareStatement(AUTHENTICATE)) {
                rows.setLong(1, after);
                rows.setLong(2, lastGlobalIndex);
                try (ResultSet rs = rows.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        long globalIndex = rs.getLong(1);
                        after = globalIndex;
                        if (!rs.getBoolean(7)) {
                            refused++;
                            log.error("An event chain row stored before V1_3 does not recompute from its event and "
                                    + "is not adopted (global index {}, case {}, sequence number {})", globalIndex,
                                    rs.getString(2), rs.getLong(3));
                            continue;
                        }
                        authenticate.setBytes(1, EventChainLinks.linkMac(key, rs.getString(2), rs.getLong(3),
                                rs.getString(4), globalIndex, rs.getBytes(5), rs.getBytes(6)));
                        authenticate.setLong(2, globalIndex);
                        authenticate.addBatch();
                        adopted++;
                    }
                }
                authenticate.executeBatch();
            }
            if (read < EventChainSealer.BATCH) {
                break;
            }
        }
        try (PreparedStatement done = connection.prepareStatement(DONE)) {
            done.setLong(1, adopted);
            done.setLong(2, refused);
            done.executeUpdate();
        }
        log.info("Adopted {} events stored before V1_3 into the authenticated chain ({} refused)", adopted, refused);
        anchorDue = adopted > 0;
        return adopted;
    }

    /** Whether this process adopted rows whose head is still to record as an anchor. */
    public boolean anchorDue() {
        return anchorDue;
    }

    /**
     * Records the anchor taken after the adoption in {@code event_chain_adoption}.
     *
     * @throws SQLException when the database fails (the anchor itself is in the witness already)
     */
    public void anchored(Connection connection, ChainAnchor anchor) throws SQLException {
        try (PreparedStatement anchored = connection.prepareStatement(ANCHORED)) {
            anchored.setLong(1, anchor.position());
            anchored.setBytes(2, anchor.head());
            anchored.executeUpdate();
        }
        anchorDue = false;
    }
}
