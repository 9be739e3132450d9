package vn.childprotection.casetracker.platform.orgunits;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A named set of org units that figures can be asked for in every period, across reforms: "the former An Lão
 * district" (<i>địa bàn huyện An Lão cũ</i>) is district 313 with its communes until 30/6/2025 and the five
 * communes formed from them from 1/7/2025, so the plan's "fewer abused children than last year" compares like with
 * like. A member counts with everything under it.
 *
 * @param code    the key, used where an org unit code is asked for ({@code orgUnit=former-313})
 * @param nameVi  the Vietnamese name
 * @param nameEn  the English name
 * @param members codes of the org units it adds up
 * @param basis   why these units belong together (legal source)
 */
public record ReportingGroup(
        @Schema(requiredMode = REQUIRED, example = "former-313", maxLength = 64) String code,
        @Schema(requiredMode = REQUIRED, example = "Địa bàn huyện An Lão cũ", maxLength = 200) String nameVi,
        @Schema(requiredMode = REQUIRED, example = "The former An Lao district", maxLength = 200) String nameEn,
        @ArraySchema(schema = @Schema(description = "An org unit code", example = "313", maxLength = 64),
                arraySchema = @Schema(requiredMode = REQUIRED)) List<String> members,
        @Schema(example = "Nghị quyết 1669/NQ-UBTVQH15 Điều 1 khoản 46–50", maxLength = 1000) String basis) {

    public ReportingGroup {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
