package vn.childprotection.casetracker.query.indicators;

import java.time.Duration;

/**
 * How old an answer the client accepts in place of one counted from the current facts: the request directive
 * {@code Cache-Control: max-stale[=seconds]} (RFC 9111 section 5.2.1.2), capped by the service's
 * {@code casetracker.indicators.max-stale-limit} ({@link MaxStaleDirective}).
 *
 * @param accepted the greatest age (now minus the instant the answer's facts were counted as of) accepted, or null
 *                 when the request did not carry the directive: then every answer is counted from the current facts
 */
public record MaxStale(Duration accepted) {

    /** The request did not carry {@code max-stale}: answers are counted from the current facts, as always. */
    public static final MaxStale NOT_ASKED = new MaxStale(null);

    public MaxStale {
        if (accepted != null && accepted.isNegative()) {
            throw new IllegalArgumentException("an accepted age cannot be negative");
        }
    }

    /** Whether the request carried the directive. */
    public boolean asked() {
        return accepted != null;
    }

    /**
     * Whether an answer of this age may be given.
     *
     * @param age now minus the instant its facts were counted as of (a negative age, after the clock was set back,
     *            counts as none)
     */
    public boolean accepts(Duration age) {
        return accepted != null && (age.isNegative() || age.compareTo(accepted) <= 0);
    }
}
