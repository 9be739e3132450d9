package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The coordinator gives an intervention to another agency, typically after the first declined it.
 *
 * @param dueDate the new due date, or null to keep the current one
 */
public record ReassignIntervention(@TargetAggregateIdentifier String caseId,
                                   Long expectedVersion, Instant occurredAt,
                                   String interventionId, String toAgencyCode, LocalDate dueDate) {
}
