package vn.childprotection.casetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Every org unit a command names is checked on the step's Vietnam day: a unit that had ceased is refused 409
 * {@code org-unit-not-valid} naming its successors, one that had not begun naming its predecessors, and nothing is
 * written. The same context as {@link CommandApiTest}.
 */
class OrgUnitValidityApiTest extends CommandHttpTest {

    private static final String WORKER = "worker.31-xa-an-lao";


    private static List<String> codes(Response answer, String member) {
        return answer.json().get(member).findValuesAsString("code");
    }

    private static void assertNotValid(Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("rule").asString()).isEqualTo("org-unit-not-valid");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void a_report_into_a_ceased_commune_is_refused_naming_its_successor() {
        Map<String, Object> body = CommandApiTest.report("Trẻ Sau Sáp Nhập");
        body.put("communeCode", "313-tt-an-lao");
        body.put("occurredAt", "2026-03-01T02:00:00Z");
        long before = eventCount();

        Response refused = api.post("/api/v1/cases", WORKER, json(body));

        assertNotValid(refused, "communeCode");
        assertThat(codes(refused, "successors")).containsExactly("31-xa-an-lao");
        assertThat(refused.json().get("successors").get(0).get("nameVi").asString()).isEqualTo("Xã An Lão");
        assertThat(refused.json().get("detail").asString()).contains("2026-03-01", "2025-06-30");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_report_into_a_new_commune_before_it_began_is_refused_naming_its_predecessors() {
        Map<String, Object> body = CommandApiTest.report("Trẻ Trước Sáp Nhập");
        body.put("occurredAt", "2025-03-01T02:00:00Z");
        long before = eventCount();

        Response refused = api.post("/api/v1/cases", WORKER, json(body));

        assertNotValid(refused, "communeCode");
        assertThat(codes(refused, "predecessors")).containsExactlyInAnyOrder("313-tt-an-lao", "313-an-tien",
                "313-an-thang", "313-tan-dan", "313-thai-son", "313-tt-truong-son");
        assertThat(refused.json().has("successors")).isFalse();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_day_is_the_vietnam_day_of_the_step_not_the_utc_day() {
        Map<String, Object> body = CommandApiTest.report("Trẻ Nửa Đêm");
        body.put("communeCode", "313-tt-an-lao");
        // 00:30 on 1 July 2025 in Vietnam, still 30 June in UTC.
        body.put("occurredAt", "2025-06-30T17:30:00Z");

        assertNotValid(api.post("/api/v1/cases", "worker.anlao", json(body)), "communeCode");
    }

    @Test
    void a_plan_naming_an_agency_that_had_ceased_is_refused_naming_its_successor() {
        String caseId = api.post("/api/v1/cases", WORKER, json(CommandApiTest.report("Trẻ Kế Hoạch"))).json()
                .get("caseId").asString();
        long before = eventCount();

        Response police = api.post("/api/v1/cases/" + caseId + "/plan", WORKER, json(object("interventions",
                List.of(object("measure", "LEGAL_AID", "agencyCode", "31-xa-an-lao-police", "dueDate", "2030-01-01"),
                        object("measure", "LEGAL_AID", "agencyCode", "313-police", "dueDate", "2030-01-01")))));
        Response notYet = api.post("/api/v1/cases/" + caseId + "/plan", WORKER, json(object(
                "occurredAt", "2025-03-01T02:00:00Z", "interventions", List.of(object("measure", "LEGAL_AID",
                        "agencyCode", "31-xa-an-lao-police", "dueDate", "2030-01-01")))));

        assertNotValid(police, "interventions[1].agencyCode");
        assertThat(codes(police, "successors")).containsExactly("31-police");
        assertNotValid(notYet, "interventions[0].agencyCode");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_transfer_to_and_a_reassignment_to_a_ceased_unit_are_refused() {
        String caseId = api.post("/api/v1/cases", WORKER, json(CommandApiTest.report("Trẻ Chuyển"))).json()
                .get("caseId").asString();
        long before = eventCount();

        Response transfer = api.post("/api/v1/cases/" + caseId + "/transfer", WORKER,
                json(object("toCommuneCode", "313-an-thai")));
        Response reassignment = api.post("/api/v1/cases/" + caseId + "/interventions/iv-1/reassignment",
                "coordinator", json(object("toAgencyCode", "313-health-centre")));

        assertNotValid(transfer, "toCommuneCode");
        assertThat(codes(transfer, "successors")).containsExactly("31-xa-an-hung");
        assertNotValid(reassignment, "toAgencyCode");
        assertThat(eventCount()).isEqualTo(before);
    }
}
