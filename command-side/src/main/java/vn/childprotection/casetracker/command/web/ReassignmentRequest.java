package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The coordinator gives an intervention to another agency.
 */
@Schema(name = "ReassignmentRequest", description = "Reassign an intervention to another agency (typically after "
        + "the first declined it)")
public record ReassignmentRequest(
        @Schema(description = "When it was reassigned; defaults to now", example = "2026-03-08T09:00:00Z")
        Instant occurredAt,
        @Schema(description = "Org unit code of the new agency or commune", requiredMode = RequiredMode.REQUIRED,
                example = "31-xa-an-lao-culture-social") @NotBlank @Size(max = 64) String toAgencyCode,
        @Schema(description = "New due date; omitted keeps the current one", example = "2026-03-28")
        LocalDate dueDate) {
}
