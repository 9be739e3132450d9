package vn.childprotection.casetracker.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.casetracker.orgunits.DemoTokens.as;
import static vn.childprotection.casetracker.orgunits.OrgUnitsApiTest.codes;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * A new list of org units loaded by an administrator over HTTP: only a coordinator of the city (or of an agency
 * directly under it) may; a broken list is refused naming its problems and records nothing; a valid one is recorded
 * as an event with the actor's metadata and is in force at once, while a list asked as of before answers the old
 * one; the list downloaded loads again with its ETag; a second loading of one version is refused by the event
 * store's key; a new registry reads the same history back. Runs in the platform's shared test context.
 */
class OrgUnitLoadingApiTest extends JwtSignInContext {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "coordinator.haiphong";
    static final String UNITS = "/api/v1/org-units";

    @Autowired
    OrgUnitRegistry registry;
    @Autowired
    ObjectProvider<EventStore> eventStore;
    @Autowired
    JdbcTemplate jdbc;

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

    private ApiClient.Response put(String path, String user, String body) {
        return put(path, user, body, Map.of());
    }

    private ApiClient.Response put(String path, String user, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(as(user));
        return api.put(path, null, body, all);
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
}
