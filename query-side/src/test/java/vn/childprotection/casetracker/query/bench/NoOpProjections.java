package vn.childprotection.casetracker.query.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ConcludesBatch;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.context.annotation.Bean;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.query.ProjectionProcessingConfiguration;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;
import vn.childprotection.casetracker.query.deadletters.DeadLetterQueues;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;

/**
 * Two projections that write nothing, configured as the real ones are (pooled processor, two segments, the
 * dead-letter queue, staged event boundaries), so that their rebuild measures what Axon and the rebuild's machinery
 * alone cost per event: {@code bench-noop} handles every case event without reading its payload (what Axon costs
 * around a handler), {@code bench-noop-payload} receives each event's payload (plus its deserialisation). Only for
 * {@link RebuildThroughputBenchmark}; each names a table of its own so that a rebuild has something to switch in.
 * <p>
 * Deliberately not annotated as a configuration: the benchmark imports it, and component scanning of the query side's
 * package (which the other tests' shared context does) must not find it.
 */
class NoOpProjections {

    static final String BARE = "bench-noop";
    static final String PAYLOAD = "bench-noop-payload";
    static final List<String> GROUPS = List.of(BARE, PAYLOAD);

    /** Events {@code bench-noop} handled, and the batches they came in (the last event of each), since the reset. */
    static final AtomicLong BARE_EVENTS = new AtomicLong();
    static final AtomicLong BARE_BATCHES = new AtomicLong();
    @Bean
    Bare benchNoOpBare() {
        return new Bare();
    }

    @Bean
    Payload benchNoOpPayload() {
        return new Payload();
    }

    @Bean
    ProjectionDefinition benchNoOpProjectionDefinition() {
        return ProjectionDefinition.of(BARE, "bench_noop");
    }

    @Bean
    ProjectionDefinition benchNoOpPayloadProjectionDefinition() {
        return ProjectionDefinition.of(PAYLOAD, "bench_noop_payload");
    }

    @Bean
    ConfigurerModule benchNoOpDeadLetterQueues(DeadLetterQueues queues, TransactionManager transactions) {
        return ProjectionProcessingConfiguration.deadLetterQueues(queues, transactions, GROUPS);
    }

    /** Handles every case event, never reading its payload. */
    @WritesPerBatch
    @ProcessingGroup(BARE)
    static class Bare {

        @EventHandler(payloadType = CaseEvent.class)
        void on(@SequenceNumber Long sequenceNumber, @ConcludesBatch boolean lastOfBatch) {
            // nothing but counting: the cost measured is Axon's
            BARE_EVENTS.incrementAndGet();
            if (lastOfBatch) {
                BARE_BATCHES.incrementAndGet();
            }
        }
    }

    /** Handles every case event, receiving its payload. */
    @WritesPerBatch
    @ProcessingGroup(PAYLOAD)
    static class Payload {

        @EventHandler
        void on(CaseEvent event) {
            // nothing but the deserialisation of the payload
        }
    }
}
