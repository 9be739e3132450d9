package vn.childprotection.casetracker.command.deadlines;

/**
 * How far a year of the working-day calendar can be trusted.
 */
public enum CalendarStatus {
    /** Entered from the government's notice for that year (<i>đã xác nhận</i>). */
    CONFIRMED,
    /**
     * Expected from the Labour Code's fixed holidays before the year's notice is published (<i>dự kiến</i>): limits
     * are counted with it, and it must be corrected and confirmed when the notice appears.
     */
    PROVISIONAL
}
