package vn.childprotection.casetracker.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.orgunits.DemoTokens.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.signin.JwtSignInContext;

/**
 * The org units over HTTP: listed as of a day (default today), a statistics code only with a day, successors and
 * predecessors, reporting groups, and 409 {@code org-unit-not-valid} for a unit named on a day it did not exist,
 * also when thrown inside an Axon command handler. Runs in the platform's shared test context, signed in with
 * bearer tokens.
 */
class OrgUnitsApiTest extends JwtSignInContext {

    static final String UNITS = "/api/v1/org-units";

    @Test
    void the_units_listed_by_default_are_those_valid_today() {
        List<String> codes = codes(get(UNITS, "worker.xaanlao"));

        assertThat(codes).contains("31", "31-xa-an-lao", "31-phuong-phu-lien", "31-health-department",
                "31-xa-an-lao-culture-social").doesNotContain("313", "313-tt-an-lao", "313-labour-office");
    }

    @Test
    void a_statistics_code_names_a_unit_only_with_a_day() {
        ApiClient.Response before = get(UNITS + "?statisticsCode=11629&validOn=2024-05-01", "worker.xaanlao");
        ApiClient.Response after = get(UNITS + "?statisticsCode=11629&validOn=2026-05-01", "worker.xaanlao");

        assertThat(before.json()).hasSize(1);
        assertThat(before.json().get(0).get("code").asString()).isEqualTo("313-tt-an-lao");
        assertThat(before.json().get(0).get("nameVi").asString()).isEqualTo("Thị trấn An Lão");
        assertThat(after.json()).hasSize(1);
        assertThat(after.json().get(0).get("code").asString()).isEqualTo("31-xa-an-lao");
        assertThat(after.json().get(0).get("nameVi").asString()).isEqualTo("Xã An Lão");
        assertThat(codes(get(UNITS + "?statisticsCode=11629&all=true", "worker.xaanlao")))
                .containsExactlyInAnyOrder("313-tt-an-lao", "31-xa-an-lao");
    }

    @Test
    void each_unit_shows_its_successors_predecessors_basis_and_whether_confirmed() {
        JsonNode all = get(UNITS + "?all=true", "auditor.haiphong").json();
        JsonNode thaiSon = unit(all, "313-thai-son");
        JsonNode xaAnLao = unit(all, "31-xa-an-lao");

        assertThat(thaiSon.get("successors").valueStream().map(s -> s.get("code").asString()).toList())
                .containsExactly("31-xa-an-khanh", "31-xa-an-lao");
        assertThat(thaiSon.get("successors").get(0).get("how").asString()).isEqualTo("PART");
        assertThat(xaAnLao.get("predecessors").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("313-tt-an-lao", "313-tt-truong-son", "313-an-thang", "313-an-tien",
                        "313-tan-dan", "313-thai-son");
        assertThat(xaAnLao.get("basis").asString()).contains("1669/NQ-UBTVQH15");
        assertThat(xaAnLao.get("confirmed").asBoolean()).isTrue();
        assertThat(unit(all, "31-xa-an-lao-police").get("confirmed").asBoolean()).isFalse();
    }

    @Test
    void every_unit_ever_and_one_day_cannot_be_asked_together() {
        ApiClient.Response response = get(UNITS + "?all=true&validOn=2026-05-01", "worker.xaanlao");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("all");
    }

    @Test
    void the_former_district_is_a_reporting_group_of_the_old_district_and_the_five_new_communes() {
        JsonNode groups = get(UNITS + "/reporting-groups", "dashboard.haiphong").json();

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("code").asString()).isEqualTo("former-313");
        assertThat(groups.get(0).get("members").valueStream().map(JsonNode::asString).toList())
                .containsExactly("313", "31-xa-an-lao", "31-xa-an-truong", "31-xa-an-quang", "31-xa-an-khanh",
                        "31-xa-an-hung");
    }

    @Test
    void a_commune_named_after_it_ended_is_refused_with_409_naming_the_successors_that_took_its_people() {
        ApiClient.Response split = post("/test/step?communeCode=313-thai-son&day=2026-01-10", "worker.xaanlao");
        ApiClient.Response landOnly = post("/test/step?communeCode=313-tt-truong-son&day=2026-01-10",
                "worker.xaanlao");

        assertThat(split.status()).isEqualTo(409);
        assertThat(split.isProblem()).isTrue();
        JsonNode problem = split.json();
        assertThat(problem.get("rule").asString()).isEqualTo("org-unit-not-valid");
        assertThat(problem.get("detail").asString()).contains("313-thai-son", "2026-01-10", "31-xa-an-khanh",
                "31-xa-an-lao");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("communeCode");
        assertThat(problem.get("successors").valueStream().map(s -> s.get("code").asString()).toList())
                .containsExactly("31-xa-an-khanh", "31-xa-an-lao");
        assertThat(problem.get("successors").get(0).get("nameVi").asString()).isEqualTo("Xã An Khánh");
        assertThat(problem.get("successors").get(0).get("validFrom").asString()).isEqualTo("2025-07-01");
        assertThat(problem.has("predecessors")).isFalse();
        assertThat(landOnly.json().get("successors").valueStream().map(s -> s.get("code").asString()).toList())
                .as("Phường Phù Liễn took land only").containsExactly("31-xa-an-lao");
    }

    @Test
    void a_commune_named_before_it_began_is_refused_with_409_naming_its_predecessors() {
        ApiClient.Response response = post("/test/step?communeCode=31-xa-an-hung&day=2025-03-01",
                "worker.xaanlao");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("rule").asString()).isEqualTo("org-unit-not-valid");
        assertThat(response.json().get("predecessors").valueStream().map(s -> s.get("code").asString()).toList())
                .containsExactlyInAnyOrder("313-an-thai", "313-an-tho", "313-chien-thang");
        assertThat(response.json().has("successors")).isFalse();
    }

    @Test
    void the_refusal_thrown_inside_a_command_handler_is_answered_the_same() {
        ApiClient.Response direct = post("/test/step?communeCode=313-an-thai&day=2026-01-10", "worker.xaanlao");
        ApiClient.Response fromHandler = post("/test/step-command?communeCode=313-an-thai&day=2026-01-10",
                "worker.xaanlao");

        assertThat(fromHandler.status()).isEqualTo(409);
        assertThat(fromHandler.isProblem()).isTrue();
        assertThat(fromHandler.json().get("successors")).isEqualTo(direct.json().get("successors"));
        assertThat(fromHandler.json().get("detail")).isEqualTo(direct.json().get("detail"));
        assertThat(post("/test/step-command?communeCode=31-xa-an-hung&day=2026-01-10", "worker.xaanlao")
                .body()).isEqualTo("31-xa-an-hung");
    }

    @Test
    void the_api_documentation_describes_the_org_unit_endpoints_with_examples() {
        // This context puts the document behind sign-in (casetracker.api-docs.access=authenticated).
        ApiClient.Response docs = api.getWithHeaders("/v3/api-docs",
                signedInAs("example.worker", "31-xa-an-lao", "COMMUNE_WORKER"));

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/org-units")).isTrue();
        assertThat(paths.has("/api/v1/org-units/reporting-groups")).isTrue();
        assertThat(paths.get("/api/v1/admin/org-units").has("put")).isTrue();
        assertThat(paths.has("/api/v1/admin/org-units/versions")).isTrue();
        assertThat(paths.get("/api/v1/org-units").get("get").get("parameters").valueStream()
                .filter(p -> p.get("name").asString().equals("statisticsCode")).findFirst().orElseThrow()
                .get("example").asString()).isEqualTo("11629");
    }

    private ApiClient.Response get(String path, String user) {
        return api.getWithHeaders(path, as(user));
    }

    private ApiClient.Response post(String path, String user) {
        return api.post(path, null, "", as(user));
    }

    static List<String> codes(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().forEach(u -> codes.add(u.get("code").asString()));
        return codes;
    }

    private static JsonNode unit(JsonNode units, String code) {
        return units.valueStream().filter(u -> u.get("code").asString().equals(code)).findFirst().orElseThrow();
    }
}
