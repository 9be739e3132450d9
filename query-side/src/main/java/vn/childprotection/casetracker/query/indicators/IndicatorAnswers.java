package vn.childprotection.casetracker.query.indicators;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.query.bulkhead.RequestPlace;

/**
 * Gives the cells counted for a question again while nothing they were counted from changed, so that the same
 * question asked by many readers is counted once: a bounded cache ({@code casetracker.indicators.answer-cache
 * .max-entries}, least recently used first out; {@code .enabled=false} counts every question) of
 * {@link IndicatorFactsRepository#count}'s cells, keyed by everything the cells depend on ({@link Question}): the
 * communes, the period, {@code asOf} (null, "everything recorded", stays null), the definitions asked (their whole
 * content, not only their codes) and the version of the facts of those communes ({@link FactsVersion}).
 * <p>
 * Why a cell given again can never show a wrong fact:
 * <ul>
 *   <li>Every change of {@code indicator_fact} comes with a new version, in its own transaction: a batch of the
 *       projection (live events, a report entered late, a correction, a dead letter retried) renews the versions of
 *       every commune some fact row of which it changed, and only those: a batch that leaves a case's facts as they
 *       were writes none of them ({@link IndicatorFactWriter}); a rebuild's switch and
 *       the projection's reset renew the generation of the whole table ({@link FactsVersions#newGeneration}).
 *       Versions come from one sequence, which never repeats: a version once replaced never comes back, not even
 *       with a rebuilt table.</li>
 *   <li>A miss reads the version and counts in one read-only transaction in repeatable read (one snapshot), so the
 *       cells stored under a version are the facts of exactly that version. A hit reads the current version first:
 *       what it finds was counted from the facts as they are.</li>
 *   <li>A changed org-unit structure changes the communes of an area, which are resolved for each question before
 *       its key is made; a commune's facts do not depend on the structure.</li>
 *   <li>{@code asOf} is part of the key; the facts as recorded by an instant can still change (a rebuild), and then
 *       their version changes too.</li>
 *   <li>Only the cells are kept: the answer ({@link IndicatorSet}, its {@code generatedAt}, labels and zero cells)
 *       is assembled for each request.</li>
 * </ul>
 * Concurrent identical questions are counted once (the others wait for that count, holding no connection); a count
 * that fails is not kept. Counts take a turn of the {@link CountingBulkhead}. A hit reads one short statement in the
 * request's read place ({@code bulkhead.SlowReadBulkhead}); waiting for a count, its own or another request's, is
 * done without that place ({@link RequestPlace#aside}), so hits never queue behind misses.
 */
@Component
class IndicatorAnswers {

    private final FactsVersions versions;
    private final IndicatorFactsRepository facts;
    private final CountingBulkhead bulkhead;
    private final TransactionTemplate inOneSnapshot;
    private final AsyncCache<Question, Map<String, CountedCells>> answers;
    private final LongAdder counts = new LongAdder();

    /**
     * @param enabled    whether answers are given again at all
     * @param maxEntries how many questions' cells are kept at most (each a few hundred numbers)
     */
    IndicatorAnswers(FactsVersions versions, IndicatorFactsRepository facts, CountingBulkhead bulkhead,
                     PlatformTransactionManager transactions,
                     @Value("${casetracker.indicators.answer-cache.enabled:true}") boolean enabled,
                     @Value("${casetracker.indicators.answer-cache.max-entries:2000}") long maxEntries) {
        this.versions = versions;
        this.facts = facts;
        this.bulkhead = bulkhead;
        this.inOneSnapshot = new TransactionTemplate(transactions);
        inOneSnapshot.setReadOnly(true);
        inOneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        if (maxEntries < 0) {
            throw new IllegalStateException("casetracker.indicators.answer-cache.max-entries must not be negative");
        }
        this.answers = enabled && maxEntries > 0
                ? Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).buildAsync() : null;
    }

    /**
     * The cells of each definition over these communes, period and {@code asOf}: given again when the same question
     * was counted from the same facts, counted otherwise.
     *
     * @param communes    the area's communes (commune codes as in {@code indicator_fact})
     * @param asOf        the recording instant (UTC) the facts are taken as of, or null for everything recorded
     * @param definitions the indicators to count, each code once
     * @return for each definition's code, its counts ({@link CountedCells#NONE} when nothing counts)
     * @throws IndicatorsRebuildingException if the facts do not hold every case yet
     * @throws CountingBusyException         if the question had to be counted and no turn came in time
     */
    Map<String, CountedCells> counted(Set<String> communes, ReportingPeriod period, Instant asOf,
                                      List<IndicatorDefinition> definitions) {
        if (answers == null) {
            return bulkhead.count(() -> inOneSnapshot.execute(status -> count(communes, period, asOf, definitions)));
        }
        CompletableFuture<Map<String, CountedCells>> known = answers.getIfPresent(
                Question.of(versions.read(communes), period, asOf, definitions));
        if (known != null) {
            // Being counted by another request: wait for that count without holding a read place.
            return known.isDone() ? join(known) : RequestPlace.aside(() -> join(known));
        }
        return bulkhead.count(() -> inOneSnapshot.execute(status -> {
            Question question = Question.of(versions.read(communes), period, asOf, definitions);
            CompletableFuture<Map<String, CountedCells>> mine = new CompletableFuture<>();
            CompletableFuture<Map<String, CountedCells>> answer = answers.get(question, (q, executor) -> mine);
            if (answer == mine) {
                try {
                    mine.complete(count(communes, period, asOf, definitions));
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                }
            }
            return join(answer);
        }));
    }

    /** How many questions were counted (not given again) since the start. */
    long counts() {
        return counts.sum();
    }

    private Map<String, CountedCells> count(Set<String> communes, ReportingPeriod period, Instant asOf,
                                            List<IndicatorDefinition> definitions) {
        counts.increment();
        return Map.copyOf(facts.count(communes, period, definitions, asOf));
    }

    private static Map<String, CountedCells> join(CompletableFuture<Map<String, CountedCells>> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Everything the cells of a question depend on.
     *
     * @param version     the version of the facts of its communes (the communes are its keys)
     * @param asOf        null for everything recorded
     * @param definitions the definitions asked, by content, in order
     */
    record Question(FactsVersion version, LocalDate from, LocalDate to, Instant asOf,
                    List<IndicatorDefinition> definitions) {

        static Question of(FactsVersion version, ReportingPeriod period, Instant asOf,
                           List<IndicatorDefinition> definitions) {
            return new Question(version, period.from(), period.to(), asOf, List.copyOf(definitions));
        }
    }
}
