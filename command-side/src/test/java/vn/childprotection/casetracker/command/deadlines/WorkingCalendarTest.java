package vn.childprotection.casetracker.command.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DeadlinePolicy SHIPPED = new DeadlinePolicy(Duration.ofHours(12), 5, 2, Period.ofDays(30),
            ShippedCalendar.get(), VIETNAM);

    private static CalendarYear year(int year, List<CalendarDay> daysOff) {
        return new CalendarYear(year, CalendarStatus.CONFIRMED, "test data", daysOff, List.of());
    }

    private static CalendarDay dayOff(String date) {
        return new CalendarDay(LocalDate.parse(date), "Ngày nghỉ", "Day off", null);
    }

    @Test
    void weekends_are_not_working_days() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(year(2026, List.of())));
        // Friday 6 March 2026 -> Monday 9 March.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-03-06"), 1)).isEqualTo("2026-03-09");
        // From a Saturday the first working day is the Monday.
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-03-07"), 1)).isEqualTo("2026-03-09");
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-03-05"), 5)).isEqualTo("2026-03-12");
    }

    @Test
    void holidays_are_skipped_like_weekends() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(year(2026,
                List.of(dayOff("2026-09-01"), dayOff("2026-09-02")))));
        // Friday 28 August 2026: Mon 31 (1), Tue 1 and Wed 2 September off, Thu 3 (2).
        assertThat(calendar.nthWorkingDayAfter(LocalDate.parse("2026-08-28"), 2)).isEqualTo("2026-09-03");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-02"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-03"))).isTrue();
    }

    @Test
    void at_least_one_working_day_is_counted() {
        assertThatThrownBy(() -> new WorkingCalendar(List.of(year(2026, List.of())))
                .nthWorkingDayAfter(LocalDate.parse("2026-03-05"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_detailed_assessment_on_friday_24_january_2025_gets_its_drafting_limit_after_tet_2025() {
        // Friday 24 January 2025, 10:00 in Vietnam. Sat 25 January to Sun 2 February are Tết Ất Tỵ; the five
        // working days are Mon 3, Tue 4, Wed 5, Thu 6 and Fri 7 February: due when Friday 7 February ends there.
        assertThat(SHIPPED.planDraftingDue(Instant.parse("2025-01-24T03:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-07T17:00:00Z"));
    }

    @Test
    void the_saturday_worked_on_4_may_2024_is_a_working_day() {
        WorkingCalendar calendar = ShippedCalendar.get();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-05-04"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-04-29"))).isFalse();
        // Thursday 25 April 2024: Fri 26 (1); Sat 27 April to Wed 1 May off; Thu 2 (2), Fri 3 (3), Sat 4 (4),
        // Mon 6 May (5).
        assertThat(SHIPPED.planDraftingDue(Instant.parse("2024-04-25T03:00:00Z")))
                .isEqualTo(Instant.parse("2024-05-06T17:00:00Z"));
        // A plan drafted on Thursday 2 May 2024: Fri 3 (1), Sat 4 (2).
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2024-05-02T03:00:00Z")))
                .isEqualTo(Instant.parse("2024-05-04T17:00:00Z"));
    }

    @Test
    void the_saturday_worked_on_26_april_2025_counts_and_friday_2_may_2025_does_not() {
        // Thursday 24 April 2025: Fri 25 (1), Sat 26 worked (2).
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2025-04-24T03:00:00Z")))
                .isEqualTo(Instant.parse("2025-04-26T17:00:00Z"));
        // Tuesday 29 April 2025: Wed 30 April to Sun 4 May off; Mon 5 (1), Tue 6 (2).
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2025-04-29T03:00:00Z")))
                .isEqualTo(Instant.parse("2025-05-06T17:00:00Z"));
    }

    @Test
    void in_2026_the_24_november_and_31_august_are_days_off_and_saturday_22_august_is_worked() {
        WorkingCalendar calendar = ShippedCalendar.get();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-24"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-31"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-22"))).isTrue();
        // Friday 21 August 2026: Sat 22 (1), Mon 24 (2).
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2026-08-21T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-08-24T17:00:00Z"));
        // Friday 28 August 2026: Mon 31 August to Wed 2 September off; Thu 3 (1), Fri 4 (2).
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2026-08-28T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-09-04T17:00:00Z"));
        // Monday 23 November 2026: Tue 24 off; Wed 25 (1), Thu 26 (2).
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2026-11-23T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
    }

    @Test
    void tet_2026_does_not_count() {
        // Friday 13 February 2026, the eve of Tết: 14-22 February off; Mon 23 to Fri 27 are the five working days.
        assertThat(SHIPPED.planDraftingDue(Instant.parse("2026-02-13T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-27T17:00:00Z"));
    }

    @Test
    void a_limit_running_into_2028_is_refused_naming_the_year() {
        // Tuesday 28 December 2027: Wed 29, Thu 30, Fri 31 (3); the 4th and 5th would be in 2028.
        assertThatThrownBy(() -> SHIPPED.planDraftingDue(Instant.parse("2027-12-28T03:00:00Z")))
                .isInstanceOfSatisfying(WorkingCalendarMissing.class, e -> assertThat(e.year()).isEqualTo(2028))
                .hasMessageContaining("2028").hasMessageContaining("casetracker.deadlines.holidays-location");
        // ...while one that ends on Friday 31 December 2027 is computed.
        assertThat(SHIPPED.planApprovalDue(Instant.parse("2027-12-29T03:00:00Z")))
                .isEqualTo(Instant.parse("2027-12-31T17:00:00Z"));
    }

    @Test
    void a_limit_in_a_year_before_2023_is_refused() {
        assertThatThrownBy(() -> SHIPPED.planDraftingDue(Instant.parse("2022-06-01T03:00:00Z")))
                .isInstanceOfSatisfying(WorkingCalendarMissing.class, e -> assertThat(e.year()).isEqualTo(2022));
        assertThatThrownBy(() -> ShippedCalendar.get().isWorkingDay(LocalDate.parse("2022-12-30")))
                .isInstanceOf(WorkingCalendarMissing.class);
        // Saturday 31 December 2022 itself is not counted: Sun 1, Mon 2 (in lieu of New Year's Day), Tue 3.
        assertThat(ShippedCalendar.get().nthWorkingDayAfter(LocalDate.parse("2022-12-31"), 1))
                .isEqualTo("2023-01-03");
    }

    @Test
    void the_shipped_calendar_covers_2023_to_2027_with_2027_provisional() {
        assertThat(ShippedCalendar.get().years()).extracting(CalendarYear::year)
                .containsExactly(2023, 2024, 2025, 2026, 2027);
        assertThat(ShippedCalendar.get().provisionalYears()).containsExactly(2027);
    }

    @Test
    void a_day_ends_at_midnight_in_vietnam() {
        DeadlinePolicy policy = new DeadlinePolicy(Duration.ofHours(12), 5, 2, Period.ofDays(30),
                new WorkingCalendar(List.of(year(2026, List.of()))), VIETNAM);
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

    @Test
    void limits_not_counted_in_working_days_need_no_calendar_year() {
        DeadlinePolicy policy = new DeadlinePolicy(Duration.ofHours(12), 5, 2, Period.ofDays(30),
                new WorkingCalendar(List.of()), VIETNAM);
        assertThat(policy.emergencyMeasuresDue(Instant.parse("2030-03-05T16:30:00Z")))
                .isEqualTo(Instant.parse("2030-03-06T04:30:00Z"));
        assertThat(policy.reviewDue(Instant.parse("2030-03-05T03:00:00Z")))
                .isEqualTo(Instant.parse("2030-04-04T17:00:00Z"));
    }
}
