package vn.childprotection.casetracker.query.deadletters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;

/**
 * The {@code deadLetters} component of {@code /actuator/health}: {@code UP} while no projection has a parked event,
 * {@value #DEGRADED_CODE} when one has, with the counts per projection ({@code {"case-file": {"parkedEvents": 2,
 * "parkedCases": 1}}}) and a description naming them.
 * <p>
 * Why a status of its own rather than {@code DOWN}: a parked event stops one case in one projection, not the
 * service; every other case is answered and kept current, and restarting the process would change nothing. The
 * health endpoint's HTTP code is what Kubernetes' probes read, so {@code DOWN} (503) would take every instance out
 * of the service (readiness) or restart it in a loop (liveness) for one bad event. {@value #DEGRADED_CODE} is ordered
 * between {@code DOWN} and {@code UP} and answered with 200 ({@code management.endpoint.health.status.*} in
 * {@code casetracker-query.properties}), so the overall status shows it to a person or a monitor while the probes
 * keep meaning "the service can answer"; alert on it, or on the {@code casetracker.projection.parked.events} gauge.
 * A database that cannot be reached is {@code DOWN} as before (the {@code db} component).
 */
@Component
public class DeadLettersHealthIndicator implements HealthIndicator {

    /** The status of a service with parked events. */
    public static final String DEGRADED_CODE = "DEGRADED";
    static final Status DEGRADED = new Status(DEGRADED_CODE);

    private final ParkedEvents parked;
    private final List<ProjectionDefinition> projections;

    public DeadLettersHealthIndicator(ParkedEvents parked, ObjectProvider<ProjectionDefinition> projections) {
        this.parked = parked;
        this.projections = projections.orderedStream().toList();
    }

    @Override
    public Health health() {
        Map<String, ParkedCount> counts = parked.countsByProcessor();
        Map<String, Object> details = new LinkedHashMap<>();
        long events = 0;
        for (ProjectionDefinition projection : projections) {
            ParkedCount count = counts.getOrDefault(projection.processingGroup(), ParkedCount.NONE);
            if (count.events() > 0) {
                details.put(projection.name(), Map.of("parkedEvents", count.events(),
                        "parkedCases", count.cases()));
                events += count.events();
            }
        }
        if (events == 0) {
            return Health.up().build();
        }
        String description = events + " event(s) parked in " + details.size() + " projection(s): "
                + String.join(", ", details.keySet()) + "; see GET /api/v1/admin/projections/{name}/dead-letters";
        return Health.status(new Status(DEGRADED_CODE, description)).withDetails(details).build();
    }
}
