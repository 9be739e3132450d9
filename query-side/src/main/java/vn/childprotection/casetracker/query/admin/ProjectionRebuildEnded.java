package vn.childprotection.casetracker.query.admin;

/**
 * Published on the rebuild thread once a rebuild has ended: switched in ({@link RebuildState#DONE} or
 * {@link RebuildState#PARKED}) or given up ({@link RebuildState#FAILED}, the live projection as it was).
 *
 * @param status the rebuild's final status
 */
public record ProjectionRebuildEnded(RebuildStatus status) {
}
