package vn.childprotection.casetracker.query.accesslog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The first bad entry of the access log found by verification.
 *
 * @param code          what is wrong
 * @param entryId       the access log entry concerned, or null when none can be named (a tail deleted)
 * @param chainPosition its chain position, or null when it was never linked
 * @param detail        one English sentence for people
 */
@Schema(name = "AccessLogBreak", description = "The first bad entry of the access log (nhật ký truy cập)")
public record AccessLogBreak(
        @Schema(requiredMode = REQUIRED, example = "ROW_DELETED", description = "What is wrong: ROW_CHANGED, "
                + "ROW_DELETED, UNAUTHENTICATED_ROW, LINK_BROKEN, LINK_NOT_AUTHENTICATED, POSITION_GAP, "
                + "ANCHOR_MISMATCH or CHAIN_SHORTER_THAN_ANCHOR") AccessLogBreakCode code,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "1042",
                description = "The entry id concerned, or null when none can be named") Long entryId,
        @Schema(requiredMode = REQUIRED, nullable = true, example = "1017",
                description = "Its chain position, or null when it was never linked") Long chainPosition,
        @Schema(requiredMode = REQUIRED, description = "What was found, in one sentence",
                example = "The chain holds this entry but its access log row is missing.") String detail) {
}
