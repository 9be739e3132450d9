package vn.childprotection.casetracker.query.integrity;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the whole store in global index order, one row at a time (nothing is kept but the previous store hash),
 * checking each event against its case's previous event and against the store's previous event. Stops judging at
 * the first break and keeps counting; logs its progress every {@value #PROGRESS_EVERY} events (counts and rates
 * only: no ids, no contents).
 */
final class StoreChainWalk {

    static final int PROGRESS_EVERY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StoreChainWalk.class);

    private final Anchor anchor;
    private final long startedNanos = System.nanoTime();
    private byte[] previousStoreHash = EventChainEncoding.genesis();
    private long rows;
    private long events;
    private ChainRow head;
    private boolean anchorSeen;
    private BrokenLink broken;

    /**
     * @param anchor the store hash anchored at a global index, or null
     */
    StoreChainWalk(Anchor anchor) {
        this.anchor = anchor;
    }

    /**
     * @param casePreviousSequence the sequence number of the case's previous chain row, null for none
     * @param casePreviousHash     its hash, null for none
     */
    void accept(ChainRow row, Long casePreviousSequence, byte[] casePreviousHash) {
        rows++;
        if (row.event() != null) {
            events++;
        }
        if (row.link() != null) {
            head = row;
        }
        if (rows % PROGRESS_EVERY == 0) {
            long elapsedMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
            log.info("Verifying the event store's hash chain: {} events read, {} events/s{}", rows,
                    rows * 1000 / elapsedMillis, broken == null ? "" : " (already broken)");
        }
        if (broken != null) {
            return;
        }
        if (anchor != null && !anchorSeen && row.globalIndex() > anchor.position()) {
            broken = BrokenLink.at(anchor.position(), null, null, ChainProblem.ANCHOR_MISSING);
            return;
        }
        long expectedSequence = casePreviousSequence == null ? 0 : casePreviousSequence + 1;
        byte[] expectedPrevHash = casePreviousHash == null ? EventChainEncoding.genesis() : casePreviousHash;
        BrokenLink problem = ChainChecks.check(row, expectedSequence, expectedPrevHash);
        if (problem == null && !Arrays.equals(row.link().storePrevHash(), previousStoreHash)) {
            // An intact row that does not follow the previous one: something between them is gone.
            problem = BrokenLink.at(row, ChainChecks.storeLinkIntact(row.link())
                    ? ChainProblem.PRECEDING_EVENT_MISSING : ChainProblem.STORE_HASH_CHANGED);
        }
        if (problem == null && anchor != null && row.globalIndex() == anchor.position()) {
            anchorSeen = true;
            if (!anchor.matches(row.link().storeHash())) {
                problem = BrokenLink.at(row, ChainProblem.ANCHOR_MISMATCH);
            }
        }
        if (problem != null) {
            broken = problem;
            return;
        }
        previousStoreHash = row.link().storeHash();
    }

    long events() {
        return events;
    }

    BrokenLink broken() {
        if (broken == null && anchor != null && !anchorSeen) {
            broken = BrokenLink.at(anchor.position(), null, null, ChainProblem.ANCHOR_MISSING);
        }
        return broken;
    }

    StoreHead head() {
        return head == null ? null : new StoreHead(head.link().globalIndex(),
                EventChainEncoding.hex(head.link().storeHash()), HeadTime.of(head));
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
