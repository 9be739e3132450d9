package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Hand the case to another commune.
 */
public record TransferCase(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion Long expectedVersion,
                           Instant occurredAt, String toCommuneCode, PersonalText reason) {
}
