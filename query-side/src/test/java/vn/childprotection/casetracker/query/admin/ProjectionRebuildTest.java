package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.tally.KeptCountsOracle;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * Rebuilding a projection into shadow tables while the live one answers, and switching it in. Runs in the module's
 * shared context: the store already holds every other test class's events, and the rebuilt tables must come out
 * the same as the live ones.
 */
class ProjectionRebuildTest extends QuerySideIntegrationTest {

    private static final String ADMIN = "/api/v1/admin/projections";
    private static final Instant T0 = Instant.parse("2025-07-01T02:00:00Z");
    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(120);
    private static final String BULK_COMMUNE = "313-an-thang";

    @Autowired
    private List<ProjectionDefinition> definitions;

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private EventProcessingConfiguration processing;

    @AfterEach
    void noRebuildIsLeftRunning() {
        for (ProjectionDefinition projection : definitions) {
            await().atMost(REBUILD_PATIENCE).until(() -> rebuilds.status(projection.name())
                    .map(s -> !s.state().active()).orElse(true));
        }
    }

    @Test
    void every_projection_rebuilt_from_the_store_holds_the_rows_it_held_when_built_live() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, "313-an-thang", T0);
        append(CHAIR, T0.plus(Duration.ofHours(8)), scheduled(caseId, T0.plus(Duration.ofHours(5)),
                "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE, Instant.parse("2025-07-20T17:00:00Z"),
                "313-justice-office", "i-2"));
        awaitAllCaughtUp();
        Map<String, String> indexesBefore = indexDefinitionsByName();
        Map<String, String> storageBefore = columnStorage();
        assertThat(storageBefore).as("the case file's document stored uncompressed (V3_18)")
                .containsEntry("case_file.doc", "e");

        for (ProjectionDefinition projection : definitions) {
            Map<String, String> before = checksums(projection);

            HttpResponse<String> started = postAs(COORDINATOR.username(),
                    ADMIN + "/" + projection.name() + "/rebuild", "");
            assertThat(started.statusCode()).as("%s: %s", projection.name(), started.body()).isEqualTo(202);
            assertThat(started.headers().firstValue("Location")).hasValue(ADMIN + "/" + projection.name());
            assertThat(body(started).get("state").asString()).isIn("RUNNING", "SWITCHING", "DONE");
            JsonNode done = awaitRebuildFinished(projection.name());
            assertThat(done.get("state").asString()).as("%s: %s", projection.name(), done).isEqualTo("DONE");

            assertThat(checksums(projection)).as("rows of %s after the rebuild", projection.name())
                    .isEqualTo(before);
            assertLiveProcessorRunsAlone(projection);
        }
        assertThat(indexDefinitionsByName()).as("index names and definitions").isEqualTo(indexesBefore);
        assertThat(columnStorage()).as("each column's storage").isEqualTo(storageBefore);
        assertThat(KeptCountsOracle.differences(jdbc)).as("kept counts against a count of the rebuilt rows").isEmpty();
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%' "
                + "OR nspname LIKE 'retired\\_%'", String.class)).as("schemas left behind").isEmpty();

        // The rebuilt projections go on living: a later event reaches them.
        append(WORKER, T0.plus(Duration.ofHours(9)), new DetailedAssessmentRecorded(caseId,
                T0.plus(Duration.ofHours(9)), RiskLevel.HIGH, seal(childId, "Đánh giá lại")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM case_history WHERE case_id = ?", Long.class, caseId)).isEqualTo(10));
        awaitCaseFile(caseId, 10);
    }

    @Test
    void reads_keep_answering_during_a_rebuild_and_no_event_is_lost_or_doubled_across_the_switch() {
        EncryptedText sealed = seal("child-bulk", "x");
        List<String> bulk = appendBulkCases(800, sealed);
        await().atMost(REBUILD_PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM risk_register WHERE case_id LIKE 'bulk-%' AND version = 2", Long.class))
                .isEqualTo(bulk.size()));

        HttpResponse<String> started = postAs(COORDINATOR.username(), ADMIN + "/risk-register/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

        HttpResponse<String> again = postAs(COORDINATOR.username(), ADMIN + "/risk-register/rebuild", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(again).get("rule").asString()).isEqualTo("rebuild-running");

        // Events appended while the rebuild runs: a step of some bulk cases and new cases.
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String caseId = newId("during");
            added.add(caseId);
            append(WORKER, T0, bulkReported(caseId, sealed));
            append(WORKER, T0.plus(Duration.ofMinutes(1)), new DetailedAssessmentRecorded(bulk.get(i),
                    T0.plus(Duration.ofMinutes(1)), RiskLevel.LOW, sealed));
        }

        AtomicInteger readsWhileRebuilding = new AtomicInteger();
        List<Long> progress = new ArrayList<>();
        await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode status = getJson(ADMIN + "/risk-register");
            JsonNode rebuild = status.get("rebuild");
            String state = rebuild.get("state").asString();
            progress.add(rebuild.get("eventsDone").asLong());
            HttpResponse<String> read = get("/api/v1/risk-register?commune=" + BULK_COMMUNE);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(body(read).get("total").asLong()).isGreaterThanOrEqualTo(bulk.size());
            if (!"DONE".equals(state) && !"FAILED".equals(state)) {
                assertThat(status.get("state").asString()).isEqualTo("REBUILDING");
                readsWhileRebuilding.incrementAndGet();
            }
            return "DONE".equals(state) || "FAILED".equals(state);
        });
        assertThat(readsWhileRebuilding.get()).as("reads answered while rebuilding").isPositive();
        assertThat(progress).isSorted();

        JsonNode finished = getJson(ADMIN + "/risk-register");
        JsonNode rebuild = finished.get("rebuild");
        assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("DONE");
        assertThat(finished.get("state").asString()).isEqualTo("LIVE");
        assertThat(rebuild.get("eventsDone").asLong()).isEqualTo(rebuild.get("eventsTotal").asLong())
                .isGreaterThanOrEqualTo(bulk.size() * 2L);
        assertThat(rebuild.get("percent").asInt()).isEqualTo(100);
        assertThat(rebuild.get("rate").asDouble()).isPositive();
        assertThat(Instant.parse(rebuild.get("finishedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(rebuild.get("startedAt").asString()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM risk_register WHERE case_id IN ("
                    + placeholders(added.size()) + ") AND version = 1", Long.class, added.toArray()))
                    .as("cases reported during the rebuild").isEqualTo(added.size());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM risk_register WHERE case_id IN ("
                    + placeholders(20) + ") AND version = 3 AND risk_level = 'LOW'", Long.class,
                    bulk.subList(0, 20).toArray())).as("steps recorded during the rebuild").isEqualTo(20);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM risk_register WHERE case_id LIKE 'bulk-%' "
                + "OR case_id LIKE 'during-%'", Long.class)).isEqualTo(bulk.size() + added.size());

        // What the switch left equals a rebuild with nothing appended meanwhile.
        awaitCaughtUp("risk-register");
        ProjectionDefinition riskRegister = definition("risk-register");
        Map<String, String> afterSwitch = checksums(riskRegister);
        rebuilds.start("risk-register");
        assertThat(awaitRebuildFinished("risk-register").get("state").asString()).isEqualTo("DONE");
        assertThat(checksums(riskRegister)).isEqualTo(afterSwitch);
        assertLiveProcessorRunsAlone(riskRegister);
    }

    @Test
    void the_list_shows_every_projection_with_its_tables_state_and_lag() {
        JsonNode list = getJson(ADMIN);
        assertThat(list.values()).extracting(p -> p.get("name").asString())
                .contains("case-file", "case-history", "risk-register", "deadlines", "work-queue", "audit-trail");
        JsonNode workQueue = list.values().stream().filter(p -> p.get("name").asString().equals("work-queue"))
                .findFirst().orElseThrow();
        assertThat(workQueue.get("processingGroup").asString()).isEqualTo("work-queue");
        assertThat(workQueue.get("tables").values()).extracting(JsonNode::asString)
                .containsExactly("work_item", "work_plan_draft", "work_case");
        assertThat(workQueue.get("state").asString()).isEqualTo("LIVE");
        assertThat(workQueue.get("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(workQueue.get("processorRunning").asBoolean()).isTrue();
        assertThat(getAs("auditor", ADMIN + "/case-file").statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_projection_is_a_404_problem() {
        HttpResponse<String> status = get(ADMIN + "/no-such-projection");
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> rebuild = postAs(COORDINATOR.username(), ADMIN + "/no-such-projection/rebuild", "");
        assertThat(rebuild.statusCode()).isEqualTo(404);
        assertThat(rebuild.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(rebuild).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void only_coordinators_rebuild_and_only_coordinators_and_auditors_read_the_status() {
        assertRefused(postAs("auditor", ADMIN + "/risk-register/rebuild", ""), "role-not-allowed");
        assertRefused(postAs(WORKER.username(), ADMIN + "/risk-register/rebuild", ""), "role-not-allowed");
        assertRefused(getAs(WORKER.username(), ADMIN), "role-not-allowed");
        assertRefused(getAs("dashboard", ADMIN + "/risk-register"), "role-not-allowed");
        assertRefused(getAs(HEALTH.username(), ADMIN), "role-not-allowed");
        assertThat(rebuilds.status("risk-register").map(RebuildStatus::state).orElse(RebuildState.DONE))
                .isNotEqualTo(RebuildState.RUNNING);
    }

    /**
     * A table a LIKE copy cannot reproduce (here: a view depends on it, which the switch would carry away) is
     * refused before anything is created, and the live projection goes on as it was.
     */
    @Test
    void a_rebuild_that_cannot_be_done_fails_and_leaves_the_live_projection_as_it_was() {
        jdbc.execute("CREATE VIEW rebuild_test_view AS SELECT case_id FROM risk_register");
        try {
            Map<String, String> before = checksums(definition("risk-register"));
            HttpResponse<String> started = postAs(COORDINATOR.username(), ADMIN + "/risk-register/rebuild", "");
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode failed = awaitRebuildFinished("risk-register");
            assertThat(failed.get("state").asString()).isEqualTo("FAILED");
            assertThat(failed.get("problem").asString()).contains("risk_register has a view depending on it");
            assertThat(failed.get("finishedAt").isNull()).isFalse();
            assertThat(checksums(definition("risk-register"))).isEqualTo(before);
            assertLiveProcessorRunsAlone(definition("risk-register"));
            assertThat(getJson(ADMIN + "/risk-register").get("state").asString()).isEqualTo("LIVE");
        } finally {
            jdbc.execute("DROP VIEW rebuild_test_view");
        }
    }

    // ---- helpers ----

    private JsonNode awaitRebuildFinished(String name) {
        await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode rebuild = getJson(ADMIN + "/" + name).get("rebuild");
            return rebuild != null && !rebuild.isNull()
                    && List.of("DONE", "FAILED").contains(rebuild.get("state").asString());
        });
        return getJson(ADMIN + "/" + name).get("rebuild");
    }

    private void awaitAllCaughtUp() {
        definitions.forEach(p -> awaitCaughtUp(p.name()));
    }

    private void awaitCaughtUp(String name) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(ADMIN + "/" + name).get("lag").asLong())
                .as("lag of %s", name).isZero());
    }

    private void assertLiveProcessorRunsAlone(ProjectionDefinition projection) {
        assertThat(processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow().isRunning()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Long.class,
                projection.processingGroup() + ".rebuild")).isZero();
        assertThat(jdbc.queryForList("SELECT token_type FROM token_entry WHERE processor_name = ?", String.class,
                projection.processingGroup())).isNotEmpty()
                .allSatisfy(type -> assertThat(type).doesNotContain("ReplayToken"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = ?", Long.class,
                ShadowTables.shadowSchema(projection))).isZero();
    }

    /**
     * Per table, an md5 over all its rows in a fixed order (their text form, so every column counts).
     */
    private Map<String, String> checksums(ProjectionDefinition projection) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : projection.tables()) {
            sums.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                    + "ORDER BY t::text)), '') FROM public." + table + " t", String.class));
        }
        return sums;
    }

    /**
     * Every index of the projections' tables: name to definition (schema-independent).
     */
    /** {@code pg_attribute.attstorage} of every column of the projections' live tables, by table.column. */
    private Map<String, String> columnStorage() {
        Map<String, String> storage = new LinkedHashMap<>();
        for (ProjectionDefinition projection : definitions) {
            for (String table : projection.tables()) {
                jdbc.query("SELECT a.attname, a.attstorage FROM pg_attribute a WHERE a.attrelid = ('public.' || ?)"
                        + "::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", row -> {
                            storage.put(table + "." + row.getString(1), row.getString(2));
                        }, table);
            }
        }
        return storage;
    }

    private Map<String, String> indexDefinitionsByName() {
        Map<String, String> indexes = new LinkedHashMap<>();
        for (ProjectionDefinition projection : definitions) {
            for (String table : projection.tables()) {
                jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ? "
                        + "ORDER BY indexname", row -> {
                            indexes.put(row.getString(1), row.getString(2));
                        }, table);
            }
        }
        return indexes;
    }

    private ProjectionDefinition definition(String name) {
        return definitions.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Cases reported and initially assessed in the bulk commune, appended in large batches (one transaction each)
     * so that a rebuild has thousands of events to replay.
     */
    private List<String> appendBulkCases(int count, EncryptedText sealed) {
        List<String> caseIds = new ArrayList<>();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseId = newId("bulk");
            caseIds.add(caseId);
            batch.add(message(caseId, 0, bulkReported(caseId, sealed)));
            batch.add(message(caseId, 1, new InitialAssessmentRecorded(caseId, T0.plus(Duration.ofMinutes(1)),
                    RiskLevel.MEDIUM, false, sealed)));
            if (batch.size() >= 400) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
        return caseIds;
    }

    private CaseReported bulkReported(String caseId, EncryptedText sealed) {
        return new CaseReported(caseId, "child-bulk", T0, BULK_COMMUNE, "313-tt-an-lao", CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.NEGLECT), AbuseSetting.FAMILY,
                Set.of(SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE), Sex.MALE, 7, false, "Kinh", sealed, sealed,
                sealed, false, sealed, sealed);
    }

    private static EventMessage<?> message(String caseId, long sequenceNumber, CaseEvent event) {
        return new GenericDomainEventMessage<>("CaseFile", caseId, sequenceNumber, event,
                Map.of(ActorMetaData.USER, WORKER.username(), ActorMetaData.ORG_UNIT, WORKER.orgUnit(),
                        ActorMetaData.ROLE, WORKER.role().name()),
                UUID.randomUUID().toString(), T0);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
