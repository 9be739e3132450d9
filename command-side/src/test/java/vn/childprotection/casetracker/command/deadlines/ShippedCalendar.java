package vn.childprotection.casetracker.command.deadlines;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working-day calendar shipped in {@code deadlines/holidays-vn.json}, read as the service reads it.
 */
public final class ShippedCalendar {

    public static final String LOCATION = "deadlines/holidays-vn.json";

    private static final WorkingCalendar CALENDAR = HolidayFile.read(new ClassPathResource(LOCATION),
            JsonMapper.builder().build());

    private ShippedCalendar() {
    }

    public static WorkingCalendar get() {
        return CALENDAR;
    }
}
