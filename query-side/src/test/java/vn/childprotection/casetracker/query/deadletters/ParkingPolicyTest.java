package vn.childprotection.casetracker.query.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class ParkingPolicyTest {

    private final ParkingPolicy policy = new ParkingPolicy();
    private final DeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("case-1", GenericEventMessage.asEventMessage("an event"));

    @Test
    void a_value_the_database_refuses_is_parked_with_its_class_first_line_and_sqlstate() {
        SQLException refused = new SQLException("ERROR: unsupported Unicode escape sequence\n  Detail: \\u0000 "
                + "cannot be converted to text.\n  Where: JSON data, line 1: {\"ethnicity\":\"Kinh", "22P05");
        EnqueueDecision<EventMessage<?>> decision =
                policy.decide(letter, new DataIntegrityViolationException("INSERT failed", refused));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> {
            assertThat(cause).isInstanceOf(org.axonframework.messaging.deadletter.Cause.class);
            org.axonframework.messaging.deadletter.Cause stored = (org.axonframework.messaging.deadletter.Cause) cause;
            assertThat(stored.type()).isEqualTo("java.sql.SQLException");
            assertThat(stored.message())
                    .isEqualTo("ERROR: unsupported Unicode escape sequence [SQLSTATE 22P05]");
        });
    }

    @Test
    void a_handler_bug_is_parked_and_a_long_message_is_cut() {
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, new IllegalStateException("x".repeat(2000)));

        assertThat(decision.shouldEnqueue()).isTrue();
        org.axonframework.messaging.deadletter.Cause stored =
                (org.axonframework.messaging.deadletter.Cause) decision.enqueueCause().orElseThrow();
        assertThat(stored.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(stored.message()).hasSize(500).endsWith("…");
    }

    @Test
    void infrastructure_failures_are_thrown_on_so_the_batch_rolls_back_and_is_retried() {
        RuntimeException[] transients = {
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("pool")),
                new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01")),
                new DataIntegrityViolationException("wrapped", new SQLException("could not serialize", "40001")),
                new DataIntegrityViolationException("wrapped", new SQLException("statement timeout", "57014")),
                new DataIntegrityViolationException("wrapped", new SQLException("terminating connection", "57P01")),
                new DataIntegrityViolationException("wrapped", new SQLException("connection refused", "08001")),
                new CannotCreateTransactionException("no transaction"),
                new IllegalStateException("wrapped", new ConnectException("Connection refused"))};
        for (RuntimeException failure : transients) {
            assertThatThrownBy(() -> policy.decide(letter, failure)).as(failure.toString()).isSameAs(failure);
        }
        Exception checked = new java.util.concurrent.TimeoutException("took too long");
        assertThatThrownBy(() -> policy.decide(letter, checked)).hasCause(checked);
    }

    @Test
    void constraint_and_data_errors_are_not_transient() {
        assertThat(TransientFailures.isTransient(new SQLException("check constraint", "23514"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("invalid datetime", "22008"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }
}
