package vn.childprotection.casetracker.query.statistics;

import java.util.Collection;

/**
 * The disclosure control of aggregate statistics (<i>kiểm soát công bố số liệu</i>): in a small commune, a count of
 * one or two cases can point at a child. Two rules, and nothing else is published:
 * <ol>
 *     <li>A cell (one count) smaller than the threshold is suppressed: zero included, since "no case of this kind
 *     here" is also a statement about the children of a commune.</li>
 *     <li>A total is published only when every cell it sums is published; otherwise it is suppressed too.</li>
 * </ol>
 * Why suppress totals rather than pick complementary cells: with complementary suppression the totals stay, and a
 * reader who combines them (a commune's total, its totals per risk level and per category, the district's) can
 * narrow a suppressed cell down to a few values or pin it exactly; choosing cells that resist every combination
 * needs an optimisation over the whole table, and would change with each new case, so what is hidden would be hard
 * to explain and to test. With rule 2, every published number is either a cell at or above the threshold or the sum
 * of published cells, so no arithmetic on an answer (or on several answers: the rules do not depend on what else is
 * asked) reaches a suppressed cell. The price is fewer totals where counts are small, which is where they would
 * identify children.
 */
public final class SmallCellSuppression {

    private final int threshold;

    public SmallCellSuppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be 1 or more");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public SuppressedCount cell(long count) {
        return count < threshold ? SuppressedCount.hidden() : SuppressedCount.shown(count);
    }

    /**
     * The total of the given cells: their sum when all are published, else suppressed.
     */
    public SuppressedCount total(Collection<SuppressedCount> cells) {
        long sum = 0;
        for (SuppressedCount cell : cells) {
            if (cell.suppressed()) {
                return SuppressedCount.hidden();
            }
            sum += cell.count();
        }
        return cells.isEmpty() ? cell(0) : SuppressedCount.shown(sum);
    }
}
