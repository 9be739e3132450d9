package vn.childprotection.casetracker.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures mean "the database cannot be reached" (503), however they are wrapped, and which do not.
 */
class DatabaseUnavailableTest {

    @Test
    void the_pools_time_out_wrapped_by_spring_is_an_outage() {
        assertThat(DatabaseUnavailable.isCauseOf(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("casetracker - Connection is not available")))).isTrue();
    }

    @Test
    void a_connection_failure_or_a_server_shutting_down_deep_in_the_cause_chain_is_an_outage() {
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("wrapped",
                new RuntimeException(new SQLException("I/O error", "08006"))))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(
                new SQLException("terminating connection due to unexpected postmaster exit", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(
                new SQLException("the database system is starting up", "57P03")))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void a_call_on_a_connection_the_pool_closed_as_broken_is_an_outage() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
                "ProxyConnection.java", 559)});
        assertThat(DatabaseUnavailable.isCauseOf(new TransactionSystemException("JDBC rollback failed", closed)))
                .isTrue();
    }

    @Test
    void a_refused_statement_or_a_fault_of_the_code_is_not_an_outage() {
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnavailable.isCauseOf(a)).isFalse();
    }
}
