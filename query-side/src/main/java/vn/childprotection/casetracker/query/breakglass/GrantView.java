package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A break-the-glass grant as auditors review it.
 */
@Schema(name = "BreakTheGlassGrant", description = "A break-the-glass grant (truy cập khẩn cấp) and its review")
public record GrantView(
        String grantId,
        String caseId,
        @Schema(description = "The user it was issued to") String userId,
        @Schema(description = "That user's org unit code") String orgUnit,
        @Schema(description = "That user's role") String role,
        @Schema(description = "The reason stated; null once the child's identity is erased") String reason,
        Instant grantedAt,
        Instant expiresAt,
        @Schema(description = "Whether it is still in force now") boolean active,
        @Schema(description = "True until an auditor has reviewed it") boolean flagged,
        @Schema(description = "The auditor who reviewed it") String reviewedBy,
        Instant reviewedAt,
        @Schema(description = "The reviewer's note, or null") String reviewNote) {
}
