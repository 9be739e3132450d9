package vn.childprotection.casetracker.query.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    private static final ListScope SCOPE = ListScope.of("overdue", "commune", "31-xa-an-quang", "agency", null);
    private static final List<String> KEY = List.of("2025-07-20T10:00:00.123456Z", "case-Nguyễn", "CASE_REVIEW-1");

    @Test
    void a_cursor_gives_back_its_key_within_its_scope() {
        String cursor = PageCursor.encode(SCOPE, KEY);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        PageCursor.Decoded decoded = PageCursor.decode(cursor, SCOPE, 3);
        assertThat(decoded.problem()).isNull();
        CursorKey key = decoded.key().orElseThrow();
        assertThat(key.instant(0)).hasToString("2025-07-20T10:00:00.123456Z");
        assertThat(key.id(1)).isEqualTo("case-Nguyễn");
        assertThat(key.id(2)).isEqualTo("CASE_REVIEW-1");
    }

    @Test
    void a_cursor_of_another_list_or_filter_is_refused_as_such() {
        String cursor = PageCursor.encode(SCOPE, KEY);
        for (ListScope other : List.of(ListScope.of("risk-register", "commune", "31-xa-an-quang", "agency", null),
                ListScope.of("overdue", "commune", "31-xa-an-truong", "agency", null),
                ListScope.of("overdue", "commune", "31-xa-an-quang", "agency", "313-police"),
                ListScope.of("overdue", "commune", null, "agency", null))) {
            assertThat(PageCursor.decode(cursor, other, 3).problem()).as(other.toString())
                    .isEqualTo(PageCursor.OTHER_LIST);
        }
    }

    @Test
    void every_single_character_edit_or_cut_of_a_cursor_is_refused() {
        String cursor = PageCursor.encode(SCOPE, KEY);
        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String edited = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertThat(PageCursor.decode(edited, SCOPE, 3).key()).as("edited at %d", i).isEmpty();
            assertThat(PageCursor.decode(cursor.substring(0, i), SCOPE, 3).key()).as("cut at %d", i).isEmpty();
        }
        assertThat(PageCursor.decode(cursor, SCOPE, 2).problem()).isEqualTo(PageCursor.NOT_A_CURSOR);
    }
}
