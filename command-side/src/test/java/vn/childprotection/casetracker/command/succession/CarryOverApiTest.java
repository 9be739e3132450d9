package vn.childprotection.casetracker.command.succession;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import vn.childprotection.casetracker.command.casefile.CarryOverCase;
import vn.childprotection.casetracker.command.web.CommandHttpTest;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Cases open across the 2025 reform, over real HTTP on the real PostgreSQL: a step today carries a case of a ceased
 * commune to its successor; a split commune's case waits for a person's choice; the bulk carry-over moves the cases
 * nobody touches. The same context as the web tests.
 */
class CarryOverApiTest extends CommandHttpTest {

    private static final String CARRIED_OVER = "vn.childprotection.casetracker.events.CaseCarriedOver";


    @Autowired
    private CommandBus commandBus;

    /** A case reported on 1 March 2025, before the reform, by the worker of {@code commune}. */
    private String reportedBeforeReform(String commune) {
        Map<String, Object> body = object("occurredAt", "2025-03-01T02:00:00Z", "communeCode", commune,
                "category", "ABUSED", "channel", "HOTLINE_111", "abuseForms", List.of("VIOLENCE"),
                "setting", "FAMILY", "child", object("name", "Trần Văn Chuyển", "ageYears", 7, "sex", "MALE"),
                "reporter", object("consentToRecordIdentity", false));
        Response created = api.post("/api/v1/cases", "worker." + commune, json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseId").asString();
    }

    private Response assess(String caseId, String user) {
        return api.post("/api/v1/cases/" + caseId + "/initial-assessment", user,
                json(object("riskLevel", "LOW", "emergency", false)));
    }

    private Response choose(String caseId, String user, String commune) {
        return api.post("/api/v1/cases/" + caseId + "/successor-commune", user, json(object("communeCode", commune)));
    }

    private List<Map<String, Object>> carryOvers(String caseId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'toCommuneCode' AS to_commune, "
                + "convert_from(payload, 'UTF8')::jsonb ->> 'chosenByPerson' AS chosen, "
                + "convert_from(payload, 'UTF8')::jsonb ->> 'occurredAt' AS occurred_at FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number", caseId,
                CARRIED_OVER);
    }

    private Map<String, Object> caseCommune(String caseId) {
        return jdbc.queryForMap("SELECT commune_code, open FROM case_commune WHERE case_id = ?", caseId);
    }

    @Test
    void a_step_today_on_a_case_of_a_ceased_commune_carries_it_to_the_successor_first() {
        String caseId = reportedBeforeReform("313-an-thai");

        Response byOldWorker = assess(caseId, "worker.313-an-thai");
        Response bySuccessor = assess(caseId, "worker.31-xa-an-hung");

        assertThat(byOldWorker.status()).as(byOldWorker.body()).isEqualTo(403);
        assertThat(bySuccessor.status()).as(bySuccessor.body()).isEqualTo(200);
        assertThat(bySuccessor.json().get("version").asLong()).as("report, carry-over, assessment").isEqualTo(3);
        assertThat(carryOvers(caseId)).containsExactly(Map.of("to_commune", "31-xa-an-hung", "chosen", "false",
                "occurred_at", "2025-06-30T17:00:00Z"));
        assertThat(caseCommune(caseId)).isEqualTo(Map.of("commune_code", "31-xa-an-hung", "open", true));
        assertThat(jdbc.queryForMap("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'userId' AS user_id, "
                + "convert_from(meta_data, 'UTF8')::jsonb ->> 'role' AS role FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ?", caseId, CARRIED_OVER))
                .as("moved by law, not by the worker").isEqualTo(Map.of("user_id", "system", "role", "SYSTEM"));
    }

    @Test
    void a_split_communes_case_waits_for_a_choice_then_follows_the_commune_chosen() {
        String caseId = reportedBeforeReform("313-thai-son");

        Response waiting = assess(caseId, "worker.31-xa-an-khanh");
        Response notCandidate = choose(caseId, "coordinator", "31-xa-an-hung");
        Response otherChair = choose(caseId, "chair.31-xa-an-hung", "31-xa-an-khanh");
        Response unknown = choose(caseId, "coordinator", "31-nowhere");
        Response chosen = choose(caseId, "chair.31-xa-an-khanh", "31-xa-an-khanh");
        Response again = choose(caseId, "coordinator", "31-xa-an-lao");
        Response assessed = assess(caseId, "worker.31-xa-an-khanh");

        assertThat(waiting.status()).as(waiting.body()).isEqualTo(409);
        assertThat(waiting.json().get("rule").asString()).isEqualTo("successor-commune-to-choose");
        assertThat(waiting.json().get("successors").findValuesAsString("code"))
                .containsExactly("31-xa-an-khanh", "31-xa-an-lao");
        assertThat(notCandidate.status()).isEqualTo(409);
        assertThat(notCandidate.json().get("rule").asString()).isEqualTo("not-a-successor-commune");
        assertThat(otherChair.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("communeCode");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("version").asLong()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asString()).isEqualTo("commune-not-ended");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        assertThat(carryOvers(caseId)).containsExactly(Map.of("to_commune", "31-xa-an-khanh", "chosen", "true",
                "occurred_at", "2025-06-30T17:00:00Z"));
    }

    @Test
    void a_transfer_accepted_after_the_receiving_commune_ceased_is_refused_with_409_naming_its_successor() {
        String caseId = reportedBeforeReform("313-tt-an-lao");
        assertThat(api.post("/api/v1/cases/" + caseId + "/transfer", "worker.313-tt-an-lao", json(object(
                "toCommuneCode", "313-an-thai", "occurredAt", "2025-03-02T02:00:00Z"))).status()).isEqualTo(200);
        long before = eventCount();

        Response accepted = api.post("/api/v1/cases/" + caseId + "/transfer/decision", "chair.313-an-thai",
                json(object("decision", "ACCEPT")));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(409);
        assertThat(accepted.isProblem()).isTrue();
        assertThat(accepted.json().get("rule").asString()).isEqualTo("org-unit-not-valid");
        assertThat(accepted.json().get("successors").findValuesAsString("code")).containsExactly("31-xa-an-hung");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_bulk_carry_over_moves_untouched_open_cases_once_and_leaves_closed_and_split_ones() {
        String whole = reportedBeforeReform("313-quoc-tuan");
        String split = reportedBeforeReform("313-thai-son");
        String closed = reportedBeforeReform("313-tan-dan");
        assertThat(api.post("/api/v1/cases/" + closed + "/closure", "chair.313-tan-dan", json(object(
                "reasonCode", "MOVED_AWAY", "occurredAt", "2025-03-02T02:00:00Z"))).status()).isEqualTo(200);

        List<String> sentTo = new CopyOnWriteArrayList<>();
        Registration counting = commandBus.registerDispatchInterceptor(messages -> (i, message) -> {
            if (message.getPayload() instanceof CarryOverCase carryOver) {
                sentTo.add(carryOver.caseId());
            }
            return message;
        });
        Response byWorker;
        Response first;
        List<String> sentByFirst;
        Response second;
        try {
            byWorker = api.post("/api/v1/admin/org-units/carry-over", "worker.31-xa-an-lao", "");
            first = api.post("/api/v1/admin/org-units/carry-over", "coordinator", "");
            sentByFirst = List.copyOf(sentTo);
            sentTo.clear();
            second = api.post("/api/v1/admin/org-units/carry-over", "coordinator", "");
        } finally {
            counting.cancel();
        }

        assertThat(byWorker.status()).isEqualTo(403);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("carriedOver").asInt()).isPositive();
        assertThat(first.json().get("waitingForChoice").asInt()).isPositive();
        assertThat(first.json().get("failed").asInt()).isZero();
        assertThat(second.json().get("carriedOver").asInt()).as("nothing left to carry over").isZero();
        assertThat(second.json().get("waitingForChoice").asInt())
                .isEqualTo(first.json().get("waitingForChoice").asInt());
        assertThat(sentByFirst).as("a command to each case that moves, none to a split commune's case")
                .contains(whole).doesNotContain(split, closed).hasSize(first.json().get("carriedOver").asInt());
        assertThat(sentTo).as("the waiting cases are counted, not loaded, on every run").isEmpty();
        assertThat(carryOvers(whole)).containsExactly(Map.of("to_commune", "31-xa-an-quang", "chosen", "false",
                "occurred_at", "2025-06-30T17:00:00Z"));
        assertThat(carryOvers(split)).isEmpty();
        assertThat(carryOvers(closed)).isEmpty();
        assertThat(caseCommune(whole)).isEqualTo(Map.of("commune_code", "31-xa-an-quang", "open", true));
        assertThat(caseCommune(closed)).isEqualTo(Map.of("commune_code", "313-tan-dan", "open", false));
        assertThat(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'role' FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?", String.class, whole,
                CARRIED_OVER)).isEqualTo("SYSTEM");
    }

    @Test
    void the_migration_fills_the_case_communes_from_events_stored_before_it() {
        String moved = reportedBeforeReform("313-my-duc");
        assertThat(assess(moved, "worker.31-xa-an-khanh").status()).isEqualTo(200);
        String closed = reportedBeforeReform("313-tan-vien");
        assertThat(api.post("/api/v1/cases/" + closed + "/closure", "chair.313-tan-vien", json(object(
                "reasonCode", "MOVED_AWAY", "occurredAt", "2025-03-02T02:00:00Z"))).status()).isEqualTo(200);
        jdbc.update("DELETE FROM case_commune WHERE case_id IN (?, ?)", moved, closed);

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/side/V2_5__case_commune.sql"))
                .execute(jdbc.getDataSource());

        assertThat(caseCommune(moved)).isEqualTo(Map.of("commune_code", "31-xa-an-khanh", "open", true));
        assertThat(caseCommune(closed)).isEqualTo(Map.of("commune_code", "313-tan-vien", "open", false));
    }
}
