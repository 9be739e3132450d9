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
 * Draws the boundary of each event handled by a projection of the query side, so that a handler failing on one event
 * leaves no trace of that event and the batch's transaction stays usable: the dead-letter queue parks the event, in
 * the same transaction as the other events' rows and the token, and the batch commits.
 * <p>
 * Why: a pooled processor handles a batch of events in one transaction. When a statement fails, PostgreSQL refuses
 * every later statement of that transaction ("current transaction is aborted"), so without a boundary the
 * dead-letter queue could not even record the parked event in it, and the batch would roll back and be retried
 * forever, the very thing parking is meant to end. A handler that failed after a first write would also leave that
 * half-applied event in the batch.
 * <p>
 * Each projection class gets one of two strategies ({@link Strategy}):
 * <ul>
 *   <li>{@link Strategy#SAVEPOINT_NOW}, for projections that write while their handlers run: each handler runs in a
 *   savepoint of the batch's transaction (Spring's {@link TransactionDefinition#PROPAGATION_NESTED} on the JDBC
 *   transaction manager), rolled back alone when it throws. Costs two statements per event and handler
 *   ({@code SAVEPOINT}, {@code RELEASE SAVEPOINT}).</li>
 *   <li>{@link Strategy#STAGE_THEN_COMMIT}, for projections annotated {@link WritesPerBatch}: what a handler adds to
 *   its {@link ProjectionBatch} joins the batch when the handler returns and is discarded when it throws; nothing is
 *   written meanwhile, so no savepoint is needed. When the batch writes each event as its handler returns (outside a
 *   processor's batch, or the batch after one whose writing failed, see {@link ProjectionBatch}), the handler and its
 *   writes run in a savepoint as above, so that a refused row fails that event alone.</li>
 * </ul>
 * The event handlers of a staging projection therefore change only copies (a folded document is replaced, never
 * changed in place).
 * <p>
 * Applies to event handlers (reset handlers included) declared in {@code vn.childprotection.casetracker.query}; a
 * savepoint is taken only while a transaction is active. Anything else is left as it is.
 */
public final class EventBoundaries implements HandlerEnhancerDefinition {

    /** How the events of one projection class are kept apart from each other inside a batch. */
    public enum Strategy {
        /** Each handler runs in a savepoint of the batch's transaction. */
        SAVEPOINT_NOW,
        /** Each handler's writes are staged in the {@link ProjectionBatch} and join it when the handler returns. */
        STAGE_THEN_COMMIT;

        /** The strategy of a projection class: staging when it is annotated {@link WritesPerBatch}. */
        public static Strategy of(Class<?> projection) {
            return projection.isAnnotationPresent(WritesPerBatch.class) ? STAGE_THEN_COMMIT : SAVEPOINT_NOW;
        }
    }

    private static final String PROJECTIONS = "vn.childprotection.casetracker.query.";

    private final PlatformTransactionManager transactions;

    /**
     * @param transactions the JDBC transaction manager of the projections' tables (for savepoints)
     */
    public EventBoundaries(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().getName().startsWith(PROJECTIONS)) {
            return original;
        }
        return new Bounded<>(original, transactions, Strategy.of(original.declaringClass()));
    }

    private static final class Bounded<T> extends WrappedMessageHandlingMember<T> {

        private static final DefaultTransactionDefinition NESTED =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

        private final PlatformTransactionManager transactions;
        private final boolean staged;

        Bounded(MessageHandlingMember<T> delegate, PlatformTransactionManager transactions, Strategy strategy) {
            super(delegate);
            this.transactions = transactions;
            this.staged = strategy == Strategy.STAGE_THEN_COMMIT;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            TransactionStatus savepoint = (!staged || ProjectionBatch.writesEachEvent(target))
                    && TransactionSynchronizationManager.isActualTransactionActive()
                    ? transactions.getTransaction(NESTED) : null;
            Object result;
            try {
                result = super.handle(message, target);
                if (staged) {
                    ProjectionBatch.eventHandled(target);
                }
            } catch (Exception | Error failure) {
                if (staged) {
                    ProjectionBatch.eventFailed(target);
                }
                if (savepoint != null) {
                    try {
                        transactions.rollback(savepoint);
                    } catch (RuntimeException rollbackFailure) {
                        // The connection is gone or broken: that, not the handler, decides what happens next.
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
