package vn.childprotection.casetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Over HTTP: withdrawing a transfer request, reporting a known child again, closing a duplicate report. Same
 * context as {@link CommandApiTest}.
 */
class CaseLifecycleApiTest extends CommandHttpTest {

    private static final String WORKER = "worker.31-xa-an-lao";
    private static final String CHAIR = "chair.31-xa-an-lao";
    private static final String AN_HUNG = "31-xa-an-hung";


    private Response report(String communeCode, String childId) {
        Map<String, Object> body = CommandApiTest.report("Đỗ Thị Lặp");
        body.put("communeCode", communeCode);
        if (childId != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) body.get("child");
            child.put("childId", childId);
        }
        return api.post("/api/v1/cases", "coordinator", json(body));
    }

    private String childOf(String caseId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'childId' FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId);
    }

    @Test
    void the_requesting_commune_withdraws_a_transfer_and_then_none_is_pending() {
        String caseId = report("31-xa-an-lao", null).json().get("caseId").asString();
        String base = "/api/v1/cases/" + caseId + "/transfer";
        assertThat(api.post(base, WORKER, json(object("toCommuneCode", AN_HUNG))).status()).isEqualTo(200);

        Response byReceiver = api.post(base + "/withdrawal", "worker." + AN_HUNG, json(object("reason", "x")));
        assertThat(byReceiver.status()).isEqualTo(403);
        Response withdrawn = api.post(base + "/withdrawal", WORKER,
                json(object("reason", "Gia đình ở lại")), Map.of("If-Match", "\"2\""));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("version").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 2", String.class, caseId))
                .isEqualTo("vn.childprotection.casetracker.events.TransferWithdrawn");

        Response again = api.post(base + "/withdrawal", WORKER, json(object("reason", "Rút lần hai")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("rule").asString()).isEqualTo("no-pending-transfer");
        Response accepted = api.post(base + "/decision", "chair." + AN_HUNG, json(object("decision", "ACCEPT")));
        assertThat(accepted.status()).isEqualTo(403);
        Response unknownField = api.post(base + "/withdrawal", WORKER, json(object("reason", "x", "why", "x")));
        Response noReason = api.post(base + "/withdrawal", WORKER, json(object()));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(eventsOf(caseId)).isEqualTo(3);
    }

    @Test
    void closing_withdraws_a_pending_transfer_and_a_new_request_after_reopening_is_accepted() {
        String caseId = report("31-xa-an-lao", null).json().get("caseId").asString();
        String base = "/api/v1/cases/" + caseId;
        assertThat(api.post(base + "/transfer", WORKER, json(object("toCommuneCode", AN_HUNG))).status())
                .isEqualTo(200);
        Response closed = api.post(base + "/closure", CHAIR, json(object("reasonCode", "MOVED_AWAY")));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("version").asLong()).isEqualTo(4);
        assertThat(api.post(base + "/reopening", WORKER, json(object("reason", "Có thông báo mới"))).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/transfer", WORKER, json(object("toCommuneCode", AN_HUNG))).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/transfer/decision", "chair." + AN_HUNG, json(object("decision", "ACCEPT")))
                .status()).isEqualTo(200);
    }

    @Test
    void a_report_names_a_child_its_commune_knows_and_no_other() {
        String first = report("31-xa-an-lao", null).json().get("caseId").asString();
        String childId = childOf(first);

        Response again = report("31-xa-an-lao", childId);
        assertThat(again.status()).isEqualTo(201);
        assertThat(childOf(again.json().get("caseId").asString())).isEqualTo(childId);

        long before = eventCount();
        Response elsewhere = report(AN_HUNG, childId);
        Response unknown = report("31-xa-an-lao", UUID.randomUUID().toString());
        for (Response refused : new Response[] {elsewhere, unknown}) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("rule").asString()).isEqualTo("child-not-known");
            assertThat(refused.json().toString()).doesNotContain(first);
        }
        Response malformed = report("31-xa-an-lao", "not-a-child-id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_transferred_case_makes_its_child_known_to_the_receiving_commune() {
        String caseId = report("31-xa-an-lao", null).json().get("caseId").asString();
        api.post("/api/v1/cases/" + caseId + "/transfer", WORKER, json(object("toCommuneCode", AN_HUNG)));
        assertThat(api.post("/api/v1/cases/" + caseId + "/transfer/decision", "chair." + AN_HUNG,
                json(object("decision", "ACCEPT"))).status()).isEqualTo(200);

        assertThat(report(AN_HUNG, childOf(caseId)).status()).isEqualTo(201);
    }

    @Test
    void the_migration_fills_the_known_children_from_events_stored_before_it() {
        String caseId = report("31-xa-an-lao", null).json().get("caseId").asString();
        String childId = childOf(caseId);
        api.post("/api/v1/cases/" + caseId + "/transfer", WORKER, json(object("toCommuneCode", AN_HUNG)));
        api.post("/api/v1/cases/" + caseId + "/transfer/decision", "chair." + AN_HUNG,
                json(object("decision", "ACCEPT")));
        api.post("/api/v1/cases/" + caseId + "/erasure", "chair." + AN_HUNG, json(object("legalBasis",
                "CONSENT_WITHDRAWN", "authorisationReference", "QĐ-02/2025")));
        jdbc.update("DELETE FROM known_child_case WHERE case_id = ?", caseId);
        jdbc.update("DELETE FROM known_child_commune WHERE child_id = ?", childId);
        jdbc.update("DELETE FROM erased_child WHERE child_id = ?", childId);

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/side/V2_3__known_children.sql"))
                .execute(jdbc.getDataSource());

        assertThat(jdbc.queryForObject("SELECT child_id FROM known_child_case WHERE case_id = ?", String.class,
                caseId)).isEqualTo(childId);
        assertThat(jdbc.queryForList("SELECT commune_code FROM known_child_commune WHERE child_id = ?",
                String.class, childId)).containsExactlyInAnyOrder("31-xa-an-lao", AN_HUNG);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM erased_child WHERE child_id = ?", Long.class,
                childId)).isEqualTo(1);
    }

    @Test
    void an_erased_child_cannot_be_reported_again() {
        String caseId = report("31-xa-an-lao", null).json().get("caseId").asString();
        String childId = childOf(caseId);
        assertThat(api.post("/api/v1/cases/" + caseId + "/erasure", CHAIR, json(object("legalBasis",
                "CONSENT_WITHDRAWN", "authorisationReference", "QĐ-01/2025"))).status()).isEqualTo(200);

        Response again = report("31-xa-an-lao", childId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asString()).isEqualTo("child-identity-erased");
    }

    @Test
    void a_duplicate_report_is_closed_naming_an_earlier_case_of_the_same_child() {
        String first = report("31-xa-an-lao", null).json().get("caseId").asString();
        String other = report("31-xa-an-lao", null).json().get("caseId").asString();
        String second = report("31-xa-an-lao", childOf(first)).json().get("caseId").asString();
        String closure = "/api/v1/cases/" + second + "/closure";

        Response missing = api.post(closure, CHAIR, json(object("reasonCode", "DUPLICATE_REPORT")));
        Response withOtherReason = api.post(closure, CHAIR, json(object("reasonCode", "MOVED_AWAY",
                "duplicateOfCaseId", first)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(withOtherReason.status()).isEqualTo(400);
        assertThat(missing.body()).contains("duplicateOfCaseId");
        for (String wrong : new String[] {other, second, UUID.randomUUID().toString()}) {
            Response refused = api.post(closure, CHAIR, json(object("reasonCode", "DUPLICATE_REPORT",
                    "duplicateOfCaseId", wrong)));
            assertThat(refused.status()).as(wrong).isEqualTo(409);
            assertThat(refused.json().get("rule").asString()).isEqualTo("duplicate-of-same-child");
        }
        assertThat(eventsOf(second)).isEqualTo(1);

        Response closed = api.post(closure, CHAIR, json(object("reasonCode", "DUPLICATE_REPORT",
                "duplicateOfCaseId", first)));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'duplicateOfCaseId' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", String.class,
                second)).isEqualTo(first);
    }
}
