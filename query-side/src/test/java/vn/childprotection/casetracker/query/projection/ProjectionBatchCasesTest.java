package vn.childprotection.casetracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The cases a batch concerns are known from its events' aggregate identifiers, so a projection preloads them without
 * deserialising the events it does not handle.
 */
class ProjectionBatchCasesTest {

    @Test
    void the_cases_of_a_batch_come_from_its_events_aggregate_identifiers_without_reading_a_payload() {
        List<EventMessage<?>> events = List.of(unreadable("case-1", 0), unreadable("case-2", 0),
                unreadable("case-1", 1), GenericEventMessage.asEventMessage("no aggregate"));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.start();
        try {
            ProjectionBatch batch = ProjectionBatch.of(this, null, b -> { });

            assertThat(batch.aggregateIdentifiers()).containsExactly("case-1", "case-2");
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void outside_a_processor_batch_no_case_is_known_in_advance() {
        ProjectionBatch batch = ProjectionBatch.of(this, null, b -> { });
        try {
            assertThat(batch.aggregateIdentifiers()).isEmpty();
            assertThat(batch.payloads()).isEmpty();
        } finally {
            StandaloneBatches.forget(this);
        }
    }

    /** An event of a case whose payload cannot be read: reading it would fail the test. */
    private static EventMessage<String> unreadable(String caseId, long sequence) {
        return new GenericDomainEventMessage<>("CaseFile", caseId, sequence, "payload") {
            @Override
            public String getPayload() {
                throw new AssertionError("the payload of " + caseId + " was deserialised");
            }
        };
    }
}
