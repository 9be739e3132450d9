package vn.childprotection.casetracker.platform.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * How Axon stores things in PostgreSQL: the snake_case schema Flyway creates, Spring's transactions, and Jackson.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    /**
     * With plain JDBC on Spring Boot 4 Axon silently falls back to {@code NoTransactionManager}, which would let a
     * projection row and its processor token be written in separate transactions. Declared here on purpose.
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * A {@code ReplayToken} (what every new processor on a non-empty store and every reset starts with) has a field
     * typed {@code Object}; Jackson 3's default validator refuses to resolve it and the processor then never runs.
     * Allow Axon's own types there, nothing else, and never turn on default typing (AxonFramework #4160).
     */
    @Bean
    public Jackson3SerializerCustomizer axonJacksonCustomizer() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }

    /**
     * The serializer of everything Axon stores and sends (Jackson 3, as {@code axon.serializer.*=jackson3} asks),
     * built as Axon's auto-configuration builds it (its revision resolver, a {@link ChainingConverter} on the
     * application's class loader, the {@link #axonJacksonCustomizer}), as a {@link ClassCachingJackson3Serializer}.
     * One instance serves as the general, message and event serializer.
     */
    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver, Jackson3SerializerCustomizer customizer,
                                 ApplicationContext context) {
        return new ClassCachingJackson3Serializer(Jackson3Serializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(context.getClassLoader()))
                .jsonMapperBuilderCustomizer(customizer));
    }

    /** The message serializer: the general one. */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** The event serializer: the general one. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }
}
