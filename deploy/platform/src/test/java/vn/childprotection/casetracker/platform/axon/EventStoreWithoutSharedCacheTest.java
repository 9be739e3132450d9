package vn.childprotection.casetracker.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * The event store reads each processor's events through a stream of its own: no producer thread and no shared list of
 * recent events, which a stalled processor could hold on to until the heap runs out
 * ({@link EventStorageConfiguration#withoutSharedCache}).
 */
class EventStoreWithoutSharedCacheTest {

    @Test
    void a_stream_that_reaches_the_head_starts_no_producer_and_still_sees_later_events() throws Exception {
        EmbeddedEventStore store = EventStorageConfiguration.withoutSharedCache(
                EmbeddedEventStore.builder().threadFactory(new AxonThreadFactory("store-under-test")),
                new InMemoryEventStorageEngine());
        try {
            List<String> read = readToTheHeadAndOneMore(store);

            assertThat(read).containsExactly("case-1", "case-2", "case-3");
            assertThat(threadsNamed("store-under-test")).isZero();
        } finally {
            store.shutDown();
        }
    }

    @Test
    void axons_default_starts_a_producer_once_a_stream_reaches_the_head() throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().threadFactory(new AxonThreadFactory("default-store"))
                .storageEngine(new InMemoryEventStorageEngine()).optimizeEventConsumption(true).build();
        try {
            List<String> read = readToTheHeadAndOneMore(store);

            assertThat(read).containsExactly("case-1", "case-2", "case-3");
            await().atMost(Duration.ofSeconds(10)).until(() -> threadsNamed("default-store") > 0);
        } finally {
            store.shutDown();
        }
    }

    /** Appends two events, reads them and waits at the head, then appends a third and reads it. */
    private static List<String> readToTheHeadAndOneMore(EmbeddedEventStore store) throws Exception {
        store.publish(event("case-1"), event("case-2"));
        List<String> read = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (read.size() < 2) {
                read.add((String) stream.nextAvailable().getPayload());
            }
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            store.publish(event("case-3"));
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.hasNextAvailable(100, TimeUnit.MILLISECONDS));
            read.add((String) stream.nextAvailable().getPayload());
        }
        return read;
    }

    private static GenericDomainEventMessage<String> event(String caseId) {
        return new GenericDomainEventMessage<>("Case", caseId, 0, caseId);
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix)).count();
    }
}
