package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commune running the case takes back its pending transfer request (<i>rút đề nghị chuyển vụ việc</i>).
 *
 * @param reason why, in the commune's own words; sealed with the child's key; may be null
 */
public record WithdrawTransfer(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                               Instant occurredAt, PersonalText reason) {
}
