package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * A rebuild that meets a transient failure (the connection pool exhausted, as by readers) tries again and completes,
 * instead of failing. Runs in the module's shared context.
 */
class RebuildRetryTest extends QuerySideIntegrationTest {

    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2025-07-02T02:00:00Z");

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private DataSource dataSource;

    @Test
    void a_rebuild_that_gets_no_connection_from_the_exhausted_pool_retries_and_completes() throws Exception {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-an-thang", T0);
        awaitCaseFile(caseId, 8);
        // The history is another processor than the case file: wait for its rows too before counting them.
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM case_history WHERE case_id = ?",
                Long.class, caseId), rows -> rows == 8);
        long rowsBefore = jdbc.queryForObject("SELECT count(*) FROM case_history", Long.class);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long connectionTimeout = pool.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        try {
            // Fail fast while the pool is exhausted (Hikari's smallest connection time-out).
            pool.getHikariConfigMXBean().setConnectionTimeout(250);
            rebuilds.start("case-history");
            takeEveryConnection(pool, held);

            await().atMost(REBUILD_PATIENCE).until(() -> rebuilds.status("case-history").orElseThrow().problem(),
                    problem -> problem != null && problem.contains("transient failure")
                            && problem.contains("SQLTransientConnectionException"));
            assertThat(rebuilds.status("case-history").orElseThrow().state().active())
                    .as("still running, not failed").isTrue();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(connectionTimeout);
        }

        RebuildStatus done = await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> rebuilds.status("case-history").orElseThrow(), s -> !s.state().active());
        assertThat(done.state()).as("%s", done).isEqualTo(RebuildState.DONE);
        assertThat(done.problem()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_history", Long.class))
                .as("rows of the rebuilt history").isEqualTo(rowsBefore);
    }

    /** Takes connections until the pool has none left (a request for one more times out). */
    private static void takeEveryConnection(HikariDataSource pool, List<Connection> held) throws Exception {
        while (held.size() <= pool.getMaximumPoolSize()) {
            try {
                held.add(pool.getConnection());
            } catch (SQLTransientConnectionException exhausted) {
                return;
            }
        }
        throw new IllegalStateException("the pool never ran out");
    }
}
