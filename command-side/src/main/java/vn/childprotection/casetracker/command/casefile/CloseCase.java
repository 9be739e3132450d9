package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close the case (<i>kết thúc</i>) with a reason from the configured list.
 */
public record CloseCase(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                        Instant occurredAt, String reasonCode, PersonalText notes) {
}
