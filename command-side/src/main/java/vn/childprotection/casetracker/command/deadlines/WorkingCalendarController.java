package vn.childprotection.casetracker.command.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar, read-only, for any signed-in user: which years limits can be counted in, which of them
 * are provisional, and each year's days off and worked weekend days.
 */
@RestController
@Tag(name = "Working calendar", description = "Lịch ngày làm việc — "
        + "Days off and worked weekend days the working-day time limits are counted with")
public class WorkingCalendarController {

    private final WorkingCalendarResponse view;

    /**
     * @param calendar the calendar the time limits are counted with
     */
    public WorkingCalendarController(WorkingCalendar calendar) {
        this.view = WorkingCalendarResponse.of(calendar);
    }

    /**
     * @return every covered year with its status, source, days off and worked weekend days
     */
    @GetMapping("/api/v1/working-calendar")
    @Operation(summary = "The working-day calendar",
            description = "Years covered (a step whose working-day limit, Decree 56 Art 28.1 and 28.4, would fall "
                    + "outside them is refused with 409 working-calendar-missing), their status (CONFIRMED or "
                    + "PROVISIONAL), source, days off and weekend days worked, with Vietnamese and English labels.")
    public WorkingCalendarResponse calendar() {
        return view;
    }
}
