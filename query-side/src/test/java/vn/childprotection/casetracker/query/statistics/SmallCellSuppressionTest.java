package vn.childprotection.casetracker.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private final SmallCellSuppression suppression = new SmallCellSuppression(5);

    @Test
    void a_cell_smaller_than_the_threshold_zero_included_is_suppressed() {
        assertThat(suppression.cell(0)).isEqualTo(new SuppressedCount(null, true));
        assertThat(suppression.cell(1)).isEqualTo(new SuppressedCount(null, true));
        assertThat(suppression.cell(4)).isEqualTo(new SuppressedCount(null, true));
        assertThat(suppression.cell(5)).isEqualTo(new SuppressedCount(5L, false));
        assertThat(suppression.cell(37)).isEqualTo(new SuppressedCount(37L, false));
    }

    @Test
    void a_total_is_the_sum_of_its_cells_when_all_are_shown() {
        assertThat(suppression.total(List.of(suppression.cell(5), suppression.cell(12), suppression.cell(7))))
                .isEqualTo(new SuppressedCount(24L, false));
    }

    /**
     * 9 + 1 = 10 is above the threshold, but shown next to the 9 it would give the 1 away.
     */
    @Test
    void a_total_with_one_suppressed_cell_is_suppressed_even_when_large() {
        assertThat(suppression.total(List.of(suppression.cell(9), suppression.cell(1))))
                .isEqualTo(new SuppressedCount(null, true));
        assertThat(suppression.total(List.of(suppression.cell(250), suppression.cell(0))).suppressed()).isTrue();
    }

    @Test
    void a_total_of_nothing_is_zero_and_so_suppressed() {
        assertThat(suppression.total(List.of()).suppressed()).isTrue();
    }

    @Test
    void the_threshold_is_at_least_one() {
        assertThatThrownBy(() -> new SmallCellSuppression(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SmallCellSuppression(1).cell(0).suppressed()).isTrue();
        assertThat(new SmallCellSuppression(1).cell(1).suppressed()).isFalse();
    }
}
