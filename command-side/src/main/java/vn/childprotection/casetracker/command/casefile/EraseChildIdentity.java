package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the child's identity (right to be forgotten): delete the child's key.
 */
public record EraseChildIdentity(@TargetAggregateIdentifier String caseId,
                                 Long expectedVersion, Instant occurredAt, String legalBasis,
                                 String authorisationReference) {
}
