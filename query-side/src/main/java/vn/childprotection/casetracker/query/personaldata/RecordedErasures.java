package vn.childprotection.casetracker.query.personaldata;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.ChildIdentityErased;

/**
 * Whether an erasure (<i>xóa danh tính</i>) was recorded for a case, asked of the event store itself. The command
 * side deletes the child's key in the transaction that stores {@code ChildIdentityErased}; the projections see that
 * event a moment later. A key found missing is therefore first checked here, so that a read in that moment is
 * answered as erased rather than reported as an integrity error. Only asked when a key is missing: it reads the
 * case's events (a few dozen), from the first, as no snapshot may hide one.
 */
@Component
public class RecordedErasures {

    private final EventStore eventStore;

    public RecordedErasures(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @return whether the case's events include a {@code ChildIdentityErased}
     */
    public boolean recordedFor(String caseId) {
        return caseId != null && eventStore.readEvents(caseId, 0).asStream()
                .anyMatch(event -> ChildIdentityErased.class.equals(event.getPayloadType()));
    }
}
