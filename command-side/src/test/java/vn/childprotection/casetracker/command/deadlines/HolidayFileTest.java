package vn.childprotection.casetracker.command.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped holiday file, read as plain JSON (not through the code that loads it), and the loader's refusals.
 */
class HolidayFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonNode file;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = new ClassPathResource(ShippedCalendar.LOCATION).getInputStream()) {
            file = JSON.readTree(in);
        }
    }

    private static List<JsonNode> days(JsonNode year, String list) {
        List<JsonNode> days = new ArrayList<>();
        year.get(list).forEach(days::add);
        return days;
    }

    private static LocalDate date(JsonNode day) {
        return LocalDate.parse(day.get("date").asString());
    }

    @Test
    void the_file_holds_2023_to_2026_confirmed_and_2027_provisional_each_with_a_source() {
        List<String> years = new ArrayList<>();
        for (JsonNode year : file.get("years")) {
            years.add(year.get("year").asInt() + " " + year.get("status").asString());
            assertThat(year.get("source").asString()).isNotBlank();
        }
        assertThat(years).containsExactly("2023 CONFIRMED", "2024 CONFIRMED", "2025 CONFIRMED", "2026 CONFIRMED",
                "2027 PROVISIONAL");
    }

    @Test
    void every_date_lies_in_its_year_and_appears_once_with_both_labels() {
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode year : file.get("years")) {
            for (String list : List.of("daysOff", "workingDays")) {
                for (JsonNode day : days(year, list)) {
                    assertThat(date(day).getYear()).as("%s", day).isEqualTo(year.get("year").asInt());
                    assertThat(seen.add(date(day))).as("%s listed once", day).isTrue();
                    assertThat(day.get("vi").asString()).isNotBlank();
                    assertThat(day.get("en").asString()).isNotBlank();
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(80);
    }

    @Test
    void working_days_are_weekends_and_swapped_days_off_are_weekdays() {
        List<String> working = new ArrayList<>();
        List<String> swapped = new ArrayList<>();
        for (JsonNode year : file.get("years")) {
            days(year, "workingDays").forEach(d -> working.add(d.get("date").asString() + " "
                    + date(d).getDayOfWeek()));
            days(year, "daysOff").stream().filter(d -> d.get("en").asString().startsWith("Swapped"))
                    .forEach(d -> swapped.add(d.get("date").asString() + " " + date(d).getDayOfWeek()));
        }
        assertThat(working).containsExactly("2024-05-04 SATURDAY", "2025-04-26 SATURDAY", "2026-08-22 SATURDAY");
        assertThat(swapped).containsExactly("2024-04-29 MONDAY", "2025-05-02 FRIDAY", "2026-08-31 MONDAY");
    }

    @Test
    void the_weekdays_the_notices_name_are_those_of_the_calendar() {
        assertThat(LocalDate.parse("2023-01-02").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(LocalDate.parse("2023-04-29").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(LocalDate.parse("2025-01-25").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(LocalDate.parse("2026-04-26").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(LocalDate.parse("2026-11-24").getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(LocalDate.parse("2027-05-01").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        Set<String> daysOff = new HashSet<>();
        file.get("years").forEach(y -> days(y, "daysOff").forEach(d -> daysOff.add(d.get("date").asString())));
        assertThat(daysOff).contains("2023-01-02", "2023-05-02", "2023-05-03", "2023-09-04", "2024-02-10",
                "2025-01-29", "2026-02-17", "2026-04-27", "2027-05-03");
    }

    @Test
    void a_misspelt_field_is_refused() {
        assertThatThrownBy(() -> HolidayFile.read(resource("""
                {"years": [{"year": 2026, "status": "CONFIRMED", "source": "s",
                  "daysOf": [{"date": "2026-01-01", "vi": "Tết Dương lịch", "en": "New Year's Day"}]}]}"""), JSON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("daysOf");
    }

    @Test
    void a_day_outside_its_year_is_refused() {
        assertThatThrownBy(() -> HolidayFile.read(resource("""
                {"years": [{"year": 2026, "status": "CONFIRMED", "source": "s",
                  "daysOff": [{"date": "2027-01-01", "vi": "Tết Dương lịch", "en": "New Year's Day"}]}]}"""), JSON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2027-01-01");
    }

    @Test
    void a_weekday_listed_as_worked_is_refused() {
        assertThatThrownBy(() -> HolidayFile.read(resource("""
                {"years": [{"year": 2026, "status": "CONFIRMED", "source": "s",
                  "workingDays": [{"date": "2026-08-21", "vi": "Làm bù", "en": "Worked"}]}]}"""), JSON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-08-21");
    }

    @Test
    void a_year_without_status_is_refused() {
        assertThatThrownBy(() -> HolidayFile.read(resource("""
                {"years": [{"year": 2026, "source": "s", "daysOff": []}]}"""), JSON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("status");
    }

    @Test
    void a_year_without_its_number_or_before_2000_is_refused() {
        assertThatThrownBy(() -> HolidayFile.read(resource("""
                {"years": [{"status": "CONFIRMED", "source": "s", "daysOff": []}]}"""), JSON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> HolidayFile.read(resource("""
                {"years": [{"year": 1999, "status": "CONFIRMED", "source": "s", "daysOff": []}]}"""), JSON))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Calendar year 1999");
    }

    private static ByteArrayResource resource(String json) {
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8));
    }
}
