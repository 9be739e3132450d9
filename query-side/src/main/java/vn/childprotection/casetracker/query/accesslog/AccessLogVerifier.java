package vn.childprotection.casetracker.query.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.platform.integrity.AnchorWitness;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;

/**
 * Verifies the access log (<i>kiểm tra toàn vẹn nhật ký truy cập</i>) from one snapshot of the database (a read-only
 * repeatable-read transaction; readers and writers go on meanwhile), streaming, and names the first bad entry:
 * <ol>
 *   <li>the linked chain, in chain_position order: positions contiguous from 1 ({@code POSITION_GAP}), prev_hash the
 *   previous hash and hash recomputed ({@code LINK_BROKEN}), link_mac ({@code LINK_NOT_AUTHENTICATED}), the access
 *   log row present ({@code ROW_DELETED}) and matching its row MAC ({@code ROW_CHANGED}), the head at each anchored
 *   position ({@code ANCHOR_MISMATCH});</li>
 *   <li>the chain at least as long as the latest anchor ({@code CHAIN_SHORTER_THAN_ANCHOR});</li>
 *   <li>entries not linked yet, in entry_id order: row present and matching its row MAC (else as above), counted as
 *   pending;</li>
 *   <li>no access_log row without a chain row ({@code UNAUTHENTICATED_ROW}): the service writes both in one
 *   transaction, so there is no window in which a genuine row lacks its chain row (rows logged before the chain
 *   existed count only once adopted).</li>
 * </ol>
 */
@Component
public class AccessLogVerifier {

    private static final int FETCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final AccessLogLinks links;
    private final AccessLogAnchoring anchoring;
    private final AccessLogSealer sealer;
    private final AccessLogAdoption adoption;
    private final Clock clock;

    public AccessLogVerifier(DataSource dataSource, PlatformTransactionManager transactions, AccessLogLinks links,
                             AccessLogAnchoring anchoring, AccessLogSealer sealer, AccessLogAdoption adoption,
                             Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.links = links;
        this.anchoring = anchoring;
        this.sealer = sealer;
        this.adoption = adoption;
        this.clock = clock;
    }

    /**
     * @return the verification of the whole access log
     * @throws IllegalStateException when the anchor witness cannot be read
     */
    public AccessLogVerification verify() {
        AnchorWitness witness = anchoring.witness();
        List<ChainAnchor> anchors = anchoring.anchors();
        return snapshot.execute(status -> verify(witness, anchors));
    }

    private AccessLogVerification verify(AnchorWitness witness, List<ChainAnchor> anchors) {
        Map<Long, List<ChainAnchor>> anchored = new HashMap<>();
        anchors.forEach(a -> anchored.computeIfAbsent(a.position(), p -> new ArrayList<>()).add(a));
        ChainAnchor latest = anchors.stream().max((a, b) -> Long.compare(a.position(), b.position())).orElse(null);
        ChainWalk walk = jdbc.query("SELECT c.entry_id, c.row_mac, c.chain_position, c.prev_hash, c.hash, c.link_mac, "
                + AccessLogRow.COLUMNS + " FROM access_log_chain c LEFT JOIN access_log a ON a.entry_id = c.entry_id"
                + " WHERE c.chain_position IS NOT NULL ORDER BY c.chain_position", walker(anchored));
        AccessLogBreak found = walk.found();
        if (found == null && latest != null && latest.position() > walk.lastPosition()) {
            found = new AccessLogBreak(AccessLogBreakCode.CHAIN_SHORTER_THAN_ANCHOR, null, latest.position(),
                    "The chain ends at position " + walk.lastPosition() + " but position " + latest.position()
                            + " was anchored on " + latest.anchoredAt() + ": its tail was deleted.");
        }
        long[] pending = {0};
        if (found == null) {
            found = jdbc.query("SELECT c.entry_id, c.row_mac, " + AccessLogRow.COLUMNS
                    + " FROM access_log_chain c LEFT JOIN access_log a ON a.entry_id = c.entry_id"
                    + " WHERE c.chain_position IS NULL ORDER BY c.entry_id", rs -> {
                        while (rs.next()) {
                            AccessLogBreak bad = rowBreak(rs, null);
                            if (bad != null) {
                                return bad;
                            }
                            pending[0]++;
                        }
                        return null;
                    });
        }
        if (found == null) {
            Long upTo = adoption.pendingUpTo();
            List<Long> forged = jdbc.queryForList("SELECT a.entry_id FROM access_log a WHERE a.entry_id > ?"
                    + " AND NOT EXISTS (SELECT 1 FROM access_log_chain c WHERE c.entry_id = a.entry_id)"
                    + " ORDER BY a.entry_id LIMIT 1", Long.class, upTo == null ? 0 : upTo);
            if (!forged.isEmpty()) {
                found = new AccessLogBreak(AccessLogBreakCode.UNAUTHENTICATED_ROW, forged.get(0), null,
                        "This access log row has no row MAC: it was not written by the service.");
            }
        }
        AccessLogAnchorState anchorState = new AccessLogAnchorState(witness == null ? null : witness.describe(),
                anchoring.everyEntries(), anchoring.interval().toString(), walk.anchorsChecked(),
                latest == null ? null : latest.position(), latest == null ? null : latest.anchoredAt());
        ChainHead head = sealer.head();
        return new AccessLogVerification(found == null, found, walk.verified(), pending[0],
                head == null ? null : head.position(), sealer.sealInterval().toString(), anchorState,
                clock.instant());
    }

    private ResultSetExtractor<ChainWalk> walker(Map<Long, List<ChainAnchor>> anchored) {
        return rs -> {
            long expected = 1;
            long verified = 0;
            int anchorsChecked = 0;
            byte[] previous = AccessLogLinks.GENESIS;
            while (rs.next()) {
                long entryId = rs.getLong("entry_id");
                long position = rs.getLong("chain_position");
                byte[] prevHash = rs.getBytes("prev_hash");
                byte[] hash = rs.getBytes("hash");
                AccessLogBreak bad = null;
                if (position != expected) {
                    bad = new AccessLogBreak(AccessLogBreakCode.POSITION_GAP, entryId, position, "Position "
                            + expected + " is missing: the chain goes on at " + position + " (links deleted or "
                            + "renumbered).");
                } else if (!Arrays.equals(prevHash, previous) || !Arrays.equals(hash,
                        AccessLogLinks.hash(prevHash, position, entryId, rs.getBytes("row_mac")))) {
                    bad = new AccessLogBreak(AccessLogBreakCode.LINK_BROKEN, entryId, position,
                            "This link does not follow from the previous one and its own entry.");
                } else if (!links.linkVerifies(rs.getBytes("link_mac"), position, prevHash, hash)) {
                    bad = new AccessLogBreak(AccessLogBreakCode.LINK_NOT_AUTHENTICATED, entryId, position,
                            "This link was not written with the service's key.");
                } else {
                    bad = rowBreak(rs, position);
                }
                if (bad == null) {
                    for (ChainAnchor anchor : anchored.getOrDefault(position, List.of())) {
                        anchorsChecked++;
                        if (bad == null && !Arrays.equals(anchor.head(), hash)) {
                            bad = new AccessLogBreak(AccessLogBreakCode.ANCHOR_MISMATCH, entryId, position,
                                    "The head anchored at this position on " + anchor.anchoredAt()
                                            + " differs: the chain was rewritten.");
                        }
                    }
                }
                if (bad != null) {
                    return new ChainWalk(bad, verified, position, anchorsChecked);
                }
                verified++;
                expected++;
                previous = hash;
            }
            return new ChainWalk(null, verified, expected - 1, anchorsChecked);
        };
    }

    /**
     * @return the break of a chain row's access_log row (missing, or not matching its row MAC), or null
     */
    private AccessLogBreak rowBreak(ResultSet rs, Long position) throws SQLException {
        long entryId = rs.getLong("entry_id");
        AccessLogRow row = AccessLogRow.read(rs);
        if (row == null) {
            return new AccessLogBreak(AccessLogBreakCode.ROW_DELETED, entryId, position,
                    "The chain holds this entry but its access log row is missing.");
        }
        if (!links.rowVerifies(rs.getBytes("row_mac"), row)) {
            return new AccessLogBreak(AccessLogBreakCode.ROW_CHANGED, entryId, position,
                    "This access log row no longer matches what the service wrote.");
        }
        return null;
    }

    private record ChainWalk(AccessLogBreak found, long verified, long lastPosition, int anchorsChecked) {
    }
}
