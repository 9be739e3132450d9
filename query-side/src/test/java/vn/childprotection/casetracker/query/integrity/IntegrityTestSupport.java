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
 * events, and the SQL to save the store's tail and put it back exactly as it was, so that the one event store the
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
     * A case of eight events (sequence 0 to 7), already read by every projection and sealed into the store chain,
     * so that neither a processor nor the sealer ever reads the rows a test is about to tamper with. Answers the
     * global index of each event, by sequence number.
     */
    protected List<Long> caseOfEightEvents(String caseId) {
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-an-tien", T0);
        List<Long> globalIndexes = globalIndexes(caseId);
        assertThat(globalIndexes).hasSize(8);
        awaitProcessorsPast(globalIndexes.get(7));
        awaitSealed(caseId);
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

    /**
     * Waits until every event of the case is sealed into the store chain (the sealer runs every second).
     */
    protected void awaitSealed(String caseId) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT count(*) FROM "
                + "domain_event_entry e LEFT JOIN event_chain c ON c.global_index = e.global_index "
                + "WHERE e.aggregate_identifier = ? AND c.chain_position IS NULL", Long.class, caseId))
                .as("events of %s not sealed yet", caseId).isZero());
    }

    protected Map<String, Object> eventRow(long globalIndex) {
        return jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", globalIndex);
    }

    protected Map<String, Object> chainRow(long globalIndex) {
        return jdbc.queryForMap("SELECT * FROM event_chain WHERE global_index = ?", globalIndex);
    }

    protected long chainPosition(long globalIndex) {
        return jdbc.queryForObject("SELECT chain_position FROM event_chain WHERE global_index = ?", Long.class,
                globalIndex);
    }

    /**
     * Every event and chain row from {@code globalIndex} on, and every chain row sealed at or after its position:
     * what a test may change, to be put back exactly by {@link #restore}.
     */
    protected StoreTail tailFrom(long globalIndex) {
        long position = chainPosition(globalIndex);
        return new StoreTail(globalIndex, position,
                jdbc.queryForList("SELECT * FROM domain_event_entry WHERE global_index >= ?", globalIndex),
                jdbc.queryForList("SELECT * FROM event_chain WHERE global_index >= ? OR chain_position >= ?",
                        globalIndex, position));
    }

    /**
     * Puts the events and chain rows back as they were (and removes whatever a test added after them), with the
     * triggers off so that the chain rows are not written twice.
     */
    protected void restore(StoreTail tail) {
        withoutChainTrigger(() -> {
            jdbc.update("DELETE FROM event_chain WHERE global_index >= ? OR chain_position >= ?",
                    tail.globalIndex(), tail.chainPosition());
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index >= ?", tail.globalIndex());
            tail.events().forEach(row -> insert("domain_event_entry", row));
            tail.chainRows().forEach(row -> insert("event_chain", row));
        });
    }

    /**
     * The rows {@link #tailFrom} saved.
     */
    protected record StoreTail(long globalIndex, long chainPosition, List<Map<String, Object>> events,
                               List<Map<String, Object>> chainRows) {
    }

    private void insert(String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(column -> "?").toList());
        jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
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
        assertThat(store.get("pending").asLong()).as("pending in %s", store).isZero();
    }
}
