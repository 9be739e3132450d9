package vn.childprotection.casetracker.query.admin;

/**
 * LIVE: the projection's processor follows the store. PARKED: it follows the store, but events it could not apply
 * are parked (their cases' later events wait behind them; every other case is current): see
 * {@code GET /api/v1/admin/projections/{name}/dead-letters}. REBUILDING: a rebuild is running or switching; the live
 * tables still answer.
 */
public enum ProjectionState {
    LIVE, PARKED, REBUILDING
}
