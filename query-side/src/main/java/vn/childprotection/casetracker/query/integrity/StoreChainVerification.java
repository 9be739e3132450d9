package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Whether the whole event store is as it was written (kiểm tra toàn vẹn kho sự kiện).
 *
 * @param events    how many events the store holds
 * @param headHash  the store chain's latest hash as stored; trust it only when {@code verified}
 * @param checkedAt when the verification started; events appended after it are not covered
 */
@Schema(name = "StoreVerification", description = "Result of recomputing every hash chain of the event store "
        + "(kiểm tra toàn vẹn kho sự kiện)")
public record StoreChainVerification(
        @Schema(description = "True when every event is there, unchanged, and both chains unbroken (and equal to "
                + "the anchor, when one was given)") boolean verified,
        @Schema(description = "How many events the store holds") long events,
        @Schema(description = "The latest store-chain hash (hex); trust it only when verified") String headHash,
        @Schema(description = "The latest link of the store chain") StoreHead head,
        @Schema(description = "When the verification started") Instant checkedAt,
        @Schema(description = "The first break in global index order, or null when verified")
        BrokenLink firstBrokenLink) {
}
