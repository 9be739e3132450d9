package vn.childprotection.casetracker.command.intake;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long an idempotency record is kept ({@code casetracker.idempotency.retention}, 7 days by default): within it a
 * replay returns the first answer; after it the record is deleted by a recurring job, and a replay is answered as a
 * new request even before the job ran.
 */
public class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;

    /**
     * @param retention how long a record is kept; positive
     * @throws IllegalStateException when the retention is not positive
     */
    public IdempotencyRetention(JdbcTemplate jdbc, Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("casetracker.idempotency.retention must be positive");
        }
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * @return the retention in whole seconds, as the SQL of the records uses it
     */
    long seconds() {
        return retention.toSeconds();
    }

    /**
     * Deletes the records older than the retention (measured by the database's clock, as their creation time is).
     *
     * @return how many were deleted
     */
    public int deleteExpired() {
        int deleted = jdbc.update("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)",
                seconds());
        if (deleted > 0) {
            log.info("Deleted {} idempotency records older than {}", deleted, retention);
        }
        return deleted;
    }
}
