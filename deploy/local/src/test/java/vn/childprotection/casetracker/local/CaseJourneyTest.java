package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * A case walked from the report to its closing through the public API of the all-in-one, read back on the query
 * side: the same steps README walks a new user through.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
@ExtendWith(OutputCaptureExtension.class)
class CaseJourneyTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void a_case_goes_from_report_to_closure_and_every_step_is_read_back(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        // Dates relative to today, so that no time limit falls due while the test runs.
        LocalDate today = LocalDate.now(VIETNAM);
        String reportedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString();
        LocalDate birthDate = today.minusYears(10).minusMonths(3);
        Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                "occurredAt", reportedAt,
                "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "HOTLINE_111",
                "abuseForms", List.of("VIOLENCE", "NEGLECT"), "setting", "FAMILY",
                "specialCircumstanceGroups", List.of("I_HARMED_BY_VIOLENCE"),
                "child", object("name", "Phạm Thị Giả Định", "birthDate", birthDate.toString(), "sex", "FEMALE",
                        "ethnicity", "Kinh", "address", "Số 1 Đường Thử"),
                "reporter", object("consentToRecordIdentity", true, "identity", "Cô giáo chủ nhiệm"),
                "narrative", "Trẻ đến lớp với vết bầm.")));
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().get("caseId").asString();
        String base = "/api/v1/cases/" + caseId;

        long v = step(api, "worker.xaanlao", base + "/initial-assessment",
                object("riskLevel", "HIGH", "emergency", true), 1);
        v = step(api, "chair.xaanlao", base + "/emergency-measures", object(
                "measures", List.of("TEMPORARY_REMOVAL"),
                "temporaryRemoval", object("startDate", today.toString(), "endDate", today.plusDays(14).toString()),
                "notes", "Ở nhà bà ngoại"), v);
        v = step(api, "worker.xaanlao", base + "/detailed-assessment", object(
                "riskLevel", "MEDIUM", "findings", "Cần trị liệu tâm lý"), v);
        v = step(api, "worker.xaanlao", base + "/plan", object(
                "goals", "An toàn, ổn định", "interventions", List.of(
                        object("interventionId", "therapy", "measure", "PSYCHOLOGICAL_THERAPY",
                                "agencyCode", "31-xa-an-lao-health-station", "dueDate", today.plusDays(30).toString(),
                                "description", "4 buổi tư vấn"),
                        object("interventionId", "legal", "measure", "LEGAL_AID", "agencyCode", "31-xa-an-lao-police",
                                "dueDate", today.plusDays(20).toString()))), v);
        v = step(api, "chair.xaanlao", base + "/plan/approval", object("planVersion", 1), v);
        v = step(api, "health.xaanlao", base + "/interventions/therapy/status", object("status", "ACCEPTED"), v);
        v = step(api, "police.xaanlao", base + "/interventions/legal/status", object("status", "DECLINED",
                "note", "Không thuộc thẩm quyền"), v);
        v = step(api, "health.xaanlao", base + "/interventions/therapy/status", object("status", "COMPLETED"), v);
        v = step(api, "worker.xaanlao", base + "/reviews", object("riskLevel", "LOW", "outcome", "PROPOSE_CLOSURE",
                "notes", "Ổn định"), v);
        JsonNode register = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/risk-register?commune=31-xa-an-lao", "coordinator.haiphong").json(),
                r -> r.get("cases").findValuesAsString("caseId").contains(caseId)
                        && r.get("cases").valueStream().filter(c -> c.get("caseId").asString().equals(caseId))
                        .anyMatch(c -> "LOW".equals(c.get("riskLevel").asString())));
        assertThat(register.get("cases").valueStream().filter(c -> c.get("caseId").asString().equals(caseId))
                .findFirst().orElseThrow().get("category").asString()).isEqualTo("ABUSED");
        v = step(api, "chair.xaanlao", base + "/closure", object("reasonCode", "NO_FURTHER_RISK"), v);
        long closedAt = v;

        JsonNode file = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(base, "worker.xaanlao"),
                r -> r.status() == 200 && r.json().get("version").asLong() == closedAt).json();
        assertThat(file.get("status").asString()).isEqualTo("CLOSED");
        assertThat(file.get("child").get("name").asString()).isEqualTo("Phạm Thị Giả Định");
        assertThat(file.get("child").get("birthDate").asString()).isEqualTo(birthDate.toString());
        assertThat(file.get("child").get("ageYears").asInt()).isEqualTo(10);
        assertThat(file.get("report").get("reporterIdentity").asString()).isEqualTo("Cô giáo chủ nhiệm");
        assertThat(file.get("report").get("narrative").asString()).isEqualTo("Trẻ đến lớp với vết bầm.");
        assertThat(file.get("temporaryRemoval").get("endDate").asString()).isEqualTo(today.plusDays(14).toString());
        assertThat(file.get("plan").get("approvedVersion").asInt()).isEqualTo(1);
        assertThat(file.get("plan").get("interventions").valueStream()
                .map(i -> i.get("interventionId").asString() + "=" + i.get("status").asString()).toList())
                .containsExactlyInAnyOrder("therapy=COMPLETED", "legal=DECLINED");
        assertThat(file.get("closure").get("reasonCode").asString()).isEqualTo("NO_FURTHER_RISK");

        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get(base + "/history", "auditor.haiphong").json(),
                h -> h.get("entries").size() == closedAt);
        List<JsonNode> steps = history.get("entries").valueStream()
                .filter(e -> !e.get("eventType").asString().startsWith("Deadline")).toList();
        assertThat(steps.stream().map(e -> e.get("eventType").asString()).toList())
                .containsExactly("CaseReported", "InitialAssessmentRecorded", "EmergencyMeasuresTaken",
                        "DetailedAssessmentRecorded", "SupportPlanDrafted", "SupportPlanApproved",
                        "InterventionStatusChanged", "InterventionStatusChanged", "InterventionStatusChanged",
                        "CaseReviewed", "CaseClosed");
        assertThat(steps.stream().map(e -> e.get("userId").asString() + "@"
                + e.get("orgUnit").asString()).toList()).containsExactly(
                "worker.xaanlao@31-xa-an-lao", "worker.xaanlao@31-xa-an-lao", "chair.xaanlao@31-xa-an-lao",
                "worker.xaanlao@31-xa-an-lao", "worker.xaanlao@31-xa-an-lao", "chair.xaanlao@31-xa-an-lao",
                "health.xaanlao@31-xa-an-lao-health-station", "police.xaanlao@31-xa-an-lao-police",
                "health.xaanlao@31-xa-an-lao-health-station",
                "worker.xaanlao@31-xa-an-lao", "chair.xaanlao@31-xa-an-lao");
        assertThat(history.get("entries").valueStream().map(e -> e.get("eventType").asString()))
                .as("nothing fell due during the walk").doesNotContain("DeadlineMissed");
        assertThat(history.get("entries").get(0).get("occurredAt").asString()).as("a report entered late keeps "
                + "the time it was received").isEqualTo(reportedAt);
        assertThat(history.get("entries").valueStream()
                .filter(e -> e.get("eventType").asString().equals("DeadlineScheduled"))
                .map(e -> e.get("details").get("rule").asString()).toList())
                .contains("EMERGENCY_MEASURES", "PLAN_DRAFTING", "PLAN_APPROVAL", "INTERVENTION_DUE", "CASE_REVIEW");
        assertThat(history.toString()).doesNotContain("Phạm Thị Giả Định", "Cô giáo chủ nhiệm", "vết bầm");

        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/risk-register?commune=31-xa-an-lao", "coordinator.haiphong").json(),
                r -> !r.get("cases").findValuesAsString("caseId").contains(caseId));
        assertThat(after.get("cases").findValuesAsString("caseId")).doesNotContain(caseId);

        Response afterClose = api.post(base + "/reviews", "worker.xaanlao",
                json(object("riskLevel", "LOW", "outcome", "CONTINUE")));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.json().get("rule").asString()).isEqualTo("case-closed");
        step(api, "worker.xaanlao", base + "/reopening", object("reason", "Báo lại"), closedAt);

        assertThat(output.getAll()).as("nothing personal is logged").doesNotContain("Phạm Thị Giả Định",
                "Số 1 Đường Thử", "Cô giáo chủ nhiệm", "vết bầm", "Ở nhà bà ngoại", "4 buổi tư vấn",
                birthDate.toString());
    }

    @Test
    void org_units_are_served_as_they_were_on_a_day() {
        ApiClient api = new ApiClient(port);
        String today = LocalDate.now(VIETNAM).toString();
        JsonNode communes = api.get("/api/v1/org-units?type=COMMUNE&validOn=" + today, "worker.xaanlao").json();
        assertThat(codes(communes)).as("Nghị quyết 1669/NQ-UBTVQH15, from 1/7/2025")
                .containsExactlyInAnyOrder("31-xa-an-lao", "31-xa-an-truong", "31-xa-an-quang", "31-xa-an-khanh",
                        "31-xa-an-hung", "31-phuong-phu-lien");
        assertThat(communes.findValuesAsString("nameVi")).contains("Xã An Lão", "Phường Phù Liễn");
        JsonNode before = api.get("/api/v1/org-units?type=COMMUNE&validOn=2025-06-30", "worker.xaanlao").json();
        assertThat(codes(before)).hasSize(17).contains("313-tt-an-lao", "313-truong-tho")
                .noneMatch(code -> code.startsWith("31-"));
        assertThat(before.findValuesAsString("nameVi")).contains("Xã Quốc Tuấn");
        Response bad = api.get("/api/v1/org-units?type=HAMLET", "worker.xaanlao");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
    }

    @Test
    void the_axon_server_connector_is_on_the_classpath_but_off() {
        assertThat(AxonServerAutoConfiguration.class).isNotNull();
        assertThat(context.getBeanNamesForType(
                org.axonframework.axonserver.connector.AxonServerConnectionManager.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_name = 'domain_event_entry'", Long.class)).isEqualTo(1);
    }

    /** @return the codes of a list of org units (not those of their successors) */
    private static List<String> codes(JsonNode units) {
        return units.valueStream().map(unit -> unit.get("code").asString()).toList();
    }

    /**
     * One command, conditional on the version the previous one answered; answers the new version, which counts
     * the step's event and the time-limit events it caused.
     */
    private static long step(ApiClient api, String user, String path, Object body, long previousVersion) {
        Response response = api.post(path, user, json(body), java.util.Map.of("If-Match",
                "\"" + previousVersion + "\""));
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        long version = response.json().get("version").asLong();
        assertThat(version).as(path).isGreaterThan(previousVersion);
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        return version;
    }
}
