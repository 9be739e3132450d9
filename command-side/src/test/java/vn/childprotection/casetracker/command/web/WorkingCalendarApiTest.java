package vn.childprotection.casetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The working-day calendar over HTTP, in the same context as {@link CommandApiTest}: a step whose working-day limit
 * falls in a year without calendar data is refused with a problem and writes nothing; the calendar can be read.
 */
class WorkingCalendarApiTest extends CommandHttpTest {

    private static final String WORKER = "worker.anlao";


    @Test
    void a_detailed_assessment_dated_2022_is_refused_with_a_problem_naming_the_year_and_writes_nothing() {
        Map<String, Object> report = new HashMap<>(CommandApiTest.report("Đỗ Thị Lịch"));
        report.put("occurredAt", "2022-06-01T02:00:00Z");
        report.put("communeCode", "313-tt-an-lao");
        Response created = api.post("/api/v1/cases", WORKER, json(report));
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().get("caseId").asString();
        assertThat(api.post("/api/v1/cases/" + caseId + "/initial-assessment", WORKER, json(object("riskLevel",
                "HIGH", "emergency", false, "occurredAt", "2022-06-01T03:00:00Z"))).status()).isEqualTo(200);
        long before = eventsOf(caseId);
        long schedulesBefore = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class);

        Response refused = api.post("/api/v1/cases/" + caseId + "/detailed-assessment", WORKER,
                json(object("riskLevel", "HIGH", "occurredAt", "2022-06-02T03:00:00Z")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("rule").asString()).isEqualTo("working-calendar-missing");
        assertThat(refused.json().get("year").asInt()).isEqualTo(2022);
        assertThat(refused.json().get("detail").asString()).contains("2022", "casetracker.deadlines.holidays-location",
                "holidays-vn.json");
        assertThat(eventsOf(caseId)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class))
                .isEqualTo(schedulesBefore);
    }

    @Test
    void any_signed_in_user_reads_the_calendar_with_its_provisional_year() {
        Response response = api.get("/api/v1/working-calendar", WORKER);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("provisionalYears").valueStream().map(JsonNode::asInt).toList()).containsExactly(2027);
        assertThat(body.get("years").valueStream().map(y -> y.get("year").asInt() + " " + y.get("status").asString())
                .toList()).containsExactly("2023 CONFIRMED", "2024 CONFIRMED", "2025 CONFIRMED", "2026 CONFIRMED",
                "2027 PROVISIONAL");
        JsonNode year2026 = body.get("years").get(3);
        assertThat(year2026.get("statusVi").asString()).isEqualTo("Đã xác nhận");
        assertThat(year2026.get("workingDays").get(0).get("date").asString()).isEqualTo("2026-08-22");
        assertThat(year2026.get("daysOff").valueStream()
                .filter(d -> d.get("date").asString().equals("2026-11-24")).findFirst().orElseThrow()
                .get("vi").asString()).contains("Ngày Văn hóa Việt Nam");
        assertThat(api.get("/api/v1/working-calendar", null).status()).isEqualTo(401);
    }
}
