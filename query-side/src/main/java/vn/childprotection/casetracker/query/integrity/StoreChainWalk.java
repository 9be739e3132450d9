package vn.childprotection.casetracker.query.integrity;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;

/**
 * Walks the whole store one row at a time (nothing is kept but the previous store hash and the anchors): first the
 * sealed links in chain position order, checking each against its case's previous event, the previous position and
 * the anchors at its position; then, when the sealed links end, whether an anchor lies beyond them (a tail cut
 * off); then the rows not sealed yet in global index order, each of which must carry the service's link MAC to
 * count as pending. Stops judging at the first break and keeps counting; logs its progress every
 * {@value #PROGRESS_EVERY} rows (counts and rates only: no ids, no contents).
 */
final class StoreChainWalk implements EventChainReader.StoreRowHandler {

    static final int PROGRESS_EVERY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StoreChainWalk.class);

    private final ChainMacs macs;
    private final List<ChainAnchor> anchors;
    private final Anchor manualAnchor;
    private final long startedNanos = System.nanoTime();
    private long expectedPosition = 1;
    private byte[] previousStoreHash = EventChainEncoding.genesis();
    private int nextAnchor;
    private long anchorsChecked;
    private long rows;
    private long events;
    private long pending;
    private ChainRow head;
    private boolean manualAnchorSeen;
    private BrokenLink broken;

    /**
     * @param anchors      the witness's anchors of the events chain, in ascending position
     * @param manualAnchor a store hash anchored by hand at a global index, or null
     */
    StoreChainWalk(ChainMacs macs, List<ChainAnchor> anchors, Anchor manualAnchor) {
        this.macs = macs;
        this.anchors = anchors;
        this.manualAnchor = manualAnchor;
    }

    @Override
    public void accept(ChainRow row, Long casePreviousSequence, byte[] casePreviousHash) {
        rows++;
        if (row.event() != null) {
            events++;
        }
        if (rows % PROGRESS_EVERY == 0) {
            long elapsedMillis = Math.max(1, elapsedMillis());
            log.info("Verifying the event store's hash chain: {} rows read, {} rows/s{}", rows,
                    rows * 1000 / elapsedMillis, broken == null ? "" : " (already broken)");
        }
        boolean sealed = row.link() != null && row.link().sealed();
        if (sealed) {
            head = row;
        }
        if (broken != null) {
            return;
        }
        long expectedSequence = casePreviousSequence == null ? 0 : casePreviousSequence + 1;
        byte[] expectedPrevHash = casePreviousHash == null ? EventChainEncoding.genesis() : casePreviousHash;
        if (!sealed) {
            broken = ChainChecks.checkCaseLink(row, expectedSequence, expectedPrevHash, macs);
            if (broken == null) {
                pending++;
            }
            return;
        }
        long position = row.link().chainPosition();
        if (position != expectedPosition) {
            broken = BrokenLink.atPosition(expectedPosition, ChainProblem.POSITION_GAP);
            return;
        }
        BrokenLink problem = ChainChecks.checkCaseLink(row, expectedSequence, expectedPrevHash, macs);
        if (problem == null) {
            problem = ChainChecks.checkStoreLink(row, previousStoreHash, macs);
        }
        if (problem == null) {
            problem = checkAnchors(row);
        }
        if (problem != null) {
            broken = problem.chainPosition() == null ? problem.withPosition(position) : problem;
            return;
        }
        expectedPosition++;
        previousStoreHash = row.link().storeHash();
    }

    @Override
    public void sealedLinksEnd() {
        if (broken == null && nextAnchor < anchors.size()) {
            // The witness recorded a head further on than the chain now reaches: its tail was deleted.
            broken = BrokenLink.atPosition(expectedPosition, ChainProblem.CHAIN_SHORTER_THAN_ANCHOR);
        }
    }

    private BrokenLink checkAnchors(ChainRow row) {
        long position = row.link().chainPosition();
        while (nextAnchor < anchors.size() && anchors.get(nextAnchor).position() <= position) {
            ChainAnchor anchor = anchors.get(nextAnchor++);
            if (anchor.position() < position || !Arrays.equals(anchor.head(), row.link().storeHash())) {
                return BrokenLink.at(row, ChainProblem.ANCHOR_MISMATCH);
            }
            anchorsChecked++;
        }
        if (manualAnchor != null && row.globalIndex() == manualAnchor.position()) {
            manualAnchorSeen = true;
            if (!manualAnchor.matches(row.link().storeHash())) {
                return BrokenLink.at(row, ChainProblem.ANCHOR_MISMATCH);
            }
        }
        return null;
    }

    long events() {
        return events;
    }

    long pending() {
        return pending;
    }

    long anchorsChecked() {
        return anchorsChecked;
    }

    BrokenLink broken() {
        if (broken == null && manualAnchor != null && !manualAnchorSeen) {
            broken = BrokenLink.at(manualAnchor.position(), null, null, ChainProblem.ANCHOR_MISSING);
        }
        return broken;
    }

    StoreHead head() {
        return head == null ? null : new StoreHead(head.link().globalIndex(),
                EventChainEncoding.hex(head.link().storeHash()), HeadTime.of(head), head.link().chainPosition());
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
