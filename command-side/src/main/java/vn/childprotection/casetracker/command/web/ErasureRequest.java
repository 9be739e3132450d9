package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An authorised erasure of the child's identity (right to be forgotten).
 */
@Schema(name = "ErasureRequest", description = "Erase the child's identity: the child's key is deleted and every "
        + "personal field of the case becomes unreadable for good. legalBasis is one of the configured grounds "
        + "(casetracker.procedure.erasure-legal-bases; default CONSENT_WITHDRAWN, PURPOSE_FULFILLED, "
        + "UNLAWFUL_PROCESSING, COURT_ORDER). Neither field may contain personal data: both stay readable.")
public record ErasureRequest(
        @Schema(description = "When it was decided; defaults to now", example = "2026-01-15T09:00:00Z")
        Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "PURPOSE_FULFILLED") @NotBlank @Size(max = 64)
        String legalBasis,
        @Schema(description = "Reference of the decision that authorised it", requiredMode = RequiredMode.REQUIRED,
                example = "QĐ 12/2026/QĐ-UBND") @NotBlank @Size(max = 200)
        @Pattern(regexp = "[\\p{L}\\p{N} ./_-]+", message = "may hold letters, digits, spaces and . / _ - only")
        String authorisationReference) {
}
