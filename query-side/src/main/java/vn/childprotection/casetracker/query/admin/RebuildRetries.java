package vn.childprotection.casetracker.query.admin;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.deadletters.TransientFailures;

/**
 * When a step of a projection rebuild that failed is tried again: a failure that
 * {@link TransientFailures#isTransient} calls transient (no connection from the pool in time, the database restarting,
 * a serialization conflict) is retried after a back-off that doubles from
 * {@code casetracker.projections.rebuild.retry.initial-backoff} (500 ms) up to
 * {@code casetracker.projections.rebuild.retry.max-backoff} (30 s), at most
 * {@code casetracker.projections.rebuild.retry.max-attempts} (10) times in a row; any other failure, or one more
 * transient failure than that, fails the rebuild.
 */
@Component
public class RebuildRetries {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    /**
     * @param maxAttempts    retries in a row at most; zero or more
     * @param initialBackoff the wait before the first retry; positive
     * @param maxBackoff     the longest wait between two tries; not below {@code initialBackoff}
     * @throws IllegalArgumentException if a value is out of range
     */
    public RebuildRetries(@Value("${casetracker.projections.rebuild.retry.max-attempts:10}") int maxAttempts,
                          @Value("${casetracker.projections.rebuild.retry.initial-backoff:500ms}")
                          Duration initialBackoff,
                          @Value("${casetracker.projections.rebuild.retry.max-backoff:30s}") Duration maxBackoff) {
        if (maxAttempts < 0 || initialBackoff.isNegative() || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("casetracker.projections.rebuild.retry: max-attempts must be 0 or "
                    + "more, initial-backoff positive and max-backoff not below it");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * @param failure      what the step threw
     * @param failedBefore how many times in a row the rebuild failed transiently before this failure
     * @return how long to wait before trying again, or empty when the rebuild must fail
     */
    public Optional<Duration> backoff(Throwable failure, int failedBefore) {
        if (!TransientFailures.isTransient(failure) || failedBefore >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = initialBackoff;
        for (int i = 0; i < failedBefore && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }

    /** Retries in a row at most. */
    public int maxAttempts() {
        return maxAttempts;
    }
}
