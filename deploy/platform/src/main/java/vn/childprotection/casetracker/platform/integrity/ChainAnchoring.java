package vn.childprotection.casetracker.platform.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, after each turn of sealing, whether the event chain's head is due to be anchored
 * ({@link AnchoringPolicy}), and records it in the witness. A witness that fails is logged and tried again at the
 * next turn; appends never wait for it.
 */
public class ChainAnchoring {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchoring.class);

    private final AnchoringPolicy policy;
    private final Clock clock;
    private boolean loaded;
    private long anchoredPosition;
    private Instant anchoredAt;

    public ChainAnchoring(AnchoringPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.anchoredAt = clock.instant();
    }

    /**
     * @param head  the chain's head after a turn of sealing, null when the chain is empty
     * @param force true to anchor anything new whatever the policy (after the adoption of old rows)
     * @return the anchor recorded, empty when none was due or the witness failed
     */
    public synchronized Optional<ChainAnchor> afterSealing(ChainHead head, boolean force) {
        if (head == null || !load()) {
            return Optional.empty();
        }
        if (head.position() <= anchoredPosition) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean due = force || head.position() - anchoredPosition >= policy.everyEvents()
                || !now.isBefore(anchoredAt.plus(policy.interval()));
        if (!due) {
            return Optional.empty();
        }
        ChainAnchor anchor = new ChainAnchor(ChainAnchor.EVENTS, head.position(), head.storeHash(), now);
        try {
            policy.witness().record(anchor);
        } catch (RuntimeException e) {
            log.warn("Cannot record the event chain's head (position {}) in {}; tried again at the next turn: {}",
                    head.position(), policy.witness().describe(), e.toString());
            return Optional.empty();
        }
        anchoredPosition = head.position();
        anchoredAt = now;
        return Optional.of(anchor);
    }

    /** The latest anchor the witness holds, read once; false (tried again next turn) when it cannot be read. */
    private boolean load() {
        if (loaded) {
            return true;
        }
        try {
            policy.latest(ChainAnchor.EVENTS).ifPresent(latest -> {
                anchoredPosition = latest.position();
                anchoredAt = latest.anchoredAt();
            });
            loaded = true;
            return true;
        } catch (RuntimeException e) {
            log.warn("Cannot read the anchors in {}; tried again at the next turn: {}", policy.witness().describe(),
                    e.toString());
            return false;
        }
    }
}
