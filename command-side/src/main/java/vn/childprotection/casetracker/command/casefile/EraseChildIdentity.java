package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Erase the child's identity (right to be forgotten): delete the child's key.
 */
public record EraseChildIdentity(@TargetAggregateIdentifier String caseId,
                                 @TargetAggregateVersion Long expectedVersion, Instant occurredAt, String legalBasis,
                                 String authorisationReference) {
}
