package vn.childprotection.casetracker.query.indicators;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>
 * <b>Answers from earlier facts, on the client's request</b> ({@code Cache-Control: max-stale}, {@link MaxStale}).
 * Every batch of the projection that changes a commune's facts renews its version, so under live writes the current
 * version's answer is seldom known and each question is counted again. A request that carries {@code max-stale} and
 * finds the current version's answer unknown is given the last answer counted for the same question
 * ({@link LatestAnswers}: same communes, period, {@code asOf} and definitions, another version) at once, if its age
 * (now minus {@code countedAt}) is within what the request accepts, and a recount of the question starts in the
 * background ({@link BackgroundRecounts}: one at a time per question, only on a free counting turn). While the current
 * version is being counted, such a request is given the earlier answer too, rather than waiting for that count. No
 * such answer, or one too old: counted as without the directive. Why such an answer never shows a wrong fact:
 * <ul>
 *   <li>Its cells are exactly the facts of one version, counted in one snapshot as every answer is: nothing in it is
 *       mixed, guessed or carried over from another version.</li>
 *   <li>It says of which instant they are: {@code countedAt} is taken just before the snapshot is taken (or, for an
 *       answer read again as current, just before its version was read), so the facts are those recorded by that
 *       instant, plus at most what committed during the one statement that took the snapshot; the age it is judged
 *       and labelled by ({@code Age}) is never understated.</li>
 *   <li>It is given only to a request that asked for it, never older than the request accepts nor than
 *       {@code casetracker.indicators.max-stale-limit}; without the directive every answer is of the current
 *       facts.</li>
 * </ul>
 */
@Component
class IndicatorAnswers {

    private final FactsVersions versions;
    private final IndicatorFactsRepository facts;
    private final CountingBulkhead bulkhead;
    private final Clock clock;
    private final TransactionTemplate inOneSnapshot;
    private final AsyncCache<Question, Map<String, CountedCells>> answers;
    private final LatestAnswers latest;
    private final BackgroundRecounts recounts;
    private final LongAdder counts = new LongAdder();
    private final LongAdder recounted = new LongAdder();

    /**
     * @param enabled    whether answers are given again at all (when not, {@code max-stale} is not honoured either)
     * @param maxEntries how many questions' cells are kept at most (each a few hundred numbers), and as many
     *                   questions' last answers
     */
    IndicatorAnswers(FactsVersions versions, IndicatorFactsRepository facts, CountingBulkhead bulkhead,
                     PlatformTransactionManager transactions, Clock clock,
                     @Value("${casetracker.indicators.answer-cache.enabled:true}") boolean enabled,
                     @Value("${casetracker.indicators.answer-cache.max-entries:2000}") long maxEntries) {
        this.versions = versions;
        this.facts = facts;
        this.bulkhead = bulkhead;
        this.clock = clock;
        this.inOneSnapshot = new TransactionTemplate(transactions);
        inOneSnapshot.setReadOnly(true);
        inOneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        if (maxEntries < 0) {
            throw new IllegalStateException("casetracker.indicators.answer-cache.max-entries must not be negative");
        }
        boolean cached = enabled && maxEntries > 0;
        this.answers = cached
                ? Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).buildAsync() : null;
        this.latest = cached ? new LatestAnswers(maxEntries) : null;
        this.recounts = cached ? new BackgroundRecounts(bulkhead) : null;
    }

    /**
     * The cells of each definition over these communes, period and {@code asOf}: given again when the same question
     * was counted from the same facts, counted otherwise; with {@code maxStale} asked, given from earlier facts when
     * the current ones' answer is not known and an earlier one is young enough (see the class comment).
     *
     * @param communes    the area's communes (commune codes as in {@code indicator_fact})
     * @param asOf        the recording instant (UTC) the facts are taken as of, or null for everything recorded
     * @param definitions the indicators to count, each code once
     * @param maxStale    how old an answer the request accepts ({@link MaxStale#NOT_ASKED}: only the current facts)
     * @return for each definition's code, its counts ({@link CountedCells#NONE} when nothing counts), and the instant
     * of the facts when they are earlier ones
     * @throws IndicatorsRebuildingException if the facts do not hold every case yet
     * @throws CountingBusyException         if the question had to be counted and no turn came in time
     */
    CountedAnswer counted(Set<String> communes, ReportingPeriod period, Instant asOf,
                          List<IndicatorDefinition> definitions, MaxStale maxStale) {
        Asked asked = Asked.of(communes, period, asOf, definitions);
        if (answers == null) {
            return new CountedAnswer(bulkhead.count(() -> inOneSnapshot.execute(status -> count(asked, counts))),
                    null);
        }
        Instant readAt = clock.instant();
        FactsVersion version = versions.read(communes);
        CompletableFuture<Map<String, CountedCells>> known = answers.getIfPresent(new Question(asked, version));
        if (known != null && !known.isDone() && maxStale.asked()) {
            // The current facts are being counted (by a request, or by the recount an earlier answer started): a
            // request that accepts an earlier answer gets it now rather than waiting for that count.
            CountedAnswer earlier = earlier(asked, maxStale);
            if (earlier != null) {
                return earlier;
            }
        }
        if (known != null) {
            // Being counted by another request: wait for that count without holding a read place.
            Map<String, CountedCells> cells = known.isDone() ? join(known) : RequestPlace.aside(() -> join(known));
            latest.confirmed(asked, version, readAt);
            return new CountedAnswer(cells, null);
        }
        if (maxStale.asked()) {
            CountedAnswer earlier = earlier(asked, maxStale);
            if (earlier != null) {
                recounts.start(asked, () -> inOneSnapshot.execute(status -> countCurrent(asked, recounted)));
                return earlier;
            }
        }
        return new CountedAnswer(bulkhead.count(() -> inOneSnapshot.execute(status -> countCurrent(asked, counts))),
                null);
    }

    /** The question's last answer if the request accepts its age, else null. */
    private CountedAnswer earlier(Asked asked, MaxStale maxStale) {
        LatestAnswers.Latest last = latest.find(asked);
        return last != null && maxStale.accepts(Duration.between(last.countedAt(), clock.instant()))
                ? new CountedAnswer(last.cells(), last.countedAt()) : null;
    }

    /** How many questions were counted for a request (not given again, not recounted in the background). */
    long counts() {
        return counts.sum();
    }

    /** How many questions were recounted in the background after an earlier answer was given ({@link MaxStale}). */
    long recounts() {
        return recounted.sum();
    }

    @PreDestroy
    void stopRecounts() {
        if (recounts != null) {
            recounts.close();
        }
    }

    /**
     * In one snapshot (a read-only repeatable-read transaction that has run no statement yet): the current version
     * and its cells, counted unless another count of the same version runs (then joined) or is done.
     */
    private Map<String, CountedCells> countCurrent(Asked asked, LongAdder counter) {
        Instant snapshotAt = clock.instant();
        FactsVersion version = versions.read(asked.communes());
        CompletableFuture<Map<String, CountedCells>> mine = new CompletableFuture<>();
        CompletableFuture<Map<String, CountedCells>> answer = answers.get(new Question(asked, version),
                (q, executor) -> mine);
        if (answer == mine) {
            try {
                Map<String, CountedCells> cells = count(asked, counter);
                mine.complete(cells);
                latest.counted(asked, version, cells, snapshotAt);
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
        }
        return join(answer);
    }

    private Map<String, CountedCells> count(Asked asked, LongAdder counter) {
        counter.increment();
        return Map.copyOf(facts.count(asked.communes(), asked.period(), asked.definitions(), asked.asOf()));
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
     * Everything the cells of a question depend on: the question and the version of the facts of its communes.
     */
    record Question(Asked asked, FactsVersion version) {
    }
}
