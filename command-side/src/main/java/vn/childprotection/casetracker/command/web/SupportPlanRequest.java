package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.values.InterventionMeasure;

/**
 * A support and intervention plan (<i>kế hoạch hỗ trợ, can thiệp</i>, Mẫu 04); sending it again drafts a new
 * version.
 */
@Schema(name = "SupportPlanRequest", description = "Support plan (kế hoạch hỗ trợ, can thiệp — Mẫu 04). Each "
        + "POST drafts a new version.")
public record SupportPlanRequest(
        @Schema(description = "When it was drafted; defaults to now", example = "2026-03-05T09:00:00Z")
        Instant occurredAt,
        @Schema(description = "Goals of the plan. Encrypted.", example = "Trẻ an toàn và ổn định tâm lý.")
        @Size(max = 20000) String goals,
        @Schema(requiredMode = RequiredMode.REQUIRED) @NotEmpty @Size(max = 50)
        List<@NotNull @Valid Intervention> interventions) {

    /**
     * One intervention of the plan.
     */
    @Schema(name = "PlannedInterventionRequest")
    public record Intervention(
            @Schema(description = "Keep the id of an intervention carried over from an earlier version; "
                    + "omit for a new one", example = "iv-1") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+")
            String interventionId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "PSYCHOLOGICAL_THERAPY")
            @NotNull InterventionMeasure measure,
            @Schema(description = "Org unit code of the responsible agency or commune", requiredMode =
                    RequiredMode.REQUIRED, example = "31-xa-an-lao-health-station") @NotBlank @Size(max = 64) String agencyCode,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-03-20") @NotNull LocalDate dueDate,
            @Schema(description = "What is to be done. Encrypted.", example = "Tư vấn tâm lý 4 buổi.")
            @Size(max = 5000) String description) {
    }
}
