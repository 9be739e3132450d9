package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An indicator counted for a period and an org unit.
 *
 * @param total      children or cases counted
 * @param breakdowns its breakdowns, in the definition's order
 */
@Schema(name = "IndicatorValue")
public record IndicatorValue(String code, String group, String nameVi, String nameEn, CountingUnit unit,
                             Measure measure, long total, List<Breakdown> breakdowns) {

    /**
     * One breakdown (<i>phân tổ</i>): every cell of the dimension, zeros included.
     *
     * @param multiValued whether one child may be in several cells (then the cells may add up to more than the
     *                    total); otherwise the cells add up to the total exactly
     */
    @Schema(name = "IndicatorBreakdown")
    public record Breakdown(String dimension, String labelVi, String labelEn, boolean multiValued,
                            List<Cell> cells) {

        public long sum() {
            return cells.stream().mapToLong(Cell::count).sum();
        }
    }

    /**
     * @param key the value's code: an enum name, an age band such as {@code 0-5}, a commune code, or
     *            {@code NOT_RECORDED} / {@code NONE}
     */
    @Schema(name = "IndicatorCell")
    public record Cell(String key, String labelVi, String labelEn, long count) {
    }
}
