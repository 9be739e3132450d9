package vn.childprotection.casetracker.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import vn.childprotection.casetracker.query.deadletters.ParkedEvent;

/**
 * One rebuild of one projection: its shadow processor and where it is. Steps change it on the rebuild thread only;
 * readers take a {@link #status snapshot} from any thread.
 */
final class Rebuild {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    final ProjectionDefinition projection;
    final String rebuildProcessorName;
    final Instant startedAt;
    /** Position before the first event of the store when the rebuild started. */
    final long base;
    /** The store's head when the rebuild started. */
    final long head;

    private volatile RebuildState state = RebuildState.RUNNING;
    private volatile String problem;
    private volatile Instant finishedAt;
    private volatile PooledStreamingEventProcessor processor;
    private volatile int segmentCount;
    private volatile EventHandlerInvoker invoker;
    private volatile BulkReplay bulk;
    private volatile List<String> deferredIndexes = List.of();
    private volatile long parkedEvents;
    private volatile ParkedEvent firstParked;
    /** The furthest the shadow processor was seen; its statuses vanish once it is stopped for the switch. */
    private final AtomicLong furthest = new AtomicLong();

    // Used by the rebuild thread only.
    List<ScheduledExecutorService> executors = List.of();
    ScheduledFuture<?> ticks;
    boolean liveStopped;
    /** Whether the shadow processor was stopped for the switch (its statuses are gone from then on). */
    boolean shadowStopped;
    boolean switched;
    /** The store's head once the live processor stopped; -1 until then. */
    long switchTarget = -1;
    Instant lastLogged;
    /** Transient failures in a row (reset by a step that succeeds) and when the next try is due. */
    int transientFailures;
    Instant retryAt;

    Rebuild(ProjectionDefinition projection, Instant startedAt, long base, long head) {
        this.projection = projection;
        this.rebuildProcessorName = projection.processingGroup() + ".rebuild";
        this.startedAt = startedAt;
        this.base = base;
        this.head = Math.max(head, base);
        this.lastLogged = startedAt;
    }

    RebuildState state() {
        return state;
    }

    /**
     * The handlers the rebuild applies events with (the shadow's invoker, shared by its bulk replay and its
     * processor) and the number of segments both split the events into.
     */
    void handlers(EventHandlerInvoker invoker, int segmentCount) {
        this.invoker = invoker;
        this.segmentCount = segmentCount;
    }

    EventHandlerInvoker invoker() {
        return invoker;
    }

    int segmentCount() {
        return segmentCount;
    }

    /** The shadow tables' indexes dropped for the bulk replay, to build once it has ended. */
    void deferredIndexes(List<String> definitions) {
        this.deferredIndexes = List.copyOf(definitions);
    }

    List<String> deferredIndexes() {
        return deferredIndexes;
    }

    void bulk(BulkReplay bulk) {
        this.bulk = bulk;
    }

    /** The rebuild's bulk replay, or {@code null} when it runs without one. */
    BulkReplay bulk() {
        return bulk;
    }

    void running(PooledStreamingEventProcessor processor) {
        this.processor = processor;
    }

    PooledStreamingEventProcessor processor() {
        return processor;
    }

    void switching() {
        state = RebuildState.SWITCHING;
    }

    void retrying(String why) {
        problem = why;
    }

    void done(Instant at) {
        finishedAt = at;
        problem = null;
        state = RebuildState.DONE;
    }

    /**
     * Events parked by the shadow processor so far; after the switch, with the first one that failed.
     */
    void parked(long events, ParkedEvent first) {
        parkedEvents = events;
        if (first != null) {
            firstParked = first;
        }
    }

    /**
     * Switched in with parked events: finished like {@link #done}, but reported as {@link RebuildState#PARKED}.
     */
    void doneWithParkedEvents(Instant at) {
        finishedAt = at;
        ParkedEvent first = firstParked;
        problem = parkedEvents + " event(s) parked"
                + (first == null ? "" : "; the first at global index " + first.globalIndex() + " (case "
                + first.caseId() + ", " + first.eventType() + "): " + first.errorClass() + ": " + first.errorMessage());
        state = RebuildState.PARKED;
    }

    void failed(String why, Instant at) {
        problem = why;
        finishedAt = at;
        state = RebuildState.FAILED;
    }

    /**
     * Whether every segment of the shadow processor is claimed, not in error, caught up with the stream and at
     * {@code position} or beyond.
     */
    boolean reached(long position) {
        PooledStreamingEventProcessor current = processor;
        if (current == null) {
            return false;
        }
        Map<Integer, EventTrackerStatus> statuses = current.processingStatus();
        Collection<EventTrackerStatus> segments = statuses.values();
        return segmentCount > 0 && segments.size() == segmentCount
                && segments.stream().allMatch(s -> !s.isErrorState() && s.isCaughtUp()
                        && s.getCurrentPosition().orElse(base) >= position);
    }

    /**
     * The lowest position among the shadow processor's segments; a segment not claimed yet stands at the start.
     */
    long lowestPosition() {
        PooledStreamingEventProcessor current = processor;
        if (current == null) {
            BulkReplay replay = bulk;
            return replay == null ? base : Math.max(base, replay.position());
        }
        Collection<EventTrackerStatus> segments = current.processingStatus().values();
        if (segments.size() < segmentCount) {
            return base;
        }
        return segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(base)).min().orElse(base);
    }

    /**
     * The first error among the shadow processor's segments, if one is retrying.
     */
    String segmentError() {
        PooledStreamingEventProcessor current = processor;
        if (current == null) {
            return null;
        }
        return current.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> "segment " + s.getSegment().getSegmentId() + " failed and is retried: "
                        + ProjectionRebuilds.describe(s.getError()))
                .findFirst().orElse(null);
    }

    RebuildStatus status(Instant now) {
        RebuildState current = state;
        long total = head - base;
        long seen = furthest.accumulateAndGet(Math.max(0, Math.min(total, lowestPosition() - base)), Math::max);
        long done = current.switchedIn() ? total : seen;
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        double rate = done / seconds;
        Instant expected = null;
        if (current.active() && done < total && rate > 0) {
            expected = now.plusMillis((long) ((total - done) / rate * 1000));
        } else if (current.active()) {
            expected = now;
        }
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        return new RebuildStatus(projection.name(), current, done, total, percent, Math.round(rate * 10) / 10.0,
                expected, startedAt, finishedAt, problem, parkedEvents, firstParked);
    }

    /**
     * The progress line written to the log, e.g. {@code Rebuild of risk-register: 45,000/120,000 events (37%),
     * 9,800 events/s, expected finish 12:03:10Z}.
     */
    static String progressLine(RebuildStatus status) {
        String when = status.state().active()
                ? "expected finish " + (status.expectedFinish() == null ? "unknown"
                        : TIME.format(status.expectedFinish()))
                : status.state().name().toLowerCase(Locale.ROOT) + " "
                        + (status.finishedAt() == null ? "" : TIME.format(status.finishedAt()));
        return String.format(Locale.US, "Rebuild of %s: %,d/%,d events (%d%%), %,d events/s, %s",
                status.projection(), status.eventsDone(), status.eventsTotal(), status.percent(),
                Math.round(status.rate()), when);
    }
}
