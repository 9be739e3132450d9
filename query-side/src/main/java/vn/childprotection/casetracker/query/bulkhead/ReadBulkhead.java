package vn.childprotection.casetracker.query.bulkhead;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bulkhead between HTTP reads and the database connection pool: at most
 * {@code casetracker.reads.max-concurrent} reads are served at once, so that however many people read, the rest of
 * the pool ({@code casetracker.database.pool-size}) stays for what keeps the projections alive — Axon's processors
 * and their token claims, projection rebuilds, the access-log sealer, the deadline scheduler and the commands of the
 * all-in-one. A read that finds every place taken waits its turn (fairly, first come first served) for at most
 * {@code casetracker.reads.max-wait}, then is refused ({@link ReadBulkheadFilter} answers 503). The reads that may
 * count indicators take no place here but one of the {@link SlowReadBulkhead}; a read waiting for the projections
 * ({@code minVersion}) gives its place back while it sleeps ({@link RequestPlace#aside}).
 * <p>
 * The limit must leave connections over: it is refused at start when it is not below the pool size, and with the
 * other bulkheads' places ({@link ConnectionBudget}).
 */
@Component
public class ReadBulkhead extends Bulkhead {

    /**
     * @param maxConcurrent reads served at once; at least 1 and below {@code poolSize}
     * @param maxWait       how long a read may wait for its turn; zero or more
     * @param poolSize      the database connection pool's size ({@code casetracker.database.pool-size})
     * @throws IllegalArgumentException if the limit is below 1 or not below the pool size, or the wait is negative
     */
    public ReadBulkhead(@Value("${casetracker.reads.max-concurrent:8}") int maxConcurrent,
                        @Value("${casetracker.reads.max-wait:5s}") Duration maxWait,
                        @Value("${casetracker.database.pool-size:20}") int poolSize) {
        super("casetracker.reads.max-concurrent", belowPool(maxConcurrent, poolSize), "casetracker.reads.max-wait",
                maxWait);
    }

    private static int belowPool(int maxConcurrent, int poolSize) {
        if (maxConcurrent >= poolSize) {
            throw new IllegalArgumentException("casetracker.reads.max-concurrent must be below "
                    + "casetracker.database.pool-size (" + poolSize + ") so that the projections keep connections: "
                    + maxConcurrent);
        }
        return maxConcurrent;
    }
}
