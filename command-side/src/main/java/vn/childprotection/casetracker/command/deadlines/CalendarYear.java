package vn.childprotection.casetracker.command.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The working-day data of one calendar year for public servants: which weekdays are off and which weekend days are
 * worked. Holidays are those of Bộ luật Lao động 2019 Điều 112, days in lieu per Điều 111.3, and the days the
 * government swaps each year (a weekday off made up by a Saturday worked).
 *
 * @param year        the calendar year
 * @param status      whether the year's notice was entered ({@link CalendarStatus#CONFIRMED}) or not yet
 * @param source      the notice or texts the data comes from
 * @param daysOff     days off; may include weekend days of an announced stretch (they are off anyway)
 * @param workingDays weekend days worked in exchange for a swapped day off; each a Saturday or Sunday
 */
public record CalendarYear(int year, CalendarStatus status, String source, List<CalendarDay> daysOff,
                           List<CalendarDay> workingDays) {

    /**
     * @throws IllegalArgumentException if the year is missing or not between 2000 and 9999, a day lies outside the
     *                                  year, a date is listed twice, a working day is not a weekend day, or the
     *                                  status or source is missing
     */
    public CalendarYear {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("Calendar year " + year + " is missing or not between 2000 and 9999");
        }
        Objects.requireNonNull(status, () -> "status of " + year);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Calendar year " + year + " needs a source");
        }
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDay day : concat(daysOff, workingDays)) {
            if (day.date().getYear() != year) {
                throw new IllegalArgumentException(day.date() + " is listed under calendar year " + year);
            }
            if (!seen.add(day.date())) {
                throw new IllegalArgumentException(day.date() + " is listed twice in calendar year " + year);
            }
        }
        for (CalendarDay day : workingDays) {
            if (!isWeekend(day.date())) {
                throw new IllegalArgumentException(day.date() + " is a weekday; only a weekend day is listed as "
                        + "a working day");
            }
        }
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static List<CalendarDay> concat(List<CalendarDay> a, List<CalendarDay> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
