package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask another commune to take the case over; it stays here until that commune accepts.
 */
public record RequestTransfer(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                              Instant occurredAt, String toCommuneCode, PersonalText reason) {
}
