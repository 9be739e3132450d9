package vn.childprotection.casetracker.command.deadlines;

/**
 * Working days were to be counted into a year the calendar holds no data for: the limit is refused rather than
 * computed without that year's holidays. Answered with 409 and the rule {@code working-calendar-missing}.
 */
public class WorkingCalendarMissing extends RuntimeException {

    private final int year;

    /**
     * @param year the year without calendar data
     */
    public WorkingCalendarMissing(int year) {
        super("The working-day calendar has no data for " + year + ", so a time limit counted in working days "
                + "cannot be computed there. Add the year to the holiday file (casetracker.deadlines.holidays-"
                + "location, by default deadlines/holidays-vn.json) and restart.");
        this.year = year;
    }

    /**
     * @return the year without calendar data
     */
    public int year() {
        return year;
    }
}
