package vn.childprotection.casetracker.query.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.integrity.AnchorWitness;
import vn.childprotection.casetracker.platform.integrity.AnchoringPolicy;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;

/**
 * Recomputes the hash chains from the stored events, checks the service's MACs on every link and compares the store
 * chain with the anchors the witness recorded outside the database (see {@link EventChainEncoding} and
 * {@link ChainMacs}). Reads only; repairs nothing: a broken chain is evidence to be kept, not fixed.
 */
@Component
public class HistoryVerifier {

    private static final Logger log = LoggerFactory.getLogger(HistoryVerifier.class);

    private final EventChainReader reader;
    private final ChainMacs macs;
    private final ObjectProvider<AnchoringPolicy> anchoring;
    private final Clock clock;

    /**
     * @param anchoring the service's anchoring (its witness, every-events and interval); absent only where the
     *                  event store is not this service's (then no anchor is checked)
     */
    public HistoryVerifier(EventChainReader reader, ChainMacs macs, ObjectProvider<AnchoringPolicy> anchoring,
                           Clock clock) {
        this.reader = reader;
        this.macs = macs;
        this.anchoring = anchoring;
        this.clock = clock;
    }

    /**
     * One case's chain (events, sequence gaps, case hashes, link MACs), optionally against a case hash anchored at
     * a sequence number.
     *
     * @return empty when the store holds neither an event nor a chain row of the case
     */
    public Optional<CaseChainVerification> verifyCase(String caseId, Anchor anchor) {
        List<ChainRow> rows = reader.caseRows(caseId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CaseChainWalk walk = new CaseChainWalk(caseId, anchor, macs);
        rows.forEach(walk::accept);
        return Optional.of(walk.result());
    }

    /**
     * Every event of the store, streamed in chain position order then (not sealed yet) in global index order,
     * against every anchor of the witness and optionally a store hash anchored by hand at a global index.
     */
    public StoreChainVerification verifyStore(Anchor manualAnchor) {
        Instant checkedAt = clock.instant();
        AnchoringPolicy policy = anchoring.getIfAvailable();
        AnchorWitness anchorWitness = policy == null ? null : policy.witness();
        List<ChainAnchor> recorded;
        BrokenLink unreadable = null;
        try {
            recorded = anchorWitness == null ? List.of() : anchorWitness.anchors(ChainAnchor.EVENTS);
        } catch (RuntimeException e) {
            log.error("The anchor witness {} cannot be read: the event store is verified without its anchors",
                    anchorWitness.describe(), e);
            recorded = List.of();
            unreadable = BrokenLink.at(null, null, null, ChainProblem.ANCHORS_UNREADABLE);
        }
        List<ChainAnchor> anchors = recorded.stream().sorted(Comparator.comparingLong(ChainAnchor::position))
                .toList();
        log.info("Verifying the event store's hash chain against {} anchors{}", anchors.size(),
                manualAnchor == null ? "" : " and the hash anchored at global index " + manualAnchor.position());
        StoreChainWalk walk = new StoreChainWalk(macs, anchors, manualAnchor);
        reader.forEachStoreRow(walk);
        BrokenLink broken = unreadable != null ? unreadable : named(walk.broken());
        StoreHead head = walk.head();
        if (broken == null) {
            log.info("Event store hash chain intact: {} events ({} pending) in {} ms", walk.events(),
                    walk.pending(), walk.elapsedMillis());
        } else {
            log.warn("Event store hash chain broken: {} at chain position {}, global index {} ({} events in {} ms)",
                    broken.code(), broken.chainPosition(), broken.globalIndex(), walk.events(), walk.elapsedMillis());
        }
        return new StoreChainVerification(broken == null, walk.events(), head == null ? null : head.hash(), head,
                checkedAt, broken, walk.pending(), anchoring(policy, recorded, walk.anchorsChecked()));
    }

    public Optional<StoreHead> head() {
        return reader.head();
    }

    /**
     * A missing chain position names what it can of the event that held it: the event left without its chain row,
     * or the case whose sequence now skips a number.
     */
    private BrokenLink named(BrokenLink broken) {
        if (broken == null || broken.code() != ChainProblem.POSITION_GAP) {
            return broken;
        }
        return reader.traceOfMissingLink().map(trace -> trace.withPosition(broken.chainPosition())).orElse(broken);
    }

    /**
     * @param recorded the witness's anchors as it answered them, oldest first
     */
    private static AnchoringReport anchoring(AnchoringPolicy policy, List<ChainAnchor> recorded, long checked) {
        if (policy == null) {
            return new AnchoringReport(0, null, "none", 0, 0, null);
        }
        ChainAnchor latest = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
        return new AnchoringReport(policy.everyEvents(), policy.interval().toString(), policy.witness().describe(),
                recorded.size(), checked,
                latest == null ? null : new AnchoringReport.LatestAnchor(latest.position(),
                        EventChainEncoding.hex(latest.head()), latest.anchoredAt()));
    }
}
