package vn.childprotection.casetracker.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.platform.integrity.EventLinkAuthenticator;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * The event storage engine: Axon's JDBC one, built as Axon's Spring Boot auto-configuration builds it (which backs
 * off when an {@link EventStorageEngine} bean exists), with each appended event's chain link authenticated in the
 * append transaction and each read event's instant parsed once ({@link TimestampOnceEventStorageEngine}); and the
 * event store over it, without the shared cache of recent events ({@link #withoutSharedCache}). Not declared with
 * Axon Server ({@code axon.axonserver.enabled=true}), which stores the events.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStorageConfiguration.class);

    /**
     * Events read per query by a processor that is behind (a rebuild, a catch-up), and per query when an aggregate is
     * loaded; Axon's default is 100. A rebuild's coordinator reads the store on one thread and waits for each query's
     * round trip, so with 100 it was the slowest part of a rebuild once the work packages took full batches: rebuilt
     * with 1,000, the no-op projection went from 52,000 to 60,000 events/s and the one receiving payloads from 36,000
     * to 49,000 (query-side README, "Rebuild throughput"). A processor at the head of the store reads what is there.
     */
    static final int READ_BATCH = 1000;

    /**
     * @param sealEvents {@code casetracker.integrity.seal-events}: false only to measure what authentication costs
     *                   (benchmarks); events are then stored without {@code link_mac} and verification reports
     *                   every one of them as not authenticated
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 IntegrityKey key,
                                                 @Value("${casetracker.integrity.seal-events:true}")
                                                 boolean sealEvents) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(READ_BATCH);
        if (!sealEvents) {
            log.warn("casetracker.integrity.seal-events=false: events are stored WITHOUT authentication and never "
                    + "sealed into the store chain; verification reports every one as not authenticated. Only for "
                    + "measuring what authentication costs.");
            return new TimestampOnceEventStorageEngine(builder);
        }
        return new AuthenticatingEventStorageEngine(builder, transactionManager, new EventLinkAuthenticator(key));
    }

    /**
     * Tells a duplicate key (the same aggregate and sequence number appended twice) from other failures, as Axon's JDBC
     * auto-configuration declares it; declared here because that auto-configuration withdraws it once an event store
     * bean exists ({@link #eventStore}).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /**
     * The event store every processor reads from: Axon's {@link EmbeddedEventStore} as the auto-configuration builds
     * it (which backs off when an event bus bean exists), but each processor reads the store through a stream of its
     * own ({@link #withoutSharedCache}).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        return withoutSharedCache(EmbeddedEventStore.builder()
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), storageEngine);
    }

    /**
     * Builds the store with Axon's "event consumption optimization" off: no producer thread filling a linked list of
     * recent events that processors near the head share. That list is held from the oldest node any tailing processor
     * still points at, and a processor whose work packages are full stops reading without leaving it; the producer
     * keeps reading the store meanwhile. After a burst (1.26 million events appended while the projections were
     * paused) the list grew to over 300,000 nodes with their events and a 512 MB heap ran out during the catch-up
     * (docs/benchmarks.md, "At scale"); Axon's own issues #2954 and #3135 describe the same leak, and Axon 5 drops the
     * cache. Without it, a processor that reached the head polls the store (the pooled processor does every 500 ms
     * when idle, as it did with the cache, which offers no availability callback either).
     *
     * @param builder the store's builder, its storage engine not set yet
     * @param engine  where the events are stored
     * @return the store, never starting a producer thread
     */
    static EmbeddedEventStore withoutSharedCache(EmbeddedEventStore.Builder builder, EventStorageEngine engine) {
        return builder.storageEngine(engine).optimizeEventConsumption(false).build();
    }
}
