package vn.childprotection.casetracker.query.admin;

/**
 * Published by a rebuild inside the transaction that switches the rebuilt tables in, after the tables and tokens
 * have been swapped and before it commits. A synchronous listener that writes through the service's
 * {@code DataSource} writes in that transaction: its change commits with the switch or not at all, and an exception
 * it throws rolls the switch back (the rebuild then fails and the live projection stays as it was). Listeners must
 * not write the projection's own tables (they are the rebuilt ones now).
 *
 * @param projection the name of the projection switched in, e.g. {@code indicators}
 */
public record ProjectionSwitchingIn(String projection) {
}
