package vn.childprotection.casetracker.query.bulkhead;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on how much of one kind of work runs at once, so that it cannot take every database connection of the
 * pool the live projections and rebuilds need too: at most {@link #maxConcurrent()} at once, a newcomer waiting its
 * turn fairly (first come, first served) for at most {@link #maxWait()}, then refused (the caller answers 503).
 * Shared by the cheap HTTP reads ({@link ReadBulkhead}), the reads of the counting families ({@link SlowReadBulkhead})
 * and the indicator counts ({@code indicators.CountingBulkhead}); together they stay below the pool
 * ({@link ConnectionBudget}). Each place stands for at most one database connection: the work holding it runs its
 * statements one at a time, in at most one transaction.
 */
public class Bulkhead {

    private final Semaphore places;
    private final String limitProperty;
    private final int maxConcurrent;
    private final Duration maxWait;

    /**
     * @param limitProperty the setting that gives {@code maxConcurrent}, named in the error
     * @param maxConcurrent how many may run at once, at least 1
     * @param waitProperty  the setting that gives {@code maxWait}, named in the error
     * @param maxWait       how long a newcomer may wait for its turn, zero or more
     * @throws IllegalArgumentException if the limit is below 1 or the wait negative
     */
    public Bulkhead(String limitProperty, int maxConcurrent, String waitProperty, Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(limitProperty + " must be at least 1, not " + maxConcurrent);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException(waitProperty + " must not be negative, not " + maxWait);
        }
        this.places = new Semaphore(maxConcurrent, true);
        this.limitProperty = limitProperty;
        this.maxConcurrent = maxConcurrent;
        this.maxWait = maxWait;
    }

    /**
     * Takes a place, waiting at most {@link #maxWait()}.
     *
     * @return whether a place was taken; if so, {@link #leave()} must follow once the work is done
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean enter() throws InterruptedException {
        return places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Takes a place only if one is free now and nobody waits for one (fairly: never ahead of a waiting newcomer).
     *
     * @return whether a place was taken; if so, {@link #leave()} must follow once the work is done
     */
    public boolean tryEnter() {
        try {
            return places.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back the place taken by {@link #enter()} or {@link #tryEnter()}. */
    public void leave() {
        places.release();
    }

    /** The setting that gives {@link #maxConcurrent()}. */
    public String limitProperty() {
        return limitProperty;
    }

    /** How many run at once at most. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** How long a newcomer waits for a place before it is refused. */
    public Duration maxWait() {
        return maxWait;
    }
}
