package vn.childprotection.casetracker.query.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.childprotection.casetracker.query.projection.ProjectionBatchBoundaries;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;

/**
 * Runs each event handler of the query side's projections in a savepoint of the batch's transaction, so that a
 * handler failing on one event undoes exactly what it wrote for that event and leaves the transaction usable.
 * <p>
 * Why: a pooled processor handles a batch of events in one transaction. When a statement fails, PostgreSQL refuses
 * every later statement of that transaction ("current transaction is aborted"), so without a savepoint the
 * dead-letter queue could not even record the parked event in it, and the batch would roll back and be retried
 * forever, the very thing parking is meant to end. A handler that failed after a first write would also leave that
 * half-applied event in the batch. With the savepoint (Spring's {@link TransactionDefinition#PROPAGATION_NESTED} on
 * the JDBC transaction manager) the failed event's writes are rolled back alone, the dead letter is written in the
 * same transaction as the other events' rows and the token, and the batch commits.
 * <p>
 * Applies to event handlers (reset handlers included) declared in {@code vn.childprotection.casetracker.query},
 * only while a transaction is active; anything else is left as it is. Costs two statements per event and handler
 * ({@code SAVEPOINT}, {@code RELEASE SAVEPOINT}). Projections annotated {@link WritesPerBatch} write nothing while
 * their handlers run, so they need none: {@link ProjectionBatchBoundaries} discards what a failed handler collected.
 */
public final class EventSavepoints implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "vn.childprotection.casetracker.query.";

    private final PlatformTransactionManager transactions;

    public EventSavepoints(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().getName().startsWith(PROJECTIONS)
                || original.declaringClass().isAnnotationPresent(WritesPerBatch.class)) {
            return original;
        }
        return new InSavepoint<>(original, transactions);
    }

    private static final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private static final DefaultTransactionDefinition NESTED =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

        private final PlatformTransactionManager transactions;

        InSavepoint(MessageHandlingMember<T> delegate, PlatformTransactionManager transactions) {
            super(delegate);
            this.transactions = transactions;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            TransactionStatus savepoint = transactions.getTransaction(NESTED);
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error failure) {
                try {
                    transactions.rollback(savepoint);
                } catch (RuntimeException rollbackFailure) {
                    // The connection is gone or broken: that, not the handler, decides what happens next.
                    rollbackFailure.addSuppressed(failure);
                    throw rollbackFailure;
                }
                throw failure;
            }
            transactions.commit(savepoint);
            return result;
        }
    }
}
