package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final MaxStaleDirective maxStale;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public IndicatorController(IndicatorService indicators, IndicatorDefinitions definitions,
                               MaxStaleDirective maxStale, ReadPolicy policy, CurrentActor currentActor) {
        this.indicators = indicators;
        this.definitions = definitions;
        this.maxStale = maxStale;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(operationId = "indicators", summary = "Count indicators / Tính chỉ tiêu",
            description = "Every defined indicator (or those named by code) for the org unit and the period from–to "
                    + "(whole days, Asia/Ho_Chi_Minh), with its breakdowns; cells of single-valued breakdowns add up "
                    + "to the total. Each case counts once, in the commune that ran it when the counted fact "
                    + "happened, and rolls up to every unit above that commune: a period before 1/7/2025 reports by "
                    + "the old units, one after it by the new ones. A reporting group (former-313, Địa bàn huyện An "
                    + "Lão cũ) adds up its members in every period. includePredecessors=true adds the communes that "
                    + "ceased into the area's (trends). With asOf, only what had been recorded by that instant is "
                    + "counted, in the org structure known then. Coordinators and auditors; commune staff for their "
                    + "own commune (a reporting group: coordinators and auditors). Dashboards read the same with small "
                    + "cells suppressed: GET /api/v1/statistics/indicators. countedAt is the instant the facts "
                    + "counted are those of; with Cache-Control: max-stale the answer may be one counted earlier "
                    + "(then with Age), given at once while the current facts are recounted in the background.")
    @CountedAnswerResponses
    public ResponseEntity<IndicatorSet> indicators(
            @Parameter(description = "Org unit code (commune, district or province) or reporting group code "
                    + "(former-313)", example = "31")
            @RequestParam String orgUnit,
            @Parameter(description = "First day of the period", example = "2025-01-01")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the period, included", example = "2025-12-31")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Count only what had been recorded by this instant", example = "2026-01-05T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @Parameter(description = "Only these indicators (codes of GET /api/v1/indicators/definitions)")
            @RequestParam(required = false) List<String> code,
            @Parameter(description = "Also count the communes that ceased into the area's communes (trends across "
                    + "the 2025 reform); split ones are listed in splitPredecessors")
            @RequestParam(defaultValue = "false") boolean includePredecessors,
            @MaxStaleHeader @RequestHeader(name = MaxStaleDirective.HEADER, required = false) String cacheControl) {
        policy.indicators(currentActor.require(), orgUnit);
        MaxStale accepted = maxStale.read(cacheControl);
        IndicatorSet answer = indicators.countAsked(orgUnit, from, to, asOf, code, includePredecessors, accepted);
        return AnswerAge.ok(answer.countedAt(), answer.generatedAt()).body(answer);
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
