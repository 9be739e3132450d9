package vn.childprotection.casetracker.local.bench;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.query.ProjectionProcessingConfiguration;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;
import vn.childprotection.casetracker.query.deadletters.DeadLetterQueues;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;

/**
 * A projection that writes nothing, for benchmarks only: {@code bench-floor} receives the payload of every case event
 * and does nothing with it. Configured as the real projections are (its dead-letter queue here; its pooled processor,
 * two segments, batches of 1,000, by the properties {@code deploy/bench/scale.sh} passes with
 * {@value #ENABLED}{@code =true}), its rebuild goes through the same machinery (the bulk replay: reading, upcasting,
 * deserialising and dispatching each event; the processor; the switch), so its rate is the floor under every
 * projection's: what Axon and the rebuild cost per event before a handler does anything. Its table
 * ({@code bench_floor}, empty) exists only for a rebuild to have something to switch in; it is created once the
 * service is up, so that Flyway meets the schema as it left it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = FloorProjection.ENABLED, havingValue = "true")
public class FloorProjection {

    static final String ENABLED = "casetracker.bench.floor-projection.enabled";
    static final String GROUP = "bench-floor";
    static final String TABLE = "bench_floor";

    @Bean
    Handler benchFloorHandler() {
        return new Handler();
    }

    @Bean
    ProjectionDefinition benchFloorProjection() {
        return ProjectionDefinition.of(GROUP, TABLE);
    }

    @Bean
    ConfigurerModule benchFloorDeadLetterQueue(DeadLetterQueues queues, TransactionManager transactions) {
        return ProjectionProcessingConfiguration.deadLetterQueues(queues, transactions, List.of(GROUP));
    }

    @Bean
    TableCreator benchFloorTable(JdbcTemplate jdbc) {
        return new TableCreator(jdbc);
    }

    /** Receives each case event's payload (so its deserialisation is counted) and does nothing with it. */
    @WritesPerBatch
    @ProcessingGroup(GROUP)
    static class Handler {

        @EventHandler
        void on(CaseEvent event) {
            // nothing: the cost measured is everything around a handler
        }
    }

    /** Creates the projection's empty table once the service is up. */
    static final class TableCreator {

        private final JdbcTemplate jdbc;

        TableCreator(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener(ApplicationReadyEvent.class)
        void create() {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id TEXT PRIMARY KEY)");
        }
    }
}
