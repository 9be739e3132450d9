package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;

/**
 * One way a case can count for a measure, kept in {@code indicator_fact} so that a question reads only the rows of
 * its period and communes: the case counts for the measure in a period {@code [start, end)} (instants UTC of Vietnam
 * days, see {@link ReportingPeriod}) exactly when it was reported before {@code end} and {@link #countsIn} holds for
 * one of its facts, and then in {@link #communeCode}. {@link CountedFacts} derives them so that this decides as
 * {@link CaseFacts#countedIn} does, for every period.
 *
 * @param measure     what is counted
 * @param communeCode the commune the case counts in (the one that ran it when the counted fact happened)
 * @param countedAt   when the counted fact happened; the period must contain it. Null for facts of a period's end
 *                    ({@link Measure#OPEN_AT_END}), which any period may hold
 * @param previousAt  the previous fact of the same kind (an earlier help given, an earlier closing): this one counts
 *                    only when that one fell before the period, so that the first of the period counts. Null: none
 * @param holdsAfter  the fact holds only for periods ending after this instant (e.g. once the initial assessment
 *                    happened). Null: from the beginning
 * @param holdsUntil  the fact holds only for periods ending at or before this instant (e.g. until the case was
 *                    closed). Null: for good
 */
record CountedFact(Measure measure, String communeCode, Instant countedAt, Instant previousAt, Instant holdsAfter,
                   Instant holdsUntil) {

    /**
     * Whether this fact counts in the period {@code [start, end)}; the same condition as the query of
     * {@code IndicatorFactsRepository}.
     */
    boolean countsIn(Instant start, Instant end) {
        return (countedAt == null || (!countedAt.isBefore(start) && countedAt.isBefore(end)))
                && (previousAt == null || previousAt.isBefore(start))
                && (holdsAfter == null || holdsAfter.isBefore(end))
                && (holdsUntil == null || !end.isAfter(holdsUntil));
    }
}
