package vn.childprotection.casetracker.platform.integrity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the event chain's head is anchored outside the database (chính sách neo), for the sealer that anchors and for
 * verification that reports it: after every {@code everyEvents} positions linked, or once {@code interval} has
 * passed with anything new, whichever comes first, the head is recorded in {@code witness}. Rewriting or deleting
 * what was linked after the latest anchor goes unnoticed until the next anchor, so these bound that window.
 *
 * @param everyEvents {@code casetracker.integrity.anchor.every-events} (1000)
 * @param interval    {@code casetracker.integrity.anchor.interval} (PT10M)
 * @param witness     where anchors are recorded
 * @param sealEvents  {@code casetracker.integrity.seal-events}: false when nothing is authenticated nor anchored
 *                    (benchmarks only)
 */
public record AnchoringPolicy(long everyEvents, Duration interval, AnchorWitness witness, boolean sealEvents) {

    /**
     * @return the latest anchor recorded for this chain ({@link ChainAnchor#EVENTS}, {@link ChainAnchor#ACCESS_LOG}),
     * empty when there is none
     * @throws IllegalStateException when the witness cannot be read
     */
    public Optional<ChainAnchor> latest(String chain) {
        List<ChainAnchor> anchors = witness.anchors(chain);
        return anchors.isEmpty() ? Optional.empty() : Optional.of(anchors.get(anchors.size() - 1));
    }
}
