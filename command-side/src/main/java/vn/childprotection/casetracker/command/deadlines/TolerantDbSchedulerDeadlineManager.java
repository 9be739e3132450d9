package vn.childprotection.casetracker.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import javax.annotation.Nonnull;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a schedule that is running at that moment is not an
 * error.
 * <p>
 * A step recorded late schedules time limits whose due time has passed; db-scheduler runs them at once. If a step
 * that ends such a limit commits while its run is in progress, db-scheduler refuses the cancellation
 * ({@link TaskInstanceCurrentlyExecutingException}, or {@link ExecutionException} when the run removed the schedule
 * between its look-up and its delete) and Axon's manager lets that fail the whole command, at prepare-commit, writing
 * nothing. Nothing needs cancelling then: the run waits for the case and finds the limit already ended, so it records
 * nothing. Axon's own manager already treats a schedule that no longer exists the same way.
 */
public class TolerantDbSchedulerDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger LOG = LoggerFactory.getLogger(TolerantDbSchedulerDeadlineManager.class);

    private final Scheduler scheduler;

    /**
     * @param builder   Axon's builder, configured as for its own manager
     * @param scheduler the scheduler given to the builder
     */
    public TolerantDbSchedulerDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException
                     | ExecutionException e) {
                LOG.debug("Schedule {} of {} not cancelled: it has run or is running ({})", scheduleId, deadlineName,
                        e.getClass().getSimpleName());
            }
        });
    }
}
