package vn.childprotection.casetracker.platform.db;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the embedded PostgreSQL ({@code embeddedDatabase} under {@code /actuator/health}): DOWN from the moment
 * the watchdog finds it stopped until it runs again, with when it stopped (UTC) and how often it has been started
 * again. With an external database it is UP and says so; that database's reachability is the {@code db} indicator.
 */
@Component("embeddedDatabase")
public class EmbeddedDatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseServer server;

    public EmbeddedDatabaseHealthIndicator(DatabaseServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        return server.embedded().map(postgres -> {
            EmbeddedPostgresSupervisor.Status status = postgres.status();
            Health.Builder health = status.up() ? Health.up() : Health.down()
                    .withDetail("downSince", status.downSince().toString());
            return health.withDetail("restarts", status.restarts()).build();
        }).orElseGet(() -> Health.up().withDetail("external", true).build());
    }
}
