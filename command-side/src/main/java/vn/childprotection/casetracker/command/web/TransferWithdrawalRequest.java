package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The requesting commune takes back its pending transfer request (<i>rút đề nghị chuyển vụ việc</i>).
 *
 * @param occurredAt when it was withdrawn (UTC); defaults to now
 * @param reason     why, free text, encrypted with the child's key; required, so that the case's history says why
 *                   the other commune's request ended
 */
@Schema(name = "TransferWithdrawalRequest", description = "Withdrawal of a pending transfer request by the commune "
        + "that made it")
public record TransferWithdrawalRequest(
        @Schema(description = "When it was withdrawn; defaults to now", example = "2026-03-11T09:00:00Z")
        Instant occurredAt,
        @Schema(description = "Why. Encrypted.", requiredMode = RequiredMode.REQUIRED,
                example = "Gia đình không chuyển đi nữa.") @NotBlank @Size(max = 20000) String reason) {
}
