package vn.childprotection.casetracker.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childprotection.casetracker.query.admin.ProjectionState;
import vn.childprotection.casetracker.query.admin.ProjectionStatus;

/**
 * Stops the query side's projections while a store growth appends, and starts them again afterwards, so that the
 * growth does not share the CPU with eight processors applying its events as they come; they catch up once it ends.
 * <p>
 * Only the live streaming processors of the projections ({@link ProjectionStatus#processingGroup()} of every
 * projection the admin API lists) are stopped: the command side's subscribing processors run inside the append's
 * transaction and keep running, and a rebuild's shadow processor is never touched — a pause is refused while a
 * rebuild runs. A rebuild started during the pause restarts its own projection's live processor when it switches in
 * (that projection then catches up early; nothing is lost). Stopped processors release their segments' claims;
 * their tokens stay where they were, so the projections resume exactly after the last event they applied.
 */
final class ProjectionPause {

    private static final Logger log = LoggerFactory.getLogger(ProjectionPause.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<List<ProjectionStatus>> projections;
    private final Function<String, StreamingEventProcessor> processors;

    /**
     * @param projections every projection and its state ({@code ProjectionRebuilds#projections})
     * @param processors  the live streaming processor of a processing group, or null if it has none
     */
    ProjectionPause(Supplier<List<ProjectionStatus>> projections,
                    Function<String, StreamingEventProcessor> processors) {
        this.projections = projections;
        this.processors = processors;
    }

    /**
     * @throws StoreGrowthRefused ({@code rebuild-running}) when a projection is being rebuilt
     */
    void requireNoRebuild() {
        List<String> rebuilding = projections.get().stream()
                .filter(p -> p.state() == ProjectionState.REBUILDING).map(ProjectionStatus::name).toList();
        if (!rebuilding.isEmpty()) {
            throw new StoreGrowthRefused("rebuild-running", "A rebuild of " + String.join(", ", rebuilding)
                    + " is running; grow the store with pauseProjections once it has ended, or without pausing");
        }
    }

    /**
     * Stops every running live projection processor and waits (at most a minute) until each has stopped.
     *
     * @return the processors stopped, to give to {@link #resume}; those stopped before a failure are started again
     * @throws StoreGrowthRefused    ({@code rebuild-running}) when a projection is being rebuilt
     * @throws IllegalStateException when a processor did not stop in time
     */
    List<StreamingEventProcessor> pause() {
        requireNoRebuild();
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ProjectionStatus projection : projections.get()) {
            StreamingEventProcessor processor = processors.apply(projection.processingGroup());
            if (processor != null && processor.isRunning()) {
                stopped.add(processor);
                stopping.add(processor.shutdownAsync());
            }
        }
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                    .get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            List<String> failures = resume(stopped);
            throw new IllegalStateException("The projections did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s" + (failures.isEmpty() ? "" : "; " + String.join("; ", failures)), e);
        }
        log.info("Store growth: the live processors of {} projections are stopped until it ends", stopped.size());
        return stopped;
    }

    /**
     * Starts the processors again; one that fails to start does not keep the others from starting.
     *
     * @return one line per processor that did not start (its name and why), empty when all did
     */
    List<String> resume(List<StreamingEventProcessor> stopped) {
        List<String> failures = new ArrayList<>();
        for (StreamingEventProcessor processor : stopped) {
            try {
                processor.start();
            } catch (RuntimeException e) {
                log.error("Store growth: the processor {} did not start again", processor.getName(), e);
                failures.add(processor.getName() + " did not start again: " + e.getMessage());
            }
        }
        log.info("Store growth: the live processors of {} projections run again", stopped.size() - failures.size());
        return failures;
    }
}
