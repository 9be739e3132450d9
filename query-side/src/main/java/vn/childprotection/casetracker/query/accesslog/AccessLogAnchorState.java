package vn.childprotection.casetracker.query.accesslog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

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
        @Schema(requiredMode = REQUIRED, nullable = true, example = "/srv/casetracker/data/integrity/anchors.log",
                description = "Where anchors are kept, or null when no witness is configured") String witness,
        @Schema(requiredMode = REQUIRED, example = "1000",
                description = "The head is anchored at least every this many linked entries") long everyEntries,
        @Schema(requiredMode = REQUIRED, example = "PT10M",
                description = "Anything new is anchored at least this often (ISO-8601 duration)") String interval,
        @Schema(requiredMode = REQUIRED, example = "3",
                description = "How many anchors were compared with the chain") int anchorsChecked,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "3000",
                description = "Chain position of the latest anchor") Long latestPosition,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "2025-09-01T01:20:00Z",
                description = "When the latest anchor was recorded (UTC)") Instant latestAnchoredAt) {
}
