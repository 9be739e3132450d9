package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether a case's history is as it was written (kiểm tra toàn vẹn lịch sử vụ việc).
 *
 * @param events   how many events of the case are in the store now
 * @param headHash the case chain's latest hash as stored; trust it only when {@code verified}
 */
@Schema(name = "CaseHistoryVerification", description = "Result of recomputing a case's hash chain from the stored "
        + "events (kiểm tra toàn vẹn lịch sử vụ việc)")
public record CaseChainVerification(
        @Schema(description = "The case") String caseId,
        @Schema(description = "True when every event is there, in order, unchanged, and the chain unbroken "
                + "(and equal to the anchor, when one was given)") boolean verified,
        @Schema(description = "How many events of the case the store holds") long events,
        @Schema(description = "The latest case-chain hash (hex); trust it only when verified") String headHash,
        @Schema(description = "The latest link of the case chain, to anchor outside the database") CaseHead head,
        @Schema(description = "The first break, or null when verified") BrokenLink firstBrokenLink) {
}
