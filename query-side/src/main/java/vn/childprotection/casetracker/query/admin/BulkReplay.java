package vn.childprotection.casetracker.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first part of a rebuild: the events from the store's tail to its head, read by one thread and handed in large
 * batches, each in one shadow transaction, to the group's handlers — the same invoker (dead-letter queue included),
 * interceptors and rollback rules as the shadow processor — with none of a streaming processor's per-event
 * machinery: no coordinator queueing every event for a work package per segment, no claims, no tokens stored on the
 * way. Once the reader finds no further event, or a batch fails (rolled back), the replay ends with each segment's
 * token after its last committed batch ({@link #committedTokens}), and the rebuild's
 * {@code PooledStreamingEventProcessor} starts from those tokens for what remains (events appended meanwhile, gaps
 * that fill later, a failing batch retried and then handed event by event as for any processor). So the replay only
 * decides how fast the bulk of the history is applied, never what is applied.
 * <p>
 * Why: on 2 cores Axon's pooled processor spends more CPU per handled event than a quarter of the raw scan's rate
 * leaves (docs/benchmarks.md, "Where a rebuild's CPU goes"), whatever the handlers do.
 * <p>
 * Threads: the reader ({@code BulkReplay[<name>]-read}) reads the stream, keeps the events the handlers take
 * (by payload type, then by the invoker) and splits them between the segments as the processor would (the invoker's
 * sequencing policy), and once one segment has {@code batchSize} events cuts a batch for every segment (never
 * between events sharing a token, the output of one upcast), so that all segments' tokens, and the rebuild's
 * progress, advance together (a segment with no events gets its token without a transaction). Each segment's applier
 * ({@code BulkReplay[<name>]-apply-<n>}) applies its batches in order, in one transaction each; at most two batches
 * per segment wait. Within a segment events are handled in global index order, as by the processor's work package of
 * that segment.
 * <p>
 * Payloads and metadata are deserialised by the appliers, when their handlers first ask for them, not by the reader:
 * deserialising is most of the reader's work (Jackson, about 60 % of its CPU samples), and on a single thread it held
 * the rebuild of a projection that writes nothing to about half of the two cores; spread over the appliers the same
 * rebuild went ×1.5 faster, and the writing projections 6–9 % (docs/benchmarks.md, "Rebuilds on a store whose cases
 * interleave").
 * <p>
 * Not thread-safe beyond what is stated: started once, {@link #stop stopped} from any thread.
 */
final class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    private final String name;
    private final Handlers handlers;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TransactionManager transactions;
    private final int batchSize;
    private final List<Part> parts = new ArrayList<>();
    private final ExecutorService reader;
    private final ExecutorService appliers;
    private final Runnable whenEnded;
    private final AtomicInteger running = new AtomicInteger();

    private volatile boolean ended;
    private volatile boolean stopping;
    private volatile String endedBy;

    /**
     * @param name         the rebuild processor's name ({@code <group>.rebuild}), for threads and logs
     * @param handlers     the group's handlers, as the shadow processor will have them
     * @param source       the event store
     * @param transactions transactions on the shadow schema
     * @param segments     the shadow processor's segment count: one applier per segment, events split between them
     *                     as the processor splits them (the group's sequencing policy)
     * @param batchSize    events handled per transaction (at least 1)
     * @param base         the position before the first event, reported until a batch commits
     * @param whenEnded    run once when the replay has ended, however it ended, on the last applier's thread
     */
    BulkReplay(String name, Handlers handlers, StreamableMessageSource<TrackedEventMessage<?>> source,
               TransactionManager transactions, int segments, int batchSize, long base, Runnable whenEnded) {
        this.name = name;
        this.handlers = handlers;
        this.source = source;
        this.transactions = transactions;
        this.batchSize = Math.max(1, batchSize);
        this.whenEnded = whenEnded;
        int[] ids = IntStream.range(0, Math.max(1, segments)).toArray();
        for (int id : ids) {
            parts.add(new Part(Segment.computeSegment(id, ids), base));
        }
        this.reader = Executors.newSingleThreadExecutor(new AxonThreadFactory("BulkReplay[" + name + "]-read"));
        this.appliers = Executors.newFixedThreadPool(parts.size(),
                new AxonThreadFactory("BulkReplay[" + name + "]-apply"));
    }

    /** Starts reading from the store's tail and applying. */
    void start() {
        running.set(parts.size());
        reader.execute(this::read);
        parts.forEach(part -> appliers.execute(() -> apply(part)));
    }

    /**
     * Stops reading and applying: batches being applied finish (commit or roll back) first, waited for up to 30 s.
     */
    void stop() {
        stopping = true;
        reader.shutdownNow();
        appliers.shutdown();
        try {
            if (!appliers.awaitTermination(30, TimeUnit.SECONDS)) {
                appliers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            appliers.shutdownNow();
        }
    }

    /** Whether the replay has ended: the head reached, a batch failed, or stopped. */
    boolean ended() {
        return ended;
    }

    /**
     * Each segment's token after its last committed batch, by segment id; {@code null} for a segment none of whose
     * batches has committed (it starts from the tail). Meaningful once {@link #ended}.
     */
    Map<Integer, TrackingToken> committedTokens() {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        parts.forEach(part -> tokens.put(part.segment.getSegmentId(), part.committed));
        return tokens;
    }

    /** The lowest global index up to which every segment's batches have committed, or the base before any. */
    long position() {
        return parts.stream().mapToLong(part -> part.position).min().orElse(0);
    }

    /** Events handed to the handlers in committed batches. */
    long applied() {
        return parts.stream().mapToLong(part -> part.applied).sum();
    }

    /** Why the replay ended before the head (a batch failed, reading failed), or {@code null}. */
    String endedBy() {
        return endedBy;
    }

    private void read() {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            TrackingToken last = null;
            while (!stopping && stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!Objects.equals(event.trackingToken(), last) && parts.stream().anyMatch(Part::full)) {
                    for (Part part : parts) {
                        part.handOver(last);
                    }
                }
                last = event.trackingToken();
                Part taker = handlers.takes(event, parts);
                if (taker != null) {
                    taker.events.add(event);
                }
            }
            if (last != null && !stopping) {
                for (Part part : parts) {
                    part.handOver(last);
                }
            }
            for (Part part : parts) {
                part.ready.put(Part.END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endRead();
        } catch (Exception e) {
            endedBy = "reading the store failed: " + ProjectionRebuilds.describe(e);
            log.warn("Bulk replay of {}: {}; the rebuild's processor goes on from the last committed batches", name,
                    endedBy);
            endRead();
        }
    }

    /** Ends reading early: the batches not applied yet are dropped (the processor reads them again). */
    private void endRead() {
        for (Part part : parts) {
            part.ready.clear();
            part.ready.offer(Part.END);
        }
    }

    private void apply(Part part) {
        try {
            while (!stopping) {
                Batch batch = part.ready.poll(100, TimeUnit.MILLISECONDS);
                if (batch == Part.END) {
                    break;
                }
                if (batch == null) {
                    continue;
                }
                if (!batch.events.isEmpty()) {
                    handlers.apply(batch.events, part.segment, transactions);
                }
                part.committed(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            endedBy = "a batch of segment " + part.segment.getSegmentId() + " failed: "
                    + ProjectionRebuilds.describe(e);
            log.warn("Bulk replay of {}: {}; the rebuild's processor goes on from the last committed batches", name,
                    endedBy);
            // The other segments stop after their current batch.
            stopping = true;
            reader.shutdownNow();
        } finally {
            if (running.decrementAndGet() == 0) {
                stopping = true;
                reader.shutdownNow();
                ended = true;
                try {
                    whenEnded.run();
                } finally {
                    appliers.shutdown();
                }
            }
        }
    }

    private record Batch(List<TrackedEventMessage<?>> events, TrackingToken token) {
    }

    /** One segment: the events read for it, its batches waiting, and how far its committed batches reach. */
    private final class Part {

        static final Batch END = new Batch(List.of(), null);

        final Segment segment;
        final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(2);
        /** Read for the next batch; used by the reader only. */
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        volatile TrackingToken committed;
        volatile long position;
        volatile long applied;

        Part(Segment segment, long base) {
            this.segment = segment;
            this.position = base;
        }

        /** Whether the events read for the next batch fill one. */
        boolean full() {
            return events.size() >= batchSize;
        }

        /** Hands the events read so far to the applier, as a batch that reaches {@code token}. */
        void handOver(TrackingToken token) throws InterruptedException {
            ready.put(new Batch(events, token));
            events = new ArrayList<>(batchSize);
        }

        void committed(Batch batch) {
            applied += batch.events.size();
            committed = batch.token;
            position = batch.token.position().orElse(position);
        }
    }

    /**
     * The group's handlers behind Axon's own batch handling ({@link AbstractEventProcessor#processInUnitOfWork}):
     * the shadow processor's invoker, interceptors and rollback configuration, and Axon's propagating error handler
     * (a batch that rolled back ends the replay; it is never skipped). A processor in name only: never started, it
     * runs what it is given on the calling thread.
     */
    static final class Handlers extends AbstractEventProcessor {

        private Handlers(Builder builder) {
            super(builder);
        }

        static Builder builder() {
            return new Builder();
        }

        /**
         * Which segment's handlers take an event (its payload type, then the invoker's own test), or {@code null}.
         * The payload is not deserialised here but by the applier's handlers; one that cannot be fails in its
         * handler, where the dead-letter queue parks it.
         */
        Part takes(TrackedEventMessage<?> event, List<Part> parts) throws Exception {
            if (!canHandleType(event.getPayloadType())) {
                return null;
            }
            for (Part part : parts) {
                if (canHandle(event, part.segment)) {
                    return part;
                }
            }
            return null;
        }

        /**
         * Handles the events in one {@link BatchingUnitOfWork} and one transaction.
         *
         * @throws Exception what the error handler lets through when the batch rolled back
         */
        void apply(List<TrackedEventMessage<?>> events, Segment segment, TransactionManager transactions)
                throws Exception {
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
            unitOfWork.attachTransaction(transactions);
            processInUnitOfWork(events, unitOfWork, List.of(segment));
        }

        @Override
        public void start() {
        }

        @Override
        public void shutDown() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public boolean isError() {
            return false;
        }

        static final class Builder extends AbstractEventProcessor.Builder {

            Handlers build() {
                return new Handlers(this);
            }
        }
    }
}
