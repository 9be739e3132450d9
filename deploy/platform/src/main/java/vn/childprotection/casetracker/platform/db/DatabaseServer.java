package vn.childprotection.casetracker.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server this process talks to: an external one, or an embedded one it started and will stop.
 */
public final class DatabaseServer implements AutoCloseable {

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path deleteOnClose;

    private DatabaseServer(String jdbcUrl, String username, String password, EmbeddedPostgres embedded,
                           Path deleteOnClose) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.deleteOnClose = deleteOnClose;
    }

    static DatabaseServer external(String jdbcUrl, String username, String password) {
        return new DatabaseServer(jdbcUrl, username, password, null, null);
    }

    static DatabaseServer embedded(EmbeddedPostgres postgres, Path deleteOnClose) {
        return new DatabaseServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres,
                deleteOnClose);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
        if (deleteOnClose != null) {
            try (Stream<Path> paths = Files.walk(deleteOnClose)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
