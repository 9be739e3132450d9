package vn.childprotection.casetracker.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * The number of open cases of one commune at one risk level in one category.
 */
@Schema(name = "OpenCasesCell", description = "Open cases of one commune, risk level and category")
public record StatisticsCell(
        @Schema(description = "HIGH, MEDIUM, LOW, or UNASSESSED (no assessment yet)",
                allowableValues = {"HIGH", "MEDIUM", "LOW", "UNASSESSED"}) String riskLevel,
        CaseCategory category,
        @Schema(description = "The number, or null when suppressed") Long count,
        @Schema(description = "True when the number is smaller than the threshold and not shown") boolean suppressed) {

    static StatisticsCell of(String riskLevel, CaseCategory category, SuppressedCount count) {
        return new StatisticsCell(riskLevel, category, count.count(), count.suppressed());
    }

    SuppressedCount asCount() {
        return new SuppressedCount(count, suppressed);
    }
}
