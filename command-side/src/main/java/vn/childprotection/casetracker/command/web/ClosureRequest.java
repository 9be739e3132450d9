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
        + "REPORT_UNFOUNDED, DUPLICATE_REPORT). NO_FURTHER_RISK needs a review that proposed closure.",
        // The whole request as Swagger UI's "Try it out" sends it: duplicateOfCaseId belongs to DUPLICATE_REPORT only.
        example = """
                {"occurredAt": "2026-04-02T09:00:00Z", "reasonCode": "NO_FURTHER_RISK", "notes": "Không còn nguy cơ."}                """)
public record ClosureRequest(
        @Schema(description = "When it was closed; defaults to now", example = "2026-04-02T09:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "NO_FURTHER_RISK") @NotBlank @Size(max = 64)
        String reasonCode,
        @Schema(description = "Notes. Encrypted.", example = "Không còn nguy cơ.") @Size(max = 20000) String notes,
        @Schema(description = "Required with reasonCode DUPLICATE_REPORT, refused with any other: the case this one "
                + "repeats, another case of the same child (else 409 duplicate-of-same-child)",
                example = "9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d") @Size(max = 64) String duplicateOfCaseId) {
}
