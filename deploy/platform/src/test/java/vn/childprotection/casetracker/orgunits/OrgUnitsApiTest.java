package vn.childprotection.casetracker.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.platform.orgunits.LoadOrgUnitsRequest;
import vn.childprotection.casetracker.platform.orgunits.OrgStructureConflict;
import vn.childprotection.casetracker.platform.orgunits.OrgStructureLoader;
import vn.childprotection.casetracker.platform.orgunits.OrgStructureVersion;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.signin.JwtSignInContext;

/**
 * The org units over HTTP: listed as of a day (default today) and as of an instant, 409 {@code org-unit-not-valid}
 * for a unit named on a day it did not exist (also from inside a command handler), and a new list loaded by an
 * administrator: recorded as an event, in force at once, the old list still answered as of before, read back the
 * same by a new registry, and a second loading of the same version refused by the event store. Runs in the
 * platform's shared test context, signed in with bearer tokens.
 */
class OrgUnitsApiTest extends JwtSignInContext {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "coordinator.haiphong";
    static final String UNITS = "/api/v1/org-units";
    /** The demo users of the structure in force, and the earlier coordinator: org unit and role. */
    static final Map<String, List<String>> USERS = Map.of(
            "worker.xaanlao", List.of("31-xa-an-lao", "COMMUNE_WORKER"),
            "coordinator.xaanlao", List.of("31-xa-an-lao-culture-social", "COORDINATOR"),
            "coordinator.haiphong", List.of("31-health-department", "COORDINATOR"),
            "auditor.haiphong", List.of("31", "AUDITOR"),
            "dashboard.haiphong", List.of("31", "DASHBOARD"),
            "coordinator", List.of("313-labour-office", "COORDINATOR"));

    @Autowired
    OrgUnitRegistry registry;
    @Autowired
    ObjectProvider<EventStore> eventStore;
    @Autowired
    JdbcTemplate jdbc;

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
    void only_a_coordinator_of_the_city_or_of_an_agency_directly_under_it_loads_a_list() {
        String body = JSON.writeValueAsString(request("Thử nghiệm", "31-xa-an-lao-youth-union"));
        int before = events();

        for (String user : List.of("worker.xaanlao", "coordinator.xaanlao", "auditor.haiphong", "coordinator",
                "dashboard.haiphong")) {
            ApiClient.Response response = put("/api/v1/admin/org-units", user, body);
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.isProblem()).as(user).isTrue();
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_loaded_list_is_recorded_in_force_at_once_and_earlier_instants_keep_the_list_known_then()
            throws IOException {
        OrgUnitRegistry stale = newRegistry();
        int before = registry.history().latest().version();
        ObjectNode broken = request("Sai", "31-xa-an-lao-youth-union");
        ((ObjectNode) broken.get("orgUnits").get(broken.get("orgUnits").size() - 1)).put("parentCode", "30");

        ApiClient.Response refused = put("/api/v1/admin/org-units", ADMIN, JSON.writeValueAsString(broken));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("problem").asString())
                .isEqualTo("31-xa-an-lao-youth-union: its parent 30 is not a unit of the list");
        assertThat(events()).isEqualTo(before);
        ObjectNode withoutBasis = request("", "31-xa-an-lao-youth-union");
        withoutBasis.remove("legalBasis");
        ApiClient.Response noBasis = put("/api/v1/admin/org-units", ADMIN, JSON.writeValueAsString(withoutBasis));
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(noBasis.json().get("errors").get(0).get("field").asString()).isEqualTo("legalBasis");
        assertThat(events()).isEqualTo(before);

        ApiClient.Response loaded = put("/api/v1/admin/org-units", ADMIN,
                JSON.writeValueAsString(request("Quyết định thử nghiệm 1/2026", "31-xa-an-lao-youth-union")));

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().get("version").asInt()).isEqualTo(before + 1);
        assertThat(loaded.json().get("loadedBy").asString()).isEqualTo(ADMIN);
        assertThat(loaded.json().get("sha256").asString()).matches("[0-9a-f]{64}");
        Instant recordedAt = Instant.parse(loaded.json().get("recordedAt").asString());
        Map<String, Object> row = jdbc.queryForMap("SELECT type, sequence_number, payload_type, "
                + "convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry WHERE aggregate_identifier = "
                + "'org-structure' ORDER BY sequence_number DESC LIMIT 1");
        assertThat(row.get("type")).isEqualTo("OrgStructure");
        assertThat(((Number) row.get("sequence_number")).intValue()).isEqualTo(before);
        assertThat(row.get("payload_type").toString()).endsWith("OrgStructureChanged");
        assertThat(row.get("meta").toString()).contains("\"userId\":\"coordinator.haiphong\"",
                "\"role\":\"COORDINATOR\"", "\"orgUnit\":\"31-health-department\"");

        assertThat(codes(get(UNITS + "?validOn=2026-05-01", "worker.xaanlao")))
                .contains("31-xa-an-lao-youth-union");
        assertThat(codes(get(UNITS + "?validOn=2026-05-01&asOf=" + recordedAt.minusSeconds(1),
                "worker.xaanlao"))).contains("31-xa-an-lao").doesNotContain("31-xa-an-lao-youth-union");
        assertThat(get("/api/v1/admin/org-units/versions", "auditor.haiphong").json().valueStream()
                .map(v -> v.get("version").asInt()).toList()).endsWith(before, before + 1);

        ApiClient.Response outdated = put("/api/v1/admin/org-units", ADMIN,
                JSON.writeValueAsString(request("Cũ", "31-xa-an-lao-youth-union")), Map.of("If-Match",
                        "\"" + before + "\""));
        assertThat(outdated.status()).isEqualTo(409);
        assertThat(outdated.json().get("rule").asString()).isEqualTo("org-structure-changed");

        ApiClient.Response download = get("/api/v1/admin/org-units", ADMIN);
        assertThat(download.header("ETag")).isEqualTo("\"" + (before + 1) + "\"");
        assertThat(download.json().get("legalBasis").asString()).isEqualTo("Quyết định thử nghiệm 1/2026");
        ObjectNode edited = (ObjectNode) download.json();
        edited.put("legalBasis", "Quyết định thử nghiệm 2/2026");
        ApiClient.Response reloaded = put("/api/v1/admin/org-units", ADMIN, JSON.writeValueAsString(edited),
                Map.of("If-Match", download.header("ETag")));
        assertThat(reloaded.status()).as("the list downloaded loads again as it is").isEqualTo(200);
        assertThat(reloaded.json().get("version").asInt()).isEqualTo(before + 2);

        LoadOrgUnitsRequest sameVersion = JSON.treeToValue(request("Cùng lúc", "31-xa-an-lao-youth-union"),
                LoadOrgUnitsRequest.class);
        assertThatThrownBy(() -> new OrgStructureLoader(stale, Clock.systemUTC()).load(sameVersion,
                new Actor(ADMIN, "31-health-department", Role.COORDINATOR), null))
                .as("the store's unique key refuses a second loading of one version")
                .isInstanceOf(OrgStructureConflict.class);
        assertThat(events()).isEqualTo(before + 2);

        assertThat(newRegistry().history().versions()).extracting(OrgStructureVersion::summary)
                .containsExactlyElementsOf(registry.history().versions().stream().map(OrgStructureVersion::summary)
                        .toList());
    }

    private ApiClient.Response get(String path, String user) {
        return api.getWithHeaders(path, as(user));
    }

    private ApiClient.Response post(String path, String user) {
        return api.post(path, null, "", as(user));
    }

    private ApiClient.Response put(String path, String user, String body) {
        return put(path, user, body, Map.of());
    }

    private ApiClient.Response put(String path, String user, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(as(user));
        return api.put(path, null, body, all);
    }

    /** A fresh token (they expire) for one of {@link #USERS}. */
    private static Map<String, String> as(String user) {
        List<String> unitAndRole = USERS.get(user);
        return signedInAs(user, unitAndRole.get(0), unitAndRole.get(1));
    }

    private OrgUnitRegistry newRegistry() throws IOException {
        OrgUnitRegistry fresh = new OrgUnitRegistry(new ClassPathResource("orgunits/org-units.json"), eventStore,
                Duration.ZERO);
        fresh.start();
        return fresh;
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = "
                + "'org-structure'", Integer.class);
    }

    /** The shipped list with one agency of Xã An Lão added from 2026-01-01, as an administrator would load it. */
    private static ObjectNode request(String legalBasis, String newAgency) {
        try (var in = new ClassPathResource("orgunits/org-units.json").getInputStream()) {
            ObjectNode file = (ObjectNode) JSON.readTree(in);
            ArrayNode units = (ArrayNode) file.get("orgUnits");
            ObjectNode agency = units.addObject();
            agency.put("code", newAgency).put("type", "AGENCY").putNull("statisticsCode")
                    .put("nameVi", "Đoàn Thanh niên xã An Lão").put("nameEn", "Xa An Lao youth union")
                    .put("parentCode", "31-xa-an-lao").put("validFrom", "2026-01-01").putNull("validTo");
            agency.putArray("successors");
            agency.put("basis", legalBasis).put("confirmed", true);
            file.remove("source");
            file.put("legalBasis", legalBasis);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().forEach(u -> codes.add(u.get("code").asString()));
        return codes;
    }

    private static JsonNode unit(JsonNode units, String code) {
        return units.valueStream().filter(u -> u.get("code").asString().equals(code)).findFirst().orElseThrow();
    }
}
