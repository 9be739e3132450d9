package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Detailed assessment (<i>đánh giá nguy cơ cụ thể</i>, Mẫu 03).
 */
@Schema(name = "DetailedAssessmentRequest", description = "Detailed assessment (đánh giá nguy cơ cụ thể — Mẫu 03)")
public record DetailedAssessmentRequest(
        @Schema(description = "When it was made; defaults to now", example = "2026-03-03T09:00:00Z") Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "MEDIUM") @NotNull RiskLevel riskLevel,
        @Schema(description = "Physical, psychological and emotional state; family; parents' capacity to protect. "
                + "Encrypted.", example = "Trẻ ổn định, cần hỗ trợ tâm lý.") @Size(max = 20000) String findings) {
}
