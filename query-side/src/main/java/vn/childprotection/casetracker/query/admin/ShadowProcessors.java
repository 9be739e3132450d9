package vn.childprotection.casetracker.query.admin;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import vn.childprotection.casetracker.query.deadletters.DeadLetterQueues;
import vn.childprotection.casetracker.query.deadletters.ParkingPolicy;

/**
 * Builds a rebuild's shadow processor: the live processor's handler beans (the very same projection objects),
 * sequencing policy, error handler, rollback configuration and interceptors; the event store from its tail; the
 * normal token store; transactions on the shadow schema ({@link ShadowSchemaTransactionManager}).
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

    ShadowProcessors(EventProcessingConfiguration processing, EventStore eventStore,
                     PlatformTransactionManager transactions, DataSource dataSource,
                     DeadLetterQueues deadLetterQueues, Configuration axon,
                     @Value("${casetracker.projections.rebuild.batch-size:1000}") int batchSize) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.deadLetterQueues = deadLetterQueues;
        this.axon = axon;
        this.batchSize = batchSize;
    }

    PooledStreamingEventProcessor build(Rebuild rebuild, AbstractEventProcessor live, int segments) {
        String group = rebuild.projection.processingGroup();
        String name = rebuild.rebuildProcessorName;
        ShadowSchemaTransactionManager shadowTransactions = new ShadowSchemaTransactionManager(transactions,
                dataSource, ShadowTables.shadowSchema(rebuild.projection));
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(Math.min(segments, 2),
                new AxonThreadFactory("WorkPackage[" + name + "]"));
        rebuild.executors = List.of(coordinator, workers);
        StreamableMessageSource<TrackedEventMessage<?>> source = eventStore;
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker(live.eventHandlerInvoker(), name, shadowTransactions))
                .errorHandler(processing.errorHandler(group))
                .rollbackConfiguration(processing.rollbackConfiguration(group))
                .messageSource(source)
                .tokenStore(processing.tokenStore(group))
                .transactionManager(shadowTransactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .build();
        processing.interceptorsFor(group).stream()
                .filter(interceptor -> !(interceptor instanceof CorrelationDataInterceptor<?>))
                .forEach(processor::registerHandlerInterceptor);
        return processor;
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
