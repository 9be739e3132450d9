package vn.childprotection.casetracker.local.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.crypto.ChildKeyStore;
import vn.childprotection.casetracker.platform.db.DatabaseServer;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.query.admin.ProjectionRebuilds;

/**
 * Grows the store, for benchmarks only, to a given number of cases by cloning the cases present when it starts
 * (round robin over the templates), in the service so the keys it needs (the key-encryption key that wraps each
 * new child key, the integrity key that authenticates each event's chain link) never leave it. One growth at a
 * time, on its own thread; progress is logged every 5 seconds. On request the projections are paused meanwhile
 * ({@link ProjectionPause}) and catch up afterwards.
 * <p>
 * Off by default: exists only with {@code casetracker.bench.store-growth.enabled=true}, and refuses to start the
 * service on any database but the embedded one.
 */
@Component
@ConditionalOnProperty(name = StoreGrowth.ENABLED, havingValue = "true")
public class StoreGrowth implements DisposableBean, ApplicationListener<ContextClosedEvent> {

    static final String ENABLED = "casetracker.bench.store-growth.enabled";
    static final long MAX_CASES = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(StoreGrowth.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final ChildKeyStore childKeys;
    private final CloneBatch batches;
    private final ProjectionPause projectionPause;
    private final ApplicationContext context;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int batchCases;
    private final int maxTemplates;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "store-growth");
        thread.setDaemon(true);
        return thread;
    });
    private volatile StoreGrowthStatus status = StoreGrowthStatus.idle();
    private volatile boolean stopping;

    /**
     * @param batchCases   {@code casetracker.bench.store-growth.batch-cases}: clones per transaction, their events
     *                     interleaved ({@link CloneBatch}); the default 2000 puts about one event of a case in a
     *                     rebuild's batch of 2,000 events, as a store that grew over years does
     * @param maxTemplates {@code casetracker.bench.store-growth.max-templates}: at most this many cases (the
     *                     earliest reported) are read as templates, which bounds the memory they take
     * @throws IllegalStateException when the database is not the embedded one
     */
    public StoreGrowth(JdbcTemplate jdbc, ChildKeyStore childKeys, EventStore eventStore,
                       TransactionManager transactionManager, DeadlineManager deadlines,
                       @Qualifier("eventSerializer") Serializer eventSerializer, DatabaseServer database,
                       ProjectionRebuilds projections, EventProcessingConfiguration processing,
                       ApplicationContext context,
                       @Value("${casetracker.bench.store-growth.batch-cases:2000}") int batchCases,
                       @Value("${casetracker.bench.store-growth.max-templates:2000}") int maxTemplates) {
        if (!database.isEmbedded()) {
            throw new IllegalStateException(ENABLED + "=true is for benchmarks on the embedded all-in-one only: it "
                    + "writes cloned cases into the store. Unset it (CASETRACKER_BENCH_STORE_GROWTH_ENABLED) to run "
                    + "against " + database.jdbcUrl());
        }
        if (batchCases < 1 || maxTemplates < 1) {
            throw new IllegalStateException("casetracker.bench.store-growth.batch-cases and max-templates must be "
                    + "at least 1");
        }
        this.jdbc = jdbc;
        this.childKeys = childKeys;
        this.batchCases = batchCases;
        this.maxTemplates = maxTemplates;
        this.batches = new CloneBatch(eventStore, transactionManager, childKeys,
                new CaseCloner(eventSerializer, deadlines, json));
        this.projectionPause = new ProjectionPause(projections::projections,
                group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null));
        this.context = context;
        log.warn("{}=true: POST /api/v1/admin/store-growth clones cases into this store (benchmarks only)", ENABLED);
    }

    /**
     * Starts growing the store to {@code targetCases} cases, in the background.
     *
     * @param pauseProjections whether to stop the projections' live processors until the growth ends (finished or
     *                         failed), so that they catch up afterwards instead of competing with it
     * @return the status at start ({@code RUNNING})
     * @throws BadRequestException when the target is missing, below the cases the store holds, or above
     *                             {@value #MAX_CASES}
     * @throws StoreGrowthRefused  when a growth is running, the store holds no case to clone, or the projections are
     *                             to be paused while one of them is being rebuilt
     */
    public synchronized StoreGrowthStatus start(Long targetCases, boolean pauseProjections) {
        if (targetCases == null) {
            throw new BadRequestException("cases", "is required: the total number of cases the store must hold");
        }
        if (targetCases > MAX_CASES) {
            throw new BadRequestException("cases", "must be at most " + MAX_CASES);
        }
        if (status.state().equals("RUNNING")) {
            throw new StoreGrowthRefused("growth-running", "A store growth is running; follow it at "
                    + StoreGrowthController.PATH);
        }
        long present = CaseTemplates.countCases(jdbc);
        if (targetCases < present) {
            throw new BadRequestException("cases", "must be at least " + present + ", the cases the store holds");
        }
        if (present == 0 && targetCases > 0) {
            throw new StoreGrowthRefused("nothing-to-clone", "The store holds no case to clone; load some first");
        }
        if (pauseProjections) {
            projectionPause.requireNoRebuild();
        }
        Instant startedAt = clock.instant();
        status = new StoreGrowthStatus("RUNNING", targetCases, 0, present, 0, startedAt, null, 0, 0, null, false,
                null);
        executor.execute(() -> run(targetCases, present, startedAt, pauseProjections));
        return status;
    }

    /** Where the growth stands now. */
    public StoreGrowthStatus status() {
        StoreGrowthStatus now = status;
        if (now.state().equals("RUNNING")) {
            return progress(now, now.templateCases(), now.cases(), now.events(), null, null);
        }
        return now;
    }

    private void run(long target, long present, Instant startedAt, boolean pauseProjections) {
        List<StreamingEventProcessor> paused = List.of();
        String endState = "FINISHED";
        String error = null;
        try {
            if (pauseProjections) {
                paused = projectionPause.pause();
                status = status.withProjections(true, null);
            }
            List<CaseTemplate> templates = CaseTemplates.load(jdbc, childKeys, json, maxTemplates);
            if (templates.isEmpty() && target > present) {
                throw new IllegalStateException("No case of the store can be cloned (erased children only)");
            }
            log.info("Store growth: {} template cases read, growing from {} to {} cases", templates.size(),
                    present, target);
            status = progress(status, templates.size(), present, 0, null, null);
            long cases = present;
            long events = 0;
            long loggedEvents = 0;
            Instant loggedAt = clock.instant();
            int next = 0;
            while (cases < target && !stopping) {
                int size = (int) Math.min(batchCases, target - cases);
                List<CaseTemplate> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(templates.get(next));
                    next = (next + 1) % templates.size();
                }
                events += batches.append(batch);
                cases += size;
                status = progress(status, templates.size(), cases, events, null, null);
                Instant now = clock.instant();
                if (Duration.between(loggedAt, now).compareTo(LOG_INTERVAL) >= 0) {
                    double rate = (events - loggedEvents) / seconds(loggedAt, now);
                    log.info(String.format(Locale.US, "Store growth: %,d/%,d cases (%d%%), %,.0f events/s",
                            cases, target, cases * 100 / target, rate));
                    loggedAt = now;
                    loggedEvents = events;
                }
            }
            if (stopping) {
                throw new IllegalStateException("Stopped with the service");
            }
        } catch (RuntimeException e) {
            log.error("Store growth failed", e);
            endState = "FAILED";
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            if (pauseProjections) {
                error = resume(paused, error);
                endState = error == null ? endState : "FAILED";
            }
            status = progress(status, status.templateCases(), status.cases(), status.events(), endState, error);
        }
        if (status.state().equals("FINISHED")) {
            log.info(String.format(Locale.US, "Store growth finished: %,d cases, %,d events appended in %.1f s "
                    + "(%,.0f events/s)", status.cases(), status.events(), status.seconds(),
                    status.eventsPerSecond()));
        }
    }

    /** Starts the paused projections again, unless the service is stopping; returns the error, extended if need be. */
    private String resume(List<StreamingEventProcessor> paused, String error) {
        if (stopping) {
            log.info("Store growth: the service is stopping; its projections start again with it");
            return error;
        }
        List<String> failures = projectionPause.resume(paused);
        Instant resumedAt = clock.instant();
        status = status.withProjections(false, paused.isEmpty() && error != null ? null : resumedAt);
        if (failures.isEmpty()) {
            return error;
        }
        return (error == null ? "" : error + "; ") + String.join("; ", failures);
    }

    private StoreGrowthStatus progress(StoreGrowthStatus from, long templates, long cases, long events,
                                       String endState, String error) {
        Instant now = clock.instant();
        double seconds = seconds(from.startedAt(), now);
        return new StoreGrowthStatus(endState == null ? from.state() : endState, from.targetCases(), templates,
                cases, events, from.startedAt(), endState == null ? null : now, seconds,
                seconds == 0 ? 0 : events / seconds, error, from.projectionsPaused(), from.projectionsResumedAt());
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(Duration.between(from, to).toNanos() / 1e9, 1e-3);
    }

    /**
     * Stops a running growth before Axon and the database stop (after its current batch), so that no batch is cut
     * short and paused projections are not started while the service goes down.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Store growth did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdown();
    }
}
