package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * The agency an intervention is assigned to reports its progress.
 *
 * @param actingOrgUnit the org unit of the person sending the command
 */
public record ChangeInterventionStatus(@TargetAggregateIdentifier String caseId,
                                       Long expectedVersion, Instant occurredAt,
                                       String interventionId, InterventionStatus newStatus, String actingOrgUnit,
                                       PersonalText note) {
}
