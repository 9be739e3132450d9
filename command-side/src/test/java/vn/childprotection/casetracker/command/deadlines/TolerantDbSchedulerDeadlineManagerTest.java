package vn.childprotection.casetracker.command.deadlines;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a schedule: done when it waits, tolerated when it is running (the step that ends a limit must not fail
 * because the limit's run is in progress), and any other failure still fails.
 */
class TolerantDbSchedulerDeadlineManagerTest {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final TolerantDbSchedulerDeadlineManager deadlines = new TolerantDbSchedulerDeadlineManager(
            DbSchedulerDeadlineManager.builder().scopeAwareProvider(mock(ScopeAwareProvider.class))
                    .serializer(mock(Serializer.class)).transactionManager(NoTransactionManager.INSTANCE)
                    .startScheduler(false).stopScheduler(false), scheduler);

    @Test
    void a_waiting_schedule_is_cancelled() {
        deadlines.cancelSchedule("procedure-deadline", "schedule-1");

        verify(scheduler).cancel(new DbSchedulerDeadlineToken("schedule-1"));
    }

    @Test
    void a_running_schedule_is_left_to_its_run() {
        doThrow(new TaskInstanceCurrentlyExecutingException("axon-deadline", "schedule-2"))
                .when(scheduler).cancel(any(TaskInstanceId.class));

        assertThatCode(() -> deadlines.cancelSchedule("procedure-deadline", "schedule-2"))
                .doesNotThrowAnyException();
    }

    @Test
    void any_other_failure_still_fails() {
        doThrow(new IllegalStateException("database unreachable")).when(scheduler).cancel(any(TaskInstanceId.class));

        assertThatThrownBy(() -> deadlines.cancelSchedule("procedure-deadline", "schedule-3"))
                .hasMessage("database unreachable");
    }
}
