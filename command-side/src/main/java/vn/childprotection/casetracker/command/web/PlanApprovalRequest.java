package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Approval of a plan version by the commune chair (<i>phê duyệt</i>, Mẫu 05).
 */
@Schema(name = "PlanApprovalRequest", description = "Plan approval (phê duyệt — Mẫu 05)")
public record PlanApprovalRequest(
        @Schema(description = "When it was approved; defaults to now", example = "2026-03-06T09:00:00Z")
        Instant occurredAt,
        @Schema(description = "The drafted version approved (the latest)", requiredMode = RequiredMode.REQUIRED,
                example = "1") @NotNull @Min(1) Integer planVersion) {
}
