package vn.childprotection.casetracker.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
 * append transaction. Not declared with Axon Server ({@code axon.axonserver.enabled=true}), which stores the events.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStorageConfiguration.class);

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
                .schema(eventSchema);
        if (!sealEvents) {
            log.warn("casetracker.integrity.seal-events=false: events are stored WITHOUT authentication and never "
                    + "sealed into the store chain; verification reports every one as not authenticated. Only for "
                    + "measuring what authentication costs.");
            return builder.build();
        }
        return new AuthenticatingEventStorageEngine(builder, transactionManager, new EventLinkAuthenticator(key));
    }
}
