package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;

/**
 * A count was asked from {@code indicator_fact} while it does not yet hold the facts of every case (after upgrading a
 * store that already held cases to V3_9, until the automatic rebuild of the {@code indicators} group switches in).
 * Answered 503 with {@code Retry-After} by {@link IndicatorsRebuildingExceptionHandler}; nothing was counted.
 */
class IndicatorsRebuildingException extends RuntimeException {

    private final long retryAfterSeconds;
    private final Integer percent;
    private final Instant expectedFinish;

    /**
     * @param retryAfterSeconds when to ask again, in seconds
     * @param percent           how far the rebuild is, when one runs (null otherwise)
     * @param expectedFinish    when it is expected to finish (UTC), when known (null otherwise)
     */
    IndicatorsRebuildingException(long retryAfterSeconds, Integer percent, Instant expectedFinish) {
        super(percent == null
                ? "The indicators are being rebuilt after an upgrade and no rebuild is running now (the last one did "
                        + "not finish; the service tries again when it starts, or a coordinator can start one). No "
                        + "count is given until every case is counted, rather than a count that leaves cases out."
                : "The indicators are being rebuilt after an upgrade (" + percent + "% of the event store replayed"
                        + (expectedFinish == null ? "" : ", expected to finish at " + expectedFinish) + "). No count "
                        + "is given until every case is counted, rather than a count that leaves cases out.");
        this.retryAfterSeconds = retryAfterSeconds;
        this.percent = percent;
        this.expectedFinish = expectedFinish;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Integer percent() {
        return percent;
    }

    Instant expectedFinish() {
        return expectedFinish;
    }
}
