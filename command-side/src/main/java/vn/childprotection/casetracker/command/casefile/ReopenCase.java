package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reopen a closed case.
 */
public record ReopenCase(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                         Instant occurredAt, PersonalText reason) {
}
