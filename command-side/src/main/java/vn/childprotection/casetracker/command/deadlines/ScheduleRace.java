package vn.childprotection.casetracker.command.deadlines;

import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import java.util.function.Supplier;

/**
 * A step that ends a time limit cancels the limit's schedule when its unit of work commits. If the schedule is
 * running at that very moment (a limit whose due time has passed fires at once, e.g. for a step recorded late),
 * db-scheduler refuses the cancellation ({@link TaskInstanceCurrentlyExecutingException}, or
 * {@link ExecutionException} when the run removed the schedule between db-scheduler's look-up and its delete) and the
 * whole command rolls back, writing nothing. The run itself only waits
 * for the case and then finds the limit still open or already met, so sending the command again once the run is
 * over is safe and gives the user the answer the procedure would have given anyway.
 */
public final class ScheduleRace {

    private static final int ATTEMPTS = 5;
    private static final long BACK_OFF_MILLIS = 25;

    private ScheduleRace() {
    }

    /**
     * Runs {@code send}, again while it fails only because a schedule it cancels is running.
     */
    public static <T> T retrying(Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !scheduleRunning(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    static boolean scheduleRunning(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskInstanceCurrentlyExecutingException || t instanceof ExecutionException) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(BACK_OFF_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a deadline's run to end", e);
        }
    }
}
