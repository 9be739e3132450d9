package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;

/**
 * A party's consent to disclosure of the child's information (Luật Trẻ em Art 21).
 */
@Schema(name = "ConsentRequest", description = "Consent to disclosure (sự đồng ý): the child's own from the age of "
        + "7, and the parent's or guardian's. The latest record of each party counts; WITHDRAWN stops disclosure.")
public record ConsentRequest(
        @Schema(description = "When it was given, refused or withdrawn; defaults to now",
                example = "2026-03-02T09:00:00Z") Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "GUARDIAN") @NotNull ConsentParty party,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "GIVEN") @NotNull ConsentStatus status) {
}
