package vn.childprotection.casetracker.query.bulkhead;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks at start that the bulkheads together leave connections of the pool ({@code casetracker.database.pool-size},
 * default 20) to what keeps the projections alive: Axon's processors and their token claims, a rebuild, the
 * access-log sealer, the deadline scheduler and the commands of the all-in-one.
 * <p>
 * Why the sum of their places bounds the connections requests hold: every place stands for at most one connection
 * (its holder runs one statement at a time, in at most one transaction), and no thread holds two places at once — a
 * cheap read holds a place of the {@link ReadBulkhead}; a read of a counting family holds a place of the
 * {@link SlowReadBulkhead} for its short work and gives it back before it waits for a turn of the counting bulkhead
 * ({@link RequestPlace#aside}); a read waiting for the projections ({@code minVersion}) gives its place back while it
 * sleeps. A thread waiting for a place holds no connection. With the defaults: at most 8 cheap reads (2 per core) + 2
 * reads of the counting families + 2 counts = at most 12 of 20 connections, 8 or more left over (on two cores, two
 * counts already keep both busy).
 */
@Component
public class ConnectionBudget {

    /**
     * @param bulkheads every bulkhead of the service
     * @param poolSize  the database connection pool's size
     * @throws IllegalArgumentException if their places together are not below the pool size
     */
    public ConnectionBudget(List<Bulkhead> bulkheads, @Value("${casetracker.database.pool-size:20}") int poolSize) {
        int places = bulkheads.stream().mapToInt(Bulkhead::maxConcurrent).sum();
        if (places >= poolSize) {
            throw new IllegalArgumentException("The bulkheads' places together (" + bulkheads.stream()
                    .map(b -> b.limitProperty() + "=" + b.maxConcurrent()).sorted().collect(Collectors.joining(" + "))
                    + " = " + places + ") must be below casetracker.database.pool-size (" + poolSize
                    + ") so that the projections keep connections");
        }
    }
}
