package vn.childprotection.casetracker.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Open cases by commune × risk level × category (<i>số liệu tổng hợp</i>) with small cells suppressed: what
 * dashboards read.
 */
@Schema(name = "OpenCaseStatistics", description = "Open cases by commune × risk level × category, small cells "
        + "suppressed (số liệu tổng hợp)")
public record OpenCaseStatistics(
        @Schema(description = "When it was computed") Instant asOf,
        @Schema(description = "Counts smaller than this are suppressed (casetracker.privacy.small-cell-threshold)")
        int threshold,
        @Schema(description = "The commune asked for, or null for every commune") String commune,
        @Schema(description = "Every commune (of the registry, and any other holding an open case), or the one "
                + "asked for") List<CommuneStatistics> communes,
        @Schema(description = "Total per risk level over the communes listed; suppressed when one of its cells is")
        Map<String, SuppressedCount> byRiskLevel,
        @Schema(description = "Total per category over the communes listed; suppressed when one of its cells is")
        Map<String, SuppressedCount> byCategory,
        @Schema(description = "All open cases of the communes listed; suppressed when one of its cells is")
        SuppressedCount total) {
}
