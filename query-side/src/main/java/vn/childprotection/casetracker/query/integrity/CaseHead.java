package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The latest link of a case's chain: what an auditor anchors for one case.
 */
@Schema(name = "CaseChainHead", description = "The latest link of a case's hash chain (đầu chuỗi của vụ việc)")
public record CaseHead(
        @Schema(description = "Sequence number of the case's latest event") long sequenceNumber,
        @Schema(description = "Its position in the event store") long globalIndex,
        @Schema(description = "Its case-chain hash, SHA-256 as 64 hexadecimal digits") String hash,
        @Schema(description = "When that event was recorded") Instant at) {
}
