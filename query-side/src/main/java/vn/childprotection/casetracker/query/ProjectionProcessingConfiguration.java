package vn.childprotection.casetracker.query;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.childprotection.casetracker.query.audittrail.AuditTrailProjection;
import vn.childprotection.casetracker.query.casefile.CaseFileProjection;
import vn.childprotection.casetracker.query.deadletters.DeadLetterMetrics;
import vn.childprotection.casetracker.query.deadletters.DeadLetterQueues;
import vn.childprotection.casetracker.query.deadletters.DeadLetterRetries;
import vn.childprotection.casetracker.query.deadletters.DeadLettersHealthIndicator;
import vn.childprotection.casetracker.query.deadletters.ParkedEvents;
import vn.childprotection.casetracker.query.deadletters.ParkingPolicy;
import vn.childprotection.casetracker.query.deadletters.TransientFailures;
import vn.childprotection.casetracker.query.deadlines.DeadlineProjection;
import vn.childprotection.casetracker.query.history.CaseHistoryProjection;
import vn.childprotection.casetracker.query.indicators.IndicatorProjection;
import vn.childprotection.casetracker.query.projection.EventBoundaries;
import vn.childprotection.casetracker.query.riskregister.RiskRegisterProjection;
import vn.childprotection.casetracker.query.targets.CommuneTargetsProjection;
import vn.childprotection.casetracker.query.workqueue.WorkQueueProjection;

/**
 * How the projections' processors treat a failing handler: no event can stop a projection for good.
 * <p>
 * Each processing group has Axon's dead-letter queue ({@link DeadLetterQueues}, table {@code dead_letter_entry}).
 * When a handler fails on an event, the {@link ParkingPolicy} decides: a transient failure of the infrastructure
 * ({@link TransientFailures}) rolls the batch back (rows and token together) and the processor retries the segment
 * with back-off, as before; any other failure parks the event, and Axon parks the later events of the same case
 * behind it (the default sequencing policy is per aggregate, that is per case), while every other case keeps
 * flowing. {@link EventBoundaries} makes that possible inside one batch transaction on PostgreSQL: a savepoint per
 * event for projections that write as they go, and for projections that write once per batch the failed handler's
 * staged rows dropped. Parked events
 * are listed and retried through the admin API ({@link ParkedEvents}, {@link DeadLetterRetries}) and counted in
 * health ({@link DeadLettersHealthIndicator}) and metrics ({@link DeadLetterMetrics}).
 * <p>
 * Why Axon's {@code ListenerInvocationErrorHandler} is not configured here any more: with a dead-letter queue Axon
 * builds the group's invoker ({@code DeadLetteringEventHandlerInvoker}) with a propagating one regardless, so the
 * failure reaches the enqueue policy; a logging handler would have skipped the event silently and left the
 * projection different from what a rebuild gives.
 * <p>
 * A reset of a processor (a replay) also empties its queue ({@code allowReset}): the replay meets the parked events
 * again and parks them anew. The sequence identifier cache spares one query per event while the queue was empty when
 * the segment was claimed; it is per segment and dropped when the segment is released, so it stays right when a
 * retry or a rebuild changes the queue.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessingConfiguration {

    static final List<String> PROCESSING_GROUPS = List.of(CaseFileProjection.PROCESSING_GROUP,
            CaseHistoryProjection.PROCESSING_GROUP, RiskRegisterProjection.PROCESSING_GROUP,
            DeadlineProjection.PROCESSING_GROUP, WorkQueueProjection.PROCESSING_GROUP,
            AuditTrailProjection.PROCESSING_GROUP, IndicatorProjection.PROCESSING_GROUP,
            CommuneTargetsProjection.PROCESSING_GROUP);

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterQueues.snakeCaseSchema();
    }

    @Bean
    public EventBoundaries projectionEventBoundaries(PlatformTransactionManager transactions) {
        return new EventBoundaries(transactions);
    }

    @Bean
    public ConfigurerModule projectionDeadLetterQueues(DeadLetterQueues queues, TransactionManager transactions) {
        return deadLetterQueues(queues, transactions, PROCESSING_GROUPS);
    }

    /**
     * The dead-letter queues of processing groups, configured as the projections' are: the {@code dead_letter_entry}
     * queue of each group, the {@link ParkingPolicy}, resets allowed, the sequence identifier cache on. For a
     * projection defined outside this list (tests, benchmarks) to be configured as the real ones.
     *
     * @param queues       the service's queues
     * @param transactions the service's transaction manager
     * @param groups       the processing groups to give a queue
     * @return a module to declare as a bean
     */
    public static ConfigurerModule deadLetterQueues(DeadLetterQueues queues, TransactionManager transactions,
                                                    List<String> groups) {
        ParkingPolicy policy = new ParkingPolicy();
        return configurer -> configurer.eventProcessing(processing -> groups.forEach(group -> processing
                .registerDeadLetterQueue(group, c -> queues.queue(group, transactions, c.serializer(), c.eventSerializer()))
                .registerDeadLetterPolicy(group, c -> policy)
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder
                        .allowReset(true)
                        .enableSequenceIdentifierCache())));
    }
}
