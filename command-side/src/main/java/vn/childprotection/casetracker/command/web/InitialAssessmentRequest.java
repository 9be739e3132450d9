package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Initial risk and harm assessment (<i>đánh giá nguy cơ ban đầu</i>, Mẫu 02).
 */
@Schema(name = "InitialAssessmentRequest", description = "Initial assessment (đánh giá nguy cơ ban đầu — Mẫu 02)")
public record InitialAssessmentRequest(
        @Schema(description = "When it was made; defaults to now", example = "2026-03-01T10:00:00Z") Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "HIGH") @NotNull RiskLevel riskLevel,
        @Schema(description = "Whether emergency measures apply", requiredMode = RequiredMode.REQUIRED,
                example = "true") @NotNull Boolean emergency,
        @Schema(description = "Notes. Encrypted.", example = "Trẻ có vết bầm ở tay.") @Size(max = 20000) String notes) {
}
