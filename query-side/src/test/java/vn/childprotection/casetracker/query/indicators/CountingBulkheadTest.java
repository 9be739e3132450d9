package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * At most the configured number of counts run at once; one more waits its bounded time, then is refused without
 * running. A turn is freed whether the count returned or threw.
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
    void fewer_than_one_turn_is_refused_at_start() {
        assertThatThrownBy(() -> new CountingBulkhead(0, Duration.ofSeconds(1)))
                .hasMessageContaining("max-concurrent-counts");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
