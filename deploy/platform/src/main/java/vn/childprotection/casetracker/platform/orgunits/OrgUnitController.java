package vn.childprotection.casetracker.platform.orgunits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The org unit registry: communes, the district, the province and the agencies that can be assigned work.
 */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Org units", description = "Đơn vị — Communes, district, province and agencies")
public class OrgUnitController {

    private final OrgUnitRegistry registry;

    public OrgUnitController(OrgUnitRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "List org units", description = "Optionally only one type, or only those valid on a day.")
    public List<OrgUnit> list(
            @Parameter(description = "Only units of this type") @RequestParam(required = false) OrgUnitType type,
            @Parameter(description = "Only units valid on this day (YYYY-MM-DD)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn) {
        return registry.all().stream()
                .filter(u -> type == null || u.type() == type)
                .filter(u -> validOn == null || u.validOn(validOn))
                .toList();
    }
}
