package vn.childprotection.casetracker.query.statistics;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.access.PrivacyProperties;
import vn.childprotection.casetracker.query.indicators.IndicatorSet;
import vn.childprotection.casetracker.query.indicators.IndicatorValue;

/**
 * Applies small-cell suppression to counted indicators, for dashboards, in the spirit of
 * {@link SmallCellSuppression}: no published number may be, or let one recompute, a count below the threshold (zero
 * included).
 * <ul>
 *     <li>The indicator's total is published when it is not small.</li>
 *     <li>The cells of a single-valued breakdown add up to the total, so one small cell among published neighbours
 *     could be recomputed from the total: such a breakdown is published whole, when every cell is at or above the
 *     threshold, or not at all.</li>
 *     <li>The cells of a multi-valued breakdown (one child in several cells) do not add up to the total and are
 *     judged one by one.</li>
 * </ul>
 * Differencing two indicators (e.g. children at risk detected and followed) is not guarded against, as for the other
 * statistics; it is noted in the README.
 */
@Component
public class IndicatorStatistics {

    private final SmallCellSuppression suppression;

    public IndicatorStatistics(PrivacyProperties privacy) {
        this.suppression = new SmallCellSuppression(privacy.smallCellThreshold());
    }

    public SuppressedIndicators suppress(IndicatorSet counted) {
        List<SuppressedIndicators.Indicator> indicators = new ArrayList<>();
        for (IndicatorValue value : counted.indicators()) {
            List<SuppressedIndicators.Breakdown> breakdowns = new ArrayList<>();
            for (IndicatorValue.Breakdown breakdown : value.breakdowns()) {
                boolean whole = !breakdown.multiValued() && breakdown.cells().stream()
                        .anyMatch(cell -> suppression.cell(cell.count()).suppressed());
                List<SuppressedIndicators.Cell> cells = new ArrayList<>();
                for (IndicatorValue.Cell cell : breakdown.cells()) {
                    SuppressedCount count = whole ? SuppressedCount.hidden() : suppression.cell(cell.count());
                    cells.add(new SuppressedIndicators.Cell(cell.key(), cell.labelVi(), cell.labelEn(), count));
                }
                breakdowns.add(new SuppressedIndicators.Breakdown(breakdown.dimension(), breakdown.labelVi(),
                        breakdown.labelEn(), breakdown.multiValued(), List.copyOf(cells)));
            }
            indicators.add(new SuppressedIndicators.Indicator(value.code(), value.group(), value.nameVi(),
                    value.nameEn(), value.unit(), suppression.cell(value.total()), List.copyOf(breakdowns)));
        }
        return new SuppressedIndicators(counted.orgUnit(), counted.orgUnitNameVi(), counted.orgUnitNameEn(),
                counted.from(), counted.to(), counted.asOf(), counted.generatedAt(), counted.countedAt(),
                suppression.threshold(),
                counted.reportingGroup(), counted.includePredecessors(), counted.splitPredecessors(),
                counted.groups(), List.copyOf(indicators));
    }
}
