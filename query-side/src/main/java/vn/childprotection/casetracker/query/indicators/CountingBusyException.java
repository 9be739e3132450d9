package vn.childprotection.casetracker.query.indicators;

/**
 * Every turn to count indicators was taken for longer than a count may wait ({@link CountingBulkhead}): nothing was
 * counted. Answered 503 with {@code Retry-After} by {@link CountingBusyExceptionHandler}.
 */
class CountingBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    /**
     * @param retryAfterSeconds when to ask again, in seconds
     */
    CountingBusyException(long retryAfterSeconds) {
        super("Too many indicator counts are running at once; nothing was counted. Ask again after Retry-After "
                + "seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
