package vn.childprotection.casetracker.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Read your own writes: a read of one case with {@code minVersion} waits, bounded (3 s in this module's tests,
 * {@code casetracker.read.consistency-wait}), until the projections hold the case at that version, else 503 with
 * {@code Retry-After}; it never answers 404 for a case not projected yet, and tells an outsider nothing more than
 * without it.
 */
class ReadYourWritesTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-04-07T02:00:00Z");
    private static final long BOUND_SECONDS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private ReadConsistency consistency;

    @Test
    void a_read_asking_for_a_version_not_projected_yet_waits_and_answers_once_the_event_arrives() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-tt-an-lao", T0));
        awaitCaseFile(caseId, 1);
        int logged = accessLogOf(caseId).size();

        CompletableFuture<HttpResponse<String>> caseFile = getAsync(READER, "/api/v1/cases/" + caseId
                + "?minVersion=2");
        CompletableFuture<HttpResponse<String>> history = getAsync("auditor", "/api/v1/cases/" + caseId
                + "/history?minVersion=2");
        await().atMost(PATIENCE).until(() -> consistency.waiting() >= 2);
        assertThat(caseFile).as("still waiting: the event is not stored yet").isNotDone();
        append(WORKER, T0.plusSeconds(600), new InitialAssessmentRecorded(caseId, T0.plusSeconds(600),
                RiskLevel.HIGH, false, seal(childId, "Trẻ sợ hãi khi nhắc đến cha")));

        HttpResponse<String> file = caseFile.join();
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(file.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(body(file).get("initialAssessment").get("riskLevel").asString()).isEqualTo("HIGH");
        HttpResponse<String> events = history.join();
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(body(events).get("entries").size()).isEqualTo(2);
        assertThat(accessLogOf(caseId).subList(logged, logged + 2)).as("each read logged once, after the wait")
                .containsExactlyInAnyOrder("coordinator CASE_FILE CASE_WORK", "auditor CASE_HISTORY CASE_WORK");
        assertThat(accessLogOf(caseId)).hasSize(logged + 2);
    }

    @Test
    void a_read_whose_version_never_comes_answers_503_with_retry_after_within_the_bound_and_logs_nothing() {
        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, newId("child"), "313-tt-an-lao", T0));
        awaitCaseFile(caseId, 1);
        int logged = accessLogOf(caseId).size();

        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future = getAsync(READER, "/api/v1/cases/" + caseId
                + "?minVersion=5");
        CompletableFuture<HttpResponse<String>> futureHistory = getAsync("auditor", "/api/v1/cases/" + caseId
                + "/history?minVersion=5");
        CompletableFuture<HttpResponse<String>> unknown = getAsync(READER, "/api/v1/cases/" + newId("case")
                + "?minVersion=1");
        for (HttpResponse<String> lag : List.of(future.join(), futureHistory.join(), unknown.join())) {
            assertThat(lag.statusCode()).as(lag.body()).isEqualTo(503);
            assertThat(lag.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(lag.headers().firstValue("Retry-After")).contains(String.valueOf(BOUND_SECONDS));
            JsonNode problem = body(lag);
            assertThat(problem.get("type").asString()).isEqualTo("urn:casetracker:problem:projection-lag");
            assertThat(problem.get("title").asString()).isEqualTo("Projection lag");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("waited for the bound, not much longer")
                .isBetween(Duration.ofSeconds(BOUND_SECONDS), Duration.ofSeconds(BOUND_SECONDS + 10));
        assertThat(accessLogOf(caseId)).as("a refused read is not a read").hasSize(logged);
        assertThat(body(future.join()).get("detail").asString()).doesNotContain("version 1 ");
    }

    @Test
    void a_read_whose_version_is_projected_answers_at_once_as_without_it() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-tt-an-lao", T0));
        append(WORKER, T0.plusSeconds(60), new InitialAssessmentRecorded(caseId, T0.plusSeconds(60),
                RiskLevel.LOW, false, seal(childId, "Không có dấu hiệu nguy hiểm")));
        JsonNode projected = awaitCaseFile(caseId, 2);

        long started = System.nanoTime();
        HttpResponse<String> older = get("/api/v1/cases/" + caseId + "?minVersion=1");
        HttpResponse<String> same = get("/api/v1/cases/" + caseId + "?minVersion=2");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(body(same)).isEqualTo(projected);
        assertThat(same.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(took).as("no wait").isLessThan(Duration.ofSeconds(BOUND_SECONDS));
    }

    @Test
    void a_reader_outside_the_case_is_refused_at_once_whatever_version_it_asks_for() {
        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, newId("child"), "313-tt-an-lao", T0));
        awaitCaseFile(caseId, 1);

        long started = System.nanoTime();
        HttpResponse<String> present = getAs("worker.anthai", "/api/v1/cases/" + caseId + "?minVersion=1");
        HttpResponse<String> future = getAs("worker.anthai", "/api/v1/cases/" + caseId + "?minVersion=40");
        HttpResponse<String> history = getAs("worker.anthai", "/api/v1/cases/" + caseId + "/history?minVersion=40");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertRefused(present, "outside-your-commune", caseId);
        assertRefused(future, "outside-your-commune", caseId);
        assertRefused(history, "outside-your-commune", caseId);
        assertThat(took).as("the answer's time tells nothing of the version").isLessThan(
                Duration.ofSeconds(BOUND_SECONDS));
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
