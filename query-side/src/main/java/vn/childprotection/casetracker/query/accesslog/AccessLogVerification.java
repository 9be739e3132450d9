package vn.childprotection.casetracker.query.accesslog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The answer of the access log's verification (<i>kiểm tra toàn vẹn nhật ký truy cập</i>).
 *
 * @param intact        true when no break was found
 * @param firstBreak    the first bad entry, or null when intact
 * @param linksVerified chain links checked, in chain_position order, before the first break (all when intact)
 * @param pending       authenticated entries not linked yet (the sealer links them within its interval)
 * @param headPosition  the chain's latest position, or null while empty
 * @param sealInterval  how often the sealer links new entries (ISO-8601 duration)
 * @param anchoring     the anchors used
 * @param verifiedAt    when the verification ran (UTC)
 */
@Schema(name = "AccessLogVerification", description = "Whether every access log entry (nhật ký truy cập) is "
        + "there, unchanged and written by the service, with the first bad entry otherwise")
public record AccessLogVerification(
        @Schema(requiredMode = REQUIRED, example = "false", description = "True when no break was found")
        boolean intact,
        // Like the case file's pendingTransfer: an object reference, null when there is none (springdoc cannot
        // express "reference or null" without contradicting the reference).
        @Schema(description = "The first bad entry, or null when intact") AccessLogBreak firstBreak,
        @Schema(requiredMode = REQUIRED, example = "1016",
                description = "Chain links checked before the first break (all when intact)") long linksVerified,
        @Schema(requiredMode = REQUIRED, example = "2",
                description = "Authenticated entries the sealer has not linked yet") long pending,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "3020",
                description = "The chain's latest position, or null while empty") Long headPosition,
        @Schema(requiredMode = REQUIRED, example = "PT1S",
                description = "How often the sealer links new entries (ISO-8601 duration)") String sealInterval,
        @Schema(requiredMode = REQUIRED, description = "The anchors used") AccessLogAnchorState anchoring,
        @Schema(requiredMode = REQUIRED, example = "2025-09-01T01:25:00Z",
                description = "When the verification ran (UTC)") Instant verifiedAt) {
}
