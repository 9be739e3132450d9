package vn.childprotection.casetracker.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.integrity.AuthenticatedAppendTest.count;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The sealer links committed, authenticated rows into the store chain, one sealer at a time, never a row the
 * service did not authenticate, and never makes an append wait.
 */
class EventChainSealerTest {

    private static final int WRITERS = 16;
    private static final int APPENDS_PER_WRITER = 10;

    private final IntegrityKey key = new IntegrityKey(ExpectedLinks.SECRET);

    private EventChainSealer sealer(DataSource db) {
        return new EventChainSealer(db, key, new EventChainAdoption(key, new FileAnchorWitness(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "no-anchors-" + System.nanoTime()))));
    }

    @Test
    void sixteen_concurrent_writers_get_every_event_exactly_one_contiguous_position() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        EventChainSealer sealer = sealer(db);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String caseId = "case-writer-" + w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int a = 0; a < APPENDS_PER_WRITER; a++) {
                    // Two events per append, as a command often stores.
                    ChainTestDatabase.append(db, key, caseId, 2L * a, 2);
                }
                return null;
            }));
        }
        start.countDown();
        // The sealer works while the writers append.
        while (writers.stream().anyMatch(f -> !f.isDone())) {
            sealer.seal();
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        sealer.seal();

        int events = WRITERS * APPENDS_PER_WRITER * 2;
        List<Long> sealed = StoreChainCheck.sealedInOrder(db);
        assertThat(sealed).hasSize(events).doesNotHaveDuplicates();
        assertThat(count(db, "SELECT count(*) FROM event_chain")).isEqualTo(events);
        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE chain_position IS NULL")).isZero();
        assertThat(sealer.unauthenticated()).isZero();
        assertThat(sealer.lag()).isZero();
    }

    @Test
    void a_forged_insert_gets_no_position_and_is_counted_once() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        EventChainSealer sealer = sealer(db);
        ChainTestDatabase.append(db, key, "case-hoa", 0, 2);
        try (Connection connection = db.getConnection()) {
            ChainTestDatabase.insertEvents(connection, "case-hoa", 2, 1);
        }
        ChainTestDatabase.append(db, key, "case-binh", 0, 1);

        sealer.seal();
        sealer.seal();

        assertThat(StoreChainCheck.sealedInOrder(db)).hasSize(3);
        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE chain_position IS NULL "
                + "AND aggregate_identifier = 'case-hoa' AND sequence_number = 2")).isEqualTo(1);
        assertThat(sealer.unauthenticated()).isEqualTo(1);
        assertThat(sealer.lag()).isEqualTo(1);
    }

    @Test
    void a_row_rewritten_after_its_append_is_not_linked() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        EventChainSealer sealer = sealer(db);
        ChainTestDatabase.append(db, key, "case-tuan", 0, 2);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE event_chain SET hash = sha256(hash) WHERE sequence_number = 1");
        }

        sealer.seal();

        assertThat(StoreChainCheck.sealedInOrder(db)).hasSize(1);
        assertThat(sealer.unauthenticated()).isEqualTo(1);
    }

    @Test
    void only_one_sealer_works_at_a_time() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        ChainTestDatabase.append(db, key, "case-an", 0, 1);
        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + EventChainSealer.LOCK_KEY + ")");

            EventChainSealer.Turn turn = sealer(db).seal();

            assertThat(turn.sealed()).isFalse();
            assertThat(count(db, "SELECT count(*) FROM event_chain WHERE chain_position IS NOT NULL")).isZero();
            other.rollback();
        }
        assertThat(sealer(db).seal().linked()).isEqualTo(1);
    }
}
