package vn.childprotection.casetracker.command.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days (<i>ngày làm việc</i>): Monday to Friday, except public holidays (<i>ngày nghỉ lễ, Tết</i>) and the
 * days off the government moves around them, which are data (see {@code deadlines/holidays-vn.json}).
 */
public final class WorkingCalendar {

    private final Set<LocalDate> daysOff;

    public WorkingCalendar(Set<LocalDate> daysOff) {
        this.daysOff = Set.copyOf(daysOff);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    /**
     * The {@code n}th working day after {@code day} ({@code day} itself does not count, whether or not it is a
     * working day): the 5th working day after a Thursday with no holiday is the next Thursday.
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
}
