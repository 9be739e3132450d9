package vn.childprotection.casetracker.query.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import vn.childprotection.casetracker.query.deadletters.DeadLetterQueues;
import vn.childprotection.casetracker.query.deadletters.ParkingPolicy;

/**
 * Builds a rebuild's {@link BulkReplay} and shadow processor: the live processor's handler beans (the very same
 * projection objects), sequencing policy, error handler (the processor's; the replay propagates), rollback
 * configuration and interceptors; the event store, from the tokens the bulk replay left ({@link #storeTokens}) or
 * from its tail; the normal token store; transactions on the shadow schema ({@link ShadowSchemaTransactionManager}).
 * <p>
 * Every interceptor of the live group but Axon's {@link CorrelationDataInterceptor}: it reads (deserialises) each
 * event's metadata to hand its correlation data to messages sent while handling it, and a projection sends none. A
 * profile of the case file's rebuild put 15 % of the rebuild threads' samples there.
 * <p>
 * Where the live group parks failed events, the shadow processor parks them too, in a dead-letter queue of its own
 * (processor name {@code <group>.rebuild} in {@code dead_letter_entry}) with the same {@link ParkingPolicy}: it must
 * not write into the live queue, nor wait behind the live queue's cases. So a rebuild that meets an event no handler
 * can apply does not hang: the event is parked, the replay goes on, and the switch hands the shadow's parked events
 * to the live group together with the tables ({@link ShadowTables#switchIn}).
 */
@Component
class ShadowProcessors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final DeadLetterQueues deadLetterQueues;
    private final Configuration axon;
    private final int batchSize;
    private final int bulkBatchSize;

    ShadowProcessors(EventProcessingConfiguration processing, EventStore eventStore,
                     PlatformTransactionManager transactions, DataSource dataSource,
                     DeadLetterQueues deadLetterQueues, Configuration axon,
                     @Value("${casetracker.projections.rebuild.batch-size:1000}") int batchSize,
                     @Value("${casetracker.projections.rebuild.bulk-batch-size:2000}") int bulkBatchSize) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.deadLetterQueues = deadLetterQueues;
        this.axon = axon;
        this.batchSize = batchSize;
        this.bulkBatchSize = bulkBatchSize;
    }

    /**
     * The rebuild's shadow processor: from the tokens {@link #storeTokens} gave it, or from the store's tail.
     *
     * @param invoker the shadow's handlers ({@link #invoker}), shared with the rebuild's {@link BulkReplay}
     */
    PooledStreamingEventProcessor build(Rebuild rebuild, EventHandlerInvoker invoker, int segments) {
        String group = rebuild.projection.processingGroup();
        String name = rebuild.rebuildProcessorName;
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(Math.min(segments, 2),
                new AxonThreadFactory("WorkPackage[" + name + "]"));
        rebuild.executors = List.of(coordinator, workers);
        StreamableMessageSource<TrackedEventMessage<?>> source = eventStore;
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .errorHandler(processing.errorHandler(group))
                .rollbackConfiguration(processing.rollbackConfiguration(group))
                .messageSource(source)
                .tokenStore(processing.tokenStore(group))
                .transactionManager(transactions(rebuild))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .build();
        interceptors(group).forEach(processor::registerHandlerInterceptor);
        return processor;
    }

    /**
     * The rebuild's bulk replay over the same handlers, not started; {@code whenEnded} runs on its thread once it
     * has ended.
     *
     * @param invoker the shadow's handlers ({@link #invoker})
     */
    BulkReplay bulkReplay(Rebuild rebuild, EventHandlerInvoker invoker, Runnable whenEnded) {
        String group = rebuild.projection.processingGroup();
        BulkReplay.Handlers.Builder builder = BulkReplay.Handlers.builder();
        builder.name(rebuild.rebuildProcessorName)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(group));
        // The error handler stays Axon's propagating one: a batch that rolled back must end the replay (the
        // processor then takes over from the last committed batch), never be skipped by a handler that logs.
        BulkReplay.Handlers handlers = builder.build();
        interceptors(group).forEach(handlers::registerHandlerInterceptor);
        return new BulkReplay(rebuild.rebuildProcessorName, handlers, eventStore, durableTransactions(rebuild),
                rebuild.segmentCount(), bulkBatchSize, rebuild.base, whenEnded);
    }

    /**
     * Gives the rebuild processor one token per segment (segment ids 0 to n-1), where its bulk replay left each; a
     * {@code null} token starts its segment from the tail. Its processor then claims these segments instead of
     * creating its own.
     */
    void storeTokens(Rebuild rebuild, Map<Integer, TrackingToken> tokens) {
        String name = rebuild.rebuildProcessorName;
        TokenStore store = processing.tokenStore(rebuild.projection.processingGroup());
        durableTransactions(rebuild).executeInTransaction(() -> {
            if (store.fetchSegments(name).length == 0) {
                store.initializeTokenSegments(name, tokens.size(), null);
            }
            tokens.forEach((segment, token) -> {
                if (token != null) {
                    store.storeToken(token, name, segment);
                }
            });
            tokens.keySet().forEach(segment -> store.releaseClaim(name, segment));
        });
    }

    /**
     * The live processor's handlers, as the shadow's processor and bulk replay use them: each dead-letter queue
     * replaced by one of the shadow's own, on its transactions. Built once per rebuild and shared, so that both see the
     * same queue state.
     */
    EventHandlerInvoker invoker(Rebuild rebuild, AbstractEventProcessor live) {
        return invoker(live.eventHandlerInvoker(), rebuild.rebuildProcessorName, transactions(rebuild));
    }

    private ShadowSchemaTransactionManager transactions(Rebuild rebuild) {
        return new ShadowSchemaTransactionManager(transactions, dataSource,
                ShadowTables.shadowSchema(rebuild.projection));
    }

    /**
     * Shadow transactions whose commits wait for the WAL flush: the bulk replay's and the tokens it hands over, which
     * the processor trusts to be on disk ({@link ShadowSchemaTransactionManager#waitingForFlush}).
     */
    private ShadowSchemaTransactionManager durableTransactions(Rebuild rebuild) {
        return ShadowSchemaTransactionManager.waitingForFlush(transactions, dataSource,
                ShadowTables.shadowSchema(rebuild.projection));
    }

    /** The live group's interceptors but Axon's {@link CorrelationDataInterceptor} (see the class comment). */
    private List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors(String group) {
        return processing.interceptorsFor(group).stream()
                .filter(interceptor -> !(interceptor instanceof CorrelationDataInterceptor<?>))
                .toList();
    }

    /**
     * The live invoker with each dead-lettering part replaced by one on the shadow's own queue.
     */
    private EventHandlerInvoker invoker(EventHandlerInvoker live, String name,
                                        ShadowSchemaTransactionManager shadowTransactions) {
        if (live instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream()
                    .map(delegate -> invoker(delegate, name, shadowTransactions)).toList());
        }
        if (live instanceof DeadLetteringEventHandlerInvoker deadLettering) {
            return DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(deadLettering.eventHandlers())
                    .sequencingPolicy(deadLettering.getSequencingPolicy())
                    .queue(deadLetterQueues.queue(name, shadowTransactions, axon.serializer(),
                            axon.eventSerializer()))
                    .enqueuePolicy(new ParkingPolicy())
                    .transactionManager(shadowTransactions)
                    .enableSequenceIdentifierCache()
                    .build();
        }
        return live;
    }
}
