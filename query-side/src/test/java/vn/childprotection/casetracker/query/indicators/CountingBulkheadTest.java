package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;
import vn.childprotection.casetracker.query.bulkhead.ReadBulkhead;
import vn.childprotection.casetracker.query.bulkhead.ReadBulkheadFilter;
import vn.childprotection.casetracker.query.bulkhead.SlowReadBulkhead;

/**
 * At most the configured number of counts run at once; one more waits its bounded time, then is refused without
 * running. A turn is freed whether the count returned or threw. A count holds no read place while it runs.
 */
class CountingBulkheadTest {

    @Test
    void with_one_turn_held_a_second_count_is_refused_without_running_and_runs_once_the_turn_is_free()
            throws Exception {
        CountingBulkhead bulkhead = new CountingBulkhead(1, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bulkhead.count(() -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> bulkhead.count(() -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(CountingBusyException.class, e ->
                        assertThat(e.retryAfterSeconds()).isEqualTo(1));
        assertThat(ran).isFalse();

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(bulkhead.count(() -> "second")).isEqualTo("second");
    }

    @Test
    void a_count_that_throws_frees_its_turn() {
        CountingBulkhead bulkhead = new CountingBulkhead(1, Duration.ZERO);

        assertThatThrownBy(() -> bulkhead.count(() -> {
            throw new IllegalStateException("the database went away");
        })).hasMessage("the database went away");

        assertThat(bulkhead.count(() -> "next")).isEqualTo("next");
    }

    @Test
    void with_the_read_bulkhead_at_one_a_count_in_progress_leaves_a_case_file_read_its_place() throws Exception {
        ReadBulkhead reads = new ReadBulkhead(1, Duration.ofMinutes(1), 20);
        SlowReadBulkhead slowReads = new SlowReadBulkhead(1, Duration.ofMinutes(1));
        ReadBulkheadFilter filter = new ReadBulkheadFilter(reads, slowReads, new ProblemWriter(JsonMapper.builder()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()));
        CountingBulkhead counts = new CountingBulkhead(1, Duration.ofSeconds(2));
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> district = CompletableFuture.supplyAsync(() -> status(filter,
                "/api/v1/reports/2025/annual", () -> counts.count(() -> {
                    counting.countDown();
                    return await(release);
                })));
        assertThat(counting.await(10, TimeUnit.SECONDS)).as("the count is in progress").isTrue();

        assertThat(CompletableFuture.supplyAsync(() -> status(filter, "/api/v1/cases/case-1", () -> true))
                .get(10, TimeUnit.SECONDS)).as("a case file read, answered while the count runs").isEqualTo(200);
        assertThat(CompletableFuture.supplyAsync(() -> status(filter, "/api/v1/indicators", () -> true))
                .get(10, TimeUnit.SECONDS)).as("a cached answer, answered while the count runs").isEqualTo(200);

        release.countDown();
        assertThat(district.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void fewer_than_one_turn_is_refused_at_start() {
        assertThatThrownBy(() -> new CountingBulkhead(0, Duration.ofSeconds(1)))
                .hasMessageContaining("max-concurrent-counts");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The status a read of {@code path} is answered with, its handler running {@code handler}. */
    private static int status(ReadBulkheadFilter filter, String path, Supplier<Boolean> handler) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(new MockHttpServletRequest("GET", path), response, (request, ignored) -> handler.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response.getStatus();
    }
}
