package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * How the access-log chain is anchored outside the database, as verification used it.
 *
 * @param witness          where anchors are kept (a path, a URL), or null when none is configured
 * @param everyEntries     the head is anchored at least every this many linked entries
 * @param interval         and anything new at least this often (ISO-8601 duration)
 * @param anchorsChecked   how many anchors of chain "access-log" were compared with the chain
 * @param latestPosition   the latest anchor's chain position, or null
 * @param latestAnchoredAt when it was recorded (UTC), or null
 */
@Schema(name = "AccessLogAnchoring", description = "Anchors of the access-log chain (mốc neo) used by verification")
public record AccessLogAnchorState(
        @Schema(description = "Where anchors are kept, or null when no witness is configured",
                example = "/srv/casetracker/data/integrity/anchors.log", nullable = true) String witness,
        @Schema(description = "The head is anchored at least every this many linked entries", example = "1000")
        long everyEntries,
        @Schema(description = "Anything new is anchored at least this often (ISO-8601 duration)", example = "PT10M")
        String interval,
        @Schema(description = "How many anchors were compared with the chain", example = "3") int anchorsChecked,
        @Schema(description = "Chain position of the latest anchor", example = "3000", nullable = true)
        Long latestPosition,
        @Schema(description = "When the latest anchor was recorded (UTC)", example = "2025-09-01T01:20:00Z",
                nullable = true) Instant latestAnchoredAt) {
}
