package vn.childprotection.casetracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.query.audittrail.AuditTrailProjection;
import vn.childprotection.casetracker.query.casefile.CaseFileProjection;
import vn.childprotection.casetracker.query.deadlines.DeadlineProjection;
import vn.childprotection.casetracker.query.workqueue.WorkQueueProjection;
import vn.childprotection.casetracker.values.DeadlineRule;

class ProjectionProcessorsTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-06-02T04:00:00Z");

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Autowired
    private TransactionManager axonTransactionManager;

    @Test
    void each_projection_runs_in_a_pooled_processor_whose_tokens_are_in_token_entry() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-bat-trang", T0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM case_history WHERE case_id = ?", Long.class, caseId)).isEqualTo(8));

        for (String group : ProjectionProcessingConfiguration.PROCESSING_GROUPS) {
            assertThat(eventProcessing.eventProcessor(group, StreamingEventProcessor.class))
                    .as("processor %s", group)
                    .hasValueSatisfying(p -> assertThat(p.getClass().getSimpleName())
                            .isEqualTo("PooledStreamingEventProcessor"));
            await().atMost(PATIENCE).untilAsserted(() -> {
                List<Map<String, Object>> tokens = jdbc.queryForList(
                        "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", group);
                assertThat(tokens).as("tokens of %s", group).hasSize(2)
                        .allSatisfy(t -> assertThat(t.get("token")).isNotNull());
            });
        }
    }

    @Test
    void projection_rows_and_tokens_commit_in_one_spring_transaction() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    /**
     * A reset starts the processor from a ReplayToken, which is written with Jackson 3 and must be read back, or the
     * processor silently never runs again. The store already holds events, so the replay has work to do.
     */
    @Test
    void resetting_the_case_file_processor_rebuilds_the_same_case_files_from_the_event_store() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-bat-trang", T0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT version FROM case_file WHERE case_id = ?", Long.class, caseId)).containsExactly(8L));
        String built = jdbc.queryForObject("SELECT doc::text FROM case_file WHERE case_id = ?", String.class, caseId);

        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(CaseFileProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_file", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT token_type FROM token_entry WHERE processor_name = ?", String.class,
                CaseFileProjection.PROCESSING_GROUP)).hasSize(2)
                .allSatisfy(type -> assertThat(type).isEqualTo("org.axonframework.eventhandling.ReplayToken"));

        processor.start();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT version FROM case_file WHERE case_id = ?", Long.class, caseId)).containsExactly(8L));
        String rebuilt = jdbc.queryForObject("SELECT doc::text FROM case_file WHERE case_id = ?", String.class,
                caseId);
        assertThat(rebuilt).isEqualTo(built);
        assertThat(getJson("/api/v1/cases/" + caseId).get("status").asString()).isEqualTo("PLAN_APPROVED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(processor.isReplaying()).isFalse());
    }

    /**
     * The coordination projections (deadlines, work queues, audit trail) rebuilt from the store give the rows the
     * live run gave: their reset handlers empty every table they write, and no row depends on when it was built.
     */
    @Test
    void resetting_the_coordination_processors_rebuilds_the_same_rows() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, "313-bat-trang", T0);
        Instant approved = T0.plus(Duration.ofHours(5));
        Instant due = Instant.parse("2025-06-20T17:00:00Z");
        append(CHAIR, T0.plus(Duration.ofHours(8)), scheduled(caseId, approved, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, due, "313-justice-office", "i-2"));
        appendBySystem("313-justice-office", due, new DeadlineMissed(caseId, due, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, due, "313-justice-office", "i-2"));
        Map<String, String> queries = Map.of(
                DeadlineProjection.PROCESSING_GROUP, "SELECT * FROM case_deadline WHERE case_id = ?",
                WorkQueueProjection.PROCESSING_GROUP,
                "SELECT * FROM work_item WHERE case_id = ? ORDER BY intervention_id",
                AuditTrailProjection.PROCESSING_GROUP,
                "SELECT * FROM audit_entry WHERE case_id = ? ORDER BY sequence_number");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(jdbc.queryForList(queries.get(DeadlineProjection.PROCESSING_GROUP), caseId)).hasSize(1)
                    .allSatisfy(row -> assertThat(row.get("state")).isEqualTo("MISSED"));
            assertThat(jdbc.queryForList(queries.get(WorkQueueProjection.PROCESSING_GROUP), caseId)).hasSize(2)
                    .anySatisfy(row -> assertThat(row.get("deadline_state")).isEqualTo("MISSED"));
            assertThat(jdbc.queryForList(queries.get(AuditTrailProjection.PROCESSING_GROUP), caseId)).hasSize(10);
        });

        for (Map.Entry<String, String> group : queries.entrySet()) {
            List<Map<String, Object>> built = jdbc.queryForList(group.getValue(), caseId);
            StreamingEventProcessor processor = eventProcessing
                    .eventProcessor(group.getKey(), StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            assertThat(jdbc.queryForList(group.getValue(), caseId)).as("%s after reset", group.getKey()).isEmpty();
            processor.start();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(group.getValue(), caseId))
                    .as("%s rebuilt", group.getKey()).isEqualTo(built));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(processor.isReplaying()).isFalse());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadline_case WHERE case_id = ?", Long.class, caseId))
                .isEqualTo(1);
    }

    @Test
    void a_request_without_valid_credentials_gets_a_401_problem() {
        HttpResponse<String> anonymous = getWithoutSignIn("/api/v1/risk-register");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(body(anonymous).get("status").asInt()).isEqualTo(401);

        HttpResponse<String> wrongPassword = getAs("worker.anlao", "not-the-password", "/api/v1/cases/any");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
    }
}
