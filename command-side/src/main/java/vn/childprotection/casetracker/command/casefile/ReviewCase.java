package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Review the case (<i>rà soát, đánh giá</i>, Mẫu 06).
 */
public record ReviewCase(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                         Instant occurredAt, RiskLevel riskLevel, ReviewOutcome outcome, PersonalText notes) {
}
