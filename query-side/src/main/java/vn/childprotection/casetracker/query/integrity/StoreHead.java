package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The latest link of the store chain: one hash that commits to every event stored so far, to be anchored outside
 * the database.
 */
@Schema(name = "StoreChainHead", description = "The latest link of the whole store's hash chain (đầu chuỗi của kho "
        + "sự kiện); anchor it outside the database")
public record StoreHead(
        @Schema(description = "Global index of the latest event in the store") long globalIndex,
        @Schema(description = "Its store-chain hash, SHA-256 as 64 hexadecimal digits") String hash,
        @Schema(description = "When that event was recorded") Instant at) {
}
