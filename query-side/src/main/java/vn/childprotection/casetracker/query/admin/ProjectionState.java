package vn.childprotection.casetracker.query.admin;

/**
 * LIVE: the projection's processor follows the store. REBUILDING: a rebuild is running or switching; the live tables
 * still answer.
 */
public enum ProjectionState {
    LIVE, REBUILDING
}
