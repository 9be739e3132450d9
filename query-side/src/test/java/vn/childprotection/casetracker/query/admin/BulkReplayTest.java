package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.query.ProjectionProcessingConfiguration;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.deadletters.DeadLetterQueues;

/**
 * A rebuild's {@link BulkReplay} and its hand-over to the rebuild's processor, seen through a probe projection that
 * inserts one row per case event it handles, with no key: an event applied twice shows as a second row, an event
 * missed as a missing one. The bulk batches are small (50 events), so a rebuild has many, in two segments. Its table
 * has an index by case (kept during the bulk replay) and one by position (left out, built before the switch).
 */
@TestPropertySource(properties = {
        "casetracker.projections.rebuild.bulk-batch-size=50",
        "axon.eventhandling.processors." + BulkReplayTest.GROUP + ".mode=pooled",
        "axon.eventhandling.processors." + BulkReplayTest.GROUP + ".initial-segment-count=2",
        "axon.eventhandling.processors." + BulkReplayTest.GROUP + ".thread-count=2"})
@Import(BulkReplayTest.Probe.class)
@DirtiesContext
class BulkReplayTest extends QuerySideIntegrationTest {

    static final String GROUP = "replay-probe";
    private static final String ADMIN = "/api/v1/admin/projections";
    private static final Instant T0 = Instant.parse("2025-05-05T02:00:00Z");

    /** Global indexes at which a batch of the bulk replay fails once, at its commit (removed when used). */
    static final Set<Long> FAIL_ONCE_AT = ConcurrentHashMap.newKeySet();
    /** Events handled on the bulk replay's threads, and on the rebuild processor's, since the last reset. */
    static final AtomicLong BY_BULK = new AtomicLong();
    static final AtomicLong BY_PROCESSOR = new AtomicLong();
    /** When set, the bulk replay's first event waits for it (then it is cleared). */
    static volatile CountDownLatch holdBulk;
    static volatile CountDownLatch bulkHeld;

    @BeforeEach
    void storeHoldsCases() {
        for (int i = 0; i < 40; i++) {
            appendProcedureUpToFirstReview(newId("bulk"), "child-bulk-" + i, "313-tt-an-lao", T0.plusSeconds(60L * i));
        }
        awaitLiveCaughtUp();
        FAIL_ONCE_AT.clear();
        BY_BULK.set(0);
        BY_PROCESSOR.set(0);
    }

    @Test
    void the_bulk_replay_applies_every_event_of_the_store_once_and_the_processor_none_of_them() {
        JsonNode rebuild = rebuild();

        assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("DONE");
        assertAppliedOnceEach();
        assertThat(BY_BULK.get()).isEqualTo(caseEventsInStore());
        assertThat(BY_PROCESSOR.get()).isZero();
    }

    @Test
    void a_batch_that_fails_ends_the_bulk_replay_and_the_processor_goes_on_from_each_segments_last_commit() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        FAIL_ONCE_AT.add(head - 200);

        JsonNode rebuild = rebuild();

        assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("DONE");
        assertThat(FAIL_ONCE_AT).as("the failure was met").isEmpty();
        assertThat(BY_PROCESSOR.get()).as("the processor took over").isPositive();
        assertAppliedOnceEach();
    }

    @Test
    void events_appended_while_the_bulk_replay_runs_are_in_the_rebuilt_table() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        bulkHeld = new CountDownLatch(1);
        holdBulk = release;
        HttpResponse<String> started = postAs(COORDINATOR.username(), ADMIN + "/" + GROUP + "/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(bulkHeld.await(60, TimeUnit.SECONDS)).as("the bulk replay started").isTrue();
        // While it runs, its table keeps the index its loads could use (by case) and lacks the other one.
        // (The copy's indexes have generated names; the switch gives them the live ones.)
        assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = 'rebuild_replay_probe'",
                String.class)).singleElement().asString().contains("(case_id, global_index)");
        for (int i = 0; i < 5; i++) {
            appendProcedureUpToFirstReview(newId("late"), "child-late-" + i, "313-tt-an-lao",
                    T0.plusSeconds(3600 + 60L * i));
        }
        release.countDown();

        JsonNode rebuild = awaitRebuildFinished();

        assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("DONE");
        awaitLiveCaughtUp();
        assertAppliedOnceEach();
        // The index left out during the bulk replay was built before the switch, and kept its name.
        assertThat(indexesOf("public")).containsExactly("replay_probe_case_idx", "replay_probe_position_idx");
        assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                + " AND indexname = 'replay_probe_position_idx'", String.class)).contains("(global_index)");
    }

    private List<String> indexesOf(String schema) {
        return jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'replay_probe'"
                + " ORDER BY indexname", String.class, schema);
    }

    private JsonNode rebuild() {
        HttpResponse<String> started = postAs(COORDINATOR.username(), ADMIN + "/" + GROUP + "/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode rebuild = awaitRebuildFinished();
        awaitLiveCaughtUp();
        return rebuild;
    }

    /** Every case event of the store has exactly one row in the probe's (rebuilt, then live) table. */
    private void assertAppliedOnceEach() {
        long rows = jdbc.queryForObject("SELECT count(*) FROM replay_probe", Long.class);
        long distinct = jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM replay_probe", Long.class);
        assertThat(distinct).as("events applied").isEqualTo(caseEventsInStore());
        assertThat(rows).as("rows, one per event").isEqualTo(distinct);
    }

    /** Events of the store whose payload is a {@link CaseEvent}, from the stored type names. */
    private long caseEventsInStore() {
        return jdbc.queryForList("SELECT payload_type, count(*) AS n FROM domain_event_entry GROUP BY payload_type")
                .stream()
                .filter(row -> isCaseEvent((String) row.get("payload_type")))
                .mapToLong(row -> ((Number) row.get("n")).longValue())
                .sum();
    }

    private static boolean isCaseEvent(String type) {
        try {
            return CaseEvent.class.isAssignableFrom(Class.forName(type));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private JsonNode awaitRebuildFinished() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode rebuild = getJson(ADMIN + "/" + GROUP).get("rebuild");
            return rebuild != null && !rebuild.isNull()
                    && List.of("DONE", "FAILED", "PARKED").contains(rebuild.get("state").asString());
        });
        return getJson(ADMIN + "/" + GROUP).get("rebuild");
    }

    private void awaitLiveCaughtUp() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(getJson(ADMIN + "/" + GROUP).get("lag").asLong()).isZero());
    }

    /** The probe projection and its dead-letter queue, configured as the real projections are. */
    static class Probe {

        /** Creates the probe's table before any processor starts. */
        @Bean
        ProbeProjection replayProbeProjection(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS replay_probe (event_id TEXT NOT NULL, global_index BIGINT NOT NULL,"
                    + " case_id TEXT NOT NULL)");
            jdbc.execute("CREATE INDEX IF NOT EXISTS replay_probe_case_idx ON replay_probe (case_id, global_index)");
            jdbc.execute("CREATE INDEX IF NOT EXISTS replay_probe_position_idx ON replay_probe (global_index)");
            return new ProbeProjection(jdbc);
        }

        @Bean
        ProjectionDefinition replayProbeDefinition() {
            return ProjectionDefinition.of(GROUP, "replay_probe");
        }

        @Bean
        ConfigurerModule replayProbeDeadLetterQueue(DeadLetterQueues queues, TransactionManager transactions) {
            return ProjectionProcessingConfiguration.deadLetterQueues(queues, transactions, List.of(GROUP));
        }
    }

    /** Inserts a row per case event; on the rebuild's threads, counts and obeys the test's injections. */
    @ProcessingGroup(GROUP)
    static class ProbeProjection {

        private final JdbcTemplate jdbc;

        ProbeProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler(payloadType = CaseEvent.class)
        void on(EventMessage<?> event, TrackingToken token) throws InterruptedException {
            long position = token.position().orElseThrow();
            jdbc.update("INSERT INTO replay_probe (event_id, global_index, case_id) VALUES (?, ?, ?)",
                    event.getIdentifier(), position, ((DomainEventMessage<?>) event).getAggregateIdentifier());
            String thread = Thread.currentThread().getName();
            if (thread.startsWith("WorkPackage[" + GROUP + ".rebuild]")) {
                BY_PROCESSOR.incrementAndGet();
            }
            if (!thread.startsWith("BulkReplay[")) {
                return;
            }
            BY_BULK.incrementAndGet();
            if (FAIL_ONCE_AT.remove(position)) {
                CurrentUnitOfWork.get().onPrepareCommit(u -> {
                    throw new IllegalStateException("A batch of the bulk replay fails at its commit (injected)");
                });
            }
            CountDownLatch hold = holdBulk;
            if (hold != null) {
                holdBulk = null;
                bulkHeld.countDown();
                assertThat(hold.await(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
