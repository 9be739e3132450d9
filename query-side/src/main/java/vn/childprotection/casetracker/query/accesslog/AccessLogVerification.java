package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The answer of the access log's verification (<i>kiểm tra toàn vẹn nhật ký truy cập</i>).
 *
 * @param intact          true when no break was found
 * @param firstBreak      the first bad entry, or null when intact
 * @param linksVerified   chain links checked, in chain_position order, before the first break (all when intact)
 * @param pending         authenticated entries not linked yet (the sealer links them within its interval)
 * @param headPosition    the chain's latest position, or null while empty
 * @param sealInterval    how often the sealer links new entries (ISO-8601 duration)
 * @param anchoring       the anchors used
 * @param verifiedAt      when the verification ran (UTC)
 */
@Schema(name = "AccessLogVerification", description = "Whether every access log entry (nhật ký truy cập) is "
        + "there, unchanged and written by the service, with the first bad entry otherwise")
public record AccessLogVerification(
        @Schema(description = "True when no break was found", example = "false") boolean intact,
        @Schema(description = "The first bad entry, or null when intact", nullable = true) AccessLogBreak firstBreak,
        @Schema(description = "Chain links checked before the first break (all when intact)", example = "1016")
        long linksVerified,
        @Schema(description = "Authenticated entries the sealer has not linked yet", example = "2") long pending,
        @Schema(description = "The chain's latest position, or null while empty", example = "3020",
                nullable = true) Long headPosition,
        @Schema(description = "How often the sealer links new entries (ISO-8601 duration)", example = "PT1S")
        String sealInterval,
        AccessLogAnchorState anchoring,
        @Schema(description = "When the verification ran (UTC)", example = "2025-09-01T01:25:00Z")
        Instant verifiedAt) {
}
