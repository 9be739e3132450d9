package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * What the integrity tests share: the verification endpoints read as the auditor, the global indexes of a case's
 * events, and the SQL to take rows away and put them back exactly as they were, so that the one event store the
 * module's tests share is intact again after each tampering.
 */
abstract class IntegrityTestSupport extends QuerySideIntegrationTest {

    protected static final Instant T0 = Instant.parse("2025-04-07T01:00:00Z");

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Autowired
    private PlatformTransactionManager transactionManager;

    protected JsonNode caseVerification(String caseId) {
        return okJson("/api/v1/cases/" + caseId + "/history/verification");
    }

    protected JsonNode storeVerification() {
        return okJson("/api/v1/integrity/verification");
    }

    protected JsonNode head() {
        return okJson("/api/v1/integrity/head");
    }

    protected JsonNode okJson(String path) {
        HttpResponse<String> response = getAs("auditor", "auditor", path);
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return body(response);
    }

    /**
     * A case of eight events (sequence 0 to 7), already read by every projection, so that no processor ever reads
     * the rows a test is about to tamper with. Answers the global index of each event, by sequence number.
     */
    protected List<Long> caseOfEightEvents(String caseId) {
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-an-tien", T0);
        List<Long> globalIndexes = globalIndexes(caseId);
        assertThat(globalIndexes).hasSize(8);
        awaitProcessorsPast(globalIndexes.get(7));
        return globalIndexes;
    }

    protected List<Long> globalIndexes(String caseId) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, caseId);
    }

    protected void awaitProcessorsPast(long globalIndex) {
        await().atMost(PATIENCE).untilAsserted(() -> eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> assertThat(processor.processingStatus().values())
                        .as("segments of %s", processor.getName())
                        .allSatisfy(status -> assertThat(status.getCurrentPosition().orElse(-1))
                                .isGreaterThanOrEqualTo(globalIndex))));
    }

    protected Map<String, Object> eventRow(long globalIndex) {
        return jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", globalIndex);
    }

    protected Map<String, Object> chainRow(long globalIndex) {
        return jdbc.queryForMap("SELECT * FROM event_chain WHERE global_index = ?", globalIndex);
    }

    /**
     * Puts a deleted event back as it was, at its own global index, without the trigger (its chain row, if still
     * there, must not be written twice).
     */
    protected void restoreEvent(Map<String, Object> row) {
        withoutChainTrigger(() -> jdbc.update("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, payload_type, payload_revision, payload, meta_data, time_stamp)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                row.get("sequence_number"), row.get("type"), row.get("payload_type"), row.get("payload_revision"),
                row.get("payload"), row.get("meta_data"), row.get("time_stamp")));
    }

    protected void restoreChainRow(Map<String, Object> row) {
        jdbc.update("""
                        INSERT INTO event_chain (global_index, aggregate_identifier, sequence_number, event_identifier,
                            prev_hash, hash, store_prev_hash, store_hash, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.get("global_index"), row.get("aggregate_identifier"), row.get("sequence_number"),
                row.get("event_identifier"), row.get("prev_hash"), row.get("hash"), row.get("store_prev_hash"),
                row.get("store_hash"), row.get("created_at"));
    }

    /**
     * Runs {@code work} in one transaction in which ordinary triggers do not fire (the embedded database's user is
     * a superuser, as {@code session_replication_role} requires).
     */
    protected void withoutChainTrigger(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            work.run();
        });
    }

    protected void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    /**
     * Both endpoints say the case and the store are intact.
     */
    protected void assertIntact(String caseId) {
        assertThat(caseVerification(caseId).get("verified").asBoolean()).as("case %s verified", caseId).isTrue();
        JsonNode store = storeVerification();
        assertThat(store.get("firstBrokenLink").isNull()).as("store: %s", store).isTrue();
        assertThat(store.get("verified").asBoolean()).isTrue();
    }
}
