package vn.childprotection.casetracker.query.admin;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.childprotection.casetracker.platform.problem.NotFoundException;
import vn.childprotection.casetracker.query.deadletters.ParkedCount;
import vn.childprotection.casetracker.query.deadletters.ParkedEvents;

/**
 * Rebuilds a projection from the event store without taking it offline, and reports on every projection.
 * <p>
 * A rebuild runs a second processor, {@code <group>.rebuild}, over the same handler beans as the live processor of
 * the group, from the tail of the store, with transactions that point unqualified table names at a shadow schema
 * ({@link ShadowSchemaTransactionManager}). The live processor and the API keep using the tables in {@code public}
 * meanwhile. Once the shadow processor has caught up, the live processor is stopped, the shadow one is let run up
 * to the head, stopped too, and {@link ShadowTables#switchIn one transaction} swaps the tables and gives the live
 * processor the shadow's tokens; then the live processor starts again where the shadow one stopped. Anything going
 * wrong before that transaction commits leaves the live projection as it was: the shadow schema and tokens are
 * dropped and the live processor restarted.
 * <p>
 * Before the shadow processor starts, a {@link BulkReplay} applies the store from its tail to its head through the
 * same handlers in large batches, one applier per segment, without the processor's per-event machinery, into shadow
 * tables without the indexes its loads do not use ({@link ShadowTables#dropDeferrableIndexes}, built once it ends);
 * the shadow processor then starts from each segment's token after its last committed bulk batch (or from the tail,
 * with {@code casetracker.projections.rebuild.bulk-replay=false}), and goes on as described above.
 * <p>
 * The shadow processor starts from plain tokens (its bulk replay's, or the tail), never a {@code ReplayToken}: its
 * tables start empty, so no {@code @ResetHandler} has to run, handlers see the events as live ones, and the token
 * that ends up in the live processor's rows is an ordinary one.
 * <p>
 * An event the handlers cannot apply does not stop a rebuild: the shadow processor parks it in a dead-letter queue
 * of its own ({@link ShadowProcessors}), as the live processor does, and the replay goes on. The switch still
 * happens, and hands the shadow's parked events to the live group in the same transaction as the tables (the live
 * group's former parked events go with its retired tables): the rebuilt projection then equals what the live run
 * gives, parked events included, and they are retried like any other once a fix is deployed. The rebuild ends
 * {@link RebuildState#PARKED} with their number and the first one's global index and error, instead of hanging in
 * {@code RUNNING}. Failing the rebuild instead was rejected: while the event stays in the store (events are never
 * changed), no rebuild of the projection could ever finish. A transient failure (the database unreachable) is
 * retried, not parked, and shows in the rebuild's {@code problem} while it lasts.
 * <p>
 * The rebuild's own steps (preparing the shadow, checking progress, the switch's transaction) try a transient failure
 * again too (no connection from the pool in time, the database restarting: {@link RebuildRetries}, bounded, with
 * back-off, logged and shown in {@code problem}) instead of failing the rebuild; any other failure, or too many
 * transient ones in a row, fails it as described below. Once the tables are switched in nothing is tried again.
 * <p>
 * Usable from Java as well as through {@link ProjectionAdminController}: {@link #start}, {@link #status},
 * {@link #projection}. The switch publishes {@link ProjectionSwitchingIn} inside its transaction, and every rebuild
 * that ends publishes {@link ProjectionRebuildEnded}. Rebuild progress is kept in memory: it is lost on restart, and a rebuild interrupted by a
 * restart is simply not finished (its leftovers are removed by the next rebuild of the projection).
 * <p>
 * Limits: one query-side instance (the switch refuses to go on if another instance has claimed a segment of the
 * live processor); the group's handlers must write only the listed tables, unqualified, through the thread's Spring
 * transaction.
 */
@Service
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Map<String, ProjectionDefinition> projections;
    private final EventProcessingConfiguration processing;
    private final ShadowProcessors shadowProcessors;
    private final ShadowTables shadowTables;
    private final StorePositions positions;
    private final ParkedEvents parkedEvents;
    private final ApplicationEventPublisher events;
    private final RebuildRetries retries;
    private final Duration checkEvery;
    private final Duration logEvery;
    private final boolean bulkReplay;
    /** Wall-clock time: rates and durations of the rebuild itself, not the domain time of the events. */
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService steps;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public ProjectionRebuilds(ObjectProvider<ProjectionDefinition> definitions,
                              EventProcessingConfiguration processing, ShadowProcessors shadowProcessors,
                              ShadowTables shadowTables, StorePositions positions, ParkedEvents parkedEvents,
                              ApplicationEventPublisher events, RebuildRetries retries,
                              @Value("${casetracker.projections.rebuild.check-interval:200ms}") Duration checkEvery,
                              @Value("${casetracker.projections.rebuild.log-interval:5s}") Duration logEvery,
                              @Value("${casetracker.projections.rebuild.bulk-replay:true}") boolean bulkReplay) {
        Map<String, ProjectionDefinition> byName = new LinkedHashMap<>();
        definitions.orderedStream().forEach(definition -> {
            if (byName.putIfAbsent(definition.name(), definition) != null) {
                throw new IllegalStateException("Two projections are named " + definition.name());
            }
        });
        List<String> groups = byName.values().stream().map(ProjectionDefinition::processingGroup).toList();
        if (groups.stream().distinct().count() != groups.size()) {
            throw new IllegalStateException("Two projection definitions name the same processing group: " + groups);
        }
        this.projections = byName;
        this.processing = processing;
        this.shadowProcessors = shadowProcessors;
        this.shadowTables = shadowTables;
        this.positions = positions;
        this.parkedEvents = parkedEvents;
        this.events = events;
        this.retries = retries;
        this.checkEvery = checkEvery;
        this.logEvery = logEvery;
        this.bulkReplay = bulkReplay;
        this.steps = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("projection-rebuild"));
    }

    /**
     * Starts rebuilding the projection; the work goes on in the background.
     *
     * @return the new rebuild's status (RUNNING)
     * @throws NotFoundException           if there is no projection of that name
     * @throws RebuildRunningException     if a rebuild of it is running already
     */
    public RebuildStatus start(String name) {
        ProjectionDefinition projection = definition(name);
        Rebuild rebuild;
        synchronized (rebuilds) {
            if (stopping) {
                throw new IllegalStateException("The service is stopping");
            }
            Rebuild previous = rebuilds.get(name);
            if (previous != null && previous.state().active()) {
                throw new RebuildRunningException(previous.status(clock.instant()));
            }
            rebuild = new Rebuild(projection, clock.instant(), positions.tail(), positions.head());
            rebuilds.put(name, rebuild);
        }
        log.info("Rebuild of {} started: {} events to replay into schema {}", name, rebuild.head - rebuild.base,
                ShadowTables.shadowSchema(projection));
        steps.execute(() -> prepare(rebuild));
        return rebuild.status(clock.instant());
    }

    /**
     * The latest rebuild of the projection since the service started.
     *
     * @throws NotFoundException if there is no projection of that name
     */
    public Optional<RebuildStatus> status(String name) {
        definition(name);
        return Optional.ofNullable(rebuilds.get(name)).map(r -> r.status(clock.instant()));
    }

    /**
     * The projection, its live processor's lag and its latest rebuild.
     *
     * @throws NotFoundException if there is no projection of that name
     */
    public ProjectionStatus projection(String name) {
        ProjectionDefinition projection = definition(name);
        return describe(projection, positions.head(), clock.instant(), parkedEvents.countsByProcessor());
    }

    /**
     * Every projection, in the order their definitions were declared.
     */
    public List<ProjectionStatus> projections() {
        long head = positions.head();
        Instant now = clock.instant();
        Map<String, ParkedCount> parked = parkedEvents.countsByProcessor();
        List<ProjectionStatus> all = new ArrayList<>();
        projections.values().forEach(p -> all.add(describe(p, head, now, parked)));
        return all;
    }

    private ProjectionStatus describe(ProjectionDefinition projection, long head, Instant now,
                                      Map<String, ParkedCount> parkedCounts) {
        Rebuild rebuild = rebuilds.get(projection.name());
        RebuildStatus rebuildStatus = rebuild == null ? null : rebuild.status(now);
        boolean rebuilding = rebuildStatus != null && rebuildStatus.state().active();
        boolean running = processing.eventProcessor(projection.processingGroup())
                .map(EventProcessor::isRunning).orElse(false);
        OptionalLong lowest = positions.lowestTokenPosition(projection.processingGroup());
        long position = lowest.orElse(0);
        long lag = Math.max(0, head - position);
        long behind = lag == 0 ? 0 : positions.secondsBehind(position, now);
        ParkedCount parked = parkedCounts.getOrDefault(projection.processingGroup(), ParkedCount.NONE);
        ProjectionState state = rebuilding ? ProjectionState.REBUILDING
                : parked.events() > 0 ? ProjectionState.PARKED : ProjectionState.LIVE;
        return new ProjectionStatus(projection.name(), projection.processingGroup(), projection.tables(), state,
                running, head, lag, behind, parked.events(), parked.cases(), rebuildStatus);
    }

    /**
     * The projection of that name.
     *
     * @throws NotFoundException if there is none
     */
    ProjectionDefinition definition(String name) {
        ProjectionDefinition projection = name == null ? null : projections.get(name);
        if (projection == null) {
            throw new NotFoundException("There is no projection named '" + name + "'. Known: "
                    + String.join(", ", projections.keySet()) + ".");
        }
        return projection;
    }

    // ---- the steps, all on the rebuild thread ----

    private void prepare(Rebuild rebuild) {
        try {
            ProjectionDefinition projection = rebuild.projection;
            StreamingEventProcessor live = live(projection);
            if (!(live instanceof AbstractEventProcessor liveProcessor)) {
                throw new IllegalStateException("The processor of " + projection.processingGroup()
                        + " is not one whose handlers can be shared");
            }
            shadowTables.checkCopyable(projection);
            shadowTables.removeLeftovers(projection, rebuild.rebuildProcessorName);
            shadowTables.createShadow(projection);
            int segments = Math.max(1, processing.tokenStore(projection.processingGroup())
                    .fetchSegments(projection.processingGroup()).length);
            rebuild.handlers(shadowProcessors.invoker(rebuild, liveProcessor), segments);
            if (bulkReplay) {
                rebuild.deferredIndexes(shadowTables.dropDeferrableIndexes(projection));
                BulkReplay bulk = shadowProcessors.bulkReplay(rebuild, rebuild.invoker(),
                        () -> wake(rebuild));
                rebuild.bulk(bulk);
                bulk.start();
            } else {
                startShadowProcessor(rebuild);
            }
            rebuild.ticks = steps.scheduleWithFixedDelay(() -> step(rebuild), checkEvery.toMillis(),
                    checkEvery.toMillis(), TimeUnit.MILLISECONDS);
            rebuild.transientFailures = 0;
        } catch (RuntimeException e) {
            Optional<Duration> backoff = stopping ? Optional.empty() : retryLater(rebuild, e, "preparing");
            if (backoff.isEmpty()) {
                fail(rebuild, e);
                return;
            }
            stopShadowProcessor(rebuild);
            steps.schedule(() -> prepare(rebuild), backoff.get().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs the rebuild's next step now rather than at its next tick; nothing when the service is stopping. */
    private void wake(Rebuild rebuild) {
        try {
            steps.execute(() -> step(rebuild));
        } catch (RejectedExecutionException e) {
            // Stopping: the rebuild is being failed anyway.
        }
    }

    /**
     * Builds and starts the shadow processor: each segment from its bulk replay's last committed batch, or from the
     * tail (no bulk replay, or none of a segment's batches committed).
     */
    private void startShadowProcessor(Rebuild rebuild) {
        BulkReplay bulk = rebuild.bulk();
        if (bulk != null) {
            long started = System.nanoTime();
            shadowTables.createIndexes(rebuild.deferredIndexes());
            if (!rebuild.deferredIndexes().isEmpty()) {
                log.info("Rebuild of {}: {} index(es) built after the bulk replay in {} ms", rebuild.projection.name(),
                        rebuild.deferredIndexes().size(), (System.nanoTime() - started) / 1_000_000);
            }
            shadowProcessors.storeTokens(rebuild, bulk.committedTokens());
        }
        PooledStreamingEventProcessor processor = shadowProcessors.build(rebuild, rebuild.invoker(),
                rebuild.segmentCount());
        try {
            processor.start();
        } catch (RuntimeException e) {
            processor.shutDown();
            stopExecutors(rebuild);
            throw e;
        }
        rebuild.running(processor);
        if (bulk != null) {
            log.info("Rebuild of {}: bulk replay applied {} events up to global index {}{}; the rebuild's processor "
                            + "goes on from there", rebuild.projection.name(), bulk.applied(), bulk.position(),
                    bulk.endedBy() == null ? "" : " (" + bulk.endedBy() + ")");
        }
    }

    private void step(Rebuild rebuild) {
        if (rebuild.ticks == null || rebuild.retryAt != null && clock.instant().isBefore(rebuild.retryAt)) {
            // Not prepared yet (a bulk replay stopped by a failed preparation may still wake it), or backing off.
            return;
        }
        if (rebuild.state().active() && rebuild.processor() == null && rebuild.bulk() != null
                && !rebuild.bulk().ended()) {
            logProgress(rebuild, false);
            return;
        }
        try {
            if (rebuild.state() == RebuildState.RUNNING && rebuild.processor() == null) {
                startShadowProcessor(rebuild);
            }
            if (rebuild.state() == RebuildState.RUNNING) {
                rebuild.retrying(rebuild.segmentError());
                rebuild.parked(parkedEvents.count(rebuild.rebuildProcessorName).events(), null);
                if (rebuild.reached(rebuild.head)) {
                    rebuild.switching();
                    log.info("Rebuild of {} caught up; stopping the live processor to switch",
                            rebuild.projection.name());
                    live(rebuild.projection).shutDown();
                    rebuild.liveStopped = true;
                }
            }
            if (rebuild.state() == RebuildState.SWITCHING && rebuild.switchTarget < 0) {
                rebuild.switchTarget = positions.head();
            }
            if (rebuild.state() == RebuildState.SWITCHING && rebuild.switchTarget >= 0
                    && (rebuild.shadowStopped || rebuild.reached(rebuild.switchTarget))) {
                switchIn(rebuild);
                return;
            }
            rebuild.transientFailures = 0;
            rebuild.retryAt = null;
            logProgress(rebuild, false);
        } catch (RuntimeException e) {
            // Once the tables are switched in, nothing is tried again: the rebuild is reported as it ended.
            if (rebuild.switched || stopping || retryLater(rebuild, e, "at " + rebuild.state()).isEmpty()) {
                fail(rebuild, e);
            }
        }
    }

    /**
     * Decides whether a failed step is tried again ({@link RebuildRetries}); if so, logs it, shows it in the rebuild's
     * problem and sets when the next try is due.
     *
     * @return the back-off before the next try, or empty when the rebuild must fail
     */
    private Optional<Duration> retryLater(Rebuild rebuild, RuntimeException failure, String during) {
        Optional<Duration> backoff = retries.backoff(failure, rebuild.transientFailures);
        if (backoff.isPresent()) {
            rebuild.transientFailures++;
            rebuild.retryAt = clock.instant().plus(backoff.get());
            String why = "transient failure " + during + " (" + rebuild.transientFailures + " of at most "
                    + retries.maxAttempts() + " in a row), retried in " + backoff.get().toMillis() + " ms: "
                    + describe(failure);
            log.warn("Rebuild of {}: {}", rebuild.projection.name(), why);
            rebuild.retrying(why);
        }
        return backoff;
    }

    private void switchIn(Rebuild rebuild) {
        ProjectionDefinition projection = rebuild.projection;
        if (!rebuild.shadowStopped) {
            rebuild.processor().shutDown();
            stopExecutors(rebuild);
            rebuild.shadowStopped = true;
        }
        Instant now = clock.instant();
        String retired = ShadowTables.retiredSchema(projection, now);
        long parked = shadowTables.switchIn(projection, projection.processingGroup(),
                processing.tokenStore(projection.processingGroup()), rebuild.rebuildProcessorName, retired);
        rebuild.switched = true;
        if (parked > 0) {
            rebuild.parked(parked, parkedEvents.firstFailed(projection.processingGroup()).orElse(null));
        }
        try {
            shadowTables.dropSchema(retired);
            shadowTables.dropSchema(ShadowTables.shadowSchema(projection));
        } catch (RuntimeException e) {
            log.warn("Rebuild of {}: could not drop schema {} ({}); the next rebuild drops it",
                    projection.name(), retired, describe(e));
        }
        live(projection).start();
        rebuild.liveStopped = false;
        rebuild.ticks.cancel(false);
        rebuild.retrying(null);
        if (parked > 0) {
            rebuild.doneWithParkedEvents(clock.instant());
        } else {
            rebuild.done(clock.instant());
        }
        logProgress(rebuild, true);
        log.info("Rebuild of {} switched in: the live processor continues from the rebuilt tables",
                projection.name());
        ended(rebuild);
    }

    /** Tells the listeners of {@link ProjectionRebuildEnded}; one that fails is logged, the rebuild stays ended. */
    private void ended(Rebuild rebuild) {
        try {
            events.publishEvent(new ProjectionRebuildEnded(rebuild.status(clock.instant())));
        } catch (RuntimeException e) {
            log.warn("Rebuild of {}: a listener of its end failed: {}", rebuild.projection.name(), describe(e));
        }
    }

    private void fail(Rebuild rebuild, Throwable cause) {
        String why = describe(cause);
        log.error("Rebuild of {} failed: {}", rebuild.projection.name(), why, cause);
        if (rebuild.ticks != null) {
            rebuild.ticks.cancel(false);
        }
        stopShadowProcessor(rebuild);
        try {
            shadowTables.dropShadow(rebuild.projection, rebuild.rebuildProcessorName);
        } catch (RuntimeException e) {
            log.warn("Rebuild of {}: could not remove the shadow schema ({}); the next rebuild removes it",
                    rebuild.projection.name(), describe(e));
        }
        if (rebuild.liveStopped && !stopping) {
            try {
                live(rebuild.projection).start();
                rebuild.liveStopped = false;
            } catch (RuntimeException e) {
                why += "; the live processor did not start again: " + describe(e);
            }
        }
        rebuild.failed(rebuild.switched ? "switched in, then: " + why : why, clock.instant());
        ended(rebuild);
    }

    private static void stopShadowProcessor(Rebuild rebuild) {
        BulkReplay bulk = rebuild.bulk();
        if (bulk != null) {
            bulk.stop();
        }
        PooledStreamingEventProcessor processor = rebuild.processor();
        if (processor != null) {
            try {
                processor.shutDown();
            } catch (RuntimeException e) {
                log.warn("Rebuild of {}: the shadow processor did not stop cleanly: {}", rebuild.projection.name(),
                        describe(e));
            }
        }
        stopExecutors(rebuild);
    }

    private void logProgress(Rebuild rebuild, boolean finished) {
        Instant now = clock.instant();
        if (finished || !now.isBefore(rebuild.lastLogged.plus(logEvery))) {
            rebuild.lastLogged = now;
            log.info(Rebuild.progressLine(rebuild.status(now)));
        }
    }

    private StreamingEventProcessor live(ProjectionDefinition projection) {
        return processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor for processing group "
                        + projection.processingGroup()));
    }

    private static void stopExecutors(Rebuild rebuild) {
        rebuild.executors.forEach(ScheduledExecutorService::shutdownNow);
        rebuild.executors = List.of();
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root.getClass().getSimpleName() + message;
        if (root != error && error.getMessage() != null && !error.getMessage().equals(root.getMessage())) {
            text = error.getMessage() + " (" + text + ")";
        }
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /**
     * Stops running rebuilds when the service stops: their shadow processors are stopped and their shadow schemas
     * dropped; a live processor stopped for a switch stays stopped (the service is going down) and runs again from
     * its own tokens at the next start.
     */
    @PreDestroy
    void stop() {
        synchronized (rebuilds) {
            stopping = true;
        }
        AtomicInteger pending = new AtomicInteger();
        rebuilds.values().stream().filter(r -> r.state().active()).forEach(r -> {
            pending.incrementAndGet();
            steps.execute(() -> {
                if (r.state().active()) {
                    fail(r, new IllegalStateException("The service stopped during the rebuild"));
                }
            });
        });
        steps.shutdown();
        try {
            if (!steps.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("{} rebuild(s) did not stop within 30 s", pending.get());
                steps.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.shutdownNow();
        }
    }
}
