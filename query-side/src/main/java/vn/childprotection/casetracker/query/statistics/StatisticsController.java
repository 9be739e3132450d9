package vn.childprotection.casetracker.query.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * Aggregate statistics (<i>số liệu tổng hợp</i>) for dashboards, coordinators and auditors: counts only, with small
 * cells suppressed so that no number points at a child.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics / Số liệu thống kê", description = "Aggregate counts with small cells suppressed")
public class StatisticsController {

    private final OpenCaseStatisticsService statistics;
    private final OrgUnitRegistry orgUnits;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public StatisticsController(OpenCaseStatisticsService statistics, OrgUnitRegistry orgUnits, ReadPolicy policy,
                                CurrentActor currentActor) {
        this.statistics = statistics;
        this.orgUnits = orgUnits;
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
}
