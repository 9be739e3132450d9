package vn.childprotection.casetracker.platform.orgunits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import vn.childprotection.casetracker.events.OrgStructureChanged;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.security.Actor;

/**
 * The loadings of the list of org units in Axon's event store: the events {@link OrgStructureChanged} of the
 * aggregate {@value #AGGREGATE_ID} (type {@value #AGGREGATE_TYPE}), sequence number = version − 1. The store's
 * unique (aggregate, sequence) key is what lets only one of two concurrent loadings of the same version win.
 */
public class OrgStructureEvents {

    /** The aggregate identifier of every loading. */
    public static final String AGGREGATE_ID = "org-structure";
    /** The aggregate type of every loading. */
    public static final String AGGREGATE_TYPE = "OrgStructure";

    private final EventStore eventStore;

    /**
     * @param eventStore Axon's event store (JDBC on PostgreSQL, or Axon Server with the {@code axonserver} profile)
     */
    public OrgStructureEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The latest version recorded in the store; 0 (the shipped list) when none was loaded. */
    public int latestVersion() {
        Optional<Long> last = eventStore.lastSequenceNumberFor(AGGREGATE_ID);
        return last.map(sequence -> (int) (sequence + 1)).orElse(0);
    }

    /**
     * @param firstVersion the first version to read (1 or more)
     * @return the recorded versions from {@code firstVersion} on, in order
     * @throws IllegalStateException when a recorded document does not match its SHA-256 or breaks the rules
     */
    public List<OrgStructureVersion> readFrom(int firstVersion) {
        List<OrgStructureVersion> versions = new ArrayList<>();
        eventStore.readEvents(AGGREGATE_ID, firstVersion - 1L).asStream()
                .forEach(message -> versions.add(version(message)));
        return versions;
    }

    /**
     * Records a loading with the actor's metadata, as every event carries (see {@link ActorMetaData}).
     *
     * @throws OrgStructureConflict when another loading of the same version was recorded first
     */
    public void append(OrgStructureChanged loading, Actor actor) {
        Map<String, Object> who = Map.of(ActorMetaData.USER, actor.username(),
                ActorMetaData.ORG_UNIT, actor.orgUnit(), ActorMetaData.ROLE, actor.role().name());
        DomainEventMessage<OrgStructureChanged> message = new GenericDomainEventMessage<>(AGGREGATE_TYPE,
                AGGREGATE_ID, loading.version() - 1L, loading, who,
                IdentifierFactory.getInstance().generateIdentifier(), loading.occurredAt());
        try {
            eventStore.publish(message);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            throw new OrgStructureConflict(loading.version(), latestVersion());
        } catch (RuntimeException e) {
            if (latestVersion() >= loading.version()) {
                throw new OrgStructureConflict(loading.version(), latestVersion());
            }
            throw e;
        }
    }

    private static OrgStructureVersion version(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof OrgStructureChanged changed)) {
            throw new IllegalStateException("Unexpected event " + message.getPayloadType().getName() + " in "
                    + AGGREGATE_ID);
        }
        byte[] document = changed.document().getBytes(StandardCharsets.UTF_8);
        if (!OrgStructureDocument.sha256(document).equals(changed.sha256())) {
            throw new IllegalStateException("The document of org structure version " + changed.version()
                    + " does not match its SHA-256");
        }
        OrgUnitRegistry.OrgUnitFile file = OrgStructureDocument.read(document);
        OrgStructure structure;
        try {
            structure = new OrgStructure(file.orgUnits(), file.reportingGroups());
        } catch (InvalidOrgStructure e) {
            throw new IllegalStateException("Org structure version " + changed.version() + " breaks a rule: "
                    + e.getMessage(), e);
        }
        Object user = message.getMetaData().get(ActorMetaData.USER);
        return new OrgStructureVersion(changed.version(), changed.sha256(), message.getTimestamp(),
                changed.legalBasis(), user == null ? null : user.toString(), structure);
    }
}
