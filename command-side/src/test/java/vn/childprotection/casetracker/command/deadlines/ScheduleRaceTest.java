package vn.childprotection.casetracker.command.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

class ScheduleRaceTest {

    @Test
    void a_command_refused_because_a_schedule_it_cancels_is_running_is_sent_again() {
        AtomicInteger attempts = new AtomicInteger();
        long version = ScheduleRace.retrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CommandExecutionException("rolled back", new IllegalStateException("prepare commit",
                        new TaskInstanceCurrentlyExecutingException("deadline", "id-1")));
            }
            return 7L;
        });

        assertThat(version).isEqualTo(7L);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void any_other_failure_is_not_sent_again() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ScheduleRace.retrying(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a rule of the procedure");
        })).hasMessage("a rule of the procedure");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void it_gives_up_after_a_few_attempts() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ScheduleRace.retrying(() -> {
            attempts.incrementAndGet();
            throw new TaskInstanceCurrentlyExecutingException("deadline", "id-2");
        })).isInstanceOf(TaskInstanceCurrentlyExecutingException.class);
        assertThat(attempts).hasValue(5);
    }
}
