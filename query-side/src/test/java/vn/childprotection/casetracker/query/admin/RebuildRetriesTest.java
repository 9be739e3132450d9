package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.BadSqlGrammarException;

class RebuildRetriesTest {

    private final RebuildRetries retries = new RebuildRetries(4, Duration.ofMillis(500), Duration.ofSeconds(2));
    private final RuntimeException poolExhausted = new CannotGetJdbcConnectionException("Failed to obtain JDBC "
            + "Connection", new SQLTransientConnectionException("casetracker - Connection is not available, request "
            + "timed out after 3000ms"));

    @Test
    void a_transient_failure_is_retried_with_a_back_off_that_doubles_up_to_the_maximum() {
        assertThat(retries.backoff(poolExhausted, 0)).hasValue(Duration.ofMillis(500));
        assertThat(retries.backoff(poolExhausted, 1)).hasValue(Duration.ofSeconds(1));
        assertThat(retries.backoff(poolExhausted, 2)).hasValue(Duration.ofSeconds(2));
        assertThat(retries.backoff(poolExhausted, 3)).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void a_transient_failure_beyond_the_attempts_in_a_row_fails_the_rebuild() {
        assertThat(retries.backoff(poolExhausted, 4)).isEmpty();
    }

    @Test
    void a_failure_that_is_not_transient_fails_the_rebuild_at_once() {
        assertThat(retries.backoff(new BadSqlGrammarException("create shadow", "CREATE TABLE",
                new java.sql.SQLException("syntax error", "42601")), 0)).isEmpty();
        assertThat(retries.backoff(new IllegalStateException("a bug"), 0)).isEmpty();
    }

    @Test
    void settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> new RebuildRetries(-1, Duration.ofMillis(500), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RebuildRetries(3, Duration.ZERO, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RebuildRetries(3, Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
