package vn.childprotection.casetracker.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The statement of a keyset page: filters, then the row comparison after the cursor's key, the order of the whole
 * key, and the limit; values only as arguments, in the order of their placeholders.
 */
class KeysetQueryTest {

    private static final ListScope SCOPE = ListScope.of("test-list", "agency", "313-police");
    private static final KeysetQuery ORDER = KeysetQuery.ascending("due_date", "case_id", "intervention_id");

    @Test
    void a_first_page_reads_the_filters_in_the_keys_order_up_to_the_limit() {
        KeysetQuery.Statement page = ORDER.page("SELECT * FROM work_item", List.of("agency_code = ?"),
                List.of("313-police"), Optional.empty(), key -> List.of(), 101);
        assertThat(page.sql()).isEqualTo("SELECT * FROM work_item WHERE agency_code = ?"
                + " ORDER BY due_date, case_id, intervention_id LIMIT ?");
        assertThat(page.arguments()).containsExactly("313-police", 101);
    }

    @Test
    void a_following_page_starts_after_the_cursors_key_and_a_reversed_order_reverses_every_part() {
        CursorKey after = key(List.of("2025-08-01", "case-1", "i-2"));
        KeysetQuery.Statement page = ORDER.reversedWhen(true).page("SELECT * FROM work_item", List.of(), List.of(),
                Optional.of(after), key -> List.of(key.date(0), key.id(1), key.id(2)), 11);
        assertThat(page.sql()).isEqualTo("SELECT * FROM work_item"
                + " WHERE (due_date, case_id, intervention_id) < (?, ?, ?)"
                + " ORDER BY due_date DESC, case_id DESC, intervention_id DESC LIMIT ?");
        assertThat(page.arguments()).containsExactly(LocalDate.parse("2025-08-01"), "case-1", "i-2", 11);
        assertThat(ORDER.reversedWhen(false).orderBy()).isEqualTo(" ORDER BY due_date, case_id, intervention_id");
    }

    @Test
    void a_cursor_value_that_is_not_of_its_columns_type_is_a_400_naming_cursor() {
        CursorKey forged = key(List.of("not-a-date", "case-1", "i-2"));
        assertThatThrownBy(() -> ORDER.page("SELECT * FROM work_item", List.of(), List.of(), Optional.of(forged),
                key -> List.of(key.date(0), key.id(1), key.id(2)), 11))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("cursor"));
        CursorKey position = key(List.of("+12", "x"));
        assertThatThrownBy(() -> position.wholeNumber(0)).isInstanceOf(BadRequestException.class);
        assertThat(key(List.of("9223372036854775807")).wholeNumber(0)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> key(List.of("9223372036854775808")).wholeNumber(0))
                .isInstanceOf(BadRequestException.class);
    }

    /** A key as a cursor carries it, read back the way a request reads it. */
    private static CursorKey key(List<String> values) {
        return PageCursor.decode(PageCursor.encode(SCOPE, values), SCOPE, values.size()).key().orElseThrow();
    }
}
