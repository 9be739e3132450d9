package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Closing a case (<i>kết thúc</i>).
 */
@Schema(name = "ClosureRequest", description = "Closure (kết thúc). reasonCode is one of the configured closing "
        + "reasons (casetracker.procedure.closing-reasons; default NO_FURTHER_RISK, TURNED_16, MOVED_AWAY, DECEASED, "
        + "REPORT_UNFOUNDED, DUPLICATE_REPORT). NO_FURTHER_RISK needs a review that proposed closure.")
public record ClosureRequest(
        @Schema(description = "When it was closed; defaults to now", example = "2025-04-02T09:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "NO_FURTHER_RISK") @NotBlank @Size(max = 64)
        String reasonCode,
        @Schema(description = "Notes. Encrypted.", example = "Không còn nguy cơ.") @Size(max = 20000) String notes) {
}
