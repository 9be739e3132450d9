package vn.childprotection.casetracker.platform.orgunits;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new list of org units loaded by an administrator ({@code PUT /api/v1/admin/org-units}): the whole list, ended
 * units included, in the format of {@code org-units.json} (see {@code docs/org-units.md}).
 *
 * @param legalBasis      the decision that changes the structure (resolution, decree, article), recorded with it
 * @param orgUnits        every unit, in display order; every code of the current list must still be there
 * @param reportingGroups the reporting groups; null or empty for none
 */
public record LoadOrgUnitsRequest(
        @Schema(example = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 46–50")
        @NotBlank @Size(max = 1000) String legalBasis,
        @NotNull @Size(min = 1, max = 5000) List<OrgUnit> orgUnits,
        @Size(max = 200) List<ReportingGroup> reportingGroups) {
}
