package vn.childprotection.casetracker.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The open cases of one commune by risk level and category, with its totals.
 */
@Schema(name = "OpenCasesOfCommune", description = "Open cases of one commune by risk level × category")
public record CommuneStatistics(
        String communeCode,
        @Schema(description = "Every risk level × category, listed even when empty (suppressed then)")
        List<StatisticsCell> cells,
        @Schema(description = "Total per risk level over the categories; suppressed when one of its cells is")
        Map<String, SuppressedCount> byRiskLevel,
        @Schema(description = "Total per category over the risk levels; suppressed when one of its cells is")
        Map<String, SuppressedCount> byCategory,
        @Schema(description = "All open cases of the commune; suppressed when one of its cells is")
        SuppressedCount total) {
}
