package vn.childprotection.casetracker.query.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chains from the stored events and compares them with what the database chained when each
 * event was inserted (see {@link EventChainEncoding} for the bytes and hashes). Reads only; repairs nothing: a
 * broken chain is evidence to be kept, not fixed.
 */
@Component
public class HistoryVerifier {

    private static final Logger log = LoggerFactory.getLogger(HistoryVerifier.class);

    private final EventChainReader reader;
    private final Clock clock;

    public HistoryVerifier(EventChainReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * One case's chain, optionally against a case hash anchored at a sequence number.
     *
     * @return empty when the store holds neither an event nor a chain row of the case
     */
    public Optional<CaseChainVerification> verifyCase(String caseId, Anchor anchor) {
        List<ChainRow> rows = reader.caseRows(caseId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CaseChainWalk walk = new CaseChainWalk(caseId, anchor);
        rows.forEach(walk::accept);
        return Optional.of(walk.result());
    }

    /**
     * Every event of the store, streamed in global index order, optionally against a store hash anchored at a
     * global index.
     */
    public StoreChainVerification verifyStore(Anchor anchor) {
        Instant checkedAt = clock.instant();
        log.info("Verifying the event store's hash chain{}", anchor == null ? ""
                : " against the hash anchored at global index " + anchor.position());
        StoreChainWalk walk = new StoreChainWalk(anchor);
        reader.forEachStoreRow(walk::accept);
        BrokenLink broken = walk.broken();
        StoreHead head = walk.head();
        if (broken == null) {
            log.info("Event store hash chain intact: {} events in {} ms", walk.events(), walk.elapsedMillis());
        } else {
            log.warn("Event store hash chain broken: {} at global index {} ({} events in {} ms)", broken.code(),
                    broken.globalIndex(), walk.events(), walk.elapsedMillis());
        }
        return new StoreChainVerification(broken == null, walk.events(), head == null ? null : head.hash(), head,
                checkedAt, broken);
    }

    public Optional<StoreHead> head() {
        return reader.head();
    }
}
