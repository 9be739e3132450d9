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
 * <p>
 * By default ({@code casetracker.reads.max-concurrent=0}) the limit is two places per processor the JVM may use,
 * between 2 and 8 ({@link #automaticLimit}). A read is CPU work of the service and of PostgreSQL (one short
 * transaction on pages in memory), so places beyond a couple per core add no throughput; they only put more threads
 * and database backends in the operating system's run queue, and every one of a read's round trips to PostgreSQL
 * then waits behind them. Measured at 100,000 cases on 2 cores, 32 readers (docs/benchmarks.md, "Reads at 100,000
 * cases: the read bulkhead sized by the cores"): with 8 places the work queue's p99 was 87 ms, with 4 places 47 ms,
 * at the same throughput. A deployment whose database sits on slow disks or far away may want more: set the property.
 */
@Component
public class ReadBulkhead extends Bulkhead {

    /** The most places the automatic limit gives, whatever the cores: the limit before it was sized by them. */
    static final int AUTOMATIC_MAX = 8;

    /**
     * @param maxConcurrent reads served at once; 0 for {@link #automaticLimit}, else at least 1 and below
     *                      {@code poolSize}
     * @param maxWait       how long a read may wait for its turn; zero or more
     * @param poolSize      the database connection pool's size ({@code casetracker.database.pool-size})
     * @throws IllegalArgumentException if the limit is negative or not below the pool size, or the wait is negative
     */
    public ReadBulkhead(@Value("${casetracker.reads.max-concurrent:0}") int maxConcurrent,
                        @Value("${casetracker.reads.max-wait:5s}") Duration maxWait,
                        @Value("${casetracker.database.pool-size:20}") int poolSize) {
        super("casetracker.reads.max-concurrent",
                belowPool(maxConcurrent == 0 ? automaticLimit(Runtime.getRuntime().availableProcessors())
                        : maxConcurrent, poolSize), "casetracker.reads.max-wait", maxWait);
    }

    /**
     * The limit when none is set: two places per processor, at least 2, at most {@value #AUTOMATIC_MAX}.
     *
     * @param processors the processors the JVM may use ({@link Runtime#availableProcessors()}), at least 1
     * @return the number of reads served at once
     */
    static int automaticLimit(int processors) {
        return Math.min(AUTOMATIC_MAX, Math.max(2, 2 * processors));
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
