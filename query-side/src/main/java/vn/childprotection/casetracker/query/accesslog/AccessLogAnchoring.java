package vn.childprotection.casetracker.query.accesslog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.integrity.AnchorWitness;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;

/**
 * Records the access-log chain's head outside the database, as anchor chain {@code "access-log"} of the
 * {@link AnchorWitness} bean (<i>mốc neo</i>), without a person: after a sealing turn, when
 * {@code casetracker.integrity.access-log.anchor.every-entries} (1000) positions were linked since the latest
 * anchor, or when {@code casetracker.integrity.access-log.anchor.interval} (PT10M) passed since it and anything new
 * was linked (at once, for the first head). Deleting the tail of the log, or rewriting it with the key, is then
 * detected up to that interval.
 * <p>
 * Without an {@code AnchorWitness} bean nothing is anchored (a WARN at start); verification still checks the chain.
 */
@Component
public class AccessLogAnchoring {

    private static final Logger log = LoggerFactory.getLogger(AccessLogAnchoring.class);

    private final ObjectProvider<AnchorWitness> witnesses;
    private final Clock clock;
    private final long everyEntries;
    private final Duration interval;
    private ChainAnchor latest;
    private boolean loaded;

    /**
     * @param everyEntries anchor at least every this many linked entries, 1 or more
     * @param interval     anchor anything new at least this often, positive
     */
    public AccessLogAnchoring(ObjectProvider<AnchorWitness> witnesses, Clock clock,
                              @Value("${casetracker.integrity.access-log.anchor.every-entries:1000}") long everyEntries,
                              @Value("${casetracker.integrity.access-log.anchor.interval:PT10M}") Duration interval) {
        if (everyEntries < 1 || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("casetracker.integrity.access-log.anchor.every-entries must be 1 or "
                    + "more and casetracker.integrity.access-log.anchor.interval positive");
        }
        this.witnesses = witnesses;
        this.clock = clock;
        this.everyEntries = everyEntries;
        this.interval = interval;
    }

    /** Anchor at least every this many linked entries. */
    public long everyEntries() {
        return everyEntries;
    }

    /** Anchor anything new at least this often. */
    public Duration interval() {
        return interval;
    }

    /**
     * @return the witness, or null when the deployment has none
     */
    AnchorWitness witness() {
        return witnesses.getIfAvailable();
    }

    /**
     * @return every anchor of the access-log chain, oldest first; empty without a witness
     * @throws IllegalStateException when the witness cannot be read
     */
    List<ChainAnchor> anchors() {
        AnchorWitness witness = witness();
        return witness == null ? List.of() : witness.anchors(ChainAnchor.ACCESS_LOG);
    }

    /**
     * Anchors the head if it is due. A witness that cannot record is logged and tried again at the next turn.
     *
     * @return the anchor recorded, or null
     */
    synchronized ChainAnchor afterSealing(ChainHead head) {
        AnchorWitness witness = witness();
        if (witness == null || head == null) {
            return null;
        }
        try {
            if (!loaded) {
                List<ChainAnchor> anchors = witness.anchors(ChainAnchor.ACCESS_LOG);
                latest = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
                loaded = true;
            }
            long anchoredPosition = latest == null ? 0 : latest.position();
            if (head.position() <= anchoredPosition) {
                return null;
            }
            Instant now = clock.instant();
            boolean due = latest == null || head.position() - anchoredPosition >= everyEntries
                    || Duration.between(latest.anchoredAt(), now).compareTo(interval) >= 0;
            if (!due) {
                return null;
            }
            ChainAnchor anchor = new ChainAnchor(ChainAnchor.ACCESS_LOG, head.position(), head.hash(), now);
            witness.record(anchor);
            latest = anchor;
            return anchor;
        } catch (RuntimeException e) {
            log.warn("Access log: could not anchor the head at position {} in {} ({}); trying at the next turn",
                    head.position(), witness.describe(), e.getClass().getName());
            return null;
        }
    }
}
