package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Reopening a closed case.
 */
@Schema(name = "ReopeningRequest", description = "Reopening a closed case")
public record ReopeningRequest(
        @Schema(description = "When it was reopened; defaults to now", example = "2026-05-01T09:00:00Z")
        Instant occurredAt,
        @Schema(description = "Why. Encrypted.", requiredMode = RequiredMode.REQUIRED,
                example = "Có thông báo mới về trẻ.") @NotBlank @Size(max = 20000) String reason) {
}
