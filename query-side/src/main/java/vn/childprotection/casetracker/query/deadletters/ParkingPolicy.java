package vn.childprotection.casetracker.query.deadletters;

import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Decides what happens to an event a projection's handler failed on: park it, or roll back and retry.
 * <ul>
 *   <li>A <b>transient</b> failure ({@link TransientFailures}: the database unreachable, a timeout, a serialization
 *       failure or deadlock) is thrown on: the batch rolls back, rows and token together, and the pooled processor
 *       retries the segment with back-off, as it always has. Parking it would be wrong twice over: the event is not
 *       at fault, and every later event of its case would wait behind it until someone retried by hand, although
 *       the next attempt would have succeeded by itself. When a retry from the admin API meets such a failure, the
 *       retry fails and the event stays parked.</li>
 *   <li>Any other failure is the handler's own on this event (a value PostgreSQL cannot hold, a constraint, a bug):
 *       retrying it changes nothing until a fix is deployed, and retrying it forever would stop the whole segment,
 *       every case in it. So the event is parked in the group's dead-letter queue; Axon then parks the later events
 *       of the same case behind it (the sequencing policy is per case), and every other case keeps flowing.</li>
 * </ul>
 * The cause stored with a parked event is the innermost exception's class and the first line of its message, at
 * most {@value #MAX_MESSAGE} characters (PostgreSQL's {@code Detail:} and {@code Where:} lines, which may quote the
 * row, are left out), with the SQLSTATE when there is one. The payload is never part of it.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final int MAX_MESSAGE = 500;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientFailures.isTransient(cause)) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new TransientHandlerFailure(cause);
        }
        return Decisions.enqueue(causeOf(cause));
    }

    /**
     * What is stored and shown of a failure: the innermost exception's class name and the first line of its
     * message, with the SQLSTATE of a database error.
     */
    static ThrowableCause causeOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        if (root instanceof SQLException sql && sql.getSQLState() != null) {
            message = message + " [SQLSTATE " + sql.getSQLState() + "]";
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
        return new ThrowableCause(root.getClass().getName(), message);
    }

    /**
     * A checked transient failure, thrown on unchanged in meaning so that the batch rolls back and is retried.
     */
    static final class TransientHandlerFailure extends RuntimeException {

        TransientHandlerFailure(Throwable cause) {
            super("Transient failure while handling an event; the batch is rolled back and retried", cause);
        }
    }
}
