package vn.childprotection.casetracker.query.deadletters;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the dead-letter queue of a processing group: Axon's {@link JdbcSequencedDeadLetterQueue} on table
 * {@code dead_letter_entry} (migration {@code V3_6__dead_letters.sql}), one queue per processor name in the same
 * table. Used for the live processors and for a rebuild's shadow processor.
 * <p>
 * Payload, metadata and diagnostics are written with the event serializer, the tracking token with the general one
 * (both Jackson 3, see the platform's {@code AxonStorageConfiguration}: the tokens are Axon's own types, which its
 * polymorphic type validator admits).
 */
@Component
public class DeadLetterQueues {

    private final ConnectionProvider connections;
    private final DeadLetterSchema schema;
    private final int maxSequences;
    private final int maxSequenceSize;

    /**
     * @param maxSequences    how many cases may have parked events in one group
     *                        ({@code casetracker.projections.dead-letters.max-sequences}, default 10,000); beyond, the
     *                        next event to park fails and its segment retries like a transient error
     * @param maxSequenceSize how many events of one case may wait in one group
     *                        ({@code casetracker.projections.dead-letters.max-sequence-size}, default 1,024)
     */
    public DeadLetterQueues(ConnectionProvider connections, DeadLetterSchema schema,
                            @Value("${casetracker.projections.dead-letters.max-sequences:10000}") int maxSequences,
                            @Value("${casetracker.projections.dead-letters.max-sequence-size:1024}")
                            int maxSequenceSize) {
        this.connections = connections;
        this.schema = schema;
        this.maxSequences = maxSequences;
        this.maxSequenceSize = maxSequenceSize;
    }

    /**
     * A queue for the processor (or processing group) named {@code processorName}, whose operations run in
     * {@code transactions}.
     */
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String processorName, TransactionManager transactions,
                                                           Serializer generalSerializer,
                                                           Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processorName)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .genericSerializer(generalSerializer)
                .eventSerializer(eventSerializer)
                .maxSequences(maxSequences)
                .maxSequenceSize(maxSequenceSize)
                .build();
    }

    /**
     * {@code dead_letter_entry} and its columns in snake_case, as the migration creates them.
     */
    public static DeadLetterSchema snakeCaseSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
