package vn.childprotection.casetracker.query.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.query.indicators.CountingUnit;
import vn.childprotection.casetracker.query.indicators.IndicatorGroup;

/**
 * Indicators as dashboards read them (<i>số liệu tổng hợp</i>): the same counts as {@code GET /api/v1/indicators},
 * with small cells suppressed by the rules of {@link SmallCellSuppression}.
 *
 * @param countedAt           the instant (UTC) the facts counted are those of ({@code IndicatorSet#countedAt})
 * @param threshold           a count smaller than this is not shown
 * @param reportingGroup      true when {@code orgUnit} is a reporting group (địa bàn huyện An Lão cũ)
 * @param includePredecessors whether the communes that ceased into the area's communes were added (trends)
 * @param splitPredecessors   among those added, the split ones, added to each of their successors
 */
@Schema(name = "SuppressedIndicators")
public record SuppressedIndicators(String orgUnit, String orgUnitNameVi, String orgUnitNameEn, LocalDate from,
                                   LocalDate to, Instant asOf, Instant generatedAt, Instant countedAt, int threshold,
                                   boolean reportingGroup, boolean includePredecessors,
                                   List<String> splitPredecessors, List<IndicatorGroup> groups,
                                   List<Indicator> indicators) {

    /**
     * @param total published when it is not small
     */
    @Schema(name = "SuppressedIndicator")
    public record Indicator(String code, String group, String nameVi, String nameEn, CountingUnit unit,
                            SuppressedCount total, List<Breakdown> breakdowns) {
    }

    @Schema(name = "SuppressedIndicatorBreakdown")
    public record Breakdown(String dimension, String labelVi, String labelEn, boolean multiValued,
                            List<Cell> cells) {
    }

    @Schema(name = "SuppressedIndicatorCell")
    public record Cell(String key, String labelVi, String labelEn, SuppressedCount count) {
    }
}
