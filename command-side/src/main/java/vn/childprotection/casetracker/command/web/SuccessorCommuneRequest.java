package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The successor commune chosen for a case of a split commune (<i>chọn xã kế thừa</i>, the 2025 reform).
 */
@Schema(name = "SuccessorCommuneRequest", description = "The successor commune chosen for a case of a split commune")
public record SuccessorCommuneRequest(
        @Schema(description = "When the choice was made; defaults to now. The commune running the case must have "
                + "ceased before this day (Vietnam time).", example = "2026-03-02T02:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "31-xa-an-khanh",
                description = "A successor that took over people of the ceased commune") @NotBlank @Size(max = 64)
        String communeCode) {
}
