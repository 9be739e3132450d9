package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.values.EmergencyMeasure;

/**
 * Emergency measures (<i>can thiệp khẩn cấp</i>, Mẫu 07).
 */
@Schema(name = "EmergencyMeasuresRequest", description = "Emergency measures (can thiệp khẩn cấp — Mẫu 07)")
public record EmergencyMeasuresRequest(
        @Schema(description = "When they were taken; defaults to now", example = "2026-03-01T12:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "[\"TEMPORARY_REMOVAL\"]")
        @NotEmpty List<@NotNull EmergencyMeasure> measures,
        @Schema(description = "Required when measures include TEMPORARY_REMOVAL; at most the configured days (15)")
        @Valid Removal temporaryRemoval,
        @Schema(description = "Notes. Encrypted.", example = "Trẻ được đưa đến nhà bà ngoại.") @Size(max = 20000)
        String notes) {

    @AssertTrue(message = "temporaryRemoval is required with TEMPORARY_REMOVAL, and only then")
    @Schema(hidden = true)
    public boolean isRemovalConsistent() {
        boolean removal = measures != null && measures.contains(EmergencyMeasure.TEMPORARY_REMOVAL);
        return removal == (temporaryRemoval != null);
    }

    /**
     * Temporary removal (<i>tạm thời cách ly</i>, Art 32).
     */
    @Schema(name = "TemporaryRemoval")
    public record Removal(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-03-01") @NotNull LocalDate startDate,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-03-15") @NotNull LocalDate endDate) {
    }
}
