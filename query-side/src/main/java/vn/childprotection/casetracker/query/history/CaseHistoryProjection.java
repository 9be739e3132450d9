package vn.childprotection.casetracker.query.history;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.query.personaldata.SealedValues;

/**
 * Keeps the case history (<i>lịch sử vụ việc</i>): every event of every case, in order, with who recorded it, in
 * which org unit and role, and when. The event's own fields go to {@code details} without its sealed personal
 * data: the history is read by auditors and must stay readable after a child's key is erased.
 * <p>
 * The rows of a batch of events are written together, with one batch statement ({@link ProjectionBatch}).
 */
@Component
@WritesPerBatch
@ProcessingGroup(CaseHistoryProjection.PROCESSING_GROUP)
public class CaseHistoryProjection {

    public static final String PROCESSING_GROUP = "case-history";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CaseHistoryProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM case_history");
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt,
            @MetaDataValue(ActorMetaData.USER) String userId,
            @MetaDataValue(ActorMetaData.ORG_UNIT) String orgUnit,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        ProjectionBatch.of(this, jdbc, batch -> { }).add("""
                INSERT INTO case_history (case_id, sequence_number, event_type, occurred_at, recorded_at, user_id,
                                          org_unit, role, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (case_id, sequence_number) DO NOTHING""",
                event.caseId(), sequenceNumber, event.getClass().getSimpleName(), utc(event.occurredAt()),
                utc(recordedAt), userId, orgUnit, role, json.writeValueAsString(details(event)));
    }

    /**
     * The event's fields without its sealed values. A set is written in its elements' natural order (enums in
     * declaration order), so a rebuild in another JVM writes the same details.
     */
    private ObjectNode details(CaseEvent event) {
        ObjectNode details = json.valueToTree(event);
        SealedValues.removeAll(details);
        RecordComponent[] components = event.getClass().getRecordComponents();
        for (RecordComponent component : components == null ? new RecordComponent[0] : components) {
            if (java.util.Set.class.isAssignableFrom(component.getType()) && details.has(component.getName())) {
                details.set(component.getName(), json.valueToTree(sorted(read(component, event))));
            }
        }
        return details;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<?> sorted(Object set) {
        if (set == null) {
            return null;
        }
        Collection<?> values = (Collection<?>) set;
        if (values.stream().allMatch(v -> v instanceof Comparable)) {
            return values.stream().map(v -> (Comparable) v).sorted(Comparator.naturalOrder()).toList();
        }
        return List.copyOf(values);
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
