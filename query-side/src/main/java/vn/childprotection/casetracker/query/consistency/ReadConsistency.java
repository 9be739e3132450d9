package vn.childprotection.casetracker.query.consistency;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.bulkhead.RequestPlace;

/**
 * Read your own writes: a read of one case that names the version a command answered ({@code minVersion}) waits,
 * bounded, until the projections it reads hold the case at that version at least.
 * <p>
 * Projections follow the event store in streaming processors, so a read right after a write may find the case
 * missing or older. This waits up to {@code casetracker.read.consistency-wait} (default 5 s), polling with back-off
 * (10 ms, doubling to 200 ms) and holding no database connection, no transaction and no read place between polls
 * (it gives its place of the read bulkhead back while it sleeps and takes one again, fairly, for the next poll:
 * {@link RequestPlace#aside}, which answers 503 {@code reads-saturated} if none comes back in time): each poll reads
 * the case's projected row by its key and checks the reader's access to it. A waiting read holds its Tomcat thread,
 * so at most {@code casetracker.read.consistency-max-waiting} reads (default 50) wait at once; a read beyond that
 * does not wait. When the bound passes first, or the read may not wait, it ends in {@link ProjectionLagException}:
 * 503 with {@code Retry-After}.
 */
@Component
public class ReadConsistency {

    /** The OpenAPI description of the {@code minVersion} parameter of every read of one case. */
    public static final String MIN_VERSION_DESCRIPTION = "Read your own writes: the version a command answered "
            + "(an integer, 1 or more). The read waits up to casetracker.read.consistency-wait (default 5 s) until "
            + "the view holds the case at this version or later; else 503 (type " + ProjectionLagExceptionHandler.TYPE
            + ") with Retry-After in seconds. A case not shown yet answers 503, not 404, to any reader; a case "
            + "already shown to a reader outside its reach answers 403 at once, as without minVersion.";

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Duration maxWait;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param maxWait how long a read may wait for the projections; {@code casetracker.read.consistency-wait}, an
     *                ISO-8601 or Spring duration, not negative
     * @param maxWaiting how many reads may wait at once; {@code casetracker.read.consistency-max-waiting}, not
     *                   negative (0: none waits)
     */
    public ReadConsistency(@Value("${casetracker.read.consistency-wait:PT5S}") Duration maxWait,
                           @Value("${casetracker.read.consistency-max-waiting:50}") int maxWaiting) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("casetracker.read.consistency-wait must not be negative");
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("casetracker.read.consistency-max-waiting must not be negative");
        }
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Waits until {@code projected} gives at least {@code minVersion}, or the bound passes. Returns at once when
     * {@code minVersion} is null (the reader did not ask). Never throws for a lag: the read that follows checks the
     * version again in its own transaction and raises {@link #lag} then.
     *
     * @param minVersion the version the reader needs (the number of the case's events), 1 or more, or null
     * @param projected  one lookup of the case's version in the projections read, without a transaction; empty when
     *                   they do not hold the case yet. It may throw (a refusal of the reader), which ends the wait.
     */
    public void await(Long minVersion, Supplier<OptionalLong> projected) {
        if (minVersion == null || reached(projected.get(), minVersion)) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            // Enough reads hold their threads already: this one answers at once (503 from the read).
            waiting.decrementAndGet();
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        try {
            while (System.nanoTime() < deadline) {
                long nap = Math.min(pause, Math.max(0, deadline - System.nanoTime()));
                if (!RequestPlace.aside(() -> slept(nap))) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (reached(projected.get(), minVersion)) {
                    return;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Sleeps {@code nanos}; false when the thread was interrupted (its flag is then for the caller to set again). */
    private static boolean slept(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * The refusal of a read whose case the projections do not hold at {@code minVersion} yet.
     */
    public ProjectionLagException lag(long minVersion) {
        return new ProjectionLagException(minVersion, retryAfterSeconds());
    }

    /**
     * What {@code Retry-After} says: the bound in whole seconds, rounded up, at least 1.
     */
    public long retryAfterSeconds() {
        return Math.max(1, (maxWait.toMillis() + 999) / 1000);
    }

    /**
     * How many reads are waiting now (for monitoring and tests).
     */
    public int waiting() {
        return waiting.get();
    }

    private static boolean reached(OptionalLong version, long minVersion) {
        return version.isPresent() && version.getAsLong() >= minVersion;
    }
}
