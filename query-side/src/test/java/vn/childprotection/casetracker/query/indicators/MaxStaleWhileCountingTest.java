package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A request carrying {@code max-stale} while the current facts are being counted (by another request or a background
 * recount) is given the earlier answer at once instead of waiting for that count; one without it waits and gets the
 * current count. The count of the current version is held on a latch, so nothing here depends on timing.
 */
class MaxStaleWhileCountingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
    private static final ReportingPeriod YEAR = new ReportingPeriod(LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31));
    private static final Set<String> COMMUNES = Set.of("31-xa-an-lao");
    private static final CountedCells EARLIER = new CountedCells(7, Map.of());
    private static final CountedCells CURRENT = new CountedCells(8, Map.of());

    private final AtomicLong version = new AtomicLong(1);
    private final CountDownLatch countStarted = new CountDownLatch(1);
    private final CountDownLatch releaseCount = new CountDownLatch(1);

    @Test
    void an_earlier_answer_is_given_while_the_current_facts_are_being_counted() throws Exception {
        IndicatorAnswers answers = answers();
        assertThat(answers.counted(COMMUNES, YEAR, null, List.of(), MaxStale.NOT_ASKED).cells().get("total"))
                .isEqualTo(EARLIER);

        version.set(2);
        CompletableFuture<CountedAnswer> fresh = CompletableFuture.supplyAsync(
                () -> answers.counted(COMMUNES, YEAR, null, List.of(), MaxStale.NOT_ASKED));
        assertThat(countStarted.await(10, TimeUnit.SECONDS)).as("the current facts' count started").isTrue();

        CountedAnswer earlier = answers.counted(COMMUNES, YEAR, null, List.of(), new MaxStale(Duration.ofSeconds(60)));
        assertThat(earlier.cells().get("total")).isEqualTo(EARLIER);
        assertThat(earlier.countedAt()).isEqualTo(NOW);
        assertThat(fresh).as("still counting").isNotDone();

        releaseCount.countDown();
        assertThat(fresh.get(10, TimeUnit.SECONDS).cells().get("total")).isEqualTo(CURRENT);
        assertThat(fresh.get().countedAt()).as("of the current facts").isNull();
        assertThat(answers.counts()).isEqualTo(2);
        answers.stopRecounts();
    }

    private IndicatorAnswers answers() {
        FactsVersions versions = new FactsVersions(null, null) {
            @Override
            FactsVersion read(Collection<String> communes) {
                return new FactsVersion(1, Map.of("31-xa-an-lao", version.get()));
            }
        };
        IndicatorFactsRepository facts = new IndicatorFactsRepository(null, null, new AgeBands("0-5,6-10,11-15")) {
            @Override
            Map<String, CountedCells> count(Collection<String> communeCodes, ReportingPeriod period,
                                            List<IndicatorDefinition> definitions, Instant asOf) {
                if (version.get() == 1) {
                    return Map.of("total", EARLIER);
                }
                countStarted.countDown();
                try {
                    releaseCount.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of("total", CURRENT);
            }
        };
        return new IndicatorAnswers(versions, facts, new CountingBulkhead(2, Duration.ofSeconds(2)),
                new NoTransactions(), Clock.fixed(NOW, ZoneOffset.UTC), true, 100);
    }

    /** Transactions that hold nothing: the counts here read no database. */
    private static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
