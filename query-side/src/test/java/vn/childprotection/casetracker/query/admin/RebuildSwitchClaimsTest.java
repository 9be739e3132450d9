package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * The switch at the end of a rebuild and the claims on the live processor's segments: a claim this instance left
 * behind (its stopped processor could not release it, as when the connection pool was exhausted) is released and
 * the switch goes on; a claim of another instance stops the switch and leaves the live tables as they were. Runs in
 * the module's shared context.
 */
class RebuildSwitchClaimsTest extends QuerySideIntegrationTest {

    private static final String GROUP = "case-history";
    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2025-07-03T02:00:00Z");

    @Autowired
    private ProjectionRebuilds rebuilds;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void liveProcessorRunsWithNoForeignClaim() {
        StreamingEventProcessor live = liveProcessor();
        live.shutDown();
        jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = ? AND owner = 'another-node'", GROUP);
        live.start();
    }

    @Test
    void a_claim_this_instance_left_on_the_stopped_live_processor_is_released_at_the_switch() {
        long rowsBefore = historyWithOneMoreCase();
        liveProcessor().shutDown();
        TokenStore tokens = processing.tokenStore(GROUP);
        // What a release that failed leaves: the stopped processor's segment still claimed by this node.
        new TransactionTemplate(transactions).executeWithoutResult(status -> tokens.fetchToken(GROUP, 0));
        assertThat(owners()).as("owners of the live processor's segments before the rebuild").isPositive();

        RebuildStatus done = rebuild();

        assertThat(done.state()).as("%s", done).isEqualTo(RebuildState.DONE);
        assertThat(done.problem()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_history", Long.class))
                .as("rows of the rebuilt history").isEqualTo(rowsBefore);
        assertThat(liveProcessor().isRunning()).as("live processor started again").isTrue();
    }

    @Test
    void a_claim_of_another_instance_stops_the_switch_and_keeps_the_live_tables() {
        long rowsBefore = historyWithOneMoreCase();
        liveProcessor().shutDown();
        jdbc.update("UPDATE token_entry SET owner = 'another-node' WHERE processor_name = ? AND segment = 0", GROUP);

        RebuildStatus failed = rebuild();

        assertThat(failed.state()).as("%s", failed).isEqualTo(RebuildState.FAILED);
        assertThat(failed.problem()).contains("claimed by another instance");
        assertThat(jdbc.queryForObject("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0",
                String.class, GROUP)).as("the other instance's claim").isEqualTo("another-node");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_history", Long.class))
                .as("rows of the live history").isEqualTo(rowsBefore);
    }

    /** Appends a case, waits for its history, and returns how many history rows there are. */
    private long historyWithOneMoreCase() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-an-thang", T0);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM case_history WHERE case_id = ?",
                Long.class, caseId), rows -> rows == 8);
        return jdbc.queryForObject("SELECT count(*) FROM case_history", Long.class);
    }

    private RebuildStatus rebuild() {
        rebuilds.start(GROUP);
        return await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> rebuilds.status(GROUP).orElseThrow(), s -> !s.state().active());
    }

    private long owners() {
        return jdbc.queryForObject("SELECT count(owner) FROM token_entry WHERE processor_name = ?", Long.class, GROUP);
    }

    private StreamingEventProcessor liveProcessor() {
        return processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
    }
}
