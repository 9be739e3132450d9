package vn.childprotection.casetracker.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * Reads the event store of a running embedded PostgreSQL directly, and compares it with what was acknowledged and
 * with what the projections answer.
 */
public final class EventStoreCheck {

    private EventStoreCheck() {
    }

    /**
     * The number of events of every case in the store of the server running on {@code dataDir}.
     */
    public static Map<String, Long> eventsPerCase(Path dataDir) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                .get(3).trim());
        Map<String, Long> events = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                + "/postgres", "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery("SELECT aggregate_identifier, count(*) "
                     + "FROM domain_event_entry WHERE type = 'CaseFile' GROUP BY aggregate_identifier")) {
            while (rs.next()) {
                events.put(rs.getString(1), rs.getLong(2));
            }
        }
        return events;
    }

    /**
     * Every acknowledged write is in the store: each case holds at least as many events as the version answered.
     */
    public static void assertEveryAcknowledgedWriteStored(Map<String, Long> acknowledged, Map<String, Long> stored) {
        assertThat(acknowledged).as("writes were acknowledged").isNotEmpty();
        acknowledged.forEach((caseId, version) -> assertThat(stored.getOrDefault(caseId, 0L))
                .as("events stored for acknowledged case %s", caseId).isGreaterThanOrEqualTo(version));
    }

    /**
     * Every projection has caught up with the store (lag 0) and the case file of every stored case has the
     * version the store gives it.
     */
    public static boolean projectionsEqualTheStore(ApiClient api, Map<String, Long> stored) {
        JsonNode projections = api.get("/api/v1/admin/projections", "coordinator.haiphong").json();
        for (JsonNode projection : projections) {
            if (projection.get("lag").asLong() != 0) {
                return false;
            }
        }
        for (Map.Entry<String, Long> entry : stored.entrySet()) {
            ApiClient.Response file = api.get("/api/v1/cases/" + entry.getKey(), "coordinator.haiphong");
            if (file.status() != 200 || file.json().get("version").asLong() != entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
