package vn.childprotection.casetracker.query.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * Measures each projection's rebuild rate as a share of a raw ordered JDBC scan of the same events, in one run (the
 * machine may be shared, so only ratios mean something). Not part of the suite; run it with
 * <pre>
 * mvn -B -o -q -pl query-side -am verify -Dtest=RebuildThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcasetracker.bench.rebuild=true [-Dcasetracker.bench.cases=3000] [-Dcasetracker.bench.batch-size=1000] \
 *     [-Dcasetracker.bench.projections=case-file,case-history] [-Dcasetracker.test.jit=]
 * </pre>
 * {@code -Dcasetracker.test.jit=} (empty) runs the test JVM with the JIT and collector the service runs with (C2,
 * G1); without it surefire's JVM stops at the first-tier compiler, as for the suite, and every rate is lower.
 * It appends {@code cases} synthetic cases of eight events each (the procedure up to a first review), waits for the
 * live projections and the store chain's sealer, rebuilds each projection alone (all of them, or those named in {@code projections}), one after
 * the other, scans {@code domain_event_entry} in global index order (every column, fetch size 1,000, the best of two
 * seconds of scans) before and after each projection's rebuilds, and prints one table (also written to
 * {@code target/rebuild-throughput.txt}): events, seconds, events per second and the ratio to the mean of the two
 * scans around it; its first line also says how many batches {@code bench-noop}'s measured rebuild took.
 * <p>
 * The first two rows are the rebuild machinery's own ceiling: {@code bench-noop} and {@code bench-noop-payload}
 * ({@link NoOpProjections}) are projections that write nothing, rebuilt by the same machinery (the bulk replay, then
 * the processor, the switch); no projection can rebuild faster than they do.
 */
@EnabledIfSystemProperty(named = "casetracker.bench.rebuild", matches = "true")
@TestPropertySource(properties = {
        "casetracker.projections.rebuild.batch-size=${casetracker.bench.batch-size:1000}",
        "axon.eventhandling.processors.bench-noop.mode=pooled",
        "axon.eventhandling.processors.bench-noop.initial-segment-count=2",
        "axon.eventhandling.processors.bench-noop.thread-count=1",
        "axon.eventhandling.processors.bench-noop.batch-size=1000",
        "axon.eventhandling.processors.bench-noop-payload.mode=pooled",
        "axon.eventhandling.processors.bench-noop-payload.initial-segment-count=2",
        "axon.eventhandling.processors.bench-noop-payload.thread-count=1",
        "axon.eventhandling.processors.bench-noop-payload.batch-size=1000"})
@Import(NoOpProjections.class)
@DirtiesContext
class RebuildThroughputBenchmark extends QuerySideIntegrationTest {

    private static final String ADMIN = "/api/v1/admin/projections";
    private static final List<String> PROJECTIONS = List.of(System.getProperty("casetracker.bench.projections",
            "bench-noop,bench-noop-payload,case-file,case-history,risk-register,deadlines,work-queue,audit-trail,indicators,commune-targets")
            .split(","));
    private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

    @Autowired
    private DataSource dataSource;

    @Test
    void prints_each_rebuild_rate_as_a_share_of_the_raw_ordered_scan() throws Exception {
        int cases = Integer.getInteger("casetracker.bench.cases", 3000);
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_noop (id TEXT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_noop_payload (id TEXT PRIMARY KEY)");
        for (int i = 0; i < cases; i++) {
            appendProcedureInOneCommit(newId("bench"), "child-bench-" + i, i);
        }
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                JsonNode status = getJson(ADMIN + "/" + projection);
                assertThat(status.get("lag").asLong()).as(projection).isZero();
                assertThat(status.get("parkedEvents").asLong()).as(projection + " parked").isZero();
            }
        });

        List<String> lines = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        // The store chain's sealer links the new events in the background (hashes and MACs of every row): done
        // before measuring.
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_chain WHERE chain_position IS NULL", Long.class) == 0);
        double scanBefore = scanRate();
        double firstScan = scanBefore;
        String batches = "";
        for (String projection : PROJECTIONS) {
            NoOpProjections.BARE_EVENTS.set(0);
            NoOpProjections.BARE_BATCHES.set(0);
            double[] result = rebuild(projection);
            if (projection.equals(NoOpProjections.BARE)) {
                batches = String.format("; bench-noop's rebuild handled %d events in %d batches (%.0f events a batch)",
                        NoOpProjections.BARE_EVENTS.get(), NoOpProjections.BARE_BATCHES.get(),
                        NoOpProjections.BARE_EVENTS.get() / (double) Math.max(1, NoOpProjections.BARE_BATCHES.get()));
            }
            double scanAfter = scanRate();
            double scan = (scanBefore + scanAfter) / 2;
            double events = result[0];
            double seconds = result[1];
            rows.add(String.format("%-20s %8.0f %8.1f %10.0f %8.0f %8.3f", projection, events, seconds,
                    events / seconds, scan, events / seconds / scan));
            System.out.println("Rebuilt " + rows.get(rows.size() - 1));
            scanBefore = scanAfter;
        }
        lines.add(String.format("Raw ordered scan: %.0f rows/s before the first rebuild, %.0f after the last; each "
                + "row's ratio is to the mean of the scans just before and after that projection's rebuild; rebuild "
                + "batch size %s%s", firstScan, scanBefore, System.getProperty("casetracker.bench.batch-size", "1000"),
                batches));
        lines.add(String.format("%-20s %8s %8s %10s %8s %8s", "projection", "events", "seconds", "events/s", "scan/s",
                "÷ scan"));
        lines.addAll(rows);
        lines.forEach(System.out::println);
        write(lines);
        assertThat(rows).hasSize(PROJECTIONS.size());
    }

    /** Rebuilds the projection and answers its events and seconds, from start to switch-in. */
    private double[] rebuild(String projection) {
        HttpResponse<String> started = postAs(COORDINATOR.username(), ADMIN + "/" + projection + "/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode rebuild = awaitRebuildFinished(projection);
        assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("DONE");
        // A rebuild that parked its events (a handler failing on each) would be fast and wrong: not a measurement.
        assertThat(getJson(ADMIN + "/" + projection).get("parkedEvents").asLong()).as(projection + " parked")
                .isZero();
        double seconds = Duration.between(Instant.parse(rebuild.get("startedAt").asString()),
                Instant.parse(rebuild.get("finishedAt").asString())).toMillis() / 1000.0;
        return new double[] {rebuild.get("eventsTotal").asLong(), seconds};
    }

    /** The best of scans repeated for at least two seconds (a single scan of a small store lasts a fraction of one). */
    private double scanRate() throws Exception {
        double best = 0;
        long until = System.nanoTime() + 2_000_000_000L;
        do {
            best = Math.max(best, scanOnce());
        } while (System.nanoTime() < until);
        return best;
    }

    /** Rows per second of a plain JDBC scan of the whole event table in global index order, reading every column. */
    private double scanOnce() throws Exception {
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scan = connection.prepareStatement(
                    "SELECT * FROM domain_event_entry ORDER BY global_index")) {
                scan.setFetchSize(1000);
                try (ResultSet rs = scan.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                        rows++;
                    }
                }
            }
            connection.rollback();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * The procedure up to a first review ({@link #appendProcedureUpToFirstReview}'s eight events), stored in one
     * call to the event store, so that loading the store takes seconds, not minutes.
     */
    private void appendProcedureInOneCommit(String caseId, String childId, int i) {
        List<CaseEvent> events = new ArrayList<>();
        List<Actor> actors = new ArrayList<>();
        recordingAppends(caseId, childId, T0.plus(Duration.ofMinutes(i)), events, actors);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int n = 0; n < events.size(); n++) {
            messages.add(new GenericDomainEventMessage<>("CaseFile", caseId, n, events.get(n),
                    Map.of(ActorMetaData.USER, actors.get(n).username(), ActorMetaData.ORG_UNIT,
                            actors.get(n).orgUnit(), ActorMetaData.ROLE, actors.get(n).role().name()),
                    UUID.randomUUID().toString(), T0.plus(Duration.ofMinutes(i)).plusSeconds(n)));
        }
        eventStore.publish(messages);
    }

    private void recordingAppends(String caseId, String childId, Instant t0, List<CaseEvent> events,
                                  List<Actor> actors) {
        captured = events;
        capturedActors = actors;
        try {
            appendProcedureUpToFirstReview(caseId, childId, "313-tt-an-lao", t0);
        } finally {
            captured = null;
            capturedActors = null;
        }
    }

    private List<CaseEvent> captured;
    private List<Actor> capturedActors;

    @Override
    protected void append(Actor actor, Instant recordedAt, CaseEvent event) {
        if (captured == null) {
            super.append(actor, recordedAt, event);
            return;
        }
        captured.add(event);
        capturedActors.add(actor);
    }

    private JsonNode awaitRebuildFinished(String name) {
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode rebuild = getJson(ADMIN + "/" + name).get("rebuild");
            return rebuild != null && !rebuild.isNull()
                    && List.of("DONE", "FAILED", "PARKED").contains(rebuild.get("state").asString());
        });
        return getJson(ADMIN + "/" + name).get("rebuild");
    }

    private static void write(List<String> lines) throws IOException {
        Files.write(Path.of("target", "rebuild-throughput.txt"), lines);
    }
}
