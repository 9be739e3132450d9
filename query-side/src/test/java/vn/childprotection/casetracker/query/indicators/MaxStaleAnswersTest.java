package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * {@code Cache-Control: max-stale} on the endpoints answered through the indicators' counts: with the facts changed
 * after a count, a request that carries it is given the earlier answer at once, with {@code Age} and
 * {@code countedAt}, while a recount runs in the background; without it, beyond what it accepts or beyond the limit
 * (300 s), the answer is counted from the current facts; a malformed value is a 400 and counts nothing. Whether a
 * question was counted is read from {@link IndicatorAnswers#counts()} and {@link IndicatorAnswers#recounts()}, never
 * from timing; the module's clock stands still unless moved. Cases of 2012, 2017 and 2019 in An Thọ, years no other
 * test asks about.
 */
class MaxStaleAnswersTest extends QuerySideIntegrationTest {

    private static final String AN_THO = "313-an-tho";

    @Autowired
    private IndicatorAnswers answers;

    @Test
    void an_earlier_answer_is_given_at_once_with_its_age_and_the_recounted_one_once_the_background_count_is_done() {
        String year = "/api/v1/indicators?orgUnit=" + AN_THO + "&from=2019-01-01&to=2019-12-31&code=0101";
        report("2019-03-01T02:00:00Z");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(abused(getJson(year))).isEqualTo(1));

        moveClockTo(NOW.plusSeconds(40));
        report("2019-04-01T02:00:00Z");
        long counted = answers.counts();
        long recounted = answers.recounts();

        HttpResponse<String> earlier = getWith("no-transform, max-stale=60", year);

        assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(200);
        JsonNode old = body(earlier);
        assertThat(abused(old)).as("the cells counted before the second report").isEqualTo(1);
        assertThat(earlier.headers().firstValue("Age")).hasValue("40");
        assertThat(old.get("countedAt").asString()).isEqualTo(NOW.toString());
        assertThat(old.get("generatedAt").asString()).isEqualTo(NOW.plusSeconds(40).toString());
        assertThat(answers.counts()).as("answered without counting").isEqualTo(counted);

        await().atMost(PATIENCE).until(() -> answers.recounts() == recounted + 1);
        HttpResponse<String> recountedAnswer = getWith("max-stale", year);
        assertThat(abused(body(recountedAnswer))).isEqualTo(2);
        assertThat(recountedAnswer.headers().firstValue("Age")).as("of the current facts").isEmpty();
        assertThat(body(recountedAnswer).get("countedAt").asString()).isEqualTo(NOW.plusSeconds(40).toString());
        assertThat(answers.counts()).as("the background count's answer, given again").isEqualTo(counted);
    }

    @Test
    void without_the_directive_beyond_what_it_accepts_or_beyond_the_limit_the_answer_is_counted_from_the_facts() {
        String year = "/api/v1/indicators?orgUnit=" + AN_THO + "&from=2017-01-01&to=2017-12-31&code=0101";
        report("2017-03-01T02:00:00Z");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(abused(getJson(year))).isEqualTo(1));

        moveClockTo(NOW.plusSeconds(10));
        report("2017-04-01T02:00:00Z");
        assertCountedFresh(null, year, 2);

        moveClockTo(NOW.plusSeconds(110));
        report("2017-05-01T02:00:00Z");
        assertCountedFresh("max-stale=50", year, 3);

        moveClockTo(NOW.plusSeconds(520));
        report("2017-06-01T02:00:00Z");
        assertCountedFresh("max-stale=100000", year, 4);

        report("2017-07-01T02:00:00Z");
        long counted = answers.counts();
        long recounted = answers.recounts();
        for (String malformed : new String[] {"max-stale=-5", "max-stale=soon"}) {
            HttpResponse<String> refused = getWith(malformed, year);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("Cache-Control");
        }
        HttpResponse<String> statistics = getWith("max-stale=1.5",
                "/api/v1/statistics/indicators?orgUnit=" + AN_THO + "&from=2017-01-01&to=2017-12-31");
        assertThat(statistics.statusCode()).isEqualTo(400);
        assertThat(answers.counts()).as("nothing counted").isEqualTo(counted);
        assertThat(answers.recounts()).isEqualTo(recounted);
    }

    @Test
    void a_report_says_as_of_when_its_facts_were_counted_and_takes_the_directive_in_every_format() {
        String report = "/api/v1/reports/2012/annual?orgUnit=" + AN_THO;
        JsonNode current = getJson(report);
        assertThat(current.get("countedAt").asString()).isEqualTo(current.get("generatedAt").asString());
        assertThat(current.get("targets").get("countedAt").asString()).isEqualTo(NOW.toString());

        moveClockTo(NOW.plusSeconds(30));
        report("2012-03-01T02:00:00Z");
        HttpResponse<String> earlier = getWith("max-stale=60", report);
        assertThat(earlier.headers().firstValue("Age")).hasValue("30");
        assertThat(body(earlier).get("countedAt").asString()).isEqualTo(NOW.toString());

        HttpResponse<String> csv = getWith("max-stale=60", report + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Số liệu tại thời điểm / Counted at,");
        HttpResponse<String> refused = getWith("max-stale=-1", "/api/v1/reports/2012/annual/csv?orgUnit=" + AN_THO);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** Asked with this Cache-Control (none when null): counted, the expected count, no Age, countedAt = generatedAt. */
    private void assertCountedFresh(String cacheControl, String path, long abused) {
        long counted = answers.counts();
        HttpResponse<String> response = cacheControl == null ? get(path) : getWith(cacheControl, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(answers.counts()).as("counted").isEqualTo(counted + 1);
        JsonNode answer = body(response);
        assertThat(abused(answer)).isEqualTo(abused);
        assertThat(response.headers().firstValue("Age")).isEmpty();
        assertThat(answer.get("countedAt").asString()).isEqualTo(answer.get("generatedAt").asString());
    }

    /** Reports an abused child in An Thọ and waits until the projection holds its facts (no question asked). */
    private void report(String occurredAt) {
        String caseId = newId("stale");
        append(WORKER, Instant.parse(occurredAt), reported(caseId, newId("child"), AN_THO,
                Instant.parse(occurredAt)));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM indicator_fact WHERE case_id = ?", Long.class, caseId) > 0);
    }

    private HttpResponse<String> getWith(String cacheControl, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((READER + ":" + READER)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Cache-Control", cacheControl).GET().build();
        return send(request);
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
