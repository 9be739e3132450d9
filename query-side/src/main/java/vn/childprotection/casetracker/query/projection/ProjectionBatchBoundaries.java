package vn.childprotection.casetracker.query.projection;

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

/**
 * Draws the boundary of each event in the {@link ProjectionBatch} of a {@link WritesPerBatch} projection: what its
 * handler collected joins the batch when the handler returns, and is discarded when it throws.
 * <p>
 * Why: the dead-letter queue parks an event whose handler failed and lets the rest of the batch go on. Before the
 * writes were batched, the failed event's rows were rolled back to a savepoint; now the handler has written nothing
 * yet, and discarding what it collected leaves the batch exactly as if the event had never been handled. The event
 * handlers therefore change only copies (a folded document is replaced, never changed in place).
 * <p>
 * When the batch writes each event as its handler returns (the batch after one whose writing failed, see
 * {@link ProjectionBatch}), the handler and its writes run in a savepoint of the batch's transaction, as
 * {@link vn.childprotection.casetracker.query.deadletters.EventSavepoints} does for other projections, so that a
 * refused row fails that event alone.
 * <p>
 * Applies to event handlers of classes annotated {@link WritesPerBatch}; anything else is left as it is.
 */
public final class ProjectionBatchBoundaries implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;

    /**
     * @param transactions the JDBC transaction manager of the projections' tables (for savepoints)
     */
    public ProjectionBatchBoundaries(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().isAnnotationPresent(WritesPerBatch.class)) {
            return original;
        }
        return new EventBoundary<>(original, transactions);
    }

    private static final class EventBoundary<T> extends WrappedMessageHandlingMember<T> {

        private static final DefaultTransactionDefinition NESTED =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

        private final PlatformTransactionManager transactions;

        EventBoundary(MessageHandlingMember<T> delegate, PlatformTransactionManager transactions) {
            super(delegate);
            this.transactions = transactions;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            TransactionStatus savepoint = ProjectionBatch.writesEachEvent(target)
                    && TransactionSynchronizationManager.isActualTransactionActive()
                    ? transactions.getTransaction(NESTED) : null;
            Object result;
            try {
                result = super.handle(message, target);
                ProjectionBatch.eventHandled(target);
            } catch (Exception | Error failure) {
                ProjectionBatch.eventFailed(target);
                if (savepoint != null) {
                    try {
                        transactions.rollback(savepoint);
                    } catch (RuntimeException rollbackFailure) {
                        rollbackFailure.addSuppressed(failure);
                        throw rollbackFailure;
                    }
                }
                throw failure;
            }
            if (savepoint != null) {
                transactions.commit(savepoint);
            }
            return result;
        }
    }
}
