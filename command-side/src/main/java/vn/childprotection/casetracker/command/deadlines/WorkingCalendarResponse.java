package vn.childprotection.casetracker.command.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The working-day calendar as the service counts limits with it ({@code GET /api/v1/working-calendar}).
 *
 * @param years            every covered year, in order; a limit counted in working days outside them is refused
 * @param provisionalYears the covered years whose government notice is not yet entered
 */
@Schema(name = "WorkingCalendar", description = "Lịch ngày làm việc / working-day calendar of public servants: "
        + "Monday to Friday, except the days off listed, plus the weekend days listed as worked.")
public record WorkingCalendarResponse(List<Year> years,
                                      @Schema(example = "[2027]") List<Integer> provisionalYears) {

    /**
     * @param calendar the calendar in use
     * @return its view
     */
    public static WorkingCalendarResponse of(WorkingCalendar calendar) {
        return new WorkingCalendarResponse(calendar.years().stream().map(Year::of).toList(),
                calendar.provisionalYears());
    }

    /**
     * One covered year.
     *
     * @param year        the calendar year
     * @param status      CONFIRMED (from the year's notice) or PROVISIONAL (expected, to be corrected)
     * @param statusVi    the status in Vietnamese
     * @param source      the notice or texts the days come from
     * @param daysOff     days off, weekends of an announced stretch included
     * @param workingDays weekend days worked in exchange for a swapped day off
     */
    @Schema(name = "WorkingCalendarYear")
    public record Year(@Schema(example = "2026") int year,
                       @Schema(example = "CONFIRMED") CalendarStatus status,
                       @Schema(example = "Đã xác nhận") String statusVi,
                       @Schema(example = "Bộ luật Lao động 2019 Điều 112; Nghị quyết 28/2026/QH16") String source,
                       List<Day> daysOff, List<Day> workingDays) {

        static Year of(CalendarYear year) {
            return new Year(year.year(), year.status(),
                    year.status() == CalendarStatus.CONFIRMED ? "Đã xác nhận" : "Dự kiến", year.source(),
                    year.daysOff().stream().map(Day::of).toList(), year.workingDays().stream().map(Day::of).toList());
        }
    }

    /**
     * One day that differs from the plain week.
     *
     * @param date the day (YYYY-MM-DD, Vietnam)
     * @param vi   Vietnamese label
     * @param en   English label
     * @param note why the day is not certain, or null
     */
    @Schema(name = "WorkingCalendarDay")
    public record Day(@Schema(example = "2026-11-24") LocalDate date,
                      @Schema(example = "Ngày Văn hóa Việt Nam (24/11)") String vi,
                      @Schema(example = "Vietnamese Culture Day") String en,
                      @Schema(nullable = true, example = "PROVISIONAL: the 2027 notice was not issued") String note) {

        static Day of(CalendarDay day) {
            return new Day(day.date(), day.vi(), day.en(), day.note());
        }
    }
}
