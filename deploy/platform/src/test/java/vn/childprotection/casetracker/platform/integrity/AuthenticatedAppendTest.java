package vn.childprotection.casetracker.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.integrity.ExpectedLinks.hmac;
import static vn.childprotection.casetracker.platform.integrity.ExpectedLinks.int8;
import static vn.childprotection.casetracker.platform.integrity.ExpectedLinks.utf8;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Migration V1_3 and the append path: the database chains each case, the service authenticates each row in the
 * append transaction, nobody else can, and the store chain is left to the sealer.
 */
class AuthenticatedAppendTest {

    private final IntegrityKey key = new IntegrityKey(ExpectedLinks.SECRET);

    @Test
    void an_appended_event_carries_a_link_mac_over_its_case_link_and_waits_for_the_sealer() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        List<AppendedEvent> events = ChainTestDatabase.append(db, key, "case-lan", 0, 2);

        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT global_index, aggregate_identifier, sequence_number, "
                     + "event_identifier, prev_hash, hash, link_mac, chain_position, store_hash, store_mac "
                     + "FROM event_chain ORDER BY sequence_number")) {
            byte[] previous = new byte[32];
            for (AppendedEvent event : events) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(4)).isEqualTo(event.eventIdentifier());
                assertThat(rs.getBytes(5)).isEqualTo(previous);
                assertThat(rs.getBytes(7)).isEqualTo(hmac("event-link/v1", utf8("case-lan"),
                        int8(event.sequenceNumber()), utf8(event.eventIdentifier()), int8(rs.getLong(1)),
                        rs.getBytes(5), rs.getBytes(6)));
                assertThat(rs.getObject(8)).isNull();
                assertThat(rs.getBytes(9)).isNull();
                assertThat(rs.getBytes(10)).isNull();
                previous = rs.getBytes(6);
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void a_plain_insert_is_chained_in_its_case_but_not_authenticated() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        try (Connection connection = db.getConnection()) {
            ChainTestDatabase.insertEvents(connection, "case-forged", 0, 1);
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT hash, link_mac FROM event_chain WHERE aggregate_identifier = 'case-forged'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).hasSize(32);
                assertThat(rs.getBytes(2)).isNull();
            }
        }
    }

    @Test
    void appends_take_no_lock_the_sealer_or_the_old_chain_held() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        try (Connection sealer = db.getConnection()) {
            sealer.setAutoCommit(false);
            try (Statement statement = sealer.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + EventChainSealer.LOCK_KEY + ")");
                // The advisory lock key V1_2 made every append take.
                statement.execute("SELECT pg_advisory_xact_lock(7311159015384377710)");
            }
            try (Connection writer = db.getConnection(); Statement timeout = writer.createStatement()) {
                timeout.execute("SET lock_timeout = '2s'");
                writer.setAutoCommit(false);
                ChainTestDatabase.insertEvents(writer, "case-mai", 0, 3);
                writer.commit();
            }
            sealer.rollback();
        }
        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE aggregate_identifier = 'case-mai'"))
                .isEqualTo(3);
    }

    @Test
    void a_writer_never_waits_for_another_writers_open_append() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        try (Connection first = db.getConnection()) {
            first.setAutoCommit(false);
            List<AppendedEvent> open = ChainTestDatabase.insertEvents(first, "case-nga", 0, 2);
            new EventLinkAuthenticator(key).authenticate(first, open);
            try (Connection second = db.getConnection(); Statement timeout = second.createStatement()) {
                // Under V1_2 this append waited for the first transaction's commit; a wait fails it here.
                timeout.execute("SET lock_timeout = '1s'");
                second.setAutoCommit(false);
                List<AppendedEvent> other = ChainTestDatabase.insertEvents(second, "case-son", 0, 2);
                new EventLinkAuthenticator(key).authenticate(second, other);
                second.commit();
            }
            first.commit();
        }
        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE link_mac IS NOT NULL")).isEqualTo(4);
    }

    @Test
    void an_upgrade_resets_the_old_store_links_and_leaves_them_to_adopt_once() throws Exception {
        DataSource db = ChainTestDatabase.migratedTo("1.2");
        try (Connection connection = db.getConnection()) {
            ChainTestDatabase.insertEvents(connection, "case-old", 0, 4);
        }
        ChainTestDatabase.migrate(db, null);

        assertThat(count(db, "SELECT count(*) FROM event_chain WHERE store_hash IS NULL AND store_prev_hash IS NULL "
                + "AND chain_position IS NULL AND link_mac IS NULL")).isEqualTo(4);
        assertThat(count(db, "SELECT count(*) FROM event_chain_adoption WHERE adopted_at IS NULL AND events = 4 "
                + "AND last_global_index = (SELECT max(global_index) FROM domain_event_entry)")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM pg_proc WHERE proname IN ('event_chain_backfill', "
                + "'event_chain_next_global_index', 'event_chain_lock')")).isZero();
        assertThat(count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                + "'domain_event_entry' AND column_name = 'global_index' AND column_default LIKE 'nextval(%'"))
                .isEqualTo(1);
    }

    @Test
    void a_new_store_has_nothing_to_adopt() throws Exception {
        DataSource db = ChainTestDatabase.migrated();
        assertThat(count(db, "SELECT count(*) FROM event_chain_adoption WHERE adopted_at IS NOT NULL AND events = 0"))
                .isEqualTo(1);
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); ResultSet rs = connection.createStatement()
                .executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
