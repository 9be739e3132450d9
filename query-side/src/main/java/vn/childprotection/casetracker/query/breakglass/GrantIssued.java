package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A break-the-glass grant just issued.
 */
@Schema(name = "BreakTheGlassGrantIssued", description = "Emergency access granted to the caller for one case")
public record GrantIssued(
        String grantId,
        String caseId,
        @Schema(description = "Until when the caller reads the case in full") Instant expiresAt) {
}
