package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The receiving commune declines to take the case over.
 *
 * @param actingOrgUnit the org unit of the person sending the command; must be the receiving commune
 */
public record DeclineTransfer(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                              Instant occurredAt, String actingOrgUnit, PersonalText reason) {
}
