package vn.childprotection.casetracker.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL writes durably, is the only server on its data directory, and is started again when it
 * dies while the service runs.
 */
class EmbeddedPostgresSupervisorTest {

    @TempDir
    Path dir;

    private static EmbeddedDatabaseProperties properties(boolean unsafeFastWrites) {
        return new EmbeddedDatabaseProperties(null, false, unsafeFastWrites, Duration.ofMinutes(2),
                Duration.ofSeconds(30));
    }

    private static Connection connect(EmbeddedPostgresSupervisor postgres) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port() + "/postgres",
                "postgres", "postgres");
    }

    private static Map<String, String> durabilitySettings(EmbeddedPostgresSupervisor postgres) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(postgres);
             ResultSet rs = connection.createStatement().executeQuery("SELECT name, setting FROM pg_settings "
                     + "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }

    @Test
    void writes_durably_by_default() throws Exception {
        try (EmbeddedPostgresSupervisor postgres = EmbeddedPostgresSupervisor.start(dir.resolve("pg"),
                properties(false))) {
            assertThat(durabilitySettings(postgres)).containsExactly(Map.entry("fsync", "on"),
                    Map.entry("full_page_writes", "on"), Map.entry("synchronous_commit", "on"));
        }
    }

    @Test
    void trades_durability_for_speed_only_when_asked() throws Exception {
        try (EmbeddedPostgresSupervisor postgres = EmbeddedPostgresSupervisor.start(dir.resolve("pg"),
                properties(true))) {
            assertThat(durabilitySettings(postgres)).containsExactly(Map.entry("fsync", "off"),
                    Map.entry("full_page_writes", "off"), Map.entry("synchronous_commit", "off"));
        }
    }

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_naming_the_first_ones_pid() throws Exception {
        try (EmbeddedPostgresSupervisor first = EmbeddedPostgresSupervisor.start(dir.resolve("pg"),
                properties(false))) {
            assertThatThrownBy(() -> EmbeddedPostgresSupervisor.start(dir.resolve("pg"), properties(false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use by another case tracker service (PID "
                            + ProcessHandle.current().pid() + ")");
            assertThat(first.status().up()).as("the first one carries on").isTrue();
            try (Connection connection = connect(first)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void a_server_that_dies_is_started_again_on_the_same_port_with_its_data() throws Exception {
        try (EmbeddedPostgresSupervisor postgres = EmbeddedPostgresSupervisor.start(dir.resolve("pg"),
                properties(false))) {
            try (Connection connection = connect(postgres)) {
                connection.createStatement().execute("CREATE TABLE kept (note text)");
                connection.createStatement().execute("INSERT INTO kept VALUES ('Lê Thị Bền')");
            }
            long firstPid = postgres.status().pid();
            int port = postgres.port();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(10)).until(() -> !postgres.status().up());
            await().atMost(Duration.ofSeconds(60)).until(() -> postgres.status().up());
            assertThat(postgres.status().restarts()).isEqualTo(1);
            assertThat(postgres.status().pid()).isNotEqualTo(firstPid);
            assertThat(postgres.port()).isEqualTo(port);
            try (Connection connection = connect(postgres);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Lê Thị Bền");
            }
        }
    }

    @Test
    void closing_stops_the_server_and_frees_the_data_directory() throws IOException {
        Path pg = dir.resolve("pg");
        long pid;
        try (EmbeddedPostgresSupervisor postgres = EmbeddedPostgresSupervisor.start(pg, properties(false))) {
            pid = postgres.status().pid();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (EmbeddedPostgresSupervisor again = EmbeddedPostgresSupervisor.start(pg, properties(false))) {
            assertThat(again.status().up()).isTrue();
        }
    }
}
