package vn.childprotection.casetracker.query.admin;

/**
 * Where a rebuild is. RUNNING: the shadow processor replays the store into the shadow tables while the live one
 * keeps serving. SWITCHING: the shadow caught up; the live processor is stopped and the tables are being swapped.
 * DONE: the rebuilt tables are the live ones. FAILED: nothing was switched; the shadow tables are gone and the live
 * processor runs again (see the problem text).
 */
public enum RebuildState {
    RUNNING, SWITCHING, DONE, FAILED;

    boolean active() {
        return this == RUNNING || this == SWITCHING;
    }
}
