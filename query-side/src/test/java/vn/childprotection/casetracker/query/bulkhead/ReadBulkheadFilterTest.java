package vn.childprotection.casetracker.query.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;

/**
 * The read bulkhead in front of the API: a read beyond the limit waits its bounded turn, then gets 503. The reads of
 * the counting families take the places of their own bulkhead, and give them back while they count; a read waiting
 * for the projections gives its place back while it sleeps. Both limits at one place.
 */
class ReadBulkheadFilterTest {

    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private final ReadBulkhead bulkhead = new ReadBulkhead(1, Duration.ofMillis(100), 20);
    private final SlowReadBulkhead slowReads = new SlowReadBulkhead(1, Duration.ofMillis(100));
    private final ReadBulkheadFilter filter = new ReadBulkheadFilter(bulkhead, slowReads, new ProblemWriter(json));

    @Test
    void with_the_limit_at_one_and_one_read_held_another_read_gets_503_problem_with_retry_after() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> held = CompletableFuture.supplyAsync(() -> serve(get(
                "/api/v1/cases/case-1"), (request, response) -> {
                    inside.countDown();
                    await(release);
                }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicInteger served = new AtomicInteger();
        MockHttpServletResponse refused = serve(get("/api/v1/risk-register"),
                (request, response) -> served.incrementAndGet());

        assertThat(served).hasValue(0);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = json.readTree(refused.getContentAsString());
        assertThat(problem.get("rule").asString()).isEqualTo("reads-saturated");
        assertThat(problem.get("status").asInt()).isEqualTo(503);

        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockHttpServletResponse after = serve(get("/api/v1/risk-register"),
                (request, response) -> served.incrementAndGet());
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(served).as("the place is given back once the held read is answered").hasValue(1);
    }

    @Test
    void commands_and_health_are_not_limited_while_every_read_place_is_taken() throws Exception {
        assertThat(bulkhead.enter()).isTrue();
        try {
            AtomicInteger served = new AtomicInteger();
            MockHttpServletRequest command = new MockHttpServletRequest("POST", "/api/v1/cases");
            assertThat(serve(command, (request, response) -> served.incrementAndGet()).getStatus()).isEqualTo(200);
            assertThat(serve(get("/actuator/health"), (request, response) -> served.incrementAndGet()).getStatus())
                    .isEqualTo(200);
            assertThat(served).hasValue(2);
        } finally {
            bulkhead.leave();
        }
    }

    @Test
    void a_slow_read_is_known_by_its_path_as_the_controllers_match_it_decoded_and_without_parameters()
            throws Exception {
        assertThat(bulkhead.enter()).isTrue();
        try {
            AtomicInteger served = new AtomicInteger();
            MockHttpServletResponse report = serve(get("/api/v1/report%73;v=1/2025/annual"),
                    (request, response) -> served.incrementAndGet());
            assertThat(report.getStatus()).as("not queued for the taken cheap place").isEqualTo(200);
            assertThat(serve(get("/api/v1/cases/case-5"), (request, response) -> served.incrementAndGet())
                    .getStatus()).isEqualTo(503);
            assertThat(served).hasValue(1);
        } finally {
            bulkhead.leave();
        }
    }

    @Test
    void a_place_is_given_back_when_the_read_fails() {
        assertThatThrownBy(() -> filter.doFilter(get("/api/v1/cases/case-2"), new MockHttpServletResponse(),
                (request, response) -> {
                    throw new IllegalStateException("the read failed");
                })).isInstanceOf(IllegalStateException.class);

        AtomicInteger served = new AtomicInteger();
        assertThat(serve(get("/api/v1/cases/case-2"), (request, response) -> served.incrementAndGet()).getStatus())
                .isEqualTo(200);
        assertThat(served).hasValue(1);
    }

    @Test
    void while_a_count_is_in_progress_a_case_file_read_and_another_slow_read_are_answered_without_waiting()
            throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> counted = CompletableFuture.supplyAsync(() -> serve(get(
                "/api/v1/indicators"), (request, response) -> RequestPlace.aside(() -> {
                    counting.countDown();
                    await(release);
                })));
        assertThat(counting.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicInteger served = new AtomicInteger();
        assertThat(CompletableFuture.supplyAsync(() -> serve(get("/api/v1/cases/case-3"),
                (request, response) -> served.incrementAndGet())).get(10, TimeUnit.SECONDS).getStatus())
                .as("a cheap read, its only place free").isEqualTo(200);
        assertThat(CompletableFuture.supplyAsync(() -> serve(get("/api/v1/reports/2025/annual"),
                (request, response) -> served.incrementAndGet())).get(10, TimeUnit.SECONDS).getStatus())
                .as("a cached answer, the counting read's place given back").isEqualTo(200);
        assertThat(served).hasValue(2);

        release.countDown();
        assertThat(counted.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(serve(get("/api/v1/statistics/indicators"), (request, response) -> served.incrementAndGet())
                .getStatus()).as("the counting read's place given back at its end").isEqualTo(200);
    }

    @Test
    void a_read_whose_place_is_taken_while_it_counts_gets_reads_saturated_and_places_stay_counted()
            throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch countDone = new CountDownLatch(1);
        CompletableFuture<Throwable> counted = CompletableFuture.supplyAsync(() -> {
            try {
                filter.doFilter(get("/api/v1/targets/2025"), new MockHttpServletResponse(),
                        (request, response) -> RequestPlace.aside(() -> {
                            counting.countDown();
                            await(countDone);
                        }));
                return null;
            } catch (Exception | Error e) {
                return e;
            }
        });
        assertThat(counting.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> holder = CompletableFuture.supplyAsync(() -> serve(get(
                "/api/v1/indicators"), (request, response) -> {
                    holding.countDown();
                    await(release);
                }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        countDone.countDown();
        assertThat(counted.get(10, TimeUnit.SECONDS)).isInstanceOf(ReadsSaturatedException.class)
                .hasMessageContaining("casetracker.reads.slow.max-concurrent");

        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(slowReads.enter()).as("the one place is free again").isTrue();
        assertThat(slowReads.enter()).as("and only one").isFalse();
        slowReads.leave();
    }

    @Test
    void a_read_waiting_for_the_projections_gives_its_place_back_while_it_sleeps() throws Exception {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(30), 5);
        CountDownLatch polled = new CountDownLatch(1);
        AtomicBoolean projected = new AtomicBoolean();
        CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture.supplyAsync(() -> serve(get(
                "/api/v1/cases/case-4"), (request, response) -> consistency.await(2L, () -> {
                    polled.countDown();
                    return projected.get() ? OptionalLong.of(2) : OptionalLong.empty();
                })));
        assertThat(polled.await(10, TimeUnit.SECONDS)).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> consistency.waiting() == 1);

        AtomicInteger served = new AtomicInteger();
        assertThat(CompletableFuture.supplyAsync(() -> serve(get("/api/v1/risk-register"),
                (request, response) -> served.incrementAndGet())).get(10, TimeUnit.SECONDS).getStatus())
                .as("the only read place, free while the other read sleeps").isEqualTo(200);
        assertThat(served).hasValue(1);

        projected.set(true);
        assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(consistency.waiting()).isZero();
    }

    @Test
    void bulkheads_whose_places_together_reach_the_pool_size_are_refused_at_start() {
        Bulkhead counts = new Bulkhead("casetracker.indicators.max-concurrent-counts", 4,
                "casetracker.indicators.count-wait", Duration.ofSeconds(2));
        assertThatThrownBy(() -> new ConnectionBudget(List.of(new ReadBulkhead(10, Duration.ofSeconds(1), 20),
                new SlowReadBulkhead(6, Duration.ofSeconds(1)), counts), 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("casetracker.reads.slow.max-concurrent=6")
                .hasMessageContaining("= 20)");
        new ConnectionBudget(List.of(new ReadBulkhead(10, Duration.ofSeconds(1), 20),
                new SlowReadBulkhead(2, Duration.ofSeconds(1)), counts), 20);
    }

    @Test
    void a_limit_that_leaves_the_pool_no_connection_is_refused_at_start() {
        assertThatThrownBy(() -> new ReadBulkhead(20, Duration.ofSeconds(1), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below");
        assertThatThrownBy(() -> new ReadBulkhead(-1, Duration.ofSeconds(1), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void a_limit_of_zero_gives_two_places_per_processor_between_two_and_eight() {
        assertThat(ReadBulkhead.automaticLimit(1)).isEqualTo(2);
        assertThat(ReadBulkhead.automaticLimit(2)).isEqualTo(4);
        assertThat(ReadBulkhead.automaticLimit(3)).isEqualTo(6);
        assertThat(ReadBulkhead.automaticLimit(4)).isEqualTo(8);
        assertThat(ReadBulkhead.automaticLimit(64)).isEqualTo(8);
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(new ReadBulkhead(0, Duration.ofSeconds(1), 20).maxConcurrent())
                .isEqualTo(Math.min(8, Math.max(2, 2 * processors)));
        assertThat(new ReadBulkhead(5, Duration.ofSeconds(1), 20).maxConcurrent()).as("set: taken as it is")
                .isEqualTo(5);
    }

    private static MockHttpServletRequest get(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }

    private MockHttpServletResponse serve(MockHttpServletRequest request, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
