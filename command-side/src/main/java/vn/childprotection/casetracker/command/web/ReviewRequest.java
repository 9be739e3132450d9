package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * A review (<i>rà soát, đánh giá</i>, Mẫu 06).
 */
@Schema(name = "ReviewRequest", description = "Review (rà soát, đánh giá — Mẫu 06)")
public record ReviewRequest(
        @Schema(description = "When it was made; defaults to now", example = "2026-04-01T09:00:00Z") Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "LOW") @NotNull RiskLevel riskLevel,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "PROPOSE_CLOSURE") @NotNull ReviewOutcome outcome,
        @Schema(description = "Notes. Encrypted.", example = "Trẻ đã ổn định.") @Size(max = 20000) String notes) {
}
