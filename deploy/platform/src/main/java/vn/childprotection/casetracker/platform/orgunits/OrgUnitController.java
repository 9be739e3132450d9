package vn.childprotection.casetracker.platform.orgunits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.input.TimeRule;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The org unit registry: communes, province, (until 30/6/2025) district, and the agencies that can be assigned
 * work, each valid from one day to another. Readable by everyone signed in.
 */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Org units", description = "Đơn vị — Communes, province and agencies, dated; versions of the list")
public class OrgUnitController {

    private final OrgUnitRegistry registry;
    private final Clock clock;

    public OrgUnitController(OrgUnitRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The units valid on a day (by default today, Vietnam time), or every unit ever with {@code all=true}; as the
     * list stood at {@code asOf} when given. 400 when both {@code validOn} and {@code all=true} are sent.
     */
    @GetMapping
    @Operation(summary = "List org units, as of a day",
            description = "Units valid on validOn (default: today in Vietnam), or all=true for every unit that "
                    + "ever existed. A statistics code names a unit only with a day: statisticsCode=11629 is Thị "
                    + "trấn An Lão on 2024-05-01 and Xã An Lão on 2026-05-01. asOf answers from the version of "
                    + "the list known at that instant.")
    public List<OrgUnitView> list(
            @Parameter(description = "Only units of this type", example = "COMMUNE")
            @RequestParam(required = false) OrgUnitType type,
            @Parameter(description = "Only units valid on this Vietnam day (default today)", example = "2026-05-01")
            @RequestParam(required = false) LocalDate validOn,
            @Parameter(description = "true: every unit that ever existed (not with validOn)", example = "false")
            @RequestParam(defaultValue = "false") boolean all,
            @Parameter(description = "Only units with this statistics office code", example = "11629")
            @RequestParam(required = false) String statisticsCode,
            @Parameter(description = "The list as known at this instant (UTC); default the latest",
                    example = "2026-01-01T00:00:00Z")
            @RequestParam(required = false) Instant asOf) {
        if (all && validOn != null) {
            throw new BadRequestException("all", "must not be true together with validOn");
        }
        if (statisticsCode != null && !statisticsCode.matches("[0-9]{2,5}")) {
            throw new BadRequestException("statisticsCode", "must be 2 to 5 digits");
        }
        LocalDate day = all ? null : validOn != null ? validOn : LocalDate.now(clock.withZone(TimeRule.VIETNAM));
        OrgStructure structure = registry.asOf(asOf);
        return structure.all().stream()
                .filter(u -> type == null || u.type() == type)
                .filter(u -> day == null || u.validOn(day))
                .filter(u -> statisticsCode == null || statisticsCode.equals(u.statisticsCode()))
                .map(u -> OrgUnitView.of(u, structure))
                .toList();
    }

    /** The reporting groups, e.g. {@code former-313}, "Địa bàn huyện An Lão cũ". */
    @GetMapping("/reporting-groups")
    @Operation(summary = "Reporting groups", description = "Named sets of units usable as orgUnit in every period "
            + "across reforms, e.g. former-313 (Địa bàn huyện An Lão cũ): district 313 with its communes and the "
            + "five communes formed from them.")
    public Collection<ReportingGroup> reportingGroups(
            @Parameter(description = "The list as known at this instant (UTC); default the latest",
                    example = "2026-01-01T00:00:00Z")
            @RequestParam(required = false) Instant asOf) {
        return registry.asOf(asOf).groups();
    }
}
