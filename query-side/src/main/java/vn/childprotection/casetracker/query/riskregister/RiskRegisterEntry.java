package vn.childprotection.casetracker.query.riskregister;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * One open case in the risk register. No personal data: the case id leads to the case file.
 */
@Schema(name = "RiskRegisterEntry", description = "One open case in the risk register (sổ theo dõi nguy cơ)")
public record RiskRegisterEntry(
        String caseId,
        @Schema(description = "Org unit code of the commune that runs the case") String communeCode,
        CaseCategory category,
        @Schema(description = "Latest assessed risk level; null until the initial assessment") RiskLevel riskLevel,
        @Schema(description = "Whether the initial assessment called for emergency measures") boolean emergency,
        CaseStatus status,
        @Schema(description = "When the report was received") Instant reportedAt,
        @Schema(description = "When the last change to this entry was recorded") Instant updatedAt,
        @Schema(description = "The open deadline due first; null when none is open") NextDeadline nextDeadline,
        @Schema(description = "True while a deadline of the case is missed and neither fulfilled nor withdrawn "
                + "(quá hạn)") boolean overdue) {
}
