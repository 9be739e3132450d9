package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commune chair approves a drafted plan version (<i>phê duyệt</i>, Mẫu 05).
 */
public record ApproveSupportPlan(@TargetAggregateIdentifier String caseId,
                                 Long expectedVersion, Instant occurredAt,
                                 int planVersion) {
}
