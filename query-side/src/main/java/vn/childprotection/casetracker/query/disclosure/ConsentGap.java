package vn.childprotection.casetracker.query.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.casetracker.values.ConsentParty;

/**
 * A party whose consent to disclosure is not given: none recorded ({@code MISSING}), or the latest record is
 * {@code REFUSED} or {@code WITHDRAWN}.
 */
@Schema(name = "ConsentGap", description = "A party whose consent to disclosure is missing, refused or withdrawn")
public record ConsentGap(ConsentParty party,
                         @Schema(description = "MISSING, REFUSED or WITHDRAWN") String status) {
}
