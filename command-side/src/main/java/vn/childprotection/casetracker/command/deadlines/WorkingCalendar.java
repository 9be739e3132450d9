package vn.childprotection.casetracker.command.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Working days (<i>ngày làm việc</i>) of public servants: Monday to Friday, except public holidays (<i>ngày nghỉ lễ,
 * Tết</i>, Bộ luật Lao động 2019 Điều 112), days in lieu and swapped days off, plus the weekend days worked in
 * exchange for a swapped day (<i>ngày làm bù</i>). The days are data, per year (see {@code deadlines/holidays-vn.json}).
 * <p>
 * The calendar knows which years it holds: asking about a day of any other year throws
 * {@link WorkingCalendarMissing} rather than counting that year without its holidays.
 */
public final class WorkingCalendar {

    private final Map<Integer, CalendarYear> years;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workedWeekendDays;

    /**
     * @param years the data of each year covered, at most one entry per year
     * @throws IllegalArgumentException if a year is given twice
     */
    public WorkingCalendar(Collection<CalendarYear> years) {
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("Calendar year " + year.year() + " is given twice");
            }
        }
        this.years = byYear;
        this.daysOff = byYear.values().stream().flatMap(y -> y.daysOff().stream()).map(CalendarDay::date)
                .collect(Collectors.toUnmodifiableSet());
        this.workedWeekendDays = byYear.values().stream().flatMap(y -> y.workingDays().stream())
                .map(CalendarDay::date).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param day a day, Vietnam time
     * @return whether public servants work that day
     * @throws WorkingCalendarMissing if the calendar holds no data for the day's year
     */
    public boolean isWorkingDay(LocalDate day) {
        requireCovered(day.getYear());
        if (workedWeekendDays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    /**
     * The {@code n}th working day after {@code day} ({@code day} itself does not count, whether or not it is a
     * working day): the 5th working day after a Thursday with no holiday is the next Thursday.
     *
     * @param day a day, Vietnam time; its own year need not be covered, only the days counted
     * @param n   how many working days, at least 1
     * @return the day the count ends on
     * @throws IllegalArgumentException if {@code n} is below 1
     * @throws WorkingCalendarMissing   if the count reaches a year the calendar holds no data for
     */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /**
     * @return the years covered, in order, with their data
     */
    public List<CalendarYear> years() {
        return List.copyOf(years.values());
    }

    /**
     * @return the covered years still {@link CalendarStatus#PROVISIONAL}, in order
     */
    public List<Integer> provisionalYears() {
        return years.values().stream().filter(y -> y.status() == CalendarStatus.PROVISIONAL)
                .map(CalendarYear::year).toList();
    }

    private void requireCovered(int year) {
        if (!years.containsKey(year)) {
            throw new WorkingCalendarMissing(year);
        }
    }
}
