package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * Indicators (<i>chỉ tiêu thống kê</i>) for any period and org unit, as recorded by any instant.
 */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Chỉ tiêu thống kê — Counts behind Circular 13 and the plan's targets")
public class IndicatorController {

    private final IndicatorService indicators;
    private final IndicatorDefinitions definitions;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public IndicatorController(IndicatorService indicators, IndicatorDefinitions definitions, ReadPolicy policy,
                               CurrentActor currentActor) {
        this.indicators = indicators;
        this.definitions = definitions;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(operationId = "indicators", summary = "Count indicators / Tính chỉ tiêu",
            description = "Every defined indicator (or those named by code) for the org unit and the period from–to "
                    + "(whole days, Asia/Ho_Chi_Minh), with its breakdowns; cells of single-valued breakdowns add up "
                    + "to the total. A district or province adds up its communes through the org hierarchy valid "
                    + "for the period, merged communes counting for their successors. With asOf, only what had been "
                    + "recorded by that instant is counted. Coordinators and auditors; commune staff for their own "
                    + "commune. Dashboards read the same with small cells suppressed: GET /api/v1/statistics/indicators.")
    public IndicatorSet indicators(
            @Parameter(description = "Org unit code (commune, district or province)", example = "313")
            @RequestParam String orgUnit,
            @Parameter(description = "First day of the period", example = "2025-01-01")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the period, included", example = "2025-12-31")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Count only what had been recorded by this instant", example = "2026-01-05T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @Parameter(description = "Only these indicators (codes of GET /api/v1/indicators/definitions)")
            @RequestParam(required = false) List<String> code) {
        policy.indicators(currentActor.require(), orgUnit);
        return indicators.countAsked(orgUnit, from, to, asOf, code);
    }

    @GetMapping("/definitions")
    @Operation(summary = "Indicator definitions / Danh mục chỉ tiêu",
            description = "The indicator groups and definitions in use (from the definition file).")
    public Definitions definitions() {
        currentActor.require();
        return new Definitions(definitions.groups(), definitions.indicators());
    }

    /** The definitions in use. */
    public record Definitions(List<IndicatorGroup> groups, List<IndicatorDefinition> indicators) {
    }
}
