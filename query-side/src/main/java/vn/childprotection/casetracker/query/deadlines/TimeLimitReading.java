package vn.childprotection.casetracker.query.deadlines;

import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.values.TimeLimitOutcome;

/**
 * How every view reads the end of a time limit (<i>thời hạn</i>, Decree 56/2017 Chapter III) from its events, in one
 * place, so that the case file, the work queues, the overdue and risk registers and the audit trail say the same.
 * <ul>
 *   <li>A {@link DeadlineFulfilled} carrying its due instant was met late exactly when the event says so: its
 *       {@code late} is {@link TimeLimitOutcome#late(java.time.Instant, java.time.Instant)} of the step's date
 *       against the due instant, whenever the step was typed and whether the scheduler had recorded a miss.</li>
 *   <li>An older {@link DeadlineFulfilled} (no due instant) is read as it was written: late when it says so or when
 *       a miss had been recorded before it.</li>
 *   <li>A {@link DeadlineMissCorrected} takes back a recorded {@link DeadlineMissed}: the limit is open again (no
 *       longer overdue) until the fulfilment that follows it.</li>
 * </ul>
 * Free of Spring and of storage: projections ask it and store the answer.
 */
public final class TimeLimitReading {

    private TimeLimitReading() {
    }

    /**
     * @param fulfilled the fulfilment
     * @param before    the limit's state before it: {@link DeadlineState#OPEN} or {@link DeadlineState#MISSED}
     * @return {@link DeadlineState#MET} or {@link DeadlineState#FULFILLED_LATE}
     */
    public static DeadlineState afterFulfilment(DeadlineFulfilled fulfilled, DeadlineState before) {
        return metLate(fulfilled, before == DeadlineState.MISSED) ? DeadlineState.FULFILLED_LATE : DeadlineState.MET;
    }

    /**
     * @param fulfilled    the fulfilment
     * @param missedBefore whether a miss of this limit stood (recorded and not corrected) when it came
     * @return whether the limit was met after it was due
     */
    public static boolean metLate(DeadlineFulfilled fulfilled, boolean missedBefore) {
        if (fulfilled.dueAt() != null) {
            return fulfilled.late();
        }
        return fulfilled.late() || missedBefore;
    }

    /**
     * @param before the limit's state before a {@link DeadlineMissCorrected}
     * @return {@link DeadlineState#OPEN} for a missed limit; any other state stays as it is
     */
    public static DeadlineState afterMissCorrected(DeadlineState before) {
        return before == DeadlineState.MISSED ? DeadlineState.OPEN : before;
    }

    /**
     * The audit trail's words for a fulfilment, e.g. {@code fulfilled in time (recorded late)}.
     *
     * @return "fulfilled in time" or "fulfilled late" (from the event alone: an older event's {@code late} already
     *         meant "after a recorded miss"), then " (recorded late)" when it was typed at or after the due instant
     */
    public static String describe(DeadlineFulfilled fulfilled) {
        return (metLate(fulfilled, false) ? "fulfilled late" : "fulfilled in time")
                + (fulfilled.recordedLate() ? " (recorded late)" : "");
    }

    /**
     * The audit trail's words for a correction, e.g. {@code miss corrected: met 2025-03-01T04:00:00Z, due ...}.
     */
    public static String describe(DeadlineMissCorrected corrected) {
        return "miss corrected: met " + corrected.occurredAt() + ", due " + corrected.dueAt();
    }
}
