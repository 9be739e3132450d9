package vn.childprotection.casetracker.query.audittrail;

import java.time.Instant;

/**
 * Which audit entries to read; every field is optional.
 *
 * @param agency an org unit code matching the entry's agency or the actor's org unit
 * @param from   recorded at or after (inclusive)
 * @param to     recorded before (exclusive)
 */
public record AuditFilter(String caseId, String agency, String user, String action, Instant from, Instant to) {
}
