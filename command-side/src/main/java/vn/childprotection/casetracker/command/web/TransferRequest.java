package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Handing a case to another commune (the one where the child now lives, Art 52).
 */
@Schema(name = "TransferRequest", description = "Transfer to another commune")
public record TransferRequest(
        @Schema(description = "When it was transferred; defaults to now", example = "2026-03-10T09:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "31-xa-an-hung") @NotBlank @Size(max = 64)
        String toCommuneCode,
        @Schema(description = "Why. Encrypted.", example = "Gia đình chuyển đến xã An Thái.") @Size(max = 20000)
        String reason) {
}
