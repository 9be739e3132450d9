package vn.childprotection.casetracker.query.succession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Cases open across the 2025 reform (Nghị quyết 1669/NQ-UBTVQH15): one of Xã Thái Sơn, split between Xã An Khánh
 * and Xã An Lão, waits in the coordinator's list until a person chooses; one of Xã Tân Viên, taken whole by Xã An
 * Khánh, never waits. Once carried over, each is the successor's in every view, as after an accepted transfer. The
 * module's clock stands at 2025-09-01, after the reform.
 */
class CarriedOverCaseViewsTest extends QuerySideIntegrationTest {

    private static final Instant REPORTED = Instant.parse("2025-05-10T02:00:00Z");
    /** 00:00 of 1/7/2025 in Vietnam. */
    private static final Instant REFORM = Instant.parse("2025-06-30T17:00:00Z");
    private static final String BASIS = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 49";
    private static final String LIST = "/api/v1/coordination/successor-choices?limit=1000";

    @Test
    void a_case_of_a_split_commune_waits_for_a_choice_then_is_the_chosen_successors_everywhere() {
        String caseId = newId("split");
        append(WORKER, REPORTED, reported(caseId, newId("child"), "313-thai-son", REPORTED));
        append(WORKER, REPORTED.plusSeconds(60), new InitialAssessmentRecorded(caseId, REPORTED.plusSeconds(60),
                RiskLevel.MEDIUM, false, null));
        Instant due = Instant.parse("2025-05-20T10:00:00Z");
        append(WORKER, REPORTED.plusSeconds(60), scheduled(caseId, REPORTED.plusSeconds(60), "PLAN_DRAFTING-1",
                DeadlineRule.PLAN_DRAFTING, due, "313-thai-son", null));
        appendBySystem("313-thai-son", due, new DeadlineMissed(caseId, due, "PLAN_DRAFTING-1",
                DeadlineRule.PLAN_DRAFTING, due, "313-thai-son", null));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(waiting(caseId))
                .hasValueSatisfying(item -> assertThat(item.get("overdueLimits").asLong()).isEqualTo(1)));
        JsonNode item = waiting(caseId).orElseThrow();
        assertThat(item.get("communeCode").asString()).isEqualTo("313-thai-son");
        assertThat(item.get("communeNameVi").asString()).isEqualTo("Xã Thái Sơn");
        assertThat(item.get("waitingSince").asString()).isEqualTo("2025-07-01");
        assertThat(item.get("reportedAt").asString()).isEqualTo("2025-05-10T02:00:00Z");
        assertThat(item.get("candidates").values()).extracting(c -> c.get("code").asString() + " "
                + c.get("nameVi").asString() + " " + c.get("confirmed").asBoolean())
                .containsExactly("31-xa-an-khanh Xã An Khánh true", "31-xa-an-lao Xã An Lão true");

        append(COORDINATOR, NOW.minusSeconds(3600), new CaseCarriedOver(caseId, REFORM, "313-thai-son",
                "31-xa-an-khanh", BASIS, true));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(waiting(caseId)).isEmpty());
        JsonNode file = awaitCaseFile(caseId, 5);
        assertThat(file.get("communeCode").asString()).isEqualTo("31-xa-an-khanh");
        assertThat(file.get("transfers").size()).as("a carry-over is not a transfer").isZero();
        JsonNode carried = file.get("carryOvers").get(0);
        assertThat(carried.get("fromCommuneCode").asString()).isEqualTo("313-thai-son");
        assertThat(carried.get("toCommuneCode").asString()).isEqualTo("31-xa-an-khanh");
        assertThat(carried.get("carriedOverAt").asString()).isEqualTo("2025-06-30T17:00:00Z");
        assertThat(carried.get("legalBasis").asString()).isEqualTo(BASIS);
        assertThat(carried.get("chosenByPerson").asBoolean()).isTrue();
        assertThat(file.get("deadlines").get(0).get("responsibleOrgUnit").asString()).isEqualTo("31-xa-an-khanh");

        assertThat(getAs("worker.31-xa-an-khanh", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        assertRefused(getAs("worker.313-thai-son", "/api/v1/cases/" + caseId), "outside-your-commune");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(overdue("31-xa-an-khanh", caseId))
                .extracting(i -> i.get("responsibleOrgUnit").asString() + " " + i.get("communeCode").asString())
                .containsExactly("31-xa-an-khanh 31-xa-an-khanh"));
        assertThat(overdue("313-thai-son", caseId)).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(registerOf("31-xa-an-khanh")).contains(caseId));
        assertThat(registerOf("313-thai-son")).doesNotContain(caseId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/audit-trail?caseId=" + caseId
                + "&action=CaseCarriedOver").get("items").values()).extracting(i -> i.get("summary").asString())
                .containsExactly("Chuyển tiếp sang đơn vị hành chính mới / Carried over to the successor unit: "
                        + "313-thai-son → 31-xa-an-khanh; căn cứ / basis: " + BASIS
                        + "; người dùng chọn / chosen by a person"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/cases/" + caseId + "/history")
                .get("entries").values()).extracting(e -> e.get("eventType").asString())
                .endsWith("CaseCarriedOver"));
    }

    @Test
    void a_case_of_a_commune_taken_whole_never_waits_and_its_work_follows_the_successor() {
        String caseId = newId("whole");
        String childId = newId("child");
        append(WORKER, REPORTED, reported(caseId, childId, "313-tan-vien", REPORTED));
        append(WORKER, REPORTED.plusSeconds(60), new SupportPlanDrafted(caseId, REPORTED.plusSeconds(60), 1,
                List.of(new PlannedIntervention("i-1", InterventionMeasure.PSYCHOLOGICAL_THERAPY, "313-health-centre",
                        LocalDate.parse("2025-10-01"), null)), null));
        append(CHAIR, REPORTED.plusSeconds(120), new SupportPlanApproved(caseId, REPORTED.plusSeconds(120), 1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(registerOf("313-tan-vien")).contains(caseId));
        assertThat(waiting(caseId)).as("Tân Viên went whole to An Khánh: nobody has to choose").isEmpty();

        appendBySystem("313-tan-vien", NOW.minusSeconds(3600), new CaseCarriedOver(caseId, REFORM, "313-tan-vien",
                "31-xa-an-khanh", BASIS, false));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(PageWalk.rows(this::getJson,
                "/api/v1/agencies/313-health-centre/work-queue", "items")).filteredOn(i -> i.get("caseId").asString().equals(caseId))
                .extracting(i -> i.get("communeCode").asString()).containsExactly("31-xa-an-khanh"));
        JsonNode file = awaitCaseFile(caseId, 4);
        assertThat(file.get("carryOvers").get(0).get("chosenByPerson").asBoolean()).isFalse();
        assertThat(getAs("worker.31-xa-an-khanh", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        assertRefused(getAs("worker.313-tan-vien", "/api/v1/cases/" + caseId), "outside-your-commune");
    }

    @Test
    void the_waiting_cases_are_paged_oldest_report_first_and_counted_on_the_first_page() {
        List<String> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String caseId = newId("split-page");
            // Two cases per report instant: the case id decides between them.
            Instant at = REPORTED.plusSeconds(3600L * (i / 2));
            String commune = i % 2 == 0 ? "313-thai-son" : "313-tt-truong-son";
            append(WORKER, at, reported(caseId, newId("child"), commune, at));
            opened.add(caseId);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(LIST).get("items").values())
                .extracting(c -> c.get("caseId").asString()).containsAll(opened));
        List<String> whole = getJson(LIST).get("items").values().stream().map(c -> c.get("caseId").asString())
                .toList();
        JsonNode first = getJson("/api/v1/coordination/successor-choices?limit=3");
        assertThat(first.get("total").asLong()).isEqualTo(jdbc.queryForObject("""
                SELECT count(*) FROM risk_register
                WHERE commune_code IN ('313-thai-son', '313-tt-truong-son') AND status <> 'CLOSED'""", Long.class));
        List<JsonNode> pages = PageWalk.pages(this::getJson, "/api/v1/coordination/successor-choices?limit=1");
        assertThat(pages.stream().flatMap(p -> p.get("items").values().stream()).map(c -> c.get("caseId").asString())
                .toList()).doesNotHaveDuplicates().containsExactlyElementsOf(whole);
        assertThat(pages.subList(1, pages.size())).allSatisfy(p -> assertThat(p.get("total").isNull()).isTrue());
        assertThat(whole.stream().filter(opened::contains).toList()).containsExactlyElementsOf(
                opened.stream().sorted(java.util.Comparator.comparing((String id) -> opened.indexOf(id) / 2)
                        .thenComparing(id -> id)).toList());
    }

    @Test
    void only_coordinators_read_the_list_and_a_bad_page_is_refused() {
        assertRefused(getAs("worker.anlao", LIST), "role-not-allowed");
        assertRefused(getAs("auditor", LIST), "role-not-allowed");
        assertRefused(getAs("dashboard", LIST), "aggregates-only");
        HttpResponse<String> retired = get("/api/v1/coordination/successor-choices?size=0&page=-1");
        assertThat(retired.statusCode()).isEqualTo(400);
        assertThat(retired.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(retired).get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("size", "page");
        HttpResponse<String> badPage = get("/api/v1/coordination/successor-choices?limit=0&cursor=AQAB");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(body(badPage).get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("limit", "cursor");
        JsonNode answer = getJson("/api/v1/coordination/successor-choices?limit=1");
        assertThat(answer.get("today").asString()).isEqualTo("2025-09-01");
        assertThat(answer.get("area").asString()).as("the coordinator of the old district's labour office")
                .isEqualTo("313");
        assertThat(answer.get("items").size()).isLessThanOrEqualTo(1);
    }

    private Optional<JsonNode> waiting(String caseId) {
        return getJson(LIST).get("items").values().stream()
                .filter(i -> i.get("caseId").asString().equals(caseId)).findFirst();
    }

    private List<JsonNode> overdue(String commune, String caseId) {
        return PageWalk.rows(this::getJson, "/api/v1/overdue?commune=" + commune, "items").stream()
                .filter(i -> i.get("caseId").asString().equals(caseId)).toList();
    }

    private List<String> registerOf(String commune) {
        return PageWalk.rows(this::getJson, "/api/v1/risk-register?commune=" + commune, "cases").stream()
                .map(e -> e.get("caseId").asString()).toList();
    }
}
