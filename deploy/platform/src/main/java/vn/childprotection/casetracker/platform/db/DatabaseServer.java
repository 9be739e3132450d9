package vn.childprotection.casetracker.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server this process talks to: an external one, or an embedded one it started, watches and will
 * stop.
 */
public final class DatabaseServer implements AutoCloseable {

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgresSupervisor embedded;
    private final Path deleteOnClose;

    private DatabaseServer(String jdbcUrl, String username, String password, EmbeddedPostgresSupervisor embedded,
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

    static DatabaseServer embedded(EmbeddedPostgresSupervisor postgres, Path deleteOnClose) {
        // The same port after every restart of the embedded server, so this URL stays valid.
        return new DatabaseServer("jdbc:postgresql://localhost:" + postgres.port() + "/postgres", "postgres",
                "postgres", postgres, deleteOnClose);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The embedded server, when this process runs one.
     */
    public Optional<EmbeddedPostgresSupervisor> embedded() {
        return Optional.ofNullable(embedded);
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
            Files.deleteIfExists(DataDirectoryLock.lockFileOf(deleteOnClose));
        }
    }
}
