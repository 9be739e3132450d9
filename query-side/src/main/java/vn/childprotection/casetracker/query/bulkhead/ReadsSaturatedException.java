package vn.childprotection.casetracker.query.bulkhead;

/**
 * A read gave its bulkhead place back while it waited (for a count, for the projections) and no place came back in
 * time: nothing more was read. Answered 503 with {@code rule: reads-saturated} and {@code Retry-After}, as a read
 * refused at the door ({@link ReadsSaturatedExceptionHandler}).
 */
public class ReadsSaturatedException extends RuntimeException {

    /**
     * @param bulkhead the bulkhead whose place did not come back
     */
    public ReadsSaturatedException(Bulkhead bulkhead) {
        super("The service is answering as many reads as it serves at once (" + bulkhead.maxConcurrent() + ", "
                + bulkhead.limitProperty() + ") and none ended in time. Retry in "
                + ReadBulkheadFilter.RETRY_AFTER_SECONDS + " s.");
    }
}
