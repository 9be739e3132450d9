package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The commune chair approves a drafted plan version (<i>phê duyệt</i>, Mẫu 05).
 */
public record ApproveSupportPlan(@TargetAggregateIdentifier String caseId,
                                 @TargetAggregateVersion Long expectedVersion, Instant occurredAt,
                                 int planVersion) {
}
