package vn.childprotection.casetracker.local.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.command.casefile.DeadlineDue;
import vn.childprotection.casetracker.local.bench.CaseTemplate.PendingDeadline;
import vn.childprotection.casetracker.local.bench.CaseTemplate.StoredEvent;

/**
 * Turns a template into the events of one clone, at the JSON level (one parse and one write per payload and per
 * metadata document; the payload is never turned into its Java type here). The messages carry their payload
 * already serialized with the event serializer, so Axon's storage engine writes these bytes as they are.
 * <p>
 * A time limit of the template that still waits on its schedule gets a schedule of its own for the clone, due at
 * the same instant, through the deadline manager (in the caller's unit of work); limits already missed, met or
 * withdrawn are in the events and need none.
 */
final class CaseCloner {

    /** The deadline name the case aggregate schedules its time limits under ({@code CaseFile.DEADLINE_NAME}). */
    static final String DEADLINE_NAME = "case-deadline";

    private static final byte[] EMPTY_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final Serializer eventSerializer;
    private final DeadlineManager deadlines;
    private final JsonMapper json;

    /**
     * @param eventSerializer the storage engine's event serializer (the same instance, so its bytes are kept)
     * @param deadlines       the persistent deadline manager
     * @param json            parses and writes the documents
     */
    CaseCloner(Serializer eventSerializer, DeadlineManager deadlines, JsonMapper json) {
        this.eventSerializer = eventSerializer;
        this.deadlines = deadlines;
        this.json = json;
    }

    /**
     * The fresh ids of a new clone; its child keys (the template's {@link CaseTemplate#keyIds()} mapped) are to be
     * created and handed to {@link CloneIds#useKeys} before {@link #events}.
     */
    CloneIds prepare(CaseTemplate template) {
        CloneIds ids = new CloneIds(template.plainTexts());
        template.keyIds().forEach(ids::id);
        return ids;
    }

    /** The clone's child key ids, to create. */
    static List<String> keyIds(CaseTemplate template, CloneIds ids) {
        return template.keyIds().stream().map(ids::id).toList();
    }

    /**
     * Schedules the clone's waiting time limits and writes its events. Call inside a unit of work.
     *
     * @return the clone's events, in sequence order, with the template's sequence numbers and times
     */
    List<DomainEventMessage<?>> events(CaseTemplate template, CloneIds ids) {
        String caseId = ids.id(template.caseId());
        for (PendingDeadline deadline : template.deadlines()) {
            String scheduleId = deadlines.schedule(deadline.dueAt(), DEADLINE_NAME,
                    new DeadlineDue(deadline.deadlineId()),
                    new AggregateScopeDescriptor(template.aggregateType(), caseId));
            ids.assign(deadline.scheduleId(), scheduleId);
        }
        List<DomainEventMessage<?>> events = new ArrayList<>(template.events().size());
        for (StoredEvent event : template.events()) {
            SerializedObject<byte[]> payload = new SimpleSerializedObject<>(rewrite(event.payload(), ids),
                    byte[].class, event.payloadType(), event.payloadRevision());
            SerializedObject<byte[]> metaData = new SimpleSerializedObject<>(
                    event.metaData() == null ? EMPTY_META_DATA
                            : rewrite(event.metaData(), ids),
                    byte[].class, MetaData.class.getName(), null);
            events.add(new GenericDomainEventMessage<>(template.aggregateType(), caseId, event.sequenceNumber(),
                    new SerializedMessage<>(ids.id(event.eventId()), payload, metaData, eventSerializer),
                    event.timestamp()));
        }
        return events;
    }

    private byte[] rewrite(byte[] document, CloneIds ids) {
        JsonNode tree = json.readTree(document);
        return json.writeValueAsBytes(ids.rewrite(tree));
    }
}
