package vn.childprotection.casetracker.query.indicators;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.bulkhead.Bulkhead;
import vn.childprotection.casetracker.query.bulkhead.ReadsSaturatedException;
import vn.childprotection.casetracker.query.bulkhead.RequestPlace;

/**
 * Bounds how many indicator counts run at once ({@code casetracker.indicators.max-concurrent-counts}, default 2), so
 * that slow counts never hold every connection of the pool the live projections and a rebuild need too. A count
 * waits for its turn at most {@code casetracker.indicators.count-wait} (default 2 s) and is refused after that with
 * {@link CountingBusyException} (503 with {@code Retry-After}). Only counts take a turn: an answer given again
 * ({@link IndicatorAnswers}) does not. A count waits for its turn before it takes a database connection, and holds no
 * read place meanwhile (see {@code bulkhead.SlowReadBulkhead}). A recount in the background
 * ({@link #countIfFree}) takes a turn only when one is free at once and nobody waits for one.
 */
@Component
class CountingBulkhead extends Bulkhead {

    /**
     * @param maxConcurrent counts that may run at once (at least 1)
     * @param wait          how long a count waits for its turn before it is refused (not negative)
     * @throws IllegalArgumentException if the limit is below 1 or the wait negative
     */
    CountingBulkhead(@Value("${casetracker.indicators.max-concurrent-counts:2}") int maxConcurrent,
                     @Value("${casetracker.indicators.count-wait:PT2S}") Duration wait) {
        super("casetracker.indicators.max-concurrent-counts", maxConcurrent, "casetracker.indicators.count-wait",
                wait);
    }

    /**
     * Runs {@code count} once a turn is free, and frees the turn when it returns or throws. While it waits for its
     * turn and counts, the request gives back its read place ({@link RequestPlace#aside}): a count never holds a
     * place the reads and the cache hits need. Call it holding no database connection (outside any transaction).
     *
     * @return what {@code count} returned
     * @throws CountingBusyException   if no turn was free within the wait (then {@code count} did not run)
     * @throws ReadsSaturatedException if the request's read place did not come back in time after the count
     */
    <T> T count(Supplier<T> count) {
        return RequestPlace.aside(() -> inTurn(count));
    }

    /**
     * Runs {@code count} on {@code executor} holding a turn, if a turn is free now and no count waits for one; frees
     * the turn when it ends. Never waits: a recount that finds no free turn simply does not start.
     *
     * @return whether {@code count} was started
     */
    boolean countIfFree(Executor executor, Runnable count) {
        if (!tryEnter()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    count.run();
                } finally {
                    leave();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            leave();
            return false;
        }
    }

    private <T> T inTurn(Supplier<T> count) {
        boolean turn;
        try {
            turn = enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new CountingBusyException(Math.max(1, maxWait().toSeconds()));
        }
        try {
            return count.get();
        } finally {
            leave();
        }
    }
}
