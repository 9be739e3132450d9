package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * How the service anchors the store chain outside the database (neo chuỗi) and what this verification compared
 * with: a rewrite or deletion of links not yet covered by an anchor is detected only from the next anchor on (links
 * written without the integrity key are detected at once by their MACs), so the interval bounds what a person who
 * holds the key could still change unseen.
 *
 * @param everyEvents    an anchor is recorded after at most this many newly sealed links
 *                       ({@code casetracker.integrity.anchor.every-events})
 * @param interval       and at least this often while anything new was sealed, ISO-8601
 *                       ({@code casetracker.integrity.anchor.interval})
 * @param witness        where the anchors are kept (a file path, a URL), as the witness describes itself
 * @param anchors        how many anchors of the event chain the witness holds
 * @param anchorsChecked how many of them this verification found matching, up to the first break
 * @param latest         the latest anchor recorded, or null when none was yet
 */
@Schema(name = "Anchoring", description = "How the store chain is anchored outside the database and the anchors "
        + "this verification compared with (neo chuỗi)")
public record AnchoringReport(
        @Schema(description = "An anchor is recorded after at most this many newly sealed events", example = "1000")
        long everyEvents,
        @Schema(description = "...and at least this often while anything new was sealed (ISO-8601 duration)",
                example = "PT10M") String interval,
        @Schema(description = "Where the anchors are kept (file path or URL)",
                example = "/srv/casetracker/data/integrity/anchors.log") String witness,
        @Schema(description = "How many anchors of the event chain the witness holds") long anchors,
        @Schema(description = "How many of them matched the chain, up to the first break") long anchorsChecked,
        @Schema(description = "The latest anchor recorded; null when none was yet") LatestAnchor latest) {

    /**
     * The latest anchor: the store chain's head as recorded outside the database.
     *
     * @param anchoredAt when it was recorded (UTC)
     */
    @Schema(name = "LatestAnchor", description = "The store chain's head as last recorded outside the database")
    public record LatestAnchor(
            @Schema(description = "Chain position of the anchored head, from 1", example = "1000") long chainPosition,
            @Schema(description = "Its store-chain hash, SHA-256 as 64 hexadecimal digits") String hash,
            @Schema(description = "When it was recorded (UTC)") Instant anchoredAt) {
    }
}
