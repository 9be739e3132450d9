package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Record the initial risk and harm assessment (<i>đánh giá nguy cơ ban đầu</i>, Mẫu 02).
 */
public record RecordInitialAssessment(@TargetAggregateIdentifier String caseId,
                                      Long expectedVersion, Instant occurredAt,
                                      RiskLevel riskLevel, boolean emergency, PersonalText notes) {
}
