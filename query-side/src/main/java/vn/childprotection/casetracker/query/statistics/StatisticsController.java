package vn.childprotection.casetracker.query.statistics;

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
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.indicators.AnswerAge;
import vn.childprotection.casetracker.query.indicators.CountedAnswerResponses;
import vn.childprotection.casetracker.query.indicators.IndicatorService;
import vn.childprotection.casetracker.query.indicators.MaxStaleDirective;
import vn.childprotection.casetracker.query.indicators.MaxStaleHeader;

/**
 * Aggregate statistics (<i>số liệu tổng hợp</i>) for dashboards, coordinators and auditors: counts only, with small
 * cells suppressed so that no number points at a child.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Số liệu thống kê — Aggregate counts with small cells suppressed")
public class StatisticsController {

    private final OpenCaseStatisticsService statistics;
    private final IndicatorService indicators;
    private final IndicatorStatistics indicatorStatistics;
    private final OrgUnitRegistry orgUnits;
    private final MaxStaleDirective maxStale;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public StatisticsController(OpenCaseStatisticsService statistics, IndicatorService indicators,
                                IndicatorStatistics indicatorStatistics, OrgUnitRegistry orgUnits,
                                MaxStaleDirective maxStale, ReadPolicy policy, CurrentActor currentActor) {
        this.statistics = statistics;
        this.indicators = indicators;
        this.indicatorStatistics = indicatorStatistics;
        this.orgUnits = orgUnits;
        this.maxStale = maxStale;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/open-cases")
    @Operation(summary = "Count open cases / Thống kê vụ việc đang xử lý",
            description = "Open cases by commune × risk level (HIGH, MEDIUM, LOW, UNASSESSED) × category, for every "
                    + "commune or the one asked for, with totals per risk level, per category and overall, per "
                    + "commune and over the communes listed. A cell smaller than casetracker.privacy."
                    + "small-cell-threshold (5 by default), zero included, is suppressed (count: null, suppressed: "
                    + "true); a total is published only when every cell it sums is published, so no suppressed cell "
                    + "can be recomputed from an answer. Dashboards, coordinators and auditors.")
    public OpenCaseStatistics openCases(
            @Parameter(description = "Only this commune (org unit code of type COMMUNE)")
            @RequestParam(required = false) String commune) {
        policy.statistics(currentActor.require());
        if (commune != null) {
            orgUnits.require("commune", commune, OrgUnitType.COMMUNE);
        }
        return statistics.openCases(commune);
    }

    @GetMapping("/indicators")
    @Operation(operationId = "suppressedIndicators", summary = "Indicators with small cells suppressed / Chỉ tiêu thống kê (ẩn ô nhỏ)",
            description = "The indicators of GET /api/v1/indicators for an org unit and period (whole days, "
                    + "Asia/Ho_Chi_Minh), for dashboards: a breakdown cell smaller than casetracker.privacy."
                    + "small-cell-threshold (5 by default), zero included, is suppressed (count: null, suppressed: "
                    + "true); a breakdown whose cells add up to the total is published whole or not at all, so no "
                    + "suppressed cell can be recomputed from the total. Dashboards, coordinators and auditors. "
                    + "Cache-Control: max-stale as for GET /api/v1/indicators.")
    @CountedAnswerResponses
    public ResponseEntity<SuppressedIndicators> indicators(
            @Parameter(description = "Org unit code (commune, district or province) or reporting group code "
                    + "(former-313)", example = "31")
            @RequestParam String orgUnit,
            @Parameter(description = "First day of the period", example = "2025-01-01")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the period, included", example = "2025-12-31")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Count only what had been recorded by this instant")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @Parameter(description = "Only these indicators (codes of GET /api/v1/indicators/definitions)")
            @RequestParam(required = false) List<String> code,
            @Parameter(description = "Also count the communes that ceased into the area's communes (trends across "
                    + "the 2025 reform); split ones are listed in splitPredecessors")
            @RequestParam(defaultValue = "false") boolean includePredecessors,
            @MaxStaleHeader @RequestHeader(name = MaxStaleDirective.HEADER, required = false) String cacheControl) {
        policy.statistics(currentActor.require());
        SuppressedIndicators answer = indicatorStatistics.suppress(indicators.countAsked(orgUnit, from, to, asOf,
                code, includePredecessors, maxStale.read(cacheControl)));
        return AnswerAge.ok(answer.countedAt(), answer.generatedAt()).body(answer);
    }
}
