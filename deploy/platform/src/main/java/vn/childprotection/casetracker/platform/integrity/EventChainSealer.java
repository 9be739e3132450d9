package vn.childprotection.casetracker.platform.integrity;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed events into the STORE chain (niêm phong chuỗi), after their commit, in the order it finds them
 * committed: the rows of {@code event_chain} without a {@code chain_position}, in global index order, in batches of
 * up to {@value #BATCH}, one transaction per batch. Only one sealer works at a time across every process sharing the
 * database: each batch first takes {@code pg_try_advisory_xact_lock(LOCK_KEY)}, which appends never take, and a
 * sealer that does not get it leaves the turn to the one that has it.
 * <p>
 * Each row's {@code link_mac} is checked first: a row without a valid one (inserted or rewritten by anyone but the
 * service) is never linked; it is logged at ERROR (global index, case id, sequence number only), counted
 * ({@link #unauthenticated()}), skipped from then on, and left for verification to report. A linked row gets
 * {@code chain_position} = previous + 1, {@code store_prev_hash} = the previous position's {@code store_hash} (32 zero
 * bytes for position 1), {@code store_hash} and {@code store_mac} ({@link EventChainLinks}).
 * <p>
 * Each batch also checks that the head it linked last is still in the database as linked; when it is not (the tail
 * was deleted or rewritten), it logs at ERROR and reports it ({@link Turn#lost()}) to be anchored at once.
 */
public class EventChainSealer {

    /** The sealer's advisory lock: the ASCII bytes of {@code evtseal1} as a bigint. */
    public static final long LOCK_KEY = 7311159084053523505L;
    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(EventChainSealer.class);

    private static final String HEAD = "SELECT chain_position, store_hash FROM event_chain "
            + "WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1";
    private static final String UNSEALED = "SELECT global_index, aggregate_identifier, sequence_number, "
            + "event_identifier, prev_hash, hash, link_mac FROM event_chain "
            + "WHERE chain_position IS NULL AND NOT (global_index = ANY (?::BIGINT[])) ORDER BY global_index LIMIT "
            + BATCH;
    private static final String LINK = "UPDATE event_chain SET chain_position = ?, store_prev_hash = ?, "
            + "store_hash = ?, store_mac = ? WHERE global_index = ? AND chain_position IS NULL";
    private static final String LAG = "SELECT count(*) FROM event_chain WHERE chain_position IS NULL";

    private final DataSource dataSource;
    private final IntegrityKey key;
    private final EventChainAdoption adoption;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong unauthenticated = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private volatile ChainHead lastLinked;

    /**
     * @param adoption adopts the rows stored before V1_3 before anything is sealed
     */
    public EventChainSealer(DataSource dataSource, IntegrityKey key, EventChainAdoption adoption) {
        this.dataSource = dataSource;
        this.key = key;
        this.adoption = adoption;
    }

    /**
     * What one turn of sealing did.
     *
     * @param sealed whether this sealer held the lock (false: another one is sealing)
     * @param linked how many rows it linked
     * @param head   the chain's head after the turn, null while the chain is empty or when not sealed
     * @param lost   the head this sealer linked last when it is no longer in the database (the tail was deleted
     *               or rewritten since), else null
     */
    public record Turn(boolean sealed, int linked, ChainHead head, ChainHead lost) {
    }

    /**
     * Seals every committed row found, batch after batch, then measures the lag.
     *
     * @throws SQLException when the database fails; rows already linked stay linked
     */
    public Turn seal() throws SQLException {
        int linked = 0;
        ChainHead head = null;
        ChainHead lost = null;
        boolean sealed = false;
        while (true) {
            Batch batch = sealBatch();
            if (batch.lost() != null) {
                lost = batch.lost();
            }
            if (!batch.locked()) {
                break;
            }
            sealed = true;
            linked += batch.linked();
            head = batch.head();
            if (batch.read() < BATCH) {
                break;
            }
        }
        measureLag();
        return new Turn(sealed, linked, head, lost);
    }

    /** Rows found without a valid {@code link_mac} since this process started, each counted once. */
    public long unauthenticated() {
        return unauthenticated.get();
    }

    /** Rows not yet linked (sealing lag) when last measured, rows never to be linked included. */
    public long lag() {
        return lag.get();
    }

    private record Batch(boolean locked, int read, int linked, ChainHead head, ChainHead lost) {
    }

    private Batch sealBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return new Batch(false, 0, 0, null, null);
                }
                if (adoption.adoptIfPending(connection) > 0) {
                    connection.commit();
                    return new Batch(true, BATCH, 0, null, null);
                }
                ChainHead head = head(connection);
                ChainHead lost = lostSinceLastTurn(connection);
                int read = 0;
                int linked = 0;
                try (PreparedStatement unsealed = connection.prepareStatement(UNSEALED);
                     PreparedStatement link = connection.prepareStatement(LINK)) {
                    Array skipped = connection.createArrayOf("bigint", refused.toArray(new Long[0]));
                    unsealed.setArray(1, skipped);
                    try (ResultSet rs = unsealed.executeQuery()) {
                        while (rs.next()) {
                            read++;
                            long globalIndex = rs.getLong(1);
                            String caseId = rs.getString(2);
                            long sequenceNumber = rs.getLong(3);
                            byte[] hash = rs.getBytes(6);
                            if (!key.verifies(rs.getBytes(7), EventChainLinks.EVENT_LINK, IntegrityKey.utf8(caseId),
                                    IntegrityKey.int8(sequenceNumber), IntegrityKey.utf8(rs.getString(4)),
                                    IntegrityKey.int8(globalIndex), rs.getBytes(5), hash)) {
                                refuse(globalIndex, caseId, sequenceNumber);
                                continue;
                            }
                            long position = head == null ? 1 : head.position() + 1;
                            byte[] storePrev = head == null ? EventChainLinks.zeroHash() : head.storeHash();
                            byte[] storeHash = EventChainLinks.storeHash(storePrev, position, globalIndex, hash);
                            link.setLong(1, position);
                            link.setBytes(2, storePrev);
                            link.setBytes(3, storeHash);
                            link.setBytes(4, EventChainLinks.storeMac(key, position, globalIndex, storePrev,
                                    storeHash));
                            link.setLong(5, globalIndex);
                            link.addBatch();
                            head = new ChainHead(position, storeHash);
                            linked++;
                        }
                    }
                    if (linked > 0) {
                        link.executeBatch();
                    }
                }
                connection.commit();
                lastLinked = head;
                return new Batch(true, read, linked, head, lost);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static ChainHead head(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(HEAD); ResultSet rs = head.executeQuery()) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getBytes(2)) : null;
        }
    }

    /**
     * Whether the head this sealer linked last is still in the chain as it was linked: if not, someone deleted or
     * rewrote the tail in the database since.
     */
    private ChainHead lostSinceLastTurn(Connection connection) throws SQLException {
        ChainHead last = lastLinked;
        if (last == null) {
            return null;
        }
        try (PreparedStatement at = connection.prepareStatement(
                "SELECT store_hash FROM event_chain WHERE chain_position = ?")) {
            at.setLong(1, last.position());
            try (ResultSet rs = at.executeQuery()) {
                if (rs.next() && java.util.Arrays.equals(rs.getBytes(1), last.storeHash())) {
                    return null;
                }
            }
        }
        log.error("The store chain's position {} that this service linked is gone or changed in the database: the "
                + "tail was deleted or rewritten; its head is anchored so that verification reports it",
                last.position());
        return last;
    }

    private void refuse(long globalIndex, String caseId, long sequenceNumber) {
        if (refused.add(globalIndex)) {
            unauthenticated.incrementAndGet();
            log.error("An event chain row has no valid link_mac: it was not written by the service and is never "
                    + "linked into the store chain (global index {}, case {}, sequence number {})", globalIndex,
                    caseId, sequenceNumber);
        }
    }

    private void measureLag() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(LAG); ResultSet rs = count.executeQuery()) {
            rs.next();
            lag.set(rs.getLong(1));
        }
    }
}
