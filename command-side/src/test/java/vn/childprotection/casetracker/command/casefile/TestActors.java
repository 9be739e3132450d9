package vn.childprotection.casetracker.command.casefile;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;

/**
 * Puts on each fixture command the actor who would normally send it (as the HTTP layer does in the running
 * service), unless the test set one itself: the chair of the case's commune for commune steps, the acting agency
 * for intervention progress, the coordinator for reassignment, the receiving commune for transfer answers. The
 * case's commune is {@link #COMMUNE} (Thị trấn An Lão) for a step dated before the 2025 reform and
 * {@link #CURRENT_COMMUNE} (Xã An Lão, its successor) from 1/7/2025.
 */
final class TestActors {

    static final String COMMUNE = "313-tt-an-lao";
    static final String CURRENT_COMMUNE = "31-xa-an-lao";
    /** 00:00 on 1 July 2025 in Vietnam: the first instant of the communes of the reform. */
    static final Instant REFORM = Instant.parse("2025-06-30T17:00:00Z");

    private TestActors() {
    }

    static MessageDispatchInterceptor<CommandMessage<?>> usual() {
        return messages -> (index, message) -> {
            if (message.getMetaData().containsKey(ActorMetaData.ROLE)) {
                return message;
            }
            Object command = message.getPayload();
            if (command instanceof ChangeInterventionStatus c) {
                return message.andMetaData(actor("staff", c.actingOrgUnit(), "AGENCY_STAFF"));
            }
            if (command instanceof ReassignIntervention) {
                return message.andMetaData(actor("coordinator", "313-labour-office", "COORDINATOR"));
            }
            if (command instanceof AcceptTransfer c) {
                return message.andMetaData(actor("chair", c.actingOrgUnit(), "COMMUNE_CHAIR"));
            }
            if (command instanceof DeclineTransfer c) {
                return message.andMetaData(actor("chair", c.actingOrgUnit(), "COMMUNE_CHAIR"));
            }
            return message.andMetaData(actor("chair", communeOn(command), "COMMUNE_CHAIR"));
        };
    }

    /** The commune of the usual chair for a command: by the day of its {@code occurredAt}. */
    static String communeOn(Object command) {
        if (command.getClass().isRecord()) {
            for (RecordComponent component : command.getClass().getRecordComponents()) {
                if (component.getName().equals("occurredAt")) {
                    try {
                        Instant at = (Instant) component.getAccessor().invoke(command);
                        return at != null && !at.isBefore(REFORM) ? CURRENT_COMMUNE : COMMUNE;
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return COMMUNE;
    }

    static Map<String, Object> actor(String user, String orgUnit, String role) {
        return Map.of(ActorMetaData.USER, user, ActorMetaData.ORG_UNIT, orgUnit, ActorMetaData.ROLE, role);
    }
}
