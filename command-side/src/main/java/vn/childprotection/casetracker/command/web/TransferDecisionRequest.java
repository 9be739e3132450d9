package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The receiving commune's answer to a transfer request.
 */
@Schema(name = "TransferDecisionRequest", description = "The receiving commune accepts or declines a transfer")
public record TransferDecisionRequest(
        @Schema(description = "When it was decided; defaults to now", example = "2026-03-11T09:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "ACCEPT") @NotNull Decision decision,
        @Schema(description = "Why, when declining. Encrypted.", example = "Gia đình không cư trú tại xã.")
        @Size(max = 20000) String reason) {

    /**
     * Accept (<i>tiếp nhận</i>) or decline (<i>từ chối</i>).
     */
    public enum Decision {
        ACCEPT,
        DECLINE
    }
}
