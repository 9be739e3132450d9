package vn.childprotection.casetracker.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadConsistencyTest {

    @Test
    void a_read_polls_until_the_version_arrives() {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(30), 1);
        AtomicInteger polls = new AtomicInteger();

        consistency.await(4L, () -> polls.incrementAndGet() < 3 ? OptionalLong.of(3) : OptionalLong.of(4));

        assertThat(polls).hasValue(3);
        assertThat(consistency.waiting()).isZero();
    }

    @Test
    void a_read_beyond_the_number_allowed_to_wait_does_not_wait() {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(30), 0);
        AtomicInteger polls = new AtomicInteger();

        consistency.await(4L, () -> {
            polls.incrementAndGet();
            return OptionalLong.empty();
        });

        assertThat(polls).as("looked once, then answered without waiting").hasValue(1);
        assertThat(consistency.waiting()).isZero();
    }
}
