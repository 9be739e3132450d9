package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Record the detailed assessment (<i>đánh giá nguy cơ cụ thể</i>, Mẫu 03).
 */
public record RecordDetailedAssessment(@TargetAggregateIdentifier String caseId,
                                       Long expectedVersion, Instant occurredAt,
                                       RiskLevel riskLevel, PersonalText findings) {
}
