package vn.childprotection.casetracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's writer knows each changed document as it was loaded before the batch changed it (what the stored rows
 * hold until the batch writes), so that what is derived from the rows (kept counts) needs no second read of them.
 */
class ProjectionBatchAsLoadedTest {

    /** The batches here add no statement, so nothing reaches a database. */
    private static final JdbcTemplate NO_DATABASE = new JdbcTemplate();

    @Test
    void the_writer_sees_each_changed_document_as_loaded_and_as_folded() {
        Map<String, Object> changed = new HashMap<>();
        Map<String, Object> asLoaded = new HashMap<>();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event("case-1"),
                event("case-2"), event("case-3")));
        unitOfWork.start();
        ProjectionBatch batch = ProjectionBatch.of(this, NO_DATABASE, b -> b.changedDocuments().forEach((key, now) -> {
            changed.put(key, now);
            asLoaded.put(key, b.loadedDocument(key));
        }));
        batch.loaded("case-1", "stored 1");
        batch.loaded("case-2", null);
        batch.loaded("case-3", "stored 3");

        batch.fold("case-1", "folded 1");
        ProjectionBatch.eventHandled(this);
        batch.fold("case-1", "folded twice 1");
        ProjectionBatch.eventHandled(this);
        batch.loaded("case-1", "read again 1");
        batch.fold("case-2", "new 2");
        ProjectionBatch.eventHandled(this);
        unitOfWork.commit();

        assertThat(changed).containsOnly(Map.entry("case-1", "folded twice 1"), Map.entry("case-2", "new 2"));
        assertThat(asLoaded).containsOnlyKeys("case-1", "case-2").containsEntry("case-1", "stored 1");
        assertThat(asLoaded.get("case-2")).isNull();
    }

    @Test
    void a_document_loaded_after_a_failed_event_keeps_its_stored_state() {
        Map<String, Object> asLoaded = new HashMap<>();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event("case-1")));
        unitOfWork.start();
        ProjectionBatch batch = ProjectionBatch.of(this, NO_DATABASE,
                b -> b.changedDocuments().keySet().forEach(key -> asLoaded.put(key, b.loadedDocument(key))));
        batch.loaded("case-1", "stored 1");
        batch.fold("case-1", "failed 1");
        ProjectionBatch.eventFailed(this);
        batch.fold("case-1", "folded 1");
        ProjectionBatch.eventHandled(this);
        unitOfWork.commit();

        assertThat(asLoaded).containsOnly(Map.entry("case-1", "stored 1"));
    }

    private static EventMessage<String> event(String caseId) {
        return new GenericDomainEventMessage<>("CaseFile", caseId, 0, "payload");
    }
}
