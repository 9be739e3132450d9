package vn.childprotection.casetracker.command.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.command.web.CommandHttpTest;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Recording a commune's figures for the plan's targets over real HTTP, on a real (embedded) PostgreSQL.
 */
class CommuneTargetsApiTest extends CommandHttpTest {


    static Map<String, Object> figures(Object under6, Object withCard, Object eligible, Object received) {
        return object("occurredAt", "2025-11-10T09:00:00Z",
                "childrenUnder6", under6, "childrenUnder6WithHealthInsuranceCard", withCard,
                "congenitalHeartDiseaseEligible", eligible, "congenitalHeartDiseaseReceived", received,
                "childFriendlyCommune", true, "actionMonthHeld", true, "midAutumnFestivalHeld", true,
                "childrenForumHeld", null);
    }

    Response put(String path, String user, String body) {
        return new ApiClient(port).put(path, user, body);
    }

    Response put(String path, String user, String body, Map<String, String> headers) {
        return new ApiClient(port).put(path, user, body, headers);
    }

    long recordingsOf(String communeCode, int year) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "targets:" + communeCode + ":" + year);
    }

    @Test
    void the_commune_records_its_figures_and_revises_them_with_who_did_it() {
        String path = "/api/v1/targets/2025/communes/313-an-thai";

        Response first = put(path, "worker.313-an-thai", json(figures(412, 398, 3, 2)));
        Response revision = put(path, "chair.313-an-thai", json(figures(415, 410, 3, 3)),
                Map.of("If-Match", "\"1\""));
        Response byCoordinator = put(path, "coordinator", json(figures(415, 411, null, null)));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("communeCode").asString()).isEqualTo("313-an-thai");
        assertThat(first.json().get("year").asInt()).isEqualTo(2025);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(revision.status()).as(revision.body()).isEqualTo(200);
        assertThat(revision.json().get("version").asLong()).isEqualTo(2);
        assertThat(byCoordinator.status()).as(byCoordinator.body()).isEqualTo(200);
        assertThat(byCoordinator.json().get("version").asLong()).isEqualTo(3);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT type, convert_from(payload, 'UTF8') AS payload, "
                + "convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", "targets:313-an-thai:2025");
        assertThat(rows).hasSize(3);
        assertThat((String) rows.get(0).get("type")).isEqualTo("CommuneYearTargets");
        assertThat((String) rows.get(0).get("payload")).contains("\"communeCode\":\"313-an-thai\"",
                "\"year\":2025", "\"childrenUnder6\":412", "\"childrenUnder6WithHealthInsuranceCard\":398",
                "\"childFriendlyCommune\":true", "\"occurredAt\":");
        assertThat((String) rows.get(0).get("meta")).contains("\"userId\":\"worker.313-an-thai\"",
                "\"orgUnit\":\"313-an-thai\"", "\"role\":\"COMMUNE_WORKER\"");
        assertThat((String) rows.get(1).get("meta")).contains("\"role\":\"COMMUNE_CHAIR\"");
        assertThat((String) rows.get(2).get("meta")).contains("\"userId\":\"coordinator\"",
                "\"role\":\"COORDINATOR\"");
        assertThat((String) rows.get(2).get("payload")).contains("\"congenitalHeartDiseaseEligible\":null");
    }

    @Test
    void sending_the_same_figures_again_records_nothing_and_a_stale_if_match_is_refused() {
        String path = "/api/v1/targets/2025/communes/313-an-tho";
        String body = json(figures(200, 190, 1, 1));

        Response first = put(path, "worker.313-an-tho", body);
        Response again = put(path, "worker.313-an-tho", body);
        Response stale = put(path, "worker.313-an-tho", json(figures(201, 190, 1, 1)), Map.of("If-Match", "\"5\""));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.json().get("rule").asString()).isEqualTo("version-conflict");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(recordingsOf("313-an-tho", 2025)).isEqualTo(1);
    }

    @Test
    void someone_outside_the_commune_or_the_coordination_is_refused_with_403_and_nothing_is_written() {
        String path = "/api/v1/targets/2025/communes/313-bat-trang";
        long before = eventCount();

        List<Response> refused = List.of(
                put(path, "worker.anlao", json(figures(100, 90, 1, 1))),
                put(path, "police", json(figures(100, 90, 1, 1))),
                put(path, "auditor", json(figures(100, 90, 1, 1))));
        // The dashboard writes nothing at all: refused at sign-in, before any permission of the targets.
        Response dashboard = put(path, "dashboard", json(figures(100, 90, 1, 1)));

        for (Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("rule").asString()).isEqualTo("role-not-allowed");
            assertThat(response.json().get("detail").asString()).contains("coordinator");
        }
        assertThat(dashboard.status()).isEqualTo(403);
        assertThat(dashboard.json().get("rule").asString()).isEqualTo("aggregates-only");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(recordingsOf("313-bat-trang", 2025)).isZero();
    }

    @Test
    void malformed_or_inconsistent_figures_are_refused_with_400_naming_the_field_and_nothing_is_written() {
        String path = "/api/v1/targets/2025/communes/313-quang-hung";
        String user = "worker.313-quang-hung";
        int nextYear = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue() + 1;
        Map<String, Object> missing = figures(100, 90, 1, 1);
        missing.remove("congenitalHeartDiseaseReceived");
        Map<String, Object> unknownField = figures(100, 90, 1, 1);
        unknownField.put("childrenUnder5", 3);
        long before = eventCount();

        record Case(String name, Response response, String field) {
        }
        List<Case> answers = List.of(
                new Case("received more than eligible", put(path, user, json(figures(100, 90, 2, 3))),
                        "congenitalHeartDiseaseReceived"),
                new Case("more cards than children", put(path, user, json(figures(100, 101, 2, 1))),
                        "childrenUnder6WithHealthInsuranceCard"),
                new Case("half pair: cards without children under 6", put(path, user,
                        json(figures(null, 90, 1, 1))), "childrenUnder6"),
                new Case("half pair: eligible without received", put(path, user, json(figures(100, 90, 2, null))),
                        "congenitalHeartDiseaseReceived"),
                new Case("negative count", put(path, user, json(figures(-1, null, null, null))), "childrenUnder6"),
                new Case("negative eligible", put(path, user, json(figures(null, null, -2, null))),
                        "congenitalHeartDiseaseEligible"),
                new Case("missing item", put(path, user, json(missing)), "congenitalHeartDiseaseReceived"),
                new Case("unknown field", put(path, user, json(unknownField)), "childrenUnder5"),
                new Case("wrong type", put(path, user, json(figures("many", 1, 1, 1))), "childrenUnder6"),
                new Case("malformed JSON", put(path, user, "{\"childrenUnder6\": "), "body"),
                new Case("unknown commune", put("/api/v1/targets/2025/communes/313-nowhere", "coordinator",
                        json(figures(100, 90, 1, 1))), "communeCode"),
                new Case("a district, not a commune", put("/api/v1/targets/2025/communes/313", "coordinator",
                        json(figures(100, 90, 1, 1))), "communeCode"),
                new Case("year too early", put("/api/v1/targets/1999/communes/313-quang-hung", user,
                        json(figures(100, 90, 1, 1))), "year"),
                new Case("year too late", put("/api/v1/targets/" + (nextYear + 1) + "/communes/313-quang-hung", user,
                        json(figures(100, 90, 1, 1))), "year"),
                new Case("year not a number", put("/api/v1/targets/next/communes/313-quang-hung", user,
                        json(figures(100, 90, 1, 1))), "year"),
                new Case("figures in the future", put(path, user,
                        json(object("occurredAt", "2999-01-01T00:00:00Z", "childrenUnder6", 1,
                                "childrenUnder6WithHealthInsuranceCard", 1, "congenitalHeartDiseaseEligible", null,
                                "congenitalHeartDiseaseReceived", null, "childFriendlyCommune", null,
                                "actionMonthHeld", null, "midAutumnFestivalHeld", null, "childrenForumHeld", null))),
                        "occurredAt"),
                new Case("bad If-Match", put(path, user, json(figures(100, 90, 1, 1)), Map.of("If-Match", "v1")),
                        "If-Match"));

        for (Case c : answers) {
            assertThat(c.response().status()).as(c.name() + ": " + c.response().body()).isEqualTo(400);
            assertThat(c.response().isProblem()).as(c.name()).isTrue();
            JsonNode problem = c.response().json();
            assertThat(problem.get("errors").findValuesAsString("field")).as(c.name()).contains(c.field());
            assertThat(c.response().body()).as(c.name()).doesNotContain("Exception", "\tat ");
        }
        assertThat(answers.get(6).response().json().get("detail").asString()).contains("required");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_year_may_be_recorded_in_advance_up_to_next_year() {
        int nextYear = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue() + 1;

        Response answer = put("/api/v1/targets/" + nextYear + "/communes/31-xa-an-khanh", "chair.31-xa-an-khanh",
                json(figures(null, null, null, null)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void a_commune_that_did_not_exist_during_the_year_is_refused_with_409_naming_its_successors_or_predecessors() {
        long before = eventCount();

        Response ceased = put("/api/v1/targets/2026/communes/313-my-duc", "coordinator",
                json(figures(100, 90, 1, 1)));
        Response notYet = put("/api/v1/targets/2024/communes/31-xa-an-khanh", "coordinator",
                json(figures(100, 90, 1, 1)));
        Response reformYear = put("/api/v1/targets/2025/communes/31-xa-an-khanh", "coordinator",
                json(figures(100, 90, 1, 1)));

        assertThat(ceased.status()).as(ceased.body()).isEqualTo(409);
        assertThat(ceased.isProblem()).isTrue();
        assertThat(ceased.json().get("rule").asString()).isEqualTo("org-unit-not-valid");
        assertThat(ceased.json().get("successors").findValuesAsString("code")).containsExactly("31-xa-an-khanh");
        assertThat(notYet.status()).as(notYet.body()).isEqualTo(409);
        assertThat(notYet.json().get("predecessors").findValuesAsString("code")).containsExactlyInAnyOrder(
                "313-my-duc", "313-tan-vien", "313-thai-son");
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(reformYear.status()).as("existed from 1/7/2025: " + reformYear.body()).isEqualTo(200);
    }

    @Test
    void the_openapi_document_describes_the_request_with_required_items_and_examples() {
        JsonNode doc = new ApiClient(port).get("/v3/api-docs", null).json();
        JsonNode put = doc.get("paths").get("/api/v1/targets/{year}/communes/{communeCode}").get("put");
        assertThat(put.get("requestBody").get("required").asBoolean()).isTrue();
        String ref = put.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
                .asString();
        JsonNode schema = doc.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));

        assertThat(schema.get("required").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder(
                "childrenUnder6", "childrenUnder6WithHealthInsuranceCard", "congenitalHeartDiseaseEligible",
                "congenitalHeartDiseaseReceived", "childFriendlyCommune", "actionMonthHeld", "midAutumnFestivalHeld",
                "childrenForumHeld");
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            assertThat(property.getValue().has("example")).as(property.getKey() + " has an example").isTrue();
        }
    }
}
