package vn.childprotection.casetracker.query.bulkhead;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The places of the counting families' reads ({@link SlowReads}): at most {@code casetracker.reads.slow.max-concurrent}
 * (default 2) of them do their short work at once — checking the question, reading the facts' version
 * ({@code FactsVersions.read}, one statement) and, on a hit, assembling the answer — each waiting its turn at most
 * {@code casetracker.reads.slow.max-wait} (default 5 s), then answered 503 ({@code reads-saturated}).
 * <p>
 * A question that must be counted gives its place back while it waits for a turn of the counting bulkhead and counts
 * ({@code indicators.CountingBulkhead}, through {@link RequestPlace#aside}), and takes one again for what follows.
 * So a count never holds a place of this bulkhead nor one of the {@link ReadBulkhead}: cheap reads never wait behind
 * a count, and a hit waits only behind other short work, never behind a miss. Why not one bulkhead for the whole
 * request: its places would be held for seconds by the misses counting or waiting to count, and the hits would
 * queue behind them; why not the counting bulkhead alone: the hits would then take connections without any bound.
 */
@Component
public class SlowReadBulkhead extends Bulkhead {

    /**
     * @param maxConcurrent reads of the counting families doing their short work at once, at least 1
     * @param maxWait       how long one waits for its turn, zero or more
     * @throws IllegalArgumentException if the limit is below 1 or the wait negative
     */
    public SlowReadBulkhead(@Value("${casetracker.reads.slow.max-concurrent:2}") int maxConcurrent,
                            @Value("${casetracker.reads.slow.max-wait:5s}") Duration maxWait) {
        super("casetracker.reads.slow.max-concurrent", maxConcurrent, "casetracker.reads.slow.max-wait", maxWait);
    }
}
