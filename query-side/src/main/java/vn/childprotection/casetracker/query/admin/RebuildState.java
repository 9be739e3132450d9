package vn.childprotection.casetracker.query.admin;

/**
 * Where a rebuild is. RUNNING: the shadow processor replays the store into the shadow tables while the live one
 * keeps serving. SWITCHING: the shadow caught up; the live processor is stopped and the tables are being swapped.
 * DONE: the rebuilt tables are the live ones. PARKED: as DONE, but the replay parked events no handler could apply;
 * they are now the projection's parked events (see the problem text, {@code parkedEvents} and {@code firstParked},
 * and {@code GET /api/v1/admin/projections/{name}/dead-letters}). FAILED: nothing was switched; the shadow tables
 * are gone and the live processor runs again (see the problem text).
 */
public enum RebuildState {
    RUNNING, SWITCHING, DONE, PARKED, FAILED;

    /** @return whether the rebuild is still going (RUNNING or SWITCHING) */
    public boolean active() {
        return this == RUNNING || this == SWITCHING;
    }

    /** @return whether the rebuilt tables were switched in (DONE or PARKED) */
    public boolean switchedIn() {
        return this == DONE || this == PARKED;
    }
}
