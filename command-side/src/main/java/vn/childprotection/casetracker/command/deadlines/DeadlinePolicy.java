package vn.childprotection.casetracker.command.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When each time limit of the procedure falls due (Decree 56/2017/NĐ-CP Chapter III), from configuration: the
 * lengths differ locally (one Hanoi ward promises 8 hours instead of 12), so none is written in code.
 * <p>
 * A limit counted in days ends with its last day, at midnight in Vietnam (Asia/Ho_Chi_Minh): "within 5 working
 * days" of an assessment made on a Thursday is due when the following Thursday is over.
 *
 * @param emergencyWindow          emergency measures after the report when the initial assessment calls for them
 *                                 (12 hours, Art 26.3)
 * @param planDraftingWorkingDays  support plan drafted after the detailed assessment (5 working days, Art 28.1)
 * @param planApprovalWorkingDays  plan approved after it is drafted (2 working days, Art 28.4)
 * @param reviewInterval           between reviews of an approved plan (not set by law; local choice)
 * @param calendar                 working days and holidays, for the years it holds data for only
 * @param zone                     where days begin and end
 */
public record DeadlinePolicy(Duration emergencyWindow, int planDraftingWorkingDays, int planApprovalWorkingDays,
                             Period reviewInterval, WorkingCalendar calendar, ZoneId zone) {

    public DeadlinePolicy {
        Objects.requireNonNull(emergencyWindow, "emergencyWindow");
        Objects.requireNonNull(reviewInterval, "reviewInterval");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(zone, "zone");
    }

    public Instant emergencyMeasuresDue(Instant reportedAt) {
        return reportedAt.plus(emergencyWindow);
    }

    /**
     * @param from when the detailed assessment (or the review deciding to re-plan) took place
     * @return the end of the {@code planDraftingWorkingDays}th working day after that day (Art 28.1)
     * @throws WorkingCalendarMissing if the count reaches a year the calendar holds no data for
     */
    public Instant planDraftingDue(Instant from) {
        return endOf(calendar.nthWorkingDayAfter(day(from), planDraftingWorkingDays));
    }

    /**
     * @param draftedAt when the plan was drafted
     * @return the end of the {@code planApprovalWorkingDays}th working day after that day (Art 28.4)
     * @throws WorkingCalendarMissing if the count reaches a year the calendar holds no data for
     */
    public Instant planApprovalDue(Instant draftedAt) {
        return endOf(calendar.nthWorkingDayAfter(day(draftedAt), planApprovalWorkingDays));
    }

    public Instant reviewDue(Instant from) {
        return endOf(day(from).plus(reviewInterval));
    }

    /**
     * The instant a day ends in Vietnam: what is due "on" a date is late from this instant on.
     */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
