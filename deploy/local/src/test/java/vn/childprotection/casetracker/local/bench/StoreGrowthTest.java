package vn.childprotection.casetracker.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;
import vn.childprotection.casetracker.query.admin.ProjectionRebuilds;
import vn.childprotection.casetracker.query.admin.RebuildState;
import vn.childprotection.casetracker.query.admin.RebuildStatus;

/**
 * The store growth of benchmarks: three cases entered through the API are cloned into six more, each a case of its
 * own (fresh ids, a fresh child and child key, its own schedules) that reads back like its template, in a store
 * whose chain still verifies; a growth that pauses the projections appends while their processors are stopped, and
 * they catch up afterwards. The first test counts rows of the whole store, so it runs first. The context is its
 * own (growth enabled) and closed after the class, so the shared one is never paused for it (see spring.properties).
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casetracker.database.embedded.ephemeral=true",
                "casetracker.bench.store-growth.enabled=true", "casetracker.bench.store-growth.batch-cases=4",
                // the floor projection, as deploy/bench/scale.sh starts it
                "casetracker.bench.floor-projection.enabled=true",
                "axon.eventhandling.processors.bench-floor.mode=pooled",
                "axon.eventhandling.processors.bench-floor.initial-segment-count=2",
                "axon.eventhandling.processors.bench-floor.thread-count=1",
                "axon.eventhandling.processors.bench-floor.batch-size=1000"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class StoreGrowthTest {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String PATH = "/api/v1/admin/store-growth";
    private static final String COORDINATOR = "coordinator.haiphong";
    private static final List<String> NAMES = List.of("Đỗ Văn Nhân Bản", "Lý Thị Mẫu Gốc", "Hà Minh Thử Nghiệm");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    @Order(1)
    void three_cases_grow_to_nine_that_read_like_their_templates_under_fresh_ids_and_keys() {
        ApiClient api = new ApiClient(port);
        Map<String, String> templates = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            templates.put(enterCase(api, NAMES.get(i), i), NAMES.get(i));
        }
        Map<String, List<String>> templateTypes = new HashMap<>();
        for (String caseId : templates.keySet()) {
            templateTypes.put(caseId, await().atMost(Duration.ofSeconds(30)).until(
                    () -> eventTypes(api, caseId), types -> types.size() == events(caseId)));
        }
        Set<String> templateUuids = uuidsOfEvents("aggregate_identifier = ANY(?)", templates.keySet());
        long templateEvents = count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(?)",
                templates.keySet());
        long schedulesBefore = count("SELECT count(*) FROM scheduled_tasks", null);
        long waiting = count("SELECT count(*) FROM scheduled_tasks WHERE execution_time > now() + interval '1 hour'",
                null);
        assertThat(waiting).as("the first template has time limits due in the future").isPositive();

        Response started = api.post(PATH, COORDINATOR, json(object("cases", 9)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo(PATH);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(PATH, COORDINATOR).json(),
                s -> !s.get("state").asString().equals("RUNNING"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FINISHED");
        assertThat(done.get("templateCases").asLong()).isEqualTo(3);
        assertThat(done.get("cases").asLong()).isEqualTo(9);
        assertThat(done.get("events").asLong()).as("each template cloned twice").isEqualTo(2 * templateEvents);
        assertThat(done.get("finishedAt").isNull()).isFalse();

        List<String> clones = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE sequence_number = 0 AND type = 'CaseFile' AND NOT aggregate_identifier = ANY(?)",
                String.class, (Object) templates.keySet().toArray(String[]::new));
        assertThat(clones).hasSize(6);
        // Clones of one transaction (four, then two) are interleaved: each one's first event before any one's second.
        List<Map<String, Object>> transactions = jdbc.queryForList("SELECT xmin::text AS tx, "
                + "count(*) FILTER (WHERE sequence_number = 0) AS clones, "
                + "max(global_index) FILTER (WHERE sequence_number = 0) AS last_first, "
                + "min(global_index) FILTER (WHERE sequence_number = 1) AS first_second FROM domain_event_entry "
                + "WHERE type = 'CaseFile' AND sequence_number IN (0, 1) AND NOT aggregate_identifier = ANY(?) "
                + "GROUP BY xmin::text ORDER BY clones DESC", (Object) templates.keySet().toArray(String[]::new));
        assertThat(transactions).extracting(t -> ((Number) t.get("clones")).intValue()).containsExactly(4, 2);
        assertThat(transactions).allSatisfy(t -> assertThat(((Number) t.get("last_first")).longValue())
                .as("%s", t).isLessThan(((Number) t.get("first_second")).longValue()));
        assertThat(uuidsOfEvents("NOT aggregate_identifier = ANY(?)", templates.keySet()))
                .as("no UUID of a template is reused in a clone").doesNotContainAnyElementsOf(templateUuids);
        List<String> children = jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'childId' "
                + "FROM domain_event_entry WHERE payload_type LIKE '%.CaseReported'", String.class);
        assertThat(new HashSet<>(children)).hasSize(9);
        assertThat(count("SELECT count(*) FROM child_key WHERE child_id = ANY(?) AND wrapped_key IS NOT NULL "
                + "AND kek_id IS NOT NULL AND key_material IS NULL", children))
                .as("every child has its own key, stored wrapped only").isEqualTo(9);
        assertThat(count("SELECT count(*) FROM known_child_case", null)).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM case_commune", null)).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM scheduled_tasks", null))
                .as("each clone waits on its template's future time limits").isEqualTo(schedulesBefore + 2 * waiting);

        Map<String, Integer> clonesByName = new HashMap<>();
        for (String clone : clones) {
            JsonNode file = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/cases/" + clone, COORDINATOR), r -> r.status() == 200).json();
            String name = file.get("child").get("name").asString();
            assertThat(NAMES).contains(name);
            assertThat(file.get("child").get("address").asString()).isEqualTo("Thôn " + name);
            clonesByName.merge(name, 1, Integer::sum);
            String template = templates.entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(api, clone),
                    types -> types.size() == templateTypes.get(template).size()))
                    .as("the clone's history has its template's event types in order")
                    .isEqualTo(templateTypes.get(template));
        }
        assertThat(clonesByName).isEqualTo(Map.of(NAMES.get(0), 2, NAMES.get(1), 2, NAMES.get(2), 2));

        long stored = count("SELECT count(*) FROM domain_event_entry", null);
        JsonNode verification = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/integrity/verification", "auditor.haiphong").json(),
                v -> v.get("events").asLong() >= stored);
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void a_growth_that_pauses_the_projections_appends_while_they_are_stopped_and_they_catch_up_after_it() {
        ApiClient api = new ApiClient(port);
        enterCase(api, "Phan Thị Tạm Dừng", 1);
        List<String> projectionGroups = api.get("/api/v1/admin/projections", COORDINATOR).json().valueStream()
                .map(p -> p.get("processingGroup").asString()).toList();
        assertThat(projectionGroups).as("the query side's eight and the floor this context runs").hasSize(9)
                .contains("case-file", "indicators", FloorProjection.GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> largestLag(api) == 0);
        List<String> before = caseIds();

        // Probe: on the growth's thread, as each batch of clones is appended, which processors run, health, lags.
        Map<String, Boolean> ranDuringGrowth = new ConcurrentHashMap<>();
        List<String> healthDuringGrowth = new CopyOnWriteArrayList<>();
        List<Long> smallestLagDuringGrowth = new CopyOnWriteArrayList<>();
        List<String> probed = new java.util.ArrayList<>(projectionGroups);
        probed.addAll(List.of("known-children", "case-communes"));
        Registration probe = eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                if (Thread.currentThread().getName().equals("store-growth")) {
                    probed.forEach(group -> ranDuringGrowth.merge(group, processing.eventProcessor(group)
                            .map(EventProcessor::isRunning).orElse(false), Boolean::logicalOr));
                    healthDuringGrowth.add(api.get("/actuator/health", COORDINATOR).json().get("status").asString());
                    smallestLagDuringGrowth.add(api.get("/api/v1/admin/projections", COORDINATOR).json().valueStream()
                            .mapToLong(p -> p.get("lag").asLong()).min().orElse(-1));
                }
                return (index, message) -> message;
            }
        });
        JsonNode done;
        try {
            Response started = api.post(PATH, COORDINATOR,
                    json(object("cases", before.size() + 9, "pauseProjections", true)));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(PATH, COORDINATOR).json(),
                    s -> !s.get("state").asString().equals("RUNNING"));
        } finally {
            probe.cancel();
        }
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FINISHED");
        assertThat(done.get("projectionsPaused").asBoolean()).as("started again at the end").isFalse();
        assertThat(done.get("projectionsResumedAt").isNull()).as(done.toString()).isFalse();
        assertThat(healthDuringGrowth).as("one probe per batch of 4 clones").hasSize(3).containsOnly("UP");
        assertThat(smallestLagDuringGrowth.get(2))
                .as("every projection is behind by the first two batches when the third is appended")
                .isPositive();
        Map<String, Boolean> expected = new HashMap<>();
        projectionGroups.forEach(group -> expected.put(group, false));
        expected.put("known-children", true);
        expected.put("case-communes", true);
        assertThat(ranDuringGrowth).as("projections stopped, the command side's subscribing processors running")
                .isEqualTo(expected);

        await().atMost(Duration.ofSeconds(60)).until(() -> largestLag(api) == 0);
        assertThat(api.get("/api/v1/admin/projections", COORDINATOR).json().valueStream()
                .allMatch(p -> p.get("processorRunning").asBoolean())).isTrue();
        List<String> clones = caseIds().stream().filter(id -> !before.contains(id)).toList();
        assertThat(clones).hasSize(9);
        for (String clone : clones) {
            Response file = api.get("/api/v1/cases/" + clone, COORDINATOR);
            assertThat(file.status()).as(file.body()).isEqualTo(200);
            assertThat(file.json().get("child").get("name").asString()).isNotBlank();
        }
    }

    @Test
    void the_floor_projection_is_configured_as_the_real_ones_and_rebuilds_writing_nothing() {
        ApiClient api = new ApiClient(port);
        enterCase(api, NAMES.get(0), 0);
        assertThat(processing.eventProcessor(FloorProjection.GROUP).orElseThrow())
                .isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(count("SELECT count(*) FROM token_entry WHERE processor_name = '" + FloorProjection.GROUP + "'",
                null)).as("segments").isEqualTo(2);

        rebuilds.start(FloorProjection.GROUP);
        RebuildStatus done = await().atMost(Duration.ofSeconds(60)).until(
                () -> rebuilds.status(FloorProjection.GROUP).orElseThrow(), s -> !s.state().active());

        assertThat(done.state()).as("%s", done).isEqualTo(RebuildState.DONE);
        assertThat(done.eventsDone()).as("%s", done).isPositive();
        assertThat(count("SELECT count(*) FROM " + FloorProjection.TABLE, null)).isZero();
    }

    @Test
    void bad_bodies_and_other_roles_are_refused_start_nothing_and_the_api_document_omits_it() {
        ApiClient api = new ApiClient(port);
        long present = count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.CaseReported'",
                null);
        for (String body : List.of("{}", "{\"cases\": null}", "{\"cases\": \"9\"}", "{\"cases\": 9.5}",
                "{\"cases\": 1000001}", "{\"cases\": -1}", "[9]", "not json",
                "{\"cases\": " + (present - 1) + "}", "{\"cases\": 9, \"extra\": 1}",
                "{\"cases\": " + present + ", \"pauseProjections\": \"true\"}",
                "{\"cases\": " + present + ", \"pauseProjections\": 1}")) {
            Response refused = api.post(PATH, COORDINATOR, body);
            assertThat(refused.status()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).as(body).isTrue();
        }
        Response worker = api.post(PATH, "worker.xaanlao", json(object("cases", present)));
        assertThat(worker.status()).isEqualTo(403);
        assertThat(worker.json().get("rule").asString()).isEqualTo("role-not-allowed");
        assertThat(api.get(PATH, "auditor.haiphong").status()).isEqualTo(403);
        Response document = api.get("/v3/api-docs", COORDINATOR);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).as("no part of the API contract").doesNotContain("store-growth");
        JsonNode status = api.get(PATH, COORDINATOR).json();
        assertThat(status.get("state").asString()).isIn("IDLE", "FINISHED");
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.CaseReported'", null))
                .isEqualTo(present);
    }

    /** A case with personal data; the first also with a plan whose time limits fall due in the future. */
    private static String enterCase(ApiClient api, String name, int index) {
        Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "HOTLINE_111",
                "abuseForms", List.of("VIOLENCE"), "setting", "FAMILY",
                "child", object("name", name, "ageYears", 7 + index, "sex", index == 1 ? "FEMALE" : "MALE",
                        "address", "Thôn " + name),
                "reporter", object("consentToRecordIdentity", false),
                "narrative", "Tường thuật thử số " + index)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseId = created.json().get("caseId").asString();
        String base = "/api/v1/cases/" + caseId;
        if (index < 2) {
            assertThat(api.post(base + "/initial-assessment", "worker.xaanlao", json(object("riskLevel", "MEDIUM",
                    "emergency", false, "notes", "Ghi chú " + name))).status()).isEqualTo(200);
        }
        if (index == 0) {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(api.post(base + "/detailed-assessment", "worker.xaanlao", json(object("riskLevel", "MEDIUM",
                    "findings", "Cần hỗ trợ"))).status()).isEqualTo(200);
            assertThat(api.post(base + "/plan", "worker.xaanlao", json(object("goals", "An toàn",
                    "interventions", List.of(object("interventionId", "therapy", "measure",
                            "PSYCHOLOGICAL_THERAPY", "agencyCode", "31-xa-an-lao-health-station",
                            "dueDate", today.plusDays(30).toString()))))).status()).isEqualTo(200);
        }
        return caseId;
    }

    private static long largestLag(ApiClient api) {
        return api.get("/api/v1/admin/projections", COORDINATOR).json().valueStream()
                .mapToLong(p -> p.get("lag").asLong()).max().orElseThrow();
    }

    private List<String> caseIds() {
        return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE sequence_number = 0 AND type = 'CaseFile'", String.class);
    }

    private static List<String> eventTypes(ApiClient api, String caseId) {
        Response history = api.get("/api/v1/cases/" + caseId + "/history", "auditor.haiphong");
        if (history.status() != 200) {
            return List.of();
        }
        return history.json().get("entries").valueStream().map(e -> e.get("eventType").asString()).toList();
    }

    private long events(String caseId) {
        return count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY(?)", Set.of(caseId));
    }

    private long count(String sql, java.util.Collection<String> ids) {
        Long count = ids == null ? jdbc.queryForObject(sql, Long.class)
                : jdbc.queryForObject(sql, Long.class, (Object) ids.toArray(String[]::new));
        return count == null ? 0 : count;
    }

    /** Every UUID in the ids, payloads and metadata of the events selected. */
    private Set<String> uuidsOfEvents(String where, Set<String> caseIds) {
        List<String> texts = jdbc.query("SELECT aggregate_identifier, event_identifier, payload, meta_data "
                + "FROM domain_event_entry WHERE type = 'CaseFile' AND " + where,
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + new String(rs.getBytes(3), StandardCharsets.UTF_8) + " "
                        + new String(rs.getBytes(4), StandardCharsets.UTF_8),
                (Object) caseIds.toArray(String[]::new));
        return texts.stream().flatMap(text -> {
            Matcher matcher = UUID.matcher(text);
            return matcher.results().map(m -> m.group().toLowerCase());
        }).collect(Collectors.toSet());
    }
}
