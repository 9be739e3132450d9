package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Reopen a closed case.
 */
public record ReopenCase(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                         Instant occurredAt, PersonalText reason) {
}
