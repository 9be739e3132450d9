package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Whether the whole event store is as the service wrote it (kiểm tra toàn vẹn kho sự kiện).
 *
 * @param events    how many events the store holds
 * @param headHash  the store chain's latest hash as stored; trust it only when {@code verified}
 * @param checkedAt when the verification started; events appended after it are not covered
 * @param pending   events committed and authenticated but not sealed into the store chain yet (not a break)
 * @param anchoring the anchoring interval and the anchors compared with
 */
@Schema(name = "StoreVerification", description = "Result of recomputing and authenticating every link of the "
        + "event store's chains, in the order events committed (kiểm tra toàn vẹn kho sự kiện)")
public record StoreChainVerification(
        @Schema(description = "True when every event is there, unchanged, authenticated by the service, both chains "
                + "unbroken and equal to every anchor (and to the anchor given, if any)") boolean verified,
        @Schema(description = "How many events the store holds") long events,
        @Schema(description = "The latest store-chain hash (hex); trust it only when verified") String headHash,
        @Schema(description = "The latest sealed link of the store chain") StoreHead head,
        @Schema(description = "When the verification started") Instant checkedAt,
        @Schema(description = "The first break, in chain position order, then for links not sealed yet in global "
                + "index order; null when verified") BrokenLink firstBrokenLink,
        @Schema(description = "Events committed and authenticated, not sealed into the store chain yet (normal for "
                + "about a second after each append)", example = "0") long pending,
        @Schema(description = "The anchoring interval and the anchors compared with") AnchoringReport anchoring) {
}
