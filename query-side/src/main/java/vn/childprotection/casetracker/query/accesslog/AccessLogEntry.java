package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.childprotection.casetracker.query.access.AccessedResource;
import vn.childprotection.casetracker.query.access.Purpose;

/**
 * One line of the access log (<i>nhật ký truy cập</i>): who read which case, when and why. No personal data: the
 * reason of a break-the-glass grant is read with the grant, by its id.
 */
@Schema(name = "AccessLogEntry", description = "Who read which case, when and why (nhật ký truy cập)")
public record AccessLogEntry(
        @Schema(description = "Position in the log") long entryId,
        @Schema(description = "When it was read") Instant accessedAt,
        @Schema(description = "Who read it") String userId,
        @Schema(description = "That user's org unit code") String orgUnit,
        @Schema(description = "That user's role") String role,
        String caseId,
        @Schema(description = "What was read: CASE_FILE (with personal data), CASE_HISTORY, DISCLOSURE, or "
                + "BREAK_THE_GLASS for the grant itself") AccessedResource resource,
        @Schema(description = "Why: CASE_WORK, BREAK_THE_GLASS or DISCLOSURE") Purpose purpose,
        @Schema(description = "The break-the-glass grant it was made under, or null") String grantId,
        @Schema(description = "True while its grant waits for an auditor's review") boolean flagged) {
}
