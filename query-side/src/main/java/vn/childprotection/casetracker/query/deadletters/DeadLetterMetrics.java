package vn.childprotection.casetracker.query.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;

/**
 * Micrometer gauges of parked events, one per projection: {@code casetracker.projection.parked.events} and
 * {@code casetracker.projection.parked.cases}, tagged {@code projection} (its name, the processing group's). A
 * scrape reads the table at most once a second for all gauges; a failed read gives {@code NaN}.
 */
@Component
public class DeadLetterMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final ParkedEvents parked;
    private final List<ProjectionDefinition> projections;
    private final Clock clock = Clock.systemUTC();
    private Map<String, ParkedCount> counts = Map.of();
    private Instant readAt = Instant.MIN;
    private boolean failed;

    public DeadLetterMetrics(ParkedEvents parked, ObjectProvider<ProjectionDefinition> projections) {
        this.parked = parked;
        this.projections = projections.orderedStream().toList();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ProjectionDefinition projection : projections) {
            String group = projection.processingGroup();
            Gauge.builder("casetracker.projection.parked.events", this, m -> m.count(group, true))
                    .description("Events parked in the projection's dead-letter queue")
                    .tag("projection", projection.name()).register(registry);
            Gauge.builder("casetracker.projection.parked.cases", this, m -> m.count(group, false))
                    .description("Cases with events parked in the projection's dead-letter queue")
                    .tag("projection", projection.name()).register(registry);
        }
    }

    private synchronized double count(String group, boolean events) {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(FRESH))) {
            readAt = now;
            try {
                counts = parked.countsByProcessor();
                failed = false;
            } catch (RuntimeException e) {
                failed = true;
                log.warn("Could not count parked events: {}", e.toString());
            }
        }
        if (failed) {
            return Double.NaN;
        }
        ParkedCount count = counts.getOrDefault(group, ParkedCount.NONE);
        return events ? count.events() : count.cases();
    }
}
