package vn.childprotection.casetracker.query.deadletters;

/**
 * How many events of a processor are parked, and of how many cases.
 *
 * @param events events in its dead-letter queue (failed or waiting behind a failed one)
 * @param cases  distinct cases (sequence identifiers) among them
 */
public record ParkedCount(long events, long cases) {

    public static final ParkedCount NONE = new ParkedCount(0, 0);
}
