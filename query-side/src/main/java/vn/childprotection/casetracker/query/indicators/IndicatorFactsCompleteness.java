package vn.childprotection.casetracker.query.indicators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.admin.ProjectionRebuilds;
import vn.childprotection.casetracker.query.admin.RebuildStatus;

/**
 * Whether {@code indicator_fact} holds the counted facts (<i>sự việc được tính</i>) of every case, as kept in
 * {@code indicator_fact_state} (V3_9): false on a store that already held cases when V3_9 was applied, until a
 * rebuild of the {@code indicators} group switches in ({@link IndicatorFactsBackfill}). While false, a count read
 * from the facts would leave out every case recorded before V3_9, so {@link #requireComplete} refuses it.
 * <p>
 * The state is read from the database on every question (a one-row primary-key read), so it is never stale, in this
 * instance or another one sharing the database.
 */
@Component
class IndicatorFactsCompleteness {

    /** Retry-After while the rebuild runs but has no estimate yet, and its lower bound. */
    static final long SHORTEST_RETRY_SECONDS = 5;
    /** Retry-After when no rebuild runs (it failed: the next start tries again), and the upper bound. */
    static final long LONGEST_RETRY_SECONDS = 600;
    private static final long NO_REBUILD_RETRY_SECONDS = 60;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<ProjectionRebuilds> rebuilds;
    /** Wall-clock time: how long until the rebuild is expected to finish, not the domain time of a fact. */
    private final Clock clock = Clock.systemUTC();

    IndicatorFactsCompleteness(JdbcTemplate jdbc, ObjectProvider<ProjectionRebuilds> rebuilds) {
        this.jdbc = jdbc;
        this.rebuilds = rebuilds;
    }

    /**
     * @return whether every case has its counted facts in {@code indicator_fact}
     */
    boolean complete() {
        Boolean complete = jdbc.queryForObject("SELECT complete FROM indicator_fact_state", Boolean.class);
        return Boolean.TRUE.equals(complete);
    }

    /**
     * Lets a count from {@code indicator_fact} go on only when the facts are complete.
     *
     * @throws IndicatorsRebuildingException if they are not: answered 503 with {@code Retry-After}, the seconds until
     *                                       the running rebuild is expected to finish (5 to 600)
     */
    void requireComplete() {
        if (complete()) {
            return;
        }
        Optional<RebuildStatus> rebuild = rebuilds.getObject().status(IndicatorProjection.PROCESSING_GROUP)
                .filter(status -> status.state().active());
        Instant expected = rebuild.map(RebuildStatus::expectedFinish).orElse(null);
        long retryAfter = rebuild.isEmpty() ? NO_REBUILD_RETRY_SECONDS
                : expected == null ? SHORTEST_RETRY_SECONDS
                : Math.max(SHORTEST_RETRY_SECONDS, Math.min(LONGEST_RETRY_SECONDS,
                        Duration.between(clock.instant(), expected).toSeconds() + 1));
        throw new IndicatorsRebuildingException(retryAfter, rebuild.map(RebuildStatus::percent).orElse(null),
                expected);
    }

    /**
     * Records that every case has its facts. Called in the transaction that switches a rebuild of the group in, so
     * it commits with the rebuilt tables or not at all.
     */
    void markComplete() {
        jdbc.update("UPDATE indicator_fact_state SET complete = TRUE");
    }
}
