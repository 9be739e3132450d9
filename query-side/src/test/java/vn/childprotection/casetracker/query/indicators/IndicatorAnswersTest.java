package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.admin.ProjectionRebuilds;
import vn.childprotection.casetracker.query.admin.RebuildStatus;

/**
 * The cells of a question are given again while the facts they were counted from did not change, and counted again
 * as soon as they did: through the projection (a new report, a report entered late), by a rebuild's switch. A write
 * in another commune keeps a commune's answer. Whether a question was counted is read from
 * {@link IndicatorAnswers#counts()}, never from timing. Cases of 2020–2023 in two communes no other test uses.
 */
class IndicatorAnswersTest extends QuerySideIntegrationTest {

    private static final String AN_THO = "313-an-tho";
    private static final String CHIEN_THANG = "313-chien-thang";
    private static final Duration REBUILD_PATIENCE = Duration.ofMinutes(3);

    @Autowired
    private IndicatorAnswers answers;
    @Autowired
    private CountingBulkhead bulkhead;
    @Autowired
    private ProjectionRebuilds rebuilds;

    @Test
    void a_second_identical_question_is_answered_without_counting_and_a_new_fact_is_counted() {
        String year = question(AN_THO, "2021");
        report(AN_THO, "2021-03-01T02:00:00Z", "2021-03-01T02:00:00Z");
        awaitAbused(year, 1);

        long counted = answers.counts();
        JsonNode again = getJson(year);
        assertThat(abused(again)).isEqualTo(1);
        assertThat(answers.counts()).as("given again, not counted").isEqualTo(counted);

        // Entered late: happened in March, recorded in September; the answer as of June stays as it was.
        String asOfJune = year + "&asOf=2021-06-01T00:00:00Z";
        assertThat(abused(getJson(asOfJune))).isEqualTo(1);
        report(AN_THO, "2021-03-15T02:00:00Z", "2021-09-01T02:00:00Z");
        awaitAbused(year, 2);
        assertThat(abused(getJson(asOfJune))).isEqualTo(1);
    }

    @Test
    void a_write_in_another_commune_keeps_a_communes_answer() {
        String anTho = question(AN_THO, "2022") + "&code=0101";
        String chienThang = question(CHIEN_THANG, "2022") + "&code=0101";
        report(AN_THO, "2022-04-01T02:00:00Z", "2022-04-01T02:00:00Z");
        awaitAbused(anTho, 1);
        long anThoAbused = 1;

        report(CHIEN_THANG, "2022-04-02T02:00:00Z", "2022-04-02T02:00:00Z");
        awaitAbused(chienThang, 1);
        long counted = answers.counts();
        assertThat(abused(getJson(anTho))).isEqualTo(anThoAbused);
        assertThat(answers.counts()).as("An Thọ's answer given again").isEqualTo(counted);

        String district = "/api/v1/indicators?orgUnit=313&from=2022-01-01&to=2022-12-31&code=0101";
        getJson(district);
        report(CHIEN_THANG, "2022-04-03T02:00:00Z", "2022-04-03T02:00:00Z");
        awaitAbused(chienThang, 2);
        long before = answers.counts();
        getJson(district);
        assertThat(answers.counts()).as("the district holds Chiến Thắng: counted again").isEqualTo(before + 1);
    }

    @Test
    void a_rebuilds_switch_counts_every_question_again() {
        String anTho = question(AN_THO, "2023") + "&code=0101";
        report(AN_THO, "2023-05-01T02:00:00Z", "2023-05-01T02:00:00Z");
        awaitAbused(anTho, 1);
        long abused = 1;
        // Facts removed behind the projection's back (no new version): the answer counted before is given again.
        jdbc.update("DELETE FROM indicator_fact WHERE commune_code = ?", AN_THO);
        long counted = answers.counts();
        assertThat(abused(getJson(anTho))).isEqualTo(abused);
        assertThat(answers.counts()).isEqualTo(counted);

        RebuildStatus started = rebuilds.start("indicators");
        assertThat(started).isNotNull();
        await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> rebuilds
                .status("indicators").map(s -> !s.state().active()).orElse(true));
        assertThat(rebuilds.status("indicators").orElseThrow().state().name()).isEqualTo("DONE");

        assertThat(abused(getJson(anTho))).as("the rebuilt facts, counted").isEqualTo(abused);
        assertThat(answers.counts()).isEqualTo(counted + 1);
    }

    @Test
    void a_question_that_finds_every_turn_taken_gets_503_with_retry_after_and_nothing_is_kept() throws Exception {
        String distinct = "/api/v1/indicators?orgUnit=" + CHIEN_THANG + "&from=2020-02-01&to=2020-11-30";
        ExecutorService holders = Executors.newCachedThreadPool();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> held = new ArrayList<>();
        try {
            int turns = bulkhead.maxConcurrent();
            CountDownLatch allHeld = new CountDownLatch(turns);
            for (int i = 0; i < turns; i++) {
                held.add(holders.submit(() -> bulkhead.count(() -> {
                    allHeld.countDown();
                    try {
                        return release.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })));
            }
            assertThat(allHeld.await(10, TimeUnit.SECONDS)).as("every turn held").isTrue();
            long counted = answers.counts();

            HttpResponse<String> refused = get(distinct);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            JsonNode problem = body(refused);
            assertThat(problem.get("type").asString()).isEqualTo(CountingBusyExceptionHandler.TYPE);
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.has("indicators")).isFalse();
            assertThat(answers.counts()).isEqualTo(counted);
        } finally {
            release.countDown();
            for (Future<?> future : held) {
                future.get(10, TimeUnit.SECONDS);
            }
            holders.shutdown();
        }
        long counted = answers.counts();
        assertThat(get(distinct).statusCode()).isEqualTo(200);
        assertThat(answers.counts()).as("the refused question was not kept").isEqualTo(counted + 1);
    }

    private static String question(String orgUnit, String year) {
        return "/api/v1/indicators?orgUnit=" + orgUnit + "&from=" + year + "-01-01&to=" + year + "-12-31";
    }

    private void report(String commune, String occurredAt, String recordedAt) {
        String caseId = newId("answers");
        append(WORKER, Instant.parse(recordedAt), reported(caseId, newId("child"), commune,
                Instant.parse(occurredAt)));
    }

    private void awaitAbused(String path, long expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(abused(getJson(path))).isEqualTo(expected));
    }

    /** The abused children counted (indicator 0101). */
    private static long abused(JsonNode answer) {
        for (JsonNode indicator : answer.get("indicators")) {
            if (indicator.get("code").asString().equals("0101")) {
                return indicator.get("total").asLong();
            }
        }
        throw new AssertionError("no indicator 0101 in " + answer);
    }
}
