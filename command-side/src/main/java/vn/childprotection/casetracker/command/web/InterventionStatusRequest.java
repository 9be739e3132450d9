package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * Progress of one intervention, reported by the agency it is assigned to.
 */
@Schema(name = "InterventionStatusRequest", description = "Intervention status, by the assigned agency. Allowed: "
        + "ASSIGNED→ACCEPTED|DECLINED, ACCEPTED→IN_PROGRESS|COMPLETED, IN_PROGRESS→COMPLETED")
public record InterventionStatusRequest(
        @Schema(description = "When it changed; defaults to now", example = "2026-03-07T09:00:00Z") Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "ACCEPTED") @NotNull InterventionStatus status,
        @Schema(description = "Note. Encrypted.", example = "Đã tiếp nhận.") @Size(max = 5000) String note) {
}
