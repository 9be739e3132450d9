package vn.childprotection.casetracker.query.consistency;

/**
 * A read asked for a case at {@code minVersion} at least, and the projections it reads did not hold the case at
 * that version within {@code casetracker.read.consistency-wait}: either they lag behind the event store, or the case
 * has not reached that version (a version from the future). Answered 503 with {@code Retry-After}; nothing was read,
 * so nothing is recorded in the access log.
 */
public class ProjectionLagException extends RuntimeException {

    private final long minVersion;
    private final long retryAfterSeconds;

    public ProjectionLagException(long minVersion, long retryAfterSeconds) {
        super("The case is not yet shown at version " + minVersion + " or later: the views are still catching up "
                + "with the latest changes, or the case has not reached that version. Retry in " + retryAfterSeconds
                + " s.");
        this.minVersion = minVersion;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long minVersion() {
        return minVersion;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
