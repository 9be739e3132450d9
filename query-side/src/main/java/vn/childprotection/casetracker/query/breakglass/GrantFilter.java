package vn.childprotection.casetracker.query.breakglass;

/**
 * Which grants to list; every field is optional.
 *
 * @param flagged true: only grants waiting for review; false: only reviewed ones
 */
record GrantFilter(Boolean flagged, String caseId, String user) {
}
