package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The latest sealed link of the store chain: one hash that commits to every event sealed so far, in the order they
 * committed. The service anchors it outside the database by itself; an auditor may record it too.
 *
 * @param chainPosition its position in the store chain, from 1
 */
@Schema(name = "StoreChainHead", description = "The latest link of the whole store's hash chain (đầu chuỗi của kho "
        + "sự kiện); anchor it outside the database")
public record StoreHead(
        @Schema(description = "Global index of the latest event sealed into the store chain") long globalIndex,
        @Schema(description = "Its store-chain hash, SHA-256 as 64 hexadecimal digits") String hash,
        @Schema(description = "When that event was recorded") Instant at,
        @Schema(description = "Its position in the store chain, from 1 (the order events committed in)",
                example = "1042") long chainPosition) {
}
