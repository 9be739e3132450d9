package vn.childprotection.casetracker.command.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

class WorkingCalendarTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void weekends_are_not_working_days() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of());
        // Friday 6 March 2026 -> Monday 9 March.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-03-06"), 1)).isEqualTo("2026-03-09");
        // From a Saturday the first working day is the Monday.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-03-07"), 1)).isEqualTo("2026-03-09");
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-03-05"), 5)).isEqualTo("2026-03-12");
    }

    @Test
    void holidays_are_skipped_like_weekends() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-02")));
        // Friday 28 August 2026: Mon 31 (1), Tue 1 and Wed 2 September off, Thu 3 (2).
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-08-28"), 2)).isEqualTo("2026-09-03");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-02"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-03"))).isTrue();
    }

    @Test
    void at_least_one_working_day_is_counted() {
        assertThatThrownBy(() -> new WorkingCalendar(Set.of()).nthWorkingDayAfter(LocalDate.parse("2026-03-05"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_shipped_holidays_cover_tet_of_the_current_and_next_year() throws Exception {
        Set<LocalDate> daysOff = DeadlineConfiguration.daysOff(new ClassPathResource("deadlines/holidays-vn.json"),
                JsonMapper.builder().build());
        DeadlinePolicy policy = new DeadlinePolicy(Duration.ofHours(12), 5, 2, Period.ofDays(30),
                new WorkingCalendar(daysOff), VIETNAM);

        assertThat(daysOff).contains(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-17"),
                LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-09-02"),
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-08"), LocalDate.parse("2027-09-02"));
        // A detailed assessment on Friday 13 February 2026, the eve of Tết: the nine days off (14-22 February)
        // do not count; Mon 23 to Fri 27 are the five working days.
        assertThat(policy.planDraftingDue(Instant.parse("2026-02-13T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-27T17:00:00Z"));
    }

    @Test
    void a_day_ends_at_midnight_in_vietnam() {
        DeadlinePolicy policy = new DeadlinePolicy(Duration.ofHours(12), 5, 2, Period.ofDays(30),
                new WorkingCalendar(Set.of()), VIETNAM);
        assertThat(policy.endOf(LocalDate.parse("2026-03-20"))).isEqualTo(Instant.parse("2026-03-20T17:00:00Z"));
        // A draft at 23:30 on Thursday 5 March in Vietnam counts from Thursday: Fri 6, Mon 9.
        assertThat(policy.planApprovalDue(Instant.parse("2026-03-05T16:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
        // At 00:30 it is already Friday 6 March there (still Thursday in UTC): Mon 9, Tue 10.
        assertThat(policy.planApprovalDue(Instant.parse("2026-03-05T17:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T17:00:00Z"));
        assertThat(policy.emergencyMeasuresDue(Instant.parse("2026-03-05T16:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-06T04:30:00Z"));
    }
}
