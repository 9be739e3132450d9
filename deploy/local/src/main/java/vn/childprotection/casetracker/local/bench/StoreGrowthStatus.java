package vn.childprotection.casetracker.local.bench;

import java.time.Instant;

/**
 * Where the store growth stands ({@code GET /api/v1/admin/store-growth}).
 *
 * @param state           {@code IDLE} (never started), {@code RUNNING}, {@code FINISHED} or {@code FAILED}
 * @param targetCases     the number of cases the store is to hold when done; 0 when idle
 * @param templateCases   the cases clones are made from (0 until they are read)
 * @param cases           the cases the store holds now, as far as this growth knows (at start, plus clones)
 * @param events          events appended by this growth so far
 * @param startedAt       when it started, UTC; null when idle
 * @param finishedAt      when it finished or failed, UTC; null while running or idle
 * @param seconds         seconds from start to finish (or to now while running)
 * @param eventsPerSecond {@code events / seconds}
 * @param error           why it failed, or null
 * @param projectionsPaused    whether the projections' live processors are stopped by this growth now (asked for
 *                             with {@code "pauseProjections": true}; true from just after the start until the end)
 * @param projectionsResumedAt when they were started again, UTC, just before {@code finishedAt}: the moment their
 *                             catch-up begins; null while paused, and when this growth did not pause them
 */
public record StoreGrowthStatus(String state, long targetCases, long templateCases, long cases, long events,
                                Instant startedAt, Instant finishedAt, double seconds, double eventsPerSecond,
                                String error, boolean projectionsPaused, Instant projectionsResumedAt) {

    static StoreGrowthStatus idle() {
        return new StoreGrowthStatus("IDLE", 0, 0, 0, 0, null, null, 0, 0, null, false, null);
    }

    /** This status with the projections stopped ({@code paused}) or started again at {@code resumedAt}. */
    StoreGrowthStatus withProjections(boolean paused, Instant resumedAt) {
        return new StoreGrowthStatus(state, targetCases, templateCases, cases, events, startedAt, finishedAt, seconds,
                eventsPerSecond, error, paused, resumedAt);
    }
}
