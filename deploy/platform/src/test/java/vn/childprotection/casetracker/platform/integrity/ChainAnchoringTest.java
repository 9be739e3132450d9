package vn.childprotection.casetracker.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.integrity.AuthenticatedAppendTest.count;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The head is anchored outside the database by the service itself: after every N positions, after the interval
 * with anything new, once after adopting the history stored before V1_3, and a failing witness never stops sealing.
 */
class ChainAnchoringTest {

    private final IntegrityKey key = new IntegrityKey(ExpectedLinks.SECRET);
    private final MovableClock clock = new MovableClock();

    @TempDir
    Path dir;

    private EventChainSealing sealing(DataSource db, AnchorWitness witness, long everyEvents) {
        AnchoringPolicy policy = new AnchoringPolicy(everyEvents, Duration.ofMinutes(10), witness, true);
        EventChainAdoption adoption = new EventChainAdoption(key, witness);
        return new EventChainSealing(new EventChainSealer(db, key, adoption), adoption,
                new ChainAnchoring(policy, clock), db, Duration.ofSeconds(1));
    }

    private static List<Long> positions(AnchorWitness witness) {
        return witness.anchors(ChainAnchor.EVENTS).stream().map(ChainAnchor::position).toList();
    }

    @Test
    void the_head_is_anchored_after_every_n_events() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        FileAnchorWitness witness = new FileAnchorWitness(dir.resolve("anchors.log"));
        EventChainSealing sealing = sealing(db, witness, 5);

        ChainTestDatabase.append(db, key, "case-linh", 0, 3);
        sealing.turn();
        assertThat(positions(witness)).isEmpty();
        ChainTestDatabase.append(db, key, "case-linh", 3, 3);
        sealing.turn();
        assertThat(positions(witness)).containsExactly(6L);
        ChainTestDatabase.append(db, key, "case-linh", 6, 4);
        sealing.turn();
        assertThat(positions(witness)).containsExactly(6L);
        ChainTestDatabase.append(db, key, "case-linh", 10, 1);
        sealing.turn();

        assertThat(positions(witness)).containsExactly(6L, 11L);
        List<ChainAnchor> anchors = witness.anchors(ChainAnchor.EVENTS);
        assertThat(anchors.get(0).head()).isEqualTo(StoreChainCheck.storeHashAt(db, 6));
        assertThat(anchors.get(1).head()).isEqualTo(StoreChainCheck.storeHashAt(db, 11));
    }

    @Test
    void anything_new_is_anchored_once_the_interval_has_passed() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        FileAnchorWitness witness = new FileAnchorWitness(dir.resolve("anchors.log"));
        EventChainSealing sealing = sealing(db, witness, 1000);

        ChainTestDatabase.append(db, key, "case-quang", 0, 2);
        sealing.turn();
        assertThat(positions(witness)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        sealing.turn();
        assertThat(positions(witness)).containsExactly(2L);
        clock.advance(Duration.ofMinutes(30));
        sealing.turn();

        assertThat(positions(witness)).as("nothing new, nothing anchored").containsExactly(2L);
    }

    @Test
    void a_tail_deleted_while_the_service_runs_is_anchored_for_verification_to_see() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        FileAnchorWitness witness = new FileAnchorWitness(dir.resolve("anchors.log"));
        EventChainSealing sealing = sealing(db, witness, 1000);
        ChainTestDatabase.append(db, key, "case-khanh", 0, 3);
        sealing.turn();
        byte[] head = StoreChainCheck.storeHashAt(db, 3);
        assertThat(positions(witness)).isEmpty();

        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM domain_event_entry WHERE global_index = "
                    + "(SELECT global_index FROM event_chain WHERE chain_position = 3)");
            statement.executeUpdate("DELETE FROM event_chain WHERE chain_position = 3");
        }
        sealing.turn();

        List<ChainAnchor> anchors = witness.anchors(ChainAnchor.EVENTS);
        assertThat(anchors).extracting(ChainAnchor::position).containsExactly(3L);
        assertThat(anchors.get(0).head()).isEqualTo(head);
    }

    @Test
    void a_failing_witness_never_stops_sealing_and_is_tried_again() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        FlakyWitness witness = new FlakyWitness();
        EventChainSealing sealing = sealing(db, witness, 2);

        ChainTestDatabase.append(db, key, "case-thu", 0, 3);
        sealing.turn();
        assertThat(StoreChainCheck.sealedInOrder(db)).hasSize(3);
        assertThat(witness.recorded).isEmpty();

        witness.failing = false;
        sealing.turn();
        assertThat(witness.recorded).extracting(ChainAnchor::position).containsExactly(3L);
    }

    @Test
    void history_from_before_the_upgrade_is_adopted_once_and_anchored() throws Exception {
        DataSource db = ChainTestDatabase.migratedTo("1.2");
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            ChainTestDatabase.insertEvents(connection, "case-cu-mot", 0, 2);
            ChainTestDatabase.insertEvents(connection, "case-cu-hai", 0, 2);
            // Edited before the upgrade, without rechaining: its case link no longer recomputes.
            statement.executeUpdate("UPDATE domain_event_entry SET payload = convert_to('{}', 'UTF8') "
                    + "WHERE aggregate_identifier = 'case-cu-hai' AND sequence_number = 1");
        }
        ChainTestDatabase.migrate(db, null);
        ChainTestDatabase.append(db, key, "case-moi", 0, 1);
        FileAnchorWitness witness = new FileAnchorWitness(dir.resolve("anchors.log"));

        sealing(db, witness, 1000).turn();

        List<Long> sealed = StoreChainCheck.sealedInOrder(db);
        assertThat(sealed).hasSize(4);
        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE chain_position IS NULL "
                + "AND aggregate_identifier = 'case-cu-hai' AND sequence_number = 1")).isEqualTo(1);
        assertThat(positions(witness)).containsExactly(4L);
        try (Connection connection = db.getConnection(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT adopted, refused, adopted_at IS NOT NULL, head_position, head_hash FROM event_chain_adoption")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(rs.getLong(4)).isEqualTo(4);
            assertThat(rs.getBytes(5)).isEqualTo(StoreChainCheck.storeHashAt(db, 4));
        }

        // Someone with SQL access asks for a second adoption, to have a row of their own adopted.
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            ChainTestDatabase.insertEvents(connection, "case-gia", 0, 1);
            statement.executeUpdate("UPDATE event_chain_adoption SET adopted_at = NULL, "
                    + "last_global_index = (SELECT max(global_index) FROM event_chain)");
        }
        sealing(db, witness, 1000).turn();

        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE aggregate_identifier = 'case-gia' "
                + "AND link_mac IS NULL AND chain_position IS NULL")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM event_chain_adoption WHERE adopted_at IS NULL")).isEqualTo(1);
        assertThat(StoreChainCheck.sealedInOrder(db)).hasSize(4);
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T03:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A witness that is unreachable until told otherwise. */
    static final class FlakyWitness implements AnchorWitness {
        boolean failing = true;
        final List<ChainAnchor> recorded = new ArrayList<>();

        @Override
        public void record(ChainAnchor anchor) {
            if (failing) {
                throw new IllegalStateException("witness unreachable");
            }
            recorded.add(anchor);
        }

        @Override
        public List<ChainAnchor> anchors(String chain) {
            if (failing) {
                throw new IllegalStateException("witness unreachable");
            }
            return List.copyOf(recorded);
        }

        @Override
        public String describe() {
            return "a witness of the test";
        }
    }
}
