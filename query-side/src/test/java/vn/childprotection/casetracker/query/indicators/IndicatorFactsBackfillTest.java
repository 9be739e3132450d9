package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.admin.ProjectionRebuilds;
import vn.childprotection.casetracker.query.admin.RebuildStatus;

/**
 * A store upgraded to V3_9 while it already held cases: {@code indicator_fact} has none of their rows and
 * {@code indicator_fact_state} says incomplete. Simulated in the module's shared context by deleting every fact and
 * setting the state, then calling the start hook. The store holds every other test class's cases too, so the
 * answers compared before and after cover far more than this class's own cases.
 */
class IndicatorFactsBackfillTest extends QuerySideIntegrationTest {

    private static final String ADMIN = "/api/v1/admin/projections/indicators";
    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2014-03-01T02:00:00Z");
    private static final String COMMUNE = "313-an-tien";

    /** Every answer counted from the facts, over this class's year and over the busy years of the other tests. */
    private static final List<String> COUNTED = List.of(
            "/api/v1/indicators?orgUnit=31&from=2014-01-01&to=2025-12-31",
            "/api/v1/indicators?orgUnit=313&from=2025-01-01&to=2025-12-31&includePredecessors=true",
            "/api/v1/indicators?orgUnit=" + COMMUNE + "&from=2014-01-01&to=2014-12-31&asOf=2014-03-02T00:00:00Z",
            "/api/v1/statistics/indicators?orgUnit=313&from=2014-01-01&to=2025-12-31",
            "/api/v1/reports/2025/annual?orgUnit=313",
            "/api/v1/reports/2014/semiannual?orgUnit=31",
            "/api/v1/targets/2025?orgUnit=former-313");

    @Autowired
    private IndicatorFactsBackfill backfill;

    @Autowired
    private IndicatorFactsCompleteness completeness;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @AfterEach
    void leaveTheStoreComplete() {
        jdbc.execute("DROP VIEW IF EXISTS backfill_test_view");
        if (!completeness.complete()) {
            awaitRebuildEnded();
            backfill.resume();
            await().atMost(REBUILD_PATIENCE).until(completeness::complete);
        }
    }

    @Test
    void an_upgraded_store_answers_503_until_its_automatic_rebuild_switches_in_then_the_same_counts_as_before() {
        recordCases();
        Map<String, String> before = answers();
        assertThat(json.readTree(before.get(COUNTED.get(2))).get("indicators").values().stream()
                .mapToLong(i -> i.get("total").asLong()).sum()).as("this class's cases count").isPositive();

        jdbc.update("DELETE FROM indicator_fact");
        jdbc.update("UPDATE indicator_fact_state SET complete = FALSE");

        for (String path : COUNTED) {
            assertRebuilding(get(path));
        }
        assertRebuilding(getAccepting("text/csv", "/api/v1/reports/2025/annual/csv?orgUnit=313"));
        assertThat(get("/api/v1/statistics/open-cases").statusCode()).as("not counted from the facts")
                .isEqualTo(200);

        // A rebuild that fails leaves the facts incomplete and the answers refused.
        jdbc.execute("CREATE VIEW backfill_test_view AS SELECT case_id FROM indicator_fact");
        assertThat(backfill.resume()).as("a rebuild is started").isNotNull();
        RebuildStatus failed = awaitRebuildEnded();
        assertThat(failed.state().name()).as(String.valueOf(failed.problem())).isEqualTo("FAILED");
        assertThat(completeness.complete()).isFalse();
        HttpResponse<String> stillRefused = get(COUNTED.get(0));
        assertRebuilding(stillRefused);
        assertThat(stillRefused.headers().firstValue("Retry-After")).as("no rebuild runs").hasValue("60");
        jdbc.execute("DROP VIEW backfill_test_view");

        // The next start tries again, through the ordinary rebuild the admin API shows.
        RebuildStatus started = backfill.resume();
        assertThat(started).isNotNull();
        assertThat(started.projection()).isEqualTo("indicators");
        assertThat(getJson(ADMIN).get("rebuild").get("startedAt").asString())
                .isEqualTo(started.startedAt().toString());
        RebuildStatus done = awaitRebuildEnded();
        assertThat(done.state().name()).as(String.valueOf(done.problem())).isEqualTo("DONE");
        assertThat(completeness.complete()).isTrue();

        assertThat(answers()).isEqualTo(before);
        assertThat(backfill.resume()).as("nothing left to rebuild").isNull();
    }

    @Test
    void a_fresh_store_is_complete_and_its_start_rebuilds_nothing() {
        assertThat(jdbc.queryForList("SELECT complete FROM indicator_fact_state", Boolean.class))
                .containsExactly(true);
        RebuildStatus latest = rebuilds.status("indicators").orElse(null);

        assertThat(backfill.resume()).isNull();

        assertThat(rebuilds.status("indicators").map(RebuildStatus::startedAt).orElse(null))
                .isEqualTo(latest == null ? null : latest.startedAt());
        assertThat(get(COUNTED.get(0)).statusCode()).isEqualTo(200);
    }

    /** Two cases of 2014 in one commune: one through the procedure up to its first review, one reported and closed. */
    private void recordCases() {
        String followed = newId("backfill");
        appendProcedureUpToFirstReview(followed, newId("child"), COMMUNE, T0);
        String closed = newId("backfill");
        append(WORKER, T0.plus(Duration.ofDays(3)), reported(closed, newId("child"), COMMUNE,
                T0.plus(Duration.ofDays(3))));
        append(CHAIR, T0.plus(Duration.ofDays(40)), new CaseClosed(closed, T0.plus(Duration.ofDays(40)),
                "NO_FURTHER_RISK", null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(ADMIN).get("lag").asLong()).isZero());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(DISTINCT case_id) FROM indicator_fact WHERE case_id IN (?, ?)", Long.class, followed,
                closed)).isEqualTo(2));
    }

    private Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : COUNTED) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as("GET %s answered %s", path, answer.body()).isEqualTo(200);
            answers.put(path, answer.body());
        }
        return answers;
    }

    private void assertRebuilding(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L))
                .isBetween(IndicatorFactsCompleteness.SHORTEST_RETRY_SECONDS,
                        IndicatorFactsCompleteness.LONGEST_RETRY_SECONDS);
        JsonNode problem = body(answer);
        assertThat(problem.get("type").asString()).isEqualTo("urn:casetracker:problem:indicators-rebuilding");
        assertThat(problem.get("title").asString()).contains("Indicators are being rebuilt after an upgrade")
                .contains("Đang tính lại chỉ tiêu");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.has("indicators")).isFalse();
    }

    private RebuildStatus awaitRebuildEnded() {
        await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> rebuilds
                .status("indicators").map(s -> !s.state().active()).orElse(true));
        return rebuilds.status("indicators").orElse(null);
    }
}
