package vn.childprotection.casetracker.query.deadletters;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;

/**
 * Dead-letter queues for projections that only tests define, configured as the real projections' are: the
 * {@code dead_letter_entry} queue of each group, the {@link ParkingPolicy}, resets allowed, the sequence identifier
 * cache on.
 */
public final class TestDeadLetterQueues {

    private TestDeadLetterQueues() {
    }

    /**
     * @param queues       the service's queues
     * @param transactions the service's transaction manager
     * @param groups       the processing groups to give a queue
     * @return a module to declare as a bean
     */
    public static ConfigurerModule forGroups(DeadLetterQueues queues, TransactionManager transactions,
                                             List<String> groups) {
        ParkingPolicy policy = new ParkingPolicy();
        return configurer -> configurer.eventProcessing(processing -> groups.forEach(group -> processing
                .registerDeadLetterQueue(group, c -> queues.queue(group, transactions, c.serializer(),
                        c.eventSerializer()))
                .registerDeadLetterPolicy(group, c -> policy)
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder
                        .allowReset(true)
                        .enableSequenceIdentifierCache())));
    }
}
