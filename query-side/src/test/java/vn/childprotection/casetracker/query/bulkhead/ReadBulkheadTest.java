package vn.childprotection.casetracker.query.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * Readers cannot take every database connection: with every read place of the bulkhead taken, each holding a
 * connection as a read in progress does, the projections still get connections and go on applying events. (A read
 * beyond the limit waiting its bounded turn, then refused with 503: {@link ReadBulkheadFilterTest}.) The reads that
 * may count are exactly the endpoints of the counting families.
 */
class ReadBulkheadTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-07-03T02:00:00Z");

    @Autowired
    private ReadBulkhead bulkhead;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private WebApplicationContext web;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void the_read_bulkhead_filter_is_registered_with_the_servlet_container() {
        assertThat(web.getServletContext().getFilterRegistrations()).containsKey("readBulkheadFilter");
    }

    /**
     * Every endpoint that may count indicators (those of the {@code indicators} and {@code reports} packages, and
     * the indicators of {@code statistics}) is a slow read, and no other endpoint is: a new endpoint cannot take a
     * cheap read's place while it counts, nor a cheap one queue with the counts.
     */
    @Test
    void the_slow_reads_are_exactly_the_endpoints_that_may_count_indicators() {
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            String packageName = method.getBeanType().getPackageName();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                boolean counts = packageName.endsWith(".indicators") || packageName.endsWith(".reports")
                        || (packageName.endsWith(".statistics") && pattern.contains("/indicators"));
                String path = pattern.replaceAll("\\{[^}]*}", "x");
                assertThat(SlowReads.covers(path)).as("%s (%s)", pattern, method).isEqualTo(counts);
                checked.add(pattern);
            }
        });
        assertThat(checked).contains("/api/v1/indicators", "/api/v1/reports/{year}/{kind}/xlsx",
                "/api/v1/targets/{year}", "/api/v1/statistics/indicators", "/api/v1/statistics/open-cases",
                "/api/v1/cases/{caseId}");
    }

    @Test
    void with_every_read_place_taken_and_holding_a_connection_a_projection_still_gets_its_connection()
            throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(bulkhead.maxConcurrent()).as("read places below the pool size")
                .isLessThan(pool.getMaximumPoolSize());
        String caseId = newId("case");
        List<Connection> heldByReads = new ArrayList<>();
        int places = 0;
        try {
            while (places < bulkhead.maxConcurrent()) {
                assertThat(bulkhead.enter()).isTrue();
                places++;
                heldByReads.add(dataSource.getConnection());
            }

            append(WORKER, T0, reported(caseId, newId("child"), "313-tt-an-lao", T0));
            awaitProjected(caseId);
        } finally {
            for (Connection connection : heldByReads) {
                connection.close();
            }
            for (int i = 0; i < places; i++) {
                bulkhead.leave();
            }
        }
        assertThat(awaitCaseFile(caseId, 1).get("version").asLong()).as("read once places are free again")
                .isEqualTo(1);
    }

    private void awaitProjected(String caseId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM case_file WHERE case_id = ?", Long.class, caseId)).isEqualTo(1));
    }
}
