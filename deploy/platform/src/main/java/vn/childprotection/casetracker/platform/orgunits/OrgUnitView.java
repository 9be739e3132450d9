package vn.childprotection.casetracker.platform.orgunits;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * An org unit as {@code GET /api/v1/org-units} answers it: the unit (see {@link OrgUnit} for each field) with the
 * codes of the units it succeeded.
 *
 * @param predecessors codes of the units that name this one as a successor (e.g. the communes merged into it)
 */
public record OrgUnitView(
        @Schema(example = "31-xa-an-lao") String code,
        @Schema(example = "COMMUNE") OrgUnitType type,
        @Schema(example = "11629", description = "The statistics office's code, meaningful only with a day")
        String statisticsCode,
        @Schema(example = "Xã An Lão") String nameVi,
        @Schema(example = "An Lao commune") String nameEn,
        @Schema(example = "31") String parentCode,
        @Schema(example = "2025-07-01", description = "First day (Vietnam day)") LocalDate validFrom,
        @Schema(description = "Last day (Vietnam day), null while it exists") LocalDate validTo,
        List<OrgUnit.Successor> successors,
        @Schema(example = "[\"313-tt-an-lao\", \"313-an-tien\", \"313-an-thang\", \"313-tan-dan\"]")
        List<String> predecessors,
        @Schema(example = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 46") String basis,
        @Schema(example = "true", description = "false: an inference, configuration a district can correct")
        boolean confirmed) {

    /** The view of {@code unit} in {@code structure}. */
    public static OrgUnitView of(OrgUnit unit, OrgStructure structure) {
        return new OrgUnitView(unit.code(), unit.type(), unit.statisticsCode(), unit.nameVi(), unit.nameEn(),
                unit.parentCode(), unit.validFrom(), unit.validTo(), unit.successors(),
                structure.predecessorsOf(unit).stream().map(OrgUnit::code).toList(), unit.basis(),
                unit.confirmed());
    }
}
