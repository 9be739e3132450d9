package vn.childprotection.casetracker.command.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The holiday data file ({@code casetracker.deadlines.holidays-location}, by default
 * {@code classpath:deadlines/holidays-vn.json}): JSON of the shape
 * <pre>{@code
 * {"description": "...",
 *  "years": [{"year": 2026, "status": "CONFIRMED", "source": "the notice",
 *             "daysOff":     [{"date": "2026-11-24", "vi": "Ngày Văn hóa Việt Nam", "en": "Vietnamese Culture Day"}],
 *             "workingDays": [{"date": "2026-08-22", "vi": "Thứ Bảy làm bù", "en": "Saturday worked",
 *                              "note": "optional: why the day is not certain"}]}]}
 * }</pre>
 *
 * @param description what the file holds, for people editing it
 * @param years       one entry per covered year
 */
public record HolidayFile(String description, List<CalendarYear> years) {

    /**
     * Reads and checks the file. Unknown fields are refused, so that a misspelt field cannot silently drop days.
     *
     * @param location   where the file is
     * @param jsonMapper the application's mapper
     * @return the calendar of the years in the file
     * @throws IllegalStateException if the file cannot be read, is not of the shape above, or breaks a rule of
     *                               {@link CalendarYear} (a day outside its year, a date twice, a weekday worked)
     */
    public static WorkingCalendar read(Resource location, JsonMapper jsonMapper) {
        try (InputStream in = location.getInputStream()) {
            HolidayFile file = jsonMapper.readerFor(HolidayFile.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(in);
            if (file.years() == null || file.years().isEmpty()) {
                throw new IllegalStateException("The holiday file " + location + " lists no year");
            }
            return new WorkingCalendar(file.years());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the holiday file " + location, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("The holiday file " + location + " is not valid: " + e.getMessage(), e);
        }
    }
}
