package vn.childprotection.casetracker.platform.integrity;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL for the platform's JDBC-level tests (the event chain's, the child keys'), started once per
 * test JVM, with a fresh database per test migrated by the platform's shared migrations, up to a given version or to
 * the latest.
 */
public final class ChainTestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private ChainTestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static final Map<String, String> TEMPLATES = new HashMap<>();

    /** A new database with every shared migration applied. */
    public static DataSource migrated() {
        return migratedTo(null);
    }

    /**
     * A new database migrated up to a version, copied from one migrated once per version.
     *
     * @param version the last migration to apply ("1.2"), or null for all
     */
    static synchronized DataSource migratedTo(String version) {
        String template = TEMPLATES.get(String.valueOf(version));
        if (template == null) {
            template = "chain_template_" + DATABASES.incrementAndGet();
            execute("CREATE DATABASE " + template);
            migrate(dataSource(template), version);
            TEMPLATES.put(String.valueOf(version), template);
        }
        String name = "chain_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        return dataSource(name);
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource dataSource(String name) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:" + server().getPort() + "/" + name);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    static void migrate(DataSource dataSource, String version) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common");
        if (version != null) {
            configuration.target(version);
        }
        configuration.load().migrate();
    }

    /**
     * Inserts the events of one case with plain SQL, as anyone with SQL access could, in the connection's current
     * transaction.
     *
     * @return the events inserted, sequence numbers {@code from} to {@code from + count - 1}
     */
    static List<AppendedEvent> insertEvents(Connection connection, String caseId, long from, int count)
            throws SQLException {
        List<AppendedEvent> events = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, payload_type, payload, meta_data, "
                + "time_stamp) VALUES (?, ?, ?, 'CaseFile', 'CaseReviewed', ?, ?, '2026-01-05T03:00:00Z')")) {
            for (long sequence = from; sequence < from + count; sequence++) {
                String eventId = UUID.randomUUID().toString();
                insert.setString(1, eventId);
                insert.setString(2, caseId);
                insert.setLong(3, sequence);
                insert.setBytes(4, ("{\"caseId\":\"" + caseId + "\",\"note\":\"Đánh giá lại\"}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                events.add(new AppendedEvent(caseId, sequence, eventId));
            }
            insert.executeBatch();
        }
        return events;
    }

    /**
     * Appends events of one case as the service does: inserted, then authenticated, in one transaction.
     */
    static List<AppendedEvent> append(DataSource dataSource, IntegrityKey key, String caseId, long from, int count)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<AppendedEvent> events = insertEvents(connection, caseId, from, count);
            new EventLinkAuthenticator(key).authenticate(connection, events);
            connection.commit();
            return events;
        }
    }
}
