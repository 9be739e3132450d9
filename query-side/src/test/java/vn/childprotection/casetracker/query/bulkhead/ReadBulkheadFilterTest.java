package vn.childprotection.casetracker.query.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * The read bulkhead in front of the API: a read beyond the limit waits its bounded turn, then gets 503.
 */
class ReadBulkheadFilterTest {

    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private final ReadBulkhead bulkhead = new ReadBulkhead(1, Duration.ofMillis(100), 20);
    private final ReadBulkheadFilter filter = new ReadBulkheadFilter(bulkhead, new ProblemWriter(json));

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
    void a_limit_that_leaves_the_pool_no_connection_is_refused_at_start() {
        assertThatThrownBy(() -> new ReadBulkhead(20, Duration.ofSeconds(1), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below");
        assertThatThrownBy(() -> new ReadBulkhead(0, Duration.ofSeconds(1), 20))
                .isInstanceOf(IllegalArgumentException.class);
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
